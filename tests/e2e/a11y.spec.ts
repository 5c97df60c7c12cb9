/**
 * WCAG 2.2 A/AA with axe-core (tags wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa), in a real
 * browser, inside the mock LMS frame and with the module opened directly (no LMS: the "saved in
 * this browser only" banner shows).
 *
 * Every path: for one scenario per headline topic the course's paths are enumerated from the
 * scenario files (loadLibrary, as the build reads them). A few of them, chosen so that between
 * them they show every screen that any path shows — each question at each position it can be
 * met, the error state of each question, the feedback of every choice, every ending — are
 * played through the UI, and axe runs on each screen the first time it appears. The test fails
 * if any screen of any path was not checked.
 *
 *   npx playwright test tests/e2e/a11y.spec.ts
 */
import { expect, test, type Page } from '@playwright/test';
import { AxeRun } from './axe';
import {
	COUNCIL,
	HEADLINE,
	NO_LMS_BANNER,
	PRACTICE,
	coveringPaths,
	feedbackReady,
	go,
	onwards,
	openAllFinished,
	openDirect,
	pick,
	prepareDirect,
	recommendedPath,
	savedProgress,
	scenarioById,
	storageKey,
	type Doc
} from './a11y-support';
import {
	builtVariant,
	moduleFrameHandle,
	openMockLms,
	slugFor,
	waitForModule,
	waitForSession
} from './helpers';
import type { Scenario, Step } from '../../src/lib/engine/types';

test.describe.configure({ mode: 'parallel' });

const SLUG12 = slugFor(COUNCIL, '1.2');

/**
 * Plays the covering paths of a scenario; `open` starts it afresh and returns the document
 * showing its first question. Runs axe on every new screen.
 */
async function everyScreenOfEveryPath(
	s: Scenario,
	open: () => Promise<Doc>,
	axe: AxeRun,
	where: string
) {
	const { paths, screens, all } = coveringPaths(s);
	const seen = new Set<string>();
	const errorShown = new Set<string>();
	// Every screen: lang="en-GB", one h1, and a title of its own naming the screen and the scenario.
	let lastTitle = '';
	const structure = async (doc: Doc, screen: string) => {
		const f = await doc.evaluate(() => ({
			lang: document.documentElement.lang,
			h1: [...document.querySelectorAll('h1')].map((h) => h.textContent!.trim()),
			title: document.title
		}));
		expect(f.lang, `lang on ${screen}`).toBe('en-GB');
		expect(f.h1.length, `one h1 on ${screen}: ${f.h1.join(' | ')}`).toBe(1);
		expect(f.title, `the title of ${screen} names the scenario`).toContain(s.title);
		expect(f.title.replace(/^Feedback: /, ''), `the title of ${screen} names the screen`).toContain(
			f.h1[0].replace(/: feedback$/, '')
		);
		expect(f.title, `the title of ${screen} differs from the screen before`).not.toBe(lastTitle);
		lastTitle = f.title;
	};
	for (const path of paths) {
		const doc = await open();
		let node = s.nodes[s.start];
		for (const [i, key] of [...path].entries()) {
			const step = node as Step;
			await expect(doc.locator(`input[name="choice-${step.id}"]`).first()).toBeVisible();
			await structure(doc, `${s.id} ${step.id}`);
			const here = `step ${step.id} (decision ${i + 1})`;
			if (!seen.has(here)) {
				seen.add(here);
				await axe.check(doc, `${where} ${s.id}: ${here}`);
			}
			if (!errorShown.has(step.id)) {
				// Continue with nothing chosen: the error summary.
				errorShown.add(step.id);
				await doc.getByRole('button', { name: 'Continue', exact: true }).click();
				await expect(
					doc.getByRole('alert').filter({ hasText: 'There is a problem' })
				).toBeVisible();
				await axe.check(doc, `${where} ${s.id}: error on ${step.id}`);
			}
			await pick(doc, step.id, key);
			await structure(doc, `${s.id} feedback on ${step.id}`);
			const fb = `feedback ${step.id}:${key}`;
			if (!seen.has(fb)) {
				seen.add(fb);
				await feedbackReady(doc);
				await axe.check(doc, `${where} ${s.id}: ${fb}`);
			}
			const next = step.choices.find((c) => c.key === key)!.next;
			await onwards(doc, s, next);
			node = s.nodes[next];
		}
		await structure(doc, `${s.id} ending ${node.id}`);
		lastTitle = '';
		const end = `ending ${node.id}`;
		seen.add(end);
		await axe.check(doc, `${where} ${s.id}: ${end} (path ${path})`);
	}
	expect(
		[...screens].filter((k) => !seen.has(k)),
		`screens of ${s.id} that no played path showed`
	).toEqual([]);
	return { played: paths.length, all, screens: screens.size };
}

