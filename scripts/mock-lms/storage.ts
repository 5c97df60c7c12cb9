/**
 * Launch and storage: one record per package in localStorage, like an LMS's tracking table, and
 * what a launch starts with (entry, attempt, the CMI given back) from that record.
 *
 * - cmi.entry is "ab-initio" on the first launch, "resume" after a session that exited with
 *   "suspend", else "". In SCORM 2004 a session that called Terminate with any other exit ends the
 *   attempt: the next launch starts a new attempt with no data (as the spec says).
 * - ?lms=moodle (2004): the attempt goes on, but suspend_data and location come back only after
 *   exit "suspend". ?newattempt=completed: a finished attempt (completed, passed, failed) is
 *   replaced by a new, empty one at launch.
 */
import type { Learner, Options } from './options.js';
import { timespan } from './time.js';
import type { Cmi, PackageInfo, StoredRecord, Version } from './types.js';

export const STORE_PREFIX = 'mockLms:v1:';
export const LAST_KEY = 'mockLms:last';

export const storageKey = (slug: string): string => STORE_PREFIX + slug;

export const clone = <T>(o: T): T => (o == null ? o : JSON.parse(JSON.stringify(o)));

export function loadRecord(slug: string): StoredRecord | null {
	try {
		const raw = localStorage.getItem(storageKey(slug));
		const rec = raw ? JSON.parse(raw) : null;
		return rec && rec.v === 1 ? rec : null;
	} catch {
		return null;
	}
}

/** Stores the record; returns an error message if the browser refused. */
export function saveRecord(rec: StoredRecord): string | null {
	try {
		localStorage.setItem(storageKey(rec.slug), JSON.stringify(rec));
		return null;
	} catch (e) {
		return `The mock LMS could not store the tracking data in this browser: ${(e as Error).message}`;
	}
}

export function newRecord(pkg: Pick<PackageInfo, 'slug' | 'version'>): StoredRecord {
	return {
		v: 1,
		slug: pkg.slug,
		version: pkg.version,
		attempt: 1,
		totalSeconds: 0,
		sessions: [],
		cmi: null,
		savedAt: null,
		savedBy: null
	};
}

export function removeRecord(slug: string): void {
	try {
		localStorage.removeItem(storageKey(slug));
	} catch {
		/* nothing stored */
	}
}

/** Clears the module's own browser copy (every localStorage key not the mock LMS's, and sessionStorage); returns how many keys. */
export function clearModuleStorage(): number {
	try {
		const keys: string[] = [];
		for (let i = 0; i < localStorage.length; i++) {
			const k = localStorage.key(i);
			if (k && !k.startsWith('mockLms:')) keys.push(k);
		}
		for (const k of keys) localStorage.removeItem(k);
		sessionStorage.clear();
		return keys.length;
	} catch {
		return 0;
	}
}

export function exitOf(version: Version, cmi: Cmi | null | undefined): string {
	if (!cmi) return '';
	return (version === '1.2' ? cmi.core?.exit : cmi.exit) || '';
}

/** Is the stored attempt completed, passed or failed? */
export function finishedStatus(version: Version, cmi: Cmi | null | undefined): boolean {
	if (!cmi) return false;
	if (version === '1.2') return ['completed', 'passed', 'failed'].includes(cmi.core?.lesson_status);
	return (
		cmi.completion_status === 'completed' ||
		cmi.success_status === 'passed' ||
		cmi.success_status === 'failed'
	);
}

/** What a launch starts with. */
export interface LaunchData {
	/** The record, with a new attempt started if one was (already saved when `newAttempt`). */
	rec: StoredRecord;
	/** The CMI to load into scorm-again. */
	cmi: Cmi;
	entry: '' | 'ab-initio' | 'resume';
	/** Why this entry, for the inspector. */
	why: string;
	/** True when the stored attempt was replaced by a new one (save rec). */
	newAttempt: boolean;
	/** An LMS note for the warnings list, if any. */
	warning: string | null;
}

type LaunchOptions = Pick<Options, 'moodleLike' | 'newAttemptWhenFinished'> & { learner: Learner };
type LaunchPackage = Pick<PackageInfo, 'slug' | 'version' | 'masteryScore'>;

