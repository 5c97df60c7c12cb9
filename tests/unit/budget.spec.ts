// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { longestSuspend } from '../../scripts/measure/longest';

describe('suspend_data budget', () => {
	it('stays within 1,000 characters on the longest possible path through the whole course', async () => {
		const worst = await longestSuspend('.');
		expect(worst.chars).toBeGreaterThan(100);
		expect(worst.chars).toBeLessThanOrEqual(1000);
	});
});
