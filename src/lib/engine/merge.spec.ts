import { beforeAll, describe, expect, it } from 'vitest';
import { courseOf, exampleSource, scenarioFrom } from '../../../tests/helpers/course';
import { mergeSaved } from './merge';
import type { SavedState } from './serialise';
import type { Course } from './types';

let course: Course;
const ID = 'the-forwarded-email';
beforeAll(async () => {
	course = courseOf([await scenarioFrom(exampleSource())]);
});
const state = (
	path: string,
	secs: number,
	completedOn: string | null = null,
	tries: string[] = []
): SavedState => ({
	progress: { [ID]: { path, tries, secs } },
	completedOn
});

describe('mergeSaved (a claimed browser copy joined to the LMS progress)', () => {
	it('keeps the route that got further, adds the time spent in both, and the earlier completion date', () => {
		// The LMS has one decision; the claimed copy finished the scenario ("ba" ends it).
		expect(mergeSaved(course, state('b', 30), state('ba', 50, '2026-03-04'))).toEqual(
			state('ba', 80, '2026-03-04')
		);
		// The LMS finished it; the copy only started it again: the finished route stays.
		expect(mergeSaved(course, state('ba', 60, '2026-03-01'), state('a', 10, '2026-03-04'))).toEqual(
			state('ba', 70, '2026-03-01')
		);
	});
	it('adds scenarios only the copy has, and leaves the LMS progress alone where the copy has none', () => {
		expect(mergeSaved(course, { progress: {}, completedOn: null }, state('b', 5))).toEqual(
			state('b', 5)
		);
		expect(mergeSaved(course, state('b', 5), { progress: {}, completedOn: null })).toEqual(
			state('b', 5)
		);
	});
});
