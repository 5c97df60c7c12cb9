import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vite';

export default defineConfig({
	plugins: [sveltekit(), svelteTesting()],
	build: { assetsInlineLimit: () => true, reportCompressedSize: false },
	test: {
		environment: 'jsdom',
		include: ['src/**/*.spec.ts', 'tests/unit/**/*.spec.ts'],
		setupFiles: ['tests/setup.ts']
	}
});
