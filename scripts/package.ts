/**
 * npm run package [-- flags] — builds SCORM packages into dist/.
 *
 *   npm run package                       every council × SCORM 1.2 and 2004, default options
 *   npm run package -- --council=witham-town-council --scorm=2004 --mode=practice
 *
 * For each package: `vite build` with the build options as environment variables (the course
 * plugin reads and checks them), the app from build/ copied to dist/<slug>/ with imsmanifest.xml
 * and the SCORM schema files, zipped to dist/<slug>.zip, and the zip checked (XSD + SCORM rules).
 * Any problem stops the run with exit code 1. See docs/packaging.md.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCourse } from '../src/lib/content/course.js';
import { problemReport } from '../src/lib/content/errors.js';
import {
	buildSlug,
	OPTION_SPECS,
	parseBuildOptions,
	type BuildOptions,
	type OptionsContext,
	type ScormVersion
} from '../src/lib/content/options.js';
import { checkPackage } from '../src/lib/packaging/check.js';
import {
	buildManifest,
	controlFiles,
	manifestIdentifier,
	toNCName
} from '../src/lib/packaging/manifest.js';
import { listFiles, zipDirectory } from '../src/lib/packaging/zip.js';
import type { Audience } from '../src/lib/engine/types.js';
import { BUILD_FLAGS, buildEnv, readArgs } from './args.js';
import { runMain } from './run-main.js';
import { councilIds } from './councils.js';

export { councilIds };

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SCORM_VERSIONS: ScormVersion[] = ['1.2', '2004'];

/** What packaging needs from the course (a subset of loadCourse's Course). */
export interface CourseInfo {
	title: string;
	council: { id: string; name: string };
	scenarios: { id: string; title: string; audience?: string }[];
	contentVersion: string;
}

export type CourseLoader = (
	root: string,
	options: BuildOptions
) => Promise<{ course?: CourseInfo; errors: string[]; scenarioIds?: string[] }>;

/**
 * The environment variables that make `vite build` produce the app for these options: the
 * inverse of parseBuildOptions (parseBuildOptions(optionsToEnv(o)) gives o back).
 */
export function optionsToEnv(o: BuildOptions): Record<string, string> {
	const env: Record<string, string> = {
		COUNCIL: o.council,
		SCORM: o.scorm,
		COURSE_MODE: o.mode,
		REFRESHER_MONTHS: String(o.refresherMonths),
		SCENARIOS: o.scenarios ? o.scenarios.join(',') : 'all',
		OBJECTIVES: o.objectives ? 'on' : 'off',
		INTERACTIONS: o.interactions ? 'on' : 'off'
	};
	// Practice mode rejects PASS_MARK; DESCRIPTIONS=on needs INTERACTIONS=on.
	if (o.mode === 'assessed') env.PASS_MARK = String(o.passMark);
	if (o.interactions) env.DESCRIPTIONS = o.descriptions ? 'on' : 'off';
	if (o.title !== null) env.COURSE_TITLE = o.title;
	env.AUDIENCE = o.audience ?? 'choose';
	env.CORE = o.core ? o.core.join(',') : 'default';
	return env;
}

/** Which packages to build: every council × version with no flags, else the one the flags say. */
export function planPackages(
	argv: string[],
	ctx: OptionsContext
): { plans: BuildOptions[]; errors: string[] } {
	const errors: string[] = [];
	const plans: BuildOptions[] = [];
	if (argv.length === 0) {
		if (ctx.councils.length === 0) errors.push('no councils found (scenarios/councils/*.yaml)');
		for (const council of ctx.councils) {
			for (const scorm of SCORM_VERSIONS) {
				const r = parseBuildOptions({ COUNCIL: council, SCORM: scorm }, ctx);
				errors.push(...r.errors);
				plans.push(r.options);
			}
		}
	} else {
		const { values, errors: flagErrors } = readArgs(argv, BUILD_FLAGS);
		errors.push(...flagErrors);
		const r = parseBuildOptions(buildEnv(values), ctx);
		errors.push(...r.errors);
		plans.push(r.options);
	}
	// One package per slug: two option sets with the same slug would overwrite each other.
	const seen = new Set<string>();
	return {
		plans: plans.filter((o) => !seen.has(buildSlug(o)) && !!seen.add(buildSlug(o))),
		errors: [...new Set(errors)]
	};
}

