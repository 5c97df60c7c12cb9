/**
 * Reads and checks a scenario's frontmatter, with the line of each field. Its shape (which fields,
 * each field's type and allowed values) is a valibot schema, as a council file's is
 * (council-shape.ts); each problem is reported at the line of the field it is about.
 */
import * as v from 'valibot';
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

const ALLOWED: readonly string[] = [...FIELDS, ...OPTIONAL_FIELDS];

/** A rule for one text value: `problem` says what is wrong and how to fix it, or returns null. */
const rule = (problem: (s: string) => string | null) =>
	v.check<string, (i: v.CheckIssue<string>) => string>(
		(s) => problem(s) === null,
		(i) => problem(i.input) ?? ''
	);

const missing = (key: string) => `frontmatter field "${key}" is missing or empty — add "${key}: …"`;

/** A required field: not blank (one left out is reported by the object, with the same message). */
const present = (key: string) => v.custom<unknown>((x) => x !== null && x !== '', missing(key));

/** A required field holding one piece of text (trimmed). */
const text = (key: string) =>
	v.pipe(
		present(key),
		v.string(
			(i) => `"${key}" must be text, not ${Array.isArray(i.input) ? 'a list' : typeof i.input}`
		),
		v.trim()
	);

function idProblem(id: string): string | null {
	if (!ID.test(id))
		return `id "${id}" must be lower case letters, digits and hyphens, e.g. "exempt-papers"`;
	if (id.length > MAX_SCENARIO_ID)
		return `id is ${id.length} characters; at most ${MAX_SCENARIO_ID} — the id names the scenario in saved progress, file names and LMS reports (see "Limits" in docs/authoring.md)`;
	if (id === 'protocol')
		return 'id "protocol" is kept for the council\'s protocol file — choose another id';
	return null;
}

const FITS_HELP = `"fits" must be a list of kinds of council, e.g. "fits: [principal]" or "fits: [parish council, town council]" — or leave it out to fit every council`;

const FRONTMATTER = v.pipe(
	v.looseObject(
		{
			id: v.pipe(text('id'), rule(idProblem)),
			title: text('title'),
			audience: v.pipe(
				text('audience'),
				rule((a) =>
					(AUDIENCES as string[]).includes(a)
						? null
						: `audience "${a}" is not allowed — use councillor, officer or both`
				),
				v.transform((a) => a as Audience)
			),
			topics: v.pipe(
				present('topics'),
				v.custom<unknown[]>(
					Array.isArray,
					'"topics" must be a list, e.g. "topics: [confidentiality]"'
				),
				v.transform((topics) => topics.map(String)),
				v.nonEmpty('"topics" is empty — name at least one topic'),
				v.array(
					v.custom<string>(
						(t) => (TOPICS as readonly unknown[]).includes(t),
						(i) => `unknown topic "${String(i.input)}" — use: ${TOPICS.join(', ')}`
					)
				)
			),
			summary: text('summary'),
			minutes: v.pipe(
				present('minutes'),
				v.custom<number>(
					(m) => typeof m === 'number' && Number.isInteger(m) && m >= 1 && m <= 60,
					(i) => `"minutes" must be a whole number from 1 to 60, not "${String(i.input)}"`
				)
			),
			fits: v.optional(
				v.pipe(
					v.custom<string[]>(
						(raw) =>
							Array.isArray(raw) && raw.length > 0 && raw.every((f) => typeof f === 'string'),
						FITS_HELP
					),
					v.transform((raw) => raw.map((f) => f.trim().toLowerCase())),
					v.array(
						v.custom<string>(
							(f) => FIT_VALUES.includes(f as string),
							(i) =>
								`"fits" names "${String(i.input)}", which is not a kind of council — use local, principal or any of: ${FIT_VALUES.filter((f) => f !== 'local' && f !== 'principal').join(', ')}`
						)
					)
				)
			)
		},
		// Not a map is reported before this is used, so an issue of the object is a field left out.
		(i) => missing(i.expected?.slice(1, -1) ?? '')
	),
	v.rawCheck(({ dataset, addIssue }) => {
		const value = dataset.value as Record<string, unknown>;
		for (const key of Object.keys(value))
			if (!ALLOWED.includes(key))
				addIssue({
					message: `unknown frontmatter field "${key}" — allowed: ${ALLOWED.join(', ')}`,
					path: [{ type: 'object', origin: 'key', input: value, key, value: value[key] }]
				});
	})
);

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
	// Each field's line (its name's); a missing field's is the first line.
	const lines: Record<string, number> = {};
	for (const pair of doc.contents.items as Pair[])
		if (isScalar(pair.key)) lines[String(pair.key.value)] = lineAt(pair.key.range?.[0]);
	const result = v.safeParse(FRONTMATTER, doc.toJS());
	const issues = result.issues ?? [];
	// An unknown field first: it may be a misspelt one that is then missing.
	const unknown = issues.filter((i) => i.type === 'raw_check');
	for (const issue of [...unknown, ...issues.filter((i) => i.type !== 'raw_check')]) {
		const field = String(issue.path?.[0].key ?? '');
		report(lines[field] ?? firstLine, issue.message);
	}
	// An unknown field alone does not stop the scenario being read.
	if (!result.typed || unknown.length < issues.length) return null;
	const { id, title, audience, topics, summary, minutes, fits } = result.output;
	return { id, title, audience, topics, summary, minutes, ...(fits ? { fits } : {}) };
}
