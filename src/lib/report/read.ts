/**
 * An export's rows (the header row first) → the attempts played, each mapped to the course: the
 * one reader the command (scripts/report.ts) and the page (scripts/report-page.ts) feed, whatever
 * the file (text read a chunk at a time, or a spreadsheet's rows).
 */
import { recommended } from '../engine/scoring.js';
import type { Course, Scenario, Step, Track } from '../engine/types.js';
import { attemptReader, ExportError, keep, layoutOf, parseDate, type Attempt } from './parse.js';

/**
 * The learner's track as the scenarios they played show it (an interactions export does not name
 * it): only councillor (and shared) scenarios → councillor; only officer (and shared) ones →
 * officer; both kinds → 'all' (the "Show all scenarios" list trainers take); only shared ones, or
 * none → '' (cannot tell).
 */
export type PlayedTrack = Track | 'all' | '';

/** One attempt, kept small: what it chose, by scenario (choice letters in order). */
export interface Played {
	learner: string;
	email: string;
	attempt: string;
	/** yyyy-mm-dd, or null when the export has no start date. */
	date: string | null;
	group: string;
	track: PlayedTrack;
	score: number | null;
	/** The status word the export showed ("incomplete", "not attempted", …) or "". */
	status: string;
	paths: Record<string, string>;
	answers: number;
	/** How many answers name an id that is not a decision of this course, and the first few of them. */
	unknown: number;
	unknownIds: string[];
	/** Answers whose reported right answer is not this course's recommended choice. */
	rightDiffers: number;
}

export interface DecisionHit {
	scenario: Scenario;
	step: Step;
	/** The key of the step's recommended choice. */
	rec: string;
}

/** Finds the scenario and step of an interaction id ("<scenario id>_<step id>"). */
export function decisionIndex(course: Course): Map<string, DecisionHit> {
	const index = new Map<string, DecisionHit>();
	for (const scenario of course.scenarios) {
		for (const node of Object.values(scenario.nodes)) {
			if (node.kind === 'step')
				index.set(`${scenario.id}_${node.id}`.slice(0, 250), {
					scenario,
					step: node,
					rec: recommended(node).key
				});
		}
	}
	return index;
}

/** Walks an attempt's answers through the course: its choices per scenario, and what did not fit. */
export function playedOf(a: Attempt, index: Map<string, DecisionHit>): Played {
	const bySteps = new Map<Step, string[]>();
	const scenarios = new Set<Scenario>();
	const unknownIds: string[] = [];
	let unknown = 0;
	let rightDiffers = 0;
	for (const ans of a.answers) {
		const hit = index.get(ans.id);
		if (!hit) {
			if (unknownIds.length < 3) unknownIds.push(keep(ans.id));
			unknown++;
			continue;
		}
		if (ans.right && ans.right !== hit.rec) rightDiffers++;
		const list = bySteps.get(hit.step);
		if (list) list.push(ans.response);
		else bySteps.set(hit.step, [ans.response]);
		scenarios.add(hit.scenario);
	}
	const paths: Record<string, string> = {};
	let councillor = false;
	let officer = false;
	for (const s of scenarios) {
		if (s.audience === 'councillor') councillor = true;
		else if (s.audience === 'officer') officer = true;
		// Follow the branches from the start, taking at each step the next answer given there.
		let path = '';
		let node = s.nodes[s.start];
		const used = new Map<Step, number>();
		while (node.kind === 'step') {
			const answers = bySteps.get(node);
			const i = used.get(node) ?? 0;
			const key = answers?.[i];
			const choice = key && node.choices.find((c) => c.key === key);
			if (!choice) break;
			used.set(node, i + 1);
			path += key;
			node = s.nodes[choice.next];
		}
		if (path) paths[s.id] = path;
	}
	return {
		learner: a.learner,
		email: a.email,
		attempt: a.attempt,
		date: parseDate(a.started),
		group: a.group,
		track: councillor && officer ? 'all' : councillor ? 'councillor' : officer ? 'officer' : '',
		score: a.score,
		status: a.status,
		paths,
		answers: a.answers.length,
		unknown,
		unknownIds,
		rightDiffers
	};
}

export function playedReader(course: Course) {
	const index = decisionIndex(course);
	const played: Played[] = [];
	let reader: ReturnType<typeof attemptReader> | null = null;
	let rows = 0;
	return {
		/** One row: the first is the header, which says what kind of export this is. */
		row(cells: string[]): void {
			if (!reader) reader = attemptReader(layoutOf(cells), (a) => played.push(playedOf(a, index)));
			else {
				reader.row(cells);
				rows++;
			}
		},
		/** Rows read so far after the header. */
		get rows(): number {
			return rows;
		},
		/** After the last row: the attempts, or an ExportError when there was not even a header. */
		end(): { played: Played[]; rows: number } {
			if (!reader) throw new ExportError('it is empty — download the report again');
			reader.end();
			return { played, rows };
		}
	};
}
