/**
 * The tracks and strategy part of `npm run validate`: each track's core and electives with their
 * reading time on the recommended path (per council, at WORDS_PER_MINUTE), the cue and
 * content-blind strategy figures for the library and per audience, and each scenario's spread
 * of path scores and reachable endings. Returns printable lines and the problems that fail
 * validation (see docs/authoring.md, "The strategy report").
 */
import { planTracks, TRACK_LABELS, TRACKS } from '../engine/track.js';
import type { Scenario, Track } from '../engine/types.js';
import type { Library } from './course.js';
import type { ContentError } from './errors.js';
import {
	CORE_MINUTES_LIMIT,
	CORE_MINUTES_TARGET,
	coreScenarios,
	cueReport,
	guessingProblems,
	readingMinutes,
	recommendedPathWords,
	spread,
	WORDS_PER_MINUTE,
	type CueReport
} from './strategy.js';
import { TRACKS_FILE } from './tracks.js';

/** The pass mark the library is checked against: the build default. */
export const DEFAULT_PASS_MARK = 80;

/** How far above chance the longest share may go before the report flags it. */
export const LONGEST_MARGIN = 0.1;

const pct = (x: number) => `${Math.round(x * 100)}%`;

function cueLines(label: string, r: CueReport): string[] {
	const positions = r.positions.map((n, i) => `${i + 1}: ${n}`).join(', ');
	const strategies = r.strategies
		.map((s) =>
			s.name === 'random'
				? `random mean ${s.mean}%, 95th percentile ${s.p95}%`
				: `${s.name} ${s.mean}%`
		)
		.join('; ');
	return [
		`${label}: ${r.decisions} decisions; recommended choice is the longest at ${pct(r.longestShare)} (chance ${pct(r.chance)})` +
			(r.longestShare > r.chance + LONGEST_MARGIN
				? ' — above chance: make other options as specific as the recommended one'
				: ''),
		`  position of the recommended choice (1 = first): ${positions}`,
		`  content-blind course scores: ${strategies}`
	];
}

export function trackReport(
	lib: Library,
	passMark = DEFAULT_PASS_MARK,
	runs?: number
): { lines: string[]; errors: ContentError[] } {
	const lines: string[] = [];
	const errors: ContentError[] = [];
	const file = `scenarios/${TRACKS_FILE}`;
	const source = lib.sources[file] ?? '';
	const lineOf = (track: Track) => {
		const i = source.split('\n').findIndex((l) => l.startsWith(`${track}:`));
		return i < 0 ? 1 : i + 1;
	};
	const plan = planTracks(lib.scenarios, lib.tracks, null, null);
	const minutes = (list: Scenario[]) => {
		const per = lib.councils.map((c) =>
			list.reduce((a, s) => a + readingMinutes(recommendedPathWords(s, c, lib.principles)), 0)
		);
		return {
			min: Math.round(Math.min(...per) * 10) / 10,
			max: Math.round(Math.max(...per) * 10) / 10
		};
	};

	lines.push(
		`Tracks (${file}); reading time on the recommended path at ${WORDS_PER_MINUTE} words a minute, quoted clauses included, lowest–highest across councils`
	);
	for (const track of TRACKS) {
		const core = coreScenarios(lib.scenarios, plan, track);
		const electives = lib.scenarios.filter((s) => plan[track].electives.includes(s.id));
		const m = minutes(core);
		const e = minutes(electives);
		lines.push(
			`${TRACK_LABELS[track]} (${track}s): core ${core.length} scenarios, ${m.min}–${m.max} min (target about ${CORE_MINUTES_TARGET}); electives ${electives.length}, ${electives.length ? `${e.min}–${e.max} min` : 'none'}`
		);
		lines.push(`  core: ${core.map((s) => s.id).join(', ')}`);
		if (electives.length) lines.push(`  electives: ${electives.map((s) => s.id).join(', ')}`);
		if (m.max > CORE_MINUTES_LIMIT) {
			errors.push({
				file,
				line: lineOf(track),
				message: `the ${track} core takes up to ${m.max} minutes to read on the recommended path (limit ${CORE_MINUTES_LIMIT}, target about ${CORE_MINUTES_TARGET}) — move a scenario from "${track}.core" to "${track}.electives"`
			});
		}
	}

	lines.push(
		'',
		`Strategy report (pass mark ${passMark}%; a content-blind strategy must stay below it for every audience)`
	);
	lines.push(...cueLines('library', cueReport(lib.scenarios, runs)));
	for (const track of TRACKS)
		lines.push(
			...cueLines(`${track} core`, cueReport(coreScenarios(lib.scenarios, plan, track), runs))
		);
	for (const p of guessingProblems(lib.scenarios, plan, TRACKS, passMark, runs))
		errors.push({ file, line: lineOf(p.track), message: p.message });

	lines.push(
		'',
		`Per scenario: best and worst path score (and points), median path, paths reaching ${passMark}%, reachable endings`
	);
	for (const s of lib.scenarios) {
		const r = spread(s, passMark);
		lines.push(
			`  ${s.id.padEnd(32)} best ${String(r.best).padStart(3)}% (${r.bestPoints > 0 ? '+' : ''}${r.bestPoints})  worst ${String(r.worst).padStart(3)}% (${r.worstPoints})  spread ${String(r.best - r.worst).padStart(3)}  median ${String(r.median).padStart(3)}%  passing ${r.passing} of ${r.paths} paths  endings ${r.endings}`
		);
	}
	return { lines, errors };
}
