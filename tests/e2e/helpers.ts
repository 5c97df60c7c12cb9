/**
 * Helpers for e2e tests that run a package in the mock LMS (scripts/mock-lms/, served by
 * scripts/serve.ts on the webServer in playwright.config.ts). Typical use:
 *
 *   await openMockLms(page, slugFor('kingsthorpe-parish-council', '2004'));
 *   await startScenario(page, 'instructing-staff');
 *   const played = await playScenario(page, 'instructing-staff', 'recommended');
 *   const cmi = await readCmi(page);
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';

export * from './mock-lms-page';
import { moduleFrame } from './mock-lms-page';

/* ---------- the packages in dist/ ---------- */

/** The one package folder in dist/ whose name matches (a variant npm run package:variants builds); throws, saying how to build it, when none does. */
export function builtVariant(pattern: RegExp): string {
	const slug = readdirSync('dist').find((d) => pattern.test(d));
	if (!slug)
		throw new Error(`no package matching ${pattern} in dist/: run npm run package:variants`);
	return slug;
}

/* ---------- the scenario sources (to know steps, endings and the recommended choices) ---------- */

export interface SourceChoice {
	key: string;
	next: string;
	total: number;
}

export interface SourceScenario {
	id: string;
	file: string;
	start: string;
	steps: Record<string, { id: string; choices: SourceChoice[] }>;
	endings: Record<string, { id: string; outcome: string }>;
}

const cache = new Map<string, SourceScenario>();

