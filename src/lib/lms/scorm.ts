/**
 * The Tracker over a SCORM API, shared by 1.2 and 2004: a Dialect (scorm12.ts, scorm2004.ts)
 * says which elements and values; this file decides when and what to write.
 *
 * - Never downgrades: an attempt the LMS holds as finished at launch only moves up
 *   (failed / completed → passed); until then its score, status and objectives are left alone.
 * - Score and the finished status are written together, score first, when the course is complete
 *   (a 2004 LMS with a passing score would otherwise judge pass / fail from a half-way score).
 * - exit = suspend while unfinished; once finished '' (1.2) and still suspend (2004: any other
 *   exit ends the attempt, and the next launch would start an empty one; Moodle gives the data
 *   back only after suspend), so a learner who reopens a finished course sees their results and
 *   certificate; suspend data is always kept and never cleared.
 * - No status is written at launch: on a fresh attempt only once the learner acts.
 * - Optional elements are checked through their _children first and skipped if absent.
 * - Progress is mirrored to localStorage, in a copy keyed by the LMS's learner id and the course
 *   (storage.ts), until a commit confirms it; what the next launch does with the copies in this
 *   browser is in copies.ts. A copy whose owner is unknown is sent, its decisions as
 *   interactions, only when the learner says it is theirs (claim).
 * - Every decision stays in that copy until a commit has confirmed it (an outage that lasts until
 *   the page closes loses none), and is sent again in its own slot, never as a new interaction.
 * - A failed commit is tried again on a timer (RETRY_MS) while the page is open, not only at the
 *   next decision; once the course is complete the learner is told when the result has reached
 *   the LMS, or that it has not yet.
 * - State and session time are committed before LMSFinish / Terminate, never only inside it (a
 *   2004 LMS may send Terminate by a beacon that the browser refuses).
 */
import { connect } from './connection.js';
import { openScorm, readLaunch, type Opened } from './open.js';
import { createCmi } from './cmi.js';
import type { Dialect, Standing } from './dialect.js';
import type { ScormApi } from './discover.js';
import { MESSAGES } from './status.js';
import {
	createStore,
	storedDecisions,
	type Saved,
	type Store,
	type StoredDecision
} from './storage.js';
import type {
	DecisionRecord,
	LaunchData,
	ObjectiveRecord,
	ProgressRecord,
	Tracker,
	TrackerOptions
} from './types.js';

const RANK: Record<Standing, number> = { incomplete: 0, completed: 1, failed: 1, passed: 2 };
/** Delays between tries of a failed commit (the last repeats while the page is open). */
export const RETRY_MS = [1000, 2000, 4000, 8000, 10000];
const guard =
	<A extends unknown[]>(f: (...a: A) => void) =>
	(...a: A) => {
		try {
			f(...a);
		} catch (e) {
			console.warn('[lms] tracker error', e);
		}
	};

/** Initialises the LMS session; null when the LMS refuses (use the local tracker then). */
export function createScormTracker(
	api: ScormApi,
	win: Window,
	options: TrackerOptions,
	d: Dialect
): Tracker | null {
	const o = openScorm(api, win, options, d);
	return o && trackerOver(o, d);
}

/**
 * The tracker over a session open.ts has opened (and perhaps read: readLaunch). A session the
 * page already closed (start.ts, a pagehide before this code arrived) starts as finished.
 */
