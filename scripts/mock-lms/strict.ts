/**
 * Checks scorm-again leaves to the LMS, kept on purpose (a real LMS may refuse these, and the
 * module must work in the strictest one): SCORM 1.2 suspend_data over 4,096 characters, identifiers
 * with white space (405 in 1.2, 406 in 2004), 1.2 choice responses that are not single characters
 * and true-false responses other than 0, 1, t, f. Things a strict LMS might refuse are warnings.
 */
import type { Refusal, Version } from './types.js';
import type { VersionInfo } from './versions.js';

export const SUSPEND_LIMIT = 4096;

const ID_ELEMENT =
	/^cmi\.(interactions\.\d+\.id|objectives\.\d+\.id|interactions\.\d+\.objectives\.\d+\.id)$/;
const RESPONSE_12 =
	/^cmi\.interactions\.(\d+)\.(student_response|correct_responses\.\d+\.pattern)$/;

/** "…" cut to max characters, with the full length said. */
export function short(value: unknown, max = 120): string {
	const s = String(value);
	return s.length > max
		? `${s.slice(0, max)}… (${s.length.toLocaleString('en-GB')} characters)`
		: s;
}

export interface StrictContext {
	version: Version;
	codes: VersionInfo['codes'];
	/** The type the module gave interaction n (cmi.interactions.n.type), if any. */
	interactionType(n: string): string | undefined;
	/** A warning, once per key and session. */
	warnOnce(key: string, message: string, element: string): void;
}

/** A refusal for SetValue(element, value), or null to pass the value on to scorm-again. */
export function strictCheck(ctx: StrictContext, element: unknown, value: unknown): Refusal | null {
	const el = String(element);
	if (value !== undefined && value !== null && typeof value !== 'string') {
		ctx.warnOnce(
			`type:${el.replace(/\.\d+\./g, '.n.')}`,
			`${el} was given a ${typeof value} (${short(value, 40)}): SCORM values are strings; some LMSs refuse anything else.`,
			el
		);
	}
	const str = value === undefined || value === null ? '' : String(value);
	const code = ctx.codes.format;
	if (ctx.version === '1.2') {
		if (el === 'cmi.suspend_data' && str.length > SUSPEND_LIMIT) {
			return {
				code,
				message: `cmi.suspend_data is ${str.length.toLocaleString('en-GB')} characters: SCORM 1.2 allows 4,096 (CMIString4096)`
			};
		}
		if (ID_ELEMENT.test(el)) {
			if (!/^[\x21-\x7E]{1,255}$/.test(str))
				return {
					code,
					message: `${el} “${short(str, 60)}” is not a CMIIdentifier (1–255 printable characters, no spaces)`
				};
			if (!/^[A-Za-z0-9_-]+$/.test(str)) {
				ctx.warnOnce(
					'id-chars',
					`SCORM 1.2 defines CMIIdentifier as letters, digits, “-” and “_”; ${el} “${str}” has other characters. Most LMSs accept them; a strict one may not.`,
					el
				);
			}
		}
		const m = RESPONSE_12.exec(el);
		if (m) {
			const type = ctx.interactionType(m[1]);
			if (type === 'choice' && !/^([0-9a-z](,[0-9a-z])*)?$/.test(str)) {
				return {
					code,
					message: `${el} “${short(str, 60)}” is not a SCORM 1.2 choice response (single characters 0–9 or a–z, separated by commas)`
				};
			}
			if (type === 'true-false' && !/^[01tf]$/.test(str)) {
				return {
					code,
					message: `${el} “${short(str, 60)}” is not a SCORM 1.2 true-false response (0, 1, t or f)`
				};
			}
		}
	} else {
		if (el === 'cmi.suspend_data' && str.length > SUSPEND_LIMIT) {
			ctx.warnOnce(
				'suspend-long',
				`cmi.suspend_data is ${str.length.toLocaleString('en-GB')} characters: SCORM 2004 allows 64,000, but this course should stay within 4,096 so that it also works in SCORM 1.2 LMSs.`,
				el
			);
		}
		if (ID_ELEMENT.test(el) && /\s/.test(str)) {
			return {
				code,
				message: `${el} “${short(str, 60)}” contains white space: identifiers are URIs (long_identifier_type)`
			};
		}
	}
	return null;
}
