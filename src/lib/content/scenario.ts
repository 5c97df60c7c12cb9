/**
 * Parses one scenario file (Markdown with frontmatter, processed by mdsvex) into the model,
 * reporting every problem with its line. Graph checks live in ../engine/graph.ts.
 */
import { compile } from 'mdsvex';
import type { Choice, Ending, Node, Outcome, Rich, Scenario, Step } from '../engine/types.js';
import type { ContentError } from './errors.js';
import { MAX_SCENARIO_ID, parseFrontmatter } from './frontmatter.js';
import { expandArtefacts } from './artefacts.js';
import { lineOf, paragraphLines, toBlock, toInlines, type MdNode } from './rich.js';
import { checkNodes, readChoiceSettings } from './scenario-checks.js';
import { MAX_INTERACTION_ID, quoteDepthProblem } from './scenario-limits.js';

export {
	encodingProblems,
	MAX_INTERACTION_ID,
	MAX_QUOTE_DEPTH,
	MAX_SCENARIO_BYTES,
	sizeProblem
} from './scenario-limits.js';
export { MAX_SCENARIO_ID };

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const STEP_HEADING = /^(Step|Ending)\s+([^:]*?)\s*:\s*(.*)$/;
const CHOICE_HEADING = /^Choice\s+([^:]*?)\s*:\s*(.*)$/;
const OUTCOMES: Outcome[] = ['good', 'mixed', 'poor'];

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
	const deep = quoteDepthProblem(source);
	if (deep) {
		report(deep.line, deep.message);
		return { errors };
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

	checkNodes(order, asked, report);

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
