/**
 * The council data format: parses and checks one scenarios/councils/<id>.yaml against the
 * protocol's own text (<id>.source.txt), like a compiler. Every message says what is wrong and
 * how to fix it, with the file and line, so a training provider can add a council without help.
 * The format is explained in docs/councils.md.
 *
 * Pure TypeScript with no Node, Svelte or DOM imports, so it can run anywhere. Reading the
 * folder from disk is in ./councils.ts (loadCouncils), which re-exports everything here.
 */
import type { ContentError } from './errors.js';
import { closest, didYouMean } from './suggest.js';
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node as YamlNode, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Clause, Council, PrincipleBacking } from '../engine/types';
import { logoAltProblem, logoBytesProblem, logoPathProblem } from './council-logo.js';

export type { ContentError };

/** The placeholder names every council must fill, in the order the guide lists them. */
export const ROLE_KEYS: readonly string[] = Object.freeze([
	'council',
	'clerk',
	'chair',
	'complaints-to',
	'officer-concerns-to',
	'conduct-complaints-to'
]);

/** Roles a council may give when its protocol has one; a scenario that uses one fits only councils that give it. */
export const OPTIONAL_ROLE_KEYS: readonly string[] = Object.freeze(['leader']);

/** Every role placeholder a scenario may use. */
export const ALL_ROLE_KEYS: readonly string[] = Object.freeze([
	...ROLE_KEYS,
	...OPTIONAL_ROLE_KEYS
]);

/** Routes a protocol may leave unnamed: write `not stated` and the build fills safe general wording (see routeFill). */
export const ROUTE_KEYS_MAY_BE_UNSTATED: readonly string[] = Object.freeze([
	'complaints-to',
	'officer-concerns-to'
]);

/** Titles (not phrases): written without "the", and never "not stated". */
const TITLE_KEYS: readonly string[] = Object.freeze(['clerk', 'chair', 'leader']);

/** The principle each route role is the answer to: a route the protocol does not state must be a gap. */
const ROUTE_PRINCIPLE: Record<string, string> = {
	'complaints-to': 'complaints.route',
	'officer-concerns-to': 'complaints.officer-route'
};

export type Nation = 'england' | 'wales';
export const NATIONS: readonly Nation[] = Object.freeze(['england', 'wales'] as Nation[]);

/**
 * The allowed `kind` values: the local tier (parish, town, community …) has no Monitoring Officer
 * of its own; principal councils (district, borough, county, unitary …) do. `nations` lists where
 * a council of that kind can exist. Documented in docs/councils.md.
 */
export const KINDS: Readonly<
	Record<string, { tier: 'local' | 'principal'; nations: readonly Nation[] }>
> = Object.freeze({
	'parish council': { tier: 'local', nations: ['england'] },
	'town council': { tier: 'local', nations: ['england', 'wales'] },
	'community council': { tier: 'local', nations: ['england', 'wales'] },
	'village council': { tier: 'local', nations: ['england'] },
	'neighbourhood council': { tier: 'local', nations: ['england'] },
	'parish-level city council': { tier: 'local', nations: ['england'] },
	'district council': { tier: 'principal', nations: ['england'] },
	'borough council': { tier: 'principal', nations: ['england'] },
	'city council': { tier: 'principal', nations: ['england', 'wales'] },
	'county council': { tier: 'principal', nations: ['england', 'wales'] },
	'unitary council': { tier: 'principal', nations: ['england'] },
	'metropolitan borough council': { tier: 'principal', nations: ['england'] },
	'london borough council': { tier: 'principal', nations: ['england'] },
	'county borough council': { tier: 'principal', nations: ['wales'] }
});

/** "local" (parish, town, community …) or "principal" (district, borough, county, unitary …). */
export function tierOf(kind: string): 'local' | 'principal' {
	return KINDS[kind]?.tier ?? 'local';
}

/** The values a scenario's `fits` may list: "local", "principal", or any allowed kind. */
export const FIT_VALUES: readonly string[] = Object.freeze([
	'local',
	'principal',
	...Object.keys(KINDS)
]);

/** Whether a scenario fits a council: no `fits` fits every council; else the council's kind or tier is listed. */
export function scenarioFits(fits: readonly string[] | undefined, kind: string): boolean {
	return !fits || fits.includes(kind) || fits.includes(tierOf(kind));
}

/**
 * The safe general wording for a route the protocol does not name, from what the law gives every
 * council: a concern about an employee goes to the head of paid staff (the proper officer), or,
 * when it is about that officer, through the council's own procedure; an employee's concern about
 * a councillor goes through the council's own grievance procedure. Written to read well after
 * "raise it with ___" and "take it to ___".
 */
export function routeFill(key: string, roles: Record<string, string>): string {
	const clerk = roles.clerk ?? 'Clerk';
	if (key === 'complaints-to')
		return `the ${clerk} (or, if it is about the ${clerk}, through the council’s own procedure)`;
	return `${roles.council ?? 'the council'}, through its own grievance procedure`;
}

/** The words every statement of "not stated" must be. */
export const NOT_STATED = 'not stated';

