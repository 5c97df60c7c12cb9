/**
 * Artefacts on screen (docs/authoring.md, "Artefacts"): axe, keyboard, reflow at 320 px and
 * print, with one of every kind (email, message thread, post with comments, letter, paper, note)
 * in the first step of a built package.
 *
 * The package is the built Witham Town Council SCORM 1.2 one (npm run package --
 * --council=witham-town-council --scorm=1.2), copied to dist/zz-artefacts-e2e/ with its first
 * scenario's words (content/<id>.js, the data the build ships) carrying the artefacts before the
 * first step's story: the real bundle renders them, whatever the library's scenarios hold today.
 * The copy has no imsmanifest.xml (so no other spec takes it for a package) and is removed after.
 */
import { expect, test, type Page } from '@playwright/test';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Artefact } from '../../src/lib/engine/types';
import type { ScenarioText } from '../../src/lib/engine/text';
import { firstScenarioId } from '../../scripts/measure/bundle';
import { POST, thread } from '../helpers/artefact-examples';
import { ARTIFACTS } from './a11y-support';
import { AxeRun } from './axe';
import { slugFor } from './helpers';

const SOURCE = join('dist', slugFor('witham-town-council', '1.2'));
const COPY = join('dist', 'zz-artefacts-e2e');
const p = (s: string) => [{ p: [s] }];
const ARTEFACTS: Artefact[] = [
	{
		a: 'email',
		at: {
			from: 'Sam Patel, Town Clerk',
			to: 'All councillors',
			subject: 'Thursday’s meeting: papers for a closed item with a long subject line',
			date: 'Monday, 9:14'
		},
		body: [
			p('Dear councillors,')[0],
			{ p: ['Item 7 will be taken in ', { b: ['closed session'] }, '.'] }
		]
	},
	thread(
		{
			a: 'message',
			at: { from: 'You', time: '21:05' },
			body: p('I can’t say more until Thursday.')
		},
		{ a: 'message', at: { from: 'Dev Shah' }, body: p('Go on, just between us') }
	),
	POST,
	{
		a: 'letter',
		at: { from: 'Ann Lee, 4 Mill Lane', to: 'The Town Clerk', date: '2 May 2026' },
		body: p('I object to any sale of the field.')
	},
	{
		a: 'paper',
		at: {
			title: 'Mill Lane field: offer to purchase',
			classification: 'Confidential: not for publication',
			ref: 'Item 7'
		},
		body: [{ ul: [['The offer'], ['The risks']] }]
	},
	{ a: 'note', at: { from: 'Dev' }, body: p('Ring me before Thursday.') }
];
const NAMES = [
	'Email from Sam Patel, Town Clerk to All councillors, subject Thursday’s meeting: papers for a closed item with a long subject line',
	'Message thread, Mill Lane neighbours, 3 messages',
	'Post by Save Mill Lane Field on Community Facebook group',
	'Letter from Ann Lee, 4 Mill Lane to The Town Clerk',
	'Paper: Mill Lane field: offer to purchase, marked Confidential: not for publication',
	'Note from Dev'
];
let scenarioId = '';
/** Artefacts the library's own first step already holds (they follow ours on screen). */
let alreadyThere = 0;

test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
	if (!existsSync(join(SOURCE, 'index.html')))
		throw new Error(
			`${SOURCE} is not built — run npm run package -- --council=witham-town-council --scorm=1.2`
		);
	rmSync(COPY, { recursive: true, force: true });
	cpSync(SOURCE, COPY, { recursive: true });
	rmSync(join(COPY, 'imsmanifest.xml'), { force: true });
	scenarioId = firstScenarioId(readFileSync(join(COPY, 'index.html'), 'utf8'))!;
	const file = join(COPY, 'content', `${scenarioId}.js`);
	const m = /^(window\.\w+&&window\.\w+\()("[^"]*"),([\s\S]*)\);\s*$/.exec(
		readFileSync(file, 'utf8')
	);
	if (!m) throw new Error(`${file} is not in the words format this test knows`);
	const words = JSON.parse(m[3]) as ScenarioText;
	const start = Object.keys(words)[0];
	alreadyThere = words[start].n.filter((b) => 'a' in b).length;
	words[start].n = [...ARTEFACTS, ...words[start].n];
	writeFileSync(file, `${m[1]}${m[2]},${JSON.stringify(words)});\n`);
});

