/**
 * What a SCORM version supplies to the shared tracker (scorm.ts): element names, value mappings
 * and error codes. Here the part the launch needs (open.ts: Initialize, the reads, the exit
 * value), which the first screen's code carries; scorm12.ts and scorm2004.ts add how each
 * version writes, which loads later (late.ts).
 */
import type { Protocol } from './connection.js';
import type { DecisionRecord, ObjectiveRecord } from './types.js';

export type Standing = 'incomplete' | 'completed' | 'failed' | 'passed';
export type Pairs = [string, string][];
export type Has = (childrenElement: string, child: string) => boolean;

export interface LaunchDialect extends Protocol {
	kind: 'scorm12' | 'scorm2004';
	el: Record<
		'name' | 'learner' | 'entry' | 'suspend' | 'location' | 'mastery' | 'exit' | 'time',
		string
	>;
	exitDone: string;
	readStanding(get: (el: string) => string): Standing;
	mastery(value: string): number | undefined;
}

export interface Dialect extends LaunchDialect {
	sessionTime(ms: number): string;
	standing(s: Standing): Pairs;
	score(score: number, has: Has): Pairs;
	interaction(d: DecisionRecord, descriptions: boolean): Pairs;
	declare(o: ObjectiveRecord): Pairs;
	objective(o: ObjectiveRecord, practice: boolean, complete: boolean): Pairs;
}

/**
 * A version's whole dialect: its launch half and how it writes. A call marked pure, not an object
 * spread (which the bundler must keep for its getters): late.ts imports both versions, and a
 * package of one version then drops the other's, with its launch half, from the first download.
 */
export function withWriting(
	launch: LaunchDialect,
	writing: Omit<Dialect, keyof LaunchDialect>
): Dialect {
	return { ...launch, ...writing };
}

/** An LMS number → 0–100 via `scale`, or undefined when blank or not a number. */
export function percent(value: string, scale: number): number | undefined {
	if (!/^\s*-?\d+(\.\d+)?\s*$/.test(value ?? '')) return undefined;
	return Math.min(100, Math.max(0, Number(value) * scale));
}

const FINISHED_12 = ['passed', 'failed', 'completed'];

/** SCORM 1.2 (cmi.core.*). */
export const launch12: LaunchDialect = {
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
	readStanding(get) {
		const s = get('cmi.core.lesson_status');
		return FINISHED_12.includes(s) ? (s as 'passed') : 'incomplete';
	},
	mastery: (v) => percent(v, 1)
};

/** SCORM 2004 (3rd/4th edition). */
export const launch2004: LaunchDialect = {
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
	// An LMS with a passing score judges success_status itself, so only 'completed' (or a pass)
	// means finished: a 'failed' on an incomplete attempt is not final.
	readStanding(get) {
		if (get('cmi.success_status') === 'passed') return 'passed';
		if (get('cmi.completion_status') !== 'completed') return 'incomplete';
		return get('cmi.success_status') === 'failed' ? 'failed' : 'completed';
	},
	mastery: (v) => percent(v, 100)
};
