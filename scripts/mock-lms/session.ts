/**
 * One session per launch of the module: the logging wrapper the module sees as window.API /
 * window.API_1484_11. Each call is logged, may be refused by a simulated fault or a strict rule,
 * and otherwise goes to scorm-again; scorm-again's own event listeners (on("LMSCommit"), …) store
 * the data, as an LMS does on every successful Commit and on LMSFinish / Terminate.
 */
import type { Faults } from './faults.js';
import type { Log } from './log.js';
import type { Options } from './options.js';
import {
	clone,
	exitOf,
	interactionTypes,
	launchData,
	loadRecord,
	newRecord,
	saveRecord
} from './storage.js';
import { sessionSeconds } from './time.js';
import type { ApiConstructor, Cmi, PackageInfo, ScormApi, SessionState } from './types.js';
import { METHOD_KINDS, otherVersion, VERSIONS, type VersionInfo } from './versions.js';

/** What a session needs from the mock LMS around it. */
export interface SessionHost {
	options: Options;
	faults: Faults;
	log: Log;
	/** scorm-again's API class for a version (its browser build's global, or an import in tests). */
	apiClass(version: PackageInfo['version']): ApiConstructor | undefined;
	announce(message: string): void;
	/** Storage problems are errors of the session in hand. */
	storageError(message: string): void;
}

export type ApiObject = Record<string, (...args: unknown[]) => string>;

export interface Session {
	id: number;
	pkg: PackageInfo;
	v: VersionInfo;
	api: ScormApi | null;
	state: SessionState;
	entry: string | null;
	entryWhy: string;
	attempt: number | null;
	/** The error code and diagnostic of the last refused call (or null: ask scorm-again). */
	injected: string | null;
	diagnostic: string;
	/** cmi.interactions.n.type as given (write-only in SCORM 1.2), for the strict response checks. */
	types: Record<string, string>;
	warned: Record<string, boolean>;
	startedAt: number | null;
	recordIndex: number;
	/** The object the module calls. */
	wrapper: ApiObject;
}

function save(host: SessionHost, rec: Parameters<typeof saveRecord>[0]): void {
	const problem = saveRecord(rec);
	if (problem) host.storageError(problem);
}

/** ?apis=both: the other version's API, offered alongside; every call on it is logged as an error. */
export function otherApi(host: SessionHost, s: Session): ApiObject {
	const other = VERSIONS[otherVersion(s.pkg.version)];
	const decoy: ApiObject = {};
	for (const kind of METHOD_KINDS) {
		const name = other.m[kind];
		decoy[name] = () => {
			host.log.addError(
				{
					source: 'lms',
					session: s.id,
					method: name,
					message: `The package called ${name} on the ${other.label} API, but it was imported as ${s.v.label}: the LMS keeps its record by the manifest’s version.`
				},
				s.id
			);
			return kind === 'getLastError'
				? '101'
				: kind === 'getValue' || kind === 'getErrorString' || kind === 'getDiagnostic'
					? ''
					: 'false';
		};
	}
	return decoy;
}

export function warnOnce(
	host: SessionHost,
	s: Session,
	key: string,
	message: string,
	element?: string
): void {
	if (s.warned[key]) return;
	s.warned[key] = true;
	host.log.addWarning(
		{ source: 'lms', message, session: s.id, ...(element ? { element } : {}) },
		s.id
	);
}

/** scorm-again's CMI now, as plain JSON (write-only elements included), or null. */
export function renderCmi(api: ScormApi): Cmi | null {
	try {
		const o = api.renderCMIToJSONObject() as Cmi;
		return clone(o && o.cmi ? o.cmi : o);
	} catch {
		return null;
	}
}

/** The session's API, made at its first call from the stored record. */
export function prepareApi(host: SessionHost, s: Session): ScormApi {
	const { pkg } = s;
	const start = launchData(loadRecord(pkg.slug), pkg, host.options);
	if (start.newAttempt) save(host, start.rec);
	if (start.warning)
		host.log.addWarning({ source: 'lms', session: s.id, message: start.warning }, s.id);
	s.types = interactionTypes(start.cmi);
	const Api = host.apiClass(pkg.version);
	if (typeof Api !== 'function') throw new Error('scorm-again did not load (/vendor/scorm-again/)');
	const api = new Api({
		autocommit: false,
		lmsCommitUrl: false,
		useAsynchronousCommits: false,
		sendFullCommit: true,
		logLevel: 'WARN',
		uninitializedGetLogLevel: 'INFO',
		strict_errors: true,
		autoCompleteLessonStatus: false,
		selfReportSessionTime: false,
		alwaysSendTotalTime: false,
		mastery_override: host.options.masteryOverride,
		score_overrides_status: false,
		enableOfflineSupport: false,
		globalStudentPreferences: false,
		onLogMessage: (level, message) => host.log.library(level, message)
	} as ConstructorParameters<ApiConstructor>[0]);
	api.loadFromJSON(start.cmi);
	listen(host, s, api);
	s.api = api;
	s.entry = start.entry;
	s.entryWhy = start.why;
	s.attempt = start.rec.attempt;
	return api;
}

