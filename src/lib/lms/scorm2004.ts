/** SCORM 2004 (3rd/4th edition): elements, values and error codes for the shared tracker. */
import type { ScormApi } from './discover.js';
import type { Dialect } from './dialect.js';
import { createScormTracker } from './scorm.js';
import { duration2004, timestamp2004 } from './time.js';
import type { Tracker, TrackerOptions } from './types.js';
import { ident, letter, num, percent, text250 } from './values.js';

const clamp = (n: number) => Math.min(100, Math.max(0, n));

export const scorm2004: Dialect = {
	kind: 'scorm2004',
	names: [
		'Initialize',
		'GetValue',
		'SetValue',
		'Commit',
		'Terminate',
		'GetLastError',
		'GetErrorString',
		'GetDiagnostic'
	],
	// 401 undefined, 402 unimplemented; 201 argument, 404 read only, 405 write only, 406 type, 407 range
	missing: ['401', '402'],
	refused: ['201', '404', '405', '406', '407'],
	alreadyOpen: '103',
	commitBeforeFinish: false,
	el: {
		name: 'cmi.learner_name',
		learner: 'cmi.learner_id',
		entry: 'cmi.entry',
		suspend: 'cmi.suspend_data',
		location: 'cmi.location',
		mastery: 'cmi.scaled_passing_score',
		exit: 'cmi.exit',
		time: 'cmi.session_time'
	},
	// Not 'normal': that ends the attempt, and a conformant LMS starts the next launch as a new,
	// empty attempt (Moodle restores data only after suspend): the learner's results would be gone.
	// The status (completed / passed) is what says the attempt is finished.
	exitDone: 'suspend',
	sessionTime: duration2004,
	// An LMS with a passing score judges success_status itself, so only 'completed' (or a pass)
	// means finished: a 'failed' on an incomplete attempt is not final.
	readStanding(get) {
		if (get('cmi.success_status') === 'passed') return 'passed';
		if (get('cmi.completion_status') !== 'completed') return 'incomplete';
		return get('cmi.success_status') === 'failed' ? 'failed' : 'completed';
	},
	standing: (s) => [
		['cmi.completion_status', s === 'incomplete' ? 'incomplete' : 'completed'],
		['cmi.success_status', s === 'passed' || s === 'failed' ? s : 'unknown']
	],
	score: (score) => [
		['cmi.score.min', '0'],
		['cmi.score.max', '100'],
		['cmi.score.raw', num(score)],
		['cmi.score.scaled', num(score / 100, 4)]
	],
	mastery: (v) => percent(v, 100),
	interaction: (r, descriptions) => [
		['id', ident(r.id)],
		['type', 'choice'],
		['timestamp', timestamp2004(r.timestamp)],
		['weighting', num(r.weighting)],
		['learner_response', letter(r.response)],
		['correct_responses.0.pattern', letter(r.correctResponse)],
		['result', r.correct ? 'correct' : 'incorrect'],
		['latency', duration2004(r.latencyMs)],
		...(descriptions && text250(r.description)
			? [['description', text250(r.description)] as [string, string]]
			: [])
	],
	declare: (o) => [
		['id', ident(o.id)],
		...(text250(o.description) ? [['description', text250(o.description)] as [string, string]] : [])
	],
	objective: (o, practice, complete) =>
		o.attempted
			? [
					['score.scaled', num(clamp(o.score) / 100, 4)],
					['score.raw', num(clamp(o.score))],
					['success_status', practice ? 'unknown' : o.passed ? 'passed' : 'failed'],
					['completion_status', complete ? 'completed' : 'incomplete']
				]
			: []
};

export function createScorm2004Tracker(
	api: ScormApi,
	win: Window,
	options: TrackerOptions
): Tracker | null {
	return createScormTracker(api, win, options, scorm2004);
}
