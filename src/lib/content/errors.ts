/** A problem in a content file, reported like a compiler error: file:line: message — fix. */
export interface ContentError {
	file: string;
	line: number;
	message: string;
}

export function formatError(e: ContentError): string {
	return `${e.file}:${e.line}: ${e.message}`;
}

/** Thrown by the build when content is broken; its message lists every problem. */
export class ContentBuildError extends Error {
	constructor(public problems: ContentError[]) {
		super(
			`${problems.length} problem${problems.length === 1 ? '' : 's'} in the course content:\n` +
				problems.map((p) => '  ' + formatError(p)).join('\n')
		);
		this.name = 'ContentBuildError';
	}
}
