/**
 * The suspend_data budget: a SCORM 1.2 LMS may hold only 4,096 characters of saved progress.
 * The longest routes of the library, played in the mock LMS, must fit and resume.
 * (Split from progress.spec.ts, which covers broken and foreign saved progress.)
 */
import { expect, test } from '@playwright/test';
import { buildCourse, loadLibrary } from '../../src/lib/content/course';
import { parseBuildOptions } from '../../src/lib/content/options';
import { allRoutes, longestSuspend } from '../../scripts/measure/longest';
import {
	cmiSummary,
	moduleFrame,
	openMockLms,
	readCmi,
	relaunch,
	seededRecord,
	seedLms,
	slugFor,
	storedSummary
} from './helpers';
import { bare, cardStatus, guard, items, open, play } from './guards';

const COUNCIL = 'kingsthorpe-parish-council';

test.describe('the suspend_data budget (SCORM 1.2: 4,096 characters)', () => {
	const slug = slugFor(COUNCIL, '1.2');

	test('the two scenarios with the longest routes, played along them, fit and resume', async ({
		page,
		context
	}) => {
		test.setTimeout(120_000);
		const g = await guard(context);
		const lib = await loadLibrary(process.cwd());
		const { options } = parseBuildOptions(
			{ COUNCIL },
			{ councils: lib.councils.map((c) => c.id), scenarios: lib.scenarios.map((s) => s.id) }
		);
		const course = buildCourse(lib, options);
		const longest = course.scenarios
			.map((s) => ({ id: s.id, route: allRoutes(s)[0] }))
			.sort((a, b) => b.route.length - a.route.length)
			.slice(0, 2);
		await openMockLms(page, slug, { reset: '1' });
		const frame = moduleFrame(page);
		for (const { id, route } of longest) {
			await open(frame, id);
			expect((await play(frame, id, { keys: route })).ended).toBe(true);
		}
		const cmi = cmiSummary(await readCmi(page), '1.2');
		for (const { id, route } of longest)
			expect(items(cmi.suspendData)).toContainEqual(
				expect.stringMatching(new RegExp(`^${id}:${route}:\\d+(:[a-i.]*:[0-9a-f]{4})?$`))
			);
		expect(cmi.suspendData.length).toBeLessThanOrEqual(4096);
		expect(cmi.interactions).toHaveLength(longest.reduce((n, s) => n + s.route.length, 0));
		// Resume: the LMS gives the data back; both scenarios are finished.
		const again = await relaunch(page);
		expect(again.entry).toBe('resume');
		await frame.getByRole('radio', { name: 'Show all scenarios' }).check();
		for (const { id } of longest) expect(await cardStatus(frame, id)).toMatch(/^Finished/);
		const resumed = cmiSummary(await readCmi(page), '1.2').suspendData;
		expect(resumed.length).toBeLessThanOrEqual(4096);
		for (const { id, route } of longest)
			expect(items(resumed)).toContainEqual(
				expect.stringMatching(new RegExp(`^${id}:${route}:\\d+(:[a-i.]*:[0-9a-f]{4})?$`))
			);
		await g.expectClean();
	});

	test('the largest state the course can produce resumes and is saved within 4,096', async ({
		page,
		context
	}) => {
		const g = await guard(context);
		const worst = await longestSuspend(process.cwd());
		expect(worst.chars).toBeLessThanOrEqual(4096);
		// This package's own scenarios: the longest state may come from a council whose course
		// holds a scenario this council's does not (a "fits:" line).
		const lib = await loadLibrary(process.cwd());
		const inCourse = buildCourse(
			lib,
			parseBuildOptions(
				{ COUNCIL },
				{ councils: lib.councils.map((c) => c.id), scenarios: lib.scenarios.map((s) => s.id) }
			).options
		).scenarios.map((s) => s.id);
		// (Without the scenario versions, which belong to the council whose build was longest: this
		// package is another council's, and would restart scenarios whose words differ.)
		const text = worst.text
			.split('|')
			// (and without the saved role, so that this test may show every scenario)
			.filter((it, i) => i < 3 || (!it.startsWith('~') && inCourse.includes(it.split(':')[0])))
			.map((it, i) => (i < 3 ? it : bare(it)))
			.join('|');
		await seedLms(page, seededRecord(slug, '1.2', text, { totalSeconds: 60 }));
		await openMockLms(page, slug);
		const frame = moduleFrame(page);
		await expect(frame.getByRole('region', { name: 'About your saved progress' })).toHaveCount(0);
		await frame.getByRole('radio', { name: 'Show all scenarios' }).check();
		for (const it of items(worst.text).filter((it) => inCourse.includes(it.split(':')[0])))
			expect(await cardStatus(frame, it.split(':')[0])).toMatch(/^Finished/);
		// Every scenario finished: the module writes the course's result and keeps the data within the limit.
		await relaunch(page);
		const stored = await storedSummary(page, '1.2');
		expect(stored.suspendData.length).toBeLessThanOrEqual(4096);
		// Scenario items (the role item, "~…", is the learner's choice on this run).
		expect(
			items(stored.suspendData)
				.filter((i) => !i.startsWith('~'))
				.map((i) => i.split(':')[0])
		).toEqual(
			items(worst.text)
				.map((i) => i.split(':')[0])
				.filter((id) => inCourse.includes(id))
		);
		expect(stored.status).toMatch(/^(passed|failed|completed)$/);
		await g.expectClean();
	});
});
