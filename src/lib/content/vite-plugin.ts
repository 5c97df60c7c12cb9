/**
 * Vite plugin: `import course from 'virtual:course'` gives the player one council's checked,
 * placeholder-filled course, chosen by the build options (COUNCIL, MODE, …). Any content
 * problem fails `vite dev` / `vite build` with file:line messages, like a compiler.
 */
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { buildCourse, loadLibrary } from './course.js';
import { ContentBuildError } from './errors.js';
import { optionEnv, parseBuildOptions } from './options.js';

const ID = 'virtual:course';
const RESOLVED = '\0' + ID;

export function coursePlugin(root: string, env: Record<string, string | undefined> = process.env): Plugin {
	return {
		name: 'conduct-scenarios:course',
		resolveId(id) {
			return id === ID ? RESOLVED : null;
		},
		async load(id) {
			if (id !== RESOLVED) return null;
			const lib = await loadLibrary(root);
			this.addWatchFile(join(root, 'scenarios'));
			for (const file of Object.keys(lib.sources)) this.addWatchFile(join(root, file));
			for (const c of lib.councils) this.addWatchFile(join(root, c.file));
			if (lib.errors.length) throw new ContentBuildError(lib.errors);
			const { options, errors } = parseBuildOptions(optionEnv(env), {
				councils: lib.councils.map((c) => c.id),
				scenarios: lib.scenarios.map((s) => s.id)
			});
			if (errors.length) throw new Error(`Build options are not valid:\n  ${errors.join('\n  ')}\nSee README "Build options".`);
			const course = buildCourse(lib, options);
			return `export default ${JSON.stringify(course)};`;
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
