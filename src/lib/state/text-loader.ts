/**
 * Loads the words of a scenario (content/<id>.js) and the council's protocol
 * (content/protocol.js) with a classic <script> tag: this works from file://, from any
 * sub-path and inside an LMS frame, and is allowed by a script-src 'self' policy.
 *
 * A launch straight into a scenario (#/scenario/<id>) does not wait for the app to ask: the boot
 * lines in src/app.html fetch that scenario's first step while index.html is still arriving,
 * before the app runs, and leave it in `window.__csBoot` (BOOT_GLOBAL). The loader starts with
 * it, so the first step is on screen in the app's first render.
 */
export const TEXT_CALLBACK = '__csText';
export const BOOT_GLOBAL = '__csBoot';

/** What the boot lines in src/app.html leave: words that have already arrived, by id. */
export interface BootTexts {
	data: Record<string, unknown>;
}

export interface TextLoader {
	load<T>(id: string): Promise<T>;
	/** The words if they have already arrived, without fetching: lets a screen render at once. */
	ready<T>(id: string): T | undefined;
}

export function createTextLoader(doc: Document, win: Window, base = 'content/', timeoutMs = 20000): TextLoader {
	const globals = win as unknown as Record<string, unknown>;
	const boot = globals[BOOT_GLOBAL] as BootTexts | undefined;
	const waiting = new Map<string, (data: unknown) => void>();
	const cache = new Map<string, Promise<unknown>>();
	const arrived = new Map<string, unknown>(Object.entries(boot?.data ?? {}));
	globals[TEXT_CALLBACK] = (id: string, data: unknown) => waiting.get(id)?.(data);

	function fetchScript(id: string): Promise<unknown> {
		return new Promise((resolve, reject) => {
			const script = doc.createElement('script');
			const done = (fn: () => void) => {
				clearTimeout(timer);
				waiting.delete(id);
				script.remove();
				fn();
			};
			const fail = (why: string) => done(() => reject(new Error(`${base}${id}.js ${why}`)));
			const timer = setTimeout(() => fail('took too long to load'), timeoutMs);
			waiting.set(id, (data) => done(() => resolve(data)));
			script.onerror = () => fail('could not be loaded');
			script.src = `${base}${id}.js`;
			doc.head.appendChild(script);
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
