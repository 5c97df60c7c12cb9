/**
 * Test helpers for the lms and state specs (src/lib/lms/*.spec.ts, src/lib/state/*.spec.ts): a
 * small attempt (three principles, three decisions and the progress records around them), the
 * fake SCORM API, scorm-again LMSs, call watchers, and a recording Tracker.
 */
import { scorm12 } from '../../src/lib/lms/scorm12.js';
import { scorm2004 } from '../../src/lib/lms/scorm2004.js';
import type {
	DecisionRecord,
	LaunchData,
	ObjectiveRecord,
	ProgressRecord,
	Tracker,
	TrackerOptions,
	TrackerStatus
} from '../../src/lib/lms/types.js';

export const options = (over: Partial<TrackerOptions> = {}): TrackerOptions => ({
	version: 'scorm12',
	mode: 'assessed',
	passMark: 70,
	objectives: true,
	interactions: true,
	interactionDescriptions: true,
	storageKey: 'conduct-test',
	...over
});

export const PRINCIPLES = [
	'confidentiality.no-disclosure',
	'respect.no-pressure',
	'openness.register'
];

export function objectives(scores: (number | null)[] = [null, null, null]): ObjectiveRecord[] {
	return PRINCIPLES.map((id, i) => ({
		id,
		score: scores[i] ?? 0,
		attempted: scores[i] !== null,
		passed: (scores[i] ?? 0) >= 70,
		description: `Principle ${i + 1}: ${id}`
	}));
}

export function decision(n: number, correct: boolean): DecisionRecord {
	return {
		id: `leak.step-${n}`,
		response: correct ? 'b' : 'c',
		correctResponse: 'b',
		correct,
		weighting: 1,
		latencyMs: 12340 + n,
		description: `The leaked report — step ${n}: What do you say to the journalist?`,
		timestamp: new Date(2025, 2, 4, 10, 15, n, 250)
	};
}

export const progress = (over: Partial<ProgressRecord> = {}): ProgressRecord => ({
	suspendData: '{"v":1,"s":"leak","n":1}',
	location: 'leak',
	score: 0,
	complete: false,
	passed: false,
	...over
});

/** A fake SCORM API object recording calls; `answers` overrides results per method. */
export function fakeApi(
	version: '1.2' | '2004',
	answers: Record<string, (...a: string[]) => unknown> = {}
) {
	// The dialect's own list: Initialize, GetValue, SetValue, Commit, Terminate, GetLastError, GetErrorString, GetDiagnostic.
	const names = (version === '1.2' ? scorm12 : scorm2004).names;
	const log: string[][] = [];
	const data = new Map<string, string>();
	const api: Record<string, unknown> = { log, data };
	const defaults: ((...a: string[]) => unknown)[] = [
		() => 'true',
		(el) => data.get(el) ?? '',
		(el, v) => (data.set(el, v), 'true'),
		() => 'true',
		() => 'true',
		() => '0',
		(c) => `Error ${c}`,
		(c) => `Diagnostic ${c}`
	];
	names.forEach((name, i) => {
		api[name] = (...args: string[]) => {
			log.push([name, ...args]);
			return (answers[name] ?? defaults[i])(...args);
		};
	});
	return api as Record<string, unknown> & { log: string[][]; data: Map<string, string> };
}

export interface Watched {
	fn: string;
	args: unknown[];
	result: unknown;
	code: string;
}

/** Wrap an LMS object's SCORM methods to record each call with the LMS's own error code after it. */
export function watch(api: object, names: string[]): Watched[] {
	const seen: Watched[] = [];
	const target = api as Record<string, unknown> & { lastErrorCode?: string };
	for (const name of names) {
		const original = (target[name] as (...a: unknown[]) => unknown).bind(api);
		target[name] = (...args: unknown[]) => {
			const result = original(...args);
			seen.push({ fn: name, args, result, code: String(target.lastErrorCode ?? '') });
			return result;
		};
	}
	return seen;
}

export const NAMES_12 = [
	'LMSInitialize',
	'LMSGetValue',
	'LMSSetValue',
	'LMSCommit',
	'LMSFinish',
	'LMSGetLastError'
];
export const NAMES_2004 = [
	'Initialize',
	'GetValue',
	'SetValue',
	'Commit',
	'Terminate',
	'GetLastError'
];

/** A plain copy of an LMS's cmi tree, write-only elements included. */
export const snapshot = (api: { cmi: unknown }) => JSON.parse(JSON.stringify(api.cmi));

/** A call the player made on a recording tracker: the method and its argument. */
export type TrackerCall =
	| ['declareObjectives', ObjectiveRecord[]]
	| ['updateObjectives', ObjectiveRecord[]]
	| ['recordDecision', DecisionRecord]
	| ['saveProgress', ProgressRecord]
	| ['claim', boolean]
	| ['commit' | 'finish', undefined];

/**
 * A Tracker that launches with `launch` (a fresh SCORM 2004 attempt by default) and records every
 * call in order; `emit` plays the LMS telling the learner something (status.ts).
 */
export function recordingTracker(launch: Partial<LaunchData> = {}) {
	const calls: TrackerCall[] = [];
	const listeners: ((s: TrackerStatus) => void)[] = [];
	const of = <K extends TrackerCall[0]>(name: K) =>
		calls.filter((c) => c[0] === name).map((c) => c[1] as Extract<TrackerCall, [K, unknown]>[1]);
	const tracker: Tracker = {
		kind: 'scorm2004',
		start: () => ({
			kind: 'scorm2004',
			learnerName: 'Doe, Jane',
			suspendData: '',
			resumed: false,
			finished: false,
			...launch
		}),
		declareObjectives: (list) => void calls.push(['declareObjectives', list]),
		updateObjectives: (list) => void calls.push(['updateObjectives', list]),
		recordDecision: (d) => void calls.push(['recordDecision', d]),
		saveProgress: (p) => void calls.push(['saveProgress', p]),
		commit: () => void calls.push(['commit', undefined]),
		finish: () => void calls.push(['finish', undefined]),
		claim: (mine) => void calls.push(['claim', mine]),
		onStatus: (l) => (listeners.push(l), () => {})
	};
	return {
		tracker,
		calls,
		/** The method names called, in order. */
		names: () => calls.map((c) => c[0]),
		saves: () => of('saveProgress'),
		decisions: () => of('recordDecision'),
		claims: () => of('claim'),
		commits: () => of('commit').length,
		emit: (s: TrackerStatus) => listeners.forEach((l) => l(s))
	};
}
