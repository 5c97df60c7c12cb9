import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';
import { classicChunks } from './src/lib/content/classic-chunks.js';
import { coursePlugin } from './src/lib/content/vite-plugin.js';

export default defineConfig({
	plugins: [coursePlugin(process.cwd()), sveltekit(), classicChunks(), svelteTesting()],
	build: { assetsInlineLimit: () => true, reportCompressedSize: false },
	// A package speaks one SCORM version (src/virtual.d.ts): the other's tracker is not shipped.
	define: {
		__SCORM__: JSON.stringify(
			['1.2', '2004'].includes(process.env.SCORM?.trim() ?? '') ? process.env.SCORM!.trim() : ''
		)
	},
	server: { port: 5173 },
	test: {
		environment: 'jsdom',
		include: ['src/**/*.spec.ts', 'tests/unit/**/*.spec.ts'],
		setupFiles: ['tests/setup.ts'],
		testTimeout: 20000
	}
});
