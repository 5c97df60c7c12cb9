/**
 * scenarios/principles.yaml, the shared catalogue of principles every choice is scored against:
 * its shape checked with a schema (./yaml-schema.ts), then the one cross-check a schema cannot
 * make (each id once). Messages are `file:line: what is wrong — how to fix it`.
 */
import * as v from 'valibot';
import type { Principle } from '../engine/types.js';
import type { ContentError } from './errors.js';
import { didYouMean } from './suggest.js';
import { checkShape, parseYaml } from './yaml-schema.js';
import { syntaxMessage } from './yaml-syntax.js';

export const PRINCIPLES_FILE = 'scenarios/principles.yaml';

/** A principle id: a topic and a name, lower case, joined by a dot, e.g. respect.courtesy. */
const PRINCIPLE_ID = /^[a-z]+(-[a-z]+)*\.[a-z0-9]+(-[a-z0-9]+)*$/;
/** Names are shown in tables and headings: a few words. */
const NAME_MAX = 60;

const FIELDS = ['id', 'name', 'summary'];
const HELP: Record<string, string> = {
	id: 'write the principle id, e.g. id: respect.courtesy',
	name: 'write a short name learners see, e.g. name: Courtesy and respect',
	summary: 'write one sentence saying what the principle asks'
};

const text = (field: string, help: string) =>
	v.pipe(
		v.string((i) =>
			i.input === undefined
				? `missing "${field}" — ${help}`
				: `"${field}" must be text on the same line — ${help}`
		),
		v.trim(),
		v.nonEmpty(`"${field}" is empty — ${help}`)
	);

const PRINCIPLE = v.strictObject(
	{
		id: v.pipe(
			text('id', HELP.id),
			v.regex(
				PRINCIPLE_ID,
				(i) =>
					`id "${i.input}" must be a topic and a name in lower case joined by a dot, e.g. respect.courtesy — change it (if no published package uses it yet)`
			)
		),
		name: v.pipe(
			text('name', HELP.name),
			v.maxLength(
				NAME_MAX,
				(i) =>
					`"name" is ${i.received} characters — keep it under ${NAME_MAX}: it heads tables; put the rest in "summary"`
			)
		),
		summary: text('summary', HELP.summary)
	},
	(i) => {
		if (i.expected === 'never') {
			const key = String(i.path?.at(-1)?.key);
			return `unknown field "${key}" — each principle has only id, name and summary${didYouMean(key, FIELDS)}`;
		}
		const missing = FIELDS.find((f) => i.expected === `"${f}"`);
		return missing
			? `missing "${missing}" — ${HELP[missing]}`
			: `each principle must be a set of fields starting with "- id:", then name and summary lined up under it — see the entries above`;
	}
);

const CATALOGUE = v.pipe(
	v.array(
		PRINCIPLE,
		'the catalogue is not a list — start each principle with "- id:" on its own line, then name and summary lined up under it'
	),
	v.nonEmpty('the catalogue is empty — add the principles, each as "- id:", name and summary')
);

/** Check the text of scenarios/principles.yaml; returns the principles when it has no problems. */
export function checkPrinciples(
	file: string,
	yamlText: string
): { principles: Principle[]; errors: ContentError[] } {
	const { parsed, error } = parseYaml(file, yamlText, (code, raw, pos) =>
		syntaxMessage(code, raw, yamlText, pos).replace('see docs/councils.md', 'see the entries above')
	);
	if (!parsed) return { principles: [], errors: [error!] };
	const shape = checkShape(file, parsed, CATALOGUE);
	// A misspelt field is reported once, as unknown with its "did you mean", not also as missing.
	const errors = shape.errors.filter(
		(e) =>
			!/^missing "/.test(e.message) ||
			!shape.errors.some((o) => o.message.endsWith(`(did you mean ${e.message.split(' ')[1]}?)`))
	);
	const value = errors.length ? undefined : shape.value;
	if (!value) return { principles: [], errors };
	const first = new Map<string, number>();
	value.forEach((p, i) => {
		const line = parsed.lineAt([i, 'id']);
		const seen = first.get(p.id);
		if (seen === undefined) first.set(p.id, line);
		else
			errors.push({
				file,
				line,
				message: `principle id "${p.id}" is already used on line ${seen} — give this principle its own id, or remove one of the two`
			});
	});
	return errors.length ? { principles: [], errors } : { principles: value, errors };
}
