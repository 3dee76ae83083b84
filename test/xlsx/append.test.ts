/**
 * OutputSheet.appendAt in the .xlsx writers: the command line's copy (package-writer) and the preview's workbook
 * (cells.ts) write a log's record below what the sheet holds; the user's rows above keep values and formats.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { OutputSheet } from '../../src/workbook/output';
import { readSheets, writeSheets } from '../../src/xlsx/cells';
import { openWorkbook } from '../../src/xlsx/open';
import { writeOutputSheets } from '../../src/xlsx/package-writer';

function record(appendAt: number, run: number): OutputSheet {
  return {
    name: 'Kørsler',
    values: [
      [`Kørsel ${run}`, null, null],
      ['Kørsel', 'Navn', 'Tidspunkt'],
      [run, null, '=runde'],
    ],
    formats: [
      ['@', 'General', 'General'],
      ['@', '@', '@'],
      ['General', '@', '@'],
    ],
    boldRows: [],
    tables: [],
    columnWidths: [30, 22, 18],
    rowStyles: [
      { row: 0, style: 'band' },
      { row: 1, style: 'header', lines: 2 },
    ],
    page: { header: { left: '&F', center: '&A', right: '' }, footer: { left: '', center: '', right: '' }, breaksBefore: [2] },
    appendAt,
  };
}

/** A workbook whose Kørsler a user has worked in: a name typed for run 1 (bold, red), a wide column, a break. */
function workedBook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Forslag').addRow(['Nr', 'Titel']);
  const log = workbook.addWorksheet('Kørsler');
  log.getCell('A1').value = 'Kørsler · Skrevet af Råderum';
  log.getCell('A3').value = 'Kørsel 1';
  log.getRow(4).values = ['Kørsel', 'Navn', 'Tidspunkt'];
  log.getRow(5).values = [1, 'Forhandlingsrunde 1', '2026-11-20 09:00'];
  log.getCell('B5').font = { bold: true, color: { argb: 'FFFF0000' } };
  log.getCell('C5').numFmt = '@';
  log.getColumn(2).width = 40;
  return workbook;
}

const cellsOf = (sheet: ExcelJS.Worksheet, rows: number) =>
  Array.from({ length: rows }, (_, r) => [1, 2, 3].map((c) => sheet.getCell(r + 1, c).value ?? null));

async function bytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

test("the command line's copy: the record below, the user's rows byte for byte, a second record below the first", async () => {
  const original = await bytes(workedBook());
  const sheetPart = async (data: Uint8Array) => {
    const zip = await JSZip.loadAsync(data);
    const name = Object.keys(zip.files).find((f) => /worksheets\/sheet2\.xml$/.test(f))!;
    return zip.file(name)!.async('string');
  };
  const before = await sheetPart(original);
  const userRows = [...before.matchAll(/<row\b[^>]*>[\s\S]*?<\/row>/g)].map((m) => m[0]);
  expect(userRows.length).toBe(4);

  const copy = await writeOutputSheets(original, [record(6, 2)]);
  const after = await sheetPart(copy);
  for (const row of userRows) expect(after).toContain(row);
  expect(after).toMatch(/<dimension ref="A1:C9"\/>/);
  expect(after).toMatch(/<brk id="8"/);

  const { workbook } = await openWorkbook(copy);
  const log = workbook.getWorksheet('Kørsler')!;
  expect(cellsOf(log, 9)).toEqual([
    ['Kørsler · Skrevet af Råderum', null, null],
    [null, null, null],
    ['Kørsel 1', null, null],
    ['Kørsel', 'Navn', 'Tidspunkt'],
    [1, 'Forhandlingsrunde 1', '2026-11-20 09:00'],
    [null, null, null],
    ['Kørsel 2', null, null],
    ['Kørsel', 'Navn', 'Tidspunkt'],
    [2, null, '=runde'],
  ]);
  expect(log.getCell('B5').font).toMatchObject({ bold: true, color: { argb: 'FFFF0000' } });
  expect(log.getColumn(2).width).toBe(40);
  expect(log.getCell('A8').font).toMatchObject({ bold: true });

  const again = await writeOutputSheets(copy, [record(10, 3)]);
  const reopened = (await openWorkbook(again)).workbook.getWorksheet('Kørsler')!;
  expect(cellsOf(reopened, 13).slice(0, 9)).toEqual(cellsOf(log, 9));
  expect(reopened.getCell('A11').value).toBe('Kørsel 3');
});

