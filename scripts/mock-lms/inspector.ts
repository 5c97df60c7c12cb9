/** The inspector: the tracking data now, problems, session, interactions, objectives, API calls. */
import { $, $input, text, type App } from './app.js';
import { faultSummary, FAULTS } from './options.js';
import { renderCmi } from './session.js';
import { clone, loadRecord } from './storage.js';
import { short, SUSPEND_LIMIT } from './strict.js';
import type { CallRecord, Cmi, Problem } from './types.js';

const STATE_LABELS = {
	waiting: 'Waiting for the module to call Initialize',
	running: 'Running: initialised',
	finished: 'Finished: the module called LMSFinish / Terminate',
	closed: 'Closed without LMSFinish / Terminate',
	refused: 'Initialise refused (simulated problem)'
};
const MAX_CALL_ROWS = 1500;

const plural = (n: number, one: string, many?: string) =>
	`${n} ${n === 1 ? one : many || `${one}s`}`;

function fact(dl: HTMLElement, term: string, value: unknown, empty = 'empty'): void {
	dl.appendChild(text('dt', term));
	const dd = document.createElement('dd');
	if (value instanceof Node) dd.appendChild(value);
	else if (value === '' || value === null || value === undefined)
		dd.appendChild(text('span', empty, 'empty'));
	else dd.textContent = String(value);
	dl.appendChild(dd);
}

/** The CMI now: the session's, or the stored copy before the module starts. */
export function currentCmi(app: App): Cmi | null {
	const s = app.session;
	if (s && s.api) return renderCmi(s.api);
	const rec = app.pkg && loadRecord(app.pkg.slug);
	return rec && rec.cmi ? clone(rec.cmi) : {};
}

function renderSession(app: App): void {
	const dl = $('session');
	dl.replaceChildren();
	const { session: s, pkg, options: o } = app;
	if (!pkg) return fact(dl, 'Package', null, 'none launched');
	const rec = loadRecord(pkg.slug);
	fact(dl, 'Package', pkg.slug);
	fact(
		dl,
		'Version',
		pkg.schemaVersion +
			(pkg.masteryScore !== null ? `, pass mark ${pkg.masteryScore}%` : ', no pass mark')
	);
	fact(dl, 'Attempt', rec ? rec.attempt : 1);
	if (s) {
		fact(
			dl,
			'Session',
			`${s.id}: ${o.fault === 'no-api' ? 'no API offered (simulated problem)' : STATE_LABELS[s.state]}`
		);
		fact(
			dl,
			'Entry',
			s.entry === null ? null : `“${s.entry}” – ${s.entryWhy}`,
			'decided when the module first calls the API'
		);
	}
	fact(dl, 'Learner', `${o.learner.name} (${o.learner.id})`);
	fact(
		dl,
		'Stored',
		rec && rec.savedAt
			? `${new Date(rec.savedAt).toLocaleTimeString('en-GB')}, on ${rec.savedBy}`
			: null,
		'nothing yet'
	);
	fact(dl, 'Simulated problem', faultSummary(o));
	if (o.requestedFault !== o.fault)
		fact(
			dl,
			'Unknown fault',
			`“${o.requestedFault}” is not one of ${FAULTS.join(', ')}; using none`
		);
	if (o.masteryOverride) fact(dl, 'Mastery score', 'overrides lesson_status on LMSFinish');
}

function suspendFact(value: unknown): HTMLElement {
	const len = String(value || '').length;
	const wrap = document.createElement('span');
	const over = len > SUSPEND_LIMIT;
	const label = text(
		'span',
		`${len.toLocaleString('en-GB')} of ${SUSPEND_LIMIT.toLocaleString('en-GB')} characters${over ? ' – over the limit' : ''}`,
		over ? 'over-text' : undefined
	);
	wrap.appendChild(label);
	const meter = text('span', null, `meter${over ? ' over' : ''}`);
	meter.setAttribute('aria-hidden', 'true');
	const bar = document.createElement('span');
	bar.style.width = `${Math.min(100, (len / SUSPEND_LIMIT) * 100)}%`;
	meter.appendChild(bar);
	wrap.appendChild(meter);
	if (len) wrap.appendChild(text('span', short(value, 160), 'value-preview'));
	return wrap;
}

