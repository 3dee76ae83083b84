/** The Office.js adapter against the recording double: sync counts, blocks, and what it writes where. */
import { hasProblems } from '../../src/model/problems';
import { evaluate } from '../../src/model/scenarios';
import { readWorkbook, writeSheets, type ApiSupport } from '../../src/office/excel-adapter';
import { hostError } from '../../src/office/errors';
import { PAYLOAD_LIMIT_BYTES } from '../../src/office/payload';
import type { SheetCells } from '../../src/workbook/grid';
import { outputSheets, type OutputSheet } from '../../src/workbook/output';
import { OUTPUT_SHEETS, readBook } from '../../src/workbook/read';
import { ExcelDouble, FakeSheet } from './excel-double';

const support: ApiSupport = { suspendCalculation: true, suspendScreenUpdating: true };
const YEARS = [2027, 2028, 2029, 2030];

/** A workbook with `n` proposals on a sheet with a table, and a Scenarier sheet. */
function workbook(n: number, titleLength = 40, scenarios: 1 | 2 = 2): FakeSheet[] {
  const header = [
    'Nr',
    'Titel',
    'Udvalg',
    'Art',
    'Prioritet',
    ...YEARS.map((y) => `Udgift ${y}`),
    ...YEARS.map((y) => `Investering ${y}`),
  ];
  const rows = Array.from({ length: n }, (_, i) => [
    `F-${i + 1}`,
    `Forslag ${i + 1} `.padEnd(titleLength, 'x'),
    `Udvalg ${i % 7}`,
    i % 3 === 0 ? 'Udvidelse' : 'Reduktion',
    i % 3 === 0 ? (i % 11) + 1 : '',
    ...YEARS.map((_, t) => (i % 3 === 0 ? 100_000 + i : -(50_000 + 10 * i + t))),
    ...YEARS.map(() => (i % 5 === 0 ? 25_000 : 0)),
  ]);
  const forslag = FakeSheet.from('Forslag', [header, ...rows]);
  forslag.tables.push({ name: 'Forslag', row: 0, column: 0, rowCount: n + 1, columnCount: header.length });
  const scenarier = FakeSheet.from(
    'Scenarier',
    [
      ['Parameter', 'Basis', 'Delvis'],
      ...YEARS.map((y) => [`Råderum ${y}`, 2_000_000, '']),
      ['Fordeling', 'Prioritet', 'Prioritet, delvis'],
    ].map((row) => row.slice(0, scenarios + 1)),
  );
  return [forslag, scenarier, FakeSheet.from('Noter', [['Mine noter'], ['=SUM(A1)']])];
}

function produce(sheets: SheetCells[]): OutputSheet[] {
  const read = readBook(sheets);
  if (!read.book) throw new Error(JSON.stringify(read.issues.slice(0, 3)));
  const evaluation = evaluate(read.book);
  expect(hasProblems(evaluation.issues)).toBe(false);
  return outputSheets(evaluation, read.unit).sheets;
}

/** One run as the task pane does it: read, calculate, write, in one Excel.run. */
async function run(excel: ExcelDouble): Promise<void> {
  const { sheetNames, sheets } = await readWorkbook(excel.context);
  await writeSheets(excel.context, produce(sheets), { support, sheetNames });
}

const inputNames = ['Forslag', 'Scenarier', 'Noter'];
const writesToInputs = (excel: ExcelDouble) => excel.log.filter((o) => o.writes && inputNames.includes(o.writes));

