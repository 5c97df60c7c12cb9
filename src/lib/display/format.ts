/** Small display helpers shared by pages (pure). */
import type { Artefact, Principle } from '../engine/types.js';

export function formatMinutes(secs: number): string {
	const m = Math.round(secs / 60);
	if (secs > 0 && m === 0) return 'under a minute';
	return m === 1 ? '1 minute' : `${m} minutes`;
}

/** "1 December 2026" (UK style). */
export function formatDate(iso: string): string {
	const [y, m, d] = iso.split('-').map(Number);
	// Made on first use: making it took 155 ms of a launch at the bench's 4× CPU throttling (its
	// locale data), and this module loads before the first screen, which shows no date (issue 25).
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

/** A scenario's status in words (home page cards and the results page). */
export const STATUS_LABEL = {
	'not-started': 'Not started',
	'in-progress': 'In progress',
	finished: 'Finished'
} as const;

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

/** The learner's own calendar date (their time zone, not UTC) at this moment, yyyy-mm-dd. */
export function localDate(ms: number): string {
	const d = new Date(ms);
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
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

/**
 * What an artefact is, in words, as a screen reader announces it and the review copy lists it:
 * "Email from Sam Patel, subject Thursday’s papers", "Message thread, Mill Lane, 3 messages".
 * (One home: the Artefact component and the text walkers all use this.)
 */
export function artefactLabel(x: Artefact): string {
	const t = x.at;
	const opt = (pre: string, v?: string) => (v ? `${pre}${v}` : '');
	switch (x.a) {
		case 'email':
			return `Email from ${t.from}${opt(' to ', t.to)}, subject ${t.subject}`;
		case 'messages': {
			const n = x.k?.length ?? 0;
			return `Message thread${opt(', ', t.title)}, ${n} message${n === 1 ? '' : 's'}`;
		}
		case 'message':
			return `${t.from}${opt(' at ', t.time)}`;
		case 'post':
			return `Post by ${t.author}${opt(' on ', t.platform)}`;
		case 'comment':
			return `Comment by ${t.author}`;
		case 'letter':
			return `Letter from ${t.from}${opt(' to ', t.to)}`;
		case 'paper':
			return `Paper: ${t.title}${opt(', marked ', t.classification)}`;
		default:
			return `Note${opt(' from ', t.from)}`;
	}
}
