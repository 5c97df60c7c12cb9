/**
 * Markdown (mdast from mdsvex) → the model's safe rich text. Only paragraphs, lists,
 * quotations, bold, italics and line breaks survive; anything else is reported.
 */
import type { Artefact, ArtefactKind, Block, Inline, Rich } from '../engine/types.js';
import { artefactLabel } from '../display/artefact-label.js';

export interface MdNode {
	type: string;
	value?: string;
	depth?: number;
	ordered?: boolean;
	children?: MdNode[];
	position?: { start: { line: number; column: number; offset?: number }; end: { line: number } };
	label?: string;
	/** An `artefact` node (built by artefacts.ts): its tag, attributes and <Message>/<Comment>s. */
	name?: string;
	attrs?: Record<string, string>;
	kids?: MdNode[];
}

export type Report = (line: number, message: string) => void;

const UNSUPPORTED: Record<string, string> = {
	html: 'HTML is not allowed here — write plain text (use **bold** or *italics* for emphasis); an artefact tag such as <Email> goes on its own line, with a blank line before it, outside quotations and lists',
	code: 'code blocks are not allowed in scenario files — write plain text',
	inlineCode: 'code is not allowed in scenario files — remove the backticks',
	image: 'images are not supported — describe the picture in words',
	link: 'links are not supported — write the words without a link',
	table: 'tables are not supported — use a list',
	thematicBreak: 'horizontal rules (---) are not supported in the body — start a new step instead',
	heading: 'this heading is not allowed here'
};

export function lineOf(node: MdNode): number {
	return node.position?.start.line ?? 0;
}