/** The manifest for one package (course from loadCourse, files = the app's files). */
export function manifestFor(options: BuildOptions, course: CourseInfo, files: string[]): string {
	const slug = buildSlug(options);
	return buildManifest({
		scorm: options.scorm,
		identifier: manifestIdentifier(options, course.contentVersion),
		code: toNCName(slug),
		title: course.title,
		organizationTitle: course.title,
		scoTitle: course.title,
		launch: 'index.html',
		files,
		contentVersion: course.contentVersion,
		passMark: options.passMark,
		mode: options.mode
	});
}

/**
 * Makes dist/<slug>/ from an app build folder: the app's files, imsmanifest.xml and the schema
 * files; returns the zip of that folder. Files in the app folder named imsmanifest.xml or like a
 * schema file are replaced.
 */
export function assemblePackage(
	appDir: string,
	packageDir: string,
	options: BuildOptions,
	course: CourseInfo,
	root = ROOT
): Uint8Array {
	const control = controlFiles(options.scorm, root);
	const controlNames = new Set(control.map((c) => c.path));
	const files = listFiles(appDir).filter((f) => f !== 'imsmanifest.xml' && !controlNames.has(f));
	if (!files.includes('index.html'))
		throw new Error(`${appDir} has no index.html — the app build did not produce the launch file`);
	const manifest = manifestFor(options, course, files);
	rmSync(packageDir, { recursive: true, force: true });
	mkdirSync(packageDir, { recursive: true });
	for (const f of files) cpSync(join(appDir, f), join(packageDir, f));
	for (const c of control) writeFileSync(join(packageDir, c.path), c.data);
	writeFileSync(join(packageDir, 'imsmanifest.xml'), manifest);
	return zipDirectory(packageDir);
}

/** Runs `vite build` with exactly these option variables (others from the shell are dropped). */
export function viteBuild(
	root: string,
	env: Record<string, string>
): Promise<{ ok: boolean; output: string }> {
	const childEnv: Record<string, string | undefined> = { ...process.env };
	for (const s of OPTION_SPECS) delete childEnv[s.env];
	Object.assign(childEnv, env);
	if (!process.stdout.isTTY) childEnv.FORCE_COLOR = '0';
	return new Promise((done) => {
		const child = spawn(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build'], {
			cwd: root,
			env: childEnv
		});
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		child.on('error', (e) => done({ ok: false, output: output + String(e) }));
		child.on('close', (code) => done({ ok: code === 0, output }));
	});
}

function usage(): string {
	const lines = OPTION_SPECS.map(
		(s) => `  --${`${s.flag}=…`.padEnd(22)} ${s.allowed} (default ${s.default}). ${s.help}`
	);
	return [
		'npm run package                    build every council × SCORM 1.2 and 2004 into dist/',
		'npm run package -- [flags]         build one package with these options:',
		...lines
	].join('\n');
}

/** parseBuildOptions speaks in variable names (PASS_MARK=…); a flag user typed --pass-mark=…. */
export function inFlagWords(message: string): string {
	let out = message;
	for (const s of OPTION_SPECS) out = out.replace(new RegExp(`\\b${s.env}\\b`, 'g'), `--${s.flag}`);
	return out;
}

