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
});
