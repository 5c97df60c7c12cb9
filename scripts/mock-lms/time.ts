/**
 * SCORM time values. The total time after a session is scorm-again's own arithmetic: the API's
 * renderCommitObject(true).totalTimeSeconds (the total_time the LMS gave plus the session_time the
 * module reported, parsed with scorm-again's getTimeAsSeconds / getDurationAsSeconds). scorm-again
 * 3.4.3 declares its time utilities in its types but its builds export only the API classes, so the
 * one thing it cannot do for us, writing a number of seconds as a timespan, is timespan() below.
 */
import type { ApiConstructor, Cmi, ScormApi, Version } from './types.js';

/** Seconds as a SCORM 1.2 CMITimespan (HHHH:MM:SS.SS) or a 2004 duration (PT…H…M…S). */
export function timespan(version: Version, seconds: number): string {
	const sec = Math.max(0, seconds || 0);
	const h = Math.floor(sec / 3600);
	const m = Math.floor((sec % 3600) / 60);
	if (version === '2004') {
		const s = Math.round((sec - h * 3600 - m * 60) * 100) / 100;
		return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s}S`;
	}
	const s = sec - h * 3600 - m * 60;
	const ss = (s < 10 ? '0' : '') + s.toFixed(2);
	return `${String(h).padStart(4, '0')}:${String(m).padStart(2, '0')}:${ss.replace(/\.00$/, '')}`;
}

/** The session_time a CMI holds ('' if none). */
export function sessionTimeOf(version: Version, cmi: Cmi | null | undefined): string {
	if (!cmi) return '';
	return String((version === '1.2' ? cmi.core?.session_time : cmi.session_time) ?? '');
}

/** A quiet scorm-again API, to do its time arithmetic on stored data. */
function scratch(Api: ApiConstructor): ScormApi {
	return new Api({ logLevel: 5, autocommit: false, lmsCommitUrl: false });
}

/**
 * The seconds in a stored CMI's session_time, by scorm-again (a session that was closed, or whose
 * Terminate was discarded: the LMS counts what was last committed). 0 if there is none or it is
 * not a valid timespan.
 */
export function sessionSeconds(
	Api: ApiConstructor,
	version: Version,
	cmi: Cmi | null | undefined
): number {
	const span = sessionTimeOf(version, cmi);
	if (!span) return 0;
	try {
		const api = scratch(Api);
		api.loadFromJSON(version === '1.2' ? { core: { session_time: span } } : { session_time: span });
		return Number(api.renderCommitObject(true).totalTimeSeconds) || 0;
	} catch {
		return 0;
	}
}
