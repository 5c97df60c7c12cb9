import { describe, expect, it } from 'vitest';
import { courseOf, exampleSource, scenarioFrom } from '../../../tests/helpers/course';
import { principleBand, scenarioResult } from './results';

describe('principleBand: one rule for every place a principle is shown', () => {
	it('is met at the pass mark, partly met from half-way, else not met', () => {
		expect(principleBand(70, 70)).toBe('Met');
		expect(principleBand(69, 70)).toBe('Partly met');
		expect(principleBand(80, 85)).toBe('Partly met');
		expect(principleBand(50, 70)).toBe('Partly met');
		expect(principleBand(49, 70)).toBe('Not met');
	});
});

describe('scenarioResult', () => {
	it('counts the decisions that took the recommended choice, on a finished and an unfinished route', async () => {
		const s = courseOf([await scenarioFrom(exampleSource())]).scenarios[0];
		// The example's recommended route is b then a (100%); a then b takes neither.
		expect(scenarioResult(s, 'ba').recommended).toBe(2);
		expect(scenarioResult(s, 'ab').recommended).toBe(0);
		const half = scenarioResult(s, 'aa');
		expect(half.recommended).toBe(1);
		expect(half.score).toBe(50);
		expect(scenarioResult(s, 'b')).toMatchObject({ finished: false, recommended: 1 });
		expect(scenarioResult(s, '').recommended).toBe(0);
	});
});
