import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { classicBoot, FIRST_FILE, firstScreenFiles, loader, moduleIds } from './classic-chunks.js';
import { FIRST_SCREEN_ID } from './first-screen.js';
import { FIRST_SCREEN_ID as RUNTIME_ID } from '../state/first-screen.js';

type Files = Record<string, string>;

/** Runs the loader in a fake window whose <script src> tags "load" from `files` (or fail). */
function run(
	hash: string,
	files: Files,
	inline = '',
	env: { win?: Record<string, unknown>; hidden?: boolean } = {}
) {
	const fetched: string[] = [];
	const listeners: Record<string, () => void> = {};
	const win: Record<string, unknown> = {
		location: { hash },
		addEventListener: (type: string, fn: () => void) => (listeners[type] = fn),
		...env.win
	};
	const doc = {
		hidden: env.hidden ?? false,
		createElement: () => ({}) as Record<string, unknown>,
		head: {
			appendChild(s: { src: string; onerror: () => void }) {
				fetched.push(s.src);
				setTimeout(() => {
					if (files[s.src] === undefined) return s.onerror();
					new Function('window', 'with (window) {' + files[s.src] + '}')(win);
				});
			}
		}
	};
	const first = {
		every: ['framework.js'],
		home: ['home.js'],
		scenario: ['scenario.js'],
		late: ['late.js'],
		in: {
			'c/framework': 'framework.js',
			'n/home': 'home.js',
			'n/scenario': 'scenario.js',
			'c/shared': 'scenario.js',
			'n/late': 'late.js'
		}
	};
	const script = loader(first) + inline;
	new Function('window', 'document', 'with (window) {' + script + '}')(win, doc);
	return {
		fetched,
		load: () => listeners.load?.(),
		importChunk: (n: string) =>
			(win.__csImport as (n: string) => Promise<Record<string, unknown>>)(n),
		start: (go: () => void) => (win.__csStart as (go: () => void) => void)(go)
	};
}

const define = (name: string, deps: string[], body: string) =>
	`__csDefine(${JSON.stringify(name)},${JSON.stringify(deps)},function(require,module,exports){${body}});`;

const FILES: Files = {
	'framework.js': define('c/framework', [], 'exports.z = "!";'),
	'home.js': define(
		'n/home',
		['c/common', 'c/framework'],
		'exports.page = "home " + require("c/common").x + require("c/framework").z;'
	),
	'scenario.js':
		define(
			'n/scenario',
			['c/common', 'c/shared'],
			'exports.page = require("c/shared").y + require("c/common").x;'
		) + define('c/shared', [], 'exports.y = "step ";'),
	'late.js': define('n/late', ['c/shared'], 'exports.page = "results " + require("c/shared").y;')
};
const COMMON = define('c/common', [], 'window.ran = (window.ran || 0) + 1; exports.x = "common";');

describe('the classic-chunk loader', () => {
	it('fetches the framework’s and the launched page’s files at once, the others’ after load, and runs each chunk once', async () => {
		const scenario = run('#/scenario/delegation-councillor', FILES, COMMON);
		expect(scenario.fetched).toEqual(['framework.js', 'scenario.js']);
		expect((await scenario.importChunk('n/scenario')).page).toBe('step common');
		scenario.load();
		expect(scenario.fetched).toEqual(['framework.js', 'scenario.js', 'late.js']);
		expect((await scenario.importChunk('n/late')).page).toBe('results step ');
		// Opening the home page later fetches its file then, once.
		expect((await scenario.importChunk('n/home')).page).toBe('home common!');
		await scenario.importChunk('n/home');
		expect(scenario.fetched).toEqual(['framework.js', 'scenario.js', 'late.js', 'home.js']);

		expect(run('', FILES, COMMON).fetched).toEqual(['framework.js', 'home.js']);
		expect(run('#/', FILES, COMMON).fetched).toEqual(['framework.js', 'home.js']);
		expect(run('#/results', FILES, COMMON).fetched).toEqual(['framework.js']);
	});

	it.each([
		{
			// A later page's file, fetched when the page is opened; then the file holding a chunk
			// it needs (in the scenario page's file).
			file: 'late.js',
			hash: '#/results',
			chunk: 'n/late',
			page: 'results step ',
			fetched: ['framework.js', 'late.js', 'late.js', 'scenario.js']
		},
		{
			// The framework's file, fetched at launch; the home page's chunk needs it, so it is
			// asked for again, and fails again.
			file: 'framework.js',
			hash: '',
			chunk: 'n/home',
			page: 'home common!',
			fetched: ['framework.js', 'home.js', 'framework.js', 'framework.js']
		}
	])(
		'when $file fails to load, the import fails with its name, and a later try fetches it again',
		async ({ file, hash, chunk, page, fetched }) => {
			const files = { ...FILES };
			delete files[file];
			const launched = run(hash, files, COMMON);
			await expect(launched.importChunk(chunk)).rejects.toThrow(`${file} could not be loaded`);
			files[file] = FILES[file];
			expect((await launched.importChunk(chunk)).page).toBe(page);
			expect(launched.fetched).toEqual(fetched);
		}
	);
});

