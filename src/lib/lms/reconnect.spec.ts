// Initialize fails at first: the local tracker works, Initialize is tried again at commits.
import { describe, expect, it } from 'vitest';
import { createTracker } from './index.js';
import { INIT_RETRIES } from './reconnect.js';
import { learnerKey, unknownKeys } from './storage.js';
import { MESSAGES } from './status.js';
import {
	decision,
	objectives,
	options,
	progress,
	quietLms,
	scormAgain,
	snapshot,
	statusesOf
} from '../../../tests/helpers/lms.js';

const w = window as unknown as Record<string, unknown>;

/** A scorm-again SCORM 1.2 LMS whose first `fails` LMSInitialize calls return "false". */
function lms(fails: number, json: Record<string, unknown> = {}) {
	const api = scormAgain('1.2', json);
	const real = api.LMSInitialize.bind(api);
	let inits = 0;
	api.LMSInitialize = () => (++inits <= fails ? 'false' : real());
	w.API = api;
	return { api, inits: () => inits };
}

quietLms();

describe('Initialize fails, then works', () => {
	it('sends the decisions, objectives and progress made meanwhile; the message goes away', () => {
		const { api, inits } = lms(2);
		const t = createTracker(window, options());
		const seen = statusesOf(t);
		expect(t.kind).toBe('local');
		expect(t.start()).toMatchObject({ kind: 'local', suspendData: '' });
		t.declareObjectives(objectives());
		t.recordDecision(decision(1, true));
		t.updateObjectives(objectives([100, null, null]));
		t.saveProgress(progress({ suspendData: 's1' }));
		t.commit(); // Initialize fails again
		expect(t.kind).toBe('local');
		t.recordDecision(decision(2, false));
		t.saveProgress(progress({ suspendData: 's2' }));
		t.commit(); // works
		expect(inits()).toBe(3);
		expect(t.kind).toBe('scorm12');
		const cmi = snapshot(api);
		expect(cmi.suspend_data).toBe('s2');
		expect(Object.values(cmi.interactions).map((i) => (i as { id: string }).id)).toEqual([
			'leak.step-1',
			'leak.step-2'
		]);
		expect(Object.values(cmi.objectives).map((o) => (o as { id: string }).id)).toHaveLength(3);
		expect(seen.map((s) => s.kind)).toEqual(['no-lms', 'ok']);
		expect(seen[0].message).toBe(MESSAGES.initFailed);
		// From now on it is the LMS tracker.
		t.recordDecision(decision(3, true));
		t.saveProgress(progress({ suspendData: 's3' }));
		t.commit();
		expect(snapshot(api).suspend_data).toBe('s3');
		expect(JSON.parse(localStorage.getItem(learnerKey('conduct-test', 'u1'))!)).toMatchObject({
			learner: 'u1',
			unsynced: false
		});
		expect(unknownKeys(window, 'conduct-test'), 'nothing is left for anyone to claim').toEqual([]);
	});

	it(`tries ${INIT_RETRIES} more times, then stays local`, () => {
		const { inits } = lms(Infinity);
		const t = createTracker(window, options());
		t.start();
		for (let i = 0; i < INIT_RETRIES + 3; i++) {
			t.saveProgress(progress({ suspendData: `s${i}` }));
			t.commit();
		}
		expect(inits()).toBe(1 + INIT_RETRIES);
		expect(t.kind).toBe('local');
		expect(() => t.finish()).not.toThrow();
	});

	it('does not overwrite other progress the LMS holds: the session stays in this browser', () => {
		const { api } = lms(1, { suspend_data: 'from-another-computer' });
		const t = createTracker(window, options());
		t.start();
		t.saveProgress(progress({ suspendData: 'this-session' }));
		t.commit();
		expect(t.kind).toBe('local');
		expect(snapshot(api).suspend_data).toBe('from-another-computer');
		const [kept] = unknownKeys(window, 'conduct-test');
		expect(JSON.parse(localStorage.getItem(kept)!).progress.suspendData).toBe('this-session');
		// The next launch offers it to the learner; it is not sent unless they say it is theirs.
		const { api: next } = lms(0, { suspend_data: 'from-another-computer' });
		const again = createTracker(window, options());
		expect(again.start()).toMatchObject({
			suspendData: 'from-another-computer',
			unclaimed: { suspendData: 'this-session' }
		});
		again.commit();
		expect(snapshot(next).suspend_data).toBe('from-another-computer');
	});

	it("a session that never connects does not start from the last learner's copy, and is offered, not sent, on the next launch", () => {
		// Session 1: fine; learner u1's copy holds "one".
		const first = scormAgain('1.2');
		w.API = first;
		const a = createTracker(window, options());
		a.start();
		a.saveProgress(progress({ suspendData: 'one' }));
		a.commit();
		a.finish();
		// Session 2 (on a shared computer, perhaps someone else): Initialize always fails.
		const { api: second } = lms(Infinity, { suspend_data: 'one' });
		const b = createTracker(window, options());
		expect(b.start().suspendData).toBe('');
		b.saveProgress(progress({ suspendData: 'two' }));
		b.commit();
		b.finish();
		expect(snapshot(second).suspend_data).toBe('one');
		// Session 3: the LMS works again and still holds "one"; "two" waits for the learner's word.
		const { api: third } = lms(0, {
			suspend_data: 'one',
			core: { student_id: 'u1', entry: 'resume' }
		});
		const c = createTracker(window, options());
		expect(c.start()).toMatchObject({
			kind: 'scorm12',
			suspendData: 'one',
			unclaimed: { suspendData: 'two' }
		});
		c.commit();
		expect(snapshot(third).suspend_data).toBe('one');
	});
});
