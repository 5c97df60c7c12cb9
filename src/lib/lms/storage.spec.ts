import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStore, type Saved } from './storage.js';
import { progress } from './testkit.js';

const saved = (suspendData: string): Saved => ({ v: 1, learner: 'u1', unsynced: true, base: '', progress: progress({ suspendData }) });
afterEach(() => {
	vi.restoreAllMocks();
	localStorage.clear();
});

describe('store', () => {
	it('round-trips through localStorage under the given key', () => {
		createStore(window, 'k').save(saved('a'));
		expect(JSON.parse(localStorage.getItem('k')!).progress.suspendData).toBe('a');
		expect(createStore(window, 'k').load()?.progress.suspendData).toBe('a');
		expect(createStore(window, 'other').load()).toBeNull();
	});
	it('keeps a memory copy when writing fails (quota, privacy mode)', () => {
		vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
			throw new DOMException('full', 'QuotaExceededError');
		});
		const store = createStore(window, 'k');
		store.save(saved('b'));
		expect(store.load()?.progress.suspendData).toBe('b');
	});
	it('rejects damaged or foreign data', () => {
		localStorage.setItem('k', '[1,2]');
		expect(createStore(window, 'k').load()).toBeNull();
		localStorage.setItem('k', '{"v":1,"learner":"x","progress":{}}');
		expect(createStore(window, 'k').load()).toBeNull();
	});
});
