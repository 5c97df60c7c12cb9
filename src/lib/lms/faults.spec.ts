// What the learner and the LMS see when the LMS misbehaves (scorm-again as the LMS).
import { describe, expect, it, vi } from 'vitest';
import { createLocalTracker } from './local.js';
import { MESSAGES } from './status.js';
import { learnerKey, unknownKeys } from './storage.js';
import {
	decision,
	mirror,
	NAMES_12,
	objectives,
	options,
	progress,
	scormAgain,
	scormSpec,
	scormTracker,
	snapshot,
	statusesOf
} from '../../../tests/helpers/lms.js';

const { lms, track: track12 } = scormSpec('1.2');
const lms12 = (json: Record<string, unknown> = {}) => lms(json).api;
/** A copy from before copies had a key per learner (under the course's key), naming u1. */
const legacyCopy = () =>
	localStorage.setItem(
		options().storageKey,
		JSON.stringify({
			v: 1,
			learner: 'u1',
			unsynced: true,
			base: 'old',
			progress: progress({ suspendData: 'mine' })
		})
	);

describe('LMS faults', () => {
	it('SetValue returns false: one message, progress kept in the browser, resent after recovery', () => {
		const { api, calls } = lms();
		const t = track12(api);
		const seen = statusesOf(t);
		t.start();
		t.declareObjectives(objectives());

		const realSet = api.LMSSetValue;
		let tries = 0;
		api.LMSSetValue = () => (tries++, 'false');
		for (let i = 1; i <= 3; i++) {
			t.recordDecision(decision(i, true));
			t.saveProgress(progress({ suspendData: `s${i}`, score: 33 * i }));
			t.commit();
		}
		expect(seen).toEqual([
			{ kind: 'lms-error', message: expect.stringMatching(/^We could not save your progress/) }
		]);
		expect(mirror()).toMatchObject({
			unsynced: true,
			learner: 'u1',
			progress: { suspendData: 's3' }
		});
		expect(snapshot(api).suspend_data).toBe('');
		expect(tries).toBeLessThanOrEqual(7); // while down, per commit one try and one look at whether the LMS is up, not one per element

		api.LMSSetValue = realSet;
		t.commit();
		expect(seen.map((s) => s.kind)).toEqual(['lms-error', 'ok']);
		const cmi = snapshot(api);
		expect(cmi.suspend_data).toBe('s3');
		expect(Object.values(cmi.interactions).map((i) => (i as { id: string }).id)).toEqual([
			'leak.step-1',
			'leak.step-2',
			'leak.step-3'
		]);
		expect(mirror().unsynced).toBe(false);
		t.finish();
		expect(calls.filter((c) => c.fn !== 'LMSSetValue' && c.code !== '0')).toEqual([]);
	});

	it('an API that throws on every call never throws to the caller', () => {
		const api = lms12();
		const t = track12(api);
		for (const name of [...NAMES_12, 'LMSGetErrorString', 'LMSGetDiagnostic'])
			(api as unknown as Record<string, unknown>)[name] = () => {
				throw new Error(`${name} broke`);
			};
		expect(() => {
			const launch = t.start();
			expect(launch.kind).toBe('scorm12');
			t.declareObjectives(objectives());
			t.recordDecision(decision(1, false));
			t.updateObjectives(objectives([0, null, null]));
			t.saveProgress(progress({ complete: true, passed: false }));
			t.commit();
			t.finish();
			t.finish();
		}).not.toThrow();
		// The LMS could not say who the learner is: the progress is kept in a copy whose owner is unknown.
		const keys = unknownKeys(window, 'conduct-test');
		expect(keys).toHaveLength(1);
		expect(JSON.parse(localStorage.getItem(keys[0])!).progress.complete).toBe(true);
		expect(localStorage.getItem(learnerKey('conduct-test', 'u1'))).toBeNull();
	});

	it('bad records from the caller do not throw either', () => {
		const t = scormTracker('2004', scormAgain('2004'));
		expect(() => {
			t.recordDecision({ id: 'x' } as never);
			t.updateObjectives([{ id: 'y' }] as never);
			t.saveProgress({} as never);
		}).not.toThrow();
	});

	it('commit lost before closing: the next launch in this browser sends the saved copy', () => {
		const first = lms12({ suspend_data: 'old' });
		first.LMSCommit = () => 'false';
		first.LMSFinish = () => 'false';
		const a = track12(first);
		expect(a.start().suspendData).toBe('old');
		a.saveProgress(progress({ suspendData: 'newer' }));
		a.commit();
		a.finish();
		expect(mirror()).toMatchObject({
			unsynced: true,
			base: 'old',
			progress: { suspendData: 'newer' }
		});

		// The LMS never stored 'newer'; relaunch with what it has.
		const second = lms12({ suspend_data: 'old', core: { student_id: 'u1', entry: 'resume' } });
		const b = track12(second);
		expect(b.start()).toMatchObject({ suspendData: 'newer', resumed: true });
		expect(snapshot(second).suspend_data).toBe('newer');
		expect(mirror().unsynced).toBe(false);
	});

	it('a whole session without the LMS (Initialize refused): its copy is never loaded for anyone, and sent only when the learner says it is theirs', () => {
		// Session 1 is fine: learner u1's copy matches the LMS.
		const good = lms12({ suspend_data: 'start' });
		const a = track12(good);
		a.start();
		a.recordDecision(decision(1, true));
		a.saveProgress(progress({ suspendData: 'after-1' }));
		a.commit();
		a.finish();
		const held = snapshot(good);
		expect(held.suspend_data).toBe('after-1');
		// Session 2: the LMS refuses Initialize, so no one knows who is at this (shared) computer:
		// the session starts empty, not from u1's copy, and keeps decisions 2 and 3 in its own copy.
		const offline = createLocalTracker(window, options(), undefined, 'unknown');
		expect(offline.start().suspendData).toBe('');
		offline.recordDecision(decision(2, false));
		offline.recordDecision(decision(3, true));
		offline.saveProgress(progress({ suspendData: 'after-3' }));
		// Another learner, u2, launches next: asked, says no; nothing reaches u2's record.
		const other = lms12({ core: { student_id: 'u2' } });
		const b = track12(other);
		expect(b.start()).toMatchObject({ suspendData: '', unclaimed: { suspendData: 'after-3' } });
		b.claim!(false);
		b.commit();
		expect(snapshot(other).suspend_data).toBe('');
		expect(snapshot(other).interactions).toEqual({});
		expect(track12(lms12({ core: { student_id: 'u2' } })).start().unclaimed).toBeUndefined();
		// u1 launches: the LMS still holds session 1; the copy is offered, not sent, until u1 says it is theirs.
		const third = lms12({
			suspend_data: 'after-1',
			core: { student_id: 'u1', entry: 'resume' },
			interactions: held.interactions
		});
		const c = track12(third);
		expect(c.start()).toMatchObject({
			suspendData: 'after-1',
			unclaimed: { suspendData: 'after-3' }
		});
		expect(snapshot(third).suspend_data).toBe('after-1');
		c.claim!(true);
		c.saveProgress(progress({ suspendData: 'after-1+after-3' })); // (the player merges the two)
		c.commit();
		const now = snapshot(third);
		expect(now.suspend_data).toBe('after-1+after-3');
		expect(
			Object.values(
				now.interactions as Record<string, { id: string; student_response: string }>
			).map((i) => [i.id, i.student_response])
		).toEqual([
			['leak.step-1', 'b'],
			['leak.step-2', 'c'],
			['leak.step-3', 'b']
		]);
		expect(mirror().unsynced).toBe(false);
		expect(unknownKeys(window, 'conduct-test'), 'the claimed copy is gone').toEqual([]);
	});

	it('a copy from before copies had a key per learner is used only by the learner it names', () => {
		legacyCopy();
		// With no LMS it is not loaded (and not overwritten: it moves to u1's own key).
		const local = createLocalTracker(window, options());
		expect(local.start().suspendData).toBe('');
		local.saveProgress(progress({ suspendData: 'someone-at-this-computer' }));
		expect(
			track12(lms12({ suspend_data: 'old', core: { student_id: 'u1' } })).start().suspendData
		).toBe('mine');
	});

	it('the saved copy is ignored for another learner, or when the LMS has moved on', () => {
		legacyCopy();
		const other = lms12({ suspend_data: 'old', core: { student_id: 'u2' } });
		expect(track12(other).start().suspendData).toBe('old');
		const movedOn = lms12({ suspend_data: 'from-another-pc', core: { student_id: 'u1' } });
		expect(track12(movedOn).start().suspendData).toBe('from-another-pc');
	});

	it('back/forward cache: after finish, an LMS that refuses a new session: the learner is told, the work is kept and sent at the next launch', () => {
		const api = lms12();
		const t = track12(api);
		const seen = statusesOf(t);
		t.start();
		t.saveProgress(progress({ suspendData: 'before' }));
		t.commit();
		t.finish();
		t.resume!(); // scorm-again refuses LMSInitialize after LMSFinish
		expect(seen.map((s) => s.message)).toEqual([MESSAGES.reopened]);
		t.recordDecision(decision(2, true));
		t.saveProgress(progress({ suspendData: 'after' }));
		t.commit();
		expect(snapshot(api).suspend_data).toBe('before');
		expect(mirror()).toMatchObject({
			unsynced: true,
			base: 'before',
			progress: { suspendData: 'after' }
		});
		const next = lms12({ suspend_data: 'before', core: { student_id: 'u1', entry: 'resume' } });
		expect(track12(next).start().suspendData).toBe('after');
		expect(snapshot(next).suspend_data).toBe('after');
	});

	it('back/forward cache: after finish, an LMS that allows a new session: saving to the LMS goes on', () => {
		const api = lms12();
		const t = track12(api);
		t.start();
		t.saveProgress(progress({ suspendData: 'before' }));
		t.finish();
		// An LMS whose API starts a fresh session (scorm-again: reset, then the same data back).
		const held = snapshot(api);
		api.reset();
		api.loadFromJSON({ ...held, core: { ...(held.core as object), student_id: 'u1' } });
		t.resume!();
		t.saveProgress(progress({ suspendData: 'after' }));
		t.commit();
		expect(snapshot(api).suspend_data).toBe('after');
		expect(mirror().unsynced).toBe(false);
	});

	it('localStorage that throws does not matter to the LMS tracker', () => {
		vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
			throw new DOMException('full', 'QuotaExceededError');
		});
		const api = lms12();
		const t = track12(api);
		t.start();
		t.saveProgress(progress({ suspendData: 'x' }));
		t.commit();
		expect(snapshot(api).suspend_data).toBe('x');
	});
});
