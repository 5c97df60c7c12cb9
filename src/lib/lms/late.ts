/**
 * What the tracker needs once the first screen is up (start.ts loads it): writing to the LMS
 * (scorm.ts and each version's writers) and reconnecting when Initialize failed (reconnect.ts).
 */
import type { Opened } from './open.js';
import { createReconnectingTracker } from './reconnect.js';
import { trackerOver } from './scorm.js';
import { scorm12 } from './scorm12.js';
import { scorm2004 } from './scorm2004.js';
import type { Tracker } from './types.js';

export { createReconnectingTracker };

/** The full tracker over a session open.ts opened. (A package build drops the other version.) */
export function trackerFor(o: Opened): Tracker {
	const v2004 = __SCORM__ === '2004' || (__SCORM__ !== '1.2' && o.options.version === 'scorm2004');
	return trackerOver(o, v2004 ? scorm2004 : scorm12);
}