function restart(rec: StoredRecord): void {
	rec.attempt += 1;
	rec.sessions = [];
	rec.totalSeconds = 0;
	rec.cmi = null;
}

/** The entry, attempt and CMI for a launch of pkg, from its stored record (or null for none). */
export function launchData(
	stored: StoredRecord | null,
	pkg: LaunchPackage,
	o: LaunchOptions
): LaunchData {
	const rec = stored ? clone(stored) : newRecord(pkg);
	const prev = rec.sessions.length ? rec.sessions[rec.sessions.length - 1] : null;
	let cmi: Cmi = rec.cmi ? clone(rec.cmi) : {};
	let entry: LaunchData['entry'];
	let why: string;
	let newAttempt = false;
	let warning: string | null = null;
	if (prev && o.newAttemptWhenFinished && finishedStatus(pkg.version, rec.cmi)) {
		restart(rec);
		cmi = {};
		entry = 'ab-initio';
		why = `the stored attempt is finished and a new attempt is forced (newattempt=completed): attempt ${rec.attempt} starts with no data`;
		newAttempt = true;
		warning = `New attempt: ${why}.`;
	} else if (!prev) {
		entry = 'ab-initio';
		why = rec.attempt > 1 ? `first session of attempt ${rec.attempt}` : 'first launch';
	} else if (prev.exit === 'suspend') {
		entry = 'resume';
		why = 'the last session exited with “suspend”';
	} else if (o.moodleLike && pkg.version === '2004') {
		entry = 'ab-initio';
		why = `Moodle-like: the last exit was “${prev.exit || ''}”, not “suspend”, so the same attempt goes on without its suspend_data and location (status and score kept)`;
		delete cmi.suspend_data;
		if (cmi.core) delete cmi.core.lesson_location;
		delete cmi.location;
		warning = `${why}.`;
	} else if (pkg.version === '2004' && prev.ended === 'terminated') {
		restart(rec);
		cmi = {};
		entry = 'ab-initio';
		why = `the last session called Terminate with exit “${prev.exit || ''}”, which ends the attempt: attempt ${rec.attempt} starts with no data`;
		newAttempt = true;
		warning = `New attempt: ${why}.`;
	} else {
		entry = '';
		why =
			prev.ended === 'closed'
				? 'the last session was closed without LMSFinish and had not committed exit “suspend”'
				: `the last session exited with “${prev.exit || ''}”, not “suspend”`;
	}
	const mastery = pkg.masteryScore;
	if (pkg.version === '1.2') {
		cmi.core = cmi.core || {};
		delete cmi.core.exit;
		delete cmi.core.session_time;
		cmi.core.entry = entry;
		cmi.core.total_time = timespan('1.2', rec.totalSeconds);
		cmi.core.student_id = o.learner.id;
		cmi.core.student_name = o.learner.name;
		cmi.core.credit = 'credit';
		cmi.core.lesson_mode = 'normal';
		if (!cmi.core.lesson_status) cmi.core.lesson_status = 'not attempted';
		cmi.student_data = cmi.student_data || {};
		if (mastery !== null && mastery !== undefined) cmi.student_data.mastery_score = String(mastery);
	} else {
		delete cmi.exit;
		delete cmi.session_time;
		cmi.entry = entry;
		cmi.total_time = timespan('2004', rec.totalSeconds);
		cmi.learner_id = o.learner.id;
		cmi.learner_name = o.learner.name;
		cmi.credit = 'credit';
		cmi.mode = 'normal';
		if (mastery !== null && mastery !== undefined) cmi.scaled_passing_score = String(mastery / 100);
	}
	return { rec, cmi, entry, why, newAttempt, warning };
}

/** The interaction types in a CMI ({ "0": "choice", … }), for the strict 1.2 response checks. */
export function interactionTypes(cmi: Cmi): Record<string, string> {
	const types: Record<string, string> = {};
	for (const [k, it] of Object.entries<Cmi>(cmi.interactions || {}))
		if (it && it.type) types[k] = String(it.type);
	return types;
}
