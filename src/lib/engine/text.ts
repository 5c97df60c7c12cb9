/**
 * Scenario text travels apart from the scenario's graph: the player starts with every
 * scenario's graph (ids, titles, branches, scores — all the engine needs) and loads the words
 * of a scenario only when the learner opens it. This keeps the first download small.
 */
import type { Choice, Ending, Rich, Scenario } from './types.js';

/** The global function each content/<name>.js calls with its words: written by the course plugin, received by state/text-loader.ts. */
export const TEXT_CALLBACK = '__csText';

/**
 * The file (content/<file>.js) that carries a name's words. A scenario's first step has a file of
 * its own, fetched as soon as the scenario opens (a small first download). Everything read later
 * (every scenario's other steps, `<id>.more`, the protocol and the accessibility statement) is one
 * file, `later`: compressed together these words are about a fifth smaller than as separate files
 * (npm run bench, the zip's "words" share), and it arrives while the learner reads the first step.
 */
export function textFile(name: string): string {
	return name.endsWith('.more') || name === 'protocol' || name === 'accessibility' ? 'later' : name;
}

/**
 * The words of one scenario, by node id: narrative, question, and each choice's text and feedback
 * (a choice's feedback may be held back: see splitFirst).
 */
export type ScenarioText = Record<
	string,
	{ t: string; n: Rich; q?: string; c?: Record<string, [string, Rich] | [string]> }
>;

/** The key under which a step's held-back choice feedback travels (node ids are [a-z0-9-]). */
export const feedbackKey = (stepId: string) => `~${stepId}`;

/**
 * The words of a scenario's own file (content/<id>.js, the first download when launched into it)
 * and of `<id>.more` (content/later.js). The first file has the first step without its choices'
 * feedback, which is read only after a choice: the feedback goes in `<id>.more`, under
 * feedbackKey(start), where it compresses with the other words (about 0.9 KB smaller zip, and
 * 0.3 KB less before the first choice). joinScenario puts it back.
 */
export function splitFirst(
	text: ScenarioText,
	start: string
): { first: ScenarioText; more: ScenarioText } {
	const { [start]: step, ...rest } = text;
	if (!step?.c) return { first: { [start]: step }, more: rest };
	const held = Object.fromEntries(
		Object.entries(step.c).map(([k, c]) => [k, ['', c[1] ?? []] as [string, Rich]])
	);
	return {
		first: {
			[start]: {
				...step,
				c: Object.fromEntries(Object.entries(step.c).map(([k, c]) => [k, [c[0]] as [string]]))
			}
		},
		more: { ...rest, [feedbackKey(start)]: { t: '', n: [], c: held } }
	};
}

export function splitScenario(s: Scenario): { outline: Scenario; text: ScenarioText } {
	const text: ScenarioText = {};
	const nodes: Scenario['nodes'] = {};
	for (const [id, n] of Object.entries(s.nodes)) {
		if (n.kind === 'ending') {
			text[id] = { t: n.title, n: n.narrative };
			nodes[id] = { ...n, title: '', narrative: [], line: 0 };
		} else {
			text[id] = {
				t: n.title,
				n: n.narrative,
				q: n.question,
				c: Object.fromEntries(n.choices.map((c) => [c.key, [c.text, c.feedback]]))
			};
			nodes[id] = {
				...n,
				title: '',
				narrative: [],
				question: '',
				line: 0,
				choices: n.choices.map((c) => ({ ...c, text: '', feedback: [], line: 0 }))
			};
		}
	}
	return { outline: { ...s, nodes }, text };
}

