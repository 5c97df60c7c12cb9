/**
 * Keyboard only (WCAG 2.1.1, 2.4.3, 2.4.7, 2.4.11, 4.1.3): a whole scenario with Tab, Shift+Tab,
 * arrow keys, Space and Enter — no mouse clicks at all — in the module opened directly.
 *
 * On the way: the skip link shows when focused; every control that receives focus looks
 * different from when it does not (outline, box-shadow, background, colour, border — for a
 * radio, on its label and the drawn circle); focus is on the new screen's h1 after every
 * screen change; the feedback is announced by a polite live region; the error summary
 * receives focus and its link takes focus to the first radio.
 */
import { expect, test, type Page } from '@playwright/test';
import { HEADLINE, openDirect, prepareDirect, recommendedPath, scenarioById } from './a11y-support';
import type { Step } from '../../src/lib/engine/types';

/**
 * What an element (and, for a radio, its label and drawn circle) looks like now: the active
 * element, which it marks data-kb=mark ('active'), or the element marked so earlier ('marked').
 */
async function lookAt(
	page: Page,
	mark: string,
	which: 'active' | 'marked'
): Promise<{ tag: string; look: string; inView: boolean; desc: string }> {
	return page.evaluate(
		({ mark, which }) => {
			const el = (
				which === 'active' ? document.activeElement : document.querySelector(`[data-kb="${mark}"]`)
			) as HTMLElement;
			if (which === 'active') el.setAttribute('data-kb', mark);
			const props = [
				'outline-style',
				'outline-width',
				'outline-color',
				'box-shadow',
				'background-color',
				'color',
				'text-decoration-line',
				'border-top-width',
				'border-top-color'
			];
			const look = (e: Element, pseudo?: string) => {
				const cs = getComputedStyle(e, pseudo);
				return props.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
			};
			const parts = [look(el)];
			const label = (el as HTMLInputElement).labels?.[0];
			if (label) parts.push(look(label), look(label, '::before'));
			const r = el.getBoundingClientRect();
			const inView =
				r.bottom > 0 &&
				r.top < innerHeight &&
				r.right > 0 &&
				r.left < innerWidth &&
				r.width > 0 &&
				r.height > 0;
			return {
				tag: el.tagName.toLowerCase(),
				look: parts.join(' | '),
				inView,
				desc: `${el.tagName.toLowerCase()} ${el.id ? '#' + el.id : ''} "${(el.textContent || (label?.textContent ?? '')).trim().slice(0, 50)}"`
			};
		},
		{ mark, which }
	);
}

/** The active element's look; marks it data-kb. */
const focusLook = (page: Page, mark: string) => lookAt(page, mark, 'active');
/** The look of the element marked earlier, wherever focus is now. */
const lookOf = async (page: Page, mark: string) => (await lookAt(page, mark, 'marked')).look;

let marks = 0;
/**
 * The focused control shows a visible change: its look now, focused, differs from its look after
 * Tab moves focus on; then Shift+Tab brings focus back to it.
 */
async function expectFocusVisible(page: Page): Promise<void> {
	const mark = String(++marks);
	const focused = await focusLook(page, mark);
	expect(focused.inView, `${focused.desc} should be on screen when focused`).toBe(true);
	await page.keyboard.press('Tab');
	const blurred = await lookOf(page, mark);
	expect(focused.look, `${focused.desc} should look different when focused`).not.toBe(blurred);
	await page.keyboard.press('Shift+Tab');
	expect(
		await page.evaluate(() => document.activeElement?.getAttribute('data-kb')),
		'Shift+Tab should return to the same control'
	).toBe(mark);
}

const active = (page: Page) =>
	page.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		return {
			tag: el?.tagName.toLowerCase() ?? '',
			text: (el?.textContent ?? '').trim(),
			id: el?.id ?? '',
			href: el?.getAttribute('href') ?? '',
			cls: el?.className ?? '',
			name: el?.getAttribute('name') ?? '',
			value: (el as HTMLInputElement)?.value ?? ''
		};
	});

