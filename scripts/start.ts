/**
 * npm start — try the course in the mock LMS.
 *
 *   npm start                       build the packages if they are missing or out of date, then serve
 *   npm start -- --port=5000        another port (default 4173)
 *   npm start -- --no-package       serve whatever is in dist/ now, without building
 *
 * "Out of date" means: a standard package (every council × SCORM 1.2 and 2004) is missing from
 * dist/, or a file in scenarios/, src/, static/ or the build configuration is newer than the
 * oldest package. Then it runs `npm run package` (several minutes on a small machine) before starting
 * the server. To see one scenario while writing it, `npm run preview` is much faster.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readArgs } from './args.js';
import { DEFAULT_PORT, listPackages, portValue, startServer } from './serve.js';
import { runMain } from './run-main.js';
import { councilIds } from './councils.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Folders and files whose changes make the packages out of date. */
const SOURCES = [
	'scenarios',
	'src',
	'static',
	'svelte.config.js',
	'vite.config.ts',
	'scripts/package.ts',
	'package.json'
];
const IGNORED = /(^|\/)(\.[^/]*|node_modules)(\/|$)|\.(spec|test)\.[cm]?[jt]s$/;

/** The newest file under a path: { file, mtime } (ms), or null. */
export function newestFile(root: string, rel: string): { file: string; mtime: number } | null {
	const full = join(root, rel);
	if (!existsSync(full) || IGNORED.test(rel)) return null;
	const st = statSync(full);
	if (st.isFile()) return { file: rel, mtime: st.mtimeMs };
	if (!st.isDirectory()) return null;
	let best: { file: string; mtime: number } | null = null;
	for (const name of readdirSync(full)) {
		const n = newestFile(root, `${rel}/${name}`);
		if (n && (!best || n.mtime > best.mtime)) best = n;
	}
	return best;
}

/** Why the packages need building, or null if dist/ is up to date. */
export function whyPackage(root: string): string | null {
	const packages = listPackages(root);
	if (packages.length === 0) return 'there are no packages in dist/ yet';
	const have = new Set(packages.map((p) => p.slug));
	const missing = councilIds(root)
		.flatMap((c) => [`${c}-scorm12`, `${c}-scorm2004`])
		.filter((slug) => !have.has(slug));
	if (missing.length)
		return `dist/ has no ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ` (and ${missing.length - 3} more)` : ''}`;
	const oldest = Math.min(...packages.map((p) => Date.parse(p.built)));
	let newest: { file: string; mtime: number } | null = null;
	for (const rel of SOURCES) {
		const n = newestFile(root, rel);
		if (n && (!newest || n.mtime > newest.mtime)) newest = n;
	}
	if (newest && newest.mtime > oldest)
		return `${newest.file} changed after the packages were built`;
	return null;
}

function runPackage(root: string): Promise<number> {
	return new Promise((done) => {
		const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
		const child = spawn(npm, ['run', 'package'], {
			cwd: root,
			stdio: 'inherit',
			shell: process.platform === 'win32'
		});
		child.on('error', (e) => {
			console.error(`✗ could not run npm run package: ${e.message}`);
			done(1);
		});
		child.on('close', (code) => done(code ?? 1));
	});
}

const USAGE = 'usage: npm start [-- --port=<number>] [-- --no-package]';

export async function main(argv: string[], root = ROOT): Promise<number> {
	const { values, errors, help } = readArgs(argv, {
		port: { type: 'string' },
		'no-package': { type: 'boolean' }
	});
	if (help) {
		console.log(USAGE);
		return 0;
	}
	let port = DEFAULT_PORT;
	try {
		port = portValue(
			typeof values.port === 'string' ? values.port : undefined,
			Number(process.env.PORT) || DEFAULT_PORT
		);
	} catch (e) {
		errors.push((e as Error).message);
	}
	if (errors.length) {
		for (const e of errors) console.error(`✗ ${e}`);
		console.error(USAGE);
		return 1;
	}

	if (!values['no-package']) {
		const why = whyPackage(root);
		if (why) {
			console.log(`Building the packages first, because ${why}.`);
			console.log(
				'Running npm run package (every council, both SCORM versions: several minutes on a small machine)…'
			);
			console.log(
				'To see one scenario while you write it, npm run preview -- --scenario=<id> shows it in seconds.\n'
			);
			const code = await runPackage(root);
			if (code !== 0) {
				console.error(
					'\n✗ npm run package failed: fix the problems above, then run npm start again.'
				);
				return code;
			}
			console.log('');
		} else {
			console.log('The packages in dist/ are up to date.');
		}
	}

	try {
		const server = await startServer(port, { root });
		const n = listPackages(root).length;
		console.log('');
		console.log(`  Conduct Scenarios is running: open http://localhost:${server.port}/`);
		console.log('');
		console.log(
			`  The mock LMS there launches any of the ${n} package${n === 1 ? '' : 's'} in dist/ and shows what it reports.`
		);
		console.log('  Press Ctrl+C to stop it.');
		const stop = () => {
			console.log('\nStopped.');
			server.close().then(() => process.exit(0));
		};
		process.on('SIGINT', stop);
		process.on('SIGTERM', stop);
		return -1; // keep running
	} catch (e) {
		console.error(`✗ ${(e as Error).message}`);
		return 1;
	}
}

runMain(import.meta.url, main);
