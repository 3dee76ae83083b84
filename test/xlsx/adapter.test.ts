/** The ExcelJS adapter on its own: values, grids, packages from other tools, and writing output sheets. */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync } from 'fs';
import * as path from 'path';
import { NO_VALUE } from '../../src/workbook/grid';
import type { OutputSheet } from '../../src/workbook/output';
import { OUTPUT_MARK, readBook } from '../../src/workbook/read';
import { MAX_SHEET_CELLS, plainValue, readSheets, TableNameTaken, writeSheets } from '../../src/xlsx/cells';
import { openWorkbook } from '../../src/xlsx/open';
import { dropDanglingReferences, normaliseCommentsXml, normaliseTableXml, resolveTarget } from '../../src/xlsx/package';
import { workbookHost } from '../../src/xlsx/workbook-host';
import { HostError } from '../../src/workbook/host';

function output(name: string, rows: (string | number | null)[][], table?: string): OutputSheet {
  return {
    name,
    values: rows,
    formats: rows.map((r) => r.map(() => 'General')),
    boldRows: [],
    tables: table ? [{ name: table, row: 0, column: 0, rowCount: rows.length, columnCount: rows[0].length }] : [],
    columnWidths: [],
  };
}

async function roundTrip(workbook: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  return (await openWorkbook((await workbook.xlsx.writeBuffer()) as ArrayBuffer)).workbook;
}

describe('plainValue', () => {
  test('a formula without a stored result is NO_VALUE, never 0 or empty', () => {
    expect(plainValue({ formula: 'A1*2' } as ExcelJS.CellValue)).toEqual({ error: NO_VALUE });
    expect(plainValue({ sharedFormula: 'E2' } as ExcelJS.CellValue)).toEqual({ error: NO_VALUE });
    expect(plainValue({ formula: 'A1*2', result: undefined } as ExcelJS.CellValue)).toEqual({ error: NO_VALUE });
  });
  test('a formula with a stored result gives the result; an error gives its code', () => {
    expect(plainValue({ formula: 'A1*2', result: 84 } as ExcelJS.CellValue)).toBe(84);
    expect(plainValue({ formula: 'A1*2', result: 0 } as ExcelJS.CellValue)).toBe(0);
    expect(plainValue({ formula: 'A1', result: 'tekst' } as ExcelJS.CellValue)).toBe('tekst');
    expect(plainValue({ formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellValue)).toEqual({ error: '#DIV/0!' });
    expect(plainValue({ error: '#N/A' } as ExcelJS.CellValue)).toEqual({ error: '#N/A' });
  });
});

describe('readSheets', () => {
  test('a merged range’s value stands in its top-left cell only', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Forslag');
    ws.getCell('A1').value = 'Titel over alle kolonner';
    ws.mergeCells('A1:D1');
    ws.getCell('B2').value = -100;
    ws.mergeCells('B2:C3');
    const [grid] = readSheets(await roundTrip(book));
    // ExcelJS repeats the title in B1:D1 and -100 in C2, B3 and C3.
    expect(grid.values).toEqual([['Titel over alle kolonner'], [null, -100]]);
  });

  test('the grid starts at the first used cell: a header in row 1.048.576 is one row, not a million', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Forslag');
    ws.getCell('C1048576').value = 'Nr';
    ws.getCell('D1048576').value = 'Titel';
    const [grid] = readSheets(await roundTrip(book));
    expect(grid.origin).toEqual({ row: 1048575, column: 2 });
    expect(grid.values).toEqual([['Nr', 'Titel']]);
    expect(grid.oversized).toBeUndefined();
  });

  test('a sheet whose used area passes 5 million cells is handed over as oversized, not read', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Stor');
    ws.getCell('A1').value = 'Nr';
    ws.getCell('XFD1048576').value = 'x';
    const [grid] = readSheets(await roundTrip(book));
    expect(grid.oversized).toEqual({ rowCount: 1048576, columnCount: 16384 });
    expect(grid.values).toEqual([]);
    expect(1048576 * 16384).toBeGreaterThan(MAX_SHEET_CELLS);
    expect(readBook([grid]).issues.map((i) => i.code)).toContain('sheetTooLarge');
  });

  test('output sheets are handed over too (their top rows), so readBook can check the mark', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Forslag').getCell('A1').value = 'Nr';
    const mine = book.addWorksheet('RESULTAT');
    mine.getCell('A1').value = 'Mine tal';
    for (let r = 2; r < 100; r++) mine.getCell(r, 1).value = r;
    const sheets = readSheets(book);
    expect(sheets.map((s) => [s.name, s.values.length])).toEqual([
      ['Forslag', 1],
      ['RESULTAT', 3],
    ]);
    expect(readBook(sheets).issues.map((i) => i.code)).toContain('outputSheetNotOurs');
  });

  test('a user’s sheet named like an output sheet whose content starts below row 3 is still told apart, never overwritten', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Resultat').getCell('A5').value = 'Mine egne noter';
    const [grid] = readSheets(book);
    expect(grid).toMatchObject({ origin: { row: 4, column: 0 }, values: [['Mine egne noter']] });
    expect(readBook([grid]).issues.map((i) => i.code)).toContain('outputSheetNotOurs');
  });
});

