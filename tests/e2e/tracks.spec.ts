/**
 * Courses sized for each learner (issue 17), in the strict mock LMS: the learner's role sets the
 * course (a councillor completes and passes on the councillor core, an officer on the officer
 * core, each certificate naming the track), the role lives in the LMS's saved state and changes
 * only with confirmation after a decision; a package built for one audience, and one with
 * electives, pass the package checks and report completion and score on the core only.
 */
import { loadLibrary } from '../../src/lib/content/course';
import { scenarioFits } from '../../src/lib/content/councils';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { checkPackage } from '../../src/lib/packaging/check';
import { axeViolations } from './axe';
import {
	builtVariant,
	cmiSummary,
	expectNoLmsErrors,
	moduleFrame,
	moduleFrameHandle,
	openMockLms,
	playScenario,
	readCmi,
	relaunch,
	slugFor
} from './helpers';

const tracks = parseYaml(readFileSync('scenarios/tracks.yaml', 'utf8')) as Record<
	'councillor' | 'officer',
	{ core: string[]; electives: string[] }
>;
const COUNCIL = 'witham-town-council';

/** The scenario ids listed under a heading's list on the home page (required, or electives). */
async function listed(page: Page, list: 'list-title' | 'electives-title'): Promise<string[]> {
	const hrefs = await moduleFrame(page)
		.locator(`ol[aria-labelledby="${list}"] a[href^="#/scenario/"]`)
		.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
	return [...new Set(hrefs.map((h) => h.slice('#/scenario/'.length)))];
}

async function home(page: Page) {
	const frame = moduleFrame(page);
	await frame.locator('a[href="#/"]').first().click();
	await expect(
		frame.getByRole('heading', { level: 1, name: /Member\/Officer protocol/ })
	).toBeVisible();
}

/** Opens a scenario from the learner's own home page (no "Show all scenarios": that would change their course). */
async function open(page: Page, id: string) {
	const frame = moduleFrame(page);
	const link = frame.locator(`main a[href="#/scenario/${id}"]`).first();
	if (!(await link.isVisible())) await home(page);
	await link.click();
	await expect(frame.locator('form input[type="radio"][name^="choice-"]').first()).toBeVisible();
}

/** Plays each scenario on the recommended path, checking "Next scenario" never leaves the track. */
async function playCore(page: Page, ids: string[], track: string[]) {
	const frame = moduleFrame(page);
	for (const id of ids) {
		await open(page, id);
		await playScenario(page, id, 'recommended');
		const next = frame.getByRole('link', { name: /^Next scenario: / });
		if (await next.count()) {
			const href = (await next.getAttribute('href'))!;
			expect(track, `"Next scenario" after ${id} goes to ${href}`).toContain(
				href.slice('#/scenario/'.length)
			);
		}
	}
}

async function certificate(page: Page) {
	const frame = moduleFrame(page);
	await frame.getByRole('link', { name: 'See all your results' }).click();
	await expect(frame.getByText(/^Passed: the pass mark is 80%/)).toBeVisible();
	await frame.getByRole('link', { name: 'Your certificate' }).click();
	return frame.locator('article.certificate');
}

for (const [track, label, version, seat] of [
	['councillor', 'Councillor induction', '2004', 'A councillor'],
	['officer', 'Officer refresher', '1.2', 'An officer or member of staff']
] as const) {
	test(`a${track === 'officer' ? 'n' : ''} ${track} in the learner-chooses package completes the ${track} core, passes and gets a certificate naming the track (SCORM ${version})`, async ({
		page
	}) => {
		test.setTimeout(180_000);
		await openMockLms(page, slugFor(COUNCIL, version));
		const frame = moduleFrame(page);
		await frame.getByRole('radio', { name: seat }).check();
		expect(await listed(page, 'list-title')).toEqual(expect.arrayContaining(tracks[track].core));
		expect((await listed(page, 'list-title')).length).toBe(tracks[track].core.length);
		expect((await listed(page, 'electives-title')).sort()).toEqual(
			[...tracks[track].electives].sort()
		);
		await expect(
			frame.getByText(`0 of ${tracks[track].core.length} finished`, { exact: false })
		).toBeVisible();

		await playCore(page, tracks[track].core, [...tracks[track].core, ...tracks[track].electives]);
		const cert = await certificate(page);
		await expect(cert).toContainText(label);
		await expect(cert).toContainText(/Score\s*100% \(pass mark 80%\)/);

		const s = cmiSummary(await readCmi(page), version);
		expect(s.status).toBe(version === '1.2' ? 'passed' : 'completed');
		if (version === '2004') expect(s.success).toBe('passed');
		expect(s.scoreRaw).toBe('100');
		expect(s.suspendData).toContain(`|~${track[0]}|`);
		for (const i of s.interactions)
			expect(
				tracks[track].core.some((id) => i.id.startsWith(`${id}_`)),
				i.id
			).toBe(true);
		const objective = s.objectives.find((o) => o.id === `track_${track}`)!;
		expect(objective, 'the track objective').toBeTruthy();
		expect(version === '1.2' ? objective.status : objective.success_status).toBe('passed');
		await expectNoLmsErrors(page);
	});
}

