/**
 * Loads the words of a scenario (content/<id>.js) and the council's protocol
 * (content/protocol.js) with a classic <script> tag: this works from file://, from any
 * sub-path and inside an LMS frame, and is allowed by a script-src 'self' policy.
 */
export const TEXT_CALLBACK = '__csText';

export interface TextLoader {
	load<T>(id: string): Promise<T>;
}

export function createTextLoader(doc: Document, win: Window, base = 'content/', timeoutMs = 20000): TextLoader {
	const waiting = new Map<string, (data: unknown) => void>();
	const cache = new Map<string, Promise<unknown>>();
	(win as unknown as Record<string, unknown>)[TEXT_CALLBACK] = (id: string, data: unknown) => waiting.get(id)?.(data);

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
				p = fetchScript(id);
				cache.set(id, p);
				p.catch(() => cache.delete(id)); // a later try may succeed
			}
			return p as Promise<T>;
		}
	};
}
