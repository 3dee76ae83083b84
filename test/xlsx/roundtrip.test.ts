/** Through real .xlsx files: written with ExcelJS, read back, calculated, written, read back. */
import ExcelJS from 'exceljs';
import * as path from 'path';
import { evaluate } from '../../src/model/scenarios';
import { sampleSheets } from '../../src/sample/seed-workbook';
import { formatIssue } from '../../src/workbook/messages';
import { outputSheets } from '../../src/workbook/output';
import { readBook } from '../../src/workbook/read';
import type { OutputSheet } from '../../src/workbook/output';
import { readSheets, writeSheets } from '../../src/xlsx/cells';
import { loadWorkbook, newWorkbook, saveWorkbook } from '../../src/xlsx/files';
import { tempDir, SAMPLE_SHEETS_AFTER_RUN } from '../helpers/files';

async function throughFile(sheets: OutputSheet[] | ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const file = path.join(tempDir(), 'book.xlsx');
  await saveWorkbook(Array.isArray(sheets) ? newWorkbook(sheets) : sheets, file);
  return loadWorkbook(file);
}

function plainSheet(name: string, rows: (string | number | null)[][]): OutputSheet {
  return { name, values: rows, formats: rows.map((r) => r.map(() => 'General')), boldRows: [], tables: [], columnWidths: [] };
}

test('the seed workbook reads back from .xlsx with its tables and gives the documents’ figures', async () => {
  const book = await throughFile(sampleSheets());
  const read = readBook(readSheets(book));
  expect(read.issues.filter((i) => i.severity === 'problem').map((i) => formatIssue(i))).toEqual([]);
  expect(read.lists.map((l) => [l.sheet, l.table, l.proposals])).toEqual([
    ['Hørsholm', 'Forslag_Hoersholm', 9],
    ['Faxe', 'Forslag_Faxe', 3],
    ['København', 'Forslag_Koebenhavn', 8],
  ]);
  const evaluation = evaluate(read.book!);
  const [basis, caseload40, volume] = evaluation.scenarios;
  const netto = (s: typeof basis, nr: string) => s.proposals.find((p) => p.proposal.nr === nr)!.netto.map(Math.round);
  expect(netto(basis, 'EBU 1')).toEqual([-350000, -350000, -350000, -350000]);
  expect(netto(basis, 'BIU_F_01')).toEqual([-1000000, -1000000, -1000000, -1000000]);
  expect(netto(basis, 'BIU_F_03')).toEqual([-400000, -400000, -400000, -400000]);
  expect(netto(caseload40, 'BIU_F_03')).toEqual([100000, 100000, 100000, 100000]);
  expect(netto(volume, 'EBU 1')).toEqual([-476316, -476316, -476316, -476316]);
});

test('the sample the preview opens (assets/sample) is what src/sample makes: `npm run sample` rebuilds it', async () => {
  const committed = await loadWorkbook(path.join(__dirname, '..', '..', 'assets', 'sample', 'raaderum-eksempel.xlsx'));
  const fresh = await throughFile(sampleSheets());
  expect(readSheets(committed)).toEqual(readSheets(fresh));
});

test('output sheets written into the copy read back with formats, tables, and the user’s sheets untouched', async () => {
  const book = await throughFile(sampleSheets());
  const read = readBook(readSheets(book));
  const { sheets } = outputSheets(evaluate(read.book!), read.unit);
  writeSheets(book, sheets);
  const again = await throughFile(book);
  expect(again.worksheets.map((w) => w.name)).toEqual(SAMPLE_SHEETS_AFTER_RUN);
  const resultat = again.getWorksheet('Resultat')!;
  const rows = readSheets(again, { outputRows: Infinity }).find((s) => s.name === 'Resultat')!.values;
  const ebu1 = rows.findIndex((r) => r[0] === 'EBU 1');
  const nettoColumn = rows.find((r) => r[0] === 'Nr')!.indexOf('Netto 2027');
  expect(rows[ebu1][nettoColumn]).toBe(-350000);
  expect(resultat.getRow(ebu1 + 1).getCell(nettoColumn + 1).numFmt).toBe('#,##0');
  expect(resultat.getTables().length).toBe(3);
  // The input sheets are as they were.
  expect(readSheets(again).slice(0, 4)).toEqual(readSheets(book).slice(0, 4));
  // Running again replaces the output sheets rather than adding more.
  writeSheets(again, outputSheets(evaluate(readBook(readSheets(again)).book!), read.unit).sheets);
  const third = await throughFile(again);
  expect(third.worksheets.map((w) => w.name)).toHaveLength(7);
});

