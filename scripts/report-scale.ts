/**
 * npm run bench:report [-- --rows=100000 --decisions=60]
 * (npm run bench runs it too, at the end: BENCH_COHORT_ROWS=<n> sets the rows, 0 leaves it out)
 *
 * The cohort report at national scale: writes a Moodle-style Interactions export (tab-separated,
 * one row per attempt, "Question N / Response N / Right answer N / Result N" groups) for the
 * Witham course with --rows learners each playing scenarios in turn (random choices, following
 * the branches) until they have made --decisions decisions, streamed to a temporary file. Then:
 * - the command: `npm run report -- <export> --council=witham-town-council` in a child process,
 *   from start to the report written: seconds, CPU seconds and peak memory (the process's
 *   maximum resident set);
 * - the report page in Chromium: seconds from choosing the file to the figures on screen, and
 *   the page's JavaScript heap sampled while it reads (its peak against the file's size shows
 *   whether the file is streamed or held whole).
 * The figures go into dist/bench.json under "cohort_report" (merged with what is there).
 */
import {
	createWriteStream,
	existsSync,
	mkdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { buildCourse, loadLibrary } from '../src/lib/content/course.js';
import { parseBuildOptions } from '../src/lib/content/options.js';
import { recommended } from '../src/lib/engine/scoring.js';
import type { Course } from '../src/lib/engine/types.js';
import { main as reportCommand, reportPage } from './report.js';
import { CHROMIUM_LAUNCH } from './chromium.js';
import { isEntry } from './run-main.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A deterministic pseudo-random generator (the same export every run). */
function rng(seed: number) {
	return () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

export async function writeExport(
	file: string,
	course: Course,
	rows: number,
	decisions: number
): Promise<number> {
	const random = rng(42);
	const out = createWriteStream(file);
	const write = (line: string) =>
		out.write(line) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
	const head = [
		'Name',
		'"Email address"',
		'Attempt',
		'"Started on"',
		'"Last accessed on"',
		'Score',
		'"Member/Officer protocol"'
	];
	for (let i = 0; i < decisions; i++)
		head.push(`"Question ${i}"`, `"Response ${i}"`, `"Right answer ${i}"`, `"Result ${i}"`);
	await write(head.join('\t') + '\n');
	for (let r = 0; r < rows; r++) {
		const cells = [
			`"Learner ${r}"`,
			`learner${r}@example.org`,
			'1',
			'"Thursday, 3 December 2026, 12:23 PM"',
			'"Thursday, 3 December 2026, 12:53 PM"'
		];
		const score = Math.floor(random() * 101);
		cells.push(String(score), String(score));
		// The learner plays scenarios in turn from the start, a random choice at each step, until
		// they have made `decisions` decisions (the last scenario may be left part-way).
		let made = 0;
		for (let k = 0; made < decisions; k++) {
			const s = course.scenarios[(r + k) % course.scenarios.length];
			let node = s.nodes[s.start];
			while (node.kind === 'step' && made < decisions) {
				const choice = node.choices[Math.floor(random() * node.choices.length)];
				const right = recommended(node).key;
				cells.push(
					`${s.id}_${node.id}`,
					choice.key,
					right,
					choice.key === right ? 'correct' : 'wrong'
				);
				made++;
				node = s.nodes[choice.next];
			}
		}
		await write(cells.join('\t') + '\n');
	}
	await new Promise<void>((r) => out.end(r));
	return statSync(file).size;
}

/** Run as a child process: the command on the export, then its own time, CPU and peak memory. */
async function child(file: string, out: string): Promise<void> {
	const t = performance.now();
	const code = await reportCommand([file, '--council=witham-town-council', `--out=${out}`]);
	const cpu = process.cpuUsage();
	console.log(
		JSON.stringify({
			code,
			seconds: (performance.now() - t) / 1000,
			cpu_seconds: (cpu.user + cpu.system) / 1e6,
			peak_rss_mb: process.resourceUsage().maxRSS / 1024
		})
	);
}

const round = (n: number) => Math.round(n * 10) / 10;

export async function measure(rows: number, decisions: number) {
	const lib = await loadLibrary(ROOT);
	const { options } = parseBuildOptions(
		{ COUNCIL: 'witham-town-council' },
		{ councils: lib.councils.map((c) => c.id), scenarios: lib.scenarios.map((s) => s.id) }
	);
	const course = buildCourse(lib, options);
	const dir = join(tmpdir(), `cohort-scale-${process.pid}`);
	mkdirSync(dir, { recursive: true });
	const file = join(dir, `export-${rows}x${decisions}.txt`);
	const load = () => loadavg()[0].toFixed(1);
	try {
		const loadBefore = load();
		const bytes = await writeExport(file, course, rows, decisions);

		// The command, as a provider runs it, in its own process (its peak memory is its own).
		const run = spawnSync(
			process.execPath,
			['--import', 'tsx', fileURLToPath(import.meta.url), '--child', file, join(dir, 'out')],
			{ cwd: ROOT, encoding: 'utf8', maxBuffer: 2 ** 24 }
		);
		const last = run.stdout.trim().split('\n').pop() ?? '';
		if (run.status !== 0 || !last.startsWith('{'))
			throw new Error(`the report command failed: ${run.stderr || run.stdout}`);
		const command = JSON.parse(last) as {
			code: number;
			seconds: number;
			cpu_seconds: number;
			peak_rss_mb: number;
		};
		if (command.code !== 0) throw new Error(`the report command failed: ${run.stderr}`);
		const summary = readFileSync(
			join(dir, 'out', 'witham-town-council-cohort-summary.csv'),
			'utf8'
		);
		const learners = Number(/^cohort,,,learners,Learners,,(\d+)/m.exec(summary)?.[1]);

		const page = join(dir, 'report.html');
		writeFileSync(page, await reportPage(course, options.passMark));
		const browser = await chromium.launch(CHROMIUM_LAUNCH);
		let browserSeconds: number;
		let heapPeak = 0;
		let heapAfter = 0;
		let shown = '';
		try {
			const tab = await browser.newPage();
			await tab.goto(pathToFileURL(page).href);
			const cdp = await tab.context().newCDPSession(tab);
			await cdp.send('Performance.enable');
			const heap = async () => {
				const { metrics } = (await cdp.send('Performance.getMetrics')) as {
					metrics: { name: string; value: number }[];
				};
				return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
			};
			let sampling = true;
			const sampler = (async () => {
				while (sampling) {
					heapPeak = Math.max(heapPeak, await heap().catch(() => 0));
					await new Promise((r) => setTimeout(r, 250));
				}
			})();
			const start = Date.now();
			await tab.locator('#file').setInputFiles(file);
			await tab.locator('#results dl.facts').waitFor({ timeout: 60 * 60_000 });
			browserSeconds = (Date.now() - start) / 1000;
			sampling = false;
			await sampler;
			heapAfter = await heap();
			heapPeak = Math.max(heapPeak, heapAfter);
			shown = (await tab.locator('#results dl.facts dd').first().textContent()) ?? '';
		} finally {
			await browser.close();
		}
		return {
			rows,
			decisions_per_row: decisions,
			columns: 7 + 4 * decisions,
			export_mb: Math.round(bytes / 2 ** 20),
			learners,
			command_seconds: round(command.seconds),
			command_cpu_seconds: round(command.cpu_seconds),
			command_peak_rss_mb: Math.round(command.peak_rss_mb),
			chromium_seconds: round(browserSeconds),
			chromium_js_heap_peak_mb: Math.round(heapPeak / 2 ** 20),
			chromium_js_heap_after_mb: Math.round(heapAfter / 2 ** 20),
			chromium_learners_shown: shown,
			load_average_1min: `${loadBefore} before, ${load()} after (${cpus().length} cores)`
		};
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** Measures and merges the figures into dist/bench.json (npm run bench calls this at its end). */
export async function benchCohortReport(rows: number, decisions = 60): Promise<void> {
	if (!rows) return;
	console.log(
		`\ncohort report: ${rows.toLocaleString('en-GB')} learners × ${decisions} decisions…`
	);
	const figures = await measure(rows, decisions);
	console.table(figures);
	const benchFile = join(ROOT, 'dist', 'bench.json');
	const bench = existsSync(benchFile) ? JSON.parse(readFileSync(benchFile, 'utf8')) : {};
	bench.cohort_report = figures;
	mkdirSync(dirname(benchFile), { recursive: true });
	writeFileSync(benchFile, JSON.stringify(bench, null, 2) + '\n');
	console.log('Written dist/bench.json (cohort_report)');
}

if (isEntry(import.meta.url)) {
	const { values, positionals } = parseArgs({
		allowPositionals: true,
		options: {
			rows: { type: 'string', default: '100000' },
			decisions: { type: 'string', default: '60' },
			child: { type: 'boolean' }
		}
	});
	if (values.child) await child(positionals[0], positionals[1]);
	else await benchCohortReport(Number(values.rows), Number(values.decisions));
}
