/** A package zip's bytes by kind (app, words, protocol text, manifest and schemas), for npm run bench. */
import { deflateRawSync } from 'node:zlib';
import AdmZip from 'adm-zip';

export type ZipSplit = { app: number; words: number; protocol: number; schemas: number };

/** A zip's bytes by kind: each entry's compressed data and its local and central headers. */
export function zipSplit(file: string): ZipSplit {
	const out: ZipSplit = { app: 0, words: 0, protocol: 0, schemas: 0 };
	for (const e of new AdmZip(file).getEntries()) {
		const name = e.entryName;
		const bytes = e.header.compressedSize + 30 + 46 + 2 * Buffer.byteLength(name);
		if (name === 'content/later.js') {
			// One file holds the later words, the protocol and the accessibility statement
			// (engine/text.ts textFile): the protocol's share is what leaving its line out saves.
			const lines = e.getData().toString('utf8').split('\n');
			const without = lines.filter((l) => !l.includes('("protocol",')).join('\n');
			const protocol = Math.max(
				0,
				e.header.compressedSize - deflateRawSync(without, { level: 9 }).length
			);
			out.protocol += protocol;
			out.words += bytes - protocol;
			continue;
		}
		const kind: keyof ZipSplit = /\.(xsd|dtd)$|^imsmanifest\.xml$/.test(name)
			? 'schemas'
			: name.startsWith('content/')
				? 'words'
				: 'app';
		out[kind] += bytes;
	}
	return out;
}
