/** The scenario editor in Excel (on the double): the cells written, the table resized, the user's doings heard. */
import { readWorkbook } from '../../src/office/excel-adapter';
import { blocksOf, topLeft } from '../../src/office/changes';
import { excelHost } from '../../src/office/host';
import type { CellPlace } from '../../src/model/types';
import type { SheetCells } from '../../src/workbook/grid';
import { readBook } from '../../src/workbook/read';
import { editScenarios, type ScenarioEdit, type ScenarioSheetCells } from '../../src/workbook/scenario-edit';
import { templateSheets } from '../../src/workbook/template';
import { ExcelDouble, FakeSheet, minor } from './excel-double';

/** The template in the double: Forslag and Scenarier, each an Excel table; a user's note beside Scenarier's table. */
function template(apiVersion = '1.17'): ExcelDouble {
  const sheets = templateSheets(2026).map((output) => {
    const sheet = FakeSheet.from(output.name, output.values);
    sheet.tables = output.tables.map((t) => ({ ...t, style: 'TableStyleLight9' }));
    return sheet;
  });
  const scenarier = sheets[1];
  scenarier.set(2, 4, 'fra budgetnotatet', '@');
  scenarier.style({ row: 2, column: 4, rowCount: 1, columnCount: 1 }, (cell) => (cell.bold = true));
  const excel = new ExcelDouble(sheets);
  excel.apiVersion = apiVersion;
  const globals = globalThis as unknown as { Excel: unknown; Office: unknown };
  globals.Excel = { run: excel.run.bind(excel) };
  globals.Office = {
    context: { requirements: { isSetSupported: (_: string, version: string) => minor(version) <= minor(excel.apiVersion) } },
  };
  return excel;
}

const scenarioGrid = (sheets: readonly SheetCells[]) => {
  const s = sheets.find((x) => x.name === 'Scenarier')!;
  const values = s.values.map((r) => {
    const row = [...r];
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    return row;
  });
  while (values.length > 0 && values[values.length - 1].length === 0) values.pop();
  return { origin: s.origin, values: values.map((r) => r.slice(0, 4)), tables: s.tables };
};

/** Edits the workbook as the pane does: read, editScenarios, writeChanges; the syncs the write took. */
async function edit(excel: ExcelDouble, edits: ScenarioEdit[]) {
  const before = (await readWorkbook(excel.context)).sheets;
  const result = editScenarios(before, edits);
  expect(result.refused).toBeUndefined();
  const syncs = excel.syncs;
  await excelHost.writeChanges(result.changes);
  return { result, syncs: excel.syncs - syncs, after: (await readWorkbook(excel.context)).sheets };
}

const copyAndChange: ScenarioEdit[] = [
  { kind: 'add', name: 'Lav caseload', copyOf: 'Basis' },
  { kind: 'set', scenario: 'Lav caseload', parameter: 'Caseload', value: 40 },
  { kind: 'set', scenario: 'Lav caseload', parameter: 'Udelad', value: 'EBU 1' },
  { kind: 'set', scenario: 'Lav caseload', parameter: 'Refusion Sygedagpenge', value: 0.25 },
  { kind: 'set', scenario: 'Lav caseload', parameter: 'Varighed uge 1-4 Kontanthjælp', value: '1-4' },
];

