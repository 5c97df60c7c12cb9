// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exampleSource, principleIds } from '../../../tests/helpers/course';
import { checkScenarioSource } from './course';
import { loadCouncils } from './councils';

const { councils } = loadCouncils('scenarios/councils', [...principleIds]);
const lines = exampleSource().split('\n');
const fragments = [
	'## Step x: y',
	'### Choice a: z',
	'Next: start',
	'Scores: respect.courtesy +9',
	'Question:',
	'---',
	'<b>',
	'{clerk}',
	'{',
	'> q',
	'- item',
	'## Ending e: f',
	'Outcome: poor',
	'',
	':',
	'id: [',
	'`code`',
	'[link](http://x)'
];

/** A random edit of the example: drop, duplicate, swap or insert lines. */
const mutation = fc.array(
	fc.oneof(
		fc.record({ kind: fc.constant('drop'), at: fc.nat(lines.length) }),
		fc.record({ kind: fc.constant('dup'), at: fc.nat(lines.length) }),
		fc.record({
			kind: fc.constant('insert'),
			at: fc.nat(lines.length),
			text: fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 40 }))
		})
	),
	{ minLength: 1, maxLength: 6 }
);

describe('scenario checker under random input', () => {
	it('reports problems with a line number instead of throwing, for mutated scenarios', async () => {
		await fc.assert(
			fc.asyncProperty(mutation, async (edits) => {
				const ls = [...lines];
				for (const e of edits) {
					const at = Math.min(e.at, ls.length);
					if (e.kind === 'drop') ls.splice(at, 1);
					else if (e.kind === 'dup') ls.splice(at, 0, ls[at] ?? '');
					else ls.splice(at, 0, (e as { text: string }).text);
				}
				const { errors, scenario } = await checkScenarioSource(
					'fuzz.md',
					ls.join('\n'),
					principleIds,
					councils
				);
				for (const err of errors) {
					expect(err.file).toBe('fuzz.md');
					expect(Number.isInteger(err.line)).toBe(true);
					expect(err.message.length).toBeGreaterThan(10);
				}
				if (errors.length === 0) expect(scenario).toBeDefined();
			}),
			{ numRuns: 150 }
		);
	});

	it('never throws on arbitrary text', async () => {
		await fc.assert(
			fc.asyncProperty(fc.string({ maxLength: 400 }), async (text) => {
				const { errors } = await checkScenarioSource('any.md', text, principleIds, councils);
				expect(Array.isArray(errors)).toBe(true);
			}),
			{ numRuns: 100 }
		);
	});
});