export function toInlines(nodes: MdNode[], report: Report): Inline[] {
	const out: Inline[] = [];
	for (const n of nodes) {
		switch (n.type) {
			case 'text':
				out.push((n.value ?? '').replace(/\s*\n\s*/g, ' '));
				break;
			case 'strong':
				out.push({ b: toInlines(n.children ?? [], report) });
				break;
			case 'emphasis':
				out.push({ i: toInlines(n.children ?? [], report) });
				break;
			case 'break':
				out.push({ br: 1 });
				break;
			case 'linkReference':
				// "[sic]" with no link definition is just text in brackets
				out.push('[', ...toInlines(n.children ?? [], report), ']');
				break;
			case 'html':
				// A closing tag is reported with its opening one.
				if (!/^<\//.test(n.value ?? '')) report(lineOf(n), inlineHtml(n.value ?? ''));
				break;
			default:
				report(
					lineOf(n),
					UNSUPPORTED[n.type] ?? `"${n.type}" is not supported in scenario text — write plain text`
				);
		}
	}
	return mergeStrings(out);
}

/** What is wrong with HTML inside a line of text. */
function inlineHtml(value: string): string {
	const name = /^<([A-Za-z][\w:-]*)/.exec(value)?.[1] ?? '';
	if (/^(script|style)$/i.test(name))
		return `<${name}> is not allowed in scenario files — delete it; scenarios are words only`;
	if (/^[A-Z]/.test(name))
		return `<${name}> must start on its own line — put a blank line before <${name}> and write it as in "Artefacts" in docs/authoring.md`;
	return UNSUPPORTED.html;
}

function mergeStrings(items: Inline[]): Inline[] {
	const out: Inline[] = [];
	for (const item of items) {
		const last = out[out.length - 1];
		if (typeof item === 'string' && typeof last === 'string') out[out.length - 1] = last + item;
		else out.push(item);
	}
	return out;
}

export function toBlock(node: MdNode, report: Report): Block | null {
	switch (node.type) {
		case 'paragraph':
			return { p: toInlines(node.children ?? [], report) };
		case 'list': {
			const items = (node.children ?? []).map((li) => {
				const inl: Inline[] = [];
				for (const c of li.children ?? []) {
					if (c.type === 'paragraph') inl.push(...toInlines(c.children ?? [], report));
					else report(lineOf(c), 'only plain text is allowed inside a list item');
				}
				return inl;
			});
			return node.ordered ? { ol: items } : { ul: items };
		}
		case 'artefact': {
			const body: Block[] = [];
			for (const c of node.children ?? []) {
				const b = toBlock(c, report);
				if (b) body.push(b);
			}
			const art: Artefact = {
				a: (node.name ?? '').toLowerCase() as ArtefactKind,
				at: node.attrs ?? {},
				body
			};
			if (node.kids?.length) art.k = node.kids.map((k) => toBlock(k, report) as Artefact);
			return art;
		}
		case 'blockquote': {
			const inner: Block[] = [];
			for (const c of node.children ?? []) {
				const b = toBlock(c, report);
				if (b) inner.push(b);
			}
			return { q: inner };
		}
		default:
			report(
				lineOf(node),
				UNSUPPORTED[node.type] ?? `"${node.type}" is not supported in scenario files`
			);
			return null;
	}
}

/** Plain text of rich content (for reading-ease figures, descriptions and checks). */
export function plainText(rich: Rich | Inline[]): string {
	const parts: string[] = [];
	const inl = (i: Inline): void => {
		if (typeof i === 'string') parts.push(i);
		else if ('b' in i) i.b.forEach(inl);
		else if ('i' in i) i.i.forEach(inl);
		else parts.push(' ');
	};
	const blk = (b: Block): void => {
		if ('p' in b) b.p.forEach(inl);
		else if ('ul' in b)
			b.ul.forEach((li) => {
				li.forEach(inl);
				parts.push('. ');
			});
		else if ('ol' in b)
			b.ol.forEach((li) => {
				li.forEach(inl);
				parts.push('. ');
			});
		else if ('q' in b) b.q.forEach(blk);
		else if ('a' in b) {
			parts.push(artefactLabel(b), '.\n');
			b.body.forEach(blk);
			b.k?.forEach(blk);
		} else b.c.forEach(inl);
		parts.push('\n');
	};
	for (const x of rich as (Block | Inline)[]) {
		if (typeof x === 'string' || 'b' in x || 'i' in x || 'br' in x) inl(x as Inline);
		else blk(x as Block);
	}
	return parts.join('').trim();
}

/** Applies fn to every string in rich content (used to fill council placeholders). */
export function mapRich(rich: Rich, fn: (s: string) => string): Rich {
	const inl = (i: Inline): Inline =>
		typeof i === 'string'
			? fn(i)
			: 'b' in i
				? { b: i.b.map(inl) }
				: 'i' in i
					? { i: i.i.map(inl) }
					: i;
	const blk = (b: Block): Block =>
		'p' in b
			? { p: b.p.map(inl) }
			: 'ul' in b
				? { ul: b.ul.map((li) => li.map(inl)) }
				: 'ol' in b
					? { ol: b.ol.map((li) => li.map(inl)) }
					: 'q' in b
						? { q: b.q.map(blk) }
						: 'a' in b
							? mapArtefact(b)
							: { h: b.h, c: b.c.map(inl) };
	const mapArtefact = (x: Artefact): Artefact => {
		const out: Artefact = {
			a: x.a,
			at: Object.fromEntries(Object.entries(x.at).map(([k, v]) => [k, fn(v)])),
			body: x.body.map(blk)
		};
		if (x.k) out.k = x.k.map(mapArtefact);
		return out;
	};
	return rich.map(blk);
}

/** A Markdown page (headings allowed, e.g. the accessibility statement) as rich text. */
export function pageToRich(tree: MdNode, report: Report): Rich {
	const out: Rich = [];
	for (const n of tree.children ?? []) {
		if (n.type === 'yaml') continue;
		if (n.type === 'heading')
			out.push({ h: Math.min(n.depth ?? 2, 3), c: toInlines(n.children ?? [], report) });
		else {
			const b = toBlock(n, report);
			if (b) out.push(b);
		}
	}
	return out;
}

/** Text of a paragraph with its lines, for "Key: value" blocks. */
export function paragraphLines(n: MdNode): { text: string; line: number }[] {
	const raw = (n.children ?? []).map((c) => c.value ?? '').join('');
	return raw.split('\n').map((text, i) => ({ text: text.trim(), line: lineOf(n) + i }));
}
