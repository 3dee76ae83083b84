import fc from 'fast-check';
import { inPriorityOrder } from '../../src/model/allocation';
import type { CellValue, SheetCells } from '../../src/workbook/grid';
import { editPriorities, fewestWrites } from '../../src/workbook/priority-edit';
import { readBook } from '../../src/workbook/read';
import { applyCellChanges, type ScenarioSheetCells } from '../../src/workbook/scenario-edit';
import { four, perYear, scenarioSheet, sheet, YEARS } from '../helpers/sheets';

const header = ['Nr', 'Titel', 'Art', 'Prioritet', ...perYear('Udgift')];
const request = (nr: string, priority: CellValue): CellValue[] => [nr, `Ønske ${nr}`, 'Udvidelse', priority, ...four(100000)];
const scenarier = scenarioSheet([['Enhed', 'kr.'], ...YEARS.map((y) => [`Råderum ${y}`, 250000])]);

/** Two lists on two sheets: the order crosses them. */
function workbook(a: CellValue[], b: CellValue[]): SheetCells[] {
  return [
    sheet('Ønsker A', [header, request('K-1', a[0]), request('K-2', a[1]), request('K-3', a[2])], 'ListeA'),
    sheet('Ønsker B', [['Ønsker fra B'], header, request('B-1', b[0]), request('B-2', b[1])]),
    scenarier,
  ];
}

/** The workbook as a host that wrote the changes would read it back. */
function written(sheets: readonly SheetCells[], result: ReturnType<typeof editPriorities>): SheetCells[] {
  return sheets.map((s) => {
    const change = result.changes.find((c) => c.sheet === s.name);
    return change ? applyCellChanges(s, change.cells) : s;
  });
}

/** The requests' Nrs in the order the engine funds them. */
function priorityOrder(sheets: readonly SheetCells[]): string[] {
  const read = readBook(sheets);
  expect(read.issues.filter((i) => i.severity === 'problem')).toEqual([]);
  return inPriorityOrder(read.book!.proposals).map((p) => p.nr);
}

describe('editPriorities', () => {
  it('writes the new order to the Prioritet cells, as numbers, and the workbook read back funds in that order', () => {
    const sheets = workbook([1, 2, 3], [4, 5]);
    const order = ['B-1', 'K-1', 'K-2', 'K-3', 'B-2'];
    const result = editPriorities(sheets, order);
    expect(result.refused).toBeUndefined();
    for (const change of result.changes) for (const cell of change.cells) expect(typeof cell.value).toBe('number');
    expect(priorityOrder(written(sheets, result))).toEqual(order);
  });

  it('writes only the cell of the request moved where the numbers around it leave room', () => {
    const sheets = workbook([10, 20, 30], [40, 50]);
    const result = editPriorities(sheets, ['K-1', 'K-3', 'K-2', 'B-1', 'B-2']);
    // K-3 moved above K-2: one cell, between 10 and 20 (or K-2's between 30 and 40).
    expect(result.changes.flatMap((c) => c.cells)).toHaveLength(1);
    expect(priorityOrder(written(sheets, result))).toEqual(['K-1', 'K-3', 'K-2', 'B-1', 'B-2']);
  });

  it('writes nothing when the order is the workbook’s', () => {
    const sheets = workbook([1, 2, 3], [4, 5]);
    expect(editPriorities(sheets, ['K-1', 'K-2', 'K-3', 'B-1', 'B-2'])).toEqual({ changes: [] });
  });

  it('numbers blank Prioritet cells, at the sheet’s absolute row (a title above the list)', () => {
    const sheets = workbook([null, null, null], [null, null]);
    const result = editPriorities(sheets, ['B-2', 'K-1', 'K-2', 'K-3', 'B-1']);
    const b = result.changes.find((c) => c.sheet === 'Ønsker B')!;
    // B-2 is on row 4 (0-based 3), its Prioritet in column D (3).
    expect(b.cells).toContainEqual({ row: 3, column: 3, value: 1 });
    expect(priorityOrder(written(sheets, result))).toEqual(['B-2', 'K-1', 'K-2', 'K-3', 'B-1']);
  });

  it('refuses to overwrite a formula in a Prioritet cell, naming the cell, and writes nothing', () => {
    const sheets = workbook([1, 2, 3], [4, 5]);
    const withFormula = sheets.map((s) =>
      s.name === 'Ønsker A' ? ({ ...s, formulas: [{ row: 2, column: 3 }] } as ScenarioSheetCells) : s,
    );
    const result = editPriorities(withFormula, ['K-2', 'K-1', 'K-3', 'B-1', 'B-2']);
    expect(result).toEqual({
      changes: [],
      refused: { reason: 'formula', nr: 'K-2', place: { sheet: 'Ønsker A', row: 2, column: 3 } },
    });
  });

  it('refuses a list without a Prioritet column, and a Nr no list holds', () => {
    const noColumn = [
      sheet('Ønsker', [
        ['Nr', 'Titel', 'Art', ...perYear('Udgift')],
        ['K-1', 'Ønske', 'Udvidelse', ...four(1000)],
      ]),
      scenarier,
    ];
    expect(editPriorities(noColumn, ['K-1']).refused).toEqual({
      reason: 'noPriorityColumn',
      nr: 'K-1',
      place: { sheet: 'Ønsker', row: 0, column: 0 },
    });
    expect(editPriorities(workbook([1, 2, 3], [4, 5]), ['K-9']).refused).toEqual({ reason: 'unknownRequest', nr: 'K-9' });
  });

  it('gives increasing numbers with no more writes than numbering 1…n (any cells, any order)', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: -3, max: 30 }), { nil: undefined }), { maxLength: 12 }), (now) => {
        const out = fewestWrites(now);
        for (let k = 1; k < out.length; k++) expect(out[k]).toBeGreaterThan(out[k - 1]);
        const writes = out.filter((x, k) => x !== now[k]).length;
        expect(writes).toBeLessThanOrEqual(now.filter((x, k) => x !== k + 1).length);
      }),
    );
  });
});
