/**
 * The learner's progress through a course, as pure functions: (course, state, choice) → state.
 * A scenario's progress is the string of choice letters taken from its first step, so the
 * position, path and scores are always derived by replaying it: nothing can drift apart.
 */
import type { Choice, Course, Ending, Mode, Node, Scenario, Step } from './types.js';

export interface ScenarioProgress {
	/** Choice letters taken from the start, e.g. "abd". */
	path: string;
	/** Practice mode: earlier routes the learner went back from (most recent last). */
	tries: string[];
	/** Seconds spent in this scenario. */
	secs: number;
}

export interface CourseState {
	progress: Record<string, ScenarioProgress>;
}

export interface Decision {
	step: Step;
	choice: Choice;
}

export interface Walk {
	node: Node;
	decisions: Decision[];
	/** Letters of `path` that could be replayed (all of them when the path is valid). */
	valid: number;
}

export class EngineError extends Error {
	name = 'EngineError';
}

/** Most earlier routes kept per scenario in practice mode (keeps saved progress small). */
export const MAX_TRIES = 3;

export function emptyState(): CourseState {
	return { progress: {} };
}

export function progressOf(state: CourseState, id: string): ScenarioProgress {
	return state.progress[id] ?? { path: '', tries: [], secs: 0 };
}

export function scenarioOf(course: Course, id: string): Scenario {
	const s = course.scenarios.find((x) => x.id === id);
	if (!s) throw new EngineError(`there is no scenario "${id}" in this course`);
	return s;
}

/** Replays a path from the first step. Stops at the first letter that does not fit. */
export function walk(s: Scenario, path: string): Walk {
	let node: Node = s.nodes[s.start];
	const decisions: Decision[] = [];
	let valid = 0;
	for (const key of path) {
		if (node.kind !== 'step') break;
		const choice = node.choices.find((c) => c.key === key);
		const next = choice && s.nodes[choice.next];
		if (!choice || !next) break;
		decisions.push({ step: node, choice });
		node = next;
		valid++;
	}
	return { node, decisions, valid };
}

export function isFinished(s: Scenario, path: string): boolean {
	return walk(s, path).node.kind === 'ending';
}

export function endingOf(s: Scenario, path: string): Ending | null {
	const n = walk(s, path).node;
	return n.kind === 'ending' ? n : null;
}

function withProgress(state: CourseState, id: string, p: ScenarioProgress): CourseState {
	return { progress: { ...state.progress, [id]: p } };
}

/** Takes a choice at the learner's current step of a scenario. */
export function choose(
	course: Course,
	state: CourseState,
	scenarioId: string,
	key: string
): CourseState {
	const s = scenarioOf(course, scenarioId);
	const p = progressOf(state, scenarioId);
	const { node } = walk(s, p.path);
	if (node.kind !== 'step') throw new EngineError(`scenario "${scenarioId}" is already finished`);
	if (!node.choices.some((c) => c.key === key))
		throw new EngineError(`step "${node.id}" has no choice "${key}"`);
	return withProgress(state, scenarioId, { ...p, path: p.path + key });
}

/** Practice mode: undo the last choice. The undone route is kept in `tries` for the debrief. */
export function back(course: Course, state: CourseState, scenarioId: string): CourseState {
	if (course.mode !== 'practice')
		throw new EngineError('going back is only allowed in practice mode');
	scenarioOf(course, scenarioId);
	const p = progressOf(state, scenarioId);
	if (p.path === '') throw new EngineError(`scenario "${scenarioId}" is already at its first step`);
	return withProgress(state, scenarioId, {
		...p,
		path: p.path.slice(0, -1),
		tries: rememberTry(p.tries, p.path)
	});
}

/** Keeps the maximal routes only: a route that merely extends an earlier one replaces it. */
export function rememberTry(tries: string[], path: string): string[] {
	if (tries.some((t) => t.startsWith(path))) return tries;
	const kept = tries.filter((t) => !path.startsWith(t));
	return [...kept, path].slice(-MAX_TRIES);
}

/** Every route tried in a scenario, the current one last (practice debrief). */
export function routesTried(p: ScenarioProgress): string[] {
	return p.path
		? rememberTry(p.tries, p.path)
				.filter((t) => t !== p.path)
				.concat(p.path)
		: p.tries;
}

/** A route the learner took through a scenario, replayed from its first step. */
export interface Route extends Walk {
	/** Its choice letters, e.g. "ab". */
	path: string;
}

/**
 * The routes a debrief goes over, each replayed: in practice mode every route tried (the current
 * one last), otherwise the current one only (even before the first choice).
 */
export function routesToReview(s: Scenario, p: ScenarioProgress, mode: Mode): Route[] {
	const paths = mode === 'practice' ? routesTried(p) : [p.path];
	return paths.map((path) => ({ path, ...walk(s, path) }));
}

export function addTime(state: CourseState, scenarioId: string, secs: number): CourseState {
	const p = progressOf(state, scenarioId);
	return withProgress(state, scenarioId, { ...p, secs: p.secs + Math.max(0, Math.round(secs)) });
}

/** Where the learner is in a scenario: not started, a step, or an ending. */
export function positionOf(course: Course, state: CourseState, scenarioId: string): Node {
	const s = scenarioOf(course, scenarioId);
	return walk(s, progressOf(state, scenarioId).path).node;
}

export type ScenarioStatus = 'not-started' | 'in-progress' | 'finished';

export function statusOf(course: Course, state: CourseState, scenarioId: string): ScenarioStatus {
	const s = scenarioOf(course, scenarioId);
	const p = progressOf(state, scenarioId);
	if (isFinished(s, p.path)) return 'finished';
	return p.path || p.tries.length || p.secs > 0 ? 'in-progress' : 'not-started';
}