/** What each role means, used in "missing role" messages and in docs/councils.md. */
const ROLE_HELP: Record<string, string> = {
	council:
		"the council's name as it should appear in a sentence, e.g. council: Witham Town Council",
	clerk: 'the title this protocol uses for the head of paid staff, e.g. clerk: Town Clerk',
	chair:
		'the title this protocol uses for the chair of the council, e.g. chair: Chair of the Council',
	'complaints-to':
		'who a councillor raises a concern about an employee with, as words that fit "raise it with ___", e.g. complaints-to: the Town Clerk',
	'officer-concerns-to':
		'where an employee takes a concern about a councillor, as words that fit "take it to ___", e.g. officer-concerns-to: the Town Manager',
	leader:
		'(optional) the title of the councillor who leads the council where the protocol names one, e.g. leader: Leader of the Council; leave it out where there is none',
	'conduct-complaints-to':
		'who deals with a complaint that a councillor has broken the Code of Conduct, as words that fit "complain to ___": for an English parish or town council the Monitoring Officer of its district or unitary council, e.g. conduct-complaints-to: the Monitoring Officer of Braintree District Council; for a principal council its own Monitoring Officer; for a Welsh community council the Public Services Ombudsman for Wales'
};

const TOP_KEYS = [
	'id',
	'name',
	'kind',
	'nation',
	'protocol',
	'source',
	'roles',
	'clauses',
	'gaps',
	'logo'
] as const;
const LOGO_KEYS = ['file', 'alt'] as const;
const PROTOCOL_KEYS = ['title', 'version', 'adopted'] as const;
const CLAUSE_KEYS = ['id', 'ref', 'text', 'principles'] as const;
const GAP_KEYS = ['nearest', 'note'] as const;

const FIELD_HELP: Record<string, string> = {
	id: "add the council's id, the same as the file name without .yaml, e.g. id: witham-town-council",
	name: "add the council's full name, e.g. name: Witham Town Council",
	kind: 'add the kind of council, e.g. kind: town council (the allowed kinds are listed in docs/councils.md)',
	nation: 'add the nation the council is in, england or wales, e.g. nation: england',
	protocol: "add the protocol's title, version and adoption date (see docs/councils.md)",
	source:
		"add the name of the file holding the protocol's text, e.g. source: witham-town-council.source.txt",
	roles: `add the council's words for each of: ${ROLE_KEYS.join(', ')} (see docs/councils.md)`,
	clauses:
		"add the protocol's clauses, each with id, ref, text and principles (see docs/councils.md)",
	'protocol.title': "add the protocol's title as the document gives it, or write: not stated",
	'protocol.version': 'add the version number as the document gives it, or write: not stated',
	'protocol.adopted': 'add the adoption date as the document gives it, or write: not stated'
};

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Collapse every run of whitespace (spaces, tabs, line breaks) to one space, and trim. */
export function normaliseWhitespace(s: string): string {
	return s.replace(/\s+/g, ' ').trim();
}

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
 * The passages of a council's source text (whitespace-normalised) that no clause quotes and that
 * have at least `minWords` words with letters in them: headings, document control and the like,
 * or text a clause has missed.
 * For reports only; the validator does not require full coverage.
 */
