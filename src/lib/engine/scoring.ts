/** Scoring rules: pure functions over the model. */
import type { Choice, Step } from './types.js';

export function choiceTotal(c: Choice): number {
	return Object.values(c.scores).reduce((a, b) => a + b, 0);
}

/** The recommended choice: the one with the highest total (the checker ensures it is unique). */
export function recommended(step: Step): Choice {
	return step.choices.reduce((best, c) => (choiceTotal(c) > choiceTotal(best) ? c : best));
}

/** Quality of one decision from 0 (the worst choice available) to 1 (the recommended one). */
export function decisionQuality(step: Step, choice: Choice): number {
	const totals = step.choices.map(choiceTotal);
	const max = Math.max(...totals);
	const min = Math.min(...totals);
	return max === min ? 1 : (choiceTotal(choice) - min) / (max - min);
}
