/**
 * What the first screen leaves for later (issue 25, README "Performance"): the feedback and
 * ending views' code comes in the later pages' file (_app/immutable/late.*.js, fetched after the
 * page's load event), and the first step's choice feedback with the scenario's later words
 * (content/later.js). A learner who chooses before either has arrived sees "Loading…", then the
 * feedback, never an empty feedback page; a file that fails says so and offers to try again.
 *
 * The package is the built Kingsthorpe Parish Council SCORM 1.2 one, launched on its own
 * (index.html#/scenario/<id>, no LMS), with those two files held back by the test.
 */
import { expect, test, type Page, type Route } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstScenarioId } from '../../scripts/measure/bundle';
import { slugFor } from './helpers';

const SLUG = slugFor('kingsthorpe-parish-council', '1.2');
const LATER = /\/(content\/later\.js|_app\/immutable\/late\.[^/]+\.js)$/;

function scenarioId(): string {
	const id = firstScenarioId(readFileSync(join('dist', SLUG, 'index.html'), 'utf8'));
	if (!id) throw new Error(`dist/${SLUG} is not built — run npm run package -- --scorm=1.2`);
	return id;
}

/** Holds back the later files until release() (or fails them), and returns the controls. */
async function holdLater(page: Page, fail = false) {
	const held: Route[] = [];
	let released = false;
	await page.route(LATER, (route) => {
		if (released) return route.continue();
		if (fail) return route.abort();
		held.push(route);
	});
	return {
		held: () => held.length,
		release: async () => {
			released = true;
			await Promise.all(held.splice(0).map((r) => r.continue()));
		}
	};
}

async function chooseFirst(page: Page) {
	await page.getByRole('radio').first().check();
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/: feedback$/);
}

test('a choice made before the later files arrive shows "Loading…", then its feedback', async ({
	page
}) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	const later = await holdLater(page);
	await page.goto(`/dist/${SLUG}/index.html#/scenario/${scenarioId()}`, {
		waitUntil: 'domcontentloaded'
	});
	await chooseFirst(page);
	// Both files were asked for and are held: the feedback cannot be on screen yet.
	await expect.poll(later.held).toBe(2);
	await expect(page.getByRole('status').filter({ hasText: 'Loading…' })).toBeVisible();
	await expect(page.locator('.feedback')).toHaveCount(0);
	await later.release();
	await expect(page.locator('.feedback').first()).toBeVisible();
	await expect(page.locator('.feedback').first()).not.toBeEmpty();
	await expect(page.getByRole('status').filter({ hasText: 'Loading…' })).toHaveCount(0);
	expect(errors).toEqual([]);
});

test('when the later files cannot be loaded, the feedback page says so and a retry loads them', async ({
	page
}) => {
	const later = await holdLater(page, true);
	await page.goto(`/dist/${SLUG}/index.html#/scenario/${scenarioId()}`, {
		waitUntil: 'domcontentloaded'
	});
	await chooseFirst(page);
	await expect(page.getByText('Your progress is safe.')).toBeVisible({ timeout: 30_000 });
	await later.release();
	// The words may fail first (the player's message) or the code (the view's): either way, a
	// "Try again" brings the feedback.
	for (let i = 0; i < 2 && !(await page.locator('.feedback').count()); i++) {
		const retry = page.getByRole('button', { name: 'Try again' });
		if (await retry.count()) await retry.click();
		await page.waitForTimeout(500);
	}
	await expect(page.locator('.feedback').first()).toBeVisible();
});
