/**
 * What reaches the tracker from the player, choice by choice (a recording tracker): the decision
 * recorded, the save and its commit, a practice route reported once, the LMS's mastery score over
 * the package's pass mark, and what the learner is told when the LMS has trouble.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { courseOf, exampleSource, scenarioFrom } from '../../../tests/helpers/course';
import { fakeApi, options, recordingTracker } from '../../../tests/helpers/lms';
import type { Course } from '../engine/types';
import { createScorm2004Tracker } from '../lms/scorm2004';
import { MESSAGES } from '../lms/status';
import type { LaunchData } from '../lms/types';
import { createPlayer, safePrefs } from './player.svelte';

const ID = 'the-forwarded-email';
/** What an assessed choice sends, in order. */
const CHOICE = ['recordDecision', 'updateObjectives', 'saveProgress', 'commit'];
let course: Course;
beforeAll(async () => {
	course = courseOf([await scenarioFrom(exampleSource())]);
});
beforeEach(() => localStorage.clear());
afterEach(() => vi.restoreAllMocks());

/** A player over a recording tracker, on a clock the test moves (`wait`). */
function launch(data: Partial<LaunchData> = {}, over: Partial<Course> = {}) {
	const r = recordingTracker(data);
	let clock = 1_700_000_000_000;
	const player = createPlayer(
		{ ...course, ...over },
		r.tracker,
		safePrefs(undefined, ''),
		() => clock
	);
	return { r, player, wait: (ms: number) => void (clock += ms) };
}

describe('what reaches the tracker per choice', () => {
	it('assessed: each choice records its decision with its latency, then saves and commits, in that order', () => {
		const { r, player, wait } = launch();
		expect(r.names()).toEqual(['declareObjectives']);
		player.enter(ID);
		wait(4000);
		player.choose(ID, 'b');
		expect(r.names()).toEqual(['declareObjectives', ...CHOICE]);
		player.stepShown();
		wait(2500);
		player.choose(ID, 'a');
		expect(r.names()).toEqual(['declareObjectives', ...CHOICE, ...CHOICE]);
		expect(r.decisions().map((d) => [d.id, d.response, d.correct, d.latencyMs])).toEqual([
			[`${ID}_start`, 'b', true, 4000],
			[`${ID}_after-the-meeting`, 'a', true, 2500]
		]);
		expect(r.saves().map((p) => [p.location, p.complete, p.passed])).toEqual([
			[ID, false, false],
			[ID, true, true]
		]);
		expect(r.saves()[1].suspendData).toContain(`${ID}:ba:`);
	});

	it('practice: nothing until the scenario ends, then the route once with no latency; a replay sends no more', () => {
		const { r, player, wait } = launch({}, { mode: 'practice' });
		player.enter(ID);
		wait(4000);
		player.choose(ID, 'b');
		expect(r.decisions()).toEqual([]);
		expect(r.names().slice(-2)).toEqual(['saveProgress', 'commit']);
		wait(3000);
		player.choose(ID, 'a');
		expect(r.decisions().map((d) => [d.id, d.response, d.latencyMs])).toEqual([
			[`${ID}_start`, 'b', 0],
			[`${ID}_after-the-meeting`, 'a', 0]
		]);
		// The learner goes back and tries the other answer: saved, not reported again.
		player.back(ID);
		player.choose(ID, 'b');
		expect(r.decisions()).toHaveLength(2);
		expect(r.saves().at(-1)!.suspendData).toContain(`${ID}:bb:`);
		expect(r.commits()).toBe(4);
	});

	it('practice: a scenario finished in an earlier session is not reported again', () => {
		const done = `1|${course.contentVersion}|20260301|${ID}:ba:60`;
		const { r, player } = launch({ suspendData: done, finished: true }, { mode: 'practice' });
		player.enter(ID);
		player.back(ID);
		player.choose(ID, 'b');
		expect(r.decisions()).toEqual([]);
		expect(r.saves().at(-1)!.suspendData).toContain(`${ID}:bb:`);
	});

	it("the LMS's mastery score decides pass or fail over the package's pass mark (assessed only)", () => {
		const route = (data: Partial<LaunchData>, over: Partial<Course> = {}) => {
			const { r, player } = launch(data, over);
			player.enter(ID);
			player.choose(ID, 'a');
			player.choose(ID, 'a');
			return { save: r.saves().at(-1)!, passMark: player.course.passMark };
		};
		const own = route({});
		expect(own).toMatchObject({
			passMark: course.passMark,
			save: { complete: true, passed: false }
		});
		const score = own.save.score;
		expect(score).toBeGreaterThan(0);
		expect(score).toBeLessThan(course.passMark);
		expect(route({ masteryScore: score })).toMatchObject({
			passMark: score,
			save: { passed: true }
		});
		expect(route({ masteryScore: score + 1 }).save.passed).toBe(false);
		// Practice mode has no pass mark to override: the LMS's is not taken.
		expect(route({ masteryScore: score }, { mode: 'practice' }).passMark).toBe(course.passMark);
	});
});

describe('what the learner is told', () => {
	it("shows the tracker's status as it changes (an LMS problem, then its recovery)", () => {
		const { r, player } = launch();
		expect(player.status.kind).toBe('ok');
		r.emit({ kind: 'lms-error', message: MESSAGES.lmsError });
		expect(player.status).toEqual({ kind: 'lms-error', message: MESSAGES.lmsError });
		r.emit({ kind: 'ok', message: MESSAGES.ok });
		expect(player.status).toEqual({ kind: 'ok', message: MESSAGES.ok });
	});

	it('an LMS that refuses to save: the learner is told after the choice, then that their result has reached it', () => {
		vi.spyOn(console, 'warn').mockImplementation(() => {});
		let down = false;
		const api = fakeApi('2004', {
			SetValue: (el, v) => (down ? 'false' : (api.data.set(el, v), 'true')),
			GetLastError: () => (down ? '351' : '0')
		});
		const tracker = createScorm2004Tracker(api, window, options({ version: 'scorm2004' }))!;
		const player = createPlayer(course, tracker, safePrefs(undefined, ''));
		player.enter(ID);
		down = true;
		player.choose(ID, 'b');
		expect(player.status).toEqual({ kind: 'lms-error', message: MESSAGES.lmsError });
		down = false;
		player.choose(ID, 'a');
		expect(player.status).toEqual({ kind: 'sent', message: MESSAGES.sent });
		expect(api.data.get('cmi.suspend_data')).toContain(`${ID}:ba:`);
	});

	it('unreadable saved progress: the learner is told, and the fresh start is saved at once', () => {
		const { r, player } = launch({ suspendData: 'not progress at all' });
		expect(player.notices.join(' ')).toMatch(/could not be read/);
		expect(r.names()).toEqual(['declareObjectives', 'updateObjectives', 'saveProgress', 'commit']);
		expect(r.saves()[0]).toMatchObject({ location: 'home', complete: false });
		player.dismissNotices();
		expect(player.notices).toEqual([]);
	});
});
