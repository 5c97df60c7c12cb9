/**
 * The LMS record is the learner's own, in the strict mock LMS (scripts/mock-lms/):
 * - a 1.2 package in an LMS that offers both APIs talks 1.2 only;
 * - on a shared computer, a session in which the LMS would not start never starts from the last
 *   learner's copy, and its work reaches an LMS record only when the learner says it is theirs;
 * - SCORM 2004, relaunch after completion: the learner sees their results and certificate, and the
 *   LMS's finished record stays completed/passed, in an LMS that resumes the attempt, one that
 *   (like Moodle) gives data back only after exit=suspend, and one that forces a new attempt;
 * (The back/forward cache: bfcache.spec.ts.)
 */
import { expect, test } from '@playwright/test';
import { loadLibrary } from '../../src/lib/content/course';
import {
	expectNoLmsErrors,
	homeStatus,
	moduleFrame,
	openMockLms,
	relaunch,
	seededRecord,
	seedLms,
	slugFor,
	storedSummary
} from './helpers';
import {
	mirror,
	open,
	play,
	recommendedInteractionIds,
	recommendedKeys,
	recommendedRoute
} from './guards';

const COUNCIL = 'kingsthorpe-parish-council';

test('a SCORM 1.2 package offered both APIs talks SCORM 1.2 only', async ({ page }) => {
	const slug = slugFor(COUNCIL, '1.2');
	await openMockLms(page, slug, { apis: 'both', reset: '1' });
	const id = 'confidentiality-councillor';
	await open(moduleFrame(page), id);
	await play(moduleFrame(page), id, { decisions: 1 });
	await expectNoLmsErrors(page); // any call on API_1484_11 is an error in this mode
	const s = await storedSummary(page, '1.2');
	expect(s.status).toBe('incomplete');
	expect(s.interactions.map((i) => i.id)).toEqual(recommendedInteractionIds(id, 1));
});

test.describe('a shared computer', () => {
	const slug = slugFor(COUNCIL, '1.2');
	const A = 'confidentiality-councillor';
	const B = 'instructing-staff';

	test("a session whose learner is unknown never starts from another's copy, and reaches a record only when its learner says it is theirs", async ({
		page
	}) => {
		// Learner 1 works in the LMS: one decision in A.
		await openMockLms(page, slug, { reset: '1' });
		await open(moduleFrame(page), A);
		await play(moduleFrame(page), A, { decisions: 1 });
		const first = await storedSummary(page, '1.2');
		expect(first.suspendData).toContain(`${A}:`);

		// Someone at the same computer; the LMS does not start (Initialize refused): they start from nothing.
		await openMockLms(page, slug, { fault: 'init-false' });
		await moduleFrame(page).getByRole('radio', { name: 'Show all scenarios' }).check();
		expect(await homeStatus(page, A)).toBe('Not started');
		await open(moduleFrame(page), B);
		await play(moduleFrame(page), B, { decisions: 1 });

		// Learner 1 again, the LMS works: the other session's work is offered, not sent.
		await openMockLms(page, slug);
		const frame = moduleFrame(page);
		const question = frame.getByRole('region', { name: 'Progress saved on this computer' });
		await expect(question).toBeVisible();
		// (Launched where learner 1 left off: the next step of A, from the LMS's location.)
		await expect(
			frame.locator(`input[name="choice-${recommendedRoute(A)[1].stepId}"]`).first()
		).toBeVisible();
		await frame.locator('a[href="#/"]').first().click();
		await frame.getByRole('radio', { name: 'Show all scenarios' }).check();
		expect(await homeStatus(page, B)).toBe('Not started');
		await question.getByRole('button', { name: 'No, it is not mine' }).click();
		await expect(question).toHaveCount(0);
		await open(frame, A);
		await play(frame, A, { decisions: 1 });
		const after = await storedSummary(page, '1.2');
		expect(after.suspendData).not.toContain(`${B}:`);
		expect(after.interactions.map((i) => i.id).filter((i) => i.startsWith(`${B}_`))).toEqual([]);
		await expectNoLmsErrors(page);

		// Learner 2 (a record of their own) launches: asked, says yes: their work is in their record.
		await openMockLms(page, slug, { learnerid: 'mock-learner-002', reset: '1' });
		const asked = moduleFrame(page).getByRole('region', {
			name: 'Progress saved on this computer'
		});
		await asked.getByRole('button', { name: 'Yes, it is mine' }).click();
		await expect(asked).toHaveCount(0);
		await expect
			.poll(async () => (await storedSummary(page, '1.2')).suspendData)
			.toContain(`${B}:${recommendedKeys(B, 1)}:`);
		const theirs = await storedSummary(page, '1.2');
		expect(theirs.suspendData).not.toContain(`${A}:`);
		expect(theirs.interactions.map((i) => i.id)).toEqual(recommendedInteractionIds(B, 1));
		// Learner 1's copy is still theirs alone.
		expect((await mirror(page))?.learner).not.toBe('');
		await expectNoLmsErrors(page);
	});
});

test.describe('SCORM 2004: relaunch after completion', () => {
	const slug = slugFor(COUNCIL, '2004');
	const LMS: { name: string; query: Record<string, string> }[] = [
		{ name: 'an LMS that resumes the attempt', query: {} },
		{
			name: 'an LMS that, like Moodle, gives data back only after exit=suspend',
			query: { lms: 'moodle' }
		},
		{
			name: 'an LMS that forces a new attempt once the last is finished',
			query: { newattempt: 'completed' }
		}
	];
	for (const lms of LMS) {
		test(lms.name, async ({ page }) => {
			test.setTimeout(90_000);
			const lib = await loadLibrary('.');
			const ids = lib.scenarios.map((s) => s.id);
			const last = ids[ids.length - 1];
			// The LMS holds every scenario but the last one finished (as if played in earlier sessions).
			const text = [
				'1',
				lib.contentVersion,
				'-',
				...ids.slice(0, -1).map((id) => `${id}:${recommendedKeys(id)}:30`)
			].join('|');
			await seedLms(page, seededRecord(slug, '2004', text, { location: 'home' }));
			await openMockLms(page, slug, lms.query);
			await open(moduleFrame(page), last);
			await play(moduleFrame(page), last);
			await expect.poll(async () => (await storedSummary(page, '2004')).status).toBe('completed');
			const done = await storedSummary(page, '2004');
			expect(done.success).toBe('passed');
			const score = done.scoreRaw;

			for (let n = 1; n <= 2; n++) {
				await relaunch(page);
				const frame = moduleFrame(page);
				await frame.locator('a[href="#/results"]').first().click();
				await frame.getByRole('link', { name: 'Your certificate' }).click();
				await expect(
					frame.getByRole('heading', { name: 'Certificate of completion' })
				).toBeVisible();
				await frame.locator('a[href="#/"]').first().click();
				const now = await storedSummary(page, '2004');
				if (lms.query.newattempt) {
					// A new attempt: nothing written to it until the learner acts (never "incomplete").
					expect(now.status ?? '', `relaunch ${n}`).not.toBe('incomplete');
				} else {
					expect(now.status, `relaunch ${n}`).toBe('completed');
					expect(now.success).toBe('passed');
					expect(now.scoreRaw).toBe(score);
				}
			}
			await expectNoLmsErrors(page);
		});
	}
});
