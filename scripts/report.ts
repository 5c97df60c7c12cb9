/**
 * npm run report -- --council=<id>                       writes the report page dist/<id>-report.html
 * npm run report -- <export> --council=<id> [options]     also reads the export and writes
 *                                                         dist/<id>-cohort-report.html and dist/<id>-cohort-summary.csv
 *
 * The export is an LMS's interactions report: Moodle's Interactions report downloaded "in text
 * format" (tab-separated) or as CSV, or any export with one row per interaction (learner, id,
 * response, result). It is read as a stream, row by row, so a national roll-out's file fits.
 * Moodle's Excel (.xlsx) and ODS downloads are read too, whole (src/lib/report/sheet.ts).
 * Options: --pass-mark=<0–100> (default 80), --from=yyyy-mm-dd, --to=yyyy-mm-dd, --group=<name>,
 * --track=councillor|officer|all|unknown (the track the scenarios played show),
 * --out=<folder> (default dist), --content=<folder holding scenarios/> (read the course as it was
 * when the export's package was built, e.g. an older release), or --course=<file.json> (a course
 * saved as the report page holds it, e.g. tests/fixtures/lms-exports/*.course.json).
 */
import {
	closeSync,
	createReadStream,
	existsSync,
	mkdirSync,
	openSync,
	readFileSync,
	readSync,
	writeFileSync
} from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { build } from 'vite';
import { buildCourse, loadLibrary } from '../src/lib/content/course.js';
import { parseBuildOptions } from '../src/lib/content/options.js';
import type { Course } from '../src/lib/engine/types.js';
import { cohortOf, type Cohort, type CohortFilter } from '../src/lib/report/aggregate.js';
import { reportCourse } from '../src/lib/report/course-data.js';
import { ExportError } from '../src/lib/report/parse.js';
import { playedReader, type Played } from '../src/lib/report/read.js';
import { cohortCsv, learnersCsv, renderCohort } from '../src/lib/report/render.js';
import { SheetError, sheetRows } from '../src/lib/report/sheet.js';
import { runMain } from './run-main.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Streams an export file into played attempts. */
export function readExport(
	file: string,
	course: Course
): Promise<{ played: Played[]; rows: number }> {
	const head = Buffer.alloc(4);
	try {
		const fd = openSync(file, 'r');
		readSync(fd, head, 0, 4, 0);
		closeSync(fd);
	} catch (e) {
		return Promise.reject(new ExportError(`${file} cannot be opened (${(e as Error).message})`));
	}
	// A zip file is an Excel (.xlsx) or OpenDocument (.ods) spreadsheet: read whole, not streamed.
	if (head.toString('latin1') === 'PK\x03\x04') {
		try {
			return Promise.resolve(playedFromRows(sheetRows(readFileSync(file)), course));
		} catch (e) {
			return Promise.reject(
				e instanceof ExportError || e instanceof SheetError
					? new ExportError(`${file} cannot be read: ${e.message}`)
					: e
			);
		}
	}
	if (head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])))
		return Promise.reject(
			new ExportError(
				`${file} is an old Excel (.xls) file, which the report does not read — download the report in text, Excel (.xlsx) or ODS format`
			)
		);
	const feed = playedReader(course);
	return new Promise((done, fail) => {
		// Decoded as it is read: a character whose bytes fall in two chunks stays whole.
		const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
		stream.on('error', (e) => fail(new ExportError(`${file} cannot be opened (${e.message})`)));
		// Papa reads the stream a chunk at a time and hands over that chunk's rows.
		Papa.parse<string[]>(stream, {
			// Not 'greedy': that joins every row's cells to test it (the readers skip blank rows).
			skipEmptyLines: true,
			chunk(result, parser) {
				try {
					for (const row of result.data) feed.row(row);
				} catch (e) {
					parser.abort();
					stream.destroy();
					fail(e instanceof ExportError ? new ExportError(`${file}: ${e.message}`) : e);
				}
			},
			complete() {
				try {
					done(feed.end());
				} catch (e) {
					fail(e instanceof ExportError ? new ExportError(`${file}: ${e.message}`) : e);
				}
			},
			error(e: Error) {
				fail(new ExportError(`${file} cannot be read as CSV or text (${e.message})`));
			}
		});
	});
}

/** The played attempts in a spreadsheet's rows (the header row first). */
export function playedFromRows(
	all: string[][],
	course: Course
): { played: Played[]; rows: number } {
	const feed = playedReader(course);
	for (const row of all) if (!row.every((c) => c.trim() === '')) feed.row(row);
	return feed.end();
}

