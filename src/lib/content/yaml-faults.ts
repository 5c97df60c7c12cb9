/**
 * Plain-words explanations of YAML mistakes in a scenario's frontmatter, at the line of the
 * fault (the parser often notices a mistake lines later, e.g. an unclosed quote at the end).
 * Frontmatter is simple "field: value" lines, so each line is checked on its own first; the
 * parser's own error is only the fallback, reworded by its code.
 */
import type { YAMLError } from 'yaml';

export interface YamlFault {
	/** 0-based line within the frontmatter text. */
	index: number;
	message: string;
}

const HOW =
	'each line is "field: value", starting at the left edge (see "Frontmatter fields" in docs/authoring.md)';
const QUOTE_IT = 'put the whole value in double quotes, e.g. title: "The vote: part one"';

/**
 * Faults found line by line; empty when every line looks like "field: value". With
 * `onlySilent`, only the mistakes YAML accepts without a word (a " #" that cuts a value short).
 */
export function lineFaults(text: string, onlySilent = false): YamlFault[] {
	const faults: YamlFault[] = [];
	const seen = new Map<string, number>();
	const lines = text.split('\n');
	lines.forEach((line, index) => {
		const add = (message: string) => faults.push({ index, message });
		if (onlySilent) {
			if (/^[A-Za-z0-9_-]+:\s+[^"'\s].*\s#/.test(line))
				add(`" #" starts a comment, so the rest of the value would be lost — ${QUOTE_IT}`);
			return;
		}
		if (!line.trim() || line.trim().startsWith('#')) return;
		if (/^\t/.test(line)) return add(`the line starts with a tab — ${HOW}`);
		if (/^ +- /.test(line) || /^- /.test(line))
			return add(
				`a "- item" list line — write a list on one line, e.g. "topics: [confidentiality, roles]"`
			);
		if (/^ /.test(line))
			return add(`the line is indented, so it reads as part of the line above — ${HOW}`);
		const m = /^([A-Za-z0-9_-]+)[ \t]*:(?:[ \t]+(.*))?$/.exec(line);
		if (!m) {
			if (/^[A-Za-z0-9_-]+:\S/.test(line))
				return add(`no space after the colon — write "${line.replace(':', ': ')}"`);
			return add(
				`"${line.trim().slice(0, 40)}" is not a "field: value" line — ${HOW}; if it continues the value above, join the two lines`
			);
		}
		const [, key, raw = ''] = m;
		const value = raw.trim();
		const before = seen.get(key);
		if (before !== undefined)
			add(
				`field "${key}" appears twice (also on line ${before + 1} of the frontmatter) — keep one`
			);
		seen.set(key, index);
		if (!value) return;
		const q = value[0];
		if (q === '"') {
			const close = /^"(?:[^"\\]|\\.)*"/.exec(value);
			if (!close)
				return add(
					`the double quote that opens this value is never closed — end the value with " on the same line`
				);
			if (close[0].length !== value.length && !/^\s*(#.*)?$/.test(value.slice(close[0].length))) {
				return add(
					`text after the closing quote — put the whole value inside one pair of double quotes; inside it write ' or “ ” rather than "`
				);
			}
			return;
		}
		if (q === "'") {
			const close = /^'(?:[^']|'')*'/.exec(value);
			if (!close)
				return add(
					`the single quote that opens this value is never closed — end it with ', or put the value in double quotes`
				);
			if (close[0].length !== value.length && !/^\s*(#.*)?$/.test(value.slice(close[0].length))) {
				return add(
					`an apostrophe inside a value in single quotes ends it early — put the value in double quotes instead`
				);
			}
			return;
		}
		if (q === '[') {
			const opens = value.split('[').length - 1;
			const closes = value.split(']').length - 1;
			if (opens !== closes || !value.trimEnd().endsWith(']'))
				return add(
					`the list's square brackets do not match — write one list on one line, e.g. [confidentiality, roles], with no brackets inside it`
				);
			return;
		}
		if (q === '{')
			return add(
				`a value cannot start with "{" — put the value in double quotes (placeholders such as {council} are fine inside them)`
			);
		if ('@`*&!|>%'.includes(q)) return add(`a value cannot start with "${q}" — ${QUOTE_IT}`);
		if (/:\s/.test(value) || value.endsWith(':'))
			return add(
				`the value contains a colon followed by a space, which reads as a new field — ${QUOTE_IT}`
			);
	});
	return faults;
}

/** The parser's error in plain words, for the rare mistake the line checks do not explain. */
export function plainYamlError(e: YAMLError): string {
	const words: Record<string, string> = {
		MISSING_CHAR: 'a closing quote or bracket is missing',
		BAD_INDENT: 'a line is indented where it should not be, or a list in [ ] is not closed',
		TAB_AS_INDENT: 'a tab is used for indenting',
		DUPLICATE_KEY: 'a field appears twice',
		BLOCK_AS_IMPLICIT_KEY: 'a value contains a colon followed by a space',
		MULTILINE_IMPLICIT_KEY: 'a line is not "field: value"',
		UNEXPECTED_TOKEN: 'something follows a value that should end there',
		BAD_SCALAR_START: 'a value starts with a character YAML keeps for itself'
	};
	return `the frontmatter cannot be read: ${words[e.code] ?? 'it is not in the "field: value" form'} — ${HOW}; ${QUOTE_IT}`;
}
