/**
 * Build options: the one documented, validated place where a training provider chooses what a
 * package contains. They come from environment variables (npm run build) or from
 * `npm run package -- --council=… --scorm=…` flags, which scripts/package.ts turns into the same
 * names. See README "Build options".
 */
import type { Audience, Mode, Track } from '../engine/types.js';
import { selectionHash } from './selection.js';

export type ScormVersion = '1.2' | '2004';

export interface BuildOptions {
	council: string;
	scorm: ScormVersion;
	mode: Mode;
	/** 0–100 */
	passMark: number;
	/** Months until the refresher is due, shown on the certificate. */
	refresherMonths: number;
	/** Scenario ids in the order the course offers them; null = every scenario, in file order. */
	scenarios: string[] | null;
	/** Write cmi.objectives (one per principle). */
	objectives: boolean;
	/** Write cmi.interactions (one per decision). */
	interactions: boolean;
	/** Write cmi.interactions.n.description (SCORM 2004 only). */
	descriptions: boolean;
	/** Optional course title override (defaults to "Member/Officer protocol: …"). */
	title: string | null;
	/** One audience's course only (no role question); null: the learner chooses. */
	audience: Track | null;
	/** The core scenarios (the rest of each track is elective); null: scenarios/tracks.yaml. */
	core: string[] | null;
}

export interface OptionSpec {
	env: string;
	flag: string;
	allowed: string;
	default: string;
	help: string;
}

export const DEFAULT_COUNCIL = 'kingsthorpe-parish-council';

export const OPTION_SPECS: OptionSpec[] = [
	{
		env: 'COUNCIL',
		flag: 'council',
		allowed: 'a council id from scenarios/councils/',
		default: DEFAULT_COUNCIL,
		help: 'Which council the course is tailored to.'
	},
	{
		env: 'SCORM',
		flag: 'scorm',
		allowed: '1.2 | 2004',
		default: '1.2',
		help: 'SCORM version the package speaks.'
	},
	{
		env: 'COURSE_MODE',
		flag: 'mode',
		allowed: 'assessed | practice',
		default: 'assessed',
		help: 'Assessed: no going back, pass mark applies. Practice: go back and try other branches; reported as completed only.'
	},
	{
		env: 'PASS_MARK',
		flag: 'pass-mark',
		allowed: 'a whole number 0–100',
		default: '80',
		help: 'Score needed to pass (assessed mode).'
	},
	{
		env: 'REFRESHER_MONTHS',
		flag: 'refresher-months',
		allowed: 'a whole number 1–60',
		default: '12',
		help: 'Refresher due date on the certificate.'
	},
	{
		env: 'SCENARIOS',
		flag: 'scenarios',
		allowed: 'comma-separated scenario ids, or "all"',
		default: 'all',
		help: 'Which scenarios the course contains, in this order.'
	},
	{
		env: 'OBJECTIVES',
		flag: 'objectives',
		allowed: 'on | off',
		default: 'on',
		help: 'Report one cmi.objectives entry per principle.'
	},
	{
		env: 'INTERACTIONS',
		flag: 'interactions',
		allowed: 'on | off',
		default: 'on',
		help: 'Report one cmi.interactions entry per decision.'
	},
	{
		env: 'DESCRIPTIONS',
		flag: 'descriptions',
		allowed: 'on | off',
		default: 'on',
		help: 'Add descriptions to interactions (SCORM 2004).'
	},
	{
		env: 'COURSE_TITLE',
		flag: 'title',
		allowed: 'any text',
		default: '(derived)',
		help: 'Course title shown in the LMS.'
	},
	{
		env: 'AUDIENCE',
		flag: 'audience',
		allowed: 'councillor | officer | choose',
		default: 'choose',
		help: 'Build the course for one audience, or let the learner choose their role.'
	},
	{
		env: 'CORE',
		flag: 'core',
		allowed: 'comma-separated scenario ids, or "default"',
		default: 'default',
		help: 'The core scenarios (required; the rest are electives), instead of scenarios/tracks.yaml.'
	}
];

const ENV_NAMES = new Set(OPTION_SPECS.map((s) => s.env));

