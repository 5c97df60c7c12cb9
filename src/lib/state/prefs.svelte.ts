/**
 * The learner's preferences, kept in this browser and never sent to the LMS: today the name they
 * type for their certificate when the LMS gives none.
 */
import { safeStorage } from '../lms/storage.js';

export interface Prefs {
	get(key: string): string | null;
	set(key: string, value: string): void;
}

/** Preferences in localStorage that never throws (lms/storage.ts, safeStorage). */
export const safePrefs = (win: Window | undefined, prefix: string): Prefs =>
	safeStorage(win, prefix);

/** The learner's name: the LMS's, else the one they gave in this browser before. */
export function createLearnerName(fromLms: string, prefs: Prefs) {
	let name = $state(fromLms || prefs.get('name') || '');
	return {
		get value() {
			return name;
		},
		set(value: string) {
			name = value.trim().slice(0, 100);
			prefs.set('name', name);
		}
	};
}
