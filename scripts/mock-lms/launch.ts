/**
 * Launching a package: in an iframe (or, with ?fault=opener, a new window that finds the API on
 * its opener), closing it (its pagehide handler calls LMSFinish), Re-launch and Reset attempt.
 */
import { $, $input, announce, text, type App } from './app.js';
import { createSession } from './call.js';
import { appendSessionRow } from './inspector.js';
import { syncPicker } from './picker.js';
import { closeSession, otherApi, type Session } from './session.js';
import { clearModuleStorage, LAST_KEY, removeRecord } from './storage.js';
import type { PackageInfo } from './types.js';
import { VERSIONS } from './versions.js';

type ApiWindow = Window & Record<string, unknown>;

/** Offers the session's API (and with ?apis=both the other version's) on this window. */
export function installSession(app: App, s: Session): void {
	app.session = s;
	const w = window as unknown as ApiWindow;
	for (const name of ['API', 'API_1484_11']) {
		try {
			delete w[name];
		} catch {
			w[name] = undefined;
		}
	}
	if (app.options.fault !== 'no-api') {
		w[s.v.global] = s.wrapper;
		if (app.options.bothApis) w[s.v.other] = otherApi(app, s);
	}
	app.changed();
}

export function packageUrl(pkg: PackageInfo): string {
	return `/dist/${encodeURIComponent(pkg.slug)}/${pkg.launch.split('/').map(encodeURIComponent).join('/')}`;
}

function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
	return new Promise((done) => {
		const start = Date.now();
		const poll = () => {
			let ok: boolean;
			try {
				ok = check();
			} catch {
				ok = false;
			}
			if (ok || Date.now() - start > timeoutMs) return done(ok);
			setTimeout(poll, 50);
		};
		poll();
	});
}

/** The content window went away (reload, Re-launch, closed window). */
function contentGone(app: App, s: Session | null): void {
	if (!s) return;
	closeSession(app, s);
	// Offer a fresh API for whatever loads next in the same frame or window (a reload).
	if (app.session === s && s.api)
		installSession(app, createSession(app, ++app.sessionCount, s.pkg));
	app.changed();
}

/** Unloads the module (its pagehide handler calls LMSFinish), keeping the frame or window. */
function closeContent(app: App): Promise<void> {
	const frame = app.iframe;
	if (frame) {
		return new Promise((done) => {
			let finished = false;
			const end = () => {
				if (finished) return;
				finished = true;
				frame.remove();
				if (app.iframe === frame) app.iframe = null;
				done();
			};
			frame.addEventListener('load', end, { once: true });
			setTimeout(end, 20000 + (app.options.fault === 'slow' ? app.options.delayMs * 10 : 0));
			try {
				frame.contentWindow!.location.replace('about:blank');
			} catch {
				frame.src = 'about:blank';
			}
		});
	}
	const win = app.popup;
	if (win && !win.closed) {
		try {
			win.location.replace('about:blank');
		} catch {
			/* the window is gone or elsewhere */
		}
		return waitFor(
			() =>
				win.closed ||
				(win.location.href === 'about:blank' && win.document.readyState === 'complete'),
			20000
		).then(() => undefined);
	}
	return Promise.resolve();
}

function watchContentWindow(app: App, win: Window | null): void {
	const doc = win?.document as (Document & { __mockLmsWatched?: boolean }) | undefined;
	if (!win || !doc || doc.__mockLmsWatched) return;
	doc.__mockLmsWatched = true;
	app.frameLoads += 1;
	// Capture: runs before the module's own pagehide listeners, even if one of them stops the
	// event; the check waits until they have all run (the module calls LMSFinish).
	win.addEventListener(
		'pagehide',
		() => {
			const gone = app.session;
			setTimeout(() => contentGone(app, gone), 0);
		},
		true
	);
	app.changed();
}

function openInFrame(app: App, pkg: PackageInfo): void {
	const frame = document.createElement('iframe');
	frame.id = 'module-frame';
	frame.title = `Course module: ${pkg.title}`;
	frame.addEventListener('load', () => {
		const win = frame.contentWindow;
		try {
			if (win && win.location.href !== 'about:blank') watchContentWindow(app, win);
		} catch {
			/* cross-origin: cannot happen here */
		}
	});
	frame.src = packageUrl(pkg);
	$('module-slot').replaceChildren(frame);
	app.iframe = frame;
}