/** Presses Tab (checking the focus indicator of each control passed) until `until` holds; at most `max` presses. */
async function tabUntil(
	page: Page,
	until: (a: Awaited<ReturnType<typeof active>>) => boolean,
	what: string,
	max = 40
): Promise<void> {
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		const a = await active(page);
		if (a.tag !== 'body' && a.tag !== 'h1' && a.tag !== 'main') await expectFocusVisible(page);
		if (until(a)) return;
	}
	throw new Error(`${what} was not reached with ${max} presses of Tab`);
}

/** Waits for focus to be on the h1 of the screen, which must say `title` (if given). */
async function expectFocusOnH1(page: Page, screen: string): Promise<string> {
	await expect
		.poll(async () => (await active(page)).tag, {
			message: `focus should move to the h1 of ${screen}`
		})
		.toBe('h1');
	expect(await page.locator('h1').count(), `one h1 on ${screen}`).toBe(1);
	return (await active(page)).text;
}

/** Text of every polite live region in main. */
const liveText = (page: Page) =>
	page.locator('main [aria-live="polite"], main [role="status"]').allInnerTexts();

test('a whole scenario by keyboard only: Tab, Shift+Tab, arrows, Space, Enter', async ({
	page
}) => {
	test.setTimeout(90_000);
	await prepareDirect(page);
	const s = await scenarioById(HEADLINE[0]);
	const path = recommendedPath(s);
	await openDirect(page, '#/');

	// The first Tab shows the skip link; Enter takes focus to the main content.
	await page.keyboard.press('Tab');
	expect((await active(page)).text).toBe('Skip to main content');
	await expectFocusVisible(page);
	await page.keyboard.press('Enter');
	expect((await active(page)).tag).toBe('main');

	// Tab to the scenario's link (every control on the way shows focus), open it with Enter.
	await tabUntil(page, (a) => a.href === `#/scenario/${s.id}`, `the link to ${s.title}`);
	await page.keyboard.press('Enter');
	let node = s.nodes[s.start];
	let title = await expectFocusOnH1(page, `the first question of ${s.id}`);
	const titles = [await page.title()];

	for (const [i, key] of [...path].entries()) {
		const step = node as Step;
		expect(title).toBe((await page.locator('h1').innerText()).trim());
		const index = step.choices.findIndex((c) => c.key === key);

		if (i === 0) {
			// Continue with nothing chosen: the error summary takes focus and links to the first radio.
			await tabUntil(page, (a) => a.tag === 'button' && a.text === 'Continue', 'Continue');
			await page.keyboard.press('Enter');
			await expect
				.poll(async () => (await active(page)).cls, {
					message: 'the error summary should receive focus'
				})
				.toContain('error-summary');
			await expect(page.getByRole('alert')).toContainText('There is a problem');
			await tabUntil(
				page,
				(a) => a.tag === 'a' && a.text === 'Choose what you would do',
				'the error link'
			);
			expect((await active(page)).href).toBe(`#choice-${step.id}-${step.choices[0].key}`);
			await page.keyboard.press('Enter');
			expect(await active(page), 'the error link should focus the first radio').toMatchObject({
				tag: 'input',
				id: `choice-${step.id}-${step.choices[0].key}`
			});
		} else {
			// Tab from the heading into the radio group (one tab stop: the first radio, none checked).
			await tabUntil(
				page,
				(a) => a.tag === 'input' && a.name === `choice-${step.id}`,
				'the radio group'
			);
			expect((await active(page)).id).toBe(`choice-${step.id}-${step.choices[0].key}`);
		}
		// Space checks the focused radio; each ArrowDown moves to, and checks, the next.
		await page.keyboard.press('Space');
		await expect(page.locator(`#choice-${step.id}-${step.choices[0].key}`)).toBeChecked();
		for (let n = 0; n < index; n++) await page.keyboard.press('ArrowDown');
		await expect(page.locator(`#choice-${step.id}-${key}`)).toBeChecked();
		await expect(page.locator(`#choice-${step.id}-${key}`)).toBeFocused();
		if (index > 0) {
			// ArrowUp and back down again: arrows move both ways.
			await page.keyboard.press('ArrowUp');
			await expect(page.locator(`#choice-${step.id}-${step.choices[index - 1].key}`)).toBeChecked();
			await page.keyboard.press('ArrowDown');
			await expect(page.locator(`#choice-${step.id}-${key}`)).toBeChecked();
		}
		await expectFocusVisible(page);

		const before = await liveText(page);
		await tabUntil(page, (a) => a.tag === 'button' && a.text === 'Continue', 'Continue');
		await page.keyboard.press('Enter');
		const stepTitle = title;
		title = await expectFocusOnH1(page, `the feedback on ${step.id}`);
		expect(title).toBe(`${stepTitle}: feedback`);
		// The feedback is announced by a polite live region whose words changed with the choice.
		await expect
			.poll(async () => (await liveText(page)).join(' ').trim(), {
				message: 'a polite live region should announce the feedback'
			})
			.not.toBe(before.join(' ').trim());
		expect((await liveText(page)).join(' ').trim().length).toBeGreaterThan(0);
		titles.push(await page.title());

		const next = step.choices.find((c) => c.key === key)!.next;
		await tabUntil(
			page,
			(a) => a.tag === 'button' && /^(Continue|See what happened)$/.test(a.text),
			'the button after the feedback'
		);
		await page.keyboard.press('Enter');
		node = s.nodes[next];
		title = await expectFocusOnH1(
			page,
			node.kind === 'ending' ? `the ending ${node.id}` : `step ${next}`
		);
		titles.push(await page.title());
	}
	await expect(page.getByRole('heading', { name: 'Your score for this scenario' })).toBeVisible();
	// Every screen had its own title, naming the screen and the scenario.
	expect(new Set(titles).size, titles.join('\n')).toBe(titles.length);
	for (const t of titles) expect(t).toContain(s.title);

	// From the ending, the actions are reachable and show focus too.
	await tabUntil(
		page,
		(a) => a.tag === 'a' && a.text === 'Back to all scenarios',
		'Back to all scenarios'
	);
	await page.keyboard.press('Enter');
	await expect(page.locator(`main a[href="#/scenario/${s.id}"]`).first()).toBeVisible();
	expect(await expectFocusOnH1(page, 'the home page')).toBe(
		(await page.locator('main h1').innerText()).trim()
	);
});

