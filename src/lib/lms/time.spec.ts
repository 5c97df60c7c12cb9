import { afterEach, describe, expect, it, vi } from 'vitest';
import { duration2004, time12, timespan12, timestamp2004 } from './time.js';

const H = 3600000;
const M = 60000;
/** Moodle's scorm_12.js CMITimespan check. */
const MOODLE_TIMESPAN = /^\d{2,4}:\d\d:\d\d(\.\d{1,2})?$/;
/** SCORM 2004 timeinterval as scorm-again checks it, plus: must end in S/M/H and never P0S. */
const ISO = /^PT(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?$/;

describe('timespan12 (SCORM 1.2 CMITimespan)', () => {
	it.each([
		[0, '00:00:00'],
		[1500, '00:00:01.50'],
		[10, '00:00:00.01'],
		[4, '00:00:00'],
		[59995, '00:01:00'],
		[H + 2 * M + 3450, '01:02:03.45'],
		[100 * H, '100:00:00'],
		[9999 * H + 59 * M + 59990, '9999:59:59.99'],
		[20000 * H, '9999:59:59.99'],
		[-5, '00:00:00'],
		[NaN, '00:00:00'],
		[Infinity, '9999:59:59.99']
	])('%s ms → %s', (ms, out) => {
		expect(timespan12(ms)).toBe(out);
		expect(out).toMatch(MOODLE_TIMESPAN);
	});
});

describe('time12 (SCORM 1.2 CMITime, time of day)', () => {
	it('formats local time as HH:MM:SS', () => {
		expect(time12(new Date(2024, 4, 1, 9, 5, 7, 890))).toBe('09:05:07');
		expect(time12(new Date(2024, 4, 1, 23, 59, 59))).toBe('23:59:59');
	});
	it('never throws on an invalid date', () => {
		expect(time12(new Date('nope'))).toMatch(/^\d\d:\d\d:\d\d$/);
	});
});

describe('duration2004 (ISO 8601 duration)', () => {
	it.each([
		[0, 'PT0S'],
		[-1, 'PT0S'],
		[NaN, 'PT0S'],
		[4, 'PT0S'],
		[10, 'PT0.01S'],
		[1500, 'PT1.5S'],
		[3450, 'PT3.45S'],
		[10000, 'PT10S'],
		[59995, 'PT1M'],
		[M, 'PT1M'],
		[H, 'PT1H'],
		[H + 3000, 'PT1H3S'],
		[H + 2 * M + 3450, 'PT1H2M3.45S'],
		[30 * H, 'PT30H']
	])('%s ms → %s', (ms, out) => {
		expect(duration2004(ms)).toBe(out);
		expect(out).toMatch(ISO);
		expect(out).not.toMatch(/^P0S$|\d$/);
	});
});

describe('timestamp2004', () => {
	afterEach(() => vi.restoreAllMocks());
	const SCORM_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{2}[+-]\d\d:\d\d$/;

	it('writes local date and time, two-digit fraction and the offset', () => {
		const d = new Date(2024, 0, 2, 3, 4, 5, 678);
		const out = timestamp2004(d);
		expect(out).toMatch(SCORM_TIME);
		expect(out.startsWith('2024-01-02T03:04:05.67')).toBe(true);
	});
	it.each([
		[-60, '+01:00'],
		[0, '+00:00'],
		[210, '-03:30'],
		[-345, '+05:45']
	])('offset %s minutes → %s', (tzo, suffix) => {
		vi.spyOn(Date.prototype, 'getTimezoneOffset').mockReturnValue(tzo);
		expect(timestamp2004(new Date(2024, 5, 1, 12))).toMatch(new RegExp(`\\.00\\${suffix}$`));
	});
	it('never throws on an invalid date', () => {
		expect(timestamp2004(new Date(NaN))).toMatch(SCORM_TIME);
	});
});