export function trackerOver(o: Opened, d: Dialect): Tracker {
	const { api, win, options, status } = o;
	let { conn, startedAt } = o;
	// Until start() knows the learner: a copy no one will load.
	let store: Store = createStore(win, `${options.storageKey}:unknown:${startedAt}-lms`);
	let unclaimed: { store: Store; saved: Saved } | null = null;
	const practice = options.mode === 'practice';
	const cmi = createCmi({ get: (el) => conn.get(el), set: (el, v) => conn.set(el, v) }, d);
	const { has, put } = cmi;

	let launch: LaunchData | null = null;
	let learner = '';
	let held: Standing = 'incomplete';
	let lockedByLms = false; // finished at launch and not raised since
	let mirror: Saved | null = null;
	let confirmed = ''; // suspend_data the LMS holds as of the last good commit
	let objectives: ObjectiveRecord[] = [];
	let finished = !conn.isOpen;
	/** Decisions not yet confirmed by a commit, in order (kept in the browser copy). */
	const unsent = new Map<string, StoredDecision>();
	let retryTimer: ReturnType<typeof setTimeout> | undefined;
	let retries = 0;
	let resultDue = false; // a finished status written this session and not yet committed
	let troubled = false; // the learner has been told of a problem this session
	status.on((s) => void (s.kind === 'lms-error' && (troubled = true)));

	const exitValue = () => (held === 'incomplete' ? 'suspend' : d.exitDone);
	const objectivesOn = () => options.objectives && has('cmi.objectives._children', 'id');

	function writeObjectives() {
		if (!objectivesOn() || lockedByLms) return;
		for (const o of objectives)
			put(
				d.objective(o, practice, held !== 'incomplete'),
				`cmi.objectives.${cmi.objective(o)}.`,
				'cmi.objectives._children'
			);
	}

	function synced() {
		unsent.clear();
		if (!mirror || (!mirror.unsynced && !mirror.decisions)) return;
		confirmed = mirror.progress.suspendData;
		store.save((mirror = { ...mirror, unsynced: false, base: confirmed, decisions: undefined }));
	}

	/** Commit; on failure, try again on the RETRY_MS schedule until it works or the session ends. */
	function commit(): boolean {
		clearTimeout(retryTimer);
		retryTimer = undefined;
		if (conn.commit()) {
			retries = 0;
			synced();
			if (resultDue) {
				resultDue = false;
				if (troubled) status.emit({ kind: 'sent', message: MESSAGES.sent });
			}
			return true;
		}
		if (resultDue) status.emit({ kind: 'result-pending', message: MESSAGES.resultPending });
		if (!finished)
			retryTimer = setTimeout(guard(commit), RETRY_MS[Math.min(retries++, RETRY_MS.length - 1)]);
		return false;
	}

	const decisionsOf = () => (unsent.size ? [...unsent.values()] : undefined);

	function saveProgress(p: ProgressRecord) {
		mirror = {
			v: 1,
			learner,
			unsynced: true,
			base: confirmed,
			progress: { ...p },
			decisions: decisionsOf()
		};
		store.save(mirror);
		if (finished) return;
		if (p.suspendData.length > 4096)
			console.warn(
				`[lms] suspend data is ${p.suspendData.length} characters: over SCORM 1.2's 4,096`
			);
		conn.set(d.el.suspend, p.suspendData);
		if (p.location) conn.set(d.el.location, p.location.slice(0, 255)); // an empty location is refused by 2004 LMSs
		const target: Standing = !p.complete
			? 'incomplete'
			: practice
				? 'completed'
				: p.passed
					? 'passed'
					: 'failed';
		const rises = lockedByLms ? RANK[target] > RANK[held] : RANK[target] >= RANK[held];
		if (held === 'incomplete' || rises) {
			const redo = lockedByLms || (held === 'incomplete') !== (target === 'incomplete');
			if (target !== 'incomplete')
				put(d.score(Math.min(100, Math.max(0, Number(p.score) || 0)), has));
			put(d.standing(target));
			if (target !== 'incomplete') resultDue = true;
			held = target;
			lockedByLms = false;
			if (redo) writeObjectives(); // completion changed, or no longer locked
		}
		conn.set(d.el.exit, exitValue());
	}

	function record(rec: DecisionRecord) {
		if (!options.interactions || !has('cmi.interactions._children', 'id')) return;
		unsent.delete(rec.id);
		unsent.set(rec.id, { ...rec, timestamp: rec.timestamp.toISOString() });
		if (mirror) store.save((mirror = { ...mirror, unsynced: true, decisions: decisionsOf() }));
		put(
			d.interaction(rec, options.interactionDescriptions),
			`cmi.interactions.${cmi.interaction(rec.id)}.`,
			'cmi.interactions._children'
		);
	}

	function start(): LaunchData {
		if (launch) return launch;
		const read = readLaunch(o, d);
		const { recover, saved } = read;
		learner = read.learner;
		confirmed = read.confirmed;
		held = read.held;
		lockedByLms = held !== 'incomplete';
		store = read.store;
		unclaimed = read.unclaimed;
		launch = read.launch;
		if (recover) {
			// This learner's progress from a session the LMS never got: the decisions made then
			// become interactions now (in the slot of one the LMS already holds, by id), and the
			// progress follows.
			const decisions = storedDecisions(saved);
			if (decisions.length && options.interactions && has('cmi.interactions._children', 'id'))
				cmi.learnInteractions(true);
			for (const rec of decisions) record(rec);
			saveProgress(recover);
			commit();
		}
		return launch;
	}

	const ready = () => (start(), !finished);

	return {
		kind: d.kind,
		start() {
			try {
				return start();
			} catch (e) {
				console.warn('[lms] start failed', e);
				return (launch ??= {
					kind: d.kind,
					learnerName: '',
					suspendData: '',
					resumed: false,
					finished: false
				});
			}
		},
		declareObjectives: guard((list: ObjectiveRecord[]) => {
			if (!ready() || !objectivesOn()) return;
			objectives = list;
			for (const o of list) cmi.objective(o);
		}),
		updateObjectives: guard((list: ObjectiveRecord[]) => {
			if (!ready()) return;
			objectives = list;
			writeObjectives();
		}),
		recordDecision: guard((rec: DecisionRecord) => {
			if (ready()) record(rec);
		}),
		saveProgress: guard((p: ProgressRecord) => (start(), saveProgress(p))),
		commit: guard(() => {
			if (ready()) commit();
		}),
		resume: guard(() => {
			// The page came back from the back/forward cache after finish(): open a new LMS session
			// if the LMS allows it and still holds what this one left; else say so. Either way the
			// progress goes on being kept in this browser, and the next launch sends it.
			if (!finished) return;
			const again = connect(api, d, status);
			if (again.open()) {
				if (again.get(d.el.learner) === learner && again.get(d.el.suspend) === confirmed) {
					conn = again;
					finished = false;
					startedAt = Date.now();
					cmi.reset();
					if (mirror?.unsynced) saveProgress(mirror.progress);
					if (conn.commit()) synced();
					return;
				}
				again.finish();
			}
			status.emit({ kind: 'lms-error', message: MESSAGES.reopened });
		}),
		claim: guard((mine: boolean) => {
			const c = unclaimed;
			unclaimed = null;
			if (!c || !ready()) return;
			if (!mine) {
				c.store.save({ ...c.saved, declinedBy: [...(c.saved.declinedBy ?? []), learner] });
				return;
			}
			for (const rec of storedDecisions(c.saved)) record(rec);
			c.store.remove();
		}),
		finish: guard(() => {
			if (!ready()) return;
			finished = true;
			clearTimeout(retryTimer);
			// Reviewing an attempt the LMS holds as finished is not learning time: it adds nothing.
			conn.set(d.el.time, d.sessionTime(lockedByLms ? 0 : Date.now() - startedAt));
			conn.set(d.el.exit, exitValue());
			// Committed before Terminate (twice if need be): Terminate's own data may never arrive.
			const committed = commit() || commit();
			if (conn.finish() && committed) synced();
		}),
		onStatus: (listener) => status.on(listener)
	};
}
