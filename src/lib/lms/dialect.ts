/**
 * What a SCORM version supplies to the shared tracker (scorm.ts): element names, value mappings
 * and error codes. scorm12.ts and scorm2004.ts each export one.
 */
import type { Protocol } from './connection.js';
import type { DecisionRecord, ObjectiveRecord } from './types.js';

/** Where an attempt stands, in terms both versions can express. */
export type Standing = 'incomplete' | 'completed' | 'failed' | 'passed';
/** [element, value] pairs, written in order. */
export type Pairs = [string, string][];
/** Does the LMS list `child` in the `_children` element given? (read once, cached) */
export type Has = (childrenElement: string, child: string) => boolean;

export interface Dialect extends Protocol {
	kind: 'scorm12' | 'scorm2004';
	el: Record<
		'name' | 'learner' | 'entry' | 'suspend' | 'location' | 'mastery' | 'exit' | 'time',
		string
	>;
	/** cmi.exit for a finished attempt. */
	exitDone: string;
	sessionTime(ms: number): string;
	readStanding(get: (el: string) => string): Standing;
	standing(s: Standing): Pairs;
	score(score: number, has: Has): Pairs;
	/** LMS mastery / passing score → 0–100, or undefined. */
	mastery(value: string): number | undefined;
	/** Fields of cmi.interactions.n, relative, `id` first. */
	interaction(d: DecisionRecord, descriptions: boolean): Pairs;
	/** Fields of cmi.objectives.n written on creation, relative, `id` first. */
	declare(o: ObjectiveRecord): Pairs;
	/** Fields of cmi.objectives.n for its current result, relative. */
	objective(o: ObjectiveRecord, practice: boolean, complete: boolean): Pairs;
}
