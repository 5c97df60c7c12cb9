import { describe, expect, it } from 'vitest';
import { principleBand } from './results';

describe('principleBand: one rule for every place a principle is shown', () => {
	it('is met at the pass mark, partly met from half-way, else not met', () => {
		expect(principleBand(70, 70)).toBe('Met');
		expect(principleBand(69, 70)).toBe('Partly met');
		expect(principleBand(80, 85)).toBe('Partly met');
		expect(principleBand(50, 70)).toBe('Partly met');
		expect(principleBand(49, 70)).toBe('Not met');
	});
});
