/**
 * Round trips to Excel: how many `context.sync` calls a run takes as the workbook grows, and that every request
 * and response stays under Excel on the web's 5 MB limit. Counts, not timings.
 */
import { writeChanges } from '../../src/office/changes';
import { FIRST_READ, readWorkbook, writeSheets } from '../../src/office/excel-adapter';
import { editScenarios, type ScenarioEdit } from '../../src/workbook/scenario-edit';
import { PAYLOAD_LIMIT_BYTES } from '../../src/office/payload';
import type { SheetCells } from '../../src/workbook/grid';
import { runWorkbook } from '../../src/workbook/run';
import { ExcelDouble, FakeSheet, FULL_SUPPORT } from './excel-double';
import { naiveRun } from './naive-syncs';

const support = FULL_SUPPORT;
const YEARS = [2027, 2028, 2029, 2030];

/** `n` proposals (titles of `titleLength` characters; from row `longFrom` on, of `longLength`) and one scenario. */
function workbook(n: number, titleLength = 40, longFrom = Infinity, longLength = titleLength, extraColumns = 0): FakeSheet[] {
  const header = ['Nr', 'Titel', 'Art', ...YEARS.map((y) => `Udgift ${y}`)];
  const extra = Array.from({ length: extraColumns }, (_, c) => `Note ${c + 1}`);
  const rows = Array.from({ length: n }, (_, i) => [
    `F-${i + 1}`,
    `Forslag ${i + 1} om ældre og børn `.padEnd(i >= longFrom ? longLength : titleLength, 'x'),
    'Reduktion',
    ...YEARS.map((_, t) => -(50_000 + 10 * i + t)),
    ...extra.map((_, c) => `n${i}.${c}`),
  ]);
  return [
    FakeSheet.from('Forslag', [[...header, ...extra], ...rows]),
    FakeSheet.from('Scenarier', [['Parameter', 'Basis'], ...YEARS.map((y) => [`Råderum ${y}`, 2_000_000])]),
  ];
}

/** The same sheets as grids, read without Excel. */
const direct = (sheets: FakeSheet[]): SheetCells[] =>
  sheets.map((s) => {
    const used = s.usedRange()!;
    const values = s.values(used).map((row) => row.map((v) => (v === '' ? null : v)));
    return { name: s.name, origin: { row: used.row, column: used.column }, values, tables: [] };
  });

function produce(sheets: SheetCells[]) {
  const run = runWorkbook(sheets);
  if (!run.results) throw new Error(JSON.stringify(run.issues.slice(0, 3)));
  return run.results.outputs;
}

async function wholeRun(excel: ExcelDouble): Promise<void> {
  const book = await readWorkbook(excel.context);
  await writeSheets(excel.context, produce(book.sheets), { support, workbook: book });
}

/** Reads the workbook in the double; the syncs it took, the sizes refused, and whether it read what is there. */
async function read(sheets: FakeSheet[]) {
  const excel = new ExcelDouble(sheets);
  const book = await readWorkbook(excel.context);
  const expected = direct(sheets);
  const same = expected.every((s, i) => JSON.stringify(book.sheets[i].values) === JSON.stringify(s.values));
  return { syncs: excel.syncs, refusals: excel.refusals, same, maxResponseBytes: excel.maxResponseBytes };
}

describe('the sync count does not grow with rows', () => {
  test('a whole run takes 3 syncs at 10 and at 1.000 proposals', async () => {
    const counts: number[] = [];
    for (const n of [10, 1000]) {
      const excel = new ExcelDouble(workbook(n));
      await wholeRun(excel);
      counts.push(excel.syncs);
      expect(excel.refusals).toEqual([]);
    }
    expect(counts).toEqual([3, 3]);
  });

  test('reading takes 2 syncs at 10 and at 5.000 proposals: no sync for the sizes alone', async () => {
    const small = await read(workbook(10));
    const large = await read(workbook(5000));
    expect([small.syncs, large.syncs]).toEqual([2, 2]);
    expect([small.same, large.same]).toEqual([true, true]);
  });
});

