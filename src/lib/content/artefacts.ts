/**
 * Artefact tags in scenario Markdown (<Email>, <Messages>/<Message>, <Post>/<Comment>, <Letter>,
 * <Paper>, <Note>; docs/authoring.md, "Artefacts"): the vocabulary, and the step that turns the
 * Markdown tree's HTML nodes into checked `artefact` nodes before the body is read.
 *
 * mdsvex's parser gives a tag written on its own line, with blank lines around its body, as
 * separate nodes (`<Email …>`, the body's paragraphs, `</Email>`), and a block written without
 * blank lines (a whole `<Messages>…</Messages>`) as one HTML node. Both are split here into tags
 * and text; the text is parsed again as Markdown, so a body is the same safe Markdown as the rest
 * of a step. Nothing an author writes is ever passed on as HTML: only the data model is.
 */
import type { ArtefactKind } from '../engine/types.js';
import { type MdNode, type Report } from './rich.js';
import { closest } from './suggest.js';

interface TagSpec {
	kind: ArtefactKind;
	required: string[];
	optional: string[];
	/** The tag it must sit in (one per line, no blank lines between). */
	inside?: string;
	/** The tag it holds as children (a <Messages>' <Message>s, a <Post>'s <Comment>s). */
	holds?: string;
}

/** The whole vocabulary (the contract in docs/authoring.md, "Artefacts"). */
export const ARTEFACT_TAGS: Record<string, TagSpec> = {
	Email: { kind: 'email', required: ['from', 'subject'], optional: ['to', 'cc', 'date'] },
	Messages: { kind: 'messages', required: [], optional: ['title'], holds: 'Message' },
	Message: { kind: 'message', required: ['from'], optional: ['time'], inside: 'Messages' },
	Post: {
		kind: 'post',
		required: ['author'],
		optional: ['platform', 'time', 'reactions'],
		holds: 'Comment'
	},
	Comment: { kind: 'comment', required: ['author'], optional: ['time'], inside: 'Post' },
	Letter: { kind: 'letter', required: ['from'], optional: ['to', 'date', 'subject'] },
	Paper: { kind: 'paper', required: ['title'], optional: ['classification', 'ref', 'date'] },
	Note: { kind: 'note', required: [], optional: ['from'] }
};
const NAMES = Object.keys(ARTEFACT_TAGS);
const LIST = NAMES.map((n) => `<${n}>`).join(', ');
/** Matches a line that opens or closes an artefact tag (for line-based checks). */
export const ARTEFACT_LINE = new RegExp(`^\\s*<(/?)(${NAMES.join('|')})\\b`);

/** A tag, or a node of Markdown, in the order written. */
interface Tag {
	type: 'tag';
	name: string;
	close: boolean;
	selfClose: boolean;
	attrs: Record<string, string>;
	named: Set<string>;
	line: number;
}
type Item = MdNode | Tag;

