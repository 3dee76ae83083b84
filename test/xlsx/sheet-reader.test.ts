/**
 * The direct reader (src/xlsx/sheet-reader.ts) on files saved by other tools
 * (test/fixtures/readers, made by scripts/make-reader-fixtures.py), held to the
 * grids Excel shows for them and to the ExcelJS adapter where the two agree.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import type { CellValue, SheetCells } from '../../src/workbook/grid';
import { OUTPUT_MARK, readBook } from '../../src/workbook/read';
import { runWorkbook } from '../../src/workbook/run';
import { readSheets } from '../../src/xlsx/cells';
import { FileProblem } from '../../src/xlsx/files';
import { openWorkbook } from '../../src/xlsx/open';
import { readSheetsFromPackage, readWorkbookSheets } from '../../src/xlsx/sheet-reader';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, 'readers', name));
const noValue = { error: 'noValue' };

/** What Excel shows for scripts/make-reader-fixtures.py's workbook, once calculated. */
const FORSLAG: CellValue[][] = [
  ['Nr', 'Titel', 'Art', 'Udgift 2027', 'Udgift 2028', 'I alt'],
  ['A1', 'Skolebus', 'Reduktion', -100000, -120000, -220000],
  ['A2', 'Mere rengøring', 'Udvidelse', 50000, 50000, 100000],
  // B4:C4 merged: the value stands in B4 only.
  ['A3', 'Flettet titel', null, 0, 0, 0],
];
const NOTER: CellValue[][] = [
  ['Dato', '2026-02-01', '12:00:00', '2026-02-01'], // yyyy-mm-dd, hh:mm:ss, built-in 14
  ['Fejl', { error: '#DIV/0!' }, { error: '#N/A' }],
  ['Sandt/falsk', true, false],
  ['Tekst', '007'], // D5 is ="" : shown empty
  ['Flettet', 'over to'], // C6:D7 merged
];
const calculated = (): SheetCells[] => [
  {
    name: 'Forslag',
    origin: { row: 0, column: 0 },
    values: FORSLAG,
    tables: [{ name: 'Forslag_T', row: 0, column: 0, rowCount: 4, columnCount: 6 }],
  },
  { name: 'Noter', origin: { row: 1, column: 1 }, values: NOTER, tables: [] },
  { name: 'Skjult', origin: { row: 0, column: 0 }, values: [['skjult, men læst']], tables: [] },
  // LibreOffice saves the empty chartsheet as an empty worksheet.
  { name: 'Diagram', origin: { row: 0, column: 0 }, values: [], tables: [] },
];

/** ExcelJS's reading, with its one known difference (a "" result reads as no stored result) put right. */
async function throughExcelJS(bytes: Uint8Array): Promise<SheetCells[]> {
  const sheets = readSheets((await openWorkbook(bytes)).workbook);
  const noter = sheets.find((s) => s.name === 'Noter');
  if (noter && noter.values[3].length === 3) {
    expect(noter.values[3][2]).toEqual(noValue);
    noter.values[3].length = 2;
  }
  return sheets;
}

