/**
 * npm run validate — checks every scenario and council like a compiler, then prints a
 * coverage table per council, a reading-ease figure per scenario, and the tracks, reading time
 * and strategy report (src/lib/content/track-report.ts).
 * Exit code 1 when anything is broken. `--quiet` prints only problems.
 */
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { loadLibrary } from '../src/lib/content/course.js';
import { formatError, problemReport, warningReport } from '../src/lib/content/errors.js';
import {
	coverage,
	estimatedMinutes,
	GAP_SHARE_WARN,
	gapShare,
	longestRouteWords,
	readability,
	uncoveredClauses
} from '../src/lib/content/report.js';
import { scenarioFits } from '../src/lib/content/councils.js';
import { trackReport } from '../src/lib/content/track-report.js';
import { readArgs } from './args.js';
import { isEntry } from './run-main.js';

/** Checks the content under root and prints the report; returns the exit code. */
export async function validate(root: string, quiet = false): Promise<number> {
	const lib = await loadLibrary(root);

	if (lib.warnings.length) console.warn(warningReport(lib.warnings.map(formatError)) + '\n');
	if (lib.errors.length) {
		console.error(problemReport(lib.errors.map(formatError)));
		return 1;
	}

	console.log(
		`✓ ${lib.scenarios.length} scenarios and ${lib.councils.length} councils are valid (content version ${lib.contentVersion}).`
	);
	// Tracks, reading time and the strategy report; its errors (a guessable core, a core far over
	// 30 minutes) fail validation like any other content problem.
	const tracks = trackReport(lib);
	const assessment = () => {
		if (!tracks.errors.length) return 0;
		console.error(problemReport(tracks.errors.map(formatError)));
		return 1;
	};
	if (quiet) return assessment();

	const ids = lib.principles.map((p) => p.id);
	for (const council of lib.councils) {
		const rows = coverage(
			council,
			lib.scenarios.filter((s) => scenarioFits(s.fits, council.kind)),
			ids
		);
		console.log(`\nCoverage — ${council.name} (${council.id})`);
		console.log('principle'.padEnd(36) + 'clauses'.padEnd(28) + 'decisions');
		for (const r of rows) {
			const clauses = r.gap ? '(no clause: gap)' : r.clauses.join(', ');
			console.log(
				r.principle.padEnd(36) +
					clauses.slice(0, 26).padEnd(28) +
					(r.decisions.length ? String(r.decisions.length) : 'NOT COVERED')
			);
		}
		const notScored = rows.filter((r) => r.decisions.length === 0).map((r) => r.principle);
		if (notScored.length) console.log(`  principles no decision scores: ${notScored.join(', ')}`);
		const clauses = uncoveredClauses(council, rows);
		if (clauses.length) console.log(`  clauses no decision exercises: ${clauses.join('; ')}`);
		console.log(
			`  Points resting on gaps (good practice this protocol does not state), per scenario in its course; warning above ${Math.round(GAP_SHARE_WARN * 100)}%:`
		);
		for (const s of lib.scenarios) {
			if (!scenarioFits(s.fits, council.kind)) {
				console.log(
					`    - ${s.id.padEnd(30)} not in this council's course (fits: ${s.fits!.join(', ')})`
				);
				continue;
			}
			const g = gapShare(council, s);
			const pct = Math.round(g.share * 100);
			const warn = g.share > GAP_SHARE_WARN;
			console.log(
				`    ${warn ? '!' : ' '} ${s.id.padEnd(30)} ${String(pct).padStart(3)}% (${g.gap} of ${g.gap + g.stated} points)${warn ? ` — warning: mostly good practice ${council.name}'s protocol does not state; add "fits:" to ${s.file} (docs/authoring.md) or reword it` : ''}`
			);
		}
	}

	console.log(
		'\nPlain English (Flesch reading ease, target 60 or more; sentences over 25 words flagged)'
	);
	for (const s of lib.scenarios) {
		const r = readability(s);
		const mark = r.ease >= 60 ? '✓' : '!';
		console.log(
			`${mark} ${s.id.padEnd(32)} ease ${String(r.ease).padStart(5)}  ${String(r.words).padStart(5)} words  ${s.minutes} min (estimate ${estimatedMinutes(s).minutes})  longest route ${longestRouteWords(s)} words`
		);
		for (const l of r.longSentences)
			console.log(`    long sentence in ${s.file}: "${l.slice(0, 90)}${l.length > 90 ? '…' : ''}"`);
	}

	console.log('\n' + tracks.lines.join('\n'));
	return assessment();
}

if (isEntry(import.meta.url)) {
	const { values, errors, help } = readArgs(process.argv.slice(2), { quiet: { type: 'boolean' } });
	if (help || errors.length) {
		for (const e of errors) console.error(`✗ ${e}`);
		(help ? console.log : console.error)('usage: npm run validate [-- --quiet]');
		process.exit(help ? 0 : 1);
	}
	process.exit(
		await validate(resolve(dirname(fileURLToPath(import.meta.url)), '..'), values.quiet === true)
	);
}
