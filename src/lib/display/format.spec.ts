import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from './format';
import { principleNamer, protocolFacts, stated } from './later';

let tz: string | undefined;
beforeAll(() => {
	tz = process.env.TZ;
	process.env.TZ = 'Europe/London';
});
afterAll(() => {
	process.env.TZ = tz;
});

describe('localDate', () => {
	it("is the learner's own date: 00:30 in British Summer Time is that day, not the UTC day before", () => {
		expect(localDate(Date.UTC(2026, 5, 30, 23, 30))).toBe('2026-07-01');
		expect(localDate(Date.UTC(2026, 11, 1, 10))).toBe('2026-12-01');
	});
});

describe('protocolFacts', () => {
	it('leaves out what the protocol does not state', () => {
		expect(protocolFacts({ version: '2', adopted: '21-06-23' })).toBe(
			'version: 2; adopted: 21-06-23'
		);
		expect(protocolFacts({ version: 'not stated', adopted: '12th July 2022' })).toBe(
			'adopted: 12th July 2022'
		);
		expect(protocolFacts({ version: 'Not stated', adopted: 'not stated' })).toBe('');
	});
});

describe('stated', () => {
	it('is false for an empty fact and for "not stated" in any case or spacing', () => {
		expect(stated('2')).toBe(true);
		expect(stated('21 June 2023')).toBe(true);
		expect(stated('')).toBe(false);
		expect(stated('  ')).toBe(false);
		expect(stated(' Not Stated ')).toBe(false);
	});
});

describe('principleNamer', () => {
	it('names a principle the course holds, and falls back to the id for one it does not', () => {
		const name = principleNamer([
			{ id: 'respect.courtesy', name: 'Respect and courtesy' },
			{ id: 'confidentiality.no-disclosure', name: 'Keeping confidences' }
		]);
		expect(name('confidentiality.no-disclosure')).toBe('Keeping confidences');
		expect(name('made.up')).toBe('made.up');
	});
});
