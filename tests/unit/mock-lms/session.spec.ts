/**
 * The mock LMS's logging wrapper and storage, driven as a module drives window.API /
 * window.API_1484_11, on scorm-again's own classes (jsdom: localStorage is the LMS's store).
 */
import { Scorm12API, Scorm2004API } from 'scorm-again';
import { beforeEach, describe, expect, it } from 'vitest';
import { createSession } from '../../../scripts/mock-lms/call';
import { createFaults } from '../../../scripts/mock-lms/faults';
import { createLog } from '../../../scripts/mock-lms/log';
import { readOptions } from '../../../scripts/mock-lms/options';
import { closeSession, type SessionHost } from '../../../scripts/mock-lms/session';
import { loadRecord, newRecord, saveRecord } from '../../../scripts/mock-lms/storage';
import type { ApiConstructor, PackageInfo, Version } from '../../../scripts/mock-lms/types';

function pkg(version: Version): PackageInfo {
	return {
		slug: `town-${version}`,
		title: 'Town',
		version,
		schemaVersion: version === '1.2' ? '1.2' : '2004 4th Edition',
		council: 'town',
		councilName: 'Town',
		variant: '',
		contentVersion: '1',
		launch: 'index.html',
		masteryScore: 80,
		zip: false,
		built: ''
	};
}

function host(query = ''): SessionHost & { announced: string[] } {
	const options = readOptions(query);
	const announced: string[] = [];
	const h: SessionHost & { announced: string[] } = {
		options,
		faults: createFaults(options),
		log: createLog(),
		apiClass: (v) => (v === '1.2' ? Scorm12API : Scorm2004API) as unknown as ApiConstructor,
		announce: (m) => announced.push(m),
		storageError: (message) => h.log.addError({ source: 'lms', message }, null),
		announced
	};
	return h;
}

let nextId = 1;
const start = (h: SessionHost, version: Version) => createSession(h, nextId++, pkg(version));

beforeEach(() => localStorage.clear());

describe('mock LMS session (SCORM 1.2)', () => {
	it('logs every call, and stores on Commit and LMSFinish only', () => {
		const h = host();
		const s = start(h, '1.2');
		const api = s.wrapper;
		expect(api.LMSInitialize('')).toBe('true');
		expect(s.state).toBe('running');
		expect(loadRecord('town-1.2')?.sessions).toMatchObject([{ entry: 'ab-initio', ended: null }]);
		api.LMSSetValue('cmi.core.lesson_status', 'incomplete');
		expect(loadRecord('town-1.2')?.cmi, 'nothing stored before a Commit').toBeNull();
		expect(api.LMSCommit('')).toBe('true');
		expect(loadRecord('town-1.2')?.cmi?.core.lesson_status).toBe('incomplete');
		api.LMSSetValue('cmi.core.exit', 'suspend');
		api.LMSSetValue('cmi.core.session_time', '00:02:05');
		expect(api.LMSFinish('')).toBe('true');
		const rec = loadRecord('town-1.2')!;
		expect(rec.sessions).toMatchObject([{ ended: 'terminated', exit: 'suspend', commits: 1 }]);
		expect(rec.savedBy).toBe(`LMSFinish in session ${s.id}`);
		expect(rec.totalSeconds).toBe(125);
		expect(h.log.calls.map((c) => `${c.method} ${c.element} ${c.result} ${c.error}`)).toEqual([
			'LMSInitialize  true 0',
			'LMSSetValue cmi.core.lesson_status true 0',
			'LMSCommit  true 0',
			'LMSSetValue cmi.core.exit true 0',
			'LMSSetValue cmi.core.session_time true 0',
			'LMSFinish  true 0'
		]);
		expect(h.log.errors).toEqual([]);
		expect(h.announced.at(-1)).toMatch(/finished: the module called LMSFinish/);
	});

	it('adds the session time to the total the LMS gave (scorm-again’s total time), and resumes', () => {
		const h = host();
		const first = start(h, '1.2').wrapper;
		first.LMSInitialize('');
		first.LMSSetValue('cmi.core.exit', 'suspend');
		first.LMSSetValue('cmi.core.session_time', '0000:10:00');
		first.LMSFinish('');
		const second = start(h, '1.2');
		second.wrapper.LMSInitialize('');
		expect(second.entry).toBe('resume');
		expect(second.wrapper.LMSGetValue('cmi.core.total_time')).toBe('00:10:00');
		second.wrapper.LMSSetValue('cmi.core.session_time', '00:00:30.5');
		second.wrapper.LMSFinish('');
		expect(loadRecord('town-1.2')?.totalSeconds).toBe(630.5);
	});

	it('refuses a value a strict LMS would refuse, with the code and diagnostic the module can read', () => {
		const h = host();
		const api = start(h, '1.2').wrapper;
		api.LMSInitialize('');
		api.LMSSetValue('cmi.interactions.0.id', 'q1');
		api.LMSSetValue('cmi.interactions.0.type', 'choice');
		expect(api.LMSSetValue('cmi.interactions.0.student_response', 'ab')).toBe('false');
		expect(api.LMSGetLastError()).toBe('405');
		expect(api.LMSGetDiagnostic('')).toMatch(/not a SCORM 1\.2 choice response/);
		expect(h.log.calls.find((c) => c.result === 'false')).toMatchObject({
			strict: true,
			error: '405'
		});
		expect(h.log.errors).toHaveLength(1);
		expect(h.log.errors[0]).toMatchObject({
			source: 'api',
			code: '405',
			element: 'cmi.interactions.0.student_response'
		});
		// The next good call clears the error.
		expect(api.LMSSetValue('cmi.interactions.0.student_response', 'b')).toBe('true');
		expect(api.LMSGetLastError()).toBe('0');
	});

	it('takes interaction types from what scorm-again accepted (its SetValue listener), not from refused values', () => {
		const h = host();
		const api = start(h, '1.2').wrapper;
		api.LMSInitialize('');
		api.LMSSetValue('cmi.interactions.0.id', 'q1');
		expect(api.LMSSetValue('cmi.interactions.0.type', 'choice')).toBe('true');
		expect(api.LMSSetValue('cmi.interactions.0.type', 'bogus')).toBe('false');
		// Still a choice interaction for the LMS: "ab" is not a 1.2 choice response.
		expect(api.LMSSetValue('cmi.interactions.0.student_response', 'ab')).toBe('false');
		expect(api.LMSGetDiagnostic('')).toMatch(/choice response/);
		api.LMSSetValue('cmi.interactions.1.id', 'q2');
		api.LMSSetValue('cmi.interactions.1.type', 'true-false');
		expect(api.LMSSetValue('cmi.interactions.1.student_response', 'yes')).toBe('false');
	});

	it('counts a GetValue of an element not set yet (403) as a note, not an error', () => {
		const h = host();
		const api = start(h, '2004').wrapper;
		api.Initialize('');
		expect(api.GetValue('cmi.location')).toBe('');
		expect(api.GetLastError()).toBe('403');
		expect(h.log.errors).toEqual([]);
		expect(h.log.notes).toHaveLength(1);
		expect(h.log.calls.find((c) => c.method === 'GetValue')?.noted).toBe(true);
	});

	it('with a fault, logs the simulated failure and an exception the module sees', () => {
		const h = host('?fault=throws&n=1');
		const api = start(h, '1.2').wrapper;
		api.LMSInitialize('');
		api.LMSSetValue('cmi.core.lesson_location', 'a');
		api.LMSSetValue('cmi.core.lesson_location', 'b');
		expect(() => api.LMSSetValue('cmi.core.lesson_location', 'c')).toThrow(/every third one/);
		expect(api.LMSGetLastError()).toBe('101');
		expect(h.log.errors).toMatchObject([{ source: 'fault', code: '101', method: 'LMSSetValue' }]);
		expect(h.log.calls.at(-2)).toMatchObject({ result: '(threw an exception)', injected: true });
	});

	it('Initialise refused (fault=init-false) leaves the session refused and stores nothing', () => {
		const h = host('?fault=init-false');
		const s = start(h, '1.2');
		expect(s.wrapper.LMSInitialize('')).toBe('false');
		expect(s.state).toBe('refused');
		expect(s.wrapper.LMSGetLastError()).toBe('101');
		expect(loadRecord('town-1.2')).toBeNull();
	});
});

