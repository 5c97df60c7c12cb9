/**
 * Courses sized for each learner. A councillor takes the councillor track ("Councillor
 * induction"), an officer the officer track ("Officer refresher"); "both" scenarios are in each.
 * Each track has core scenarios (completion, score and pass mark cover these) and electives
 * (offered and reported, never required). Pure functions over the course and the saved state.
 */
import type { CourseState } from './session.js';
import type { Course, Scenario, Track, TrackPlan } from './types.js';

/** The learner's seat: a track, 'all' (trainers: every scenario required), or '' (not chosen yet). */
export type Role = Track | 'all' | '';

export const TRACKS: readonly Track[] = ['councillor', 'officer'];

export const TRACK_LABELS: Record<Track, string> = {
	councillor: 'Councillor induction',
	officer: 'Officer refresher'
};

/** Is a scenario written for this track (its own audience, or "both")? */
export function inTrack(s: Pick<Scenario, 'audience'>, track: Track): boolean {
	return s.audience === track || s.audience === 'both';
}

/**
 * Each track's core and electives for a course. `declared` is scenarios/tracks.yaml (null: every
 * scenario of the track is core); `core` a build option naming the core scenarios, overriding it;
 * `selection` the scenarios the package holds (null: all). A selection without `core` makes
 * every selected scenario of the track core: the provider chose exactly what to teach.
 */
export function planTracks(
	scenarios: Pick<Scenario, 'id' | 'audience'>[],
	declared: Record<Track, TrackPlan> | null,
	core: string[] | null,
	selection: string[] | null
): Record<Track, TrackPlan> {
	const plan = {} as Record<Track, TrackPlan>;
	for (const track of TRACKS) {
		const ids = scenarios.filter((s) => inTrack(s, track)).map((s) => s.id);
		const isCore = (id: string) =>
			core
				? core.includes(id)
				: selection
					? true
					: declared
						? declared[track].core.includes(id)
						: true;
		plan[track] = { core: ids.filter(isCore), electives: ids.filter((id) => !isCore(id)) };
	}
	return plan;
}

/** The role a learner has in this course: fixed by the package, or their own choice. */
export function effectiveRole(course: Pick<Course, 'audience'>, chosen: Role): Role {
	return course.audience ?? chosen;
}

export interface CoursePlan {
	role: Role;
	/** The track's name for the certificate and results, e.g. "Councillor induction"; '' for none. */
	label: string;
	/** Scenarios that count for completion, score and the pass mark, in course order. */
	required: Scenario[];
	/** Scenarios offered but not required, in course order. */
	electives: Scenario[];
	/** Every scenario shown to this learner: required then electives, in course order. */
	shown: Scenario[];
}

/** What a learner in this role is asked to do. No role yet, or 'all': every scenario is required. */
export function coursePlan(
	course: Pick<Course, 'audience' | 'tracks' | 'scenarios'>,
	chosen: Role
): CoursePlan {
	const role = effectiveRole(course, chosen);
	if (role === '' || role === 'all') {
		return { role, label: '', required: course.scenarios, electives: [], shown: course.scenarios };
	}
	const t = course.tracks[role];
	const required = course.scenarios.filter((s) => t.core.includes(s.id));
	const electives = course.scenarios.filter((s) => t.electives.includes(s.id));
	return {
		role,
		label: TRACK_LABELS[role],
		required,
		electives,
		shown: course.scenarios.filter((s) => t.core.includes(s.id) || t.electives.includes(s.id))
	};
}

/** Has the learner made any decision (or spent time in a scenario's steps in practice)? */
export function hasDecided(state: CourseState): boolean {
	return Object.values(state.progress).some((p) => p.path !== '' || p.tries.length > 0);
}

/**
 * Can the learner switch from one role to another without being asked? Choosing for the first
 * time, or switching before the first decision, is free; afterwards the learner must confirm
 * (their course changes, and results in scenarios outside the new track stop counting). A
 * package built for one audience never changes role.
 */
export function roleChange(
	course: Pick<Course, 'audience'>,
	state: CourseState,
	from: Role,
	to: Role
): 'same' | 'free' | 'confirm' | 'fixed' {
	if (course.audience) return 'fixed';
	if (from === to) return 'same';
	if (from === '' || !hasDecided(state)) return 'free';
	return 'confirm';
}

/**
 * The scenario to offer after `current`: the next unfinished one of the learner's course
 * (required first, then electives), wrapping round; never one outside the track.
 */
export function nextScenario(
	plan: CoursePlan,
	current: string,
	isFinished: (id: string) => boolean
): Scenario | undefined {
	for (const list of [plan.required, plan.electives]) {
		const i = list.findIndex((s) => s.id === current);
		const order = i < 0 ? list : list.slice(i + 1).concat(list.slice(0, i));
		const next = order.find((s) => s.id !== current && !isFinished(s.id));
		if (next) return next;
	}
	return undefined;
}
