/**
 * The attribution check: scenario prose must not claim that a council's protocol says something
 * it does not. A sentence that attributes a rule to the protocol ("the protocol says …", "your
 * protocol expects …", "the rules say …") fails for every council whose protocol has no clause for
 * a principle that the surrounding choice scores (for a step's narrative: any choice of the step;
 * for an ending: the choices that lead to it). Negative statements ("the protocol does not say …")
 * are not claims and pass. Pure: works on the source text and the parsed scenario.
 *
 * Artefacts (<Email>, <Post>, <Messages> …, from their opening tag to their closing tag) are not
 * checked: their words are a character speaking (a resident's post may well say "the protocol
 * says …" wrongly; the choice's feedback puts it right), not the module telling the learner what
 * the protocol says. Feedback and the story around an artefact are checked as before.
 */
import type { Council, Scenario } from '../engine/types.js';
import { ARTEFACT_TAG } from './artefacts.js';
import type { ContentError } from './errors.js';

/** Words that attribute a rule to the protocol (or "the rules"). */
export const ATTRIBUTION =
	/(?:\b(?:the|your|our|this|that|its|their)\s+(?:council['’]s\s+|own\s+)?(?:member\s*\/\s*officer\s+)?protocol|\{council\}['’]s\s+protocol|\bcouncil['’]s\s+protocol|\bprotocol\s+(?:says|said|states|requires|expects|asks|demands|insists|is clear|makes clear|sets out|forbids|bans|prohibits|allows|lets|tells)|\bthe\s+rules?\s+(?:say|says|said|state|states|require|requires|are clear|is clear|forbid|forbids|expect|expects))\b/i;

/** A sentence that says the protocol does NOT say something makes no claim for it. */
const NEGATION =
	/\b(?:does\s+not|may\s+not|might\s+not|doesn['’]t|do\s+not|don['’]t|did\s+not|is\s+silent|are\s+silent|says\s+nothing|say\s+nothing|has\s+no|have\s+no|no\s+clause|not\s+in\s+(?:the|your|this)\s+protocol|whether\s+or\s+not|if\s+(?:the|your)\s+protocol)\b/i;

interface Scope {
	from: number;
	principles: string[];
	what: string;
}

/** The principles in play at each line of the scenario's body. */
function scopes(s: Scenario): Scope[] {
	const out: Scope[] = [];
	const intoEnding = new Map<string, Set<string>>();
	for (const n of Object.values(s.nodes)) {
		if (n.kind !== 'step') continue;
		for (const c of n.choices) {
			const set = intoEnding.get(c.next) ?? new Set<string>();
			for (const [p, v] of Object.entries(c.scores)) if (v !== 0) set.add(p);
			intoEnding.set(c.next, set);
		}
	}
	for (const n of Object.values(s.nodes)) {
		if (n.kind === 'step') {
			const all = [
				...new Set(n.choices.flatMap((c) => Object.keys(c.scores).filter((p) => c.scores[p] !== 0)))
			];
			out.push({ from: n.line, principles: all, what: `step "${n.id}" scores` });
			for (const c of n.choices)
				out.push({
					from: c.line,
					principles: Object.keys(c.scores).filter((p) => c.scores[p] !== 0),
					what: `choice ${c.key} scores`
				});
		} else {
			out.push({
				from: n.line,
				principles: [...(intoEnding.get(n.id) ?? [])],
				what: `the choices leading to ending "${n.id}" score`
			});
		}
	}
	return out.sort((a, b) => a.from - b.from);
}

/** Sentences of one line (roughly: split after . ! ?). */
function sentences(line: string): string[] {
	return line.split(/(?<=[.!?])\s+/).filter((x) => x.trim());
}

/** Every attribution to the protocol, per council whose protocol does not back the principles in play. */
export function attributionProblems(
	file: string,
	source: string,
	scenario: Scenario,
	councils: Council[]
): ContentError[] {
	const errors: ContentError[] = [];
	const sc = scopes(scenario);
	const lines = source.split('\n');
	let body = false;
	let dashes = 0;
	/** How many artefact tags are open before this line. */
	let depth = 0;
	lines.forEach((text, i) => {
		const lineNo = i + 1;
		if (!body) {
			if (text.trim() === '---' && ++dashes === 2) body = true;
			return;
		}
		const tags = [...text.matchAll(ARTEFACT_TAG)];
		const inArtefact = depth > 0 || tags.length > 0;
		for (const t of tags) if (!t[2]) depth = Math.max(0, depth + (t[1] ? -1 : 1));
		if (inArtefact) return;
		if (/^\s*Scores:/i.test(text)) return;
		const scope = [...sc].reverse().find((x) => x.from <= lineNo);
		if (!scope || scope.principles.length === 0) return;
		for (const sentence of sentences(text)) {
			const m = ATTRIBUTION.exec(sentence);
			if (!m || NEGATION.test(sentence)) continue;
			const byPrinciple = new Map<string, string[]>();
			for (const c of councils) {
				for (const p of scope.principles) {
					if (c.principles[p]?.clauses.length) continue;
					byPrinciple.set(p, [...(byPrinciple.get(p) ?? []), c.id]);
				}
			}
			if (byPrinciple.size === 0) continue;
			const which = [...byPrinciple]
				.map(([p, cs]) => `"${p}" (a gap for ${cs.join(', ')})`)
				.join('; ');
			errors.push({
				file,
				line: lineNo,
				message: `"${m[0]}" claims the protocol states this, but ${scope.what} ${which}, which those councils' protocols do not state — reword it as good practice (e.g. "Good practice is …", "It is wise to …"), or say what the law or the council's own procedure requires, without claiming the protocol says it (see docs/authoring.md, "Say only what the protocol says")`
			});
		}
	});
	return errors;
}
