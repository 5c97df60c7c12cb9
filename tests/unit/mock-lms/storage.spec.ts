import { beforeEach, describe, expect, it } from 'vitest';
import {
	clearModuleStorage,
	launchData,
	loadRecord,
	newRecord,
	saveRecord,
	storageKey
} from '../../../scripts/mock-lms/storage';
import type { StoredRecord, Version } from '../../../scripts/mock-lms/types';

const learner = { id: 'L-7', name: 'Patel, Sam' };
const opts = { moodleLike: false, newAttemptWhenFinished: false, learner };
const pkg = (version: Version, masteryScore: number | null = 80) => ({
	slug: `town-${version}`,
	version,
	masteryScore
});

function record(version: Version, exit: string, ended: 'terminated' | 'closed', cmi: object) {
	const rec: StoredRecord = newRecord(pkg(version));
	rec.totalSeconds = 90;
	rec.sessions.push({ session: 1, entry: 'ab-initio', startedAt: '', ended, exit, commits: 1 });
	rec.cmi = cmi;
	return rec;
}

describe('mock LMS launch data', () => {
	it('a first launch is ab-initio with the learner, mastery score and zero total time', () => {
		const d = launchData(null, pkg('1.2'), opts);
		expect(d.entry).toBe('ab-initio');
		expect(d.why).toBe('first launch');
		expect(d.cmi.core).toMatchObject({
			entry: 'ab-initio',
			student_id: 'L-7',
			student_name: 'Patel, Sam',
			lesson_status: 'not attempted',
			total_time: '0000:00:00',
			credit: 'credit',
			lesson_mode: 'normal'
		});
		expect(d.cmi.student_data.mastery_score).toBe('80');
		const d2004 = launchData(null, pkg('2004'), opts);
		expect(d2004.cmi).toMatchObject({
			entry: 'ab-initio',
			learner_id: 'L-7',
			scaled_passing_score: '0.8',
			total_time: 'PT0S'
		});
	});

	it('resumes after exit "suspend", giving the data back without exit and session_time', () => {
		const stored = record('1.2', 'suspend', 'terminated', {
			core: {
				lesson_status: 'incomplete',
				exit: 'suspend',
				session_time: '00:01:30',
				lesson_location: 'home'
			},
			suspend_data: 'abc'
		});
		const d = launchData(stored, pkg('1.2'), opts);
		expect(d.entry).toBe('resume');
		expect(d.cmi.suspend_data).toBe('abc');
		expect(d.cmi.core.lesson_location).toBe('home');
		expect(d.cmi.core.exit).toBeUndefined();
		expect(d.cmi.core.session_time).toBeUndefined();
		expect(d.cmi.core.total_time).toBe('0000:01:30');
		expect(d.newAttempt).toBe(false);
	});

	it('SCORM 1.2: after any other exit the entry is "" and the data stays', () => {
		const stored = record('1.2', '', 'closed', {
			core: { lesson_status: 'incomplete' },
			suspend_data: 'abc'
		});
		const d = launchData(stored, pkg('1.2'), opts);
		expect(d.entry).toBe('');
		expect(d.why).toMatch(/closed without LMSFinish/);
		expect(d.cmi.suspend_data).toBe('abc');
	});

	it('SCORM 2004: Terminate without "suspend" ends the attempt; the next starts empty', () => {
		const stored = record('2004', 'normal', 'terminated', {
			completion_status: 'completed',
			suspend_data: 'abc'
		});
		const d = launchData(stored, pkg('2004'), opts);
		expect(d.entry).toBe('ab-initio');
		expect(d.newAttempt).toBe(true);
		expect(d.rec).toMatchObject({ attempt: 2, sessions: [], totalSeconds: 0, cmi: null });
		expect(d.cmi.suspend_data).toBeUndefined();
		expect(d.warning).toMatch(/^New attempt: .*attempt 2 starts with no data\.$/);
		// The stored record itself is not changed by working this out.
		expect(stored.attempt).toBe(1);
	});

	it('?lms=moodle (2004): the attempt goes on without suspend_data and location, status kept', () => {
		const stored = record('2004', 'normal', 'terminated', {
			completion_status: 'incomplete',
			location: 'home',
			suspend_data: 'abc'
		});
		const d = launchData(stored, pkg('2004'), { ...opts, moodleLike: true });
		expect(d.entry).toBe('ab-initio');
		expect(d.newAttempt).toBe(false);
		expect(d.cmi).toMatchObject({ completion_status: 'incomplete' });
		expect(d.cmi.location).toBeUndefined();
		expect(d.cmi.suspend_data).toBeUndefined();
		expect(d.warning).toMatch(/^Moodle-like/);
	});

	it('?newattempt=completed replaces a finished attempt, even after "suspend"', () => {
		const stored = record('1.2', 'suspend', 'terminated', {
			core: { lesson_status: 'passed' },
			suspend_data: 'abc'
		});
		const d = launchData(stored, pkg('1.2'), { ...opts, newAttemptWhenFinished: true });
		expect(d.newAttempt).toBe(true);
		expect(d.rec.attempt).toBe(2);
		expect(d.cmi.core.lesson_status).toBe('not attempted');
		const unfinished = record('1.2', 'suspend', 'terminated', {
			core: { lesson_status: 'incomplete' }
		});
		expect(
			launchData(unfinished, pkg('1.2'), { ...opts, newAttemptWhenFinished: true }).entry
		).toBe('resume');
	});
});

describe('mock LMS storage', () => {
	beforeEach(() => localStorage.clear());

	it('keeps one record per package under mockLms:v1:<slug>, and ignores other versions of the format', () => {
		const rec = newRecord(pkg('1.2'));
		expect(saveRecord(rec)).toBeNull();
		expect(loadRecord('town-1.2')).toEqual(rec);
		localStorage.setItem(storageKey('old'), JSON.stringify({ v: 0, slug: 'old' }));
		localStorage.setItem(storageKey('broken'), '{');
		expect(loadRecord('old')).toBeNull();
		expect(loadRecord('broken')).toBeNull();
	});

	it("clears the module's own copy but never the LMS's records", () => {
		saveRecord(newRecord(pkg('1.2')));
		localStorage.setItem('conduct:progress', 'x');
		sessionStorage.setItem('s', 'y');
		expect(clearModuleStorage()).toBe(1);
		expect(localStorage.getItem('conduct:progress')).toBeNull();
		expect(sessionStorage.length).toBe(0);
		expect(loadRecord('town-1.2')).not.toBeNull();
	});
});