describe('mock LMS session (SCORM 2004)', () => {
	it('a module closed without Terminate keeps what it last committed, and counts its session time', () => {
		const h = host();
		const rec = newRecord(pkg('2004'));
		rec.totalSeconds = 600;
		saveRecord(rec);
		const s = start(h, '2004');
		s.wrapper.Initialize('');
		s.wrapper.SetValue('cmi.location', 'step-2');
		s.wrapper.SetValue('cmi.session_time', 'PT1M');
		s.wrapper.Commit('');
		s.wrapper.SetValue('cmi.location', 'step-3');
		closeSession(h, s);
		const kept = loadRecord('town-2004')!;
		expect(s.state).toBe('closed');
		expect(kept.cmi?.location).toBe('step-2');
		expect(kept.sessions).toMatchObject([{ ended: 'closed', commits: 1 }]);
		expect(kept.totalSeconds).toBe(660);
		expect(h.log.errors.at(-1)?.message).toMatch(
			/closed without calling Terminate: .*\(Commit in session/
		);
	});

	it('fault=beacon-refused: Terminate says true, the LMS keeps the last Commit', () => {
		const h = host('?fault=beacon-refused');
		const s = start(h, '2004');
		const api = s.wrapper;
		api.Initialize('');
		api.SetValue('cmi.session_time', 'PT30S');
		api.SetValue('cmi.completion_status', 'incomplete');
		api.Commit('');
		api.SetValue('cmi.completion_status', 'completed');
		expect(api.Terminate('')).toBe('true');
		const kept = loadRecord('town-2004')!;
		expect(kept.cmi?.completion_status).toBe('incomplete');
		expect(kept.sessions).toMatchObject([{ ended: 'terminated' }]);
		expect(kept.totalSeconds).toBe(30);
		expect(h.log.warnings.at(-1)?.message).toMatch(/refused beacon/);
	});

	it('an outage refuses SetValue and Commit with 351 and 391 until it ends', () => {
		const h = host();
		const api = start(h, '2004').wrapper;
		api.Initialize('');
		h.faults.setOutage(true);
		expect(api.SetValue('cmi.location', 'x')).toBe('false');
		expect(api.GetLastError()).toBe('351');
		expect(api.Commit('')).toBe('false');
		expect(api.GetLastError()).toBe('391');
		expect(loadRecord('town-2004')?.cmi).toBeNull();
		h.faults.setOutage(false);
		expect(api.SetValue('cmi.location', 'x')).toBe('true');
		expect(api.Commit('')).toBe('true');
		expect(loadRecord('town-2004')?.cmi?.location).toBe('x');
	});
});
