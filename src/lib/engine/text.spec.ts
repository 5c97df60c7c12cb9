// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { exampleSource, scenarioFrom } from '../../../tests/helpers/course';
import { joinScenario, splitScenario } from './text';
import type { Scenario } from './types';

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

describe('compact outline', () => {
	it('expands back to the outline the engine uses', async () => {
		const { compactOutline, expandOutline } = await import('./text');
		const s = await scenarioFrom(exampleSource());
		const ids = [
			'respect.courtesy',
			'confidentiality.no-disclosure',
			'confidentiality.breach-investigated'
		];
		const { outline } = splitScenario(s);
		const back = expandOutline(JSON.parse(JSON.stringify(compactOutline(outline, ids))), ids);
		expect(back).toEqual({ ...outline, file: '' });
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
