/**
 * The learner's progress through the tracker: restored from what the LMS gave at launch, then
 * saved after every change, but only when it differs from what the tracker holds (a launch where
 * the learner does nothing writes no status to a fresh attempt, and no "home" over their place).
 * (After a repair the tracker holds the broken text: the repaired state is sent. A finished
 * course the LMS does not hold as finished, from the LMS's own data, is sent too, once.)
 */
import { localDate } from '../display/format.js';
import { courseResult } from '../engine/results.js';
import { deserialise, serialise, type SavedState } from '../engine/serialise.js';
import { effectiveRole, type Role } from '../engine/track.js';
import type { Course } from '../engine/types.js';
import type { LaunchData, Tracker } from '../lms/types.js';
import { objectiveRecords } from './tracking.js';

export function createPersistence(
	course: Course,
	tracker: Tracker,
	launch: LaunchData,
	now: () => number
) {
	const restored = deserialise(course, launch.suspendData);
	const catchUp =
		!launch.finished &&
		!launch.fromBrowserCopy &&
		courseResult(course, restored.state, effectiveRole(course, restored.state.role ?? '')).complete;
	let sent = {
		text: restored.notices.length || catchUp ? '' : serialise(course, restored.state),
		location: launch.location ?? ''
	};

	return {
		/** The progress the launch brought, with notices for the learner if it was not all usable. */
		restored,
		/**
		 * Sends `saved` with `location` (null: the place last sent) unless the tracker holds it
		 * already, then commits if asked. Returns the state as saved: dated in the learner's own
		 * calendar once it completes the course (00:30 in British Summer Time is that day, not the
		 * day before in UTC).
		 */
		save(saved: SavedState, role: Role, location: string | null, commit = true): SavedState {
			// Progress saved by a newer version of the course: kept as it is, never overwritten.
			if (restored.newer) return saved;
			const r = courseResult(course, saved, role);
			if (r.complete && !saved.completedOn) saved = { ...saved, completedOn: localDate(now()) };
			const text = serialise(course, saved);
			const place = location ?? sent.location;
			if (text === sent.text && place === sent.location) {
				if (commit) tracker.commit();
				return saved;
			}
			sent = { text, location: place };
			tracker.updateObjectives(objectiveRecords(course, r, role));
			tracker.saveProgress({
				suspendData: text,
				location: place || 'home',
				score: r.score,
				complete: r.complete,
				passed: r.passed
			});
			if (commit) tracker.commit();
			return saved;
		}
	};
}
