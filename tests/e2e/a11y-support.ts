/**
 * Shared by the accessibility specs (a11y-*, keyboard-*, reflow-*): the course as the build
 * reads it (loadLibrary), the screens a learner can meet along every path of a scenario, and
 * ways to open the module directly (no LMS) with fresh or chosen saved progress.
 */
import { mkdirSync } from 'node:fs';
import { expect, type Frame, type Page } from '@playwright/test';
import { loadLibrary, type Library } from '../../src/lib/content/course';
import { scenarioFits } from '../../src/lib/content/councils';
import { selectionHash } from '../../src/lib/content/selection';
import { recommended } from '../../src/lib/engine/scoring';
import type { Scenario, Step } from '../../src/lib/engine/types';
import { slugFor } from './helpers';

export const COUNCIL = 'kingsthorpe-parish-council';
export const SLUG = slugFor(COUNCIL, '1.2');
/** The module opened directly, with no LMS: progress is kept in this browser. */
export const DIRECT = `/dist/${SLUG}/index.html`;
export const PRACTICE = `/dist/${slugFor(COUNCIL, '1.2', 'practice')}/index.html`;
export const ARTIFACTS = 'tests/e2e/.artifacts';
/** One scenario per headline topic: confidentiality, relationships, delegation. */
export const HEADLINE = [
	'confidentiality-councillor',
	'friendship-officer',
	'delegation-councillor'
];
export const NO_LMS_BANNER = /saved in this browser only/i;

/** Page or Frame: both have locator(), getByRole() and evaluate(). */
export type Doc = Page | Frame;

let lib: Promise<Library> | null = null;
export async function library(): Promise<Library> {
	lib ??= loadLibrary(process.cwd());
	const l = await lib;
	expect(l.errors, 'the course should load without content errors').toEqual([]);
	return l;
}

/** The scenarios of COUNCIL's default course (those whose "fits:" line allows its kind), in order. */
export async function courseScenarios(council = COUNCIL): Promise<Scenario[]> {
	const l = await library();
	const kind = l.councils.find((c) => c.id === council)!.kind;
	return l.scenarios.filter((s) => scenarioFits(s.fits, kind));
}

export async function scenarioById(id: string): Promise<Scenario> {
	const s = (await library()).scenarios.find((x) => x.id === id);
	if (!s) throw new Error(`no scenario "${id}" in scenarios/`);
	return s;
}

/* ---------- paths and screens ---------- */

/** Every path from the start of a scenario to an ending, as its choice letters. */
export function allPaths(s: Scenario): string[] {
	const out: string[] = [];
	const go = (id: string, path: string, seen: Set<string>) => {
		const n = s.nodes[id];
		if (n.kind === 'ending') return void out.push(path);
		if (seen.has(id)) throw new Error(`${s.id}: a cycle through ${id}`);
		for (const c of n.choices) go(c.next, path + c.key, new Set([...seen, id]));
	};
	go(s.start, '', new Set());
	return out;
}

/** The screens one path shows, in order: each question (at its position), each feedback, the ending. */
export function screensOf(s: Scenario, path: string): string[] {
	const keys: string[] = [];
	let node = s.nodes[s.start];
	for (const [i, key] of [...path].entries()) {
		const step = node as Step;
		keys.push(`step ${step.id} (decision ${i + 1})`, `feedback ${step.id}:${key}`);
		node = s.nodes[step.choices.find((c) => c.key === key)!.next];
	}
	keys.push(`ending ${node.id}`);
	return keys;
}

/**
 * A few paths that between them show every screen that any path shows (greedy set cover):
 * a question at each position it can be met, the feedback of every choice, every ending.
 */
export function coveringPaths(s: Scenario): { paths: string[]; screens: Set<string>; all: number } {
	const all = allPaths(s);
	const screens = new Set(all.flatMap((p) => screensOf(s, p)));
	const left = new Set(screens);
	const paths: string[] = [];
	while (left.size) {
		let best = all[0];
		let gain = -1;
		for (const p of all) {
			const g = new Set(screensOf(s, p).filter((k) => left.has(k))).size;
			if (g > gain) [best, gain] = [p, g];
		}
		paths.push(best);
		for (const k of screensOf(s, best)) left.delete(k);
	}
	return { paths, screens, all: all.length };
}

/** The recommended route through a scenario (what a learner who always chose best would take). */
export function recommendedPath(s: Scenario): string {
	let node = s.nodes[s.start];
	let path = '';
	while (node.kind === 'step') {
		const c = recommended(node);
		path += c.key;
		node = s.nodes[c.next];
	}
	return path;
}

/* ---------- the module opened directly, with saved progress ---------- */

/** localStorage key of the no-LMS copy (src/routes/+layout.svelte). */
export async function storageKey(
	ids?: string[],
	council = COUNCIL,
	mode = 'assessed'
): Promise<string> {
	const order = ids ?? (await courseScenarios(council)).map((s) => s.id);
	return `cs:${council}:${mode}:${selectionHash(order)}`;
}

