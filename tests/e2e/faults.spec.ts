/**
 * LMS faults, in the mock LMS (scripts/mock-lms/, ?fault=…), for the kingsthorpe packages in
 * SCORM 1.2 and 2004. In every case the learner plays a whole scenario by clicking and:
 * - the module stays usable, with no uncaught exception in any page, popup or frame (guards.ts);
 * - the learner is told once, in plain words: one status message, not one per failed call
 *   (or none, when nothing went wrong: a slow API, a pop-up launch);
 * - the progress is in the module's browser copy, and when the LMS recovers within the session
 *   the LMS's stored data (window.mockLms.stored(), what it would keep between launches) holds
 *   the decisions and suspend_data made during the outage.
 * The slow API runs at 200 ms a call (SCORM 1.2 only: ~36 calls at start and ~12 a decision, so
 * the test takes ~15 s; the module's code path is the same for 2004).
 */
import { expect, test, type Frame, type Page } from '@playwright/test';
import {
	expectNoLmsErrors,
	lmsLog,
	moduleFrame,
	moduleFrameHandle,
	openInNewWindow,
	openMockLms,
	relaunch,
	scenarioIdsOnHome,
	slugFor,
	storedSummary
} from './helpers';
import {
	expectToldOnce,
	guard,
	mirror,
	open,
	play,
	recommendedInteractionIds,
	recommendedKeys,
	shortestScenario
} from './guards';

const COUNCIL = 'kingsthorpe-parish-council';
const MESSAGES = {
	noLms: 'No learning system found: your progress is saved in this browser only.',
	initFailed:
		'We could not connect to the learning system: your progress is saved in this browser only.',
	lmsError:
		'We could not save your progress to the learning system just now. Carry on: your progress is kept in this browser and we will try again.'
};

/** A scenario with at least three decisions on its recommended route (the outage spans some, recovery the rest). */
async function pick(page: Page, frame = moduleFrame(page)): Promise<string> {
	const hrefs = await frame
		.locator('a[href^="#/scenario/"]')
		.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
	const ids = [...new Set(hrefs.map((h) => h.slice('#/scenario/'.length)))];
	return shortestScenario(ids.length ? ids : await scenarioIdsOnHome(page), 3);
}

/** Interaction ids the LMS stored (the last Commit / LMSFinish), and its stored suspend_data. */
async function storedFacts(page: Page, version: '1.2' | '2004') {
	const cmi = await storedSummary(page, version);
	return {
		suspend: cmi.suspendData,
		interactions: cmi.interactions.map((i) => i.id),
		status: cmi.status
	};
}

/** suspend_data without the seconds (finishing adds the time spent since the last save). */
const routes = (text: string) =>
	text
		.split('|')
		.map((item, i) =>
			i < 3
				? item
				: item
						.split(':')
						.filter((_, k) => k !== 2)
						.join(':')
		)
		.join('|');

/** After a relaunch, the LMS holds every route of the module's last browser copy and one interaction per decision of id's recommended route. */
async function expectAllInLmsAfterRelaunch(
	page: Page,
	version: '1.2' | '2004',
	id: string
): Promise<void> {
	const last = await mirror(page);
	await relaunch(page);
	const s = await storedFacts(page, version);
	expect(routes(s.suspend), 'the LMS holds every route').toBe(routes(last!.progress.suspendData));
	expect(s.interactions).toEqual(recommendedInteractionIds(id));
}

/**
 * After each decision: whenever the module's browser copy says the LMS has confirmed it, the
 * LMS's stored data must hold every decision so far and the same suspend_data. Returns how many
 * decisions were made while the copy was unconfirmed (the outage) and whether it caught up later.
 */
