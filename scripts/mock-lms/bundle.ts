/**
 * The mock LMS page's script: scripts/mock-lms/main.ts and its modules, bundled with esbuild (the
 * one vite and tsx already install) into one classic browser script. scripts/serve.ts serves it as
 * /mock-lms.js; it is rebuilt when a module changes, so npm start, the e2e tests and the bench
 * always get the current one, and nothing generated is committed.
 */
import { buildSync } from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

let cache: { stamp: string; code: string } | null = null;

/** The bundled script for the mock LMS in <root>/scripts/mock-lms (on a build error, one that says so). */
export function mockLmsScript(root: string): string {
	const dir = join(root, 'scripts/mock-lms');
	const stamp = readdirSync(dir)
		.filter((f) => f.endsWith('.ts'))
		.map((f) => `${f}:${statSync(join(dir, f)).mtimeMs}`)
		.join('|');
	if (cache?.stamp === stamp) return cache.code;
	let out;
	try {
		out = buildSync({
			entryPoints: [join(dir, 'main.ts')],
			bundle: true,
			write: false,
			format: 'iife',
			target: 'es2020',
			platform: 'browser',
			charset: 'utf8',
			legalComments: 'none',
			logLevel: 'silent'
		});
	} catch (e) {
		const message = `The mock LMS script did not build: ${(e as Error).message}`;
		console.error(message);
		return `document.title = 'Mock LMS: script error'; console.error(${JSON.stringify(message)});`;
	}
	cache = { stamp, code: out.outputFiles[0].text };
	return cache.code;
}
