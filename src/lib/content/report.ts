/** The validator's reports: coverage per council and reading ease per scenario. */
import rs from 'text-readability';
import type { Council, Scenario, Step } from '../engine/types.js';
import { plainText } from './rich.js';

export interface CoverageRow {
	principle: string;
	clauses: string[];
	gap: boolean;
	decisions: string[];
}

/** For one council: each principle, the clauses that back it and the decisions that score it. */
export function coverage(council: Council, scenarios: Scenario[], principleIds: string[]): CoverageRow[] {
	return principleIds.map((id) => {
		const backing = council.principles[id];
		const decisions: string[] = [];
		for (const s of scenarios) {
			for (const n of Object.values(s.nodes)) {
				if (n.kind === 'step' && n.choices.some((c) => id in c.scores)) decisions.push(`${s.id}.${n.id}`);
			}
		}
		return { principle: id, clauses: backing?.clauses ?? [], gap: !!backing?.gap, decisions };
	});
}

/** Clauses of a council that no decision in any scenario exercises. */
export function uncoveredClauses(council: Council, rows: CoverageRow[]): string[] {
	const scored = new Set(rows.filter((r) => r.decisions.length).map((r) => r.principle));
	return council.clauses.filter((c) => !c.principles.some((p) => scored.has(p))).map((c) => `${c.id} (${c.ref})`);
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
	const sentences = text.split(/(?<=[.!?])\s+|\n+/).map((x) => x.trim()).filter(Boolean);
	const longSentences = sentences.filter((x) => x.split(/\s+/).length > LONG);
	return {
		scenario: s.id,
		file: s.file,
		ease: Math.round(rs.fleschReadingEase(text) * 10) / 10,
		words: text.split(/\s+/).filter(Boolean).length,
		longSentences
	};
}

/** Words a learner reads along the longest route, for the time estimate check. */
export function longestRouteWords(s: Scenario): number {
	const memo = new Map<string, number>();
	const words = (t: string) => t.split(/\s+/).filter(Boolean).length;
	const walk = (id: string): number => {
		if (memo.has(id)) return memo.get(id)!;
		const n = s.nodes[id];
		let w = 0;
		if (n.kind === 'ending') w = words(plainText(n.narrative));
		else {
			const own = words(plainText(n.narrative)) + words(n.question) + n.choices.reduce((a, c) => a + words(c.text), 0);
			w = own + Math.max(...n.choices.map((c) => words(plainText(c.feedback)) + walk(c.next)));
		}
		memo.set(id, w);
		return w;
	};
	return walk(s.start);
}
