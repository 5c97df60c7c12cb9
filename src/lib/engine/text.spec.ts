// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { exampleSource, scenarioFrom } from '../../../tests/helpers/course';
import { feedbackKey, joinScenario, splitFirst, splitScenario } from './text';
import type { Scenario, Step } from './types';

describe('scenario text split', () => {
	it('joins back to exactly the original scenario, and the outline carries no words', async () => {
		const s = await scenarioFrom(exampleSource());
		const { outline, text } = splitScenario(s);
		expect(JSON.stringify(outline)).not.toContain('Sue');
		expect(JSON.stringify(outline)).not.toContain('A report marked confidential');
		expect(withLines(joinScenario(outline, text), s)).toEqual(s);
	});

	it('refuses text that does not match the outline', async () => {
		const s = await scenarioFrom(exampleSource());
		const { outline, text } = splitScenario(s);
		delete text['start'];
		expect(() => joinScenario(outline, text)).toThrow(/no step "start"/);
	});
});

describe('first file and later words', () => {
	it('hold the first step’s feedback back for later, and join back to the whole scenario', async () => {
		const s = await scenarioFrom(exampleSource());
		const { outline, text } = splitScenario(s);
		const { first, more } = splitFirst(text, s.start);
		expect(Object.keys(first)).toEqual([s.start]);
		const feedback = JSON.stringify((s.nodes[s.start] as Step).choices[0].feedback);
		expect(JSON.stringify(first)).not.toContain(feedback.slice(1, -1));
		expect(more[feedbackKey(s.start)]).toBeDefined();
		// The first file alone: the step and its choices, no feedback yet.
		const early = joinScenario(outline, first, true).nodes[s.start] as Step;
		expect(early.choices.map((c) => c.text)).toEqual(
			(s.nodes[s.start] as Step).choices.map((c) => c.text)
		);
		expect(early.choices.every((c) => c.feedback.length === 0)).toBe(true);
		// Both files (as the player merges them): exactly the original.
		expect(withLines(joinScenario(outline, { ...first, ...more }), s)).toEqual(s);
		// Without the later words a whole scenario is refused, not shown without feedback.
		expect(() =>
			joinScenario(outline, { ...more, ...first, [feedbackKey(s.start)]: undefined! })
		).toThrow(/no feedback for choice/);
	});
});

describe('compact outline', () => {
	const ids = [
		'respect.courtesy',
		'confidentiality.no-disclosure',
		'confidentiality.breach-investigated'
	];
	/** The example scenario's outline, as the bundle carries it before compacting. */
	const exampleOutline = async () => splitScenario(await scenarioFrom(exampleSource())).outline;
	/** An outline compacted, sent as JSON and expanded again. */
	async function roundTrip(outline: Scenario): Promise<Scenario> {
		const { compactOutline, expandOutline } = await import('./text');
		return expandOutline(JSON.parse(JSON.stringify(compactOutline(outline, ids))), ids);
	}

	it('expands back to the outline the engine uses', async () => {
		const outline = await exampleOutline();
		expect(await roundTrip(outline)).toEqual({ ...outline, file: '' });
	});

	it('keeps choice letters that are not a, b, c … in order', async () => {
		const outline = await exampleOutline();
		const start = outline.nodes[outline.start] as Step;
		// The choices in reverse order, keeping their letters (c, b, a): only some match their place.
		const moved = [...start.choices].reverse();
		const changed = {
			...outline,
			nodes: { ...outline.nodes, [start.id]: { ...start, choices: moved } }
		};
		const back = await roundTrip(changed);
		expect(moved.some((c, i) => c.key !== 'abcdefghi'[i])).toBe(true);
		expect((back.nodes[start.id] as Step).choices.map((c) => c.key)).toEqual(
			moved.map((c) => c.key)
		);
		expect(back).toEqual({ ...changed, file: '' });
	});
});

/** Line numbers are kept so a joined scenario equals the original in tests; outlines drop them. */
function withLines(outline: Scenario, original: Scenario): Scenario {
	const nodes: Scenario['nodes'] = {};
	for (const [id, n] of Object.entries(outline.nodes)) {
		const o = original.nodes[id];
		nodes[id] =
			n.kind === 'ending'
				? { ...n, line: o.line }
				: {
						...n,
						line: o.line,
						choices: n.choices.map((c, i) => ({ ...c, line: (o as typeof n).choices[i].line }))
					};
	}
	return { ...outline, nodes };
}

/** `partial`: nodes without text keep the outline's empty text (their title is ''). */