describe.each(['1.17', '1.12'])('writeChanges on ExcelApi %s', (apiVersion) => {
  test('the workbook reads back as editScenarios said: the table grown to its extent, its name and style kept', async () => {
    const excel = template(apiVersion);
    const { result, after } = await edit(excel, copyAndChange);
    expect(scenarioGrid(after)).toEqual(scenarioGrid(result.sheets));
    expect(result.changes[0].table).toEqual({ name: 'Scenarier', row: 0, column: 0, rowCount: 17, columnCount: 3 });
    const scenarier = excel.sheet('Scenarier')!;
    expect(scenarier.tables).toEqual([{ ...result.changes[0].table, style: 'TableStyleLight9' }]);
    const problems = readBook(after).issues.filter((i) => i.severity === 'problem');
    // The text '1-4' stays text (a staircase share Excel would otherwise take for a date): reported as no number.
    expect(problems.find((i) => i.code === 'notNumber')?.place).toEqual({ sheet: 'Scenarier', row: 16, column: 2 });
    expect(scenarier.get(16, 2)).toMatchObject({ value: '1-4', quotePrefix: true });
    // The user's note beside the table: value, format and look.
    expect(scenarier.get(2, 4)).toMatchObject({ value: 'fra budgetnotatet', format: '@', bold: true });
  });

  test('a scenario deleted: the columns move left, the table shrinks, no header name of Excel is left behind', async () => {
    const excel = template(apiVersion);
    await edit(excel, copyAndChange);
    const { result, after } = await edit(excel, [{ kind: 'delete', scenario: 'Lav caseload' }]);
    expect(scenarioGrid(after)).toEqual(scenarioGrid(result.sheets));
    const scenarier = excel.sheet('Scenarier')!;
    expect(scenarier.tables[0]).toMatchObject({ columnCount: 2, rowCount: 17 });
    expect(scenarier.get(0, 2)?.value ?? '').toBe('');
  });

  test('text is text: a scenario named =1+2 is no formula', async () => {
    const excel = template(apiVersion);
    await edit(excel, [{ kind: 'add', name: '=1+2' }]);
    expect(excel.sheet('Scenarier')!.get(0, 2)).toMatchObject({ value: '=1+2' });
    expect(excel.sheet('Scenarier')!.get(0, 2)?.formula).toBeUndefined();
  });
});

test('a workbook without Scenarier: the sheet and its table are added, in the same two syncs', async () => {
  const excel = template();
  excel.sheets = excel.sheets.filter((s) => s.name !== 'Scenarier');
  const { result, after, syncs } = await edit(excel, [{ kind: 'set', scenario: 'Basis', parameter: 'Caseload', value: 45 }]);
  expect(syncs).toBe(2);
  expect(scenarioGrid(after)).toEqual(scenarioGrid(result.sheets));
  expect(excel.sheet('Scenarier')!.tables).toEqual([
    { name: 'Scenarier', row: 0, column: 0, rowCount: 2, columnCount: 2, style: 'TableStyleMedium2' },
  ]);
});

test('writeChanges takes two syncs whatever the number of cells', async () => {
  const one = template();
  expect((await edit(one, [{ kind: 'set', scenario: 'Basis', parameter: 'Caseload', value: 40 }])).syncs).toBe(2);
  const many = template();
  const rows: ScenarioEdit[] = Array.from({ length: 300 }, (_, i) => ({
    kind: 'set',
    scenario: 'Basis',
    parameter: `Fuldtidspersoner Ydelse ${i}`,
    value: i,
  }));
  const { syncs, result } = await edit(many, [...rows, { kind: 'add', name: 'Kopi', copyOf: 'Basis' }]);
  expect(result.changes[0].cells.length).toBeGreaterThan(600);
  expect(syncs).toBe(2);
  expect(many.refusals).toEqual([]);
});

test('blocksOf: a column copied and columns moved left are one range each', () => {
  const column = Array.from({ length: 5 }, (_, r) => ({ row: r, column: 3, value: r }));
  expect(blocksOf(column)).toEqual([{ row: 0, column: 3, values: [[0], [1], [2], [3], [4]] }]);
  const moved = [0, 1].flatMap((row) => [1, 2].map((column) => ({ row, column, value: column === 2 ? null : 'x' })));
  expect(blocksOf(moved)).toEqual([
    {
      row: 0,
      column: 1,
      values: [
        ["'x", ''],
        ["'x", ''],
      ],
    },
  ]);
  expect(topLeft('Forslag', 'C5:D9')).toEqual({ sheet: 'Forslag', row: 4, column: 2 });
  expect(topLeft('Forslag', 'Forslag!$B$2')).toEqual({ sheet: 'Forslag', row: 1, column: 1 });
});

