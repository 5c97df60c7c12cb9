/**
 * Shape checks for YAML content files with a schema library (valibot), each problem reported at
 * the line of the YAML node it is about, as `file:line: what is wrong — how to fix it`.
 * Build time only (npm run validate, the course plugin): nothing here reaches a learner.
 */
import * as v from 'valibot';
import {
	isAlias,
	isMap,
	isScalar,
	isSeq,
	LineCounter,
	parseDocument,
	type Document,
	type Node
} from 'yaml';
import type { ContentError } from './errors.js';
import { scalarString } from './yaml-syntax.js';

export interface ParsedYaml {
	doc: Document.Parsed;
	/** The line (1-based) of a node, or of the nearest node that exists on a path. */
	lineAt(path: readonly (string | number)[]): number;
}

/** Parse YAML text, keeping node positions; a syntax error is returned as one ContentError. */
export function parseYaml(
	file: string,
	text: string,
	syntaxMessage: (code: string, raw: string, pos: number) => string = (_, raw) =>
		`YAML syntax error: ${raw.split('\n')[0]} — check the indentation and quotation marks on this line and the line above`
): { parsed?: ParsedYaml; error?: ContentError } {
	const lc = new LineCounter();
	const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
	const lineOf = (n: Node | null | undefined) => (n?.range ? lc.linePos(n.range[0]).line : 1);
	const bad = doc.errors[0] ?? doc.warnings[0];
	if (bad)
		return {
			error: {
				file,
				line: lc.linePos(bad.pos[0]).line,
				message: syntaxMessage(bad.code, bad.message, bad.pos[0])
			}
		};
	const lineAt = (path: readonly (string | number)[]) => {
		let node = doc.contents as Node | null;
		let line = lineOf(node);
		for (const key of path) {
			if (isMap(node)) {
				const pair = node.items.find(
					(p) => String((p.key as { value?: unknown })?.value) === String(key)
				);
				if (!pair) break;
				// A key with no value: the key's line.
				line = lineOf((pair.value as Node | null) ?? (pair.key as Node));
				node = pair.value as Node | null;
			} else if (isSeq(node) && typeof key === 'number' && node.items[key]) {
				node = node.items[key] as Node;
				line = lineOf(node);
			} else break;
		}
		return line;
	};
	return { parsed: { doc, lineAt } };
}

/**
 * Check `value` (the document as plain data) against `schema`; every issue becomes a ContentError
 * at the line its path points to. An unknown field is reported at its own line.
 */
export function checkShape<S extends v.GenericSchema>(
	file: string,
	parsed: ParsedYaml,
	schema: S
): { value?: v.InferOutput<S>; errors: ContentError[] } {
	const r = v.safeParse(schema, parsed.doc.toJS(), { abortPipeEarly: true });
	if (r.success) return { value: r.output, errors: [] };
	const errors = r.issues.map((issue) => ({
		file,
		line: parsed.lineAt((issue.path ?? []).map((p) => p.key as string | number)),
		message: issue.message
	}));
	errors.sort((a, b) => a.line - b.line);
	return { errors };
}

/** A YAML alias (`*name`) where a value was expected, kept apart so a message can say so. */
export class YamlAlias {}

/**
 * A YAML node as plain data for a schema: maps and lists as objects and arrays, each value as the
 * text written (`4.10` stays "4.10", `true` stays "true"), trimmed; a blank value is null.
 */
export function plainData(node: unknown): unknown {
	if (isMap(node))
		return Object.fromEntries(node.items.map((p) => [keyText(p.key), plainData(p.value)]));
	if (isSeq(node)) return node.items.map(plainData);
	if (isAlias(node)) return new YamlAlias();
	if (!isScalar(node) || node.value === null) return null;
	const text = scalarString(node).trim();
	return text === '' ? null : text;
}

/** The key node and the value node at `path` in a document's contents; found is false when it is not there. */
export function locate(
	root: unknown,
	path: readonly (string | number)[]
): { found: boolean; key?: Node; value?: Node } {
	let node = root;
	let key: Node | undefined;
	for (const k of path) {
		if (isMap(node)) {
			const pair = node.items.find((p) => keyText(p.key) === String(k));
			if (!pair) return { found: false };
			key = pair.key as Node;
			node = pair.value;
		} else if (isSeq(node) && typeof k === 'number' && k < node.items.length) {
			key = undefined;
			node = node.items[k];
		} else return { found: false };
	}
	return { found: true, key, value: (node as Node | null) ?? undefined };
}

function keyText(key: unknown): string {
	return isScalar(key) ? String(key.value) : String(key);
}
