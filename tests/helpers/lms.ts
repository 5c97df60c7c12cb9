/**
 * Test helpers for the lms and state specs (src/lib/lms/*.spec.ts, src/lib/state/*.spec.ts): a
 * small attempt (three principles, three decisions and the progress records around them), the
 * fake SCORM API, scorm-again LMSs, call watchers, and a recording Tracker.
 */
import { Scorm12API, Scorm2004API } from 'scorm-again';
import { afterEach, beforeEach, vi } from 'vitest';
import { createScorm12Tracker, scorm12 } from '../../src/lib/lms/scorm12.js';
import { createScorm2004Tracker, scorm2004 } from '../../src/lib/lms/scorm2004.js';
import { learnerKey, type Saved } from '../../src/lib/lms/storage.js';
import type {
	DecisionRecord,
	LaunchData,
	ObjectiveRecord,
	ProgressRecord,
	Tracker,
	TrackerOptions,
	TrackerStatus
} from '../../src/lib/lms/types.js';

/** The SCORM versions, as the specs name them (`describe.each(VERSIONS)`). */
export type Version = '1.2' | '2004';
export const VERSIONS: Version[] = ['1.2', '2004'];

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

/** Three decisions (the second one as given), objectives and progress after each, then the ending. */
export function play(t: Tracker, secondCorrect: boolean) {
	const launch = t.start();
	t.declareObjectives(objectives());
	const scores = [100, secondCorrect ? 100 : 0, 100];
	for (let i = 0; i < 3; i++) {
		t.recordDecision(decision(i + 1, i === 1 ? secondCorrect : true));
		t.updateObjectives(objectives(scores.map((s, j) => (j <= i ? s : null))));
		t.saveProgress(progress({ suspendData: `{"n":${i + 2}}`, score: 33 * (i + 1) }));
		t.commit();
	}
	const score = secondCorrect ? 100 : 67;
	t.saveProgress(progress({ suspendData: 'final', complete: true, passed: secondCorrect, score }));
	t.commit();
	t.finish();
	return launch;
}

/** scorm-again as a test LMS: nothing committed anywhere, no automatic commits, quiet. */
export const SCORM_AGAIN = { autocommit: false, logLevel: 5, lmsCommitUrl: false } as const;
type Json = Record<string, unknown>;

/**
 * A scorm-again LMS of this version launching learner u1 ("Doe, Jane") with `json` over its
 * data (SCORM 1.2: `core` is merged with the learner's).
 */
export function scormAgain(version: '1.2', json?: Json): Scorm12API;
export function scormAgain(version: '2004', json?: Json): Scorm2004API;
export function scormAgain(version: Version, json?: Json): Scorm12API | Scorm2004API;
export function scormAgain(version: Version, json: Json = {}) {
	if (version === '1.2') {
		const api = new Scorm12API(SCORM_AGAIN);
		const { core = {}, ...rest } = json;
		api.loadFromJSON({
			core: { student_id: 'u1', student_name: 'Doe, Jane', ...(core as Json) },
			...rest
		});
		return api;
	}
	const api = new Scorm2004API(SCORM_AGAIN);
	api.loadFromJSON({ learner_id: 'u1', learner_name: 'Doe, Jane', ...json });
	return api;
}

/** The SCORM tracker of this version over `api`, with options(over); it expects Initialize to work. */
export const scormTracker = (version: Version, api: unknown, over: Partial<TrackerOptions> = {}) =>
	version === '1.2'
		? createScorm12Tracker(api as never, window, options(over))!
		: createScorm2004Tracker(api as never, window, options({ version: 'scorm2004', ...over }))!;

/** The statuses a tracker reports from now on, as a list that grows. */
export function statusesOf(t: Tracker): TrackerStatus[] {
	const seen: TrackerStatus[] = [];
	t.onStatus((s) => seen.push(s));
	return seen;
}

/**
 * Each spec of an LMS: a clean localStorage, a silenced console.warn (`warned()`: its spy), and no
 * SCORM API left on window afterwards.
 */
export function quietLms() {
	let warn: ReturnType<typeof vi.spyOn> | undefined;
	beforeEach(() => {
		localStorage.clear();
		warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
	});
	afterEach(() => {
		vi.restoreAllMocks();
		// A spec that put a SCORM API on window (the LMS's place) takes it away again.
		const w = window as unknown as Record<string, unknown>;
		delete w.API;
		delete w.API_1484_11;
	});
	return () => warn!;
}

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

/** A scorm-again LMS (scormAgain) whose SCORM calls are watched. */
export function watchedLms<V extends Version>(
	version: V,
	json: Json = {}
): { api: V extends '1.2' ? Scorm12API : Scorm2004API; calls: Watched[] } {
	const api = scormAgain(version, json) as V extends '1.2' ? Scorm12API : Scorm2004API;
	return { api, calls: watch(api, version === '1.2' ? NAMES_12 : NAMES_2004) };
}

/** A spec of one SCORM version's tracker: its watched LMS, its tracker, and console.warn's spy. */
export function scormSpec<V extends Version>(version: V) {
	const warned = quietLms();
	return {
		lms: (json: Json = {}) => watchedLms(version, json),
		track: (api: unknown, over: Partial<TrackerOptions> = {}) => scormTracker(version, api, over),
		/** An LMS and a started tracker that has saved progress once, as after the first choice. */
		midAttempt: (json: Json = {}) => {
			const lms = watchedLms(version, json);
			const t = scormTracker(version, lms.api);
			t.start();
			t.saveProgress(progress());
			return { ...lms, t };
		},
		warned
	};
}

/** Learner u1's browser copy of this course (storage.ts keys a copy by learner and course). */
export const mirror = (): Saved =>
	JSON.parse(localStorage.getItem(learnerKey(options().storageKey, 'u1'))!);

/** The [element, value] of each SetValue / LMSSetValue call. */
export const sets = (calls: Watched[]) =>
	calls.filter((c) => c.fn.endsWith('SetValue')).map((c) => c.args);

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
