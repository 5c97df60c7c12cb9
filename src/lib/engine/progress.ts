/** Progress indicator maths: how many decisions can still come from a step. */
import type { Scenario } from './types.js';

/** The most decisions left from a step (itself included) to any ending. */
export function remainingDecisions(s: Scenario, from: string): number {
	const memo = new Map<string, number>();
	const depth = (id: string, seen: Set<string>): number => {
		const n = s.nodes[id];
		if (!n || n.kind === 'ending' || seen.has(id)) return 0;
		if (memo.has(id)) return memo.get(id)!;
		seen.add(id);
		const d = 1 + Math.max(...n.choices.map((c) => depth(c.next, seen)));
		seen.delete(id);
		memo.set(id, d);
		return d;
	};
	return depth(from, new Set());
}
