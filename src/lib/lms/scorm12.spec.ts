// SCORM 1.2 tracker against scorm-again (strict types and formats): its error codes are the check.
import { describe, expect, it, vi } from 'vitest';
import {
	decision,
	NAMES_12,
	objectives,
	play,
	progress,
	scormSpec,
	sets,
	snapshot,
	statusesOf
} from '../../../tests/helpers/lms.js';

type Json = Record<string, unknown>;
const { lms, track, midAttempt, warned } = scormSpec('1.2');

describe('SCORM 1.2 tracker', () => {
	it('records a whole passed attempt, with no LMS error at all', () => {
		const { api, calls } = lms({ student_data: { mastery_score: '80' } });
		const t = track(api);
		const statuses = statusesOf(t);
		play(t, true);
		const cmi = snapshot(api);
		expect(cmi.core).toMatchObject({
			lesson_status: 'passed',
			exit: '',
			lesson_location: 'leak',
			score: { raw: '100', min: '0', max: '100' }
		});
		expect(cmi.core.session_time).toMatch(/^\d{2,4}:\d\d:\d\d(\.\d\d)?$/);
		expect(cmi.suspend_data).toBe('final');
		expect(Object.values(cmi.objectives).map((o) => (o as Json).id)).toEqual(
			objectives().map((o) => o.id)
		);
		expect(cmi.objectives[0]).toMatchObject({ status: 'passed', score: { raw: '100' } });

		expect(calls.filter((c) => c.code !== '0')).toEqual([]);
		expect(warned()).not.toHaveBeenCalled();
		expect(statuses).toEqual([]);
		const order = sets(calls).map((a) => `${a[0]}=${a[1]}`);
		expect(order.indexOf('cmi.core.score.raw=100')).toBeLessThan(
			order.indexOf('cmi.core.lesson_status=passed')
		);
		expect(new Set(order).size).toBe(order.length); // no value sent twice
		expect(calls.filter((c) => c.fn === 'LMSFinish')).toHaveLength(1);
		expect(calls.at(-1)!.fn).toBe('LMSFinish');
	});

	it('records a failed attempt as failed, and practice mode as completed', () => {
		const failed = lms();
		play(track(failed.api), false);
		expect(snapshot(failed.api).core).toMatchObject({
			lesson_status: 'failed',
			exit: '',
			score: { raw: '67' }
		});
		expect(snapshot(failed.api).objectives[1]).toMatchObject({
			status: 'failed',
			score: { raw: '0' }
		});

		const practice = lms();
		play(track(practice.api, { mode: 'practice' }), false);
		expect(snapshot(practice.api).core.lesson_status).toBe('completed');
		expect(snapshot(practice.api).objectives[1].status).toBe('completed');
		expect([...failed.calls, ...practice.calls].filter((c) => c.code !== '0')).toEqual([]);
	});

	it('leaves an unfinished attempt incomplete and suspended', () => {
		const { api, calls } = lms();
		const t = track(api);
		t.start();
		t.recordDecision(decision(1, true));
		t.saveProgress(progress());
		t.finish();
		t.finish();
		expect(snapshot(api).core).toMatchObject({ lesson_status: 'incomplete', exit: 'suspend' });
		expect(snapshot(api).suspend_data).toBe(progress().suspendData);
		expect(calls.filter((c) => c.fn === 'LMSFinish')).toHaveLength(1);
		expect(calls.filter((c) => c.code !== '0')).toEqual([]);
	});

	it('never downgrades a passed attempt on relaunch', () => {
		const { api, calls } = lms({
			core: { lesson_status: 'passed', score: { raw: '90' } },
			suspend_data: 'done',
			objectives: {
				0: { id: 'confidentiality.no-disclosure', status: 'passed', score: { raw: '100' } }
			}
		});
		const t = track(api);
		play(t, false);
		expect(t.start()).toMatchObject({ finished: true, suspendData: 'done' });
		const cmi = snapshot(api);
		expect(cmi.core).toMatchObject({ lesson_status: 'passed', exit: '', score: { raw: '90' } });
		expect(cmi.objectives[0]).toMatchObject({ status: 'passed', score: { raw: '100' } });
		expect(cmi.suspend_data).toBe('final');
		expect(sets(calls).filter((a) => String(a[0]).startsWith('cmi.core.lesson_status'))).toEqual(
			[]
		);
		expect(sets(calls).some((a) => a[0] === 'cmi.core.exit' && a[1] === 'suspend')).toBe(false);
	});

	it("a new attempt after a finished one (no data, 'not attempted'): the learner's own finished copy is shown; no status written until they act", () => {
		play(track(lms().api), true);
		const { api, calls } = lms({ core: { entry: 'ab-initio', lesson_status: 'not attempted' } });
		const t = track(api);
		expect(t.start()).toMatchObject({ suspendData: 'final', finished: false });
		t.commit();
		t.finish();
		expect(
			sets(calls).filter((a) => /status|score|suspend_data|lesson_location/.test(String(a[0])))
		).toEqual([]);
		expect(snapshot(api).core.lesson_status).toBe('not attempted');
	});

	it('reviewing an attempt the LMS holds as finished adds no time (session_time zero)', () => {
		let clock = 1_700_000_000_000;
		vi.spyOn(Date, 'now').mockImplementation(() => clock);
		const { api } = lms({
			core: { lesson_status: 'passed', score: { raw: '88' } },
			suspend_data: 'final'
		});
		const t = track(api);
		t.start();
		clock += 15 * 60_000; // a quarter of an hour looking at the results
		t.finish();
		expect(snapshot(api).core.session_time).toMatch(/^0+:00:00(\.0+)?$/);
		// An unfinished attempt counts its time.
		const { api: working } = lms();
		const w = track(working);
		w.start();
		clock += 15 * 60_000;
		w.finish();
		expect(snapshot(working).core.session_time).toMatch(/^0+:15:00/);
	});

	it('raises a failed attempt to passed when the learner passes on relaunch', () => {
		const { api } = lms({ core: { lesson_status: 'failed', score: { raw: '40' } } });
		play(track(api), true);
		expect(snapshot(api).core).toMatchObject({ lesson_status: 'passed', score: { raw: '100' } });
		expect(snapshot(api).objectives[0].status).toBe('passed');
	});

	it.each([
		['interactions', 'cmi.interactions.'],
		['objectives', 'cmi.objectives.']
	] as const)('writes no %s when that switch is off', (key, prefix) => {
		const { api, calls } = lms();
		play(track(api, { [key]: false }), true);
		expect(sets(calls).filter((a) => String(a[0]).startsWith(prefix))).toEqual([]);
		expect(Object.keys(snapshot(api)[key])).toEqual([]);
	});

	it('skips optional elements the LMS does not list in _children', () => {
		const { api, calls } = lms();
		const get = api.LMSGetValue;
		api.LMSGetValue = (el: string) => (el.endsWith('._children') ? '' : get(el));
		play(track(api), true);
		expect(
			sets(calls).filter((a) => /interactions|objectives|score\.m/.test(String(a[0])))
		).toEqual([]);
		expect(snapshot(api).core.score.raw).toBe('100');
		expect(calls.filter((c) => c.code !== '0')).toEqual([]);
	});

	it('commits only when something changed and never resends an unchanged value (slow LMS)', () => {
		const { calls, t } = midAttempt();
		t.commit();
		const before = calls.length;
		t.saveProgress(progress());
		t.commit();
		t.commit();
		expect(calls.length).toBe(before);
	});

	it('copes with a slow LMS (2 s a call): same result, a small call budget, correct session time', () => {
		const { api, calls } = lms();
		let clock = 1_700_000_000_000;
		vi.spyOn(Date, 'now').mockImplementation(() => clock);
		for (const name of NAMES_12) {
			const f = (api as unknown as Record<string, (...a: unknown[]) => unknown>)[name];
			(api as unknown as Record<string, unknown>)[name] = (...a: unknown[]) => (
				(clock += 2000),
				f(...a)
			);
		}
		play(track(api), true);
		expect(snapshot(api).core.lesson_status).toBe('passed');
		expect(calls.length).toBeLessThanOrEqual(65); // 3 decisions, 3 objectives, whole attempt
		const [h, m] = snapshot(api).core.session_time.split(':').map(Number);
		expect(h * 60 + m).toBeGreaterThanOrEqual(2);
	});
});
