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
import {
	ALL_ROLE_KEYS,
	conductRouteProblem,
	GENERIC_TITLE,
	KINDS,
	NATIONS,
	NOT_STATED,
	OPTIONAL_ROLE_KEYS,
	ROLE_HELP,
	ROLE_KEYS,
	ROUTE_KEYS_MAY_BE_UNSTATED,
	ROUTE_PRINCIPLE,
	routeFill,
	tierOf,
	TITLE_KEYS,
	type Nation
} from './council-kinds.js';
import { GAP_MARKER, normaliseWhitespace, notFoundHint } from './council-text.js';
import { findPair, isEmpty, keyOf, scalarString, syntaxMessage } from './yaml-syntax.js';
import { closest, didYouMean } from './suggest.js';
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node as YamlNode, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Clause, Council, PrincipleBacking } from '../engine/types';
import { logoAltProblem, logoBytesProblem, logoPathProblem } from './council-logo.js';

export type { ContentError };
export * from './council-kinds.js';
export { normaliseWhitespace, uncoveredPassages } from './council-text.js';
export { syntaxMessage } from './yaml-syntax.js';

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
