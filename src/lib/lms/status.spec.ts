import { describe, expect, it, vi } from 'vitest';
import { createStatus, MESSAGES } from './status.js';

describe('status hub', () => {
	it('emits a change once, replays a current problem to late listeners, survives a bad listener', () => {
		const hub = createStatus();
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		const early = vi.fn();
		hub.on(() => {
			throw new Error('listener bug');
		});
		const off = hub.on(early);
		hub.emit({ kind: 'lms-error', message: MESSAGES.lmsError });
		hub.emit({ kind: 'lms-error', message: MESSAGES.lmsError });
		expect(early).toHaveBeenCalledTimes(1);
		const late = vi.fn();
		hub.on(late);
		expect(late).toHaveBeenCalledWith({ kind: 'lms-error', message: MESSAGES.lmsError });
		off();
		hub.emit({ kind: 'ok', message: MESSAGES.ok });
		expect(early).toHaveBeenCalledTimes(1);
		expect(late).toHaveBeenCalledTimes(2);
		const afterOk = vi.fn();
		hub.on(afterOk);
		expect(afterOk).not.toHaveBeenCalled();
		expect(warn).toHaveBeenCalled();
		warn.mockRestore();
	});

	it('tells each kind of problem once per session: a flapping LMS does not flash the message', () => {
		const hub = createStatus();
		const seen: string[] = [];
		hub.on((s) => seen.push(s.kind));
		for (let i = 0; i < 3; i++) {
			hub.emit({ kind: 'lms-error', message: MESSAGES.lmsError });
			hub.emit({ kind: 'ok', message: MESSAGES.ok });
		}
		expect(seen).toEqual(['lms-error', 'ok']);
		expect(hub.current.kind).toBe('ok');
		hub.emit({ kind: 'no-lms', message: MESSAGES.noLms });
		expect(seen).toEqual(['lms-error', 'ok', 'no-lms']);
	});
});
