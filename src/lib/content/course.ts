/**
 * Loads and checks the whole course (principles, councils, scenarios) and builds one
 * council's version of it. Used by the Vite plugin, `npm run validate`, packaging and tests.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkGraph } from '../engine/graph.js';
import { inTrack, planTracks, TRACK_LABELS } from '../engine/track.js';
import type { Council, Course, Principle, Scenario, Track, TrackPlan } from '../engine/types.js';
import { ALL_ROLE_KEYS, loadCouncils, OPTIONAL_ROLE_KEYS, scenarioFits } from './councils.js';
import type { ContentError } from './errors.js';
import type { BuildOptions } from './options.js';
import { fillScenario, placeholderProblems } from './placeholders.js';
import { encodingProblems, parseScenario, sizeProblem } from './scenario.js';
import { scenarioWarnings } from './report.js';
import { loadTracks, TRACKS_FILE } from './tracks.js';
import { attributionProblems } from './attribution.js';
import { logoFileName } from './council-logo.js';
import { checkPrinciples, PRINCIPLES_FILE } from './principles.js';

export interface Library {
	root: string;
	principles: Principle[];
	councils: Council[];
	scenarios: Scenario[];
	/** Raw scenario sources by file, for placeholder checks. */
	sources: Record<string, string>;
	errors: ContentError[];
	/** Probable mistakes that do not stop a build (see scenarioWarnings). */
	warnings: ContentError[];
	contentVersion: string;
	/** scenarios/tracks.yaml: each audience's core and electives; null when there is no such file. */
	tracks: Record<Track, TrackPlan> | null;
}

export function loadPrinciples(root: string, errors: ContentError[]): Principle[] {
	const path = join(root, PRINCIPLES_FILE);
	if (!existsSync(path)) {
		errors.push({
			file: PRINCIPLES_FILE,
			line: 1,
			message: 'the principles catalogue is missing — restore scenarios/principles.yaml from git'
		});
		return [];
	}
	const r = checkPrinciples(PRINCIPLES_FILE, readFileSync(path, 'utf8'));
	errors.push(...r.errors);
	return r.principles;
}

/**
 * Every check of one scenario file: size and encoding, format, placeholders, then the branching
 * graph; and the warnings (see scenarioWarnings), which do not stop a build.
 */
export async function checkScenarioSource(
	file: string,
	source: string,
	principleIds: ReadonlySet<string>,
	councils: Council[]
): Promise<{ scenario?: Scenario; errors: ContentError[]; warnings: ContentError[] }> {
	const tooBig = sizeProblem(file, source);
	if (tooBig) return { errors: [tooBig], warnings: [] };
	const { scenario, errors } = await parseScenario(file, source, principleIds);
	errors.push(...encodingProblems(file, source));
	// Placeholders must be filled by every council the scenario fits (all councils when it did not parse).
	const fitting = scenario ? councils.filter((c) => scenarioFits(scenario.fits, c.kind)) : councils;
	errors.push(...placeholderProblems(file, source, ALL_ROLE_KEYS, fitting, OPTIONAL_ROLE_KEYS));
	if (scenario) for (const p of checkGraph(scenario)) errors.push({ file, ...p });
	if (scenario) errors.push(...attributionProblems(file, source, scenario, fitting));
	errors.sort((a, b) => a.line - b.line);
	const minutesLine = source.split('\n').findIndex((l) => /^minutes\s*:/.test(l)) + 1;
	const warnings =
		scenario && !errors.length
			? scenarioWarnings(scenario, minutesLine || 1).map((w) => ({
					file,
					...w,
					warning: true as const
				}))
			: [];
	return { scenario, errors, warnings };
}

/** Each scenario file's check from the last loadLibrary, by councils, file and source. */
let lastChecked = new Map<string, Awaited<ReturnType<typeof checkScenarioSource>>>();

