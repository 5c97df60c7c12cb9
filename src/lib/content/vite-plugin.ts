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
import { compactOutline, splitScenario } from '../engine/text.js';
import { TEXT_CALLBACK } from '../state/text-loader.js';
import { readFileSync } from 'node:fs';
import { buildCourse, loadLibrary } from './course.js';
import { pageToRich } from './rich.js';
import { markdownTree } from './scenario.js';
import { ContentBuildError } from './errors.js';
import { optionEnv, parseBuildOptions } from './options.js';

const ID = 'virtual:course';
const RESOLVED = '\0' + ID;
export function textScript(id: string, text: unknown): string {
	return `window.${TEXT_CALLBACK}&&window.${TEXT_CALLBACK}(${JSON.stringify(id)},${JSON.stringify(text)});\n`;
}

export function coursePlugin(root: string, env: Record<string, string | undefined> = process.env): Plugin {
	/** content/<name>.js files: each scenario's words, and "protocol" (the council's clauses). */
	let texts: Record<string, unknown> = {};

	/** The bundled course: no words, no clauses; scenario graphs in compact form (expanded on load). */
	async function load(): Promise<{ course: Course; compact: unknown[] }> {
		const lib = await loadLibrary(root);
		if (lib.errors.length) throw new ContentBuildError(lib.errors);
		const { options, errors } = parseBuildOptions(optionEnv(env), {
			councils: lib.councils.map((c) => c.id),
			scenarios: lib.scenarios.map((s) => s.id)
		});
		if (errors.length) throw new Error(`Build options are not valid:\n  ${errors.join('\n  ')}\nSee README "Build options".`);
		const course = buildCourse(lib, options);
		texts = {};
		const outlines = course.scenarios.map((s) => {
			const { outline, text } = splitScenario(s);
			// The first step's words come first, so the first choice shows after a small download;
			// the rest (<id>.more.js) loads while the learner reads it.
			const { [s.start]: first, ...rest } = text;
			texts[s.id] = { [s.start]: first };
			texts[`${s.id}.more`] = rest;
			return outline;
		});
		const statement = 'src/routes/accessibility/statement.md';
		const problems: string[] = [];
		texts.accessibility = pageToRich(await markdownTree(readFileSync(join(root, statement), 'utf8')), (line, m) => problems.push(`${statement}:${line}: ${m}`));
		if (problems.length) throw new Error(problems.join('\n'));
		texts.protocol = { clauses: course.clauses, backing: course.backing, principles: course.principles };
		const ids = course.principles.map((p) => p.id);
		return {
			// backing stays: whether the protocol states a principle decides the verdict's words (engine/verdict.ts).
			course: { ...course, scenarios: [], clauses: [], principles: course.principles.map((p) => ({ ...p, summary: '' })) },
			compact: outlines.map((o) => compactOutline(o, ids))
		};
	}

	return {
		name: 'conduct-scenarios:course',
		resolveId(id) {
			return id === ID ? RESOLVED : null;
		},
		async load(id) {
			if (id !== RESOLVED) return null;
			this.addWatchFile(join(root, 'scenarios'));
			const { course, compact } = await load();
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
			for (const [id, text] of Object.entries(texts)) {
				this.emitFile({ type: 'asset', fileName: `content/${id}.js`, source: textScript(id, text) });
			}
		},
		configureServer(server) {
			server.middlewares.use(async (req, res, next) => {
				const m = /\/content\/([a-z0-9.-]+)\.js(?:\?.*)?$/.exec(req.url ?? '');
				if (!m) return next();
				if (!texts[m[1]]) await load().catch(() => undefined);
				const text = texts[m[1]];
				if (!text) return next();
				res.setHeader('content-type', 'text/javascript');
				res.end(textScript(m[1], text));
			});
		},
		handleHotUpdate({ file, server }) {
			if (file.includes(join(root, 'scenarios'))) {
				const mod = server.moduleGraph.getModuleById(RESOLVED);
				if (mod) server.moduleGraph.invalidateModule(mod);
				server.ws.send({ type: 'full-reload' });
			}
		}
	};
}
