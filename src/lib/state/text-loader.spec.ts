import { afterEach, describe, expect, it, vi } from 'vitest';
import { TEXT_CALLBACK } from '../engine/text';
import { BOOT_GLOBAL, bootArrival, createTextLoader } from './text-loader';

type Globals = Record<string, unknown>;

afterEach(() => {
	delete (window as unknown as Globals)[BOOT_GLOBAL];
	delete (window as unknown as Globals)[TEXT_CALLBACK];
	document.head.querySelectorAll('script').forEach((s) => s.remove());
	vi.useRealTimers();
});

/** The script tag the loader added for `id`, as the browser would see it. */
function scriptFor(id: string): HTMLScriptElement {
	const s = [...document.head.querySelectorAll('script')].find(
		(x) => x.getAttribute('src') === `content/${id}.js`
	);
	if (!s) throw new Error(`no script for ${id}`);
	return s as HTMLScriptElement;
}

describe('createTextLoader', () => {
	it('fetches words with a script tag and resolves when the file calls back', async () => {
		const loader = createTextLoader(document, window);
		const p = loader.load<{ a: number }>('intro');
		expect(loader.ready('intro')).toBeUndefined();
		scriptFor('intro');
		(window as unknown as { __csText: (id: string, d: unknown) => void }).__csText('intro', {
			a: 1
		});
		await expect(p).resolves.toEqual({ a: 1 });
		expect(loader.ready('intro')).toEqual({ a: 1 });
		scriptFor('intro').dispatchEvent(new Event('load'));
		expect(document.head.querySelectorAll('script')).toHaveLength(0);
	});

	it('fetches the later words (other steps, protocol, statement) as one file, once, and keeps what nobody asked for yet', async () => {
		const loader = createTextLoader(document, window);
		const more = loader.load('intro.more');
		const protocol = loader.load('protocol');
		expect(document.head.querySelectorAll('script')).toHaveLength(1);
		const call = (window as unknown as { __csText: (id: string, d: unknown) => void }).__csText;
		call('intro.more', 'rest of intro');
		call('other.more', 'rest of other');
		call('protocol', 'clauses');
		scriptFor('later').dispatchEvent(new Event('load'));
		await expect(more).resolves.toBe('rest of intro');
		await expect(protocol).resolves.toBe('clauses');
		await expect(loader.load('other.more')).resolves.toBe('rest of other');
		expect(document.head.querySelectorAll('script')).toHaveLength(0);
	});

	it('says so when a file ran without the words asked of it', async () => {
		const loader = createTextLoader(document, window);
		const p = loader.load('accessibility');
		scriptFor('later').dispatchEvent(new Event('load'));
		await expect(p).rejects.toThrow('content/later.js has no words for "accessibility"');
	});

	it('starts with the words the boot lines fetched before the app ran, without fetching again', async () => {
		(window as unknown as Globals)[BOOT_GLOBAL] = { data: { intro: { a: 2 } } };
		await expectHeldWithoutFetch(createTextLoader(document, window), 'intro', { a: 2 });
	});

	it("keeps words that arrive with nobody waiting (the boot line's, late) for when they are asked", async () => {
		const loader = createTextLoader(document, window);
		(window as unknown as { __csText: (id: string, d: unknown) => void }).__csText('late', 'here');
		await expectHeldWithoutFetch(loader, 'late', 'here');
	});

	it('names the file that failed, and tries again on the next load', async () => {
		const loader = createTextLoader(document, window);
		const p = loader.load('gone');
		scriptFor('gone').dispatchEvent(new Event('error'));
		await expect(p).rejects.toThrow('content/gone.js could not be loaded');
		const again = loader.load('gone');
		(window as unknown as { __csText: (id: string, d: unknown) => void }).__csText('gone', 'back');
		await expect(again).resolves.toBe('back');
	});

	it('gives up on a file that never calls back, saying so', async () => {
		vi.useFakeTimers();
		const loader = createTextLoader(document, window, 'content/', 1000);
		const p = loader.load('slow');
		vi.advanceTimersByTime(1000);
		await expect(p).rejects.toThrow('content/slow.js took too long to load');
	});
});

describe('bootArrival', () => {
	it('resolves at once when the boot line fetched nothing', async () => {
		let done = false;
		bootArrival(window).then(() => (done = true));
		await Promise.resolve();
		await Promise.resolve();
		expect(done).toBe(true);
	});

	it("waits for the boot line's fetch to end, but not longer than the timeout", async () => {
		vi.useFakeTimers();
		let end!: () => void;
		(window as unknown as Globals)[BOOT_GLOBAL] = {
			data: {},
			done: new Promise<void>((r) => (end = r))
		};
		let done = false;
		bootArrival(window, 3000).then(() => (done = true));
		await vi.advanceTimersByTimeAsync(100);
		expect(done).toBe(false);
		end();
		await vi.advanceTimersByTimeAsync(0);
		expect(done).toBe(true);

		(window as unknown as Globals)[BOOT_GLOBAL] = { data: {}, done: new Promise(() => {}) };
		let gaveUp = false;
		bootArrival(window, 3000).then(() => (gaveUp = true));
		await vi.advanceTimersByTimeAsync(2999);
		expect(gaveUp).toBe(false);
		await vi.advanceTimersByTimeAsync(1);
		expect(gaveUp).toBe(true);
	});
});

/** The loader already holds these words: ready() gives them, load() resolves with them, nothing is fetched. */
async function expectHeldWithoutFetch(
	loader: ReturnType<typeof createTextLoader>,
	id: string,
	words: unknown
) {
	expect(loader.ready(id)).toEqual(words);
	await expect(loader.load(id)).resolves.toEqual(words);
	expect(document.head.querySelectorAll('script')).toHaveLength(0);
}
