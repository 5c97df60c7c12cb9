/**
 * The cohort report page (a provider's offline tool, not the learner module: it fills its results
 * container with HTML that renderCohort has escaped) (dist/<council>-report.html): the provider opens an LMS export and the
 * page reads it here, in the browser, a chunk at a time (the file is never held whole). Nothing is
 * sent anywhere.
 */
import Papa from 'papaparse';
import type { Course } from '../src/lib/engine/types.js';
import { cohortOf, type CohortFilter } from '../src/lib/report/aggregate.js';
import { ExportError } from '../src/lib/report/parse.js';
import { playedReader, type Played } from '../src/lib/report/read.js';
import { cohortCsv, learnersCsv, renderCohort, TRACK_NAMES } from '../src/lib/report/render.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const course = JSON.parse($('course-data').textContent ?? '{}') as Course;
const passMark = Number($('course-data').dataset.passMark ?? 80);
const status = $<HTMLParagraphElement>('status');
const results = $<HTMLDivElement>('results');
/** How much of a text export is read at a time (the page never holds the whole file). */
const CHUNK_BYTES = 4 * 2 ** 20;
let played: Played[] = [];
let source = '';
let rows = 0;

function link(id: string, text: string): void {
	const a = $<HTMLAnchorElement>(id);
	if (a.href) URL.revokeObjectURL(a.href);
	a.href = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
	a.hidden = false;
}

function show(): void {
	const filter: CohortFilter = {
		from: $<HTMLInputElement>('from').value || null,
		to: $<HTMLInputElement>('to').value || null,
		track: $<HTMLSelectElement>('track').value || null,
		group: $<HTMLSelectElement>('group').value || null
	};
	const c = cohortOf(course, played, passMark, filter);
	// renderCohort escapes every value it is given; the page holds no HTML from the file.
	results.innerHTML = renderCohort(c, {
		council: course.council.name,
		courseTitle: course.title,
		contentVersion: course.contentVersion,
		passMark,
		source,
		rows,
		filter
	});
	const groups = $<HTMLSelectElement>('group');
	if (groups.options.length === 1) for (const g of c.groups) groups.add(new Option(g, g));
	groups.parentElement!.hidden = c.groups.length === 0;
	const tracks = $<HTMLSelectElement>('track');
	if (tracks.options.length === 1)
		for (const [t, n] of Object.entries(c.tracks))
			if (n) tracks.add(new Option(`${TRACK_NAMES[t as keyof typeof TRACK_NAMES]} (${n})`, t));
	$('filters').hidden = false;
	link('csv', cohortCsv(c));
	link('learners-csv', learnersCsv(c));
}

function start(file: File): ReturnType<typeof playedReader> {
	played = [];
	rows = 0;
	source = file.name;
	for (const id of ['track', 'group']) $<HTMLSelectElement>(id).length = 1;
	status.textContent = `Reading ${file.name}…`;
	return playedReader(course);
}

function failed(file: File, e: unknown): void {
	status.textContent = `${file.name} cannot be read: ${e instanceof ExportError || e instanceof Error ? e.message : String(e)}`;
}

function done(file: File): void {
	status.textContent = `Read ${file.name}: ${rows.toLocaleString('en-GB')} rows, ${played.length.toLocaleString('en-GB')} attempts.`;
	show();
	$('results-start').focus();
}

/**
 * The file as text that Papa reads as it reads a Node stream, a few MB at a time: the browser
 * reads the file in pieces and TextDecoderStream decodes them (a character whose bytes fall in
 * two pieces stays whole, which Papa's own File reading cannot promise).
 */
function textStream(file: File) {
	const handlers: Record<string, ((x?: unknown) => void)[]> = {};
	const emit = (event: string, x?: unknown) => {
		for (const h of handlers[event] ?? []) h(x);
	};
	let stopped = false;
	let pumping = false;
	async function pump() {
		const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
		let text = '';
		try {
			for (;;) {
				const { done, value } = await reader.read();
				if (stopped) return void (await reader.cancel());
				if (!done) text += value;
				if (text.length >= CHUNK_BYTES || (done && text)) {
					const piece = text;
					text = '';
					emit('data', piece);
				}
				if (done) return emit('end');
			}
		} catch (e) {
			emit('error', e);
		}
	}
	return {
		readable: true,
		read() {},
		pause() {},
		resume() {},
		on(event: string, fn: (x?: unknown) => void) {
			(handlers[event] ??= []).push(fn);
			if (!pumping) {
				pumping = true;
				setTimeout(pump);
			}
		},
		removeListener(event: string, fn: (x?: unknown) => void) {
			handlers[event] = (handlers[event] ?? []).filter((h) => h !== fn);
		},
		stop() {
			stopped = true;
		}
	};
}

type SheetReader = typeof import('../src/lib/report/sheet.js');

/** The spreadsheet reader, started the first time a spreadsheet is opened (not before). */
function sheetReader(): SheetReader {
	const g = globalThis as unknown as { cohortSheet?: SheetReader };
	if (!g.cohortSheet) {
		const script = document.createElement('script');
		script.textContent = $('sheet-reader').textContent;
		document.head.append(script);
	}
	if (!g.cohortSheet) throw new Error('the spreadsheet reader did not start');
	return g.cohortSheet;
}

/** An Excel (.xlsx) or ODS file, read whole (a spreadsheet cannot be read a piece at a time). */
async function readSheet(file: File): Promise<void> {
	const feed = start(file);
	try {
		const sheet = sheetReader().sheetRows(new Uint8Array(await file.arrayBuffer()));
		for (const row of sheet) if (!row.every((c) => c.trim() === '')) feed.row(row);
		({ played, rows } = feed.end());
	} catch (e) {
		return failed(file, e);
	}
	done(file);
}

async function read(file: File): Promise<void> {
	const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
	// A zip file: an Excel (.xlsx) or OpenDocument (.ods) spreadsheet.
	if (String.fromCharCode(...head) === 'PK\x03\x04') return readSheet(file);
	const feed = start(file);
	if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0)
		return failed(
			file,
			new ExportError(
				'it is an old Excel (.xls) file — download the report in text, Excel (.xlsx) or ODS format'
			)
		);
	let broken = false;
	const stream = textStream(file);
	Papa.parse<string[]>(stream as unknown as File, {
		// Not 'greedy': that joins every row's cells to test it (the readers skip blank rows).
		skipEmptyLines: true,
		chunk(result, parser) {
			if (broken) return;
			try {
				for (const row of result.data) feed.row(row);
				status.textContent = `Reading ${file.name}: ${feed.rows.toLocaleString('en-GB')} rows so far…`;
			} catch (e) {
				broken = true;
				stream.stop();
				parser.abort();
				failed(file, e);
			}
		},
		complete() {
			if (broken) return;
			try {
				({ played, rows } = feed.end());
			} catch (e) {
				return failed(file, e);
			}
			done(file);
		},
		error(err) {
			broken = true;
			failed(file, err);
		}
	});
}

$<HTMLInputElement>('file').addEventListener('change', (e) => {
	const f = (e.target as HTMLInputElement).files?.[0];
	if (f) void read(f);
});
for (const id of ['from', 'to', 'track', 'group'])
	$(id).addEventListener('change', () => played.length && show());
$<HTMLInputElement>('names').addEventListener('change', (e) =>
	document.body.classList.toggle('names-off', !(e.target as HTMLInputElement).checked)
);
