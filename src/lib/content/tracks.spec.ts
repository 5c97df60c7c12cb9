// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatError } from './errors';
import { parseTracks } from './tracks';

const scenarios = [
	{ id: 'cllr-one', audience: 'councillor' as const },
	{ id: 'cllr-two', audience: 'councillor' as const },
	{ id: 'off-one', audience: 'officer' as const },
	{ id: 'both-one', audience: 'both' as const }
];
const check = (source: string) => parseTracks('scenarios/tracks.yaml', source, scenarios);

describe('scenarios/tracks.yaml', () => {
	it('reads each audience’s core and electives', () => {
		const { plan, errors } = check(
			'councillor:\n  core: [cllr-one, both-one]\n  electives: [cllr-two]\nofficer:\n  core:\n    - off-one\n  electives:\n    - both-one\n'
		);
		expect(errors).toEqual([]);
		expect(plan).toEqual({
			councillor: { core: ['cllr-one', 'both-one'], electives: ['cllr-two'] },
			officer: { core: ['off-one'], electives: ['both-one'] }
		});
	});

	it('reports each mistake with its line and how to fix it', () => {
		const { plan, errors } = check(
			[
				'councillor:',
				'  core:',
				'    - cllr-on',
				'    - off-one',
				'    - cllr-one',
				'  electives: [cllr-one, both-one]',
				'officer:',
				'  core: []',
				'  extras: [off-one]',
				'trainers:',
				'  core: [both-one]'
			].join('\n')
		);
		expect(plan).toBeNull();
		expect(errors.map(formatError)).toEqual([
			'scenarios/tracks.yaml:10: unknown audience "trainers" — use councillor or officer',
			'scenarios/tracks.yaml:3: "cllr-on" is not a scenario (did you mean "cllr-one"?) — use an id from scenarios/*.md',
			'scenarios/tracks.yaml:4: "off-one" is written for officers, not councillors — move it to the officer track, or change its audience',
			'scenarios/tracks.yaml:6: "cllr-one" is listed twice for councillors (first on line 5) — list each scenario once, as core or elective',
			'scenarios/tracks.yaml:9: unknown field "extras" under "officer:" — use core or electives',
			'scenarios/tracks.yaml:7: the officer track has no core scenario — name at least one under "officer.core"'
		]);
	});

	it('says when a section is missing or the YAML is broken', () => {
		expect(
			check('councillor:\n  core: [cllr-one, cllr-two, both-one]\n').errors.map(formatError)
		).toEqual([
			'scenarios/tracks.yaml:1: no "officer:" section — add one with "core:" and "electives:" lists'
		]);
		expect(check('councillor: [oops\n').errors[0].message).toMatch(/— fix the YAML syntax$/);
	});
});