export function uncoveredPassages(
	sourceText: string,
	clauses: Pick<Clause, 'text'>[],
	minWords = 6
): string[] {
	const src = normaliseWhitespace(sourceText);
	const covered = new Uint8Array(src.length);
	let from = 0;
	for (const c of clauses) {
		const t = normaliseWhitespace(c.text);
		if (!t) continue;
		let at = src.indexOf(t, from);
		if (at < 0) at = src.indexOf(t);
		if (at < 0) continue;
		covered.fill(1, at, at + t.length);
		from = at + t.length;
	}
	const out: string[] = [];
	let start = -1;
	for (let i = 0; i <= src.length; i++) {
		const c = i < src.length && !covered[i];
		if (c && start < 0) start = i;
		if (!c && start >= 0) {
			const piece = src.slice(start, i).trim();
			if (piece.split(' ').filter((w) => /[A-Za-z]/.test(w)).length >= minWords) out.push(piece);
			start = -1;
		}
	}
	return out;
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
	const errors: ContentError[] = [];
	const lc = new LineCounter();
	const doc = parseDocument(yamlText, {
		lineCounter: lc,
		keepSourceTokens: true,
		prettyErrors: false,
		uniqueKeys: true
	});
	const fileName = file.split(/[\\/]/).pop() ?? file;
	const err = (line: number, message: string) => errors.push({ file, line, message });
	const lineAt = (offset: number | undefined) =>
		offset === undefined ? 1 : lc.linePos(offset).line;
	const lineOf = (node: unknown) => lineAt((node as YamlNode | null | undefined)?.range?.[0]);

	if (doc.errors.length || doc.warnings.length) {
		const e = doc.errors[0] ?? doc.warnings[0];
		err(lineAt(e.pos[0]), syntaxMessage(e.code, e.message, yamlText, e.pos[0]));
		return { errors };
	}
	const root = doc.contents;
	if (!isMap(root)) {
		err(
			root ? lineOf(root) : 1,
			'the file must be a set of fields, one per line, starting with "id:", "name:" and so on — copy the example in docs/councils.md'
		);
		return { errors };
	}

	/** Report fields not in `allowed`; returns the allowed names that a misspelt field was a near miss for. */
	const checkFields = (
		map: YAMLMap,
		allowed: readonly string[],
		prefix: string,
		noun = 'field',
		listName = 'the allowed fields are'
	) => {
		const suggested = new Set<string>();
		for (const p of map.items) {
			const key = keyOf(p as Pair);
			if (allowed.includes(key)) continue;
			const guess = closest(key, allowed);
			if (guess) suggested.add(guess);
			err(
				lineOf(p.key),
				`${prefix}unknown ${noun} "${key}" — ${listName}: ${allowed.join(', ')}${guess ? ` (did you mean "${guess}"?)` : ''}`
			);
		}
		return suggested;
	};
	/** The trimmed text of a field that must be a single non-empty value; reports problems. */
	const scalarText = (
		pair: Pair,
		prefix: string,
		key: string,
		help: string
	): string | undefined => {
		const v = pair.value;
		const line = lineOf(v ?? pair.key);
		if (isEmpty(v)) {
			err(line, `${prefix}"${key}" is empty — ${help}`);
			return undefined;
		}
		if (isAlias(v)) {
			err(
				line,
				`${prefix}"${key}" starts with "*", which YAML reads as a reference — put the whole value in double quotes`
			);
			return undefined;
		}
		if (!isScalar(v)) {
			err(
				line,
				`${prefix}"${key}" must be text, not a list or a set of fields — write it on the same line, in double quotes if it starts with [ or {`
			);
			return undefined;
		}
		return scalarString(v as Scalar).trim();
	};
	/** A required text field of `map`. */
	const required = (
		map: YAMLMap,
		key: string,
		prefix: string,
		missingLine: number,
		help: string,
		suggested: Set<string>
	): string | undefined => {
		const pair = findPair(map, key);
		if (!pair) {
			if (!suggested.has(key)) err(missingLine, `${prefix}missing "${key}" — ${help}`);
			return undefined;
		}
		return scalarText(pair, prefix, key, help);
	};
	/** A field holding a set of fields on the lines below it. */
	const section = (
		key: string,
		what: string
	): { map?: YAMLMap; line: number; present: boolean } => {
		const pair = findPair(root, key);
		if (!pair) {
			if (!topSuggested.has(key)) err(1, `missing "${key}" — ${FIELD_HELP[key]}`);
			return { line: 1, present: false };
		}
		const line = lineOf(pair.key);
		if (!isMap(pair.value)) {
			err(
				line,
				`"${key}" must have ${what} on the lines below it, each indented by two spaces — see docs/councils.md`
			);
			return { line, present: true };
		}
		return { map: pair.value as YAMLMap, line, present: true };
	};

	// -- top-level fields ------------------------------------------------------------------------
	const topSuggested = checkFields(root, TOP_KEYS, '');
	const id = required(root, 'id', '', 1, FIELD_HELP.id, topSuggested);
	const expectedId = fileName.replace(/\.yaml$/i, '');
	if (id !== undefined) {
		const at = lineOf(findPair(root, 'id')!.value);
		if (id !== expectedId) {
			err(
				at,
				`id "${id}" does not match the file name ${fileName} — change the id to "${expectedId}", or rename the file to ${id}.yaml`
			);
		} else if (!ID_PATTERN.test(id)) {
			err(
				at,
				`id "${id}" must be lower case letters, digits and hyphens, e.g. witham-town-council — rename the file and change the id to match`
			);
		}
	}
	const name = required(root, 'name', '', 1, FIELD_HELP.name, topSuggested);
	const kind = required(root, 'kind', '', 1, FIELD_HELP.kind, topSuggested);
	const kindLine = findPair(root, 'kind') ? lineOf(findPair(root, 'kind')!.value) : 1;
	let kindOk = false;
	if (kind !== undefined) {
		if (KINDS[kind]) kindOk = true;
		else
			err(
				kindLine,
				`kind "${kind}" is not one of the allowed kinds — use one of: ${Object.keys(KINDS).join(', ')}${didYouMean(kind.toLowerCase(), Object.keys(KINDS))} (see docs/councils.md, "Kind and nation")`
			);
	}
	const nationRaw = required(root, 'nation', '', 1, FIELD_HELP.nation, topSuggested);
	let nation: Nation | undefined;
	if (nationRaw !== undefined) {
		const at = lineOf(findPair(root, 'nation')!.value);
		if ((NATIONS as readonly string[]).includes(nationRaw)) nation = nationRaw as Nation;
		else
			err(
				at,
				`nation "${nationRaw}" is not allowed — write england or wales, in lower case (the course covers councils in England and Wales only)`
			);
		if (nation && kind !== undefined && kindOk && !KINDS[kind].nations.includes(nation)) {
			kindOk = false;
			err(
				at,
				`a ${kind} is not a kind of council in ${nation === 'wales' ? 'Wales' : 'England'} — check the nation, or the kind (see docs/councils.md, "Kind and nation")`
			);
		}
	}

	// -- protocol --------------------------------------------------------------------------------
	let protocol: Council['protocol'] | undefined;
	const prot = section('protocol', 'title, version and adopted');
	if (prot.map) {
		const s = checkFields(prot.map, PROTOCOL_KEYS, 'protocol: ');
		const title = required(
			prot.map,
			'title',
			'protocol: ',
			prot.line,
			FIELD_HELP['protocol.title'],
			s
		);
		const version = required(
			prot.map,
			'version',
			'protocol: ',
			prot.line,
			FIELD_HELP['protocol.version'],
			s
		);
		const adopted = required(
			prot.map,
			'adopted',
			'protocol: ',
			prot.line,
			FIELD_HELP['protocol.adopted'],
			s
		);
		if (title !== undefined && version !== undefined && adopted !== undefined)
			protocol = { title, version, adopted };
	}

	// -- source ----------------------------------------------------------------------------------
	const source = required(root, 'source', '', 1, FIELD_HELP.source, topSuggested);
	let normSource: string | null = null;
	if (source !== undefined) {
		const line = lineOf(findPair(root, 'source')!.value);
		if (/[\\/]/.test(source)) {
			err(
				line,
				`source "${source}" must be a file name in the same folder as ${fileName}, not a path — put the text file next to ${fileName} and write just its name`
			);
		} else {
			const text = readSource(source);
			if (text === null) {
				err(
					line,
					`source file "${source}" not found next to ${fileName} — save the protocol's text as ${source} in the same folder, or correct the file name`
				);
			} else if (typeof text !== 'string') {
				err(
					line,
					`source file "${source}" is not valid UTF-8 text (the first bad byte is on its line ${text.notUtf8}) — open it in a plain-text editor and save it again with the encoding UTF-8; the clause quotes are not checked until then`
				);
			} else normSource = normaliseWhitespace(text);
		}
	}

	// -- roles -----------------------------------------------------------------------------------
	const roles: Record<string, string> = {};
	const unstated: string[] = [];
	const roleLine: Record<string, number> = {};
	const rolesSection = section('roles', ROLE_KEYS.join(', '));
	if (rolesSection.map) {
		const s = checkFields(rolesSection.map, ALL_ROLE_KEYS, 'roles: ', 'role', 'the roles are');
		for (const key of ALL_ROLE_KEYS) {
			const optional = OPTIONAL_ROLE_KEYS.includes(key);
			if (optional && !findPair(rolesSection.map, key)) continue;
			const v = required(
				rolesSection.map,
				key,
				'roles: ',
				rolesSection.line,
				`write ${ROLE_HELP[key]}`,
				s
			);
			if (v === undefined) continue;
			const at = lineOf(findPair(rolesSection.map, key)!.value);
			roleLine[key] = at;
			if (v.toLowerCase() === NOT_STATED) {
				if (ROUTE_KEYS_MAY_BE_UNSTATED.includes(key)) {
					unstated.push(key);
					continue;
				}
				err(
					at,
					`roles: "${key}" cannot be "not stated" — ${TITLE_KEYS.includes(key) ? `write the title the council uses (in a # comment above it, say where it comes from if the protocol does not state it), e.g. ${key}: ${key === 'clerk' ? 'Clerk' : key === 'chair' ? 'Chair of the Council' : 'Leader of the Council'}` : `write ${ROLE_HELP[key]}`}`
				);
				continue;
			}
			if (TITLE_KEYS.includes(key) && /^(the|a|an)\s/i.test(v)) {
				const bare = v.replace(/^(the|a|an)\s+/i, '');
				err(
					at,
					`roles: "${key}" starts with "${v.split(/\s/)[0]}" — write the title alone, e.g. ${key}: ${bare}; the scenarios add "the" themselves ("The ${bare} emails you")`
				);
				continue;
			}
			if (key === 'clerk' && GENERIC_TITLE.test(v)) {
				err(
					at,
					`roles: "clerk" is "${v}", which is not one person's title — write the title of the head of paid staff (the Clerk, or a principal council's Chief Executive or head of paid service) and put Directors or other officers in the routes (see docs/councils.md, "Councils with no single head of staff")`
				);
				continue;
			}
			if (key === 'leader' && kindOk && tierOf(kind!) !== 'principal') {
				err(
					at,
					`roles: "leader" is for a principal council with a Leader of the Council — a ${kind} has none: remove the line`
				);
				continue;
			}
			roles[key] = v;
		}
		if (roles.clerk) for (const key of unstated) roles[key] = routeFill(key, roles);
		const conduct = roles['conduct-complaints-to'];
		if (conduct !== undefined && nation && kindOk && name !== undefined) {
			const problem = conductRouteProblem(conduct, kind!, nation, name);
			if (problem)
				err(roleLine['conduct-complaints-to'], `roles: "conduct-complaints-to" ${problem}`);
		}
	}

	// -- clauses ---------------------------------------------------------------------------------
	const principleSet = new Set(principleIds);
	const clauses: Clause[] = [];
	const clauseLine = new Map<string, number>();
	const backedBy = new Map<string, string[]>();
	const clausesPair = findPair(root, 'clauses');
	if (!clausesPair) {
		if (!topSuggested.has('clauses')) err(1, `missing "clauses" — ${FIELD_HELP.clauses}`);
	} else if (!isSeq(clausesPair.value) || clausesPair.value.items.length === 0) {
		err(
			lineOf(clausesPair.key),
			isSeq(clausesPair.value) || isEmpty(clausesPair.value)
				? `"clauses" is empty — ${FIELD_HELP.clauses}`
				: `"clauses" must be a list: each clause starts with "- id:" on its own line — see docs/councils.md`
		);
	} else {
		let searchFrom = 0;
		let previous: string | undefined;
		(clausesPair.value as YAMLSeq).items.forEach((item, index) => {
			const il = lineOf(item);
			if (!isMap(item)) {
				err(
					il,
					`clause ${index + 1} must be a set of fields (id, ref, text, principles) — start it with "- id:" and line the other fields up under "id"`
				);
				return;
			}
			const cmap = item as YAMLMap;
			const idPair = findPair(cmap, 'id');
			const cid =
				idPair && isScalar(idPair.value) && !isEmpty(idPair.value)
					? scalarString(idPair.value as Scalar).trim()
					: undefined;
			const prefix = cid !== undefined ? `clause "${cid}": ` : `clause ${index + 1}: `;
			const s = checkFields(cmap, CLAUSE_KEYS, prefix);
			required(
				cmap,
				'id',
				prefix,
				il,
				'give the clause a short id, unique in this file, e.g. id: conf-1',
				s
			);
			if (cid !== undefined) {
				const at = lineOf(idPair!.value);
				if (!ID_PATTERN.test(cid))
					err(
						at,
						`${prefix}the id must be lower case letters, digits and hyphens, e.g. conf-1 — change it`
					);
				if (clauseLine.has(cid))
					err(
						at,
						`duplicate clause id "${cid}" (first used on line ${clauseLine.get(cid)}) — give each clause its own id`
					);
				else clauseLine.set(cid, at);
			}
			const ref = required(
				cmap,
				'ref',
				prefix,
				il,
				'write the council\'s own number for the clause, e.g. ref: "3.2(f)", or the heading it sits under',
				s
			);
			const text = required(
				cmap,
				'text',
				prefix,
				il,
				'copy the clause\'s words exactly from the source document, e.g. text: "..."',
				s
			);
			const textPair = findPair(cmap, 'text');
			const cutShort =
				textPair &&
				isScalar(textPair.value) &&
				textPair.value.type === 'PLAIN' &&
				!!textPair.value.comment;
			const marker = text !== undefined ? GAP_MARKER.exec(text)?.[0] : undefined;
			if (marker) {
				err(
					lineOf(textPair!.value),
					`${prefix}the text contains "${marker}", a mark for missing words — a clause quotes only words the source has: end the clause where the published text breaks off (or split it in two at the gap), and say so in a # comment above it (see docs/councils.md, "Cut-off or oddly numbered texts")`
				);
			} else if (cutShort) {
				err(
					lineOf(textPair!.value),
					`${prefix}the text contains " #", so everything after it was read as a comment — put the whole text in double quotes`
				);
			} else if (text !== undefined && normSource !== null) {
				const t = normaliseWhitespace(text);
				const at = lineOf(textPair!.value);
				const found = normSource.indexOf(t, searchFrom);
				if (found >= 0) {
					searchFrom = found;
				} else if (normSource.includes(t)) {
					err(
						at,
						`clause "${cid ?? index + 1}" comes before ${previous ? `clause "${previous}"` : 'the clause above it'} in ${source} — list the clauses in the order they appear in the document`
					);
				} else {
					err(
						at,
						`clause "${cid ?? index + 1}" text is not found in ${source} — copy the words exactly from the source document${notFoundHint(t, normSource)}`
					);
				}
			}
			const principles: string[] = [];
			const prPair = findPair(cmap, 'principles');
			if (prPair && !isEmpty(prPair.value)) {
				if (!isSeq(prPair.value)) {
					err(
						lineOf(prPair.value),
						`${prefix}principles must be a list in square brackets, e.g. principles: [confidentiality.no-disclosure, respect.courtesy]`
					);
				} else {
					for (const p of (prPair.value as YAMLSeq).items) {
						const pid = isScalar(p) ? String(p.value) : undefined;
						if (pid === undefined)
							err(
								lineOf(p),
								`${prefix}each principle must be a principle id, e.g. respect.courtesy`
							);
						else if (!principleSet.has(pid))
							err(
								lineOf(p),
								`${prefix}unknown principle "${pid}" — use an id from scenarios/principles.yaml${didYouMean(pid, principleIds)}`
							);
						else if (principles.includes(pid))
							err(lineOf(p), `${prefix}principle "${pid}" is listed twice — remove one`);
						else principles.push(pid);
					}
				}
			}
			if (cid === undefined) return;
			for (const pid of principles) {
				if (!backedBy.has(pid)) backedBy.set(pid, []);
				if (!backedBy.get(pid)!.includes(cid)) backedBy.get(pid)!.push(cid);
			}
			if (ref !== undefined && text !== undefined) clauses.push({ id: cid, ref, text, principles });
			previous = cid;
		});
	}

	// -- gaps ------------------------------------------------------------------------------------
	const gaps = new Map<string, { nearest?: string; note: string }>();
	const listedAsGap = new Set<string>();
	const gapsPair = findPair(root, 'gaps');
	if (gapsPair && !isEmpty(gapsPair.value)) {
		if (!isMap(gapsPair.value)) {
			err(
				lineOf(gapsPair.key),
				`"gaps" must list principle ids, each followed by a colon and, on the lines below it, a note (and optionally nearest) — see docs/councils.md`
			);
		} else {
			for (const item of (gapsPair.value as YAMLMap).items) {
				const pair = item as Pair;
				const gid = keyOf(pair);
				const gl = lineOf(pair.key);
				listedAsGap.add(gid);
				if (!principleSet.has(gid)) {
					err(
						gl,
						`gaps: unknown principle "${gid}" — use an id from scenarios/principles.yaml${didYouMean(gid, principleIds)}`
					);
					continue;
				}
				if (backedBy.has(gid)) {
					const cs = backedBy.get(gid)!;
					err(
						gl,
						`principle "${gid}" is backed by clause${cs.length > 1 ? 's' : ''} ${cs.map((c) => `"${c}"`).join(', ')} and also listed in gaps — remove it from gaps, or from the clause's principles`
					);
					continue;
				}
				const prefix = `gap "${gid}": `;
				if (!isMap(pair.value)) {
					err(
						gl,
						`${prefix}the note must go on its own line — write it on the line below, indented by two more spaces, e.g. note: This protocol does not cover this.`
					);
					continue;
				}
				const gmap = pair.value as YAMLMap;
				const s = checkFields(gmap, GAP_KEYS, prefix);
				const note = required(
					gmap,
					'note',
					prefix,
					gl,
					'write a sentence for learners saying what this protocol does not cover',
					s
				);
				let nearest: string | undefined;
				if (findPair(gmap, 'nearest')) {
					nearest = required(
						gmap,
						'nearest',
						prefix,
						gl,
						'write the id of the closest clause, or remove "nearest"',
						s
					);
					if (nearest !== undefined && !clauseLine.has(nearest)) {
						err(
							lineOf(findPair(gmap, 'nearest')!.value),
							`${prefix}nearest clause "${nearest}" is not a clause in this file — use one of the clause ids above${didYouMean(nearest, [...clauseLine.keys()])}, or remove "nearest"`
						);
						nearest = undefined;
					}
				}
				if (note !== undefined) gaps.set(gid, nearest ? { nearest, note } : { note });
			}
		}
	}

	// -- logo (optional): one PNG or WebP next to the file, with its alt text -------------------
	let logo: Council['logo'];
	const logoPair = findPair(root, 'logo');
	if (logoPair) {
		const line = lineOf(logoPair.key);
		if (!isMap(logoPair.value)) {
			err(
				line,
				`"logo" must have file and alt on the lines below it, each indented by two spaces, e.g. file: brackenford-crest.png — see docs/councils.md, "Logo"`
			);
		} else {
			const lmap = logoPair.value as YAMLMap;
			const s = checkFields(lmap, LOGO_KEYS, 'logo: ');
			const path = required(
				lmap,
				'file',
				'logo: ',
				line,
				`write the image's file name, relative to ${fileName}, e.g. file: brackenford-crest.png`,
				s
			);
			const alt = required(
				lmap,
				'alt',
				'logo: ',
				line,
				'write what the logo is, for people who cannot see it, e.g. alt: Brackenford Parish Council crest',
				s
			);
			let type: 'png' | 'webp' | undefined;
			if (path !== undefined) {
				const at = lineOf(findPair(lmap, 'file')!.value);
				const bad = logoPathProblem(path, fileName);
				if (bad) err(at, bad);
				else {
					const r = logoBytesProblem(path, readBytes(path), fileName);
					if ('problem' in r) err(at, r.problem);
					else type = r.type;
				}
			}
			if (alt !== undefined) {
				const bad = logoAltProblem(alt, path ?? '');
				if (bad) err(lineOf(findPair(lmap, 'alt')!.value), bad);
				else if (type && path !== undefined) {
					const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
					logo = { file: dir + path, alt, type, hash: '' };
				}
			}
		}
	}

	// -- a route the protocol does not state: its principle must be a gap, whose note learners see --
	for (const key of unstated) {
		const pid = ROUTE_PRINCIPLE[key];
		const cs = backedBy.get(pid);
		if (cs)
			err(
				roleLine[key],
				`roles: "${key}" is "not stated", but clause${cs.length > 1 ? 's' : ''} ${cs.map((c) => `"${c}"`).join(', ')} back${cs.length > 1 ? '' : 's'} "${pid}" — write the route that clause names, or, if it names none, take "${pid}" off the clause and list it under gaps`
			);
	}

	// -- every principle either backed by a clause or listed as a gap -----------------------------
	const coverLine = gapsPair ? lineOf(gapsPair.key) : clausesPair ? lineOf(clausesPair.key) : 1;
	if (clausesPair && !topSuggested.has('gaps')) {
		for (const pid of principleIds) {
			if (!backedBy.has(pid) && !listedAsGap.has(pid)) {
				err(
					coverLine,
					`principle "${pid}" is not covered — add it to the principles of the clause that states it, or list it under gaps with a note saying this protocol does not cover it`
				);
			}
		}
	}

	errors.sort((a, b) => a.line - b.line);
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
			protocol: protocol!,
			roles,
			unstated,
			clauses,
			principles,
			file,
			...(logo ? { logo } : {})
		},
		errors
	};
}

