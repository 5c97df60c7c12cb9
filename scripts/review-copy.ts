/**
 * npm run review-copy -- --council=<id> [build options] [--since=<earlier review copy | git revision>] [--out=<file>]
 *
 * Writes one self-contained HTML document (dist/<council>[-practice][-sel-…]-review-copy.html)
 * holding every sentence a learner of that council can see, for the monitoring officer or clerk
 * to read and sign off. It renders the player's own components with the course the package is
 * built from. Print it to PDF (A4) from any browser.
 *
 * --since marks what was added, changed or removed since an earlier review copy (the HTML file,
 * which carries its text in a data block) or since a git revision of this repository (a commit,
 * tag or branch). Build options (--mode, --scenarios, …) are the same flags as npm run package.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { buildCourse, loadLibrary } from '../src/lib/content/course.js';
import {
	buildSlug,
	OPTION_SPECS,
	parseBuildOptions,
	type BuildOptions
} from '../src/lib/content/options.js';
import type { Course } from '../src/lib/engine/types.js';
import { diffUnits, reviewUnits, type ReviewDiff, type Unit } from '../src/lib/review/units.js';
import { BUILD_FLAGS, buildEnv, readArgs } from './args.js';
import { runMain } from './run-main.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATA_ID = 'review-units';

export interface ReviewData {
	contentVersion: string;
	council: string;
	generated: string;
	units: Unit[];
}

/** The units an earlier review copy carries (its data block), or a clear error. */
export function unitsFromReviewCopy(html: string, file: string): ReviewData {
	const m = new RegExp(
		`<script type="application/json" id="${DATA_ID}">([\\s\\S]*?)</script>`
	).exec(html);
	if (!m)
		throw new Error(
			`${file} is not a review copy made by npm run review-copy (it has no "${DATA_ID}" data block)`
		);
	try {
		return JSON.parse(m[1].replaceAll('\\u003c', '<')) as ReviewData;
	} catch (e) {
		throw new Error(
			`${file}: its review data cannot be read (${(e as Error).message}) — make a new review copy from that version`,
			{ cause: e }
		);
	}
}