/** Reads scenarios/<file>.md whose frontmatter id is `id`: its steps (choices, next, score total) and endings. */
export function loadScenarioSource(
	id: string,
	dir = join(process.cwd(), 'scenarios')
): SourceScenario {
	const hit = cache.get(id);
	if (hit) return hit;
	for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
		const src = readFileSync(join(dir, file), 'utf8').replace(/\r\n?/g, '\n');
		const fm = /^---\n([\s\S]*?)\n---/.exec(src)?.[1] ?? '';
		if (/^id:\s*(.+?)\s*$/m.exec(fm)?.[1]?.replace(/^["']|["']$/g, '') !== id) continue;
		const sc: SourceScenario = { id, file, start: '', steps: {}, endings: {} };
		let current: { id: string; choices: SourceChoice[] } | null = null;
		let choice: SourceChoice | null = null;
		for (const line of src.split('\n')) {
			let m: RegExpExecArray | null;
			if ((m = /^## Step ([\w-]+):/.exec(line))) {
				current = { id: m[1], choices: [] };
				sc.steps[m[1]] = current;
				if (!sc.start) sc.start = m[1];
				choice = null;
			} else if ((m = /^## Ending ([\w-]+):/.exec(line))) {
				sc.endings[m[1]] = { id: m[1], outcome: '' };
				current = null;
				choice = null;
			} else if ((m = /^Outcome:\s*(\w+)/.exec(line))) {
				const last = Object.values(sc.endings).at(-1);
				if (last && !current) last.outcome = m[1];
			} else if ((m = /^### Choice ([a-i]):/.exec(line)) && current) {
				choice = { key: m[1], next: '', total: 0 };
				current.choices.push(choice);
			} else if ((m = /^Next:\s*([\w-]+)/.exec(line)) && choice) {
				choice.next = m[1];
			} else if ((m = /^Scores:\s*(.+)$/.exec(line)) && choice) {
				choice.total = m[1]
					.split(',')
					.reduce((sum, part) => sum + Number(/([+-]?\d+)\s*$/.exec(part.trim())?.[1] ?? 0), 0);
			}
		}
		cache.set(id, sc);
		return sc;
	}
	throw new Error(`no scenario with id "${id}" in ${dir}`);
}

/** The recommended choice's letter at a step (the highest score total, as the course scores it). */
export function recommendedKey(sc: SourceScenario, stepId: string): string {
	const step = sc.steps[stepId];
	if (!step) throw new Error(`scenario ${sc.id} has no step "${stepId}"`);
	return step.choices.reduce((best, c) => (c.total > best.total ? c : best)).key;
}

/* ---------- playing ---------- */

/** Opens a scenario from the module's home page (by its link; shows all scenarios first if the role filter hides it). */
export async function startScenario(page: Page, scenarioId: string): Promise<void> {
	const frame = moduleFrame(page);
	const home = frame.locator('a[href="#/"]').first();
	if (!(await frame.locator(`a[href="#/scenario/${scenarioId}"]`).first().isVisible())) {
		await home.click();
		// Wait for the home page itself before looking at its list.
		await expect(frame.getByRole('radio', { name: 'Show all scenarios' })).toBeVisible();
	}
	const link = frame.locator(`main a[href="#/scenario/${scenarioId}"]`).first();
	if (!(await link.isVisible()))
		await frame.getByRole('radio', { name: 'Show all scenarios' }).check();
	await link.click();
	await expect(frame.locator('form input[type="radio"][name^="choice-"]').first()).toBeVisible();
}

/** The scenario ids on the module's home page, in the order shown (after "Show all scenarios"). */
export async function scenarioIdsOnHome(page: Page): Promise<string[]> {
	const frame = moduleFrame(page);
	await frame.getByRole('radio', { name: 'Show all scenarios' }).check();
	const hrefs = await frame
		.locator('main a[href^="#/scenario/"]')
		.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
	return [...new Set(hrefs.map((h) => h.slice('#/scenario/'.length)))];
}

/** The step id shown now (from the radios' name, "choice-<step-id>"), or null if no question is shown. */
export async function currentStepId(page: Page): Promise<string | null> {
	const radio = moduleFrame(page).locator('form input[type="radio"][name^="choice-"]').first();
	if (!(await radio.count())) return null;
	return ((await radio.getAttribute('name')) ?? '').slice('choice-'.length) || null;
}

/** The status shown for a scenario on the home page ("Not started", "In progress", "Finished, score 80%"). */
export async function homeStatus(page: Page, scenarioId: string): Promise<string> {
	const frame = moduleFrame(page);
	const card = frame
		.locator('main li', { has: frame.locator(`a[href="#/scenario/${scenarioId}"]`) })
		.first();
	const words = (await card.innerText()).replace(/\s+/g, ' ');
	return (
		/(Not started|In progress|Finished(?:, score \d+%)?)/.exec(words)?.[1] ??
		`(no status in "${words}")`
	);
}

/** Picks a choice by clicking its label's radio, then "Continue"; waits for the feedback screen. */
export async function choose(page: Page, stepId: string, key: string): Promise<void> {
	const frame = moduleFrame(page);
	const radio = frame.locator(`input[type="radio"][name="choice-${stepId}"][value="${key}"]`);
	await expect(radio, `step ${stepId} should offer choice ${key}`).toHaveCount(1);
	const id = await radio.getAttribute('id');
	const label = (await frame.locator(`label[for="${id}"]`).innerText()).trim();
	await frame.getByRole('radio', { name: label, exact: true }).check();
	await frame.getByRole('button', { name: 'Continue', exact: true }).click();
	await expect(frame.locator(`input[type="radio"][name="choice-${stepId}"]`)).toHaveCount(0);
}

/** On the feedback screen, clicks "Continue" (or "See what happened" before an ending). */
export async function continueAfterFeedback(page: Page): Promise<void> {
	await moduleFrame(page)
		.getByRole('button', { name: /^(Continue|See what happened)$/ })
		.click();
}

export interface PlayResult {
	/** The decisions made, in order. */
	path: { stepId: string; key: string; recommended: boolean }[];
	/** The ending reached, or null if play stopped early (options.decisions). */
	ending: string | null;
	/** The step shown when play stopped early. */
	stoppedAt: string | null;
}

/**
 * Plays the scenario shown now. `choices`: "recommended", or letters in order ("abc" or
 * ["a","b","c"]), where "*" means the recommended choice and "!" the first other one. Stops at
 * the ending, or after options.decisions decisions (on the next question).
 */
export async function playScenario(
	page: Page,
	scenarioId: string,
	choices: 'recommended' | string | string[],
	options: { decisions?: number } = {}
): Promise<PlayResult> {
	const sc = loadScenarioSource(scenarioId);
	const letters =
		choices === 'recommended' ? null : Array.isArray(choices) ? choices : choices.split('');
	const frame = moduleFrame(page);
	const path: PlayResult['path'] = [];
	const shown = await currentStepId(page);
	if (!shown) throw new Error(`no question is shown (is scenario ${scenarioId} open?)`);
	let stepId: string = shown;
	for (;;) {
		const step: SourceScenario['steps'][string] | undefined = sc.steps[stepId];
		if (!step) throw new Error(`the module shows step "${stepId}", which ${sc.file} does not have`);
		const best = recommendedKey(sc, stepId);
		const wanted = letters ? letters[path.length] : '*';
		if (wanted === undefined)
			throw new Error(`ran out of choices at step ${stepId} after ${path.length} decisions`);
		const key =
			wanted === '*'
				? best
				: wanted === '!'
					? step.choices.find((c) => c.key !== best)!.key
					: wanted;
		const picked: SourceChoice | undefined = step.choices.find((c) => c.key === key);
		if (!picked) throw new Error(`step ${stepId} has no choice ${key}`);
		await choose(page, stepId, key);
		path.push({ stepId, key, recommended: key === best });
		await continueAfterFeedback(page);
		if (sc.endings[picked.next]) {
			await expect(
				frame.getByRole('heading', { name: 'Your score for this scenario' })
			).toBeVisible();
			return { path, ending: picked.next, stoppedAt: null };
		}
		stepId = picked.next;
		await expect(
			frame.locator(`input[type="radio"][name="choice-${stepId}"]`).first()
		).toBeVisible();
		if (options.decisions !== undefined && path.length >= options.decisions)
			return { path, ending: null, stoppedAt: stepId };
	}
}

/* ---------- accessibility ---------- */

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe-core (node_modules/axe-core/axe.min.js) on the page's top document; returns the violations. */
export async function axeViolations(page: Page, tags: string[] = AXE_TAGS) {
	await page.addScriptTag({ path: join(process.cwd(), 'node_modules/axe-core/axe.min.js') });
	return page.evaluate(async (values) => {
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		const axe = (window as any).axe;
		const r = await axe.run(document, { runOnly: { type: 'tag', values }, iframes: false });
		return r.violations.map(
			(v: { id: string; help: string; nodes: { target: unknown; failureSummary?: string }[] }) => ({
				id: v.id,
				help: v.help,
				nodes: v.nodes.map((n) => ({
					target: JSON.stringify(n.target),
					summary: n.failureSummary ?? ''
				}))
			})
		);
	}, tags);
}