/** Words that name a kind of staff, not the one head of paid staff ("your Director of Service"). */
const GENERIC_TITLE =
	/^(?:officers?|staff|employees?|directors?|directors? of services?|managers?|heads? of services?|senior officers?|the officer)$/i;

/** A mark a provider may type for words missing from a cut-off text: […], [...], [gap], [missing], [illegible] … */
const GAP_MARKER =
	/\[[^\]\n]{0,40}?(…|\.\.\.|\bgap\b|\bmissing\b|\billegible\b|\bomitted\b|\bcut off\b|\bunreadable\b)[^\]\n]{0,40}\]/i;

/**
 * Who deals with a Code of Conduct complaint about a councillor is set by law, so the route must
 * fit the council: in England the Monitoring Officer of the principal council (for a parish or
 * town council, its district or unitary council's; Localism Act 2011, ss. 27–28); in Wales the
 * Public Services Ombudsman for Wales (Local Government Act 2000, Part 3), for every kind of council.
 * Returns what is wrong and how to fix it, or null.
 */
export function conductRouteProblem(
	route: string,
	kind: string,
	nation: Nation,
	councilName: string
): string | null {
	if (nation === 'wales') {
		return /Public Services Ombudsman for Wales/i.test(route)
			? null
			: `must name the Public Services Ombudsman for Wales, who deals with Code of Conduct complaints about councillors in Wales — write conduct-complaints-to: the Public Services Ombudsman for Wales`;
	}
	const mo = /Monitoring Officer of (.+)$/i.exec(route);
	const own = councilName.trim().toLowerCase();
	if (tierOf(kind) === 'local') {
		if (!mo) {
			return `must name the Monitoring Officer of the district or unitary council for the area: a ${kind} has no Monitoring Officer of its own — write e.g. conduct-complaints-to: the Monitoring Officer of Braintree District Council`;
		}
		if (mo[1].trim().toLowerCase() === own) {
			return `names ${councilName}'s own Monitoring Officer, but a ${kind} has none: complaints about its councillors go to the Monitoring Officer of the district or unitary council for the area — write e.g. conduct-complaints-to: the Monitoring Officer of Braintree District Council`;
		}
		return null;
	}
	if (!/Monitoring Officer/i.test(route) || (mo && mo[1].trim().toLowerCase() !== own)) {
		return `must name ${councilName}'s own Monitoring Officer: a principal council in England deals with complaints about its own councillors — write conduct-complaints-to: the Monitoring Officer of ${councilName}`;
	}
	return null;
}

