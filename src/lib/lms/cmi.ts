/**
 * The LMS's cmi arrays as the SCORM tracker (scorm.ts) writes them: which optional elements the
 * LMS lists in _children (read once, cached; absent ones are skipped), and the slot of each
 * objective and interaction (cmi.objectives.n, cmi.interactions.n), reused by id so that a
 * record sent again never becomes a new one. `lms` reads and writes the current session.
 */
import type { Dialect, Has, Pairs } from './dialect.js';
import type { ObjectiveRecord } from './types.js';
import { ident } from './values.js';

const int = (v: string) => (/^\d+$/.test(v) ? Number(v) : 0);

export function createCmi(
	lms: { get(el: string): string; set(el: string, v: string): void },
	d: Dialect
) {
	const lists = new Map<string, string[]>();
	const obj = new Map<string, number>();
	const act = new Map<string, number>();
	let objCount = -1;
	let actCount = -1;

	const has: Has = (el, child) => {
		if (!lists.has(el))
			lists.set(
				el,
				lms
					.get(el)
					.split(',')
					.map((s) => s.trim())
			);
		return lists.get(el)!.includes(child);
	};
	/** Writes the pairs under `prefix`; with `childrenEl`, only those the LMS lists there (and id). */
	const put = (pairs: Pairs, prefix = '', childrenEl = '') => {
		for (const [el, v] of pairs)
			if (!childrenEl || el === 'id' || has(childrenEl, el.split('.')[0])) lms.set(prefix + el, v);
	};

	/** The LMS's interactions; with `byId`, their slots by id where the LMS lets them be read (2004). */
	function learnInteractions(byId: boolean) {
		if (actCount >= 0) return;
		actCount = int(lms.get('cmi.interactions._count'));
		if (byId && d.kind === 'scorm2004')
			for (let i = 0; i < actCount; i++) {
				const id = lms.get(`cmi.interactions.${i}.id`);
				if (id && !act.has(id)) act.set(id, i);
			}
	}

	return {
		has,
		put,
		learnInteractions,
		/** The objective's slot; a new one is declared (id and description) when first used. */
		objective(o: ObjectiveRecord): number {
			if (objCount < 0) {
				objCount = int(lms.get('cmi.objectives._count'));
				for (let i = 0; i < objCount; i++) obj.set(lms.get(`cmi.objectives.${i}.id`), i);
			}
			let i = obj.get(ident(o.id));
			if (i === undefined) {
				obj.set(ident(o.id), (i = objCount++));
				put(d.declare(o), `cmi.objectives.${i}.`, 'cmi.objectives._children');
			}
			return i;
		},
		/** The slot of the interaction with this id: its own if sent this session, else the next. */
		interaction(id: string): number {
			let i = act.get(ident(id));
			if (i === undefined) {
				learnInteractions(false);
				act.set(ident(id), (i = actCount++));
			}
			return i;
		},
		/** A new LMS session: everything is read again. */
		reset() {
			lists.clear();
			obj.clear();
			act.clear();
			objCount = actCount = -1;
		}
	};
}
