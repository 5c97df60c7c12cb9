/**
 * Watchers shared by faults.spec.ts, progress.spec.ts and security.spec.ts:
 *
 * - guard(context): records, in every page, popup and frame of the browser context, uncaught
 *   exceptions (page.on('pageerror') and in-document 'error' / 'unhandledrejection'), CSP
 *   violations ('securitypolicyviolation') and each time the module's status message (the
 *   role=status region at the top of every page) changes. Read it with problems() / statusLog().
 * - play(root, id): plays a scenario by clicking, in any frame or window (the helpers in
 *   helpers.ts assume the module is in the mock LMS's #module-frame).
 * - mirror(page): the module's own browser copy of the progress (localStorage "cs:…").
 */
import {
	expect,
	type BrowserContext,
	type Frame,
	type FrameLocator,
	type Page
} from '@playwright/test';
import { loadScenarioSource, recommendedKey } from './helpers';

/** What the init script keeps in each document (window.__guard). */
export interface GuardRecord {
	url: string;
	errors: string[];
	csp: string[];
	/** Every distinct state of the status region, in order ('' = no message shown). */
	status: string[];
	/** Most status messages visible at once. */
	maxShown: number;
}

export interface Guard {
	/** Uncaught exceptions reported by Playwright, any page or popup of the context. */
	pageErrors: string[];
	/** Collects window.__guard from every frame of every page of the context. */
	records(): Promise<GuardRecord[]>;
	/** Fails the test on any uncaught exception or CSP violation anywhere. */
	expectClean(): Promise<void>;
}

/** Installs the watchers on a context before any page of it loads. */
export async function guard(context: BrowserContext): Promise<Guard> {
	const pageErrors: string[] = [];
	const watch = (p: Page) => p.on('pageerror', (e) => pageErrors.push(`${p.url()}: ${e.message}`));
	context.pages().forEach(watch);
	context.on('page', watch);
	await context.addInitScript(() => {
		const w = window as unknown as { __guard?: GuardRecord };
		if (w.__guard) return;
		const g: GuardRecord = { url: location.href, errors: [], csp: [], status: [''], maxShown: 0 };
		w.__guard = g;
		addEventListener('error', (e) => g.errors.push(String(e.message || e.error)));
		addEventListener('unhandledrejection', (e) =>
			g.errors.push(`unhandled rejection: ${String((e as PromiseRejectionEvent).reason)}`)
		);
		document.addEventListener('securitypolicyviolation', (e) =>
			g.csp.push(
				`${e.effectiveDirective || e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`
			)
		);
		const look = () => {
			const shown = [...document.querySelectorAll('.status-region .status')]
				.map((p) => (p.textContent ?? '').trim())
				.filter(Boolean);
			g.maxShown = Math.max(g.maxShown, shown.length);
			const now = shown.join(' / ');
			if (g.status[g.status.length - 1] !== now) g.status.push(now);
		};
		new MutationObserver(look).observe(document, {
			subtree: true,
			childList: true,
			characterData: true
		});
	});
	const records = async () => {
		const out: GuardRecord[] = [];
		for (const p of context.pages()) {
			for (const f of p.frames()) {
				const r = await f
					.evaluate(() => (window as unknown as { __guard?: GuardRecord }).__guard ?? null)
					.catch(() => null);
				if (r) out.push(r);
			}
		}
		return out;
	};
	return {
		pageErrors,
		records,
		async expectClean() {
			const rs = await records();
			expect(pageErrors, 'uncaught exceptions (pageerror)').toEqual([]);
			expect(
				rs.flatMap((r) => r.errors.map((e) => `${r.url}: ${e}`)),
				'uncaught exceptions in a document'
			).toEqual([]);
			expect(
				rs.flatMap((r) => r.csp.map((e) => `${r.url}: ${e}`)),
				'Content-Security-Policy violations'
			).toEqual([]);
		}
	};
}

