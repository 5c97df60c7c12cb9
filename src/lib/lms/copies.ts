/**
 * What the SCORM tracker (scorm.ts) finds in this browser at launch, beside what the LMS holds:
 * - the learner's own copy (storage.ts, keyed by the LMS's learner id and the course), whose
 *   progress is sent again if it was never confirmed and the LMS still holds what it held then;
 * - or, when the LMS holds no progress (a new attempt after a finished one, or an LMS that gives
 *   the data back only after exit=suspend, as Moodle does), this learner's finished course, to
 *   show (results, certificate) without writing anything until they act;
 * - the newest copy whose owner is unknown (a session in which the LMS would not start) that this
 *   learner has not disowned: offered to them, never loaded until they say it is theirs.
 * Another learner's copy is never read.
 */
import { createStore, learnerKey, unknownKeys, type Saved, type Store } from './storage.js';
import type { ProgressRecord } from './types.js';

export interface Copies {
	/** This learner's store, or null when the LMS named no learner. */
	store: Store | null;
	/** What that store held at launch. */
	saved: Saved | null;
	/** Progress from a session the LMS never got, to send again now. */
	recover: ProgressRecord | null;
	/** The learner's finished course to show when the LMS holds no progress (suspend data), or ''. */
	finishedCopy: string;
	unclaimed: { store: Store; saved: Saved } | null;
}

/** `lmsData`: the suspend data the LMS holds now. */
export function findCopies(win: Window, course: string, learner: string, lmsData: string): Copies {
	const store = learner ? createStore(win, learnerKey(course, learner)) : null;
	let saved = store ? store.load() : null;
	if (!saved && store) {
		// A copy from before copies had a key per learner: used only if it names this learner.
		const legacy = createStore(win, course);
		const old = legacy.load();
		if (old?.learner === learner) {
			store.save((saved = old));
			legacy.remove();
		}
	}
	const recover =
		saved?.unsynced &&
		learner &&
		saved.learner === learner &&
		saved.base === lmsData &&
		saved.progress.suspendData !== lmsData
			? saved.progress
			: null;
	const finishedCopy =
		!recover && !lmsData && saved?.learner === learner && saved.progress.complete
			? saved.progress.suspendData
			: '';
	return {
		store,
		saved,
		recover,
		finishedCopy,
		unclaimed: learner ? unclaimedCopy(win, course, learner) : null
	};
}

/** The newest copy whose owner is unknown, with progress, that this learner has not disowned. */
function unclaimedCopy(win: Window, course: string, learner: string) {
	for (const key of unknownKeys(win, course)) {
		const other = createStore(win, key);
		const copy = other.load();
		if (!copy?.unsynced || !copy.progress.suspendData || copy.declinedBy?.includes(learner))
			continue;
		return { store: other, saved: copy };
	}
	return null;
}
