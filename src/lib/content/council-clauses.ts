/**
 * The cross-checks of a council file's clauses and gaps, made once their shape is checked
 * (./council-shape.ts): each clause quoted word for word from the source text and in its order,
 * clause ids unique, principle ids from scenarios/principles.yaml, each principle backed by a
 * clause or listed as a gap (never both), and a gap's nearest clause one in this file.
 */
import { isScalar } from 'yaml';
import type { Clause } from '../engine/types';
import type { CouncilShape, Path } from './council-shape.js';
import { normaliseWhitespace, notFoundHint } from './council-text.js';
import { didYouMean } from './suggest.js';

/** What every check here reads: the shaped file, where to report, the principle ids. */
export interface CouncilChecks {
	shape: CouncilShape;
	err: (line: number, message: string) => void;
	principleIds: readonly string[];
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
	typeof x === 'object' && x !== null && !Array.isArray(x);

const clausesIn = (shape: CouncilShape): unknown[] => {
	const clauses = (shape.data as Record<string, unknown>).clauses;
	return Array.isArray(clauses) ? clauses : [];
};

const backedByList = (cs: string[]) =>
	`clause${cs.length > 1 ? 's' : ''} ${cs.map((c) => `"${c}"`).join(', ')}`;

/**
 * The clauses: quoted from `normSource` (the source text, whitespace normalised; null when it
 * could not be read), ids unique, principles known and listed once. Returns the clauses, where
 * each id is, and the clauses that back each principle.
 */
export function checkClauses(
	{ shape, err, principleIds }: CouncilChecks,
	source: string | undefined,
	normSource: string | null
): { clauses: Clause[]; clauseLine: Map<string, number>; backedBy: Map<string, string[]> } {
	const principleSet = new Set(principleIds);
	const clauses: Clause[] = [];
	const clauseLine = new Map<string, number>();
	const backedBy = new Map<string, string[]>();
	let searchFrom = 0;
	let previous: string | undefined;
	clausesIn(shape).forEach((item, index) => {
		if (!isRecord(item)) return;
		const at = (...rest: (string | number)[]): Path => ['clauses', index, ...rest];
		// The id names the clause in messages even when its form is wrong.
		const cid = typeof item.id === 'string' ? item.id : undefined;
		const prefix = cid !== undefined ? `clause "${cid}": ` : `clause ${index + 1}: `;
		if (cid !== undefined) {
			const line = shape.line(at('id'));
			if (clauseLine.has(cid))
				err(
					line,
					`duplicate clause id "${cid}" (first used on line ${clauseLine.get(cid)}) — give each clause its own id`
				);
			else clauseLine.set(cid, line);
		}
		const ref = shape.text(at('ref'));
		const text = shape.text(at('text'));
		const textNode = shape.node(at('text'));
		if (text !== undefined && isScalar(textNode) && textNode.type === 'PLAIN' && textNode.comment) {
			err(
				shape.line(at('text')),
				`${prefix}the text contains " #", so everything after it was read as a comment — put the whole text in double quotes`
			);
		} else if (text !== undefined && normSource !== null) {
			const t = normaliseWhitespace(text);
			const found = normSource.indexOf(t, searchFrom);
			if (found >= 0) searchFrom = found;
			else
				err(
					shape.line(at('text')),
					normSource.includes(t)
						? `clause "${cid ?? index + 1}" comes before ${previous ? `clause "${previous}"` : 'the clause above it'} in ${source} — list the clauses in the order they appear in the document`
						: `clause "${cid ?? index + 1}" text is not found in ${source} — copy the words exactly from the source document${notFoundHint(t, normSource)}`
				);
		}
		const principles: string[] = [];
		const listed = Array.isArray(item.principles) ? item.principles : [];
		listed.forEach((pid, j) => {
			if (typeof pid !== 'string') return;
			const line = shape.line(at('principles', j));
			if (!principleSet.has(pid))
				err(
					line,
					`${prefix}unknown principle "${pid}" — use an id from scenarios/principles.yaml${didYouMean(pid, principleIds)}`
				);
			else if (principles.includes(pid))
				err(line, `${prefix}principle "${pid}" is listed twice — remove one`);
			else principles.push(pid);
		});
		if (cid === undefined) return;
		for (const pid of principles) {
			if (!backedBy.has(pid)) backedBy.set(pid, []);
			if (!backedBy.get(pid)!.includes(cid)) backedBy.get(pid)!.push(cid);
		}
		if (ref !== undefined && text !== undefined) clauses.push({ id: cid, ref, text, principles });
		previous = cid;
	});
	return { clauses, clauseLine, backedBy };
}

/**
 * The gaps: each a known principle no clause backs, its nearest clause one in this file. Returns
 * the gaps, the principles listed, and the gaps whose shape is not reported (an unknown or backed
 * principle: the fix is to remove the gap, so what is inside it does not matter).
 */
export function checkGaps(
	{ shape, err, principleIds }: CouncilChecks,
	backedBy: Map<string, string[]>,
	clauseLine: Map<string, number>
): {
	gaps: Map<string, { nearest?: string; note: string }>;
	listedAsGap: Set<string>;
	ignored: Path[];
} {
	const gaps = new Map<string, { nearest?: string; note: string }>();
	const listedAsGap = new Set<string>();
	const ignored: Path[] = [];
	const data = (shape.data as Record<string, unknown>).gaps;
	for (const gid of isRecord(data) ? Object.keys(data) : []) {
		const line = shape.keyLine(['gaps', gid]);
		listedAsGap.add(gid);
		if (!principleIds.includes(gid)) {
			err(
				line,
				`gaps: unknown principle "${gid}" — use an id from scenarios/principles.yaml${didYouMean(gid, principleIds)}`
			);
			ignored.push(['gaps', gid]);
			continue;
		}
		const cs = backedBy.get(gid);
		if (cs) {
			err(
				line,
				`principle "${gid}" is backed by ${backedByList(cs)} and also listed in gaps — remove it from gaps, or from the clause's principles`
			);
			ignored.push(['gaps', gid]);
			continue;
		}
		const note = shape.text(['gaps', gid, 'note']);
		let nearest = shape.text(['gaps', gid, 'nearest']);
		if (nearest !== undefined && !clauseLine.has(nearest)) {
			err(
				shape.line(['gaps', gid, 'nearest']),
				`gap "${gid}": nearest clause "${nearest}" is not a clause in this file — use one of the clause ids above${didYouMean(nearest, [...clauseLine.keys()])}, or remove "nearest"`
			);
			nearest = undefined;
		}
		if (note !== undefined) gaps.set(gid, nearest ? { nearest, note } : { note });
	}
	return { gaps, listedAsGap, ignored };
}

/**
 * Every principle either backed by a clause or listed as a gap, and a route the protocol does
 * not state (`unstated`, with the line of each) never backed by a clause: its principle must be
 * a gap, whose note learners see.
 */
export function checkCoverage(
	{ shape, err, principleIds }: CouncilChecks,
	backedBy: Map<string, string[]>,
	listedAsGap: Set<string>,
	unstated: { key: string; principle: string; line: number }[]
): void {
	for (const { key, principle, line } of unstated) {
		const cs = backedBy.get(principle);
		if (cs)
			err(
				line,
				`roles: "${key}" is "not stated", but ${backedByList(cs)} back${cs.length > 1 ? '' : 's'} "${principle}" — write the route that clause names, or, if it names none, take "${principle}" off the clause and list it under gaps`
			);
	}
	const data = shape.data as Record<string, unknown>;
	if (!('clauses' in data) || shape.suggested([]).has('gaps')) return;
	const line = shape.keyLine('gaps' in data ? ['gaps'] : ['clauses']);
	for (const pid of principleIds)
		if (!backedBy.has(pid) && !listedAsGap.has(pid))
			err(
				line,
				`principle "${pid}" is not covered — add it to the principles of the clause that states it, or list it under gaps with a note saying this protocol does not cover it`
			);
}