test.each([
  ['kr.', -1500000, -1500000],
  ['1.000 kr.', -1500, -1500000],
  ['mio. kr.', -1.5, -1500000],
])('unit %s: amounts are read in the unit and written back in it', async (unit, typed, kroner) => {
  const book = await throughFile([
    plainSheet('Forslag', [
      ['Nr', 'Titel', 'Ydelse', 'Udgift 2025', 'Refusionsandel'],
      ['A', 'Mentorer', 'Ressourceforløb', typed, 0.5],
    ]),
    plainSheet('Scenarier', [
      ['Parameter', 'Basis', 'Procent'],
      ['Enhed', unit, null],
      ['Råderum 2025', 0, null],
      ['Refusion ressourceforløb', 0.3, 30],
    ]),
  ]);
  const read = readBook(readSheets(book));
  const evaluation = evaluate(read.book!);
  const [basis, percent] = evaluation.scenarios;
  expect(basis.proposals[0].udgift[0]).toBeCloseTo(kroner, 6);
  expect(basis.proposals[0].indtaegt[0]).toBeCloseTo(-kroner * 0.5 * 0.3, 6);
  expect(percent.proposals[0].indtaegt[0]).toBeCloseTo(basis.proposals[0].indtaegt[0], 6);
  const resultat = outputSheets(evaluation, read.unit).sheets[0];
  const header = resultat.values.find((r) => r[0] === 'Nr')!;
  const row = resultat.values.find((r) => r[0] === 'A')!;
  expect(row[header.indexOf('Udgift 2025')]).toBe(typed);
  expect(row[header.indexOf('Indtægt 2025')]).toBe({ 'kr.': 225000, '1.000 kr.': 225, 'mio. kr.': 0.2 }[unit]);
});

test('a title starting with = is written as text, not as a formula', async () => {
  const book = await throughFile([
    plainSheet('Forslag', [
      ['Nr', 'Titel', 'Udgift 2025'],
      ['=1+1', '=HYPERLINK("http://example.invalid","klik")', 100],
    ]),
    plainSheet('Scenarier', [
      ['Parameter', 'Basis'],
      ['Råderum 2025', 1000],
    ]),
  ]);
  const read = readBook(readSheets(book));
  writeSheets(book, outputSheets(evaluate(read.book!), read.unit).sheets);
  const again = await throughFile(book);
  const resultat = again.getWorksheet('Resultat')!;
  let found = false;
  resultat.eachRow((row) =>
    row.eachCell((cell) => {
      if (typeof cell.value === 'string' && cell.value.startsWith('=HYPERLINK')) {
        found = true;
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.numFmt).toBe('@');
      }
      expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
    }),
  );
  expect(found).toBe(true);
});

test('a workbook full of errors lists each with its place', async () => {
  const book = await throughFile([
    plainSheet('Forslag', [
      ['Nr', 'Titel', 'Art', 'Udgift 2025', 'Udgift 2026', 'Refusionsandel'],
      ['A', 'ok', 'Reduktion', -100, -100, null],
      [null, 'uden nummer', 'Udvidelse', 1, 1, null],
      ['C', 'tekst', 'Udvidelse', '12,5 mio', 1, '120 %'],
    ]),
    plainSheet('Scenarier', [
      ['Parameter', 'Basis'],
      ['Råderum 2025', 'mange'],
      ['Caseload', -5],
    ]),
  ]);
  const read = readBook(readSheets(book));
  expect(read.issues.map((i) => formatIssue(i, 'en'))).toEqual([
    'Scenarier!B2: "mange" is not a number',
    'Scenarier!B3: caseload "-5" must be greater than 0',
    'Forslag!A3: the proposal has no number (Nr)',
    'Forslag!D4: "12,5 mio" is not a number',
    'Forslag!F4: "120 %" is above 100 %',
  ]);
});
