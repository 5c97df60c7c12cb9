/**
 * The course's words as they arrive: the bundled outline has scenario graphs without their text
 * and no clauses; `loader` fetches a scenario's first step, then the rest, and the protocol, on
 * demand (and early, on prefetch). Without a loader (tests) the outline is the full course.
 */
import { joinScenario, type ScenarioText } from '../engine/text.js';
import type { Course, Scenario } from '../engine/types.js';
import type { TextLoader } from './text-loader.js';

type Protocol = Pick<Course, 'clauses' | 'backing' | 'principles'>;

const FAILED = 'Part of the course could not be loaded. Check your connection, then try again.';

/** Resolves once the next frame has painted (or after 100 ms in a tab that paints no frames). */
function afterPaint(): Promise<void> {
	return new Promise((resolve) => {
		const fallback = setTimeout(resolve, 100);
		if (typeof requestAnimationFrame === 'function')
			requestAnimationFrame(() => setTimeout(() => (clearTimeout(fallback), resolve())));
	});
}

/** `course` is the outline as played (the LMS's mastery score applied). */
export function createWords(course: Course, loader?: TextLoader) {
	let protocol = $state.raw<Protocol>(course);
	let full = $state.raw<Record<string, Scenario>>(
		loader ? {} : Object.fromEntries(course.scenarios.map((s) => [s.id, s]))
	);
	let loadError = $state('');
	/** First steps only, while the rest of a scenario's words are on their way. */
	let opening = $state.raw<Record<string, Scenario>>({});
	/** The same, joined from words the loader already holds, before loadText has run. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a cache read inside opening(), which depends on `opening`
	const early = new Map<string, Scenario>();
	const outline = (id: string) => course.scenarios.find((x) => x.id === id);

	async function loadText(id: string): Promise<void> {
		const s = outline(id);
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
			loadError = FAILED;
		}
	}

	return {
		/** The council's clauses, backing and principles (empty clauses until loaded). */
		get protocol() {
			return protocol;
		},
		get loadError() {
			return loadError;
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
			const s = first && outline(id);
			if (!s) return undefined;
			let joined = early.get(id);
			if (!joined) early.set(id, (joined = joinScenario(s, first, true)));
			return joined;
		},
		/** The words known so far, without fetching (the first step's arrive first). */
		known(id: string): Scenario | undefined {
			return full[id] ?? opening[id] ?? early.get(id);
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
		/** Loads the words of these scenarios and the protocol; resolves when done or failed. */
		async ensure(ids: string[], withProtocol = true): Promise<void> {
			const jobs = ids.map(loadText);
			if (withProtocol && loader && protocol.clauses.length === 0) {
				jobs.push(
					loader.load<Protocol>('protocol').then(
						(p) => void (protocol = p),
						(e) => {
							console.warn(e);
							loadError = FAILED;
						}
					)
				);
			}
			await Promise.all(jobs);
		}
	};
}
