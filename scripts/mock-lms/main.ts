/*
 * Mock LMS for Conduct Scenarios: launches a package from dist/ in an iframe (or a new window),
 * offers it a strict SCORM API (scorm-again, wrapped so that every call is logged), keeps its
 * tracking data in localStorage between launches, and shows what the module did. Bundled into the
 * page's /mock-lms.js by scripts/mock-lms/bundle.ts (scripts/serve.ts serves it).
 *
 * For tests: window.mockLms (below; typed in tests/e2e/helpers.ts) and the query string:
 *   ?package=<slug>          which package (default kingsthorpe-parish-council-scorm12, or the last one used)
 *   ?council=<id>&scorm=2004 the same, by council and version
 *   ?reset=1                 delete this package's stored data before the first launch
 *   ?fault=…                 none | no-api | init-false | setvalue-false | commit-flaky | throws | slow | opener
 *                            | commit-twice (Commit fails twice after each success) | throws-5th (every fifth
 *                            call but the error calls throws) | beacon-refused (Terminate says "true" but its
 *                            data is discarded, as a refused sendBeacon: the LMS keeps what was committed)
 *   &n=3                     setvalue-false: how many SetValue calls fail before it recovers (default 3);
 *                            init-false: how many Initialize calls fail before one works (default: all)
 *   &delay=2000              slow: milliseconds each call blocks for
 *   ?learner=<name>          the learner's name the LMS gives (cmi.core.student_name / cmi.learner_name; default "Bloggs, Jo")
 *   ?learnerid=<id>          the learner's id (cmi.core.student_id / cmi.learner_id; default "mock-learner-001"): another
 *                            learner at the same computer (the stored record is still one per package)
 *   ?mastery=override        SCORM 1.2: let the LMS set passed/failed from score.raw and the mastery score on LMSFinish
 *   ?lms=moodle              SCORM 2004 as Moodle 4.5 (force new attempt = No): see storage.ts
 *   ?newattempt=completed    start a new, empty attempt at launch once the stored attempt is finished
 *   ?apis=both               also offer the other version's API: any call on it is an error
 *
 * As an LMS (in short): only the API of the package's version is offered; data is stored on every
 * successful Commit and on LMSFinish / Terminate, never in between (session.ts); entry and
 * attempts as storage.ts says; a module unloaded without LMSFinish / Terminate keeps only what it
 * last committed (an error is logged); stricter than scorm-again alone as strict.ts says.
 */
import { $, $input, announce, type App } from './app.js';
import { createFaults } from './faults.js';
import { appendCallRow, currentCmi, render, tableHeads } from './inspector.js';
import { launch, relaunch, resetAttempt, setControlsBusy } from './launch.js';
import { createLog } from './log.js';
import { readOptions } from './options.js';
import { buildPicker, choosePackage, findPackage } from './picker.js';
import { clone, loadRecord, removeRecord } from './storage.js';
import type { ApiConstructor, PackageInfo } from './types.js';
import { otherVersion, VERSIONS } from './versions.js';

tableHeads();
let renderPending = false;
const options = readOptions(location.search);
const app: App = {
	options,
	faults: createFaults(options),
	log: createLog({ changed: () => app.changed(), call: appendCallRow }),
	apiClass: (v) =>
		(window as unknown as Record<string, ApiConstructor | undefined>)[VERSIONS[v].ctor],
	announce,
	storageError: (message) => app.log.addError({ source: 'lms', message }, app.session?.id ?? null),
	packages: [],
	pkg: null,
	session: null,
	sessionCount: 0,
	frameLoads: 0,
	iframe: null,
	popup: null,
	popupTimer: undefined,
	busy: false,
	ready: false,
	changed() {
		if (renderPending) return;
		renderPending = true;
		setTimeout(() => {
			renderPending = false;
			render(app);
		}, 40);
	}
};

function wireControls(): void {
	$('relaunch').addEventListener('click', () => void relaunch(app));
	$('reset').addEventListener('click', () => void resetAttempt(app));
	$('switch-version').addEventListener('click', () => {
		const pkg = app.pkg;
		if (!pkg) return;
		const twin = findPackage(app.packages, pkg.council, otherVersion(pkg.version), pkg.variant);
		if (twin)
			void launch(app, twin, 'version switch').then(() => announce(`Switched to ${twin.slug}.`));
	});
	$('hide-error-calls').addEventListener('change', () => {
		const hide = $input('hide-error-calls').checked;
		for (const tr of document.querySelectorAll('#calls tr.error-call'))
			tr.classList.toggle('hidden-call', hide);
	});
	($('fault') as HTMLSelectElement).value = options.fault;
	$('fault-form').addEventListener('submit', (e) => {
		e.preventDefault();
		const p = new URLSearchParams(location.search);
		const f = ($('fault') as HTMLSelectElement).value;
		if (f === 'none') p.delete('fault');
		else p.set('fault', f);
		location.search = p.toString();
	});
}

