/**
 * Council protocols as data: loads every scenarios/councils/<id>.yaml with the protocol text it
 * quotes (<id>.source.txt) and checks them like a compiler (see ./council-schema.ts for the
 * checks and docs/councils.md for the format). Node only: it reads the folder from disk.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { Council } from '../engine/types';
import { checkCouncil, type ContentError } from './council-schema.js';

export {
	ROLE_KEYS,
	formatCouncilError,
	normaliseWhitespace,
	parseCouncil,
	uncoveredPassages,
	type ContentError
} from './council-schema.js';

/**
 * Read every `*.yaml` file in `dir` (not sub-folders) and the source text each one names.
 * Returns the councils that are valid, and every problem found, in file then line order.
 */
export function loadCouncils(dir: string, principleIds: string[]): { councils: Council[]; errors: ContentError[] } {
	const councils: Council[] = [];
	const errors: ContentError[] = [];
	if (!existsSync(dir)) {
		errors.push({ file: displayPath(dir), line: 1, message: 'the councils folder does not exist — create it and add one <id>.yaml file per council' });
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
		const yamlText = readFileSync(path, 'utf8');
		const readSource = (source: string): string | null => {
			const p = join(dir, source);
			return existsSync(p) ? readFileSync(p, 'utf8') : null;
		};
		const r = checkCouncil(displayPath(path), yamlText, readSource, principleIds);
		errors.push(...r.errors);
		if (r.council) councils.push(r.council);
	}
	return { councils, errors };
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
