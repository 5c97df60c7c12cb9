/**
 * Compact, versioned text form of the learner's progress, for SCORM suspend_data (4,096
 * characters in SCORM 1.2 for the whole course) and the local mirror.
 *
 * Format 1:  1|<content version>|<completed yyyymmdd or ->[|~<role c/o/a>]|<scenario>:<path>:<secs>[:<try>.<try>[:<scenario version>]]|…
 * (The scenario version, Course.scenarioVersions, is a 5th field that readers before it ignore.)
 * Reading never throws: anything it cannot use is dropped with a plain-English notice, and the
 * rest of the progress is kept.
 */
import { MAX_TRIES, walk, type CourseState, type ScenarioProgress } from './session.js';
import type { Role } from './track.js';
import type { Course } from './types.js';

export const STATE_FORMAT = 1;

export interface SavedState extends CourseState {
	/** Date the whole course was first completed, yyyy-mm-dd. */
	completedOn: string | null;
	/** The learner's seat (engine/track.ts), saved as the item "~c", "~o" or "~a"; absent: not chosen. */
	role?: Role;
}

const ROLE_CODES: Record<string, Role> = { c: 'councillor', o: 'officer', a: 'all' };

export function serialise(course: Course, state: SavedState): string {
	const parts = [
		String(STATE_FORMAT),
		course.contentVersion,
		state.completedOn ? state.completedOn.replaceAll('-', '') : '-'
	];
	if (state.role) parts.push('~' + state.role[0]);
	for (const s of course.scenarios) {
		const p = state.progress[s.id];
		if (!p || (!p.path && !p.tries.length && !p.secs)) continue;
		const tries = p.tries.slice(-MAX_TRIES).join('.');
		const ver = course.scenarioVersions?.[s.id] ?? '';
		parts.push(
			`${s.id}:${p.path}:${Math.min(p.secs, 359999)}${tries || ver ? ':' + tries : ''}${ver ? ':' + ver : ''}`
		);
	}
	return parts.join('|');
}

export interface Restored {
	state: SavedState;
	/** Plain-English notes for the learner about anything that could not be restored. */
	notices: string[];
	/**
	 * The text was written by a newer format than this build reads: it must be kept as it is
	 * (never overwritten), so nothing of this session is saved over it.
	 */
	newer?: boolean;
}

const LETTERS = /^[a-i]*$/;
/** What a scenario id looks like (anything else is shown to the learner as "part of your progress"). */
const ID = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** yyyymmdd → yyyy-mm-dd, or null unless it is a real date. */
function dateOf(text: string | undefined): string | null {
	const m = /^(\d{4})(\d{2})(\d{2})$/.exec(text ?? '');
	if (!m) return null;
	const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return d.getUTCFullYear() === Number(m[1]) &&
		d.getUTCMonth() === Number(m[2]) - 1 &&
		d.getUTCDate() === Number(m[3])
		? `${m[1]}-${m[2]}-${m[3]}`
		: null;
}

export function deserialise(course: Course, text: string): Restored {
	const fresh: SavedState = { progress: {}, completedOn: null };
	if (!text || !text.trim()) return { state: fresh, notices: [] };
	const parts = text.trim().split('|');
	const version = Number(parts[0]);
	if (!/^\d+$/.test(parts[0] ?? '')) {
		return {
			state: fresh,
			notices: ['Your saved progress could not be read, so the course starts from the beginning.']
		};
	}
	if (version > STATE_FORMAT) {
		return {
			state: fresh,
			newer: true,
			notices: [
				'Your saved progress comes from a newer version of this course, which this one cannot read. It is kept as it is: nothing you do in this version is saved over it. Ask your training provider which version of the course to use.'
			]
		};
	}
	if (version < 1) {
		return {
			state: fresh,
			notices: [
				'Your saved progress comes from an older version of this course that cannot be read, so the course starts from the beginning.'
			]
		};
	}
	const notices: string[] = [];
	const state: SavedState = { progress: {}, completedOn: dateOf(parts[2]) };
	let unreadable = false;
	for (const item of parts.slice(3)) {
		if (item.startsWith('~') && ROLE_CODES[item.slice(1)]) {
			state.role = ROLE_CODES[item.slice(1)];
			continue;
		}
		const fields = item.split(':');
		const [id, path = '', secsText = '0', triesText = '', savedVersion = ''] = fields;
		const scenario = course.scenarios.find((s) => s.id === id);
		if (!scenario) {
			if (id && ID.test(id) && fields.length >= 3)
				notices.push(
					`Saved progress for a scenario that is no longer in this course ("${id}") was set aside.`
				);
			else if (item) unreadable = true;
			continue;
		}
		// Every item has at least id:path:secs; fewer means the text was cut short here (an LMS
		// that truncates suspend_data), so the path may be cut too: start that scenario again.
		if (fields.length < 3) {
			notices.push(
				`Your saved progress in "${scenario.title}" was cut short, so that scenario starts again from its beginning. Your other progress is kept.`
			);
			state.progress[id] = { path: '', tries: [], secs: 0 };
			continue;
		}
		const secs = /^\d+$/.test(secsText) ? Number(secsText) : 0;
		const tries = triesText
			.split('.')
			.filter((t) => t && LETTERS.test(t) && walk(scenario, t).valid === t.length);
		const p: ScenarioProgress = { path, tries: tries.slice(-MAX_TRIES), secs };
		// Saved under other words or scores (the choice letters may still walk, with new meanings).
		const now = course.scenarioVersions?.[id];
		const changed = /^[0-9a-f]{4}$/.test(savedVersion) && !!now && savedVersion !== now;
		if (changed || !LETTERS.test(path) || walk(scenario, path).valid !== path.length) {
			notices.push(
				`"${scenario.title}" has changed since you last saved, so that scenario starts again from its beginning. Your other progress is kept.`
			);
			p.path = '';
			p.tries = [];
		}
		state.progress[id] = p;
	}
	if (unreadable)
		notices.push(
			'Part of your saved progress could not be read and was set aside. Your other progress is kept.'
		);
	return { state, notices };
}
