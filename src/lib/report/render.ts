/**
 * The cohort report as HTML (text only, every value escaped) and as a CSV of the aggregates.
 * Used by the report page in the browser and by `npm run report`. Pure: no DOM, no Node.
 */
import Papa from 'papaparse';
import type { Cohort, CohortFilter, DecisionRow } from './aggregate.js';
import type { PlayedTrack } from './read.js';

/** The page lists at most this many attempts; the learners' CSV has them all. */
export const LEARNER_ROWS_SHOWN = 1000;

/** What the report calls each track, as the scenarios played show it. */
export const TRACK_NAMES: Record<'councillor' | 'officer' | 'all' | 'unknown', string> = {
	councillor: 'Councillor induction',
	officer: 'Officer refresher',
	all: 'All scenarios, both tracks',
	unknown: 'Not known'
};
const trackName = (t: PlayedTrack) => TRACK_NAMES[t || 'unknown'];

const esc = (v: unknown) =>
	String(v ?? '').replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
	);
const pct = (n: number, of: number) => (of ? Math.round((n / of) * 100) : 0);
const plural = (n: number, one: string, many = `${one}s`) =>
	`${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** A bar as SVG; the number it shows is always in the same table row as text. */
function bar(percent: number, good = false): string {
	const w = Math.max(0, Math.min(100, percent));
	return `<svg class="bar" viewBox="0 0 100 10" width="120" height="12" aria-hidden="true" focusable="false"><rect width="100" height="10" class="bar-bg"/><rect width="${w}" height="10" class="${good ? 'bar-good' : 'bar-fill'}"/></svg>`;
}

function formatDay(iso: string | null): string {
	if (!iso) return 'not given';
	const [y, m, d] = iso.split('-').map(Number);
	return new Intl.DateTimeFormat('en-GB', {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(Date.UTC(y, m - 1, d));
}

export interface ReportMeta {
	council: string;
	courseTitle: string;
	contentVersion: string;
	passMark: number;
	source: string;
	rows: number;
	/** The filter the figures were worked out with, said at the top (it is printed too). */
	filter?: CohortFilter;
}

function filterText(f: CohortFilter | undefined): string {
	if (!f) return '';
	const parts: string[] = [];
	if (f.from || f.to)
		parts.push(
			`attempts started ${f.from ? `from ${formatDay(f.from)}` : ''}${f.from && f.to ? ' ' : ''}${f.to ? `up to ${formatDay(f.to)}` : ''}`
		);
	if (f.track && f.track in TRACK_NAMES)
		parts.push(`track: ${TRACK_NAMES[f.track as keyof typeof TRACK_NAMES]}`);
	if (f.group) parts.push(`group: ${esc(f.group)}`);
	return parts.length
		? `<p class="filter-note"><strong>Only</strong> ${parts.join('; ')}.</p>`
		: '';
}

function decisionTable(d: DecisionRow): string {
	const rows = d.choices
		.map(
			(c) =>
				`<tr${c.recommended ? ' class="recommended"' : ''}><th scope="row">${esc(c.key)}${c.recommended ? ' <span class="tag">recommended</span>' : ''}</th><td>${esc(c.text)}</td><td class="num">${c.count}</td><td class="num">${pct(c.count, d.answered)}%</td><td>${bar(pct(c.count, d.answered), c.recommended)}</td></tr>`
		)
		.join('');
	return `<table class="decision"><caption>${esc(d.title)}: ${esc(d.question)} <span class="hint">(${plural(d.answered, 'answer')})</span></caption><thead><tr><th scope="col">Choice</th><th scope="col">Wording</th><th scope="col">Learners</th><th scope="col">Share</th><th scope="col"><span class="visually-hidden">Chart</span></th></tr></thead><tbody>${rows}</tbody></table>`;
}

export function renderCohort(c: Cohort, meta: ReportMeta): string {
	const out: string[] = [];
	out.push(
		`<p>Read from <strong>${esc(meta.source)}</strong> (${plural(meta.rows, 'row')}) against the course “${esc(meta.courseTitle)}”, content version ${esc(meta.contentVersion)}. The file was read on this computer and sent nowhere.</p>${filterText(meta.filter)}`
	);
	if (c.match.unknown || c.match.rightDiffers) {
		const parts = [];
		if (c.match.unknown)
			parts.push(
				`${plural(c.match.unknown, 'answer')} of ${c.match.answers.toLocaleString('en-GB')} name decisions this course does not have (for example ${c.match.unknownIds
					.slice(0, 3)
					.map((i) => `“${esc(i)}”`)
					.join(', ')})`
			);
		if (c.match.rightDiffers)
			parts.push(
				`${plural(c.match.rightDiffers, 'answer')} report a right answer that is not this course’s recommended choice`
			);
		out.push(
			`<div class="warning" role="note"><h2>This export does not match this course</h2><p>${parts.join('; ')}. It may come from a different council’s package or an older build: the content has changed since. Read it with the course it was played in. The figures below count only the answers that match this course’s decisions.</p></div>`
		);
	}

	if (c.attempts > 0 && c.match.answers === 0) {
		out.push(
			'<div class="warning" role="note"><h2>This export holds no decisions</h2><p>It lists attempts and scores but no interactions, so the figures per principle, per decision and per scenario below are empty. Moodle’s Interactions report shows no interactions for SCORM 2004 packages (it reads only SCORM 1.2’s element names): in Moodle, use the SCORM 1.2 package, or read your LMS’s raw track data. In other LMSs, check that the report includes the interaction id and the response.</p></div>'
		);
	}
	out.push('<h2 id="summary">The cohort</h2><dl class="facts">');
	const fact = (k: string, v: string) => out.push(`<dt>${k}</dt><dd>${v}</dd>`);
	fact('Learners', `${c.learners.toLocaleString('en-GB')} (${plural(c.attempts, 'attempt')})`);
	fact('Passed', `${c.passed} (${pct(c.passed, c.attempts)}%)`);
	fact('Failed', `${c.failed} (${pct(c.failed, c.attempts)}%)`);
	if (c.completed) fact('Completed (practice)', String(c.completed));
	fact('Not finished', `${c.incomplete} (${pct(c.incomplete, c.attempts)}%)`);
	if (c.notAttempted) fact('Listed but not attempted', String(c.notAttempted));
	fact(
		'Average score',
		c.averageScore === null
			? 'no scores yet'
			: `${c.averageScore}% (over ${plural(c.scored, 'attempt')} with a score)`
	);
	const tracks = (['councillor', 'officer', 'all', 'unknown'] as const)
		.map(
			(t) =>
				[
					t,
					c.learnerRows.filter((r) => (r.track || 'unknown') === t && r.outcome !== 'not attempted')
						.length
				] as const
		)
		.filter(([, n]) => n > 0);
	fact(
		'Track (from the scenarios played)',
		tracks.length
			? tracks.map(([t, n]) => `${TRACK_NAMES[t]}: ${n.toLocaleString('en-GB')}`).join('; ')
			: 'no attempts'
	);
	fact(
		'Attempts started',
		c.firstDate
			? `${formatDay(c.firstDate)} to ${formatDay(c.lastDate)}`
			: 'dates not in this export'
	);
	out.push('</dl>');
	out.push(
		`<p class="hint">Passed and failed are worked out from the score against the pass mark of ${meta.passMark}%, because LMS reports such as Moodle’s do not show the status. A learner shown with the status “Incomplete” has no score yet, even where the LMS’s Score column shows 0. Time spent is not in an interactions export: read it in the LMS’s own reports.</p>`
	);

	out.push('<h2 id="principles">Principles, weakest first</h2>');
	out.push(
		'<p>For each principle of the protocol: the share of decisions where learners took a choice that scored as well as any on that principle, and the cohort’s score on it (where its points sit between the worst and the best available), the same measure learners see at the end of each scenario.</p>'
	);
	out.push(
		`<table class="principles"><caption>Principles by cohort score</caption><thead><tr><th scope="col">Principle</th><th scope="col">Decisions meeting it</th><th scope="col">Score</th><th scope="col">Decisions</th><th scope="col"><span class="visually-hidden">Chart of the score</span></th></tr></thead><tbody>${c.principles
			.map(
				(p) =>
					`<tr><th scope="row">${esc(p.name)}</th><td class="num">${p.meeting}%</td><td class="num">${p.percent}%</td><td class="num">${p.decisions.toLocaleString('en-GB')}</td><td>${bar(p.percent, p.percent >= meta.passMark)}</td></tr>`
			)
			.join('')}</tbody></table>`
	);

	out.push('<h2 id="wrong-turns">The most common wrong turns</h2>');
	if (c.wrongTurns.length === 0)
		out.push('<p>No decision was answered other than as recommended.</p>');
	else
		out.push(
			`<ol class="wrong-turns">${c.wrongTurns
				.map(
					(w) =>
						`<li><strong>${esc(w.decision.scenarioTitle)} › ${esc(w.decision.title)}</strong>: ${pct(w.decision.wrong, w.decision.answered)}% of ${plural(w.decision.answered, 'learner')} did not take the recommended choice. Most often: “${esc(w.top.text)}” (${esc(w.top.key)}, ${w.top.count}).</li>`
				)
				.join('')}</ol>`
		);

	out.push('<h2 id="scenarios">Scenarios and their endings</h2>');
	for (const s of c.scenarios) {
		out.push(
			`<table class="endings"><caption>${esc(s.title)}: ${s.started} started, ${s.finished} finished</caption><thead><tr><th scope="col">Ending</th><th scope="col">Outcome</th><th scope="col">Learners</th><th scope="col">Share of those who finished</th></tr></thead><tbody>${s.endings
				.map(
					(e) =>
						`<tr><th scope="row">${esc(e.title)}</th><td>${esc(e.outcome)}</td><td class="num">${e.count}</td><td class="num">${pct(e.count, s.finished)}%</td></tr>`
				)
				.join('')}</tbody></table>`
		);
	}

	out.push('<h2 id="decisions">Every decision: how learners chose</h2>');
	for (const s of c.scenarios) {
		const ds = c.decisions.filter((d) => d.scenario === s.id);
		out.push(
			`<section class="scenario-decisions" aria-labelledby="dec-${esc(s.id)}"><h3 id="dec-${esc(s.id)}">${esc(s.title)}</h3>${ds.map(decisionTable).join('')}</section>`
		);
	}

	const listed = c.learnerRows.filter((r) => r.outcome !== 'not attempted');
	const shown = listed.slice(0, LEARNER_ROWS_SHOWN);
	out.push(
		`<section id="learners" class="learners" aria-labelledby="learners-title"><h2 id="learners-title">Each learner</h2>${listed.length > shown.length ? `<p>The first ${shown.length.toLocaleString('en-GB')} of ${plural(listed.length, 'attempt')}, in the export’s order. Every attempt is in the learners’ CSV.</p>` : ''}<table><caption>One row per attempt</caption><thead><tr><th scope="col">Learner</th><th scope="col">Email</th><th scope="col">Started</th><th scope="col">Track</th><th scope="col">Result</th><th scope="col">Score</th><th scope="col">Decisions</th><th scope="col">Recommended</th><th scope="col">Scenarios finished</th></tr></thead><tbody>${shown
			.map(
				(r) =>
					`<tr><th scope="row">${esc(r.learner)}</th><td>${esc(r.email)}</td><td>${esc(formatDay(r.date))}</td><td>${esc(trackName(r.track))}</td><td>${esc(r.outcome)}</td><td class="num">${r.score === null || r.outcome === 'incomplete' ? '–' : `${r.score}%`}</td><td class="num">${r.decisions}</td><td class="num">${r.recommended}</td><td class="num">${r.finished}</td></tr>`
			)
			.join('')}</tbody></table></section>`
	);
	return out.join('\n');
}

/** The aggregates as CSV: one row per principle, per decision choice, and per scenario ending. */
export function cohortCsv(c: Cohort): string {
	// principle rows: count = decisions meeting it, of = decisions scored on it; score_percent = the cohort's score.
	const rows: (string | number)[][] = [
		[
			'kind',
			'scenario',
			'step',
			'id',
			'label',
			'recommended',
			'count',
			'of',
			'percent',
			'score_percent'
		]
	];
	/** A row counting `count` of `of`, with the percentage: the cells before them given. */
	const counted = (cells: string[], count: number, of: number) => [
		...cells,
		count,
		of,
		pct(count, of)
	];
	rows.push(
		['cohort', '', '', 'learners', 'Learners', '', c.learners, '', ''],
		counted(['cohort', '', '', 'passed', 'Passed', ''], c.passed, c.attempts),
		counted(['cohort', '', '', 'failed', 'Failed', ''], c.failed, c.attempts),
		counted(['cohort', '', '', 'incomplete', 'Not finished', ''], c.incomplete, c.attempts),
		['cohort', '', '', 'average-score', 'Average score', '', c.averageScore ?? '', c.scored, ''],
		...c.principles.map((p) => [
			'principle',
			'',
			'',
			p.id,
			p.name,
			'',
			p.meetingCount,
			p.decisions,
			p.meeting,
			p.percent
		]),
		...c.decisions.flatMap((d) =>
			d.choices.map((ch) =>
				counted(
					['choice', d.scenario, d.step, ch.key, ch.text, ch.recommended ? 'yes' : 'no'],
					ch.count,
					d.answered
				)
			)
		),
		...c.scenarios.flatMap((s) =>
			s.endings.map((e) =>
				counted(['ending', s.id, e.id, e.outcome, e.title, ''], e.count, s.finished)
			)
		)
	);
	return Papa.unparse(rows, { newline: '\n' }) + '\n';
}

/** Every attempt the figures count, one row each (it holds learners' names: keep it private). */
export function learnersCsv(c: Cohort): string {
	const rows: (string | number)[][] = [
		[
			'learner',
			'email',
			'attempt',
			'started',
			'group',
			'track',
			'result',
			'score',
			'decisions',
			'recommended',
			'scenarios_finished'
		]
	];
	for (const r of c.learnerRows)
		if (r.outcome !== 'not attempted')
			rows.push([
				r.learner,
				r.email,
				r.attempt,
				r.date ?? '',
				r.group,
				r.track || 'unknown',
				r.outcome,
				r.score === null || r.outcome === 'incomplete' ? '' : r.score,
				r.decisions,
				r.recommended,
				r.finished
			]);
	return Papa.unparse(rows, { newline: '\n', escapeFormulae: true }) + '\n';
}
