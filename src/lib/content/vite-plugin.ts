/**
 * Vite plugin: `import course from 'virtual:course'` gives the player one council's checked,
 * placeholder-filled course, chosen by the build options (COUNCIL, MODE, …). Any content
 * problem fails `vite dev` / `vite build` with file:line messages, like a compiler.
 *
 * The bundle carries every scenario's outline (graph and scores); the words of each scenario
 * are written to content/<scenario-id>.js beside index.html and loaded when the learner opens
 * it, and the council's clauses to content/protocol.js (see src/lib/state/text-loader.ts).
 */
import { join } from 'node:path';
import type { Plugin } from 'vite';
import type { Course } from '../engine/types.js';
import {
	compactOutline,
	splitFirst,
	splitScenario,
	TEXT_CALLBACK,
	textFile
} from '../engine/text.js';
import { readFileSync } from 'node:fs';
import { buildCourse, loadLibrary, type Library } from './course.js';
import { pageToRich } from './rich.js';
import { markdownTree } from './scenario.js';
import { ContentBuildError, formatError, problemReport, warningReport } from './errors.js';
import { optionEnv, parseBuildOptions } from './options.js';
import { guessingProblems } from './strategy.js';
import { TRACKS } from '../engine/track.js';

const ID = 'virtual:course';
const RESOLVED = '\0' + ID;
export function textScript(id: string, text: unknown): string {
	return `window.${TEXT_CALLBACK}&&window.${TEXT_CALLBACK}(${JSON.stringify(id)},${JSON.stringify(text)});\n`;
}

/** The content/<file>.js scripts for these words, each name in the file textFile gives it. */
export function textFiles(texts: Record<string, unknown>): Record<string, string> {
	const files: Record<string, string> = {};
	for (const [id, text] of Object.entries(texts)) {
		const file = textFile(id);
		files[file] = (files[file] ?? '') + textScript(id, text);
	}
	return files;
}

/**
 * Dev only: the module that stands in for the course when the content has problems. It shows
 * the report in the page (Vite's error overlay where there is one, else the report as text) and
 * then fails, so nothing half-built renders behind it.
 */
export function problemPage(report: string): string {
	return [
		`const report = ${JSON.stringify(report)};`,
		`const Overlay = customElements.get('vite-error-overlay');`,
		// On <html>, not <body>: SvelteKit replaces the body with its error page when this module fails.
		`if (Overlay) document.documentElement.appendChild(new Overlay({ message: report, stack: '', plugin: 'content checker' }));`,
		`else { const pre = document.createElement('pre'); pre.textContent = report; pre.style.cssText = 'white-space:pre-wrap;padding:1rem;background:#fff;position:fixed;inset:0;margin:0;z-index:99999'; document.documentElement.appendChild(pre); }`,
		`export default null;`,
		`throw new Error(report);`
	].join('\n');
}

