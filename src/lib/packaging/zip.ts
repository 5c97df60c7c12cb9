/**
 * Zips a package folder into the bytes of a SCORM package (PIF) with fflate (the zip library the
 * package check and the tests read zips with). zipSync writes each entry's sizes in its local
 * header (no data descriptors, which some zip readers mishandle). Deterministic: the same files
 * give the same bytes (fixed order, fixed timestamps), with imsmanifest.xml first, at the root.
 * Build-time only (Node).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';

/** Files never packaged (operating-system litter). */
const IGNORED = /(^|\/)(\.DS_Store|Thumbs\.db|desktop\.ini|__MACOSX)$/i;

/** Already-compressed formats: stored, not deflated again. */
const STORED = /\.(png|jpe?g|gif|webp|avif|woff2?|mp4|webm|mp3|m4a|ogg|zip|gz|br)$/i;

/** A fixed time for every entry (local time, as zip times are): 2000-01-01 00:00. */
const FIXED_MTIME = new Date(2000, 0, 1, 0, 0, 0);

/** Byte-wise comparison, so the order doesn't depend on the locale. */
export function comparePaths(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** Every file under dir, as sorted relative paths with "/" separators (OS litter skipped). */
export function listFiles(dir: string): string[] {
	const out: string[] = [];
	const walk = (rel: string) => {
		for (const name of readdirSync(join(dir, rel))) {
			const path = rel ? `${rel}/${name}` : name;
			if (IGNORED.test(path)) continue;
			const st = statSync(join(dir, path));
			if (st.isDirectory()) walk(path);
			else if (st.isFile()) out.push(path);
		}
	};
	walk('');
	return out.sort(comparePaths);
}

/**
 * Zips files (path → bytes or text). imsmanifest.xml, if present, goes first; the rest in path
 * order.
 */
export function zipFiles(files: Record<string, Uint8Array | string>): Uint8Array {
	const paths = Object.keys(files).sort((a, b) =>
		a === 'imsmanifest.xml' ? -1 : b === 'imsmanifest.xml' ? 1 : comparePaths(a, b)
	);
	const entries: Zippable = {};
	for (const p of paths) {
		if (p.startsWith('/') || p.includes('\\') || p.split('/').includes('..'))
			throw new Error(`cannot zip "${p}": paths must be relative, with "/" and no ".."`);
		// An object keeps its keys in insertion order, except integer-like ones, which go first.
		if (/^\d+$/.test(p))
			throw new Error(`cannot zip "${p}": a file name of digits only at the package root`);
		const v = files[p];
		entries[p] = [
			typeof v === 'string' ? strToU8(v) : v,
			{ level: STORED.test(p) ? 0 : 9, mtime: FIXED_MTIME }
		];
	}
	return zipSync(entries);
}

/**
 * Zips a package folder plus extra files (e.g. imsmanifest.xml, which wins over a file of the
 * same name in the folder).
 */
export function zipDirectory(
	dir: string,
	extra: Record<string, Uint8Array | string> = {}
): Uint8Array {
	const files: Record<string, Uint8Array | string> = {};
	for (const p of listFiles(dir)) files[p] = new Uint8Array(readFileSync(join(dir, p)));
	Object.assign(files, extra);
	return zipFiles(files);
}
