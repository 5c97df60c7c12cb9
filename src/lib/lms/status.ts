/**
 * The learner-facing status: the messages (plain UK English) and a tiny emitter that reports a
 * change once, and replays a current problem to a listener that subscribes late.
 *
 * Each kind of problem is told once per session: after it clears ('ok'), the same kind coming
 * back (an LMS whose every other Commit fails) is not shown again — the progress is still kept
 * in this browser and sent again, and a message flashing on and off with every decision would
 * only alarm the learner (and a screen reader would announce it each time). 'sent' (the final
 * result has reached the LMS after a problem) is good news: it stays until another problem.
 */
import type { TrackerStatus } from './types.js';

export const MESSAGES = {
	ok: 'Your progress is being saved to the learning system again.',
	lmsError:
		'We could not save your progress to the learning system just now. Carry on: your progress is kept in this browser and we will try again.',
	noLms: 'No learning system found: your progress is saved in this browser only.',
	initFailed:
		'We could not connect to the learning system: your progress is saved in this browser only.',
	resultPending:
		'Your result has not reached the learning system yet. Keep this page open while we try again: your result is kept in this browser.',
	sent: 'Your result has been sent to the learning system.',
	reopened:
		'This page was reopened from your browser’s history after the learning system had closed it: your progress is saved in this browser only. To save it to the learning system, close the course and open it again from there.'
} as const;

export interface StatusHub {
	readonly current: TrackerStatus;
	/** Report a status; ignored when it is the same kind as the current one, or a problem already told. */
	emit(status: TrackerStatus): void;
	on(listener: (status: TrackerStatus) => void): () => void;
}

export function createStatus(): StatusHub {
	let current: TrackerStatus = { kind: 'ok', message: '' };
	const told = new Set<TrackerStatus['kind']>();
	const listeners = new Set<(status: TrackerStatus) => void>();
	const tell = (listener: (status: TrackerStatus) => void, status: TrackerStatus) => {
		try {
			listener(status);
		} catch (e) {
			console.warn('[lms] status listener threw', e);
		}
	};
	return {
		get current() {
			return current;
		},
		emit(status) {
			if (status.kind === current.kind) return;
			if (status.kind === 'ok' && current.kind === 'sent') return; // the good news stays
			if (status.kind !== 'ok') {
				if (told.has(status.kind)) return; // told once already this session
				told.add(status.kind);
			}
			current = status;
			for (const l of [...listeners]) tell(l, status);
		},
		on(listener) {
			listeners.add(listener);
			if (current.kind !== 'ok') tell(listener, current);
			return () => void listeners.delete(listener);
		}
	};
}