describe('starting the app (__csStart)', () => {
	/** A window whose animation frames run only when `frame()` is called. */
	function framed() {
		const frames: (() => void)[] = [];
		return {
			win: { requestAnimationFrame: (fn: () => void) => frames.push(fn) },
			frame: () => frames.splice(0).forEach((fn) => fn())
		};
	}

	it('at the home page, waits for a frame to paint (the static first screen) and starts once', async () => {
		vi.useFakeTimers();
		try {
			for (const hash of ['', '#/']) {
				const { win, frame } = framed();
				const page = run(hash, FILES, '', { win });
				const go = vi.fn();
				page.start(go);
				await vi.advanceTimersByTimeAsync(0);
				expect(go, 'not before the frame').not.toHaveBeenCalled();
				frame();
				expect(go, 'not inside the frame, before its paint').not.toHaveBeenCalled();
				await vi.advanceTimersByTimeAsync(0);
				expect(go).toHaveBeenCalledTimes(1);
				await vi.advanceTimersByTimeAsync(2000);
				expect(go, 'the fallback timer does not start it again').toHaveBeenCalledTimes(1);
			}
		} finally {
			vi.useRealTimers();
		}
	});

	it('starts at once on other pages and in a hidden page, and after a second if no frame comes', async () => {
		vi.useFakeTimers();
		try {
			for (const [hash, hidden] of [
				['#/scenario/delegation-councillor', false],
				['#/results', false],
				['', true]
			] as const) {
				const go = vi.fn();
				run(hash, FILES, '', { win: framed().win, hidden }).start(go);
				expect(go, `${hash} hidden=${hidden}`).toHaveBeenCalledTimes(1);
			}
			const go = vi.fn();
			run('', FILES, '', { win: framed().win }).start(go);
			await vi.advanceTimersByTimeAsync(999);
			expect(go).not.toHaveBeenCalled();
			await vi.advanceTimersByTimeAsync(1);
			expect(go).toHaveBeenCalledTimes(1);
		} finally {
			vi.useRealTimers();
		}
	});
});

