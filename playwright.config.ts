/**
 * End-to-end tests: the built packages in dist/, launched in the mock LMS (scripts/mock-lms/),
 * in Debian's Chromium (/usr/bin/chromium: Playwright's own browsers are not downloaded).
 *
 *   npm run package && npm run test:e2e     (npm test does both)
 *   npx playwright test tests/e2e/lms.spec.ts -g "SCORM 2004"
 *
 * tests/e2e/global-setup.ts stops the run with one line if Chromium or the packages are missing.
 *
 * The mock LMS server (scripts/serve.ts) is started for this run on a free port, so two
 * checkouts never test each other's dist/. E2E_PORT=<n> picks the port instead; if something
 * already listens there, the run stops rather than test that server's packages.
 */
import { createServer } from 'node:net';
import { defineConfig } from '@playwright/test';
import { CHROMIUM, CHROMIUM_LAUNCH } from './scripts/chromium';

/** A port nothing listens on now (the system's choice). */
function freePort(): Promise<number> {
	return new Promise((done, fail) => {
		const probe = createServer();
		probe.once('error', fail);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => done(port));
		});
	});
}

// The config is read again in every worker: the port chosen first is handed down in the
// environment, so the server and every worker agree on it.
process.env.E2E_PORT ??= String(await freePort());
export const E2E_PORT = Number(process.env.E2E_PORT);
export { CHROMIUM };

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results',
	globalSetup: './tests/e2e/global-setup.ts',
	fullyParallel: false,
	workers: process.env.CI ? 1 : 2,
	retries: 0,
	reporter: 'list',
	timeout: 60_000,
	expect: { timeout: 10_000 },
	forbidOnly: !!process.env.CI,
	use: {
		baseURL: `http://127.0.0.1:${E2E_PORT}`,
		viewport: { width: 1280, height: 900 },
		locale: 'en-GB',
		timezoneId: 'Europe/London',
		trace: 'off',
		screenshot: 'only-on-failure',
		launchOptions: CHROMIUM_LAUNCH
	},
	projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
	webServer: {
		command: `npx tsx scripts/serve.ts --port ${E2E_PORT}`,
		url: `http://127.0.0.1:${E2E_PORT}/`,
		reuseExistingServer: false,
		timeout: 30_000,
		stdout: 'ignore',
		stderr: 'pipe'
	}
});
