/**
 * The guarded line to the LMS API, shared by SCORM 1.2 and 2004.
 *
 * - Every call is wrapped: a false / 'false' return or a throw reads GetLastError / GetErrorString /
 *   GetDiagnostic (also guarded), warns in the console with element and code, and reports ONE
 *   'lms-error' status per problem episode; 'ok' follows once a commit gets everything through.
 * - Writes are cached: a value the LMS already holds (read or written) is not sent again.
 * - Failed writes wait in a queue holding the latest value per element, in first-write order,
 *   and are sent again on the next commit (the tracker retries a failed commit on a timer). During
 *   an episode new writes join the queue. A write that fails while others in the same flush go
 *   through is tried again at once (see flush). A failed Commit is retried alone: the writes it
 *   would have stored are already in the LMS's session, not sent again.
 * - A write is given up only after failing MAX_TRIES times while the LMS took other writes (an
 *   LMS that refuses that one element); while the LMS is down, nothing is given up.
 * - A read that throws is tried again (a throw is not an answer: an empty suspend_data read by
 *   mistake would start the learner again).
 * - "No such element" codes (LMS lacks an optional element) are logged only, and that element is
 *   left alone from then on; refused values (type, range, read-only) are not retried.
 */
import type { ScormApi } from './discover.js';
import { MESSAGES, type StatusHub } from './status.js';

export interface Protocol {
	/** Method names: Initialize, GetValue, SetValue, Commit, Terminate, GetLastError, … */
	names: [
		init: string,
		get: string,
		set: string,
		commit: string,
		finish: string,
		err: string,
		errText: string,
		diag: string
	];
	/** Error codes meaning "the LMS has no such element". */
	missing: string[];
	/** Error codes meaning "this value or call is refused for good". */
	refused: string[];
	/** Initialize error code meaning "already initialised" (carry on), if any. */
	alreadyOpen?: string;
	/**
	 * 1.2: when writes are still unsaved at LMSFinish (the tracker's own commits just before it
	 * failed, scorm.ts finish), Commit once more first.
	 */
	commitBeforeFinish: boolean;
}

/** A write that fails this many times (while the LMS takes others) is given up. */
const MAX_TRIES = 10;
/** A read that throws is tried this many times in all. */
const READ_TRIES = 3;

export interface Connection {
	/** Initialize; false when the LMS refused (the caller falls back to local). */
	open(): boolean;
	get(el: string): string;
	set(el: string, value: string): void;
	/** Send queued writes, then Commit if anything changed. True when all is saved. */
	commit(): boolean;
	/** Send queued writes, (1.2) Commit, then LMSFinish / Terminate. Once. True when all is saved. */
	finish(): boolean;
	readonly isOpen: boolean;
}