describe('files saved by other tools read as Excel shows them', () => {
  test('LibreOffice: stored results, errors, booleans as formulas, a hidden sheet, a merged range', async () => {
    const { sheets, facts } = await readSheetsFromPackage(fixture('libreoffice.xlsx'));
    expect(sheets).toEqual(calculated());
    expect(facts).toEqual({ macros: false, charts: false, pivotTables: false, externalLinks: false });
    expect(sheets).toEqual(await throughExcelJS(fixture('libreoffice.xlsx')));
  });

  test('openpyxl: inline strings, no theme, absolute table target, formulas without a stored result, a chartsheet skipped', async () => {
    const bytes = fixture('openpyxl.xlsx');
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files).filter((n) => /theme/.test(n))).toEqual([]);
    expect(await zip.file('xl/worksheets/sheet1.xml')!.async('string')).toContain('t="inlineStr"');
    expect(await zip.file('xl/worksheets/_rels/sheet1.xml.rels')!.async('string')).toContain('Target="/xl/tables/table1.xml"');
    const { sheets, facts } = await readSheetsFromPackage(bytes);
    const [forslag, noter, skjult] = calculated();
    // openpyxl stores no results: each formula is "no stored result", never 0 or empty.
    expect(sheets).toEqual([
      { ...forslag, values: FORSLAG.map((row, r) => (r === 0 ? row : [...row.slice(0, 5), noValue])) },
      {
        ...noter,
        values: [NOTER[0], ['Fejl', noValue, noValue], NOTER[2], ['Tekst', '007', noValue], NOTER[4]],
      },
      skjult,
    ]);
    expect(facts.charts).toBe(true); // the chartsheet
    expect(sheets).toEqual(readSheets((await openWorkbook(bytes)).workbook));
  });

  test('Google-Sheets-like: absolute targets, x: prefix, odd table path, rich text with phonetic runs, shared formulas, a cell without r', async () => {
    const bytes = fixture('google-like.xlsx');
    const zip = await JSZip.loadAsync(bytes);
    const sheet1 = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet1).toContain('<x:worksheet');
    expect(sheet1).toContain('<x:f t="shared" si="0"/>');
    expect(await zip.file('xl/sharedStrings.xml')!.async('string')).toContain('<x:rPh');
    expect(await zip.file('xl/worksheets/_rels/sheet1.xml.rels')!.async('string')).toContain(
      'Target="./../tables/../tables/Forslag%20tabel.xml"',
    );
    const { sheets } = await readSheetsFromPackage(bytes);
    expect(sheets).toEqual(calculated());
    expect(sheets).toEqual(await throughExcelJS(bytes));
  });

  test('LibreOffice 1904 workbook (date1904="true"): its dates in the 1904 system', async () => {
    const bytes = fixture('libreoffice-1904.xlsx');
    const zip = await JSZip.loadAsync(bytes);
    expect(await zip.file('xl/workbook.xml')!.async('string')).toContain('date1904="true"');
    const { sheets } = await readSheetsFromPackage(bytes);
    expect(sheets).toEqual([
      {
        name: 'Mac',
        origin: { row: 0, column: 0 },
        values: [
          ['Dato', '2026-02-01'],
          ['Tal', 2],
        ],
        tables: [],
      },
    ]);
    expect(sheets).toEqual(readSheets((await openWorkbook(bytes)).workbook));
  });

  test('the files of test/fixtures/real and the sample read as through ExcelJS', async () => {
    for (const file of [
      'real/libreoffice-div0.xlsx',
      'real/libreoffice-macro.xlsm',
      'real/libreoffice-tables.xlsx',
      'real/openpyxl-chart.xlsx',
      'real/openpyxl-formulas.xlsx',
      'real/openpyxl-merged.xlsx',
      'real/openpyxl-tables.xlsx',
      '../../assets/sample/raaderum-eksempel.xlsx',
    ]) {
      const bytes = readFileSync(path.join(FIXTURES, file));
      expect([file, (await readSheetsFromPackage(bytes)).sheets]).toEqual([file, await throughExcelJS(bytes)]);
    }
  });
});

