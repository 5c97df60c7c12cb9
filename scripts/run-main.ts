/**
 * The end of every script that is also imported by tests or by other scripts: run its main only
 * when the file is the command being run (`tsx scripts/<name>.ts`), never on import.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** True when the module at `moduleUrl` (its import.meta.url) is the command being run. */
export function isEntry(moduleUrl: string): boolean {
	return !!process.argv[1] && moduleUrl === pathToFileURL(resolve(process.argv[1])).href;
}

/**
 * If the module is the command being run: runs main(argv) and exits with its code (a negative
 * code keeps the process running, e.g. a server); on an error prints "✗" and the stack (or only
 * the message, with `stack: false`) and exits 1.
 */
export function runMain(
	moduleUrl: string,
	main: (argv: string[]) => Promise<number>,
	{ stack = true } = {}
): void {
	if (!isEntry(moduleUrl)) return;
	main(process.argv.slice(2)).then(
		(code) => {
			if (code >= 0) process.exit(code);
		},
		(e) => {
			console.error(`✗ ${stack ? ((e as Error).stack ?? e) : (e as Error).message}`);
			process.exit(1);
		}
	);
}