test("the preview's workbook: the record below, the user's rows and look kept, the sheet's widths kept", async () => {
  const workbook = workedBook();
  writeSheets(workbook, [record(6, 2)]);
  const log = workbook.getWorksheet('Kørsler')!;
  expect(cellsOf(log, 9)[4]).toEqual([1, 'Forhandlingsrunde 1', '2026-11-20 09:00']);
  expect(cellsOf(log, 9)[6]).toEqual(['Kørsel 2', null, null]);
  expect(log.getCell('B5').font).toMatchObject({ bold: true, color: { argb: 'FFFF0000' } });
  expect(log.getColumn(2).width).toBe(40);
  const grid = readSheets(workbook).find((s) => s.name === 'Kørsler')!;
  expect(grid.values[8]).toEqual([2, null, '=runde']);
});

test('a log sheet the workbook lacks is added and written from its row, its columns sized', async () => {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Forslag').addRow(['Nr', 'Titel']);
  writeSheets(workbook, [record(0, 1)]);
  expect(workbook.getWorksheet('Kørsler')!.getCell('A1').value).toBe('Kørsel 1');
  expect(workbook.getWorksheet('Kørsler')!.getColumn(1).width).toBe(30);
  const copy = await writeOutputSheets(await bytes(new ExcelJS.Workbook().addWorksheet('Forslag').workbook), [record(0, 1)]);
  expect((await openWorkbook(copy)).workbook.getWorksheet('Kørsler')!.getCell('A1').value).toBe('Kørsel 1');
});

test("the command line's copy keeps every cell and row below and beside the record: formulas showing '', spaces, heights", async () => {
  const workbook = workedBook();
  const log = workbook.getWorksheet('Kørsler')!;
  // What the reader sees as blank (so the log's appendAt lies above them) is still the user's.
  log.getCell('A89').value = { formula: 'IF(B4="","",B4)', result: '' };
  log.getCell('B89').value = { formula: 'B4', result: 'Navn' };
  log.getCell('J33').value = ' ';
  log.getCell('D7').value = ' ';
  log.getRow(40).height = 33;
  log.getRow(8).height = 27;
  const copy = await writeOutputSheets(await bytes(workbook), [record(6, 2)]);
  const after = (await openWorkbook(copy)).workbook.getWorksheet('Kørsler')!;
  expect(after.getCell('A89').formula).toBe('IF(B4="","",B4)');
  expect(after.getCell('B89').formula).toBe('B4');
  expect(after.getCell('J33').value).toBe(' ');
  expect(after.getCell('D7').value).toBe(' ');
  expect(after.getRow(40).height).toBe(33);
  expect(after.getCell('A7').value).toBe('Kørsel 2');
  expect(after.getCell('C9').value).toBe('=runde');
  const zip = await JSZip.loadAsync(copy);
  const part = await zip.file(Object.keys(zip.files).find((f) => /worksheets\/sheet2\.xml$/.test(f))!)!.async('string');
  // Each row once, in order.
  const numbers = [...part.matchAll(/<row\b[^>]*?\sr="(\d+)"/g)].map((m) => Number(m[1]));
  expect(numbers).toEqual([...new Set(numbers)].sort((a, b) => a - b));
  expect(part).toMatch(/<dimension ref="A1:J89"\/>/);
});
