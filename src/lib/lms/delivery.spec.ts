// The result reaches the LMS while the page is open, and every decision reaches it once
// (scorm-again as the LMS; "stored" is what a successful Commit or Terminate would keep).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RETRY_MS } from './scorm.js';
import { MESSAGES } from './status.js';
import {
	decision,
	mirror,
	NAMES_12,
	NAMES_2004,
	objectives,
	progress,
	quietLms,
	scormAgain,
	scormTracker,
	snapshot,
	statusesOf,
	type Version,
	VERSIONS
} from '../../../tests/helpers/lms.js';
import type { Tracker } from './types.js';

type Cmi = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
/** The SCORM calls by what they do, in the order of NAMES_12 and NAMES_2004. */
const KINDS = ['init', 'get', 'set', 'commit', 'finish', 'err'] as const;
type Kind = (typeof KINDS)[number];
const method = (version: Version, kind: Kind) =>
	(version === '1.2' ? NAMES_12 : NAMES_2004)[KINDS.indexOf(kind)];
/** What the LMS does with a call: answer it, refuse it ('false'), throw, or (Terminate) answer but keep nothing. */
type Rule = (
	kind: Kind,
	n: { all: number; commit: number }
) => 'ok' | 'false' | 'throw' | 'discard';

/** A strict LMS (scorm-again) that stores its data only on a successful Commit or Terminate, with a fault rule. */
function strictLms(version: Version, rule: Rule = () => 'ok', stored: Cmi | null = null) {
	const start: Cmi = stored ? JSON.parse(JSON.stringify(stored)) : {};
	const entry = stored ? 'resume' : 'ab-initio';
	if (version === '1.2') start.core = { ...start.core, entry };
	else start.entry = entry;
	const api = scormAgain(version, start) as unknown as Record<string, unknown> & { cmi: unknown };
	const lms = { api, stored: stored as Cmi | null, calls: 0, storedAt: [] as number[] };
	const n = { all: 0, commit: 0 };
	let injected = '';
	for (const kind of KINDS) {
		const name = method(version, kind);
		const real = (api[name] as (...a: unknown[]) => unknown).bind(api);
		api[name] = (...args: unknown[]) => {
			if (kind === 'err') return injected || real(...args);
			lms.calls++;
			n.all++;
			if (kind === 'commit') n.commit++;
			const what = rule(kind, n);
			injected = '';
			if (what === 'throw') throw ((injected = '101'), new Error('LMS threw'));
			if (what === 'false') return ((injected = '101'), 'false');
			const result = real(...args);
			if (
				(kind === 'commit' || (kind === 'finish' && what !== 'discard')) &&
				String(result) === 'true'
			) {
				lms.stored = snapshot(api as never);
				lms.storedAt.push(Date.now());
			}
			return result;
		};
	}
	return lms;
}

const tracker = (version: Version, api: unknown): Tracker => scormTracker(version, api);

const facts = (version: Version, cmi: Cmi | null) => {
	const c = cmi ?? {};
	return {
		status:
			version === '1.2' ? c.core?.lesson_status : `${c.completion_status}/${c.success_status}`,
		score: version === '1.2' ? c.core?.score?.raw : c.score?.raw,
		time: version === '1.2' ? c.core?.session_time : c.session_time,
		interactions: Object.values(c.interactions ?? {}).map((i) => (i as { id: string }).id)
	};
};
const FINAL = { '1.2': 'passed', '2004': 'completed/passed' };

/** Three decisions, the last one completing the course (passed, 90). */
function playCourse(t: Tracker, decisions = 3) {
	t.start();
	t.declareObjectives(objectives());
	for (let i = 1; i <= decisions; i++) {
		t.recordDecision(decision(i, true));
		t.updateObjectives(objectives([100, i > 1 ? 100 : null, i > 2 ? 100 : null]));
		const complete = i === decisions;
		t.saveProgress(
			progress({ suspendData: `s${i}`, score: complete ? 90 : 30 * i, complete, passed: complete })
		);
		t.commit();
	}
}

