import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatError } from './errors';
import { checkPrinciples, PRINCIPLES_FILE } from './principles';

const fixtures = 'tests/fixtures/principles';

describe('scenarios/principles.yaml', () => {
	it('the catalogue is valid, with the ids the councils and the shared contract use', () => {
		const r = checkPrinciples(PRINCIPLES_FILE, readFileSync(PRINCIPLES_FILE, 'utf8'));
		expect(r.errors.map(formatError)).toEqual([]);
		const ids = r.principles.map((p) => p.id);
		expect(ids).toContain('conduct.code-of-conduct');
		expect(new Set(ids).size).toBe(ids.length);
		for (const p of r.principles) expect(p.name.length).toBeGreaterThan(0);
	});
});

describe('fixtures: each produces exactly the messages in its expected.txt', () => {
	const cases = readdirSync(fixtures, { withFileTypes: true })
		.filter((d) => d.isDirectory())
		.map((d) => d.name);

	it.each(cases)('%s', (name) => {
		const file = join(fixtures, name, 'principles.yaml');
		const expected = readFileSync(join(fixtures, name, 'expected.txt'), 'utf8')
			.split('\n')
			.filter((l) => l.trim() !== '');
		const r = checkPrinciples(file, readFileSync(file, 'utf8'));
		expect(r.errors.map(formatError)).toEqual(expected);
		for (const e of r.errors) expect(e.message, 'what is wrong — how to fix it').toMatch(/ — /);
		// A catalogue with any problem gives no principles, so nothing is scored against half of it.
		expect(r.principles.length > 0).toBe(expected.length === 0);
	});

	it('the valid catalogue reads as written, values trimmed', () => {
		const file = join(fixtures, 'valid', 'principles.yaml');
		expect(checkPrinciples(file, readFileSync(file, 'utf8')).principles).toEqual([
			{
				id: 'roles.distinct',
				name: 'Separate roles',
				summary: 'Councillors set policy; officers advise and carry it out.'
			},
			{
				id: 'respect.courtesy',
				name: 'Courtesy and respect',
				summary: 'Councillors and officers treat each other with courtesy.'
			}
		]);
	});
});
