/** What the mock LMS's address asks for (see the list at the top of main.ts). */

export const FAULTS = [
	'none',
	'no-api',
	'init-false',
	'setvalue-false',
	'commit-flaky',
	'throws',
	'slow',
	'opener',
	'commit-twice',
	'throws-5th',
	'beacon-refused'
] as const;
export type Fault = (typeof FAULTS)[number];

export const FAULT_LABELS: Record<Fault, string> = {
	none: 'none',
	'no-api': 'no API offered',
	'init-false': 'Initialise fails',
	'setvalue-false': 'first SetValue calls fail',
	'commit-flaky': 'every other Commit fails',
	throws: 'every third SetValue throws',
	slow: 'every call is slow',
	opener: 'launched in a new window',
	'commit-twice': 'Commit fails twice after each success',
	'throws-5th': 'every fifth call throws',
	'beacon-refused': 'Terminate’s data is discarded (refused beacon)'
};

export interface Learner {
	id: string;
	name: string;
}

export interface Options {
	/** ?fault= as asked (shown when it is not a known fault). */
	requestedFault: string;
	fault: Fault;
	/** setvalue-false: how many SetValue calls fail (&n=, default 3). */
	failCount: number;
	/** init-false: how many Initialize calls fail (&n=, default all). */
	initFails: number;
	/** slow: milliseconds each call blocks for (&delay=, default 2000). */
	delayMs: number;
	masteryOverride: boolean;
	bothApis: boolean;
	moodleLike: boolean;
	newAttemptWhenFinished: boolean;
	learner: Learner;
	/** ?package=, ?council=, ?scorm=, ?reset=1 */
	packageSlug: string | null;
	council: string | null;
	scorm: '1.2' | '2004';
	reset: boolean;
}

function intParam(params: URLSearchParams, name: string, fallback: number): number {
	const raw = params.get(name);
	const n = raw === null ? NaN : Number(raw);
	return Number.isFinite(n) && n >= 0 ? Math.floor(n) : fallback;
}

const isFault = (f: string): f is Fault => (FAULTS as readonly string[]).includes(f);

export function readOptions(search: string): Options {
	const params = new URLSearchParams(search);
	const requestedFault = params.get('fault') || 'none';
	return {
		requestedFault,
		fault: isFault(requestedFault) ? requestedFault : 'none',
		failCount: intParam(params, 'n', 3),
		initFails: params.has('n') ? intParam(params, 'n', Infinity) : Infinity,
		delayMs: intParam(params, 'delay', 2000),
		masteryOverride: params.get('mastery') === 'override',
		bothApis: params.get('apis') === 'both',
		moodleLike: params.get('lms') === 'moodle',
		newAttemptWhenFinished: params.get('newattempt') === 'completed',
		learner: {
			id: params.get('learnerid') || 'mock-learner-001',
			name: params.get('learner') ?? 'Bloggs, Jo'
		},
		packageSlug: params.get('package'),
		council: params.get('council'),
		scorm: params.get('scorm') === '2004' ? '2004' : '1.2',
		reset: params.get('reset') === '1'
	};
}

/** The inspector's line for the simulated problem. */
export function faultSummary(o: Options): string {
	if (o.fault === 'none') return 'none';
	const detail =
		o.fault === 'setvalue-false'
			? ` (first ${o.failCount})`
			: o.fault === 'slow'
				? ` (${o.delayMs} ms a call)`
				: '';
	return FAULT_LABELS[o.fault] + detail;
}
