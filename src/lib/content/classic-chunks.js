/**
 * Code split into classic scripts, so a package launched from file:// still works.
 *
 * Browsers refuse module scripts from file:// (and `import()` of another file), so SvelteKit's
 * split build (ES modules) cannot run there, and one inline bundle makes every learner download
 * every page before the first choice. Here the split build is written as CommonJS chunks
 * (rolldown's `cjs` format), each wrapped in `__csDefine(name, deps, factory)`, and a small loader
 * (LOADER, put in front of Kit's inline boot script) fetches them with classic <script> tags, as
 * the words are fetched (src/lib/state/text-loader.ts): allowed by `script-src 'self'`, and
 * from file://. At launch it fetches the chunks every page needs and the launched page's own
 * (the home page, or a scenario); the results, certificate, debrief, protocol and accessibility
 * pages load when the learner opens them.
 *
 * Build side: `classicChunks()` (vite.config.ts) rewrites the client chunks and writes
 * FIRST_FILE (which chunks each launch needs); `classicBoot(dir)` (svelte.config.js, after the
 * static adapter) rewrites index.html: Kit's `import()` calls go through the loader, the CSS is
 * inlined, and the CSP hash of the rewritten boot script replaces Kit's.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';

/** Where the build leaves the first-screen file lists for classicBoot (not in the package). */
export const FIRST_FILE = '.svelte-kit/classic-chunks.json';

/** The route files whose nodes are fetched at launch, by launch: home page, or a scenario. */
const LAUNCH_ROUTES = {
	home: 'src/routes/+page.svelte',
	scenario: 'src/routes/scenario/[id]/+page.svelte'
};
const LAYOUT = 'src/routes/+layout.svelte';

/**
 * The loader (ES5, runs before Kit's boot). N: {"common":[…],"home":[…],"scenario":[…]}, the
 * chunk files each launch needs (paths from index.html). Chunks only register when they arrive
 * (__csDefine) and run when first required, so they may arrive in any order.
 */
export function loader(first) {
	return `(function(w,d,N){var F={},P={},M={};function fetch1(n){var p=P[n];if(!p){var ok,no;p=P[n]=new Promise(function(a,b){ok=a;no=b});p.ok=ok;if(F[n])ok();else{var s=d.createElement('script');s.onerror=function(){delete P[n];no(new Error(n+' could not be loaded'))};s.src=n;d.head.appendChild(s)}}return p}function load(n,seen){if(seen[n])return fetch1(n);seen[n]=1;return fetch1(n).then(function(){return Promise.all(F[n].d.map(function(x){return load(x,seen)}))})}function req(n){var m=M[n];if(!m){m=M[n]={exports:{}};F[n].f(req,m,m.exports)}return m.exports}w.__csDefine=function(n,deps,f){F[n]={d:deps,f:f};if(P[n])P[n].ok()};w.__csImport=function(n){return load(n,{}).then(function(){return req(n)})};var h=w.location.hash,r=/^#\\/scenario\\//.test(h)?N.scenario:/^(#\\/?)?$/.test(h)?N.home:[];N.common.concat(r).forEach(fetch1)})(window,document,${JSON.stringify(first)});\n`;
}

/** The first-screen lists in a built index.html (for the budgets and the bench). */
export function firstScreenFiles(html) {
	const m = /\{"common":\[[^\]]*\],"home":\[[^\]]*\],"scenario":\[[^\]]*\]\}/.exec(html);
	return m ? JSON.parse(m[0]) : undefined;
}

/** `require("../x.js")` in chunk `from` → the path from the package root. */
const resolveFrom = (from, rel) => posix.normalize(posix.join(posix.dirname(from), rel));

/**
 * Vite plugin (build only): the client build as classic-script chunks. Kit's split build, its
 * format switched to CommonJS and its CSS in one file (inlined into index.html by classicBoot).
 * @returns {import('vite').Plugin}
 */
