/**
 * The review copy's units: every piece of text one council's learners can see, keyed by where it
 * sits (scenario, step, choice), with its sentences and a fingerprint of the data that feeds it.
 * `npm run review-copy -- --since=…` compares two sets of units to mark what changed since the
 * last sign-off. Pure: no DOM, no Svelte.
 */
import type { Course, Inline, Rich, Scenario } from '../engine/types.js';
import { artefactLabel } from '../display/artefact-label.js';

export interface Unit {
	/** Stable address, e.g. "leak/start/choice-b". */
	key: string;
	/** Where it is, in words: "The forwarded email › Choice b". */
	label: string;
	sentences: string[];
	/** Changes when anything shown with the unit changes (scores, clause, gap note). */
	fp: string;
}

export type UnitStatus = 'added' | 'changed' | 'unchanged';

export interface UnitChange {
	status: UnitStatus;
	/** Sentences new in this version (for a changed unit). */
	added: string[];
	/** Sentences no longer there (for a changed unit). */
	removed: string[];
}

export interface ReviewDiff {
	byKey: Record<string, UnitChange>;
	/** Units of the earlier version that are gone. */
	removed: Unit[];
	/** Scenario ids whose every unit is unchanged. */
	unchangedScenarios: string[];
}

function inlineText(items: Inline[]): string {
	return items
		.map((i) =>
			typeof i === 'string' ? i : 'b' in i ? inlineText(i.b) : 'i' in i ? inlineText(i.i) : ' '
		)
		.join('');
}

/** Plain text of rich content, one entry per paragraph or list item. */
export function richParagraphs(rich: Rich): string[] {
	const out: string[] = [];
	for (const b of rich) {
		if ('p' in b) out.push(inlineText(b.p));
		else if ('ul' in b) out.push(...b.ul.map(inlineText));
		else if ('ol' in b) out.push(...b.ol.map(inlineText));
		else if ('h' in b) out.push(inlineText(b.c));
		else if ('a' in b) {
			// An artefact: what it is, each attribute (a changed date or subject is a change), its words.
			out.push(artefactLabel(b));
			for (const [k, v] of Object.entries(b.at))
				out.push(`${k[0].toUpperCase()}${k.slice(1)}: ${v}`);
			out.push(...richParagraphs(b.body), ...richParagraphs(b.k ?? []));
		} else out.push(...richParagraphs(b.q));
	}
	return out;
}

/** Splits text into sentences (after . ! ? and a closing quote, before a capital or a quote). */
export function sentences(texts: string[]): string[] {
	return texts
		.flatMap((t) =>
			t
				.replace(/\s+/g, ' ')
				.trim()
				.split(/(?<=[.!?][’”"')]?)\s+(?=[A-Z“‘"'(£0-9])/)
		)
		.map((s) => s.trim())
		.filter(Boolean);
}

/** Node ids in reading order: breadth first from the start, choices in their order. */
export function readingOrder(s: Scenario): string[] {
	const order: string[] = [];
	const seen = new Set<string>([s.start]);
	for (let i = 0, queue = [s.start]; i < queue.length; i++) {
		const id = queue[i];
		order.push(id);
		const n = s.nodes[id];
		if (n.kind === 'step') {
			for (const c of n.choices) {
				if (!seen.has(c.next)) {
					seen.add(c.next);
					queue.push(c.next);
				}
			}
		}
	}
	return order;
}

export function reviewUnits(course: Course): Unit[] {
	const units: Unit[] = [];
	const backing = (ids: string[]) =>
		JSON.stringify(
			ids.map((p) => {
				const b = course.backing[p];
				const clauseIds = b?.clauses.length ? b.clauses : b?.gap?.nearest ? [b.gap.nearest] : [];
				return [p, b, clauseIds.map((id) => course.clauses.find((c) => c.id === id)?.text)];
			})
		);
	for (const s of course.scenarios) {
		units.push({
			key: `${s.id}/about`,
			label: `${s.title} › Title and summary`,
			sentences: sentences([s.title, s.summary]),
			fp: s.audience
		});
		for (const id of readingOrder(s)) {
			const n = s.nodes[id];
			if (n.kind === 'ending') {
				units.push({
					key: `${s.id}/${id}`,
					label: `${s.title} › Ending: ${n.title}`,
					sentences: sentences([n.title, ...richParagraphs(n.narrative)]),
					fp: n.outcome
				});
				continue;
			}
			units.push({
				key: `${s.id}/${id}`,
				label: `${s.title} › ${n.title}`,
				sentences: sentences([n.title, ...richParagraphs(n.narrative), n.question]),
				fp: ''
			});
			for (const c of n.choices) {
				units.push({
					key: `${s.id}/${id}/${c.key}`,
					label: `${s.title} › ${n.title} › Choice ${c.key}`,
					sentences: sentences([c.text, ...richParagraphs(c.feedback)]),
					fp:
						JSON.stringify([c.scores, n.choices.map((o) => [o.key, o.scores])]) +
						backing(Object.keys(c.scores))
				});
			}
		}
	}
	for (const p of course.principles) {
		units.push({
			key: `principle/${p.id}`,
			label: `Principles › ${p.name}`,
			sentences: sentences([p.name, p.summary]),
			fp: backing([p.id])
		});
	}
	for (const [role, value] of Object.entries(course.council.roles)) {
		units.push({
			key: `role/${role}`,
			label: `Titles and routes › ${role}`,
			sentences: [value],
			fp: ''
		});
	}
	return units;
}

/** What changed from `before` (an earlier review copy's units) to `after`. */
export function diffUnits(before: Unit[], after: Unit[]): ReviewDiff {
	const old = new Map(before.map((u) => [u.key, u]));
	const byKey: Record<string, UnitChange> = {};
	const touched = new Set<string>();
	for (const u of after) {
		const o = old.get(u.key);
		if (!o) {
			byKey[u.key] = { status: 'added', added: u.sentences, removed: [] };
		} else {
			const was = new Set(o.sentences);
			const now = new Set(u.sentences);
			const added = u.sentences.filter((x) => !was.has(x));
			const removed = o.sentences.filter((x) => !now.has(x));
			const same = added.length === 0 && removed.length === 0 && o.fp === u.fp;
			byKey[u.key] = { status: same ? 'unchanged' : 'changed', added, removed };
		}
		if (byKey[u.key].status !== 'unchanged') touched.add(u.key.split('/')[0]);
	}
	const now = new Set(after.map((u) => u.key));
	const removed = before.filter((u) => !now.has(u.key));
	for (const u of removed) touched.add(u.key.split('/')[0]);
	const scenarioIds = [
		...new Set(after.filter((u) => u.key.endsWith('/about')).map((u) => u.key.split('/')[0]))
	];
	return { byKey, removed, unchangedScenarios: scenarioIds.filter((id) => !touched.has(id)) };
}
