import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connect } from './connection.js';
import { scorm12 } from './scorm12.js';
import { scorm2004 } from './scorm2004.js';
import { createStatus } from './status.js';
import { fakeApi } from '../../../tests/helpers/lms.js';
import type { TrackerStatus } from './types.js';

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
	warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

function setup(version: '1.2' | '2004', answers = {}) {
	const api = fakeApi(version, answers);
	const hub = createStatus();
	const seen: TrackerStatus[] = [];
	hub.on((s) => seen.push(s));
	const conn = connect(api, version === '1.2' ? scorm12 : scorm2004, hub);
	const calls = (name: string) => api.log.filter((c) => c[0] === name);
	return { api, conn, seen, calls };
}

describe('connection', () => {
	it('initialises once and skips writes of values the LMS already holds', () => {
		const { api, conn, calls } = setup('1.2');
		api.data.set('cmi.core.lesson_status', 'incomplete');
		expect(conn.open()).toBe(true);
		expect(conn.open()).toBe(true);
		expect(calls('LMSInitialize')).toHaveLength(1);
		expect(conn.get('cmi.core.lesson_status')).toBe('incomplete');
		conn.set('cmi.core.lesson_status', 'incomplete');
		conn.set('cmi.suspend_data', 'a');
		conn.set('cmi.suspend_data', 'a');
		expect(calls('LMSSetValue')).toEqual([['LMSSetValue', 'cmi.suspend_data', 'a']]);
		expect(conn.commit()).toBe(true);
		expect(conn.commit()).toBe(true);
		expect(calls('LMSCommit')).toHaveLength(1);
	});

	it('reports one problem, queues the latest value per element in order, resends, then says ok', () => {
		let down = true;
		const { api, conn, seen, calls } = setup('2004', {
			SetValue: (el: string, v: string) => (down ? 'false' : (api.data.set(el, v), 'true')),
			GetLastError: () => (down ? '351' : '0')
		});
		conn.open();
		conn.set('cmi.suspend_data', 'one');
		conn.set('cmi.location', 'x');
		conn.set('cmi.suspend_data', 'two');
		expect(seen.map((s) => s.kind)).toEqual(['lms-error']);
		expect(seen[0].message).toMatch(/^We could not save your progress/);
		expect(calls('SetValue')).toHaveLength(1); // the rest wait in the queue
		expect(warn).toHaveBeenCalledWith(
			expect.stringContaining('SetValue(cmi.suspend_data) failed: error 351')
		);

		expect(conn.commit()).toBe(false); // still down: one try, no Commit
		expect(calls('SetValue')).toHaveLength(2);
		expect(calls('Commit')).toHaveLength(0);
		expect(seen).toHaveLength(1);

		down = false;
		expect(conn.commit()).toBe(true);
		expect(calls('SetValue').slice(2)).toEqual([
			['SetValue', 'cmi.suspend_data', 'two'],
			['SetValue', 'cmi.location', 'x']
		]);
		expect(calls('Commit')).toHaveLength(1);
		expect(seen.map((s) => s.kind)).toEqual(['lms-error', 'ok']);
	});

	it('treats a failed Commit as a problem and retries it next time', () => {
		let ok = false;
		const { conn, seen, calls } = setup('1.2', {
			LMSCommit: () => String(ok),
			LMSGetLastError: () => '101'
		});
		conn.open();
		conn.set('cmi.suspend_data', 'a');
		expect(conn.commit()).toBe(false);
		ok = true;
		expect(conn.commit()).toBe(true);
		expect(calls('LMSCommit')).toHaveLength(2);
		expect(seen.map((s) => s.kind)).toEqual(['lms-error', 'ok']);
	});

	/** An LMS that refuses every SetValue with this error code, opened. */
	const refusing = (version: '1.2' | '2004', code: string) => {
		const prefix = version === '1.2' ? 'LMS' : '';
		const s = setup(version, {
			[`${prefix}SetValue`]: () => 'false',
			[`${prefix}GetLastError`]: () => code
		});
		s.conn.open();
		return s;
	};

	it('leaves an element the LMS lacks alone, without telling the learner', () => {
		const { conn, seen, calls } = refusing('1.2', '401');
		conn.set('cmi.student_preference.text', '1');
		conn.set('cmi.student_preference.text', '2');
		expect(calls('LMSSetValue')).toHaveLength(1);
		expect(seen).toEqual([]);
		expect(conn.commit()).toBe(true);
	});

	it('does not retry a refused value', () => {
		const { conn, seen, calls } = refusing('2004', '406');
		conn.set('cmi.session_time', 'PT10');
		expect(seen.map((s) => s.kind)).toEqual(['lms-error']);
		conn.commit();
		expect(calls('SetValue')).toHaveLength(1);
	});

	it('gets the queue and the Commit through an LMS that throws on every third SetValue', () => {
		let n = 0;
		const { api, conn, seen, calls } = setup('1.2', {
			LMSSetValue: (el: string, v: string) => {
				if (++n % 3 === 0) throw new Error('LMS hiccup');
				api.data.set(el, v);
				return 'true';
			},
			LMSGetLastError: () => '101'
		});
		conn.open();
		for (let i = 0; i < 12; i++) conn.set(`cmi.interactions.${i}.id`, `d${i}`);
		expect(conn.commit()).toBe(true);
		expect(calls('LMSCommit')).toHaveLength(1);
		for (let i = 0; i < 12; i++) expect(api.data.get(`cmi.interactions.${i}.id`)).toBe(`d${i}`);
		// In order: each failed write was tried again at once, before the next element.
		const order = calls('LMSSetValue').map((c) => c[1]);
		expect(order.filter((el, i) => el !== order[i - 1])).toEqual(
			Array.from({ length: 12 }, (_, i) => `cmi.interactions.${i}.id`)
		);
		expect(seen.map((s) => s.kind)).toEqual(['lms-error', 'ok']);
	});

	it('finish tries a failed write twice even with nothing through yet (its last chance)', () => {
		let n = 0;
		const { api, conn, calls } = setup('2004', {
			SetValue: (el: string, v: string) =>
				++n === 2 || n === 3 ? 'false' : (api.data.set(el, v), 'true'),
			GetLastError: () => (n === 2 || n === 3 ? '351' : '0')
		});
		conn.open();
		conn.set('cmi.location', 'a'); // call 1: fine
		conn.set('cmi.suspend_data', 'x'); // call 2: fails, queued
		expect(conn.finish()).toBe(true); // call 3 fails too; call 4 gets it through
		expect(calls('SetValue')).toHaveLength(4);
		expect(api.data.get('cmi.suspend_data')).toBe('x');
	});

	it('gives up on a write that keeps failing while the LMS takes others, so it cannot block the rest for ever', () => {
		const { conn, calls } = setup('1.2', {
			LMSSetValue: (el: string) => (el === 'cmi.suspend_data' ? 'false' : 'true'),
			LMSGetLastError: () => '101'
		});
		conn.open();
		conn.set('cmi.core.exit', 'suspend');
		conn.set('cmi.suspend_data', 'a');
		for (let i = 0; i < 12; i++) {
			conn.set('cmi.core.lesson_location', `l${i}`);
			conn.commit();
		}
		const tries = calls('LMSSetValue').filter((c) => c[1] === 'cmi.suspend_data');
		expect(tries).toHaveLength(1 + 10); // the first write, then MAX_TRIES failures while the LMS took others
		expect(conn.commit()).toBe(true);
		expect(calls('LMSSetValue').at(-1)).toEqual(['LMSSetValue', 'cmi.core.lesson_location', 'l11']);
	});

	it('never gives up a write while the LMS is down, however long: it arrives when the LMS is back', () => {
		let down = true;
		const { conn, calls } = setup('1.2', {
			LMSSetValue: () => (down ? 'false' : 'true'),
			LMSGetLastError: () => (down ? '101' : '0')
		});
		conn.open();
		conn.set('cmi.suspend_data', 'a');
		for (let i = 0; i < 30; i++) expect(conn.commit()).toBe(false);
		down = false;
		expect(conn.commit()).toBe(true);
		expect(calls('LMSSetValue').at(-1)).toEqual(['LMSSetValue', 'cmi.suspend_data', 'a']);
		expect(calls('LMSCommit')).toHaveLength(1);
	});

	it('a GetValue that throws is asked again, not read as empty', () => {
		let n = 0;
		const { conn } = setup('2004', {
			GetValue: () => {
				if (++n % 2) throw new Error('flaky');
				return 'saved-progress';
			}
		});
		conn.open();
		expect(conn.get('cmi.suspend_data')).toBe('saved-progress');
	});

	it('never lets an exception out, even from GetLastError', () => {
		const boom = () => {
			throw new Error('LMS exploded');
		};
		const { conn, seen } = setup('2004', {
			GetValue: boom,
			SetValue: boom,
			Commit: boom,
			Terminate: boom,
			GetLastError: boom,
			GetErrorString: boom
		});
		expect(conn.open()).toBe(true);
		expect(conn.get('cmi.entry')).toBe('');
		expect(() => conn.set('cmi.suspend_data', 'x')).not.toThrow();
		expect(conn.commit()).toBe(false);
		expect(conn.finish()).toBe(false);
		expect(seen.map((s) => s.kind)).toEqual(['lms-error']);
	});

	it('reads the error code when the LMS returns something odd (null, undefined)', () => {
		let code = '391';
		const { conn, seen } = setup('2004', { Commit: () => null, GetLastError: () => code });
		conn.open();
		conn.set('cmi.location', 'a');
		expect(conn.commit()).toBe(false);
		code = '0';
		expect(conn.commit()).toBe(true);
		expect(seen.map((s) => s.kind)).toEqual(['lms-error', 'ok']);
	});

	it('returns false when Initialize fails, and then calls nothing else', () => {
		const { conn, calls, api } = setup('1.2', {
			LMSInitialize: () => false,
			LMSGetLastError: () => '101'
		});
		expect(conn.open()).toBe(false);
		conn.set('cmi.suspend_data', 'a');
		expect(conn.get('cmi.core.entry')).toBe('');
		conn.commit();
		conn.finish();
		expect(api.log.map((c) => c[0])).toEqual([
			'LMSInitialize',
			'LMSGetLastError',
			'LMSGetErrorString',
			'LMSGetDiagnostic'
		]);
		expect(calls('LMSFinish')).toHaveLength(0);
	});

	it('carries on when a 2004 LMS says it is already initialised (103)', () => {
		const { conn } = setup('2004', { Initialize: () => 'false', GetLastError: () => '103' });
		expect(conn.open()).toBe(true);
	});

	it('1.2 finish: queued writes, LMSCommit, LMSFinish — once', () => {
		const { api, conn } = setup('1.2');
		conn.open();
		conn.set('cmi.core.exit', 'suspend');
		expect(conn.finish()).toBe(true);
		conn.finish();
		conn.set('cmi.core.exit', '');
		expect(api.log.map((c) => c[0])).toEqual([
			'LMSInitialize',
			'LMSSetValue',
			'LMSCommit',
			'LMSFinish'
		]);
	});

	it('2004 finish: no Commit right before Terminate', () => {
		const { api, conn } = setup('2004');
		conn.open();
		conn.set('cmi.exit', 'suspend');
		expect(conn.finish()).toBe(true);
		expect(api.log.map((c) => c[0])).toEqual(['Initialize', 'SetValue', 'Terminate']);
	});
});
