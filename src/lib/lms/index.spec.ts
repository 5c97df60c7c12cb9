import { describe, expect, it, vi } from 'vitest';
import { bindLifecycle, createTracker } from './index.js';
import { MESSAGES } from './status.js';
import {
	options,
	quietLms,
	scormAgain,
	statusesOf as statusOf
} from '../../../tests/helpers/lms.js';
import type { Tracker } from './types.js';

const w = window as unknown as Record<string, unknown>;

quietLms();

describe('createTracker', () => {
	it('uses the local tracker, with its message, when there is no API', () => {
		const t = createTracker(window, options());
		expect(t.kind).toBe('local');
		expect(statusOf(t)).toEqual([{ kind: 'no-lms', message: MESSAGES.noLms }]);
	});

	it("talks only the package's own version, even when the LMS offers both APIs", () => {
		w.API = scormAgain('1.2');
		w.API_1484_11 = scormAgain('2004');
		expect(createTracker(window, options({ version: 'scorm2004' })).kind).toBe('scorm2004');
		expect(createTracker(window, options({ version: 'scorm12' })).kind).toBe('scorm12');
		delete w.API;
		// A 1.2 package where only a 2004 API is offered: no LMS for it (progress in this browser).
		const t = createTracker(window, options({ version: 'scorm12' }));
		expect(t.kind).toBe('local');
		expect(statusOf(t)).toEqual([{ kind: 'no-lms', message: MESSAGES.noLms }]);
	});

	it('falls back to local, with a message, when Initialize returns false', () => {
		const api = scormAgain('1.2');
		api.LMSInitialize = () => 'false';
		w.API = api;
		const t = createTracker(window, options());
		expect(t.kind).toBe('local');
		expect(statusOf(t)).toEqual([{ kind: 'no-lms', message: MESSAGES.initFailed }]);
		expect(t.start().kind).toBe('local');
	});

	it('falls back to local when Initialize throws', () => {
		w.API_1484_11 = {
			Initialize: () => {
				throw new Error('no');
			},
			GetLastError: () => '101'
		};
		expect(createTracker(window, options({ version: 'scorm2004' })).kind).toBe('local');
	});

	it('finds an API on the opener only (pop-up launch), without localStorage on the window', () => {
		const api = scormAgain('1.2');
		const opener = { API: api } as Record<string, unknown>;
		opener.parent = opener;
		const popup = { opener } as Record<string, unknown>;
		popup.parent = popup;
		const t = createTracker(popup as unknown as Window, options());
		expect(t.kind).toBe('scorm12');
		t.start();
		t.saveProgress({ suspendData: 's', location: 'x', score: 0, complete: false, passed: false });
		t.commit();
		expect(api.cmi.suspend_data).toBe('s');
	});
});

describe('bindLifecycle', () => {
	const fake = (kind: Tracker['kind']) =>
		({ kind, commit: vi.fn(), finish: vi.fn() }) as unknown as Tracker;
	const hide = (state: 'hidden' | 'visible') => {
		Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
		document.dispatchEvent(new Event('visibilitychange'));
	};

	it('commits when hidden, finishes once on pagehide, and adds no unload handlers', () => {
		const add = vi.spyOn(window, 'addEventListener');
		const t = fake('scorm12');
		const unbind = bindLifecycle(window, t);
		hide('visible');
		expect(t.commit).not.toHaveBeenCalled();
		hide('hidden');
		expect(t.commit).toHaveBeenCalledTimes(1);
		window.dispatchEvent(new Event('pagehide'));
		window.dispatchEvent(new Event('pagehide'));
		hide('hidden');
		expect(t.finish).toHaveBeenCalledTimes(1);
		expect(t.commit).toHaveBeenCalledTimes(1);
		expect(add.mock.calls.map((c) => c[0]).filter((n) => /unload/.test(n))).toEqual([]);
		unbind();
	});

	it('back/forward cache: a page shown again after pagehide resumes the session once, and finishes again on the next pagehide', () => {
		const t = { ...fake('scorm12'), resume: vi.fn() } as unknown as Tracker;
		const unbind = bindLifecycle(window, t);
		window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: false }));
		expect(t.resume).not.toHaveBeenCalled();
		window.dispatchEvent(new Event('pagehide'));
		window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
		window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
		expect(t.resume).toHaveBeenCalledTimes(1);
		window.dispatchEvent(new Event('pagehide'));
		expect(t.finish).toHaveBeenCalledTimes(2);
		unbind();
	});

	/** A SCORM 2004 tracker bound to the page, which is then hidden. */
	const hidden2004 = () => {
		const t = fake('scorm2004');
		const unbind = bindLifecycle(window, t);
		hide('hidden');
		return { t, unbind };
	};
	const aMoment = () => new Promise((r) => setTimeout(r, 5));

	it('SCORM 2004: no Commit when the page is going away (hidden + pagehide together)', async () => {
		const { t, unbind } = hidden2004();
		window.dispatchEvent(new Event('pagehide'));
		await aMoment();
		expect(t.commit).not.toHaveBeenCalled();
		expect(t.finish).toHaveBeenCalledTimes(1);
		unbind();
	});

	it('SCORM 2004: a plain tab switch still commits, a moment later', async () => {
		const { t, unbind } = hidden2004();
		expect(t.commit).not.toHaveBeenCalled();
		await aMoment();
		expect(t.commit).toHaveBeenCalledTimes(1);
		unbind();
		hide('hidden');
		window.dispatchEvent(new Event('pagehide'));
		expect(t.finish).not.toHaveBeenCalled();
	});

	it('runs beforeSave ahead of each commit and the finish, and survives it throwing', () => {
		const order: string[] = [];
		const t = {
			kind: 'scorm12',
			commit: () => order.push('commit'),
			finish: () => order.push('finish')
		} as unknown as Tracker;
		let n = 0;
		const unbind = bindLifecycle(window, t, () => {
			order.push('save');
			if (++n === 2) throw new Error('player bug');
		});
		hide('hidden');
		window.dispatchEvent(new Event('pagehide'));
		expect(order).toEqual(['save', 'commit', 'save', 'finish']);
		unbind();
	});
});