/** Reads and checks everything under <root>/scenarios (scenario files and councils). */
export async function loadLibrary(
	root: string,
	scenarioDir = 'scenarios',
	councilDir = 'scenarios/councils'
): Promise<Library> {
	const errors: ContentError[] = [];
	const warnings: ContentError[] = [];
	const principles = loadPrinciples(root, errors);
	const principleIds = new Set(principles.map((p) => p.id));
	const hash = createHash('sha256');
	hash.update(JSON.stringify(principles));

	const { councils, errors: councilErrors } = loadCouncils(join(root, councilDir), [
		...principleIds
	]);
	for (const e of councilErrors) errors.push({ ...e, file: relPath(root, e.file) });
	for (const c of councils) hash.update(JSON.stringify(c));

	const scenarios: Scenario[] = [];
	const sources: Record<string, string> = {};
	const dir = join(root, scenarioDir);
	const files = existsSync(dir)
		? readdirSync(dir)
				.filter((f) => f.endsWith('.md'))
				.sort()
		: [];
	const byId = new Map<string, string[]>();
	// An unchanged file is not parsed again (a dev server reloads the library on every edit).
	const context = JSON.stringify([[...principleIds], councils.map((c) => [c.id, c.file, c.roles])]);
	const checked: typeof lastChecked = new Map();
	for (const name of files) {
		const file = relPath(root, join(dir, name));
		const source = readFileSync(join(dir, name), 'utf8');
		sources[file] = source;
		hash.update(file + '\0' + source);
		const key = `${context}\0${file}\0${source}`;
		const result =
			lastChecked.get(key) ?? (await checkScenarioSource(file, source, principleIds, councils));
		checked.set(key, result);
		const { scenario, errors: errs, warnings: warns } = result;
		errors.push(...errs);
		warnings.push(...warns);
		if (!scenario) continue;
		byId.set(scenario.id, [...(byId.get(scenario.id) ?? []), file]);
		scenarios.push(scenario);
	}
	for (const [id, same] of byId) {
		if (same.length > 1) errors.push(...duplicateIdErrors(root, id, same, sources));
	}
	lastChecked = checked;
	if (files.length === 0)
		errors.push({
			file: scenarioDir,
			line: 0,
			message: 'no scenario files (*.md) found — add one (see docs/authoring.md)'
		});
	const tracks = loadTracks(root, scenarioDir, scenarios, errors);
	const tracksPath = join(dir, TRACKS_FILE);
	if (existsSync(tracksPath)) {
		const text = readFileSync(tracksPath, 'utf8');
		sources[relPath(root, tracksPath)] = text;
		hash.update(TRACKS_FILE + '\0' + text);
	}
	return {
		root,
		principles,
		councils,
		scenarios,
		sources,
		errors,
		warnings,
		contentVersion: hash.digest('hex').slice(0, 8),
		tracks
	};
}

/**
 * Files sharing a scenario id. The published id belongs to the file that was there first, so
 * the blame goes to the new or changed one: by `git status` when the folder is in git, else
 * the one modified last. Each message says which file is which.
 */
function duplicateIdErrors(
	root: string,
	id: string,
	files: string[],
	sources: Record<string, string>
): ContentError[] {
	const changed = gitChanged(root);
	const mtime = (f: string) => statSync(join(root, f)).mtimeMs;
	const isNew = (f: string) => changed?.has(f) ?? false;
	// The file to keep: unchanged in git, or else the oldest; ties go to the first by name.
	const keep = [...files].sort(
		(a, b) => Number(isNew(a)) - Number(isNew(b)) || mtime(a) - mtime(b) || a.localeCompare(b)
	)[0];
	const why = (f: string) =>
		changed ? (isNew(f) ? 'new or changed since the last commit' : '') : 'modified later';
	return files
		.filter((f) => f !== keep)
		.map((file) => ({
			file,
			line: Math.max(1, sources[file].split('\n').findIndex((l) => /^id\s*:/.test(l)) + 1),
			message: `scenario id "${id}" is already used by ${keep}${changed && !isNew(keep) ? ' (unchanged since the last commit)' : ''}; this file is ${why(file) || 'the later one'} — give this file its own id, and leave ${keep}'s id alone (LMS reports and saved progress use it)`
		}));
}

/** Files git reports as new or changed (relative to root), or null when git cannot say. */
function gitChanged(root: string): Set<string> | null {
	try {
		const out = execFileSync('git', ['status', '--porcelain', '--untracked-files=all', '--', '.'], {
			cwd: root,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore']
		});
		const top = execFileSync('git', ['rev-parse', '--show-prefix'], {
			cwd: root,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore']
		}).trim();
		return new Set(
			out
				.split('\n')
				.filter(Boolean)
				.map((l) =>
					l
						.slice(3)
						.replace(/^"|"$/g, '')
						.replace(/^.* -> /, '')
				)
				.map((f) => (top && f.startsWith(top) ? f.slice(top.length) : f))
		);
	} catch {
		return null;
	}
}

