/**
 * Find the LMS's SCORM API object of the package's version: `API` (1.2) or `API_1484_11` (2004), on this window, its
 * parents (up to MAX_DEPTH), then the opener and the opener's parents (pop-up launch, also from
 * the top frame). Every touch of another window is guarded: a cross-origin frame throws
 * SecurityError, and that frame is simply skipped. Never throws.
 */

export type ScormVersion = 'scorm12' | 'scorm2004';

/** The LMS's API object, as found. Calls on it are guarded by connection.ts. */
export type ScormApi = Record<string, unknown>;

export interface FoundApi {
	version: ScormVersion;
	api: ScormApi;
}

const MAX_DEPTH = 10;

const NAMES: Record<ScormVersion, [prop: string, method: string]> = {
	scorm12: ['API', 'LMSInitialize'],
	scorm2004: ['API_1484_11', 'Initialize']
};

/** Read a property of a possibly cross-origin object, or undefined. */
function peek(obj: unknown, key: string): unknown {
	try {
		return obj ? (obj as Record<string, unknown>)[key] : undefined;
	} catch {
		return undefined;
	}
}

/** The windows to search, nearest first, each once. */
export function candidates(win: Window): Window[] {
	const out: Window[] = [];
	const climb = (start: unknown) => {
		let w = start as Window | undefined;
		for (let depth = 0; w && depth <= MAX_DEPTH; depth++) {
			if (out.includes(w)) return;
			out.push(w);
			const parent = peek(w, 'parent') as Window | undefined;
			if (!parent || parent === w) return;
			w = parent;
		}
	};
	climb(win);
	const top = out[out.length - 1];
	climb(peek(win, 'opener'));
	if (top !== win) climb(peek(top, 'opener'));
	return out;
}

function apiIn(w: Window, version: ScormVersion): ScormApi | undefined {
	const [prop, method] = NAMES[version];
	const api = peek(w, prop);
	return api && typeof peek(api, method) === 'function' ? (api as ScormApi) : undefined;
}

/**
 * The API of the package's own SCORM version, nearest first; null if it is not there. The other
 * version's API is never used: an LMS (or portal) may offer both, and a package imported with a
 * 1.2 manifest must talk 1.2 (the LMS keeps its record by the manifest's version).
 */
export function discover(win: Window, version: ScormVersion): FoundApi | null {
	let windows: Window[] = [];
	try {
		windows = candidates(win);
	} catch {
		/* not reached: candidates guards every access; kept so discovery can never throw */
	}
	for (const w of windows) {
		const api = apiIn(w, version);
		if (api) return { version, api };
	}
	return null;
}