quietLms();
beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe.each(VERSIONS)(
	'SCORM %s: the result reaches the LMS while the page is open',
	(version) => {
		it('Commit fails twice after each success: the final status and score are stored within 15 s, and the learner is told', () => {
			// Commits 1, 2 fail, 3 works, 4, 5 fail, …: the one after the last decision fails.
			const lms = strictLms(version, (kind, n) =>
				kind === 'commit' && n.commit % 3 !== 0 ? 'false' : 'ok'
			);
			const t = tracker(version, lms.api);
			const seen = statusesOf(t);
			playCourse(t, 4);
			expect(
				facts(version, lms.stored).status,
				'the commit after the last decision failed'
			).not.toBe(FINAL[version]);
			const last = Date.now();
			vi.advanceTimersByTime(15_000);
			expect(facts(version, lms.stored)).toMatchObject({ status: FINAL[version], score: '90' });
			expect(lms.storedAt.at(-1)! - last).toBeLessThan(15_000);
			expect(lms.storedAt.at(-1)! - last).toBeLessThanOrEqual(RETRY_MS[0] + RETRY_MS[1]);
			// Told once of the problem (the later 'ok' is not shown), then that the result is not in
			// the LMS yet, then that it is.
			expect(seen.map((s) => s.kind)).toEqual(['lms-error', 'ok', 'result-pending', 'ok', 'sent']);
			expect(seen.at(-1)!.message).toBe(MESSAGES.sent);
			expect(mirror()).toMatchObject({ unsynced: false });
			expect(mirror().decisions).toBeUndefined();
			// Retries stop once it has worked.
			const calls = lms.calls;
			vi.advanceTimersByTime(60_000);
			expect(lms.calls).toBe(calls);
		});

		it('every fifth call throws: the final state is stored within 15 s, each decision once, with calls per decision near the fault-free figure', () => {
			const clean = strictLms(version);
			playCourse(tracker(version, clean.api), 6);
			const lms = strictLms(version, (kind, n) => (n.all % 5 === 0 ? 'throw' : 'ok'));
			const t = tracker(version, lms.api);
			playCourse(t, 6);
			vi.advanceTimersByTime(15_000);
			const got = facts(version, lms.stored);
			expect(got).toMatchObject({ status: FINAL[version], score: '90' });
			expect(got.interactions).toEqual([1, 2, 3, 4, 5, 6].map((i) => `leak.step-${i}`));
			expect(lms.calls, `${lms.calls} calls against ${clean.calls} fault-free`).toBeLessThan(
				clean.calls * 1.5
			);
		});

		it('a retry sends only what failed: after a failed Commit, the next try is the Commit alone', () => {
			let down = true;
			const lms = strictLms(version, (kind) => (kind === 'commit' && down ? 'false' : 'ok'));
			const t = tracker(version, lms.api);
			playCourse(t, 2);
			down = false;
			const before = lms.calls;
			// (Two failed commits so far: the next try comes after the second delay.)
			vi.advanceTimersByTime(RETRY_MS[1]);
			expect(lms.calls - before).toBe(1);
			expect(facts(version, lms.stored)).toMatchObject({
				status: FINAL[version],
				interactions: ['leak.step-1', 'leak.step-2']
			});
		});

		it('while the LMS stays down the commit is retried with back-off, capped, until it works', () => {
			let down = true;
			const commits: number[] = [];
			const lms = strictLms(version, (kind) =>
				kind === 'commit' && (commits.push(Date.now()), down) ? 'false' : 'ok'
			);
			playCourse(tracker(version, lms.api), 1);
			vi.advanceTimersByTime(120_000);
			const gaps = commits.slice(1).map((c, i) => c - commits[i]);
			expect(gaps.slice(0, 5)).toEqual(RETRY_MS);
			expect(Math.max(...gaps)).toBe(RETRY_MS.at(-1));
			down = false;
			vi.advanceTimersByTime(RETRY_MS.at(-1)!);
			expect(facts(version, lms.stored).status).toBe(FINAL[version]);
		});

		it('Terminate’s data is discarded (a refused beacon): status, score and session time were committed before it', () => {
			const lms = strictLms(version, (kind) => (kind === 'finish' ? 'discard' : 'ok'));
			const t = tracker(version, lms.api);
			playCourse(t);
			vi.advanceTimersByTime(61_000);
			t.finish();
			const got = facts(version, lms.stored);
			expect(got).toMatchObject({ status: FINAL[version], score: '90' });
			expect(got.time).toMatch(version === '1.2' ? /^0*0:01:01/ : /^PT1M1S$/);
		});

		it('an outage until the page closes: the decisions stay in the browser copy, and the next launch sends each once, in order', () => {
			let down = false;
			const first = strictLms(version, (kind) =>
				down && (kind === 'set' || kind === 'commit') ? 'false' : 'ok'
			);
			const t = tracker(version, first.api);
			t.start();
			t.recordDecision(decision(1, true));
			t.saveProgress(progress({ suspendData: 's1' }));
			t.commit();
			expect(facts(version, first.stored).interactions).toEqual(['leak.step-1']);
			down = true;
			for (let i = 2; i <= 4; i++) {
				t.recordDecision(decision(i, i !== 3));
				t.saveProgress(progress({ suspendData: `s${i}` }));
				t.commit();
			}
			vi.advanceTimersByTime(30_000);
			t.finish();
			expect(mirror().decisions?.map((d) => d.id)).toEqual([
				'leak.step-2',
				'leak.step-3',
				'leak.step-4'
			]);
			// The next launch: the LMS works.
			const second = strictLms(version, () => 'ok', first.stored);
			tracker(version, second.api).start();
			expect(facts(version, second.stored).interactions).toEqual([
				'leak.step-1',
				'leak.step-2',
				'leak.step-3',
				'leak.step-4'
			]);
			expect(second.stored?.suspend_data).toBe('s4');
			expect(mirror()).toMatchObject({ unsynced: false });
			expect(mirror().decisions).toBeUndefined();
			// And the one after sends nothing again.
			const third = strictLms(version, () => 'ok', second.stored);
			tracker(version, third.api).start();
			vi.advanceTimersByTime(30_000);
			expect(facts(version, third.stored ?? second.stored).interactions).toHaveLength(4);
		});
	}
);

