/**
 * The browser copy of the learner's progress, in localStorage, one copy per owner and course
 * (options.storageKey names the course):
 * - `<course>:learner:<LMS learner id>` — a learner the LMS named (written by the SCORM tracker);
 * - `<course>:unknown:<time>` — a session in which the LMS was there but would not start, so no
 *   one knows whose it is: never loaded for anyone, and sent to an LMS record only when the
 *   learner signed in says it is theirs (LaunchData.unclaimed, Tracker.claim);
 * - `<course>` — with no LMS at all (the package opened on its own): this browser's own copy.
 *   (Copies written before this layout may name a learner here: only that learner's LMS session
 *   reads them.)
 * localStorage may be missing or throw (file://, private mode, full quota, blocked cookies):
 * then the copy lives in memory only. Never throws.
 */
import type { DecisionRecord, ObjectiveRecord, ProgressRecord } from './types.js';

export interface Saved {
	v: 1;
	/** Learner id (or name) the LMS gave; '' without an LMS. */
	learner: string;
	/** True while this progress has not been confirmed as committed to the LMS. */
	unsynced: boolean;
	/** suspend_data the LMS last confirmed: the copy replaces LMS data only if it still matches. */
	base: string;
	progress: ProgressRecord;
	/** When it was last written (ISO text); kept on copies whose owner is unknown. */
	savedAt?: string;
	/** LMS learner ids who said a copy whose owner is unknown is not theirs (not asked again). */
	declinedBy?: string[];
	/** Only kept by the local tracker (the LMS holds them otherwise). */
	objectives?: ObjectiveRecord[];
	/**
	 * Decisions made while not in the LMS (timestamps as ISO text); only kept by the local
	 * tracker. When the copy is sent on the next launch, these are sent as interactions too.
	 */
	decisions?: StoredDecision[];
}

export type StoredDecision = Omit<DecisionRecord, 'timestamp'> & { timestamp: string };

/** The decisions of a saved copy as records again; anything malformed is left out. */
export function storedDecisions(saved: Saved | null): DecisionRecord[] {
	const list = Array.isArray(saved?.decisions) ? saved.decisions : [];
	return list
		.filter(
			(d) =>
				d &&
				typeof d.id === 'string' &&
				typeof d.response === 'string' &&
				!Number.isNaN(Date.parse(d.timestamp))
		)
		.map((d) => ({ ...d, timestamp: new Date(d.timestamp) }));
}

export interface Store {
	load(): Saved | null;
	save(saved: Saved): void;
	/** Deletes the copy (memory and localStorage). */
	remove(): void;
}

/** Key of the copy of the learner the LMS names (id, or name when the LMS gives no id). */
export const learnerKey = (course: string, learner: string) =>
	`${course}:learner:${encodeURIComponent(learner)}`;
/** Prefix of the keys of copies from sessions whose learner is unknown (one key per session). */
export const unknownPrefix = (course: string) => `${course}:unknown:`;

/** The keys of the copies whose owner is unknown, newest first. */
export function unknownKeys(win: Window, course: string): string[] {
	const out: string[] = [];
	try {
		const ls = storage(win);
		for (let i = 0; ls && i < ls.length; i++) {
			const k = ls.key(i);
			if (k?.startsWith(unknownPrefix(course))) out.push(k);
		}
	} catch {
		/* no storage: no such copies */
	}
	const time = (k: string) => Number(k.slice(unknownPrefix(course).length).split('-')[0]) || 0;
	return out.sort((a, b) => time(b) - time(a));
}

function storage(win: Window | undefined): Storage | null {
	try {
		return win?.localStorage ?? null;
	} catch {
		return null;
	}
}

/**
 * The one wrapper of localStorage: never throws (file://, private mode, full quota, blocked
 * storage), and keeps what this page wrote in memory too. What this page last wrote wins: when a
 * write to localStorage failed, localStorage still holds an older copy.
 */
export function safeStorage(win: Window | undefined, prefix = '') {
	const memory = new Map<string, string | null>();
	return {
		get(key: string): string | null {
			if (memory.has(key)) return memory.get(key)!;
			try {
				return storage(win)?.getItem(prefix + key) ?? null;
			} catch {
				return null;
			}
		},
		set(key: string, value: string): void {
			memory.set(key, value);
			try {
				storage(win)?.setItem(prefix + key, value);
			} catch {
				/* quota or privacy mode: the memory copy stands */
			}
		},
		remove(key: string): void {
			memory.set(key, null);
			try {
				storage(win)?.removeItem(prefix + key);
			} catch {
				/* nothing to remove */
			}
		}
	};
}

function parse(raw: string | null): Saved | null {
	if (!raw) return null;
	try {
		const s = JSON.parse(raw) as Saved;
		const p = s?.progress;
		return s?.v === 1 && typeof p?.suspendData === 'string' && typeof s.learner === 'string'
			? s
			: null;
	} catch {
		return null;
	}
}

export function createStore(win: Window, key: string): Store {
	const ls = safeStorage(win);
	return {
		load: () => parse(ls.get(key)),
		save: (saved) => ls.set(key, JSON.stringify(saved)),
		remove: () => ls.remove(key)
	};
}
