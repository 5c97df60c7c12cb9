/**
 * Loads the words of a scenario's first step (content/<id>.js), and later the rest of its words,
 * the council's protocol and the accessibility statement (one file, content/later.js: see
 * engine/text.ts textFile), with a classic <script> tag: this works from file://, from any
 * sub-path and inside an LMS frame, and is allowed by a script-src 'self' policy.
 *
 * A launch straight into a scenario (#/scenario/<id>) does not wait for the app to ask: the boot
 * line in src/app.html starts fetching that scenario's first step while index.html is still
 * arriving, and leaves what arrives in `window.__csBoot` (BOOT_GLOBAL). The scenario route waits
 * for it a little (bootArrival), and the loader starts with it, so the step is in the first render.
 */
import { TEXT_CALLBACK, textFile } from '../engine/text.js';
export const BOOT_GLOBAL = '__csBoot';

/** What the boot line in src/app.html leaves: words that have arrived, and when its fetch ends. */
export interface BootTexts {
	data: Record<string, unknown>;
	done?: Promise<unknown>;
}

export interface TextLoader {
	load<T>(id: string): Promise<T>;
	/** The words if they have already arrived, without fetching: lets a screen render at once. */
	ready<T>(id: string): T | undefined;
}

/** The boot line's fetch, if it made one (the module was launched straight into a scenario). */
export function bootFetch(win: Window): Promise<unknown> | undefined {
	return ((win as unknown as Record<string, unknown>)[BOOT_GLOBAL] as BootTexts | undefined)?.done;
}

/**
 * Resolves when the boot line's fetch has ended (loaded or failed), at once if there is none, and
 * after `timeoutMs` at most: a slow file then shows "Loading" rather than a blank page.
 */
export function bootArrival(win: Window, timeoutMs = 3000): Promise<void> {
	const done = bootFetch(win);
	if (!done) return Promise.resolve();
	return new Promise((resolve) => {
		const timer = setTimeout(resolve, timeoutMs);
		done.then(() => (clearTimeout(timer), resolve()));
	});
}

export function createTextLoader(
	doc: Document,
	win: Window,
	base = 'content/',
	timeoutMs = 20000
): TextLoader {
	const globals = win as unknown as Record<string, unknown>;
	const boot = globals[BOOT_GLOBAL] as BootTexts | undefined;
	const waiting = new Map<string, (data: unknown) => void>();
	const cache = new Map<string, Promise<unknown>>();
	const arrived = new Map<string, unknown>(Object.entries(boot?.data ?? {}));
	// Words nobody is waiting for (the boot line's, arriving late) are kept for when they are asked.
	globals[TEXT_CALLBACK] = (id: string, data: unknown) => {
		const deliver = waiting.get(id);
		if (deliver) deliver(data);
		else arrived.set(id, data);
	};

	/** Each content file's script, once: several names' words may come in one file. */
	const files = new Map<string, Promise<void>>();
	function fetchFile(file: string): Promise<void> {
		let p = files.get(file);
		if (!p) {
			p = new Promise<void>((resolve, reject) => {
				const script = doc.createElement('script');
				const done = (fn: () => void) => {
					clearTimeout(timer);
					script.remove();
					fn();
				};
				const timer = setTimeout(
					() => done(() => reject(new Error(`${base}${file}.js took too long to load`))),
					timeoutMs
				);
				script.onload = () => done(resolve);
				script.onerror = () =>
					done(() => reject(new Error(`${base}${file}.js could not be loaded`)));
				script.src = `${base}${file}.js`;
				doc.head.appendChild(script);
			});
			files.set(file, p);
			p.catch(() => files.delete(file)); // a later try may succeed
		}
		return p;
	}

	/** A name's words: resolved by the file's call back, which comes before the file's load event. */
	function fetchScript(id: string): Promise<unknown> {
		return new Promise((resolve, reject) => {
			const fail = (e: Error) => {
				waiting.delete(id);
				reject(e);
			};
			waiting.set(id, (data) => {
				waiting.delete(id);
				resolve(data);
			});
			const file = textFile(id);
			fetchFile(file).then(
				() => waiting.has(id) && fail(new Error(`${base}${file}.js has no words for "${id}"`)),
				fail
			);
		});
	}

	return {
		load<T>(id: string) {
			let p = cache.get(id);
			if (!p) {
				p = arrived.has(id) ? Promise.resolve(arrived.get(id)) : fetchScript(id);
				cache.set(id, p);
				p.then(
					(data) => void arrived.set(id, data),
					() => cache.delete(id) // a later try may succeed
				);
			}
			return p as Promise<T>;
		},
		ready<T>(id: string) {
			return arrived.get(id) as T | undefined;
		}
	};
}
