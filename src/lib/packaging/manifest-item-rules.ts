/**
 * The rules of one <item> of a manifest that its XSD cannot check: SCORM 1.2's mastery score,
 * time allowed and prerequisites; SCORM 2004's objective ids and the objectives its sequencing
 * rules name. Called by manifest-rules.ts for each item. Build-time only (Node).
 */
import { attr, descendants, kids, NS, text, type El } from './manifest-dom.js';

const STATUS_12 =
	/(=|<>)\s*(passed|completed|failed|incomplete|browsed|not attempted|[pcfibn])\b/gi;

export function rules12(item: El, what: string, itemIds: Set<string>, p: (m: string) => void) {
	const ad = NS.adlcp12;
	const ms = kids(item, ad, 'masteryscore')[0];
	if (ms) {
		const v = text(ms);
		const n = Number(v);
		if (!/^\d+(\.\d+)?$/.test(v) || n < 0 || n > 100)
			p(`${what} adlcp:masteryscore "${v}" must be a number from 0 to 100`);
	}
	const mt = kids(item, ad, 'maxtimeallowed')[0];
	if (mt && !/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/.test(text(mt)))
		p(`${what} adlcp:maxtimeallowed "${text(mt)}" must be HHHH:MM:SS.SS (e.g. 0000:30:00)`);
	const pre = kids(item, ad, 'prerequisites')[0];
	if (pre) {
		const ids = text(pre)
			.replace(STATUS_12, ' ')
			.split(/[&|~(){},*\s]+|<>|=/)
			.filter((t) => t && !/^\d+$/.test(t));
		for (const id of ids)
			if (!itemIds.has(id))
				p(`${what} adlcp:prerequisites names "${id}", which is not an item identifier`);
	}
}

export function rules2004Item(item: El, what: string, p: (m: string) => void) {
	for (const seq of kids(item, NS.imsss, 'sequencing')) {
		const ids: string[] = [];
		for (const objs of kids(seq, NS.imsss, 'objectives')) {
			for (const o of [
				...kids(objs, NS.imsss, 'primaryObjective'),
				...kids(objs, NS.imsss, 'objective')
			]) {
				const id = attr(o, 'objectiveID');
				if (id !== null) {
					if (ids.includes(id))
						p(
							`${what} has two objectives with objectiveID "${id}" — each objective of an activity needs its own id`
						);
					ids.push(id);
				}
			}
		}
		for (const el of descendants(seq)) {
			const ref =
				el.namespaceURI === NS.imsss && el.localName === 'ruleCondition'
					? attr(el, 'referencedObjective')
					: null;
			if (ref !== null && !ids.includes(ref))
				p(
					`${what} has a rule condition on objective "${ref}", which is not an objective of the item`
				);
		}
	}
}
