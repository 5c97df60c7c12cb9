/**
 * npm run preview: a trainer sees the scenario being edited, each saved edit within 5 seconds,
 * and a content problem in the page in the same words as npm run validate.
 * Writes a temporary scenario (scenarios/zz-e2e-preview.md) and removes it afterwards.
 */
import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { E2E_PORT } from '../../playwright.config';

const PORT = E2E_PORT + 1000; // beside the mock LMS server on E2E_PORT
const FILE = 'scenarios/zz-e2e-preview.md';
const ID = 'zz-e2e-preview';
const source = readFileSync('tests/fixtures/scenarios/example.md', 'utf8').replace(
	'id: the-forwarded-email',
	`id: ${ID}`
);
let server: ChildProcess | undefined;
let output = '';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
	writeFileSync(FILE, source);
	server = spawn(
		process.execPath,
		[
			'node_modules/tsx/dist/cli.mjs',
			'scripts/preview.ts',
			`--port=${PORT}`,
			`--scenario=${ID}`,
			'--no-open'
		],
		{ stdio: ['ignore', 'pipe', 'pipe'] }
	);
	server.stdout!.on('data', (d) => (output += d));
	server.stderr!.on('data', (d) => (output += d));
	await expect
		.poll(() => output, { timeout: 90_000 })
		.toContain(`http://localhost:${PORT}/#/scenario/${ID}`);
});

test.afterAll(() => {
	rmSync(FILE, { force: true });
	server?.kill('SIGTERM');
});

test('shows the scenario, each saved edit within 5 s, and a problem in the page as in the terminal', async ({
	page
}) => {
	await page.goto(`http://localhost:${PORT}/#/scenario/${ID}`);
	await expect(page.getByRole('heading', { name: 'A report marked confidential' })).toBeVisible({
		timeout: 60_000
	});

	let t = Date.now();
	writeFileSync(FILE, source.replace('A report marked confidential', 'A report marked secret'));
	await expect(page.getByRole('heading', { name: 'A report marked secret' })).toBeVisible({
		timeout: 5_000
	});
	console.log(`edit visible after ${Date.now() - t} ms`);

	t = Date.now();
	writeFileSync(FILE, source.replace('{clerk} sends', '{clerck} sends'));
	const message = `${FILE}:12: unknown placeholder "{clerck}" (did you mean {clerk}?)`;
	await expect(page.locator('vite-error-overlay')).toContainText(message, { timeout: 5_000 });
	console.log(`problem visible after ${Date.now() - t} ms`);
	await expect.poll(() => output).toContain(message);

	writeFileSync(FILE, source);
	await expect(page.getByRole('heading', { name: 'A report marked confidential' })).toBeVisible({
		timeout: 5_000
	});
	await expect(page.locator('vite-error-overlay')).toHaveCount(0);
});
