/** OutputSheet.appendAt in the Office adapter: a log's sheet is written below what it holds, nothing above touched. */
import { readWorkbook, writeSheets } from '../../src/office/excel-adapter';
import type { OutputSheet } from '../../src/workbook/output';
import { ExcelDouble, FakeSheet, FULL_SUPPORT } from './excel-double';

/** A record of the log: a band, a header and a row; rows counted from the record's first. */
function record(appendAt: number | undefined, run: number): OutputSheet {
  const values = [
    [`Kørsel ${run}`, null, null],
    ['Kørsel', 'Navn', 'Tidspunkt'],
    [run, null, '2026-11-23 14:05'],
  ];
  return {
    name: 'Kørsler',
    values,
    formats: [
      ['@', 'General', 'General'],
      ['@', '@', '@'],
      ['General', '@', '@'],
    ],
    boldRows: [1],
    tables: [],
    columnWidths: [30, 22, 18],
    rowStyles: [
      { row: 0, style: 'band' },
      { row: 1, style: 'header', lines: 2 },
    ],
    page: {
      header: { left: '&F', center: '&A', right: '' },
      footer: { left: '', center: '', right: 'Side &P af &N' },
      breaksBefore: [2],
    },
    ...(appendAt === undefined ? {} : { appendAt }),
  };
}

/** A log a user has worked in: a first record, a name typed for it (bold, text), a wider column, a page break. */
function workedLog(): FakeSheet {
  const sheet = FakeSheet.from('Kørsler', [
    ['Kørsler · Skrevet af Råderum'],
    [],
    ['Kørsel 1'],
    ['Kørsel', 'Navn', 'Tidspunkt'],
    [1, 'Forhandlingsrunde 1', '2026-11-20 09:00'],
  ]);
  sheet.style({ row: 4, column: 1, rowCount: 1, columnCount: 1 }, (cell) => {
    cell.bold = true;
    cell.format = '@';
  });
  sheet.columnWidths.set(1, 300);
  sheet.rowHeights.set(3, 30);
  sheet.page.breaks = [2];
  return sheet;
}

const rowsOf = (sheet: FakeSheet, from: number, count: number) =>
  sheet.values({ row: from, column: 0, rowCount: count, columnCount: 3 });

test("appendAt: the new record below, the user's rows above as they were (values, formats, widths, heights, breaks)", async () => {
  const log = workedLog();
  const excel = new ExcelDouble([FakeSheet.from('Forslag', [['Nr', 'Titel']]), log]);
  const above = JSON.stringify([[...log.cells].filter(([r]) => r < 6)]);
  const book = await readWorkbook(excel.context);
  excel.syncs = 0;
  await writeSheets(excel.context, [record(6, 2)], { support: FULL_SUPPORT, workbook: book });
  expect(excel.syncs).toBe(1);
  const sheet = excel.sheet('Kørsler')!;
  expect(sheet).toBe(log);
  expect(JSON.stringify([[...sheet.cells].filter(([r]) => r < 6)])).toBe(above);
  expect(rowsOf(sheet, 6, 3)).toEqual([
    ['Kørsel 2', '', ''],
    ['Kørsel', 'Navn', 'Tidspunkt'],
    [2, '', '2026-11-23 14:05'],
  ]);
  // The record's look on its own rows; the sheet's widths, the earlier row heights and page breaks kept.
  expect(sheet.get(7, 0)).toMatchObject({ bold: true, fill: '#D9E1F2' });
  expect(sheet.rowHeights.get(7)).toBe(30);
  expect(sheet.rowHeights.get(3)).toBe(30);
  expect(sheet.columnWidths.get(1)).toBe(300);
  expect(sheet.page.breaks).toEqual([2, 8]);
  expect(sheet.page.header.left).toBe('&F');
  // No banner, nothing cleared: A1 never changed.
  expect(excel.log.filter((o) => o.name === 'range.clear')).toEqual([]);
});

test('appendAt on a workbook without the sheet: added, written from its row, its columns sized', async () => {
  const excel = new ExcelDouble([FakeSheet.from('Forslag', [['Nr', 'Titel']])]);
  const book = await readWorkbook(excel.context);
  await writeSheets(excel.context, [record(0, 1)], { support: FULL_SUPPORT, workbook: book });
  const sheet = excel.sheet('Kørsler')!;
  expect(rowsOf(sheet, 0, 3)[0]).toEqual(['Kørsel 1', '', '']);
  expect(sheet.columnWidths.get(0)).toBe(30 * 7);
});

test('a sheet without appendAt is still replaced whole (the log rule is the log’s only)', async () => {
  const log = workedLog();
  const excel = new ExcelDouble([log]);
  const book = await readWorkbook(excel.context);
  await writeSheets(excel.context, [{ ...record(undefined, 2), name: 'Resultat' }], { support: FULL_SUPPORT, workbook: book });
  expect(excel.sheet('Kørsler')).toBe(log);
  expect(rowsOf(excel.sheet('Resultat')!, 0, 1)[0][0]).toBe('Kørsel 2');
});
