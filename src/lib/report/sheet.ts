/**
 * The first sheet of an Excel (.xlsx) or OpenDocument (.ods) file as rows of text cells, for the
 * cohort report (Moodle's Interactions report "Download in Excel format" / "in ODS format").
 * fflate unzips the file; the sheet's XML is read for its rows and cells only (cell text, shared
 * strings, inline strings, repeated and skipped cells), which is all these exports hold. The file
 * is read whole: for national-scale exports use the text download, which is streamed.
 * Pure: no DOM, no Node. The report page loads this only when a spreadsheet is opened.
 */
import { strFromU8, unzipSync } from 'fflate';

export class SheetError extends Error {}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text with its entities and character references decoded. */
function unxml(s: string): string {
	return s.replace(/&(#[xX][0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
		e[0] === '#'
			? String.fromCodePoint(
					e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
				)
			: ENTITIES[e]
	);
}

const attr = (attrs: string, name: string) =>
	new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs)?.[1];

/** A cell reference's column ("HS8" → 226). */
function column(ref: string): number {
	let n = 0;
	for (const ch of ref) {
		const c = ch.charCodeAt(0);
		if (c < 65 || c > 90) break;
		n = n * 26 + c - 64;
	}
	return n - 1;
}

/** The text of an xlsx string item: its <t> runs, without phonetic guides. */
function xlsxText(xml: string): string {
	let out = '';
	for (const m of xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g))
		out += m[1];
	return unxml(out);
}

function xlsxRows(files: Record<string, Uint8Array>): string[][] {
	const shared: string[] = [];
	const sst = files['xl/sharedStrings.xml'];
	if (sst)
		for (const m of strFromU8(sst).matchAll(/<si>([\s\S]*?)<\/si>/g)) shared.push(xlsxText(m[1]));
	// The workbook's first sheet, through its relationship; sheet1.xml if that cannot be found.
	let path = 'xl/worksheets/sheet1.xml';
	const book = files['xl/workbook.xml'] && strFromU8(files['xl/workbook.xml']);
	const rels =
		files['xl/_rels/workbook.xml.rels'] && strFromU8(files['xl/_rels/workbook.xml.rels']);
	const id = book && /<sheet\b[^>]*?\br:id="([^"]+)"/.exec(book)?.[1];
	const target = id && rels && new RegExp(`<Relationship\\b[^>]*?Id="${id}"[^>]*>`).exec(rels)?.[0];
	const to = target && attr(target, 'Target');
	if (to) path = to.startsWith('/') ? to.slice(1) : `xl/${to}`;
	const sheet = files[path];
	if (!sheet) throw new SheetError('it has no worksheet');
	const rows: string[][] = [];
	for (const r of strFromU8(sheet).matchAll(/<row\b[^>]*?(?:\/>|>([\s\S]*?)<\/row>)/g)) {
		const row: string[] = [];
		for (const c of (r[1] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
			const ref = attr(c[1], 'r');
			const at = ref ? column(ref) : row.length;
			const type = attr(c[1], 't');
			const inner = c[2] ?? '';
			const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
			const text =
				type === 's'
					? (shared[Number(v)] ?? '')
					: type === 'inlineStr'
						? xlsxText(inner)
						: v === undefined
							? ''
							: // A number cell as the text export writes it ("35.0" → "35").
								(type === undefined || type === 'n') && Number.isFinite(Number(v))
								? String(Number(v))
								: unxml(v);
			while (row.length < at) row.push('');
			row[at] = text;
		}
		rows.push(row);
	}
	return rows;
}

/** The text of an ODS cell: its paragraphs, with <text:s/> spaces, tabs and line breaks. */
function odsText(xml: string): string {
	const paragraphs = [...xml.matchAll(/<text:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/text:p>)/g)].map((p) =>
		unxml(
			(p[1] ?? '')
				.replace(/<text:s\b([^>]*)\/>/g, (_, a: string) =>
					' '.repeat(Number(attr(a, 'text:c') ?? 1))
				)
				.replace(/<text:tab\b[^>]*\/>/g, '\t')
				.replace(/<text:line-break\b[^>]*\/>/g, '\n')
				.replace(/<[^>]+>/g, '')
		)
	);
	return paragraphs.join('\n');
}

/** Cells or rows an ODS file repeats beyond this are empty padding (to the sheet's edge). */
const MAX_REPEAT = 1024;

function odsRows(files: Record<string, Uint8Array>): string[][] {
	const content = files['content.xml'];
	if (!content) throw new SheetError('it has no content.xml');
	const xml = strFromU8(content);
	const table = /<table:table\b[^>]*>([\s\S]*?)<\/table:table>/.exec(xml);
	if (!table) throw new SheetError('it has no sheet');
	const rows: string[][] = [];
	for (const r of table[1].matchAll(
		/<table:table-row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-row>)/g
	)) {
		const row: string[] = [];
		for (const c of (r[2] ?? '').matchAll(
			/<table:(?:covered-)?table-cell\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:(?:covered-)?table-cell>)/g
		)) {
			const text = c[2] ? odsText(c[2]) : '';
			const times = Math.min(Number(attr(c[1], 'table:number-columns-repeated') ?? 1), MAX_REPEAT);
			for (let i = 0; i < times; i++) row.push(text);
		}
		while (row.length && row[row.length - 1] === '') row.pop();
		const times = Math.min(Number(attr(r[1], 'table:number-rows-repeated') ?? 1), MAX_REPEAT);
		if (row.length) for (let i = 0; i < times; i++) rows.push(row);
	}
	return rows;
}

/** The first sheet's rows; throws SheetError when the file is not a spreadsheet it can read. */
export function sheetRows(bytes: Uint8Array): string[][] {
	let files: Record<string, Uint8Array>;
	try {
		files = unzipSync(bytes, {
			filter: (f) => f.name === 'content.xml' || f.name === 'mimetype' || f.name.startsWith('xl/')
		});
	} catch (e) {
		throw new SheetError(
			`it is not a zip file, as .xlsx and .ods files are (${(e as Error).message})`
		);
	}
	if (files['xl/workbook.xml'] || files['xl/worksheets/sheet1.xml']) return xlsxRows(files);
	if (files['content.xml']) return odsRows(files);
	throw new SheetError(
		'it is neither an Excel (.xlsx) nor an OpenDocument (.ods) spreadsheet — an old Excel .xls file cannot be read: download the text format'
	);
}
