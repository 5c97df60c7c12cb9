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
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { FIRST_SCREEN_ID } from './first-screen.js';

/** Where the build leaves the first-screen file lists for classicBoot (not in the package). */
export const FIRST_FILE = '.svelte-kit/classic-chunks.json';

/** The route files whose nodes are fetched at launch, by launch: home page, or a scenario. */
const LAUNCH_ROUTES = {
	home: 'src/routes/+page.svelte',
	scenario: 'src/routes/scenario/[id]/+page.svelte'
};
const LAYOUT = 'src/routes/+layout.svelte';
/** The framework's chunks, as classicChunks splits them: each one's name, and the modules it holds. */
const FRAMEWORK_GROUPS = [
	{ name: 'svelte', test: /node_modules[\\/]svelte[\\/]/ },
	{ name: 'kit', test: /node_modules[\\/]@sveltejs[\\/]kit[\\/]/ }
];
/** A framework chunk's registered name (moduleIds: without its hash, unless two would share it). */
const FRAMEWORK = new RegExp(
	`^_app/immutable/chunks/(${FRAMEWORK_GROUPS.map((g) => g.name).join('|')})\\.([A-Za-z0-9_-]{8}\\.)?js$`
);

/**
 * The loader (ES5). Runs in the head, in the same script as the boot line of src/app.html; the
 * app's chunks every page needs come inline in the body's script (registered at once).
 * N: {"every":[file],"home":[file],"scenario":[file],"late":[file],"in":{chunk: file}}: the
 * framework's file (Svelte and SvelteKit: every launch needs it, fetched at once), the file the
 * launched page's chunks are in (fetched at once), the file with every other page's (fetched when
 * one is opened, or after the page's load event), and which file holds each chunk. Chunks
 * register when they arrive (__csDefine) and run when first required, so files may arrive in any
 * order. window.__csStart(go) is how the body's script starts SvelteKit: at the home page, once a
 * frame with the static first screen has painted (a task after the next animation frame; at once
 * when the page is hidden, where no frame comes, and after a second at most), elsewhere at once.
 * If `go`'s promise fails (a file of the code could not be loaded), a message at the top of the
 * page says so: without the code there is no app to show SvelteKit's error page.
 */
/** @typedef {{ every: string[], home: string[], scenario: string[], late: string[], in: Record<string, string> }} LaunchFiles */

/** @param {LaunchFiles} first */
export function loader(first) {
	return `(function(w,d,N){var F={},P={},M={},Q={};function get(f){if(Q[f])return;Q[f]=1;var s=d.createElement('script');s.onerror=function(){delete Q[f];for(var n in N.in)if(N.in[n]==f&&P[n]&&!F[n]){P[n].no(new Error(f+' could not be loaded'));delete P[n]}};s.src=f;d.head.appendChild(s)}function fetch1(n){var p=P[n];if(!p){var ok,no;p=P[n]=new Promise(function(a,b){ok=a;no=b});p.ok=ok;p.no=no;if(F[n])ok();else if(N.in[n])get(N.in[n]);else no(new Error(n+' is not in the package'))}return p}function load(n,seen){if(seen[n])return fetch1(n);seen[n]=1;return fetch1(n).then(function(){return Promise.all(F[n].d.map(function(x){return load(x,seen)}))})}function req(n){var m=M[n];if(!m){m=M[n]={exports:{}};F[n].f(req,m,m.exports)}return m.exports}w.__csDefine=function(n,deps,f){F[n]={d:deps,f:f};if(P[n])P[n].ok()};w.__csImport=function(n){return load(n,{}).then(function(){return req(n)})};var h=w.location.hash,home=/^(#\\/?)?$/.test(h);N.every.concat(/^#\\/scenario\\//.test(h)?N.scenario:home?N.home:[]).forEach(get);w.addEventListener('load',function(){N.late.forEach(get)});w.__csStart=function(go){var on=0;function f(){if(!on){on=1;var r=go();if(r&&r.then)r.then(null,fail)}}function fail(e){console.error(e);var c=d.getElementById('${FIRST_SCREEN_ID}'),b=d.createElement('div'),p=d.createElement('p');b.className='wrap';p.className='status status-lms-error';p.setAttribute('role','alert');p.textContent='The course could not start ('+(e&&e.message||e)+'). Your progress is kept. Close the course and open it again from your learning system.';b.appendChild(p);if(c)c.parentNode.insertBefore(b,c);else d.body.appendChild(b)}if(!home||d.hidden||!w.requestAnimationFrame)return f();w.requestAnimationFrame(function(){setTimeout(f)});setTimeout(f,1000)}})(window,document,${JSON.stringify(first)});`;
}

