import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * One self-contained index.html: hash routing, inlined JS and CSS, relative paths.
 * An LMS serves the package from a deep path, inside an iframe, sometimes from file://.
 * @type {import('@sveltejs/kit').Config}
 */
const config = {
	preprocess: [vitePreprocess()],
	kit: {
		adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
		router: { type: 'hash' },
		output: { bundleStrategy: 'inline' },
		paths: { relative: true },
		files: { assets: 'static' }
	}
};

export default config;
