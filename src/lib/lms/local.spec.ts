import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLocalTracker } from './local.js';
import { MESSAGES } from './status.js';
import { learnerKey, unknownKeys } from './storage.js';
import { decision, objectives, options, progress } from '../../../tests/helpers/lms.js';
import type { TrackerStatus } from './types.js';

const stored = () => JSON.parse(localStorage.getItem('conduct-test') ?? 'null');

beforeEach(() => localStorage.clear());
afterEach(() => vi.restoreAllMocks());

describe('local tracker', () => {
	it('says once, in plain words, that progress stays in this browser — also to a late listener', () => {
		const t = createLocalTracker(window, options());
		const seen: TrackerStatus[] = [];
		t.onStatus((s) => seen.push(s));
		t.start();
		t.saveProgress(progress());
		expect(seen).toEqual([
			{
				kind: 'no-lms',
				message: 'No learning system found: your progress is saved in this browser only.'
			}
		]);
		expect(t.kind).toBe('local');
	});

	it('keeps progress, objectives and decisions in localStorage and resumes from them', () => {
		const a = createLocalTracker(window, options());
		expect(a.start()).toEqual({
			kind: 'local',
			learnerName: '',
			suspendData: '',
			resumed: false,
			finished: false
		});
		a.declareObjectives(objectives());
		a.recordDecision(decision(1, false));
		a.updateObjectives(objectives([0, null, null]));
		a.saveProgress(progress({ suspendData: 'saved-state', complete: true, passed: false }));
		a.commit();
		a.finish();
		expect(stored()).toMatchObject({
			progress: { suspendData: 'saved-state' },
			decisions: [{ id: 'leak.step-1', response: 'c' }]
		});
		expect(Date.parse(stored().decisions[0].timestamp)).not.toBeNaN();
		expect(stored().objectives).toHaveLength(3);
		expect(stored().objectives[0]).toMatchObject({ attempted: true, score: 0 });

		const b = createLocalTracker(window, options());
		expect(b.start()).toMatchObject({ suspendData: 'saved-state', resumed: true, finished: true });
	});

	it('keeps nothing of a kind whose switch is off', () => {
		const t = createLocalTracker(window, options({ interactions: false, objectives: false }));
		t.start();
		t.declareObjectives(objectives());
		t.recordDecision(decision(1, true));
		t.updateObjectives(objectives([100, null, null]));
		t.saveProgress(progress());
		expect(stored().decisions).toBeUndefined();
		expect(stored().objectives).toBeUndefined();
	});

	it('falls back to memory when localStorage throws (file://, private mode)', () => {
		vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
			throw new DOMException('denied', 'SecurityError');
		});
		vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
			throw new DOMException('denied', 'SecurityError');
		});
		const t = createLocalTracker(window, options());
		expect(() => {
			t.start();
			t.saveProgress(progress({ suspendData: 'in-memory' }));
		}).not.toThrow();
	});

	it('works in a window whose localStorage getter itself throws', () => {
		const win = {} as Window;
		Object.defineProperty(win, 'localStorage', {
			get() {
				throw new DOMException('denied', 'SecurityError');
			}
		});
		const t = createLocalTracker(win, options(), MESSAGES.initFailed);
		t.saveProgress(progress({ suspendData: 'kept' }));
		expect(t.start().suspendData).toBe('kept');
	});

	it('ignores a damaged saved copy', () => {
		localStorage.setItem('conduct-test', '{not json');
		expect(createLocalTracker(window, options()).start().suspendData).toBe('');
		localStorage.setItem('conduct-test', JSON.stringify({ v: 9 }));
		expect(createLocalTracker(window, options()).start().suspendData).toBe('');
	});

	it("never loads or changes a copy that names an LMS learner (it moves to that learner's key)", () => {
		const theirs = {
			v: 1,
			learner: 'u1',
			unsynced: false,
			base: 'lms-has-this',
			progress: progress({ suspendData: 'lms-has-this' })
		};
		localStorage.setItem('conduct-test', JSON.stringify(theirs));
		const t = createLocalTracker(window, options());
		expect(t.start()).toMatchObject({ suspendData: '', resumed: false });
		t.saveProgress(progress({ suspendData: 'someone-else-at-this-computer' }));
		expect(stored()).toMatchObject({
			learner: '',
			progress: { suspendData: 'someone-else-at-this-computer' }
		});
		expect(JSON.parse(localStorage.getItem(learnerKey('conduct-test', 'u1'))!)).toEqual(theirs);
	});

	it('with an LMS that would not start (owner unknown): starts empty and keeps its own copy, which release() forgets', () => {
		localStorage.setItem(
			'conduct-test',
			JSON.stringify({
				v: 1,
				learner: '',
				unsynced: true,
				base: '',
				progress: progress({ suspendData: 'standalone' })
			})
		);
		localStorage.setItem(
			learnerKey('conduct-test', 'u1'),
			JSON.stringify({
				v: 1,
				learner: 'u1',
				unsynced: false,
				base: 'x',
				progress: progress({ suspendData: 'x' })
			})
		);
		const t = createLocalTracker(window, options(), MESSAGES.initFailed, 'unknown');
		expect(t.start()).toMatchObject({ suspendData: '', resumed: false });
		t.saveProgress(progress({ suspendData: 'this-session' }));
		const [key] = unknownKeys(window, 'conduct-test');
		expect(JSON.parse(localStorage.getItem(key)!)).toMatchObject({
			learner: '',
			unsynced: true,
			progress: { suspendData: 'this-session' }
		});
		expect(Date.parse(JSON.parse(localStorage.getItem(key)!).savedAt)).not.toBeNaN();
		t.release!();
		expect(unknownKeys(window, 'conduct-test')).toEqual([]);
		expect(stored().progress.suspendData).toBe('standalone');
	});
});
