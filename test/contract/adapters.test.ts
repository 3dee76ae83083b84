/**
 * The two adapters' contract: the same workbook read through the Office.js
 * adapter (on the Excel double) and through the .xlsx adapter (a file written
 * by openpyxl and saved by LibreOffice, scripts/make-contract-fixtures.py)
 * hands the workbook layer the same grids, and so the same run.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { readWorkbook } from '../../src/office/excel-adapter';
import type { SheetCells } from '../../src/workbook/grid';
import type { ScenarioSheetCells } from '../../src/workbook/scenario-edit';
import { runWorkbook } from '../../src/workbook/run';
import * as xlsx from '../../src/xlsx/cells';
import { openWorkbook } from '../../src/xlsx/open';
import { readSheetsFromPackage } from '../../src/xlsx/sheet-reader';
import { ExcelDouble, FakeSheet } from '../office/excel-double';

const DIR = join(__dirname, '..', 'fixtures', 'contract');

type Spec =
  | null
  | string
  | number
  | boolean
  | { value: number | string | boolean; format?: string; formula?: string }
  | { text: string }
  | { formula: string; error: string };

interface SheetSpec {
  name: string;
  rows: Spec[][];
  merges?: string[];
  table?: { name: string; ref: string };
}

interface WorkbookSpec {
  name: string;
  date1904?: boolean;
  sheets: SheetSpec[];
}

const { workbooks } = JSON.parse(readFileSync(join(DIR, 'workbooks.json'), 'utf8')) as { workbooks: WorkbookSpec[] };

const area = (ref: string) => {
  const cell = (a: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a)!;
    return { row: Number(m[2]) - 1, column: [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1 };
  };
  const [from, to] = ref.split(':').map(cell);
  return { row: from.row, column: from.column, rowCount: to.row - from.row + 1, columnCount: to.column - from.column + 1 };
};

/** The cells as Excel holds them: a date is its serial number, a formula its result, an error its text. */
function inExcel(spec: WorkbookSpec): ExcelDouble {
  const excel = new ExcelDouble(
    spec.sheets.map((s) => {
      const sheet = new FakeSheet(s.name);
      s.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (cell === null) return;
          if (typeof cell !== 'object') sheet.set(r, c, cell);
          else if ('text' in cell) sheet.set(r, c, cell.text, '@');
          else if ('error' in cell) sheet.set(r, c, cell.error);
          else sheet.set(r, c, cell.value, cell.format);
          if (typeof cell === 'object' && 'formula' in cell) sheet.get(r, c)!.formula = cell.formula;
        }),
      );
      // A formula whose result is "" shows nothing: Excel gives "" for it, as for an empty cell.
      for (const m of s.merges ?? []) sheet.merge(area(m));
      if (s.table) sheet.tables.push({ name: s.table.name, ...area(s.table.ref) });
      return sheet;
    }),
  );
  excel.date1904 = spec.date1904 === true;
  return excel;
}

/** Office.js (on the double), ExcelJS (`file`) and the command line's direct reader (`direct`). */
async function bothAdapters(spec: WorkbookSpec): Promise<{ office: SheetCells[]; file: SheetCells[]; direct: SheetCells[] }> {
  const office = (await readWorkbook(inExcel(spec).context)).sheets;
  const bytes = readFileSync(join(DIR, `${spec.name}.xlsx`));
  const { workbook } = await openWorkbook(bytes);
  return { office, file: xlsx.readSheets(workbook), direct: (await readSheetsFromPackage(bytes)).sheets };
}

/**
 * The one difference left (README, "Office adapter"): a formula whose result is ""
 * is stored as an empty <v></v>, which ExcelJS 4.4 drops, so the ExcelJS adapter
 * says "no stored result" where Excel shows an empty cell (the direct reader, which
 * the command line uses, reads it as Excel does). Asserted here, so a fix
 * shows up; then taken out of the comparison.
 */
function knownDifference(spec: WorkbookSpec, office: SheetCells[], file: SheetCells[]): void {
  if (spec.name !== 'valid') return;
  const at = (sheets: SheetCells[]) => sheets[2].values[7];
  expect([at(office)[1], at(file)[1]]).toEqual([null, { error: 'noValue' }]);
  at(file)[1] = null;
}