export function coursePlugin(
	root: string,
	env: Record<string, string | undefined> = process.env
): Plugin {
	/** content/<name>.js files: each scenario's words, and "protocol" (the council's clauses). */
	let texts: Record<string, unknown> = {};
	/** Files copied beside index.html as they are: the council's logo (docs/councils.md, "Logo"). */
	let images: Record<string, Uint8Array> = {};
	/** COUNCILS_DIR: another folder of council files (tests build a fixture council with it). */
	const councilDir = env.COUNCILS_DIR || undefined;
	/** The checked library, loaded once per build (and again after each edit in dev). */
	let library: Promise<Library> | undefined;
	let command: 'build' | 'serve' = 'build';
	let warned = '';
	/** Prints the warnings once per change of them (build and dev alike). */
	function warn(lib: Library) {
		const text = lib.warnings.length ? warningReport(lib.warnings.map(formatError)) : '';
		if (text && text !== warned) console.warn('\n' + text + '\n');
		warned = text;
	}

	/** The bundled course: no words, no clauses; scenario graphs in compact form (expanded on load). */
	async function load(): Promise<{ course: Course; compact: unknown[] }> {
		const lib = await (library ??= loadLibrary(root, 'scenarios', councilDir));
		if (lib.errors.length) throw new ContentBuildError(lib.errors);
		const { options, errors } = parseBuildOptions(optionEnv(env), {
			councils: lib.councils.map((c) => c.id),
			scenarios: lib.scenarios.map((s) => s.id),
			audiences: Object.fromEntries(lib.scenarios.map((s) => [s.id, s.audience]))
		});
		if (errors.length)
			throw new Error(
				`Build options are not valid:\n  ${errors.join('\n  ')}\nSee README "Build options".`
			);
		const course = buildCourse(lib, options);
		const logo = lib.councils.find((c) => c.id === course.council.id)?.logo;
		images =
			logo && course.council.logo ? { [course.council.logo.src]: readFileSync(logo.file) } : {};
		// An assessed course that a learner could pass without reading is not built (docs/authoring.md, "The strategy report").
		if (course.mode === 'assessed') {
			const guessed = guessingProblems(
				course.scenarios,
				course.tracks,
				course.audience ? [course.audience] : TRACKS,
				course.passMark
			);
			if (guessed.length) {
				throw new Error(
					`The course could be passed without reading:\n  ${guessed.map((g) => g.message).join('\n  ')}\nnpm run validate prints the strategy report.`
				);
			}
		}
		texts = {};
		const outlines = course.scenarios.map((s) => {
			const { outline, text } = splitScenario(s);
			// The first step's words come first, so the first choice shows after a small download;
			// the rest (<id>.more, in content/later.js: engine/text.ts textFile), with the first
			// step's feedback (splitFirst), loads while the learner reads it.
			const { first, more } = splitFirst(text, s.start);
			texts[s.id] = first;
			texts[`${s.id}.more`] = more;
			return outline;
		});
		const statement = 'src/routes/accessibility/statement.md';
		const problems: string[] = [];
		texts.accessibility = pageToRich(
			await markdownTree(readFileSync(join(root, statement), 'utf8')),
			(line, m) => problems.push(`${statement}:${line}: ${m}`)
		);
		if (problems.length) throw new Error(problems.join('\n'));
		texts.protocol = {
			clauses: course.clauses,
			backing: course.backing,
			principles: course.principles
		};
		const ids = course.principles.map((p) => p.id);
		return {
			// backing's clause lists stay: whether the protocol states a principle decides the verdict's
			// words (engine/verdict.ts). A gap's note comes with the protocol (texts.protocol): only
			// ClauseQuote reads it, next to the clauses, which come the same way.
			course: {
				...course,
				scenarios: [],
				clauses: [],
				principles: course.principles.map((p) => ({ ...p, summary: '' })),
				backing: Object.fromEntries(
					Object.entries(course.backing).map(([id, b]) => [id, { clauses: b.clauses }])
				)
			},
			compact: outlines.map((o) => compactOutline(o, ids))
		};
	}

	return {
		name: 'conduct-scenarios:course',
		configResolved(config) {
			command = config.command;
		},
		/**
		 * `vite build`: check the content before anything is compiled, and on a problem print the
		 * same report as npm run validate and npm run package, and stop (no plugin stack trace).
		 */
		async buildStart() {
			if (command !== 'build') return;
			const lib = await (library ??= loadLibrary(root, 'scenarios', councilDir));
			warn(lib);
			if (lib.errors.length) {
				process.stderr.write('\n' + problemReport(lib.errors.map(formatError)) + '\n');
				process.exit(1);
			}
			const { errors } = parseBuildOptions(optionEnv(env), {
				councils: lib.councils.map((c) => c.id),
				scenarios: lib.scenarios.map((s) => s.id)
			});
			if (errors.length) {
				process.stderr.write(
					`\n✗ Build options are not valid:\n  ${errors.join('\n  ')}\nSee README "Build options".\n`
				);
				process.exit(1);
			}
		},
		resolveId(id) {
			return id === ID ? RESOLVED : null;
		},
		async load(id) {
			if (id !== RESOLVED) return null;
			// In dev, Vite watches the whole project and handleHotUpdate reloads the page; a watched
			// folder would be taken for an import there ("Failed to resolve import …/scenarios").
			if (command === 'build') this.addWatchFile(join(root, 'scenarios'));
			let loaded: Awaited<ReturnType<typeof load>>;
			try {
				loaded = await load();
				if (command === 'serve') warn(await library!);
			} catch (e) {
				if (command === 'build') throw e;
				// Dev (npm run dev / npm run preview): the same report in the terminal and in the page,
				// and the page reloads when a scenario file changes (handleHotUpdate).
				const report = e instanceof ContentBuildError ? e.message : `✗ ${(e as Error).message}`;
				console.error('\n' + report + '\n');
				return problemPage(report);
			}
			const { course, compact } = loaded;
			const text = JSON.stringify(join(root, 'src/lib/engine/text.ts'));
			return [
				`import { expandOutline } from ${text};`,
				`const course = ${JSON.stringify(course)};`,
				`const ids = course.principles.map((p) => p.id);`,
				`course.scenarios = ${JSON.stringify(compact)}.map((c) => expandOutline(c, ids));`,
				`export default course;`
			].join('\n');
		},
		generateBundle() {
			if (this.environment && this.environment.name !== 'client') return;
			for (const [file, source] of Object.entries(textFiles(texts))) {
				this.emitFile({ type: 'asset', fileName: `content/${file}.js`, source });
			}
			for (const [fileName, source] of Object.entries(images))
				this.emitFile({ type: 'asset', fileName, source });
		},
		configureServer(server) {
			server.middlewares.use((req, res, next) => {
				const image = images[(req.url ?? '').split('?')[0].split('/').pop() ?? ''];
				if (!image) return next();
				res.setHeader('content-type', /\.png$/.test(req.url ?? '') ? 'image/png' : 'image/webp');
				res.end(image);
			});
			server.middlewares.use(async (req, res, next) => {
				const m = /\/content\/([a-z0-9.-]+)\.js(?:\?.*)?$/.exec(req.url ?? '');
				if (!m) return next();
				if (!Object.keys(texts).length) await load().catch(() => undefined);
				const source = textFiles(texts)[m[1]];
				if (!source) return next();
				res.setHeader('content-type', 'text/javascript');
				res.setHeader('cache-control', 'no-store');
				res.end(source);
			});
		},
		handleHotUpdate({ file, server }) {
			if (file.includes(join(root, 'scenarios'))) {
				library = undefined;
				texts = {};
				const mod = server.moduleGraph.getModuleById(RESOLVED);
				if (mod) server.moduleGraph.invalidateModule(mod);
				server.ws.send({ type: 'full-reload' });
			}
		}
	};
}