const TAG = /<(\/?)([A-Za-z][\w:-]*)((?:[^<>"']|"[^"]*"|'[^']*')*)>/g;
const ATTR = /\s*([^\s="'<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/y;
const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'wbr', 'source', 'embed']);
const KEY_PARAGRAPH = /^(Question|Next|Scores|Outcome)\s*:/i;

function tagLabel(name: string): string {
	return `<${name}>`;
}

/** Curly apostrophes and quotes in attribute values, as mdsvex gives the rest of the text. */
function typography(s: string): string {
	return s
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/([}\p{L}\p{N}.,!?])'/gu, '$1\u2019')
		.replace(/'/g, '\u2018');
}

function readAttrs(raw: string, name: string, line: number, report: Report) {
	const attrs: Record<string, string> = {};
	/** Attributes written, or meant (a typo's nearest name), even if wrongly: not "missing". */
	const named = new Set<string>();
	let selfClose = false;
	let rest = raw.replace(/\s*\/\s*$/, () => {
		selfClose = true;
		return '';
	});
	ATTR.lastIndex = 0;
	while (rest.trim()) {
		ATTR.lastIndex = 0;
		const m = ATTR.exec(rest);
		if (!m || !m[0].trim()) {
			const shown = rest.trim().split(/\s+/)[0].slice(0, 30);
			report(
				line,
				`"${shown}" in ${tagLabel(name)} is not an attribute — write name="value" (plain text in double quotes; placeholders such as {clerk} go inside the quotes)`
			);
			break;
		}
		rest = rest.slice(m[0].length);
		const [, key, dq, sq, bare] = m;
		named.add(key);
		const spec = ARTEFACT_TAGS[name];
		if (/^on/i.test(key)) {
			report(
				line,
				`event handler "${key}" in ${tagLabel(name)} is not allowed — remove it (artefacts take plain text attributes only)`
			);
			continue;
		}
		if (!spec) continue;
		const allowed = [...spec.required, ...spec.optional];
		if (!allowed.includes(key)) {
			const guess = closest(key, allowed);
			if (guess) named.add(guess);
			report(
				line,
				`unknown attribute "${key}" in ${tagLabel(name)}${guess ? ` (did you mean "${guess}"?)` : ''} — ${tagLabel(name)} takes ${allowed.map((a) => `${a}="…"`).join(', ')}`
			);
			continue;
		}
		if (dq === undefined) {
			report(
				line,
				sq === undefined && bare === undefined
					? `attribute "${key}" in ${tagLabel(name)} has no value — write ${key}="…"`
					: `attribute "${key}" in ${tagLabel(name)} must be in double quotes — write ${key}="${sq ?? bare}"`
			);
			continue;
		}
		if (key in attrs)
			report(line, `attribute "${key}" is given twice in ${tagLabel(name)} — keep one`);
		attrs[key] = typography(dq);
	}
	return { attrs, named, selfClose };
}

function lineAt(text: string, index: number, start: number): number {
	let line = start;
	for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
	return line;
}

/** Strips the indent common to every non-blank line (so a body is not read as code). */
function dedent(text: string): string {
	const lines = text.split('\n');
	const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
	const cut = indents.length ? Math.min(...indents) : 0;
	return lines.map((l) => l.slice(cut)).join('\n');
}

function shift(n: MdNode, by: number): void {
	const stack = [n];
	while (stack.length) {
		const x = stack.pop()!;
		if (x.position) {
			x.position.start.line += by;
			x.position.end.line += by;
		}
		if (x.children) stack.push(...x.children);
	}
}

/** An HTML node's value as tags and the Markdown between them. */
async function tokenise(
	node: MdNode,
	report: Report,
	parse: (text: string) => Promise<MdNode>
): Promise<Item[]> {
	const value = node.value ?? '';
	const start = node.position?.start.line ?? 0;
	const out: Item[] = [];
	let at = 0;
	const text = async (upTo: number) => {
		const chunk = value.slice(at, upTo);
		if (!chunk.trim()) return;
		const lead = /^\s*\n/.exec(chunk)?.[0] ?? '';
		const firstLine = lineAt(value, at + lead.length, start);
		const tree = await parse(dedent(chunk.slice(lead.length)));
		for (const c of tree.children ?? []) {
			shift(c, firstLine - 1);
			out.push(c);
		}
	};
	const comment = /<!--[\s\S]*?(?:-->|$)/g;
	for (const m of value.matchAll(comment))
		report(
			lineAt(value, m.index ?? 0, start),
			'HTML comments are not allowed in scenario files — delete the comment (keep notes for authors outside the scenario file)'
		);
	const src = value.replace(comment, (c) => c.replace(/[^\n]/g, ' '));
	for (const m of src.matchAll(TAG)) {
		const index = m.index ?? 0;
		await text(index);
		at = index + m[0].length;
		const [, slash, name, rawAttrs] = m;
		const line = lineAt(value, index, start);
		const { attrs, named, selfClose } = slash
			? { attrs: {}, named: new Set<string>(), selfClose: false }
			: readAttrs(rawAttrs, name, line, report);
		if (slash && rawAttrs.trim())
			report(line, `the closing tag </${name}> takes no attributes — write </${name}>`);
		out.push({ type: 'tag', name, close: !!slash, selfClose, attrs, named, line });
	}
	await text(value.length);
	return out;
}

interface Frame {
	/** null: a tag that is not an artefact (reported; its content stays in the parent). */
	spec: TagSpec | null;
	name: string;
	drop: boolean;
	attrs: Record<string, string>;
	line: number;
	body: MdNode[];
	kids: MdNode[];
}

function isTag(x: Item): x is Tag {
	return x.type === 'tag' && 'close' in x;
}

function keyParagraph(n: MdNode): boolean {
	if (n.type !== 'paragraph') return false;
	const first = n.children?.[0];
	return first?.type === 'text' && KEY_PARAGRAPH.test((first.value ?? '').trimStart());
}

/**
 * The body's top-level nodes with every artefact tag turned into one `artefact` node
 * ({ type: 'artefact', name, attrs, children: body, kids: <Message>s or <Comment>s }),
 * reporting each problem with its line.
 */
export async function expandArtefacts(
	nodes: MdNode[],
	report: Report,
	parse: (text: string) => Promise<MdNode>
): Promise<MdNode[]> {
	const items: Item[] = [];
	for (const n of nodes) {
		if (n.type === 'html') items.push(...(await tokenise(n, report, parse)));
		else items.push(n);
	}
	const root: MdNode[] = [];
	const stack: Frame[] = [];
	const top = () => stack[stack.length - 1];
	const add = (n: MdNode) => (stack.length ? top().body.push(n) : root.push(n));

	const finish = (f: Frame) => {
		if (f.drop) return;
		const parent = top();
		if (!f.spec) {
			for (const n of [...f.body, ...f.kids]) add(n);
			return;
		}
		const label = tagLabel(f.name);
		if (f.spec.holds === 'Message') {
			for (const b of f.body)
				report(
					b.position?.start.line ?? f.line,
					`only <Message> lines go inside ${label} — put this text in a <Message from="…">…</Message>, or move it out of the thread`
				);
			if (!f.kids.length)
				report(
					f.line,
					`${label} has no messages — add one <Message from="…">…</Message> per line before </${f.name}>`
				);
		} else if (!f.body.length)
			report(f.line, `${label} is empty — write its text between ${label} and </${f.name}>`);
		if (f.spec.inside && (f.body.length > 1 || (f.body[0] && f.body[0].type !== 'paragraph')))
			report(
				f.line,
				`a ${label} is one line of text — keep it to one paragraph with no lists or blank lines`
			);
		const node: MdNode = {
			type: 'artefact',
			name: f.name,
			attrs: f.attrs,
			children: f.body,
			kids: f.kids,
			position: { start: { line: f.line, column: 1 }, end: { line: f.line } }
		};
		if (f.spec.inside && parent?.spec?.holds === f.name) parent.kids.push(node);
		else if (!f.spec.inside) add(node);
	};
	const unclosed = (f: Frame, why: string) => {
		if (f.spec || f.drop)
			report(f.line, `<${f.name}> is not closed ${why} — add </${f.name}> on its own line`);
		finish(f);
	};
	const closeAll = (why: string) => {
		while (stack.length) unclosed(stack.pop()!, why);
	};

	for (const x of items) {
		if (!isTag(x)) {
			if (stack.length && (x.type === 'heading' || keyParagraph(x))) {
				closeAll(`before line ${x.position?.start.line ?? '?'}`);
			}
			add(x);
			continue;
		}
		const lower = x.name.toLowerCase();
		if (x.close) {
			const i = stack.findLastIndex((f) => f.name === x.name);
			if (i < 0) {
				if (!VOID.has(lower))
					report(
						x.line,
						`</${x.name}> closes nothing — there is no <${x.name}> open here${ARTEFACT_TAGS[x.name] ? '' : ` (artefact tags are ${LIST})`}`
					);
				continue;
			}
			while (stack.length > i + 1) unclosed(stack.pop()!, `before </${x.name}> on line ${x.line}`);
			finish(stack.pop()!);
			continue;
		}
		const spec = ARTEFACT_TAGS[x.name] ?? null;
		const frame: Frame = {
			spec,
			name: x.name,
			drop: false,
			attrs: x.attrs,
			line: x.line,
			body: [],
			kids: []
		};
		if (lower === 'script' || lower === 'style') {
			report(
				x.line,
				`<${x.name}> is not allowed in scenario files — delete it and everything up to </${x.name}>; scenarios are words only (see "Artefacts" in docs/authoring.md for the tags you can use)`
			);
			frame.drop = true;
		} else if (!spec) {
			const guess = closest(x.name, NAMES);
			report(
				x.line,
				guess
					? `unknown tag <${x.name}> (did you mean <${guess}>?) — the artefact tags are ${LIST}, spelt with a capital letter`
					: `HTML tag <${x.name}> is not allowed — write plain text (use **bold** or *italics* for emphasis), or one of the artefact tags ${LIST}`
			);
			if (VOID.has(lower) || x.selfClose) continue;
		} else {
			const parent = top();
			for (const r of spec.required)
				if (!x.named.has(r))
					report(
						x.line,
						`<${x.name}> has no ${r}="…" — add it, e.g. <${x.name} ${r}="…"> (required: ${spec.required.join(', ')})`
					);
				else if (x.attrs[r] === '')
					report(x.line, `${r}="" in <${x.name}> is empty — write who or what it is`);
			if (spec.inside && parent?.name !== spec.inside)
				report(
					x.line,
					`<${x.name}> is outside <${spec.inside}> — put it on its own line inside a <${spec.inside}>…</${spec.inside}>`
				);
			else if (!spec.inside && parent?.spec)
				report(
					x.line,
					`<${x.name}> cannot go inside <${parent.name}> — close </${parent.name}> first; artefacts sit one after another, not inside each other`
				);
		}
		if (x.selfClose) finish(frame);
		else stack.push(frame);
	}
	closeAll('before the end of the file');
	return root;
}