export interface OptionsContext {
	councils: string[];
	scenarios: string[];
	/** Each scenario's audience, to check that AUDIENCE and CORE leave every track a core scenario. */
	audiences?: Record<string, Audience>;
}

function onOff(name: string, value: string, errors: string[]): boolean {
	const v = value.trim().toLowerCase();
	if (v === 'on' || v === 'true' || v === 'yes' || v === '1') return true;
	if (v === 'off' || v === 'false' || v === 'no' || v === '0') return false;
	errors.push(`${name}="${value}" is not allowed — use on or off`);
	return true;
}

function wholeNumber(
	name: string,
	value: string,
	min: number,
	max: number,
	errors: string[]
): number {
	const n = Number(value.trim());
	if (!/^\d+$/.test(value.trim()) || n < min || n > max) {
		errors.push(`${name}="${value}" is not allowed — use a whole number from ${min} to ${max}`);
		return min;
	}
	return n;
}

/**
 * A comma-separated list of scenario ids (SCENARIOS, CORE): each a known scenario, listed once,
 * and `also` any other rule; null when it is absent or the word for every one (`whole`).
 */
function scenarioIds(
	name: string,
	raw: string | undefined,
	known: readonly string[],
	rules: { whole: string; empty: string; also?: (id: string) => string | null },
	errors: string[]
): string[] | null {
	if (raw === undefined || raw.trim() === rules.whole) return null;
	const ids = raw
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
	const seen = new Set<string>();
	for (const id of ids) {
		const problem = known.includes(id)
			? (rules.also?.(id) ?? null)
			: `${name} names "${id}", which is not a scenario — use ids from: ${known.join(', ')}`;
		if (problem) errors.push(problem);
		if (seen.has(id)) errors.push(`${name} names "${id}" twice — list each scenario once`);
		seen.add(id);
	}
	if (ids.length === 0) errors.push(`${name} is empty — ${rules.empty}`);
	return ids;
}

/**
 * Reads options from a record of environment-style names (COUNCIL, SCORM, …). Only names in
 * OPTION_SPECS are read; `unknown` lists other names the caller wants rejected (for flags).
 */