/** The status messages the module showed in a frame, in order (each appearance once). */
export async function statusLog(frame: Frame): Promise<{ shown: string[]; maxShown: number }> {
	const g = await frame.evaluate(
		() => (window as unknown as { __guard?: GuardRecord }).__guard ?? null
	);
	if (!g) throw new Error(`no guard in ${frame.url()} (call guard(context) before the page loads)`);
	return { shown: g.status.filter((s) => s !== ''), maxShown: g.maxShown };
}

/** Asserts the learner was told exactly once, with this message (or never, with null). */
export async function expectToldOnce(frame: Frame, message: string | RegExp | null): Promise<void> {
	// Give a late status a moment to render before judging.
	await frame.waitForTimeout(150);
	const { shown, maxShown } = await statusLog(frame);
	if (message === null) {
		expect(shown, 'no status message should be shown').toEqual([]);
		return;
	}
	expect(shown, 'the learner should be told once, not once per call').toHaveLength(1);
	if (typeof message === 'string') expect(shown[0]).toBe(message);
	else expect(shown[0]).toMatch(message);
	expect(maxShown, 'one status message at a time').toBe(1);
}

/* ---------- playing in any frame or window ---------- */

type Root = Page | FrameLocator;

/** The recommended route through a scenario, from its source: step ids and letters. */
export function recommendedRoute(id: string): { stepId: string; key: string }[] {
	const sc = loadScenarioSource(id);
	const route: { stepId: string; key: string }[] = [];
	let step = sc.start;
	while (sc.steps[step]) {
		const key = recommendedKey(sc, step);
		route.push({ stepId: step, key });
		step = sc.steps[step].choices.find((c) => c.key === key)!.next;
	}
	return route;
}

/** The letters of a scenario's recommended route (its first `n` decisions), as saved progress holds them. */
export function recommendedKeys(id: string, n = Infinity): string {
	return recommendedRoute(id)
		.slice(0, n)
		.map((r) => r.key)
		.join('');
}

/** The interaction ids (scenario_step) of a scenario's recommended route (its first `n` decisions), as the LMS records them. */
export function recommendedInteractionIds(id: string, n = Infinity): string[] {
	return recommendedRoute(id)
		.slice(0, n)
		.map((r) => `${id}_${r.stepId}`);
}

/** A route given by its letters, from the first step: step ids and letters. */
export function routeOf(id: string, keys: string): { stepId: string; key: string }[] {
	const sc = loadScenarioSource(id);
	let step = sc.start;
	return [...keys].map((key) => {
		const here = sc.steps[step];
		const choice = here?.choices.find((c) => c.key === key);
		if (!choice) throw new Error(`${id}: step ${step} has no choice ${key}`);
		const out = { stepId: step, key };
		step = choice.next;
		return out;
	});
}

/** Among these scenarios, the one with the shortest recommended route of at least `min` decisions. */
export function shortestScenario(ids: string[], min = 3): string {
	const ok = ids.map((id) => ({ id, n: recommendedRoute(id).length })).filter((s) => s.n >= min);
	if (!ok.length) throw new Error(`no scenario with ${min} or more decisions`);
	return ok.sort((a, b) => a.n - b.n)[0].id;
}

/** Opens a scenario from the module's home page (showing all scenarios first if needed). */
export async function open(root: Root, id: string, timeout = 10_000): Promise<void> {
	const link = root.locator(`main a[href="#/scenario/${id}"]`).first();
	if (
		!(await root
			.locator('a[href="#/scenario/' + id + '"]')
			.first()
			.isVisible())
	) {
		await root.locator('a[href="#/"]').first().click({ timeout });
		// Wait for the home page itself before looking at its list.
		await expect(root.getByRole('radio', { name: 'Show all scenarios' })).toBeVisible({ timeout });
	}
	if (!(await link.isVisible()))
		await root.getByRole('radio', { name: 'Show all scenarios' }).check({ timeout });
	await link.click({ timeout });
	await expect(root.locator('form input[type="radio"][name^="choice-"]').first()).toBeVisible({
		timeout
	});
}

