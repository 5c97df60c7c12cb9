/**
 * The cohort report's figures: each attempt of an LMS export is walked through the course with
 * the engine (the same walk and scoring the player uses), then counted per principle, per
 * decision and per scenario. Pure: no DOM, no Node.
 */
import { scenarioResult, principlePercent, type PrincipleTally } from '../engine/results.js';
import { recommended } from '../engine/scoring.js';
import { walk } from '../engine/session.js';
import type { Course, Scenario, Step } from '../engine/types.js';
import { parseDate, type Attempt } from './parse.js';

/** One attempt, kept small: what it chose, by scenario (choice letters in order). */
export interface Played {
	learner: string;
	email: string;
	attempt: string;
	/** yyyy-mm-dd, or null when the export has no start date. */
	date: string | null;
	group: string;
	score: number | null;
	/** The status word the export showed ("incomplete", "not attempted", …) or "". */
	status: string;
	paths: Record<string, string>;
	answers: number;
	/** Answers whose id is not a decision of this course. */
	unknown: string[];
	/** Answers whose reported right answer is not this course's recommended choice. */
	rightDiffers: number;
}

export interface CohortFilter {
	from?: string | null;
	to?: string | null;
	group?: string | null;
}

export type Outcome = 'passed' | 'failed' | 'completed' | 'incomplete' | 'not attempted';

export interface LearnerRow {
	learner: string;
	email: string;
	attempt: string;
	date: string | null;
	group: string;
	outcome: Outcome;
	score: number | null;
	decisions: number;
	recommended: number;
	finished: number;
}

export interface DecisionRow {
	scenario: string;
	scenarioTitle: string;
	step: string;
	title: string;
	question: string;
	answered: number;
	choices: { key: string; text: string; count: number; recommended: boolean }[];
	/** Answers other than the recommended choice. */
	wrong: number;
}

export interface Cohort {
	attempts: number;
	learners: number;
	notAttempted: number;
	passed: number;
	failed: number;
	completed: number;
	incomplete: number;
	/** Mean of the scores the export holds (attempts with no score are left out). */
	averageScore: number | null;
	scored: number;
	firstDate: string | null;
	lastDate: string | null;
	principles: {
		id: string;
		name: string;
		percent: number;
		decisions: number;
		meeting: number;
		meetingCount: number;
	}[];
	decisions: DecisionRow[];
	wrongTurns: {
		decision: DecisionRow;
		share: number;
		top: { key: string; text: string; count: number };
	}[];
	scenarios: {
		id: string;
		title: string;
		started: number;
		finished: number;
		endings: { id: string; title: string; outcome: string; count: number }[];
	}[];
	learnerRows: LearnerRow[];
	groups: string[];
	match: { answers: number; unknown: number; unknownIds: string[]; rightDiffers: number };
}

/** Finds the scenario and step of an interaction id ("<scenario id>_<step id>"). */
export function decisionIndex(course: Course): Map<string, { scenario: Scenario; step: Step }> {
	const index = new Map<string, { scenario: Scenario; step: Step }>();
	for (const scenario of course.scenarios) {
		for (const node of Object.values(scenario.nodes)) {
			if (node.kind === 'step')
				index.set(`${scenario.id}_${node.id}`.slice(0, 250), { scenario, step: node });
		}
	}
	return index;
}

