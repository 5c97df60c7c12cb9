/**
 * Saved progress that is broken, in the real packages: as the LMS's stored suspend_data (the
 * mock LMS's record, localStorage "mockLms:v1:<slug>", launched with entry "resume") in SCORM 1.2
 * and 2004, and as the module's own browser copy with no LMS (the package opened on its own).
 * Each time the module shows a clear message, starts only the broken scenario again (at its
 * first step), keeps the rest, saves the repaired state, and never throws.
 *
 * Then the suspend_data budget: the two scenarios with the longest routes are played along
 * them, and the worst case the course can produce (scripts/measure/longest.ts) is resumed; the
 * suspend_data the module writes stays within SCORM 1.2's 4,096 characters.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import {
	cmiSummary,
	loadScenarioSource,
	moduleFrame,
	openMockLms,
	readCmi,
	seededRecord,
	seedLms,
	slugFor,
	storedSummary
} from './helpers';
import {
	bare,
	cardStatus,
	guard,
	items,
	mirror,
	open,
	play,
	recommendedKeys,
	recommendedRoute
} from './guards';

const COUNCIL = 'kingsthorpe-parish-council';
/** A: finished; B: in progress (two decisions); C: in progress (one decision). All in the course. */
const A = 'confidentiality-councillor';
const B = 'friendship-officer';
const C = 'instructing-staff';

const title = (id: string) =>
	/^title:\s*(.+?)\s*$/m.exec(readFileSync(`scenarios/${loadScenarioSource(id).file}`, 'utf8'))![1];

const good = `1|oldvers1|-|${A}:${recommendedKeys(A)}:40|${B}:${recommendedKeys(B, 2)}:20`;
const KEPT = 'Your other progress is kept.';

interface Case {
	name: string;
	text: string;
	notices: (string | RegExp)[];
	/** Home-page status per scenario after the launch. */
	expect: Record<string, RegExp>;
	/** The scenario that starts again (opened and played one step to check it is clean). */
	restarted: string;
}

const CASES: Case[] = [
	{
		name: 'truncated',
		text: `${good}|${C}:${recommendedKeys(C, 1)}:30`.slice(0, -3), // the LMS kept only the first characters: "…|C:a"
		notices: [
			`Your saved progress in "${title(C)}" was cut short, so that scenario starts again from its beginning. ${KEPT}`
		],
		expect: { [A]: /^Finished/, [B]: /^In progress$/, [C]: /^Not started$/ },
		restarted: C
	},
	{
		name: 'garbage',
		text: '\u0000{"v":2,"s":[%%%ÿ <img src=x onerror=alert(1)>',
		notices: ['Your saved progress could not be read, so the course starts from the beginning.'],
		expect: { [A]: /^Not started$/, [B]: /^Not started$/ },
		restarted: A
	},
	{
		name: 'garbage among good items',
		text: `1|oldvers1|-|${A}:${recommendedKeys(A)}:40|#<b>junk</b>#|${B}:${recommendedKeys(B, 2)}:20`,
		notices: [`Part of your saved progress could not be read and was set aside. ${KEPT}`],
		expect: { [A]: /^Finished/, [B]: /^In progress$/, [C]: /^Not started$/ },
		restarted: C
	},
	{
		name: 'an older state-format version',
		text: `0|oldvers1|-|${A}:${recommendedKeys(A)}:40`,
		notices: [
			'Your saved progress comes from an older version of this course that cannot be read, so the course starts from the beginning.'
		],
		expect: { [A]: /^Not started$/ },
		restarted: A
	},
	{
		name: 'a route to a step that no longer exists',
		text: `1|oldvers1|-|${A}:${recommendedKeys(A)}aa:40|${B}:${recommendedKeys(B, 2)}:20`,
		notices: [
			`"${title(A)}" has changed since you last saved, so that scenario starts again from its beginning. ${KEPT}`
		],
		// The time spent in it is kept, so its card may say "In progress"; it opens at the first step.
		expect: { [A]: /^(Not started|In progress)$/, [B]: /^In progress$/ },
		restarted: A
	},
	{
		name: 'a scenario removed from the course',
		text: `1|oldvers1|-|${A}:${recommendedKeys(A)}:40|gone-scenario:abc:12|${B}:${recommendedKeys(B, 2)}:20`,
		notices: [
			'Saved progress for a scenario that is no longer in this course ("gone-scenario") was set aside.'
		],
		expect: { [A]: /^Finished/, [B]: /^In progress$/, [C]: /^Not started$/ },
		restarted: C
	}
];

