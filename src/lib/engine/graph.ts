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
				problems.push({ line: c.line, message: `choice "${c.key}" of step "${step.id}" leads back to the same step — point it to another step or an ending` });
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
			problems.push({ line: n.line, message: `${n.kind} "${id}" can never be reached — no choice leads to it; add a "Next: ${id}" or remove it` });
		}
	}

	// Which nodes can reach an ending (fixed point over reverse edges).
	const canEnd = new Set(ids.filter((id) => s.nodes[id].kind === 'ending'));
	let changed = true;
	while (changed) {
		changed = false;
		for (const step of steps) {
			if (!canEnd.has(step.id) && next(step.id).some((x) => canEnd.has(x))) {
				canEnd.add(step.id);
				changed = true;
			}
		}
	}

	// Cycles (depth-first search with colours).
	const colour = new Map<string, 1 | 2>();
	const reportedCycle = new Set<string>();
	const visit = (id: string, trail: string[]) => {
		colour.set(id, 1);
		for (const to of next(id)) {
			if (colour.get(to) === 1) {
				const loop = [...trail.slice(trail.indexOf(to)), id, to];
				const key = [...new Set(loop)].sort().join(',');
				if (reportedCycle.has(key)) continue;
				reportedCycle.add(key);
				const exit = loop.some((x) => canEnd.has(x));
				problems.push({
					line: s.nodes[id].line,
					message: exit
						? `steps loop back: ${loop.join(' → ')} — scenarios may not loop (saved progress must stay small); point a choice forward instead`
						: `steps loop with no exit: ${loop.join(' → ')} — a learner would be stuck; add a choice that leads to an ending`
				});
			} else if (!colour.has(to)) visit(to, [...trail, id]);
		}
		colour.set(id, 2);
	};
	if (s.nodes[s.start]) visit(s.start, []);

	for (const step of steps) {
		if (reached.has(step.id) && !canEnd.has(step.id) && !reportedCycle.size) {
			problems.push({ line: step.line, message: `no ending can be reached from step "${step.id}" — give one of its choices a path to an ending` });
		}
	}
	return problems.sort((a, b) => a.line - b.line);
}
