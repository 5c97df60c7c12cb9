/**
 * Test helpers for the lms specs (src/lib/lms/*.spec.ts): a small attempt (three principles,
 * three decisions and the progress records around them), the fake SCORM API, and call watchers.
 */
import { scorm12 } from '../../src/lib/lms/scorm12.js';
import { scorm2004 } from '../../src/lib/lms/scorm2004.js';
import type {
	DecisionRecord,
	ObjectiveRecord,
	ProgressRecord,
	TrackerOptions
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
