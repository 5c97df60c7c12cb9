// @vitest-environment node
/**
 * Every interaction id a package can report, whatever its build options, maps back to its
 * scenario and step in the course the report page is made with (the council's default build).
 */
import { describe, expect, it } from 'vitest';
import { buildCourse, loadLibrary } from '../content/course';
import { parseBuildOptions } from '../content/options';
import { decisionRecord } from '../state/tracking';
import { decisionIndex } from './read';

const OPTION_SETS: Record<string, string>[] = [
	{},
	{ COURSE_MODE: 'practice' },
	{
		SCENARIOS: 'confidentiality-officer,friendship-officer,delegation-officer,professional-advice',
		OBJECTIVES: 'off'
	},
	{ DESCRIPTIONS: 'off' },
	{ INTERACTIONS: 'on', OBJECTIVES: 'off', SCORM: '2004' },
	{ AUDIENCE: 'officer' },
	{ AUDIENCE: 'councillor', CORE: 'confidentiality-councillor,public-criticism' }
];

describe('the cohort report maps interaction ids from any build', async () => {
	const lib = await loadLibrary(process.cwd());
	const ctx = {
		councils: lib.councils.map((c) => c.id),
		scenarios: lib.scenarios.map((s) => s.id)
	};

	for (const council of lib.councils) {
		it(council.id, () => {
			const reportCourse = buildCourse(
				lib,
				parseBuildOptions({ COUNCIL: council.id }, ctx).options
			);
			const index = decisionIndex(reportCourse);
			let checked = 0;
			for (const env of OPTION_SETS) {
				const { options, errors } = parseBuildOptions({ COUNCIL: council.id, ...env }, ctx);
				const fits = (id: string) => reportCourse.scenarios.some((s) => s.id === id);
				if (options.scenarios && !options.scenarios.every(fits)) continue; // a selection this council's build refuses
				expect(errors, JSON.stringify(env)).toEqual([]);
				const course = buildCourse(lib, options);
				for (const s of course.scenarios) {
					for (const step of Object.values(s.nodes)) {
						if (step.kind !== 'step') continue;
						const rec = decisionRecord(s, { step, choice: step.choices[0] }, 1000, new Date(0));
						const hit = index.get(rec.id);
						expect(hit, `${JSON.stringify(env)} ${rec.id}`).toBeTruthy();
						expect([hit!.scenario.id, hit!.step.id]).toEqual([s.id, step.id]);
						checked++;
					}
				}
			}
			expect(checked).toBeGreaterThan(reportCourse.scenarios.length * 2);
		});
	}
});
