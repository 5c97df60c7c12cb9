import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
	ALL_ROLE_KEYS,
	ROLE_KEYS,
	loadCouncils,
	normaliseWhitespace,
	uncoveredPassages
} from './councils';
import { principleIds as libraryPrinciples } from '../../../tests/helpers/course';
import { formatError } from './errors';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const councilsDir = join(root, 'scenarios/councils');
const seedsDir = '/work/shared/seeds';
const principleIds = [...libraryPrinciples];

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
		const stated: [string, string, string][] = [
			['kingsthorpe-parish-council', '2', '21-06-23'],
			['halewood-town-council', 'not stated', '12th July 2022'],
			['witham-town-council', 'not stated', 'not stated'],
			['broxtowe-borough-council', 'not stated', 'not stated']
		];
		for (const [id, version, adopted] of stated)
			expect(byId[id].protocol, id).toMatchObject({ version, adopted });
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

describe('the routes in the seeds', () => {
	it('each route fits its kind and nation', () => {
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
