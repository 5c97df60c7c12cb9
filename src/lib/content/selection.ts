/**
 * A stable 6-character hash of a scenario selection (FNV-1a, base 36). In its own module so that
 * the app can use it without bundling the build-option table of options.ts.
 */
export function selectionHash(ids: string[]): string {
	let h = 0x811c9dc5;
	for (const ch of ids.join(',')) {
		h ^= ch.charCodeAt(0);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h.toString(36).padStart(6, '0').slice(-6);
}