describe('classicBoot', () => {
	const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
	const kit = `\n{\n__sveltekit_x = {};\nPromise.all([import("./_app/immutable/entry/start.Ab3_-xYz.js"), import("./_app/immutable/entry/app.Cd4_-xYz.js")]).then(([kit, app]) => kit.start(app));\n}\n`;
	const first = { every: [], home: [], scenario: [], late: [], in: {} };

	/** A built index.html and its files, as the static adapter leaves them, in a temporary project. */
	function built(line: string) {
		const root = mkdtempSync(join(tmpdir(), 'classic-'));
		const dir = join(root, 'build');
		mkdirSync(join(dir, '_app/immutable/entry'), { recursive: true });
		mkdirSync(join(root, '.svelte-kit'));
		// On disk by file name (with Kit's content hash); registered under the name without it.
		writeFileSync(
			join(dir, '_app/immutable/entry/start.Ab3_-xYz.js'),
			define('_app/immutable/entry/start.js', [], 'var t = `<!---->`; var u = "$&";')
		);
		writeFileSync(
			join(dir, '_app/immutable/entry/app.Cd4_-xYz.js'),
			define('_app/immutable/entry/app.js', [], '')
		);
		writeFileSync(join(dir, '_app/immutable/style.css'), 'body{color:red}');
		writeFileSync(
			join(dir, 'index.html'),
			`<html><head><meta http-equiv="content-security-policy" content="script-src 'self' ${sha(kit)} ${sha(line)}">` +
				`<link href="./_app/immutable/entry/start.js" rel="modulepreload">\n<script>${line}</script></head>` +
				`<body><div><script>${kit}</script></div></body></html>`
		);
		writeFileSync(
			join(root, FIRST_FILE),
			JSON.stringify({
				first,
				inline: ['_app/immutable/entry/start.js', '_app/immutable/entry/app.js'],
				css: ['_app/immutable/style.css'],
				ids: moduleIds([
					'_app/immutable/entry/start.Ab3_-xYz.js',
					'_app/immutable/entry/app.Cd4_-xYz.js'
				])
			})
		);
		return { root, dir };
	}

	it('inlines the CSS and the common chunks, routes Kit’s imports through the loader, and the CSP carries each script’s hash', () => {
		const line = `(function(w,d){var b=w.__csBoot={}})(window,document)`;
		const { root, dir } = built(line);
		classicBoot(dir, root);
		const html = readFileSync(join(dir, 'index.html'), 'utf8');
		const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
		// The boot line with the loader (head); the common chunks, then Kit's start (body).
		expect(scripts).toHaveLength(2);
		expect(scripts[0]).toBe(`${line};\n${loader(first)}`);
		// The two run as one script: the boot line, then the loader.
		const win: Record<string, unknown> = { location: { hash: '' }, addEventListener() {} };
		const doc = { createElement: () => ({}), head: { appendChild() {} } };
		new Function('window', 'document', scripts[0])(win, doc);
		expect(win.__csBoot).toEqual({});
		expect(typeof win.__csImport).toBe('function');
		const csp = /content="([^"]+)"/.exec(html)![1];
		expect(csp).toBe(`script-src 'self' ${sha(scripts[1])} ${sha(scripts[0])}`);
		expect(scripts[1]).toContain('__csDefine("_app/immutable/entry/start.js"');
		expect(scripts[1]).toContain('\\x3C!---->'); // "<!--" would change how the inline script is parsed
		expect(scripts[1]).toContain('var u = "$&"'); // the code as it is (no replacement patterns)
		expect(scripts[1]).toContain('__csImport("_app/immutable/entry/start.js")');
		expect(scripts[1]).not.toContain('import(');
		expect(scripts[1]).toContain(
			'__csStart(function(){return Promise.all([__csImport("_app/immutable/entry/start.js"), __csImport("_app/immutable/entry/app.js")]).then(([kit, app]) => kit.start(app))});'
		);
		expect(scripts[1].indexOf('__csImport(')).toBeGreaterThan(scripts[1].indexOf('__csDefine('));
		expect(html).toContain('<style>body{color:red}</style><script>' + line);
		expect(html).not.toContain('modulepreload');
		expect(firstScreenFiles(html)).toEqual(first);
		// Inlined files are not shipped twice.
		expect(existsSync(join(dir, '_app/immutable/entry/start.Ab3_-xYz.js'))).toBe(false);
		expect(existsSync(join(dir, '_app/immutable/style.css'))).toBe(false);
	});

	it('puts the first screen’s markup before the scripts of the body, and its title in the head', () => {
		const line = `(function(w,d){if(0)d.x('#${FIRST_SCREEN_ID}');var b=w.__csBoot={}})(window,document)`;
		const { root, dir } = built(line);
		const body =
			'<header><a href="#/">Home</a></header><main><input type="radio" name="role"></main>';
		classicBoot(dir, root, { head: '<title>Scenarios</title>', body });
		const html = readFileSync(join(dir, 'index.html'), 'utf8');
		const markup = `<div id="${FIRST_SCREEN_ID}" style="display:contents">${body}</div>`;
		expect(html).toContain(`<body><div>${markup}<script>`);
		expect(html.indexOf(markup)).toBeLessThan(html.indexOf('__csDefine('));
		expect(html).toMatch(/<head>[^]*<title>Scenarios<\/title><style>[^]*<\/head>/);
	});

	it('refuses a first screen that the boot line would not hide on other launches', () => {
		const { root, dir } = built(`(function(w,d){var b=w.__csBoot={}})(window,document)`);
		expect(() => classicBoot(dir, root, { head: '', body: '<main></main>' })).toThrow(
			`does not hide #${FIRST_SCREEN_ID}`
		);
	});

	it('the boot line of src/app.html hides the same element the layout replaces', () => {
		const app = readFileSync('src/app.html', 'utf8');
		expect(app).toContain(`#${FIRST_SCREEN_ID}>:not(header){display:none`);
		expect(FIRST_SCREEN_ID).toBe(RUNTIME_ID);
	});

	it('names each chunk by its file name without the hash, unless two chunks would share it', () => {
		expect(
			moduleIds([
				'_app/immutable/chunks/svelte._83CnTMA.js',
				'_app/immutable/nodes/0.BJUkwaK6.js',
				'_app/immutable/chunks/index.Ab3_-xYz.js',
				'_app/immutable/chunks/index.Cd4_-xYz.js'
			])
		).toEqual({
			'_app/immutable/chunks/svelte._83CnTMA.js': '_app/immutable/chunks/svelte.js',
			'_app/immutable/nodes/0.BJUkwaK6.js': '_app/immutable/nodes/0.js',
			'_app/immutable/chunks/index.Ab3_-xYz.js': '_app/immutable/chunks/index.Ab3_-xYz.js',
			'_app/immutable/chunks/index.Cd4_-xYz.js': '_app/immutable/chunks/index.Cd4_-xYz.js'
		});
	});
});
