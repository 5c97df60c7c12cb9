/**
 * A council's own logo or crest (the optional `logo:` group of a council file): one PNG or WebP
 * image next to the council file, with its alt text, shown in the header and on the certificate.
 * Checked at build time like the rest of the file (docs/councils.md, "Logo"). Pure TypeScript:
 * the caller reads the image's bytes.
 */

/**
 * The largest logo accepted. The header shows it 48 px high and the certificate 80 px high;
 * twice that, for sharp screens and print, is a PNG or WebP of well under 32 KB. The image is
 * part of every package (zip budget 150 KB) and of what each learner downloads, so anything
 * bigger is a photo or an unoptimised export, not a logo.
 */
export const LOGO_MAX_BYTES = 32 * 1024;

/** The longest alt text accepted: it is read out each time the header is. */
export const LOGO_ALT_MAX = 150;

export type LogoType = 'png' | 'webp';

/** The kind of image these bytes are, from their first bytes (the "magic number"), not the name. */
export function imageKind(bytes: Uint8Array): LogoType | 'svg' | 'jpeg' | 'gif' | null {
	const at = (i: number, ...b: number[]) => b.every((x, k) => bytes[i + k] === x);
	if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
	if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'webp';
	if (at(0, 0xff, 0xd8, 0xff)) return 'jpeg';
	if (at(0, 0x47, 0x49, 0x46, 0x38)) return 'gif';
	const head = new TextDecoder('utf-8', { fatal: false })
		.decode(bytes.subarray(0, 512))
		.replace(/^\uFEFF/, '')
		.trimStart();
	if (/^<(\?xml|svg|!--|!DOCTYPE svg)/i.test(head) && /<svg[\s>]/i.test(head)) return 'svg';
	return null;
}

const EXPORT = 'export the logo as PNG or WebP (any image editor can) and point "file" at that';

/**
 * What is wrong with a logo's path, or null. The path is relative to the council file and must
 * stay inside its folder (the build copies the image into the package).
 */
export function logoPathProblem(path: string, councilFile: string): string | null {
	if (/^([a-z]:)?[\\/]/i.test(path) || path.split(/[\\/]/).includes('..'))
		return `logo: file "${path}" must be inside the councils folder — put the image next to ${councilFile} (or in a folder beside it) and write its path from there, e.g. file: logos/crest.png`;
	if (path.includes('\\'))
		return `logo: file "${path}" uses \\ — write the path with /, e.g. file: logos/crest.png`;
	return null;
}

/**
 * What is wrong with a logo's bytes (wrong type, wrong name, too big), or null with its type.
 * `bytes` is null when the file does not exist.
 */
export function logoBytesProblem(
	path: string,
	bytes: Uint8Array | null,
	councilFile: string
): { problem: string } | { type: LogoType } {
	if (bytes === null)
		return {
			problem: `logo: file "${path}" not found — save the image at that path, relative to ${councilFile}, or correct the path`
		};
	const kind = imageKind(bytes);
	if (kind === 'svg')
		return {
			problem: `logo: "${path}" is an SVG image, which is not accepted (an SVG can carry scripts and links to other sites) — ${EXPORT}`
		};
	if (kind === 'jpeg' || kind === 'gif')
		return {
			problem: `logo: "${path}" is a ${kind.toUpperCase()} image; only PNG and WebP are accepted — ${EXPORT}`
		};
	if (kind === null)
		return {
			problem: `logo: "${path}" is not a PNG or WebP image (its first bytes are not an image's) — ${EXPORT}`
		};
	const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
	if (ext !== kind) {
		const fixed = path.replace(/(\.[a-z0-9]+)?$/i, `.${kind}`);
		return {
			problem: `logo: "${path}" is a ${kind === 'png' ? 'PNG' : 'WebP'} image, but its name does not end in .${kind} — rename it to ${fixed.split('/').pop()} and change "file" to match`
		};
	}
	if (bytes.length > LOGO_MAX_BYTES)
		return {
			problem: `logo: "${path}" is ${(bytes.length / 1024).toFixed(1)} KB; the limit is ${LOGO_MAX_BYTES / 1024} KB — make it smaller: 160 pixels high is plenty (it is shown at most 80 pixels high), and saving it as WebP usually halves the size`
		};
	return { type: kind };
}

/** What is wrong with a logo's alt text, or null. */
export function logoAltProblem(alt: string, path: string): string | null {
	if (alt.length > LOGO_ALT_MAX)
		return `logo: "alt" is ${alt.length} characters — keep it under ${LOGO_ALT_MAX}: say what the logo is, e.g. alt: Brackenford Parish Council crest`;
	const file = path.split('/').pop() ?? path;
	if (alt.toLowerCase() === file.toLowerCase() || /^(logo|image|crest|picture)$/i.test(alt))
		return `logo: "alt" is "${alt}", which does not tell a screen-reader user whose logo it is — name the council, e.g. alt: Brackenford Parish Council crest`;
	return null;
}

/** The logo's file name in the package, beside index.html: changes whenever the image does. */
export function logoFileName(logo: { type: LogoType; hash: string }): string {
	return `council-logo-${logo.hash}.${logo.type}`;
}
