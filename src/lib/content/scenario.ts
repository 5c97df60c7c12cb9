/**
 * Parses one scenario file (Markdown with frontmatter, processed by mdsvex) into the model,
 * reporting every problem with its line. Graph checks live in ../engine/graph.ts.
 */
import { compile } from 'mdsvex';
import type { Choice, Ending, Node, Outcome, Rich, Scenario, Step } from '../engine/types.js';
import type { ContentError } from './errors.js';
import { MAX_SCENARIO_ID, parseFrontmatter } from './frontmatter.js';
import { expandArtefacts } from './artefacts.js';
import { lineOf, toBlock, toInlines, type MdNode } from './rich.js';
import { didYouMean } from './suggest.js';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const STEP_HEADING = /^(Step|Ending)\s+([^:]*?)\s*:\s*(.*)$/;
const CHOICE_HEADING = /^Choice\s+([^:]*?)\s*:\s*(.*)$/;
const OUTCOMES: Outcome[] = ['good', 'mixed', 'poor'];

/**
 * Limits (docs/authoring.md, "Limits"). A scenario file may be at most 64 KB (today's longest
 * is 13 KB). The tracker sends each decision to the LMS as the interaction id
 * "<scenario-id>_<step-id>", and SCORM 1.2 allows 255 characters (we keep 250, see
 * src/lib/state/tracking.ts); the scenario id also names the scenario in saved progress and
 * its words in content/later.js, so it is kept to 80.
 */
export const MAX_SCENARIO_BYTES = 64 * 1024;
export const MAX_INTERACTION_ID = 250;
/** Quotations inside quotations, at most (">", "> >", "> > >"). */
export const MAX_QUOTE_DEPTH = 3;
export { MAX_SCENARIO_ID };

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

/** Reads the markdown tree with mdsvex's own parser (the same one the Svelte build uses). */
export async function markdownTree(source: string): Promise<MdNode> {
	let tree: MdNode | undefined;
	await compile(source, {
		remarkPlugins: [() => (t: unknown) => void (tree = t as MdNode)],
		highlight: false
	});
	if (!tree) throw new Error('mdsvex returned no markdown tree');
	fixApostrophes(tree);
	return tree;
}

/**
 * mdsvex's smart quotes take a "'" straight after "}" for an opening quote ({clerk}'s →
 * "{clerk}‘s"): a quote that follows a letter, a digit or a placeholder's "}" is an apostrophe
 * or a closing quote, so it becomes ’. Walks the tree on a stack (no recursion over nesting).
 */
export function fixApostrophes(tree: MdNode): void {
	const stack = [tree];
	while (stack.length) {
		const n = stack.pop()!;
		if (n.type === 'text' && n.value)
			n.value = n.value.replace(/([}\p{L}\p{N}])\u2018/gu, '$1\u2019');
		if (n.children) stack.push(...n.children);
	}
}

function headingText(n: MdNode): string {
	return (n.children ?? [])
		.map((c) => (c.type === 'text' ? (c.value ?? '') : ''))
		.join('')
		.trim();
}

/** Text of a paragraph with its lines, for "Key: value" blocks. */
function paragraphLines(n: MdNode): { text: string; line: number }[] {
	const raw = (n.children ?? []).map((c) => c.value ?? '').join('');
	return raw.split('\n').map((text, i) => ({ text: text.trim(), line: lineOf(n) + i }));
}

function isKeyParagraph(n: MdNode, keys: string[]): boolean {
	if (n.type !== 'paragraph') return false;
	const first = paragraphLines(n)[0]?.text ?? '';
	return keys.some((k) => first.toLowerCase().startsWith(k.toLowerCase() + ':'));
}

