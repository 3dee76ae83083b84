/**
 * Native charts on Råderum and Sammenligning through the Office adapter, against the Excel double (which keeps
 * charts as Excel does: a clear leaves them, names need not be unique, a chart's data range outlives its cells).
 */
import { readWorkbook, writeSheets } from '../../src/office/excel-adapter';
import type { SheetCells } from '../../src/workbook/grid';
import { chartBlock, type OutputSheet } from '../../src/workbook/output';
import { runWorkbook } from '../../src/workbook/run';
import { ExcelDouble, FakeSheet, FULL_SUPPORT } from './excel-double';

const YEARS = [2027, 2028];

/** Four requests and a reduction; scenarios Basis (pool 1.000.000) and Stor (pool 2.000.000). */
function workbook(scenarios: string[] = ['Basis', 'Stor']): FakeSheet[] {
  const header = ['Nr', 'Titel', 'Art', 'Prioritet', ...YEARS.map((y) => `Udgift ${y}`)];
  const rows = [
    ['U-1', 'Flere pædagoger', 'Udvidelse', 1, 400_000, 400_000],
    ['U-2', 'Bedre rengøring', 'Udvidelse', 2, 300_000, 300_000],
    ['U-3', 'Ny svømmehal', 'Udvidelse', 3, 900_000, 900_000],
    ['U-4', 'Lektiecafé', 'Udvidelse', 4, 100_000, 100_000],
    ['R-1', 'Færre vikarer', 'Reduktion', '', -200_000, -200_000],
  ];
  const pools: Record<string, number> = { Basis: 1_000_000, Stor: 2_000_000 };
  return [
    FakeSheet.from('Forslag', [header, ...rows]),
    FakeSheet.from('Scenarier', [
      ['Parameter', ...scenarios],
      ...YEARS.map((y) => [`Råderum ${y}`, ...scenarios.map((s) => pools[s])]),
    ]),
  ];
}

function produce(sheets: SheetCells[]): OutputSheet[] {
  const run = runWorkbook(sheets, { runTime: '2026-11-23 12:00' });
  if (!run.results) throw new Error(JSON.stringify(run.issues.slice(0, 3)));
  return run.results.outputs;
}

async function run(excel: ExcelDouble): Promise<number> {
  const before = excel.syncs;
  const book = await readWorkbook(excel.context);
  await writeSheets(excel.context, produce(book.sheets), { support: FULL_SUPPORT, workbook: book });
  return excel.syncs - before;
}

const names = (excel: ExcelDouble, sheet: string) => excel.sheet(sheet)!.charts.map((c) => c.name);

describe('native charts in the workbook', () => {
  test('created once, replaced on a re-run: one chart per name after two runs, in the same 3 syncs', async () => {
    const excel = new ExcelDouble(workbook());
    const syncs = [await run(excel), await run(excel)];
    expect(syncs).toEqual([3, 3]);
    expect(names(excel, 'Råderum')).toEqual(['Raaderum_Fordeling_1', 'Raaderum_Fordeling_2']);
    expect(names(excel, 'Sammenligning')).toEqual(['Raaderum_Scenarier_1']);
    expect(excel.sheet('Resultat')!.charts).toEqual([]);
  });

  test("each chart is drawn from its sheet's own cells: years as categories, a series per funded request and what is left", async () => {
    const excel = new ExcelDouble(workbook());
    await run(excel);
    const sheet = excel.sheet('Råderum')!;
    const chart = sheet.charts[0];
    expect(chart).toMatchObject({ type: 'ColumnStacked', seriesBy: 'Rows', title: 'Råderummet fordelt: Basis' });
    const cells = sheet.values(chart.source);
    // The corner blank, so Excel takes the first row and column as labels.
    expect(cells[0]).toEqual(['', '2027', '2028']);
    // Basis: 1.000.000 + the reduction's 200.000 available; U-1 and U-2 funded, U-3 not, U-4 fits after it.
    expect(cells.slice(1)).toEqual([
      ['U-1 Flere pædagoger', 400_000, 400_000],
      ['U-2 Bedre rengøring', 300_000, 300_000],
      ['U-4 Lektiecafé', 100_000, 100_000],
      ['Tilbage', 400_000, 400_000],
    ]);
    expect(chart.position).toEqual({ start: expect.stringMatching(/^B\d+$/), end: expect.stringMatching(/^G\d+$/) });
    const comparison = excel.sheet('Sammenligning')!;
    const totals = comparison.charts[0];
    expect(totals).toMatchObject({ type: 'ColumnClustered', title: 'Netto i alt pr. scenarie' });
    expect(comparison.values(totals.source).map((row) => row[0])).toEqual(['', 'Basis', 'Stor']);
  });

  test("a user's own chart on an output sheet is left alone; a re-run with fewer scenarios takes the extra chart away", async () => {
    const excel = new ExcelDouble(workbook());
    await run(excel);
    const raaderum = excel.sheet('Råderum')!;
    raaderum.charts.push({
      name: 'Chart 9',
      type: 'Pie',
      source: { row: 5, column: 4, rowCount: 3, columnCount: 1 },
      seriesBy: 'Auto',
      title: 'Mit',
    });
    excel.sheet('Scenarier')!.cells.forEach((row) => row.delete(2));
    await run(excel);
    expect(names(excel, 'Råderum')).toEqual(['Chart 9', 'Raaderum_Fordeling_1']);
  });

  test('two charts of one name (a copy a user pasted) both go: getItem gives the first, once per chart', async () => {
    const excel = new ExcelDouble(workbook());
    await run(excel);
    const sheet = excel.sheet('Sammenligning')!;
    sheet.charts.push({ ...sheet.charts[0], source: { ...sheet.charts[0].source } });
    await run(excel);
    expect(names(excel, 'Sammenligning')).toEqual(['Raaderum_Scenarier_1']);
  });

  test('every chart laid out is one block of cells, as charts.add takes it', () => {
    const excel = new ExcelDouble(workbook());
    const sheets = workbook().map((s) => {
      const used = s.usedRange()!;
      return { name: s.name, origin: { row: 0, column: 0 }, values: s.values(used), tables: [] } as SheetCells;
    });
    const outputs = produce(sheets);
    const charts = outputs.flatMap((o) => o.charts ?? []);
    expect(charts.length).toBe(3);
    for (const chart of charts) expect(() => chartBlock(chart)).not.toThrow();
    expect(excel.sheets.length).toBe(2);
  });
});

describe('the double keeps charts as Excel does', () => {
  test('Range.clear leaves a chart and its data range; deleting the sheet takes its charts', async () => {
    const excel = new ExcelDouble(workbook());
    await run(excel);
    const context = excel.context;
    context.workbook.worksheets.getItem('Råderum').getRange('A:XFD').clear('All');
    await context.sync();
    expect(names(excel, 'Råderum')).toEqual(['Raaderum_Fordeling_1', 'Raaderum_Fordeling_2']);
    context.workbook.worksheets.getItem('Råderum').delete();
    await context.sync();
    expect(excel.sheet('Råderum')).toBeUndefined();
    expect(excel.sheets.flatMap((s) => s.charts.map((c) => c.name))).toEqual(['Raaderum_Scenarier_1']);
  });
});
