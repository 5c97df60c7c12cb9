/**
 * The shape of a council file (scenarios/councils/<id>.yaml), checked with a schema library
 * (valibot): which fields there are and which are required, that each holds text, a list or a set
 * of fields, and the rules one value must follow on its own (an id's form, an allowed kind, a
 * title without "the"). Each problem is reported at the line of the YAML node it is about, as
 * `what is wrong — how to fix it`, with a "did you mean" for a misspelt field.
 *
 * Checks that compare a value with something else (the source text, the principles catalogue,
 * the other fields, the logo's bytes) are in ./council-schema.ts. The format: docs/councils.md.
 */
import * as v from 'valibot';
import type { LineCounter, Node as YamlNode } from 'yaml';
import {
	ALL_ROLE_KEYS,
	GENERIC_TITLE,
	KINDS,
	NATIONS,
	NOT_STATED,
	OPTIONAL_ROLE_KEYS,
	ROLE_HELP,
	ROUTE_KEYS_MAY_BE_UNSTATED,
	TITLE_KEYS
} from './council-kinds.js';
import {
	CLAUSE,
	EMPTY_CLAUSES,
	GAP,
	logoFields,
	PROTOCOL,
	ROLES,
	TOP,
	type Fieldset
} from './council-fields.js';
import { GAP_MARKER } from './council-text.js';
import type { ContentError } from './errors.js';
import { closest, didYouMean } from './suggest.js';
import { locate, plainData, YamlAlias } from './yaml-schema.js';

export type Path = readonly (string | number)[];

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const isRecord = (x: unknown): x is Record<string, unknown> =>
	typeof x === 'object' && x !== null && !Array.isArray(x) && !(x instanceof YamlAlias);

/**
 * A set of fields: each of `entries`, a "missing" message for a required one, and an "unknown
 * field" message (with did-you-mean, kept in `expected`) for every field that is not allowed.
 */
function fields<E extends v.ObjectEntries>(set: Fieldset, entries: E) {
	return v.pipe(
		// Not a list: valibot's objects accept arrays.
		v.custom<Record<string, unknown>>(isRecord, set.notAMap),
		v.looseObject(entries, (i) =>
			i.input === undefined && i.expected?.startsWith('"')
				? `missing ${i.expected} — ${set.help[i.expected.slice(1, -1)]}`
				: set.notAMap
		),
		v.rawCheck(({ dataset, addIssue }) => {
			const value = dataset.value;
			if (!isRecord(value)) return;
			for (const key of Object.keys(value)) {
				if (set.allowed.includes(key)) continue;
				const guess = closest(key, set.allowed);
				addIssue({
					message: `unknown ${set.noun} "${key}" — ${set.listName}: ${set.allowed.join(', ')}${guess ? ` (did you mean "${guess}"?)` : ''}`,
					expected: guess ? `"${guess}"` : undefined,
					path: [{ type: 'object', origin: 'key', input: value, key, value: value[key] }]
				});
			}
		})
	);
}

/** A field holding one piece of text. */
function text(set: Fieldset, key: string) {
	return v.string((i) =>
		i.input === null
			? `"${key}" is empty — ${set.help[key]}`
			: i.input instanceof YamlAlias
				? `"${key}" starts with "*", which YAML reads as a reference — put the whole value in double quotes`
				: `"${key}" must be text, not a list or a set of fields — write it on the same line, in double quotes if it starts with [ or {`
	);
}

/** A rule for one text value: `problem` says what is wrong and how to fix it, or returns null. */
const rule = (problem: (s: string) => string | null) =>
	v.check<string, (i: v.CheckIssue<string>) => string>(
		(s) => problem(s) === null,
		(i) => problem(i.input) ?? ''
	);

const textWith = (set: Fieldset, key: string, problem: (s: string) => string | null) =>
	v.pipe(text(set, key), rule(problem));

