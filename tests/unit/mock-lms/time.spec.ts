// @vitest-environment node
import { Scorm12API, Scorm2004API } from 'scorm-again';
import { describe, expect, it } from 'vitest';
import { sessionSeconds, timespan } from '../../../scripts/mock-lms/time';
import type { ApiConstructor } from '../../../scripts/mock-lms/types';

const A12 = Scorm12API as unknown as ApiConstructor;
const A2004 = Scorm2004API as unknown as ApiConstructor;

describe('mock LMS time values', () => {
	it('writes seconds as the total_time each version takes', () => {
		expect(timespan('1.2', 0)).toBe('0000:00:00');
		expect(timespan('1.2', 3725.5)).toBe('0001:02:05.50');
		expect(timespan('2004', 0)).toBe('PT0S');
		expect(timespan('2004', 3725.5)).toBe('PT1H2M5.5S');
	});

	it('reads a stored session_time with scorm-again, 0 for none or a bad one', () => {
		expect(sessionSeconds(A12, '1.2', { core: { session_time: '0001:02:05.5' } })).toBe(3725.5);
		expect(sessionSeconds(A2004, '2004', { session_time: 'PT1H2M5.5S' })).toBe(3725.5);
		expect(sessionSeconds(A12, '1.2', { core: { session_time: 'an hour' } })).toBe(0);
		expect(sessionSeconds(A2004, '2004', {})).toBe(0);
		expect(sessionSeconds(A2004, '2004', null)).toBe(0);
	});

	it('round-trips: what timespan writes, scorm-again reads back', () => {
		for (const s of [59.99, 600, 86399.5]) {
			expect(sessionSeconds(A12, '1.2', { core: { session_time: timespan('1.2', s) } })).toBe(s);
			expect(sessionSeconds(A2004, '2004', { session_time: timespan('2004', s) })).toBe(s);
		}
	});
});
