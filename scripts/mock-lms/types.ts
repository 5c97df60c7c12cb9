/**
 * Types shared by the mock LMS modules (scripts/mock-lms/*.ts), typed against scorm-again's own.
 * The window.mockLms surface the e2e tests read is described in tests/e2e/helpers.ts.
 */
import type { Scorm12API, Scorm2004API, Settings } from 'scorm-again';
import type { PackageInfo } from '../package-list.js';

export type { PackageInfo };
export type Version = '1.2' | '2004';
export type ScormApi = Scorm12API | Scorm2004API;
export type ApiConstructor = new (settings?: Settings) => ScormApi;

/** The eight SCORM runtime calls, by what they do (the names differ per version). */
export type MethodKind =
	| 'initialize'
	| 'terminate'
	| 'getValue'
	| 'setValue'
	| 'commit'
	| 'getLastError'
	| 'getErrorString'
	| 'getDiagnostic';

/** scorm-again's renderCMIToJSONObject().cmi: nested objects, lists as { "0": …, "1": … }. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Cmi = Record<string, any>;

/** One session in the stored record (one launch of the module). */
export interface SessionEntry {
	session: number;
	entry: string;
	startedAt: string;
	ended: 'terminated' | 'closed' | null;
	endedAt?: string;
	exit: string;
	commits: number;
}

/** What the mock LMS keeps per package: localStorage "mockLms:v1:<slug>". */
export interface StoredRecord {
	v: 1;
	slug: string;
	version: Version;
	attempt: number;
	totalSeconds: number;
	sessions: SessionEntry[];
	cmi: Cmi | null;
	savedAt: string | null;
	savedBy: string | null;
}

/** One logged API call. */
export interface CallRecord {
	n: number;
	t: number;
	session: number;
	method: string;
	element: string;
	value: unknown;
	result: string;
	error: string;
	injected?: boolean;
	strict?: boolean;
	threw?: string;
	noted?: boolean;
}

/** An API error code, a simulated fault or an LMS-side problem (errors, warnings and notes). */
export interface Problem {
	source: 'api' | 'fault' | 'lms';
	message: string;
	session?: number | null;
	t?: number;
	method?: string;
	element?: string;
	value?: unknown;
	code?: string;
	call?: number;
}

/** What a refused or failed call answers: the result, or an exception; the error code and diagnostic. */
export interface Refusal {
	code: string;
	message: string;
	result?: 'false';
	throws?: boolean;
}

export type SessionState = 'waiting' | 'running' | 'finished' | 'closed' | 'refused';
