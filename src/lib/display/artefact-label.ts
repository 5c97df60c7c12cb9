/** An artefact's label (pure): its own module, loaded with a scenario's page, not at the home page. */
import type { Artefact } from '../engine/types.js';

/**
 * What an artefact is, in words, as a screen reader announces it and the review copy lists it:
 * "Email from Sam Patel, subject Thursday’s papers", "Message thread, Mill Lane, 3 messages".
 * (One home: the Artefact component and the text walkers all use this.)
 */
export function artefactLabel(x: Artefact): string {
	const t = x.at;
	const opt = (pre: string, v?: string) => (v ? `${pre}${v}` : '');
	switch (x.a) {
		case 'email':
			return `Email from ${t.from}${opt(' to ', t.to)}, subject ${t.subject}`;
		case 'messages': {
			const n = x.k?.length ?? 0;
			return `Message thread${opt(', ', t.title)}, ${n} message${n === 1 ? '' : 's'}`;
		}
		case 'message':
			return `${t.from}${opt(' at ', t.time)}`;
		case 'post':
			return `Post by ${t.author}${opt(' on ', t.platform)}`;
		case 'comment':
			return `Comment by ${t.author}`;
		case 'letter':
			return `Letter from ${t.from}${opt(' to ', t.to)}`;
		case 'paper':
			return `Paper: ${t.title}${opt(', marked ', t.classification)}`;
		default:
			return `Note${opt(' from ', t.from)}`;
	}
}