/** What the LMS does when scorm-again has accepted a call: scorm-again's own event listeners. */
function listen(host: SessionHost, s: Session, api: ScormApi): void {
	const m = s.v.m;
	api.on(m.initialize, () => {
		s.state = 'running';
		s.startedAt = Date.now();
		recordStart(host, s);
		host.announce(
			`Session ${s.id} started: the module called ${m.initialize} (entry “${s.entry}”).`
		);
	});
	api.on(`${m.setValue}.cmi.interactions.*`, (element: unknown, value: unknown) => {
		const n = /^cmi\.interactions\.(\d+)\.type$/.exec(String(element));
		// scorm-again calls listeners for refused values too: keep only what it accepted.
		if (n && String(api.lastErrorCode) === '0') s.types[n[1]] = String(value);
	});
	api.on(m.commit, () => persist(host, s, api, 'commit'));
	api.on(m.terminate, () => {
		if (host.options.fault === 'beacon-refused') {
			// As a refused sendBeacon: the module is told "true", the LMS gets nothing from this call.
			s.state = 'finished';
			endSession(host, s, 'terminated');
			host.log.addWarning(
				{
					source: 'fault',
					session: s.id,
					message: `Mock LMS: ${m.terminate}’s data was discarded, as a refused beacon: the LMS keeps what was last committed (fault=beacon-refused).`
				},
				s.id
			);
			return;
		}
		persist(host, s, api, 'finish');
		s.state = 'finished';
		masteryNote(host, s, api);
		host.announce(
			`Session ${s.id} finished: the module called ${m.terminate} and its data is stored.`
		);
	});
}

function recordStart(host: SessionHost, s: Session): void {
	const rec = loadRecord(s.pkg.slug) || newRecord(s.pkg);
	rec.attempt = s.attempt || rec.attempt;
	rec.sessions.push({
		session: s.id,
		entry: s.entry ?? '',
		startedAt: new Date().toISOString(),
		ended: null,
		exit: '',
		commits: 0
	});
	s.recordIndex = rec.sessions.length - 1;
	save(host, rec);
}

/** Stores the session's CMI, as an LMS does on Commit and on LMSFinish / Terminate. */
function persist(host: SessionHost, s: Session, api: ScormApi, why: 'commit' | 'finish'): void {
	const cmi = renderCmi(api);
	if (!cmi) return;
	const rec = loadRecord(s.pkg.slug) || newRecord(s.pkg);
	rec.cmi = cmi;
	rec.savedAt = new Date().toISOString();
	rec.savedBy = `${why === 'finish' ? s.v.m.terminate : s.v.m.commit} in session ${s.id}`;
	const mine = rec.sessions[s.recordIndex];
	if (mine) {
		mine.exit = exitOf(s.pkg.version, cmi);
		mine.commits = (mine.commits || 0) + (why === 'commit' ? 1 : 0);
		if (why === 'finish') {
			mine.ended = 'terminated';
			mine.endedAt = rec.savedAt;
			// scorm-again's total: the total_time given at launch plus the session_time reported.
			rec.totalSeconds = Number(api.renderCommitObject(true).totalTimeSeconds) || rec.totalSeconds;
		}
	}
	save(host, rec);
}

/** Ends the session in the record without its last data: the LMS keeps what was last committed. */
function endSession(host: SessionHost, s: Session, ended: 'terminated' | 'closed') {
	const rec = loadRecord(s.pkg.slug);
	const mine = rec && rec.sessions[s.recordIndex];
	if (!rec || !mine) return rec;
	mine.ended = ended;
	mine.endedAt = new Date().toISOString();
	mine.exit = exitOf(s.pkg.version, rec.cmi);
	const Api = host.apiClass(s.pkg.version);
	if (Api) rec.totalSeconds += sessionSeconds(Api, s.pkg.version, rec.cmi);
	save(host, rec);
	return rec;
}

/** The content window went away (reload, Re-launch, closed window) without LMSFinish / Terminate. */
export function closeSession(host: SessionHost, s: Session): void {
	if (s.state !== 'running') return;
	s.state = 'closed';
	const rec = endSession(host, s, 'closed');
	host.log.addError(
		{
			source: 'lms',
			session: s.id,
			message: `The module was closed without calling ${s.v.m.terminate}: the LMS keeps only what was last committed${rec && rec.savedAt ? ` (${rec.savedBy})` : ' (nothing, in this attempt)'}.`
		},
		s.id
	);
}

function masteryNote(host: SessionHost, s: Session, api: ScormApi): void {
	if (s.pkg.version !== '1.2' || host.options.masteryOverride) return;
	const cmi = renderCmi(api);
	const core = (cmi && cmi.core) || {};
	const mastery = cmi?.student_data?.mastery_score;
	if (
		core.lesson_status === 'incomplete' &&
		mastery !== '' &&
		mastery !== undefined &&
		core.score &&
		core.score.raw !== '' &&
		Number(core.score.raw) >= Number(mastery)
	) {
		warnOnce(
			host,
			s,
			'mastery',
			`lesson_status is “incomplete” but score.raw (${core.score.raw}) is at or above the mastery score (${mastery}): some SCORM 1.2 LMSs change the status to “passed” on LMSFinish. Add ?mastery=override to try it.`
		);
	}
}
