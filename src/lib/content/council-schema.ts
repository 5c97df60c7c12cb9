/**
 * The council data format: parses and checks one scenarios/councils/<id>.yaml against the
 * protocol's own text (<id>.source.txt), like a compiler. Every message says what is wrong and
 * how to fix it, with the file and line, so a training provider can add a council without help.
 * The format is explained in docs/councils.md.
 *
 * The shape (fields, text, lists, one value's own rules) is a schema in ./council-shape.ts; here
 * are the checks that compare values with each other and with other files: kind and nation, the
 * roles against the law, the source file, the logo's bytes, and (in ./council-clauses.ts) the
 * clauses and gaps against the source text and the principles.
 *
 * Pure TypeScript with no Node, Svelte or DOM imports, so it can run anywhere. Reading the
 * folder from disk is in ./councils.ts (loadCouncils), which re-exports everything here.
 */
import { LineCounter, parseDocument } from 'yaml';
import type { Council, PrincipleBacking } from '../engine/types';
import { checkClauses, checkCoverage, checkGaps } from './council-clauses.js';
import {
	ALL_ROLE_KEYS,
	conductRouteProblem,
	KINDS,
	NOT_STATED,
	ROUTE_PRINCIPLE,
	routeFill,
	tierOf,
	type Nation
} from './council-kinds.js';
import { logoAltProblem, logoBytesProblem, logoPathProblem } from './council-logo.js';
import { checkCouncilShape, type CouncilShape } from './council-shape.js';
import { normaliseWhitespace } from './council-text.js';
import type { ContentError } from './errors.js';
import { syntaxMessage } from './yaml-syntax.js';

export type { ContentError };
export * from './council-kinds.js';
export { normaliseWhitespace, uncoveredPassages } from './council-text.js';
export { syntaxMessage } from './yaml-syntax.js';

type Report = (line: number, message: string) => void;

/**
 * Parse and check one council file. `sourceText` is the text of the file named by its
 * `source` field (null when that file does not exist). `file` is used in messages and must
 * end in `<id>.yaml`.
 */
export function parseCouncil(
	file: string,
	yamlText: string,
	sourceText: string | null,
	principleIds: string[]
): { council?: Council; errors: ContentError[] } {
	return checkCouncil(file, yamlText, () => sourceText, principleIds);
}

/**
 * Check one council file. `readSource` returns the text of the source file the council names
 * (null when there is no such file). Used by parseCouncil and loadCouncils.
 */
export function checkCouncil(
	file: string,
	yamlText: string,
	readSource: (source: string) => string | null | { notUtf8: number },
	principleIds: string[],
	/** The bytes of a file next to the council file (its logo), or null when there is none. */
	readBytes: (path: string) => Uint8Array | null = () => null
): { council?: Council; errors: ContentError[] } {
	const lc = new LineCounter();
	const doc = parseDocument(yamlText, {
		lineCounter: lc,
		keepSourceTokens: true,
		prettyErrors: false,
		uniqueKeys: true
	});
	const bad = doc.errors[0] ?? doc.warnings[0];
	if (bad) {
		const message = syntaxMessage(bad.code, bad.message, yamlText, bad.pos[0]);
		return { errors: [{ file, line: lc.linePos(bad.pos[0]).line, message }] };
	}
	const shape = checkCouncilShape(file, doc.contents, lc);
	const plain = (errors: ContentError[]) =>
		errors.map(({ file, line, message }) => ({ file, line, message }));
	// Not a set of fields at all: nothing else can be checked.
	if (shape.errors.some((e) => e.path.length === 0)) return { errors: plain(shape.errors) };
	const found: ContentError[] = [];
	const err: Report = (line, message) => found.push({ file, line, message });
	const checks = { shape, err, principleIds };

	const fileName = file.split(/[\\/]/).pop() ?? file;
	const id = shape.text(['id']);
	const name = shape.text(['name']);
	const { kind, nation } = kindAndNation(shape, err);
	const t = (key: string) => shape.text(['protocol', key]);
	const [title, version, adopted] = [t('title'), t('version'), t('adopted')];
	const source = shape.text(['source']);
	const normSource = sourceText(shape, err, fileName, source, readSource);
	const { roles, unstated } = checkRoles(shape, err, kind, nation, name);
	const { clauses, clauseLine, backedBy } = checkClauses(checks, source, normSource);
	const { gaps, listedAsGap, ignored } = checkGaps(checks, backedBy, clauseLine);
	const logo = checkLogo(shape, err, file, readBytes);
	checkCoverage(checks, backedBy, listedAsGap, unstated);

	const inIgnored = (e: { path: readonly (string | number)[] }) =>
		ignored.some((p) => p.every((k, i) => e.path[i] === k));
	const errors = [...plain(shape.errors.filter((e) => !inIgnored(e))), ...found].sort(
		(a, b) => a.line - b.line
	);
	if (errors.length) return { errors };

	const principles: Record<string, PrincipleBacking> = {};
	for (const pid of principleIds) {
		const gap = gaps.get(pid);
		principles[pid] = gap ? { clauses: [], gap } : { clauses: backedBy.get(pid) ?? [] };
	}
	return {
		council: {
			id: id!,
			name: name!,
			kind: kind!,
			nation: nation!,
			protocol: { title: title!, version: version!, adopted: adopted! },
			roles,
			unstated: unstated.map((u) => u.key),
			clauses,
			principles,
			file,
			...(logo ? { logo } : {})
		},
		errors
	};
}

