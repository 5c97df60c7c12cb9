declare module '*.md' {
	import type { Component } from 'svelte';
	export const metadata: Record<string, unknown>;
	const component: Component;
	export default component;
}
declare module 'text-readability' {
	const rs: { fleschReadingEase(text: string): number };
	export default rs;
}
