/**
 * A council's clauses against its source text: whitespace, what no clause quotes, and, when a
 * clause is not found, where it differs from the source. Pure TypeScript.
 */
import type { Clause } from '../engine/types';

/** Collapse every run of whitespace (spaces, tabs, line breaks) to one space, and trim. */
export function normaliseWhitespace(s: string): string {
	return s.replace(/\s+/g, ' ').trim();
}

/**
 * The passages of a council's source text (whitespace-normalised) that no clause quotes and that
 * have at least `minWords` words with letters in them: headings, document control and the like,
 * or text a clause has missed.
 * For reports only; the validator does not require full coverage.
 */
export function uncoveredPassages(
	sourceText: string,
	clauses: Pick<Clause, 'text'>[],
	minWords = 6
): string[] {
	const src = normaliseWhitespace(sourceText);
	const covered = new Uint8Array(src.length);
	let from = 0;
	for (const c of clauses) {
		const t = normaliseWhitespace(c.text);
		if (!t) continue;
		let at = src.indexOf(t, from);
		if (at < 0) at = src.indexOf(t);
		if (at < 0) continue;
		covered.fill(1, at, at + t.length);
		from = at + t.length;
	}
	const out: string[] = [];
	let start = -1;
	for (let i = 0; i <= src.length; i++) {
		const c = i < src.length && !covered[i];
		if (c && start < 0) start = i;
		if (!c && start >= 0) {
			const piece = src.slice(start, i).trim();
			if (piece.split(' ').filter((w) => /[A-Za-z]/.test(w)).length >= minWords) out.push(piece);
			start = -1;
		}
	}
	return out;
}

/** A mark a provider may type for words missing from a cut-off text: […], [...], [gap], [missing], [illegible] … */
export const GAP_MARKER =
	/\[[^\]\n]{0,40}?(…|\.\.\.|\bgap\b|\bmissing\b|\billegible\b|\bomitted\b|\bcut off\b|\bunreadable\b)[^\]\n]{0,40}\]/i;

/**
 * Extra guidance when a clause's text is not in the source: what kind of difference it is, and
 * both texts side by side from the first difference, the differing character in [ ].
 */
export function notFoundHint(t: string, src: string): string {
	// Fold case, quotes and dashes one character for one, so positions line up.
	const foldChar = (c: string) => {
		if (/[\u2018\u2019\u201B\u2032`]/.test(c)) return "'";
		if (/[\u201C\u201D\u201F\u2033]/.test(c)) return '"';
		if (/[\u2010-\u2015\u2212]/.test(c)) return '-';
		const l = c.toLowerCase();
		return l.length === c.length ? l : c;
	};
	const fold = (s: string) => Array.from(s, foldChar).join('');
	const foldQuotes = (s: string) =>
		Array.from(s, (c) => (/[A-Za-z]/.test(c) ? c : foldChar(c))).join('');
	let kind = '';
	let tAt: number;
	let sAt: number;
	const folded = fold(src).indexOf(fold(t));
	if (folded >= 0 && Array.from(src).length === src.length && Array.from(t).length === t.length) {
		kind = foldQuotes(src).includes(foldQuotes(t))
			? ' (only the apostrophes, quotation marks or dashes differ: copy them from the source, which may use curly ’ or “ ” characters)'
			: ' (only capital letters, apostrophes, quotation marks or dashes differ)';
		tAt = [...t].findIndex((c, i) => c !== src[folded + i]);
		sAt = folded + tAt;
	} else {
		// The longest start of the clause that is in the source (binary search: every shorter start is too).
		let lo = 0;
		let hi = t.length;
		while (lo < hi) {
			const mid = Math.ceil((lo + hi) / 2);
			if (src.includes(t.slice(0, mid))) lo = mid;
			else hi = mid - 1;
		}
		if (lo < 12)
			return ' (not even its first words are in the source: check it is the right clause and the right source file)';
		tAt = lo;
		sAt = src.indexOf(t.slice(0, lo)) + lo;
	}
	const show = (s: string, at: number) =>
		`"${at > 30 ? '…' : ''}${s.slice(Math.max(0, at - 30), at)}[${s[at] ?? ''}]${s.slice(at + 1, at + 41)}${at + 41 < s.length ? '…' : ''}"`;
	const name = (c: string | undefined) =>
		c === undefined
			? 'the end of the text'
			: `"${c}" (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`;
	return `${kind}: they differ at character ${tAt + 1} of the clause, which has ${name(t[tAt])} where the source has ${name(src[sAt])} — clause: ${show(t, tAt)}; source: ${show(src, sAt)}`;
}
