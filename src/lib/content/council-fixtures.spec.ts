import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROLE_KEYS, loadCouncils, parseCouncil } from './councils';
import { principleIds as libraryPrinciples } from '../../../tests/helpers/course';
import { formatError } from './errors';

/**
 * The council checker's messages: each fixture folder under tests/fixtures/councils gives a
 * mistake and the exact messages in its expected.txt; the seeds themselves are in councils.spec.ts.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const fixturesDir = join(root, 'tests/fixtures/councils');
const principleIds = [...libraryPrinciples];

describe('fixtures: each produces exactly the messages in its expected.txt', () => {
	const cases = readdirSync(fixturesDir, { withFileTypes: true })
		.filter((d) => d.isDirectory())
		.map((d) => d.name)
		.sort();

	it('include every required case', () => {
		for (const c of [
			'quote-not-found',
			'unknown-principle',
			'missing-role',
			'unmapped-principle',
			'duplicate-clause-id',
			'bad-yaml',
			'id-mismatch',
			'valid-new-council'
		]) {
			expect(cases).toContain(c);
		}
	});

	it.each(cases)('%s', (name) => {
		const dir = join(fixturesDir, name);
		const expected = readFileSync(join(dir, 'expected.txt'), 'utf8')
			.split('\n')
			.filter((l) => l.trim() !== '');
		const r = loadCouncils(dir, principleIds);
		const got = r.errors
			.map(formatError)
			.map((l) => l.replace(/^.*?tests\/fixtures\//, 'tests/fixtures/'));
		expect(got).toEqual(expected);
		for (const e of r.errors)
			expect(e.message, 'every message says what is wrong — how to fix it').toMatch(/ — /);
		if (expected.length === 0) expect(r.councils).toHaveLength(1);
		else expect(r.councils).toHaveLength(0);
	});

	it('a provider can add a council with one data file and its source text', () => {
		const r = loadCouncils(join(fixturesDir, 'valid-new-council'), principleIds);
		expect(r.errors).toEqual([]);
		const c = r.councils[0];
		expect(c.id).toBe('brackenford-parish-council');
		expect(c.file).toMatch(
			/tests\/fixtures\/councils\/valid-new-council\/brackenford-parish-council\.yaml$/
		);
		expect(c.roles.clerk).toBe('Clerk');
		expect(c.principles['confidentiality.no-disclosure']).toEqual({ clauses: ['conf-1'] });
		expect(c.principles['confidentiality.breach-investigated'].gap).toEqual({
			nearest: 'conf-1',
			note: 'This protocol does not say how a leak of confidential information is looked into.'
		});
		// The folded (text: >-) form is joined into one line.
		expect(c.clauses.find((cl) => cl.id === 'concerns-1')!.text).not.toContain('\n');
	});

	it('the full example in docs/councils.md is the valid fixture, word for word', () => {
		const docs = readFileSync(join(root, 'docs/councils.md'), 'utf8');
		const dir = join(fixturesDir, 'valid-new-council');
		expect(docs).toContain(
			readFileSync(join(dir, 'brackenford-parish-council.yaml'), 'utf8').trim()
		);
		expect(docs).toContain(
			readFileSync(join(dir, 'brackenford-parish-council.source.txt'), 'utf8').trim()
		);
	});

	it('docs/councils.md shows the message for every fixture mistake, and lists every principle', () => {
		const docs = readFileSync(join(root, 'docs/councils.md'), 'utf8');
		for (const name of cases) {
			for (const line of readFileSync(join(fixturesDir, name, 'expected.txt'), 'utf8')
				.split('\n')
				.filter((l) => l.trim())) {
				expect(docs, name).toContain(
					line.replace(/^tests\/fixtures\/councils\/[^/]+\//, 'scenarios/councils/')
				);
			}
		}
		for (const id of principleIds) expect(docs).toContain(`\`${id}\``);
		for (const key of ROLE_KEYS) expect(docs).toContain(`\`${key}\``);
	});
});

describe('parseCouncil', () => {
	const yamlText = readFileSync(
		join(fixturesDir, 'valid-new-council/brackenford-parish-council.yaml'),
		'utf8'
	);
	const sourceText = readFileSync(
		join(fixturesDir, 'valid-new-council/brackenford-parish-council.source.txt'),
		'utf8'
	);
	const file = 'scenarios/councils/brackenford-parish-council.yaml';

	it('parses text it is given, using the file name for messages and the id check', () => {
		const r = parseCouncil(file, yamlText, sourceText, principleIds);
		expect(r.errors).toEqual([]);
		expect(r.council?.file).toBe(file);
		expect(
			parseCouncil('scenarios/councils/other.yaml', yamlText, sourceText, principleIds).errors[0]
				.message
		).toMatch(/^id "brackenford-parish-council" does not match the file name other\.yaml/);
	});

	it('reports a missing source file at the source line', () => {
		const r = parseCouncil(file, yamlText, null, principleIds);
		expect(r.errors.map(formatError)).toEqual([
			`${file}:10: source file "brackenford-parish-council.source.txt" not found next to brackenford-parish-council.yaml — save the protocol's text as brackenford-parish-council.source.txt in the same folder, or correct the file name`
		]);
	});

	it('rejects a source given as a path', () => {
		const r = parseCouncil(
			file,
			yamlText.replace('source: brackenford', 'source: ../brackenford'),
			sourceText,
			principleIds
		);
		expect(r.errors[0].message).toMatch(/must be a file name in the same folder/);
	});

	it('explains a text cut short by " #"', () => {
		const y = yamlText.replace(
			'text: "Councillors must not bully staff or put them under undue pressure."',
			'text: Councillors must not bully staff #2 or put them under undue pressure.'
		);
		expect(parseCouncil(file, y, sourceText, principleIds).errors[0].message).toMatch(
			/^clause "pressure-1": the text contains " #", so everything after it was read as a comment/
		);
	});

	it('reports several problems at once, in line order', () => {
		const y = yamlText
			.replace('kind: parish council\n', '')
			.replace('  clerk: Clerk\n', '  clerk: ""\n')
			.replace('[roles.equal-treatment]', '[roles.equal-treatment, roles.equal-treatment]');
		const lines = parseCouncil(file, y, sourceText, principleIds).errors.map(
			(e) => `${e.line}: ${e.message.split(' — ')[0]}`
		);
		expect(lines).toEqual([
			'1: missing "kind"',
			'13: roles: "clerk" is empty',
			'31: clause "roles-3": principle "roles.equal-treatment" is listed twice'
		]);
	});

	it('reports every unknown field, text written as a list or a reference, and a misspelt field once', () => {
		const y = yamlText
			.replace(
				'name: Brackenford Parish Council\n',
				'name: &n Brackenford Parish Council\nmotto: Onward\nwebsite: x\n'
			)
			.replace('  title: Councillor', '  titel: Councillor')
			.replace('  clerk: Clerk\n', '  clerk: [Clerk]\n')
			.replace('  chair: Chair of the Council\n', '  chair: *n\n');
		const lines = parseCouncil(file, y, sourceText, principleIds).errors.map(
			(e) => `${e.line}: ${e.message}`
		);
		expect(lines.map((l) => l.split(' — ')[0])).toEqual([
			'4: unknown field "motto"',
			'5: unknown field "website"',
			'9: protocol: unknown field "titel"',
			'16: roles: "clerk" must be text, not a list or a set of fields',
			'17: roles: "chair" starts with "*", which YAML reads as a reference'
		]);
		expect(lines[2]).toMatch(
			/the allowed fields are: title, version, adopted \(did you mean "title"\?\)$/
		);
	});

	it('a file that is not a set of fields', () => {
		expect(
			parseCouncil(file, '- just a list\n', sourceText, principleIds).errors[0].message
		).toMatch(/must be a set of fields/);
	});
});

describe('who deals with a Code of Conduct complaint about a councillor', () => {
	const load = (name: string) => loadCouncils(join(fixturesDir, name), principleIds);

	it('an English parish council: the Monitoring Officer of its district or unitary council, never its own', () => {
		expect(load('valid-new-council').councils[0].roles['conduct-complaints-to']).toBe(
			'the Monitoring Officer of Brackenford District Council'
		);
		expect(load('conduct-route-parish-own').errors[0].message).toMatch(/a parish council has none/);
		expect(load('conduct-route-parish-no-mo').errors[0].message).toMatch(
			/has no Monitoring Officer of its own/
		);
	});

	it('an English principal council: its own Monitoring Officer', () => {
		const r = load('conduct-route-principal');
		expect(r.errors).toEqual([]);
		expect(r.councils[0]).toMatchObject({ kind: 'borough council', nation: 'england' });
		expect(r.councils[0].roles).toMatchObject({
			'conduct-complaints-to': 'the Monitoring Officer of Fenmoor Borough Council',
			chair: 'Mayor',
			leader: 'Leader of the Council'
		});
		expect(load('conduct-route-principal-other').errors[0].message).toMatch(
			/must name Fenmoor Borough Council's own Monitoring Officer/
		);
	});

	it('a Welsh community council: the Public Services Ombudsman for Wales', () => {
		const r = load('conduct-route-welsh-community');
		expect(r.errors).toEqual([]);
		expect(r.councils[0]).toMatchObject({
			nation: 'wales',
			roles: { 'conduct-complaints-to': 'the Public Services Ombudsman for Wales' }
		});
		expect(load('conduct-route-welsh-monitoring-officer').errors[0].message).toMatch(
			/must name the Public Services Ombudsman for Wales/
		);
	});
});

describe('a route the protocol does not state', () => {
	it('is filled with safe general wording, and recorded as not stated', () => {
		const c = loadCouncils(join(fixturesDir, 'conduct-route-welsh-community'), principleIds)
			.councils[0];
		expect(c.unstated).toEqual(['complaints-to', 'officer-concerns-to']);
		expect(`raise it with ${c.roles['complaints-to']}`).toBe(
			'raise it with the Clerk (or, if it is about the Clerk, through the council’s own procedure)'
		);
		expect(`take it to ${c.roles['officer-concerns-to']}`).toBe(
			'take it to Cwm Isaf Community Council, through its own grievance procedure'
		);
	});
});
