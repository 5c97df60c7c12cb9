/**
 * The logging wrapper: the object the module calls as window.API / window.API_1484_11. Every call
 * is logged; a simulated fault or a strict rule may refuse it; otherwise scorm-again answers.
 */
import { busyWait } from './faults.js';
import { prepareApi, warnOnce, type ApiObject, type Session, type SessionHost } from './session.js';
import { strictCheck } from './strict.js';
import type { CallRecord, MethodKind, PackageInfo, Problem, ScormApi } from './types.js';
import { isErrorKind, METHOD_KINDS, VERSIONS } from './versions.js';

type Method = (...args: unknown[]) => unknown;
const call = (api: ScormApi, name: string, args: unknown[]): unknown =>
	(api as unknown as Record<string, Method>)[name].apply(api, args);

export function createSession(host: SessionHost, id: number, pkg: PackageInfo): Session {
	const v = VERSIONS[pkg.version];
	const wrapper: ApiObject = {};
	const s: Session = {
		id,
		pkg,
		v,
		api: null,
		state: 'waiting',
		entry: null,
		entryWhy: '',
		attempt: null,
		injected: null,
		diagnostic: '',
		types: {},
		warned: {},
		startedAt: null,
		recordIndex: -1,
		wrapper
	};
	for (const kind of METHOD_KINDS) {
		const name = v.m[kind];
		wrapper[name] = (...args: unknown[]) => apiCall(host, s, kind, name, args);
	}
	return s;
}

const str = (a: unknown): string => String(a === undefined ? '' : a);

/** GetLastError, GetErrorString, GetDiagnostic: a refused call's code and diagnostic, else scorm-again's. */
function errorCall(
	s: Session,
	api: ScormApi,
	kind: MethodKind,
	name: string,
	args: unknown[]
): string {
	if (kind === 'getLastError')
		return s.injected !== null ? s.injected : String(call(api, name, []));
	if (kind === 'getDiagnostic' && s.injected !== null && s.diagnostic) {
		const code = args[0] === undefined || args[0] === null ? '' : String(args[0]);
		if (code === '' || code === s.injected) return s.diagnostic.slice(0, 255);
	}
	return String(call(api, name, args));
}

export function apiCall(
	host: SessionHost,
	s: Session,
	kind: MethodKind,
	name: string,
	args: unknown[]
): string {
	const { log, options, faults } = host;
	const isErrorCall = isErrorKind(kind);
	if (options.fault === 'slow' && !isErrorCall) busyWait(options.delayMs);
	const rec: CallRecord = {
		n: log.calls.length + 1,
		t: log.elapsed(),
		session: s.id,
		method: name,
		element:
			kind === 'getValue' ||
			kind === 'setValue' ||
			kind === 'getErrorString' ||
			kind === 'getDiagnostic'
				? str(args[0])
				: '',
		value:
			kind === 'setValue'
				? args[1] === undefined
					? ''
					: args[1]
				: kind === 'initialize' || kind === 'terminate' || kind === 'commit'
					? str(args[0])
					: undefined,
		result: '',
		error: ''
	};
	let api: ScormApi;
	try {
		api = s.api || prepareApi(host, s);
	} catch (e) {
		rec.result = 'false';
		rec.error = '101';
		rec.threw = String((e as Error)?.message);
		log.addCall(rec);
		log.addError(
			{
				source: 'lms',
				session: s.id,
				method: name,
				message: `The mock LMS could not set up the API: ${rec.threw}`
			},
			s.id
		);
		return 'false';
	}

	let result: string;
	const inj = isErrorCall ? null : faults.inject(kind, s.v.codes);
	if (inj?.throws) {
		s.injected = inj.code;
		s.diagnostic = inj.message;
		rec.result = '(threw an exception)';
		rec.error = inj.code;
		rec.injected = true;
		rec.threw = inj.message;
		log.addCall(rec);
		log.addError(
			{
				source: 'fault',
				session: s.id,
				method: name,
				element: rec.element,
				value: rec.value,
				code: inj.code,
				message: inj.message
			},
			s.id
		);
		throw new Error(inj.message);
	}
	if (inj) {
		result = inj.result ?? 'false';
		s.injected = inj.code;
		s.diagnostic = inj.message;
		rec.injected = true;
	} else if (isErrorCall) {
		try {
			result = errorCall(s, api, kind, name, args);
		} catch {
			result = '';
		}
	} else {
		s.injected = null;
		s.diagnostic = '';
		const refused =
			kind === 'setValue'
				? strictCheck(
						{
							version: s.pkg.version,
							codes: s.v.codes,
							interactionType: (n) => s.types[n],
							warnOnce: (key, message, element) => warnOnce(host, s, key, message, element)
						},
						args[0],
						args[1]
					)
				: null;
		// scorm-again silently drops a value that is not a string (SetValue still says "true");
		// LMSs convert it, so do that (strictCheck has warned).
		if (
			kind === 'setValue' &&
			!refused &&
			args[1] !== undefined &&
			args[1] !== null &&
			typeof args[1] !== 'string'
		)
			args = [args[0], String(args[1])];
		if (refused) {
			result = 'false';
			s.injected = refused.code;
			s.diagnostic = refused.message;
			rec.strict = true;
		} else {
			try {
				result = String(call(api, name, args));
			} catch (e) {
				result = 'false';
				s.injected = s.v.codes.exception;
				s.diagnostic = `scorm-again threw: ${(e as Error)?.message}`;
			}
		}
	}
	rec.result = result;
	if (!isErrorCall) {
		rec.error = s.injected !== null ? s.injected : String(api.lastErrorCode || '0');
		if (kind === 'initialize' && result !== 'true' && options.fault === 'init-false')
			s.state = 'refused';
		if (rec.error !== '0') problem(host, s, api, kind, rec);
	}
	log.addCall(rec);
	return result;
}

/** A call that returned an error code is an error, but GetValue's 403 (not set yet) is a note. */
function problem(
	host: SessionHost,
	s: Session,
	api: ScormApi,
	kind: MethodKind,
	rec: CallRecord
): void {
	let basic: string;
	try {
		basic = String(call(api, s.v.m.getErrorString, [rec.error]));
	} catch {
		basic = '';
	}
	const p: Problem = {
		source: rec.injected ? 'fault' : 'api',
		session: s.id,
		call: rec.n,
		method: rec.method,
		element: rec.element,
		value: rec.value,
		code: rec.error,
		message: basic + (s.diagnostic ? `: ${s.diagnostic}` : '')
	};
	if (kind === 'getValue' && rec.error === '403') {
		// Spec behaviour for an element not set yet (a module checking for saved data): a note, not a problem.
		p.message = basic;
		host.log.addNote(p);
		rec.noted = true;
	} else {
		host.log.addError(p, s.id);
	}
}
