/**
 * The project's one zip library, adm-zip: it writes the packages and reads them back for the
 * check and the tests. It deflates with Node's zlib (about 3% smaller than fflate's deflate:
 * 4.9 KB on a SCORM 2004 package, which the zip budget needs) and writes each entry's sizes in
 * its local header (no data descriptors, which some zip readers mishandle). Deterministic: the
 * same files give the same bytes (fixed order, fixed timestamps), with imsmanifest.xml first, at
 * the root. Build-time only (Node).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import AdmZip from 'adm-zip';

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
	const zip = new AdmZip(undefined, { noSort: true });
	for (const p of paths) {
		if (p.startsWith('/') || p.includes('\\') || p.split('/').includes('..'))
			throw new Error(`cannot zip "${p}": paths must be relative, with "/" and no ".."`);
		const v = files[p];
		zip.addFile(p, typeof v === 'string' ? Buffer.from(v, 'utf8') : Buffer.from(v));
		const entry = zip.getEntry(p);
		if (!entry) throw new Error(`cannot zip "${p}": adm-zip did not keep it`);
		entry.header.time = FIXED_MTIME;
		if (STORED.test(p)) entry.header.method = 0;
	}
	return new Uint8Array(zip.toBuffer());
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

/** The entries of a zip (path → bytes; folder entries end in "/"). Throws if it is not a zip. */
export function unzipFiles(zip: Uint8Array): Record<string, Uint8Array> {
	const out: Record<string, Uint8Array> = {};
	for (const e of new AdmZip(Buffer.from(zip)).getEntries())
		out[e.entryName] = e.isDirectory ? new Uint8Array() : new Uint8Array(e.getData());
	return out;
}
