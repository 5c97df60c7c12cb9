/**
 * The cohort report page as a provider uses it: built by `npm run report`, opened from file://,
 * a real Moodle export opened in it, read in the browser with no request anywhere, checked with
 * axe and the keyboard, and printed on A4 without learners' names.
 */
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

const OUT = resolve('test-results/report');
const FIX = resolve('tests/fixtures/lms-exports');

test.describe('cohort report page', () => {
	test.describe.configure({ timeout: 120_000 });
	test.beforeAll(() => {
		execFileSync(
			'npx',
			[
				'tsx',
				'scripts/report.ts',
				`--course=${join(FIX, 'witham-town-council-c4f4d89.course.json')}`,
				`--out=${OUT}`
			],
			{ stdio: 'pipe' }
		);
	});

	test('reads a real Moodle export in the browser and shows where learners go wrong', async ({
		page
	}) => {
		const requests: string[] = [];
		page.on('request', (r) => requests.push(r.url()));
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

		await page.goto(pathToFileURL(join(OUT, 'witham-town-council-report.html')).href);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Where learners go wrong: cohort report'
		);
		await expectNoAxeViolations(page, 'report page before a file is opened');

		await page
			.locator('#file')
			.setInputFiles(join(FIX, 'moodle-4.5.6-scorm12-witham-interactions.txt'));
		await expect(page.getByRole('status')).toHaveText(
			/Read moodle-4\.5\.6-scorm12-witham-interactions\.txt: 7 rows, 7 attempts\./
		);
		await expect(page.locator('#results-start')).toBeFocused();
		const facts = page.locator('#results dl.facts');
		await expect(facts).toContainText('Passed1 (17%)');
		await expect(facts).toContainText('Failed2 (33%)');
		await expect(facts).toContainText('Average score45% (over 3 attempts with a score)');
		await expect(page.getByRole('heading', { name: 'The most common wrong turns' })).toBeVisible();
		// The first decision of "A word over coffee": 3 of 5 chose a, 2 chose the recommended c.
		const first = page.locator('#results table.decision').first();
		await expect(first.locator('caption')).toContainText('5 answers');
		await expect(first.locator('tbody tr').first().locator('td').nth(1)).toHaveText('3');
		await expect(first.locator('tbody tr').first().locator('td').nth(2)).toHaveText('60%');
		await expect(first.locator('tr.recommended td').nth(1)).toHaveText('2');
		await expect(page.locator('#learners')).toContainText('Alex Able');
		await expectNoAxeViolations(page, 'report page with the Witham export');

		// Filters: a start date after the attempts leaves nobody.
		await page.locator('#from').fill('2026-12-04');
		await expect(page.locator('#results dl.facts')).toContainText('Learners0');
		await page.locator('#from').fill('');
		await expect(page.locator('#results dl.facts')).toContainText('Learners6');
		// The track each learner took, as the scenarios they played show it: Beth and Fay chose
		// the councillor list, Dana the officer list, the others every scenario.
		const track = page.getByLabel('Track', { exact: true });
		await expect(track.locator('option')).toHaveText([
			'All',
			'Councillor induction (2)',
			'Officer refresher (1)',
			'All scenarios, both tracks (3)'
		]);
		await track.selectOption('officer');
		await expect(page.locator('#results dl.facts')).toContainText('Learners1');
		await expect(page.locator('#learners tbody tr')).toHaveCount(1);
		await expect(page.locator('#learners tbody')).toContainText('Dana Dale');
		await expect(page.locator('#results .filter-note')).toHaveText(
			'Only track: Officer refresher.'
		);
		await track.selectOption('councillor');
		await expect(page.locator('#learners tbody tr th')).toHaveText(['Fay Ford', 'Beth Baker']);
		await track.selectOption('');
		await expect(page.locator('#results dl.facts')).toContainText('Learners6');
		// Moodle's Interactions report has no group column, so there is no group filter.
		await expect(page.getByLabel('Group', { exact: true })).toBeHidden();

		// Names off for the printed copy.
		await page.locator('#names').focus();
		await page.keyboard.press('Space');
		await expect(page.locator('#learners')).toBeHidden();
		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('.controls')).toBeHidden();
		const overflow = await page.evaluate(
			() =>
				[...document.querySelectorAll('main *')].filter(
					(e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1
				).length
		);
		expect(overflow, 'nothing runs past the edge of the printed page').toBe(0);
		const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
		expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThan(1);
		expect(pdf.toString('latin1')).not.toContain('Alex Able');

		// The CSV of the figures is made in the page.
		await page.emulateMedia({ media: 'screen' });
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: 'Download the figures as CSV' }).click()
		]);
		expect(download.suggestedFilename()).toBe('witham-town-council-cohort-summary.csv');

		expect(errors).toEqual([]);
		expect(
			requests.filter((u) => !/^(file|blob|data):/.test(u)),
			'the page sends nothing anywhere'
		).toEqual([]);
	});

	test('filters by the group column an export carries, and keeps a name whole across chunks', async ({
		page
	}) => {
		await page.goto(pathToFileURL(join(OUT, 'witham-town-council-report.html')).href);
		// A long export (one row per interaction) with a group column, as other LMSs write. One
		// learner's 20,000 rows (2 MB) carry a name of two-byte characters, so the pieces the file
		// is read in split some of them: a character broken there would make a second learner.
		const name = `Siân ${'Ŵ'.repeat(40)}`;
		await page.locator('#file').setInputFiles({
			name: 'long.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from(
				'Learner,Interaction ID,Learner Response,Result,Group\n' +
					'Jo,chair-grievance_start,c,correct,North\n' +
					`${name},chair-grievance_start,a,wrong,South\n`.repeat(20_000)
			)
		});
		await expect(page.getByRole('status')).toContainText('Read long.csv:', { timeout: 60_000 });
		const group = page.getByLabel('Group', { exact: true });
		await expect(group.locator('option')).toHaveText(['All', 'North', 'South']);
		await group.selectOption('North');
		await expect(page.locator('#learners tbody tr th')).toHaveText(['Jo']);
		await expect(page.locator('#results .filter-note')).toHaveText('Only group: North.');
		await group.selectOption('South');
		await expect(page.locator('#learners tbody tr th')).toHaveText([name]);
		await expect(page.locator('#results dl.facts')).toContainText('Learners1');
	});

	test('reads the Excel and ODS downloads, starting the spreadsheet reader only then', async ({
		page
	}) => {
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
		await page.goto(pathToFileURL(join(OUT, 'witham-town-council-report.html')).href);
		const started = () => page.evaluate(() => 'cohortSheet' in globalThis);
		expect(await started(), 'the spreadsheet reader does not run with the page').toBe(false);
		await page
			.locator('#file')
			.setInputFiles(join(FIX, 'moodle-4.5.6-scorm12-witham-interactions.txt'));
		await expect(page.getByRole('status')).toContainText('7 attempts');
		expect(await started(), 'nor for a text export').toBe(false);
		for (const ext of ['xlsx', 'ods']) {
			await page
				.locator('#file')
				.setInputFiles(join(FIX, `moodle-4.5.6-scorm12-witham-interactions.${ext}`));
			await expect(page.getByRole('status')).toHaveText(
				`Read moodle-4.5.6-scorm12-witham-interactions.${ext}: 7 rows, 7 attempts.`
			);
			const facts = page.locator('#results dl.facts');
			await expect(facts).toContainText('Passed1 (17%)');
			await expect(facts).toContainText('Average score45% (over 3 attempts with a score)');
			await expect(facts).toContainText('Attempts started3 December 2026 to 3 December 2026');
			await expect(
				page.locator('#results table.decision').first().locator('tr.recommended td').nth(1)
			).toHaveText('2');
		}
		expect(await started()).toBe(true);
		expect(errors, 'the CSP lets the reader run').toEqual([]);
	});

	test('says what is wrong with a file that is not an interactions export', async ({ page }) => {
		await page.goto(pathToFileURL(join(OUT, 'witham-town-council-report.html')).href);
		await page.locator('#file').setInputFiles({
			name: 'old.xls',
			mimeType: 'application/vnd.ms-excel',
			buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
		});
		await expect(page.getByRole('status')).toContainText(
			'old.xls cannot be read: it is an old Excel (.xls) file'
		);
		await page.locator('#file').setInputFiles({
			name: 'grades.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from('Name,Email address,Score\nJo,jo@example.org,50\n')
		});
		await expect(page.getByRole('status')).toContainText(
			'grades.csv cannot be read: the header row has 3 columns'
		);
	});
});
