/**
 * The one place where the engine meets the tracker. Components read this reactive object and
 * call its actions; it keeps the engine state and composes the rest, each in its own module:
 * words.svelte.ts (text loading and prefetch), persistence.ts (restore and save through the
 * tracker), reporting.ts (decisions and objectives to the tracker), time.ts (time on task) and
 * prefs.svelte.ts (the learner's preferences in this browser).
 */
import { courseResult, scenarioResult } from '../engine/results.js';
import { deserialise, type SavedState } from '../engine/serialise.js';
import * as engine from '../engine/session.js';
import { coursePlan, effectiveRole, nextScenario, roleChange, type Role } from '../engine/track.js';
import type { Course } from '../engine/types.js';
import type { TextLoader } from './text-loader.js';
import type { Tracker, TrackerStatus } from '../lms/types.js';
import { createPersistence } from './persistence.js';
import { createLearnerName, type Prefs } from './prefs.svelte.js';
import { createReporting } from './reporting.js';
import { createStopwatch } from './time.js';
import { createWords } from './words.svelte.js';

/** '' until the learner says which seat they sit in (engine/track.ts). */
export type { Role };
export { safePrefs, type Prefs } from './prefs.svelte.js';

/**
 * `outline` is the course as bundled: scenario graphs without their words and no clauses.
 * `loader` fetches the words when needed; tests pass a full course and no loader.
 */
