/**
 * Fault injection (?fault=…) and the outage tests switch on with mockLms.outage(true): decides,
 * call by call, whether the LMS refuses a call or throws instead of passing it to scorm-again.
 */
import type { Options } from './options.js';
import type { MethodKind, Refusal } from './types.js';
import type { VersionInfo } from './versions.js';

export interface Faults {
	/** A refusal for this call, or null to let it through. Counts the calls each fault looks at. */
	inject(kind: MethodKind, codes: VersionInfo['codes']): Refusal | null;
	/** Takes the LMS down (every SetValue and Commit fails) or up again. */
	setOutage(down: boolean): void;
	readonly outage: boolean;
}

/** The LMS answers "false" and reports this error code. */
const refuse = (code: string, message: string): Refusal => ({ result: 'false', code, message });
/** The LMS throws, and reports this error code. */
const raise = (code: string, message: string): Refusal => ({ throws: true, code, message });

export function createFaults(o: Pick<Options, 'fault' | 'failCount' | 'initFails'>): Faults {
	const count = { setValue: 0, commit: 0, throwsSet: 0, init: 0, any: 0 };
	let outage = false;
	const { fault, failCount, initFails } = o;
	return {
		get outage() {
			return outage;
		},
		setOutage(down) {
			outage = down;
		},
		inject(kind, c) {
			if (fault === 'init-false' && kind === 'initialize') {
				const i = ++count.init;
				if (i <= initFails)
					return refuse(
						c.init,
						`Mock LMS: Initialize refused${initFails === Infinity ? '' : `, ${i} of the first ${initFails} calls`} (fault=init-false)`
					);
			}
			if (fault === 'setvalue-false' && kind === 'setValue') {
				const k = ++count.setValue;
				if (k <= failCount)
					return refuse(
						c.set,
						`Mock LMS: SetValue refused, ${k} of the first ${failCount} calls (fault=setvalue-false)`
					);
			}
			if (fault === 'commit-flaky' && kind === 'commit') {
				const j = ++count.commit;
				if (j % 2 === 1)
					return refuse(
						c.commit,
						`Mock LMS: Commit failed, commit ${j} (every other one fails, fault=commit-flaky)`
					);
			}
			if (outage && (kind === 'setValue' || kind === 'commit')) {
				return refuse(
					kind === 'commit' ? c.commit : c.set,
					`Mock LMS: ${kind} refused, the LMS is down (mockLms.outage)`
				);
			}
			if (fault === 'commit-twice' && kind === 'commit') {
				const w = ++count.commit;
				if (w % 3 !== 0)
					return refuse(
						c.commit,
						`Mock LMS: Commit failed, commit ${w} (two fail, then one works, fault=commit-twice)`
					);
			}
			if (fault === 'throws-5th') {
				const a = ++count.any;
				if (a % 5 === 0)
					return raise(
						c.exception,
						`Mock LMS: ${kind} threw an exception, call ${a} (every fifth one, fault=throws-5th)`
					);
			}
			if (fault === 'throws' && kind === 'setValue') {
				const t = ++count.throwsSet;
				if (t % 3 === 0)
					return raise(
						c.exception,
						`Mock LMS: SetValue threw an exception, call ${t} (every third one, fault=throws)`
					);
			}
			return null;
		}
	};
}

/** fault=slow: blocks, like a slow synchronous LMS. */
export function busyWait(ms: number): void {
	const end = Date.now() + ms;
	while (Date.now() < end) {
		/* block */
	}
}
