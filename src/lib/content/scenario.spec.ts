// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { principleIds, exampleSource } from '../../../tests/helpers/course';
import { checkScenarioSource, loadLibrary } from './course';
import { loadCouncils } from './councils';
import { formatError } from './errors';
import { plainText } from './rich';

const { councils } = loadCouncils('scenarios/councils', [...principleIds]);
const dir = 'tests/fixtures/scenarios';
const cases = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

describe('scenario checker', () => {
	it('accepts the complete example from docs/authoring.md', async () => {
		const doc = readFileSync('docs/authoring.md', 'utf8');
		const example = /```markdown\n([\s\S]*?)```/.exec(doc)![1];
		expect(example).toBe(exampleSource());
		const { scenario, errors } = await checkScenarioSource('example.md', example, principleIds, councils);
		expect(errors.map(formatError)).toEqual([]);
		expect(scenario!.start).toBe('start');
		expect(Object.keys(scenario!.nodes)).toEqual(['start', 'sue-shares-it', 'after-the-meeting', 'handled-well', 'investigated']);
		const first = scenario!.nodes.start;
		expect(first.kind === 'step' && first.choices.map((c) => [c.key, c.next, c.scores])).toEqual([
			['a', 'sue-shares-it', { 'confidentiality.no-disclosure': -2 }],
			['b', 'after-the-meeting', { 'confidentiality.no-disclosure': 2, 'respect.courtesy': 1 }]
		]);
		expect(plainText(first.narrative)).toContain('It is marked confidential. Your neighbour Sue');
	});

	it.each(cases)('reports %s with the exact file:line message', async (name) => {
		const file = `${dir}/${name}/scenario.md`;
		const expected = readFileSync(`${dir}/${name}/expected.txt`, 'utf8').trim().split('\n');
		const { errors } = await checkScenarioSource(file, readFileSync(file, 'utf8'), principleIds, councils);
		expect(errors.map(formatError)).toEqual(expected);
	});

	it('has a fixture for every kind of break the build must catch', () => {
		expect(cases.length).toBeGreaterThanOrEqual(15);
	});

	it('a scenario that declares fits: [principal] may use {leader}: only councils it fits must fill it', async () => {
		const source = exampleSource().replace('minutes: 5\n', 'minutes: 5\nfits: [principal]\n').replace('The {clerk} sends councillors', 'The {leader} sends councillors');
		const { scenario, errors } = await checkScenarioSource('fits.md', source, principleIds, councils);
		expect(errors.map(formatError)).toEqual([]);
		expect(scenario!.fits).toEqual(['principal']);
	});

	it('reports two files that share a scenario id', async () => {
		const lib = await loadLibrary('.', 'tests/fixtures/library/duplicate-scenario-id');
		expect(lib.errors.map(formatError)).toEqual([
			'tests/fixtures/library/duplicate-scenario-id/second.md:2: scenario id "the-forwarded-email" is already used by tests/fixtures/library/duplicate-scenario-id/first.md — give each scenario its own id'
		]);
	});
});
