/**
 * A learner's whole course, end to end in the mock LMS: one scenario per headline topic, then a
 * refresher course (4 chosen officer scenarios, SCORM 2004) completed in full, with its results,
 * debrief, certificate (and its A4 print) and what the LMS holds at the end.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { certificateReference } from '../../src/lib/display/verify';
import {
	builtVariant,
	cmiSummary,
	expectNoLmsErrors,
	loadScenarioSource,
	moduleFrame,
	openMockLms,
	playScenario,
	readCmi,
	recommendedKey,
	scenarioIdsOnHome,
	slugFor,
	startScenario
} from './helpers';

const REFRESHER = [
	'confidentiality-officer',
	'friendship-officer',
	'delegation-officer',
	'professional-advice'
];
const refresherSlug = () => builtVariant(/^kingsthorpe-parish-council-scorm2004-sel-[0-9a-z]{6}$/);

/** Whitespace-normalised text of the council's protocol, as the seed gave it. */
const source = (council: string) =>
	readFileSync(join('scenarios/councils', `${council}.source.txt`), 'utf8').replace(/\s+/g, ' ');

test.describe('the three headline topics', () => {
	for (const [scenario, route] of [
		['confidentiality-councillor', 'recommended'],
		['friendship-officer', '!***'],
		['delegation-councillor', '!!!!!']
	] as const) {
		test(`${scenario} plays to an ending with feedback that quotes the council`, async ({
			page
		}) => {
			await openMockLms(page, slugFor('witham-town-council', '1.2'));
			await startScenario(page, scenario);
			const frame = moduleFrame(page);
			const sc = loadScenarioSource(scenario);
			// The first decision: check the feedback quotes Witham's protocol word for word.
			const first = sc.steps[sc.start];
			const key =
				route === 'recommended' || route[0] === '*'
					? recommendedKey(sc, sc.start)
					: first.choices.find((c) => c.key !== recommendedKey(sc, sc.start))!.key;
			await frame.locator(`input[name="choice-${sc.start}"][value="${key}"]`).check();
			await frame.getByRole('button', { name: 'Continue' }).click();
			await expect(frame.getByRole('heading', { name: /recommended choice/i })).toBeVisible();
			// Each principle shows its plain-English summary; the council's words are one step away.
			await expect(frame.locator('.feedback .clause-summary').first()).toBeVisible();
			await expect(frame.locator('.feedback figure.clause').first()).toBeHidden();
			for (const summary of await frame.locator('.feedback details.clause-details > summary').all())
				await summary.click();
			await expect(frame.locator('.feedback figure.clause').first()).toBeVisible();
			const quotes = await frame.locator('.feedback figure.clause blockquote').allInnerTexts();
			expect(quotes.length).toBeGreaterThan(0);
			const text = source('witham-town-council');
			for (const q of quotes) expect(text).toContain(q.replace(/\s+/g, ' ').trim());
			await expect(frame.locator('.feedback figcaption a').first()).toHaveAttribute(
				'href',
				/^#\/protocol\//
			);
			await frame.getByRole('button', { name: /^(Continue|See what happened)$/ }).click();
			const rest = route === 'recommended' ? 'recommended' : route.slice(1);
			const played =
				first.choices.find((c) => c.key === key)!.next in sc.endings
					? null
					: await playScenario(page, scenario, rest);
			await expect(
				frame.getByRole('heading', { name: 'Your score for this scenario' })
			).toBeVisible();
			if (played) expect(played.ending).not.toBeNull();
			await expect(frame.locator('.outcome')).toHaveText(
				/Handled well|A mixed outcome|Things went wrong/
			);
			await expectNoLmsErrors(page);
		});
	}
});

async function finishRefresher(page: Page) {
	const ids = await scenarioIdsOnHome(page);
	expect(ids).toEqual(REFRESHER);
	// Recommended all the way in three, one wrong turn first in the last, so the score is not 100.
	for (const id of ids) {
		await startScenario(page, id);
		await playScenario(
			page,
			id,
			id === 'professional-advice' ? ['!', '*', '*', '*', '*', '*', '*', '*'] : 'recommended'
		);
	}
}

