// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import { scenarioFrom } from '../../../tests/helpers/course';
import type { Scenario } from '../engine/types';
import {
	cueReport,
	guessingProblems,
	readingMinutes,
	recommendedPathWords,
	spread,
	strategyScores
} from './strategy';

/** A one-decision scenario; each choice is [text, points]. The +2 one is recommended. */
function source(id: string, choices: [string, number][], audience = 'councillor'): string {
	const keys = 'abcd';
	return `---
id: ${id}
title: Test ${id}
audience: ${audience}
topics: [confidentiality]
summary: A test.
minutes: 5
---

## Step start: The papers

The clerk sends a confidential report.

Question: What do you do?

${choices
	.map(
		([text, pts], i) =>
			`### Choice ${keys[i]}: ${text}\nNext: ${pts > 0 ? 'kept' : 'leaked'}\nScores: confidentiality.no-disclosure ${pts > 0 ? '+' : ''}${pts}\n\nBecause.\n`
	)
	.join('\n')}
## Ending kept: Kept

Outcome: good

Kept.

## Ending leaked: Leaked

Outcome: poor

Leaked.
`;
}

const S = 'Ask the clerk';
const M = 'Ask the clerk what the rules say';
const L = 'Ask the clerk what the rules say about sharing it with residents';

let balanced: Scenario[];
let longestWins: Scenario[];
beforeAll(async () => {
	// Recommended (+2) sits in every position and at every length; the partly right option scores 0.
	const shapes: [string, number][][] = [
		[
			[S, 2],
			[M, 0],
			[L, -2]
		],
		[
			[S, -2],
			[L, 2],
			[M, 0]
		],
		[
			[S, 0],
			[L, -2],
			[M, 2]
		],
		[
			[M, -2],
			[S, 0],
			[L, 2]
		]
	];
	balanced = [];
	for (let round = 0; round < 2; round++)
		for (const [i, c] of shapes.entries())
			balanced.push(await scenarioFrom(source(`s${round}${i}`, c)));
	// The same options, but the recommended one is always the longest.
	longestWins = [];
	for (const [i, c] of shapes.entries()) {
		// The n-th longest text gets the n-th highest points.
		const pts = c.map(([, p]) => p).sort((a, b) => b - a);
		const byLength = c.map(([t]) => t).sort((a, b) => b.length - a.length);
		longestWins.push(
			await scenarioFrom(
				source(
					`l${i}`,
					c.map(([t]): [string, number] => [t, pts[byLength.indexOf(t)]])
				)
			)
		);
	}
});

describe('the strategy report', () => {
	it('finds the recommended choice is always the longest, and fails the core: always-longest scores 100', () => {
		const r = cueReport(longestWins, 200);
		expect(r.longestShare).toBe(1);
		expect(r.chance).toBeCloseTo(1 / 3);
		expect(r.strategies.find((s) => s.name === 'always longest')).toEqual({
			name: 'always longest',
			mean: 100,
			p95: 100
		});
		const plan = {
			councillor: { core: longestWins.map((s) => s.id), electives: [] },
			officer: { core: [], electives: [] }
		};
		const problems = guessingProblems(longestWins, plan, ['councillor', 'officer'], 80, 200);
		expect(problems.map((p) => p.track)).toContain('councillor');
		expect(problems[0].message).toMatch(
			/^the councillor core can be passed without reading: "always longest" scores 100% against a pass mark of 80% — rewrite choices/
		);
	});

	it('passes a library where no cue gives the answer: position and length spread, every blind strategy below the pass mark', () => {
		const r = cueReport(balanced, 500);
		expect(r.longestShare).toBe(0.5);
		expect(r.positions).toEqual([2, 2, 4]);
		const by = Object.fromEntries(strategyScores(balanced, 500).map((s) => [s.name, s]));
		expect(by['always longest'].mean).toBe(50);
		expect(by['always shortest'].mean).toBe(50);
		expect(by['always first'].mean).toBe(38);
		expect(by['always last'].mean).toBe(63);
		expect(by.random.mean).toBeGreaterThan(40);
		expect(by.random.mean).toBeLessThan(60);
		expect(by.random.p95).toBeLessThan(80);
		const plan = {
			councillor: { core: balanced.map((s) => s.id), electives: [] },
			officer: { core: [], electives: [] }
		};
		expect(guessingProblems(balanced, plan, ['councillor', 'officer'], 80, 500)).toEqual([]);
		// The same library fails a pass mark that always-last reaches.
		const at60 = guessingProblems(balanced, plan, ['councillor'], 60, 500).map((p) => p.message);
		expect(at60).toContain(
			'the councillor core can be passed without reading: "always last" scores 63% against a pass mark of 60% — rewrite choices so the recommended one is not usually last (see docs/authoring.md, "Choices that don\'t give the answer away"), or change the core'
		);
		expect(at60.some((m) => m.includes('always longest'))).toBe(false);
	});

	it('shows each scenario’s spread of path scores and reachable endings', () => {
		// Options +2, 0, -2: path scores 100, 50, 0.
		expect(spread(balanced[0])).toEqual({
			scenario: 's00',
			best: 100,
			worst: 0,
			bestPoints: 2,
			worstPoints: -2,
			median: 50,
			passing: 1,
			endings: 2,
			paths: 3
		});
	});

	it('counts the words read on the recommended path, the quoted clause included, at 200 words a minute', () => {
		const council = {
			clauses: [{ id: 'c1', ref: '1', text: 'one two three four five', principles: [] }],
			principles: { 'confidentiality.no-disclosure': { clauses: ['c1'] } }
		};
		const principles = [
			{ id: 'confidentiality.no-disclosure', name: 'Keeping confidences', summary: 'Keep it.' }
		];
		const without = recommendedPathWords(balanced[0], { clauses: [], principles: {} }, principles);
		expect(recommendedPathWords(balanced[0], council, principles) - without).toBe(5);
		expect(readingMinutes(200)).toBe(1);
		expect(readingMinutes(210)).toBe(1.1);
	});
});