test.afterAll(() => rmSync(COPY, { recursive: true, force: true }));

async function open(page: Page) {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto(`/${COPY}/index.html#/scenario/${scenarioId}`);
	await expect
		.poll(async () => (errors.length ? errors : await page.locator('article.art').count()))
		.toBe(ARTEFACTS.length + alreadyThere);
}

/** Saves a full-page screenshot (artefacts-<width>.png) and fails on any axe violation, at the page's width now. */
async function screenshotAndAxe(page: Page, width: number) {
	await page.screenshot({ path: `${ARTIFACTS}/artefacts-${width}.png`, fullPage: true });
	const axe = new AxeRun();
	await axe.check(page, `artefacts at ${width} px`);
	axe.expectNone();
}

test('each artefact is announced as what it is, in reading order, and passes axe', async ({
	page
}) => {
	await open(page);
	const names = await page
		.getByRole('article')
		.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
	expect(names.slice(0, NAMES.length)).toEqual(NAMES);
	for (const name of NAMES) await expect(page.getByRole('article', { name })).toBeVisible();
	// The story comes before the question and its choices.
	const order = await page.evaluate(() => {
		const last = [...document.querySelectorAll('article.art')].pop()!;
		const radio = document.querySelector('input[type="radio"]')!;
		return last.compareDocumentPosition(radio) & Node.DOCUMENT_POSITION_FOLLOWING;
	});
	expect(order).toBeTruthy();
	await screenshotAndAxe(page, 1280);
});

test('keyboard: nothing in an artefact takes focus; Tab reaches the choices and a choice can be made', async ({
	page
}) => {
	await open(page);
	const focused: string[] = [];
	for (let i = 0; i < 40; i++) {
		await page.keyboard.press('Tab');
		const at = await page.evaluate(() => {
			const e = document.activeElement!;
			return { inArt: !!e.closest('.art'), radio: (e as HTMLInputElement).type === 'radio' };
		});
		focused.push(JSON.stringify(at));
		expect(at.inArt, 'focus went into an artefact').toBe(false);
		if (at.radio) break;
	}
	expect(focused.at(-1)).toContain('"radio":true');
	await page.keyboard.press('Space');
	await expect(page.locator('input[type="radio"]:checked')).toHaveCount(1);
});

test('reflow at 320 px: no sideways scrolling, every artefact within the width; axe at 320 px', async ({
	page
}) => {
	await page.setViewportSize({ width: 320, height: 640 });
	await open(page);
	const fit = await page.evaluate(() => ({
		scroll: document.scrollingElement!.scrollWidth,
		width: document.scrollingElement!.clientWidth,
		over: [...document.querySelectorAll('.art, .art *')]
			.filter((e) => e.getBoundingClientRect().right > document.scrollingElement!.clientWidth + 1)
			.map((e) => e.outerHTML.slice(0, 80))
	}));
	expect(fit.over).toEqual([]);
	expect(fit.scroll).toBeLessThanOrEqual(fit.width);
	await screenshotAndAxe(page, 320);
});

test('print: every artefact prints in full, black on white, not split across pages', async ({
	page
}) => {
	await open(page);
	await page.emulateMedia({ media: 'print' });
	const styles = await page.locator('article.art').evaluateAll((els) =>
		els.map((e) => {
			const s = getComputedStyle(e);
			return {
				shown:
					s.display !== 'none' && s.visibility !== 'hidden' && e.getBoundingClientRect().height > 0,
				breakInside: s.breakInside,
				background: s.backgroundColor,
				border: s.borderLeftColor
			};
		})
	);
	for (const s of styles)
		expect(s).toEqual({
			shown: true,
			breakInside: 'avoid',
			background: 'rgba(0, 0, 0, 0)',
			border: 'rgb(0, 0, 0)'
		});
	const pdf = await page.pdf({ format: 'A4' });
	expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
});