/** Saved progress (src/lib/lms/storage.ts Saved, suspend data as src/lib/engine/serialise.ts writes it). */
export async function savedProgress(
	paths: Record<string, string>,
	opts: { completedOn?: string | null } = {}
): Promise<string> {
	const l = await library();
	const scenarios = await courseScenarios();
	const complete = scenarios.every((s) => paths[s.id] !== undefined);
	const date = (opts.completedOn ?? null)?.replaceAll('-', '') ?? '-';
	const items = scenarios
		.filter((s) => paths[s.id] !== undefined)
		.map((s) => `${s.id}:${paths[s.id]}:60`);
	const suspendData = [1, l.contentVersion, date, ...items].join('|');
	return JSON.stringify({
		v: 1,
		learner: '',
		unsynced: true,
		base: '',
		progress: { suspendData, location: 'home', score: 0, complete, passed: false }
	});
}

/** Every scenario of the course finished along its recommended route, completed on a fixed day. */
export async function allFinished(): Promise<Record<string, string>> {
	return Object.fromEntries((await courseScenarios()).map((s) => [s.id, recommendedPath(s)]));
}

/**
 * Lets openDirect() start the module from chosen saved progress. The module saves on pagehide,
 * so clearing storage before a reload would be undone: the storage is replaced by an init
 * script at the start of the next document instead.
 */
export async function prepareDirect(page: Page): Promise<void> {
	await page.addInitScript(() => {
		if (window !== window.top) return;
		const next = sessionStorage.getItem('a11y:next');
		if (next === null) return;
		sessionStorage.removeItem('a11y:next');
		localStorage.clear();
		for (const [k, v] of Object.entries(JSON.parse(next) as Record<string, string>))
			localStorage.setItem(k, v);
	});
}

/**
 * Opens the module with no LMS at `hash` (e.g. "#/scenario/x"), with fresh progress or `storage`
 * (key → value). Needs prepareDirect(page) once. Waits for the main heading.
 */
export async function openDirect(
	page: Page,
	hash = '#/',
	storage: Record<string, string> = {},
	base = DIRECT
): Promise<void> {
	if (page.url().startsWith('http')) {
		await page.evaluate((s) => sessionStorage.setItem('a11y:next', s), JSON.stringify(storage));
		await page.goto('about:blank');
	} else {
		// First visit: get an origin first so that sessionStorage can carry the wish.
		await page.goto(`${base}#/`);
		await page.evaluate((s) => sessionStorage.setItem('a11y:next', s), JSON.stringify(storage));
		await page.goto('about:blank');
	}
	await page.goto(`${base}${hash}`);
	await expect(page.locator('main h1').first()).toBeVisible();
}

/** Opens the module directly with every scenario finished (the certificate is ready). */
export async function openAllFinished(page: Page, hash: string): Promise<void> {
	const key = await storageKey();
	await openDirect(page, hash, {
		[key]: await savedProgress(await allFinished(), { completedOn: '2026-11-30' })
	});
}

/* ---------- playing, in any document ---------- */

/**
 * Goes to a screen of the module as an in-app link would (for screens with no link to them at
 * that moment, e.g. the certificate before it is ready). Setting location.hash instead would
 * make SvelteKit's hash router reload the whole document, as when an address is typed.
 */
export async function go(doc: Doc, hash: string): Promise<void> {
	await doc.evaluate((h) => {
		const a = document.createElement('a');
		a.href = h;
		document.querySelector('main')!.appendChild(a);
		a.click();
		a.remove();
	}, hash);
	await doc.waitForFunction((h) => location.hash === h, hash);
	await expect(doc.locator('main h1').first()).toBeVisible();
}

/** Waits until the feedback shows the protocol's words (they load after the first step). */
export async function feedbackReady(doc: Doc): Promise<void> {
	await expect(doc.locator('#feedback-title')).toBeVisible();
	await doc.waitForFunction(() =>
		[...document.querySelectorAll('.feedback .principles > li')].every((li) =>
			li.querySelector('.clause, .gap-note')
		)
	);
}

/** The question shown now: the step id from the radios' name, or null. */
export async function shownStep(doc: Doc): Promise<string | null> {
	const name = await doc
		.locator('form input[type="radio"][name^="choice-"]')
		.first()
		.getAttribute('name', { timeout: 2000 })
		.catch(() => null);
	return name ? name.slice('choice-'.length) : null;
}

/** Clicks the label of choice `key` at step `stepId`, then Continue; waits for the feedback. */
export async function pick(doc: Doc, stepId: string, key: string): Promise<void> {
	await doc.locator(`label[for="choice-${stepId}-${key}"]`).click();
	await expect(doc.locator(`#choice-${stepId}-${key}`)).toBeChecked();
	await doc.getByRole('button', { name: 'Continue', exact: true }).click();
	await expect(doc.locator('#feedback-title')).toBeVisible();
}

