/** SCORM 2004 (3rd/4th edition): how values are written, over the launch half in dialect.ts. */
import type { ScormApi } from './discover.js';
import { launch2004, withWriting, type Dialect } from './dialect.js';
import { createScormTracker } from './scorm.js';
import { duration2004, timestamp2004 } from './time.js';
import type { Tracker, TrackerOptions } from './types.js';
import { ident, letter, num, text250 } from './values.js';

const clamp = (n: number) => Math.min(100, Math.max(0, n));

export const scorm2004: Dialect = /* @__PURE__ */ withWriting(launch2004, {
	sessionTime: duration2004,
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
});

export function createScorm2004Tracker(
	api: ScormApi,
	win: Window,
	options: TrackerOptions
): Tracker | null {
	return createScormTracker(api, win, options, scorm2004);
}