// 5,000 proposals in one scenario write about 2.5 MB; two scenarios pass 4.5 MB and take a block more (below).
test.each([10, 5000])('a run on %i proposals takes 3 syncs and writes only its own sheets', async (n) => {
  const excel = new ExcelDouble(workbook(n, 40, 1));
  const before = excel.sheets.map((s) => s.snapshot());
  await run(excel);
  expect(excel.syncs).toBe(3);
  expect(writesToInputs(excel)).toEqual([]);
  expect(excel.sheets.map((s) => s.name)).toEqual([...inputNames, ...OUTPUT_SHEETS]);
  expect(excel.maxRequestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
  expect(excel.sheets.slice(0, 3).map((s) => s.snapshot())).toEqual(before);
  expect(excel.log.filter((o) => o.name.startsWith('suspend')).map((o) => o.name)).toEqual([
    'suspendApiCalculation',
    'suspendScreenUpdating',
  ]);
});

test('the written sheets hold the figures, formats and tables of the workbook layer', async () => {
  const excel = new ExcelDouble(workbook(10));
  await run(excel);
  const resultat = excel.sheet('Resultat')!;
  const expected = produce((await readWorkbook(new ExcelDouble(workbook(10)).context)).sheets)[0];
  expected.values.forEach((row, r) =>
    row.forEach((v, c) => {
      expect(resultat.get(r, c)?.value || null).toEqual(v || null);
      if (v !== null) expect(resultat.get(r, c)?.format).toBe(expected.formats[r][c]);
    }),
  );
  expect(resultat.tables.map((t) => t.name)).toEqual(['Raaderum_Resultat_1', 'Raaderum_Resultat_2']);
  expect(excel.sheet('Resultat')!.get(expected.boldRows[0], 0)?.bold).toBe(true);
});

test('running again replaces the output sheets and their tables, and nothing else', async () => {
  const excel = new ExcelDouble(workbook(20));
  await run(excel);
  const first = excel.sheets.map((s) => s.snapshot());
  excel.syncs = 0;
  await run(excel);
  expect(excel.syncs).toBe(3);
  expect(excel.sheets.map((s) => s.snapshot())).toEqual(first);
});

test('a title starting with = is written as text, never as a formula', async () => {
  const sheets = workbook(3);
  sheets[0].set(1, 1, '=HYPERLINK("http://example.invalid";"klik")');
  const excel = new ExcelDouble(sheets);
  await run(excel);
  const formulas = excel.sheets
    .filter((s) => !inputNames.includes(s.name))
    .flatMap((s) => [...s.cells.values()].flatMap((row) => [...row.values()]).filter((c) => c.formula));
  expect(formulas).toEqual([]);
});

test('5,000 proposals in two scenarios: one block more, every request under the limit', async () => {
  const excel = new ExcelDouble(workbook(5000));
  await run(excel);
  expect(excel.syncs).toBe(4);
  expect(excel.maxRequestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
  expect(writesToInputs(excel)).toEqual([]);
});

test('past 5 MB, reads and writes go in blocks, each under the limit, with the same result', async () => {
  const n = 12_000;
  const big = new ExcelDouble(workbook(n, 400));
  await run(big);
  expect(big.maxRequestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
  // The first full read failed on the response limit; after it, every response stayed under it.
  expect(big.syncs).toBeGreaterThan(3);
  const reads = big.log.filter((o) => o.name === 'range.load').length;
  const writes = big.log.filter((o) => o.name === 'range.values=').length;
  expect(reads).toBeGreaterThan(2);
  expect(writes).toBeGreaterThan(3);

  const direct = produce(workbookCells(workbook(n, 400)));
  expect(
    big
      .sheet('Resultat')!
      .values({ row: 0, column: 0, rowCount: direct[0].values.length, columnCount: direct[0].values[0].length }),
  ).toEqual(direct[0].values.map((r) => r.map((v) => v ?? '')));
  expect(writesToInputs(big)).toEqual([]);
});

/** The same workbook as grids, read without Excel. */
function workbookCells(sheets: FakeSheet[]): SheetCells[] {
  return sheets.map((s) => {
    const used = s.usedRange()!;
    return { name: s.name, origin: { row: used.row, column: used.column }, values: s.values(used), tables: s.tables };
  });
}

test.each([
  ['a cell in edit mode when the values arrive', 'range.values=', 'InvalidOperationInCellEditMode', 'editMode'],
  ['a refusal while the old sheets step aside', 'worksheet.name=', 'AccessDenied', 'protected'],
])('a write that fails midway (%s) leaves every sheet as it was', async (_, operation, code, failure) => {
  const excel = new ExcelDouble(workbook(30));
  await run(excel);
  const before = excel.sheets.map((s) => s.snapshot());
  let calls = 0;
  excel.failWhen = (o) => (o.name === operation && ++calls === 2 ? { code, message: 'Excel says no' } : undefined);
  const error = await run(excel).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(hostError(error).failure).toBe(failure);
  expect(excel.sheets.map((s) => s.snapshot())).toEqual(before);
});

test('a failure once the new sheets are in place keeps the new results and leaves nothing behind', async () => {
  const excel = new ExcelDouble(workbook(30));
  await run(excel);
  const inputs = excel.sheets.slice(0, 3).map((s) => s.snapshot());
  excel.sheet('Forslag')!.set(1, 5, -999_999); // a change, so new results differ from old
  const changedInputs = excel.sheets.slice(0, 3).map((s) => s.snapshot());
  let calls = 0;
  excel.failWhen = (o) =>
    o.name === 'worksheet.delete' && ++calls === 2 ? { code: 'GeneralException', message: 'Excel says no' } : undefined;
  const error = await run(excel).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeDefined();
  expect(excel.sheets.map((s) => s.name)).toEqual([...inputNames, ...OUTPUT_SHEETS]);
  expect(excel.maxRequestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
  expect(excel.sheets.slice(0, 3).map((s) => s.snapshot())).toEqual(changedInputs);
  expect(changedInputs).not.toEqual(inputs);
  expect(writesToInputs(excel)).toEqual([]);
});

test('the template adds only the sheets the workbook lacks', async () => {
  const excel = new ExcelDouble([FakeSheet.from('Scenarier', [['Parameter', 'Mit scenarie']])]);
  const before = excel.sheet('Scenarier')!.snapshot();
  const { sheetNames } = await readWorkbook(excel.context);
  const { templateSheets } = await import('../../src/workbook/template');
  await writeSheets(excel.context, templateSheets(2027), { support, sheetNames, addOnly: true });
  expect(excel.sheets.map((s) => s.name)).toEqual(['Scenarier', 'Forslag']);
  expect(excel.sheet('Scenarier')!.snapshot()).toBe(before);
  expect(excel.sheet('Forslag')!.get(1, 0)?.value).toBe('EBU 1');
});
