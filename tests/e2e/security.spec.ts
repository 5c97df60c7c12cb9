/**
 * Security of the built packages:
 * - a learner name from the LMS that looks like HTML is shown as text on the certificate (no
 *   element made from it, no dialog), in SCORM 1.2 (cmi.core.student_name) and 2004
 *   (cmi.learner_name), and the name typed in with no LMS too;
 * - no Svelte {@html} (nor innerHTML & co.) anywhere in src/;
 * - every request the package makes, through a whole course (every scenario, results, debrief,
 *   certificate, protocol, accessibility statement), goes to the package's own folder on its own
 *   origin: no other host, no fonts, no analytics;
 * - the Content-Security-Policy <meta> is there, has no 'unsafe-eval', and the module works
 *   inside the LMS frame under it with no violation (and the watcher does see one when forced);
 *   the certificate page's CSP is checked in the whole-course run (guard() watches every page).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Frame, type Page, type Request } from '@playwright/test';
import { selectionHash } from '../../src/lib/content/selection';
import {
	moduleFrame,
	moduleFrameHandle,
	openMockLms,
	readCmi,
	seededRecord,
	seedLms,
	slugFor
} from './helpers';
import { guard, open, play, recommendedKeys, type GuardRecord } from './guards';

const COUNCIL = 'kingsthorpe-parish-council';
const XSS = '<img src=x onerror=alert(1)>';
/** The officer refresher that npm run package:variants builds (4 scenarios, SCORM 2004). */
const REFRESHER = [
	'confidentiality-officer',
	'friendship-officer',
	'delegation-officer',
	'professional-advice'
];
const refresherSlug = `${slugFor(COUNCIL, '2004')}-sel-${selectionHash(REFRESHER)}`;

/** Every scenario of the package (from its bundled outline, in order), via the home page. */
async function scenarioIds(root: Page | ReturnType<typeof moduleFrame>): Promise<string[]> {
	await root.getByRole('radio', { name: 'Show all scenarios' }).check();
	const hrefs = await root
		.locator('main a[href^="#/scenario/"]')
		.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
	return [...new Set(hrefs.map((h) => h.slice('#/scenario/'.length)))];
}

/** Seeds the mock LMS's record for a package: every scenario finished along its recommended route, course completed. */
async function seedFinished(page: Page, slug: string, version: '1.2' | '2004', ids: string[]) {
	const text = `1|x|20261201|${ids.map((id) => `${id}:${recommendedKeys(id)}:60`).join('|')}`;
	await seedLms(page, seededRecord(slug, version, text));
}

async function imagesIn(frame: Frame | Page): Promise<number> {
	return frame.evaluate(() => document.querySelectorAll('img, image, script[src="x"]').length);
}

for (const version of ['1.2', '2004'] as const) {
	test(`a learner name that looks like HTML, from a SCORM ${version} LMS, is text on the certificate`, async ({
		page,
		context
	}) => {
		const g = await guard(context);
		const dialogs: string[] = [];
		context.on('page', (p) => p.on('dialog', (d) => (dialogs.push(d.message()), d.dismiss())));
		page.on('dialog', (d) => (dialogs.push(d.message()), d.dismiss()));
		const slug = slugFor(COUNCIL, version);
		// 1.2 as the LMS sends it; 2004 as "Surname, Forename", which the certificate turns round.
		const name = version === '1.2' ? XSS : `O'Brien, ${XSS}`;
		const shown = version === '1.2' ? XSS : `${XSS} O'Brien`;
		// The ids of the course: from the scenario files the package was built from.
		await openMockLms(page, slug, { reset: '1' });
		const ids = await scenarioIds(moduleFrame(page));
		await seedFinished(page, slug, version, ids);
		await openMockLms(page, slug, { learner: name });
		const frame = moduleFrame(page);
		await frame.locator('footer a[href="#/results"]').click();
		await frame.getByRole('link', { name: 'Your certificate' }).click();
		await expect(frame.getByRole('heading', { name: 'Certificate of completion' })).toBeVisible();
		await expect(frame.locator('.cert-name')).toHaveText(shown);
		// From the LMS: no name field to type in.
		await expect(frame.locator('#learner-name')).toHaveCount(0);
		const cmi = await readCmi(page);
		expect(
			version === '1.2' ? cmi?.core?.student_name : cmi?.learner_name,
			'the LMS really sent that name'
		).toBe(name);
		await page.waitForTimeout(300);
		expect(await imagesIn(moduleFrameHandle(page)), 'no element made from the name').toBe(0);
		expect(dialogs, 'no alert').toEqual([]);
		await g.expectClean();
	});
}

