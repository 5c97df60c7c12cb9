/**
 * Joining two saved states of the same learner: their progress from the LMS, and progress they
 * made in a session the LMS never got (a copy they claimed as theirs, see lms/scorm.ts claim).
 * Pure; never throws.
 */
import { MAX_TRIES, isFinished, type ScenarioProgress } from './session.js';
import type { SavedState } from './serialise.js';
import type { Course } from './types.js';

/**
 * Per scenario, the progress that got further: a finished route over an unfinished one, else the
 * longer route; on a tie, `extra` (the newer work). Time spent in both is added; the routes tried
 * in both are kept; the course's completion date is the earlier one.
 */
export function mergeSaved(course: Course, base: SavedState, extra: SavedState): SavedState {
	const progress: Record<string, ScenarioProgress> = { ...base.progress };
	for (const s of course.scenarios) {
		const a = base.progress[s.id];
		const b = extra.progress[s.id];
		if (!b) continue;
		if (!a) {
			progress[s.id] = { ...b, tries: [...b.tries] };
			continue;
		}
		const rank = (p: ScenarioProgress) => (isFinished(s, p.path) ? 1000 : 0) + p.path.length;
		const further = rank(a) > rank(b) ? a : b;
		const tries = [...new Set([...a.tries, ...b.tries])]
			.filter((t) => t !== further.path)
			.slice(-MAX_TRIES);
		progress[s.id] = { path: further.path, tries, secs: a.secs + b.secs };
	}
	const dates = [base.completedOn, extra.completedOn].filter((d): d is string => !!d).sort();
	return { ...base, progress, completedOn: dates[0] ?? null };
}
