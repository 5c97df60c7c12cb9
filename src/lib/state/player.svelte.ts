/**
 * The one place where the engine meets the tracker. Components read this reactive object and
 * call its actions; it keeps the engine state, saves it through the tracker after every
 * decision, and reports decisions, objectives, score and status.
 */
import { localDate } from '../display/format.js';
import { safeStorage } from '../lms/storage.js';
import { courseResult, scenarioResult } from '../engine/results.js';
import { mergeSaved } from '../engine/merge.js';
import { deserialise, serialise, type SavedState } from '../engine/serialise.js';
import * as engine from '../engine/session.js';
import { coursePlan, effectiveRole, nextScenario, roleChange, type Role } from '../engine/track.js';
import { joinScenario, type ScenarioText } from '../engine/text.js';
import type { Course, Scenario } from '../engine/types.js';
import type { TextLoader } from './text-loader.js';
import type { Tracker, TrackerStatus } from '../lms/types.js';
import { decisionRecord, objectiveRecords } from './tracking.js';

/** '' until the learner says which seat they sit in (engine/track.ts). */
export type { Role };

export interface Prefs {
	get(key: string): string | null;
	set(key: string, value: string): void;
}

/** Preferences in localStorage that never throws (lms/storage.ts, safeStorage). */
export const safePrefs = (win: Window | undefined, prefix: string): Prefs =>
	safeStorage(win, prefix);