describe('packages from other tools', () => {
  test('part targets resolve whether absolute or relative', () => {
    expect(resolveTarget('xl/worksheets/sheet1.xml', '/xl/tables/table1.xml')).toBe('xl/tables/table1.xml');
    expect(resolveTarget('xl/worksheets/sheet1.xml', '../tables/table1.xml')).toBe('xl/tables/table1.xml');
    expect(resolveTarget('xl/workbook.xml', 'worksheets/sheet%201.xml')).toBe('xl/worksheets/sheet 1.xml');
    expect(resolveTarget('', 'xl/workbook.xml')).toBe('xl/workbook.xml');
  });

  test('references to parts not carried over are removed; comment text without runs gets one', () => {
    const sheet =
      '<sheetData/><drawing r:id="rId1"/><legacyDrawing r:id="rId2"/><tableParts count="1"><tablePart r:id="rId3"/></tableParts>';
    expect(dropDanglingReferences(sheet, new Set(['rId2', 'rId3']))).toBe(
      '<sheetData/><legacyDrawing r:id="rId2"/><tableParts count="1"><tablePart r:id="rId3"/></tableParts>',
    );
    expect(normaliseCommentsXml('<comment ref="B2"><text><t>Aftalt</t></text></comment>')).toBe(
      '<comment ref="B2"><text><r><t>Aftalt</t></r></text></comment>',
    );
    const runs = '<comment ref="B2"><text><r><t>Aftalt</t></r></text></comment>';
    expect(normaliseCommentsXml(runs)).toBe(runs);
  });

  test('SpreadsheetML under a prefix (<x:worksheet>, as OpenXML SDK tools write it) reads like any other', async () => {
    const zip = await JSZip.loadAsync(readFileSync(path.join(__dirname, '..', 'fixtures', 'real', 'openpyxl-tables.xlsx')));
    const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    for (const name of Object.keys(zip.files).filter((n) =>
      /^xl\/(workbook|styles|worksheets\/sheet\d+|tables\/table\d+)\.xml$/.test(n),
    )) {
      const xml = await zip.file(name)!.async('string');
      zip.file(name, xml.replace(/<(\/?)([A-Za-z])/g, '<$1x:$2').replace(`xmlns="${main}"`, `xmlns:x="${main}"`));
    }
    const { workbook } = await openWorkbook(await zip.generateAsync({ type: 'uint8array' }));
    const read = readBook(readSheets(workbook));
    expect(read.lists.map((l) => [l.sheet, l.table, l.proposals])).toEqual([['Forslag', 'Forslag_T', 2]]);
    expect(read.book?.proposals.map((p) => p.nr)).toEqual(['A1', 'A2']);
  });

  test('a 1904 workbook as LibreOffice marks it (date1904="true") reads its dates in the 1904 system', async () => {
    const file = readFileSync(path.join(__dirname, '..', 'fixtures', 'contract', 'date1904.xlsx'));
    const zip = await JSZip.loadAsync(file);
    const xml = await zip.file('xl/workbook.xml')!.async('string');
    expect(xml).toMatch(/date1904="(1|true)"/);
    zip.file('xl/workbook.xml', xml.replace(/date1904="(1|true)"/, 'date1904="true"'));
    const asLibreOffice = readSheets((await openWorkbook(await zip.generateAsync({ type: 'uint8array' }))).workbook);
    const asWritten = readSheets((await openWorkbook(file)).workbook);
    expect(asLibreOffice[0].values[1]).toEqual(['M1', 'Mac-dato', '2026-02-01']);
    expect(asLibreOffice).toEqual(asWritten);
  });

  test('what the copy cannot carry is found in the package: macros, charts, pivot tables, links to other workbooks', async () => {
    const zip = await JSZip.loadAsync(readFileSync(path.join(__dirname, '..', 'fixtures', 'real', 'libreoffice-macro.xlsm')));
    expect((await openWorkbook(await zip.generateAsync({ type: 'uint8array' }))).facts).toEqual({
      macros: false,
      charts: false,
      pivotTables: false,
      externalLinks: false,
    });
    zip.file('xl/vbaProject.bin', new Uint8Array([1, 2, 3]));
    zip.file('xl/charts/chart1.xml', '<chartSpace/>');
    zip.file('xl/pivotTables/pivotTable1.xml', '<pivotTableDefinition/>');
    zip.file('xl/externalLinks/externalLink1.xml', '<externalLink/>');
    expect((await openWorkbook(await zip.generateAsync({ type: 'uint8array' }))).facts).toEqual({
      macros: true,
      charts: true,
      pivotTables: true,
      externalLinks: true,
    });
  });

  test('a table without headerRowCount has a header row (Excel leaves out the default)', async () => {
    expect(normaliseTableXml('<table id="1" name="T" ref="A1:B3"><tableColumns/></table>')).toBe(
      '<table headerRowCount="1" id="1" name="T" ref="A1:B3"><tableColumns/><tableStyleInfo showFirstColumn="0" showLastColumn="0" showRowStripes="0" showColumnStripes="0"/></table>',
    );
    // The committed sample with its tables written as Excel writes them.
    const zip = await JSZip.loadAsync(
      readFileSync(path.join(__dirname, '..', '..', 'assets', 'sample', 'raaderum-eksempel.xlsx')),
    );
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/tables\/.+\.xml$/.test(n))) {
      const xml = await zip.file(name)!.async('string');
      zip.file(name, xml.replace(/ headerRowCount="1"/, ''));
    }
    const excelLike = await zip.generateAsync({ type: 'uint8array' });
    const { workbook } = await openWorkbook(excelLike);
    const read = readBook(readSheets(workbook));
    expect(read.lists.map((l) => l.table)).toEqual(['Forslag_Hoersholm', 'Forslag_Faxe', 'Forslag_Koebenhavn']);
    // …and the copy keeps them as tables with headers.
    const written = await JSZip.loadAsync((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    expect(await written.file('xl/tables/table1.xml')!.async('string')).toContain('headerRowCount="1"');
  });

  test('a package without a theme gets one in the copy (its relationship would otherwise point at nothing)', async () => {
    const zip = await JSZip.loadAsync(await new ExcelJS.Workbook().xlsx.writeBuffer().then((b) => b));
    expect(zip.file('xl/theme/theme1.xml')).not.toBeNull();
    const book = new ExcelJS.Workbook();
    book.addWorksheet('A').getCell('A1').value = 1;
    const noTheme = await JSZip.loadAsync((await book.xlsx.writeBuffer()) as ArrayBuffer);
    noTheme.remove('xl/theme/theme1.xml');
    const rels = await noTheme.file('xl/_rels/workbook.xml.rels')!.async('string');
    noTheme.file('xl/_rels/workbook.xml.rels', rels.replace(/<Relationship [^>]*theme[^>]*\/>/, ''));
    const { workbook } = await openWorkbook(await noTheme.generateAsync({ type: 'uint8array' }));
    const copy = await JSZip.loadAsync((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    expect(copy.file('xl/theme/theme1.xml')).not.toBeNull();
  });
});

describe('writeSheets', () => {
  const mark = (name: string, table?: string) =>
    output(
      name,
      [
        ['Nr', 'Tal'],
        [OUTPUT_MARK, 1],
        ['x', 2],
      ],
      table,
    );

  test('an output sheet under another case (resultat, RÅDERUM) is the output sheet: replaced where it stands', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Forslag');
    const old = book.addWorksheet('resultat', { properties: { tabColor: { argb: 'FFFF0000' } } });
    old.getCell('A1').value = 'gammelt';
    old.getCell('Z99').value = 'gammelt';
    old.mergeCells('A5:C5');
    old.addTable({ name: 'Gammel', ref: 'E1', columns: [{ name: 'a' }], rows: [[1]] });
    book.addWorksheet('RÅDERUM');
    book.addWorksheet('Scenarier');
    writeSheets(book, [mark('Resultat', 'Resultat_T'), mark('Råderum')]);
    const again = await roundTrip(book);
    expect(again.worksheets.map((w) => w.name)).toEqual(['Forslag', 'resultat', 'RÅDERUM', 'Scenarier']);
    const resultat = again.getWorksheet('resultat')!;
    expect(resultat.properties.tabColor).toEqual({ argb: 'FFFF0000' });
    expect(resultat.getCell('Z99').value).toBeNull();
    expect(resultat.getCell('A1').value).toBe('Nr');
    expect(resultat.getTables().map((t) => (t as unknown as { table: { name: string } }).table.name)).toEqual(['Resultat_T']);
    expect(Object.keys(resultat.model.merges)).toHaveLength(0);
  });

  test('running twice leaves one table per name', async () => {
    const book = new ExcelJS.Workbook();
    writeSheets(book, [mark('Resultat', 'Resultat_T')]);
    writeSheets(book, [mark('Resultat', 'Resultat_T')]);
    const again = await roundTrip(book);
    expect(again.worksheets.flatMap((w) => w.getTables())).toHaveLength(1);
  });

  test('a user’s table named like an output table: an error, and the workbook unchanged', () => {
    const book = new ExcelJS.Workbook();
    const mine = book.addWorksheet('Mine');
    mine.addTable({ name: 'resultat_t', ref: 'A1', columns: [{ name: 'a' }], rows: [[1]] });
    const before = book.worksheets.map((w) => w.name);
    expect(() => writeSheets(book, [mark('Sammenligning'), mark('Resultat', 'Resultat_T')])).toThrow(TableNameTaken);
    expect(book.worksheets.map((w) => w.name)).toEqual(before);
  });

  test('the preview’s host hands readBook every sheet and turns a table-name clash into a HostError', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Forslag').getCell('A1').value = 'Nr';
    book.addWorksheet('Resultat').getCell('A2').value = OUTPUT_MARK;
    book.addWorksheet('Mine').addTable({ name: 'T', ref: 'A1', columns: [{ name: 'a' }], rows: [[1]] });
    const host = workbookHost(() => book);
    expect((await host.read()).map((s) => s.name)).toEqual(['Forslag', 'Resultat', 'Mine']);
    await expect(host.run(() => [mark('Resultat', 't')])).rejects.toBeInstanceOf(HostError);
  });
});
