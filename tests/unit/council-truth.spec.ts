/**
 * Over every seed council's default build: what a learner is told about a principle matches
 * what that council's protocol says. A principle its protocol has no clause for (a gap) is never
 * presented as the protocol's: feedback calls it good practice and shows the council's own note.
 */
import { render, cleanup } from '@testing-library/svelte';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCourse, loadLibrary, type Library } from '../../src/lib/content/course';
import { parseBuildOptions } from '../../src/lib/content/options';
import { scenarioFits } from '../../src/lib/content/councils';
import { inProtocol, verdict } from '../../src/lib/engine/verdict';
import type { Course, Step } from '../../src/lib/engine/types';
import Feedback from '../../src/lib/components/Feedback.svelte';

let lib: Library;
const courses: Course[] = [];
beforeAll(async () => {
	lib = await loadLibrary('.');
	// Prose that claims a gap for the protocol is reported by the attribution check (library.spec
	// requires no errors at all); the verdicts below do not depend on it.
	expect(lib.errors.filter((e) => !e.message.includes('claims the protocol states this'))).toEqual([]);
	const ctx = { councils: lib.councils.map((c) => c.id), scenarios: lib.scenarios.map((s) => s.id) };
	for (const c of lib.councils) courses.push(buildCourse(lib, parseBuildOptions({ COUNCIL: c.id }, ctx).options));
}, 60000);

const PROTOCOL_VERDICT = /(Meets|Partly meets|Falls short of|Goes against) the protocol/;

/** Every (step, choice, principle) of a course, with the points. */
function* scored(course: Course) {
	for (const s of course.scenarios)
		for (const n of Object.values(s.nodes))
			if (n.kind === 'step') for (const c of n.choices) for (const [p, pts] of Object.entries(c.scores)) yield { s, step: n as Step, choice: c, p, pts };
}

describe('every seed build', () => {
	it('holds exactly the scenarios that fit its council', () => {
		for (const course of courses) {
			const expected = lib.scenarios.filter((s) => scenarioFits(s.fits, course.council.kind)).map((s) => s.id);
			expect(course.scenarios.map((s) => s.id), course.council.id).toEqual(expected);
			expect(course.scenarios.length, course.council.id).toBeGreaterThan(0);
		}
		// The political-group briefing fits principal councils only.
		const withBriefing = courses.filter((c) => c.scenarios.some((s) => s.id === 'political-group-briefing')).map((c) => c.council.id);
		expect(withBriefing).toEqual(['broxtowe-borough-council']);
	});

	it('judges a principle against the protocol only where a clause of that council backs it', () => {
		let gaps = 0;
		for (const course of courses) {
			for (const { p, pts } of scored(course)) {
				const words = verdict(course.backing, p, pts);
				if (inProtocol(course.backing, p)) expect(words).not.toMatch(/good practice/);
				else {
					gaps++;
					expect(words, `${course.council.id} ${p}`).not.toMatch(/protocol/);
				}
			}
		}
		expect(gaps).toBeGreaterThan(0);
	});

	it('shows each gap principle in feedback as good practice, with the council’s own note, never as the protocol’s', () => {
		for (const course of courses) {
			const seen = new Set<string>();
			for (const { step, choice, p } of scored(course)) {
				const gap = course.backing[p].gap;
				if (!gap || seen.has(p)) continue;
				seen.add(p);
				const { container } = render(Feedback, { course, step, choice });
				const item = [...container.querySelectorAll('ul.principles > li')].find((li) => li.textContent!.includes(course.principles.find((x) => x.id === p)!.name))!;
				const text = item.textContent!.replace(/\s+/g, ' ');
				expect(text, `${course.council.id} ${p}`).not.toMatch(PROTOCOL_VERDICT);
				expect(text).toContain(`This is good practice that ${course.council.name}’s protocol does not state.`);
				expect(text).toContain(gap.note.replace(/\s+/g, ' '));
				cleanup();
			}
			expect(seen.size, course.council.id).toBeGreaterThan(0);
		}
	});

	it('never cites a protocol as "not stated", and fills every placeholder', () => {
		for (const course of courses) {
			const json = JSON.stringify(course.scenarios);
			expect(json, course.council.id).not.toMatch(/\{(council|clerk|chair|complaints-to|officer-concerns-to|conduct-complaints-to|leader)\}/);
			expect(json).not.toMatch(/\bthe the\b/i);
		}
	});
});