function start(): void {
	wireControls();
	if (options.reset && options.packageSlug) removeRecord(options.packageSlug);
	fetch('/api/packages', { cache: 'no-store' })
		.then((r) => {
			if (!r.ok) throw new Error(`HTTP ${r.status}`);
			return r.json() as Promise<PackageInfo[]>;
		})
		.then((list) => {
			app.packages = list;
			if (!list.length) {
				$('module-placeholder').textContent =
					'There are no packages in dist/ yet. Run “npm run package” (or “npm start”, which does it for you), then reload this page.';
				setControlsBusy(true);
				app.ready = true;
				return;
			}
			buildPicker(app);
			const pkg = choosePackage(app);
			if (options.reset && !options.packageSlug) removeRecord(pkg.slug);
			return launch(app, pkg, 'first launch');
		})
		.catch((e: Error) => {
			$('module-placeholder').textContent =
				`The list of packages could not be loaded (${e.message}). Is the server (npm start) still running?`;
			app.ready = true;
		});
	render(app);
}

/* ---------- for tests and the browser console (typed in tests/e2e/helpers.ts) ---------- */

(window as unknown as { mockLms: unknown }).mockLms = {
	/** Every API call: { n, t, session, method, element, value, result, error, injected?, strict?, threw?, noted? } */
	calls: app.log.calls,
	/** API calls that returned an error code, simulated faults and LMS-side problems. */
	errors: app.log.errors,
	/** Things a strict LMS might refuse, and LMS notes (e.g. a new attempt started). */
	warnings: app.log.warnings,
	/** GetValue calls answered with 403 (element not set yet): spec behaviour, not a problem. */
	notes: app.log.notes,
	/** scorm-again's own log messages (warnings and errors). */
	libraryLog: app.log.libraryLog,
	/** The CMI now, as plain JSON (write-only elements included); the stored copy before the module starts. */
	cmi: () => currentCmi(app),
	/** The CMI now as { "cmi.core.lesson_status": … } (scorm-again's getFlattenedCMI), or {} before the module starts. */
	flat: () => (app.session?.api ? clone(app.session.api.getFlattenedCMI()) : {}),
	/** What the LMS keeps for the current package, or null. */
	stored: () => (app.pkg ? loadRecord(app.pkg.slug) : null),
	/** The current session: { id, state, entry, attempt, slug, version, fault }. */
	session: () => {
		const s = app.session;
		return s
			? {
					id: s.id,
					state: s.state,
					entry: s.entry,
					attempt: s.attempt,
					slug: s.pkg.slug,
					version: s.pkg.version,
					fault: options.fault
				}
			: null;
	},
	/** The package being shown, as /api/packages lists it. */
	package: () => clone(app.pkg),
	/** Every package in dist/. */
	packages: () => clone(app.packages),
	/** True once the package list has loaded and the first launch has begun. */
	get ready() {
		return app.ready;
	},
	/** How many module documents have loaded (goes up by one with every launch or reload). */
	get frameLoads() {
		return app.frameLoads;
	},
	/** Closes and opens the module again with the stored data (like Re-launch); { clearModuleCopy: true } also clears the module's own localStorage in between. */
	relaunch: (o?: { clearModuleCopy?: boolean }) => relaunch(app, o || {}),
	/** Deletes the stored data and launches again (like Reset attempt). */
	reset: () => resetAttempt(app),
	/** Launches another package by slug; resolves to false if there is none. */
	launch: (slug: string) => {
		const pkg = app.packages.find((p) => p.slug === slug);
		return pkg ? launch(app, pkg, 'launch()') : Promise.resolve(false);
	},
	/** Takes the LMS down (true: every SetValue and Commit fails) or up again, from now on. */
	outage: (down: boolean) => {
		app.faults.setOutage(!!down);
		app.changed();
	},
	/** Empties the call log and the problem lists. */
	clearLog: () => {
		app.log.clear();
		$('calls').replaceChildren();
	}
};

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
