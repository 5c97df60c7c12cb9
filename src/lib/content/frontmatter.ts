/** Reads and checks a scenario's frontmatter, with the line of each field. */
import { LineCounter, parseDocument, isMap, isScalar, type Pair } from 'yaml';
import type { Audience, Scenario } from '../engine/types.js';
import { lineFaults, plainYamlError } from './yaml-faults.js';

/** Longest scenario id: see MAX_SCENARIO_ID in scenario.ts and "Limits" in docs/authoring.md. */
export const MAX_SCENARIO_ID = 80;
import { FIT_VALUES } from './council-schema.js';

export const TOPICS = [
	'confidentiality',
	'relationships',
	'delegation',
	'roles',
	'political-groups',
	'complaints',
	'chairs',
	'public-criticism',
	'professional-advice',
	'correspondence',
	'pressure'
] as const;
const AUDIENCES: Audience[] = ['councillor', 'officer', 'both'];
const FIELDS = ['id', 'title', 'audience', 'topics', 'summary', 'minutes'] as const;
/** Optional: `fits` lists the kinds of council the scenario fits (see docs/authoring.md). */
const OPTIONAL_FIELDS = ['fits'] as const;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export type Meta = Pick<Scenario, (typeof FIELDS)[number] | 'fits'>;

/** `firstLine` is the file line of the first YAML line (the one after the opening ---). */
export function parseFrontmatter(
	text: string,
	firstLine: number,
	report: (line: number, message: string) => void
): Meta | null {
	const lc = new LineCounter();
	const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
	const lineAt = (offset: number | undefined) =>
		firstLine + (offset === undefined ? 0 : lc.linePos(offset).line - 1);
	const faults = lineFaults(text, !doc.errors.length);
	for (const f of faults) report(firstLine + f.index, f.message);
	if (doc.errors.length) {
		if (!faults.length) report(lineAt(doc.errors[0].pos[0]), plainYamlError(doc.errors[0]));
		return null;
	}
	if (faults.length) return null;
	if (!isMap(doc.contents)) {
		report(firstLine, 'frontmatter must be "field: value" lines — see docs/authoring.md');
		return null;
	}
	const lines: Record<string, number> = {};
	for (const pair of doc.contents.items as Pair[]) {
		const key = isScalar(pair.key) ? String(pair.key.value) : '';
		const line = lineAt(isScalar(pair.key) ? pair.key.range?.[0] : undefined);
		if (![...FIELDS, ...OPTIONAL_FIELDS].includes(key as never))
			report(
				line,
				`unknown frontmatter field "${key}" — allowed: ${[...FIELDS, ...OPTIONAL_FIELDS].join(', ')}`
			);
		lines[key] = line;
	}
	const data = doc.toJS() as Record<string, unknown>;
	let ok = true;
	const bad = (key: string, message: string) => {
		report(lines[key] ?? firstLine, message);
		ok = false;
	};
	for (const f of FIELDS)
		if (data[f] === undefined || data[f] === null || data[f] === '')
			bad(f, `frontmatter field "${f}" is missing or empty — add "${f}: …"`);
	if (!ok) return null;

	const str = (key: string) => {
		if (typeof data[key] !== 'string')
			bad(
				key,
				`"${key}" must be text, not ${Array.isArray(data[key]) ? 'a list' : typeof data[key]}`
			);
		return String(data[key]).trim();
	};
	const id = str('id');
	if (ok && !ID.test(id))
		bad('id', `id "${id}" must be lower case letters, digits and hyphens, e.g. "exempt-papers"`);
	if (ok && id.length > MAX_SCENARIO_ID)
		bad(
			'id',
			`id is ${id.length} characters; at most ${MAX_SCENARIO_ID} — the id names the scenario in saved progress, file names and LMS reports (see "Limits" in docs/authoring.md)`
		);
	if (ok && id === 'protocol')
		bad('id', 'id "protocol" is kept for the council\'s protocol file — choose another id');
	const title = str('title');
	const summary = str('summary');
	const audience = str('audience') as Audience;
	if (ok && !AUDIENCES.includes(audience))
		bad('audience', `audience "${audience}" is not allowed — use councillor, officer or both`);
	const topicsRaw = data.topics;
	const topics = Array.isArray(topicsRaw) ? topicsRaw.map(String) : [];
	if (!Array.isArray(topicsRaw))
		bad('topics', '"topics" must be a list, e.g. "topics: [confidentiality]"');
	else if (topics.length === 0) bad('topics', '"topics" is empty — name at least one topic');
	for (const t of topics)
		if (!(TOPICS as readonly string[]).includes(t))
			bad('topics', `unknown topic "${t}" — use: ${TOPICS.join(', ')}`);
	const minutes = data.minutes;
	if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 1 || minutes > 60)
		bad('minutes', `"minutes" must be a whole number from 1 to 60, not "${String(minutes)}"`);
	let fits: string[] | undefined;
	if (data.fits !== undefined) {
		const raw = data.fits;
		if (!Array.isArray(raw) || raw.length === 0 || raw.some((f) => typeof f !== 'string')) {
			bad(
				'fits',
				`"fits" must be a list of kinds of council, e.g. "fits: [principal]" or "fits: [parish council, town council]" — or leave it out to fit every council`
			);
		} else {
			fits = raw.map((f: string) => f.trim().toLowerCase());
			for (const f of fits)
				if (!FIT_VALUES.includes(f))
					bad(
						'fits',
						`"fits" names "${f}", which is not a kind of council — use local, principal or any of: ${FIT_VALUES.filter((v) => v !== 'local' && v !== 'principal').join(', ')}`
					);
		}
	}
	if (!ok) return null;
	const meta: Meta = { id, title, audience, topics, summary, minutes: minutes as number };
	if (fits) meta.fits = fits;
	return meta;
}
