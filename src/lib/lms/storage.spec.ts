import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStore, unknownKeys, type Saved } from './storage.js';
import { progress } from '../../../tests/helpers/lms.js';

const saved = (suspendData: string): Saved => ({
	v: 1,
	learner: 'u1',
	unsynced: true,
	base: '',
	progress: progress({ suspendData })
});
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
	it('storage full (setItem fails, getItem works): returns the newer copy in memory, not the older stored one', () => {
		createStore(window, 'k').save(saved('older'));
		vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
			throw new DOMException('full', 'QuotaExceededError');
		});
		const store = createStore(window, 'k');
		expect(store.load()?.progress.suspendData).toBe('older');
		store.save(saved('newer'));
		expect(localStorage.getItem('k')).toContain('older');
		expect(store.load()?.progress.suspendData).toBe('newer');
	});
	it('removes a copy', () => {
		const store = createStore(window, 'k');
		store.save(saved('a'));
		store.remove();
		expect(localStorage.getItem('k')).toBeNull();
		expect(store.load()).toBeNull();
	});
	it('lists the copies whose owner is unknown, newest first, for this course only', () => {
		localStorage.setItem('c:unknown:100-a', '{}');
		localStorage.setItem('c:unknown:300-b', '{}');
		localStorage.setItem('c:unknown:200-c', '{}');
		localStorage.setItem('other:unknown:400-d', '{}');
		localStorage.setItem('c:learner:u1', '{}');
		expect(unknownKeys(window, 'c')).toEqual([
			'c:unknown:300-b',
			'c:unknown:200-c',
			'c:unknown:100-a'
		]);
	});
	it('rejects damaged or foreign data', () => {
		localStorage.setItem('k', '[1,2]');
		expect(createStore(window, 'k').load()).toBeNull();
		localStorage.setItem('k', '{"v":1,"learner":"x","progress":{}}');
		expect(createStore(window, 'k').load()).toBeNull();
	});
});