test('the role is kept in the LMS, not only this browser, and changes after a decision only when the learner confirms', async ({
	page
}) => {
	test.setTimeout(120_000);
	await openMockLms(page, slugFor(COUNCIL, '2004'));
	const frame = moduleFrame(page);
	const councillor = frame.getByRole('radio', { name: 'A councillor' });
	const officer = frame.getByRole('radio', { name: 'An officer or member of staff' });
	// Before the first decision the seat changes freely.
	await officer.check();
	await councillor.check();
	await open(page, tracks.councillor.core[0]);
	await playScenario(page, tracks.councillor.core[0], 'recommended', { decisions: 1 });

	// A browser that has never seen this learner: the role comes back from the LMS's suspend_data.
	await relaunch(page, { clearModuleCopy: true });
	await home(page);
	await expect(councillor).toBeChecked();

	// After a decision: asked first (the radio stays on the current seat); "Keep my course" keeps it.
	await officer.click();
	await expect(frame.getByRole('alert')).toContainText('your course changes');
	await expect(councillor).toBeChecked();
	expect(
		await axeViolations(moduleFrameHandle(page)),
		'axe on the home page asking to confirm'
	).toEqual([]);
	await frame.getByRole('button', { name: 'Keep my course' }).click();
	await expect(councillor).toBeChecked();
	expect(cmiSummary(await readCmi(page), '2004').suspendData).toContain('|~c|');
	await officer.click();
	await frame.getByRole('button', { name: 'Change my course' }).click();
	await expect(officer).toBeChecked();
	await expect(
		frame.getByRole('heading', { level: 2, name: 'Your scenarios: Officer refresher' })
	).toBeVisible();
	expect(cmiSummary(await readCmi(page), '2004').suspendData).toContain('|~o|');
	await expectNoLmsErrors(page);
});

test('a --audience=officer package: no role question, the officer core completes and passes, and the zip passes the package checks', async ({
	page
}) => {
	test.setTimeout(180_000);
	const slug = builtVariant(/^kingsthorpe-parish-council-scorm2004-officer$/);
	expect(await checkPackage(readFileSync(join('dist', `${slug}.zip`)), '2004')).toEqual([]);
	await openMockLms(page, slug);
	const frame = moduleFrame(page);
	await expect(frame.getByText('Your course: Officer refresher.')).toBeVisible();
	await expect(frame.getByRole('radio')).toHaveCount(0);
	expect(await listed(page, 'list-title')).toEqual(expect.arrayContaining(tracks.officer.core));
	// Only officer scenarios are in the package.
	const shown = [...(await listed(page, 'list-title')), ...(await listed(page, 'electives-title'))];
	// (Kingsthorpe is a parish council: a scenario whose "fits:" line leaves parishes out is not in its course.)
	const lib = await loadLibrary(process.cwd());
	const kind = lib.councils.find((c) => c.id === 'kingsthorpe-parish-council')!.kind;
	const fits = (id: string) => scenarioFits(lib.scenarios.find((x) => x.id === id)!.fits, kind);
	expect(shown.sort()).toEqual(
		[...tracks.officer.core, ...tracks.officer.electives].filter(fits).sort()
	);

	await playCore(page, tracks.officer.core, shown);
	const cert = await certificate(page);
	await expect(cert).toContainText('Officer refresher');
	const s = cmiSummary(await readCmi(page), '2004');
	expect([s.status, s.success, s.scoreRaw]).toEqual(['completed', 'passed', '100']);
	expect(s.suspendData).not.toContain('|~');
	await expectNoLmsErrors(page);
});

test('a package with electives (--core): completion and score cover the core; a finished elective is reported but does not count', async ({
	page
}) => {
	test.setTimeout(180_000);
	const slug = builtVariant(/^kingsthorpe-parish-council-scorm12-councillor-core-[0-9a-z]{6}$/);
	expect(await checkPackage(readFileSync(join('dist', `${slug}.zip`)), '1.2')).toEqual([]);
	const core = ['confidentiality-councillor', 'public-criticism'];
	await openMockLms(page, slug);
	const frame = moduleFrame(page);
	expect(await listed(page, 'list-title')).toEqual(core);
	const electives = await listed(page, 'electives-title');
	expect(electives.length).toBeGreaterThan(0);

	// An elective first, badly: it is reported (its decisions reach the LMS) but the course is not complete.
	await open(page, electives[0]);
	await playScenario(page, electives[0], '!!!!!!!!!');
	let s = cmiSummary(await readCmi(page), '1.2');
	expect(s.status).toBe('incomplete');
	expect(s.interactions.some((i) => i.id.startsWith(`${electives[0]}_`))).toBe(true);

	await playCore(page, core, [...core, ...electives]);
	s = cmiSummary(await readCmi(page), '1.2');
	expect([s.status, s.scoreRaw]).toEqual(['passed', '100']);
	await home(page);
	await frame.getByRole('link', { name: 'See your results' }).click();
	await expect(frame.getByRole('row', { name: /elective: not counted/ })).toHaveCount(
		electives.length
	);
	await expectNoLmsErrors(page);
});