export function joinScenario(outline: Scenario, text: ScenarioText, partial = false): Scenario {
	const nodes: Scenario['nodes'] = {};
	for (const [id, n] of Object.entries(outline.nodes)) {
		const t = text[id];
		if (!t && partial) {
			nodes[id] = n;
			continue;
		}
		if (!t) throw new Error(`the text of "${outline.id}" has no step "${id}"`);
		if (n.kind === 'ending') nodes[id] = { ...n, title: t.t, narrative: t.n };
		else {
			nodes[id] = {
				...n,
				title: t.t,
				narrative: t.n,
				question: t.q ?? '',
				choices: n.choices.map((c) => {
					const ct = t.c?.[c.key];
					if (!ct)
						throw new Error(`the text of "${outline.id}" has no choice "${c.key}" in step "${id}"`);
					const feedback = ct[1] ?? text[feedbackKey(id)]?.c?.[c.key]?.[1];
					if (!feedback && !partial)
						throw new Error(
							`the text of "${outline.id}" has no feedback for choice "${c.key}" in step "${id}"`
						);
					return { ...c, text: ct[0], feedback: feedback ?? [] };
				})
			};
		}
	}
	return { ...outline, nodes };
}

/**
 * The outline as shipped in the bundle, in a compact form: per scenario
 * [id, title, audience, topics, summary, minutes, nodes], each node [id, outcome] (an ending)
 * or [id, [[key, next node's index, [principle index, points, …]], …]] (a step). The first node
 * is the start. (Indexes, not ids, for where a choice leads: ids repeated are most of the size.)
 * A choice whose letter is the one its place gives (a, b, c … in order, as nearly every step
 * has) leaves the letter out: [next node's index, [principle index, points, …]].
 */
export type CompactScenario = [
	string,
	string,
	Scenario['audience'],
	string[],
	string,
	number,
	CompactNode[]
];
type CompactChoice = [string, number, number[]] | [number, number[]];
type CompactNode = [string, Ending['outcome']] | [string, CompactChoice[]];
/** The letter a choice has when it leaves its letter out: its place in the step. */
const LETTERS = 'abcdefghi';

export function compactOutline(s: Scenario, principleIds: string[]): CompactScenario {
	const first = s.nodes[s.start];
	const nodes = [first, ...Object.values(s.nodes).filter((n) => n !== first)];
	const at = new Map(nodes.map((n, i) => [n.id, i]));
	const indexOf = (id: string) => {
		const i = at.get(id);
		if (i === undefined)
			throw new Error(
				`scenario "${s.id}": a choice leads to "${id}", which is not one of its steps or endings`
			);
		return i;
	};
	return [
		s.id,
		s.title,
		s.audience,
		s.topics,
		s.summary,
		s.minutes,
		nodes.map((n): CompactNode =>
			n.kind === 'ending'
				? [n.id, n.outcome]
				: [
						n.id,
						n.choices.map((c, i): CompactChoice => {
							const next = indexOf(c.next);
							const pts = Object.entries(c.scores).flatMap(([p, v]) => [
								principleIds.indexOf(p),
								v
							]);
							return c.key === LETTERS[i] ? [next, pts] : [c.key, next, pts];
						})
					]
		)
	];
}

export function expandOutline(c: CompactScenario, principleIds: string[]): Scenario {
	const [id, title, audience, topics, summary, minutes, compactNodes] = c;
	const nodes: Scenario['nodes'] = {};
	for (const [nid, body] of compactNodes) {
		if (typeof body === 'string')
			nodes[nid] = { kind: 'ending', id: nid, title: '', outcome: body, narrative: [], line: 0 };
		else {
			const choices: Choice[] = body.map((compact, place) => {
				const [key, next, pts]: [string, number, number[]] =
					compact.length === 2 ? [LETTERS[place], compact[0], compact[1]] : compact;
				const scores: Record<string, number> = {};
				for (let i = 0; i < pts.length; i += 2) scores[principleIds[pts[i]]] = pts[i + 1];
				return { key, text: '', next: compactNodes[next][0], feedback: [], scores, line: 0 };
			});
			nodes[nid] = {
				kind: 'step',
				id: nid,
				title: '',
				narrative: [],
				question: '',
				choices,
				line: 0
			};
		}
	}
	return {
		id,
		title,
		audience,
		topics,
		summary,
		minutes,
		file: '',
		start: compactNodes[0][0],
		nodes
	};
}
