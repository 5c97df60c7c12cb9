/**
 * The checks of a parsed scenario's parts: a choice's "Next:" and "Scores:" lines, and, once the
 * file is read, that every step has a story, a question and 2 to 9 choices, every choice leads
 * somewhere with feedback and scores, and every ending has an outcome and text. The checks
 * across the whole graph (ids that exist, reachability) are in ../engine/graph.ts.
 */
import type { Choice, Ending, Node, Step } from '../engine/types.js';
import { paragraphLines, type MdNode } from './rich.js';
import { didYouMean } from './suggest.js';

type Report = (line: number, message: string) => void;

/** Each step and ending complete, in file order; `asked` holds the steps with a "Question:" line. */
export function checkNodes(order: Node[], asked: ReadonlySet<Step>, report: Report): void {
	for (const node of order) {
		if (node.kind === 'ending') {
			const e = node as Ending & { _noOutcome?: boolean };
			if (e._noOutcome) {
				report(
					e.line,
					`ending "${e.id}" has no outcome — add a line "Outcome: good", "Outcome: mixed" or "Outcome: poor" under its heading`
				);
				delete e._noOutcome;
			}
			if (e.narrative.length === 0)
				report(e.line, `ending "${e.id}" says nothing about what happened — add a paragraph`);
			continue;
		}
		if (!asked.has(node))
			report(node.line, `step "${node.id}" has no question — add a line "Question: …"`);
		if (node.narrative.length === 0)
			report(node.line, `step "${node.id}" has no story — add a paragraph before the question`);
		if (node.choices.length < 2)
			report(
				node.line,
				`step "${node.id}" has ${node.choices.length} choice${node.choices.length === 1 ? '' : 's'} — give it at least 2 (2 to 4 reads best; at most 9)`
			);
		if (node.choices.length > 9)
			report(
				node.line,
				`step "${node.id}" has ${node.choices.length} choices — SCORM 1.2 allows at most 9; split the step`
			);
		for (const c of node.choices) {
			if (!c.next)
				report(
					c.line,
					`choice "${c.key}" of step "${node.id}" does not say where it leads — add "Next: <step or ending id>" on the line after the choice`
				);
			if (c.feedback.length === 0)
				report(
					c.line,
					`choice "${c.key}" of step "${node.id}" has no feedback — add a paragraph saying why, after its Next:/Scores: lines and a blank line`
				);
			if (Object.keys(c.scores).length === 0)
				report(
					c.line,
					`choice "${c.key}" of step "${node.id}" is not scored — add "Scores: <principle id> +2" (ids from scenarios/principles.yaml)`
				);
		}
	}
}

/** A choice's "Next:" and "Scores:" lines. */
export function readChoiceSettings(
	n: MdNode,
	choice: Choice,
	principles: ReadonlySet<string>,
	report: Report
) {
	for (const { text, line } of paragraphLines(n)) {
		const m = /^(\w+)\s*:\s*(.*)$/.exec(text);
		if (!m) {
			report(
				line,
				`"${text}" is not a setting — choice settings are "Next: <id>" and "Scores: <principle> +2, …"; leave a blank line before the feedback`
			);
			continue;
		}
		const [, key, value] = m;
		if (key.toLowerCase() === 'next') {
			if (!value)
				report(line, 'Next: is empty — give the id of the step or ending this choice leads to');
			choice.next = value.trim();
		} else if (key.toLowerCase() === 'scores') {
			for (const part of value
				.split(',')
				.map((s) => s.trim())
				.filter(Boolean)) {
				const sm = /^([A-Za-z0-9._-]+)\s+([+-]?\d+)$/.exec(part);
				if (!sm) {
					report(
						line,
						`score "${part}" is not understood — write a principle id and a number, e.g. "confidentiality.no-disclosure +2"`
					);
					continue;
				}
				const points = Number(sm[2]);
				if (points < -2 || points > 2)
					report(
						line,
						`score ${sm[2]} for "${sm[1]}" is out of range — use a whole number from -2 to +2`
					);
				if (!principles.has(sm[1]) && principles.has(sm[1].toLowerCase())) {
					report(
						line,
						`principle "${sm[1]}" is in the wrong case — ids are lower case: write "${sm[1].toLowerCase()}"`
					);
				} else if (!principles.has(sm[1])) {
					report(
						line,
						`unknown principle "${sm[1]}" — use an id from scenarios/principles.yaml${didYouMean(sm[1], [...principles])}`
					);
				}
				if (sm[1] in choice.scores)
					report(line, `"${sm[1]}" is scored twice — score each principle once per choice`);
				choice.scores[sm[1]] = points;
			}
		} else {
			report(line, `unknown setting "${key}:" — choices take "Next:" and "Scores:"`);
		}
	}
}