/**
 * Plays the scenario on screen along its recommended route (or the route `keys`, letters from
 * the first step), from the step shown, for at most `decisions` decisions (all by default).
 * `after(n)` runs after decision n has been made.
 */
export async function play(
	root: Root,
	id: string,
	options: {
		decisions?: number;
		timeout?: number;
		after?: (n: number) => Promise<void>;
		keys?: string;
	} = {}
): Promise<{ decisions: number; ended: boolean }> {
	const timeout = options.timeout ?? 10_000;
	const route = options.keys ? routeOf(id, options.keys) : recommendedRoute(id);
	const name = await root
		.locator('form input[type="radio"][name^="choice-"]')
		.first()
		.getAttribute('name', { timeout });
	let at = route.findIndex((r) => `choice-${r.stepId}` === name);
	if (at < 0) throw new Error(`step ${name} is not on the route played in ${id}`);
	let made = 0;
	while (at < route.length && made < (options.decisions ?? Infinity)) {
		const { stepId, key } = route[at];
		const radio = root.locator(`input[type="radio"][name="choice-${stepId}"][value="${key}"]`);
		await radio.check({ timeout });
		await root.getByRole('button', { name: 'Continue', exact: true }).click({ timeout });
		await expect(root.locator(`input[type="radio"][name="choice-${stepId}"]`)).toHaveCount(0, {
			timeout
		});
		made++;
		await options.after?.(made);
		await root.getByRole('button', { name: /^(Continue|See what happened)$/ }).click({ timeout });
		at++;
		if (at < route.length)
			await expect(
				root.locator(`input[type="radio"][name="choice-${route[at].stepId}"]`).first()
			).toBeVisible({ timeout });
	}
	const ended = at >= route.length;
	if (ended)
		await expect(root.getByRole('heading', { name: 'Your score for this scenario' })).toBeVisible({
			timeout
		});
	return { decisions: made, ended };
}

/* ---------- the module's own copy of the progress ---------- */

export interface Mirror {
	key: string;
	learner: string;
	unsynced: boolean;
	base: string;
	progress: {
		suspendData: string;
		location: string;
		score: number;
		complete: boolean;
		passed: boolean;
	};
}

/**
 * The module's browser copy (localStorage "cs:<council>:<mode>:<selection>[:learner:<id> |
 * :unknown:<time>]"), from any same-origin page; `part`: only a copy whose key contains it.
 */
export async function mirror(page: Page | Frame, part = ''): Promise<Mirror | null> {
	return page.evaluate((part) => {
		for (let i = 0; i < localStorage.length; i++) {
			const key = localStorage.key(i) ?? '';
			if (!key.startsWith('cs:') || !key.includes(part)) continue;
			try {
				const v = JSON.parse(localStorage.getItem(key) ?? '');
				if (v && v.v === 1 && v.progress) return { key, ...v };
			} catch {
				/* a preference, not the copy */
			}
		}
		return null;
	}, part);
}

/** The status on a scenario's card on the home page ("Not started", "In progress", "Finished, score 80%"). */
export async function cardStatus(root: Page | FrameLocator, id: string): Promise<string> {
	const card = root.locator('main li', { has: root.locator(`a[href="#/scenario/${id}"]`) }).first();
	const words = (await card.innerText()).replace(/\s+/g, ' ');
	return /(Not started|In progress|Finished(?:, score \d+%)?)/.exec(words)?.[1] ?? words;
}

/** The parts of a saved text, one per scenario ("id:path:secs…"). */
export const items = (text: string) => text.split('|').slice(3);
/** An item without the scenario version the module adds ("id:path:secs[:tries]"). */
export const bare = (item: string) =>
	item
		.split(':')
		.slice(0, 4)
		.filter((f, k) => k < 3 || f)
		.join(':');
