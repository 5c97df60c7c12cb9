/**
 * When the LMS's API is there but Initialize fails (an LMS still setting up its session, a
 * hiccup): work as the local tracker does (progress in this browser, one plain message), and try
 * Initialize again at each commit (after each decision, and when the page is hidden), up to
 * `tries` times. When it works, and the LMS holds no progress other than what this session
 * started from, everything made so far goes to the LMS: the decisions (interactions), the
 * objectives and the progress, then a commit; the message goes away. If the LMS holds other
 * progress (from another computer, say), it is not overwritten: the session stays in this
 * browser, and that LMS session is finished straight away.
 */
import { createStatus, MESSAGES } from './status.js';
import type {
	DecisionRecord,
	LaunchData,
	ObjectiveRecord,
	ProgressRecord,
	Tracker
} from './types.js';

export const INIT_RETRIES = 5;

export function createReconnectingTracker(
	local: Tracker,
	reopen: () => Tracker | null,
	tries = INIT_RETRIES
): Tracker {
	const status = createStatus();
	let inner = local;
	let left = tries;
	let finished = false;
	let launch: LaunchData | null = null;
	let declared: ObjectiveRecord[] | null = null;
	let objectives: ObjectiveRecord[] | null = null;
	let progress: ProgressRecord | null = null;
	const decisions = new Map<string, DecisionRecord>();
	local.onStatus((s) => inner === local && status.emit(s));

	function retry() {
		if (inner !== local || finished || left <= 0) return;
		left--;
		let lms: Tracker | null = null;
		try {
			lms = reopen();
		} catch (e) {
			console.warn('[lms] could not start the LMS tracker', e);
		}
		if (!lms) return;
		const from = lms.start();
		const started = launch?.suspendData ?? '';
		// The LMS holds what this session started from (or has just taken this browser's copy).
		if (from.suspendData !== started && from.suspendData !== (progress?.suspendData ?? started)) {
			console.warn(
				'[lms] connected, but the LMS holds other progress: this session stays in this browser'
			);
			left = 0;
			lms.finish();
			return;
		}
		inner = lms;
		status.emit({ kind: 'ok', message: MESSAGES.ok });
		lms.onStatus((s) => status.emit(s));
		if (declared) lms.declareObjectives(declared);
		for (const d of decisions.values()) lms.recordDecision(d);
		if (objectives) lms.updateObjectives(objectives);
		if (progress) lms.saveProgress(progress);
		lms.commit();
		decisions.clear();
		local.release?.();
	}

	return {
		get kind() {
			return inner.kind;
		},
		start() {
			return (launch ??= local.start());
		},
		declareObjectives(list) {
			declared = list;
			inner.declareObjectives(list);
		},
		recordDecision(d) {
			if (inner === local) decisions.set(d.id, d);
			inner.recordDecision(d);
		},
		updateObjectives(list) {
			objectives = list;
			inner.updateObjectives(list);
		},
		saveProgress(p) {
			progress = p;
			inner.saveProgress(p);
		},
		commit() {
			inner.commit();
			try {
				retry();
			} catch (e) {
				console.warn('[lms] reconnecting failed', e);
			}
		},
		finish() {
			finished = true;
			inner.finish();
		},
		resume() {
			inner.resume?.();
		},
		onStatus: (listener) => status.on(listener)
	};
}
