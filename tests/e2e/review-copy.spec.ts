/**
 * The review copy (npm run review-copy) for every seed council: made by the command a provider
 * runs, opened from file:// as a monitoring officer would, checked with axe, printed to A4 with
 * nothing cut off, and compared with what the built package shows a learner at the same steps.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { choose, moduleFrame, openMockLms, slugFor, startScenario } from './helpers';
import { library } from './a11y-support';
import { scenarioFits } from '../../src/lib/content/councils';

const OUT = resolve('test-results/review-copy');
const COUNCILS = [
	'broxtowe-borough-council',
	'community-council',
	'halewood-town-council',
	'kingsthorpe-parish-council',
	'witham-town-council'
];

function makeReviewCopy(council: string): string {
	mkdirSync(OUT, { recursive: true });
	const file = join(OUT, `${council}.html`);
	execFileSync('npx', ['tsx', 'scripts/review-copy.ts', `--council=${council}`, `--out=${file}`], {
		stdio: 'pipe'
	});
	return file;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The feedback shown for one choice, as text, in the review copy. */
async function reviewFeedback(
	page: Page,
	scenario: string,
	step: string,
	key: string
): Promise<string> {
	return squash(
		await page
			.locator(`article[aria-labelledby="t-${scenario}-${step}-${key}"] .feedback`)
			.innerText()
	);
}

test.describe('review copy', () => {
	test.describe.configure({ timeout: 180_000 });

	for (const council of COUNCILS) {
		test(`${council}: accessible, prints on A4, and says what the player says`, async ({
			page,
			browser
		}) => {
			const file = makeReviewCopy(council);
			const lib = await library();
			await page.goto(pathToFileURL(file).href);
			await expect(page.getByRole('heading', { level: 1 })).toContainText(
				lib.councils.find((c) => c.id === council)!.name
			);

			// Every scenario of the council's default course (those its kind fits), every step and choice.
			const kind = lib.councils.find((c) => c.id === council)!.kind;
			const scenarios = lib.scenarios.filter((s) => scenarioFits(s.fits, kind));
			for (const s of scenarios) {
				await expect(page.locator(`#s-${s.id}`)).toHaveCount(1);
				const steps = Object.values(s.nodes).filter((n) => n.kind === 'step');
				const choices = steps.reduce(
					(n, st) => n + (st.kind === 'step' ? st.choices.length : 0),
					0
				);
				await expect(page.locator(`#s-${s.id} article.choice`)).toHaveCount(choices);
			}

			await expectNoAxeViolations(page, `review copy of ${council}`);

			// Printed: A4, nothing wider than the page, page numbers in the margin.
			await page.emulateMedia({ media: 'print' });
			const overflow = await page.evaluate(() => {
				const width = document.documentElement.clientWidth;
				return [...document.querySelectorAll('main *')]
					.filter((e) => e.getBoundingClientRect().right > width + 1)
					.slice(0, 5)
					.map((e) => `${e.tagName}.${e.className}: ${(e.textContent ?? '').slice(0, 60)}`);
			});
			expect(overflow, 'nothing in the printed review copy runs past the page edge').toEqual([]);
			const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
			const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
			expect(pages, 'the review copy prints on several A4 pages').toBeGreaterThan(scenarios.length);
			const pageRule = readFileSync('src/lib/review/review.css', 'utf8');
			expect(pageRule).toMatch(/size: A4/);

			// The same words as the player: a sample of steps played in the built package.
			await page.emulateMedia({ media: 'screen' });
			const player = await browser.newPage();
			try {
				await openMockLms(player, slugFor(council, '1.2'));
				for (const s of scenarios.filter((_, i) => i % 5 === 0)) {
					const first = s.nodes[s.start];
					if (first.kind !== 'step') continue;
					const key = first.choices[1].key;
					await startScenario(player, s.id);
					const narrative = squash(await moduleFrame(player).locator('main').innerText());
					for (const p of await page
						.locator(`section[aria-labelledby="t-${s.id}-${s.start}"] > p`)
						.allInnerTexts()) {
						if (p.startsWith('Question:')) continue;
						expect(
							narrative,
							`${council} ${s.id}: the player shows "${p.slice(0, 50)}…"`
						).toContain(squash(p));
					}
					await choose(player, s.start, key);
					const feedback = moduleFrame(player).locator('.feedback');
					await expect(feedback.locator('.principles > li').first()).toBeVisible();
					await player.waitForFunction(() => true);
					await expect
						.poll(async () => squash(await feedback.innerText()), {
							message: `${council} ${s.id}: feedback for choice ${key}`
						})
						.toBe(await reviewFeedback(page, s.id, s.start, key));
				}
			} finally {
				await player.close();
			}
		});
	}
});