/** After a move to another page, focus is on its h1 and the next Tab goes on from there. */
async function expectNewPage(page: Page, name: string | RegExp): Promise<void> {
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	expect(await expectFocusOnH1(page, String(name))).toMatch(name);
	await page.keyboard.press('Tab');
	const after = await page.evaluate(() => {
		const h1 = document.querySelector('main h1')!;
		const el = document.activeElement!;
		return (
			el !== document.body && !!(h1.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)
		);
	});
	expect(
		after,
		`Tab from the h1 of ${name} goes on from there, not back to the top of the page`
	).toBe(true);
	await page.keyboard.press('Shift+Tab');
}

test('the footer links reach the results and the accessibility statement by keyboard, with visible focus', async ({
	page
}) => {
	await prepareDirect(page);
	await openDirect(page, '#/');
	for (const [link, heading] of [
		['Your results', 'Your results'],
		['Accessibility statement', /Accessibility statement/]
	] as const) {
		await tabUntil(page, (a) => a.tag === 'a' && a.text === link, `${link} in the footer`, 60);
		await page.keyboard.press('Enter');
		await expectNewPage(page, heading);
	}
	// The browser's Back button too.
	await page.goBack();
	await expectNewPage(page, 'Your results');
});

test('an address that is not a page of the module: an error page that says so, titled "Error:", with a way back', async ({
	page
}) => {
	await prepareDirect(page);
	await openDirect(page, '#/');
	await page.locator('main h1').waitFor();
	await page.evaluate(() => {
		const a = document.createElement('a');
		a.href = '#/no-such-page';
		a.textContent = 'broken link';
		document.querySelector('main')!.append(a);
	});
	await page.getByRole('link', { name: 'broken link' }).click();
	await expectNewPage(page, 'Page not found');
	expect(await page.title()).toMatch(/^Error: page not found – /);
	await page.getByRole('link', { name: 'Go to the scenarios' }).click();
	await expect(page.locator('main a[href^="#/scenario/"]').first()).toBeVisible();
});
