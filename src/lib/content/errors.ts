/** A problem in a content file, reported like a compiler error: file:line: message — fix. */
export interface ContentError {
	file: string;
	line: number;
	message: string;
	/** A probable mistake that does not stop the build (printed as "warning:"). */
	warning?: true;
}

export function formatError(e: ContentError): string {
	return `${e.file}:${e.line}: ${e.warning ? 'warning: ' : ''}${e.message}`;
}

/** Thrown by the build when content is broken; its message lists every problem. */
export class ContentBuildError extends Error {
	constructor(public problems: ContentError[]) {
		super(problemReport(problems.map(formatError)));
		this.name = 'ContentBuildError';
	}
}

/**
 * The one way every command (validate, build, package, start, dev/preview) prints content
 * problems, so the same fault reads the same everywhere: a count, one file:line line each,
 * and what to do next.
 */
/** Which guide explains the files these problems are in: council files, scenario files, or both. */
function docsFor(lines: string[]): string {
	const councils = lines.some((l) => l.includes('councils/'));
	const scenarios = lines.some((l) => !l.includes('councils/'));
	return [
		scenarios && 'docs/authoring.md explains the scenario format',
		councils && 'docs/councils.md explains council files'
	]
		.filter(Boolean)
		.join('; ');
}

export function problemReport(lines: string[]): string {
	const n = lines.length;
	return (
		`✗ ${n} problem${n === 1 ? '' : 's'} in the course content:\n\n` +
		lines.join('\n') +
		`\n\nFix each line above, then run the command again (npm run validate checks the content alone). ${docsFor(lines)}.`
	);
}

/** Warnings: probable mistakes that do not stop the build. */
export function warningReport(lines: string[]): string {
	const n = lines.length;
	return `! ${n} warning${n === 1 ? '' : 's'} about the course content (the build goes on):\n\n${lines.join('\n')}`;
}
