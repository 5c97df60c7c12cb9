/**
 * The largest suspend_data the course can produce: every scenario finished along its longest
 * route, the most time the format stores, the completion date, and (practice) the most
 * earlier routes kept. Shared by the budget test and the benchmark.
 */
import { buildCourse, loadLibrary } from '../../src/lib/content/course';
import { parseBuildOptions } from '../../src/lib/content/options';
import { serialise, type SavedState } from '../../src/lib/engine/serialise';
import { MAX_TRIES } from '../../src/lib/engine/session';
import type { Scenario } from '../../src/lib/engine/types';

/** Every complete route (choice letters) through a scenario, longest first. */
export function allRoutes(s: Scenario): string[] {
	const out: string[] = [];
	const go = (id: string, path: string) => {
		const n = s.nodes[id];
		if (n.kind === 'ending') return void out.push(path);
		for (const c of n.choices) go(c.next, path + c.key);
	};
	go(s.start, '');
	return out.sort((a, b) => b.length - a.length);
}

export async function longestSuspend(
	root: string
): Promise<{ chars: number; mode: string; text: string }> {
	const lib = await loadLibrary(root);
	if (lib.errors.length) throw new Error('content has errors: run npm run validate');
	let worst = { chars: 0, mode: '', text: '' };
	for (const mode of ['assessed', 'practice'] as const) {
		for (const council of lib.councils) {
			const { options } = parseBuildOptions(
				{ COUNCIL: council.id, COURSE_MODE: mode },
				{ councils: lib.councils.map((c) => c.id), scenarios: lib.scenarios.map((s) => s.id) }
			);
			const course = buildCourse(lib, options);
			const state: SavedState = { progress: {}, completedOn: '2026-12-31', role: 'councillor' };
			for (const s of course.scenarios) {
				const routes = allRoutes(s);
				state.progress[s.id] = {
					path: routes[0],
					secs: 359999,
					tries: mode === 'practice' ? routes.slice(1, 1 + MAX_TRIES) : []
				};
			}
			const text = serialise(course, state);
			if (text.length > worst.chars) worst = { chars: text.length, mode, text };
		}
	}
	return worst;
}
