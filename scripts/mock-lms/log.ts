/** What the mock LMS saw: every API call, and the errors, warnings and notes, in order. */
import type { CallRecord, Problem } from './types.js';

export interface LibraryLogEntry {
	t: number;
	level: unknown;
	message: string;
}

export interface Log {
	/** Every API call. */
	readonly calls: CallRecord[];
	/** API calls that returned an error code, simulated faults and LMS-side problems. */
	readonly errors: Problem[];
	/** Things a strict LMS might refuse, and LMS notes (e.g. a new attempt started). */
	readonly warnings: Problem[];
	/** GetValue calls answered with 403 (element not set yet): spec behaviour, not a problem. */
	readonly notes: Problem[];
	/** scorm-again's own log messages (its onLogMessage), the last 500. */
	readonly libraryLog: LibraryLogEntry[];
	/** Milliseconds since the page started. */
	elapsed(): number;
	addError(p: Problem, session: number | null): void;
	addWarning(p: Problem, session: number | null): void;
	addNote(p: Problem): void;
	addCall(rec: CallRecord): void;
	library(level: unknown, message: unknown): void;
	/** Empties the calls and the problem lists (the same arrays, so references stay live). */
	clear(): void;
}

export interface LogHooks {
	/** Something was added (the inspector re-renders). */
	changed?(): void;
	/** A call was logged (the inspector adds its row). */
	call?(rec: CallRecord): void;
}

export function createLog(hooks: LogHooks = {}, now: () => number = Date.now): Log {
	const t0 = now();
	const elapsed = () => now() - t0;
	const log: Log = {
		calls: [],
		errors: [],
		warnings: [],
		notes: [],
		libraryLog: [],
		elapsed,
		addError(p, session) {
			p.t = elapsed();
			if (p.session === undefined) p.session = session;
			log.errors.push(p);
			hooks.changed?.();
		},
		addWarning(p, session) {
			p.t = elapsed();
			if (p.session === undefined) p.session = session;
			log.warnings.push(p);
			hooks.changed?.();
		},
		addNote(p) {
			log.notes.push(p);
		},
		addCall(rec) {
			log.calls.push(rec);
			hooks.call?.(rec);
			hooks.changed?.();
		},
		library(level, message) {
			log.libraryLog.push({ t: elapsed(), level, message: String(message) });
			if (log.libraryLog.length > 500) log.libraryLog.shift();
		},
		clear() {
			log.calls.length = 0;
			log.errors.length = 0;
			log.warnings.length = 0;
			log.notes.length = 0;
			hooks.changed?.();
		}
	};
	return log;
}
