/**
 * The tracker when there is no LMS (or it would not start): the same data, kept in this browser
 * (localStorage, or memory when that is unavailable), and one plain message saying so.
 *
 * owner 'browser' (no LMS API at all): this browser's copy of the course, resumed from.
 * owner 'unknown' (an LMS is there but would not start, so no one knows who is signed in): the
 * session starts empty — it never loads anyone's copy — and keeps its work in a copy of its own,
 * which the next LMS session offers to its learner to claim (storage.ts, scorm.ts).
 */
import { createStatus, MESSAGES } from './status.js';
import { createStore, learnerKey, unknownPrefix, type Saved } from './storage.js';
import type { LaunchData, ObjectiveRecord, Tracker, TrackerOptions } from './types.js';

export function createLocalTracker(
	win: Window,
	options: TrackerOptions,
	message: string = MESSAGES.noLms,
	owner: 'browser' | 'unknown' = 'browser'
): Tracker {
	const status = createStatus();
	status.emit({ kind: 'no-lms', message });
	const unknown = owner === 'unknown';
	const key = unknown
		? `${unknownPrefix(options.storageKey)}${Date.now()}-${Math.random().toString(36).slice(2, 8)}`
		: options.storageKey;
	const store = createStore(win, key);
	const empty = { suspendData: '', location: '', score: 0, complete: false, passed: false };
	let data: Saved | null = null;
	let launch: LaunchData | null = null;

	const load = (): Saved => {
		if (data) return data;
		const stored = unknown ? null : store.load();
		// A copy that names a learner is that learner's (an LMS session's, from before copies had
		// a key per learner): never loaded here, but moved to that learner's key, not overwritten.
		if (stored && stored.learner !== '')
			createStore(win, learnerKey(options.storageKey, stored.learner)).save(stored);
		data =
			stored && stored.learner === ''
				? stored
				: { v: 1, learner: '', unsynced: true, base: '', progress: empty };
		return data;
	};
	const save = () => {
		if (data) store.save(unknown ? { ...data, savedAt: new Date().toISOString() } : data);
	};
	const keep = (list: ObjectiveRecord[]) => {
		if (!options.objectives) return;
		const byId = new Map((load().objectives ?? []).map((o) => [o.id, o]));
		for (const o of list) byId.set(o.id, { ...o });
		load().objectives = [...byId.values()];
		save();
	};

	return {
		kind: 'local',
		start() {
			const p = load().progress;
			launch ??= {
				kind: 'local',
				learnerName: '',
				suspendData: p.suspendData,
				resumed: p.suspendData !== '',
				finished: p.complete,
				...(p.location ? { location: p.location } : {})
			};
			return launch;
		},
		declareObjectives(list) {
			const known = new Set((load().objectives ?? []).map((o) => o.id));
			keep(list.filter((o) => !known.has(o.id)));
		},
		updateObjectives: keep,
		recordDecision(d) {
			if (!options.interactions) return;
			const s = load();
			const others = (Array.isArray(s.decisions) ? s.decisions : []).filter((x) => x.id !== d.id);
			s.decisions = [...others, { ...d, timestamp: d.timestamp.toISOString() }];
			save();
		},
		saveProgress(p) {
			// Not in the LMS. Owner unknown: the next LMS session asks its learner whether it is theirs.
			const s = load();
			s.progress = { ...p };
			s.unsynced = true;
			save();
		},
		commit() {},
		finish() {},
		release() {
			// The LMS has taken this session's work (reconnect.ts): nothing is left to claim.
			if (unknown) store.remove();
		},
		onStatus: (listener) => status.on(listener)
	};
}