async function clickResetAttempt(page: Page) {
	// Also clear the module's own copy in this browser, so that each path starts afresh.
	await page.evaluate(
		() => ((document.getElementById('reset-local') as HTMLInputElement).checked = true)
	);
	const before = await page.evaluate(() => window.mockLms.frameLoads);
	await page.getByRole('button', { name: 'Reset attempt' }).click();
	await page.waitForFunction((b) => window.mockLms.frameLoads > b, before);
	await waitForModule(page);
	await waitForSession(page);
}

/** Notes (and prints) how much of the scenario the axe run covered. */
function reportCoverage(info: { screens: number; all: number; played: number }, axe: AxeRun): void {
	test.info().annotations.push({
		type: 'coverage',
		description: `${info.screens} screens of ${info.all} paths, in ${info.played} played paths, ${axe.checked.length} axe runs (${axe.ms} ms in axe)`
	});
	console.log(test.info().title, test.info().annotations.at(-1)?.description);
}

for (const id of HEADLINE) {
	test(`axe: every screen of every path of ${id}, in the mock LMS`, async ({ page }) => {
		test.setTimeout(120_000);
		const s = await scenarioById(id);
		const axe = new AxeRun();
		let launched = false;
		const info = await everyScreenOfEveryPath(
			s,
			async () => {
				if (!launched) {
					await openMockLms(page, SLUG12, { reset: '1' });
					await waitForSession(page);
					launched = true;
				} else {
					await clickResetAttempt(page);
				}
				const frame = moduleFrameHandle(page);
				await frame.locator(`main a[href="#/scenario/${id}"]`).click();
				return frame;
			},
			axe,
			'LMS'
		);
		reportCoverage(info, axe);
		axe.expectNone();
	});

	test(`axe: every screen of every path of ${id}, opened directly (no LMS)`, async ({ page }) => {
		test.setTimeout(120_000);
		await prepareDirect(page);
		const s = await scenarioById(id);
		const axe = new AxeRun();
		const info = await everyScreenOfEveryPath(
			s,
			async () => {
				await openDirect(page, `#/scenario/${id}`);
				await expect(page.getByText(NO_LMS_BANNER)).toBeVisible();
				return page;
			},
			axe,
			'direct'
		);
		reportCoverage(info, axe);
		axe.expectNone();
	});
}

