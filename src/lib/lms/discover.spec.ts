import { describe, expect, it } from 'vitest';
import { candidates, discover } from './discover.js';

type Fake = Record<string, unknown>;
const api12 = () => ({ LMSInitialize: () => 'true' });
const api2004 = () => ({ Initialize: () => 'true' });

/** A window whose parent chain is the given frames, nearest first; the last one is the top. */
function chain(...frames: Fake[]): Fake {
	const wins = frames.map((f) => ({ ...f }) as Fake);
	wins.forEach((w, i) => (w.parent = wins[i + 1] ?? w));
	return wins[0];
}

/** A cross-origin window: reading anything but `parent` throws, as browsers do. */
function crossOrigin(parent?: Fake, allowParent = true): Fake {
	const self: Fake = new Proxy(
		{},
		{
			get(_t, key) {
				if (key === 'parent' && allowParent) return parent ?? self;
				throw new DOMException('Blocked a frame with origin', 'SecurityError');
			},
			has() {
				throw new DOMException('Blocked', 'SecurityError');
			}
		}
	);
	return self;
}

const find = (w: Fake, v: 'scorm12' | 'scorm2004' = 'scorm12') =>
	discover(w as unknown as Window, v);

describe('discover', () => {
	it('finds the API on the window itself', () => {
		const api = api12();
		expect(find(chain({ API: api }))).toEqual({ version: 'scorm12', api });
	});

	it('walks up the parents', () => {
		const api = api2004();
		expect(find(chain({}, {}, { API_1484_11: api }), 'scorm2004')?.api).toBe(api);
	});

	it("finds only the package's own version anywhere in the chain, never the other", () => {
		const a12 = api12();
		const a04 = api2004();
		const w = chain({ API: a12 }, { API_1484_11: a04 });
		expect(find(w, 'scorm2004')).toEqual({ version: 'scorm2004', api: a04 });
		expect(find(w, 'scorm12')).toEqual({ version: 'scorm12', api: a12 });
		expect(find(chain({ API_1484_11: a04 }, { API: a12 }), 'scorm12')).toEqual({
			version: 'scorm12',
			api: a12
		});
		expect(find(chain({}, { API: a12 }), 'scorm2004')).toBeNull();
		expect(find(chain({ API_1484_11: a04 }), 'scorm12')).toBeNull();
	});

	it('ignores an object without the SCORM methods', () => {
		expect(find(chain({ API: { foo: 1 } }, { API: 'nope' }))).toBeNull();
	});

	it('returns null when there is no API', () => {
		expect(find(chain({}, {}))).toBeNull();
	});

	it('does not throw on a cross-origin parent and keeps climbing past it', () => {
		const api = api12();
		const top = chain({ API: api });
		const w = chain({});
		w.parent = crossOrigin(top);
		expect(() => find(w)).not.toThrow();
		expect(find(w)?.api).toBe(api);
	});

	it('does not throw when even reading parent throws', () => {
		const w = chain({});
		w.parent = crossOrigin(undefined, false);
		expect(find(w)).toBeNull();
		const hostile = crossOrigin(undefined, false);
		expect(() => find(hostile)).not.toThrow();
		expect(find(hostile)).toBeNull();
	});

	it('finds the API on the opener only', () => {
		const api = api12();
		const w = chain({});
		w.opener = chain({}, { API: api });
		expect(find(w)?.api).toBe(api);
	});

	it("finds the API on the top frame's opener (pop-up with frames)", () => {
		const api = api2004();
		const w = chain({}, {});
		(w.parent as Fake).opener = chain({ API_1484_11: api });
		expect(find(w, 'scorm2004')?.api).toBe(api);
	});

	it('survives a cross-origin opener', () => {
		const w = chain({});
		w.opener = crossOrigin();
		expect(find(w)).toBeNull();
	});

	it('stops after about ten levels and on cycles', () => {
		const frames = Array.from({ length: 15 }, () => ({}) as Fake);
		frames[14].API = api12();
		expect(find(chain(...frames))).toBeNull();
		frames[14] = {};
		frames[8].API = api12();
		expect(find(chain(...frames))).not.toBeNull();

		const a: Fake = {};
		const b: Fake = { parent: a };
		a.parent = b;
		expect(candidates(a as unknown as Window)).toHaveLength(2);
	});

	it('works with the real jsdom window', () => {
		expect(discover(window, 'scorm12')).toBeNull();
	});
});
