// @vitest-environment node
/**
 * Broken content reads the same in every command: npm run validate and npm run package print
 * the same report, `vite build` prints it and stops (no plugin stack trace),
 * and the dev server (npm run dev / preview)
 * prints it and serves a page that shows it.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadLibrary } from './course';
import { formatError, problemReport } from './errors';
import { coursePlugin } from './vite-plugin';

let root: string;
const broken = 'scenarios/broken.md';
beforeAll(() => {
	root = mkdtempSync(join(tmpdir(), 'plugin-'));
	mkdirSync(join(root, 'scenarios'));
	cpSync('scenarios/principles.yaml', join(root, 'scenarios/principles.yaml'));
	cpSync('scenarios/councils', join(root, 'scenarios/councils'), { recursive: true });
	const example = readFileSync('tests/fixtures/scenarios/example.md', 'utf8');
	writeFileSync(join(root, broken), example.replace('{clerk} deal', '{clerk deal'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

type Hook = (this: unknown, ...args: unknown[]) => unknown;
const hook = (p: ReturnType<typeof coursePlugin>, name: string) =>
	p[name as keyof typeof p] as unknown as Hook;
const ctx = { addWatchFile() {}, environment: { name: 'client' } };

describe('the course plugin with broken content', () => {
	it('vite build: prints the same report as npm run validate, then stops', async () => {
		const lib = await loadLibrary(root);
		const expected = problemReport(lib.errors.map(formatError));
		expect(expected).toContain(`${broken}:40: placeholder "{clerk deal" is not closed`);
		const plugin = coursePlugin(root, {});
		hook(plugin, 'configResolved').call(ctx, { command: 'build' });
		const written: string[] = [];
		const write = vi
			.spyOn(process.stderr, 'write')
			.mockImplementation((s) => (written.push(String(s)), true));
		const codes: unknown[] = [];
		const exit = vi
			.spyOn(process, 'exit')
			.mockImplementation(((c: unknown) => void codes.push(c)) as never);
		try {
			await hook(plugin, 'buildStart').call(ctx);
		} finally {
			write.mockRestore();
			exit.mockRestore();
		}
		expect(codes).toEqual([1]);
		expect(written.join('')).toBe('\n' + expected + '\n');
	});

	it('dev server: prints the report and serves a module that shows it in the page', async () => {
		const lib = await loadLibrary(root);
		const expected = problemReport(lib.errors.map(formatError));
		const plugin = coursePlugin(root, {});
		hook(plugin, 'configResolved').call(ctx, { command: 'serve' });
		const logged: string[] = [];
		const err = vi.spyOn(console, 'error').mockImplementation((s) => void logged.push(String(s)));
		let code: string;
		try {
			code = String(await hook(plugin, 'load').call(ctx, '\0virtual:course'));
		} finally {
			err.mockRestore();
		}
		expect(logged).toEqual(['\n' + expected + '\n']);
		expect(code).toContain(`const report = ${JSON.stringify(expected)};`);
		expect(code).toContain("customElements.get('vite-error-overlay')");
		expect(code).toContain('export default null;');
	});

	it('npm run validate and npm run package print the very same report as the build', async () => {
		const lib = await loadLibrary(root);
		const expected = problemReport(lib.errors.map(formatError));
		const run = async (fn: () => Promise<number>) => {
			const out: string[] = [];
			const err = vi.spyOn(console, 'error').mockImplementation((s) => void out.push(String(s)));
			const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
			const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
			try {
				return { code: await fn(), out };
			} finally {
				err.mockRestore();
				warn.mockRestore();
				log.mockRestore();
			}
		};
		const { validate } = await import('../../../scripts/validate');
		const { main: pack } = await import('../../../scripts/package');
		expect(await run(() => validate(root))).toEqual({ code: 1, out: [expected] });
		expect(await run(() => pack(['--council=witham-town-council', '--scorm=1.2'], root))).toEqual({
			code: 1,
			out: [expected]
		});
	});
});

/** The bundled course module (virtual:course) a build with these variables produces. */
async function courseModule(env: Record<string, string>): Promise<string> {
	const plugin = coursePlugin('.', env);
	const resolved = (plugin.resolveId as (id: string) => string)('virtual:course');
	const load = plugin.load as (this: unknown, id: string) => Promise<string>;
	return load.call({ addWatchFile() {}, environment: { name: 'client' } }, resolved);
}

describe('virtual:course', () => {
	it('bakes the SCORM build variable into the course, so the package looks only for its own API', async () => {
		const v2004 = await courseModule({ COUNCIL: 'witham-town-council', SCORM: '2004' });
		const v12 = await courseModule({ COUNCIL: 'witham-town-council', SCORM: '1.2' });
		expect(v2004).toContain('"scorm":"2004"');
		expect(v12).toContain('"scorm":"1.2"');
	});
});
