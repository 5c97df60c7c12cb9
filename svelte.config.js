import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * One self-contained index.html: hash routing, inlined JS and CSS, relative paths.
 * An LMS serves the package from a deep path, inside an iframe, sometimes from file://.
 * Scenario files and Markdown pages (the accessibility statement) are read by the course
 * plugin (src/lib/content/vite-plugin.ts), which parses them with mdsvex's Markdown parser
 * and ships them as data, never as HTML.
 * @type {import('@sveltejs/kit').Config}
 */
const config = {
	preprocess: [vitePreprocess()],
	kit: {
		adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
		router: { type: 'hash' },
		output: { bundleStrategy: 'inline' },
		paths: { relative: true },
		files: { assets: 'static' },
		// A strict Content-Security-Policy in a <meta> tag (an LMS serves the files, so no headers).
		// Kit adds the hash of its inline script to script-src. No 'unsafe-eval'. Inline styles
		// are allowed: the app's CSS is inlined into index.html so the package is one file.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['none'],
				'script-src': ['self'],
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
