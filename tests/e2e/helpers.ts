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
import { expect, type Frame, type FrameLocator, type Page } from '@playwright/test';
import type { CallRecord } from '../../scripts/mock-lms/types.js';

/* ---------- window.mockLms (scripts/mock-lms/main.ts and its modules) ---------- */

/** One logged SCORM API call (the mock LMS's own type). */
export type LmsCall = CallRecord;

/** One problem the mock LMS saw (an API error code, a simulated fault, or an LMS-side problem). */
export interface LmsProblem {
	source: 'api' | 'fault' | 'lms';
	session: number | null;
	message: string;
	method?: string;
	element?: string;
	value?: unknown;
	code?: string;
	call?: number;
}

export interface LmsSession {
	id: number;
	state: 'waiting' | 'running' | 'finished' | 'closed' | 'refused';
	entry: string | null;
	attempt: number | null;
	slug: string;
	version: '1.2' | '2004';
	fault: string;
}

/** What the mock LMS stores per package (localStorage "mockLms:v1:<slug>"). */
export interface LmsRecord {
	attempt: number;
	totalSeconds: number;
	sessions: {
		session: number;
		entry: string;
		exit: string;
		ended: 'terminated' | 'closed' | null;
		commits: number;
	}[];
	cmi: Cmi | null;
	savedAt: string | null;
	savedBy: string | null;
}

/** scorm-again's renderCMIToJSONObject().cmi: nested objects, lists as { "0": …, "1": … }. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Cmi = Record<string, any>;

export interface MockLmsApi {
	calls: LmsCall[];
	errors: LmsProblem[];
	warnings: LmsProblem[];
	notes: LmsProblem[];
	libraryLog: { t: number; level: unknown; message: string }[];
	cmi(): Cmi;
	flat(): Record<string, unknown>;
	stored(): LmsRecord | null;
	session(): LmsSession | null;
	package(): { slug: string; version: '1.2' | '2004'; title: string } | null;
	packages(): { slug: string; version: '1.2' | '2004'; council: string; variant: string }[];
	readonly ready: boolean;
	readonly frameLoads: number;
	relaunch(options?: { clearModuleCopy?: boolean }): Promise<boolean>;
	reset(): Promise<boolean>;
	launch(slug: string): Promise<boolean>;
	clearLog(): void;
}

declare global {
	interface Window {
		mockLms: MockLmsApi;
	}
}

/* ---------- opening the mock LMS ---------- */

/** The package folder name for a council and SCORM version, e.g. "witham-town-council-scorm2004". */
export function slugFor(council: string, version: '1.2' | '2004', suffix = ''): string {
	return `${council}-${version === '1.2' ? 'scorm12' : 'scorm2004'}${suffix ? `-${suffix}` : ''}`;
}

/** Opens the mock LMS with a package (and e.g. { fault: 'commit-flaky' }); waits until the module shows its first page. */
export async function openMockLms(
	page: Page,
	slug: string,
	query: Record<string, string> = {}
): Promise<void> {
	const q = new URLSearchParams({ package: slug, ...query });
	await page.goto(`/?${q}`);
	await page.waitForFunction(() => window.mockLms?.ready === true);
	const pkg = await page.evaluate(() => window.mockLms.package());
	expect(pkg?.slug, `package ${slug} should be in dist/ (run npm run package)`).toBe(slug);
	if (query.fault !== 'opener') await waitForModule(page);
}

/** With ?fault=opener: clicks "Open the module in a new window"; returns the module's window once it shows a page. */
export async function openInNewWindow(page: Page): Promise<Page> {
	const [popup] = await Promise.all([
		page.waitForEvent('popup'),
		page.getByRole('button', { name: 'Open the module in a new window' }).click()
	]);
	await popup.waitForLoadState();
	await expect(popup.locator('main h1').first()).toBeVisible();
	return popup;
}

/** The module inside the mock LMS, for locators (page.frameLocator('#module-frame')). */
export function moduleFrame(page: Page): FrameLocator {
	return page.frameLocator('#module-frame');
}

