/**
 * axe-core (node_modules/axe-core/axe.min.js) for the e2e accessibility tests, run inside the
 * module's own document: the frame in the mock LMS, or the page when the module is opened alone.
 *
 *   const axe = new AxeRun();
 *   await axe.check(moduleFrameHandle(page), 'home (in the LMS)');    // collects, does not throw
 *   axe.expectNone();                                                  // fails once, listing them all
 *
 * The package has a strict Content-Security-Policy (no inline scripts but its own), so axe is
 * not added as a <script> tag: its source is evaluated through the DevTools protocol, which
 * the page's CSP does not govern. Nothing is left in the page but window.axe.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Frame, type Page } from '@playwright/test';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let source: string | null = null;
const axeSource = () =>
	(source ??= readFileSync(join(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8'));

export interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	helpUrl: string;
	nodes: { target: string; html: string; summary: string }[];
}

/** Puts axe into the document (once per document). */
export async function injectAxe(target: Page | Frame): Promise<void> {
	const has = await target.evaluate(
		() => typeof (window as unknown as { axe?: unknown }).axe === 'object'
	);
	if (!has) await target.evaluate(axeSource());
}

/** Runs axe on the whole document of `target` with the WCAG 2.2 A/AA tags; returns the violations. */
export async function axeViolations(
	target: Page | Frame,
	tags: string[] = WCAG_TAGS
): Promise<AxeViolation[]> {
	await injectAxe(target);
	return target.evaluate(async (values) => {
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		const axe = (window as any).axe;
		const r = await axe.run(document, {
			runOnly: { type: 'tag', values },
			iframes: false,
			resultTypes: ['violations']
		});
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		return r.violations.map((v: any) => ({
			id: v.id,
			impact: v.impact,
			help: v.help,
			helpUrl: v.helpUrl,
			// eslint-disable-next-line @typescript-eslint/no-explicit-any
			nodes: v.nodes.map((n: any) => ({
				target: n.target.map(String).join(' >> '),
				html: String(n.html).slice(0, 200),
				summary: n.failureSummary ?? ''
			}))
		}));
	}, tags);
}

/** One line per failing element: "screen: rule-id (help) at target — summary". */
export function describeViolations(screen: string, violations: AxeViolation[]): string[] {
	return violations.flatMap((v) =>
		v.nodes.map(
			(n) =>
				`${screen}: ${v.id} [${v.impact ?? '?'}] ${v.help} — at ${n.target} — ${n.html} — ${n.summary.replace(/\s+/g, ' ')}`
		)
	);
}

/**
 * Collects the violations of many screens, so that one slow walk reports every problem at once.
 * `checked` lists the screens axe ran on (the tests assert on it, so that a walk that checks
 * nothing cannot pass).
 */
export class AxeRun {
	readonly problems: string[] = [];
	readonly checked: string[] = [];
	/** Milliseconds spent in axe. */
	ms = 0;

	async check(target: Page | Frame, screen: string): Promise<AxeViolation[]> {
		const t = Date.now();
		const v = await axeViolations(target);
		this.ms += Date.now() - t;
		this.checked.push(screen);
		this.problems.push(...describeViolations(screen, v));
		return v;
	}

	/** Fails (once) with every violation found, ids, targets and help text. */
	expectNone(): void {
		expect(this.checked.length, 'axe should have checked at least one screen').toBeGreaterThan(0);
		expect(
			this.problems,
			`axe-core found ${this.problems.length} WCAG 2.2 A/AA violation(s) on ${this.checked.length} screens:\n${this.problems.join('\n')}`
		).toEqual([]);
	}
}

/** Runs axe and fails at once with the violations (for a single screen). */
export async function expectNoAxeViolations(target: Page | Frame, screen: string): Promise<void> {
	const v = await axeViolations(target);
	expect(describeViolations(screen, v), `axe-core violations on ${screen}`).toEqual([]);
}
