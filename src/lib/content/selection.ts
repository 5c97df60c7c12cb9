/**
 * FNV-1a, the one small non-cryptographic hash the app uses (scenario selections, certificate
 * references), and the stable 6-character hash of a scenario selection (base 36). In its own
 * module so that the app can use it without bundling the build-option table of options.ts.
 */

/** FNV-1a over the code points of `s`, 32 bits; another `seed` and `prime` give a second, independent lane. */
export function fnv1a(s: string, seed = 0x811c9dc5, prime = 0x01000193): number {
	let h = seed;
	for (const ch of s) h = Math.imul(h ^ ch.codePointAt(0)!, prime) >>> 0;
	return h;
}

/** Scenario ids are ASCII (lower case, digits, hyphens), so code points and code units agree. */
export function selectionHash(ids: string[]): string {
	return fnv1a(ids.join(',')).toString(36).padStart(6, '0').slice(-6);
}
