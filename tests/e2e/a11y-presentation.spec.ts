/**
 * Presentation checks that axe cannot make on its own, on every kind of screen (module opened
 * directly):
 * - prefers-reduced-motion: reduce — no CSS animation or transition runs, or is even set;
 * - target size (WCAG 2.5.8) — every button, radio (input and label), text field, summary and
 *   stand-alone link is at least 24 × 24 CSS px (links inside a sentence are exempt);
 * - lang="en-GB", one h1, and a distinct <title> on every screen;
 * - print (emulateMedia print) on the review and the certificate: header, footer and buttons are
 *   hidden, the content is not; the certificate prints on one A4 page, as the page says.
 */
import { expect, test, type Page } from '@playwright/test';
import { go, openAllFinished, prepareDirect, screenKinds } from './a11y-support';

test.describe.configure({ mode: 'parallel' });

/** Every running animation, and every element with a transition or animation set. */
async function motion(page: Page) {
	return page.evaluate(() => {
		const moving = document
			.getAnimations()
			.map(
				(a) =>
					`${a.constructor.name} on ${(a.effect as KeyframeEffect | null)?.target?.tagName ?? '?'}`
			);
		const set: string[] = [];
		for (const el of document.querySelectorAll('*')) {
			for (const pseudo of [null, '::before', '::after']) {
				const cs = getComputedStyle(el, pseudo);
				const durations = `${cs.transitionDuration},${cs.animationDuration}`
					.split(',')
					.map((d) => parseFloat(d) || 0);
				if (cs.animationName !== 'none' || durations.some((d) => d > 0))
					set.push(
						`${el.tagName.toLowerCase()}${pseudo ?? ''}.${el.className}: ${cs.transitionProperty} ${cs.transitionDuration} / ${cs.animationName}`
					);
			}
		}
		return { moving, set: set.slice(0, 10) };
	});
}

test('prefers-reduced-motion: reduce — no animations or transitions on any screen, after hover, focus and choosing', async ({
	page
}) => {
	test.setTimeout(90_000);
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await prepareDirect(page);
	const problems: string[] = [];
	for (const screen of screenKinds()) {
		await screen.open(page);
		// Hover and focus whatever can move: buttons, links, radios.
		const button = page.locator('main .button').first();
		if (await button.count()) await button.hover();
		await page.keyboard.press('Tab');
		await page.keyboard.press('Tab');
		const m = await motion(page);
		if (m.moving.length) problems.push(`${screen.name}: running ${m.moving.join(', ')}`);
		if (m.set.length) problems.push(`${screen.name}: motion set on ${m.set.join('; ')}`);
	}
	expect(problems).toEqual([]);
});

