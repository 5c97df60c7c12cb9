/**
 * What a whole course leaves in the LMS: the package is played to the end in the mock LMS
 * (scripts/mock-lms/, served by scripts/serve.ts), every scenario along its first choices, the
 * module is closed (Terminate), and the mock LMS's stored data is counted as an LMS's tracking
 * table holds it: one field per element with a value. `bytes` is that data as one URL-encoded
 * form (element=value&…), which is what Moodle's SCORM player posts with Terminate by
 * navigator.sendBeacon (browsers refuse a beacon over 64 KB). Used by npm run bench.
 */
import type { Browser, Frame } from 'playwright-core';

/** cmi JSON (the mock LMS's stored record) → { "cmi.core.lesson_status": "passed", … }, values set only. */
export function flattenCmi(
	o: unknown,
	prefix = 'cmi',
	out: Record<string, string> = {}
): Record<string, string> {
	if (o === null || o === undefined) return out;
	if (typeof o !== 'object') {
		if (String(o) !== '') out[prefix] = String(o);
		return out;
	}
	for (const [k, v] of Object.entries(o as Record<string, unknown>))
		if (!k.startsWith('_')) flattenCmi(v, `${prefix}.${k}`, out);
	return out;
}

/** Bytes of the elements as one URL-encoded form. */
export function formBytes(flat: Record<string, string>): number {
	return Buffer.byteLength(
		Object.entries(flat)
			.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
			.join('&')
	);
}

export interface Footprint {
	fields: number;
	bytes: number;
	decisions: number;
}

type MockWindow = {
	mockLms: {
		ready: boolean;
		frameLoads: number;
		stored(): { cmi: unknown; sessions: { ended: string | null }[] } | null;
	};
};

/** Plays `slug` to the end in the mock LMS at `base` (e.g. http://127.0.0.1:4173) and measures what the LMS keeps. */
export async function lmsFootprint(
	browser: Browser,
	base: string,
	slug: string
): Promise<Footprint> {
	const page = await browser.newPage();
	try {
		await page.goto(`${base}/?package=${encodeURIComponent(slug)}&reset=1`);
		await page.waitForFunction(
			() =>
				(window as unknown as MockWindow).mockLms?.ready &&
				(window as unknown as MockWindow).mockLms.frameLoads > 0
		);
		const root = page.frameLocator('#module-frame');
		await root.locator('main h1').first().waitFor();
		const all = root.getByRole('radio', { name: 'Show all scenarios' });
		if (await all.count()) await all.check();
		const hrefs = await root
			.locator('main a[href^="#/scenario/"]')
			.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
		const frame = page.frames().find((f) => f.url().includes('/dist/')) as Frame;
		let decisions = 0;
		for (const href of [...new Set(hrefs)]) {
			await frame.evaluate((h) => void (location.hash = h), href);
			const radio = root.locator('form input[type="radio"][name^="choice-"]').first();
			const ending = root.getByRole('heading', { name: 'Your score for this scenario' });
			for (let step = 0; step < 60; step++) {
				await radio.or(ending).first().waitFor();
				if (await ending.isVisible()) break;
				await radio.check();
				await root.getByRole('button', { name: 'Continue', exact: true }).click();
				decisions++;
				await root.getByRole('button', { name: /^(Continue|See what happened)$/ }).click();
			}
		}
		await page.evaluate(() =>
			(
				document.getElementById('module-frame') as HTMLIFrameElement
			).contentWindow!.location.replace('about:blank')
		);
		await page.waitForFunction(
			() =>
				(window as unknown as MockWindow).mockLms.stored()?.sessions.at(-1)?.ended === 'terminated'
		);
		const flat = flattenCmi(
			(await page.evaluate(() => (window as unknown as MockWindow).mockLms.stored()))?.cmi
		);
		return { fields: Object.keys(flat).length, bytes: formBytes(flat), decisions };
	} finally {
		await page.close();
	}
}
