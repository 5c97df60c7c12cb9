/**
 * Runs once before the e2e tests. Fails the run with one line (never skips silently) when:
 * - Chromium is not at /usr/bin/chromium (Playwright's own browsers are not downloaded here);
 * - dist/ has no packages (npm test runs npm run package first; on its own, run it yourself).
 */
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM } from '../../scripts/chromium.js';

/** An error that Playwright prints as its message only: one line, no stack. */
function oneLine(message: string): Error {
	const e = new Error(message);
	e.stack = message;
	return e;
}

/** Package folders in dist/ (those with an imsmanifest.xml). */
export function packageFolders(root = process.cwd()): string[] {
	const dist = join(root, 'dist');
	if (!existsSync(dist)) return [];
	return readdirSync(dist, { withFileTypes: true })
		.filter(
			(d) =>
				d.isDirectory() &&
				existsSync(join(dist, d.name, 'imsmanifest.xml')) &&
				existsSync(join(dist, d.name, 'index.html'))
		)
		.map((d) => d.name);
}

export default function globalSetup(): void {
	try {
		accessSync(CHROMIUM, constants.X_OK);
	} catch {
		throw oneLine(
			`Chromium not found at ${CHROMIUM} — install it with: apt-get install -y chromium`
		);
	}
	if (packageFolders().length === 0) {
		throw oneLine('No packages in dist/ — run npm run package first (npm test does it for you)');
	}
}