/** A scorm-again list ({ "0": …, "1": … }) in index order. */
const values = (o: Cmi | undefined): Cmi[] =>
	o
		? Object.keys(o)
				.sort((a, b) => Number(a) - Number(b))
				.map((k) => o[k])
		: [];

/**
 * Writes the tables of index.html: each <div data-table="id" data-title="…" data-columns="#, Id, …">
 * becomes a heading and a scrolling region holding a table whose body is #id, then every
 * <table data-columns="…"> gets its head.
 */
export function tableHeads(): void {
	for (const slot of Array.from(document.querySelectorAll<HTMLElement>('div[data-table]'))) {
		const { table: id = '', title = '', columns = '' } = slot.dataset;
		const heading = text('h3', title);
		heading.id = `${id}-heading`;
		const region = document.createElement('div');
		region.className = 'scroll';
		region.tabIndex = 0;
		region.setAttribute('role', 'region');
		region.setAttribute('aria-labelledby', heading.id);
		const table = region.appendChild(document.createElement('table'));
		table.className = 'data';
		table.dataset.columns = columns;
		table.createTBody().id = id;
		slot.replaceWith(heading, region);
	}
	for (const table of Array.from(
		document.querySelectorAll<HTMLTableElement>('table[data-columns]')
	)) {
		const tr = table.createTHead().insertRow();
		for (const name of (table.dataset.columns ?? '').split(', ')) {
			const th = text('th', name) as HTMLTableCellElement;
			th.scope = 'col';
			tr.appendChild(th);
		}
	}
}

function emptyRow(tbody: HTMLElement, cols: number, message: string): void {
	const tr = document.createElement('tr');
	tr.className = 'empty-row';
	const td = text('td', message) as HTMLTableCellElement;
	td.colSpan = cols;
	tr.appendChild(td);
	tbody.appendChild(tr);
}

function tableRows(id: string, rows: unknown[][]): void {
	const body = $(id);
	body.replaceChildren();
	for (const row of rows) {
		const tr = document.createElement('tr');
		row.forEach((v, col) =>
			tr.appendChild(text('td', v === undefined ? '' : v, col === 1 ? 'mono' : ''))
		);
		body.appendChild(tr);
	}
	const cols = (body.parentElement as HTMLTableElement).tHead?.rows[0].cells.length ?? 1;
	if (!rows.length) emptyRow(body, cols, 'None yet');
}

/** A score: empty if the SCO set none, else the value and its details. */
function scoreFact(dl: HTMLElement, term: string, value: unknown, details: string): void {
	fact(dl, term, value === undefined || value === '' ? '' : `${value}${details}`);
}

function renderCmiFacts(app: App): void {
	const dl = $('cmi-facts');
	dl.replaceChildren();
	const pkg = app.pkg;
	const cmi = currentCmi(app) || {};
	const interactions = values(cmi.interactions);
	const objectives = values(cmi.objectives);
	if (!pkg) return;
	if (pkg.version === '1.2') {
		const core = cmi.core || {};
		const score = core.score || {};
		fact(dl, 'lesson_status', core.lesson_status);
		scoreFact(dl, 'score.raw', score.raw, ` (min ${score.min || '–'}, max ${score.max || '–'})`);
		for (const k of ['lesson_location', 'entry', 'exit', 'session_time']) fact(dl, k, core[k]);
		fact(dl, 'total_time', core.total_time);
	} else {
		const sc = cmi.score || {};
		fact(dl, 'completion_status', cmi.completion_status);
		fact(dl, 'success_status', cmi.success_status);
		scoreFact(
			dl,
			'score.scaled',
			sc.scaled,
			sc.raw !== '' && sc.raw !== undefined ? ` (raw ${sc.raw})` : ''
		);
		for (const k of ['progress_measure', 'location', 'entry', 'exit', 'session_time', 'total_time'])
			fact(dl, k, cmi[k]);
	}
	fact(dl, 'suspend_data', suspendFact(cmi.suspend_data));
	fact(dl, 'interactions', String(interactions.length));
	fact(dl, 'objectives', String(objectives.length));

	const v12 = pkg.version === '1.2';
	tableRows(
		'interactions',
		interactions.map((it, i) => [
			String(i),
			it.id,
			v12 ? it.student_response : it.learner_response,
			values(it.correct_responses)
				.map((c) => c.pattern)
				.join(', '),
			it.result,
			it.latency
		])
	);
	tableRows(
		'objectives',
		objectives.map((o, i) => {
			const score = o.score || {};
			const status = v12
				? o.status
				: [o.success_status, o.completion_status].filter(Boolean).join(', ');
			const scoreText = v12
				? score.raw
				: score.scaled !== undefined && score.scaled !== ''
					? `scaled ${score.scaled}`
					: score.raw;
			return [String(i), o.id, status, scoreText];
		})
	);
}

