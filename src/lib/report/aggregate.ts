/**
 * The cohort report's figures: each attempt of an LMS export is walked through the course with
 * the engine (the same walk and scoring the player uses), then counted per principle, per
 * decision and per scenario. Pure: no DOM, no Node.
 */
import { scenarioResult, principlePercent, type PrincipleTally } from '../engine/results.js';
import { recommended } from '../engine/scoring.js';
import type { Course, Step } from '../engine/types.js';
import { principleNamer } from '../display/later.js';
import type { Played } from './read.js';

export interface CohortFilter {
	from?: string | null;
	to?: string | null;
	group?: string | null;
	/** 'councillor', 'officer', 'all' or 'unknown' (the track could not be told). */
	track?: string | null;
}

export type Outcome = 'passed' | 'failed' | 'completed' | 'incomplete' | 'not attempted';

/** A row of the per-learner table: the attempt's facts as read, and what it came to. */
export interface LearnerRow extends Pick<
	Played,
	'learner' | 'email' | 'attempt' | 'date' | 'group' | 'track' | 'score'
> {
	outcome: Outcome;
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
	/** Attempts per track in the whole export (before filtering, none for 'not attempted'), for the filter's choices. */
	tracks: Record<'councillor' | 'officer' | 'all' | 'unknown', number>;
	match: { answers: number; unknown: number; unknownIds: string[]; rightDiffers: number };
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
	if (f.track && (p.track || 'unknown') !== f.track) return false;
	if ((f.from || f.to) && !p.date) return false;
	if (f.from && p.date! < f.from) return false;
	if (f.to && p.date! > f.to) return false;
	return true;
}

/** The principles on which choice `key` scores as well as any choice at this step. */
function meetsOf(step: Step, key: string): string[] {
	const chosen = step.choices.find((c) => c.key === key)!;
	const ids = new Set(step.choices.flatMap((c) => Object.keys(c.scores)));
	return [...ids].filter(
		(id) => (chosen.scores[id] ?? 0) >= Math.max(...step.choices.map((c) => c.scores[id] ?? 0))
	);
}

/** One route through a scenario, walked and scored once however many learners took it. */
interface Route {
	scenario: string;
	/** "<scenario>/<ending>" when the route reached an ending, else null. */
	ending: string | null;
	/** "<scenario>/<step>" and the choice key of each decision on the route. */
	choices: [string, string][];
	recommended: number;
	principles: [string, PrincipleTally][];
	/** Each principle met by one of the route's decisions, once per decision meeting it. */
	meets: string[];
}

/** Routes already walked, per course and scenario (many learners take the same route). */
const routeCache = new WeakMap<Course, Map<string, Map<string, Route | null>>>();

function routeOf(course: Course, scenarioId: string, path: string): Route | null {
	let byScenario = routeCache.get(course);
	if (!byScenario) routeCache.set(course, (byScenario = new Map()));
	let routes = byScenario.get(scenarioId);
	if (!routes) byScenario.set(scenarioId, (routes = new Map()));
	let route = routes.get(path);
	if (route !== undefined) return route;
	const s = course.scenarios.find((x) => x.id === scenarioId);
	if (!s) route = null;
	else {
		const r = scenarioResult(s, path);
		route = {
			scenario: s.id,
			ending: r.ending ? `${s.id}/${r.ending.id}` : null,
			choices: r.decisions.map((d) => [`${s.id}/${d.step.id}`, d.choice.key]),
			recommended: r.recommended,
			principles: Object.entries(r.principles),
			meets: r.decisions.flatMap((d) => meetsOf(d.step, d.choice.key))
		};
	}
	routes.set(path, route);
	return route;
}

export function cohortOf(
	course: Course,
	all: Played[],
	passMark: number,
	filter: CohortFilter = {}
): Cohort {
	const name = principleNamer(course.principles);
	const tallies: Record<string, PrincipleTally> = {};
	const meeting: Record<string, number> = {};
	const counts = new Map<string, Map<string, number>>();
	const endings = new Map<string, number>();
	const started = new Map<string, number>();
	const finished = new Map<string, number>();
	const learnerRows: LearnerRow[] = [];
	const tracks = { councillor: 0, officer: 0, all: 0, unknown: 0 };
	let unknown = 0;
	let rightDiffers = 0;
	let answers = 0;
	const unknownIds = new Set<string>();
	/** How many of the filtered attempts took each route. */
	const taken = new Map<Route, number>();

	for (const p of all) {
		const outcome = outcomeOf(p, passMark);
		if (outcome !== 'not attempted') tracks[p.track || 'unknown']++;
		if (!inFilter(p, filter)) continue;
		let decisions = 0;
		let best = 0;
		let done = 0;
		for (const id in p.paths) {
			const route = routeOf(course, id, p.paths[id]);
			if (!route) continue;
			taken.set(route, (taken.get(route) ?? 0) + 1);
			decisions += route.choices.length;
			best += route.recommended;
			if (route.ending) done++;
		}
		answers += p.answers;
		unknown += p.unknown;
		rightDiffers += p.rightDiffers;
		for (const id of p.unknownIds) if (unknownIds.size < 10) unknownIds.add(id);
		learnerRows.push({
			learner: p.learner,
			email: p.email,
			attempt: p.attempt,
			date: p.date,
			group: p.group,
			track: p.track,
			outcome,
			score: p.score,
			decisions,
			recommended: best,
			finished: done
		});
	}
	for (const [route, n] of taken) {
		started.set(route.scenario, (started.get(route.scenario) ?? 0) + n);
		if (route.ending) {
			finished.set(route.scenario, (finished.get(route.scenario) ?? 0) + n);
			endings.set(route.ending, (endings.get(route.ending) ?? 0) + n);
		}
		for (const [id, t] of route.principles) {
			const into = (tallies[id] ??= { earned: 0, best: 0, worst: 0, decisions: 0 });
			into.earned += t.earned * n;
			into.best += t.best * n;
			into.worst += t.worst * n;
			into.decisions += t.decisions * n;
		}
		for (const [k, key] of route.choices) {
			const m = counts.get(k) ?? new Map<string, number>();
			m.set(key, (m.get(key) ?? 0) + n);
			counts.set(k, m);
		}
		for (const id of route.meets) meeting[id] = (meeting[id] ?? 0) + n;
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
				name: name(id),
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
		tracks,
		match: { answers, unknown, unknownIds: [...unknownIds], rightDiffers }
	};
}
