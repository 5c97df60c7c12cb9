/**
 * Small display helpers of the later pages (pure): results, certificate, debrief, protocol, a
 * scenario's ending, and the review copy. Not in format.ts, which the first screen loads: these
 * load with the later pages' code (issue 25).
 */
import type { Principle } from '../engine/types.js';

/** "12 minutes", "under a minute" (time spent, on the results page). */
export function formatMinutes(secs: number): string {
	const m = Math.round(secs / 60);
	if (secs > 0 && m === 0) return 'under a minute';
	return m === 1 ? '1 minute' : `${m} minutes`;
}

/** "1 December 2026" (UK style). */
export function formatDate(iso: string): string {
	const [y, m, d] = iso.split('-').map(Number);
	// Made on first use: making it took 155 ms of a launch at the bench's 4x CPU throttling (its
	// locale data), and a module may load before the page that shows a date (issue 25).
	longDate ??= new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });
	return longDate.format(Date.UTC(y, m - 1, d));
}
let longDate: Intl.DateTimeFormat | undefined;

/** Adds whole months to a yyyy-mm-dd date, clamping to the month's last day. */
export function addMonths(iso: string, months: number): string {
	const [y, m, d] = iso.split('-').map(Number);
	const total = y * 12 + (m - 1) + months;
	const ny = Math.floor(total / 12);
	const nm = (total % 12) + 1;
	const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
	return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** How an ending's outcome is named to the learner (the ending screen and the review copy). */
export const OUTCOME_LABEL = {
	good: 'Handled well',
	mixed: 'A mixed outcome',
	poor: 'Things went wrong'
} as const;

/** A principle's name by its id; the id itself for a principle the course does not hold. */
export function principleNamer(
	principles: Pick<Principle, 'id' | 'name'>[]
): (id: string) => string {
	const names = new Map(principles.map((p) => [p.id, p.name]));
	return (id) => names.get(id) ?? id;
}

/** Whether a council file states a fact: not empty and not "not stated". */
export function stated(v: string): boolean {
	return v.trim() !== '' && v.trim().toLowerCase() !== 'not stated';
}

/** "version: 2; adopted: 21-06-23", leaving out what the protocol does not state ('' if neither). */
export function protocolFacts(p: { version: string; adopted: string }): string {
	return [
		stated(p.version) ? `version: ${p.version}` : '',
		stated(p.adopted) ? `adopted: ${p.adopted}` : ''
	]
		.filter(Boolean)
		.join('; ');
}