function keyOf(pair: Pair): string {
	return isScalar(pair.key) ? String((pair.key as Scalar).value) : String(pair.key);
}

/** A scalar's text as written: `4.10` stays "4.10" and `true` stays "true". */
function scalarString(v: Scalar): string {
	return typeof v.value === 'string' ? v.value : (v.source ?? String(v.value));
}

function isEmpty(v: unknown): boolean {
	return (
		v === null ||
		v === undefined ||
		(isScalar(v) && (v.value === null || String(v.value).trim() === ''))
	);
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
	return map.items.find((p) => isScalar(p.key) && String((p.key as Scalar).value) === key) as
		Pair | undefined;
}

const COLON = [
	'this line contains a second ": ", or is not lined up with the line above',
	'put text that contains a colon in double quotes, and line each field up exactly under the one above it'
];
/** Plain-English [what is wrong, how to fix it] for the YAML parser's error codes. */
const SYNTAX: Partial<Record<string, (raw: string) => [string, string]>> = {
	BLOCK_AS_IMPLICIT_KEY: () => [COLON[0], COLON[1]],
	MULTILINE_IMPLICIT_KEY: () => [COLON[0], COLON[1]],
	TAB_AS_INDENT: () => ['this line is indented with a tab', 'indent with spaces only'],
	BAD_INDENT: (raw) =>
		/^Flow (sequence|map)/.test(raw)
			? [
					'a list in square brackets (or a set in curly brackets) is not closed',
					'close it with ] (or }) on the same line, e.g. principles: [respect.courtesy]'
				]
			: [
					'this line is not lined up with the items above it',
					'put the same number of spaces before it as before the items above'
				],
	MISSING_CHAR: (raw) =>
		/quote/.test(raw)
			? ['a quotation mark is opened but never closed', 'close it at the end of the text']
			: [
					'a line is missing its ": " after the field name',
					'write the field name, a colon and a space, then the value, e.g. ref: "3.1"'
				],
	UNEXPECTED_TOKEN: (raw) =>
		/^Unexpected scalar at node end/.test(raw)
			? [
					'there is more text after a closing quotation mark',
					'if the text itself contains double quotation marks, use the text: >- form (see docs/councils.md); otherwise put the whole text in double quotes'
				]
			: [
					`the parser stopped at something it did not expect (${raw})`,
					'check the indentation and quotation marks on this line and the line above (see docs/councils.md)'
				],
	BAD_DQ_ESCAPE: () => [
		'a backslash (\\) inside double quotes',
		'remove it, or use the text: >- form (see docs/councils.md)'
	],
	BAD_SCALAR_START: (raw) => [
		`a value starts with a character YAML reserves (${raw.replace(/^.*character /, '')})`,
		'put the whole value in double quotes'
	],
	MULTIPLE_DOCS: () => [
		'the file contains a "---" line',
		'remove it: each council file holds one council'
	],
	TAG_RESOLVE_FAILED: () => ['a value starts with "!"', 'put the whole value in double quotes'],
	BAD_ALIAS: () => ['a value starts with "*"', 'put the whole value in double quotes']
};

