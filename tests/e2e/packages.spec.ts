/**
 * Every built package in the strict mock LMS (scorm-again): it starts, records a decision and
 * saves progress without one LMS error; and a whole course, every scenario, in SCORM 1.2 ends
 * passed or failed against the mastery score.
 */
import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { listPackages } from '../../scripts/serve';
import { loadLibrary } from '../../src/lib/content/course';
import {
	choose,
	cmiSummary,
	currentStepId,
	expectNoLmsErrors,
	loadScenarioSource,
	openMockLms,
	playScenario,
	readCmi,
	recommendedKey,
	scenarioIdsOnHome,
	slugFor,
	startScenario
} from './helpers';

/** The standard packages: every council in scenarios/councils/ × SCORM 1.2 and 2004. */
const councils = readdirSync('scenarios/councils')
	.filter((f) => f.endsWith('.yaml'))
	.map((f) => f.slice(0, -'.yaml'.length))
	.sort();
const standard = councils.flatMap((c) => [slugFor(c, '1.2'), slugFor(c, '2004')]);

test('every standard package is in dist/, built from the content as it is now', async () => {
	const { contentVersion } = await loadLibrary('.');
	const built = new Map(listPackages('.').map((p) => [p.slug, p]));
	const problems = standard.flatMap((slug) => {
		const p = built.get(slug);
		if (!p) return [`${slug}: not built (npm run package)`];
		if (p.contentVersion !== contentVersion)
			return [
				`${slug}: built from content ${p.contentVersion}, the content is now ${contentVersion}`
			];
		return [];
	});
	expect(problems).toEqual([]);
});

for (const slug of standard) {
	test(`${slug} starts, records a decision and saves progress`, async ({ page }) => {
		const version = slug.endsWith('scorm12') ? '1.2' : '2004';
		await openMockLms(page, slug);
		const [first] = await scenarioIdsOnHome(page);
		await startScenario(page, first);
		const sc = loadScenarioSource(first);
		const step = (await currentStepId(page))!;
		await choose(page, step, recommendedKey(sc, step));
		const s = cmiSummary(await readCmi(page), version);
		expect(s.interactions).toEqual([
			expect.objectContaining({
				id: `${first}_${step}`,
				type: 'choice',
				response: recommendedKey(sc, step),
				result: 'correct'
			})
		]);
		expect(s.suspendData).toMatch(/^1\|[0-9a-f]{8}\|-\|/);
		expect(s.status).toBe('incomplete');
		const council = slug.replace(/-scorm(12|2004)$/, '');
		const { name } = parseYaml(readFileSync(join('scenarios/councils', `${council}.yaml`), 'utf8'));
		const title = readFileSync(join('dist', slug, 'imsmanifest.xml'), 'utf8');
		expect(title).toContain(name);
		await expectNoLmsErrors(page);
	});
}

test('a whole course in SCORM 1.2 ends passed, with a score and one interaction per decision', async ({
	page
}) => {
	test.setTimeout(180_000);
	await openMockLms(page, slugFor('witham-town-council', '1.2'));
	let decisions = 0;
	for (const id of await scenarioIdsOnHome(page)) {
		await startScenario(page, id);
		decisions += (await playScenario(page, id, 'recommended')).path.length;
	}
	const s = cmiSummary(await readCmi(page), '1.2');
	expect(s.status).toBe('passed');
	expect(s.scoreRaw).toBe('100');
	expect(s.interactions.length).toBe(decisions);
	expect(new Set(s.interactions.map((i) => i.result))).toEqual(new Set(['correct']));
	// One objective per principle of the catalogue (scenarios/principles.yaml), its id with "_" for
	// "." ("roles.distinct" → "roles_distinct"), and none else but the learner's track objective.
	const catalogue = (
		parseYaml(readFileSync('scenarios/principles.yaml', 'utf8')) as { id: string }[]
	).map((p) => p.id.replaceAll('.', '_'));
	const objectives = s.objectives.map((o) => String(o.id));
	expect(objectives.filter((id) => !id.startsWith('track_')).sort()).toEqual(catalogue.sort());
	const tracks = objectives.filter((id) => id.startsWith('track_')).join(' ');
	expect(['', 'track_councillor', 'track_officer'], 'at most one track objective').toContain(
		tracks
	);
	await expectNoLmsErrors(page);
});
