/**
 * npm run bench — measures every package against the budgets and writes dist/bench.json.
 *
 * Per package: zip bytes, split into app, words, protocol text and SCORM control files (manifest
 * and schemas); the bytes (gzip) loaded before the first choice, split into framework (Svelte,
 * SvelteKit), app code, CSS and words (scripts/measure/bundle.ts); time from launch to the
 * first choice on screen in Chromium with 4× CPU throttling and a slow-4G network, median of 5
 * runs (round robin across packages), also as a ratio to a floor page (one button) measured in
 * the same harness; and, launched as an LMS launches it (index.html), the time to the home
 * page's first choice (the learner's role). "On screen" is measured in the page: from navigation
 * start to the first frame painted with the first radio button in it (an init script watches;
 * the harness only listens, so its own polling is not on the throttled main thread).
 * Course-wide: the largest suspend_data over the longest possible path, LMS API calls and
 * commits per decision (counted through a recording SCORM API), and the time to build all
 * packages. Per package, too: the fields and bytes a whole course leaves in the LMS, played to
 * the end in the mock LMS and read from its stored data (scripts/measure/lms-footprint.ts).
 *
 * Flags: --no-build (measure what is in dist/), --only=<text>, --runs=<n> (≥ 5), --runs-detail.
 *
 * Timings are reported, never asserted: they depend on the machine. The deterministic budgets
 * (sizes, suspend length, commits) are asserted by the test suite (tests/e2e/budgets.spec.ts).
 */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { firstDownload, type FirstDownload } from './measure/bundle.js';
import { longestSuspend } from './measure/longest.js';
import { lmsFootprint, type Footprint } from './measure/lms-footprint.js';
import { timed } from './measure/timing.js';
import { zipSplit, type ZipSplit } from './measure/zip-split.js';
import { CHROMIUM_LAUNCH } from './chromium.js';
import { handler, startServer } from './serve.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
// --runs=<n>: timing runs per package (at least 5, the default).
const RUNS = Math.max(
	5,
	Number(process.argv.find((a) => a.startsWith('--runs='))?.slice('--runs='.length)) || 5
);
const BUDGET = {
	zip: 150 * 1024,
	firstLoad: 60 * 1024,
	firstChoiceMs: 1000,
	suspend: 1000,
	commits: 1
};

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const skipBuild = process.argv.includes('--no-build');
let buildSeconds = 0;
if (!skipBuild) {
	const t = Date.now();
	execSync('npm run package', { cwd: root, stdio: 'inherit' });
	buildSeconds = (Date.now() - t) / 1000;
}

// --only=<text>: measure only the packages whose name contains it (the traffic check needs one
// SCORM 1.2 and one SCORM 2004 package among them).
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length) ?? '';
const slugs = readdirSync(dist)
	.filter((d) => existsSync(join(dist, d, 'imsmanifest.xml')) && d.includes(only))
	.sort();
if (!slugs.length) {
	console.error('No packages in dist/ — run npm run package first.');
	process.exit(1);
}

// A recording parent page: the package in an iframe, a SCORM API that counts calls.
const RECORDER = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>bench</title></head><body>
<script>
const calls = []; const store = {};
function api(prefix) {
  const rec = (name, fn) => (...a) => { calls.push(name); return fn(...a); };
  return {
    [prefix + 'Initialize']: rec('Initialize', () => 'true'),
    [prefix + 'Finish']: rec('Terminate', () => 'true'), [prefix + 'Terminate']: rec('Terminate', () => 'true'),
    [prefix + 'GetValue']: rec('GetValue', (k) => store[k] ?? (k.endsWith('._count') ? '0' : k.endsWith('_children') ? 'id,score,status,success_status,completion_status,description,type,learner_response,student_response,result,weighting,latency,timestamp,correct_responses,time' : '')),
    [prefix + 'SetValue']: rec('SetValue', (k, v) => { store[k] = String(v); return 'true'; }),
    [prefix + 'Commit']: rec('Commit', () => 'true'),
    [prefix + 'GetLastError']: () => '0', [prefix + 'GetErrorString']: () => '', [prefix + 'GetDiagnostic']: () => ''
  };
}
const v = new URLSearchParams(location.search).get('v');
if (v === '2004') window.API_1484_11 = api(''); else window.API = api('LMS');
window.bench = { calls, store };
</script>
<iframe id="sco" title="course" src="${'${SRC}'}" style="width:1000px;height:800px"></iframe></body></html>`;

const FLOOR = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>floor</title></head><body><button type="button">Continue</button></body></html>`;

