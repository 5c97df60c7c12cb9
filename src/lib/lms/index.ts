/**
 * The one entry point for the state layer: pick the tracker (start.ts), and wire it to the page
 * lifecycle (lifecycle.ts).
 */
import * as late from './late.js';
import { startTracker } from './start.js';
import type { Tracker, TrackerOptions } from './types.js';

export type * from './types.js';
export { bindLifecycle } from './lifecycle.js';

/**
 * Find the LMS API of the package's version, initialise it and return its tracker; without an
 * API, the local tracker (which reports 'no-lms'). When Initialize fails, the local tracker too,
 * for a learner whose identity is unknown (it starts empty and loads no one's copy), trying
 * Initialize again at later commits (reconnect.ts). Never throws. All its code is here at once;
 * the module itself starts with startTracker and loads the writing code after the first screen.
 */
export function createTracker(win: Window, options: TrackerOptions): Tracker {
	return startTracker(win, options, late);
}
