// The shared SCORM tracker (scorm.ts) in both versions, against scorm-again: what a launch reads,
// and how a resumed attempt adds to what the LMS holds. Version-only rules: scorm12.spec.ts, scorm2004.spec.ts.
import { describe, expect, it } from 'vitest';
import {
	decision,
	objectives,
	play,
	PRINCIPLES,
	quietLms,
	scormTracker,
	snapshot,
	VERSIONS,
	watchedLms,
	type Version
} from '../../../tests/helpers/lms.js';

type Json = Record<string, unknown>;
/** Each version's way of saying the same thing. */
const LMS: Record<
	Version,
	{
		kind: string;
		mastery80: Json;
		firstDecision: Json;
		resume: Json;
		objectivesAfter: string[];
		kept: Json;
	}
> = {
	'1.2': {
		kind: 'scorm12',
		mastery80: { student_data: { mastery_score: '80' } },
		firstDecision: { student_response: 'b', latency: '00:00:12.34', time: '10:15:01' },
		resume: {
			core: { entry: 'resume', lesson_status: 'incomplete' },
			suspend_data: '{"n":2}',
			interactions: {
				0: { id: 'leak.step-1', type: 'choice', student_response: 'b', result: 'correct' }
			},
			objectives: {
				0: { id: 'confidentiality.no-disclosure', status: 'passed', score: { raw: '100' } }
			}
		},
		// The LMS's own objective first; the same objective is not declared again.
		objectivesAfter: PRINCIPLES,
		kept: { status: 'passed', score: { raw: '100' } }
	},
	'2004': {
		kind: 'scorm2004',
		mastery80: { scaled_passing_score: '0.8' },
		firstDecision: {
			learner_response: 'b',
			latency: 'PT12.34S',
			description: 'The leaked report — step 1: What do you say to the journalist?'
		},
		resume: {
			entry: 'resume',
			completion_status: 'incomplete',
			suspend_data: '{"n":2}',
			interactions: {
				0: { id: 'leak.step-1', type: 'choice', learner_response: 'b', result: 'correct' }
			},
			objectives: { 0: { id: 'respect.no-pressure', success_status: 'passed' } }
		},
		objectivesAfter: ['respect.no-pressure', 'confidentiality.no-disclosure', 'openness.register'],
		kept: { success_status: 'passed' }
	}
};
/** Calls that went wrong; reading a not-yet-set element (2004's 403) is how 2004 answers "empty". */
const errors = (calls: ReturnType<typeof watchedLms>['calls']) =>
	calls.filter((c) => c.code !== '0' && !(c.fn === 'GetValue' && c.code === '403'));
quietLms();

describe.each(VERSIONS)('SCORM %s tracker (shared rules)', (version) => {
	const lms = LMS[version];

	it("a fresh launch gives the learner's name, no progress, and the LMS's mastery score as 0–100", () => {
		const { api, calls } = watchedLms(version, lms.mastery80);
		expect(scormTracker(version, api).start()).toEqual({
			kind: lms.kind,
			learnerName: 'Doe, Jane',
			suspendData: '',
			resumed: false,
			finished: false,
			masteryScore: 80
		});
		expect(errors(calls)).toEqual([]);
	});

	it('records each decision as an interaction: id, response, result, weighting, latency', () => {
		const { api, calls } = watchedLms(version, {});
		play(scormTracker(version, api), true);
		const cmi = snapshot(api);
		expect(Object.values(cmi.interactions)).toHaveLength(3);
		expect(cmi.interactions[0]).toMatchObject({
			id: 'leak.step-1',
			type: 'choice',
			result: 'correct',
			weighting: '1',
			correct_responses: { 0: { pattern: 'b' } },
			...lms.firstDecision
		});
		expect(errors(calls)).toEqual([]);
	});

	it("resumes: the LMS's suspend data; new interactions after the old ones, objectives reused by id", () => {
		const { api, calls } = watchedLms(version, lms.resume);
		const t = scormTracker(version, api);
		expect(t.start()).toMatchObject({ resumed: true, suspendData: '{"n":2}', finished: false });
		t.declareObjectives(objectives());
		t.recordDecision(decision(2, false));
		t.commit();
		const cmi = snapshot(api);
		expect(Object.values(cmi.interactions).map((i) => (i as Json).id)).toEqual([
			'leak.step-1',
			'leak.step-2'
		]);
		expect(Object.values(cmi.objectives).map((o) => (o as Json).id)).toEqual(lms.objectivesAfter);
		expect(cmi.objectives[0]).toMatchObject(lms.kept);
		expect(errors(calls)).toEqual([]);
	});
});
