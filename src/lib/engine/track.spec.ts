// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import { courseOf, exampleSource, scenarioFrom } from '../../../tests/helpers/course';
import { objectiveRecords } from '../state/tracking';
import { courseResult } from './results';
import { deserialise, serialise } from './serialise';
import { choose, emptyState, type CourseState } from './session';
import { coursePlan, nextScenario, planTracks, roleChange } from './track';
import type { Course, Scenario } from './types';

// The example scenario: path "ba" is the recommended route (100), "ab" the worst (0).
const BEST = 'ba';
const WORST = 'ab';

let scenarios: Scenario[];
let course: Course;
beforeAll(async () => {
	const make = (id: string, audience: string) =>
		scenarioFrom(
			exampleSource()
				.replace('id: the-forwarded-email', `id: ${id}`)
				.replace('audience: councillor', `audience: ${audience}`)
		);
	scenarios = [
		await make('c-one', 'councillor'),
		await make('o-one', 'officer'),
		await make('b-one', 'both'),
		await make('c-two', 'councillor')
	];
	const declared = {
		councillor: { core: ['c-one', 'b-one'], electives: ['c-two'] },
		officer: { core: ['o-one'], electives: ['b-one'] }
	};
	course = courseOf(scenarios, { tracks: planTracks(scenarios, declared, null, null) });
});

function play(st: CourseState, id: string, path: string): CourseState {
	for (const k of path) st = choose(course, st, id, k);
	return st;
}

describe('tracks: the learner’s role sets the course', () => {
	it('a councillor completes and passes on the councillor core alone; electives and officer scenarios do not count', () => {
		let st = play(emptyState(), 'c-one', BEST);
		st = play(st, 'o-one', WORST); // outside the track: ignored
		expect(courseResult(course, st, 'councillor')).toMatchObject({
			complete: false,
			finishedCount: 1,
			score: 100
		});
		st = play(st, 'b-one', BEST);
		const r = courseResult(course, st, 'councillor');
		expect(r).toMatchObject({
			complete: true,
			passed: true,
			score: 100,
			track: 'Councillor induction',
			required: ['c-one', 'b-one'],
			electives: ['c-two']
		});
		// The same progress is not a complete course for an officer (their core is o-one, done badly).
		expect(courseResult(course, st, 'officer')).toMatchObject({
			complete: true,
			passed: false,
			score: 0,
			track: 'Officer refresher'
		});
		// No role yet: every scenario is required, as for a trainer.
		expect(courseResult(course, st, '')).toMatchObject({
			complete: false,
			finishedCount: 3,
			track: ''
		});
	});

	it('a finished elective is reported per scenario but never moves the score', () => {
		let st = play(play(emptyState(), 'c-one', BEST), 'b-one', BEST);
		const before = courseResult(course, st, 'councillor');
		st = play(st, 'c-two', WORST);
		const after = courseResult(course, st, 'councillor');
		expect(after.score).toBe(before.score);
		expect(after.scenarios.find((s) => s.id === 'c-two')).toMatchObject({
			finished: true,
			score: 0
		});
	});

	it('a package built for one audience fixes the role, whatever the saved state says', () => {
		const officers = { ...course, audience: 'officer' as const };
		expect(coursePlan(officers, 'councillor').label).toBe('Officer refresher');
		expect(roleChange(officers, emptyState(), 'officer', 'councillor')).toBe('fixed');
	});

	it('the role changes freely before the first decision, only with confirmation after it', () => {
		expect(roleChange(course, emptyState(), '', 'councillor')).toBe('free');
		expect(roleChange(course, emptyState(), 'councillor', 'officer')).toBe('free');
		const st = choose(course, emptyState(), 'c-one', 'a');
		expect(roleChange(course, st, 'councillor', 'officer')).toBe('confirm');
		expect(roleChange(course, st, 'councillor', 'councillor')).toBe('same');
		// Choosing a seat for the first time after playing is not a change.
		expect(roleChange(course, st, '', 'officer')).toBe('free');
	});

	it('"Next scenario" stays within the track: core first, then electives, never the other audience', () => {
		const plan = coursePlan(course, 'councillor');
		const none = () => false;
		expect(nextScenario(plan, 'c-one', none)?.id).toBe('b-one');
		expect(nextScenario(plan, 'b-one', (id) => id === 'c-one')?.id).toBe('c-two');
		expect(nextScenario(plan, 'b-one', (id) => id !== 'o-one')).toBeUndefined();
		const officer = coursePlan(course, 'officer');
		expect(nextScenario(officer, 'o-one', none)?.id).toBe('b-one');
		expect(nextScenario(officer, 'b-one', (id) => id === 'o-one')).toBeUndefined();
	});

	it('planTracks: a --core option overrides tracks.yaml; a selection without one makes the whole track core', () => {
		const declared = {
			councillor: { core: ['c-one'], electives: ['b-one', 'c-two'] },
			officer: { core: ['o-one'], electives: ['b-one'] }
		};
		expect(planTracks(scenarios, declared, ['b-one'], null)).toEqual({
			councillor: { core: ['b-one'], electives: ['c-one', 'c-two'] },
			officer: { core: ['b-one'], electives: ['o-one'] }
		});
		expect(planTracks(scenarios.slice(0, 2), declared, null, ['c-one', 'o-one'])).toEqual({
			councillor: { core: ['c-one'], electives: [] },
			officer: { core: ['o-one'], electives: [] }
		});
		expect(planTracks(scenarios, null, null, null).councillor).toEqual({
			core: ['c-one', 'b-one', 'c-two'],
			electives: []
		});
	});

	it('the role is kept in the saved state in two characters, and read back', () => {
		const st = play(emptyState(), 'c-one', 'a');
		const text = serialise(course, { ...st, completedOn: null, role: 'officer' });
		expect(text).toBe('1|test0001|-|~o|c-one:a:0');
		expect(deserialise(course, text)).toEqual({
			state: { ...st, completedOn: null, role: 'officer' },
			notices: []
		});
		expect(deserialise(course, '1|test0001|-|~a').state.role).toBe('all');
		expect(deserialise(course, '1|test0001|-').state.role).toBeUndefined();
	});

	it('the LMS gets a track objective, with the course score, once the track is complete', () => {
		let st = play(emptyState(), 'o-one', BEST);
		const officer = objectiveRecords(course, courseResult(course, st, 'officer'), 'officer');
		expect(officer.at(-1)).toEqual({
			id: 'track_officer',
			score: 100,
			attempted: true,
			passed: true,
			description: 'Officer refresher'
		});
		st = play(emptyState(), 'c-one', BEST);
		const partway = objectiveRecords(course, courseResult(course, st, 'councillor'), 'councillor');
		expect(partway.at(-1)).toMatchObject({ id: 'track_councillor', attempted: false });
		expect(
			objectiveRecords(course, courseResult(course, st, 'all'), 'all').some((o) =>
				o.id.startsWith('track_')
			)
		).toBe(false);
	});
});