function relPath(root: string, file: string): string {
	return file.startsWith('/') ? relative(root, file) : file;
}

/**
 * One council's course for the given build options. Call only on a library with no errors.
 * The SCORM version is part of the course: each package looks only for its own API.
 */
export function buildCourse(lib: Library, options: BuildOptions): Course {
	const council = lib.councils.find((c) => c.id === options.council);
	if (!council) throw new Error(`unknown council "${options.council}"`);
	const byId = new Map(lib.scenarios.map((s) => [s.id, s]));
	// A council's default course holds the scenarios that fit its kind; an explicit list may name only those.
	const misfits = (options.scenarios ?? []).filter(
		(id) => !scenarioFits(byId.get(id)?.fits, council.kind)
	);
	if (misfits.length) {
		throw new Error(
			misfits
				.map(
					(id) =>
						`scenario "${id}" does not fit ${council.name} (a ${council.kind}): its "fits:" line names only ${byId.get(id)!.fits!.join(', ')}`
				)
				.join('\n') +
				` — leave ${misfits.length === 1 ? 'it' : 'them'} out of SCENARIOS (--scenarios), or change "fits:" in the scenario file if it does fit (docs/authoring.md)`
		);
	}
	const selected = options.scenarios
		? options.scenarios.map((id) => byId.get(id)!)
		: lib.scenarios.filter((s) => scenarioFits(s.fits, council.kind));
	// A package for one audience holds only that audience's scenarios.
	const chosen = options.audience
		? selected.filter((s) => inTrack(s, options.audience!))
		: selected;
	const scenarios = chosen.map((s) => fillScenario(s, council.roles));
	// What each scenario says and scores, as this council's learners see it (not where its file is).
	const version = (s: Scenario) =>
		createHash('sha256')
			.update(JSON.stringify({ ...s, file: '' }))
			.digest('hex')
			.slice(0, 4);
	const modeLabel = options.mode === 'practice' ? ' (practice)' : '';
	const selLabel = options.scenarios
		? ` — ${chosen.length} scenario${chosen.length === 1 ? '' : 's'}`
		: '';
	const audLabel = options.audience ? ` — ${TRACK_LABELS[options.audience].toLowerCase()}` : '';
	return {
		id: 'conduct-scenarios',
		title:
			options.title ?? `Member/Officer protocol: ${council.name}${modeLabel}${audLabel}${selLabel}`,
		contentVersion: lib.contentVersion,
		mode: options.mode,
		passMark: options.passMark,
		refresherMonths: options.refresherMonths,
		tracking: {
			objectives: options.objectives,
			interactions: options.interactions,
			descriptions: options.descriptions
		},
		scorm: options.scorm,
		audience: options.audience,
		tracks: planTracks(chosen, lib.tracks, options.core, options.scenarios),
		council: courseCouncil(council),
		principles: lib.principles,
		clauses: council.clauses,
		backing: council.principles,
		scenarios,
		scenarioVersions: Object.fromEntries(scenarios.map((s) => [s.id, version(s)]))
	};
}

/** Convenience for scripts: load, check and build, or return the problems. */
export async function loadCourse(
	root: string,
	options: BuildOptions
): Promise<{ course?: Course; errors: string[]; scenarioIds?: string[] }> {
	const lib = await loadLibrary(root);
	if (lib.errors.length)
		return { errors: lib.errors.map((e) => `${e.file}:${e.line}: ${e.message}`) };
	try {
		return {
			course: buildCourse(lib, options),
			errors: [],
			scenarioIds: lib.scenarios.map((s) => s.id)
		};
	} catch (e) {
		return { errors: [(e as Error).message] };
	}
}

/** What a course carries of its council: names, routes and the logo's packaged file, not the clauses' source. */
export function courseCouncil(council: Council): Course['council'] {
	return {
		id: council.id,
		name: council.name,
		kind: council.kind,
		nation: council.nation,
		protocol: council.protocol,
		roles: council.roles,
		unstated: council.unstated,
		...(council.logo ? { logo: { src: logoFileName(council.logo), alt: council.logo.alt } } : {})
	};
}