function syncWatcher(page: Page, version: '1.2' | '2004', id: string, from: Page | Frame = page) {
	const seen = { outage: 0, synced: 0, caughtUpAfterOutage: false };
	return {
		seen,
		after: async (n: number) => {
			const m = await mirror(from);
			expect(m, 'the module keeps a browser copy of the progress').not.toBeNull();
			expect(m!.progress.suspendData).toContain(`${id}:`);
			if (m!.unsynced) {
				seen.outage++;
				return;
			}
			const s = await storedFacts(page, version);
			expect(s.suspend, `after decision ${n} the LMS holds the latest suspend_data`).toBe(
				m!.progress.suspendData
			);
			expect(s.interactions, `after decision ${n} the LMS holds every decision so far`).toEqual(
				recommendedInteractionIds(id, n)
			);
			seen.synced++;
			if (seen.outage) seen.caughtUpAfterOutage = true;
		},
		/**
		 * After the last decision: waits for the module's retry to bring the LMS up to date, then
		 * checks it as after a decision. With every other Commit failing, whether a check between
		 * decisions lands before or after a retry is timing; catching up at the end is not.
		 */
		settle: async (n: number) => {
			await expect
				.poll(async () => (await mirror(from))?.unsynced, {
					message: 'the module retries until the LMS holds everything',
					timeout: 15_000
				})
				.toBeFalsy();
			const m = await mirror(from);
			const s = await storedFacts(page, version);
			expect(s.suspend, 'once caught up the LMS holds the latest suspend_data').toBe(
				m!.progress.suspendData
			);
			expect(s.interactions, 'once caught up the LMS holds every decision').toEqual(
				recommendedInteractionIds(id, n)
			);
			seen.synced++;
			if (seen.outage) seen.caughtUpAfterOutage = true;
		}
	};
}

/** Launches the package with a fresh record and `query` (a fault), then plays a short scenario, watching what reaches the LMS after each decision. */
async function playWatched(page: Page, version: '1.2' | '2004', query: Record<string, string>) {
	await openMockLms(page, slugFor(COUNCIL, version), { ...query, reset: '1' });
	const id = await pick(page);
	await open(moduleFrame(page), id);
	const sync = syncWatcher(page, version, id);
	const played = await play(moduleFrame(page), id, { after: sync.after });
	return { id, sync, played };
}