describe('watch', () => {
  async function watching(apiVersion = '1.17') {
    const excel = template(apiVersion);
    const scenariosChanged = jest.fn();
    const selected = jest.fn<void, [CellPlace]>();
    const stop = await excelHost.watch!({ scenariosChanged, selected });
    return { excel, scenariosChanged, selected, stop };
  }

  test("a hand edit of Scenarier is heard, one of another sheet not; the add-in's own write not (ExcelApi 1.14)", async () => {
    const { excel, scenariosChanged, stop } = await watching();
    excel.userEdits('Scenarier', 7, 1, 40);
    await excel.settled();
    expect(scenariosChanged).toHaveBeenCalledTimes(1);
    excel.userEdits('Forslag', 1, 1, 'Ny titel');
    await excel.settled();
    await edit(excel, [{ kind: 'set', scenario: 'Basis', parameter: 'Caseload', value: 42 }]);
    await excel.settled();
    expect(scenariosChanged).toHaveBeenCalledTimes(1);
    stop();
    await excel.settled();
    excel.userEdits('Scenarier', 7, 1, 41);
    await excel.settled();
    expect(scenariosChanged).toHaveBeenCalledTimes(1);
    expect(excel.changedHandlers.size).toBe(0);
  });

  test('before ExcelApi 1.14 the add-in hears its own write too (and reads once more)', async () => {
    const { excel, scenariosChanged } = await watching('1.13');
    await edit(excel, [{ kind: 'set', scenario: 'Basis', parameter: 'Caseload', value: 42 }]);
    await excel.settled();
    expect(scenariosChanged).toHaveBeenCalledTimes(1);
  });

  test("a cell selected gives its sheet's name and the top-left cell", async () => {
    const { excel, selected } = await watching();
    excel.sheet('Forslag')!.name = 'Forslag 2027';
    excel.userSelects('Forslag 2027', 'B3:D3');
    await excel.settled();
    expect(selected).toHaveBeenCalledWith({ sheet: 'Forslag 2027', row: 2, column: 1 });
  });

  test('without ExcelApi 1.9 nothing is added, and the stop does nothing', async () => {
    const { excel, stop } = await watching('1.8');
    expect(excel.changedHandlers.size + excel.selectionHandlers.size).toBe(0);
    expect(excel.syncs).toBe(0);
    stop();
  });
});

test("Excel: the Scenarier sheet's formulas are read with its values; a delete that would move one as a value is refused", async () => {
  const excel = template();
  await edit(excel, [
    { kind: 'add', name: 'Caseload 40' },
    { kind: 'add', name: 'Dobbelt' },
  ]);
  const scenarier = excel.sheet('Scenarier')!;
  const column = [0, 1, 2, 3, 4, 5].find((c) => scenarier.get(0, c)?.value === 'Dobbelt')!;
  scenarier.setFormula(4, column, '=C5*2', 0);
  // A text that looks like a formula (typed with an apostrophe) is no formula.
  scenarier.set(3, column, '=2*3');
  const syncs = excel.syncs;
  const sheets = (await readWorkbook(excel.context)).sheets;
  const readSyncs = excel.syncs - syncs;
  expect((sheets.find((s) => s.name === 'Scenarier') as ScenarioSheetCells).formulas).toEqual([{ row: 4, column }]);
  const result = editScenarios(sheets, [{ kind: 'delete', scenario: 'Caseload 40' }]);
  expect(result.refused).toMatchObject({ reason: 'formulaMoved', place: { sheet: 'Scenarier', row: 4, column } });
  // The formulas ride with the first read: no sync more than a workbook without them.
  scenarier.get(4, column)!.formula = undefined;
  const plain = excel.syncs;
  await readWorkbook(excel.context);
  expect(excel.syncs - plain).toBe(readSyncs);
});

test('Excel: a delete moves the headers left with no two table headers sharing a name on the way (Excel would rename one "B2")', async () => {
  for (const apiVersion of ['1.17', '1.4']) {
    const excel = template(apiVersion);
    excel.sheet('Scenarier')!.clear({ row: 2, column: 4, rowCount: 1, columnCount: 1 }); // room for three scenarios
    await edit(excel, [
      { kind: 'add', name: 'A' },
      { kind: 'add', name: 'B' },
      { kind: 'add', name: 'C' },
    ]);
    const deleted = await edit(excel, [{ kind: 'delete', scenario: 'A' }]);
    expect(scenarioGrid(deleted.after).values[0]).toEqual(['Parameter', 'Basis', 'B', 'C']);
    // Swapped names in one batch: B → T, C → B, T → C.
    const { after } = await edit(excel, [
      { kind: 'rename', scenario: 'B', name: 'T' },
      { kind: 'rename', scenario: 'C', name: 'B' },
      { kind: 'rename', scenario: 'T', name: 'C' },
    ]);
    expect(scenarioGrid(after).values[0]).toEqual(['Parameter', 'Basis', 'C', 'B']);
  }
});
