import { beforeAll, describe as group, expect, it } from 'vitest';
import { courseOf, exampleSource, scenarioFrom } from '../../../tests/helpers/course';
import { walk } from '../engine/session';
import type { Scenario } from '../engine/types';
import { decisionRecord } from './tracking';

let s: Scenario;
beforeAll(async () => {
	s = courseOf([await scenarioFrom(exampleSource())]).scenarios[0];
});

group('decisionRecord', () => {
	it('describes the decision in words: scenario, step and question', () => {
		const d = walk(s, 'b').decisions[0];
		expect(decisionRecord(s, d, 1000, new Date()).description).toBe(
			`${s.title}: ${d.step.title}. ${d.step.question}`
		);
	});

	it('sends no description built from missing words (a choice made before the words arrived)', () => {
		const d = walk(s, 'b').decisions[0];
		const bare = { ...d, step: { ...d.step, title: '', question: '' } };
		expect(decisionRecord(s, bare, 1000, new Date()).description).toBe('');
	});
});