/** Plain words for a YAML syntax error: what is wrong — how to fix it. */
export function syntaxMessage(code: string, raw: string, src: string, pos: number): string {
	const first = raw
		.split('\n')[0]
		.replace(/ at line \d+, column \d+:?$/, '')
		.trim();
	if (code === 'DUPLICATE_KEY') {
		const lineStart = src.lastIndexOf('\n', pos - 1) + 1;
		const key = src
			.slice(lineStart)
			.split('\n')[0]
			.split(':')[0]
			.replace(/^[\s-]+/, '')
			.trim();
		return `YAML syntax error: "${key}" is given twice at the same level — keep only one`;
	}
	const lineStart = src.lastIndexOf('\n', pos - 1) + 1;
	const lineText = src.slice(lineStart).split('\n')[0];
	if (/^[\s-]*[\w.-]+:\s+[*&]/.test(lineText)) {
		return `YAML syntax error: a value starts with "${lineText.match(/:\s+([*&])/)![1]}", which YAML reads as a reference — put the whole value in double quotes`;
	}
	const [what, how] = SYNTAX[code]?.(first) ?? [
		first.charAt(0).toLowerCase() + first.slice(1),
		'check the indentation and quotation marks on this line and the line above (see docs/councils.md)'
	];
	return `YAML syntax error: ${what} — ${how}`;
}