async function checkLaunch(root: Page | FrameLocator, c: Case, saved: () => Promise<string>) {
	const notice = root.getByRole('region', { name: 'About your saved progress' });
	await expect(notice).toBeVisible();
	const shown = await notice.locator('p').allInnerTexts();
	expect(shown).toHaveLength(c.notices.length);
	c.notices.forEach((n, i) =>
		typeof n === 'string' ? expect(shown[i]).toBe(n) : expect(shown[i]).toMatch(n)
	);
	// The module saved the repaired state straight away: the broken part is gone, the rest kept.
	await expect.poll(saved).not.toBe(c.text);
	const repaired = await saved();
	expect(repaired.startsWith('1|')).toBe(true);
	for (const it of items(c.text)) {
		const id = it.split(':')[0];
		if (c.expect[id] && id !== c.restarted && !/Not started/.test(String(c.expect[id])))
			expect(items(repaired).map(bare), `kept ${id}`).toContain(it);
	}
	await root.getByRole('button', { name: 'OK' }).click();
	await expect(notice).toHaveCount(0);
	await root.getByRole('radio', { name: 'Show all scenarios' }).check();
	for (const [id, status] of Object.entries(c.expect))
		expect(await cardStatus(root, id), id).toMatch(status);
	// The broken scenario starts cleanly at its first step, and can be played.
	await open(root, c.restarted);
	const first = recommendedRoute(c.restarted)[0].stepId;
	await expect(root.locator(`input[type="radio"][name="choice-${first}"]`).first()).toBeVisible();
	await play(root, c.restarted, { decisions: 1 });
	await expect
		.poll(async () => items(await saved()).find((i) => i.startsWith(`${c.restarted}:`)))
		.toMatch(new RegExp(`^${c.restarted}:${recommendedKeys(c.restarted, 1)}:`));
}

for (const version of ['1.2', '2004'] as const) {
	const slug = slugFor(COUNCIL, version);
	test.describe(`broken suspend_data from a SCORM ${version} LMS`, () => {
		for (const c of CASES) {
			test(c.name, async ({ page, context }) => {
				const g = await guard(context);
				await seedLms(
					page,
					seededRecord(slug, version, c.text, { location: 'home', totalSeconds: 60 })
				);
				await openMockLms(page, slug);
				const frame = moduleFrame(page);
				await checkLaunch(frame, c, async () => (await storedSummary(page, version)).suspendData);
				const entry = cmiSummary(await readCmi(page), version).entry;
				expect(entry, 'launched as a resume').toBe('resume');
				await g.expectClean();
			});
		}
	});
}

/** In the page: the localStorage key of the module's copy of progress (the JSON with "progress"). */
function copyKey(): string | null {
	for (let i = 0; i < localStorage.length; i++) {
		const k = localStorage.key(i) ?? '';
		try {
			if (k.startsWith('cs:') && JSON.parse(localStorage.getItem(k) ?? '').progress) return k;
		} catch {
			/* not the copy */
		}
	}
	return null;
}

test.describe('broken saved progress in the browser (no LMS)', () => {
	for (const c of CASES) {
		test(c.name, async ({ page, context }) => {
			const g = await guard(context);
			const slug = slugFor(COUNCIL, '2004');
			await page.goto(`/dist/${slug}/index.html`);
			// Choosing a seat saves the progress (the seat is part of it), so the browser copy exists.
			await page.getByRole('radio', { name: 'A councillor' }).check();
			const key = await page.evaluate(copyKey);
			expect(key).toBeTruthy();
			// Leave the module first (it saves its own state when the page goes), then write the copy.
			await page.goto('/mock-lms.css');
			await page.evaluate(
				({ key, text }) =>
					localStorage.setItem(
						key,
						JSON.stringify({
							v: 1,
							learner: '',
							unsynced: true,
							base: '',
							progress: {
								suspendData: text,
								location: 'home',
								score: 0,
								complete: false,
								passed: false
							}
						})
					),
				{ key: key!, text: c.text }
			);
			await page.goto(`/dist/${slug}/index.html`);
			await expect(
				page.getByText('No learning system found: your progress is saved in this browser only.')
			).toBeVisible();
			await checkLaunch(page, c, async () => (await mirror(page))?.progress.suspendData ?? '');
			await g.expectClean();
		});
	}

	test('a browser copy that is not even JSON: a fresh start, no crash', async ({
		page,
		context
	}) => {
		const g = await guard(context);
		await page.goto(`/dist/${slugFor(COUNCIL, '1.2')}/index.html`);
		await page.getByRole('radio', { name: 'A councillor' }).check();
		const key = (await page.evaluate(copyKey))!;
		await page.goto('/mock-lms.css');
		await page.evaluate((k) => localStorage.setItem(k, '{"v":1,"progress":{"suspendData":'), key);
		await page.goto(`/dist/${slugFor(COUNCIL, '1.2')}/index.html`);
		await expect(page.locator('main h1').first()).toBeVisible();
		await open(page, A);
		await play(page, A, { decisions: 1 });
		expect((await mirror(page))?.progress.suspendData).toContain(`${A}:${recommendedKeys(A, 1)}:`);
		await g.expectClean();
	});
});
