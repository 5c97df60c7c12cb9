/**
 * Certificate reference: a short code derived from the content version, council, learner's
 * name, date and result. It is an unkeyed public hash, not a verification: anyone with the
 * command can make one for any name and score. It is a reference a provider matches, with the
 * facts printed, against the learner's record in the LMS. FNV-1a over the fields, shown as
 * XXXX-XXXX (no 0/O/1/I to avoid misreading).
 */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export function certificateReference(fields: (string | number)[]): string {
	let h1 = 0x811c9dc5;
	let h2 = 0x01000193;
	for (const ch of fields.join('\u001f')) {
		const c = ch.codePointAt(0)!;
		h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
		h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
	}
	let out = '';
	for (let i = 0; i < 8; i++) {
		const n = i < 4 ? h1 >>> (i * 8) : h2 >>> ((i - 4) * 8);
		out += ALPHABET[n & 31];
	}
	return `${out.slice(0, 4)}-${out.slice(4)}`;
}
