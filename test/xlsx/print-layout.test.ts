/**
 * Output sheets drawn for the screen and for paper (issue 11) by both .xlsx
 * writers: the lossless package writer (the command line's copy) and the
 * ExcelJS writer (new workbooks). Each styled row's look (ROW_STYLES) from
 * column A to the last column, header heights, frozen panes, A4 landscape one
 * page wide, print titles, header and footer, page breaks. The files are read
 * back with openpyxl, as users' tools read them.
 */
import { execFileSync } from 'child_process';
import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'fs';
import JSZip from 'jszip';
import * as path from 'path';
import { LINE_HEIGHT_POINTS, ROW_STYLES, type OutputSheet, type RowStyle } from '../../src/workbook/output';
import { newWorkbook, writeSheets } from '../../src/xlsx/cells';
import { writeOutputSheets } from '../../src/xlsx/package-writer';
import { tempDir } from '../helpers/files';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'lossless');

/** A small output sheet with every style, two scenarios and a page setup. */
function sheet(name: string, options: { titles?: boolean } = {}): OutputSheet {
  const w = 6;
  const row = (...cells: (string | number | null)[]) => [...cells, ...Array(w - cells.length).fill(null)];
  const values = [
    row(name),
    row('Beløb i 1.000 kr., minus er en besparelse. Skrevet af Råderum'),
    row(),
    row('Scenarie: Basis'),
    row('Nr', 'Titel', 'Netto Basis 2027', 'Netto Basis 2028', 'Netto Caseload 40 2027', 'Netto Caseload 40 2028'),
    row('K-1', 'Et forslag', -100, -200, -100, -200),
    row('K-2', 'Et andet', 50, 60, null, 60),
    row('', 'I alt Børneudvalget', -50, -140, -100, -140),
    row('', 'I alt Basis', -50, -140, -100, -140),
    row('Scenarie: Caseload 40'),
    row('Nr', 'Titel', 'Netto Basis 2027', 'Netto Basis 2028', 'Netto Caseload 40 2027', 'Netto Caseload 40 2028'),
    row('K-1', 'Et forslag', -100, -200, -100, -200),
    row('', 'I alt Caseload 40', -100, -200, -100, -200),
  ];
  const formats = values.map((r) => r.map((v) => (v === null ? 'General' : typeof v === 'number' ? '#,##0' : '@')));
  const styles: [number, RowStyle, number?][] = [
    [0, 'title'],
    [3, 'band'],
    [4, 'header', 3],
    [7, 'subtotal'],
    [8, 'total'],
    [9, 'band'],
    [10, 'header', 2],
    [12, 'total'],
  ];
  return {
    name,
    values,
    formats,
    boldRows: [0, 3, 4, 8, 9, 10, 12],
    tables: [],
    columnWidths: [12, 40, 14, 14, 14, 14],
    rowStyles: styles.map(([r, style, lines]) => ({ row: r, style, ...(lines ? { lines } : {}) })),
    frozen: { rows: 5, columns: 2 },
    columnGroups: [{ first: 2, last: 3, collapsed: true }],
    page: {
      ...(options.titles === false ? {} : { titleRows: { first: 4, last: 4 } }),
      header: { left: '&F', center: `${name}: Basis && Caseload <40>`, right: 'Kørt 2026-11-23' },
      footer: { left: '', center: 'Side &P af &N', right: '' },
      breaksBefore: [9],
    },
  };
}

const SHEETS = [sheet('Resultat'), sheet('Råderum'), sheet("Sammen'ligning")];

/** What openpyxl reads of each named sheet: page setup, views, names, and every styled cell's look. */
function openpyxl(file: string, names: readonly string[]): Record<string, PyxlSheet> {
  const script = `
import json, sys, openpyxl
from openpyxl.utils import get_column_letter
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for name in json.loads(sys.argv[2]):
    ws = wb[name]
    ps = ws.page_setup
    cells = {}
    for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=ws.max_column):
        for c in row:
            cells[c.coordinate] = {
                'bold': bool(c.font.b), 'size': c.font.sz,
                'fill': c.fill.fgColor.rgb if c.fill.patternType == 'solid' else None,
                'top': c.border.top.style, 'bottom': c.border.bottom.style,
                'wrap': bool(c.alignment.wrapText), 'value': c.value}
    out[name] = {
        'cells': cells,
        'heights': {str(r): [d.height, bool(d.customHeight)] for r, d in ws.row_dimensions.items() if d.height is not None},
        'freeze': ws.freeze_panes,
        'paperSize': ps.paperSize, 'orientation': ps.orientation,
        'fitToWidth': ps.fitToWidth, 'fitToHeight': ps.fitToHeight,
        'fitToPage': bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
        'titleRows': ws.print_title_rows,
        'header': [ws.oddHeader.left.text, ws.oddHeader.center.text, ws.oddHeader.right.text],
        'footer': [ws.oddFooter.left.text, ws.oddFooter.center.text, ws.oddFooter.right.text],
        'breaks': [b.id for b in ws.row_breaks.brk],
        'columns': {get_column_letter(i): [d.outlineLevel, bool(d.hidden), bool(d.collapsed)]
                    for d in ws.column_dimensions.values() for i in range(d.min, d.max + 1)},
        'outlineLevelCol': ws.sheet_format.outlineLevelCol,
    }
print(json.dumps(out))
`;
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file, JSON.stringify(names)], { encoding: 'utf8' }));
}

