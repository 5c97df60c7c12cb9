import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCourse, loadLibrary } from '../content/course';
import { parseBuildOptions } from '../content/options';
import { diffUnits, readingOrder, reviewUnits, sentences } from './units';

const ROOT = process.cwd();
const tmp = mkdtempSync(join(tmpdir(), 'units-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function courseAt(root: string, council = 'witham-town-council') {
	const lib = await loadLibrary(root);
	expect(lib.errors).toEqual([]);
	const { options } = parseBuildOptions(
		{ COUNCIL: council },
		{ councils: lib.councils.map((c) => c.id), scenarios: lib.scenarios.map((s) => s.id) }
	);
	return buildCourse(lib, options);
}

describe('review units', () => {
	it('splits text into sentences, keeping quotes with their sentence', () => {
		expect(sentences(['He said "No." Then he left. £800 is a lot!  Is it?'])).toEqual([
			'He said "No."',
			'Then he left.',
			'£800 is a lot!',
			'Is it?'
		]);
	});

	it('lists every node of a scenario once, from the start, in reading order', async () => {
		const course = await courseAt(ROOT);
		for (const s of course.scenarios) {
			const order = readingOrder(s);
			expect(order[0]).toBe(s.start);
			expect(new Set(order).size).toBe(order.length);
			expect([...order].sort()).toEqual(Object.keys(s.nodes).sort());
		}
	});

	it('marks exactly what a real content change touched', async () => {
		cpSync(join(ROOT, 'scenarios'), join(tmp, 'scenarios'), { recursive: true });
		const before = reviewUnits(await courseAt(tmp));
		const course = await courseAt(tmp);
		// Reword one sentence of the first choice's feedback in the first scenario, as an author would.
		const s = course.scenarios[0];
		const file = join(tmp, s.file);
		const source = readFileSync(file, 'utf8');
		const step = s.nodes[s.start];
		if (step.kind !== 'step') throw new Error('the first node should be a step');
		const choice = step.choices[0];
		const para = choice.feedback.find((b) => 'p' in b);
		const first = para && 'p' in para && typeof para.p[0] === 'string' ? para.p[0] : '';
		const old = sentences([first])[0];
		expect(source).toContain(old);
		writeFileSync(file, source.replace(old, 'This sentence is new for the review.'));
		const after = reviewUnits(await courseAt(tmp));

		const diff = diffUnits(before, after);
		const key = `${s.id}/${s.start}/${choice.key}`;
		expect(diff.byKey[key]).toEqual({
			status: 'changed',
			added: ['This sentence is new for the review.'],
			removed: [old]
		});
		const touched = Object.entries(diff.byKey)
			.filter(([, c]) => c.status !== 'unchanged')
			.map(([k]) => k);
		expect(touched).toEqual([key]);
		expect(diff.removed).toEqual([]);
		expect(diff.unchangedScenarios).not.toContain(s.id);
		expect(diff.unchangedScenarios).toHaveLength(course.scenarios.length - 1);
	});

	it('reports removed and added units, and a changed clause behind unchanged words', async () => {
		const course = await courseAt(ROOT);
		const before = reviewUnits(course);
		const after = reviewUnits({
			...course,
			scenarios: course.scenarios.slice(1),
			clauses: course.clauses.map((c, i) => (i === 0 ? { ...c, text: c.text + ' (amended)' } : c))
		});
		const diff = diffUnits(before, after);
		expect(diff.removed.map((u) => u.key)).toContain(`${course.scenarios[0].id}/about`);
		const first = course.clauses[0];
		const usesFirst = Object.entries(course.backing)
			.filter(([, b]) => b.clauses.includes(first.id) || b.gap?.nearest === first.id)
			.map(([p]) => p);
		expect(usesFirst.length).toBeGreaterThan(0);
		for (const p of usesFirst)
			expect(diff.byKey[`principle/${p}`]).toEqual({ status: 'changed', added: [], removed: [] });
	});
});