describe('no decision twice', () => {
	it('SCORM 2004: a decision the LMS already holds (its commit worked, the browser never heard) goes back in its own slot', () => {
		const first = strictLms('2004');
		const t = tracker('2004', first.api);
		t.start();
		t.recordDecision(decision(1, true));
		t.saveProgress(progress({ suspendData: 's1' }));
		t.commit();
		// The browser copy as it would be had the page closed just before the commit's answer.
		const copy = mirror();
		localStorage.setItem(
			'conduct-test',
			JSON.stringify({
				...copy,
				unsynced: true,
				base: '',
				decisions: [{ ...decision(1, true), timestamp: decision(1, true).timestamp.toISOString() }]
			})
		);
		const lmsNow = { ...first.stored, suspend_data: '' };
		const second = strictLms('2004', () => 'ok', lmsNow);
		tracker('2004', second.api).start();
		expect(facts('2004', second.stored).interactions).toEqual(['leak.step-1']);
	});

	it.each(['1.2', '2004'] as const)(
		'SCORM %s: a flaky Commit never makes a second interaction for a decision',
		(version) => {
			const lms = strictLms(version, (kind, n) =>
				kind === 'commit' && n.commit % 2 ? 'false' : 'ok'
			);
			const t = tracker(version, lms.api);
			playCourse(t, 5);
			vi.advanceTimersByTime(15_000);
			t.finish();
			expect(facts(version, lms.stored).interactions).toEqual(
				[1, 2, 3, 4, 5].map((i) => `leak.step-${i}`)
			);
		}
	);

	it.each(['1.2', '2004'] as const)(
		'SCORM %s: never writes a status lower than one already committed',
		(version) => {
			const statuses: string[] = [];
			const lms = strictLms(version, (kind, n) =>
				kind === 'commit' && n.commit % 2 ? 'false' : 'ok'
			);
			const set = method(version, 'set');
			const real = lms.api[set] as (el: string, v: string) => string;
			lms.api[set] = (el: string, v: string) => (
				/lesson_status|completion_status|success_status/.test(el) && statuses.push(v),
				real(el, v)
			);
			const t = tracker(version, lms.api);
			playCourse(t, 3);
			vi.advanceTimersByTime(15_000);
			// The learner reviews and replays: a lower result afterwards must not lower the record.
			t.saveProgress(progress({ suspendData: 's9', score: 40, complete: true, passed: false }));
			t.commit();
			vi.advanceTimersByTime(15_000);
			const final = statuses.lastIndexOf('passed');
			expect(final).toBeGreaterThan(-1);
			expect(statuses.slice(final).filter((s) => s === 'failed' || s === 'incomplete')).toEqual([]);
			expect(facts(version, lms.stored).status).toBe(FINAL[version]);
		}
	);
});
