/**
 * The mock LMS page seen from an e2e test: its window.mockLms types, opening a package in it,
 * and reading what the LMS holds. helpers.ts re-exports all of it; import from there.
 */
import { expect, type Frame, type FrameLocator, type Page } from '@playwright/test';
import type { CallRecord, StoredRecord } from '../../scripts/mock-lms/types.js';

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

/**
 * The mock LMS's record after one earlier session of attempt 1 that saved `suspendData` (the
 * course incomplete) and ended with Terminate and exit "suspend", so the next launch is a resume.
 * `location`: the stored lesson_location / location (none unless given); `totalSeconds`: the time
 * spent so far (the LMS's total_time).
 */
export function seededRecord(
	slug: string,
	version: '1.2' | '2004',
	suspendData: string,
	{ location, totalSeconds = 600 }: { location?: string; totalSeconds?: number } = {}
): StoredRecord {
	const at = new Date().toISOString();
	const where = location === undefined ? {} : { location };
	const cmi =
		version === '1.2'
			? {
					core: {
						lesson_status: 'incomplete',
						...(location === undefined ? {} : { lesson_location: location })
					},
					suspend_data: suspendData
				}
			: { completion_status: 'incomplete', ...where, suspend_data: suspendData };
	return {
		v: 1,
		slug,
		version,
		attempt: 1,
		totalSeconds,
		sessions: [
			{
				session: 1,
				entry: 'ab-initio',
				startedAt: at,
				ended: 'terminated',
				endedAt: at,
				exit: 'suspend',
				commits: 1
			}
		],
		cmi,
		savedAt: at,
		savedBy: 'a test'
	};
}

/** Stores `record` as what the mock LMS holds for its package (in the LMS's origin), before openMockLms launches it. */
export async function seedLms(page: Page, record: StoredRecord): Promise<void> {
	await page.goto('/mock-lms.css'); // the mock LMS's origin, to write its storage
	await page.evaluate(
		(r) => localStorage.setItem(`mockLms:v1:${r.slug}`, JSON.stringify(r)),
		record
	);
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

/** The facts of the stored record's CMI (cmiSummary; an empty CMI when nothing is stored). */
export async function storedSummary(page: Page, version: '1.2' | '2004') {
	return cmiSummary((await storedRecord(page))?.cmi ?? {}, version);
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
