/**
 * End-to-end tests: the built packages in dist/, launched in the mock LMS (scripts/mock-lms/),
 * in Debian's Chromium (/usr/bin/chromium: Playwright's own browsers are not downloaded).
 *
 *   npm run package && npm run test:e2e     (npm test does both)
 *   npx playwright test tests/e2e/lms.spec.ts -g "SCORM 2004"
 *
 * tests/e2e/global-setup.ts stops the run with one line if Chromium or the packages are missing.
 */
import { defineConfig } from '@playwright/test';

export const E2E_PORT = Number(process.env.E2E_PORT ?? 4321);
export const CHROMIUM = '/usr/bin/chromium';

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
		launchOptions: {
			executablePath: CHROMIUM,
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
	webServer: {
		command: `npx tsx scripts/serve.ts --port ${E2E_PORT}`,
		url: `http://127.0.0.1:${E2E_PORT}/`,
		reuseExistingServer: !process.env.CI,
		timeout: 30_000,
		stdout: 'ignore',
		stderr: 'pipe'
	}
});
