/**
 * A package opened straight from disk (file://, no web server, no LMS), as a provider does to look
 * at one before uploading it: the home page, a scenario opened from it, and a launch straight into
 * a scenario (the boot line fetches its first step from disk too). No exception, no CSP violation,
 * and progress kept in the browser with the no-LMS message.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { MESSAGES } from '../../src/lib/lms/status';
import { slugFor } from './helpers';
import { guard, mirror } from './guards';

for (const version of ['1.2', '2004'] as const) {
	test(`SCORM ${version} package opened from file://: home, a scenario, a deep link`, async ({
		page,
		context
	}) => {
		const g = await guard(context);
		const index = pathToFileURL(
			join(process.cwd(), 'dist', slugFor('kingsthorpe-parish-council', version), 'index.html')
		).href;
		await page.goto(index);
		await expect(page.locator('main h1')).toHaveText(
			'Working together: the Member/Officer protocol'
		);
		await expect(page.getByText(MESSAGES.noLms)).toBeVisible();
		await page.getByRole('radio', { name: 'Show all scenarios' }).check();
		await page.locator('main a[href^="#/scenario/"]').first().click();
		await page.getByRole('radio').first().check();
		await page.getByRole('button', { name: 'Continue' }).click();
		// The protocol's words load after the step: a gap note, or a clause behind its disclosure.
		await expect(page.locator('main .clause-summary').first()).toBeVisible();
		await expect(page.locator('main .clause, main .gap-note').first()).toBeAttached();
		expect((await mirror(page))?.progress.suspendData, 'progress kept in the browser').toMatch(
			/:[a-i]:/
		);

		const deep = await context.newPage();
		await deep.goto(`${index}#/scenario/delegation-councillor`);
		await expect(deep.getByRole('radio').first()).toBeVisible();
		await expect(deep.locator('main h1')).not.toHaveText('Loading');
		await g.expectClean();
	});
}
