/** The validator's reports: coverage per council and reading ease per scenario. */
import rs from 'text-readability';
import type { Council, Scenario, Step } from '../engine/types.js';
import { plainText } from './rich.js';
import { recommended } from '../engine/scoring.js';

export interface CoverageRow {
	principle: string;
	clauses: string[];
	gap: boolean;
	decisions: string[];
}

/** For one council: each principle, the clauses that back it and the decisions that score it. */
export function coverage(
	council: Council,
	scenarios: Scenario[],
	principleIds: string[]
): CoverageRow[] {
	return principleIds.map((id) => {
		const backing = council.principles[id];
		const decisions: string[] = [];
		for (const s of scenarios) {
			for (const n of Object.values(s.nodes)) {
				if (n.kind === 'step' && n.choices.some((c) => id in c.scores))
					decisions.push(`${s.id}.${n.id}`);
			}
		}
		return { principle: id, clauses: backing?.clauses ?? [], gap: !!backing?.gap, decisions };
	});
}

/** Clauses of a council that no decision in any scenario exercises. */
export function uncoveredClauses(council: Council, rows: CoverageRow[]): string[] {
	const scored = new Set(rows.filter((r) => r.decisions.length).map((r) => r.principle));
	return council.clauses
		.filter((c) => !c.principles.some((p) => scored.has(p)))
		.map((c) => `${c.id} (${c.ref})`);
}

/**
 * Above this share of a scenario's scored points resting on principles the council's protocol
 * does not state (gaps), `npm run validate` warns: the scenario mostly teaches good practice
 * that council's protocol is silent on (docs/councils.md, "Gaps").
 */
export const GAP_SHARE_WARN = 0.5;

export interface GapShare {
	scenario: string;
	/** Points at stake on principles the council's protocol states, and on gaps. */
	stated: number;
	gap: number;
	share: number;
}

/**
 * For one council and scenario: the points at stake in every decision (per principle, the best
 * choice's points, as the results tally them), split by whether the protocol states the principle.
 */
export function gapShare(council: Council, s: Scenario): GapShare {
	let stated = 0;
	let gap = 0;
	for (const n of Object.values(s.nodes)) {
		if (n.kind !== 'step') continue;
		const ids = new Set(n.choices.flatMap((c) => Object.keys(c.scores)));
		for (const id of ids) {
			const best = Math.max(0, ...n.choices.map((c) => c.scores[id] ?? 0));
			if (council.principles[id]?.clauses.length) stated += best;
			else gap += best;
		}
	}
	return { scenario: s.id, stated, gap, share: stated + gap ? gap / (stated + gap) : 0 };
}

export interface Readability {
	scenario: string;
	file: string;
	ease: number;
	words: number;
	longSentences: string[];
}

const LONG = 25;

/** Flesch reading ease of all the text a learner can read in a scenario, and long sentences. */
export function readability(s: Scenario): Readability {
	const texts: string[] = [s.title + '.', s.summary];
	for (const n of Object.values(s.nodes)) {
		texts.push(n.title + '.', plainText(n.narrative));
		if (n.kind === 'step') {
			texts.push((n as Step).question);
			for (const c of (n as Step).choices) texts.push(c.text + '.', plainText(c.feedback));
		}
	}
	const text = texts.join('\n').replace(/\{([^}]+)\}/g, 'Clerk');
	const sentences = text
		.split(/(?<=[.!?])\s+|\n+/)
		.map((x) => x.trim())
		.filter(Boolean);
	const longSentences = sentences.filter((x) => x.split(/\s+/).length > LONG);
	return {
		scenario: s.id,
		file: s.file,
		ease: Math.round(rs.fleschReadingEase(text) * 10) / 10,
		words: text.split(/\s+/).filter(Boolean).length,
		longSentences
	};
}

const countWords = (t: string) => t.split(/\s+/).filter(Boolean).length;

/** Words a learner reads at a node before choosing: the story, the question and every option. */
function nodeWords(n: Scenario['nodes'][string]): number {
	if (n.kind === 'ending') return countWords(plainText(n.narrative));
	return (
		countWords(plainText(n.narrative)) +
		countWords(n.question) +
		n.choices.reduce((a, c) => a + countWords(c.text), 0)
	);
}

