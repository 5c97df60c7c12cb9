/**
 * The tracker the module starts with. Finds the LMS API of the package's version, initialises
 * it and reads what the learner starts from straight away (open.ts), so the first screen shows
 * their own progress; the code that writes to the LMS (late.ts) comes with the later pages'
 * code, and calls wait for it (deferred.ts). Without an API, the local tracker (which reports
 * 'no-lms'). When Initialize fails, the local tracker too, for a learner whose identity is
 * unknown (it starts empty and loads no one's copy), trying Initialize again at later commits
 * (reconnect.ts). Never throws.
 *
 * `late`: the module itself (tests, index.ts) or a function that imports it.
 */
import { deferTracker, replay, type Call } from './deferred.js';
import { launch12, launch2004 } from './dialect.js';
import { discover } from './discover.js';
import type * as LateModule from './late.js';
import { createLocalTracker } from './local.js';
import { openScorm, readLaunch, type Opened } from './open.js';
import { MESSAGES } from './status.js';
import type { StoredDecision } from './storage.js';
import type { LaunchData, ProgressRecord, Tracker, TrackerOptions } from './types.js';

export type Late = typeof LateModule;

export function startTracker(
	win: Window,
	options: TrackerOptions,
	late: Late | (() => Promise<Late>)
): Tracker {
	const found = discover(win, options.version);
	if (!found) return createLocalTracker(win, options, MESSAGES.noLms);
	// (A package build knows its version, __SCORM__: the other version is dropped from it.)
	const d =
		found.version === 'scorm12' && __SCORM__ !== '2004'
			? launch12
			: found.version === 'scorm2004' && __SCORM__ !== '1.2'
				? launch2004
				: null;
	const open = (): Opened | null => {
		try {
			return d && openScorm(found.api, win, options, d);
		} catch (e) {
			console.warn('[lms] could not start the LMS tracker', e);
			return null;
		}
	};
	const withLate = <T>(f: (m: Late) => T): T | Promise<T> =>
		typeof late === 'function' ? late().then(f) : f(late);
	const o = open();
	if (o && d) {
		let launch: LaunchData;
		try {
			launch = readLaunch(o, d).launch;
		} catch (e) {
			console.warn('[lms] start failed', e);
			launch = { kind: d.kind, learnerName: '', suspendData: '', resumed: false, finished: false };
		}
		return deferTracker(win, {
			kind: d.kind,
			launch,
			onStatus: o.status.on,
			load: () => withLate((m) => m.trackerFor(o)),
			keep(waiting) {
				// The progress and decisions waiting, as a browser copy the LMS never got: the next
				// launch sends them (copies.ts), as after an outage.
				const read = o.read;
				let progress: ProgressRecord | undefined;
				const decisions = new Map<string, StoredDecision>();
				// Decisions of a copy the full tracker has not yet sent again stay in it.
				if (read?.recover) for (const x of read.saved?.decisions ?? []) decisions.set(x.id, x);
				for (const [method, args] of waiting) {
					if (method === 'saveProgress') progress = args[0];
					if (method === 'recordDecision')
						decisions.set(args[0].id, {
							...args[0],
							timestamp: args[0].timestamp.toISOString()
						});
				}
				if (!read || !progress) return;
				read.store.save({
					v: 1,
					learner: read.learner,
					unsynced: true,
					base: read.confirmed,
					progress: { ...progress },
					...(decisions.size ? { decisions: [...decisions.values()] } : {})
				});
			},
			close() {
				// The exit value was written at launch; no session time (the page was open for
				// moments). Committed before Terminate, as the full tracker does.
				o.conn.commit();
				o.conn.finish();
			}
		});
	}
	const local = createLocalTracker(win, options, MESSAGES.initFailed, 'unknown');
	const reopen = (m: Late) => () => {
		const again = open();
		return again && m.trackerFor(again);
	};
	return deferTracker(win, {
		kind: 'local',
		launch: local.start(),
		onStatus: local.onStatus,
		load: () => withLate((m) => m.createReconnectingTracker(local, reopen(m))),
		keep: (waiting: Call[]) => replay(local, waiting),
		close: () => local.finish()
	});
}
