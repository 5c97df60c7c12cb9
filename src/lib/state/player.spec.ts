/**
 * The player against a recording tracker: what it sends, and what it leaves alone.
 */
import { beforeAll, describe, expect, it } from 'vitest';

// The learner's time zone, set before any date is made (a UK learner in British Summer Time).
process.env.TZ = 'Europe/London';
import { courseOf, exampleSource, scenarioFrom } from '../../../tests/helpers/course';
import type { Course } from '../engine/types';
import { recordingTracker } from '../../../tests/helpers/lms';
import { createPlayer, safePrefs } from './player.svelte';

let course: Course;
beforeAll(async () => {
	course = courseOf([await scenarioFrom(exampleSource())]);
});

/** A tracker that launches with the data given and records what it is given. */
const recorder = recordingTracker;

const ID = 'the-forwarded-email';

describe('player and tracker', () => {
	it('a launch where the learner does nothing saves nothing: no status on a fresh attempt, no "home" over their place', () => {
		const finished = `1|${course.contentVersion}|20260301|${ID}:ba:60`;
		for (const launch of [
			{},
			{ suspendData: finished, location: ID, finished: true },
			{ suspendData: finished, location: ID, fromBrowserCopy: true }
		]) {
			const r = recorder(launch);
			const player = createPlayer(course, r.tracker, safePrefs(undefined, ''));
			player.suspend(true); // page hidden
			player.suspend(false); // page closing
			expect(r.saves()).toEqual([]);
			expect(r.commits()).toBe(1);
		}
	});

	it('a launch where the learner acts saves, with the scenario as the place', () => {
		const r = recorder();
		const player = createPlayer(course, r.tracker, safePrefs(undefined, ''), () => 1000);
		player.enter(ID);
		player.choose(ID, 'b');
		expect(r.saves().at(-1)).toMatchObject({ location: ID, complete: false });
		expect(r.saves().at(-1)!.suspendData).toContain(`${ID}:b:`);
	});

	it('unclaimed progress (owner unknown) is used only when the learner says it is theirs, then joined to theirs', async () => {
		const copy = `1|${course.contentVersion}|20260301|${ID}:ba:60`;
		const no = recorder({ unclaimed: { suspendData: copy, savedAt: '2026-03-01T10:00:00Z' } });
		const p1 = createPlayer(course, no.tracker, safePrefs(undefined, ''));
		expect(p1.unclaimed?.suspendData).toBe(copy);
		expect(p1.progress(ID).path).toBe('');
		await p1.claim(false);
		expect(p1.unclaimed).toBeNull();
		expect(p1.progress(ID).path).toBe('');
		expect(no.claims()).toEqual([false]);
		expect(no.saves()).toEqual([]);

		const yes = recorder({
			suspendData: `1|${course.contentVersion}|-|${ID}:b:20`,
			unclaimed: { suspendData: copy, savedAt: '' }
		});
		const p2 = createPlayer(course, yes.tracker, safePrefs(undefined, ''));
		await p2.claim(true);
		expect(yes.claims()).toEqual([true]);
		expect(p2.progress(ID)).toMatchObject({ path: 'ba', secs: 80 });
		expect(yes.saves().at(-1)).toMatchObject({ complete: true });
	});

	const mid = () => `1|${course.contentVersion}|-|${ID}:b:20`;
	it.each([
		['a scenario still in progress', mid, ID, ID],
		['a finished scenario', () => `1|${course.contentVersion}|20260301|${ID}:ba:60`, ID, null],
		['home', mid, 'home', null],
		['a scenario not in this course', mid, 'no-such-scenario', null]
	])(
		'resumes where the learner was: the LMS location, when it is a scenario still in progress (%s)',
		(_, data, location, expected) => {
			const r = recorder({ suspendData: data(), location });
			expect(createPlayer(course, r.tracker, safePrefs(undefined, '')).resumeAt).toBe(expected);
		}
	);

	it("dates completion by the learner's own calendar (00:30 in British Summer Time is that day)", () => {
		{
			const player = createPlayer(course, recorder().tracker, safePrefs(undefined, ''), () =>
				Date.UTC(2026, 5, 30, 23, 30)
			);
			player.enter(ID);
			player.choose(ID, 'b');
			player.choose(ID, 'a');
			expect(player.saved.completedOn).toBe('2026-07-01');
		}
	});

	it('reviewing a finished course adds no seconds to its scenarios', () => {
		let clock = 1_000_000;
		const finished = `1|${course.contentVersion}|20260301|${ID}:ba:60`;
		const r = recorder({ suspendData: finished, finished: true });
		const player = createPlayer(course, r.tracker, safePrefs(undefined, ''), () => clock);
		player.enter(ID);
		clock += 10 * 60_000;
		player.stepShown();
		player.suspend(false);
		expect(player.progress(ID).secs).toBe(60);
		// While the course is unfinished, time counts (here the learner's first choice in it).
		const fresh = createPlayer(course, recorder().tracker, safePrefs(undefined, ''), () => clock);
		fresh.enter(ID);
		clock += 30_000;
		fresh.choose(ID, 'b');
		expect(fresh.progress(ID).secs).toBe(30);
	});

	it('progress saved by a newer format is kept: the learner is told, and nothing is saved over it or sent', () => {
		const r = recorder({ suspendData: `9|future|-|${ID}:ba:60|whatever` });
		const player = createPlayer(course, r.tracker, safePrefs(undefined, ''));
		expect(player.notices.join(' ')).toContain('newer version of this course');
		expect(player.notices.join(' ')).toContain('nothing you do in this version is saved over it');
		player.enter(ID);
		player.choose(ID, 'b');
		player.suspend(true);
		player.suspend(false);
		expect(r.saves()).toEqual([]);
		expect(r.decisions()).toEqual([]);
	});

	it("a finished course in the LMS's data that the LMS does not hold as finished is sent once (its status catches up)", () => {
		const r = recorder({ suspendData: `1|${course.contentVersion}|20260301|${ID}:ba:60` });
		const player = createPlayer(course, r.tracker, safePrefs(undefined, ''));
		player.suspend(false);
		expect(r.saves()).toHaveLength(1);
		expect(r.saves()[0]).toMatchObject({ complete: true });
	});
});