/**
 * Words a learner reads along the longest route, for the time estimate check. Worked out on
 * an explicit stack (no recursion: a scenario may be a chain of thousands of steps); a step
 * met again on the same route (a loop, which the checker reports) counts as nothing more.
 */
export function longestRouteWords(s: Scenario): number {
	const memo = new Map<string, number>();
	const open = new Set<string>();
	const stack = [s.start];
	while (stack.length) {
		const id = stack[stack.length - 1];
		const n = s.nodes[id];
		if (!n || memo.has(id)) {
			stack.pop();
			continue;
		}
		if (n.kind === 'ending') {
			memo.set(id, nodeWords(n));
			stack.pop();
			continue;
		}
		const todo = open.has(id)
			? []
			: n.choices.map((c) => c.next).filter((x) => s.nodes[x] && !memo.has(x) && !open.has(x));
		if (todo.length) {
			open.add(id);
			stack.push(...todo);
			continue;
		}
		open.delete(id);
		stack.pop();
		memo.set(
			id,
			nodeWords(n) +
				Math.max(
					0,
					...n.choices.map((c) => countWords(plainText(c.feedback)) + (memo.get(c.next) ?? 0))
				)
		);
	}
	return memo.get(s.start) ?? 0;
}

/** Words a learner reads taking the recommended choice at every step (a loop stops the walk). */
export function recommendedRouteWords(s: Scenario): { words: number; decisions: number } {
	let words = 0;
	let decisions = 0;
	const seen = new Set<string>();
	let n = s.nodes[s.start];
	while (n && !seen.has(n.id)) {
		seen.add(n.id);
		words += nodeWords(n);
		if (n.kind === 'ending') break;
		const best = recommended(n);
		words += countWords(plainText(best.feedback));
		decisions++;
		n = s.nodes[best.next];
	}
	return { words, decisions };
}

/** Reading speed and thinking time behind the `minutes` check (docs/authoring.md, "Limits"). */
export const WORDS_PER_MINUTE = 200;
export const SECONDS_PER_DECISION = 30;

/** Minutes the recommended route takes at the stated reading speed, plus thinking time. */
export function estimatedMinutes(s: Scenario): {
	minutes: number;
	words: number;
	decisions: number;
} {
	const { words, decisions } = recommendedRouteWords(s);
	return {
		minutes: Math.max(
			1,
			Math.round(words / WORDS_PER_MINUTE + (decisions * SECONDS_PER_DECISION) / 60)
		),
		words,
		decisions
	};
}

/**
 * Things that do not break a scenario but are probably mistakes: a `minutes` figure far from
 * the estimate (under half or over three times it: the player also shows the council's clauses), and a scenario with no wrong turn to learn from.
 */
export function scenarioWarnings(
	s: Scenario,
	minutesLine = 1
): { line: number; message: string }[] {
	const out: { line: number; message: string }[] = [];
	const est = estimatedMinutes(s);
	const low = s.minutes < est.minutes / 2;
	if (low || s.minutes > est.minutes * 3) {
		out.push({
			line: minutesLine,
			message: `"minutes: ${s.minutes}" is far from the estimate of about ${est.minutes} min (${est.words} words on the recommended route at ${WORDS_PER_MINUTE} words a minute, plus ${SECONDS_PER_DECISION} s for each of ${est.decisions} decisions) — set minutes to about ${est.minutes}${low ? ', or shorten the text' : ''}`
		});
	}
	const steps = Object.values(s.nodes).filter((n): n is Step => n.kind === 'step');
	const anyWrong = steps.some((n) =>
		n.choices.some((c) => Object.values(c.scores).some((v) => v < 0))
	);
	const anyBadEnd = Object.values(s.nodes).some((n) => n.kind === 'ending' && n.outcome !== 'good');
	if (!anyWrong && !anyBadEnd) {
		out.push({
			line: s.nodes[s.start]?.line ?? 1,
			message:
				'the scenario has no wrong turn: no choice scores below 0 and every ending is "good" — give some choices a negative score and add a "mixed" or "poor" ending, so a learner can go wrong and learn why'
		});
	}
	return out;
}