async function written(book: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('grids as readSheets gives them', () => {
  test('the grid starts at the first used cell; a far cell makes the sheet oversized', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Forslag');
    ws.getCell('C1048576').value = 'Nr';
    ws.getCell('D1048576').value = 'Titel';
    const stor = book.addWorksheet('Stor');
    stor.getCell('A1').value = 'Nr';
    stor.getCell('XFD1048576').value = 'x';
    const [forslag, big] = (await readSheetsFromPackage(await written(book))).sheets;
    expect(forslag).toEqual({ name: 'Forslag', origin: { row: 1048575, column: 2 }, values: [['Nr', 'Titel']], tables: [] });
    expect(big).toEqual({
      name: 'Stor',
      origin: { row: 0, column: 0 },
      values: [],
      tables: [],
      oversized: { rowCount: 1048576, columnCount: 16384 },
    });
  });

  test('a sheet with more values than the bound is handed over as oversized, with its used area (values stop being kept past the bound)', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Fuld');
    for (let r = 1; r <= 5; r++) for (let c = 1; c <= 4; c++) ws.getCell(r + 2, c + 1).value = r * c;
    book.addWorksheet('Lille').getCell('B2').value = 'x';
    const bytes = await written(book);
    // 20 values in C3:F7; at most 12 kept.
    const [full, small] = (await readSheetsFromPackage(bytes, { maxCells: 12 })).sheets;
    expect(full).toEqual({
      name: 'Fuld',
      origin: { row: 2, column: 1 },
      values: [],
      tables: [],
      oversized: { rowCount: 5, columnCount: 4 },
    });
    expect(small.values).toEqual([['x']]);
    expect((await readSheetsFromPackage(bytes, { maxCells: 20 })).sheets[0].values[4]).toEqual([5, 10, 15, 20]);
  });

  test('output sheets: only their first rows from the first row with a value, so readBook can check the mark', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Forslag').getCell('A1').value = 'Nr';
    const mine = book.addWorksheet('RESULTAT');
    mine.getCell('A5').value = 'Mine tal';
    for (let r = 6; r < 100; r++) mine.getCell(r, 1).value = r;
    // A merged title over row 1 of an output sheet: its first row then starts lower.
    const ours = book.addWorksheet('Råderum');
    ours.mergeCells('A1:C1');
    ours.getCell('A2').value = OUTPUT_MARK;
    for (let r = 3; r < 50; r++) ours.getCell(r, 1).value = r;
    // ExcelJS writes no value in B1 of the merged range; Excel keeps one there if it was typed before merging.
    const zip = await JSZip.loadAsync(await written(book));
    const part = 'xl/worksheets/sheet3.xml';
    const xml = await zip.file(part)!.async('string');
    expect(xml).toContain('<c r="B1"/>');
    zip.file(part, xml.replace('<c r="B1"/>', '<c r="B1" t="inlineStr"><is><t>dækket</t></is></c>'));
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    const sheets = (await readSheetsFromPackage(bytes)).sheets;
    expect(sheets.map((s) => [s.name, s.origin.row, s.values.length])).toEqual([
      ['Forslag', 0, 1],
      ['RESULTAT', 4, 3],
      ['Råderum', 1, 3],
    ]);
    expect(sheets).toEqual(readSheets((await openWorkbook(bytes)).workbook));
    expect(readBook(sheets).issues.map((i) => i.code)).toContain('outputSheetNotOurs');
  });

  test('a generated list of 2.000 proposals reads as through ExcelJS, and runs the same', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Forslag');
    ws.addRow(['Nr', 'Titel', 'Art', 'Udgift 2027', 'Udgift 2028', 'Udgift 2029', 'Udgift 2030']);
    for (let i = 1; i <= 2000; i++)
      ws.addRow([`F-${i}`, `Forslag ${i} & <mere>`, i % 3 ? 'Reduktion' : 'Udvidelse', -i * 1000, -i * 1000, 0, i * 0.5]);
    const params = book.addWorksheet('Scenarier');
    params.addRows([
      ['Parameter', 'Basis'],
      ['Råderum 2027', 5_000_000],
      ['Råderum 2028', 5_000_000],
      ['Råderum 2029', 5_000_000],
      ['Råderum 2030', 5_000_000],
    ]);
    const bytes = await written(book);
    const direct = (await readSheetsFromPackage(bytes)).sheets;
    const viaExcelJS = readSheets((await openWorkbook(bytes)).workbook);
    expect(direct).toEqual(viaExcelJS);
    expect(direct[0].values[2000]).toEqual(['F-2000', 'Forslag 2000 & <mere>', 'Reduktion', -2000000, -2000000, 0, 1000]);
    expect(runWorkbook(direct)).toEqual(runWorkbook(viaExcelJS));
  });
});

describe('what is no workbook, or a damaged one', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sheet-reader-'));
  const problem = async (file: string) =>
    readWorkbookSheets(file).then(
      () => 'read',
      (error: unknown) => (error instanceof FileProblem ? error.kind : String(error)),
    );

  test('not a zip, an .ods, an .xls, a zip without a workbook part: the kinds openWorkbook gives', async () => {
    const text = path.join(dir, 'tekst.xlsx');
    writeFileSync(text, 'Nr;Titel\n');
    const zip = new JSZip();
    zip.file('hej.txt', 'hej');
    const empty = path.join(dir, 'tom.xlsx');
    writeFileSync(empty, await zip.generateAsync({ type: 'uint8array' }));
    expect(await problem(text)).toBe('notZip');
    expect(await problem(path.join(FIXTURES, 'real', 'libreoffice.ods'))).toBe('ods');
    expect(await problem(path.join(FIXTURES, 'real', 'libreoffice.xls'))).toBe('xls');
    expect(await problem(empty)).toBe('noWorkbookPart');
    expect(await problem(path.join(dir, 'findes-ikke.xlsx'))).toBe('missing');
  });

  test('a sheet part with broken XML is a damaged file, not a crash or an empty sheet', async () => {
    const zip = await JSZip.loadAsync(fixture('libreoffice.xlsx'));
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    zip.file('xl/worksheets/sheet1.xml', xml.replace('</sheetData>', '</sheetDat>'));
    const broken = path.join(dir, 'beskadiget.xlsx');
    writeFileSync(broken, await zip.generateAsync({ type: 'uint8array' }));
    expect(await problem(broken)).toBe('damaged');
    const good = path.join(dir, 'god.xlsx');
    writeFileSync(good, fixture('libreoffice.xlsx'));
    const read = await readWorkbookSheets(good);
    expect(read.sheets).toEqual(calculated());
    // The bytes come back for the copy, which is written from them.
    expect(Buffer.from(read.bytes).equals(fixture('libreoffice.xlsx'))).toBe(true);
  });
});