test('axe: home, results, debrief, certificate, protocol and statement, opened directly (no LMS)', async ({
	page
}) => {
	await prepareDirect(page);
	const axe = new AxeRun();
	const id = HEADLINE[0];

	// Nothing done yet.
	await openDirect(page, '#/');
	await expect(page.getByText(NO_LMS_BANNER)).toBeVisible();
	await axe.check(page, 'direct: home (fresh, with the no-LMS banner)');
	await page.getByRole('radio', { name: 'A councillor' }).check();
	await axe.check(page, 'direct: home (councillor scenarios only)');
	await page.getByRole('link', { name: 'Your results' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Your results' })).toBeVisible();
	await expect(page.getByText('You have not finished a scenario yet')).toBeVisible();
	await axe.check(page, 'direct: results (nothing finished)');
	await go(page, '#/debrief');
	await expect(page.getByText('You have not made any decisions yet')).toBeVisible();
	await axe.check(page, 'direct: debrief (nothing done)');
	await go(page, '#/certificate');
	await expect(page.getByText(/certificate will be ready when/)).toBeVisible();
	await axe.check(page, 'direct: certificate (not ready)');
	await page
		.getByRole('navigation', { name: 'Course' })
		.getByRole('link', { name: /protocol/ })
		.click();
	await expect(page.locator('ol.clauses > li').first()).toBeVisible();
	await axe.check(page, 'direct: protocol');
	await go(
		page,
		'#/protocol/' +
			(await page.locator('ol.clauses > li').nth(2).getAttribute('id'))!.slice('clause-'.length)
	);
	await axe.check(page, 'direct: protocol, one clause highlighted');
	await page.getByRole('link', { name: 'Accessibility statement' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: /Accessibility statement for/ })
	).toBeVisible();
	await axe.check(page, 'direct: accessibility statement');
	await go(page, '#/scenario/no-such-scenario');
	await axe.check(page, 'direct: scenario not found');

	// One scenario finished (on its recommended route), one half-way.
	const s = await scenarioById(id);
	const half = await scenarioById(HEADLINE[1]);
	const key = await storageKey();
	await openDirect(page, '#/', {
		[key]: await savedProgress({
			[id]: recommendedPath(s),
			[half.id]: recommendedPath(half).slice(0, 2)
		})
	});
	await axe.check(page, 'direct: home (one finished, one in progress)');
	await go(page, `#/scenario/${id}`);
	await expect(page.getByRole('heading', { name: 'Your score for this scenario' })).toBeVisible();
	await axe.check(page, 'direct: ending, reopened');
	await go(page, '#/results');
	await expect(page.getByRole('heading', { name: 'Results by principle' })).toBeVisible();
	await axe.check(page, 'direct: results (one finished)');
	await page.getByRole('link', { name: 'Review your choices' }).click();
	await expect(page.locator('section.debrief').first()).toBeVisible();
	await axe.check(page, 'direct: debrief (all scenarios with decisions)');
	await go(page, `#/debrief/${id}`);
	await axe.check(page, 'direct: debrief of one scenario');

	// Everything finished: the certificate, with its name form.
	await openAllFinished(page, '#/certificate');
	await expect(page.getByRole('heading', { name: 'Certificate of completion' })).toBeVisible();
	await axe.check(page, 'direct: certificate (ready, no name)');
	await page
		.getByLabel('Your full name, as it should appear on the certificate')
		.fill('Alex Example');
	await page.getByRole('button', { name: 'Show my name' }).click();
	await expect(page.locator('.cert-name')).toHaveText('Alex Example');
	await axe.check(page, 'direct: certificate (with a name)');
	await go(page, '#/results');
	await axe.check(page, 'direct: results (course complete)');
	axe.expectNone();
});

test('axe: practice mode (go back, choose again), opened directly', async ({ page }) => {
	await prepareDirect(page);
	const axe = new AxeRun();
	const s = await scenarioById(HEADLINE[2]);
	await openDirect(page, `#/scenario/${s.id}`, {}, PRACTICE);
	await expect(page.getByText('Practice — not assessed')).toBeVisible();
	await axe.check(page, 'practice: first question');
	const step = s.nodes[s.start] as Step;
	await pick(page, step.id, step.choices[0].key);
	await feedbackReady(page);
	await axe.check(page, 'practice: feedback, with "Go back and choose again"');
	await onwards(page, s, step.choices[0].next);
	await axe.check(page, 'practice: second screen, with "Go back one step"');
	await go(page, '#/');
	await axe.check(page, 'practice: home');
	axe.expectNone();
});

test('axe: the LMS launch — home, results, debrief, certificate, protocol and statement in the mock LMS frame', async ({
	page
}) => {
	test.setTimeout(120_000);
	const axe = new AxeRun();
	// The 4-scenario officer refresher (SCORM 2004): finishing it all gives the certificate.
	const slug = builtVariant(new RegExp(`^${slugFor(COUNCIL, '2004')}-sel-[0-9a-z]{6}$`));
	await openMockLms(page, slug, { reset: '1' });
	await waitForSession(page);
	const frame = moduleFrameHandle(page);
	await expect(frame.getByText(NO_LMS_BANNER)).toHaveCount(0);
	await axe.check(frame, 'LMS: home (fresh)');
	await frame.getByRole('link', { name: 'Your results' }).click();
	await expect(frame.getByText('You have not finished a scenario yet')).toBeVisible();
	await axe.check(frame, 'LMS: results (nothing finished)');
	await go(frame, '#/certificate');
	await axe.check(frame, 'LMS: certificate (not ready)');
	await go(frame, '#/debrief');
	await axe.check(frame, 'LMS: debrief (nothing done)');
	await frame
		.getByRole('navigation', { name: 'Course' })
		.getByRole('link', { name: /protocol/ })
		.click();
	await expect(frame.locator('ol.clauses > li').first()).toBeVisible();
	await axe.check(frame, 'LMS: protocol');
	await frame.getByRole('link', { name: 'Accessibility statement' }).click();
	await expect(
		frame.getByRole('heading', { level: 1, name: /Accessibility statement for/ })
	).toBeVisible();
	await axe.check(frame, 'LMS: accessibility statement');

	// Play every scenario of the course on its recommended route, by the UI.
	await frame.getByRole('link', { name: 'Scenarios', exact: true }).click();
	await expect(frame.locator('main a[href^="#/scenario/"]').first()).toBeVisible();
	const ids = await frame
		.locator('main a[href^="#/scenario/"]')
		.evaluateAll((as) => as.map((a) => a.getAttribute('href')!.slice('#/scenario/'.length)));
	expect(ids.length).toBeGreaterThanOrEqual(2);
	for (const [n, id] of ids.entries()) {
		const s = await scenarioById(id);
		await frame.locator(`main a[href="#/scenario/${id}"]`).first().click();
		let node = s.nodes[s.start];
		for (const key of recommendedPath(s)) {
			const step = node as Step;
			await pick(frame, step.id, key);
			const next = step.choices.find((c) => c.key === key)!.next;
			await onwards(frame, s, next);
			node = s.nodes[next];
		}
		if (n === 0) {
			await go(frame, '#/results');
			await axe.check(frame, 'LMS: results (one finished)');
		}
		if (n < ids.length - 1) {
			await frame.getByRole('link', { name: 'Scenarios', exact: true }).click();
			await expect(frame.locator('main a[href^="#/scenario/"]').first()).toBeVisible();
		}
	}
	await axe.check(frame, 'LMS: last ending (course complete)');
	await frame.getByRole('link', { name: 'See all your results' }).click();
	await expect(frame.getByText(/Passed|Not passed/).first()).toBeVisible();
	await axe.check(frame, 'LMS: results (course complete)');
	await frame.getByRole('link', { name: 'Review your choices' }).click();
	await expect(frame.locator('section.debrief')).toHaveCount(ids.length);
	await axe.check(frame, 'LMS: debrief (every scenario)');
	await go(frame, '#/results');
	await frame.getByRole('link', { name: 'Your certificate' }).click();
	await expect(frame.getByRole('heading', { name: 'Certificate of completion' })).toBeVisible();
	await axe.check(frame, 'LMS: certificate (ready, name from the LMS)');
	axe.expectNone();
});

test('axe: the mock LMS page itself', async ({ page }) => {
	const axe = new AxeRun();
	await openMockLms(page, SLUG12);
	await waitForSession(page);
	for (const summary of await page.locator('summary').all()) await summary.click();
	await axe.check(page, 'mock LMS page (all details open)');
	axe.expectNone();
});
