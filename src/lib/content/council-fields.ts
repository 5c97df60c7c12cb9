/**
 * The sets of fields in a council file (the file itself, protocol, roles, a clause, a gap, the
 * logo) and the words the checker uses for them: the allowed fields, how to fix a missing or
 * empty one, and what to say when a set of fields is written as something else. Used by the
 * schema in ./council-shape.ts; the format is explained in docs/councils.md.
 */
import { ALL_ROLE_KEYS, ROLE_HELP, ROLE_KEYS } from './council-kinds.js';

/** One set of fields (the file, protocol, roles, a clause, a gap, the logo) and its words. */
export interface Fieldset {
	allowed: readonly string[];
	/** "field", or "role" for roles. */
	noun: string;
	listName: string;
	/** How to fix a missing or empty field. */
	help: Record<string, string>;
	/** What to say when the value is not a set of fields. */
	notAMap: string;
}

const FIELDS = 'the allowed fields are';
export const EMPTY_CLAUSES =
	"add the protocol's clauses, each with id, ref, text and principles (see docs/councils.md)";

export const TOP: Fieldset = {
	allowed: [
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
	],
	noun: 'field',
	listName: FIELDS,
	help: {
		id: "add the council's id, the same as the file name without .yaml, e.g. id: witham-town-council",
		name: "add the council's full name, e.g. name: Witham Town Council",
		kind: 'add the kind of council, e.g. kind: town council (the allowed kinds are listed in docs/councils.md)',
		nation: 'add the nation the council is in, england or wales, e.g. nation: england',
		protocol: "add the protocol's title, version and adoption date (see docs/councils.md)",
		source:
			"add the name of the file holding the protocol's text, e.g. source: witham-town-council.source.txt",
		roles: `add the council's words for each of: ${ROLE_KEYS.join(', ')} (see docs/councils.md)`,
		clauses: EMPTY_CLAUSES
	},
	notAMap:
		'the file must be a set of fields, one per line, starting with "id:", "name:" and so on — copy the example in docs/councils.md'
};

const below = (key: string, what: string) =>
	`"${key}" must have ${what} on the lines below it, each indented by two spaces — see docs/councils.md`;

export const PROTOCOL: Fieldset = {
	allowed: ['title', 'version', 'adopted'],
	noun: 'field',
	listName: FIELDS,
	help: {
		title: "add the protocol's title as the document gives it, or write: not stated",
		version: 'add the version number as the document gives it, or write: not stated',
		adopted: 'add the adoption date as the document gives it, or write: not stated'
	},
	notAMap: below('protocol', 'title, version and adopted')
};

export const ROLES: Fieldset = {
	allowed: ALL_ROLE_KEYS,
	noun: 'role',
	listName: 'the roles are',
	help: Object.fromEntries(ALL_ROLE_KEYS.map((k) => [k, `write ${ROLE_HELP[k]}`])),
	notAMap: below('roles', ROLE_KEYS.join(', '))
};

export const CLAUSE: Fieldset = {
	allowed: ['id', 'ref', 'text', 'principles'],
	noun: 'field',
	listName: FIELDS,
	help: {
		id: 'give the clause a short id, unique in this file, e.g. id: conf-1',
		ref: 'write the council\'s own number for the clause, e.g. ref: "3.2(f)", or the heading it sits under',
		text: 'copy the clause\'s words exactly from the source document, e.g. text: "..."'
	},
	// After "clause 3 " (see prefixOf).
	notAMap:
		'must be a set of fields (id, ref, text, principles) — start it with "- id:" and line the other fields up under "id"'
};

export const GAP: Fieldset = {
	allowed: ['nearest', 'note'],
	noun: 'field',
	listName: FIELDS,
	help: {
		note: 'write a sentence for learners saying what this protocol does not cover',
		nearest: 'write the id of the closest clause, or remove "nearest"'
	},
	notAMap:
		'the note must go on its own line — write it on the line below, indented by two more spaces, e.g. note: This protocol does not cover this.'
};

export const logoFields = (fileName: string): Fieldset => ({
	allowed: ['file', 'alt'],
	noun: 'field',
	listName: FIELDS,
	help: {
		file: `write the image's file name, relative to ${fileName}, e.g. file: brackenford-crest.png`,
		alt: 'write what the logo is, for people who cannot see it, e.g. alt: Brackenford Parish Council crest'
	},
	notAMap:
		'"logo" must have file and alt on the lines below it, each indented by two spaces, e.g. file: brackenford-crest.png — see docs/councils.md, "Logo"'
});
