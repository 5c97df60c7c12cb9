/**
 * The first screen before the app (issue 25). index.html carries the home page as a fresh learner
 * sees it, rendered at build time from the real layout and home page by Svelte's server renderer
 * (src/lib/content/first-screen.js), inside `<div id="cs-first">` and before the scripts, so it
 * paints while they download and run. With the hash router Kit mounts the app without hydrating,
 * so the app's markup would come next to that copy: the layout calls takeOver() while it starts,
 * which removes the copy in the same task as the app puts its own markup in (nothing paints
 * between, nothing is there twice, no id is doubled), and carries over what the learner did on it.
 *
 * The boot line in src/app.html hides the copy, all but its header, when the module is launched
 * anywhere but the home page (the copy is the home page), and shows it otherwise, with or without
 * JavaScript.
 */
import type { Tracker } from '../lms/types.js';
import type { Role } from './player.svelte.js';

/** The id of the static copy's wrapper (also in src/app.html's boot line). */
export const FIRST_SCREEN_ID = 'cs-first';

/**
 * The tracker the layout gets in the build-time render, where there is no window and no LMS: a
 * learner with nothing saved and nothing to report (the status line empty, as in an LMS at launch).
 * It is never used in a browser.
 */
export function firstScreenTracker(): Tracker {
	const none = () => {};
	return {
		kind: 'local',
		start: () => ({
			kind: 'local',
			learnerName: '',
			suspendData: '',
			resumed: false,
			finished: false
		}),
		declareObjectives: none,
		recordDecision: none,
		updateObjectives: none,
		saveProgress: none,
		commit: none,
		finish: none,
		onStatus: () => none
	};
}

/** What can hold keyboard focus in the copy (and, in the same order, in the app's markup). */
const FOCUSABLE = 'a[href], input, button, select, textarea, [tabindex]';

interface Seat {
	readonly role: Role;
	setRole(r: Role): boolean;
}

/** What takeOver needs of SvelteKit ($app/navigation). */
interface Kit {
	afterNavigate(fn: (nav: { to: { url: URL } | null }) => void): void;
	goto(url: string, opts?: { replaceState?: boolean }): Promise<void>;
}

/** Where the boot line of src/app.html records the last link followed on the static copy. */
export const FOLLOWED_GLOBAL = '__csGo';

/** A hash route without its leading "#" or "#/" ("" is the home page). */
const routeOf = (hash: string) => hash.replace(/^#\/?/, '');

/**
 * Call while the layout starts. Removes the static copy, if there is one; a role the learner
 * picked on it is applied when none is saved yet (a returning learner's saved role wins). Once
 * the first navigation is over (Kit puts focus back at the start of the page until then): a link
 * the learner followed on the copy after Kit had read the address is followed now, else keyboard
 * focus that was in the copy moves to the same control in the app.
 */
export function takeOver(doc: Document, player: Seat, kit: Kit): void {
	const copy = doc.getElementById(FIRST_SCREEN_ID);
	if (!copy) return;
	const picked = copy.querySelector<HTMLInputElement>('input[name="role"]:checked')?.value;
	const active = doc.activeElement;
	const find = active && copy.contains(active) ? finder(copy, active) : null;
	copy.remove();
	if (picked && !player.role) player.setRole(picked as Role);
	let done = false;
	kit.afterNavigate((nav) => {
		if (done) return;
		done = true;
		// (Kit has put the address it read back in the history: the boot line kept the link.)
		const win = doc.defaultView as unknown as Record<string, unknown> | null;
		const followed = win?.[FOLLOWED_GLOBAL];
		if (typeof followed === 'string' && nav.to && routeOf(followed) !== routeOf(nav.to.url.hash))
			void kit.goto(followed);
		else find?.(doc.body)?.focus();
	});
}

/**
 * How to find `el` of `copy` again in the app's markup: by its id, else as the nth link to the
 * same place (a link to "#/" is in the header and the footer), else as the nth focusable element.
 */
function finder(copy: Element, el: Element): (root: Element) => HTMLElement | null {
	if (el.id) return (root) => root.ownerDocument.getElementById(el.id);
	const href = el.getAttribute('href');
	const selector = href !== null ? `a[href="${CSS.escape(href)}"]` : FOCUSABLE;
	const n = [...copy.querySelectorAll(selector)].indexOf(el);
	return (root) => root.querySelectorAll<HTMLElement>(selector)[n] ?? null;
}