export function parseBuildOptions(
	input: Record<string, string | undefined>,
	ctx: OptionsContext
): { options: BuildOptions; errors: string[] } {
	const errors: string[] = [];
	const get = (name: string) => {
		const v = input[name];
		return v === undefined || v.trim() === '' ? undefined : v;
	};

	const council = get('COUNCIL') ?? DEFAULT_COUNCIL;
	if (!ctx.councils.includes(council)) {
		errors.push(
			`COUNCIL="${council}" is not a council in scenarios/councils/ — use one of: ${ctx.councils.join(', ')}`
		);
	}

	const scormRaw = get('SCORM') ?? '1.2';
	const scorm = scormRaw.trim() === '2004' ? '2004' : '1.2';
	if (!['1.2', '2004'].includes(scormRaw.trim()))
		errors.push(`SCORM="${scormRaw}" is not allowed — use 1.2 or 2004`);

	const modeRaw = (get('COURSE_MODE') ?? 'assessed').trim();
	const mode: Mode = modeRaw === 'practice' ? 'practice' : 'assessed';
	if (!['assessed', 'practice'].includes(modeRaw))
		errors.push(`COURSE_MODE="${modeRaw}" is not allowed — use assessed or practice`);

	const passMarkRaw = get('PASS_MARK');
	const passMark =
		passMarkRaw === undefined ? 80 : wholeNumber('PASS_MARK', passMarkRaw, 0, 100, errors);
	if (passMarkRaw !== undefined && mode === 'practice') {
		errors.push(
			`PASS_MARK is set but COURSE_MODE=practice has no pass mark — remove PASS_MARK or use COURSE_MODE=assessed`
		);
	}

	const refresherRaw = get('REFRESHER_MONTHS');
	const refresherMonths =
		refresherRaw === undefined ? 12 : wholeNumber('REFRESHER_MONTHS', refresherRaw, 1, 60, errors);

	const scenarios = scenarioIds(
		'SCENARIOS',
		get('SCENARIOS'),
		ctx.scenarios,
		{
			whole: 'all',
			empty: 'name at least one scenario, or use all'
		},
		errors
	);

	const objectives = onOff('OBJECTIVES', get('OBJECTIVES') ?? 'on', errors);
	const interactions = onOff('INTERACTIONS', get('INTERACTIONS') ?? 'on', errors);
	const descriptionsRaw = get('DESCRIPTIONS');
	const descriptions = onOff('DESCRIPTIONS', descriptionsRaw ?? 'on', errors) && interactions;
	if (
		descriptionsRaw !== undefined &&
		onOff('DESCRIPTIONS', descriptionsRaw, []) &&
		!interactions
	) {
		errors.push('DESCRIPTIONS=on needs INTERACTIONS=on — descriptions belong to interactions');
	}

	const title = get('COURSE_TITLE') ?? null;

	const audienceRaw = (get('AUDIENCE') ?? 'choose').trim();
	const audience: Track | null =
		audienceRaw === 'councillor' || audienceRaw === 'officer' ? audienceRaw : null;
	if (!['councillor', 'officer', 'choose'].includes(audienceRaw)) {
		errors.push(
			`AUDIENCE="${audienceRaw}" is not allowed — use councillor, officer or choose (the learner chooses)`
		);
	}

	const core = scenarioIds(
		'CORE',
		get('CORE'),
		ctx.scenarios,
		{
			whole: 'default',
			empty: 'name at least one core scenario, or use default',
			also: (id) =>
				scenarios && !scenarios.includes(id)
					? `CORE names "${id}", which is not in SCENARIOS — add it to SCENARIOS or leave it out of CORE`
					: null
		},
		errors
	);

	// Every track the package offers needs something to complete.
	if (ctx.audiences) {
		const inPackage = scenarios ?? ctx.scenarios;
		for (const track of audience ? [audience] : (['councillor', 'officer'] as Track[])) {
			const own = inPackage.filter(
				(id) => ctx.audiences![id] === track || ctx.audiences![id] === 'both'
			);
			if (audience && own.length === 0) {
				errors.push(
					`AUDIENCE=${track} but no scenario in the package is written for ${track}s — add one to SCENARIOS or change AUDIENCE`
				);
			} else if (core && own.length > 0 && !own.some((id) => core!.includes(id))) {
				errors.push(
					`CORE names no scenario for ${track}s, so their course would have nothing to complete — add one of: ${own.join(', ')}`
				);
			}
		}
	}

	return {
		options: {
			council,
			scorm,
			mode,
			passMark,
			refresherMonths,
			scenarios,
			objectives,
			interactions,
			descriptions,
			title,
			audience,
			core
		},
		errors
	};
}

/** Turns `--pass-mark=70`-style flags into the environment names; unknown flags are errors. */
export function flagsToEnv(argv: string[]): { env: Record<string, string>; errors: string[] } {
	const env: Record<string, string> = {};
	const errors: string[] = [];
	for (const arg of argv) {
		const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
		const spec = m && OPTION_SPECS.find((s) => s.flag === m[1]);
		if (!m || !spec) {
			errors.push(
				`unknown option "${arg}" — allowed: ${OPTION_SPECS.map((s) => `--${s.flag}`).join(', ')}`
			);
			continue;
		}
		env[spec.env] = m[2] ?? 'on';
	}
	return { env, errors };
}

/** Picks the option names out of process.env (other variables are ignored). */
export function optionEnv(
	env: Record<string, string | undefined>
): Record<string, string | undefined> {
	const out: Record<string, string | undefined> = {};
	for (const name of ENV_NAMES) out[name] = env[name];
	return out;
}

/**
 * A short name for the build, used in file names, the manifest identifier and the LMS title,
 * so an induction and a refresher can sit side by side in one LMS.
 */
export function buildSlug(o: BuildOptions): string {
	const parts = [o.council, o.scorm === '1.2' ? 'scorm12' : 'scorm2004'];
	if (o.mode === 'practice') parts.push('practice');
	if (o.scenarios) parts.push(`sel-${selectionHash(o.scenarios)}`);
	if (o.audience) parts.push(o.audience);
	if (o.core) parts.push(`core-${selectionHash(o.core)}`);
	return parts.join('-');
}