function showPopupPanel(app: App, pkg: PackageInfo, message: string): void {
	const box = text('div', null, 'placeholder');
	box.appendChild(text('p', message));
	const open = app.popup && !app.popup.closed;
	const button = text(
		'button',
		open ? 'Bring the module window to the front' : 'Open the module in a new window',
		'button'
	) as HTMLButtonElement;
	button.type = 'button';
	button.id = 'open-window';
	button.addEventListener('click', () => {
		if (app.popup && !app.popup.closed) app.popup.focus();
		else openPopup(app, pkg);
	});
	box.appendChild(button);
	$('module-slot').replaceChildren(box);
}

function openPopup(app: App, pkg: PackageInfo): void {
	const url = packageUrl(pkg);
	if (app.popup && !app.popup.closed) app.popup.location.replace(url);
	else app.popup = window.open(url, 'conduct-scenarios-module', 'popup=yes,width=1100,height=850');
	const win = app.popup;
	if (!win) {
		showPopupPanel(
			app,
			pkg,
			'Your browser blocked the new window. Allow pop-ups for this page, then press the button again.'
		);
		return;
	}
	clearInterval(app.popupTimer);
	app.popupTimer = setInterval(() => {
		if (win.closed) {
			clearInterval(app.popupTimer);
			if (app.popup === win) showPopupPanel(app, pkg, 'The module window was closed.');
			app.changed();
			return;
		}
		try {
			if (win.location.pathname.startsWith('/dist/') && win.document.readyState === 'complete')
				watchContentWindow(app, win);
		} catch {
			/* navigating */
		}
	}, 100);
	showPopupPanel(
		app,
		pkg,
		'The module is open in a new window, as some LMSs launch it. It finds the SCORM API on this page (its opener).'
	);
}

function updateAddress(pkg: PackageInfo): void {
	const p = new URLSearchParams(location.search);
	p.set('package', pkg.slug);
	for (const k of ['council', 'scorm', 'reset']) p.delete(k);
	try {
		history.replaceState(null, '', `?${p}`);
	} catch {
		/* not important */
	}
}

export function setControlsBusy(busy: boolean): void {
	for (const id of ['relaunch', 'reset', 'launch']) ($(id) as HTMLButtonElement).disabled = busy;
	if (busy) ($('switch-version') as HTMLButtonElement).disabled = true;
}

export function launch(
	app: App,
	pkg: PackageInfo,
	reason: string,
	options: { clearModuleCopy?: boolean } = {}
): Promise<boolean> {
	if (app.busy) return Promise.resolve(false);
	app.busy = true;
	setControlsBusy(true);
	return closeContent(app).then(() => {
		if (options.clearModuleCopy) clearModuleStorage();
		app.pkg = pkg;
		try {
			localStorage.setItem(LAST_KEY, pkg.slug);
		} catch {
			/* private mode */
		}
		updateAddress(pkg);
		const s = createSession(app, ++app.sessionCount, pkg);
		installSession(app, s);
		appendSessionRow(s.id, pkg.slug, reason);
		$('module-name').textContent = `– ${pkg.title} (${VERSIONS[pkg.version].label})`;
		if (app.options.fault === 'opener') {
			if ((app.popup && !app.popup.closed) || reason !== 'first launch') openPopup(app, pkg);
			else
				showPopupPanel(
					app,
					pkg,
					'This launch uses a new window (fault=opener): the module finds the SCORM API on its opener, this page.'
				);
		} else {
			openInFrame(app, pkg);
		}
		syncPicker(app, pkg);
		app.busy = false;
		setControlsBusy(false);
		app.ready = true;
		app.changed();
		return true;
	});
}

export function relaunch(app: App, options: { clearModuleCopy?: boolean } = {}): Promise<boolean> {
	const pkg = app.pkg;
	if (!pkg) return Promise.resolve(false);
	const clear =
		options.clearModuleCopy !== undefined
			? !!options.clearModuleCopy
			: $input('relaunch-local').checked;
	return launch(app, pkg, clear ? 're-launch, module’s own copy cleared' : 're-launch', {
		clearModuleCopy: clear
	}).then((ok) => {
		if (ok)
			announce(
				`Re-launched ${pkg.slug} with its stored data${clear ? ' only (the module’s own copy in this browser was cleared)' : ''}.`
			);
		return ok;
	});
}

export function resetAttempt(app: App): Promise<boolean> {
	const pkg = app.pkg;
	if (!pkg || app.busy) return Promise.resolve(false);
	app.busy = true;
	return closeContent(app).then(() => {
		// Discard what the closing module just stored, then start again.
		removeRecord(pkg.slug);
		const cleared = $input('reset-local').checked ? clearModuleStorage() : 0;
		app.busy = false;
		return launch(app, pkg, 'reset').then((ok) => {
			announce(
				`Attempt reset for ${pkg.slug}${cleared ? ' (and the module’s own copy in this browser cleared)' : ''}. This launch is a first attempt.`
			);
			return ok;
		});
	});
}
