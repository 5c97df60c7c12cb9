/**
 * The records the tracker sends, built from the engine's decisions and results: one interaction
 * per decision (id, response, description) and one objective per principle. Pure: no Svelte and
 * no LMS (tracking.spec.ts).
 */
import { principlePercent, type CourseResult } from '../engine/results.js';
import { recommended } from '../engine/scoring.js';
import type { Decision } from '../engine/session.js';
import { TRACK_LABELS, type Role } from '../engine/track.js';
import type { Course, Scenario } from '../engine/types.js';
import type { DecisionRecord, ObjectiveRecord } from '../lms/types.js';

/**
 * Interaction id as a provider reads it in the LMS report: "<scenario-id>_<step-id>". Only
 * letters, digits, "-" and "_", which SCORM 1.2's strictest reading of CMIIdentifier allows.
 */
export function interactionId(s: Scenario, d: Decision): string {
	return `${s.id}_${d.step.id}`.slice(0, 250);
}

/** Objective id for a principle: "confidentiality.no-disclosure" → "confidentiality_no-disclosure". */
export function objectiveId(principleId: string): string {
	return principleId.replaceAll('.', '_');
}

/**
 * "<scenario title>: <step title>. <question>", or '' when any of the words is missing (a choice
 * made before the rest of the scenario's words arrived): never a description built from gaps.
 */
export function describe(s: Scenario, d: Decision): string {
	const parts = [s.title, d.step.title, d.step.question].map((t) => (t ?? '').trim());
	return parts.every(Boolean) ? `${parts[0]}: ${parts[1]}. ${parts[2]}`.slice(0, 250) : '';
}

export function decisionRecord(
	s: Scenario,
	d: Decision,
	latencyMs: number,
	/** When the choice was made (a Date, or milliseconds since the epoch). */
	when: Date | number
): DecisionRecord {
	const rec = recommended(d.step);
	return {
		id: interactionId(s, d),
		response: d.choice.key,
		correctResponse: rec.key,
		correct: rec.key === d.choice.key,
		weighting: 1,
		latencyMs: Math.max(0, Math.round(latencyMs)),
		description: describe(s, d),
		timestamp: typeof when === 'number' ? new Date(when) : when
	};
}

/**
 * One objective per principle, then (for a councillor or officer) one for the learner's track,
 * "track_councillor" or "track_officer", described as the track's name: it carries the course
 * score and status once the track's core is complete, so a provider can see which course a
 * learner completed (docs/packaging.md).
 */
export function objectiveRecords(
	course: Course,
	result: CourseResult,
	role: Role = ''
): ObjectiveRecord[] {
	const principles = course.principles.map((p) => {
		const t = result.principles[p.id];
		const score = t ? principlePercent(t) : 0;
		return {
			id: objectiveId(p.id),
			score,
			attempted: !!t,
			passed: !!t && score >= course.passMark,
			description: p.name
		};
	});
	if (role !== 'councillor' && role !== 'officer') return principles;
	const track = {
		id: `track_${role}`,
		score: result.score,
		attempted: result.complete,
		passed: result.passed,
		description: TRACK_LABELS[role]
	};
	return [...principles, track];
}
