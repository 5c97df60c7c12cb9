/**
 * No unload / beforeunload handlers (blocked in LMS iframes, unreliable on mobile, and they stop
 * the back/forward cache): visibilitychange → commit, pagehide → finish once, pageshow from the
 * back/forward cache → resume (a new LMS session, or a message).
 */
import type { Tracker } from './types.js';

/**
 * Page lifecycle: when the page is hidden, commit; on pagehide, finish (once). In SCORM 2004 the
 * hidden-commit waits a tick, so that when the page is going away (visibilitychange and pagehide
 * come in the same task) the commit finish makes before Terminate is the only one. `beforeSave`
 * runs first on both (e.g. the player saving time spent, without committing). Returns an unbind
 * function.
 */
export function bindLifecycle(win: Window, tracker: Tracker, beforeSave?: () => void): () => void {
	let done = false;
	const run = (f?: () => void) => {
		try {
			f?.();
		} catch (e) {
			console.warn('[lms] beforeSave threw', e);
		}
	};
	let timer: number | undefined;
	const onVisibility = () => {
		if (done || win.document.visibilityState !== 'hidden') return;
		run(beforeSave);
		if (tracker.kind !== 'scorm2004') return tracker.commit();
		win.clearTimeout(timer);
		timer = win.setTimeout(() => done || tracker.commit(), 0);
	};
	const onPageHide = () => {
		if (done) return;
		done = true;
		win.clearTimeout(timer);
		run(beforeSave);
		tracker.finish();
	};
	// Back from the back/forward cache: the session was finished on pagehide; start it again where
	// the LMS allows (tracker.resume), else the tracker tells the learner. Finish again next time.
	const onPageShow = (e: PageTransitionEvent) => {
		if (!e.persisted || !done) return;
		done = false;
		try {
			tracker.resume?.();
		} catch (err) {
			console.warn('[lms] resume threw', err);
		}
	};
	win.document.addEventListener('visibilitychange', onVisibility);
	win.addEventListener('pagehide', onPageHide);
	win.addEventListener('pageshow', onPageShow);
	return () => {
		win.clearTimeout(timer);
		win.document.removeEventListener('visibilitychange', onVisibility);
		win.removeEventListener('pagehide', onPageHide);
		win.removeEventListener('pageshow', onPageShow);
	};
}
