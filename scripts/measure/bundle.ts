/**
 * What a learner downloads before the first choice, read from a built package folder: index.html
 * (the CSS and the app's chunks every page needs inline), the framework's file, the launched
 * page's chunk file (src/lib/content/classic-chunks.js) and, launched into a scenario, its first
 * step's words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { firstScreenFiles } from '../../src/lib/content/classic-chunks.js';

/** The first scenario's id in a chunk or page (the compact outline starts [["<id>", …). */
export function firstScenarioId(code: string): string | undefined {
	return /\[\[["`]([a-z0-9-]+)["`],/.exec(code)?.[1];
}

export interface FirstDownload {
	/** The first scenario of the package (its outline's first). */
	scenario: string;
	/** Gzipped bytes (level 9) of each file fetched before the first choice, by path. */
	files: Record<string, number>;
	/**
	 * The same, split: framework (Svelte, SvelteKit: their own file) and CSS are each part's own
	 * gzip size, words the first step's file, app the rest (app code, the outline, the page).
	 */
	split: { framework: number; app: number; css: number; words: number };
	total: number;
}

const gz = (b: Buffer | string) => gzipSync(b, { level: 9 }).length;

/**
 * Launched straight into the first scenario (`scenario`, the larger first screen) or at the home
 * page (`home`, no words): index.html with the app's chunks every page needs inline, the
 * framework's file, the launched page's chunk file and, into a scenario, its first step's words.
 */
export function firstDownload(
	dir: string,
	launch: 'scenario' | 'home' = 'scenario'
): FirstDownload {
	const html = readFileSync(join(dir, 'index.html'), 'utf8');
	const first = firstScreenFiles(html);
	if (!first) throw new Error(`${dir}/index.html: no list of launch files (classic loader)`);
	// The framework's file (every launch), then the launched page's.
	const launchFiles: string[] = [...first.every, ...first[launch]];
	const code = [html, ...launchFiles.map((f) => readFileSync(join(dir, f), 'utf8'))];
	const scenario = code.map((c) => firstScenarioId(c)).find(Boolean);
	if (!scenario) throw new Error(`${dir}: the first scenario id is not in the launch files`);
	const files: Record<string, number> = { 'index.html': gz(html) };
	launchFiles.forEach((f, i) => (files[f] = gz(code[i + 1])));
	const words = `content/${scenario}.js`;
	if (launch === 'scenario') files[words] = gz(readFileSync(join(dir, words)));
	const css = gz([...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join(''));
	// Svelte and SvelteKit: the framework's file.
	const framework = first.every.reduce((n, f) => n + files[f], 0);
	const total = Object.values(files).reduce((a, b) => a + b, 0);
	const wordBytes = files[words] ?? 0;
	return {
		scenario,
		files,
		split: { framework, css, words: wordBytes, app: total - framework - css - wordBytes },
		total
	};
}
