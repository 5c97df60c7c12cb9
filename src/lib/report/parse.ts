/**
 * Reads an LMS export of SCORM interactions, one row at a time (the caller streams the file):
 * - Moodle's Interactions report ("wide": one row per attempt, then "Question N / Response N /
 *   Right answer N / Result N" groups numbered by each learner's own order of decisions), from its
 *   text (tab-separated) or CSV download;
 * - any "long" export with one row per interaction: a learner column, an interaction id, the
 *   response and (optionally) the result.
 * Pure: no DOM, no Node.
 */

export interface Answer {
	/** cmi.interactions.n.id, e.g. "chair-grievance_start". */
	id: string;
	/** The learner's response: the choice letter. */
	response: string;
	/** The right answer the package reported, if the export has it. */
	right: string;
	/** correct / wrong / incorrect / …, if the export has it. */
	result: string;
}

export interface Attempt {
	learner: string;
	email: string;
	attempt: string;
	/** When the attempt started, as the export wrote it (parsed by parseDate). */
	started: string;
	lastAccess: string;
	/** The score the export shows, or null where it shows none (see scoreShown). */
	score: number | null;
	/** The status word the export shows, lower case ("incomplete", "not attempted"), or "". */
	status: string;
	group: string;
	answers: Answer[];
}

export type ExportKind = 'moodle-wide' | 'long';

export class ExportError extends Error {}

const norm = (h: string) =>
	h
		.trim()
		.toLowerCase()
		.replace(/[\s_.-]+/g, ' ');

interface WideLayout {
	kind: 'moodle-wide';
	name: number;
	email: number;
	attempt: number;
	started: number;
	last: number;
	score: number;
	sco: number;
	group: number;
	/** Per slot: the columns of question, response, right answer, result (-1 when absent). */
	slots: [number, number, number, number][];
}

interface LongLayout {
	kind: 'long';
	learner: number;
	email: number;
	attempt: number;
	started: number;
	group: number;
	id: number;
	response: number;
	right: number;
	result: number;
	score: number;
	status: number;
}

export type Layout = WideLayout | LongLayout;

function find(headers: string[], ...names: RegExp[]): number {
	const n = headers.map(norm);
	for (const re of names) {
		const i = n.findIndex((h) => re.test(h));
		if (i >= 0) return i;
	}
	return -1;
}

/** Works out what kind of export this is from its header row, or says why it cannot be read. */
export function layoutOf(headers: string[]): Layout {
	const n = headers.map(norm);
	const slot = (label: string, i: number) => n.indexOf(`${label} ${i}`);
	if (slot('question', 0) >= 0 || slot('response', 0) >= 0) {
		const slots: WideLayout['slots'] = [];
		for (let i = 0; slot('question', i) >= 0 || slot('response', i) >= 0; i++) {
			slots.push([
				slot('question', i),
				slot('response', i),
				slot('right answer', i),
				slot('result', i)
			]);
		}
		if (slots.some(([q]) => q < 0)) {
			throw new ExportError(
				'this Interactions report has no "Question N" columns, so its responses cannot be matched to decisions — in Moodle, tick "Summary of question" (and "Summary of right answer" and "Summary of result") on the report page, save the preferences, then download again'
			);
		}
		const name = find(headers, /^name$/, /^(full )?name$/, /^user/);
		const firstQ = slots[0][0];
		return {
			kind: 'moodle-wide',
			name,
			email: find(headers, /^email/),
			attempt: find(headers, /^attempt$/),
			started: find(headers, /^started/),
			last: find(headers, /^last accessed/),
			score: find(headers, /^score$/, /^grade$/),
			// The column just before the first question is the SCO's: its score or status word.
			sco: firstQ > 0 && firstQ - 1 !== name ? firstQ - 1 : -1,
			group: find(headers, /^groups?$/),
			slots
		};
	}
	const id = find(
		headers,
		/^(cmi )?interactions? \d* ?id$/,
		/^interaction( id)?$/,
		/^question( id)?$/,
		/^id$/
	);
	const response = find(headers, /^(student|learner) response$/, /^response$/, /^answer$/);
	const learner = find(
		headers,
		/^learner( name)?$/,
		/^(user ?name|user|name|full name|student)$/,
		/^learner id$/,
		/^user id$/
	);
	if (id < 0 || response < 0 || learner < 0) {
		throw new ExportError(
			`the header row has ${headers.length} columns (${headers.slice(0, 8).join(', ')}${headers.length > 8 ? ', …' : ''}) but no ${[id < 0 ? 'interaction id' : '', response < 0 ? 'response' : '', learner < 0 ? 'learner' : ''].filter(Boolean).join(', ')} column — use Moodle's Interactions report (Download in text format), or an export with one row per interaction and columns for the learner, the interaction id and the response`
		);
	}
	return {
		kind: 'long',
		learner,
		email: find(headers, /^email/),
		attempt: find(headers, /^attempt( number)?$/),
		started: find(headers, /^started/, /^(date|time|timestamp)$/),
		group: find(headers, /^groups?$/),
		id,
		response,
		right: find(
			headers,
			/^(right|correct) (answer|response)s?( pattern)?$/,
			/^correct responses 0 pattern$/
		),
		result: find(headers, /^result$/),
		score: find(headers, /^score( raw)?$/),
		status: find(headers, /^(lesson |completion |success )?status$/)
	};
}

