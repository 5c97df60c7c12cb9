import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
	ALL_ROLE_KEYS,
	ROLE_KEYS,
	loadCouncils,
	normaliseWhitespace,
	parseCouncil,
	uncoveredPassages
} from './councils';
import { formatError } from './errors';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const councilsDir = join(root, 'scenarios/councils');
const fixturesDir = join(root, 'tests/fixtures/councils');
const seedsDir = '/work/shared/seeds';
const principleIds = (
	parse(readFileSync(join(root, 'scenarios/principles.yaml'), 'utf8')) as { id: string }[]
).map((p) => p.id);

const COUNCIL_IDS = [
	'broxtowe-borough-council',
	'community-council',
	'halewood-town-council',
	'kingsthorpe-parish-council',
	'witham-town-council'
];

const loaded = loadCouncils(councilsDir, principleIds);
const byId = Object.fromEntries(loaded.councils.map((c) => [c.id, c]));
const sourceOf = (id: string) => readFileSync(join(councilsDir, `${id}.source.txt`), 'utf8');
/** Ids of the clauses, across all five councils, that back a principle. */
const backing = (principle: string) =>
	loaded.councils.flatMap((c) =>
		c.principles[principle].clauses.map((clause) => `${c.id}#${clause}`)
	);
const clause = (councilId: string, clauseId: string) =>
	byId[councilId].clauses.find((c) => c.id === clauseId)!;