/** The launch file lists in a built index.html (for the budgets and the bench). */
/**
 * @param {string} html
 * @returns {LaunchFiles | undefined}
 */
export function firstScreenFiles(html) {
	const m =
		/\{"every":\[[^\]]*\],"home":\[[^\]]*\],"scenario":\[[^\]]*\],"late":\[[^\]]*\],"in":\{[^}]*\}\}/.exec(
			html
		);
	return m ? JSON.parse(m[0]) : undefined;
}

/** `require("../x.js")` in chunk `from` → the path from the package root. */
const resolveFrom = (/** @type {string} */ from, /** @type {string} */ rel) =>
	posix.normalize(posix.join(posix.dirname(from), rel));

/**
 * The name each chunk registers under: its file name without the content hash
 * (`_app/immutable/chunks/svelte.js`). The chunks are not files of their own in the package (they
 * are inline in index.html or packed into a file named by content), so the hash only costs bytes:
 * each name is written several times (definition, every require, the loader's file list), and
 * eight random characters do not compress (about 0.45 KB gzipped of the first download).
 * A name two chunks would share keeps its hash.
 * @param {string[]} files
 * @returns {Record<string, string>}
 */
export function moduleIds(files) {
	const short = (/** @type {string} */ f) => f.replace(/\.[A-Za-z0-9_-]{8}\.js$/, '.js');
	/** @type {Record<string, number>} */
	const count = {};
	for (const f of files) count[short(f)] = (count[short(f)] ?? 0) + 1;
	return Object.fromEntries(files.map((f) => [f, count[short(f)] === 1 ? short(f) : f]));
}

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
			for (const o of Array.isArray(output) ? output : [output ?? {}]) {
				o.format = 'cjs';
				// No Symbol.toStringTag / __esModule marks on each chunk's exports: only the loader
				// reads them, and it never looks (a few hundred bytes of the package).
				o.generatedCode = { ...o.generatedCode, symbols: false };
				o.esModule = false;
				// The framework's chunks carry their name, so they can be told from ours (FRAMEWORK).
				o.chunkFileNames = '_app/immutable/chunks/[name].[hash].js';
				o.codeSplitting = {
					groups: FRAMEWORK_GROUPS.map((g) => ({ ...g }))
				};
			}
		},
		writeBundle(options, bundle) {
			if (!client) return;
			const dir = options.dir ?? dirname(options.file ?? '');
			const files = Object.values(bundle)
				.filter((c) => c.type === 'chunk')
				.map((c) => c.fileName);
			const ids = moduleIds(files);
			/** @type {Record<string, {deps: string[], routes: string[]}>} */
			const chunks = {};
			for (const chunk of Object.values(bundle)) {
				if (chunk.type !== 'chunk') continue;
				const file = chunk.fileName;
				const name = ids[file];
				let code = readFileSync(join(dir, file), 'utf8');
				code = code.replace(
					/Promise\.resolve\(\)\.then\(\(\)=>require\("([^"]+)"\)\)/g,
					(_, rel) => `__csImport(${JSON.stringify(ids[resolveFrom(file, rel)])})`
				);
				const deps = new Set();
				code = code.replace(/\brequire\("([^"]+)"\)/g, (_, rel) => {
					const abs = ids[resolveFrom(file, rel)];
					deps.add(abs);
					return `require(${JSON.stringify(abs)})`;
				});
				if (/\bimport\(|import\.meta/.test(code.replace(/\{\}\.url/g, '')))
					this.warn(`${file}: an import() or import.meta the classic loader does not handle`);
				if (/__csImport\(undefined\)|require\(undefined\)/.test(code))
					this.error(`${file}: requires a chunk that is not in the build`);
				writeFileSync(
					join(dir, file),
					`__csDefine(${JSON.stringify(name)},${JSON.stringify([...deps])},function(require,module,exports){${code}\n});\n`
				);
				const routes = chunk.moduleIds
					.map((id) => id.replace(/\\/g, '/'))
					.filter((id) => id.startsWith(root.replace(/\\/g, '/') + '/src/routes/'))
					.map((id) => id.slice(root.length + 1));
				chunks[name] = {
					deps: [...deps],
					routes: chunk.isEntry || chunk.isDynamicEntry ? routes : []
				};
			}
			const closure = (/** @type {string[]} */ names) => {
				/** @type {Set<string>} */
				const out = new Set();
				const add = (/** @type {string} */ n) => {
					if (out.has(n) || !chunks[n]) return;
					out.add(n);
					chunks[n].deps.forEach(add);
				};
				names.forEach(add);
				return [...out];
			};
			const nodeOf = (/** @type {string} */ route) => {
				const n = Object.keys(chunks).find(
					(c) => c.includes('/nodes/') && chunks[c].routes.includes(route)
				);
				if (!n) throw new Error(`classic chunks: no chunk holds ${route}`);
				return n;
			};
			const entries = Object.keys(chunks).filter((c) => /\/entry\/(start|app)\./.test(c));
			// The layout's chunk first: inline in index.html, it is then the code nearest the first
			// screen's markup, and its course data (the titles and summaries the home page shows)
			// falls within gzip's reach of the same words in that markup (about 1.2 KB less).
			const common = closure([nodeOf(LAYOUT), ...entries]);
			// Of those, the framework's (Svelte, SvelteKit: FRAMEWORK_GROUPS) go in
			// a file of their own, requested from the head with the launched page's file. index.html
			// is then about half as big, so the static first screen paints sooner (the browser parses
			// the page's inline script as it arrives, before it paints); the framework shares nothing
			// with the markup that gzip could use (README, Performance).
			const framework = common.filter((c) => FRAMEWORK.test(c));
			const inline = common.filter((c) => !framework.includes(c));
			const only = (/** @type {string} */ route) =>
				closure([nodeOf(route)]).filter((c) => !common.includes(c));
			const home = only(LAUNCH_ROUTES.home);
			const scenario = only(LAUNCH_ROUTES.scenario);
			const late = Object.keys(chunks).filter(
				(c) => !common.includes(c) && !home.includes(c) && !scenario.includes(c)
			);
			/** Several chunks in one file (one request, one compression stream), named by content. */
			const pack = (/** @type {string} */ label, /** @type {string[]} */ names) => {
				if (!names.length) return [];
				const code = names.map((n) => readFileSync(join(dir, fileOf[n]), 'utf8')).join('');
				const hash = createHash('sha256').update(code).digest('base64url').slice(0, 8);
				const file = `_app/immutable/${label}.${hash}.js`;
				writeFileSync(join(dir, file), code);
				return [file];
			};
			/** @type {Record<string, string>} */
			const fileOf = Object.fromEntries(files.map((f) => [ids[f], f]));
			const frameworkFile = pack('framework', framework);
			const homeFile = pack('home', home);
			const scenarioFile = pack('scenario', scenario);
			const lateFile = pack('late', late);
			/** @type {Record<string, string>} */
			const where = {};
			for (const n of framework) where[n] = frameworkFile[0];
			for (const n of home) where[n] = homeFile[0];
			// A chunk both launches need is fetched from the scenario file (either holds it).
			for (const n of scenario) where[n] = scenarioFile[0];
			for (const n of late) where[n] = lateFile[0];
			for (const n of Object.keys(chunks)) if (!inline.includes(n)) rmSync(join(dir, fileOf[n]));
			const first = {
				every: frameworkFile,
				home: homeFile,
				scenario: scenarioFile,
				late: lateFile,
				in: where
			};
			const css = Object.values(bundle)
				.filter((a) => a.type === 'asset' && a.fileName.endsWith('.css'))
				.map((a) => a.fileName);
			writeFileSync(join(root, FIRST_FILE), JSON.stringify({ first, inline, css, ids }));
		}
	};
}

