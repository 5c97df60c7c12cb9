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
		super(
			`${problems.length} problem${problems.length === 1 ? '' : 's'} in the course content:\n` +
				problems.map((p) => '  ' + formatError(p)).join('\n')
		);
		this.name = 'ContentBuildError';
	}
}
