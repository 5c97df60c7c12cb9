import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { mdsvex } from 'mdsvex';

/**
 * One self-contained index.html: hash routing, inlined JS and CSS, relative paths.
 * An LMS serves the package from a deep path, inside an iframe, sometimes from file://.
 * Markdown pages (src/routes/**\/+page.md) go through mdsvex. Scenario files are read by the
 * course plugin (src/lib/content/vite-plugin.ts), which parses them with mdsvex too.
 * @type {import('@sveltejs/kit').Config}
 */
const config = {
	extensions: ['.svelte', '.md'],
	preprocess: [vitePreprocess(), mdsvex({ extensions: ['.md'] })],
	kit: {
		adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
		router: { type: 'hash' },
		output: { bundleStrategy: 'inline' },
		paths: { relative: true },
		files: { assets: 'static' }
	}
};

export default config;