/** The module's Frame, for evaluate() inside the package; throws if it is not loaded. */
export function moduleFrameHandle(page: Page): Frame {
	const frame = page.frames().find((f) => /\/dist\/[^/]+\//.test(f.url()));
	if (!frame) throw new Error('the module is not loaded in the mock LMS');
	return frame;
}

/** Waits until the module has loaded and shows a page (its main heading). */
export async function waitForModule(page: Page): Promise<void> {
	await page.waitForFunction(() => window.mockLms.frameLoads > 0);
	await expect(moduleFrame(page).locator('main h1').first()).toBeVisible();
}

/** Waits until the module has called Initialize in the current session. */
export async function waitForSession(
	page: Page,
	state: LmsSession['state'] = 'running'
): Promise<LmsSession> {
	await page.waitForFunction((s) => window.mockLms.session()?.state === s, state);
	return (await lmsSession(page))!;
}

/** Clicks "Re-launch" (the module finishes, then opens again with the stored data); waits for it to load and initialise. */
export async function relaunch(
	page: Page,
	options: { clearModuleCopy?: boolean } = {}
): Promise<LmsSession> {
	const before = await page.evaluate(() => window.mockLms.frameLoads);
	if (options.clearModuleCopy) {
		await page.evaluate((o) => window.mockLms.relaunch(o), options);
	} else {
		await page.getByRole('button', { name: 'Re-launch' }).click();
	}
	await page.waitForFunction((b) => window.mockLms.frameLoads > b, before);
	await waitForModule(page);
	return waitForSession(page);
}

/** Reloads the module's own document (the learner closes it and comes back; the LMS offers a fresh session); waits for it. */
export async function reloadModuleFrame(page: Page): Promise<LmsSession> {
	const before = await page.evaluate(() => window.mockLms.frameLoads);
	await moduleFrameHandle(page).evaluate(() => location.reload());
	await page.waitForFunction((b) => window.mockLms.frameLoads > b, before);
	await waitForModule(page);
	return waitForSession(page);
}

/* ---------- reading what the LMS holds ---------- */

/** The CMI now (window.mockLms.cmi()). */
export function readCmi(page: Page): Promise<Cmi> {
	return page.evaluate(() => window.mockLms.cmi());
}

/** The current LMS session: id, state, entry ("ab-initio", "resume", ""), attempt. */
export function lmsSession(page: Page): Promise<LmsSession | null> {
	return page.evaluate(() => window.mockLms.session());
}

/** What the LMS has stored for the package (as a real LMS would keep it between launches). */
export function storedRecord(page: Page): Promise<LmsRecord | null> {
	return page.evaluate(() => window.mockLms.stored());
}

/** Every API call so far, and the errors and warnings the mock LMS noted. */
export function lmsLog(
	page: Page
): Promise<{ calls: LmsCall[]; errors: LmsProblem[]; warnings: LmsProblem[] }> {
	return page.evaluate(() => ({
		calls: window.mockLms.calls,
		errors: window.mockLms.errors,
		warnings: window.mockLms.warnings
	}));
}

/** Fails the test with the mock LMS's error list (API error codes, simulated faults, LMS-side problems), if it is not empty. */
export async function expectNoLmsErrors(page: Page): Promise<void> {
	const { errors } = await lmsLog(page);
	expect(
		errors.map((e) => `${e.method ?? ''}(${e.element ?? ''}) ${e.code ?? ''}: ${e.message}`),
		'the mock LMS saw errors'
	).toEqual([]);
}

/** A CMI list ({ "0": …, "1": … }) as an array, in index order. */
export function list<T = Cmi>(o: Record<string, T> | undefined | null): T[] {
	return o
		? Object.keys(o)
				.sort((a, b) => Number(a) - Number(b))
				.map((k) => o[k])
		: [];
}

/** The same facts from a 1.2 or 2004 CMI: status, score, suspend data, interactions (id, response, result), objectives. */
export function cmiSummary(cmi: Cmi, version: '1.2' | '2004') {
	const v12 = version === '1.2';
	return {
		status: v12 ? cmi.core?.lesson_status : cmi.completion_status,
		success: v12 ? undefined : cmi.success_status,
		scoreRaw: v12 ? cmi.core?.score?.raw : cmi.score?.raw,
		scoreScaled: v12 ? undefined : cmi.score?.scaled,
		location: v12 ? cmi.core?.lesson_location : cmi.location,
		exit: v12 ? cmi.core?.exit : cmi.exit,
		entry: v12 ? cmi.core?.entry : cmi.entry,
		suspendData: String(cmi.suspend_data ?? ''),
		interactions: list(cmi.interactions).map((i) => ({
			id: String(i.id),
			type: String(i.type ?? ''),
			response: String(v12 ? i.student_response : i.learner_response),
			result: String(i.result),
			correct: list(i.correct_responses).map((c) => String(c.pattern))
		})),
		objectives: list(cmi.objectives)
	};
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
