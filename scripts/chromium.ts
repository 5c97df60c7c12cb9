/**
 * The one Chromium the browser tests, the bench and the report scale test launch: Debian's
 * (/usr/bin/chromium; Playwright's own browsers are not downloaded here), headless, with
 * nothing running in the background that could fetch or time differently between runs.
 *
 *   chromium.launch(CHROMIUM_LAUNCH)        (playwright-core), or `launchOptions` in playwright.config.ts
 */
export const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

export const CHROMIUM_LAUNCH = { executablePath: CHROMIUM, args: CHROMIUM_ARGS };
