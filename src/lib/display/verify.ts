/**
 * Certificate reference: a short code derived from the content version, council, learner's
 * name, date and result. It is an unkeyed public hash, not a verification: anyone with the
 * command can make one for any name and score. It is a reference a provider matches, with the
 * facts printed, against the learner's record in the LMS. FNV-1a over the fields, shown as
 * XXXX-XXXX (no 0/O/1/I to avoid misreading).
 */
import { fnv1a } from '../content/selection.js';

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export function certificateReference(fields: (string | number)[]): string {
	const joined = fields.join('\u001f');
	const h1 = fnv1a(joined);
	const h2 = fnv1a(joined, 0x01000193, 0x5bd1e995);
	let out = '';
	for (let i = 0; i < 8; i++) {
		const n = i < 4 ? h1 >>> (i * 8) : h2 >>> ((i - 4) * 8);
		out += ALPHABET[n & 31];
	}
	return `${out.slice(0, 4)}-${out.slice(4)}`;
}
