/**
 * The editor moves values, not cells: an edit that would move or copy a cell whose content a value cannot carry
 * (a formula, an error, TRUE/FALSE) is refused, with the cell's place, rather than turning it into a constant.
 */
import type { CellValue, SheetCells } from '../../src/workbook/grid';
import { applyCellChanges, editScenarios, type ScenarioSheetCells } from '../../src/workbook/scenario-edit';
import { scenarioSheet, sheet } from '../helpers/sheets';

const forslag = sheet('Forslag', [['Nr', 'Titel']]);
// Rows: 0 header, 1 Enhed, 2 Caseload, 3 Fordeling.
const rows = (d: CellValue = 90, e: CellValue = 41): CellValue[][] => [
  ['Enhed', 'kr.', null, null, null],
  ['Caseload', 45, 40, d, e],
  ['Fordeling', 'Prioritet', null, null, null],
];
const names = ['Basis', 'Caseload 40', 'Dobbelt', 'Sidste'];
const book = (scenarier: ScenarioSheetCells): SheetCells[] => [forslag, scenarier];
const withFormulas = (s: SheetCells, formulas: { row: number; column: number }[]): ScenarioSheetCells => ({ ...s, formulas });

describe('a delete or a copy that would turn a formula into a constant is refused', () => {
  test("deleting a scenario before a formula's column: refused with the formula's place, nothing written", () => {
    // =C3*2 in D3 (Dobbelt's caseload): moving its value left would leave the constant 90 in C3.
    const sheets = book(withFormulas(scenarioSheet(rows(), names), [{ row: 2, column: 3 }]));
    const result = editScenarios(sheets, [{ kind: 'delete', scenario: 'Caseload 40' }]);
    expect(result.refused).toEqual({
      edit: { kind: 'delete', scenario: 'Caseload 40' },
      reason: 'formulaMoved',
      place: { sheet: 'Scenarier', row: 2, column: 3 },
    });
    expect(result.changes).toEqual([]);
    expect(result.sheets).toEqual(sheets);
  });

  test('copying a scenario whose column holds a formula: refused', () => {
    const sheets = book(withFormulas(scenarioSheet(rows(), names), [{ row: 2, column: 3 }]));
    expect(editScenarios(sheets, [{ kind: 'add', name: 'Kopi', copyOf: 'Dobbelt' }]).refused?.reason).toBe('formulaMoved');
    // Another column's copy moves no formula.
    expect(editScenarios(sheets, [{ kind: 'add', name: 'Kopi', copyOf: 'Caseload 40' }]).refused).toBeUndefined();
  });

  test("deleting the formula's own scenario, or one after it, moves no formula: done", () => {
    const sheets = book(withFormulas(scenarioSheet(rows(), names), [{ row: 2, column: 3 }]));
    expect(editScenarios(sheets, [{ kind: 'delete', scenario: 'Dobbelt' }]).refused).toBeUndefined();
    expect(editScenarios(sheets, [{ kind: 'delete', scenario: 'Sidste' }]).refused).toBeUndefined();
  });

  test('an edit before the delete leaves the formula where it was: still refused', () => {
    const sheets = book(withFormulas(scenarioSheet(rows(), names), [{ row: 2, column: 3 }]));
    const result = editScenarios(sheets, [
      { kind: 'delete', scenario: 'Sidste' },
      { kind: 'delete', scenario: 'Caseload 40' },
    ]);
    expect(result.refused?.reason).toBe('formulaMoved');
  });
});

describe('a value set where the sheet holds a formula is refused, naming the cell: the formula is never replaced silently', () => {
  const formulaBook = () => book(withFormulas(scenarioSheet(rows(), names), [{ row: 2, column: 3 }]));

  test('a caseload set over =C3*2 (Dobbelt): refused with D3, nothing written', () => {
    const sheets = formulaBook();
    const edit = { kind: 'set', scenario: 'Dobbelt', parameter: 'Caseload', value: 42 } as const;
    const result = editScenarios(sheets, [edit]);
    expect(result.refused).toEqual({ edit, reason: 'formulaOverwritten', place: { sheet: 'Scenarier', row: 2, column: 3 } });
    expect(result.changes).toEqual([]);
    expect(result.sheets).toEqual(sheets);
  });

  test('blanking the formula (inherit the base) is refused too; the value it already shows writes nothing and passes', () => {
    const sheets = formulaBook();
    const blank = editScenarios(sheets, [{ kind: 'set', scenario: 'Dobbelt', parameter: 'Caseload', value: undefined }]);
    expect(blank.refused?.reason).toBe('formulaOverwritten');
    const same = editScenarios(sheets, [{ kind: 'set', scenario: 'Dobbelt', parameter: 'Caseload', value: 90 }]);
    expect(same.refused).toBeUndefined();
    expect(same.changes).toEqual([]);
  });

  test("a rename over a header that is a formula is refused; other scenarios' cells are set as before", () => {
    const sheets = book(withFormulas(scenarioSheet(rows(), names), [{ row: 0, column: 3 }]));
    expect(editScenarios(sheets, [{ kind: 'rename', scenario: 'Dobbelt', name: 'Tredobbelt' }]).refused).toMatchObject({
      reason: 'formulaOverwritten',
      place: { sheet: 'Scenarier', row: 0, column: 3 },
    });
    const other = editScenarios(formulaBook(), [{ kind: 'set', scenario: 'Sidste', parameter: 'Caseload', value: 42 }]);
    expect(other.refused).toBeUndefined();
    expect(other.changes[0].cells).toEqual([{ row: 2, column: 4, value: 42 }]);
  });
});

describe('an error or TRUE/FALSE the editor cannot write is not moved: refused', () => {
  test.each([
    ['an error', { error: '#N/A' }],
    ['TRUE', true],
  ])('%s in a column a delete moves, or a copy copies', (_, value) => {
    const sheets = book(scenarioSheet(rows(value as CellValue), names));
    const del = editScenarios(sheets, [{ kind: 'delete', scenario: 'Caseload 40' }]);
    expect(del.refused).toMatchObject({ reason: 'valueNotWritable', place: { sheet: 'Scenarier', row: 2, column: 3 } });
    expect(del.changes).toEqual([]);
    const copy = editScenarios(sheets, [
      { kind: 'add', name: 'Kopi', copyOf: 'Dobbelt' },
      { kind: 'delete', scenario: 'Caseload 40' },
    ]);
    expect(copy.refused?.reason).toBe('valueNotWritable');
    expect(() => JSON.stringify(copy.changes)).not.toThrow();
  });
});

test('applyCellChanges: a cell written is no longer a formula; the others stay marked', () => {
  const s = withFormulas(scenarioSheet(rows(), names), [
    { row: 2, column: 3 },
    { row: 2, column: 4 },
  ]);
  const written = applyCellChanges(s, [{ row: 2, column: 3, value: 7 }]) as ScenarioSheetCells;
  expect(written.formulas).toEqual([{ row: 2, column: 4 }]);
});