interface PyxlCell {
  bold: boolean;
  size: number | null;
  fill: string | null;
  top: string | null;
  bottom: string | null;
  wrap: boolean;
  value: unknown;
}
interface PyxlSheet {
  cells: Record<string, PyxlCell>;
  heights: Record<string, [number, boolean]>;
  freeze: string | null;
  paperSize: number | null;
  orientation: string | null;
  fitToWidth: number | null;
  fitToHeight: number | null;
  fitToPage: boolean;
  titleRows: string | null;
  header: (string | null)[];
  footer: (string | null)[];
  breaks: number[];
  /** Per column letter: outline level, hidden, collapsed. */
  columns: Record<string, [number, boolean, boolean]>;
  outlineLevelCol: number | null;
}

const COLUMNS = ['A', 'B', 'C', 'D', 'E', 'F'];

/** The drawing openpyxl reads agrees with the sheet's styles, page and views. */
function expectDrawn(read: PyxlSheet, output: OutputSheet): void {
  for (const { row, style, lines } of output.rowStyles!) {
    const look = ROW_STYLES[style];
    for (const column of COLUMNS) {
      const cell = read.cells[`${column}${row + 1}`];
      expect({ at: `${column}${row + 1}`, ...cell, value: undefined }).toEqual({
        at: `${column}${row + 1}`,
        value: undefined,
        bold: look.bold,
        size: look.size ?? 11,
        fill: look.fill ? `FF${look.fill}` : null,
        top: look.borderTop ?? null,
        bottom: look.borderBottom ?? null,
        wrap: look.wrap ?? false,
      });
    }
    if (lines) expect(read.heights[String(row + 1)]).toEqual([lines * LINE_HEIGHT_POINTS, true]);
  }
  // An unstyled row keeps plain cells.
  expect(read.cells.A6).toMatchObject({ bold: false, fill: null, top: null, bottom: null, wrap: false, value: 'K-1' });
  expect(read.cells.C6.value).toBe(-100);
  expect(read.freeze).toBe('C6');
  expect(read).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, fitToPage: true });
  expect(read.titleRows).toBe('$5:$5');
  expect(read.header).toEqual(['&F', `${output.name}: Basis && Caseload <40>`, 'Kørt 2026-11-23']);
  expect(read.footer).toEqual([null, 'Side &P af &N', null]);
  // openpyxl gives a break's id: the row it follows (1-based), so row 10 starts a page.
  expect(read.breaks).toEqual([9]);
  // Columns C:D are a collapsed group: hidden, at outline level 1.
  expect([read.columns.C.slice(0, 2), read.columns.D.slice(0, 2), read.columns.E[0], read.columns.B[0]]).toEqual([
    [1, true],
    [1, true],
    0,
    0,
  ]);
  expect(read.outlineLevelCol).toBe(1);
}

const partText = async (data: Uint8Array, part: string): Promise<string> =>
  (await JSZip.loadAsync(data)).file(part)!.async('string');

/** Every _xlnm.Print_Titles name in the workbook part: localSheetId → formula. */
const printTitles = (workbookXml: string): string[] =>
  [...workbookXml.matchAll(/<definedName\b[^>]*name="_xlnm.Print_Titles"[^>]*localSheetId="(\d+)"[^>]*>([^<]*)</g)].map(
    (m) => `${m[1]}: ${m[2]}`,
  );

/** The names of a worksheet part's top-level elements, in order. */
const childrenOf = (sheetXml: string): string[] => {
  const body = sheetXml.slice(sheetXml.indexOf('>', sheetXml.indexOf('<worksheet')) + 1, sheetXml.lastIndexOf('</worksheet>'));
  const names: string[] = [];
  let depth = 0;
  for (const m of body.matchAll(/<(\/?)(\w+)[^>]*?(\/?)>/g)) {
    if (m[1]) depth--;
    else {
      if (depth === 0) names.push(m[2]);
      if (!m[3]) depth++;
    }
  }
  return names;
};

