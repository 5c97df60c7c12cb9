/** SCORM 1.2 (cmi.core.*): how values are written, over the launch half in dialect.ts. */
import type { ScormApi } from './discover.js';
import { launch12, withWriting, type Dialect } from './dialect.js';
import { createScormTracker } from './scorm.js';
import { time12, timespan12 } from './time.js';
import type { Tracker, TrackerOptions } from './types.js';
import { ident, letter, num } from './values.js';

export const scorm12: Dialect = /* @__PURE__ */ withWriting(launch12, {
	sessionTime: timespan12,
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
});

export function createScorm12Tracker(
	api: ScormApi,
	win: Window,
	options: TrackerOptions
): Tracker | null {
	return createScormTracker(api, win, options, scorm12);
}