/** Targets smaller than 24 × 24: every control, and every link that is not part of a line of text. */
async function smallTargets(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const out: string[] = [];
		const visible = (el: Element) => {
			const r = el.getBoundingClientRect();
			return (
				r.width > 0 &&
				r.height > 0 &&
				getComputedStyle(el).visibility !== 'hidden' &&
				!el.closest('.visually-hidden')
			);
		};
		const name = (el: Element) =>
			`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
		const check = (el: Element, what: string) => {
			const r = el.getBoundingClientRect();
			if (r.width < 24 - 0.01 || r.height < 24 - 0.01)
				out.push(`${what} ${name(el)} is ${r.width.toFixed(1)} × ${r.height.toFixed(1)}`);
		};
		for (const el of document.querySelectorAll(
			'button, input, select, textarea, summary, .radio label, a.button'
		))
			if (visible(el)) check(el, 'control');
		for (const a of document.querySelectorAll('a:not(.button)')) {
			if (!visible(a) || a.classList.contains('skip-link')) continue;
			// Inline: the link shares its block with other words (a sentence, a caption): exempt.
			let block = a.parentElement!;
			while (block && getComputedStyle(block).display.startsWith('inline'))
				block = block.parentElement!;
			const own = (a.textContent ?? '').trim();
			const all = (block.textContent ?? '').replace(/\s+/g, ' ').trim();
			if (all !== own) continue;
			check(a, 'stand-alone link');
		}
		return out;
	});
}

for (const width of [320, 1280]) {
	test(`target size ≥ 24 × 24 CSS px on every screen at ${width} px`, async ({ page }) => {
		test.setTimeout(90_000);
		await page.setViewportSize({ width, height: width === 320 ? 640 : 900 });
		await prepareDirect(page);
		const problems: string[] = [];
		let checked = 0;
		for (const screen of screenKinds()) {
			await screen.open(page);
			checked += await page.locator('button:visible, .radio input, a.button:visible').count();
			problems.push(...(await smallTargets(page)).map((p) => `${screen.name}: ${p}`));
		}
		expect(checked, 'buttons and radios were found to measure').toBeGreaterThan(20);
		expect(problems).toEqual([]);
	});
}

test('lang="en-GB", one h1 and a distinct title on every kind of screen', async ({ page }) => {
	test.setTimeout(90_000);
	await prepareDirect(page);
	const titles = new Map<string, string>();
	for (const screen of screenKinds()) {
		await screen.open(page);
		expect(await page.evaluate(() => document.documentElement.lang), screen.name).toBe('en-GB');
		expect(await page.locator('h1').count(), `one h1 on ${screen.name}`).toBe(1);
		const title = await page.title();
		expect(title.length, `${screen.name} has a title`).toBeGreaterThan(10);
		titles.set(screen.name, title);
	}
	// Screens that are different pages have different titles (the error state keeps its question's title; a highlighted clause, the protocol's).
	const pages = [...titles].filter(
		([n]) => !['error', 'results-empty', 'certificate-not-ready', 'protocol-clause'].includes(n)
	);
	expect(new Set(pages.map(([, t]) => t)).size, JSON.stringify(pages, null, 1)).toBe(pages.length);
});

/** What is shown when printed: the header, footer, buttons and the main heading area. */
async function printed(page: Page) {
	return page.evaluate(() => {
		const shown = (el: Element | null) =>
			!!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
		return {
			header: shown(document.querySelector('.site-header')),
			footer: shown(document.querySelector('.site-footer')),
			buttons: [...document.querySelectorAll('button, a.button')]
				.filter(shown)
				.map((b) => b.textContent!.trim()),
			banner: shown(document.querySelector('.status-region p')),
			skip:
				shown(document.querySelector('.skip-link')) &&
				document.querySelector('.skip-link')!.getBoundingClientRect().right > 0
		};
	});
}

/** What a printed page shows of the page around its content: nothing. */
const PRINTED_BARE = { header: false, footer: false, buttons: [], banner: false, skip: false };

test('print: the review of your choices and the certificate print without header, footer or buttons', async ({
	page
}) => {
	await prepareDirect(page);
	await openAllFinished(page, '#/debrief');
	await expect(page.locator('section.debrief .clause').first()).toBeVisible();
	expect((await printed(page)).buttons.length, 'buttons on screen before printing').toBeGreaterThan(
		0
	);
	await page.emulateMedia({ media: 'print' });
	expect(await printed(page)).toEqual(PRINTED_BARE);
	await expect(page.locator('section.debrief').first()).toBeVisible();
	await expect(page.getByRole('heading', { level: 1, name: 'Review your choices' })).toBeVisible();

	await page.emulateMedia({ media: 'screen' });
	await go(page, '#/certificate');
	await page
		.getByLabel('Your full name, as it should appear on the certificate')
		.fill('Alex Example');
	await page.getByRole('button', { name: 'Show my name' }).click();
	await page.emulateMedia({ media: 'print' });
	expect(await printed(page)).toEqual(PRINTED_BARE);
	await expect(page.locator('.certificate')).toBeVisible();
	await expect(page.locator('.cert-name')).toHaveText('Alex Example');
	await expect(page.locator('#learner-name'), 'the name form is not printed').toBeHidden();
	// "It fits on one A4 page": print it to PDF and count the pages.
	const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
	expect(pdf.match(/\/Type\s*\/Page[^s]/g)?.length, 'the certificate prints on one A4 page').toBe(
		1
	);
});