export function classicChunks() {
	let client = false;
	let root = process.cwd();
	return {
		name: 'conduct-scenarios:classic-chunks',
		apply: 'build',
		enforce: 'post',
		config(_config, env) {
			if (!env.isSsrBuild) return { build: { cssCodeSplit: false } };
		},
		configResolved(config) {
			root = config.root;
			client = !config.build.ssr;
			if (!client) return;
			const output = config.build.rollupOptions.output;
			for (const o of Array.isArray(output) ? output : [output]) {
				o.format = 'cjs';
				// The framework's chunks carry their name, so the bench can tell them from ours.
				o.chunkFileNames = '_app/immutable/chunks/[name].[hash].js';
				o.codeSplitting = {
					groups: [
						{ name: 'svelte', test: /node_modules[\\/]svelte[\\/]/ },
						{ name: 'kit', test: /node_modules[\\/]@sveltejs[\\/]kit[\\/]/ }
					]
				};
			}
		},
		writeBundle(options, bundle) {
			if (!client) return;
			const dir = options.dir ?? dirname(options.file ?? '');
			/** @type {Record<string, {deps: string[], routes: string[]}>} */
			const chunks = {};
			for (const chunk of Object.values(bundle)) {
				if (chunk.type !== 'chunk') continue;
				const name = chunk.fileName;
				let code = readFileSync(join(dir, name), 'utf8');
				code = code.replace(
					/Promise\.resolve\(\)\.then\(\(\)=>require\("([^"]+)"\)\)/g,
					(_, rel) => `__csImport(${JSON.stringify(resolveFrom(name, rel))})`
				);
				const deps = new Set();
				code = code.replace(/\brequire\("([^"]+)"\)/g, (_, rel) => {
					const abs = resolveFrom(name, rel);
					deps.add(abs);
					return `require(${JSON.stringify(abs)})`;
				});
				if (/\bimport\(|import\.meta/.test(code.replace(/\{\}\.url/g, '')))
					this.warn(`${name}: an import() or import.meta the classic loader does not handle`);
				writeFileSync(
					join(dir, name),
					`__csDefine(${JSON.stringify(name)},${JSON.stringify([...deps])},function(require,module,exports){${code}\n});\n`
				);
				const routes = chunk.moduleIds
					.map((id) => id.replace(/\\/g, '/'))
					.filter((id) => id.startsWith(root.replace(/\\/g, '/') + '/src/routes/'))
					.map((id) => id.slice(root.length + 1));
				chunks[name] = { deps: [...deps], routes: chunk.isEntry || chunk.isDynamicEntry ? routes : [] };
			}
			const closure = (names) => {
				const out = new Set();
				const add = (n) => {
					if (out.has(n) || !chunks[n]) return;
					out.add(n);
					chunks[n].deps.forEach(add);
				};
				names.forEach(add);
				return [...out];
			};
			const nodeOf = (route) => {
				const n = Object.keys(chunks).find(
					(c) => c.includes('/nodes/') && chunks[c].routes.includes(route)
				);
				if (!n) throw new Error(`classic chunks: no chunk holds ${route}`);
				return n;
			};
			const entries = Object.keys(chunks).filter((c) => /\/entry\/(start|app)\./.test(c));
			const common = closure([...entries, nodeOf(LAYOUT)]);
			const only = (route) => closure([nodeOf(route)]).filter((c) => !common.includes(c));
			const first = { common, home: only(LAUNCH_ROUTES.home), scenario: only(LAUNCH_ROUTES.scenario) };
			const css = Object.values(bundle)
				.filter((a) => a.type === 'asset' && a.fileName.endsWith('.css'))
				.map((a) => a.fileName);
			writeFileSync(join(root, FIRST_FILE), JSON.stringify({ first, css }));
		}
	};
}

const sha256 = (s) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

/**
 * After the static adapter: index.html boots through the loader. Kit's modulepreload links go
 * (module preloads from file:// fail), the CSS is inlined (one request fewer), Kit's `import()`
 * calls become `__csImport()`, and the CSP hash follows the rewritten script.
 */
export function classicBoot(dir, root = process.cwd()) {
	const file = join(dir, 'index.html');
	let html = readFileSync(file, 'utf8');
	const { first, css } = JSON.parse(readFileSync(join(root, FIRST_FILE), 'utf8'));
	html = html.replace(/[ \t]*<link href="[^"]*" rel="(modulepreload|stylesheet)">\n?/g, '');
	// One stylesheet (cssCodeSplit off), inlined: allowed by style-src 'unsafe-inline'.
	const styles = css.map((/** @type {string} */ f) => {
		const text = readFileSync(join(dir, f), 'utf8');
		rmSync(join(dir, f));
		return `<style>${text}</style>`;
	});
	html = html.replace('</head>', `${styles.join('')}\n\t</head>`);
	const boot = /<script>(\s*\{\s*__sveltekit_[\s\S]*?)<\/script>/.exec(html);
	if (!boot) throw new Error(`${file}: SvelteKit's boot script is missing`);
	const rewritten =
		loader(first) +
		boot[1].replace(/\bimport\("(?:\.?\/)?(_app\/[^"]+)"\)/g, (_, p) => {
			if (!existsSync(join(dir, p))) throw new Error(`${file}: boot imports ${p}, not in the build`);
			return `__csImport(${JSON.stringify(p)})`;
		});
	if (/\bimport\(/.test(rewritten)) throw new Error(`${file}: an import() is left in the boot script`);
	const oldHash = sha256(boot[1]);
	if (!html.includes(oldHash)) throw new Error(`${file}: the CSP does not carry the boot script's hash`);
	html = html.replace(boot[0], `<script>${rewritten}</script>`).replace(oldHash, sha256(rewritten));
	writeFileSync(file, html);
}
