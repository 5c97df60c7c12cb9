/**
 * Compile-time checks of a scenario's branching, as ink does: every divert resolves, every
 * step is reachable, every step can reach an ending, nothing loops, and each step has one
 * recommended choice. Pure: returns problems with the line they belong to.
 */
import type { Scenario, Step } from './types.js';
import { choiceTotal } from './scoring.js';

export interface GraphProblem {
	line: number;
	message: string;
}

/** The one statement of the no-loops rule (docs/authoring.md, "Steps may not loop"). */
export const LOOP_RULE =
	'a choice may not lead back to an earlier step: a scenario always moves forward to an ending, so saved progress stays small; point the choice at a later step or an ending (see "Steps may not loop" in docs/authoring.md)';

export function checkGraph(s: Scenario): GraphProblem[] {
	const problems: GraphProblem[] = [];
	const ids = Object.keys(s.nodes);
	const steps = Object.values(s.nodes).filter((n): n is Step => n.kind === 'step');

	for (const step of steps) {
		for (const c of step.choices) {
			if (c.next && !s.nodes[c.next]) {
				problems.push({
					line: c.line,
					message: `choice "${c.key}" of step "${step.id}" goes to unknown step "${c.next}" — use one of: ${ids.join(', ')}`
				});
			}
			if (c.next === step.id) {
				problems.push({
					line: c.line,
					message: `choice "${c.key}" of step "${step.id}" leads back to the same step — ${LOOP_RULE}`
				});
			}
		}
		const totals = step.choices.map(choiceTotal);
		const best = Math.max(...totals);
		const top = step.choices.filter((_, i) => totals[i] === best);
		if (step.choices.length >= 2 && top.length > 1) {
			problems.push({
				line: step.line,
				message: `step "${step.id}" has no single recommended choice: choices ${top.map((c) => `"${c.key}"`).join(' and ')} share the highest total score (${best}) — change a score so one choice is best`
			});
		}
	}

	const next = (id: string): string[] => {
		const n = s.nodes[id];
		return n && n.kind === 'step' ? n.choices.map((c) => c.next).filter((x) => s.nodes[x]) : [];
	};

	// Reachability from the start.
	const reached = new Set<string>();
	const stack = [s.start];
	while (stack.length) {
		const id = stack.pop()!;
		if (reached.has(id) || !s.nodes[id]) continue;
		reached.add(id);
		stack.push(...next(id));
	}
	for (const id of ids) {
		if (!reached.has(id)) {
			const n = s.nodes[id];
			problems.push({
				line: n.line,
				message: `${n.kind} "${id}" can never be reached — no choice leads to it; add a "Next: ${id}" or remove it`
			});
		}
	}

	// Which nodes can reach an ending (a walk back along the choices from every ending).
	const into = new Map<string, string[]>();
	for (const step of steps) {
		for (const to of next(step.id)) {
			if (!into.has(to)) into.set(to, []);
			into.get(to)!.push(step.id);
		}
	}
	const canEnd = new Set(ids.filter((id) => s.nodes[id].kind === 'ending'));
	const back = [...canEnd];
	while (back.length) {
		for (const from of into.get(back.pop()!) ?? []) {
			if (!canEnd.has(from)) {
				canEnd.add(from);
				back.push(from);
			}
		}
	}

	// Cycles: depth-first search with colours, on an explicit stack (a scenario may be a chain
	// of thousands of steps, so no recursion over the author's depth).
	const colour = new Map<string, 1 | 2>();
	const reportedCycle = new Set<string>();
	if (s.nodes[s.start]) {
		const trail: { id: string; next: string[]; i: number }[] = [
			{ id: s.start, next: next(s.start), i: 0 }
		];
		colour.set(s.start, 1);
		while (trail.length) {
			const top = trail[trail.length - 1];
			if (top.i >= top.next.length) {
				colour.set(top.id, 2);
				trail.pop();
				continue;
			}
			const to = top.next[top.i++];
			if (to === top.id) continue; // reported above, at the choice
			if (colour.get(to) === 1) {
				const ids = trail.map((t) => t.id);
				const loop = [...ids.slice(ids.indexOf(to)), to];
				const key = [...new Set(loop)].sort().join(',');
				if (reportedCycle.has(key)) continue;
				reportedCycle.add(key);
				problems.push({
					line: s.nodes[top.id].line,
					message: `steps loop: ${(loop.length > 8 ? [...loop.slice(0, 3), `… ${loop.length - 6} more …`, ...loop.slice(-3)] : loop).join(' → ')} — ${LOOP_RULE}`
				});
			} else if (!colour.has(to)) {
				colour.set(to, 1);
				trail.push({ id: to, next: next(to), i: 0 });
			}
		}
	}

	for (const step of steps) {
		if (reached.has(step.id) && !canEnd.has(step.id) && !reportedCycle.size) {
			problems.push({
				line: step.line,
				message: `no ending can be reached from step "${step.id}" — give one of its choices a path to an ending`
			});
		}
	}
	return problems.sort((a, b) => a.line - b.line);
}
