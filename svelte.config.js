import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { classicBoot } from './src/lib/content/classic-chunks.js';
import { renderFirstScreen } from './src/lib/content/first-screen.js';

/**
 * The one inline script of our own: src/app.html's boot line. Launched straight into a scenario
 * (#/scenario/<id>), it starts fetching that scenario's first step (content/<id>.js) while
 * index.html is still arriving; the scenario route waits briefly for it (+page.ts), so the words
 * are there for the first render. src/lib/state/text-loader.ts takes over window.__csBoot.
 * On a launch at the home page it lets the skip link of index.html's static first screen work
 * before the app has started, and records a link followed there (src/lib/state/first-screen.ts);
 * on any other launch it hides all of that screen but its header (#cs-first, the home page's
 * markup rendered at build time: src/lib/content/first-screen.js), so the council's header paints
 * while the app starts.
 * The policy allows the line by its hash; after the build, classicBoot puts the chunk loader in the
 * same script (and its hash in place of this one) and adds the hash of the body's script, with the
 * app's code every page needs.
 */
const boot = /<script>([\s\S]*?)<\/script>/.exec(
	readFileSync(new URL('./src/app.html', import.meta.url), 'utf8')
);
if (!boot) throw new Error('src/app.html: the boot <script> is missing');
const bootHash = `sha256-${createHash('sha256').update(boot[1]).digest('base64')}`;

/**
 * The static adapter, then index.html rewritten to boot through the classic-script loader
 * (src/lib/content/classic-chunks.js).
 * @param {import('@sveltejs/kit').Adapter} inner
 * @returns {import('@sveltejs/kit').Adapter}
 */
function classic(inner) {
	return {
		...inner,
		async adapt(builder) {
			await inner.adapt(builder);
			classicBoot('build', process.cwd(), await renderFirstScreen(builder.getServerDirectory()));
		}
	};
}

/**
 * Components shown only after the first choice (the feedback and ending views, and the results,
 * certificate, debrief, protocol, accessibility and error pages): their scoped CSS goes in their
 * own code, added to the page when they are first shown, rather than in the CSS inlined in
 * index.html, which every learner downloads before the first choice (issue 25). The first
 * screen's components (layout, home page, scenario step, choice form, rich text, artefacts) keep
 * theirs in index.html, so the first paint needs no script to be styled.
 */
const LATE_COMPONENT =
	/[\\/]src[\\/](routes[\\/](results|certificate|debrief|protocol|accessibility)[\\/]|routes[\\/]\+error\.svelte$|lib[\\/]components[\\/](EndingView|Feedback|ClauseQuote|DebriefScenario)\.svelte$)/;

/**
 * Hash routing, relative paths, and Kit's split build written as classic scripts (see
 * src/lib/content/classic-chunks.js): index.html with the CSS and the app's code every page
 * needs inline; the framework (Svelte, SvelteKit), the launched page's code and the other pages'
 * in three files. An LMS serves the package from a deep path, inside an iframe, sometimes from file://.
 * Scenario files and Markdown pages (the accessibility statement) are read by the course
 * plugin (src/lib/content/vite-plugin.ts), which parses them with mdsvex's Markdown parser
 * and ships them as data, never as HTML.
 * @type {import('@sveltejs/kit').Config}
 */
const config = {
	preprocess: [vitePreprocess()],
	vitePlugin: {
		dynamicCompileOptions: ({ filename }) =>
			LATE_COMPONENT.test(filename) ? { css: 'injected' } : undefined
	},
	kit: {
		adapter: classic(
			adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true })
		),
		router: { type: 'hash' },
		output: { bundleStrategy: 'split' },
		paths: { relative: true },
		files: { assets: 'static' },
		// A strict Content-Security-Policy in a <meta> tag (an LMS serves the files, so no headers).
		// Kit adds the hash of its inline script to script-src, and bootHash is ours (classicBoot
		// replaces both when it rewrites those scripts). No 'unsafe-eval'. Inline styles are allowed:
		// the app's CSS is inlined into index.html (one request fewer).
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['none'],
				'script-src': ['self', bootHash],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'base-uri': ['none'],
				'form-action': ['none'],
				'object-src': ['none']
			}
		}
	}
};

export default config;
