// @vitest-environment node
/**
 * sheetRows on small spreadsheets written here, for what the real Moodle downloads in
 * report.spec.ts do not hold: rich text and phonetic runs, inline strings, skipped and repeated
 * cells, ODS spaces, entities, and files that are not what they claim to be.
 */
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { SheetError, sheetRows } from './sheet';

const xlsx = (rows: string, shared?: string) =>
	zipSync({
		'xl/workbook.xml': strToU8(
			'<workbook xmlns:r="r"><sheets><sheet name="A" sheetId="1" r:id="rId3"/></sheets></workbook>'
		),
		'xl/_rels/workbook.xml.rels': strToU8(
			'<Relationships><Relationship Id="rId1" Target="styles.xml"/><Relationship Id="rId3" Target="worksheets/first.xml"/></Relationships>'
		),
		'xl/worksheets/first.xml': strToU8(
			`<?xml version="1.0" encoding="UTF-8"?>\n<worksheet><sheetData>${rows}</sheetData></worksheet>`
		),
		...(shared ? { 'xl/sharedStrings.xml': strToU8(`<sst>${shared}</sst>`) } : {})
	});

const ods = (rows: string) =>
	zipSync({
		mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'),
		'content.xml': strToU8(
			`<office:document-content xmlns:office="o" xmlns:table="t" xmlns:text="x"><office:body><office:spreadsheet><table:table table:name="First">${rows}</table:table><table:table table:name="Second"><table:table-row><table:table-cell><text:p>not read</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`
		)
	});

/** Cells of every kind, in columns A, B, C and E (D left out), and an empty row. */
const XLSX_CELLS =
	'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row><row r="2"/>' +
	'<row r="3"><c r="B3"><v>35.0</v></c><c r="C3" t="str"><v>a &amp; b &#233;&#x1F600;</v></c>' +
	'<c r="E3" t="inlineStr"><is><r><t>in</t></r><r><rPr/><t xml:space="preserve"> line </t></r></is></c></row>';
/** A plain and a rich shared string, the rich one with a phonetic guide. */
const XLSX_SHARED =
	'<si><t>plain &lt;text&gt;</t></si><si><r><t>Rich </t></r><r><rPr><b/></rPr><t xml:space="preserve">text  </t></r><rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si>';
/** Repeated rows and cells, ODS spaces and breaks, a header row, and padding to the sheet's edge. */
const ODS_ROWS =
	'<table:table-row table:number-rows-repeated="2"><table:table-cell><text:p>A &amp; B</text:p></table:table-cell>' +
	'<table:table-cell table:number-columns-repeated="2"><text:p>rep</text:p></table:table-cell><table:table-cell/><table:covered-table-cell/>' +
	'<table:table-cell><text:p>x<text:s/>y<text:s text:c="3"/>z<text:tab/>t<text:line-break/>l</text:p><text:p>second <text:span>span</text:span></text:p></table:table-cell>' +
	'<table:table-cell table:number-columns-repeated="16000"/></table:table-row>' +
	'<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>' +
	'<table:table-header-rows><table:table-row><table:table-cell><text:p>&#233;</text:p></table:table-cell></table:table-row></table:table-header-rows>';

describe('sheetRows: xlsx', () => {
	it('reads the sheet the workbook names first: shared, rich, inline and number cells in their columns', () => {
		expect(sheetRows(xlsx(XLSX_CELLS, XLSX_SHARED))).toEqual([
			['plain <text>', '', 'Rich text  '],
			[],
			['', '35', 'a & b é😀', '', 'in line ']
		]);
	});

	it('says which part is not well-formed XML, and where', () => {
		expect(() => sheetRows(xlsx('<row><c><v>1</v></c><row><c><v>2</c></row>'))).toThrow(
			/^its xl\/worksheets\/first\.xml is not well-formed XML at line 2: .*closing tag 'v'.* — export the file again$/
		);
	});
});

describe('sheetRows: ods', () => {
	it('reads the first table: repeated cells and rows, spaces, tabs, line breaks and paragraphs', () => {
		const first = ['A & B', 'rep', 'rep', '', '', 'x y   z\tt\nl\nsecond span'];
		expect(sheetRows(ods(ODS_ROWS))).toEqual([first, first, ['é']]);
	});

	it('says when there is no sheet, or the XML is broken', () => {
		const noTable = zipSync({ 'content.xml': strToU8('<office:document-content/>') });
		expect(() => sheetRows(noTable)).toThrow('it has no sheet');
		expect(() =>
			sheetRows(
				ods('<table:table-row><table:table-cell><text:p>a</table:table-cell></table:table-row>')
			)
		).toThrow(/^its content\.xml is not well-formed XML at line 1: /);
	});
});

describe('sheetRows: other files', () => {
	it('tells a file that is not a zip, or a zip that is no spreadsheet', () => {
		expect(() => sheetRows(strToU8('PK\x03\x04 not really'))).toThrow(SheetError);
		expect(() => sheetRows(zipSync({ 'a.txt': strToU8('x') }))).toThrow(
			/neither an Excel \(\.xlsx\) nor an OpenDocument \(\.ods\) spreadsheet/
		);
	});
});
