/**
 * A tracker whose writing code arrives after the first screen (start.ts): the session is open and
 * what the learner starts from is read at launch (`early`); the rest, the full tracker, loads
 * after the page's load event, or at once when something is to be written. Until it arrives,
 * calls wait in order and are then made as they were called. Objectives declared at launch do
 * not hurry it (they wait for the load event).
 *
 * If the page is hidden for good before it arrives (pagehide), what waits is kept in this
 * browser (`keep`: the next launch sends it, copies.ts) and the session is closed with the early
 * code (`close`); anything after that (the page shown again from the back/forward cache) is kept
 * in this browser too, and the learner is told, as when an LMS will not open a new session. If it cannot be loaded, the learner is told once, what waits is kept in this
 * browser, and the next call tries again.
 */
import { createStatus, MESSAGES } from './status.js';
import type { LaunchData, Tracker, TrackerKind } from './types.js';

type Method =
	| 'declareObjectives'
	| 'recordDecision'
	| 'updateObjectives'
	| 'saveProgress'
	| 'commit'
	| 'finish'
	| 'claim'
	| 'resume';
/** A call waiting for the full tracker. */
export type Call = { [M in Method]: [M, Parameters<NonNullable<Tracker[M]>>] }[Method];

export interface Early {
	kind: TrackerKind;
	launch: LaunchData;
	onStatus: Tracker['onStatus'];
	/** The full tracker (started by the caller of `load`, here). */
	load(): Tracker | Promise<Tracker>;
	/** Keep what waits in this browser: the page may close, or the code may never arrive. */
	keep(waiting: Call[]): void;
	/** Finish the session with the early code only (pagehide before the full tracker arrived). */
	close(): void;
}

const warn = (what: string, e: unknown) => console.warn(`[lms] ${what}`, e);

/** Makes the calls on `t`, each guarded (a tracker never throws to its caller). */
export function replay(t: Tracker, calls: Call[]) {
	for (const [method, args] of calls) {
		try {
			(t[method] as ((...a: unknown[]) => void) | undefined)?.(...args);
		} catch (e) {
			warn(`${method} threw`, e);
		}
	}
}

export function deferTracker(win: Window, early: Early): Tracker {
	const status = createStatus();
	early.onStatus((s) => status.emit(s));
	let inner: Tracker | null = null;
	let loading = false;
	let told = false;
	// Finished before the full tracker arrived: from then on, everything stays in this browser.
	let closed = false;
	const waiting: Call[] = [];

	function arrived(t: Tracker) {
		if (closed) return;
		inner = t;
		if (told) status.emit({ kind: 'ok', message: MESSAGES.ok });
		t.onStatus((s) => status.emit(s));
		try {
			t.start();
		} catch (e) {
			warn('start threw', e);
		}
		replay(t, waiting.splice(0));
	}
	function failed(e: unknown) {
		loading = false;
		told = true;
		warn('the code that saves progress to the learning system could not be loaded', e);
		status.emit({ kind: 'lms-error', message: MESSAGES.lmsError });
		early.keep(waiting);
	}
	function load() {
		if (inner || loading || closed) return;
		loading = true;
		try {
			const got = early.load();
			if (got instanceof Promise) got.then(arrived, failed);
			else arrived(got);
		} catch (e) {
			failed(e);
		}
	}
	const call = (c: Call, hurry = true) => {
		if (inner) return replay(inner, [c]);
		waiting.push(c);
		if (!closed) return hurry && load();
		// Shown again from the back/forward cache: the session is over, as when an LMS will not
		// open a new one (scorm.ts resume); the next launch sends what is kept here.
		if (c[0] === 'resume') status.emit({ kind: 'lms-error', message: MESSAGES.reopened });
		else early.keep(waiting);
	};
	if (win.document?.readyState !== 'loading' && win.document?.readyState !== 'interactive') load();
	else win.addEventListener('load', load, { once: true });

	return {
		get kind() {
			return inner?.kind ?? early.kind;
		},
		start: () => early.launch,
		declareObjectives: (list) => call(['declareObjectives', [list]], false),
		recordDecision: (d) => call(['recordDecision', [d]]),
		updateObjectives: (list) => call(['updateObjectives', [list]]),
		saveProgress: (p) => call(['saveProgress', [p]]),
		commit: () => call(['commit', []]),
		claim: (mine) => call(['claim', [mine]]),
		resume: () => call(['resume', []]),
		finish() {
			if (inner) return replay(inner, [['finish', []]]);
			waiting.push(['finish', []]);
			if (closed) return;
			closed = true;
			try {
				early.keep(waiting);
				early.close();
			} catch (e) {
				warn('finish threw', e);
			}
		},
		onStatus: (listener) => status.on(listener)
	};
}