/**
 * Extra guidance when a clause's text is not in the source: what kind of difference it is, and
 * both texts side by side from the first difference, the differing character in [ ].
 */
function notFoundHint(t: string, src: string): string {
	// Fold case, quotes and dashes one character for one, so positions line up.
	const foldChar = (c: string) => {
		if (/[\u2018\u2019\u201B\u2032`]/.test(c)) return "'";
		if (/[\u201C\u201D\u201F\u2033]/.test(c)) return '"';
		if (/[\u2010-\u2015\u2212]/.test(c)) return '-';
		const l = c.toLowerCase();
		return l.length === c.length ? l : c;
	};
	const fold = (s: string) => Array.from(s, foldChar).join('');
	const foldQuotes = (s: string) =>
		Array.from(s, (c) => (/[A-Za-z]/.test(c) ? c : foldChar(c))).join('');
	let kind = '';
	let tAt: number;
	let sAt: number;
	const folded = fold(src).indexOf(fold(t));
	if (folded >= 0 && Array.from(src).length === src.length && Array.from(t).length === t.length) {
		kind = foldQuotes(src).includes(foldQuotes(t))
			? ' (only the apostrophes, quotation marks or dashes differ: copy them from the source, which may use curly ’ or “ ” characters)'
			: ' (only capital letters, apostrophes, quotation marks or dashes differ)';
		tAt = [...t].findIndex((c, i) => c !== src[folded + i]);
		sAt = folded + tAt;
	} else {
		// The longest start of the clause that is in the source (binary search: every shorter start is too).
		let lo = 0;
		let hi = t.length;
		while (lo < hi) {
			const mid = Math.ceil((lo + hi) / 2);
			if (src.includes(t.slice(0, mid))) lo = mid;
			else hi = mid - 1;
		}
		if (lo < 12)
			return ' (not even its first words are in the source: check it is the right clause and the right source file)';
		tAt = lo;
		sAt = src.indexOf(t.slice(0, lo)) + lo;
	}
	const show = (s: string, at: number) =>
		`"${at > 30 ? '…' : ''}${s.slice(Math.max(0, at - 30), at)}[${s[at] ?? ''}]${s.slice(at + 1, at + 41)}${at + 41 < s.length ? '…' : ''}"`;
	const name = (c: string | undefined) =>
		c === undefined
			? 'the end of the text'
			: `"${c}" (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`;
	return `${kind}: they differ at character ${tAt + 1} of the clause, which has ${name(t[tAt])} where the source has ${name(src[sAt])} — clause: ${show(t, tAt)}; source: ${show(src, sAt)}`;
}
