/**
 * The first screen paints before any script (issue 25): index.html carries the home page as a
 * fresh learner sees it, rendered at build time from the real layout and home page
 * (src/lib/content/first-screen.js), and the app replaces it when it starts
 * (src/lib/state/first-screen.ts). What a learner does on it before the app is ready is kept.
 *
 * The package is the built Kingsthorpe Parish Council SCORM 1.2 one, launched on its own (no LMS:
 * progress in this browser). "Before the app is ready" is made to last by holding back the home
 * page's code (_app/immutable/home.*.js) until the test releases it.
 */
import { expect, test, type Page, type Route } from '@playwright/test';
import { slugFor } from './helpers';
import { guard, mirror } from './guards';

const URL = `/dist/${slugFor('kingsthorpe-parish-council', '1.2')}/index.html`;
const COPY = '#cs-first';

/** Holds back the launched page's code (home or scenario file) until release(). */
async function holdPageCode(page: Page) {
	const held: Route[] = [];
	let released = false;
	await page.route(/\/_app\/immutable\/(home|scenario)\.[^/]+\.js$/, (route) =>
		released ? route.continue() : void held.push(route)
	);
	return {
		held: () => held.length,
		release: async () => {
			released = true;
			await Promise.all(held.splice(0).map((r) => r.continue()));
		}
	};
}

test('with JavaScript off, the home page and its role question are on screen, styled', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(URL);
	await expect(page).toHaveTitle(/^Scenarios – /);
	await expect(page.locator('main h1')).toHaveText('Working together: the Member/Officer protocol');
	const officer = page.getByRole('radio', { name: 'An officer or member of staff' });
	await expect(officer).toBeVisible();
	await expect(officer).not.toBeChecked(); // a fresh learner's view: no role yet
	await expect(page.locator('main a[href^="#/scenario/"]').first()).toBeVisible();
	// The inline CSS applies: the header has the council's band, not the browser's default.
	await expect(page.locator('.site-header')).not.toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
	await officer.check();
	await expect(officer).toBeChecked();
	await context.close();
});

test('a role picked before the app is ready is kept, with the focus, and the page is there once', async ({
	page,
	context
}) => {
	const g = await guard(context);
	const code = await holdPageCode(page);
	// Before each frame is painted: how many pages (main elements) it shows.
	await page.addInitScript(() => {
		const frames: number[] = ((window as unknown as { frames_: number[] }).frames_ = []);
		const count = () => {
			frames.push(document.querySelectorAll('main').length);
			requestAnimationFrame(count);
		};
		requestAnimationFrame(count);
	});
	await page.goto(URL, { waitUntil: 'domcontentloaded' });
	await expect.poll(code.held).toBe(1);
	// The app cannot have started (its page's code is held): this is the static copy.
	await expect(page.locator(COPY)).toHaveCount(1);
	const officer = page.getByRole('radio', { name: 'An officer or member of staff' });
	await officer.focus();
	await page.keyboard.press('Space');
	await expect(officer).toBeChecked();

	await code.release();
	await expect(page.locator(COPY)).toHaveCount(0);
	await expect(page.getByRole('heading', { level: 2, name: /^Your scenarios: / })).toBeVisible();
	await expect(officer).toBeChecked();
	await expect(officer).toBeFocused();
	await expect(page.locator('main')).toHaveCount(1);
	await expect(page.locator('#role-officer')).toHaveCount(1);
	// Every frame from the first one with the page showed it once: never blank, never twice.
	const frames = await page.evaluate(() => (window as unknown as { frames_: number[] }).frames_);
	expect(frames.slice(frames.indexOf(1))).not.toContain(0);
	expect(frames).not.toContain(2);
	// Saved as the learner's seat: it is there after a reload.
	await expect.poll(async () => (await mirror(page))?.progress.suspendData ?? '').toMatch(/./);
	await page.reload();
	await expect(page.locator(COPY)).toHaveCount(0);
	await expect(page.getByRole('radio', { name: 'An officer or member of staff' })).toBeChecked();
	await g.expectClean();
});

test('a returning learner’s saved role wins over a pick on the static copy', async ({ page }) => {
	await page.goto(URL);
	await page.getByRole('radio', { name: 'A councillor' }).check();
	await expect(page.locator(COPY)).toHaveCount(0);
	await expect(page.getByRole('heading', { level: 2, name: /^Your scenarios: / })).toBeVisible();

	const code = await holdPageCode(page);
	await page.reload({ waitUntil: 'domcontentloaded' });
	await expect.poll(code.held).toBe(1);
	// The static copy is a fresh learner's: nothing checked.
	await page.getByRole('radio', { name: 'Show all scenarios' }).check();
	await code.release();
	await expect(page.locator(COPY)).toHaveCount(0);
	await expect(page.getByRole('radio', { name: 'A councillor' })).toBeChecked();
	await expect(page.getByRole('radio', { name: 'Show all scenarios' })).not.toBeChecked();
	await expect(page.getByRole('alert')).toHaveCount(0); // no "change your course?" question
});

