/**
 * Loads and checks the whole course (principles, councils, scenarios) and builds one
 * council's version of it. Used by the Vite plugin, `npm run validate`, packaging and tests.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { checkGraph } from '../engine/graph.js';
import type { Council, Course, Principle, Scenario } from '../engine/types.js';
import { loadCouncils, ROLE_KEYS } from './councils.js';
import type { ContentError } from './errors.js';
import type { BuildOptions } from './options.js';
import { fillScenario, placeholderProblems } from './placeholders.js';
import { parseScenario } from './scenario.js';

export interface Library {
	root: string;
	principles: Principle[];
	councils: Council[];
	scenarios: Scenario[];
	/** Raw scenario sources by file, for placeholder checks. */
	sources: Record<string, string>;
	errors: ContentError[];
	contentVersion: string;
}

export function loadPrinciples(root: string, errors: ContentError[]): Principle[] {
	const file = 'scenarios/principles.yaml';
	try {
		const data = parseYaml(readFileSync(join(root, file), 'utf8')) as Principle[];
		if (!Array.isArray(data)) throw new Error('expected a list');
		return data;
	} catch (e) {
		errors.push({ file, line: 1, message: `the principles catalogue could not be read (${(e as Error).message}) — it must be a YAML list of id/name/summary entries` });
		return [];
	}
}

/** Every check of one scenario file: format, placeholders, then the branching graph. */
export async function checkScenarioSource(
	file: string,
	source: string,
	principleIds: ReadonlySet<string>,
	councils: Council[]
): Promise<{ scenario?: Scenario; errors: ContentError[] }> {
	const { scenario, errors } = await parseScenario(file, source, principleIds);
	errors.push(...placeholderProblems(file, source, ROLE_KEYS, councils));
	if (scenario) for (const p of checkGraph(scenario)) errors.push({ file, ...p });
	errors.sort((a, b) => a.line - b.line);
	return { scenario, errors };
}

/** Reads and checks everything under <root>/scenarios (scenario files and councils). */
export async function loadLibrary(root: string, scenarioDir = 'scenarios', councilDir = 'scenarios/councils'): Promise<Library> {
	const errors: ContentError[] = [];
	const principles = loadPrinciples(root, errors);
	const principleIds = new Set(principles.map((p) => p.id));
	const hash = createHash('sha256');
	hash.update(JSON.stringify(principles));

	const { councils, errors: councilErrors } = loadCouncils(join(root, councilDir), [...principleIds]);
	for (const e of councilErrors) errors.push({ ...e, file: relPath(root, e.file) });
	for (const c of councils) hash.update(JSON.stringify(c));

	const scenarios: Scenario[] = [];
	const sources: Record<string, string> = {};
	const dir = join(root, scenarioDir);
	const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md')).sort() : [];
	const seen = new Map<string, string>();
	for (const name of files) {
		const file = relPath(root, join(dir, name));
		const source = readFileSync(join(dir, name), 'utf8');
		sources[file] = source;
		hash.update(file + '\0' + source);
		const { scenario, errors: errs } = await checkScenarioSource(file, source, principleIds, councils);
		errors.push(...errs);
		if (!scenario) continue;
		const other = seen.get(scenario.id);
		if (other) errors.push({ file, line: 2, message: `scenario id "${scenario.id}" is already used by ${other} — give each scenario its own id` });
		seen.set(scenario.id, file);
		scenarios.push(scenario);
	}
	if (files.length === 0) errors.push({ file: scenarioDir, line: 0, message: 'no scenario files (*.md) found — add one (see docs/authoring.md)' });
	return { root, principles, councils, scenarios, sources, errors, contentVersion: hash.digest('hex').slice(0, 8) };
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
	const chosen = options.scenarios ? options.scenarios.map((id) => byId.get(id)!) : lib.scenarios;
	const scenarios = chosen.map((s) => fillScenario(s, council.roles));
	// What each scenario says and scores, as this council's learners see it (not where its file is).
	const version = (s: Scenario) => createHash('sha256').update(JSON.stringify({ ...s, file: '' })).digest('hex').slice(0, 4);
	const modeLabel = options.mode === 'practice' ? ' (practice)' : '';
	const selLabel = options.scenarios ? ` — ${chosen.length} scenario${chosen.length === 1 ? '' : 's'}` : '';
	return {
		id: 'conduct-scenarios',
		title: options.title ?? `Member/Officer protocol: ${council.name}${modeLabel}${selLabel}`,
		contentVersion: lib.contentVersion,
		mode: options.mode,
		passMark: options.passMark,
		refresherMonths: options.refresherMonths,
		tracking: { objectives: options.objectives, interactions: options.interactions, descriptions: options.descriptions },
		scorm: options.scorm,
		council: { id: council.id, name: council.name, kind: council.kind, protocol: council.protocol, roles: council.roles },
		principles: lib.principles,
		clauses: council.clauses,
		backing: council.principles,
		scenarios,
		scenarioVersions: Object.fromEntries(scenarios.map((s) => [s.id, version(s)]))
	};
}

/** Convenience for scripts: load, check and build, or return the problems. */
export async function loadCourse(root: string, options: BuildOptions): Promise<{ course?: Course; errors: string[] }> {
	const lib = await loadLibrary(root);
	if (lib.errors.length) return { errors: lib.errors.map((e) => `${e.file}:${e.line}: ${e.message}`) };
	return { course: buildCourse(lib, options), errors: [] };
}