/** Walks an attempt's answers through the course: its choices per scenario, and what did not fit. */
export function playedOf(a: Attempt, index: ReturnType<typeof decisionIndex>): Played {
	const bySteps = new Map<string, string[]>();
	const unknown: string[] = [];
	let rightDiffers = 0;
	for (const ans of a.answers) {
		const hit = index.get(ans.id);
		if (!hit) {
			unknown.push(ans.id);
			continue;
		}
		if (ans.right && ans.right !== recommended(hit.step).key) rightDiffers++;
		const key = `${hit.scenario.id}\u0000${hit.step.id}`;
		const list = bySteps.get(key) ?? [];
		list.push(ans.response);
		bySteps.set(key, list);
	}
	const paths: Record<string, string> = {};
	const scenarios = new Set<Scenario>();
	for (const ans of a.answers) {
		const hit = index.get(ans.id);
		if (hit) scenarios.add(hit.scenario);
	}
	for (const s of scenarios) {
		// Follow the branches from the start, taking at each step the next answer given there.
		let path = '';
		let node = s.nodes[s.start];
		const used = new Map<string, number>();
		while (node.kind === 'step') {
			const answers = bySteps.get(`${s.id}\u0000${node.id}`) ?? [];
			const i = used.get(node.id) ?? 0;
			const key = answers[i];
			const choice = key && node.choices.find((c) => c.key === key);
			if (!choice) break;
			used.set(node.id, i + 1);
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
		score: a.score,
		status: a.status,
		paths,
		answers: a.answers.length,
		unknown,
		rightDiffers
	};
}

function outcomeOf(p: Played, passMark: number): Outcome {
	const s = p.status;
	if (
		s === 'not attempted' ||
		(p.answers === 0 && p.score === null && (p.attempt === '-' || p.attempt === ''))
	)
		return 'not attempted';
	if (s === 'passed' || s === 'failed' || s === 'completed') return s;
	if (p.score !== null) return p.score >= passMark ? 'passed' : 'failed';
	return 'incomplete';
}

export function inFilter(p: Played, f: CohortFilter): boolean {
	if (f.group && p.group !== f.group) return false;
	if ((f.from || f.to) && !p.date) return false;
	if (f.from && p.date! < f.from) return false;
	if (f.to && p.date! > f.to) return false;
	return true;
}

export function cohortOf(
	course: Course,
	all: Played[],
	passMark: number,
	filter: CohortFilter = {}
): Cohort {
	const played = all.filter((p) => inFilter(p, filter));
	const names = Object.fromEntries(course.principles.map((p) => [p.id, p.name]));
	const tallies: Record<string, PrincipleTally> = {};
	const meeting: Record<string, number> = {};
	const counts = new Map<string, Map<string, number>>();
	const endings = new Map<string, number>();
	const started = new Map<string, number>();
	const finished = new Map<string, number>();
	const learnerRows: LearnerRow[] = [];
	let unknown = 0;
	let rightDiffers = 0;
	let answers = 0;
	const unknownIds = new Set<string>();

	for (const p of played) {
		const outcome = outcomeOf(p, passMark);
		let decisions = 0;
		let best = 0;
		let done = 0;
		for (const s of course.scenarios) {
			const path = p.paths[s.id];
			if (!path) continue;
			const w = walk(s, path);
			const r = scenarioResult(s, path);
			started.set(s.id, (started.get(s.id) ?? 0) + 1);
			if (w.node.kind === 'ending') {
				done++;
				finished.set(s.id, (finished.get(s.id) ?? 0) + 1);
				endings.set(`${s.id}/${w.node.id}`, (endings.get(`${s.id}/${w.node.id}`) ?? 0) + 1);
			}
			for (const [id, t] of Object.entries(r.principles)) {
				const into = (tallies[id] ??= { earned: 0, best: 0, worst: 0, decisions: 0 });
				into.earned += t.earned;
				into.best += t.best;
				into.worst += t.worst;
				into.decisions += t.decisions;
			}
			for (const d of w.decisions) {
				decisions++;
				if (recommended(d.step).key === d.choice.key) best++;
				const k = `${s.id}/${d.step.id}`;
				const m = counts.get(k) ?? new Map<string, number>();
				m.set(d.choice.key, (m.get(d.choice.key) ?? 0) + 1);
				counts.set(k, m);
				for (const id of new Set(d.step.choices.flatMap((c) => Object.keys(c.scores)))) {
					const top = Math.max(...d.step.choices.map((c) => c.scores[id] ?? 0));
					if ((d.choice.scores[id] ?? 0) >= top) meeting[id] = (meeting[id] ?? 0) + 1;
				}
			}
		}
		answers += p.answers;
		unknown += p.unknown.length;
		rightDiffers += p.rightDiffers;
		for (const id of p.unknown) if (unknownIds.size < 10) unknownIds.add(id);
		learnerRows.push({
			learner: p.learner,
			email: p.email,
			attempt: p.attempt,
			date: p.date,
			group: p.group,
			outcome,
			score: p.score,
			decisions,
			recommended: best,
			finished: done
		});
	}

	const attempted = learnerRows.filter((r) => r.outcome !== 'not attempted');
	const scored = attempted.filter((r) => r.score !== null && r.outcome !== 'incomplete');
	const dates = attempted
		.map((r) => r.date)
		.filter((d): d is string => !!d)
		.sort();
	const decisions: DecisionRow[] = [];
	for (const s of course.scenarios) {
		for (const node of Object.values(s.nodes)) {
			if (node.kind !== 'step') continue;
			const m = counts.get(`${s.id}/${node.id}`) ?? new Map<string, number>();
			const best = recommended(node).key;
			const choices = node.choices.map((c) => ({
				key: c.key,
				text: c.text,
				count: m.get(c.key) ?? 0,
				recommended: c.key === best
			}));
			const answered = choices.reduce((n, c) => n + c.count, 0);
			decisions.push({
				scenario: s.id,
				scenarioTitle: s.title,
				step: node.id,
				title: node.title,
				question: node.question,
				answered,
				choices,
				wrong: answered - (m.get(best) ?? 0)
			});
		}
	}
	const wrongTurns = decisions
		.filter((d) => d.answered > 0 && d.wrong > 0)
		.map((d) => {
			const top = d.choices.filter((c) => !c.recommended).sort((a, b) => b.count - a.count)[0];
			return {
				decision: d,
				share: d.wrong / d.answered,
				top: { key: top.key, text: top.text, count: top.count }
			};
		})
		.sort((a, b) => b.share - a.share || b.decision.answered - a.decision.answered)
		.slice(0, 10);

	return {
		attempts: attempted.length,
		learners: new Set(attempted.map((r) => r.email || r.learner)).size,
		notAttempted: learnerRows.length - attempted.length,
		passed: attempted.filter((r) => r.outcome === 'passed').length,
		failed: attempted.filter((r) => r.outcome === 'failed').length,
		completed: attempted.filter((r) => r.outcome === 'completed').length,
		incomplete: attempted.filter((r) => r.outcome === 'incomplete').length,
		averageScore: scored.length
			? Math.round(scored.reduce((n, r) => n + r.score!, 0) / scored.length)
			: null,
		scored: scored.length,
		firstDate: dates[0] ?? null,
		lastDate: dates[dates.length - 1] ?? null,
		principles: Object.entries(tallies)
			.map(([id, t]) => ({
				id,
				name: names[id] ?? id,
				percent: principlePercent(t),
				decisions: t.decisions,
				meetingCount: meeting[id] ?? 0,
				meeting: t.decisions ? Math.round(((meeting[id] ?? 0) / t.decisions) * 100) : 0
			}))
			.sort((a, b) => a.percent - b.percent || a.meeting - b.meeting),
		decisions,
		wrongTurns,
		scenarios: course.scenarios.map((s) => ({
			id: s.id,
			title: s.title,
			started: started.get(s.id) ?? 0,
			finished: finished.get(s.id) ?? 0,
			endings: Object.values(s.nodes)
				.filter((n) => n.kind === 'ending')
				.map((n) => ({
					id: n.id,
					title: n.title,
					outcome: n.kind === 'ending' ? n.outcome : '',
					count: endings.get(`${s.id}/${n.id}`) ?? 0
				}))
		})),
		learnerRows,
		groups: [...new Set(all.map((p) => p.group).filter(Boolean))].sort(),
		match: { answers, unknown, unknownIds: [...unknownIds], rightDiffers }
	};
}