const bundled = new Map<string, string>();
/** A script and what it imports, as one minified IIFE that sets the global `name`. */
async function bundle(entry: string, name: string): Promise<string> {
	const done = bundled.get(entry);
	if (done) return done;
	const out = await build({
		root: ROOT,
		configFile: false,
		logLevel: 'error',
		build: {
			write: false,
			minify: true,
			lib: { entry: join(ROOT, entry), formats: ['iife'], name, fileName: () => 'page.js' }
		}
	});
	const result = Array.isArray(out) ? out[0] : out;
	if (!('output' in result)) throw new Error(`${entry} did not build`);
	const code = (result.output[0].type === 'chunk' ? result.output[0].code : '').replaceAll(
		'</script',
		'<\\/script'
	);
	bundled.set(entry, code);
	return code;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64');

function escapeHtml(s: string): string {
	return s.replace(
		/[&<>"]/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!
	);
}

/** The report page: empty (a provider opens an export in it) or with a cohort already in it. */
export async function reportPage(
	course: Course,
	passMark: number,
	filled?: { cohort: Cohort; source: string; rows: number; filter?: CohortFilter }
): Promise<string> {
	// The page's script, and the spreadsheet reader it starts only when a spreadsheet is opened
	// (kept as text until then: from file:// a page cannot import() a module file).
	const script = await bundle('scripts/report-page.ts', 'cohortReport');
	const sheet = await bundle('src/lib/report/sheet.ts', 'cohortSheet');
	const css =
		readFileSync(join(ROOT, 'src/app.css'), 'utf8') +
		readFileSync(join(ROOT, 'src/lib/display/document.css'), 'utf8') +
		readFileSync(join(ROOT, 'src/lib/report/report.css'), 'utf8');
	const data = JSON.stringify(reportCourse(course)).replaceAll('<', '\\u003c');
	const name = escapeHtml(course.council.name);
	const results = filled
		? renderCohort(filled.cohort, {
				council: course.council.name,
				courseTitle: course.title,
				contentVersion: course.contentVersion,
				passMark,
				source: filled.source,
				rows: filled.rows,
				filter: filled.filter
			})
		: '';
	return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-${sha256(script)}' 'sha256-${sha256(sheet)}'; style-src 'unsafe-inline'; img-src data: blob:; connect-src 'none'; form-action 'none'; base-uri 'none'">
<title>Cohort report – ${name}</title>
<style>${css}</style>
</head>
<body>
<main class="wrap report">
<p class="caption">${name}</p>
<h1>Where learners go wrong: cohort report</h1>
<section class="controls" aria-labelledby="open-title">
<h2 id="open-title">Open your LMS export</h2>
<p>Download the course’s <strong>Interactions report</strong> from your LMS (in Moodle: the SCORM activity’s Reports, Interactions report, tick “Summary of question”, “Summary of right answer” and “Summary of result”, then “Download in text format”) and open it here. The file is read on this computer and never leaves it.</p>
<p><label for="file"><strong>Export file</strong> (text, CSV, Excel or ODS)</label><br><input type="file" id="file" accept=".txt,.csv,.tsv,.xlsx,.ods"></p>
<p id="status" role="status" aria-live="polite">${filled ? `Read ${escapeHtml(filled.source)}: ${filled.rows.toLocaleString('en-GB')} rows.` : ''}</p>
<fieldset id="filters"${filled ? '' : ' hidden'}>
<legend class="visually-hidden">Filter the attempts</legend>
<div><label for="from">Started from</label><input type="date" id="from"></div>
<div><label for="to">Started up to</label><input type="date" id="to"></div>
<div><label for="track">Track</label><select id="track"><option value="">All</option></select></div>
<div><label for="group">Group</label><select id="group"><option value="">All</option></select></div>
<div class="check"><input type="checkbox" id="names" checked> <label for="names">Show learners’ names (untick before printing for the council)</label></div>
</fieldset>
<p><a id="csv" download="${escapeHtml(course.council.id)}-cohort-summary.csv" hidden>Download the figures as CSV</a></p>
<p><a id="learners-csv" download="${escapeHtml(course.council.id)}-cohort-learners.csv" hidden>Download each learner’s row as CSV (it holds their names: keep it private)</a></p>
</section>
<div id="results-start" tabindex="-1"></div>
<div id="results">${results}</div>
</main>
<script type="application/json" id="course-data" data-pass-mark="${passMark}">${data}</script>
<script type="text/plain" id="sheet-reader">${sheet}</script>
<script>${script}</script>
</body>
</html>
`;
}

interface Values {
	council?: string;
	'pass-mark'?: string;
	content?: string;
	course?: string;
}

/** The course to read the export against: from the content folder (default) or a saved course file. */
async function courseFor(
	v: Values
): Promise<{ course: Course; passMark: number } | { errors: string[] }> {
	if (v.course) {
		let course: Course;
		try {
			course = JSON.parse(readFileSync(v.course, 'utf8')) as Course;
		} catch (e) {
			return { errors: [`${v.course} cannot be read as a course (${(e as Error).message})`] };
		}
		if (!Array.isArray(course.scenarios) || !course.council)
			return { errors: [`${v.course} is not a course file (no scenarios or council)`] };
		const passMark = Number(v['pass-mark'] ?? 80);
		if (!Number.isInteger(passMark) || passMark < 0 || passMark > 100)
			return {
				errors: [
					`--pass-mark="${v['pass-mark']}" is not allowed — use a whole number from 0 to 100`
				]
			};
		return { course, passMark };
	}
	const lib = await loadLibrary(resolve(v.content!));
	if (lib.errors.length)
		return { errors: lib.errors.slice(0, 10).map((e) => `${e.file}:${e.line}: ${e.message}`) };
	const { options, errors } = parseBuildOptions(
		{ COUNCIL: v.council, PASS_MARK: v['pass-mark'] },
		{ councils: lib.councils.map((c) => c.id), scenarios: lib.scenarios.map((s) => s.id) }
	);
	if (!v.council) errors.unshift('name the council: --council=<id>');
	if (errors.length) return { errors };
	// All scenarios: an export may come from any selection of the library (refresher, electives).
	return { course: buildCourse(lib, options), passMark: options.passMark };
}

export async function main(argv: string[]): Promise<number> {
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			allowPositionals: true,
			options: {
				council: { type: 'string' },
				'pass-mark': { type: 'string', default: '80' },
				from: { type: 'string' },
				to: { type: 'string' },
				group: { type: 'string' },
				track: { type: 'string' },
				out: { type: 'string', default: join(ROOT, 'dist') },
				content: { type: 'string', default: ROOT },
				course: { type: 'string' }
			}
		});
	} catch (e) {
		console.error(`✗ ${(e as Error).message} — see the top of scripts/report.ts`);
		return 1;
	}
	const v = parsed.values;
	const loaded = await courseFor(v);
	if ('errors' in loaded) {
		for (const e of loaded.errors) console.error(`✗ ${e}`);
		return 1;
	}
	const { course, passMark } = loaded;
	const errors: string[] = [];
	for (const d of [v.from, v.to])
		if (d && !/^\d{4}-\d{2}-\d{2}$/.test(d))
			errors.push(`"${d}" is not a date — write it as yyyy-mm-dd`);
	if (v.track && !['councillor', 'officer', 'all', 'unknown'].includes(v.track))
		errors.push(`--track="${v.track}" is not a track — use councillor, officer, all or unknown`);
	if (parsed.positionals.length > 1)
		errors.push(`give one export file, not ${parsed.positionals.length}`);
	if (errors.length) {
		for (const e of errors) console.error(`✗ ${e}`);
		return 1;
	}
	mkdirSync(v.out!, { recursive: true });
	const page = join(v.out!, `${course.council.id}-report.html`);
	writeFileSync(page, await reportPage(course, passMark));
	console.log(
		`✓ ${relative(process.cwd(), page)}: the report page for ${course.council.name} (open an export in it)`
	);
	const file = parsed.positionals[0];
	if (!file) return 0;
	if (!existsSync(file)) {
		console.error(`✗ ${file} does not exist`);
		return 1;
	}
	let read;
	try {
		read = await readExport(file, course);
	} catch (e) {
		console.error(`✗ ${(e as Error).message}`);
		return 1;
	}
	const filter = { from: v.from, to: v.to, group: v.group, track: v.track };
	const cohort = cohortOf(course, read.played, passMark, filter);
	const html = join(v.out!, `${course.council.id}-cohort-report.html`);
	const csv = join(v.out!, `${course.council.id}-cohort-summary.csv`);
	const people = join(v.out!, `${course.council.id}-cohort-learners.csv`);
	writeFileSync(
		html,
		await reportPage(course, passMark, { cohort, source: basename(file), rows: read.rows, filter })
	);
	writeFileSync(csv, cohortCsv(cohort));
	writeFileSync(people, learnersCsv(cohort));
	console.log(
		`✓ ${relative(process.cwd(), html)}, ${relative(process.cwd(), csv)} and ${relative(process.cwd(), people)} (learners' names: keep it private)`
	);
	console.log(
		`  ${cohort.learners} learners, ${cohort.attempts} attempts: ${cohort.passed} passed, ${cohort.failed} failed, ${cohort.incomplete} not finished; average score ${cohort.averageScore ?? '–'}${cohort.averageScore === null ? '' : '%'}`
	);
	if (cohort.match.unknown || cohort.match.rightDiffers) {
		console.log(
			`  ! this export does not match the course: ${cohort.match.unknown} answers name unknown decisions, ${cohort.match.rightDiffers} report another right answer`
		);
	}
	return 0;
}

runMain(import.meta.url, main);
