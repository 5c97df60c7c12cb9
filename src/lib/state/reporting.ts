/**
 * What the tracker hears about the learner's decisions: the objectives at launch; in an assessed
 * course each decision as it is made; in practice the route the learner settled on, once, when
 * they first finish a scenario. Progress from a newer version of the course (`frozen`) sends none.
 */
import { courseResult } from '../engine/results.js';
import type { SavedState } from '../engine/serialise.js';
import * as engine from '../engine/session.js';
import { effectiveRole } from '../engine/track.js';
import type { Course, Scenario } from '../engine/types.js';
import type { Tracker } from '../lms/types.js';
import { decisionRecord, objectiveRecords } from './tracking.js';

export function createReporting(
	course: Course,
	tracker: Tracker,
	start: SavedState,
	frozen: boolean
) {
	const finishedIn = (saved: SavedState) =>
		course.scenarios
			.filter((s) => engine.isFinished(s, engine.progressOf(saved, s.id).path))
			.map((s) => s.id);
	// Not reactive on purpose: which scenarios were already reported to the tracker.
	const reported = new Set(finishedIn(start));
	const role = effectiveRole(course, start.role ?? '');
	tracker.declareObjectives(objectiveRecords(course, courseResult(course, start, role), role));

	return {
		/** The learner has just chosen in scenario `s` (its words as known so far), `latency` ms after the step was shown. */
		decided(s: Scenario, saved: SavedState, latency: number, t: number) {
			const w = engine.walk(s, engine.progressOf(saved, s.id).path);
			if (frozen) {
				// (Nothing reaches the LMS in this session: see persistence.ts.)
			} else if (course.mode === 'assessed') {
				tracker.recordDecision(decisionRecord(s, w.decisions[w.decisions.length - 1], latency, t));
			} else if (w.node.kind === 'ending' && !reported.has(s.id)) {
				// Practice: report the route the learner settled on, once, when they first finish.
				for (const d of w.decisions) tracker.recordDecision(decisionRecord(s, d, 0, t));
			}
			if (w.node.kind === 'ending') reported.add(s.id);
		},
		/** Progress joined from another session: what it finished was reported there. */
		joined(saved: SavedState) {
			for (const id of finishedIn(saved)) reported.add(id);
		}
	};
}
