/**
 * The cohort report page (a provider's offline tool, not the learner module: it fills its results
 * container with HTML that renderCohort has escaped) (dist/<council>-report.html): the provider opens an LMS export and the
 * page reads it here, in the browser, row by row. Nothing is sent anywhere.
 */
import Papa from 'papaparse';
import type { Course } from '../src/lib/engine/types.js';
import { cohortOf, decisionIndex, playedOf, type Played } from '../src/lib/report/aggregate.js';
import { attemptReader, ExportError, layoutOf } from '../src/lib/report/parse.js';
import { cohortCsv, renderCohort } from '../src/lib/report/render.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const course = JSON.parse($('course-data').textContent ?? '{}') as Course;
const passMark = Number($('course-data').dataset.passMark ?? 80);
const index = decisionIndex(course);
const status = $<HTMLParagraphElement>('status');
const results = $<HTMLDivElement>('results');
let played: Played[] = [];
let source = '';
let rows = 0;

function show(): void {
	const filter = {
		from: $<HTMLInputElement>('from').value || null,
		to: $<HTMLInputElement>('to').value || null,
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
		rows
	});
	const groups = $<HTMLSelectElement>('group');
	if (groups.options.length === 1) for (const g of c.groups) groups.add(new Option(g, g));
	$('filters').hidden = false;
	const csv = $<HTMLAnchorElement>('csv');
	URL.revokeObjectURL(csv.href);
	csv.href = URL.createObjectURL(new Blob([cohortCsv(c)], { type: 'text/csv' }));
	csv.hidden = false;
}

function read(file: File): void {
	if (/\.(xlsx|ods|xls)$/i.test(file.name)) {
		status.textContent = `${file.name} is a spreadsheet. This page reads text and CSV exports: in Moodle, choose “Download in text format” on the Interactions report.`;
		return;
	}
	played = [];
	rows = 0;
	source = file.name;
	let reader: ReturnType<typeof attemptReader> | null = null;
	status.textContent = `Reading ${file.name}…`;
	Papa.parse<string[]>(file, {
		skipEmptyLines: 'greedy',
		step(result, parser) {
			try {
				if (!reader)
					reader = attemptReader(layoutOf(result.data), (a) => played.push(playedOf(a, index)));
				else {
					reader.row(result.data);
					rows++;
					if (rows % 5000 === 0)
						status.textContent = `Reading ${file.name}: ${rows.toLocaleString('en-GB')} rows so far…`;
				}
			} catch (e) {
				parser.abort();
				status.textContent = `${file.name} cannot be read: ${e instanceof ExportError ? e.message : String(e)}`;
				reader = null;
			}
		},
		complete() {
			if (!reader) return;
			reader.end();
			status.textContent = `Read ${file.name}: ${rows.toLocaleString('en-GB')} rows, ${played.length.toLocaleString('en-GB')} attempts.`;
			show();
			$('results-start').focus();
		},
		error(err) {
			status.textContent = `${file.name} cannot be read: ${err.message}`;
		}
	});
}

$<HTMLInputElement>('file').addEventListener('change', (e) => {
	const f = (e.target as HTMLInputElement).files?.[0];
	if (f) read(f);
});
for (const id of ['from', 'to', 'group'])
	$(id).addEventListener('change', () => played.length && show());
$<HTMLInputElement>('names').addEventListener('change', (e) =>
	document.body.classList.toggle('names-off', !(e.target as HTMLInputElement).checked)
);
