/**
 * What the course may say about a principle for one council: the one home for that wording.
 * Where the council's protocol has a clause behind a principle, the verdict is against "the
 * protocol"; where it has none (a gap), the principle is good practice that this protocol does
 * not state, and the learner sees the council's own gap note. No learner-facing text claims the
 * protocol requires something it does not. Pure: no Svelte, no DOM.
 *
 * Scoring: gap principles count towards every score like the others (the course teaches good
 * practice as well as the protocol); every place a score is shown says which principles are
 * good practice only. See docs/councils.md, "Gaps".
 */
import type { Course, PrincipleBacking } from './types.js';

type Council = Course['council'];

/** Whether the council's protocol states the principle (a clause backs it). */
export function inProtocol(backing: Course['backing'], principle: string): boolean {
	return (backing[principle]?.clauses.length ?? 0) > 0;
}

const PROTOCOL_VERDICTS = [
	'Goes against the protocol',
	'Falls short of the protocol',
	'Neutral',
	'Partly meets the protocol',
	'Meets the protocol'
];
const PRACTICE_VERDICTS = [
	'Goes against good practice',
	'Falls short of good practice',
	'Neutral',
	'Partly follows good practice',
	'Follows good practice'
];

/** The verdict on a choice's points (−2 … 2) for one principle. */
export function verdict(backing: Course['backing'], principle: string, points: number): string {
	const i = Math.max(-2, Math.min(2, Math.round(points))) + 2;
	return (inProtocol(backing, principle) ? PROTOCOL_VERDICTS : PRACTICE_VERDICTS)[i];
}

/** "Witham Town Council’s protocol" (a curly apostrophe, as everywhere in the interface). */
export function protocolOf(council: Pick<Council, 'name'>): string {
	return `${council.name}’s protocol`;
}

/** The protocol's title, or, where the document gives none, "<council>’s protocol". */
export function protocolTitle(council: Pick<Council, 'name' | 'protocol'>): string {
	const t = council.protocol.title.trim();
	return t && t.toLowerCase() !== 'not stated' ? t : protocolOf(council);
}

const ROUTE_LABELS: Record<string, string> = {
	'complaints-to': 'Who a councillor raises a concern about an employee with',
	'officer-concerns-to': 'Where an employee takes a concern about a councillor'
};

/** The routes this council's protocol does not name, and the general course the scenarios use instead. */
export function unstatedRoutes(
	council: Pick<Council, 'roles' | 'unstated'>
): { label: string; text: string }[] {
	return (council.unstated ?? []).map((key) => ({
		label: ROUTE_LABELS[key] ?? key,
		text: `Not stated in this protocol. The scenarios use the general course: ${council.roles[key]}.`
	}));
}

/** Shown above a gap's note: the principle is good practice the protocol does not state. */
export function gapSentence(council: Pick<Council, 'name'>): string {
	return `This is good practice that ${protocolOf(council)} does not state.`;
}

/** The gap's own note from the council data, and the lead-in to the nearest clause if any. */
export function gapDetail(gap: NonNullable<PrincipleBacking['gap']>): {
	note: string;
	nearestLead: string | null;
} {
	return { note: gap.note, nearestLead: gap.nearest ? 'The nearest general clause says:' : null };
}

/** Heading above the principles a choice was scored on. */
export function principlesHeading(backing: Course['backing'], principles: string[]): string {
	const stated = principles.filter((p) => inProtocol(backing, p)).length;
	if (stated === principles.length) return 'What the protocol says';
	if (stated === 0) return 'What good practice says (your council’s protocol is silent here)';
	return 'What the protocol says, and where it is silent';
}

/** Label for the recommended choice in the debrief: "the protocol" only when it backs every principle scored. */
export function recommendedLabel(backing: Course['backing'], principles: string[]): string {
	return principles.length > 0 && principles.every((p) => inProtocol(backing, p))
		? 'The protocol recommends'
		: 'Recommended';
}

/** A short tag for a principle in a results table: null when the protocol states it. */
export function principleTag(backing: Course['backing'], principle: string): string | null {
	return inProtocol(backing, principle) ? null : 'good practice: not in your council’s protocol';
}

/** Under a results table that lists at least one gap principle: how they are scored. */
export const GOOD_PRACTICE_SCORE_NOTE =
	'Principles marked “good practice” are not stated in your council’s protocol. They count towards your score like the others, because the course teaches good practice as well as the protocol.';
