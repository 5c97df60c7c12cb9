/**
 * The one small interface between the player and whatever LMS (or none) is there.
 * The state layer (src/lib/state) is the only caller. Implementations: SCORM 1.2, SCORM 2004,
 * and a local-storage fallback when no LMS API is found.
 *
 * Rules every implementation keeps:
 * - Never throws to the caller. LMS errors are caught, logged with their codes, reported once
 *   through onStatus, and the data is kept (mirrored to localStorage) and sent again later.
 * - Initialise once; finish once (idempotent).
 * - Never downgrade: an attempt the LMS already holds as passed / failed / completed is not set
 *   back to incomplete, nor its score or objectives lowered (see LaunchData.finished).
 *
 * createTracker (index.ts) finds the API and calls LMSInitialize / Initialize straight away; if that
 * fails it returns the local tracker. Status listeners added later still get the current problem.
 */

export type TrackerKind = 'scorm12' | 'scorm2004' | 'local';

export interface LaunchData {
	kind: TrackerKind;
	/** Learner's name as the LMS gives it ("Surname, Forename" in most LMSs), or '' */
	learnerName: string;
	/** Saved engine state (suspend_data), or '' */
	suspendData: string;
	/** True when the LMS says this is a resumed attempt. */
	resumed: boolean;
	/**
	 * suspendData is this learner's browser copy of their finished course, shown because the LMS
	 * gave no data (a new attempt): nothing is written to the LMS until the learner acts.
	 */
	fromBrowserCopy?: boolean;
	/** Where the learner was (lesson_location / location: a scenario id, or "home"), or ''. */
	location?: string;
	/** Mastery score from the LMS (0–100), if it sends one. Prefer it to the course pass mark. */
	masteryScore?: number;
	/**
	 * Progress kept in this browser by a session in which the LMS would not start, so whose it is
	 * is unknown. Never used until the learner says it is theirs (Tracker.claim).
	 */
	unclaimed?: { suspendData: string; savedAt: string };
	/**
	 * The LMS already records this attempt as finished (passed, failed or completed), e.g. a
	 * relaunch: open the results / review. Status, score and objectives are only ever raised
	 * from here (failed → passed), never lowered; suspend data and interactions are still saved.
	 */
	finished: boolean;
}

/** One decision, reported as a cmi.interactions entry. */
export interface DecisionRecord {
	/** Short ASCII id: "<scenario-id>_<step-id>" (letters, digits, - and _ only; unique per decision in the attempt). */
	id: string;
	/** Single character a–i. */
	response: string;
	/** Letter of the recommended choice. */
	correctResponse: string;
	correct: boolean;
	/** Weighting (e.g. 1). */
	weighting: number;
	/** Milliseconds from the step being shown to the choice being made. */
	latencyMs: number;
	/** Plain text description: scenario title, step title and question (2004 only). */
	description: string;
	/** When the choice was made. */
	timestamp: Date;
}

/** One protocol principle, reported as a cmi.objectives entry. */
export interface ObjectiveRecord {
	/** Principle id, e.g. "confidentiality.no-disclosure". */
	id: string;
	/** 0–100 */
	score: number;
	/** Has the learner met a decision on this principle yet? */
	attempted: boolean;
	passed: boolean;
	description: string;
}

export interface ProgressRecord {
	suspendData: string;
	/** Short bookmark, e.g. scenario id (lesson_location / location). */
	location: string;
	/** Overall score 0–100 so far. */
	score: number;
	/** All scenarios in the course finished? */
	complete: boolean;
	/** Passed against the pass mark (ignored when the mode is practice). */
	passed: boolean;
}

export interface TrackerStatus {
	/**
	 * 'ok' | problem kinds, each shown to the learner once, in plain words; 'result-pending': the
	 * complete result is not in the LMS yet; 'sent': it is now (after a problem).
	 */
	kind: 'ok' | 'no-lms' | 'lms-error' | 'result-pending' | 'sent';
	message: string;
}

export interface TrackerOptions {
	/** The package's SCORM version (baked into the build): only this API is looked for. */
	version: 'scorm12' | 'scorm2004';
	mode: 'assessed' | 'practice';
	/** 0–100 */
	passMark: number;
	objectives: boolean;
	interactions: boolean;
	interactionDescriptions: boolean;
	/** Key for the local mirror in localStorage (course id + council). */
	storageKey: string;
}

export interface Tracker {
	readonly kind: TrackerKind;
	/** Called once at start-up. */
	start(): LaunchData;
	/** Create objectives eagerly at start (some LMSs need it); no-op when objectives are off. */
	declareObjectives(objectives: ObjectiveRecord[]): void;
	recordDecision(decision: DecisionRecord): void;
	updateObjectives(objectives: ObjectiveRecord[]): void;
	saveProgress(progress: ProgressRecord): void;
	/** Commit now (after each decision, and when the page is hidden). */
	commit(): void;
	/** Terminate / LMSFinish once, on pagehide. Idempotent. */
	finish(): void;
	/**
	 * The learner answered whether LaunchData.unclaimed is theirs. Yes: its decisions are sent as
	 * interactions and the copy is deleted (the caller then saves the progress it merged in).
	 * No: it is kept for its owner and not offered to this learner again.
	 */
	claim?(mine: boolean): void;
	/**
	 * The page is shown again from the back/forward cache after finish(): start a new LMS session
	 * where the LMS allows it, else tell the learner their progress stays in this browser (and is
	 * sent at the next launch).
	 */
	resume?(): void;
	/** Local tracker only: the LMS has taken this session's work; forget the browser copy of it. */
	release?(): void;
	/**
	 * Subscribe to status changes; returns an unsubscribe function. A listener added while a
	 * problem is current ('no-lms', 'lms-error') is called with it straight away.
	 */
	onStatus(listener: (status: TrackerStatus) => void): () => void;
}