describe('the five councils', () => {
	it('load with no errors', () => {
		expect(loaded.errors.map(formatError)).toEqual([]);
		expect(loaded.councils.map((c) => c.id).sort()).toEqual(COUNCIL_IDS);
	});

	it('each has its source text, copied byte for byte from the seeds when they are available', () => {
		for (const id of COUNCIL_IDS) {
			expect(existsSync(join(councilsDir, `${id}.source.txt`))).toBe(true);
			const seed = join(seedsDir, `${id}.txt`);
			if (existsSync(seed))
				expect(readFileSync(join(councilsDir, `${id}.source.txt`)).equals(readFileSync(seed))).toBe(
					true
				);
		}
	});

	it('quote every clause word for word from the source (whitespace aside)', () => {
		for (const c of loaded.councils) {
			const src = normaliseWhitespace(sourceOf(c.id));
			for (const cl of c.clauses)
				expect(src, `${c.id} ${cl.id}`).toContain(normaliseWhitespace(cl.text));
		}
	});

	it('give every clause a ref and a unique id, in document order', () => {
		for (const c of loaded.councils) {
			const src = normaliseWhitespace(sourceOf(c.id));
			expect(new Set(c.clauses.map((cl) => cl.id)).size).toBe(c.clauses.length);
			let from = 0;
			for (const cl of c.clauses) {
				expect(cl.ref.trim(), `${c.id} ${cl.id}`).not.toBe('');
				const at = src.indexOf(normaliseWhitespace(cl.text), from);
				expect(at, `${c.id} ${cl.id} out of order`).toBeGreaterThanOrEqual(0);
				from = at;
			}
		}
	});

	it('cover the whole protocol: only headings, numbers and document control are left unquoted', () => {
		// Longest unquoted passage per council, in words. Headings and numbering are short; the
		// allowed longer ones are the title blocks, tables of contents and document control.
		const allowed: Record<string, RegExp[]> = {
			'broxtowe-borough-council': [/^Broxtowe Borough Council Constitution/],
			'community-council': [/^To help ensure that relationships do not go awry/],
			'halewood-town-council': [/^HALEWOOD TOWN COUNCIL/, /^Linked Policies/],
			'kingsthorpe-parish-council': [
				/^KINGSTHORPE PARISH COUNCIL/,
				/^This protocol covers:/,
				/^\*Taken from/
			],
			'witham-town-council': []
		};
		for (const c of loaded.councils) {
			const long = uncoveredPassages(sourceOf(c.id), c.clauses, 9).filter(
				(p) => !allowed[c.id].some((r) => r.test(p))
			);
			expect(long, c.id).toEqual([]);
		}
	});

	it('fill every role placeholder', () => {
		for (const c of loaded.councils) {
			for (const k of ROLE_KEYS) expect(Object.keys(c.roles), `${c.id} ${k}`).toContain(k);
			for (const k of Object.keys(c.roles)) expect(ALL_ROLE_KEYS, `${c.id} ${k}`).toContain(k);
			for (const k of ['clerk', 'chair', 'leader'])
				if (c.roles[k]) expect(c.roles[k], `${c.id} ${k}`).not.toMatch(/^(the|a|an) /i);
			for (const k of ROLE_KEYS) expect(c.roles[k].trim(), `${c.id} ${k}`).not.toBe('');
		}
		expect(byId['witham-town-council'].roles.clerk).toBe('Town Clerk');
		expect(byId['halewood-town-council'].roles.clerk).toBe('Town Manager');
		expect(byId['kingsthorpe-parish-council'].roles.clerk).toBe('Clerk');
		expect(byId['broxtowe-borough-council'].roles.clerk).toBe('Chief Executive');
		expect(byId['community-council'].roles.clerk).toBe('Community Clerk');
	});

	it('give protocol details as the documents state them', () => {
		expect(byId['kingsthorpe-parish-council'].protocol).toMatchObject({
			version: '2',
			adopted: '21-06-23'
		});
		expect(byId['halewood-town-council'].protocol).toMatchObject({
			version: 'not stated',
			adopted: '12th July 2022'
		});
		expect(byId['witham-town-council'].protocol).toMatchObject({
			version: 'not stated',
			adopted: 'not stated'
		});
		expect(byId['broxtowe-borough-council'].protocol).toMatchObject({
			version: 'not stated',
			adopted: 'not stated'
		});
	});

	it('back or list as a gap every principle, and never both', () => {
		for (const c of loaded.councils) {
			expect(Object.keys(c.principles).sort()).toEqual([...principleIds].sort());
			const ids = new Set(c.clauses.map((cl) => cl.id));
			for (const [p, b] of Object.entries(c.principles)) {
				if (b.gap) {
					expect(b.clauses, `${c.id} ${p}`).toEqual([]);
					expect(b.gap.note.trim()).not.toBe('');
					if (b.gap.nearest) expect(ids.has(b.gap.nearest), `${c.id} ${p} nearest`).toBe(true);
				} else {
					expect(b.clauses.length, `${c.id} ${p}`).toBeGreaterThan(0);
					for (const id of b.clauses) expect(clause(c.id, id).principles).toContain(p);
				}
			}
		}
	});

	it('map the distinctive clauses where they belong', () => {
		// Only Broxtowe 3.2(f) covers seniority, and only Broxtowe 4.4 covers copied correspondence.
		expect(backing('conduct.seniority')).toEqual(['broxtowe-borough-council#3-2-f']);
		expect(clause('broxtowe-borough-council', '3-2-f').ref).toBe('3.2(f)');
		expect(backing('correspondence.copies')).toEqual(['broxtowe-borough-council#4-4']);
		// Witham's Town Clerk investigates breaches of confidence.
		const witham = byId['witham-town-council'];
		const breach = witham.principles['confidentiality.breach-investigated'].clauses.map(
			(id) => clause(witham.id, id).text
		);
		expect(breach).toEqual([
			'The Town Clerk will instigate any appropriate investigations into actual or alleged breaches of confidence in relation to the release of confidential information.'
		]);
		// The Chair does not deal with grievances alone: Kingsthorpe 4.2 and Halewood 5.2.
		const chairAlone = (id: string) =>
			byId[id].principles['grievances.chair-not-alone'].clauses.map((c) => clause(id, c).ref);
		expect(chairAlone('kingsthorpe-parish-council')).toEqual(['4.2']);
		expect(chairAlone('halewood-town-council')).toContain('5.2');
		// The community council has no complaints section at all.
		const community = byId['community-council'].principles;
		for (const p of ['complaints.route', 'complaints.officer-route', 'grievances.chair-not-alone'])
			expect(community[p].gap, p).toBeDefined();
		// Political groups: only Witham and Broxtowe have a section that says what advice contains.
		expect(backing('political.facts-and-options').map((b) => b.split('#')[0])).toEqual([
			'broxtowe-borough-council',
			'broxtowe-borough-council',
			'witham-town-council'
		]);
	});
});

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

	it('the seeds: each route fits its kind and nation', () => {
		expect(
			Object.fromEntries(
				loaded.councils.map((c) => [c.id, [c.nation, c.roles['conduct-complaints-to']]])
			)
		).toEqual({
			'broxtowe-borough-council': ['england', 'the Monitoring Officer of Broxtowe Borough Council'],
			'community-council': ['wales', 'the Public Services Ombudsman for Wales'],
			'halewood-town-council': [
				'england',
				'the Monitoring Officer of Knowsley Metropolitan Borough Council'
			],
			'kingsthorpe-parish-council': [
				'england',
				'the Monitoring Officer of West Northamptonshire Council'
			],
			'witham-town-council': ['england', 'the Monitoring Officer of Braintree District Council']
		});
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

	it('the community council seed never sends a concern about its clerk to the clerk', () => {
		const c = byId['community-council'];
		expect(c.unstated).toEqual(['complaints-to', 'officer-concerns-to']);
		expect(c.roles['complaints-to']).toMatch(
			/if it is about the Community Clerk, through the council’s own procedure/
		);
		for (const p of ['complaints.route', 'complaints.officer-route'])
			expect(c.principles[p].gap?.note, p).toBeTruthy();
	});
});

describe('normaliseWhitespace', () => {
	it('collapses every run of whitespace to one space and trims', () => {
		expect(normaliseWhitespace('  a\tb \n\n c\u00a0 d  ')).toBe('a b c d');
	});
	it('leaves punctuation and curly quotes alone', () => {
		expect(normaliseWhitespace('Officer’s  “own”')).toBe('Officer’s “own”');
	});
});