export function problemText(p: Problem): string {
	const where: string[] = [];
	if (p.session !== null && p.session !== undefined) where.push(`session ${p.session}`);
	if (p.call) where.push(`call ${p.call}`);
	const args = p.element
		? `(${p.element}${p.value !== undefined && p.method?.includes('SetValue') ? `, ${short(p.value, 40)}` : ''})`
		: '';
	const head = p.method ? `${p.method}${args}${p.code ? ` → ${p.code}` : ''}: ` : '';
	return (where.length ? `[${where.join(', ')}] ` : '') + head + p.message;
}

function problemList(box: HTMLElement, list: Problem[], one: string, cls: string): void {
	box.appendChild(text('p', plural(list.length, one), list.length ? `problem-${one}` : ''));
	if (!list.length) return;
	const ul = text('ul', null, cls);
	for (const p of list.slice(-50)) ul.appendChild(text('li', problemText(p)));
	box.appendChild(ul);
}

function renderProblems(app: App): void {
	const box = $('problems');
	box.replaceChildren();
	const { errors, warnings, notes } = app.log;
	const noteText = notes.length
		? `${plural(notes.length, 'GetValue call')} asked for ${notes.length === 1 ? 'an element' : 'elements'} not set yet (403): normal when a module looks for saved data.`
		: '';
	if (!errors.length && !warnings.length) {
		box.appendChild(text('p', 'No errors or warnings.'));
	} else {
		problemList(box, errors, 'error', 'errors');
		problemList(box, warnings, 'warning', 'warnings');
	}
	if (noteText) box.appendChild(text('p', noteText, 'hint'));
}

function addRow(tr: HTMLElement): void {
	const scroller = $('calls-scroll');
	const atBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 30;
	const body = $('calls');
	body.appendChild(tr);
	while (body.childElementCount > MAX_CALL_ROWS) body.firstElementChild?.remove();
	if (atBottom) scroller.scrollTop = scroller.scrollHeight;
}

export const isErrorMethod = (name: string) =>
	/GetLastError|GetErrorString|GetDiagnostic/.test(name);

export function appendCallRow(rec: CallRecord): void {
	const tr = document.createElement('tr');
	const failed = (rec.error && rec.error !== '0' && !rec.noted) || rec.threw;
	const errorCall = isErrorMethod(rec.method);
	tr.className = (failed ? 'failed' : rec.noted ? 'noted' : '') + (errorCall ? ' error-call' : '');
	if (errorCall && $input('hide-error-calls').checked) tr.classList.add('hidden-call');
	const value =
		rec.value === undefined
			? ''
			: rec.value === '' && rec.element === ''
				? '""'
				: short(rec.value, 80);
	const returned =
		short(rec.result, 80) +
		(rec.injected ? ' (simulated fault)' : rec.strict ? ' (strict check)' : '');
	[
		String(rec.n),
		rec.method,
		rec.element,
		value,
		returned,
		rec.error === '' ? '–' : rec.error
	].forEach((v, i) =>
		tr.appendChild(text('td', v, i === 2 || i === 3 ? 'mono' : i === 1 ? 'nowrap' : ''))
	);
	addRow(tr);
}

/** The row that starts a session in the call table. */
export function appendSessionRow(id: number, slug: string, reason: string): void {
	const tr = document.createElement('tr');
	tr.className = 'session-row';
	const td = text('td', `Session ${id}: ${slug} launched (${reason})`) as HTMLTableCellElement;
	td.colSpan = 6;
	tr.appendChild(td);
	addRow(tr);
}

export function render(app: App): void {
	renderSession(app);
	renderCmiFacts(app);
	renderProblems(app);
	$('calls-count').textContent = `(${app.log.calls.length.toLocaleString('en-GB')})`;
	const rec = app.pkg && loadRecord(app.pkg.slug);
	$('stored').textContent = rec
		? JSON.stringify(rec, null, 2)
		: 'Nothing stored for this package yet.';
}
