/**
 * The back/forward cache, in the strict mock LMS: the page is hidden into the cache (pagehide,
 * persisted: the module finishes the LMS session) and shown from it again (pageshow, persisted).
 * The events are dispatched in the module's frame as the browser sends them: Chromium here will
 * not put these pages in the cache (scripts/serve.ts sends Cache-Control: no-store, and
 * Playwright turns the cache off). The mock LMS, like a real one, still offers the API the module
 * finished with, which refuses a new session: the module tells the learner, keeps the work in the
 * browser (marked as not yet in the LMS), and the next launch sends it.
 */
import { expect, test } from '@playwright/test';
import {
	moduleFrame,
	moduleFrameHandle,
	openMockLms,
	relaunch,
	slugFor,
	storedRecord,
	storedSummary
} from './helpers';
import { mirror, open, play, recommendedKeys } from './guards';

const COUNCIL = 'kingsthorpe-parish-council';

test.describe('back/forward cache', () => {
	const slug = slugFor(COUNCIL, '2004');
	const REOPENED =
		'This page was reopened from your browser’s history after the learning system had closed it: your progress is saved in this browser only. To save it to the learning system, close the course and open it again from there.';

	test('a course page restored from the cache after the LMS session finished tells the learner, keeps the work, and the next launch sends it', async ({
		page
	}) => {
		const id = 'confidentiality-councillor';
		await openMockLms(page, slug, { reset: '1' });
		await open(moduleFrame(page), id);
		await play(moduleFrame(page), id, { decisions: 1 });
		// Into the cache and back out of it.
		await moduleFrameHandle(page).evaluate(() => {
			dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
			dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
		});
		await expect
			.poll(
				async () => (await storedRecord(page))?.sessions.at(-1)?.ended,
				'the module finished its LMS session on pagehide'
			)
			.toBe('terminated');
		const root = moduleFrame(page);
		await expect(root.locator('.status-region')).toHaveText(REOPENED);
		// The learner carries on: the work is kept in this browser, marked as not yet in the LMS.
		await play(root, id, { decisions: 1 });
		const kept = await mirror(page);
		expect(kept?.unsynced).toBe(true);
		const twoKeys = recommendedKeys(id, 2);
		expect(kept?.progress.suspendData).toContain(`${id}:${twoKeys}:`);
		expect((await storedSummary(page, '2004')).suspendData).not.toContain(`${id}:${twoKeys}:`);
		// The next launch from the LMS sends it.
		await relaunch(page);
		await expect
			.poll(async () => (await storedSummary(page, '2004')).suspendData)
			.toContain(`${id}:${twoKeys}:`);
	});
});