/** On feedback: Continue (or See what happened); waits for the next question or the ending. */
export async function onwards(doc: Doc, s: Scenario, next: string): Promise<void> {
	await doc.getByRole('button', { name: /^(Continue|See what happened)$/ }).click();
	if (s.nodes[next].kind === 'ending')
		await expect(doc.getByRole('heading', { name: 'Your score for this scenario' })).toBeVisible();
	else await expect(doc.locator(`input[name="choice-${next}"]`).first()).toBeVisible();
}

/* ---------- screenshots ---------- */

export async function shot(page: Page, name: string): Promise<void> {
	mkdirSync(ARTIFACTS, { recursive: true });
	await page.screenshot({
		path: `${ARTIFACTS}/${name}.png`,
		fullPage: true,
		animations: 'disabled'
	});
}

/* ---------- one of each kind of screen, opened directly ---------- */

export interface ScreenKind {
	name: string;
	/** Opens the screen (the page must have had prepareDirect). */
	open(page: Page): Promise<void>;
}

/** Puts the first question of a scenario on screen, with fresh progress. */
async function firstQuestion(page: Page, id: string): Promise<Step> {
	const s = await scenarioById(id);
	await openDirect(page, `#/scenario/${id}`);
	const step = s.nodes[s.start] as Step;
	await expect(page.locator(`input[name="choice-${step.id}"]`).first()).toBeVisible();
	return step;
}

/** Every kind of screen of the module, each with the state that shows it. */
export function screenKinds(): ScreenKind[] {
	const id = HEADLINE[0];
	return [
		{
			name: 'home',
			open: (page) =>
				openDirect(page, '#/').then(() => expect(page.getByText(NO_LMS_BANNER)).toBeVisible())
		},
		{ name: 'step', open: async (page) => void (await firstQuestion(page, HEADLINE[2])) },
		{
			name: 'error',
			open: async (page) => {
				await firstQuestion(page, HEADLINE[2]);
				await page.getByRole('button', { name: 'Continue', exact: true }).click();
				await expect(
					page.getByRole('alert').filter({ hasText: 'There is a problem' })
				).toBeVisible();
			}
		},
		{
			name: 'feedback',
			open: async (page) => {
				// Not the recommended choice: the feedback also shows the recommended one.
				const step = await firstQuestion(page, id);
				const best = recommended(step).key;
				await pick(page, step.id, step.choices.find((c) => c.key !== best)!.key);
				await feedbackReady(page);
			}
		},
		{
			name: 'ending',
			open: async (page) => {
				const s = await scenarioById(id);
				await openDirect(page, `#/scenario/${id}`, {
					[await storageKey()]: await savedProgress({ [id]: recommendedPath(s) })
				});
				await expect(
					page.getByRole('heading', { name: 'Your score for this scenario' })
				).toBeVisible();
			}
		},
		{ name: 'results-empty', open: (page) => openDirect(page, '#/results') },
		{
			name: 'results',
			open: async (page) => {
				await openAllFinished(page, '#/results');
				await expect(page.getByRole('heading', { name: 'Results by principle' })).toBeVisible();
			}
		},
		{
			name: 'debrief',
			open: async (page) => {
				await openAllFinished(page, '#/debrief');
				await expect(page.locator('section.debrief').first()).toBeVisible();
				await expect(page.locator('section.debrief .clause').first()).toBeVisible();
			}
		},
		{ name: 'certificate-not-ready', open: (page) => openDirect(page, '#/certificate') },
		{
			name: 'certificate',
			open: async (page) => {
				await openAllFinished(page, '#/certificate');
				await page
					.getByLabel('Your full name, as it should appear on the certificate')
					.fill('Alexandra Featherstonehaugh-Montgomery');
				await page.getByRole('button', { name: 'Show my name' }).click();
				await expect(page.locator('.cert-name')).toHaveText(
					'Alexandra Featherstonehaugh-Montgomery'
				);
			}
		},
		{
			name: 'protocol',
			open: async (page) => {
				await openDirect(page, '#/protocol');
				await expect(page.locator('ol.clauses > li').first()).toBeVisible();
			}
		},
		{
			name: 'protocol-clause',
			open: async (page) => {
				// Follow a clause link from the feedback: that clause is marked and has focus.
				const step = await firstQuestion(page, id);
				await pick(page, step.id, recommended(step).key);
				await feedbackReady(page);
				// The council's words are one step away: open them first.
				await page.locator('.feedback details.clause-details > summary').first().click();
				const link = page.locator('.feedback figcaption a').first();
				const href = (await link.getAttribute('href'))!;
				await link.click();
				const clause = page.locator(`#clause-${href.split('/').pop()}`);
				await expect(clause).toBeFocused();
				// …and is on screen (not left behind by the scroll to the top of the new page).
				await expect(clause).toBeInViewport();
				await expect(page.locator('.clauses .current')).toHaveCount(1);
			}
		},
		{
			name: 'statement',
			open: async (page) => {
				await openDirect(page, '#/accessibility');
				await expect(
					page.getByRole('heading', { level: 1, name: /Accessibility statement for/ })
				).toBeVisible();
			}
		}
	];
}
