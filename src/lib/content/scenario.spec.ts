// @vitest-environment node
import {
	cpSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	utimesSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkGraph } from '../engine/graph';
import type { Ending, Outcome, Scenario, Step } from '../engine/types';
import { fillScenario } from './placeholders';
import { longestRouteWords, readability, recommendedRouteWords, scenarioWarnings } from './report';
import { describe, expect, it } from 'vitest';
import { principleIds, exampleSource } from '../../../tests/helpers/course';
import { checkScenarioSource, loadLibrary } from './course';
import { loadCouncils } from './councils';
import { formatError } from './errors';
import { plainText } from './rich';

const { councils } = loadCouncils('scenarios/councils', [...principleIds]);
/** Check a scenario's text against the library's principles and councils. */
const check = (file: string, source: string) =>
	checkScenarioSource(file, source, principleIds, councils);
const dir = 'tests/fixtures/scenarios';
const cases = readdirSync(dir, { withFileTypes: true })
	.filter((d) => d.isDirectory())
	.map((d) => d.name);

describe('scenario checker', () => {
	it('accepts the complete example from docs/authoring.md', async () => {
		const doc = readFileSync('docs/authoring.md', 'utf8');
		const example = /```markdown\n([\s\S]*?)```/.exec(doc)![1];
		expect(example).toBe(exampleSource());
		const { scenario, errors } = await check('example.md', example);
		expect(errors.map(formatError)).toEqual([]);
		expect(scenario!.start).toBe('start');
		expect(Object.keys(scenario!.nodes)).toEqual([
			'start',
			'sue-shares-it',
			'after-the-meeting',
			'handled-well',
			'investigated'
		]);
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
		const { errors, warnings } = await check(file, readFileSync(file, 'utf8'));
		expect([...errors, ...warnings].map(formatError)).toEqual(expected);
	});

	it.each(cases)('%s is a real break: a changed example, reported at a line of its own', (name) => {
		const file = `${dir}/${name}/scenario.md`;
		const source = readFileSync(file, 'utf8');
		const lines = source.split('\n').length;
		const expected = readFileSync(`${dir}/${name}/expected.txt`, 'utf8').trim().split('\n');
		expect(source).not.toBe(exampleSource());
		expect(expected.filter((l) => l !== '')).not.toEqual([]);
		for (const message of expected) {
			const m = /^(.+?):(\d+): \S/.exec(message);
			expect(m?.[1], message).toBe(file);
			expect(Number(m![2]), message).toBeGreaterThanOrEqual(1);
			expect(Number(m![2]), message).toBeLessThanOrEqual(lines);
		}
	});

	it('a scenario that declares fits: [principal] may use {leader}: only councils it fits must fill it', async () => {
		const source = exampleSource()
			.replace('minutes: 5\n', 'minutes: 5\nfits: [principal]\n')
			.replace('The {clerk} sends councillors', 'The {leader} sends councillors');
		const { scenario, errors } = await check('fits.md', source);
		expect(errors.map(formatError)).toEqual([]);
		expect(scenario!.fits).toEqual(['principal']);
	});

	it('blames the new file when two files share a scenario id, and says which is which', async () => {
		// Outside git, "new" means modified later: make first.md the older file.
		const root = mkdtempSync(join(tmpdir(), 'dup-'));
		mkdirSync(join(root, 'scenarios'));
		cpSync('scenarios/principles.yaml', join(root, 'scenarios/principles.yaml'));
		cpSync('scenarios/councils', join(root, 'scenarios/councils'), { recursive: true });
		for (const [name, age] of [
			['first.md', 100],
			['second.md', 0]
		] as const) {
			const to = join(root, 'scenarios', name);
			cpSync(`tests/fixtures/library/duplicate-scenario-id/${name}`, to);
			const t = Date.now() / 1000 - age;
			utimesSync(to, t, t);
		}
		const lib = await loadLibrary(root);
		expect(lib.errors.map(formatError).filter((e) => e.includes('scenario id'))).toEqual([
			'scenarios/second.md:2: scenario id "the-forwarded-email" is already used by scenarios/first.md; this file is modified later — give this file its own id, and leave scenarios/first.md\'s id alone (LMS reports and saved progress use it)'
		]);
		utimesSync(join(root, 'scenarios/first.md'), Date.now() / 1000 + 10, Date.now() / 1000 + 10);
		const again = await loadLibrary(root);
		expect(again.errors.map(formatError).find((e) => e.includes('scenario id'))).toMatch(
			/^scenarios\/first\.md:2: .* already used by scenarios\/second\.md;/
		);
		rmSync(root, { recursive: true, force: true });
	});

	it('renders an apostrophe straight after a placeholder as ’, not as an opening quote', async () => {
		const source = exampleSource().replace(
			'Being open helps the {clerk} deal',
			"The {clerk}'s view and {council}'s 'own' rule: being open helps the {clerk} deal"
		);
		const { scenario, errors } = await check('example.md', source);
		expect(errors).toEqual([]);
		const step = scenario!.nodes['sue-shares-it'];
		const feedback = step.kind === 'step' ? plainText(step.choices[0].feedback) : '';
		expect(feedback).toContain('The {clerk}’s view and {council}’s ‘own’ rule');
	});

	it('checks a 1 MB scenario quickly and stops it with the size limit', async () => {
		const big = exampleSource() + '\n' + 'The clerk reads the papers again. '.repeat(32_000);
		const t0 = Date.now();
		const { errors } = await check('big.md', big);
		expect(Date.now() - t0).toBeLessThan(1000);
		expect(errors.map(formatError)).toEqual([
			'big.md:1: the file is 1065 KB; a scenario may be at most 64 KB — split it into two scenarios (see "Limits" in docs/authoring.md)'
		]);
	});

	it('checks, reports on and fills a chain of 2,600 steps in seconds, without running out of stack', () => {
		const n = 2600;
		const nodes: Scenario['nodes'] = {};
		for (let i = 0; i < n; i++) {
			const next = i + 1 < n ? `s${i + 1}` : 'done';
			nodes[`s${i}`] = {
				kind: 'step',
				id: `s${i}`,
				title: `Step ${i}`,
				narrative: [{ p: [`Story ${i} with {clerk}.`] }],
				question: 'What now?',
				line: i * 10 + 1,
				choices: [
					{
						key: 'a',
						text: 'Go on',
						next,
						feedback: [{ p: ['Good.'] }],
						scores: { 'respect.courtesy': 1 },
						line: i * 10 + 3
					},
					{
						key: 'b',
						text: 'Stop',
						next: 'bad',
						feedback: [{ p: ['No.'] }],
						scores: { 'respect.courtesy': -1 },
						line: i * 10 + 5
					}
				]
			};
		}
		const ending = (
			id: string,
			title: string,
			outcome: Outcome,
			text: string,
			line: number
		): Ending => ({
			kind: 'ending',
			id,
			title,
			outcome,
			narrative: [{ p: [text] }],
			line
		});
		nodes.done = ending('done', 'Done', 'good', 'All done.', n * 10 + 1);
		nodes.bad = ending('bad', 'Bad', 'poor', 'Stopped.', n * 10 + 5);
		const s: Scenario = {
			id: 'chain',
			title: 'Chain',
			audience: 'both',
			topics: ['roles'],
			summary: 'Long.',
			minutes: 5,
			file: 'chain.md',
			start: 's0',
			nodes
		};
		const t0 = Date.now();
		expect(checkGraph(s)).toEqual([]);
		expect(longestRouteWords(s)).toBeGreaterThan(n * 5);
		expect(recommendedRouteWords(s).decisions).toBe(n);
		expect(scenarioWarnings(s, 7).map((w) => w.message)).toEqual([
			expect.stringMatching(/^"minutes: 5" is far from the estimate of about \d+ min/)
		]);
		expect(readability(s).words).toBeGreaterThan(n * 5);
		expect(fillScenario(s, { clerk: 'Town Clerk' }).nodes.s2599.title).toBe('Step 2599');
		// A loop from the last step back to the first is found, and reported once, on a stack.
		const looped = {
			...s,
			nodes: {
				...nodes,
				s2599: {
					...nodes.s2599,
					choices: [
						{ ...(nodes.s2599 as Step).choices[0], next: 's0' },
						(nodes.s2599 as Step).choices[1]
					]
				} as Step
			}
		};
		expect(checkGraph(looped).map((p) => p.message)).toEqual([
			expect.stringMatching(
				/^steps loop: s0 → s1 → s2 → … 2595 more … → s2598 → s2599 → s0 — a choice may not lead back/
			),
			'ending "done" can never be reached — no choice leads to it; add a "Next: done" or remove it'
		]);
		expect(longestRouteWords(looped)).toBeGreaterThan(n * 5);
		expect(Date.now() - t0).toBeLessThan(5000);
	});

	it('reports two files that share a scenario id, blaming the later one when git and dates cannot tell', async () => {
		const lib = await loadLibrary('.', 'tests/fixtures/library/duplicate-scenario-id');
		expect(lib.errors.map(formatError)).toHaveLength(1);
		expect(lib.errors.map(formatError)[0]).toMatch(
			/^tests\/fixtures\/library\/duplicate-scenario-id\/(first|second)\.md:2: scenario id "the-forwarded-email" is already used by tests\/fixtures\/library\/duplicate-scenario-id\/(first|second)\.md/
		);
	});
});
