/** Small value formatters shared by the SCORM 1.2 and 2004 dialects. */

/** A decimal with at most `places` decimals, never in exponent form. Bad input is 0. */
export function num(x: number, places = 2): string {
	const f = 10 ** places;
	const n = Math.round((Number.isFinite(x) ? x : 0) * f) / f;
	const s = (Object.is(n, -0) ? 0 : n).toFixed(places);
	return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** A choice letter as both versions want it: one lower-case character. */
export const letter = (s: string) =>
	String(s ?? '')
		.trim()
		.toLowerCase();

/** An identifier: no white space (1.2 CMIIdentifier), at most 255 characters. */
export const ident = (s: string) =>
	String(s ?? '')
		.replace(/\s+/g, '_')
		.slice(0, 255);

/**
 * SCORM 2004 localized string: plain text on one line, at most 250 characters (the smallest
 * maximum an LMS must accept); a leading "{" would be read as a language tag, so it is dropped.
 */
export function text250(s: string): string {
	const flat = String(s ?? '')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/^\{+/, '');
	const chars = Array.from(flat);
	return chars.length <= 250 ? flat : chars.slice(0, 249).join('').trimEnd() + '…';
}
