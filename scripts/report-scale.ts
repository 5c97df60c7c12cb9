/**
 * npm run bench:report [-- --rows=100000 --decisions=60]
 *
 * The cohort report at national scale: writes a Moodle-style Interactions export (tab-separated,
 * one row per attempt, "Question N / Response N / Right answer N / Result N" groups) for the
 * Witham course with --rows attempts of --decisions decisions each, then measures
 * - the command (`npm run report`'s reader and figures, in this process): seconds and peak memory;
 * - the report page in Chromium: seconds from choosing the file to the figures on screen, and the
 *   page's JavaScript heap afterwards.
 * The figures go into dist/bench.json under "cohort_report" (merged with what npm run bench wrote).
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
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { buildCourse, loadLibrary } from '../src/lib/content/course.js';
import { parseBuildOptions } from '../src/lib/content/options.js';
import { recommended } from '../src/lib/engine/scoring.js';
import type { Course } from '../src/lib/engine/types.js';
import { cohortOf } from '../src/lib/report/aggregate.js';
import { readExport, reportPage } from './report.js';

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

export async function measure(rows: number, decisions: number) {
	const lib = await loadLibrary(ROOT);
	const { options } = parseBuildOptions(
		{ COUNCIL: 'witham-town-council' },
		{ councils: lib.councils.map((c) => c.id), scenarios: lib.scenarios.map((s) => s.id) }
	);
	const course = buildCourse(lib, options);
	const dir = join(tmpdir(), 'cohort-scale');
	mkdirSync(dir, { recursive: true });
	const file = join(dir, `export-${rows}x${decisions}.txt`);
	const bytes = await writeExport(file, course, rows, decisions);

	const before = process.memoryUsage().rss;
	let peak = before;
	const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
	const t = performance.now();
	const read = await readExport(file, course);
	const cohort = cohortOf(course, read.played, options.passMark);
	const commandSeconds = (performance.now() - t) / 1000;
	clearInterval(sampler);
	peak = Math.max(peak, process.memoryUsage().rss);

	const page = join(dir, 'report.html');
	writeFileSync(page, await reportPage(course, options.passMark));
	const browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox', '--disable-gpu']
	});
	let browserSeconds: number;
	let heapMb: number;
	try {
		const tab = await browser.newPage();
		await tab.goto(pathToFileURL(page).href);
		const cdp = await tab.context().newCDPSession(tab);
		await cdp.send('Performance.enable');
		const start = Date.now();
		await tab.locator('#file').setInputFiles(file);
		await tab
			.getByRole('status')
			.filter({ hasText: /^Read / })
			.waitFor({ timeout: 30 * 60_000 });
		browserSeconds = (Date.now() - start) / 1000;
		const { metrics } = (await cdp.send('Performance.getMetrics')) as {
			metrics: { name: string; value: number }[];
		};
		heapMb = Math.round((metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 2 ** 20);
	} finally {
		await browser.close();
		rmSync(dir, { recursive: true, force: true });
	}
	return {
		rows,
		decisions_per_row: decisions,
		export_mb: Math.round(bytes / 2 ** 20),
		learners: cohort.learners,
		command_seconds: Math.round(commandSeconds * 10) / 10,
		command_peak_rss_mb: Math.round(peak / 2 ** 20),
		chromium_seconds: Math.round(browserSeconds * 10) / 10,
		chromium_js_heap_after_mb: heapMb
	};
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	const { values } = parseArgs({
		options: {
			rows: { type: 'string', default: '100000' },
			decisions: { type: 'string', default: '60' }
		}
	});
	const figures = await measure(Number(values.rows), Number(values.decisions));
	console.table(figures);
	const benchFile = join(ROOT, 'dist', 'bench.json');
	const bench = existsSync(benchFile) ? JSON.parse(readFileSync(benchFile, 'utf8')) : {};
	bench.cohort_report = figures;
	mkdirSync(dirname(benchFile), { recursive: true });
	writeFileSync(benchFile, JSON.stringify(bench, null, 2) + '\n');
	console.log('Written dist/bench.json (cohort_report)');
}