/** The course of this council as it was at a git revision (its scenarios/ folder checked out apart). */
async function courseAtRevision(rev: string, options: BuildOptions, root: string): Promise<Course> {
	const dir = mkdtempSync(join(tmpdir(), 'review-since-'));
	try {
		const tar = execFileSync('git', ['-C', root, 'archive', rev, 'scenarios'], {
			maxBuffer: 256 * 1024 * 1024
		});
		execFileSync('tar', ['-x', '-C', dir], { input: tar });
		const lib = await loadLibrary(dir);
		if (lib.errors.length)
			throw new Error(
				`the content at ${rev} has errors, e.g. ${lib.errors[0].file}:${lib.errors[0].line}: ${lib.errors[0].message}`
			);
		const ids = lib.scenarios.map((s) => s.id);
		const kept = options.scenarios?.filter((id) => ids.includes(id)) ?? null;
		return buildCourse(lib, { ...options, scenarios: kept && kept.length ? kept : null });
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

async function earlierUnits(
	since: string,
	options: BuildOptions,
	root: string
): Promise<{ units: Unit[]; label: string }> {
	if (existsSync(since)) {
		const data = unitsFromReviewCopy(readFileSync(since, 'utf8'), since);
		if (data.council !== options.council)
			throw new Error(`${since} is the review copy of ${data.council}, not of ${options.council}`);
		return {
			units: data.units,
			label: `the review copy of ${data.generated} (content version ${data.contentVersion})`
		};
	}
	try {
		execFileSync('git', ['-C', root, 'rev-parse', '--verify', '--quiet', `${since}^{commit}`], {
			stdio: 'ignore'
		});
	} catch {
		throw new Error(
			`--since="${since}" is neither a review copy file nor a git revision of this repository — give the earlier review copy's path, or a commit or tag`
		);
	}
	const course = await courseAtRevision(since, options, root);
	return {
		units: reviewUnits(course),
		label: `revision ${since} (content version ${course.contentVersion})`
	};
}

/** Renders the document for one course (and optional comparison). */
export async function renderReviewCopy(
	course: Course,
	options: BuildOptions,
	extra: { diff?: ReviewDiff; since?: string; generated?: string } = {}
): Promise<string> {
	const root = ROOT;
	const vite = await createServer({
		root,
		configFile: false,
		logLevel: 'error',
		appType: 'custom',
		server: { middlewareMode: true, hmr: false, ws: false, watch: null },
		resolve: { alias: { $lib: join(root, 'src/lib') } },
		plugins: [svelte({ configFile: false, compilerOptions: { css: 'injected' } })]
	});
	try {
		const { render } = (await vite.ssrLoadModule(
			'svelte/server'
		)) as typeof import('svelte/server');
		const mod = await vite.ssrLoadModule(join(root, 'src/lib/review/ReviewCopy.svelte'));
		const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
			name: string;
			version: string;
		};
		const generated = extra.generated ?? new Date().toISOString().slice(0, 10);
		const optionRows: [string, string][] = OPTION_SPECS.filter((s) => s.flag !== 'scorm').map(
			(s) => [`--${s.flag}`, describe(options, s.flag)]
		);
		const { head, body } = render(mod.default, {
			props: {
				course,
				product: `${pkg.name} ${pkg.version}`,
				generated,
				options: optionRows,
				diff: extra.diff,
				since: extra.since
			}
		});
		const data: ReviewData = {
			contentVersion: course.contentVersion,
			council: course.council.id,
			generated,
			units: reviewUnits(course)
		};
		const css =
			readFileSync(join(root, 'src/app.css'), 'utf8') +
			readFileSync(join(root, 'src/lib/display/document.css'), 'utf8') +
			readFileSync(join(root, 'src/lib/review/review.css'), 'utf8');
		return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Review copy – ${escapeHtml(course.title)}</title>
<style>${css}</style>
${head}
</head>
<body>
<main class="wrap review">
${body}
</main>
<script type="application/json" id="${DATA_ID}">${JSON.stringify(data).replaceAll('<', '\\u003c')}</script>
</body>
</html>
`;
	} finally {
		await vite.close();
	}
}

function describe(o: BuildOptions, flag: string): string {
	switch (flag) {
		case 'council':
			return o.council;
		case 'mode':
			return o.mode;
		case 'pass-mark':
			return o.mode === 'practice' ? 'none (practice)' : `${o.passMark}%`;
		case 'refresher-months':
			return String(o.refresherMonths);
		case 'scenarios':
			return o.scenarios ? o.scenarios.join(', ') : 'all';
		case 'objectives':
			return o.objectives ? 'on' : 'off';
		case 'interactions':
			return o.interactions ? 'on' : 'off';
		case 'descriptions':
			return o.descriptions ? 'on' : 'off';
		case 'title':
			return o.title ?? '(derived)';
		default: {
			const v = (o as unknown as Record<string, unknown>)[
				flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())
			];
			return v === null || v === undefined ? '(default)' : String(v);
		}
	}
}

function escapeHtml(s: string): string {
	return s.replace(
		/[&<>"]/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!
	);
}

/** `root` is where the content (scenarios/) is read from; the document's code is always this checkout's. */
export async function main(argv: string[], root = ROOT): Promise<number> {
	const {
		values,
		errors: flagErrors,
		help
	} = readArgs(argv, {
		...BUILD_FLAGS,
		since: { type: 'string' },
		out: { type: 'string' }
	});
	const usage =
		'  usage: npm run review-copy -- --council=<id> [--mode=…] [--scenarios=…] [--since=<earlier review copy or git revision>] [--out=<file>]';
	if (help) {
		console.log(usage.trim());
		return 0;
	}
	const since = typeof values.since === 'string' ? values.since : undefined;
	const out = typeof values.out === 'string' ? values.out : undefined;
	const lib = await loadLibrary(root);
	if (lib.errors.length) {
		for (const e of lib.errors) console.error(`✗ ${e.file}:${e.line}: ${e.message}`);
		return 1;
	}
	const env = buildEnv(values);
	delete env.SCORM; // accepted, as npm run package takes it, but a review copy is the same for both
	const { options, errors } = parseBuildOptions(env, {
		councils: lib.councils.map((c) => c.id),
		scenarios: lib.scenarios.map((s) => s.id)
	});
	if (!env.COUNCIL) errors.push('name the council: --council=<id>');
	if (flagErrors.length || errors.length) {
		for (const e of [...flagErrors, ...errors]) console.error(`✗ ${e}`);
		console.error(usage);
		return 1;
	}
	const course = buildCourse(lib, options);
	let diff: ReviewDiff | undefined;
	let label: string | undefined;
	if (since) {
		try {
			const earlier = await earlierUnits(since, options, root);
			diff = diffUnits(earlier.units, reviewUnits(course));
			label = earlier.label;
		} catch (e) {
			console.error(`✗ ${(e as Error).message}`);
			return 1;
		}
	}
	const html = await renderReviewCopy(course, options, { diff, since: label });
	const file =
		out ??
		join(root, 'dist', `${buildSlug(options).replace(/-scorm(12|2004)/, '')}-review-copy.html`);
	mkdirSync(dirname(resolve(file)), { recursive: true });
	writeFileSync(file, html);
	const steps = course.scenarios.reduce(
		(n, s) => n + Object.values(s.nodes).filter((x) => x.kind === 'step').length,
		0
	);
	console.log(
		`✓ ${relative(process.cwd(), resolve(file)) || file}: ${course.council.name}, ${course.scenarios.length} scenarios, ${steps} steps, content version ${course.contentVersion}`
	);
	if (diff) {
		const c = Object.values(diff.byKey);
		console.log(
			`  since ${label}: ${c.filter((x) => x.status === 'added').length} added, ${c.filter((x) => x.status === 'changed').length} changed, ${diff.removed.length} removed; unchanged scenarios: ${diff.unchangedScenarios.length}`
		);
	}
	return 0;
}

runMain(import.meta.url, main);
