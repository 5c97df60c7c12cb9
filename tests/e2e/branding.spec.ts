/**
 * A council's own logo (docs/councils.md, "Logo"): a fixture council with a generated test crest
 * (tests/fixtures/councils/logo-valid) is built into a real package here, checked like every
 * package (in a temporary folder, not dist/), and opened from disk (file://, no server): the header and the certificate show the
 * logo with its alt text, the image is a file inside the package, and nothing breaks the CSP.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { assemblePackage, optionsToEnv, viteBuild } from '../../scripts/package';
import { buildCourse, loadLibrary } from '../../src/lib/content/course';
import { buildSlug, parseBuildOptions } from '../../src/lib/content/options';
import { checkPackage } from '../../src/lib/packaging/check';
import { guard } from './guards';

const COUNCILS_DIR = 'tests/fixtures/councils/logo-valid';
const COUNCIL = 'brackenford-parish-council';
const SCENARIO = 'instructing-staff';
const ALT = 'Brackenford Parish Council crest';

test.describe.configure({ mode: 'serial' });
let packageDir = '';
let logoFile = '';

test.beforeAll(async () => {
	test.setTimeout(240_000);
	const lib = await loadLibrary('.', 'scenarios', COUNCILS_DIR);
	expect(lib.errors).toEqual([]);
	const { options, errors } = parseBuildOptions(
		{ COUNCIL, SCORM: '1.2', SCENARIOS: SCENARIO },
		{ councils: [COUNCIL], scenarios: lib.scenarios.map((s) => s.id) }
	);
	expect(errors).toEqual([]);
	const course = buildCourse(lib, options);
	logoFile = course.council.logo!.src;
	// Outside dist/: the suites that go through every package there test the real councils.
	packageDir = join(mkdtempSync(join(tmpdir(), 'branding-')), buildSlug(options));
	const built = await viteBuild(process.cwd(), { ...optionsToEnv(options), COUNCILS_DIR });
	expect(built.ok, built.output).toBe(true);
	const zip = assemblePackage('build', packageDir, options, course);
	writeFileSync(`${packageDir}.zip`, zip);
	expect(await checkPackage(zip, '1.2', process.cwd())).toEqual([]);
});

test('the logo ships in the package and shows, with its alt text, in the header and on the certificate (file://)', async ({
	page,
	context
}) => {
	const g = await guard(context);
	expect(existsSync(join(packageDir, logoFile)), 'the image is a file in the package').toBe(true);
	expect(readFileSync(join(packageDir, 'imsmanifest.xml'), 'utf8')).toContain(
		`<file href="${logoFile}"/>`
	);
	expect(readFileSync(join(packageDir, logoFile))).toEqual(
		readFileSync(join(COUNCILS_DIR, 'logos/brackenford-crest.png'))
	);

	await page.goto(pathToFileURL(join(packageDir, 'index.html')).href);
	const header = page.locator('header.site-header img');
	await expect(header).toHaveAttribute('alt', ALT);
	await expect(header).toHaveAttribute('src', logoFile);
	await expect(page.getByRole('banner').getByRole('img', { name: ALT })).toBeVisible();
	expect(await header.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(96);

	// Finish the one scenario (any choices: the certificate needs it finished, not passed).
	await page.locator(`main a[href="#/scenario/${SCENARIO}"]`).first().click();
	for (let i = 0; i < 20; i++) {
		const radio = page.locator('form input[type="radio"][name^="choice-"]').first();
		await expect(radio).toBeVisible();
		await radio.check();
		await page.getByRole('button', { name: 'Continue', exact: true }).click();
		await page.getByRole('button', { name: /^(Continue|See what happened)$/ }).click();
		if (await page.getByRole('heading', { name: 'Your score for this scenario' }).isVisible())
			break;
	}
	await expect(page.getByRole('heading', { name: 'Your score for this scenario' })).toBeVisible();
	await page.evaluate(() => {
		const a = document.createElement('a');
		a.href = '#/certificate';
		document.querySelector('main')!.appendChild(a);
		a.click();
	});
	const cert = page.locator('article.certificate');
	await expect(cert).toBeVisible();
	const logo = cert.getByRole('img', { name: ALT });
	await expect(logo).toBeVisible();
	await expect(logo).toHaveAttribute('src', logoFile);
	expect(await logo.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
	await expect(cert.locator('.cert-council')).toHaveText('Brackenford Parish Council');
	await g.expectClean();
});
