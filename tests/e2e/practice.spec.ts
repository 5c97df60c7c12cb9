/**
 * Practice mode, end to end in the mock LMS: going back undoes choices (score, path and what the
 * LMS is told), the debrief shows every route tried, resume keeps the history, and the LMS gets
 * "completed", never passed or failed.
 */
import { expect, test } from '@playwright/test';
import {
	builtVariant,
	choose,
	cmiSummary,
	continueAfterFeedback,
	currentStepId,
	expectNoLmsErrors,
	loadScenarioSource,
	moduleFrame,
	openMockLms,
	playScenario,
	readCmi,
	recommendedKey,
	relaunch,
	scenarioIdsOnHome,
	slugFor,
	startScenario
} from './helpers';

const practice12 = slugFor('kingsthorpe-parish-council', '1.2', 'practice');
const practice2004 = () =>
	builtVariant(/^kingsthorpe-parish-council-scorm2004-practice-sel-[0-9a-z]{6}$/);

test('go back twice, take another branch, finish: only the final route is reported', async ({
	page
}) => {
	await openMockLms(page, practice12);
	const frame = moduleFrame(page);
	await expect(frame.getByText('Practice — not assessed')).toBeVisible();
	const id = 'confidentiality-councillor';
	const sc = loadScenarioSource(id);
	await startScenario(page, id);

	// Two recommended decisions, then back twice to the first step.
	const first = await playScenario(page, id, 'recommended', { decisions: 2 });
	await expect(frame.getByText('Decision 3 of up to')).toBeVisible();
	await frame.getByRole('button', { name: 'Go back one step' }).click();
	await expect(frame.getByText('Decision 2 of up to')).toBeVisible();
	await frame.getByRole('button', { name: 'Go back one step' }).click();
	await expect(frame.getByText('Decision 1 of up to')).toBeVisible();
	expect(await currentStepId(page)).toBe(sc.start);
	await expect(frame.getByRole('button', { name: 'Go back one step' })).toHaveCount(0);

	// Another branch this time, then the recommended choices to an ending.
	const other = sc.steps[sc.start].choices.find((c) => c.key !== first.path[0].key)!.key;
	const final = await playScenario(page, id, [other, '*', '*', '*', '*', '*', '*', '*']);
	expect(final.ending).not.toBeNull();

	// The LMS: interactions for the final route only, and still incomplete (one scenario of many).
	const s = cmiSummary(await readCmi(page), '1.2');
	expect(s.interactions.map((i) => [i.id, i.response])).toEqual(
		final.path.map((p) => [`${id}_${p.stepId}`, p.key])
	);
	expect(s.status).toBe('incomplete');
	expect(s.status).not.toMatch(/passed|failed/);

	// The debrief shows both routes; the score is the final route's.
	await frame.getByRole('link', { name: 'Review your choices' }).click();
	await expect(frame.getByRole('heading', { name: /^Route 1 of 2$/ })).toBeVisible();
	await expect(
		frame.getByRole('heading', { name: /^Route 2 of 2 \(your latest\)$/ })
	).toBeVisible();
	await expectNoLmsErrors(page);
});

test('going back from the feedback screen undoes the choice, and resume keeps the history', async ({
	page
}) => {
	await openMockLms(page, practice12);
	const frame = moduleFrame(page);
	const id = 'delegation-officer';
	const sc = loadScenarioSource(id);
	await startScenario(page, id);
	const best = recommendedKey(sc, sc.start);
	const wrong = sc.steps[sc.start].choices.find((c) => c.key !== best)!.key;
	await choose(page, sc.start, wrong);
	await frame.getByRole('button', { name: 'Go back and choose again' }).click();
	expect(await currentStepId(page)).toBe(sc.start);
	await choose(page, sc.start, best);
	await continueAfterFeedback(page);
	const second = await currentStepId(page);
	expect(second).toBe(sc.steps[sc.start].choices.find((c) => c.key === best)!.next);

	// Close and come back: the learner is at the same step, and the history is still there.
	await relaunch(page);
	await startScenario(page, id);
	expect(await currentStepId(page)).toBe(second);
	const module = page.frames().find((f) => /\/dist\//.test(f.url()))!;
	await module.evaluate((s) => (location.hash = `#/debrief/${s}`), id);
	await expect(frame.getByRole('heading', { name: /^Route 1 of 2$/ })).toBeVisible();
	await expect(frame.getByText('You went back from here and chose again.')).toBeVisible();
	await expect(frame.getByText('Not finished yet.')).toBeVisible();
	await expectNoLmsErrors(page);
});

test('a finished practice course is reported as completed, never passed or failed (SCORM 2004)', async ({
	page
}) => {
	await openMockLms(page, practice2004());
	const frame = moduleFrame(page);
	const ids = await scenarioIdsOnHome(page);
	expect(ids).toEqual(['confidentiality-councillor', 'delegation-officer']);
	for (const id of ids) {
		await startScenario(page, id);
		await playScenario(page, id, ['!', '*', '*', '*', '*', '*', '*', '*']);
	}
	await frame.getByRole('link', { name: 'See all your results' }).click();
	await expect(
		frame.getByText(/Practice — not assessed\. You have finished every scenario\./)
	).toBeVisible();
	await expect(frame.getByText(/Passed|Not passed/)).toHaveCount(0);
	const s = cmiSummary(await readCmi(page), '2004');
	expect(s.status).toBe('completed');
	expect(s.success).toBe('unknown');
	await expectNoLmsErrors(page);
});
