// @vitest-environment node
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { courseOf, exampleSource, scenarioFrom } from '../../../tests/helpers/course';
import type { Course } from './types';
import { deserialise, serialise, type SavedState } from './serialise';
import { choose, emptyState, back } from './session';

let course: Course;
let practice: Course;
beforeAll(async () => {
	const a = await scenarioFrom(exampleSource());
	const b = await scenarioFrom(
		exampleSource().replace('id: the-forwarded-email', 'id: second-one')
	);
	course = courseOf([a, b]);
	practice = courseOf([a, b], { mode: 'practice' });
});

const saved = (
	st: { progress: SavedState['progress'] },
	completedOn: string | null = null
): SavedState => ({ ...st, completedOn });

describe('serialise / deserialise', () => {
	it('round-trips progress, time, tries and the completion date compactly', () => {
		let st = choose(practice, emptyState(), 'the-forwarded-email', 'a');
		st = back(practice, st, 'the-forwarded-email');
		st = choose(practice, st, 'the-forwarded-email', 'b');
		st.progress['the-forwarded-email'].secs = 75;
		st = choose(practice, st, 'second-one', 'b');
		const text = serialise(practice, saved(st, '2026-12-01'));
		expect(text).toBe('1|test0001|20261201|the-forwarded-email:b:75:a|second-one:b:0');
		const back2 = deserialise(practice, text);
		expect(back2.notices).toEqual([]);
		expect(back2.state).toEqual(saved(st, '2026-12-01'));
	});

	it("keeps each scenario's version with its progress, and restarts only a scenario whose content changed, with a message", () => {
		const v1: Course = {
			...course,
			scenarioVersions: { 'the-forwarded-email': 'aaaa', 'second-one': 'bbbb' }
		};
		let st = choose(v1, emptyState(), 'the-forwarded-email', 'b');
		st = choose(v1, st, 'second-one', 'b');
		const text = serialise(v1, saved(st));
		expect(text).toBe('1|test0001|-|the-forwarded-email:b:0::aaaa|second-one:b:0::bbbb');
		expect(deserialise(v1, text)).toEqual({ state: saved(st), notices: [] });
		// Rebuilt: "second-one" has new words or scores, though its letters still walk.
		const v2: Course = {
			...v1,
			contentVersion: 'test0002',
			scenarioVersions: { 'the-forwarded-email': 'aaaa', 'second-one': 'cccc' }
		};
		const r = deserialise(v2, text);
		expect(r.state.progress['the-forwarded-email'].path).toBe('b');
		expect(r.state.progress['second-one'].path).toBe('');
		expect(r.notices).toEqual([
			`"${v2.scenarios[1].title}" has changed since you last saved, so that scenario starts again from its beginning. Your other progress is kept.`
		]);
		// A reader without versions (an older build) ignores the extra field.
		expect(deserialise(course, text).notices).toEqual([]);
	});

	it('starts afresh with one plain message for garbage or truncated text, and never throws', () => {
		for (const bad of ['{"not":"ours"}', 'garbage', '%%%']) {
			const r = deserialise(course, bad);
			expect(r.state.progress).toEqual({});
			expect(r.notices).toEqual([
				'Your saved progress could not be read, so the course starts from the beginning.'
			]);
		}
		fc.assert(
			fc.property(fc.string({ maxLength: 300 }), (s) => {
				const r = deserialise(course, s);
				expect(typeof serialise(course, r.state)).toBe('string');
			})
		);
	});

	it('keeps what it can from a truncated save', () => {
		const full = serialise(
			course,
			saved(
				choose(course, choose(course, emptyState(), 'the-forwarded-email', 'b'), 'second-one', 'a')
			)
		);
		const cut = full.slice(0, full.length - 3);
		const r = deserialise(course, cut);
		expect(r.state.progress['the-forwarded-email'].path).toBe('b');
	});

	it('restarts only a scenario whose saved route no longer exists, with a message naming it', () => {
		const r = deserialise(course, '1|oldvers1|-|the-forwarded-email:bz:30|second-one:a:10');
		expect(r.state.progress['the-forwarded-email']).toEqual({ path: '', tries: [], secs: 30 });
		expect(r.state.progress['second-one'].path).toBe('a');
		expect(r.notices).toEqual([
			'"The forwarded email" has changed since you last saved, so that scenario starts again from its beginning. Your other progress is kept.'
		]);
	});

	it('sets aside progress for a scenario that was removed from the course', () => {
		const r = deserialise(course, '1|test0001|-|gone-scenario:ab:3|second-one:a:1');
		expect(Object.keys(r.state.progress)).toEqual(['second-one']);
		expect(r.notices[0]).toContain('"gone-scenario"');
	});

	it('explains a save from a newer or older format instead of misreading it', () => {
		expect(deserialise(course, '9|x|-|second-one:a:1').notices[0]).toContain('newer version');
		expect(deserialise(course, '9|x|-|second-one:a:1').newer).toBe(true);
		expect(deserialise(course, '1|x|-|second-one:a:1').newer).toBeUndefined();
		expect(deserialise(course, '0|x|-|second-one:a:1').notices[0]).toContain('older version');
	});

	it('restarts, with a message, a scenario whose saved item was cut short (an LMS truncating suspend_data)', () => {
		const full = '1|test0001|-|second-one:a:10|the-forwarded-email:b:75';
		const r = deserialise(course, full.slice(0, -4)); // "…|the-forwarded-email:b"
		expect(r.state.progress['second-one'].path).toBe('a');
		expect(r.state.progress['the-forwarded-email']).toEqual({ path: '', tries: [], secs: 0 });
		expect(r.notices).toEqual([
			'Your saved progress in "The forwarded email" was cut short, so that scenario starts again from its beginning. Your other progress is kept.'
		]);
		// Cut inside the id: nothing to match, a general message, the rest kept.
		const cut = deserialise(course, full.slice(0, -20));
		expect(cut.state.progress['second-one'].path).toBe('a');
		expect(cut.notices).toEqual([
			'Part of your saved progress could not be read and was set aside. Your other progress is kept.'
		]);
	});

	it('never repeats junk from the saved text to the learner, and checks the completion date', () => {
		const junk = '<img src=x onerror=alert(1)>'.repeat(20);
		const r = deserialise(course, `1|x|20261399|${junk}:a:1|second-one:a:1`);
		expect(r.notices).toEqual([
			'Part of your saved progress could not be read and was set aside. Your other progress is kept.'
		]);
		expect(r.state.completedOn).toBeNull();
		expect(r.state.progress['second-one'].path).toBe('a');
		expect(deserialise(course, '1|x|20240229|second-one:a:1').state.completedOn).toBe('2024-02-29');
		expect(deserialise(course, '1|x|20230229|second-one:a:1').state.completedOn).toBeNull();
	});
});
