/** Scores: per decision, per scenario, per principle and for the whole course. */
import { choiceTotal, decisionQuality, recommended } from './scoring.js';
import { progressOf, walk, type CourseState, type Decision } from './session.js';
import { coursePlan, type Role } from './track.js';
import type { Course, Ending, Scenario } from './types.js';

export interface PrincipleTally {
	earned: number;
	best: number;
	worst: number;
	decisions: number;
}

export interface ScenarioResult {
	id: string;
	finished: boolean;
	ending: Ending | null;
	/** 0–100, or null before the first decision. */
	score: number | null;
	decisions: Decision[];
	/** How many of the decisions took the step's recommended choice. */
	recommended: number;
	principles: Record<string, PrincipleTally>;
	secs: number;
}

export interface CourseResult {
	/** 0–100 over finished required scenarios (all of them count once all are finished). */
	score: number;
	/** Every required scenario finished. */
	complete: boolean;
	passed: boolean;
	/** Required scenarios finished. */
	finishedCount: number;
	/** Ids of the scenarios that count (the learner's core), in course order. */
	required: string[];
	/** Ids of the learner's electives: reported, never required. */
	electives: string[];
	/** The track's name ("Councillor induction"), or '' when every scenario is required. */
	track: string;
	/** One per course scenario, in course order. */
	scenarios: ScenarioResult[];
	principles: Record<string, PrincipleTally>;
	secs: number;
}

function tally(into: Record<string, PrincipleTally>, decisions: Decision[]) {
	for (const { step, choice } of decisions) {
		const ids = new Set(step.choices.flatMap((c) => Object.keys(c.scores)));
		for (const id of ids) {
			const pts = step.choices.map((c) => c.scores[id] ?? 0);
			const t = (into[id] ??= { earned: 0, best: 0, worst: 0, decisions: 0 });
			t.earned += choice.scores[id] ?? 0;
			t.best += Math.max(...pts);
			t.worst += Math.min(...pts);
			t.decisions++;
		}
	}
}

/** A principle's result as 0–100: where the learner's points sit between worst and best. */
export function principlePercent(t: PrincipleTally): number {
	return t.best === t.worst ? 100 : Math.round(((t.earned - t.worst) / (t.best - t.worst)) * 100);
}

/**
 * How a principle went, in words, wherever a principle's score is shown (a scenario's ending and
 * the results page): met at the course's pass mark, partly met from half-way.
 */
export function principleBand(pct: number, passMark: number): 'Met' | 'Partly met' | 'Not met' {
	return pct >= passMark ? 'Met' : pct >= 50 ? 'Partly met' : 'Not met';
}

export function scenarioResult(s: Scenario, path: string, secs = 0): ScenarioResult {
	const w = walk(s, path);
	const principles: Record<string, PrincipleTally> = {};
	tally(principles, w.decisions);
	const q = w.decisions.map((d) => decisionQuality(d.step, d.choice));
	return {
		id: s.id,
		finished: w.node.kind === 'ending',
		ending: w.node.kind === 'ending' ? w.node : null,
		score: q.length ? Math.round((q.reduce((a, b) => a + b, 0) / q.length) * 100) : null,
		decisions: w.decisions,
		recommended: w.decisions.filter((d) => recommended(d.step).key === d.choice.key).length,
		principles,
		secs
	};
}

/**
 * The course result for a learner in `role`: completion, score, pass and principles cover the
 * required scenarios of their track only (see engine/track.ts); electives are reported per
 * scenario but never count.
 */
export function courseResult(course: Course, state: CourseState, role: Role = ''): CourseResult {
	const plan = coursePlan(course, role);
	const required = new Set(plan.required.map((s) => s.id));
	const scenarios = course.scenarios.map((s) => {
		const p = progressOf(state, s.id);
		return scenarioResult(s, p.path, p.secs);
	});
	const counted = scenarios.filter((r) => required.has(r.id));
	const finished = counted.filter((r) => r.finished);
	const complete = finished.length === counted.length && counted.length > 0;
	const principles: Record<string, PrincipleTally> = {};
	for (const r of finished) tally(principles, r.decisions);
	const denominator = complete ? counted.length : Math.max(finished.length, 1);
	const score = Math.round(finished.reduce((a, r) => a + (r.score ?? 0), 0) / denominator);
	return {
		score,
		complete,
		passed: complete && course.mode === 'assessed' && score >= course.passMark,
		finishedCount: finished.length,
		required: plan.required.map((s) => s.id),
		electives: plan.electives.map((s) => s.id),
		track: plan.label,
		scenarios,
		principles,
		secs: scenarios.reduce((a, r) => a + r.secs, 0)
	};
}

export { choiceTotal, recommended };