describe('reads sized from what the cells hold', () => {
  test('40.000 proposals: about one sync per 3,6 MB read, no full read refused first (today 64 syncs)', async () => {
    const result = await read(workbook(40_000));
    expect(result.refusals).toEqual([]);
    // Names, the first 8.000 rows with the sizes, then 32.000 rows of about 150 bytes in blocks of 3,6 MB.
    expect(result.syncs).toBeGreaterThanOrEqual(4);
    expect(result.syncs).toBeLessThanOrEqual(6);
    expect(result.maxResponseBytes).toBeLessThan(0.9 * PAYLOAD_LIMIT_BYTES);
    expect(result.same).toBe(true);
  });

  test('titles of 2.000 characters: read whole, every response that passed under 5 MB, one refusal at most', async () => {
    // 3.000 proposals of 2 KB: 6 MB, more than one response carries.
    const result = await read(workbook(3000, 2000));
    expect(result.same).toBe(true);
    expect(result.refusals.length).toBeLessThanOrEqual(1);
    expect(result.syncs).toBeLessThanOrEqual(7);
  });

  test('rows far denser below the first read than in it: the block refused is read again in halves', async () => {
    // 8.000 short rows, then 2.000 rows of 4.000 characters: the measured weight is far too low for them.
    const result = await read(workbook(10_000, 40, FIRST_READ.rows, 4000));
    expect(result.refusals).toContain('ResponsePayloadSizeLimitExceeded');
    expect(result.same).toBe(true);
  });

  test(`a sheet wider than ${FIRST_READ.columns} columns and longer than ${FIRST_READ.rows} rows: the columns to the right and the rows below read, in place`, async () => {
    const result = await read(workbook(9000, 40, Infinity, 40, 25));
    expect(result.refusals).toEqual([]);
    expect(result.same).toBe(true);
    expect(result.syncs).toBe(3);
  });

  test('a list that starts below the first read (row 9.000) is read from its sizes', async () => {
    const sheets = workbook(10);
    const moved = new FakeSheet('Forslag');
    const source = sheets[0];
    for (const [r, row] of source.cells) for (const [c, cell] of row) moved.set(r + 9000, c, cell.value);
    sheets[0] = moved;
    const result = await read(sheets);
    expect(result.same).toBe(true);
    expect(result.syncs).toBe(3);
  });
});

describe('the row-by-row baseline', () => {
  test('writes what the adapter writes, in one sync per row read and per row written', async () => {
    const naive = new ExcelDouble(workbook(10));
    await naiveRun(naive.context, produce);
    const adapter = new ExcelDouble(workbook(10));
    await wholeRun(adapter);
    const resultat = (excel: ExcelDouble) => {
      const sheet = excel.sheet('Resultat')!;
      return sheet.values(sheet.usedRange()!).slice(1); // row 1: the adapter's title (A1) is its last write
    };
    expect(resultat(naive)).toEqual(resultat(adapter));
    // Every sheet a run writes (Resultat, Råderum, Sammenligning, Beregning, …).
    const outputs = adapter.sheets.filter((s) => s.name !== 'Forslag' && s.name !== 'Scenarier');
    expect(outputs.length).toBeGreaterThanOrEqual(3);
    const outputRows = outputs.reduce((n, sheet) => n + sheet.usedRange()!.rowCount, 0);
    // Names; per input sheet its size and each of its rows (11 + 5); per output sheet one sync to add it, and its rows.
    expect(naive.syncs).toBe(1 + (1 + 11) + (1 + 5) + outputs.length + outputRows);
    expect(adapter.syncs).toBe(3);
  });
});

describe("the scenario editor's write", () => {
  test('two syncs whatever the number of cells: one parameter, a column of 100, 5.000 parameters in two scenarios', async () => {
    const counts: { cells: number; syncs: number }[] = [];
    for (const parameters of [1, 100, 5000]) {
      const excel = new ExcelDouble(workbook(10));
      const book = await readWorkbook(excel.context);
      const edits: ScenarioEdit[] = [
        ...Array.from({ length: parameters }, (_, i): ScenarioEdit => ({
          kind: 'set',
          scenario: 'Basis',
          parameter: `Fuldtidspersoner Ydelse ${i + 1}`,
          value: 100 + i,
        })),
        ...(parameters > 1 ? [{ kind: 'add', name: 'Kopi', copyOf: 'Basis' } as const] : []),
      ];
      const { changes } = editScenarios(book.sheets, edits);
      const before = excel.syncs;
      await writeChanges(excel.context, changes, { resizeTable: true, events: true, suspendCalculation: true });
      counts.push({ cells: changes[0].cells.length, syncs: excel.syncs - before });
      expect(excel.refusals).toEqual([]);
      expect(excel.maxRequestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    }
    expect(counts.map((c) => c.syncs)).toEqual([2, 2, 2]);
    expect(counts[2].cells).toBeGreaterThan(10_000);
  });
});
