/**
 * The browser copy of the learner's progress, in localStorage under options.storageKey.
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
		.filter((d) => d && typeof d.id === 'string' && typeof d.response === 'string' && !Number.isNaN(Date.parse(d.timestamp)))
		.map((d) => ({ ...d, timestamp: new Date(d.timestamp) }));
}

export interface Store {
	load(): Saved | null;
	save(saved: Saved): void;
}

function storage(win: Window): Storage | null {
	try {
		return win.localStorage ?? null;
	} catch {
		return null;
	}
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
	let memory: string | null = null;
	return {
		load() {
			let raw = memory;
			try {
				raw = storage(win)?.getItem(key) ?? memory;
			} catch {
				/* keep the memory copy */
			}
			return parse(raw);
		},
		save(saved) {
			memory = JSON.stringify(saved);
			try {
				storage(win)?.setItem(key, memory);
			} catch {
				/* quota or privacy mode: the memory copy stands */
			}
		}
	};
}
