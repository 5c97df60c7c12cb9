/** Test helpers: build small courses from scenario sources without the file system. */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { Council, Course, Principle, Scenario } from '../../src/lib/engine/types';
import { parseScenario } from '../../src/lib/content/scenario';
import { checkGraph } from '../../src/lib/engine/graph';
import { fillScenario } from '../../src/lib/content/placeholders';
import { planTracks } from '../../src/lib/engine/track';
import { courseCouncil } from '../../src/lib/content/course';

export const principles: Principle[] = parseYaml(readFileSync('scenarios/principles.yaml', 'utf8'));
export const principleIds = new Set(principles.map((p) => p.id));

export async function scenarioFrom(source: string, file = 'test.md'): Promise<Scenario> {
	const { scenario, errors } = await parseScenario(file, source, principleIds);
	const graph = scenario ? checkGraph(scenario) : [];
	if (!scenario || errors.length || graph.length) {
		throw new Error(
			'fixture scenario is invalid:\n' +
				[...errors, ...graph].map((e) => `${e.line}: ${e.message}`).join('\n')
		);
	}
	return scenario;
}

export const exampleSource = () => readFileSync('tests/fixtures/scenarios/example.md', 'utf8');

const roles = {
	council: 'Testham Town Council',
	clerk: 'Town Clerk',
	chair: 'Chair of the Council',
	'complaints-to': 'the Town Clerk',
	'officer-concerns-to': 'the Town Clerk'
};

export function courseOf(scenarios: Scenario[], over: Partial<Course> = {}): Course {
	const council: Council = {
		id: 'testham',
		name: 'Testham Town Council',
		kind: 'town council',
		nation: 'england',
		protocol: { title: 'Test protocol', version: '1', adopted: 'not stated' },
		roles,
		unstated: [],
		clauses: [],
		principles: {},
		file: 'x.yaml'
	};
	return {
		id: 'conduct-scenarios',
		title: 'Test course',
		contentVersion: 'test0001',
		mode: 'assessed',
		passMark: 80,
		refresherMonths: 12,
		tracking: { objectives: true, interactions: true, descriptions: true },
		audience: null,
		tracks: planTracks(scenarios, null, null, null),
		council: courseCouncil(council),
		principles,
		clauses: [],
		backing: {},
		scenarios: scenarios.map((s) => fillScenario(s, roles)),
		...over
	};
}