const servePackages = handler(root, false, true);
const server = createServer((req, res) => {
	const url = new URL(req.url ?? '/', 'http://x');
	if (url.pathname === '/floor.html')
		return void res
			.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' })
			.end(gzipSync(FLOOR));
	if (url.pathname === '/recorder.html') {
		const src = `/dist/${url.searchParams.get('slug')}/index.html`;
		return void res
			.writeHead(200, { 'content-type': 'text/html' })
			.end(RECORDER.replace('${SRC}', src));
	}
	// The packages: served as npm start serves them (sirv), gzipped, as LMS web servers serve
	// text: the budgets are gzip sizes.
	servePackages(req, res);
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as { port: number }).port;
const base = `http://127.0.0.1:${port}`;

const browser = await chromium.launch(CHROMIUM_LAUNCH);

interface Row {
	name: string;
	zip_bytes: number;
	/** Compressed bytes in the zip (with each entry's headers), by kind. */
	zip_split: ZipSplit;
	first_load_gzip_bytes: number;
	first_load_split: FirstDownload['split'];
	/** Launched at the home page (no words). */
	home_first_load_gzip_bytes: number;
	first_choice_ms_median: number;
	first_choice_ratio_to_floor: number;
	first_choice_wall_ms_median: number;
	/** A normal launch (index.html, as an LMS opens it): the home page's first choice, the learner's role. */
	home_ms_median: number;
	/** A whole course played to the end in the mock LMS: fields with a value it stores, and their bytes as one form post. */
	lms_fields: number;
	lms_bytes: number;
}
type Run = { page: number; wall: number };
// Round robin (floor, then each package, RUNS times) so that a slow spell on a shared machine
// falls on every package alike, not on whichever was being measured then.
const floorRuns: Run[] = [];
const runsOf = new Map<string, Run[]>(slugs.map((s) => [s, []]));
const homeRunsOf = new Map<string, Run[]>(slugs.map((s) => [s, []]));
for (let i = 0; i < RUNS; i++) {
	floorRuns.push(await timed(browser, `${base}/floor.html`, 'button'));
	for (const slug of slugs) {
		// First choice: the first scenario's first radio, launched straight into that scenario
		// (so its words must load too: the slowest first screen a learner can be launched into).
		runsOf
			.get(slug)!
			.push(
				await timed(
					browser,
					`${base}/dist/${slug}/index.html#/scenario/${firstScenario(slug)}`,
					'input[type=radio]'
				)
			);
		// And as an LMS launches it: the home page, whose first choice is the learner's role (in
		// a package built for one track, with no role to ask, its first scenario link).
		homeRunsOf
			.get(slug)!
			.push(
				await timed(
					browser,
					`${base}/dist/${slug}/index.html`,
					'input[type=radio][name=role], main a[href^="#/scenario/"]'
				)
			);
	}
}
// What a whole course leaves in the LMS (the mock LMS, on its own server).
const mockLms = await startServer(0, { root });
const footprints = new Map<string, Footprint>();
for (const slug of slugs)
	footprints.set(slug, await lmsFootprint(browser, `http://127.0.0.1:${mockLms.port}`, slug));
await mockLms.close();

const floor = median(floorRuns.map((r) => r.page));
const floorWall = median(floorRuns.map((r) => r.wall));

const packages: Row[] = slugs.map((slug) => {
	const zip = join(dist, `${slug}.zip`);
	const runs = runsOf.get(slug)!;
	const m = median(runs.map((r) => r.page));
	// Everything fetched before the first choice shows, launched into the first scenario:
	// index.html (CSS and the chunks every page needs, inline), the scenario page's chunk file and
	// the scenario's first step (content/<id>.js). The protocol and the other pages load after it.
	const first = firstDownload(join(dist, slug), 'scenario');
	return {
		name: slug,
		zip_bytes: existsSync(zip) ? statSync(zip).size : 0,
		zip_split: existsSync(zip) ? zipSplit(zip) : { app: 0, words: 0, protocol: 0, schemas: 0 },
		first_load_gzip_bytes: first.total,
		first_load_split: first.split,
		home_first_load_gzip_bytes: firstDownload(join(dist, slug), 'home').total,
		first_choice_ms_median: m,
		first_choice_ratio_to_floor: Math.round((m / floor) * 100) / 100,
		first_choice_wall_ms_median: median(runs.map((r) => r.wall)),
		home_ms_median: median(homeRunsOf.get(slug)!.map((r) => r.page)),
		lms_fields: footprints.get(slug)!.fields,
		lms_bytes: footprints.get(slug)!.bytes
	};
});
if (process.argv.includes('--runs-detail')) {
	console.log(`floor: ${floorRuns.map((r) => r.page).join(' ')}`);
	for (const [slug, runs] of runsOf) console.log(`${slug}: ${runs.map((r) => r.page).join(' ')}`);
	for (const [slug, runs] of homeRunsOf)
		console.log(`${slug} (home): ${runs.map((r) => r.page).join(' ')}`);
}

function firstScenario(slug: string): string {
	return firstDownload(join(dist, slug), 'home').scenario;
}

// API calls and commits per decision, through the recording API.
async function perDecision(slug: string, v: string) {
	const page = await browser.newPage();
	await page.goto(`${base}/recorder.html?slug=${slug}&v=${v}`);
	const frame = page.frameLocator('#sco');
	await frame.getByRole('link').filter({ hasText: /./ }).nth(1).waitFor();
	await page.evaluate(
		() => ((window as unknown as { bench: { calls: string[] } }).bench.calls.length = 0)
	);
	const decisions = 3;
	for (let i = 0; i < decisions; i++) {
		if (i === 0) await frame.locator('.scenario-list a').first().click();
		await frame.getByRole('radio').first().check();
		await frame.getByRole('button', { name: 'Continue' }).click();
		await frame.getByRole('button', { name: /Continue|See what happened/ }).click();
	}
	const calls = await page.evaluate(() =>
		(window as unknown as { bench: { calls: string[] } }).bench.calls.slice()
	);
	await page.close();
	return {
		api: calls.length / decisions,
		commits: calls.filter((c) => c === 'Commit').length / decisions
	};
}
const traffic12 = await perDecision(
	slugs.find((s) => s.endsWith('scorm12'))!,
	'1.2'
);
const traffic2004 = await perDecision(
	slugs.find((s) => s.endsWith('scorm2004'))!,
	'2004'
);
await browser.close();
server.close();

const suspend = await longestSuspend(root);
const report = {
	packages,
	floor_ms_median: floor,
	floor_wall_ms_median: floorWall,
	max_suspend_chars: suspend.chars,
	api_calls_per_decision: Math.max(traffic12.api, traffic2004.api),
	commits_per_decision: Math.max(traffic12.commits, traffic2004.commits),
	lms_fields_max: Math.max(...packages.map((p) => p.lms_fields)),
	lms_bytes_max: Math.max(...packages.map((p) => p.lms_bytes)),
	build_seconds: Math.round(buildSeconds * 10) / 10
};
writeFileSync(join(dist, 'bench.json'), JSON.stringify(report, null, 2) + '\n');

const ok = (v: number, budget: number) => (v <= budget ? 'ok' : 'OVER');
console.log(
	'\npackage                                   zip KB       first-load KB gz   first choice ms (harness ms)  ×floor  home ms'
);
for (const p of packages) {
	console.log(
		`${p.name.padEnd(40)} ${(p.zip_bytes / 1024).toFixed(1).padStart(7)} ${ok(p.zip_bytes, BUDGET.zip).padEnd(4)} ${(p.first_load_gzip_bytes / 1024).toFixed(1).padStart(8)} ${ok(p.first_load_gzip_bytes, BUDGET.firstLoad).padEnd(4)} ${String(p.first_choice_ms_median).padStart(10)} ${ok(p.first_choice_ms_median, BUDGET.firstChoiceMs).padEnd(4)} (${p.first_choice_wall_ms_median})  ${String(p.first_choice_ratio_to_floor).padEnd(5)} ${p.home_ms_median}`
	);
}
const kb = (n: number) => (n / 1024).toFixed(1);
for (const p of packages) {
	const f = p.first_load_split;
	const z = p.zip_split;
	console.log(
		`${p.name}: first download ${kb(p.first_load_gzip_bytes)} KB = framework ${kb(f.framework)} + app ${kb(f.app)} + CSS ${kb(f.css)} + words ${kb(f.words)} (home launch ${kb(p.home_first_load_gzip_bytes)}); zip ${kb(p.zip_bytes)} KB = app ${kb(z.app)} + words ${kb(z.words)} + protocol ${kb(z.protocol)} + manifest and schemas ${kb(z.schemas)} (+ directory end)`
	);
}
console.log(
	`\nfirst choice: launched straight into the first scenario, ms from navigation start to the first frame painted with its first radio button, in the page; in brackets, as the harness saw it`
);
console.log(
	`home: launched as an LMS does (index.html), the same for the home page's first radio button (the learner's role)`
);
console.log(`floor page (one button): ${floor} ms median of ${RUNS} (harness ${floorWall} ms)`);
console.log(
	`largest suspend_data over the longest path: ${suspend.chars} characters (${suspend.mode} mode; budget ${BUDGET.suspend}) ${ok(suspend.chars, BUDGET.suspend)}`
);
console.log(
	`LMS API calls per decision: 1.2 ${traffic12.api.toFixed(1)}, 2004 ${traffic2004.api.toFixed(1)}; commits per decision: 1.2 ${traffic12.commits}, 2004 ${traffic2004.commits} (budget ${BUDGET.commits})`
);
for (const p of packages)
	console.log(
		`left in the LMS by a whole course: ${p.name} ${p.lms_fields} fields, ${(p.lms_bytes / 1024).toFixed(1)} KB as one form post (${footprints.get(p.name)!.decisions} decisions)`
	);
console.log(
	`build time for all packages: ${report.build_seconds} s${skipBuild ? ' (not measured: --no-build)' : ''}`
);
console.log('Written dist/bench.json');

// The cohort report at national scale (scripts/report-scale.ts): BENCH_COHORT_ROWS=<n> learners
// (default 100,000; 0 leaves it out), merged into bench.json.
await (
	await import('./report-scale.js')
).benchCohortReport(Number(process.env.BENCH_COHORT_ROWS ?? 100_000));
