/**
 * npm run preview — see one scenario in seconds while you write it (docs/authoring.md).
 *
 *   npm run preview -- --scenario=<id>                 open that scenario (default: the scenario file saved last)
 *   npm run preview -- --council=<id> --scenario=<id>  with that council's words (default: kingsthorpe-parish-council)
 *   npm run preview -- --port=5174 --no-open           another port; do not open a browser
 *
 * Runs the module in practice mode in Vite's dev server (no LMS: progress is kept in the browser), and opens the
 * browser at #/scenario/<id>. Save a scenario or council file and the page reloads with the
 * change, usually within a second or two. Any content problem is printed here and shown in
 * the page, in the same words as npm run validate; fix it and save, and the page comes back.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { loadLibrary } from '../src/lib/content/course.js';
import { formatError, problemReport, warningReport } from '../src/lib/content/errors.js';
import { DEFAULT_COUNCIL } from '../src/lib/content/options.js';
import { didYouMean } from '../src/lib/content/suggest.js';
import { readArgs } from './args.js';
import { runMain } from './run-main.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE =
	'usage: npm run preview -- [--council=<council id>] [--scenario=<scenario id>] [--port=<number>] [--no-open]';

/** The id in the frontmatter of the scenario file saved most recently (the one being edited). */
export function lastEditedScenario(root: string): string | undefined {
	const dir = join(root, 'scenarios');
	const files = readdirSync(dir)
		.filter((f) => f.endsWith('.md'))
		.map((f) => ({ f, t: statSync(join(dir, f)).mtimeMs }));
	files.sort((a, b) => b.t - a.t);
	for (const { f } of files) {
		// The frontmatter: the YAML between the first two "---" lines.
		const block = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(dir, f), 'utf8'))?.[1];
		try {
			const id = block === undefined ? undefined : parseYaml(block)?.id;
			if (typeof id === 'string' && id) return id;
		} catch {
			/* a frontmatter being written: try the next file */
		}
	}
	return undefined;
}

export async function main(argv: string[], root = ROOT): Promise<number> {
	const { values, errors, help } = readArgs(argv, {
		council: { type: 'string' },
		scenario: { type: 'string' },
		port: { type: 'string' },
		'no-open': { type: 'boolean' }
	});
	if (help) {
		console.log(USAGE);
		return 0;
	}
	const flags = new Map(
		Object.entries(values).filter((e): e is [string, string] => typeof e[1] === 'string')
	);
	const port = Number(flags.get('port') ?? 5173);
	if (!/^\d+$/.test(flags.get('port') ?? '5173') || port < 1 || port > 65535)
		errors.push('--port must be a whole number from 1 to 65535');
	if (errors.length) {
		for (const e of errors) console.error(`✗ ${e}`);
		console.error(USAGE);
		return 1;
	}

	const t0 = Date.now();
	const lib = await loadLibrary(root);
	const councilIds = lib.councils.map((c) => c.id);
	const council = flags.get('council') ?? DEFAULT_COUNCIL;
	if (councilIds.length && !councilIds.includes(council)) {
		console.error(
			`✗ no council "${council}"${didYouMean(council, councilIds)} — use one of: ${councilIds.join(', ')}`
		);
		return 1;
	}
	const scenario = flags.get('scenario') ?? lastEditedScenario(root);
	const scenarioIds = lib.scenarios.map((s) => s.id);
	if (scenario && scenarioIds.length && !scenarioIds.includes(scenario) && !lib.errors.length) {
		console.error(
			`✗ no scenario "${scenario}"${didYouMean(scenario, scenarioIds)} — use one of: ${scenarioIds.join(', ')}`
		);
		return 1;
	}
	if (lib.warnings.length) console.warn(warningReport(lib.warnings.map(formatError)) + '\n');
	if (lib.errors.length)
		console.error(
			problemReport(lib.errors.map(formatError)) +
				'\n\nThe preview starts anyway: the page shows these problems and reloads when you save a fix.\n'
		);

	// The course plugin reads the build options from the environment (as npm run build does).
	// Practice mode, so a trainer can go back and try every branch.
	process.env.COUNCIL = council;
	process.env.COURSE_MODE = 'practice';
	const { createServer } = await import('vite');
	const server = await createServer({
		root,
		server: { port, strictPort: true, host: '127.0.0.1', open: false },
		logLevel: 'warn'
	});
	await server.listen();
	const url = `http://localhost:${port}/${scenario ? `#/scenario/${scenario}` : ''}`;
	console.log(
		`\n  Preview of ${scenario ? `"${scenario}"` : 'the course'} for ${council}, ready in ${((Date.now() - t0) / 1000).toFixed(1)} s:\n\n    ${url}\n`
	);
	console.log(
		'  Save a file in scenarios/ and the page reloads. Practice mode: go back and try every branch.'
	);
	console.log('  Progress is kept in this browser only. Press Ctrl+C to stop.\n');
	if (!values['no-open']) openBrowser(url);
	const stop = () => server.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	return -1;
}

function openBrowser(url: string) {
	const cmd =
		process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
	const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
	try {
		const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
		child.on('error', () =>
			console.log('  (Could not open a browser: open the address above yourself.)')
		);
		child.unref();
	} catch {
		console.log('  (Could not open a browser: open the address above yourself.)');
	}
}

runMain(import.meta.url, main, { stack: false });