test('the static copy shows no progress: a returning learner never reads "Not started" for their own', async ({
	page
}) => {
	// A learner who has started the first councillor scenario.
	await page.goto(URL);
	await page.getByRole('radio', { name: 'A councillor' }).check();
	await page.locator('main a[href^="#/scenario/"]').first().click();
	await expect(page.locator('main h1')).not.toHaveText(
		'Working together: the Member/Officer protocol'
	);
	await page.getByRole('radio').first().check();
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/: feedback$/);

	const code = await holdPageCode(page);
	await page.goto(URL, { waitUntil: 'domcontentloaded' });
	await expect.poll(code.held).toBe(1);
	// The static copy (a fresh learner's markup): the cards and the role question are there, the
	// status of each card and the count of finished scenarios are not shown, and take up their space.
	await expect(page.locator(`${COPY} main a[href^="#/scenario/"]`).first()).toBeVisible();
	const tags = await page.locator(`${COPY} .tag`).all();
	expect(tags.length).toBeGreaterThan(1);
	for (const tag of tags) await expect(tag).toBeHidden();
	await expect(page.getByText(/^0 of \d+ finished\.$/)).toBeHidden();
	expect((await tags[0].boundingBox())?.height).toBeGreaterThan(0);

	await code.release();
	await expect(page.locator(COPY)).toHaveCount(0);
	// The app resumes the learner where they were; their home page shows their own progress.
	await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(
		'Working together: the Member/Officer protocol'
	);
	await page.getByRole('link', { name: 'Scenarios', exact: true }).click();
	await expect(page.getByText('In progress').first()).toBeVisible();
	await expect(page.getByText(/^0 of \d+ finished\.$/)).toBeVisible();
});

test('the skip link of the static copy moves focus to the page, and the app keeps it there', async ({
	page
}) => {
	const code = await holdPageCode(page);
	await page.goto(URL, { waitUntil: 'domcontentloaded' });
	await expect.poll(code.held).toBe(1);
	await page.keyboard.press('Tab');
	await expect(page.locator(`${COPY} .skip-link`)).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.locator(`${COPY} #main-content`)).toBeFocused();
	await code.release();
	await expect(page.locator(COPY)).toHaveCount(0);
	await expect(page.locator('#main-content')).toBeFocused();
	// Still the home page (the skip link did not change the route).
	expect(new globalThis.URL(page.url()).hash).toBe('');
	await expect(page.getByRole('radio', { name: 'A councillor' })).toBeVisible();
});

test('a scenario link followed on the static copy before the app is ready opens that scenario', async ({
	page
}) => {
	const code = await holdPageCode(page);
	await page.goto(URL, { waitUntil: 'domcontentloaded' });
	await expect.poll(code.held).toBe(1);
	// The app has read the address (home) and waits for the home page's code: the learner clicks.
	const link = page.locator(`${COPY} main a[href^="#/scenario/"]`).first();
	const href = (await link.getAttribute('href'))!;
	await link.click();
	await code.release();
	await expect(page.locator(COPY)).toHaveCount(0);
	await expect(page).toHaveURL(new RegExp(`${href}$`));
	await expect(page.locator('main h1')).not.toHaveText(
		'Working together: the Member/Officer protocol'
	);
	await expect(page.getByRole('radio').first()).toBeVisible();
});

test('when the framework’s file cannot be loaded, the page says so at the top, on any launch', async ({
	page
}) => {
	await page.route(/\/_app\/immutable\/framework\.[^/]+\.js$/, (route) => route.abort());
	const message = page.getByRole('alert');
	for (const hash of ['', '#/scenario/delegation-councillor']) {
		await page.goto(URL + hash);
		await expect(message).toBeVisible();
		await expect(message).toContainText('The course could not start (');
		await expect(message).toContainText(/framework\.[^ ]+\.js could not be loaded/);
		await expect(message).toContainText('Your progress is kept.');
		// Above the council's header, the first thing on the page.
		const top = await message.boundingBox();
		const header = await page.locator(`${COPY} .site-header`).boundingBox();
		expect(top!.y).toBeLessThan(header!.y);
	}
});

test('launched straight into a scenario, only the static copy’s header shows (never the home page)', async ({
	page
}) => {
	const code = await holdPageCode(page);
	await page.goto(`${URL}#/scenario/delegation-councillor`, { waitUntil: 'domcontentloaded' });
	await expect.poll(code.held).toBe(1);
	// The council's header paints at once; the home page's content, skip link and footer do not.
	await expect(page.locator(`${COPY} .site-header`)).toBeVisible();
	for (const part of ['main', '.skip-link', 'footer'])
		await expect(page.locator(`${COPY} ${part}`), part).toBeHidden();
	await expect(page.getByRole('radio')).toHaveCount(0); // the copy's role question is not there to use
	await expect(page.getByRole('link')).toHaveCount(1); // the header's link to the home page
	await code.release();
	await expect(page.locator(COPY)).toHaveCount(0);
	await expect(page.locator('main h1')).not.toHaveText(
		'Working together: the Member/Officer protocol'
	);
	await expect(page.getByRole('radio').first()).toBeVisible();
});
