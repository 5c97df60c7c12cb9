/**
 * Does the score measure understanding? The strategy report of `npm run validate`: how often the
 * recommended choice is the longest, where it sits, and what a learner scores who never reads a
 * word (always the longest option, the shortest, the first, the last, or at random). Also each
 * scenario's spread of path scores, its reachable endings, and the reading time of a course on
 * the recommended path. Pure functions over checked scenarios; see docs/authoring.md.
 */
import { scenarioResult } from '../engine/results.js';
import { choiceTotal, recommended } from '../engine/scoring.js';
import { walk } from '../engine/session.js';
import type {
	Choice,
	Council,
	Principle,
	Scenario,
	Step,
	Track,
	TrackPlan
} from '../engine/types.js';
import { plainText } from './rich.js';

/** Reading speed for course-length estimates: a typical adult reading plain informational text. */
export const WORDS_PER_MINUTE = 200;
/** Runs of the random strategy (seeded: the report is the same every time). */
export const RANDOM_RUNS = 2000;

export interface DecisionPoint {
	scenario: string;
	step: Step;
	/** 0-based position of the recommended choice. */
	position: number;
	/** The recommended choice is (one of) the longest, counted in characters. */
	longest: boolean;
}

export function decisionPoints(scenarios: Scenario[]): DecisionPoint[] {
	const out: DecisionPoint[] = [];
	for (const s of scenarios) {
		for (const n of Object.values(s.nodes)) {
			if (n.kind !== 'step') continue;
			const rec = recommended(n);
			const max = Math.max(...n.choices.map((c) => c.text.length));
			out.push({
				scenario: s.id,
				step: n,
				position: n.choices.indexOf(rec),
				longest: rec.text.length === max
			});
		}
	}
	return out;
}

export type Picker = (step: Step, random: () => number) => Choice;

/** The content-blind strategies: each picks without reading what the options say. */
export const STRATEGIES: Record<string, Picker> = {
	'always longest': (s) => s.choices.reduce((a, c) => (c.text.length > a.text.length ? c : a)),
	'always shortest': (s) => s.choices.reduce((a, c) => (c.text.length < a.text.length ? c : a)),
	'always first': (s) => s.choices[0],
	'always last': (s) => s.choices[s.choices.length - 1],
	random: (s, r) => s.choices[Math.floor(r() * s.choices.length)]
};

/** The path a strategy takes through a scenario, as choice letters. */
export function strategyPath(s: Scenario, pick: Picker, random: () => number): string {
	let path = '';
	let node = s.nodes[s.start];
	for (let guard = 0; node.kind === 'step' && guard < 1000; guard++) {
		const c = pick(node, random);
		path += c.key;
		node = s.nodes[c.next];
	}
	return path;
}

/** A course score as the player computes it: the mean of the scenario scores, all finished. */
export function courseScoreOf(scenarios: Scenario[], pick: Picker, random: () => number): number {
	if (!scenarios.length) return 0;
	const total = scenarios.reduce(
		(a, s) => a + (scenarioResult(s, strategyPath(s, pick, random)).score ?? 0),
		0
	);
	return Math.round(total / scenarios.length);
}

