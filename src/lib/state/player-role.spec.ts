/**
 * The learner's role in the player: saved with the progress (so the LMS keeps it), it sets the
 * course, and after the first decision it changes only when the learner confirms.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { courseOf, exampleSource, scenarioFrom } from '../../../tests/helpers/course';
import { options } from '../../../tests/helpers/lms';
import { createLocalTracker } from '$lib/lms/local';
import { planTracks } from '$lib/engine/track';
import type { Course } from '$lib/engine/types';
import { createPlayer, safePrefs } from './player.svelte';

let course: Course;

beforeEach(async () => {
	localStorage.clear();
	const make = (id: string, audience: string) =>
		scenarioFrom(
			exampleSource()
				.replace('id: the-forwarded-email', `id: ${id}`)
				.replace('audience: councillor', `audience: ${audience}`)
		);
	const scenarios = [await make('c-one', 'councillor'), await make('o-one', 'officer')];
	course = courseOf(scenarios, { tracks: planTracks(scenarios, null, null, null) });
});

const start = () =>
	createPlayer(
		course,
		createLocalTracker(window, options({ passMark: 80, storageKey: 'roles' })),
		safePrefs(window, 'p:'),
		() => Date.UTC(2026, 11, 1, 10)
	);

describe('the player and the learner’s role', () => {
	it('keeps the role in the saved progress, so a new launch (any browser with the same LMS data) has it', () => {
		const player = start();
		expect(player.role).toBe('');
		expect(player.setRole('officer')).toBe(true);
		expect(player.plan.required.map((s) => s.id)).toEqual(['o-one']);
		// Only the module's copy of progress is left (no other preference): the role comes back from it.
		for (const k of Object.keys(localStorage)) if (k.startsWith('p:')) localStorage.removeItem(k);
		expect(start().role).toBe('officer');
	});

	it('needs confirmation to change the role after a decision, and the score then covers the new track', () => {
		const player = start();
		player.setRole('councillor');
		player.choose('c-one', 'b');
		player.choose('c-one', 'a');
		expect(player.result).toMatchObject({
			complete: true,
			passed: true,
			track: 'Councillor induction'
		});
		expect(player.saved.completedOn).toBe('2026-12-01');
		expect(player.roleChange('officer')).toBe('confirm');
		expect(player.setRole('officer')).toBe(false);
		expect(player.role).toBe('councillor');
		expect(player.setRole('officer', true)).toBe(true);
		expect(player.result).toMatchObject({
			complete: false,
			finishedCount: 0,
			track: 'Officer refresher'
		});
		// The officer course has its own completion date, once it is complete.
		expect(player.saved.completedOn).toBeNull();
		expect(player.nextAfter('c-one')?.id).toBe('o-one');
	});
});
