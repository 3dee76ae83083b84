/** The preview's host writes the scenario editor's changes into its ExcelJS workbook, and tells watchers of hand edits. */
import ExcelJS from 'exceljs';
import type { SheetCells } from '../../src/workbook/grid';
import { readBook } from '../../src/workbook/read';
import { editScenarios, type ScenarioEdit } from '../../src/workbook/scenario-edit';
import { templateSheets } from '../../src/workbook/template';
import { newWorkbook, readSheets } from '../../src/xlsx/cells';
import { openWorkbook } from '../../src/xlsx/open';
import { workbookHost } from '../../src/xlsx/workbook-host';

async function roundTrip(workbook: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  return (await openWorkbook((await workbook.xlsx.writeBuffer()) as ArrayBuffer)).workbook;
}

const scenarioGrid = (sheets: readonly SheetCells[]) => {
  const s = sheets.find((x) => x.name === 'Scenarier')!;
  // Rows without their trailing blanks: the readers end a row at its last value, the editor's grid is rectangular.
  const values = s.values.map((r) => {
    const row = r.map((v) => (v === '' ? null : v));
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    return row;
  });
  return { origin: s.origin, values, tables: s.tables };
};

/** The template with a note of the user's beside the scenario table (a comment column with a number format). */
function templateWithNote(): ExcelJS.Workbook {
  const workbook = newWorkbook(templateSheets(2026));
  const note = workbook.getWorksheet('Scenarier')!.getCell('E3');
  note.value = 'fra budgetnotatet';
  note.font = { italic: true };
  return workbook;
}

const edits: ScenarioEdit[] = [
  { kind: 'add', name: 'Lav caseload', copyOf: 'Basis' },
  { kind: 'set', scenario: 'Lav caseload', parameter: 'Caseload', value: 40 },
  { kind: 'set', scenario: 'Lav caseload', parameter: 'Udelad', value: 'EBU 1' },
  { kind: 'set', scenario: 'Lav caseload', parameter: 'Refusion Sygedagpenge', value: 0.25 },
  { kind: 'add', name: '=1+2' },
];

test('writeChanges: the workbook reads back as editScenarios said, the table grows, and a file written opens with it', async () => {
  const workbook = templateWithNote();
  const changed = jest.fn();
  const written = jest.fn();
  const host = workbookHost(() => workbook, { changed, changesWritten: written });
  const before = await host.read();
  const result = editScenarios(before, edits);
  expect(result.refused).toBeUndefined();
  await host.writeChanges(result.changes);
  expect(changed).toHaveBeenCalledTimes(1);
  expect(written).toHaveBeenCalledWith(result.changes);

  const after = await host.read();
  expect(scenarioGrid(after)).toEqual(scenarioGrid(result.sheets));
  expect(readBook(after).book!.scenarios.map((s) => [s.name, s.caseload, s.excluded])).toEqual([
    ['Basis', 45, []],
    ['Lav caseload', 40, ['EBU 1']],
    ['=1+2', 45, []],
  ]);
  // Text stays text: no formula in the header cell.
  const sheet = workbook.getWorksheet('Scenarier')!;
  expect(sheet.getCell('D1').value).toBe('=1+2');
  // The user's note beside the table: its value and look.
  expect(sheet.getCell('E3').value).toBe('fra budgetnotatet');
  expect(sheet.getCell('E3').font).toMatchObject({ italic: true });

  const reopened = await roundTrip(workbook);
  const sheets = readSheets(reopened);
  expect(scenarioGrid(sheets)).toEqual(scenarioGrid(result.sheets));
  expect(result.changes[0].table).toEqual({ name: 'Scenarier', row: 0, column: 0, rowCount: 16, columnCount: 4 });
  expect(sheets.find((s) => s.name === 'Scenarier')!.tables).toEqual([result.changes[0].table]);
});

test('writeChanges: a scenario deleted shrinks the table; a workbook without Scenarier gets one', async () => {
  const workbook = templateWithNote();
  const host = workbookHost(() => workbook);
  await host.writeChanges(editScenarios(await host.read(), edits).changes);
  const removed = editScenarios(await host.read(), [{ kind: 'delete', scenario: 'Lav caseload' }]);
  await host.writeChanges(removed.changes);
  const after = await host.read();
  expect(scenarioGrid(after)).toEqual(scenarioGrid(removed.sheets));
  expect(after.find((s) => s.name === 'Scenarier')!.tables[0].columnCount).toBe(3);

  const bare = newWorkbook(templateSheets(2026).filter((s) => s.name !== 'Scenarier'));
  const bareHost = workbookHost(() => bare);
  const created = editScenarios(await bareHost.read(), [{ kind: 'set', scenario: 'Basis', parameter: 'Caseload', value: 45 }]);
  await bareHost.writeChanges(created.changes);
  const reopened = readSheets(await roundTrip(bare));
  expect(scenarioGrid(reopened)).toEqual(scenarioGrid(created.sheets));
});

test('watch: a hand edit of Scenarier in the preview tells the watcher; of another sheet not; selection is passed on', async () => {
  const host = workbookHost(() => templateWithNote());
  const scenariosChanged = jest.fn();
  const selected = jest.fn();
  const stop = await host.watch({ scenariosChanged, selected });
  host.editedByHand('scenarier');
  host.editedByHand('Forslag');
  host.selectedByHand({ sheet: 'Forslag', row: 2, column: 1 });
  expect(scenariosChanged).toHaveBeenCalledTimes(1);
  expect(selected).toHaveBeenCalledWith({ sheet: 'Forslag', row: 2, column: 1 });
  stop();
  host.editedByHand('Scenarier');
  expect(scenariosChanged).toHaveBeenCalledTimes(1);
});

test("the preview: a delete that would move a formula of Scenarier as a value is refused with the formula's cell", async () => {
  const workbook = templateWithNote();
  const host = workbookHost(() => workbook, {});
  const added = editScenarios(await host.read(), [
    { kind: 'add', name: 'Caseload 40' },
    { kind: 'add', name: 'Dobbelt' },
  ]);
  await host.writeChanges!(added.changes);
  // =C5*2 in D5 of Dobbelt's column, typed in Excel (here: ExcelJS), its result stored.
  const sheet = workbook.getWorksheet('Scenarier')!;
  const header = (sheet.getRow(1).values as unknown[]).indexOf('Dobbelt');
  sheet.getCell(5, header).value = { formula: 'C5*2', result: 0 };
  const saved = await roundTrip(workbook);
  const result = editScenarios(readSheets(saved), [{ kind: 'delete', scenario: 'Caseload 40' }]);
  expect(result.refused).toMatchObject({ reason: 'formulaMoved', place: { sheet: 'Scenarier', row: 4, column: header - 1 } });
  expect(result.changes).toEqual([]);
});