/** Small seeded generator (mulberry32), so the random strategy gives the same figures each run. */
export function seeded(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export interface StrategyScore {
	name: string;
	/** Course score (0–100); for random, the mean over RANDOM_RUNS. */
	mean: number;
	/** 95th percentile (the same as mean for the fixed strategies). */
	p95: number;
}

export function strategyScores(scenarios: Scenario[], runs = RANDOM_RUNS): StrategyScore[] {
	return Object.entries(STRATEGIES).map(([name, pick]) => {
		if (name !== 'random') {
			const score = courseScoreOf(scenarios, pick, () => 0);
			return { name, mean: score, p95: score };
		}
		const r = seeded(17);
		const scores = Array.from({ length: runs }, () => courseScoreOf(scenarios, pick, r)).sort(
			(a, b) => a - b
		);
		const mean = Math.round((scores.reduce((a, b) => a + b, 0) / runs) * 10) / 10;
		return { name, mean, p95: scores[Math.min(runs - 1, Math.ceil(runs * 0.95) - 1)] };
	});
}

export interface CueReport {
	decisions: number;
	/** Share (0–1) of decision points where the recommended choice is the longest. */
	longestShare: number;
	/** What chance would give: the mean of 1/number of choices. */
	chance: number;
	/** How often the recommended choice sits in each position (index 0 = first). */
	positions: number[];
	strategies: StrategyScore[];
}

export function cueReport(scenarios: Scenario[], runs = RANDOM_RUNS): CueReport {
	const points = decisionPoints(scenarios);
	const positions: number[] = [];
	for (const p of points) positions[p.position] = (positions[p.position] ?? 0) + 1;
	for (let i = 0; i < positions.length; i++) positions[i] ??= 0;
	return {
		decisions: points.length,
		longestShare: points.length ? points.filter((p) => p.longest).length / points.length : 0,
		chance: points.length
			? points.reduce((a, p) => a + 1 / p.step.choices.length, 0) / points.length
			: 0,
		positions,
		strategies: strategyScores(scenarios, runs)
	};
}

/** Strategies whose score reaches the pass mark (random: its 95th percentile). */
export function guessable(report: CueReport, passMark: number): StrategyScore[] {
	return report.strategies.filter((s) => s.p95 >= passMark);
}

export interface Spread {
	scenario: string;
	/** Best and worst path score (0–100, as the course scores it). */
	best: number;
	worst: number;
	/** Best and worst path in raw points (the sum of the choices' totals): the stakes of the scenario. */
	bestPoints: number;
	worstPoints: number;
	/** Median path score, and how many paths reach the pass mark. */
	median: number;
	passing: number;
	/** Distinct endings some path reaches. */
	endings: number;
	paths: number;
}

/** Every complete path through a scenario (choice letters). */
export function allPaths(s: Scenario): string[] {
	const out: string[] = [];
	const go = (id: string, path: string, depth: number) => {
		const n = s.nodes[id];
		if (!n || depth > 50) return;
		if (n.kind === 'ending') return void out.push(path);
		for (const c of n.choices) go(c.next, path + c.key, depth + 1);
	};
	go(s.start, '', 0);
	return out;
}

/**
 * Best and worst path scores of a scenario, its raw points, the median path and how many paths
 * pass, and how many endings are reachable. (Each decision scores from its worst option, 0, to
 * its best, 100, so best and worst paths are always 100 and 0: the median and the passing share
 * say more about how hard a scenario is.)
 */
export function spread(s: Scenario, passMark = 80): Spread {
	const paths = allPaths(s);
	const scores = paths.map((p) => scenarioResult(s, p).score ?? 0);
	const points = paths.map((p) =>
		walk(s, p).decisions.reduce((a, d) => a + choiceTotal(d.choice), 0)
	);
	const endings = new Set(paths.map((p) => walk(s, p).node.id));
	const sorted = [...scores].sort((a, b) => a - b);
	return {
		scenario: s.id,
		best: Math.max(...scores),
		worst: Math.min(...scores),
		bestPoints: Math.max(...points),
		worstPoints: Math.min(...points),
		median: sorted[Math.floor(sorted.length / 2)],
		passing: scores.filter((x) => x >= passMark).length,
		endings: endings.size,
		paths: paths.length
	};
}

const words = (t: string) => t.split(/\s+/).filter(Boolean).length;

/**
 * Words a learner reads in a scenario on the recommended path, for one council: each step's
 * story, question and every option; the recommended choice's feedback; for each principle it
 * scores, the one-line summary and the council's quoted clauses (each once per decision); the
 * ending.
 */
export function recommendedPathWords(
	s: Scenario,
	council: Pick<Council, 'clauses' | 'principles'>,
	principles: Principle[]
): number {
	let total = words(s.title) + words(s.summary);
	let node = s.nodes[s.start];
	for (let guard = 0; node.kind === 'step' && guard < 1000; guard++) {
		const rec = recommended(node);
		total += words(node.title) + words(plainText(node.narrative)) + words(node.question);
		total += node.choices.reduce((a, c) => a + words(c.text), 0) + words(plainText(rec.feedback));
		const clauses = new Set<string>();
		for (const id of Object.keys(rec.scores)) {
			total += words(principles.find((p) => p.id === id)?.summary ?? '');
			const b = council.principles[id];
			for (const c of b?.clauses.length ? b.clauses : b?.gap?.nearest ? [b.gap.nearest] : [])
				clauses.add(c);
		}
		for (const id of clauses) total += words(council.clauses.find((c) => c.id === id)?.text ?? '');
		node = s.nodes[rec.next];
	}
	if (node.kind === 'ending') total += words(node.title) + words(plainText(node.narrative));
	return total;
}

/** Minutes to read, rounded up to a tenth. */
export function readingMinutes(wordCount: number): number {
	return Math.ceil((wordCount / WORDS_PER_MINUTE) * 10) / 10;
}

/** Core reading time above this (minutes, on the recommended path, for any council) is an error. */
export const CORE_MINUTES_LIMIT = 33;
/** What docs and messages aim for: "about 30 minutes". */
export const CORE_MINUTES_TARGET = 30;

/** The scenarios of each track's core, in library order. */
export function coreScenarios(
	scenarios: Scenario[],
	plan: Record<Track, TrackPlan>,
	track: Track
): Scenario[] {
	return scenarios.filter((s) => plan[track].core.includes(s.id));
}

/**
 * The assessment problems that stop a build: for each track, a content-blind strategy whose
 * course score reaches the pass mark on the track's core (random: its 95th percentile).
 */
export function guessingProblems(
	scenarios: Scenario[],
	plan: Record<Track, TrackPlan>,
	tracks: readonly Track[],
	passMark: number,
	runs = RANDOM_RUNS
): { track: Track; message: string }[] {
	const out: { track: Track; message: string }[] = [];
	for (const track of tracks) {
		const core = coreScenarios(scenarios, plan, track);
		if (!core.length) continue;
		for (const s of guessable(cueReport(core, runs), passMark)) {
			const figure = s.name === 'random' ? `${s.p95}% (95th percentile)` : `${s.mean}%`;
			out.push({
				track,
				message: `the ${track} core can be passed without reading: "${s.name}" scores ${figure} against a pass mark of ${passMark}% — rewrite choices so the recommended one is not ${cueHint(s.name)} (see docs/authoring.md, "Choices that don't give the answer away"), or change the core`
			});
		}
	}
	return out;
}

function cueHint(name: string): string {
	if (name === 'always longest') return 'usually the longest';
	if (name === 'always shortest') return 'usually the shortest';
	if (name === 'always first') return 'usually first';
	if (name === 'always last') return 'usually last';
	return 'easy to guess (give wrong options real points where they are partly right, and make them as specific as the right one)';
}