const kb = (n: number) => (n / 1024).toFixed(1);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function main(
	argv: string[],
	root = ROOT,
	load: CourseLoader = loadCourse
): Promise<number> {
	const t0 = Date.now();
	const { errors: flagErrors, help } = readArgs(argv, BUILD_FLAGS);
	if (help) {
		console.log(usage());
		return 0;
	}
	if (flagErrors.length) {
		for (const e of flagErrors) console.error(`✗ ${e}`);
		console.error('\nnpm run package -- --help lists the options.');
		return 1;
	}
	const stray = OPTION_SPECS.filter((s) => process.env[s.env] !== undefined).map(
		(s) => `${s.env} (use --${s.flag}=…)`
	);
	if (stray.length)
		console.log(
			`note: npm run package reads flags, not environment variables; ignoring ${stray.join(', ')}`
		);

	// The option context: councils from the files, scenario ids from the course itself.
	const councils = councilIds(root);
	const probe = parseBuildOptions({ COUNCIL: councils[0] }, { councils, scenarios: [] }).options;
	const all = councils.length
		? await load(root, probe)
		: { errors: ['no councils found (scenarios/councils/*.yaml)'] };
	if (!all.course) {
		console.error(problemReport(all.errors));
		return 1;
	}
	const ctx: OptionsContext = {
		councils,
		// Every scenario in the library may be chosen, not only those that fit the probe council.
		scenarios:
			'scenarioIds' in all && all.scenarioIds
				? all.scenarioIds
				: all.course.scenarios.map((s) => s.id),
		audiences: Object.fromEntries(
			all.course.scenarios.map((s) => [s.id, (s.audience ?? 'both') as Audience])
		)
	};
	const { plans, errors } = planPackages(argv, ctx);
	if (errors.length) {
		for (const e of errors) console.error(`✗ ${argv.length ? inFlagWords(e) : e}`);
		console.error('\nnpm run package -- --help lists the options.');
		return 1;
	}

	const distDir = join(root, 'dist');
	const buildDir = join(root, 'build');
	mkdirSync(distDir, { recursive: true });
	const rows: { slug: string; bytes: number; ms: number }[] = [];
	// Builds run one after another: they share .svelte-kit/ and build/. Same env → one build.
	let lastKey = '';
	for (const [i, options] of plans.entries()) {
		const t = Date.now();
		const slug = buildSlug(options);
		const env = optionsToEnv(options);
		// The SCORM version is baked into the app (it looks only for its own API), so each
		// version gets its own build.
		const key = JSON.stringify(env);
		process.stdout.write(`[${i + 1}/${plans.length}] ${slug}: `);
		const { course, errors: courseErrors } = await load(root, options);
		if (!course) {
			console.error(`\n✗ ${slug}: the course could not be built:\n  ${courseErrors.join('\n  ')}`);
			return 1;
		}
		try {
			manifestFor(options, course, ['index.html']); // title, pass mark…: fail before the build
		} catch (e) {
			console.error(`\n✗ ${slug}: ${(e as Error).message}`);
			return 1;
		}
		if (key !== lastKey) {
			process.stdout.write('vite build… ');
			const started = Date.now() - 1000;
			const r = await viteBuild(root, env);
			const index = join(buildDir, 'index.html');
			const fresh = existsSync(index) && statSync(index).mtimeMs >= started;
			if (!r.ok || !fresh) {
				console.error(
					`\n✗ ${slug}: vite build failed${r.ok ? ' (it wrote no new build/index.html)' : ''}:\n${r.output.trim()}`
				);
				return 1;
			}
			lastKey = key;
		}
		process.stdout.write('package… ');
		let zip: Uint8Array;
		try {
			zip = assemblePackage(buildDir, join(distDir, slug), options, course, root);
		} catch (e) {
			console.error(`\n✗ ${slug}: ${(e as Error).message}`);
			return 1;
		}
		const zipPath = join(distDir, `${slug}.zip`);
		writeFileSync(zipPath, zip);
		process.stdout.write('check… ');
		const problems = await checkPackage(zip, options.scorm, root);
		if (problems.length) {
			rmSync(zipPath, { force: true });
			console.error(
				`\n✗ ${slug}: the package has ${problems.length} problem${problems.length === 1 ? '' : 's'} (zip removed; folder kept in dist/${slug}/):`
			);
			for (const p of problems) console.error(`  ${p}`);
			return 1;
		}
		rows.push({ slug, bytes: zip.length, ms: Date.now() - t });
		console.log(`ok (${kb(zip.length)} KB, ${secs(Date.now() - t)})`);
	}

	const w = Math.max(4, ...rows.map((r) => r.slug.length + 4));
	console.log(`\n${'package'.padEnd(w)}  ${'zip KB'.padStart(7)}  ${'time'.padStart(7)}`);
	for (const r of rows)
		console.log(
			`${`${r.slug}.zip`.padEnd(w)}  ${kb(r.bytes).padStart(7)}  ${secs(r.ms).padStart(7)}`
		);
	console.log(
		`\n✓ ${rows.length} package${rows.length === 1 ? '' : 's'} in dist/ (each also unpacked in dist/<slug>/), checked against the SCORM schemas and rules, in ${secs(Date.now() - t0)}.`
	);
	return 0;
}

runMain(import.meta.url, main);