test('a refresher course of 4 scenarios: results, debrief, certificate and the LMS record', async ({
	page
}) => {
	test.setTimeout(120_000);
	const slug = refresherSlug();
	const manifest = readFileSync(join('dist', slug, 'imsmanifest.xml'), 'utf8');
	expect(manifest).toContain('<title>Officer refresher: Member/Officer protocol</title>');
	await openMockLms(page, slug);
	const frame = moduleFrame(page);
	await finishRefresher(page);

	// Results: overall score against the pass mark, every scenario finished, principles in words.
	await frame.getByRole('link', { name: 'See all your results' }).click();
	await expect(frame.getByRole('heading', { level: 1, name: 'Your results' })).toBeVisible();
	const score = Number((await frame.locator('.big-score').first().innerText()).replace('%', ''));
	expect(score).toBeGreaterThan(50);
	expect(score).toBeLessThan(100);
	await expect(
		frame.getByText(new RegExp(`(Passed|Not passed): the pass mark is 80%`))
	).toBeVisible();
	const rows = frame.locator('table').first().locator('tbody tr');
	await expect(rows).toHaveCount(4);
	for (const r of await rows.allInnerTexts()) expect(r).toMatch(/Finished\s+\d+%/);
	const principleRows = await frame.locator('table').nth(1).locator('tbody tr').allInnerTexts();
	expect(principleRows.length).toBeGreaterThan(3);
	for (const r of principleRows) expect(r).toMatch(/(Met|Partly met|Not met)\s+\d+%\s+\d+/);
	await expect(frame.getByText(/^Time spent: /)).toBeVisible();

	// Debrief: the learner's path beside the recommended one, with the council's clause.
	await frame.getByRole('link', { name: 'Review your choices' }).click();
	await expect(frame.getByRole('heading', { level: 2 })).toHaveCount(4);
	await expect(frame.getByText(/^(The protocol recommends|Recommended) \([a-i]\)$/)).toHaveCount(1);
	const advice = frame
		.locator('section', { has: frame.getByRole('heading', { name: /./, level: 2 }) })
		.last();
	await expect(advice.locator('figure.clause').first()).toBeVisible();

	// Certificate: name from the LMS ("Bloggs, Jo" shown as "Jo Bloggs"), council, protocol, dates, code.
	await frame.getByRole('link', { name: 'Your results' }).click();
	await frame.getByRole('link', { name: 'Your certificate' }).click();
	const cert = frame.locator('article.certificate');
	await expect(cert).toContainText('Jo Bloggs');
	await expect(cert).toContainText('Kingsthorpe Parish Council');
	await expect(cert).toContainText('Officer refresher: Member/Officer protocol');
	await expect(cert).toContainText('Member/Officer Protocol (version: 2; adopted: 21-06-23)');
	const today = new Date();
	const fmt = (d: Date) =>
		d.toLocaleDateString('en-GB', {
			day: 'numeric',
			month: 'long',
			year: 'numeric',
			timeZone: 'UTC'
		});
	await expect(cert).toContainText(new RegExp(`Date completed\\s*${fmt(today)}`));
	const due = new Date(
		Date.UTC(today.getUTCFullYear() + 1, today.getUTCMonth(), today.getUTCDate())
	);
	await expect(cert).toContainText(new RegExp(`Refresher due\\s*${fmt(due)}`));
	await expect(cert).toContainText(new RegExp(`Score\\s*${score}% \\(pass mark 80%\\)`));
	await expect(cert.locator('.cert-code')).toHaveText(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
	// A provider can recompute the code from what the certificate says (npm run verify-certificate).
	const content = /Content version ([0-9a-f]{8})/.exec(await cert.innerText())![1];
	const iso = today.toISOString().slice(0, 10);
	const expected = certificateReference([
		content,
		'kingsthorpe-parish-council',
		'assessed',
		'Jo Bloggs',
		iso,
		score,
		score >= 80 ? 'Passed' : 'Not passed'
	]);
	await expect(cert.locator('.cert-code')).toHaveText(expected);
	await expect(frame.getByText('Save as PDF')).toBeVisible();

	// The LMS record: complete, passed or failed against 80 %, interactions only from these 4 scenarios, no objectives.
	const s = cmiSummary(await readCmi(page), '2004');
	expect(s.status).toBe('completed');
	expect(s.success).toBe(score >= 80 ? 'passed' : 'failed');
	expect(Number(s.scoreRaw)).toBe(score);
	expect(Number(s.scoreScaled)).toBeCloseTo(score / 100, 2);
	expect(s.interactions.length).toBeGreaterThanOrEqual(16);
	for (const i of s.interactions)
		expect(REFRESHER.some((id) => i.id.startsWith(`${id}_`))).toBe(true);
	expect(s.objectives).toEqual([]);
	await expectNoLmsErrors(page);
});

test('the certificate prints on one A4 page', async ({ page }) => {
	test.setTimeout(120_000);
	await openMockLms(page, refresherSlug());
	await finishRefresher(page);
	// Print the module on its own page, as a learner's browser prints the frame. Opened without
	// the LMS, it finds the progress in this browser's copy (the tracker mirrors it locally).
	const moduleUrl = page
		.frames()
		.find((f) => /\/dist\//.test(f.url()))!
		.url();
	// The LMS tracker keeps its copy under the learner's key, and a page with no LMS never reads
	// a named learner's copy (a shared computer): hand this learner's copy to the no-LMS page.
	await page.evaluate(() => {
		for (const key of Object.keys(localStorage)) {
			const m = /^(cs:.*):learner:.*$/.exec(key);
			if (m)
				localStorage.setItem(
					m[1],
					JSON.stringify({ ...JSON.parse(localStorage.getItem(key)!), learner: '' })
				);
		}
	});
	const print = await page.context().newPage();
	await print.goto(moduleUrl.replace(/#.*$/, '') + '#/certificate');
	await print.getByLabel(/Your full name/).fill('Jo Bloggs');
	await print.getByRole('button', { name: 'Show my name' }).click();
	await expect(print.locator('article.certificate')).toContainText('Jo Bloggs');
	await print.emulateMedia({ media: 'print' });
	await expect(print.locator('article.certificate')).toBeVisible();
	await expect(print.getByText('No learning system found')).toBeHidden();
	await expect(print.locator('header.site-header')).toBeHidden();
	await expect(print.locator('footer.site-footer')).toBeHidden();
	await expect(print.getByRole('button', { name: 'Print certificate' })).toBeHidden();
	const pdf = await print.pdf({
		format: 'A4',
		printBackground: true,
		path: 'tests/e2e/.artifacts/certificate-a4.pdf'
	});
	const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
	expect(pages).toBe(1);
	await print.close();
});