const cell = (row: string[], i: number) => (i >= 0 ? (row[i] ?? '').trim() : '');
/**
 * A cell the report keeps after the row is gone (names, emails, groups), copied: a cell sliced
 * from the parser's chunk would keep that whole chunk of the file in memory.
 */
export const keep = (s: string) => (s.length < 13 ? s : (' ' + s).slice(1));
const kept = (row: string[], i: number) => keep(cell(row, i));

function scoreAndStatus(
	scoreCell: string,
	scoCell: string
): { score: number | null; status: string } {
	// Moodle writes 0 in Score where no score is stored; its SCO column then holds the status word.
	const sco = scoCell.trim();
	if (sco && !/^\d+(\.\d+)?(\/\d+)?$/.test(sco))
		return { score: null, status: keep(sco.toLowerCase()) };
	const raw = sco ? sco.split('/')[0] : scoreCell;
	const n = Number(raw);
	return raw !== '' && raw !== '-' && Number.isFinite(n)
		? { score: n, status: '' }
		: { score: null, status: '' };
}

/**
 * Turns rows into attempts. Feed it every row after the header; call `end()` for the attempts of
 * a long export (a wide export yields each attempt as its row arrives).
 */
export function attemptReader(layout: Layout, onAttempt: (a: Attempt) => void) {
	if (layout.kind === 'moodle-wide') {
		return {
			row(row: string[]) {
				if (row.length === 1 && row[0].trim() === '') return;
				const answers: Answer[] = [];
				// A row of empty cells (tabs only) is no attempt.
				if (!cell(row, layout.name) && !cell(row, layout.email) && !cell(row, layout.slots[0][0]))
					return;
				for (const [q, r, right, result] of layout.slots) {
					const id = cell(row, q);
					if (!id) continue;
					answers.push({
						id,
						response: cell(row, r),
						right: cell(row, right),
						result: cell(row, result).toLowerCase()
					});
				}
				onAttempt({
					learner: kept(row, layout.name),
					email: kept(row, layout.email),
					attempt: kept(row, layout.attempt),
					started: cell(row, layout.started),
					lastAccess: kept(row, layout.last),
					group: kept(row, layout.group),
					...scoreAndStatus(cell(row, layout.score), cell(row, layout.sco)),
					answers
				});
			},
			end() {}
		};
	}
	const open = new Map<string, Attempt>();
	// A long export's answers are kept until its end: share one copy of each id and response.
	const interned = new Map<string, string>();
	const intern = (s: string) => {
		let k = interned.get(s);
		if (k === undefined) interned.set((k = keep(s)), k);
		return k;
	};
	return {
		row(row: string[]) {
			const id = cell(row, layout.id);
			const learner = cell(row, layout.learner);
			if (!id || !learner) return;
			const key = `${learner}\u0000${cell(row, layout.attempt)}`;
			let a = open.get(key);
			if (!a) {
				a = {
					learner: keep(learner),
					email: kept(row, layout.email),
					attempt: kept(row, layout.attempt),
					started: keep(cell(row, layout.started)),
					lastAccess: '',
					group: kept(row, layout.group),
					...scoreAndStatus(cell(row, layout.score), cell(row, layout.status)),
					answers: []
				};
				open.set(key, a);
			}
			a.answers.push({
				id: intern(id),
				response: intern(cell(row, layout.response)),
				right: intern(cell(row, layout.right)),
				result: intern(cell(row, layout.result).toLowerCase())
			});
		},
		end() {
			for (const a of open.values()) onAttempt(a);
			open.clear();
		}
	};
}

/** january … december, lower case. */
const MONTHS = Array.from({ length: 12 }, (_, i) =>
	new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' })
		.format(Date.UTC(2000, i, 1))
		.toLowerCase()
);

/** A date as yyyy-mm-dd from Moodle's "Thursday, 3 December 2026, 12:23 PM", "3 December 2026, …" or ISO; null if none. */
export function parseDate(text: string): string | null {
	const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text.trim());
	if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
	const m = /(\d{1,2}) ([A-Za-z]+) (\d{4})/.exec(text);
	if (!m) return null;
	const month = MONTHS.indexOf(m[2].toLowerCase());
	return month < 0
		? null
		: `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[1].padStart(2, '0')}`;
}
