// The module's own start (startTracker): the session opens and the launch is read at once; the
// code that writes to the LMS (late.ts) arrives later, and what is called before it waits for it.
import { describe, expect, it } from 'vitest';
import * as late from './late.js';
import { createTracker } from './index.js';
import { startTracker, type Late } from './start.js';
import { MESSAGES } from './status.js';
import * as fake from '../../../tests/helpers/lms.js';

const w = window as unknown as Record<string, unknown>;
fake.quietLms();

/** late.ts, handed over when `arrive()` is called (or refused, `fail()`). */
function lateOnCall() {
	let give: (m: Late) => void = () => {};
	let refuse: (e: Error) => void = () => {};
	let asked = 0;
	const load = () => {
		asked++;
		return new Promise<Late>((ok, no) => ((give = ok), (refuse = no)));
	};
	const settle = () => new Promise((r) => setTimeout(r, 0));
	return {
		load,
		asked: () => asked,
		arrive: () => (give(late), settle()),
		fail: () => (refuse(new Error('late.js could not be loaded')), settle())
	};
}

describe.each(fake.VERSIONS)('SCORM %s, the writing code arriving later', (version) => {
	const opts = fake.options({ version: version === '1.2' ? 'scorm12' : 'scorm2004' });
	const suspendEl = 'cmi.suspend_data';
	const lms = (json: Record<string, unknown> = {}) => {
		const api = fake.scormAgain(version, json);
		w[version === '1.2' ? 'API' : 'API_1484_11'] = api;
		return api;
	};
	const isOpen = (api: ReturnType<typeof lms>) => api.isInitialized();
	const ids = (list: unknown) => Object.values(list as object).map((x) => (x as { id: string }).id);
	const exitOf = (api: ReturnType<typeof lms>) => {
		const cmi = fake.snapshot(api);
		return version === '1.2' ? cmi.core.exit : cmi.exit;
	};

	it('opens the session and reads the saved progress at once; the decision made before the code arrives reaches the LMS when it does', async () => {
		const api = lms({
			suspend_data: 'saved-state',
			...(version === '1.2' ? {} : { entry: 'resume' })
		});
		const code = lateOnCall();
		const t = startTracker(window, opts, code.load);
		expect(isOpen(api)).toBe(true);
		expect(t.start()).toMatchObject({ suspendData: 'saved-state', learnerName: 'Doe, Jane' });
		t.declareObjectives(fake.objectives());
		t.recordDecision(fake.decision(1, true));
		t.updateObjectives(fake.objectives([100, null, null]));
		t.saveProgress(fake.progress({ suspendData: 'after-1', score: 33 }));
		t.commit();
		expect(code.asked()).toBe(1);
		expect(api.getCMIValue(suspendEl)).toBe('saved-state');
		await code.arrive();
		expect(api.getCMIValue(suspendEl)).toBe('after-1');
		expect(ids(fake.snapshot(api).interactions)).toEqual(['leak.step-1']);
		expect(ids(fake.snapshot(api).objectives)).toContain('confidentiality.no-disclosure');
		// From now on calls go straight through.
		t.saveProgress(fake.progress({ suspendData: 'after-2', score: 66 }));
		expect(api.getCMIValue(suspendEl)).toBe('after-2');
		t.finish();
		expect(isOpen(api)).toBe(false);
	});

	it('closed before the code arrives: the session is finished with exit=suspend, and the progress made before and after is sent by the next launch', async () => {
		const api = lms();
		const code = lateOnCall();
		const t = startTracker(window, opts, code.load);
		t.start();
		t.recordDecision(fake.decision(1, true));
		t.saveProgress(fake.progress({ suspendData: 'after-1', score: 33 }));
		t.finish();
		expect(api.isTerminated()).toBe(true);
		expect(exitOf(api)).toBe('suspend');
		expect(api.getCMIValue(suspendEl)).toBe('');
		// The page was kept (back/forward cache): the code arrives, but the session is over; what
		// happens next stays in this browser, and the learner is told.
		const seen = fake.statusesOf(t);
		await code.arrive();
		t.resume?.();
		expect(seen.map((s) => s.message)).toEqual([MESSAGES.reopened]);
		t.recordDecision(fake.decision(2, false));
		t.saveProgress(fake.progress({ suspendData: 'after-2', score: 33 }));
		expect(api.getCMIValue(suspendEl)).toBe('');

		// The next launch, of the same learner, with the same (empty) LMS data.
		const next = lms();
		const again = createTracker(window, opts);
		expect(again.start()).toMatchObject({ suspendData: 'after-2', resumed: true });
		expect(next.getCMIValue(suspendEl)).toBe('after-2');
		expect(ids(fake.snapshot(next).interactions)).toEqual(['leak.step-1', 'leak.step-2']);
	});

	it('code that cannot be loaded: the learner is told once, progress is kept in this browser, and the next call tries again', async () => {
		const api = lms();
		const code = lateOnCall();
		const t = startTracker(window, opts, code.load);
		const seen = fake.statusesOf(t);
		t.start();
		t.saveProgress(fake.progress({ suspendData: 'after-1' }));
		await code.fail();
		expect(seen).toEqual([{ kind: 'lms-error', message: MESSAGES.lmsError }]);
		t.commit();
		expect(code.asked()).toBe(2);
		await code.arrive();
		expect(api.getCMIValue(suspendEl)).toBe('after-1');
		expect(seen.map((s) => s.kind)).toEqual(['lms-error', 'ok']);
	});
});

describe('objectives declared at launch', () => {
	const ids = (list: unknown) => Object.values(list as object).map((x) => (x as { id: string }).id);
	it('do not fetch the code before the page has loaded; the load event does', async () => {
		const api = fake.scormAgain('1.2');
		const events = new EventTarget();
		const page = Object.assign(events, {
			document: { readyState: 'loading' },
			API: api,
			localStorage: window.localStorage
		}) as unknown as Window;
		const code = lateOnCall();
		const t = startTracker(page, fake.options(), code.load);
		t.start();
		t.declareObjectives(fake.objectives());
		expect(code.asked()).toBe(0);
		events.dispatchEvent(new Event('load'));
		expect(code.asked()).toBe(1);
		await code.arrive();
		expect(ids(fake.snapshot(api).objectives)).toContain('confidentiality.no-disclosure');
	});
});