export function connect(api: ScormApi, protocol: Protocol, status: StatusHub): Connection {
	const [INIT, GET, SET, COMMIT, FINISH, ERR, ERR_TEXT, DIAG] = protocol.names;
	const known = new Map<string, string>();
	const pending = new Map<string, { value: string; tries: number }>();
	const absent = new Set<string>();
	const explained = new Set<string>();
	let state: 'new' | 'open' | 'closed' = 'new';
	let dirty = false;
	let trouble = false;

	const raw = (fn: string, args: string[]): unknown =>
		(api[fn] as (...a: string[]) => unknown).apply(api, args);
	const safe = (fn: string, args: string[]): string => {
		try {
			return String(raw(fn, args) ?? '');
		} catch {
			return '';
		}
	};

	/** One LMS call that returns 'true' / 'false'. Returns the error code, '0' on success. */
	function call(fn: string, el = '', value = ''): string {
		const args = fn === SET ? [el, value] : [''];
		let result: unknown;
		let thrown: unknown = null;
		try {
			result = raw(fn, args);
		} catch (e) {
			thrown = e ?? 'exception';
		}
		let code = '0';
		if (thrown || !(result === true || result === 'true')) {
			const c = safe(ERR, []);
			if (thrown) code = c && c !== '0' ? c : 'exception';
			else if (result === false || result === 'false') code = c && c !== '0' ? c : 'unknown';
			else if (c && c !== '0') code = c; // odd return (null…): trust the error code
		}
		if (code !== '0') {
			// The text and diagnostic of a code are asked for once a session (a flaky LMS would
			// otherwise cost three more calls per failure); the warning names the code each time.
			const first = /^\d+$/.test(code) && !explained.has(code);
			if (first) explained.add(code);
			const text = first ? safe(ERR_TEXT, [code]) : '';
			const diag = first ? safe(DIAG, [code]) : '';
			console.warn(
				`[lms] ${fn}(${el}) failed: error ${code}${text ? ` ${text}` : ''}${diag ? ` (${diag})` : ''}`,
				...(thrown ? [thrown] : [])
			);
		}
		return code;
	}

	function problem() {
		if (trouble) return;
		trouble = true;
		status.emit({ kind: 'lms-error', message: MESSAGES.lmsError });
	}

	/** The last write the LMS took: sent again (harmless) to see whether the LMS is up at all. */
	let lastGood: [string, string] | null = null;

	/** False only for a failure worth retrying (the write waits in the queue). */
	function write(el: string, value: string): boolean {
		const code = call(SET, el, value);
		if (code === '0' || protocol.missing.includes(code) || protocol.refused.includes(code)) {
			pending.delete(el);
			if (code === '0') {
				known.set(el, value);
				lastGood = [el, value];
				dirty = true;
			} else if (protocol.missing.includes(code)) absent.add(el);
			else {
				known.set(el, value); // refused: never send this value again
				problem();
			}
			return true;
		}
		problem();
		const queued = pending.get(el);
		if (queued) queued.value = value;
		else pending.set(el, { value, tries: 0 });
		return false;
	}

	/** A failure of `el` while the LMS is up (it takes other writes); the MAX_TRIES-th gives it up. */
	function strike(el: string): boolean {
		const q = pending.get(el);
		if (!q || ++q.tries < MAX_TRIES) return false;
		pending.delete(el);
		console.warn(`[lms] gave up on ${el} after ${MAX_TRIES} tries while the LMS took other writes`);
		return true;
	}

	/** Is the LMS up? Sends the last value it took once more (not when that is `el` or queued). */
	function isUp(el: string): boolean {
		if (
			!lastGood ||
			lastGood[0] === el ||
			pending.has(lastGood[0]) ||
			known.get(lastGood[0]) !== lastGood[1]
		)
			return false;
		return call(SET, lastGood[0], lastGood[1]) === '0';
	}

	/**
	 * Sends the queue in order, and stops at a write that fails, so that what depends on it (an
	 * interaction's fields after its id) is never sent first; a down LMS gets one or two calls per
	 * commit. Only what failed is sent again, never what the LMS has taken. A write that fails
	 * after another in the same flush went through is a hiccup of an LMS that is up: it is tried
	 * once more straight away, so an LMS that fails now and then (every fifth call throws) cannot
	 * hold the queue, and the Commit, back. `lastChance` (finish) always tries a failed write twice.
	 */
	function flush(lastChance = false): boolean {
		let wrote = false;
		for (const [el, q] of [...pending]) {
			if (write(el, q.value)) {
				wrote = true;
				continue;
			}
			const again = pending.get(el)!;
			if ((wrote || lastChance) && write(el, again.value)) {
				wrote = true;
				continue;
			}
			// The LMS is up (it took a write) but not this one: after MAX_TRIES such failures it is
			// given up, so that one element the LMS will not take cannot hold everything back.
			if ((wrote || isUp(el)) && strike(el)) continue;
			return false;
		}
		return true;
	}

	return {
		get isOpen() {
			return state === 'open';
		},
		open() {
			if (state !== 'new') return state === 'open';
			const code = call(INIT);
			state = code === '0' || code === protocol.alreadyOpen ? 'open' : 'closed';
			return state === 'open';
		},
		get(el) {
			if (state !== 'open') return '';
			let value: string;
			for (let tries = 1; ; tries++) {
				try {
					value = String(raw(GET, [el]) ?? '');
					break;
				} catch (e) {
					console.warn(`[lms] ${GET}(${el}) threw`, e);
					if (tries >= READ_TRIES) return '';
				}
			}
			known.set(el, value);
			return value;
		},
		set(el, value) {
			if (state === 'closed' || absent.has(el)) return;
			const queued = pending.get(el);
			if (queued) queued.value = value;
			else if (known.get(el) === value) return;
			else if (trouble || state !== 'open') pending.set(el, { value, tries: 0 });
			else write(el, value);
		},
		commit() {
			if (state !== 'open' || !flush()) return false;
			if (dirty) {
				if (call(COMMIT) !== '0') return (problem(), false);
				dirty = false;
			}
			if (trouble) {
				trouble = false;
				status.emit({ kind: 'ok', message: MESSAGES.ok });
			}
			return true;
		},
		finish() {
			if (state !== 'open') return ((state = 'closed'), false);
			let saved = flush(true);
			if (protocol.commitBeforeFinish && dirty) saved = call(COMMIT) === '0' && saved;
			saved = call(FINISH) === '0' && saved;
			state = 'closed';
			if (!saved) problem();
			return saved;
		}
	};
}
