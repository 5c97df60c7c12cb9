// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { buildSlug, flagsToEnv, parseBuildOptions } from './options';

const ctx = {
	councils: ['witham-town-council', 'kingsthorpe-parish-council'],
	scenarios: ['a-one', 'b-two', 'c-three']
};

describe('build options', () => {
	it('defaults to an assessed SCORM 1.2 course of every scenario for the default council', () => {
		const { options, errors } = parseBuildOptions({}, ctx);
		expect(errors).toEqual([]);
		expect(options).toEqual({
			council: 'kingsthorpe-parish-council',
			scorm: '1.2',
			mode: 'assessed',
			passMark: 80,
			refresherMonths: 12,
			scenarios: null,
			objectives: true,
			interactions: true,
			descriptions: true,
			title: null,
			audience: null,
			core: null
		});
		expect(buildSlug(options)).toBe('kingsthorpe-parish-council-scorm12');
	});

	it('builds for one audience, or names the core scenarios, and says what is wrong with either', () => {
		const audiences = { 'a-one': 'councillor', 'b-two': 'officer', 'c-three': 'both' } as const;
		const withAud = { ...ctx, audiences };
		const one = parseBuildOptions({ AUDIENCE: 'officer', CORE: 'b-two' }, withAud);
		expect(one.errors).toEqual([]);
		expect(one.options).toMatchObject({ audience: 'officer', core: ['b-two'] });
		expect(buildSlug(one.options)).toMatch(
			/^kingsthorpe-parish-council-scorm12-officer-core-[0-9a-z]{6}$/
		);
		expect(
			parseBuildOptions({ AUDIENCE: 'choose', CORE: 'default' }, withAud).options
		).toMatchObject({ audience: null, core: null });
		expect(
			parseBuildOptions({ AUDIENCE: 'trainers', CORE: 'a-one,zz,a-one' }, withAud).errors
		).toEqual([
			'AUDIENCE="trainers" is not allowed — use councillor, officer or choose (the learner chooses)',
			'CORE names "zz", which is not a scenario — use ids from: a-one, b-two, c-three',
			'CORE names "a-one" twice — list each scenario once',
			'CORE names no scenario for officers, so their course would have nothing to complete — add one of: b-two, c-three'
		]);
		// The officer track would have nothing to complete.
		expect(parseBuildOptions({ CORE: 'a-one' }, withAud).errors).toEqual([
			'CORE names no scenario for officers, so their course would have nothing to complete — add one of: b-two, c-three'
		]);
		expect(parseBuildOptions({ SCENARIOS: 'a-one', AUDIENCE: 'officer' }, withAud).errors).toEqual([
			'AUDIENCE=officer but no scenario in the package is written for officers — add one to SCENARIOS or change AUDIENCE'
		]);
		expect(
			parseBuildOptions({ SCENARIOS: 'a-one,b-two', CORE: 'c-three' }, withAud).errors
		).toContain(
			'CORE names "c-three", which is not in SCENARIOS — add it to SCENARIOS or leave it out of CORE'
		);
		expect(flagsToEnv(['--audience=councillor', '--core=a-one']).env).toEqual({
			AUDIENCE: 'councillor',
			CORE: 'a-one'
		});
	});

	it('names the option and lists what is allowed when a value is wrong', () => {
		const { errors } = parseBuildOptions(
			{
				COUNCIL: 'nowhere',
				SCORM: '3',
				COURSE_MODE: 'quiz',
				PASS_MARK: '120',
				OBJECTIVES: 'maybe'
			},
			ctx
		);
		expect(errors).toEqual([
			'COUNCIL="nowhere" is not a council in scenarios/councils/ — use one of: witham-town-council, kingsthorpe-parish-council',
			'SCORM="3" is not allowed — use 1.2 or 2004',
			'COURSE_MODE="quiz" is not allowed — use assessed or practice',
			'PASS_MARK="120" is not allowed — use a whole number from 0 to 100',
			'OBJECTIVES="maybe" is not allowed — use on or off'
		]);
	});

	it('rejects contradictory options', () => {
		expect(parseBuildOptions({ COURSE_MODE: 'practice', PASS_MARK: '70' }, ctx).errors).toEqual([
			'PASS_MARK is set but COURSE_MODE=practice has no pass mark — remove PASS_MARK or use COURSE_MODE=assessed'
		]);
		expect(parseBuildOptions({ INTERACTIONS: 'off', DESCRIPTIONS: 'on' }, ctx).errors).toEqual([
			'DESCRIPTIONS=on needs INTERACTIONS=on — descriptions belong to interactions'
		]);
		expect(parseBuildOptions({ SCENARIOS: 'a-one,a-one,zz' }, ctx).errors).toEqual([
			'SCENARIOS names "a-one" twice — list each scenario once',
			'SCENARIOS names "zz", which is not a scenario — use ids from: a-one, b-two, c-three'
		]);
		expect(parseBuildOptions({ SCENARIOS: ' , ', CORE: ',' }, ctx).errors).toEqual([
			'SCENARIOS is empty — name at least one scenario, or use all',
			'CORE is empty — name at least one core scenario, or use default'
		]);
		expect(parseBuildOptions({ SCENARIOS: ' all ', CORE: 'default' }, ctx).options).toMatchObject({
			scenarios: null,
			core: null
		});
	});

	it('keeps the chosen scenarios in the given order and gives the build its own name', () => {
		const { options } = parseBuildOptions(
			{
				COUNCIL: 'witham-town-council',
				SCORM: '2004',
				COURSE_MODE: 'practice',
				SCENARIOS: 'c-three, a-one'
			},
			ctx
		);
		expect(options.scenarios).toEqual(['c-three', 'a-one']);
		expect(buildSlug(options)).toMatch(/^witham-town-council-scorm2004-practice-sel-[0-9a-z]{6}$/);
	});

	it('turns package flags into the same names and refuses unknown flags', () => {
		expect(
			flagsToEnv(['--council=witham-town-council', '--objectives=off', '--scorm=2004'])
		).toEqual({
			env: { COUNCIL: 'witham-town-council', OBJECTIVES: 'off', SCORM: '2004' },
			errors: []
		});
		expect(flagsToEnv(['--colour=red']).errors[0]).toMatch(
			/^unknown option "--colour=red" — allowed: --council, --scorm, /
		);
	});
});
