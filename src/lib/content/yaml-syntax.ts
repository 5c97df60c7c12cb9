/**
 * Reading YAML content files: a value's text as written, and plain words for the parser's syntax
 * errors (council files and scenarios/principles.yaml).
 */
import type { Scalar } from 'yaml';

/** A scalar's text as written: `4.10` stays "4.10" and `true` stays "true". */
export function scalarString(v: Scalar): string {
	return typeof v.value === 'string' ? v.value : (v.source ?? String(v.value));
}

const COLON = [
	'this line contains a second ": ", or is not lined up with the line above',
	'put text that contains a colon in double quotes, and line each field up exactly under the one above it'
];
/** Plain-English [what is wrong, how to fix it] for the YAML parser's error codes. */
const SYNTAX: Partial<Record<string, (raw: string) => [string, string]>> = {
	BLOCK_AS_IMPLICIT_KEY: () => [COLON[0], COLON[1]],
	MULTILINE_IMPLICIT_KEY: () => [COLON[0], COLON[1]],
	TAB_AS_INDENT: () => ['this line is indented with a tab', 'indent with spaces only'],
	BAD_INDENT: (raw) =>
		/^Flow (sequence|map)/.test(raw)
			? [
					'a list in square brackets (or a set in curly brackets) is not closed',
					'close it with ] (or }) on the same line, e.g. principles: [respect.courtesy]'
				]
			: [
					'this line is not lined up with the items above it',
					'put the same number of spaces before it as before the items above'
				],
	MISSING_CHAR: (raw) =>
		/quote/.test(raw)
			? ['a quotation mark is opened but never closed', 'close it at the end of the text']
			: [
					'a line is missing its ": " after the field name',
					'write the field name, a colon and a space, then the value, e.g. ref: "3.1"'
				],
	UNEXPECTED_TOKEN: (raw) =>
		/^Unexpected scalar at node end/.test(raw)
			? [
					'there is more text after a closing quotation mark',
					'if the text itself contains double quotation marks, use the text: >- form (see docs/councils.md); otherwise put the whole text in double quotes'
				]
			: [
					`the parser stopped at something it did not expect (${raw})`,
					'check the indentation and quotation marks on this line and the line above (see docs/councils.md)'
				],
	BAD_DQ_ESCAPE: () => [
		'a backslash (\\) inside double quotes',
		'remove it, or use the text: >- form (see docs/councils.md)'
	],
	BAD_SCALAR_START: (raw) => [
		`a value starts with a character YAML reserves (${raw.replace(/^.*character /, '')})`,
		'put the whole value in double quotes'
	],
	MULTIPLE_DOCS: () => [
		'the file contains a "---" line',
		'remove it: each council file holds one council'
	],
	TAG_RESOLVE_FAILED: () => ['a value starts with "!"', 'put the whole value in double quotes'],
	BAD_ALIAS: () => ['a value starts with "*"', 'put the whole value in double quotes']
};

/** Plain words for a YAML syntax error: what is wrong — how to fix it. */
export function syntaxMessage(code: string, raw: string, src: string, pos: number): string {
	const first = raw
		.split('\n')[0]
		.replace(/ at line \d+, column \d+:?$/, '')
		.trim();
	if (code === 'DUPLICATE_KEY') {
		const lineStart = src.lastIndexOf('\n', pos - 1) + 1;
		const key = src
			.slice(lineStart)
			.split('\n')[0]
			.split(':')[0]
			.replace(/^[\s-]+/, '')
			.trim();
		return `YAML syntax error: "${key}" is given twice at the same level — keep only one`;
	}
	const lineStart = src.lastIndexOf('\n', pos - 1) + 1;
	const lineText = src.slice(lineStart).split('\n')[0];
	if (/^[\s-]*[\w.-]+:\s+[*&]/.test(lineText)) {
		return `YAML syntax error: a value starts with "${lineText.match(/:\s+([*&])/)![1]}", which YAML reads as a reference — put the whole value in double quotes`;
	}
	const [what, how] = SYNTAX[code]?.(first) ?? [
		first.charAt(0).toLowerCase() + first.slice(1),
		'check the indentation and quotation marks on this line and the line above (see docs/councils.md)'
	];
	return `YAML syntax error: ${what} — ${how}`;
}
