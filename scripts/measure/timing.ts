/**
 * Time to a control on screen, as npm run bench measures it: the page loaded in Chromium with 4×
 * CPU throttling and a slow-4G network, and the time taken in the page from navigation start to
 * the first frame painted with the control in it (an init script watches; the harness only
 * listens, so its own polling is not on the throttled main thread).
 */
import type { Browser } from 'playwright-core';

const SLOW_4G = {
	offline: false,
	latency: 150,
	downloadThroughput: (1.6 * 1024 * 1024) / 8,
	uploadThroughput: (750 * 1024) / 8
};

/**
 * Loads `url` throttled and returns when `selector` is first on screen, measured in the page
 * (ms from navigation start to the first frame painted with it, so the harness's own polling is
 * not on the throttled main thread) and by the harness's clock (ms from goto to seeing it).
 */
export async function timed(
	browser: Browser,
	url: string,
	selector: string
): Promise<{ page: number; wall: number }> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	// A string, not a function: tsx would wrap a function's inner helpers in its own __name().
	await page.addInitScript(`(() => {
		const sel = ${JSON.stringify(selector)};
		let waiting = false;
		const observer = new MutationObserver(() => {
			if (waiting || !document.querySelector(sel)) return;
			waiting = true;
			// In the next frame, before it paints (layout is due then anyway): is it laid out?
			requestAnimationFrame(() => {
				waiting = false;
				const el = document.querySelector(sel);
				if (!el || !el.getClientRects().length) return;
				observer.disconnect();
				// A message task runs after that frame has painted.
				const ch = new MessageChannel();
				ch.port1.onmessage = () => console.debug('bench:shown', performance.now());
				ch.port2.postMessage(0);
			});
		});
		observer.observe(document, { childList: true, subtree: true });
	})()`);
	const shown = new Promise<number>((resolve) =>
		page.on('console', (m) => {
			const [tag, ms] = m.text().split(' ');
			if (tag === 'bench:shown') resolve(Number(ms));
		})
	);
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
	await cdp.send('Network.enable');
	await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
	const start = Date.now();
	await page.goto(url, { waitUntil: 'commit' });
	const inPage = await Promise.race([
		shown,
		new Promise<number>((_, reject) =>
			setTimeout(() => reject(new Error(`${url}: ${selector} not shown in 30 s`)), 30000)
		)
	]);
	const wall = Date.now() - start;
	await context.close();
	return { page: Math.round(inPage), wall };
}
