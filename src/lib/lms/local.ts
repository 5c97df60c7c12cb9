/**
 * The tracker when there is no LMS (or it would not start): the same data, kept in this browser
 * (localStorage, or memory when that is unavailable), and one plain message saying so.
 */
import { createStatus, MESSAGES } from './status.js';
import { createStore, type Saved } from './storage.js';
import type { LaunchData, ObjectiveRecord, Tracker, TrackerOptions } from './types.js';

export function createLocalTracker(
	win: Window,
	options: TrackerOptions,
	message: string = MESSAGES.noLms
): Tracker {
	const status = createStatus();
	status.emit({ kind: 'no-lms', message });
	const store = createStore(win, options.storageKey);
	const empty = { suspendData: '', location: '', score: 0, complete: false, passed: false };
	let data: Saved | null = null;
	let launch: LaunchData | null = null;

	const load = (): Saved => {
		data ??= store.load() ?? { v: 1, learner: '', unsynced: true, base: '', progress: empty };
		return data;
	};
	const save = () => {
		if (data) store.save(data);
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
				finished: p.complete
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
			// Not in the LMS: if this copy came from an LMS session (it names the learner), the next
			// launch of the LMS tracker for that learner sends it (see scorm.ts start()).
			const s = load();
			s.progress = { ...p };
			s.unsynced = true;
			save();
		},
		commit() {},
		finish() {},
		onStatus: (listener) => status.on(listener)
	};
}