export function createPlayer(
	outline: Course,
	tracker: Tracker,
	prefs: Prefs,
	now: () => number = Date.now,
	loader?: TextLoader
) {
	const launch = tracker.start();
	// An LMS may send its own mastery score; it wins over the pass mark built into the package.
	const course: Course =
		launch.masteryScore !== undefined && outline.mode === 'assessed'
			? { ...outline, passMark: launch.masteryScore }
			: outline;
	const words = createWords(course, loader);
	const withClauses = $derived({ ...course, ...words.protocol });
	const store = createPersistence(course, tracker, launch, now);
	const { restored } = store;
	let saved = $state.raw<SavedState>(restored.state);
	let status = $state.raw<TrackerStatus>({ kind: 'ok', message: '' });
	let notices = $state.raw<string[]>(restored.notices);
	const learnerName = createLearnerName(launch.learnerName, prefs);
	// The learner's seat is part of the saved state (suspend_data), so it follows them to any
	// browser; a package built for one audience fixes it.
	const role = $derived(effectiveRole(course, saved.role ?? ''));
	const plan = $derived(coursePlan(course, role));
	const result = $derived(courseResult(course, saved, role));
	/** Progress from a session whose learner is unknown, waiting for this learner to say whether it is theirs. */
	let unclaimed = $state.raw(launch.unclaimed ?? null);
	tracker.onStatus((s) => (status = s));
	const reporting = createReporting(course, tracker, restored.state, !!restored.newer);
	const clock = createStopwatch(now, (id, secs) => {
		// Once the course is finished, time spent reviewing it is not learning time.
		if (!courseResult(course, saved).complete)
			saved = { ...saved, ...engine.addTime(saved, id, secs) };
	});

	const persist = (commit = true) => void (saved = store.save(saved, role, clock.current, commit));
	if (restored.notices.length) persist();

	// What components read: each becomes a getter, so a template or effect that reads it re-runs
	// when it changes.
	const reads = {
		/** The course, with the council's clauses once they are loaded. */
		course: () => withClauses,
		loadError: () => words.loadError,
		saved: () => saved,
		result: () => result,
		status: () => status,
		notices: () => notices,
		trackerKind: () => tracker.kind,
		learnerName: () => learnerName.value,
		role: () => role,
		/** The learner's course: required scenarios, electives and the track's name. */
		plan: () => plan,
		/** The scenario the learner was in when they left (the LMS's location), if it is still in progress. */
		resumeAt: (): string | null => {
			const at = launch.location ?? '';
			return course.scenarios.some((s) => s.id === at) &&
				engine.statusOf(course, saved, at) === 'in-progress'
				? at
				: null;
		},
		unclaimed: () => unclaimed
	};

	return withReads(reads, {
		scenario: words.scenario,
		opening: words.opening,
		prefetch: words.prefetch,
		loadContent: words.loadContent,
		ensure: words.ensure,
		/** Would switching to this role be free, need the learner's confirmation, or is it fixed? */
		roleChange(r: Role) {
			return roleChange(course, saved, role, r);
		},
		dismissNotices() {
			notices = [];
		},
		/**
		 * The learner says whether the unclaimed progress is theirs: yes joins it to theirs and saves
		 * it to the LMS, once the merging code has loaded (it is not in the first download).
		 */
		async claim(mine: boolean) {
			const copy = unclaimed;
			unclaimed = null;
			if (!copy) return;
			if (!mine) return tracker.claim?.(false);
			let mergeSaved: typeof import('../engine/merge.js').mergeSaved;
			try {
				({ mergeSaved } = await import('../engine/merge.js'));
			} catch (e) {
				console.warn('[player] could not load the code that joins progress', e);
				unclaimed = copy; // asked again: nothing has been sent or removed
				return;
			}
			tracker.claim?.(true);
			saved = mergeSaved(course, saved, deserialise(course, copy.suspendData).state);
			reporting.joined(saved);
			persist();
		},
		setName: learnerName.set,
		/**
		 * Sets the learner's seat, saved to the LMS at once. After the first decision the course
		 * would change under the learner, so it needs `confirmed`; returns whether it changed.
		 */
		setRole(r: Role, confirmed = false): boolean {
			const how = roleChange(course, saved, role, r);
			if (how === 'same' || how === 'fixed' || (how === 'confirm' && !confirmed)) return false;
			// A confirmed change starts a different course: its completion date is its own.
			saved = { ...saved, role: r, completedOn: how === 'confirm' ? null : saved.completedOn };
			persist();
			return true;
		},
		/** The scenario to offer after this one: the next unfinished one in the learner's course. */
		nextAfter(id: string) {
			return nextScenario(plan, id, (x) => engine.statusOf(course, saved, x) === 'finished');
		},
		progress(id: string) {
			return engine.progressOf(saved, id);
		},
		status_of(id: string) {
			return engine.statusOf(course, saved, id);
		},
		position(id: string) {
			return engine.positionOf(course, saved, id);
		},
		scenarioResult(id: string) {
			const s = engine.scenarioOf(course, id);
			const p = engine.progressOf(saved, id);
			return scenarioResult(s, p.path, p.secs);
		},
		/** The learner opens a scenario (or comes back to it). */
		enter: clock.enter,
		/** A new step is on screen: latency counts from here. */
		stepShown: clock.lap,
		choose(id: string, key: string) {
			// The words known so far (the first step's arrive first): for the interaction's description.
			const s = words.known(id) ?? engine.scenarioOf(course, id);
			const t = now();
			const latency = clock.since(t);
			clock.spend(id);
			saved = { ...saved, ...engine.choose(course, saved, id, key) };
			reporting.decided(s, saved, latency, t);
			persist();
		},
		back(id: string) {
			clock.spend(id);
			saved = { ...saved, ...engine.back(course, saved, id) };
			persist();
		},
		/** Page hidden or closing: save time spent; commit unless the tracker is about to finish. */
		suspend(commit: boolean) {
			clock.lap();
			persist(commit);
		}
	});
}

/**
 * `methods` with each of `reads` on it as a read-only getter: the reads are stated once, and a
 * component that reads one still sees the state behind it now (a spread would copy it once).
 */
function withReads<R extends Record<string, () => unknown>, M extends object>(
	reads: R,
	methods: M
): M & { readonly [K in keyof R]: ReturnType<R[K]> } {
	for (const [key, get] of Object.entries(reads))
		Object.defineProperty(methods, key, { get, enumerable: true });
	return methods as M & { readonly [K in keyof R]: ReturnType<R[K]> };
}

export type Player = ReturnType<typeof createPlayer>;
