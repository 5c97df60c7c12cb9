// @vitest-environment node
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { courseOf, exampleSource, scenarioFrom } from '../../../tests/helpers/course';
import type { Course } from './types';
import {
	back,
	choose,
	emptyState,
	positionOf,
	progressOf,
	routesTried,
	routesToReview,
	statusOf,
	walk,
	EngineError,
	type CourseState
} from './session';
import { courseResult, scenarioResult } from './results';

let course: Course;
let practice: Course;
beforeAll(async () => {
	const s = await scenarioFrom(exampleSource());
	course = courseOf([s]);
	practice = courseOf([s], { mode: 'practice' });
});

describe('choose', () => {
	it('moves the learner along the branch they pick, to an ending', () => {
		let st = emptyState();
		expect(positionOf(course, st, 'the-forwarded-email').id).toBe('start');
		st = choose(course, st, 'the-forwarded-email', 'b');
		expect(positionOf(course, st, 'the-forwarded-email').id).toBe('after-the-meeting');
		st = choose(course, st, 'the-forwarded-email', 'a');
		const node = positionOf(course, st, 'the-forwarded-email');
		expect(node.kind).toBe('ending');
		expect(node.id).toBe('handled-well');
		expect(statusOf(course, st, 'the-forwarded-email')).toBe('finished');
	});

	it('refuses a letter the step does not have, and choices after the ending', () => {
		const st = emptyState();
		expect(() => choose(course, st, 'the-forwarded-email', 'z')).toThrow(EngineError);
		const done = choose(
			course,
			choose(course, st, 'the-forwarded-email', 'b'),
			'the-forwarded-email',
			'a'
		);
		expect(() => choose(course, done, 'the-forwarded-email', 'a')).toThrow(/already finished/);
	});

	it('does not change the state it is given', () => {
		const st = emptyState();
		choose(course, st, 'the-forwarded-email', 'a');
		expect(st).toEqual(emptyState());
	});
});

describe('scores', () => {
	it('gives 100% for the recommended route and less for a poor one', () => {
		const s = course.scenarios[0];
		expect(scenarioResult(s, 'ba').score).toBe(100);
		expect(scenarioResult(s, 'ab').score).toBe(0);
		expect(scenarioResult(s, 'aa').score).toBe(50);
	});

	it('tallies each principle between the worst and best available', () => {
		const r = scenarioResult(course.scenarios[0], 'bb');
		expect(r.principles['confidentiality.no-disclosure']).toEqual({
			earned: 0,
			best: 3,
			worst: -4,
			decisions: 2
		});
	});

	it('passes the course only when every scenario is finished at or above the pass mark', () => {
		let st: CourseState = choose(course, emptyState(), 'the-forwarded-email', 'b');
		expect(courseResult(course, st).complete).toBe(false);
		st = choose(course, st, 'the-forwarded-email', 'a');
		const r = courseResult(course, st);
		expect(r).toMatchObject({ complete: true, passed: true, score: 100 });
		expect(courseResult(practice, st).passed).toBe(false);
	});
});

describe('back (practice mode)', () => {
	it('is refused in assessed mode', () => {
		const st = choose(course, emptyState(), 'the-forwarded-email', 'a');
		expect(() => back(course, st, 'the-forwarded-email')).toThrow(/only allowed in practice/);
	});

	it('undoes the last choice and keeps the undone route for the debrief', () => {
		let st = choose(practice, emptyState(), 'the-forwarded-email', 'a');
		st = choose(practice, st, 'the-forwarded-email', 'b');
		st = back(practice, st, 'the-forwarded-email');
		st = back(practice, st, 'the-forwarded-email');
		expect(progressOf(st, 'the-forwarded-email').path).toBe('');
		st = choose(practice, st, 'the-forwarded-email', 'b');
		expect(routesTried(progressOf(st, 'the-forwarded-email'))).toEqual(['ab', 'b']);
		expect(() =>
			back(practice, back(practice, st, 'the-forwarded-email'), 'the-forwarded-email')
		).toThrow(/first step/);
	});

	it('restores exactly the earlier score, path and position over random walks', () => {
		const s = practice.scenarios[0];
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 12 }),
				fc.integer({ min: 1, max: 4 }),
				(picks, undo) => {
					let st = emptyState();
					const snapshots: { path: string; score: number | null; pos: string }[] = [];
					for (const pick of picks) {
						const node = positionOf(practice, st, s.id);
						if (node.kind !== 'step') break;
						snapshots.push({
							path: progressOf(st, s.id).path,
							score: scenarioResult(s, progressOf(st, s.id).path).score,
							pos: node.id
						});
						st = choose(practice, st, s.id, node.choices[pick % node.choices.length].key);
					}
					for (let i = 0; i < undo && snapshots.length; i++) {
						st = back(practice, st, s.id);
						const want = snapshots.pop()!;
						const path = progressOf(st, s.id).path;
						expect(path).toBe(want.path);
						expect(positionOf(practice, st, s.id).id).toBe(want.pos);
						expect(scenarioResult(s, path).score).toBe(want.score);
						expect(walk(s, path).decisions.length).toBe(path.length);
					}
				}
			)
		);
	});
});

describe('routesToReview (the debrief)', () => {
	it('in practice mode replays every route tried, the current one last, each to where it stopped', () => {
		const s = practice.scenarios[0];
		let st = choose(practice, emptyState(), s.id, 'a');
		st = choose(practice, st, s.id, 'b');
		st = back(practice, back(practice, st, s.id), s.id);
		st = choose(practice, st, s.id, 'b');
		const routes = routesToReview(s, progressOf(st, s.id), 'practice');
		expect(routes.map((r) => r.path)).toEqual(['ab', 'b']);
		expect(routes.map((r) => r.decisions.map((d) => `${d.step.id}:${d.choice.key}`))).toEqual([
			['start:a', `${walk(s, 'a').node.id}:b`],
			['start:b']
		]);
		expect(routes[0].node.kind).toBe('ending');
		expect(routes[1].node.id).toBe('after-the-meeting');
	});

	it('in assessed mode replays the current route only, and the first step before any choice', () => {
		const s = course.scenarios[0];
		const p = { path: 'ba', tries: ['ab'], secs: 0 };
		const [only, ...rest] = routesToReview(s, p, 'assessed');
		expect(rest).toEqual([]);
		expect(only.path).toBe('ba');
		expect(only.node.id).toBe('handled-well');
		const none = routesToReview(s, progressOf(emptyState(), s.id), 'assessed');
		expect(none.map((r) => [r.path, r.node.id, r.decisions.length])).toEqual([['', 'start', 0]]);
	});
});