export async function parseScenario(
	file: string,
	source: string,
	principles: ReadonlySet<string>
): Promise<{ scenario?: Scenario; errors: ContentError[] }> {
	const errors: ContentError[] = [];
	const report = (line: number, message: string) => errors.push({ file, line, message });

	// The Markdown parser recurses into nested quotations: stop deep nesting before it does.
	const lines = source.split('\n');
	for (let i = 0; i < lines.length; i++) {
		const depth = (/^(?:[ \t]*>)+/.exec(lines[i])?.[0].match(/>/g) ?? []).length;
		if (depth > MAX_QUOTE_DEPTH) {
			report(
				i + 1,
				`a quotation is nested ${depth} deep here (${'>'.repeat(Math.min(depth, 5))}${depth > 5 ? '…' : ''}); at most ${MAX_QUOTE_DEPTH} — use one ">" for a message the learner receives, two for a message quoted inside it`
			);
			return { errors };
		}
	}

	let tree: MdNode;
	try {
		tree = await markdownTree(source);
	} catch (e) {
		report(
			1,
			`the Markdown could not be read (${(e as Error).message}) — check the file is plain Markdown`
		);
		return { errors };
	}
	const children = tree.children ?? [];
	const fmNode = children[0]?.type === 'yaml' ? children[0] : undefined;
	if (!fmNode) {
		report(
			1,
			'the file has no frontmatter — start it with a --- block giving id, title, audience, topics, summary and minutes (see docs/authoring.md)'
		);
		return { errors };
	}
	const meta = parseFrontmatter(fmNode.value ?? '', lineOf(fmNode) + 1, report);

	const nodes: Record<string, Node> = {};
	const order: Node[] = [];
	let step: Step | null = null;
	let ending: Ending | null = null;
	let choice: Choice | null = null;
	let phase: 'narrative' | 'after-question' = 'narrative';
	/** Steps with a "Question:" line (which may be empty: reported there, once). */
	const asked = new Set<Step>();

	const addNode = (node: Node) => {
		if (nodes[node.id]) {
			report(
				node.line,
				`duplicate id "${node.id}" (also used on line ${nodes[node.id].line}) — give each step and ending its own id`
			);
		} else nodes[node.id] = node;
		order.push(node);
	};
	const block = (n: MdNode, into: Rich) => {
		const b = toBlock(n, report);
		if (b) into.push(b);
	};

	// Artefact tags (<Email …> … </Email>) become checked `artefact` nodes (artefacts.ts).
	const body = await expandArtefacts(children.slice(1), report, markdownTree);
	for (const n of body) {
		if (n.type === 'heading' && n.depth === 2) {
			choice = null;
			step = null;
			ending = null;
			const m = STEP_HEADING.exec(headingText(n));
			if (!m) {
				report(
					lineOf(n),
					`heading "${headingText(n)}" is not a step or an ending — write "## Step <id>: <title>" or "## Ending <id>: <title>"`
				);
				continue;
			}
			const [, kind, id, title] = m;
			if (!ID.test(id))
				report(
					lineOf(n),
					`${kind.toLowerCase()} id "${id}" must be lower case letters, digits and hyphens, e.g. "the-phone-call"`
				);
			if (!title)
				report(lineOf(n), `${kind.toLowerCase()} "${id}" has no title — write one after the colon`);
			if (
				kind === 'Step' &&
				meta &&
				meta.id.length <= MAX_SCENARIO_ID &&
				meta.id.length + 1 + id.length > MAX_INTERACTION_ID
			) {
				report(
					lineOf(n),
					`step id "${id.slice(0, 30)}…" is ${id.length} characters; with the scenario id it makes the LMS interaction id "<scenario-id>_<step-id>", which may be at most ${MAX_INTERACTION_ID} — use at most ${MAX_INTERACTION_ID - 1 - meta.id.length} characters`
				);
			}
			if (kind === 'Step') {
				step = {
					kind: 'step',
					id,
					title,
					narrative: [],
					question: '',
					choices: [],
					line: lineOf(n)
				};
				phase = 'narrative';
				addNode(step);
			} else {
				ending = { kind: 'ending', id, title, outcome: 'mixed', narrative: [], line: lineOf(n) };
				addNode(ending);
				(ending as Ending & { _noOutcome?: boolean })._noOutcome = true;
			}
			continue;
		}
		if (n.type === 'heading' && n.depth === 3) {
			const text = headingText(n);
			const m = CHOICE_HEADING.exec(text);
			if (!step) {
				report(
					lineOf(n),
					`"${text}" is outside a step — choices belong under a "## Step <id>: <title>" heading`
				);
				continue;
			}
			if (!m) {
				report(
					lineOf(n),
					`heading "${text}" is not a choice — write "### Choice <letter>: <what the learner does>"`
				);
				continue;
			}
			const [, key, ctext] = m;
			if (!/^[a-i]$/.test(key))
				report(lineOf(n), `choice letter "${key}" must be one letter from a to i`);
			if (step.choices.some((c) => c.key === key))
				report(
					lineOf(n),
					`duplicate choice letter "${key}" in step "${step.id}" — give each choice its own letter`
				);
			if (!ctext)
				report(
					lineOf(n),
					`choice "${key}" has no text — write what the learner would do after the colon`
				);
			choice = { key, text: ctext, next: '', feedback: [], scores: {}, line: lineOf(n) };
			step.choices.push(choice);
			phase = 'after-question';
			continue;
		}
		if (n.type === 'heading') {
			report(
				lineOf(n),
				`"${'#'.repeat(n.depth ?? 1)} ${headingText(n)}" — use "##" for steps and endings and "###" for choices`
			);
			continue;
		}
		if (choice) {
			if (choice.feedback.length === 0 && !choice.next && isKeyParagraph(n, ['Next', 'Scores'])) {
				readChoiceSettings(n, choice, principles, report);
			} else block(n, choice.feedback);
			continue;
		}
		if (ending) {
			const e = ending as Ending & { _noOutcome?: boolean };
			if (e._noOutcome && isKeyParagraph(n, ['Outcome'])) {
				const [first, ...rest] = paragraphLines(n);
				const value = first.text
					.slice(first.text.indexOf(':') + 1)
					.trim()
					.toLowerCase();
				if (!OUTCOMES.includes(value as Outcome))
					report(first.line, `outcome "${value}" is not allowed — use good, mixed or poor`);
				else e.outcome = value as Outcome;
				delete e._noOutcome;
				if (rest.length)
					report(rest[0].line, 'put a blank line after "Outcome:" before the ending\'s text');
			} else block(n, ending.narrative);
			continue;
		}
		if (step) {
			if (isKeyParagraph(n, ['Question'])) {
				const [first, ...rest] = paragraphLines(n);
				if (asked.has(step))
					report(
						first.line,
						`step "${step.id}" has a second question — keep one question per step`
					);
				asked.add(step);
				const inl = toInlines(n.children ?? [], report);
				const q = inl
					.map((i) => (typeof i === 'string' ? i : ''))
					.join('')
					.replace(/^\s*Question\s*:\s*/i, '')
					.trim();
				step.question = q;
				void rest;
				if (!q)
					report(
						first.line,
						`step "${step.id}" has an empty question — write the question after "Question:"`
					);
				phase = 'after-question';
			} else if (phase === 'after-question') {
				report(
					lineOf(n),
					`text after the question of step "${step.id}" — move it above the "Question:" line`
				);
			} else block(n, step.narrative);
			continue;
		}
		report(lineOf(n), 'text before the first step — start the body with "## Step <id>: <title>"');
	}

	for (const node of order) {
		if (node.kind === 'ending') {
			const e = node as Ending & { _noOutcome?: boolean };
			if (e._noOutcome) {
				report(
					e.line,
					`ending "${e.id}" has no outcome — add a line "Outcome: good", "Outcome: mixed" or "Outcome: poor" under its heading`
				);
				delete e._noOutcome;
			}
			if (e.narrative.length === 0)
				report(e.line, `ending "${e.id}" says nothing about what happened — add a paragraph`);
			continue;
		}
		if (!asked.has(node))
			report(node.line, `step "${node.id}" has no question — add a line "Question: …"`);
		if (node.narrative.length === 0)
			report(node.line, `step "${node.id}" has no story — add a paragraph before the question`);
		if (node.choices.length < 2)
			report(
				node.line,
				`step "${node.id}" has ${node.choices.length} choice${node.choices.length === 1 ? '' : 's'} — give it at least 2 (2 to 4 reads best; at most 9)`
			);
		if (node.choices.length > 9)
			report(
				node.line,
				`step "${node.id}" has ${node.choices.length} choices — SCORM 1.2 allows at most 9; split the step`
			);
		for (const c of node.choices) {
			if (!c.next)
				report(
					c.line,
					`choice "${c.key}" of step "${node.id}" does not say where it leads — add "Next: <step or ending id>" on the line after the choice`
				);
			if (c.feedback.length === 0)
				report(
					c.line,
					`choice "${c.key}" of step "${node.id}" has no feedback — add a paragraph saying why, after its Next:/Scores: lines and a blank line`
				);
			if (Object.keys(c.scores).length === 0)
				report(
					c.line,
					`choice "${c.key}" of step "${node.id}" is not scored — add "Scores: <principle id> +2" (ids from scenarios/principles.yaml)`
				);
		}
	}

	const first = order.find((n) => n.kind === 'step');
	if (!first)
		report(
			lineOf(fmNode),
			'the scenario has no steps — add "## Step <id>: <title>" with a question and choices'
		);
	if (!meta || !first) return { errors };
	return {
		scenario: { ...meta, file, start: first.id, nodes },
		errors
	};
}

