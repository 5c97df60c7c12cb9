/**
 * Council protocols as data: loads every scenarios/councils/<id>.yaml with the protocol text it
 * quotes (<id>.source.txt) and checks them like a compiler (see ./council-schema.ts for the
 * checks and docs/councils.md for the format). Node only: it reads the folder from disk.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { Council } from '../engine/types';
import { checkCouncil } from './council-schema.js';
import type { ContentError } from './errors.js';

export {
	ROLE_KEYS,
	ALL_ROLE_KEYS,
	OPTIONAL_ROLE_KEYS,
	KINDS,
	tierOf,
	conductRouteProblem,
	routeFill,
	scenarioFits,
	FIT_VALUES,
	normaliseWhitespace,
	parseCouncil,
	uncoveredPassages,
	type ContentError
} from './council-schema.js';

/**
 * Read every `*.yaml` file in `dir` (not sub-folders) and the source text each one names.
 * Returns the councils that are valid, and every problem found, in file then line order.
 */
export function loadCouncils(
	dir: string,
	principleIds: string[]
): { councils: Council[]; errors: ContentError[] } {
	const councils: Council[] = [];
	const errors: ContentError[] = [];
	if (!existsSync(dir)) {
		errors.push({
			file: displayPath(dir),
			line: 1,
			message:
				'the councils folder does not exist — create it and add one <id>.yaml file per council'
		});
		return { councils, errors };
	}
	const names = readdirSync(dir, { withFileTypes: true })
		.filter((d) => d.isFile())
		.map((d) => d.name)
		.sort();
	for (const name of names) {
		if (/\.yml$/i.test(name) || (/\.yaml$/i.test(name) && !name.endsWith('.yaml'))) {
			const fixed = name.replace(/\.ya?ml$/i, '.yaml');
			errors.push({
				file: displayPath(join(dir, name)),
				line: 1,
				message: `council files must end in .yaml — rename ${name} to ${fixed}`
			});
			continue;
		}
		if (!name.endsWith('.yaml')) continue;
		const path = join(dir, name);
		const yaml = decodeUtf8(readFileSync(path));
		if (typeof yaml !== 'string') {
			errors.push({
				file: displayPath(path),
				line: yaml.notUtf8,
				message: `${name} is not valid UTF-8 text (the first bad byte is on this line) — open it in a plain-text editor and save it again with the encoding UTF-8 (see docs/councils.md)`
			});
			continue;
		}
		const yamlText = yaml;
		const readSource = (source: string) => {
			const p = join(dir, source);
			return existsSync(p) ? decodeUtf8(readFileSync(p)) : null;
		};
		const readBytes = (file: string) => {
			const p = join(dir, file);
			return existsSync(p) && statSync(p).isFile() ? new Uint8Array(readFileSync(p)) : null;
		};
		const r = checkCouncil(displayPath(path), yamlText, readSource, principleIds, readBytes);
		// The logo's hash names its file in the package and is part of the content version.
		if (r.council?.logo)
			r.council.logo.hash = createHash('sha256')
				.update(readBytes(r.council.logo.file.slice(r.council.file.lastIndexOf('/') + 1))!)
				.digest('hex')
				.slice(0, 10);
		errors.push(...r.errors);
		if (r.council) councils.push(r.council);
	}
	return { councils, errors };
}

/** The text of a file, or the line of its first byte that is not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | { notUtf8: number } {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		// Find the first bad byte: decode ever longer prefixes that end on a line break.
		let line = 1;
		let start = 0;
		const decoder = new TextDecoder('utf-8', { fatal: true });
		for (let i = 0; i <= bytes.length; i++) {
			if (i === bytes.length || bytes[i] === 0x0a) {
				try {
					decoder.decode(bytes.subarray(start, i));
				} catch {
					return { notUtf8: line };
				}
				line++;
				start = i + 1;
			}
		}
		return { notUtf8: line };
	}
}

/** A path as shown in messages: relative to the working directory (the project root) when inside it, with / separators. */
function displayPath(p: string): string {
	let shown = p;
	if (isAbsolute(p)) {
		const rel = relative(process.cwd(), p);
		if (rel && !rel.startsWith('..') && !isAbsolute(rel)) shown = rel;
	}
	return shown.split(sep).join('/');
}
