// SCORM 2004 tracker against scorm-again (strict types and formats): its error codes are the check.
import { describe, expect, it } from 'vitest';
import {
	play,
	progress,
	scormSpec,
	sets,
	snapshot,
	type Watched
} from '../../../tests/helpers/lms.js';

/** Calls that went wrong; reading a not-yet-set element (403) is how 2004 answers "empty". */
const errors = (calls: Watched[]) =>
	calls.filter((c) => c.code !== '0' && !(c.fn === 'GetValue' && c.code === '403'));
const { lms, track, midAttempt, warned } = scormSpec('2004');
/** The LMS still holds the attempt as passed with this raw score: no status or score was written. */
function keptPassed(lmsData: ReturnType<typeof lms>, raw: string) {
	expect(snapshot(lmsData.api)).toMatchObject({
		completion_status: 'completed',
		success_status: 'passed',
		exit: 'suspend',
		score: { raw }
	});
	expect(sets(lmsData.calls).filter((a) => /status|score/.test(String(a[0])))).toEqual([]);
}

describe('SCORM 2004 tracker', () => {
	it('records a whole passed attempt, with no LMS error at all', () => {
		const { api, calls } = lms({ scaled_passing_score: '0.8' });
		play(track(api), true);
		const cmi = snapshot(api);
		expect(cmi).toMatchObject({
			completion_status: 'completed',
			success_status: 'passed',
			exit: 'suspend',
			location: 'leak',
			suspend_data: 'final',
			score: { scaled: '1', raw: '100', min: '0', max: '100' }
		});
		expect(cmi.session_time).toMatch(/^PT(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?$/);
		expect(cmi.interactions[0].timestamp).toMatch(/^2025-03-04T10:15:01\.25[+-]\d\d:\d\d$/);
		expect(cmi.objectives[1]).toMatchObject({
			id: 'respect.no-pressure',
			description: 'Principle 2: respect.no-pressure',
			success_status: 'passed',
			completion_status: 'completed',
			score: { scaled: '1', raw: '100' }
		});
		expect(errors(calls)).toEqual([]);
		expect(warned()).not.toHaveBeenCalled();
		const order = sets(calls).map((a) => `${a[0]}=${a[1]}`);
		expect(order.indexOf('cmi.score.scaled=1')).toBeLessThan(
			order.indexOf('cmi.success_status=passed')
		);
		expect(new Set(order).size).toBe(order.length);
	});

	it('finish() sends session time and exit, commits them, then Terminate — once (Terminate may come by a refused beacon)', () => {
		const { api, calls } = lms();
		const t = track(api);
		t.start();
		t.saveProgress(progress({ complete: true, passed: true, score: 90 }));
		const before = calls.length;
		t.finish();
		t.finish();
		t.commit();
		expect(calls.slice(before).map((c) => `${c.fn} ${c.args[0] ?? ''}`.trim())).toEqual([
			'SetValue cmi.session_time',
			'Commit',
			'Terminate'
		]);
		expect(snapshot(api)).toMatchObject({
			exit: 'suspend',
			completion_status: 'completed',
			success_status: 'passed'
		});
	});

	it('a failed attempt is completed + failed; practice mode leaves success unknown', () => {
		const failed = lms();
		play(track(failed.api), false);
		expect(snapshot(failed.api)).toMatchObject({
			completion_status: 'completed',
			success_status: 'failed',
			score: { raw: '67', scaled: '0.67' }
		});
		const practice = lms();
		play(track(practice.api, { mode: 'practice' }), false);
		const cmi = snapshot(practice.api);
		expect(cmi).toMatchObject({
			completion_status: 'completed',
			success_status: 'unknown',
			exit: 'suspend'
		});
		expect(cmi.objectives[1]).toMatchObject({
			success_status: 'unknown',
			completion_status: 'completed',
			score: { raw: '0' }
		});
		expect(errors([...failed.calls, ...practice.calls])).toEqual([]);
	});

	it('an unfinished attempt stays incomplete, unknown, suspended', () => {
		const { api, calls, t } = midAttempt();
		t.finish();
		expect(snapshot(api)).toMatchObject({
			completion_status: 'incomplete',
			success_status: 'unknown',
			exit: 'suspend',
			suspend_data: progress().suspendData
		});
		expect(errors(calls)).toEqual([]);
	});

	it('never downgrades a passed attempt on relaunch', () => {
		const held = lms({
			completion_status: 'completed',
			success_status: 'passed',
			score: { scaled: '0.9', raw: '90' }
		});
		const t = track(held.api);
		expect(t.start().finished).toBe(true);
		play(t, false);
		keptPassed(held, '90');
		expect(snapshot(held.api).suspend_data).toBe('final');
	});

	describe('relaunch after completion', () => {
		it('writes no status at launch: a fresh attempt shows nothing until the learner acts', () => {
			const { api, calls } = lms();
			const t = track(api);
			t.start();
			t.commit();
			t.finish();
			expect(sets(calls).filter((a) => /status|score/.test(String(a[0])))).toEqual([]);
			expect(snapshot(api).exit).toBe('suspend');
		});

		it("a new, empty attempt after a finished one: the learner's own finished copy is shown, and nothing written until they act", () => {
			play(track(lms().api), true); // attempt 1: passed; u1's browser copy holds "final", complete
			const { api, calls } = lms({ entry: 'ab-initio' }); // attempt 2: no data
			const t = track(api);
			expect(t.start()).toMatchObject({
				suspendData: 'final',
				finished: false,
				fromBrowserCopy: true
			});
			t.commit();
			t.finish();
			expect(
				sets(calls).filter((a) => /status|score|suspend_data|location/.test(String(a[0])))
			).toEqual([]);
			// Another learner at the same computer gets nothing of it.
			const { api: other } = lms({ learner_id: 'u2', entry: 'ab-initio' });
			expect(track(other).start().suspendData).toBe('');
		});

		it('an LMS that, like Moodle, keeps the finished status but gives no data back: the copy is shown, the record never downgraded', () => {
			play(track(lms().api), true);
			const held = lms({
				entry: 'ab-initio',
				completion_status: 'completed',
				success_status: 'passed',
				score: { scaled: '1', raw: '100' }
			});
			const t = track(held.api);
			expect(t.start()).toMatchObject({ suspendData: 'final', finished: true });
			t.saveProgress(progress({ suspendData: 'started-again', complete: false }));
			t.commit();
			t.finish();
			keptPassed(held, '100');
		});
	});

	it('an incomplete attempt the LMS has judged "failed" from a passing score is not treated as finished', () => {
		const { api } = lms({ completion_status: 'incomplete', success_status: 'failed' });
		const t = track(api);
		expect(t.start().finished).toBe(false);
		play(t, true);
		expect(snapshot(api)).toMatchObject({
			completion_status: 'completed',
			success_status: 'passed'
		});
	});

	it.each([
		['interactions', /^cmi\.interactions\./],
		['interactionDescriptions', /^cmi\.interactions\.\d+\.description$/],
		['objectives', /^cmi\.objectives\./]
	] as const)('writes nothing of that kind when %s is off', (key, pattern) => {
		const { api, calls } = lms();
		play(track(api, { [key]: false }), true);
		expect(sets(calls).filter((a) => pattern.test(String(a[0])))).toEqual([]);
		if (key === 'interactionDescriptions')
			expect(snapshot(api).interactions[0].learner_response).toBe('b');
		expect(errors(calls)).toEqual([]);
	});
});
