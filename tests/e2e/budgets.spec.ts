/**
 * The deterministic budgets (issue: benchmark): package size and the bytes a learner downloads
 * before the first choice, for every built package. Timings are measured by npm run bench and
 * never asserted here. The suspend_data budget is tested in tests/unit/budget.spec.ts.
 */
import { expect, test } from '@playwright/test';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { firstDownload } from '../../scripts/measure/bundle';
import { councilIds } from '../../scripts/councils';
import { slugFor } from './helpers';

const dist = 'dist';
const packages = readdirSync(dist).filter((d) => existsSync(join(dist, d, 'imsmanifest.xml')));
const KB = 1024;
/**
 * The product's budgets: a zip of at most 150 KB and a first download of at most 60 KB (gzipped),
 * for every package of the full library. On 3 December 2026 both were over (up to 152.8 KB and
 * 60.3 KB) and this test held ceilings of 153 KB and 60.5 KB. Issue 25 brought both back under
 * (README "Performance"): the feedback and ending views load after the first screen, the later
 * pages' CSS goes with their code, chunk names lose their hash, and the SCORM 2004 packages leave
 * out two schema files their manifest does not use and the two DTDs only the 2001 xml.xsd named. These are the budgets themselves, not
 * ceilings tuned to today's figures.
 */
const ZIP_BUDGET = 150 * KB;
const FIRST_DOWNLOAD_BUDGET = 60 * KB;

test('every council was packaged in both SCORM versions (the full library is what the budgets hold)', () => {
	const ids = councilIds(process.cwd());
	expect(ids, 'scenarios/councils/ holds the councils').not.toEqual([]);
	const missing = ids
		.flatMap((id) => [slugFor(id, '1.2'), slugFor(id, '2004')])
		.filter((slug) => !packages.includes(slug));
	expect(missing, 'build them with npm run package').toEqual([]);
});

for (const slug of packages) {
	test(`${slug}: zip and first download within the budgets (zip 150 KB, first download 60 KB gzipped)`, () => {
		const zip = statSync(join(dist, `${slug}.zip`)).size;
		const help = 'over budget: see "How big the package may grow" in docs/authoring.md';
		expect(zip, `${slug}.zip ${help}`).toBeLessThanOrEqual(ZIP_BUDGET);
		// Launched straight into a scenario (the larger first screen: its words too), and at home.
		for (const launch of ['scenario', 'home'] as const) {
			const first = firstDownload(join(dist, slug), launch);
			expect(first.total, `${slug}: first download (${launch}) ${help}`).toBeLessThanOrEqual(
				FIRST_DOWNLOAD_BUDGET
			);
		}
		// Nothing is fetched from elsewhere: no absolute URLs in script or link tags.
		const html = readFileSync(join(dist, slug, 'index.html'), 'utf8');
		expect(html).not.toMatch(/<(script|link)[^>]+(src|href)="(https?:)?\/\//);
	});
}
