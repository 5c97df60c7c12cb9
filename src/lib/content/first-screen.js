/**
 * The first screen as HTML, rendered at build time (issue 25): the home page as a fresh learner
 * sees it (the role question, or in a package for one audience its course), so index.html paints
 * it before any script has run.
 *
 * Rendered by Svelte's server renderer from the real components, as SvelteKit's server build
 * compiled them for this package (its council, its course: the course plugin's virtual:course):
 * the root layout and the home page, through Kit's own root component. No copy of the page is
 * written by hand. In that render there is no window: the layout starts its player as a fresh
 * learner's (src/lib/state/first-screen.ts, firstScreenTracker).
 *
 * classicBoot (classic-chunks.js) puts the markup in index.html's body before the scripts, inside
 * `<div id="cs-first">`; the layout removes it when the app mounts (takeOver), and the boot line of
 * src/app.html hides all of it but its header when the module is launched on another page.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The wrapper's id: also in src/lib/state/first-screen.ts and in src/app.html's boot line. */
export const FIRST_SCREEN_ID = 'cs-first';

/** Svelte's hydration markers (`<!--[-->`, `<!--]-->`, `<!---->`, head hashes): no hydration here. */
const MARKERS = /<!--[[\]!0-9a-z-]*-->/g;

/**
 * @param {string} serverDir SvelteKit's server build (builder.getServerDirectory())
 * @returns {Promise<{ head: string, body: string }>} the page's <title>, and its markup
 */
export async function renderFirstScreen(serverDir) {
	const load = (/** @type {string} */ f) => import(pathToFileURL(join(serverDir, f)).href);
	const { manifest } = await load('manifest.js');
	const { options } = await load('internal.js');
	/** @type {{ id: string, page: { layouts: (number | undefined)[], leaf: number } | null }[]} */
	const routes = manifest._.routes;
	const home = routes.find((r) => r.id === '/')?.page;
	if (!home) throw new Error(`${serverDir}: the server build has no home page (route "/")`);
	const nodes = [...home.layouts, home.leaf].filter((n) => n !== undefined);
	const constructors = await Promise.all(
		nodes.map(async (n) => (await manifest._.nodes[n]()).component())
	);
	// Kit's root component, as Kit's own server renders a page (runtime/server/page/render.js),
	// with stores that hold nothing: neither the layout nor the home page reads them.
	const store = { set() {}, notify() {}, subscribe: () => () => {} };
	const page = {
		error: null,
		params: {},
		route: { id: '/' },
		status: 200,
		url: new URL('http://localhost/'),
		data: {},
		form: null,
		state: {}
	};
	/** @type {Record<string, unknown>} */
	const props = {
		stores: { page: store, navigating: store, updated: store },
		page,
		constructors,
		components: [],
		form: null
	};
	nodes.forEach((_, i) => (props[`data_${i}`] = null));
	const out = await options.root.render(props, {
		context: new Map([['__request__', { page }]])
	});
	const body = String(out.html).replace(MARKERS, '').trim();
	const head = String(out.head).replace(MARKERS, '').trim();
	if (!/<input[^>]+name="role"|<a href="#\/scenario\//.test(body))
		throw new Error(
			`${serverDir}: the rendered home page has no role question and no scenario link`
		);
	return { head, body };
}