for (const version of ['1.2', '2004'] as const) {
	const slug = slugFor(COUNCIL, version);

	test.describe(`SCORM ${version} faults`, () => {
		test('no API: local progress, told once, no exception', async ({ page, context }) => {
			const g = await guard(context);
			await openMockLms(page, slug, { fault: 'no-api', reset: '1' });
			const id = await pick(page);
			await open(moduleFrame(page), id);
			const played = await play(moduleFrame(page), id);
			expect(played.ended).toBe(true);
			await expectToldOnce(moduleFrameHandle(page), MESSAGES.noLms);
			const m = await mirror(page);
			expect(m?.progress.suspendData).toContain(`${id}:${recommendedKeys(id)}:`);
			expect((await lmsLog(page)).calls, 'with no API nothing is called').toEqual([]);
			await g.expectClean();
		});

		test('Initialize returns false all session: it starts empty (the learner is unknown), told once; the next launch sends it once the learner says it is theirs', async ({
			page,
			context
		}) => {
			const g = await guard(context);
			// A first, good session: the module knows this learner in this browser.
			await openMockLms(page, slug, { reset: '1' });
			const id = await pick(page);
			await open(moduleFrame(page), id);
			await play(moduleFrame(page), id, { decisions: 1 });
			// Next launch: the LMS refuses Initialize (the mock LMS page reloads; the module finishes
			// first). No one knows who is at this computer, so the session starts from nothing.
			await openMockLms(page, slug, { fault: 'init-false' });
			await open(moduleFrame(page), id);
			await play(moduleFrame(page), id);
			await expectToldOnce(moduleFrameHandle(page), MESSAGES.initFailed);
			const offline = await mirror(page, ':unknown:');
			expect(offline?.progress.suspendData).toContain(`${id}:${recommendedKeys(id)}:`);
			expect(offline?.unsynced, 'the browser copy is marked as not yet in the LMS').toBe(true);
			const before = await storedFacts(page, version);
			expect(before.interactions).toEqual(recommendedInteractionIds(id, 1));
			// The LMS works again on the next launch: the learner is asked whether that work is theirs.
			await openMockLms(page, slug);
			const asked = moduleFrame(page).getByRole('region', {
				name: 'Progress saved on this computer'
			});
			await expect(asked).toBeVisible();
			expect(
				(await storedFacts(page, version)).interactions,
				'nothing is sent before they answer'
			).toEqual(recommendedInteractionIds(id, 1));
			await asked.getByRole('button', { name: 'Yes, it is mine' }).click();
			await expect.poll(async () => (await mirror(page, ':learner:'))?.unsynced).toBe(false);
			const sent = (await mirror(page, ':learner:'))!.progress.suspendData;
			expect(sent).toContain(`${id}:${recommendedKeys(id)}:`);
			expect((await storedFacts(page, version)).suspend).toBe(sent);
			// …and the decisions made in the session the LMS never got, as interactions (after the first session's one).
			expect((await storedFacts(page, version)).interactions).toEqual([
				...recommendedInteractionIds(id, 1),
				...recommendedInteractionIds(id)
			]);
			expect(await mirror(page, ':unknown:'), 'the claimed copy is gone').toBeNull();
			await g.expectClean();
		});

		test('Initialize fails, then works: sent within the session, told once', async ({
			page,
			context
		}) => {
			const g = await guard(context);
			const { sync } = await playWatched(page, version, { fault: 'init-false', n: '2' });
			expect(sync.seen.outage, 'decisions made while the LMS refused Initialize').toBeGreaterThan(
				0
			);
			expect(sync.seen.caughtUpAfterOutage, 'the LMS got them once it worked').toBe(true);
			await expectToldOnce(moduleFrameHandle(page), MESSAGES.initFailed);
			expect(
				(await lmsLog(page)).calls.filter((c) => /Initialize$/.test(c.method)).map((c) => c.result)
			).toEqual(['false', 'false', 'true']);
			await g.expectClean();
		});

		test('SetValue returns false for a while, then recovers: told once, the outage is sent', async ({
			page,
			context
		}) => {
			const g = await guard(context);
			const { sync, played } = await playWatched(page, version, {
				fault: 'setvalue-false',
				n: '3'
			});
			await sync.settle(played.decisions);
			expect(sync.seen.outage).toBeGreaterThan(0);
			expect(sync.seen.caughtUpAfterOutage).toBe(true);
			await expectToldOnce(moduleFrameHandle(page), MESSAGES.lmsError);
			// Once recovered the message goes away.
			await expect(moduleFrame(page).locator('.status-region .status')).toHaveCount(0);
			const setCalls = (await lmsLog(page)).calls.filter((c) => /SetValue$/.test(c.method));
			expect(setCalls.filter((c) => c.injected).length).toBe(3);
			await g.expectClean();
		});

		test('Commit fails now and then: told once, everything reaches the LMS', async ({
			page,
			context
		}) => {
			const g = await guard(context);
			const { id, sync, played } = await playWatched(page, version, { fault: 'commit-flaky' });
			await sync.settle(played.decisions);
			expect(sync.seen.outage).toBeGreaterThan(0);
			expect(sync.seen.caughtUpAfterOutage).toBe(true);
			await expectToldOnce(moduleFrameHandle(page), MESSAGES.lmsError);
			await expectAllInLmsAfterRelaunch(page, version, id);
			await g.expectClean();
		});

		test('the API throws now and then: no exception reaches the page, everything reaches the LMS', async ({
			page,
			context
		}) => {
			const g = await guard(context);
			const { id, sync } = await playWatched(page, version, { fault: 'throws' });
			// The first throw comes at start-up, before any decision; commits still get through.
			expect(
				sync.seen.synced,
				'decisions confirmed by a Commit although every third SetValue throws'
			).toBeGreaterThan(0);
			await expectToldOnce(moduleFrameHandle(page), MESSAGES.lmsError);
			expect((await lmsLog(page)).calls.filter((c) => c.threw).length).toBeGreaterThan(3);
			await expectAllInLmsAfterRelaunch(page, version, id);
			await g.expectClean();
		});

		test('the API is on window.opener (launched in a new window): tracked as usual', async ({
			page,
			context
		}) => {
			const g = await guard(context);
			await openMockLms(page, slug, { fault: 'opener', reset: '1' });
			const popup = await openInNewWindow(page);
			const hrefs = await popup
				.locator('a[href^="#/scenario/"]')
				.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
			const id = shortestScenario([...new Set(hrefs.map((h) => h.slice('#/scenario/'.length)))], 3);
			await open(popup, id);
			const sync = syncWatcher(page, version, id, popup);
			await play(popup, id, { after: sync.after });
			expect(sync.seen.outage).toBe(0);
			await expectToldOnce(popup.mainFrame(), null);
			expect((await storedFacts(page, version)).interactions).toEqual(
				recommendedInteractionIds(id)
			);
			await expectNoLmsErrors(page);
			await g.expectClean();
		});
	});
}