describe.each(workbooks.map((w) => [w.name, w] as const))('%s', (_, spec) => {
  test('both adapters hand the workbook layer the same grids', async () => {
    const { office, file } = await bothAdapters(spec);
    knownDifference(spec, office, file);
    expect(office).toEqual(file);
  });

  test('the direct reader (the command line’s) hands over the same grids as Office.js, with no difference left', async () => {
    const { office, direct } = await bothAdapters(spec);
    expect(direct).toEqual(office);
  });

  test('and so the same run: what was found, the issues with their places, the output sheets', async () => {
    const { office, file } = await bothAdapters(spec);
    knownDifference(spec, office, file);
    const [a, b, c] = [runWorkbook(office), runWorkbook(file), runWorkbook((await bothAdapters(spec)).direct)];
    expect(a.found).toEqual(b.found);
    expect(a.issues).toEqual(b.issues);
    expect(a.results?.outputs).toEqual(b.results?.outputs);
    expect(c).toEqual(a);
  });
});

test('the fixtures hold what the contract is about (so a remade fixture cannot quietly lose it)', async () => {
  const valid = await bothAdapters(workbooks.find((w) => w.name === 'valid')!);
  const [forslag, , noter] = valid.file;
  expect(forslag.values[1][5]).toBe(-200000); // a formula's stored result
  expect(forslag.values[2].slice(3, 5)).toEqual(['1', '50.000']); // numbers stored as text
  expect(forslag.values[3]).toEqual(['A3', 'Et beløb flettet over to år', 'Udvidelse', 2, 40000]); // merged E4:F4
  expect(forslag.values[4][5]).toBe(0); // a formula whose result is 0 (ExcelJS drops it from cell.value)
  expect(noter.origin).toEqual({ row: 1, column: 1 });
  expect(noter.values.slice(0, 7)).toEqual([
    ['Møde', '2026-02-01', '12:00:00'],
    ['Tidlige datoer', '1900-02-28', '1900-02-29', '1900-03-01'],
    ['Sandt/falsk', true, false], // FALSE as LibreOffice writes it: a formula FALSE() whose result is 0
    ['Fejl', { error: '#DIV/0!' }, { error: '#N/A' }],
    ['Tal som tekst', '007', '1,5'],
    ['Tid og dato', '2026-02-01 18:00:00', 46054],
    ['Flettet', null, null, 'ved siden af'],
  ]);
  expect(noter.values[7].slice(2)).toEqual([false, 'tekst']);
  const run = runWorkbook(valid.file);
  expect(run.results?.outputs.length).toBeGreaterThan(0);

  const problems = runWorkbook((await bothAdapters(workbooks.find((w) => w.name === 'problems')!)).file);
  expect(problems.results).toBeUndefined();
  const places = problems.issues.map((i) => i.place && `${i.place.sheet}!${i.place.row},${i.place.column}`);
  // The date in P1's Udgift 2027 (D2), #DIV/0! (D3), #N/A (E4), TRUE (D5), the time (D6): each refused at its cell.
  expect(places).toEqual(expect.arrayContaining(['Forslag!1,3', 'Forslag!2,3', 'Forslag!3,4', 'Forslag!4,3', 'Forslag!5,3']));

  const mac = (await bothAdapters(workbooks.find((w) => w.name === 'date1904')!)).file;
  expect(mac[0].values.slice(1)).toEqual([
    ['M1', 'Mac-dato', '2026-02-01'],
    ['M2', 'Tal', 44592],
  ]);
});

test("the Scenarier sheet's formula cells, which the scenario editor moves no value of, are the same by all three readers", async () => {
  const spec = workbooks.find((w) => w.name === 'valid')!;
  const { office, file, direct } = await bothAdapters(spec);
  const formulasOf = (sheets: SheetCells[]) => (sheets.find((s) => s.name === 'Scenarier') as ScenarioSheetCells).formulas;
  const expected = spec.sheets
    .find((s) => s.name === 'Scenarier')!
    .rows.flatMap((row, r) =>
      row.flatMap((cell, c) => (cell && typeof cell === 'object' && 'formula' in cell ? [{ row: r, column: c }] : [])),
    );
  expect(expected.length).toBeGreaterThan(0);
  expect(formulasOf(office)).toEqual(expected);
  expect(formulasOf(file)).toEqual(expected);
  expect(formulasOf(direct)).toEqual(expected);
  // Other sheets carry no such list.
  expect(office.filter((s) => 'formulas' in s).map((s) => s.name)).toEqual(['Scenarier']);
});
