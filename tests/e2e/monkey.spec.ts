/**
 * A learner who clicks anything, in any order: any link, button or radio button the module shows,
 * the browser's Back button now and then, and a relaunch from the LMS now and then (the learner
 * closes the course and opens it again), for 200 actions in the strict mock LMS, in SCORM 1.2 and
 * 2004. The sequence is random but seeded, so a failure can be replayed; the log of actions is
 * part of the failure message.
 *
 * After it: no uncaught exception and no CSP violation in any document, no error in the LMS's
 * log, no status message (the LMS never failed), and a last relaunch resumes from exactly what
 * the module last saved, with no "About your saved progress" notice (the saved state was never
 * unreadable). Once more with an LMS whose Commit fails now and then: each message told at most
 * once, and the next launch (the LMS working) leaves nothing unsent.
 */
import { expect, test, type Page } from '@playwright/test';
import {
	expectNoLmsErrors,
	lmsLog,
	moduleFrame,
	moduleFrameHandle,
	openMockLms,
	relaunch,
	slugFor,
	storedSummary
} from './helpers';
import { guard, mirror, statusLog } from './guards';

const ACTIONS = 200;

/** mulberry32: a small seeded generator, so that a failing run can be replayed. */
function seeded(seed: number): () => number {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Marks every control a learner could use now (visible, enabled; not printing) and describes them ("main …" or "page …" for the header and footer). */
async function controls(page: Page): Promise<string[]> {
	return moduleFrameHandle(page).evaluate(() => {
		const out: string[] = [];
		document.querySelectorAll('[data-monkey]').forEach((el) => el.removeAttribute('data-monkey'));
		const all = document.querySelectorAll<HTMLElement>(
			'a[href^="#/"], button:not([disabled]), input[type=radio], summary'
		);
		for (const el of all) {
			const text = (el.textContent || (el as HTMLInputElement).labels?.[0]?.textContent || '')
				.trim()
				.replace(/\s+/g, ' ');
			// Not shown (e.g. a clause link inside a closed disclosure): a learner cannot click it.
			const shown = el.getClientRects().length && el.checkVisibility();
			if (!shown || /print/i.test(text) || el.classList.contains('skip-link')) continue;
			el.setAttribute('data-monkey', String(out.length));
			out.push(
				`${el.closest('main') ? 'main' : 'page'} ${el.tagName.toLowerCase()} "${text.slice(0, 60)}"`
			);
		}
		return out;
	});
}

interface Walk {
	log: string[];
	fail: (why: string) => string;
}

/** ACTIONS random actions in the module; fails (with the log) if a screen lacks its heading or offers nothing. */
async function randomWalk(page: Page, seed: number): Promise<Walk> {
	const random = seeded(seed);
	const log: string[] = [];
	const fail = (why: string) =>
		`${why}\nactions so far:\n${log.map((l, i) => `${i + 1}. ${l}`).join('\n')}`;
	let depth = 0; // in-module pages that Back can return to without leaving the module
	for (let i = 0; i < ACTIONS; i++) {
		const r = random();
		if (r < 0.03) {
			log.push('relaunch from the LMS');
			await relaunch(page);
			depth = 0;
			continue;
		}
		if (r < 0.08 && depth > 0) {
			log.push('browser Back');
			await moduleFrameHandle(page).evaluate(() => history.back());
			depth--;
		} else {
			// The screen may still be settling (words arriving): if the control has gone by the
			// time of the click, read the screen again.
			let clicked = false;
			for (let attempt = 0; attempt < 3 && !clicked; attempt++) {
				const options = await controls(page);
				expect(options.length, fail('the module offers something to do')).toBeGreaterThan(0);
				// Mostly what the page itself offers (so scenarios get played), sometimes the header or footer.
				const inMain = options
					.map((o, j) => [o, j] as const)
					.filter(([o]) => o.startsWith('main '));
				const pool =
					inMain.length && random() < 0.8 ? inMain.map(([, j]) => j) : options.map((_, j) => j);
				const k = pool[Math.floor(random() * pool.length)];
				log.push(`click ${options[k]}${attempt ? ' (screen read again)' : ''}`);
				try {
					await moduleFrame(page).locator(`[data-monkey="${k}"]`).click({ timeout: 2000 });
					clicked = true;
					if (/^\w+ a /.test(options[k])) depth++;
				} catch {
					/* gone: try again */
				}
			}
			expect(clicked, fail('a control could be clicked')).toBe(true);
		}
		await expect(
			moduleFrame(page).locator('main h1').first(),
			fail('every screen has its heading')
		).toBeVisible({ timeout: 10_000 });
	}
	if (process.env.MONKEY_LOG) console.log(log.join('\n'));
	return { log, fail };
}

/** After a relaunch: the LMS holds exactly what the module last saved, and it reads back whole. */
async function expectNothingLost(
	page: Page,
	version: '1.2' | '2004',
	fail: Walk['fail']
): Promise<void> {
	const copy = await mirror(moduleFrameHandle(page));
	const stored = await storedSummary(page, version);
	expect(copy?.unsynced, fail('the browser copy is confirmed by the LMS')).toBe(false);
	expect(stored.suspendData, fail('the LMS holds what the module last saved')).toBe(
		copy?.progress.suspendData
	);
	await expect(
		moduleFrame(page).getByRole('region', { name: 'About your saved progress' })
	).toHaveCount(0);
}

// MONKEY_SEED=<n> tries another sequence (MONKEY_LOG=1 prints the actions).
const seedFor = (fallback: number) => Number(process.env.MONKEY_SEED) || fallback;

for (const version of ['1.2', '2004'] as const) {
	test(`a learner who clicks anything in any order, goes back and relaunches (SCORM ${version}): no error, nothing lost`, async ({
		page,
		context
	}) => {
		test.setTimeout(240_000);
		const g = await guard(context);
		await openMockLms(page, slugFor('kingsthorpe-parish-council', version), { reset: '1' });
		const { fail } = await randomWalk(page, seedFor(version === '1.2' ? 12 : 2004));
		await expectNoLmsErrors(page);
		await g.expectClean();
		expect(
			(await statusLog(moduleFrameHandle(page))).shown,
			fail('the LMS never failed, so no status message')
		).toEqual([]);
		await relaunch(page);
		await expectNothingLost(page, version, fail);
		await g.expectClean();
	});
}

test('the same learner with an LMS whose Commit fails now and then (SCORM 2004): told at most once per kind, nothing lost once it works', async ({
	page,
	context
}) => {
	test.setTimeout(240_000);
	const g = await guard(context);
	const slug = slugFor('kingsthorpe-parish-council', '2004');
	await openMockLms(page, slug, { reset: '1', fault: 'commit-flaky' });
	const { fail } = await randomWalk(page, seedFor(77));
	const { errors } = await lmsLog(page);
	expect(
		errors.some((e) => e.source === 'fault'),
		fail('the LMS did fail some Commits')
	).toBe(true);
	expect(
		errors.filter((e) => e.source !== 'fault').map((e) => e.message),
		fail('no LMS error other than the faults it was told to make')
	).toEqual([]);
	await g.expectClean();
	const { shown, maxShown } = await statusLog(moduleFrameHandle(page));
	expect(new Set(shown).size, fail('each message at most once')).toBe(shown.length);
	expect(maxShown, fail('one status message at a time')).toBeLessThanOrEqual(1);
	// The LMS works again: the next launch leaves nothing behind in the browser.
	await openMockLms(page, slug);
	await expectNothingLost(page, '2004', fail);
	await g.expectClean();
});