test('no {@html} (nor innerHTML, outerHTML, insertAdjacentHTML, document.write, eval) in src/', () => {
	const files: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const p = join(dir, name);
			if (statSync(p).isDirectory()) walk(p);
			else if (/\.(svelte|ts|js|html)$/.test(name) && !/\.spec\.ts$/.test(name)) files.push(p);
		}
	};
	walk('src');
	expect(files.length).toBeGreaterThan(20);
	const found = files.flatMap((f) =>
		readFileSync(f, 'utf8')
			.split('\n')
			.map((line, i) => ({ f, i, line }))
			.filter(({ line }) =>
				/\{@html\b|\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write|\beval\(|new Function\(/.test(
					line
				)
			)
			.map(({ f, i, line }) => `${f}:${i + 1}: ${line.trim()}`)
	);
	expect(found).toEqual([]);
});

test('every request of a whole course run stays in the package; a name typed in is text', async ({
	page,
	context
}) => {
	test.setTimeout(120_000);
	const g = await guard(context);
	const requests: Request[] = [];
	context.on('request', (r) => requests.push(r));
	const dialogs: string[] = [];
	page.on('dialog', (d) => (dialogs.push(d.message()), d.dismiss()));
	const origin = new URL(test.info().project.use.baseURL!).origin;
	const base = `${origin}/dist/${refresherSlug}/`;
	expect(readdirSync('dist'), `${refresherSlug} is built by npm run package:variants`).toContain(
		refresherSlug
	);

	// No LMS: the package on its own, as from a web server.
	await page.goto(`${base}index.html`);
	const ids = await scenarioIds(page);
	expect(ids).toEqual(REFRESHER);
	for (const id of ids) {
		await open(page, id);
		expect((await play(page, id)).ended).toBe(true);
		await page.getByRole('link', { name: 'Review your choices' }).click();
		await expect(
			page.getByRole('heading', { level: 1, name: 'Review your choices' })
		).toBeVisible();
	}
	for (const link of ['Your results', 'Accessibility statement']) {
		await page.getByRole('link', { name: link, exact: true }).click();
		await expect(page.locator('main h1').first()).toBeVisible();
	}
	await page.locator('footer a[href="#/protocol"]').click();
	await expect(page.locator('main h1').first()).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0);
	await page.getByRole('link', { name: 'Your results', exact: true }).click();
	await page.getByRole('link', { name: 'Review your choices' }).click();
	await expect(page.locator('main h1').first()).toBeVisible();
	await page.getByRole('link', { name: 'Your results', exact: true }).click();
	await page.getByRole('link', { name: 'Your certificate' }).click();
	await page.getByLabel('Your full name, as it should appear on the certificate').fill(XSS);
	await page.getByRole('button', { name: 'Show my name' }).click();
	await expect(page.locator('.cert-name')).toHaveText(XSS);
	await page.waitForTimeout(300);
	expect(await imagesIn(page)).toBe(0);
	expect(dialogs).toEqual([]);

	const urls = requests.map((r) => r.url());
	expect(urls.length).toBeGreaterThan(ids.length); // index.html, content/<id>.js, content/later.js, code chunks…
	expect(
		urls.filter((u) => !u.startsWith(base)),
		'requests outside the package'
	).toEqual([]);
	expect(
		urls.filter((u) => /\.(woff2?|ttf|otf)(\?|$)|fonts\.|analytics|gtag|favicon/i.test(u))
	).toEqual([]);
	// Words load on demand: each scenario's first step when it opens, then one file with the
	// other steps of every scenario, the protocol and the statement (engine/text.ts textFile).
	expect(
		[...new Set(urls.filter((u) => u.startsWith(`${base}content/`)))].sort(),
		'words and protocol loaded on demand'
	).toEqual([...ids.map((id) => `${base}content/${id}.js`), `${base}content/later.js`].sort());
	await g.expectClean();
});