function readChoiceSettings(
	n: MdNode,
	choice: Choice,
	principles: ReadonlySet<string>,
	report: (line: number, message: string) => void
) {
	for (const { text, line } of paragraphLines(n)) {
		const m = /^(\w+)\s*:\s*(.*)$/.exec(text);
		if (!m) {
			report(
				line,
				`"${text}" is not a setting — choice settings are "Next: <id>" and "Scores: <principle> +2, …"; leave a blank line before the feedback`
			);
			continue;
		}
		const [, key, value] = m;
		if (key.toLowerCase() === 'next') {
			if (!value)
				report(line, 'Next: is empty — give the id of the step or ending this choice leads to');
			choice.next = value.trim();
		} else if (key.toLowerCase() === 'scores') {
			for (const part of value
				.split(',')
				.map((s) => s.trim())
				.filter(Boolean)) {
				const sm = /^([A-Za-z0-9._-]+)\s+([+-]?\d+)$/.exec(part);
				if (!sm) {
					report(
						line,
						`score "${part}" is not understood — write a principle id and a number, e.g. "confidentiality.no-disclosure +2"`
					);
					continue;
				}
				const points = Number(sm[2]);
				if (points < -2 || points > 2)
					report(
						line,
						`score ${sm[2]} for "${sm[1]}" is out of range — use a whole number from -2 to +2`
					);
				if (!principles.has(sm[1]) && principles.has(sm[1].toLowerCase())) {
					report(
						line,
						`principle "${sm[1]}" is in the wrong case — ids are lower case: write "${sm[1].toLowerCase()}"`
					);
				} else if (!principles.has(sm[1])) {
					report(
						line,
						`unknown principle "${sm[1]}" — use an id from scenarios/principles.yaml${didYouMean(sm[1], [...principles])}`
					);
				}
				if (sm[1] in choice.scores)
					report(line, `"${sm[1]}" is scored twice — score each principle once per choice`);
				choice.scores[sm[1]] = points;
			}
		} else {
			report(line, `unknown setting "${key}:" — choices take "Next:" and "Scores:"`);
		}
	}
}
