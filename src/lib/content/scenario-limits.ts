/**
 * The limits a scenario file must keep, checked before it is parsed (docs/authoring.md,
 * "Limits"): its size, its encoding and how deep its quotations nest.
 */
import type { ContentError } from './errors.js';

/**
 * A scenario file may be at most 64 KB (the longest today, chair-grievance.md, is under 17 KB).
 * The tracker sends each decision to the LMS as the interaction id
 * "<scenario-id>_<step-id>", and SCORM 1.2 allows 255 characters (we keep 250, see
 * src/lib/state/tracking.ts); the scenario id also names the scenario in saved progress and
 * its words in content/later.js, so it is kept to 80.
 */
export const MAX_SCENARIO_BYTES = 64 * 1024;
export const MAX_INTERACTION_ID = 250;
/** Quotations inside quotations, at most (">", "> >", "> > >"). */
export const MAX_QUOTE_DEPTH = 3;

/** The file is over the size limit: checked before anything else, as parsing it would be slow. */
export function sizeProblem(file: string, source: string): ContentError | null {
	const bytes = new TextEncoder().encode(source).length;
	if (bytes <= MAX_SCENARIO_BYTES) return null;
	const kb = (n: number) => `${Math.round(n / 1024)} KB`;
	return {
		file,
		line: 1,
		message: `the file is ${kb(bytes)}; a scenario may be at most ${kb(MAX_SCENARIO_BYTES)} — split it into two scenarios (see "Limits" in docs/authoring.md)`
	};
}

/** Text that was not valid UTF-8 when read (decoded as U+FFFD, "�"), line by line. */
export function encodingProblems(file: string, source: string): ContentError[] {
	const errors: ContentError[] = [];
	source.split('\n').forEach((text, i) => {
		const at = text.indexOf('\uFFFD');
		if (at < 0) return;
		const shown =
			text.slice(0, at).split(' ').slice(-3).join(' ') +
			text.slice(at).split(' ').slice(0, 3).join(' ');
		errors.push({
			file,
			line: i + 1,
			message: `column ${at + 1} is not valid UTF-8 text (a learner would see "${shown}") — retype the character there and save the file as UTF-8`
		});
	});
	return errors;
}

/** Quotations nested deeper than MAX_QUOTE_DEPTH (the Markdown parser recurses into them). */
export function quoteDepthProblem(source: string): { line: number; message: string } | null {
	const lines = source.split('\n');
	for (let i = 0; i < lines.length; i++) {
		const depth = (/^(?:[ \t]*>)+/.exec(lines[i])?.[0].match(/>/g) ?? []).length;
		if (depth > MAX_QUOTE_DEPTH)
			return {
				line: i + 1,
				message: `a quotation is nested ${depth} deep here (${'>'.repeat(Math.min(depth, 5))}${depth > 5 ? '…' : ''}); at most ${MAX_QUOTE_DEPTH} — use one ">" for a message the learner receives, two for a message quoted inside it`
			};
	}
	return null;
}