test('the Content-Security-Policy: in every package, no unsafe-eval, no violation inside the LMS frame', async ({
	page,
	context
}) => {
	for (const slug of readdirSync('dist').filter((d) => statSync(join('dist', d)).isDirectory())) {
		const html = readFileSync(join('dist', slug, 'index.html'), 'utf8');
		const csp =
			/<meta http-equiv="content-security-policy" content="([^"]+)"/i.exec(html)?.[1] ?? '';
		expect(csp, `${slug} has a CSP meta tag`).toContain("default-src 'none'");
		expect(csp, slug).not.toContain('unsafe-eval');
		// Kit's hash for its inline script, and the one for the boot lines of src/app.html.
		expect(csp, slug).toMatch(/script-src 'self'( 'sha256-[^']+'){2}(;|$)/);
		const boot = /<script>([\s\S]*?__csBoot[\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
		expect(csp, `${slug}: the boot lines are allowed by their own hash`).toContain(
			`'sha256-${createHash('sha256').update(boot).digest('base64')}'`
		);
	}
	const g = await guard(context);
	for (const version of ['1.2', '2004'] as const) {
		await openMockLms(page, slugFor(COUNCIL, version), { reset: '1' });
		const root = moduleFrame(page);
		const frame = moduleFrameHandle(page);
		expect(
			await frame.evaluate(
				() =>
					document
						.querySelector('meta[http-equiv="content-security-policy"]')
						?.getAttribute('content') ?? ''
			)
		).not.toContain('unsafe-eval');
		const id = (await scenarioIds(root))[0];
		await open(root, id);
		await play(root, id);
		// By clicking, as a learner does (setting location.hash from outside reloads a SvelteKit hash-routed page).
		const pages = [
			root.locator('footer a[href="#/results"]'),
			root.locator('main a[href="#/debrief"]'),
			root.locator('footer a[href="#/protocol"]'),
			root.locator('footer a[href="#/accessibility"]')
		];
		for (const link of pages) {
			await link.click();
			await expect(root.locator('main h1').first()).toBeVisible();
		}
		expect(
			await page.evaluate(() => window.mockLms.frameLoads),
			'the module was not reloaded'
		).toBe(1);
		await expect(root.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0);
		expect(
			await frame.evaluate(() => (window as unknown as { __guard: GuardRecord }).__guard.csp)
		).toEqual([]);
	}
	await g.expectClean();
});

test('launched straight into a scenario, its first words are fetched once before the app runs, under the CSP; from the home page, on pointing at a link', async ({
	page,
	context
}) => {
	const g = await guard(context);
	const slug = slugFor(COUNCIL, '1.2');
	const id = 'delegation-councillor';
	const fetched: string[] = [];
	page.on(
		'request',
		(r) => void (r.url().includes('/content/') && fetched.push(r.url().split('/content/')[1]))
	);
	await page.goto(`/dist/${slug}/index.html#/scenario/${id}`);
	await expect(page.getByRole('radio').first()).toBeVisible();
	await expect(page.locator('main h1')).not.toHaveText('Loading');
	// Played on from there, the rest of the words and the protocol follow as usual.
	await page.getByRole('radio').first().check();
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page.locator('main blockquote, main .clause').first()).toBeAttached();
	expect(
		fetched.filter((f) => f === `${id}.js`),
		'first step fetched once'
	).toHaveLength(1);
	// The rest of its words and the protocol come in one file (engine/text.ts textFile).
	expect(fetched).toContain('later.js');
	// A launch anywhere else fetches nothing early. (A fresh browser: in this one, the home page
	// would resume the scenario in progress, and rightly fetch its words.)
	fetched.length = 0;
	const home = await (
		await context.browser()!.newContext({ baseURL: test.info().project.use.baseURL })
	).newPage();
	home.on(
		'request',
		(r) => void (r.url().includes('/content/') && fetched.push(r.url().split('/content/')[1]))
	);
	await home.goto(`/dist/${slug}/index.html`);
	await expect(home.locator('main h1')).toBeVisible();
	expect(fetched).toEqual([]);
	// …until the pointer is on a link to a scenario: then its first step, before any click.
	await home.getByRole('radio', { name: 'Show all scenarios' }).check();
	const link = home.locator('main a[href^="#/scenario/"]').first();
	const target = ((await link.getAttribute('href')) ?? '').slice('#/scenario/'.length);
	await link.hover();
	await expect.poll(() => fetched).toEqual([`${target}.js`]);
	await link.click();
	await expect(home.getByRole('radio').first()).toBeVisible();
	expect(
		fetched.filter((f) => f === `${target}.js`),
		'not fetched again on the click'
	).toHaveLength(1);
	await g.expectClean();
});

test('the CSP watcher sees a violation when one happens (so the test above can fail)', async ({
	page,
	context
}) => {
	const g = await guard(context);
	await openMockLms(page, slugFor(COUNCIL, '2004'), { reset: '1' });
	const frame = moduleFrameHandle(page);
	await frame.evaluate(() => {
		const img = document.createElement('img');
		img.src = 'https://example.invalid/pixel.png';
		document.body.append(img);
		img.remove();
	});
	await expect
		.poll(() =>
			frame.evaluate(() => (window as unknown as { __guard: GuardRecord }).__guard.csp.length)
		)
		.toBeGreaterThan(0);
	const csp = await frame.evaluate(
		() => (window as unknown as { __guard: GuardRecord }).__guard.csp
	);
	expect(csp[0]).toContain('img-src');
	await expect(g.expectClean()).rejects.toThrow(/Content-Security-Policy/);
});