/** Resolves once the next frame has painted (or after 100 ms in a tab that paints no frames). */
function afterPaint(): Promise<void> {
	return new Promise((resolve) => {
		const fallback = setTimeout(resolve, 100);
		if (typeof requestAnimationFrame === 'function')
			requestAnimationFrame(() => setTimeout(() => (clearTimeout(fallback), resolve())));
	});
}

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
	let protocol = $state.raw<Pick<Course, 'clauses' | 'backing' | 'principles'>>(outline);
	let full = $state.raw<Record<string, Scenario>>(
		loader ? {} : Object.fromEntries(outline.scenarios.map((s) => [s.id, s]))
	);
	let loadError = $state('');
	const withClauses = $derived({ ...course, ...protocol });
	const restored = deserialise(course, launch.suspendData);
	let saved = $state.raw<SavedState>(restored.state);
	let status = $state.raw<TrackerStatus>({ kind: 'ok', message: '' });
	let notices = $state.raw<string[]>(restored.notices);
	let learnerName = $state(launch.learnerName || prefs.get('name') || '');
	// The learner's seat is part of the saved state (suspend_data), so it follows them to any
	// browser; a package built for one audience fixes it.
	const role = $derived(effectiveRole(course, saved.role ?? ''));
	const plan = $derived(coursePlan(course, role));
	const result = $derived(courseResult(course, saved, role));
	/** Progress from a session whose learner is unknown, waiting for this learner to say whether it is theirs. */
	let unclaimed = $state.raw(launch.unclaimed ?? null);
	tracker.onStatus((s) => (status = s));

	// Not reactive on purpose: which scenarios were already reported to the tracker.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	const reported = new Set(
		course.scenarios
			.filter((s) => engine.isFinished(s, engine.progressOf(saved, s.id).path))
			.map((s) => s.id)
	);
	let shownAt = now();
	let current: string | null = null;

	// What the tracker holds: a save that would change nothing is not sent (a launch where the
	// learner does nothing writes no status to a fresh attempt, and no "home" over their place).
	// (After a repair the tracker holds the broken text: the repaired state is sent. A finished
	// course the LMS does not hold as finished, from the LMS's own data, is sent too, once.)
	const catchUp =
		!launch.finished &&
		!launch.fromBrowserCopy &&
		courseResult(course, restored.state, effectiveRole(course, restored.state.role ?? '')).complete;
	let sent = {
		text: restored.notices.length || catchUp ? '' : serialise(course, restored.state),
		location: launch.location ?? ''
	};

	tracker.declareObjectives(objectiveRecords(course, result, role));
	if (restored.notices.length) persist();

	function persist(commit = true) {
		// Progress saved by a newer version of the course: kept as it is, never overwritten.
		if (restored.newer) return;
		const r = courseResult(course, saved, role);
		// The learner's own date (completing at 00:30 in British Summer Time is that day, not the day before in UTC).
		if (r.complete && !saved.completedOn) saved = { ...saved, completedOn: localDate(now()) };
		const text = serialise(course, saved);
		const location = current ?? sent.location;
		if (text === sent.text && location === sent.location) {
			if (commit) tracker.commit();
			return;
		}
		sent = { text, location };
		tracker.updateObjectives(objectiveRecords(course, r, role));
		tracker.saveProgress({
			suspendData: text,
			location: location || 'home',
			score: r.score,
			complete: r.complete,
			passed: r.passed
		});
		if (commit) tracker.commit();
	}

	function spend(id: string) {
		const t = now();
		// Once the course is finished, time spent reviewing it is not learning time.
		if (!courseResult(course, saved).complete)
			saved = { ...saved, ...engine.addTime(saved, id, (t - shownAt) / 1000) };
		shownAt = t;
	}

	/** First steps only, while the rest of a scenario's words are on their way. */
	let opening = $state.raw<Record<string, Scenario>>({});
	/** The same, joined from words the loader already holds, before loadText has run. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a cache read inside opening(), which depends on `opening`
	const early = new Map<string, Scenario>();

	async function loadText(id: string): Promise<void> {
		const s = course.scenarios.find((x) => x.id === id);
		if (!loader || full[id] || !s) return;
		try {
			const first = await loader.load<ScenarioText>(id);
			// (The join opening() already made from these words, if it made one.)
			opening = { ...opening, [id]: early.get(id) ?? joinScenario(s, first, true) };
			// The first step paints before the rest is asked for (starting a fetch takes a while).
			await afterPaint();
			const rest = await loader.load<ScenarioText>(`${id}.more`);
			full = { ...full, [id]: joinScenario(s, { ...first, ...rest }) };
			loadError = '';
		} catch (e) {
			console.warn(e);
			loadError = 'Part of the course could not be loaded. Check your connection, then try again.';
		}
	}

	return {
		/** The course, with the council's clauses once they are loaded. */
		get course() {
			return withClauses;
		},
		/** A scenario with all its words, or undefined until they are loaded (see ensure). */
		scenario(id: string): Scenario | undefined {
			return full[id];
		},
		/** As scenario(), but available as soon as the first step's words are (later steps may have no text yet). */
		opening(id: string): Scenario | undefined {
			const known = full[id] ?? opening[id];
			if (known || !loader) return known;
			// Words that are already here (fetched while the page loaded) show in the first render.
			const first = loader.ready<ScenarioText>(id);
			const s = first && course.scenarios.find((x) => x.id === id);
			if (!s) return undefined;
			let joined = early.get(id);
			if (!joined) early.set(id, (joined = joinScenario(s, first, true)));
			return joined;
		},
		/** Starts fetching a scenario's first step, e.g. while the pointer is on a link to it. */
		prefetch(id: string): void {
			if (loader && !full[id] && !opening[id] && course.scenarios.some((s) => s.id === id))
				loader.load(id).catch(() => {});
		},
		/** Other on-demand content, e.g. "accessibility" (the statement, as rich text). */
		loadContent<T>(name: string): Promise<T> {
			return loader ? loader.load<T>(name) : Promise.reject(new Error('no content loader'));
		},
		get loadError() {
			return loadError;
		},
		/** Loads the words of these scenarios and the protocol; resolves when done or failed. */
		async ensure(ids: string[], withProtocol = true): Promise<void> {
			const jobs = ids.map(loadText);
			if (withProtocol && loader && protocol.clauses.length === 0) {
				jobs.push(
					loader.load<typeof protocol>('protocol').then(
						(p) => void (protocol = p),
						(e) => {
							console.warn(e);
							loadError =
								'Part of the course could not be loaded. Check your connection, then try again.';
						}
					)
				);
			}
			await Promise.all(jobs);
		},
		get saved() {
			return saved;
		},
		get result() {
			return result;
		},
		get status() {
			return status;
		},
		get notices() {
			return notices;
		},
		get trackerKind() {
			return tracker.kind;
		},
		get learnerName() {
			return learnerName;
		},
		get role() {
			return role;
		},
		/** The learner's course: required scenarios, electives and the track's name. */
		get plan() {
			return plan;
		},
		/** Would switching to this role be free, need the learner's confirmation, or is it fixed? */
		roleChange(r: Role) {
			return roleChange(course, saved, role, r);
		},
		dismissNotices() {
			notices = [];
		},
		/** The scenario the learner was in when they left (the LMS's location), if it is still in progress. */
		get resumeAt(): string | null {
			const at = launch.location ?? '';
			return course.scenarios.some((s) => s.id === at) &&
				engine.statusOf(course, saved, at) === 'in-progress'
				? at
				: null;
		},
		get unclaimed() {
			return unclaimed;
		},
		/** The learner says whether the unclaimed progress is theirs: yes joins it to theirs and saves it to the LMS. */
		claim(mine: boolean) {
			const copy = unclaimed;
			unclaimed = null;
			if (!copy) return;
			tracker.claim?.(mine);
			if (!mine) return;
			saved = mergeSaved(course, saved, deserialise(course, copy.suspendData).state);
			for (const s of course.scenarios)
				if (engine.isFinished(s, engine.progressOf(saved, s.id).path)) reported.add(s.id);
			persist();
		},
		setName(name: string) {
			learnerName = name.trim().slice(0, 100);
			prefs.set('name', learnerName);
		},
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
		enter(id: string) {
			if (current && current !== id) spend(current);
			current = id;
			shownAt = now();
		},
		/** A new step is on screen: latency counts from here. */
		stepShown() {
			if (current) spend(current);
		},
		choose(id: string, key: string) {
			// The words known so far (the first step's arrive first): for the interaction's description.
			const s = full[id] ?? opening[id] ?? early.get(id) ?? engine.scenarioOf(course, id);
			const t = now();
			const latency = t - shownAt;
			spend(id);
			saved = { ...saved, ...engine.choose(course, saved, id, key) };
			const w = engine.walk(s, engine.progressOf(saved, id).path);
			if (restored.newer) {
				// (Nothing reaches the LMS in this session: see persist.)
			} else if (course.mode === 'assessed') {
				tracker.recordDecision(decisionRecord(s, w.decisions[w.decisions.length - 1], latency, t));
			} else if (w.node.kind === 'ending' && !reported.has(id)) {
				// Practice: report the route the learner settled on, once, when they first finish.
				for (const d of w.decisions) tracker.recordDecision(decisionRecord(s, d, 0, t));
			}
			if (w.node.kind === 'ending') reported.add(id);
			persist();
		},
		back(id: string) {
			spend(id);
			saved = { ...saved, ...engine.back(course, saved, id) };
			persist();
		},
		/** Page hidden or closing: save time spent; commit unless the tracker is about to finish. */
		suspend(commit: boolean) {
			if (current) spend(current);
			persist(commit);
		}
	};
}

export type Player = ReturnType<typeof createPlayer>;
