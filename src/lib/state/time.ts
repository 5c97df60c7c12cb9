/**
 * Time on task: which scenario is open and since when its step has been on screen. Each lap
 * charges the seconds since the last one to a scenario (`charge`; the player adds them to the
 * saved state) and the same clock gives each decision its latency.
 */
export function createStopwatch(now: () => number, charge: (id: string, secs: number) => void) {
	let shownAt = now();
	let current: string | null = null;

	function spend(id: string) {
		const t = now();
		charge(id, (t - shownAt) / 1000);
		shownAt = t;
	}

	return {
		/** The scenario the learner is in, or null before they open one. */
		get current() {
			return current;
		},
		/** Milliseconds from the step being shown to `t`: a decision's latency. */
		since: (t: number) => t - shownAt,
		/** Charges the time so far to this scenario and starts counting again. */
		spend,
		/** The learner opens a scenario (or comes back to it). */
		enter(id: string) {
			if (current && current !== id) spend(current);
			current = id;
			shownAt = now();
		},
		/** A new step is on screen, or the page is going: the open scenario gets the time so far. */
		lap() {
			if (current) spend(current);
		}
	};
}
