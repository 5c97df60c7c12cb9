/**
 * The first sheet of an Excel (.xlsx) or OpenDocument (.ods) file as rows of text cells, for the
 * cohort report (Moodle's Interactions report "Download in Excel format" / "in ODS format").
 * fflate unzips the file and fast-xml-parser reads its XML; of that, only rows and cells are kept
 * (cell text, shared strings, inline strings, repeated and skipped cells), which is all these
 * exports hold. The file is read whole: for national-scale exports use the text download, which is
 * streamed.
 * Pure: no DOM, no Node. The report page loads this only when a spreadsheet is opened.
 */
import { strFromU8, unzipSync } from 'fflate';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export class SheetError extends Error {}

/**
 * An element as fast-xml-parser gives it in document order: `{ name: children, ':@': attributes }`,
 * or a text node `{ '#text': text }`.
 */
type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
	preserveOrder: true,
	ignoreAttributes: false,
	attributeNamePrefix: '',
	// Cell text as written: no numbers, no trimming; entities and character references decoded.
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: false,
	processEntities: true,
	htmlEntities: true,
	ignoreDeclaration: true,
	ignorePiTags: true
});

/** A file of the spreadsheet as XML nodes; SheetError, with the line, if it is not well-formed XML. */
function parse(files: Record<string, Uint8Array>, path: string): XmlNode[] {
	const xml = strFromU8(files[path]);
	const valid = XMLValidator.validate(xml);
	if (valid !== true)
		throw new SheetError(
			`its ${path} is not well-formed XML at line ${valid.err.line}: ${valid.err.msg} — export the file again`
		);
	return parser.parse(xml) as XmlNode[];
}

const nameOf = (node: XmlNode) => Object.keys(node).find((k) => k !== ':@') ?? '';
const childrenOf = (node: XmlNode) => {
	const c = node[nameOf(node)];
	return Array.isArray(c) ? (c as XmlNode[]) : [];
};
const attr = (node: XmlNode, name: string) =>
	(node[':@'] as Record<string, string> | undefined)?.[name];

/** The elements called `name` among these nodes and below them (not inside one found, nor inside `skip`). */
function find(nodes: XmlNode[], name: string, skip?: string): XmlNode[] {
	return nodes.flatMap((n) => {
		const at = nameOf(n);
		return at === name ? [n] : at === skip ? [] : find(childrenOf(n), name, skip);
	});
}

/** The text in these nodes, each element's text given by `special` where it says, else its children's. */
function textOf(nodes: XmlNode[], special?: (el: XmlNode) => string | undefined): string {
	let out = '';
	for (const n of nodes)
		out += '#text' in n ? String(n['#text']) : (special?.(n) ?? textOf(childrenOf(n), special));
	return out;
}

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

/** The text of an xlsx string item: its <t> runs, without phonetic guides (<rPh>). */
const xlsxText = (item: XmlNode): string =>
	find(childrenOf(item), 't', 'rPh')
		.map((t) => textOf(childrenOf(t)))
		.join('');

/** The path of the workbook's first sheet, through its relationship; sheet1.xml if that cannot be found. */
function firstSheet(files: Record<string, Uint8Array>): string {
	const rels = 'xl/_rels/workbook.xml.rels';
	if (!files['xl/workbook.xml'] || !files[rels]) return 'xl/worksheets/sheet1.xml';
	const [sheet] = find(parse(files, 'xl/workbook.xml'), 'sheet');
	const id = sheet && attr(sheet, 'r:id');
	const to = find(parse(files, rels), 'Relationship').find((r) => id && attr(r, 'Id') === id);
	const target = to && attr(to, 'Target');
	if (!target) return 'xl/worksheets/sheet1.xml';
	return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

function xlsxRows(files: Record<string, Uint8Array>): string[][] {
	const shared = files['xl/sharedStrings.xml']
		? find(parse(files, 'xl/sharedStrings.xml'), 'si').map(xlsxText)
		: [];
	const path = firstSheet(files);
	if (!files[path]) throw new SheetError('it has no worksheet');
	return find(parse(files, path), 'row').map((r) => {
		const row: string[] = [];
		for (const c of find(childrenOf(r), 'c')) {
			const ref = attr(c, 'r');
			const at = ref ? column(ref) : row.length;
			const type = attr(c, 't');
			const [value] = find(childrenOf(c), 'v');
			const v = value && textOf(childrenOf(value));
			const text =
				type === 's'
					? (shared[Number(v)] ?? '')
					: type === 'inlineStr'
						? xlsxText(c)
						: !v
							? ''
							: // A number cell as the text export writes it ("35.0" → "35").
								(type === undefined || type === 'n') && Number.isFinite(Number(v))
								? String(Number(v))
								: v;
			while (row.length < at) row.push('');
			row[at] = text;
		}
		return row;
	});
}

/** ODS spaces (<text:s text:c="3"/>), tabs and line breaks. */
function odsSpace(el: XmlNode): string | undefined {
	const name = nameOf(el);
	if (name === 'text:s') return ' '.repeat(Number(attr(el, 'text:c') ?? 1));
	if (name === 'text:tab') return '\t';
	if (name === 'text:line-break') return '\n';
}

/** The text of an ODS cell: its paragraphs, with <text:s/> spaces, tabs and line breaks. */
const odsText = (cell: XmlNode): string =>
	find(childrenOf(cell), 'text:p')
		.map((p) => textOf(childrenOf(p), odsSpace))
		.join('\n');

/** Cells or rows an ODS file repeats beyond this are empty padding (to the sheet's edge). */
const MAX_REPEAT = 1024;

const repeats = (node: XmlNode, name: string) =>
	Math.min(Number(attr(node, name) ?? 1), MAX_REPEAT);

function odsRows(files: Record<string, Uint8Array>): string[][] {
	if (!files['content.xml']) throw new SheetError('it has no content.xml');
	const [table] = find(parse(files, 'content.xml'), 'table:table');
	if (!table) throw new SheetError('it has no sheet');
	const rows: string[][] = [];
	for (const r of find(childrenOf(table), 'table:table-row')) {
		const row: string[] = [];
		for (const c of childrenOf(r)) {
			if (!/^table:(covered-)?table-cell$/.test(nameOf(c))) continue;
			const text = odsText(c);
			for (let i = repeats(c, 'table:number-columns-repeated'); i > 0; i--) row.push(text);
		}
		while (row.length && row[row.length - 1] === '') row.pop();
		if (row.length)
			for (let i = repeats(r, 'table:number-rows-repeated'); i > 0; i--) rows.push(row);
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
