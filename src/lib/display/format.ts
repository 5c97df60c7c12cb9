/**
 * Small display helpers the first screen uses (pure): the home page's cards and the saved state's
 * date. The later pages' helpers are in later.ts, and an artefact's label in artefact-label.ts,
 * so that their code is not part of the first download at the home page (issue 25).
 */

/** A scenario's status in words (home page cards and the results page). */
export const STATUS_LABEL = {
	'not-started': 'Not started',
	'in-progress': 'In progress',
	finished: 'Finished'
} as const;

/** The learner's own calendar date (their time zone, not UTC) at this moment, yyyy-mm-dd. */
export function localDate(ms: number): string {
	const d = new Date(ms);
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