/** A role's rules on its own; the rules that need the kind, nation or name are in council-schema.ts. */
function roleProblem(key: string, value: string): string | null {
	if (value.toLowerCase() === NOT_STATED && !ROUTE_KEYS_MAY_BE_UNSTATED.includes(key))
		return `"${key}" cannot be "not stated" — ${TITLE_KEYS.includes(key) ? `write the title the council uses (in a # comment above it, say where it comes from if the protocol does not state it), e.g. ${key}: ${key === 'clerk' ? 'Clerk' : key === 'chair' ? 'Chair of the Council' : 'Leader of the Council'}` : `write ${ROLE_HELP[key]}`}`;
	if (TITLE_KEYS.includes(key) && /^(the|a|an)\s/i.test(value)) {
		const bare = value.replace(/^(the|a|an)\s+/i, '');
		return `"${key}" starts with "${value.split(/\s/)[0]}" — write the title alone, e.g. ${key}: ${bare}; the scenarios add "the" themselves ("The ${bare} emails you")`;
	}
	if (key === 'clerk' && GENERIC_TITLE.test(value))
		return `"clerk" is "${value}", which is not one person's title — write the title of the head of paid staff (the Clerk, or a principal council's Chief Executive or head of paid service) and put Directors or other officers in the routes (see docs/councils.md, "Councils with no single head of staff")`;
	return null;
}

/** The schema of one council file; `fileName` (e.g. witham-town-council.yaml) sets the id it must have. */
function councilSchema(fileName: string) {
	const expectedId = fileName.replace(/\.yaml$/i, '');
	const kinds = Object.keys(KINDS);
	const logo = logoFields(fileName);
	const role = (key: string) => textWith(ROLES, key, (s) => roleProblem(key, s));
	const clause = fields(CLAUSE, {
		id: textWith(CLAUSE, 'id', (id) =>
			ID_PATTERN.test(id)
				? null
				: 'the id must be lower case letters, digits and hyphens, e.g. conf-1 — change it'
		),
		ref: text(CLAUSE, 'ref'),
		text: textWith(CLAUSE, 'text', (t) => {
			const marker = GAP_MARKER.exec(t)?.[0];
			return marker
				? `the text contains "${marker}", a mark for missing words — a clause quotes only words the source has: end the clause where the published text breaks off (or split it in two at the gap), and say so in a # comment above it (see docs/councils.md, "Cut-off or oddly numbered texts")`
				: null;
		}),
		principles: v.nullish(
			v.array(
				v.string('each principle must be a principle id, e.g. respect.courtesy'),
				'principles must be a list in square brackets, e.g. principles: [confidentiality.no-disclosure, respect.courtesy]'
			)
		)
	});
	return fields(TOP, {
		id: textWith(TOP, 'id', (id) =>
			id !== expectedId
				? `id "${id}" does not match the file name ${fileName} — change the id to "${expectedId}", or rename the file to ${id}.yaml`
				: ID_PATTERN.test(id)
					? null
					: `id "${id}" must be lower case letters, digits and hyphens, e.g. witham-town-council — rename the file and change the id to match`
		),
		name: text(TOP, 'name'),
		kind: textWith(TOP, 'kind', (kind) =>
			Object.hasOwn(KINDS, kind)
				? null
				: `kind "${kind}" is not one of the allowed kinds — use one of: ${kinds.join(', ')}${didYouMean(kind.toLowerCase(), kinds)} (see docs/councils.md, "Kind and nation")`
		),
		nation: textWith(TOP, 'nation', (nation) =>
			(NATIONS as readonly string[]).includes(nation)
				? null
				: `nation "${nation}" is not allowed — write england or wales, in lower case (the course covers councils in England and Wales only)`
		),
		protocol: fields(PROTOCOL, {
			title: text(PROTOCOL, 'title'),
			version: text(PROTOCOL, 'version'),
			adopted: text(PROTOCOL, 'adopted')
		}),
		source: textWith(TOP, 'source', (source) =>
			/[\\/]/.test(source)
				? `source "${source}" must be a file name in the same folder as ${fileName}, not a path — put the text file next to ${fileName} and write just its name`
				: null
		),
		roles: fields(
			ROLES,
			Object.fromEntries(
				ALL_ROLE_KEYS.map((k) => [
					k,
					OPTIONAL_ROLE_KEYS.includes(k) ? v.optional(role(k)) : role(k)
				])
			)
		),
		clauses: v.pipe(
			v.array(clause, (i) =>
				i.input === null
					? `"clauses" is empty — ${EMPTY_CLAUSES}`
					: `"clauses" must be a list: each clause starts with "- id:" on its own line — see docs/councils.md`
			),
			v.nonEmpty(`"clauses" is empty — ${EMPTY_CLAUSES}`)
		),
		gaps: v.nullish(
			v.record(
				v.string(),
				fields(GAP, { note: text(GAP, 'note'), nearest: v.optional(text(GAP, 'nearest')) }),
				'"gaps" must list principle ids, each followed by a colon and, on the lines below it, a note (and optionally nearest) — see docs/councils.md'
			)
		),
		logo: v.optional(fields(logo, { file: text(logo, 'file'), alt: text(logo, 'alt') }))
	});
}

/** Issues about a list or a set of fields: reported at the field's name rather than its first item. */
const CONTAINER_ISSUES = new Set(['custom', 'loose_object', 'array', 'record', 'non_empty']);

/** A shape problem, with the path of the value it is about. */
export interface ShapeError extends ContentError {
	path: Path;
}

export interface CouncilShape {
	/** The file as plain data (text as written, trimmed; blank values null). */
	data: unknown;
	errors: ShapeError[];
	/** Whether the value at `path` (and everything in it) has the right shape. */
	ok(path: Path): boolean;
	/** The fields a misspelt field in the set at `path` was a near miss for. */
	suggested(path: Path): Set<string>;
	/** The text at `path` when it has the right shape. */
	text(path: Path): string | undefined;
	/** The YAML node at `path`, its line, and the line of its field name. */
	node(path: Path): YamlNode | undefined;
	line(path: Path): number;
	keyLine(path: Path): number;
}

/** Check the shape of a council file's parsed contents (`root`, with `lc` for its lines). */
export function checkCouncilShape(file: string, root: unknown, lc: LineCounter): CouncilShape {
	const fileName = file.split(/[\\/]/).pop() ?? file;
	const data = plainData(root);
	const result = v.safeParse(councilSchema(fileName), data);
	const issues = result.success ? [] : result.issues;
	const pathOf = (issue: v.BaseIssue<unknown>): Path =>
		(issue.path ?? []).map((p) => p.key as string | number);
	const isUnknown = (issue: v.BaseIssue<unknown>) => issue.type === 'raw_check';
	const lineOf = (node: YamlNode | undefined) => (node?.range ? lc.linePos(node.range[0]).line : 1);

	const suggestions = new Map<string, Set<string>>();
	for (const issue of issues) {
		if (!isUnknown(issue) || !issue.expected) continue;
		const at = key(pathOf(issue).slice(0, -1));
		if (!suggestions.has(at)) suggestions.set(at, new Set());
		suggestions.get(at)!.add(issue.expected.slice(1, -1));
	}
	const suggested = (path: Path) => suggestions.get(key(path)) ?? new Set<string>();

	/** The line an issue is about. */
	const lineAt = (issue: v.BaseIssue<unknown>, path: Path): number => {
		const at = locate(root, path);
		if (isUnknown(issue)) return lineOf(at.key);
		if (!at.found) {
			// A missing field: at the name of the set it belongs in (line 1 for the file).
			const parent = path.slice(0, -1);
			if (parent.length === 0) return 1;
			const p = locate(root, parent);
			return lineOf(typeof parent.at(-1) === 'number' ? p.value : p.key);
		}
		if (CONTAINER_ISSUES.has(issue.type) && path.length <= 2 && typeof path.at(-1) === 'string')
			return lineOf(at.key);
		return lineOf(at.value ?? at.key);
	};

	const found: { error: ShapeError; unknown: boolean }[] = [];
	for (const issue of issues) {
		const path = pathOf(issue);
		const unknown = isUnknown(issue);
		// A misspelt field is reported once, as unknown with its "did you mean", not also as missing.
		if (
			!unknown &&
			!locate(root, path).found &&
			suggested(path.slice(0, -1)).has(String(path.at(-1)))
		)
			continue;
		const message = prefixOf(path, data) + issue.message;
		found.push({ error: { file, line: lineAt(issue, path), message, path }, unknown });
	}
	// In line order; a misspelt field first on its line, as it is the likely cause of the rest.
	found.sort((a, b) => a.error.line - b.error.line || Number(b.unknown) - Number(a.unknown));
	const errors = found.map((f) => f.error);
	const bad = errors.map((e) => key(e.path));
	const ok = (path: Path) => {
		const k = key(path);
		return !bad.some((b) => path.length === 0 || b === k || b.startsWith(k + SEP));
	};
	return {
		data,
		errors,
		ok,
		suggested,
		text: (path) => {
			const value = path.reduce<unknown>(
				(d, k) => (isRecord(d) || Array.isArray(d) ? (d as Record<string, unknown>)[k] : undefined),
				data
			);
			return typeof value === 'string' && ok(path) ? value : undefined;
		},
		node: (path) => locate(root, path).value,
		line: (path) => {
			const at = locate(root, path);
			return lineOf(at.value ?? at.key);
		},
		keyLine: (path) => lineOf(locate(root, path).key)
	};
}

const SEP = '\u0000';
const key = (path: Path) => path.join(SEP);

/** Which set of fields a message is about: "protocol: ", `clause "conf-1": `, `gap "respect.courtesy": ` … */
function prefixOf(path: Path, data: unknown): string {
	const [top, at] = path;
	if (path.length < 2) return '';
	if (top === 'clauses') {
		const n = (at as number) + 1;
		if (path.length === 2) return `clause ${n} `;
		const clauses = (data as { clauses: unknown[] }).clauses;
		const id = (clauses[at as number] as Record<string, unknown>).id;
		return typeof id === 'string' ? `clause "${id}": ` : `clause ${n}: `;
	}
	if (top === 'gaps') return `gap "${at}": `;
	return `${top}: `;
}
