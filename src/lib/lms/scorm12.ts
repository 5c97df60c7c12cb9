/** SCORM 1.2 (cmi.core.*): elements, values and error codes for the shared tracker. */
import type { ScormApi } from './discover.js';
import type { Dialect } from './dialect.js';
import { createScormTracker } from './scorm.js';
import { time12, timespan12 } from './time.js';
import type { Tracker, TrackerOptions } from './types.js';
import { ident, letter, num, percent } from './values.js';

const FINISHED = ['passed', 'failed', 'completed'];

export const scorm12: Dialect = {
	kind: 'scorm12',
	names: [
		'LMSInitialize',
		'LMSGetValue',
		'LMSSetValue',
		'LMSCommit',
		'LMSFinish',
		'LMSGetLastError',
		'LMSGetErrorString',
		'LMSGetDiagnostic'
	],
	// 401 not implemented; 201 invalid argument, 402 keyword, 403 read only, 404 write only, 405 type
	missing: ['401'],
	refused: ['201', '402', '403', '404', '405'],
	commitBeforeFinish: true,
	el: {
		name: 'cmi.core.student_name',
		learner: 'cmi.core.student_id',
		entry: 'cmi.core.entry',
		suspend: 'cmi.suspend_data',
		location: 'cmi.core.lesson_location',
		mastery: 'cmi.student_data.mastery_score',
		exit: 'cmi.core.exit',
		time: 'cmi.core.session_time'
	},
	// '' not 'logout': the LMS keeps the attempt (and its suspend data) for a later review.
	exitDone: '',
	sessionTime: timespan12,
	readStanding(get) {
		const s = get('cmi.core.lesson_status');
		return FINISHED.includes(s) ? (s as 'passed') : 'incomplete';
	},
	standing: (s) => [['cmi.core.lesson_status', s]],
	score: (score, has) => [
		...(has('cmi.core.score._children', 'min')
			? [['cmi.core.score.min', '0'] as [string, string]]
			: []),
		...(has('cmi.core.score._children', 'max')
			? [['cmi.core.score.max', '100'] as [string, string]]
			: []),
		['cmi.core.score.raw', num(score)]
	],
	mastery: (v) => percent(v, 1),
	interaction: (r) => [
		['id', ident(r.id)],
		['time', time12(r.timestamp)],
		['type', 'choice'],
		['weighting', num(r.weighting)],
		['student_response', letter(r.response)],
		['correct_responses.0.pattern', letter(r.correctResponse)],
		['result', r.correct ? 'correct' : 'wrong'],
		['latency', timespan12(r.latencyMs)]
	],
	declare: (o) => [['id', ident(o.id)]],
	objective: (o, practice) =>
		o.attempted
			? [
					['score.raw', num(Math.min(100, Math.max(0, o.score)))],
					['status', practice ? 'completed' : o.passed ? 'passed' : 'failed']
				]
			: []
};

export function createScorm12Tracker(
	api: ScormApi,
	win: Window,
	options: TrackerOptions
): Tracker | null {
	return createScormTracker(api, win, options, scorm12);
}