test('the API is slow (200 ms a call, SCORM 1.2): usable, nothing lost, no message', async ({
	page,
	context
}) => {
	test.setTimeout(90_000);
	const slug = slugFor(COUNCIL, '1.2');
	const g = await guard(context);
	await openMockLms(page, slug, { fault: 'slow', delay: '200', reset: '1' }).catch(() => undefined);
	const frame = moduleFrame(page);
	await expect(frame.locator('main h1').first()).toBeVisible({ timeout: 30_000 });
	const id = await pick(page);
	await open(frame, id, 30_000);
	const sync = syncWatcher(page, '1.2', id);
	const t0 = Date.now();
	await play(frame, id, { after: sync.after, timeout: 30_000 });
	expect(sync.seen.outage).toBe(0);
	await expectToldOnce(moduleFrameHandle(page), null);
	const calls = (await lmsLog(page)).calls;
	expect(calls.length).toBeGreaterThan(40);
	console.log(
		`slow API: ${calls.length} calls, the scenario took ${Math.round((Date.now() - t0) / 1000)} s`
	);
	await expectNoLmsErrors(page);
	await g.expectClean();
});

for (const version of ['1.2', '2004'] as const) {
	test(`a cross-origin parent frame (SCORM ${version} package): falls back to local with the no-LMS message`, async ({
		page,
		context
	}) => {
		const g = await guard(context);
		const slug = slugFor(COUNCIL, version);
		// The package's own origin (the test server) and the same port under the other loopback name.
		const own = new URL(test.info().project.use.baseURL!).origin;
		const other = own.replace('//127.0.0.1:', '//localhost:');
		// Another origin (localhost vs 127.0.0.1: both loopback) frames the package: the mock
		// LMS's other-origin.html. It offers a SCORM API that the module must not (and cannot)
		// reach: it counts every call.
		await page.goto(`${other}/other-origin.html?package=${slug}`);
		expect(new URL(page.url()).origin).not.toBe(own);
		const root = page.frameLocator('#module-frame');
		await expect(root.locator('main h1').first()).toBeVisible();
		const frame = page.frames().find((f) => f.url().startsWith(`${own}/dist/`))!;
		expect(frame, 'the package is framed from the other origin').toBeTruthy();
		const hrefs = await root
			.locator('a[href^="#/scenario/"]')
			.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
		const id = shortestScenario([...new Set(hrefs.map((h) => h.slice('#/scenario/'.length)))], 3);
		await open(root, id);
		expect((await play(root, id)).ended).toBe(true);
		await expectToldOnce(frame, MESSAGES.noLms);
		// A third-party frame may not use localStorage at all (Chromium here refuses it): then the
		// module keeps the progress in memory, and still works.
		const blocked = await frame.evaluate(() => {
			try {
				return !localStorage;
			} catch {
				return true;
			}
		});
		if (!blocked) expect((await mirror(frame))?.progress.suspendData).toContain(`${id}:`);
		await root.getByRole('link', { name: 'Back to all scenarios' }).click();
		const card = root
			.locator('main li', { has: root.locator(`a[href="#/scenario/${id}"]`) })
			.first();
		await expect(card).toContainText('Finished');
		expect(
			await page.evaluate(() => (window as unknown as { touched: number }).touched),
			'the other origin’s API was never called'
		).toBe(0);
		await g.expectClean();
	});
}
