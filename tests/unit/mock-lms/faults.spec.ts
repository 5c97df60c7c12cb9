// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createFaults } from '../../../scripts/mock-lms/faults';
import type { Fault } from '../../../scripts/mock-lms/options';
import type { MethodKind } from '../../../scripts/mock-lms/types';
import { VERSIONS } from '../../../scripts/mock-lms/versions';

const codes12 = VERSIONS['1.2'].codes;
const codes2004 = VERSIONS['2004'].codes;

function run(fault: Fault, kinds: MethodKind[], n = 3, initFails = Infinity, codes = codes2004) {
	const f = createFaults({ fault, failCount: n, initFails });
	return kinds.map((k) => {
		const r = f.inject(k, codes);
		return r ? (r.throws ? `throws ${r.code}` : `false ${r.code}`) : 'ok';
	});
}

describe('mock LMS fault injection', () => {
	it('none lets every call through', () => {
		expect(run('none', ['initialize', 'setValue', 'commit', 'terminate'])).toEqual([
			'ok',
			'ok',
			'ok',
			'ok'
		]);
	});

	it('setvalue-false refuses the first n SetValue calls, then recovers; other calls pass', () => {
		expect(
			run('setvalue-false', ['setValue', 'commit', 'setValue', 'setValue', 'setValue'], 2)
		).toEqual(['false 351', 'ok', 'false 351', 'ok', 'ok']);
	});

	it('init-false refuses every Initialize, or the first n with &n=', () => {
		expect(run('init-false', ['initialize', 'initialize', 'initialize'])).toEqual([
			'false 102',
			'false 102',
			'false 102'
		]);
		expect(run('init-false', ['initialize', 'initialize', 'setValue'], 3, 1, codes12)).toEqual([
			'false 101',
			'ok',
			'ok'
		]);
	});

	it('commit-flaky fails every other Commit, starting with the first', () => {
		expect(run('commit-flaky', ['commit', 'commit', 'commit', 'commit'])).toEqual([
			'false 391',
			'ok',
			'false 391',
			'ok'
		]);
	});

	it('commit-twice fails two Commits after each one that works', () => {
		expect(run('commit-twice', Array<MethodKind>(6).fill('commit'))).toEqual([
			'false 391',
			'false 391',
			'ok',
			'false 391',
			'false 391',
			'ok'
		]);
	});

	it('throws makes every third SetValue throw; throws-5th every fifth call of any kind', () => {
		expect(run('throws', ['setValue', 'getValue', 'setValue', 'setValue'])).toEqual([
			'ok',
			'ok',
			'ok',
			'throws 101'
		]);
		const kinds: MethodKind[] = [
			'initialize',
			'getValue',
			'setValue',
			'setValue',
			'commit',
			'getValue'
		];
		expect(run('throws-5th', kinds)).toEqual(['ok', 'ok', 'ok', 'ok', 'throws 101', 'ok']);
	});

	it('an outage refuses SetValue and Commit (not GetValue) until it ends', () => {
		const f = createFaults({ fault: 'none', failCount: 3, initFails: Infinity });
		expect(f.inject('setValue', codes12)).toBeNull();
		f.setOutage(true);
		expect(f.outage).toBe(true);
		expect(f.inject('setValue', codes12)?.code).toBe('101');
		expect(f.inject('commit', codes2004)?.code).toBe('391');
		expect(f.inject('setValue', codes2004)?.message).toMatch(/the LMS is down/);
		expect(f.inject('getValue', codes12)).toBeNull();
		f.setOutage(false);
		expect(f.inject('commit', codes2004)).toBeNull();
	});
});