/** The kind and nation, when each is allowed and the kind exists in the nation. */
function kindAndNation(shape: CouncilShape, err: Report): { kind?: string; nation?: Nation } {
	const kind = shape.text(['kind']);
	const nation = shape.text(['nation']) as Nation | undefined;
	if (nation && kind !== undefined && !KINDS[kind].nations.includes(nation)) {
		err(
			shape.line(['nation']),
			`a ${kind} is not a kind of council in ${nation === 'wales' ? 'Wales' : 'England'} — check the nation, or the kind (see docs/councils.md, "Kind and nation")`
		);
		return { nation };
	}
	return { kind, nation };
}

/** The source file's text, whitespace normalised, or null when it cannot be read. */
function sourceText(
	shape: CouncilShape,
	err: Report,
	fileName: string,
	source: string | undefined,
	readSource: (source: string) => string | null | { notUtf8: number }
): string | null {
	if (source === undefined) return null;
	const text = readSource(source);
	if (typeof text === 'string') return normaliseWhitespace(text);
	err(
		shape.line(['source']),
		text === null
			? `source file "${source}" not found next to ${fileName} — save the protocol's text as ${source} in the same folder, or correct the file name`
			: `source file "${source}" is not valid UTF-8 text (the first bad byte is on its line ${text.notUtf8}) — open it in a plain-text editor and save it again with the encoding UTF-8; the clause quotes are not checked until then`
	);
	return null;
}

/**
 * The roles, with the checks that need the kind, nation or name: a leader only on a principal
 * council, the Code of Conduct route the law sets; a route written "not stated" gets safe general
 * wording (routeFill) and is returned in `unstated`.
 */
function checkRoles(
	shape: CouncilShape,
	err: Report,
	kind: string | undefined,
	nation: Nation | undefined,
	name: string | undefined
): {
	roles: Record<string, string>;
	unstated: { key: string; principle: string; line: number }[];
} {
	const roles: Record<string, string> = {};
	const unstated: { key: string; principle: string; line: number }[] = [];
	for (const key of ALL_ROLE_KEYS) {
		const value = shape.text(['roles', key]);
		if (value === undefined) continue;
		const line = shape.line(['roles', key]);
		if (value.toLowerCase() === NOT_STATED) {
			// The schema allows "not stated" only for a route the law gives a safe general wording.
			unstated.push({ key, principle: ROUTE_PRINCIPLE[key], line });
		} else if (key === 'leader' && kind !== undefined && tierOf(kind) !== 'principal') {
			err(
				line,
				`roles: "leader" is for a principal council with a Leader of the Council — a ${kind} has none: remove the line`
			);
		} else roles[key] = value;
	}
	if (roles.clerk) for (const { key } of unstated) roles[key] = routeFill(key, roles);
	const conduct = roles['conduct-complaints-to'];
	if (conduct !== undefined && nation && kind !== undefined && name !== undefined) {
		const problem = conductRouteProblem(conduct, kind, nation, name);
		if (problem)
			err(
				shape.line(['roles', 'conduct-complaints-to']),
				`roles: "conduct-complaints-to" ${problem}`
			);
	}
	return { roles, unstated };
}

/** The logo (optional): one PNG or WebP next to the file, with its alt text. */
function checkLogo(
	shape: CouncilShape,
	err: Report,
	file: string,
	readBytes: (path: string) => Uint8Array | null
): Council['logo'] {
	const fileName = file.split(/[\\/]/).pop() ?? file;
	const path = shape.text(['logo', 'file']);
	const alt = shape.text(['logo', 'alt']);
	let type: 'png' | 'webp' | undefined;
	if (path !== undefined) {
		const bad = logoPathProblem(path, fileName);
		const r = bad ? { problem: bad } : logoBytesProblem(path, readBytes(path), fileName);
		if ('problem' in r) err(shape.line(['logo', 'file']), r.problem);
		else type = r.type;
	}
	if (alt === undefined) return undefined;
	const bad = logoAltProblem(alt, path ?? '');
	if (bad) err(shape.line(['logo', 'alt']), bad);
	else if (type && path !== undefined) {
		const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
		return { file: dir + path, alt, type, hash: '' };
	}
	return undefined;
}