const sha256 = (/** @type {string} */ s) =>
	`'sha256-${createHash('sha256').update(s).digest('base64')}'`;

/**
 * After the static adapter: index.html boots through the loader. Kit's modulepreload links go
 * (module preloads from file:// fail), the CSS is inlined (one request fewer), Kit's `import()`
 * calls become `__csImport()`, and the CSP hash follows the rewritten script.
 *
 * The page, in order: in the head the CSS, then one script with the boot line of src/app.html
 * (which starts fetching a launched scenario's first step at once) and the loader (which starts
 * fetching the framework's file and the launched page's); in the body the first screen's markup
 * (first-screen.js: it paints while the rest arrives), then one script with the app's chunks
 * every page needs and Kit's start. Each script's hash replaces the one the CSP had: the boot
 * line's (svelte.config.js) and Kit's.
 */
/**
 * @param {string} dir the static adapter's output folder
 * @param {string} root the project folder
 * @param {{ head: string, body: string }} [firstScreen] the home page's title and markup (renderFirstScreen)
 */
export function classicBoot(dir, root = process.cwd(), firstScreen) {
	const file = join(dir, 'index.html');
	let html = readFileSync(file, 'utf8');
	const { first, inline, css, ids } = JSON.parse(readFileSync(join(root, FIRST_FILE), 'utf8'));
	/** @type {Record<string, string>} */
	const fileOf = Object.fromEntries(Object.entries(ids).map(([f, id]) => [id, f]));
	html = html.replace(/[ \t]*<link href="[^"]*" rel="(modulepreload|stylesheet)">\n?/g, '');
	// One stylesheet (cssCodeSplit off), inlined: allowed by style-src 'unsafe-inline'.
	const styles = css.map((/** @type {string} */ f) => {
		const text = readFileSync(join(dir, f), 'utf8');
		rmSync(join(dir, f));
		return `<style>${text}</style>`;
	});
	const line = /<script>(\(function\(w,d\)\{[^<]*__csBoot[^<]*)<\/script>/.exec(html);
	if (!line) throw new Error(`${file}: the boot line of src/app.html is missing`);
	if (!html.includes(sha256(line[1])))
		throw new Error(`${file}: the CSP does not carry the boot line's hash`);
	if (firstScreen && !line[1].includes(`#${FIRST_SCREEN_ID}`))
		throw new Error(`${file}: the boot line of src/app.html does not hide #${FIRST_SCREEN_ID}`);
	// The loader joins the boot line in the head, so the launched page's file is requested as soon
	// as the head has arrived rather than after the whole page: one round trip off the first choice.
	const head = `${line[1]};\n${loader(first)}`;
	html = html
		.replace(line[0], () => `${firstScreen?.head ?? ''}${styles.join('')}<script>${head}</script>`)
		.replace(sha256(line[1]), () => sha256(head));
	// The app's chunks every page needs (the framework's are in their own file).
	const chunks = inline.map((/** @type {string} */ c) => {
		// In an inline script, "</script" ends it and "<!--" can change how it is parsed: both
		// occur only in string literals here (Svelte's "<!---->" markers), where \x3C is "<".
		const code = readFileSync(join(dir, fileOf[c]), 'utf8').replace(/<(?=\/script|!--)/gi, '\\x3C');
		rmSync(join(dir, fileOf[c]));
		return code;
	});
	const boot = /<script>(\s*\{\s*__sveltekit_[\s\S]*?)<\/script>/.exec(html);
	if (!boot) throw new Error(`${file}: SvelteKit's boot script is missing`);
	const rewritten = boot[1].replace(/\bimport\("(?:\.?\/)?(_app\/[^"]+)"\)/g, (_, p) => {
		if (!inline.includes(ids[p]))
			throw new Error(`${file}: boot imports ${p}, not in index.html's inline chunks`);
		return `__csImport(${JSON.stringify(ids[p])})`;
	});
	if (/\bimport\(/.test(rewritten))
		throw new Error(`${file}: an import() is left in the boot script`);
	// Kit starts through the loader's __csStart: at the home page, after the first frame with the
	// static first screen has painted (the app's start is then not in the way of that paint).
	let started = 0;
	const deferred = rewritten.replace(/Promise\.all\(\[[^\]]*\]\)\.then\([^]*\);/, (start) => {
		started++;
		return `__csStart(function(){return ${start.replace(/;$/, '')}});`;
	});
	if (!started)
		throw new Error(`${file}: SvelteKit's start (Promise.all([…]).then(…)) is not found`);
	const oldHash = sha256(boot[1]);
	if (!html.includes(oldHash))
		throw new Error(`${file}: the CSP does not carry the boot script's hash`);
	const copy = firstScreen
		? `<div id="${FIRST_SCREEN_ID}" style="display:contents">${firstScreen.body}</div>`
		: '';
	// Kit's start in the same script, after the chunks (its target is the script's parent).
	const script = `${chunks.join('')}\n${deferred}`;
	html = html
		.replace(boot[0], () => `${copy}<script>${script}</script>`)
		.replace(oldHash, () => sha256(script));
	writeFileSync(file, html);
	// Kit's version file serves only its update check (updated.check(), never called here, and a
	// missing file reads as "not updated"): not shipped.
	rmSync(join(dir, '_app/version.json'), { force: true });
}