/** CT_Worksheet's sequence (the elements these writers use). */
const SCHEMA_ORDER = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'drawing',
  'legacyDrawing',
  'tableParts',
  'extLst',
];

describe('the package writer (the command line’s copy)', () => {
  const original = new Uint8Array(readFileSync(path.join(FIXTURES, 'rich.xlsx')));
  let first: Uint8Array;
  let second: Uint8Array;
  let file: string;
  beforeAll(async () => {
    first = await writeOutputSheets(original, SHEETS);
    second = await writeOutputSheets(first, SHEETS);
    file = path.join(tempDir(), 'copy.xlsx');
    writeFileSync(file, first);
  });

  test('openpyxl reads each styled row’s look across the sheet, header heights, frozen panes and the page setup', () => {
    const read = openpyxl(
      file,
      SHEETS.map((s) => s.name),
    );
    for (const output of SHEETS) expectDrawn(read[output.name], output);
    // The + of the collapsed group is on the column after it.
    expect(read.Resultat.columns.E).toEqual([0, false, true]);
  });

  test('the worksheet’s elements follow the schema’s order', async () => {
    const zip = await JSZip.loadAsync(first);
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    expect(workbook).toContain('name="Resultat"');
    for (const part of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
      const xml = await zip.file(part)!.async('string');
      if (!xml.includes('Skrevet af Råderum')) continue;
      const names = childrenOf(xml);
      expect(names).toEqual(SCHEMA_ORDER.filter((n) => names.includes(n)));
      expect(names).toEqual(expect.arrayContaining(['sheetPr', 'sheetViews', 'pageSetup', 'headerFooter', 'rowBreaks']));
    }
  });

  test('print titles: one per output sheet, local to it, quoted; the user’s defined names kept', async () => {
    const before = await partText(original, 'xl/workbook.xml');
    const after = await partText(first, 'xl/workbook.xml');
    const index = (name: string) => [...after.matchAll(/<sheet\b[^>]*name="([^"]*)"/g)].map((m) => m[1]).indexOf(name);
    expect(printTitles(after).sort()).toEqual(
      [
        `${index('Resultat')}: 'Resultat'!$5:$5`,
        `${index('Råderum')}: 'Råderum'!$5:$5`,
        `${index("Sammen'ligning")}: 'Sammen''ligning'!$5:$5`,
      ].sort(),
    );
    for (const name of before.match(/<definedName\b[\s\S]*?<\/definedName>/g) ?? []) expect(after).toContain(name);
    expect((before.match(/<definedName\b/g) ?? []).length).toBeGreaterThan(0);
  });

  test('a second run onto the copy writes the same package: no duplicate styles, names or breaks', async () => {
    const a = await JSZip.loadAsync(first);
    const b = await JSZip.loadAsync(second);
    expect(Object.keys(b.files).sort()).toEqual(Object.keys(a.files).sort());
    for (const name of Object.keys(a.files)) {
      if (a.files[name].dir) continue;
      expect({ name, text: await b.file(name)!.async('string') }).toEqual({ name, text: await a.file(name)!.async('string') });
    }
  });

  test('the styles part gains fonts, fills, borders and wrapped cell formats once; a style is reused, not repeated', async () => {
    const styles = await partText(first, 'xl/styles.xml');
    const fills = styles.match(/<fill>[\s\S]*?<\/fill>/g)!;
    expect(new Set(fills).size).toBe(fills.length);
    for (const look of Object.values(ROW_STYLES))
      if (look.fill) expect(fills.filter((f) => f.includes(`rgb="FF${look.fill}"`))).toHaveLength(1);
    const borders = styles.match(/<border>[\s\S]*?<\/border>/g)!;
    expect(new Set(borders).size).toBe(borders.length);
    expect(styles).toContain('<alignment wrapText="1"/>');
    const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1].match(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)!;
    expect(new Set(xfs).size).toBe(xfs.length);
    expect(/<cellXfs count="(\d+)"/.exec(styles)![1]).toBe(String(xfs.length));
  });

  test('an old print title of an output sheet is replaced where it stands; a sheet without title rows loses it', async () => {
    const withoutTitles = SHEETS.map((s, i) => (i === 0 ? sheet(s.name, { titles: false }) : s));
    const copy = await writeOutputSheets(first, withoutTitles);
    const xml = await partText(copy, 'xl/workbook.xml');
    const titles = printTitles(xml);
    expect(titles).toHaveLength(2);
    expect(titles.some((t) => t.includes("'Resultat'"))).toBe(false);
    expect(printTitles(await partText(await writeOutputSheets(copy, SHEETS), 'xl/workbook.xml')).sort()).toEqual(
      printTitles(await partText(first, 'xl/workbook.xml')).sort(),
    );
  });

  test('a replaced sheet keeps its tab colour, page breaks setting, margins and printer settings; the rest is the output’s', async () => {
    const zip = await JSZip.loadAsync(first);
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    const relId = /<sheet\b[^>]*name="Resultat"[^>]*r:id="([^"]+)"/.exec(workbook)![1];
    const part = `xl/${new RegExp(`Id="${relId}"[^>]*Target="([^"]+)"`).exec(rels)![1]}`;
    let xml = await zip.file(part)!.async('string');
    xml = xml
      .replace(/<sheetPr>[\s\S]*?<\/sheetPr>/, '<sheetPr><tabColor rgb="FFFF0000"/><pageSetUpPr autoPageBreaks="0"/></sheetPr>')
      .replace(/<pageMargins\b[^>]*\/>/, '<pageMargins left="0.3" right="0.3" top="0.5" bottom="0.5" header="0.2" footer="0.2"/>')
      .replace(/<pageSetup\b[^>]*\/>/, '<pageSetup paperSize="1" orientation="portrait" scale="80" r:id="rId99"/>')
      .replace(
        /<headerFooter>[\s\S]*?<\/headerFooter>/,
        '<headerFooter><oddHeader>&amp;CGammel</oddHeader><evenHeader>x</evenHeader></headerFooter>',
      );
    zip.file(part, xml);
    const sheetRels = part.replace(/worksheets\/(sheet\d+\.xml)$/, 'worksheets/_rels/$1.rels');
    const printer = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/printerSettings';
    const relsXml =
      (await zip.file(sheetRels)?.async('string')) ??
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    zip.file(
      sheetRels,
      relsXml.replace(
        '</Relationships>',
        `<Relationship Id="rId99" Type="${printer}" Target="../printerSettings/printerSettings1.bin"/></Relationships>`,
      ),
    );
    zip.file('xl/printerSettings/printerSettings1.bin', new Uint8Array([1, 2, 3]));
    const edited = await zip.generateAsync({ type: 'uint8array' });

    const copy = await JSZip.loadAsync(await writeOutputSheets(edited, SHEETS));
    const out = await copy.file(part)!.async('string');
    expect(out).toContain('<sheetPr><tabColor rgb="FFFF0000"/><pageSetUpPr autoPageBreaks="0" fitToPage="1"/></sheetPr>');
    expect(out).toContain('<pageMargins left="0.3" right="0.3" top="0.5" bottom="0.5" header="0.2" footer="0.2"/>');
    expect(out).toContain(
      '<pageSetup paperSize="9" orientation="landscape" scale="80" r:id="rId99" fitToWidth="1" fitToHeight="0"/>',
    );
    expect(out).not.toContain('Gammel');
    expect(out).not.toContain('evenHeader');
    expect(await copy.file(sheetRels)!.async('string')).toContain('Id="rId99"');
    expect(copy.file('xl/printerSettings/printerSettings1.bin')).not.toBeNull();
    expect(childrenOf(out)).toEqual(SCHEMA_ORDER.filter((n) => childrenOf(out).includes(n)));
  });
});

describe('the ExcelJS writer (new workbooks: template, sample, preview)', () => {
  let file: string;
  beforeAll(async () => {
    file = path.join(tempDir(), 'new.xlsx');
    await newWorkbook(SHEETS).xlsx.writeFile(file);
  });

  test('openpyxl reads each styled row’s look across the sheet, header heights, frozen panes and the page setup', () => {
    const read = openpyxl(
      file,
      SHEETS.map((s) => s.name),
    );
    for (const output of SHEETS) expectDrawn(read[output.name], output);
  });

  test('written again onto the saved workbook: one print title per sheet, the same breaks', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    writeSheets(book, SHEETS);
    const again = path.join(tempDir(), 'again.xlsx');
    await book.xlsx.writeFile(again);
    const xml = await partText(new Uint8Array(readFileSync(again)), 'xl/workbook.xml');
    expect(printTitles(xml)).toHaveLength(3);
    const read = openpyxl(
      again,
      SHEETS.map((s) => s.name),
    );
    for (const output of SHEETS) expectDrawn(read[output.name], output);
  });
});
