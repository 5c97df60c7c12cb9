/**
 * Reflow (WCAG 1.4.10) and text spacing (1.4.12), in the module opened directly.
 *
 * At 320 × 640 CSS px (1280 px at 400 % zoom) and at 1280 × 900, every kind of screen has no
 * horizontal scrolling of the page; wide content (tables) may scroll only inside its own region.
 * axe runs at 320 px too (a table that scrolls must be reachable by keyboard; targets at the
 * narrow width). A full-page screenshot of each screen at each width goes to
 * tests/e2e/.artifacts/ (look at them: they are what a learner sees).
 *
 * Text spacing: with line height 1.5, letter spacing 0.12em, word spacing 0.16em and paragraph
 * spacing 2em forced on every element, nothing is clipped (no element that hides its overflow
 * has more content than room) and the page still does not scroll sideways.
 */
import { expect, test, type Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { AxeRun } from './axe';
import { prepareDirect, screenKinds, shot } from './a11y-support';

test.describe.configure({ mode: 'parallel' });

const WIDTHS = [
	{ width: 320, height: 640 },
	{ width: 1280, height: 900 }
];

/** Horizontal overflow of the page, and the elements that stick out past the viewport (outside scroll regions). */
async function sideways(page: Page) {
	return page.evaluate(() => {
		const root = document.scrollingElement!;
		const scrolls = (e: Element) => /(auto|scroll)/.test(getComputedStyle(e).overflowX);
		const out: string[] = [];
		for (const el of document.querySelectorAll('body *')) {
			const r = el.getBoundingClientRect();
			if (!r.width || r.right <= root.clientWidth + 1) continue;
			let p = el.parentElement;
			let inRegion = false;
			while (p && p !== document.body) {
				if (scrolls(p)) inRegion = true;
				p = p.parentElement;
			}
			if (!inRegion && !el.closest('.visually-hidden, .skip-link'))
				out.push(`${el.tagName.toLowerCase()}.${el.className} right=${Math.round(r.right)}`);
		}
		return {
			scrollWidth: root.scrollWidth,
			clientWidth: root.clientWidth,
			hidden: [
				getComputedStyle(document.documentElement).overflowX,
				getComputedStyle(document.body).overflowX
			].filter((o) => o === 'hidden' || o === 'clip'),
			out: out.slice(0, 10)
		};
	});
}

for (const size of WIDTHS) {
	test(`reflow at ${size.width} px: no sideways scrolling on any screen; axe at this width; screenshots`, async ({
		page
	}) => {
		test.setTimeout(90_000);
		await page.setViewportSize(size);
		await prepareDirect(page);
		const axe = new AxeRun();
		const problems: string[] = [];
		for (const screen of screenKinds()) {
			await screen.open(page);
			const s = await sideways(page);
			if (s.scrollWidth > s.clientWidth + 1)
				problems.push(
					`${screen.name}: the page scrolls sideways (${s.scrollWidth} > ${s.clientWidth}): ${s.out.join(', ')}`
				);
			if (s.hidden.length)
				problems.push(
					`${screen.name}: overflow-x is hidden on html/body, which would hide content instead of reflowing it`
				);
			if (s.out.length)
				problems.push(`${screen.name}: content past the right edge: ${s.out.join(', ')}`);
			// Tables fit, or scroll inside their own region (never the page).
			const tables = await page.locator('main table').evaluateAll((ts) =>
				ts.map((t) => {
					const box = t.parentElement!;
					return {
						fits: t.getBoundingClientRect().width <= box.clientWidth + 1,
						region: /(auto|scroll)/.test(getComputedStyle(box).overflowX)
					};
				})
			);
			tables.forEach((t, i) => {
				if (!t.fits && !t.region)
					problems.push(
						`${screen.name}: table ${i + 1} is wider than its container, which does not scroll`
					);
			});
			await shot(page, `${screen.name}-${size.width}`);
			if (size.width === 320) await axe.check(page, `${screen.name} at 320 px`);
		}
		expect(problems).toEqual([]);
		if (size.width === 320) axe.expectNone();
	});
}

test('reflow at 320 px: the protocol of every council (long clauses) fits', async ({ page }) => {
	await page.setViewportSize({ width: 320, height: 640 });
	const slugs = readdirSync('dist').filter((d) => /-scorm12$/.test(d));
	expect(slugs.length).toBeGreaterThanOrEqual(5);
	const problems: string[] = [];
	for (const slug of slugs) {
		await page.goto(`/dist/${slug}/index.html#/protocol`);
		await expect(page.locator('ol.clauses > li').first()).toBeVisible();
		const s = await sideways(page);
		if (s.scrollWidth > s.clientWidth + 1)
			problems.push(`${slug}: protocol scrolls sideways: ${s.out.join(', ')}`);
		if (slug.startsWith('witham') || slug.startsWith('broxtowe'))
			await shot(page, `protocol-${slug}-320`);
	}
	expect(problems).toEqual([]);
});

/** The text-spacing bookmarklet (WCAG 1.4.12), as a stylesheet forced on every element. */
const TEXT_SPACING = `
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p, li, dd, dt, blockquote, figcaption, legend, label, h1, h2, h3, h4 { margin-bottom: 2em !important; }
`;

/** Elements whose content is cut off: overflow hidden/clip and more content than room; or text past the right edge. */
async function clipped(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const out: string[] = [];
		for (const el of document.querySelectorAll<HTMLElement>('body *')) {
			if (el.closest('.visually-hidden') || el.closest('.skip-link')) continue;
			const cs = getComputedStyle(el);
			if (cs.display === 'none' || !el.textContent?.trim()) continue;
			const hides = (o: string) => o === 'hidden' || o === 'clip';
			const name = `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''} "${el.textContent.trim().slice(0, 30)}"`;
			if (hides(cs.overflowY) && el.scrollHeight > el.clientHeight + 1)
				out.push(`${name}: ${el.scrollHeight - el.clientHeight} px cut off at the bottom`);
			if (hides(cs.overflowX) && el.scrollWidth > el.clientWidth + 1)
				out.push(`${name}: ${el.scrollWidth - el.clientWidth} px cut off at the side`);
		}
		const root = document.scrollingElement!;
		if (root.scrollWidth > root.clientWidth + 1)
			out.push(`the page scrolls sideways (${root.scrollWidth} > ${root.clientWidth})`);
		return out;
	});
}

