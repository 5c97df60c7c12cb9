/**
 * The packages in an LMS: kingsthorpe-parish-council (the default council) in SCORM 1.2 and
 * 2004, launched in the mock LMS. One whole scenario is played by clicking, then the tracking
 * data the LMS holds is checked, then the module is launched again (resume) and closed in the
 * middle of a scenario (same step after relaunch). Also: the mock LMS page itself passes axe.
 */
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import {
	axeViolations,
	cmiSummary,
	currentStepId,
	expectNoLmsErrors,
	homeStatus,
	lmsLog,
	lmsSession,
	loadScenarioSource,
	moduleFrame,
	openMockLms,
	playScenario,
	readCmi,
	relaunch,
	reloadModuleFrame,
	scenarioIdsOnHome,
	slugFor,
	startScenario,
	storedRecord,
	waitForSession
} from './helpers';

const COUNCIL = 'kingsthorpe-parish-council';
const ARTIFACTS = 'tests/e2e/.artifacts';

/** A scenario of the course with at least three decisions on its recommended path. */
async function pickScenario(page: Page): Promise<string> {
	for (const id of await scenarioIdsOnHome(page)) {
		const sc = loadScenarioSource(id);
		let step = sc.start;
		let n = 0;
		while (sc.steps[step]) {
			const best = sc.steps[step].choices.reduce((a, c) => (c.total > a.total ? c : a));
			step = best.next;
			n++;
		}
		if (n >= 3) return id;
	}
	throw new Error('no scenario with three or more decisions on its recommended path');
}

for (const version of ['1.2', '2004'] as const) {
	const slug = slugFor(COUNCIL, version);
	const wrong = version === '1.2' ? 'wrong' : 'incorrect';

	test.describe(`SCORM ${version} (${slug})`, () => {
		test('a whole scenario is tracked, and a relaunch resumes it', async ({ page }) => {
			await openMockLms(page, slug);
			const first = await waitForSession(page);
			expect(first.entry).toBe('ab-initio');

			const id = await pickScenario(page);
			await startScenario(page, id);
			// The first decision not the recommended one, the rest recommended: both results appear.
			const played = await playScenario(page, id, ['!', ...Array(20).fill('*')]);
			expect(played.ending).not.toBeNull();

			const cmi = cmiSummary(await readCmi(page), version);
			expect(cmi.interactions.map((i) => i.id)).toEqual(
				played.path.map((p) => `${id}_${p.stepId}`)
			);
			cmi.interactions.forEach((interaction, n) => {
				expect(interaction.response, `interaction ${n} response`).toMatch(/^[a-i]$/);
				expect(interaction.response).toBe(played.path[n].key);
				expect(interaction.result).toBe(played.path[n].recommended ? 'correct' : wrong);
			});
			expect(cmi.interactions[0].result).toBe(wrong);
			expect(cmi.suspendData.length).toBeGreaterThan(0);
			expect(cmi.suspendData.length).toBeLessThanOrEqual(4096);
			// One scenario of several: the course is not finished.
			expect(cmi.status).toBe('incomplete');
			await expectNoLmsErrors(page);

			// Come back later: the LMS offers the stored data with entry=resume.
			const again = await relaunch(page);
			expect(again.id).toBeGreaterThan(first.id);
			expect(again.entry).toBe('resume');
			const stored = await storedRecord(page);
			expect(stored?.sessions[0]?.exit, 'the first session should exit with suspend').toBe(
				'suspend'
			);
			expect(stored?.sessions[0]?.ended).toBe('terminated');
			const { calls } = await lmsLog(page);
			const entryRead = calls.find(
				(c) =>
					c.session === again.id &&
					/GetValue$/.test(c.method) &&
					/^cmi\.(core\.)?entry$/.test(c.element)
			);
			expect(entryRead?.result, 'the module should read cmi.entry on relaunch').toBe('resume');
			expect(await homeStatus(page, id)).toMatch(/^Finished/);
			const resumed = cmiSummary(await readCmi(page), version);
			expect(resumed.interactions.length).toBe(played.path.length);
			expect(resumed.status).toBe('incomplete');
			await expectNoLmsErrors(page);
		});

		test('closing in the middle of a scenario resumes at the same step', async ({ page }) => {
			await openMockLms(page, slug);
			await waitForSession(page);
			const id = await pickScenario(page);
			await startScenario(page, id);
			const part = await playScenario(page, id, 'recommended', { decisions: 2 });
			expect(part.stoppedAt).not.toBeNull();

			// The learner closes the module (the frame reloads: the module finishes, the LMS stores).
			const reopened = await reloadModuleFrame(page);
			expect(reopened.entry).toBe('resume');
			await openScenarioIfHome(page, id);
			expect(await currentStepId(page)).toBe(part.stoppedAt);

			// Later, from the LMS, with only the LMS's data (the module's own browser copy cleared).
			await relaunch(page, { clearModuleCopy: true });
			expect((await lmsSession(page))?.entry).toBe('resume');
			const frame = moduleFrame(page);
			if (!(await currentStepId(page))) {
				await expect.poll(() => homeStatus(page, id)).toBe('In progress');
			}
			await openScenarioIfHome(page, id);
			expect(await currentStepId(page)).toBe(part.stoppedAt);
			await expect(frame.locator('form input[type="radio"]').first()).toBeVisible();

			const cmi = cmiSummary(await readCmi(page), version);
			expect(cmi.interactions.map((i) => i.id)).toEqual(part.path.map((p) => `${id}_${p.stepId}`));
			expect(cmi.interactions.every((i) => i.result === 'correct')).toBe(true);
			expect(cmi.status).toBe('incomplete');
			await expectNoLmsErrors(page);
		});

		test('a session that ends on the home page finishes without LMS errors', async ({ page }) => {
			await openMockLms(page, slug);
			await waitForSession(page);
			const id = await pickScenario(page);
			await startScenario(page, id);
			await playScenario(page, id, 'recommended', { decisions: 1 });
			await moduleFrame(page).getByRole('link', { name: 'Back to all scenarios' }).click();
			await expect(
				moduleFrame(page).locator(`main a[href="#/scenario/${id}"]`).first()
			).toBeVisible();
			// The learner leaves from the home page; the module finishes this session (and the next).
			await relaunch(page);
			await relaunch(page);
			const stored = await storedRecord(page);
			expect(stored?.sessions.map((s) => s.ended)).toEqual(['terminated', 'terminated', null]);
			await expectNoLmsErrors(page);
		});
	});
}

/** After a relaunch the module may open at its home page: then open the scenario again. */
async function openScenarioIfHome(page: Page, id: string) {
	if (await currentStepId(page)) return;
	await startScenario(page, id);
}

test('the mock LMS page passes axe-core (WCAG 2.2 AA)', async ({ page }) => {
	await openMockLms(page, slugFor(COUNCIL, '1.2'));
	await waitForSession(page);
	mkdirSync(ARTIFACTS, { recursive: true });
	await page.screenshot({ path: `${ARTIFACTS}/mock-lms.png` });
	// Open the collapsed parts too, so that axe checks them.
	for (const summary of await page.locator('summary').all()) await summary.click();
	const violations = await axeViolations(page);
	expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
});