for (const size of WIDTHS) {
	test(`text spacing at ${size.width} px: nothing is cut off on a question, the error state, feedback and the home page`, async ({
		page
	}) => {
		await page.setViewportSize(size);
		await prepareDirect(page);
		const kinds = screenKinds().filter((k) =>
			['home', 'step', 'error', 'feedback', 'results', 'certificate'].includes(k.name)
		);
		const problems: string[] = [];
		for (const screen of kinds) {
			await screen.open(page);
			await page.addStyleTag({ content: TEXT_SPACING });
			// The override is really applied.
			expect(
				await page
					.locator('main p')
					.first()
					.evaluate((p) => getComputedStyle(p).wordSpacing)
			).not.toBe('0px');
			problems.push(...(await clipped(page)).map((p) => `${screen.name}: ${p}`));
			// The radio labels still sit beside their drawn circles, not under them.
			const overlaps = await page.locator('.radio').evaluateAll(
				(rs) =>
					rs.filter((r) => {
						const label = r.querySelector('label')!.getBoundingClientRect();
						return label.left < r.getBoundingClientRect().left + 40 - 1;
					}).length
			);
			if (overlaps)
				problems.push(`${screen.name}: ${overlaps} radio label(s) overlap their circle`);
			await shot(page, `text-spacing-${screen.name}-${size.width}`);
		}
		expect(problems).toEqual([]);
	});
}
