import fc from 'fast-check';
import type { Scenario } from '../../src/model/types';
import { cellAt, type CellValue, type SheetCells } from '../../src/workbook/grid';
import { readBook } from '../../src/workbook/read';
import { matchKey } from '../../src/workbook/text';
import {
  applyCellChanges,
  editScenarios,
  percentText,
  scenarioTable,
  type EditRefusal,
  type ScenarioEdit,
} from '../../src/workbook/scenario-edit';
import { four, perYear, scenarioSheet, sheet, YEARS } from '../helpers/sheets';

const proposalHeader = [
  'Nr',
  'Titel',
  'Ydelse',
  'Prioritet',
  ...perYear('Udgift'),
  'Refusionsandel',
  'Fuldtidspersoner',
  'Sager',
  'Nuværende årsværk',
  'Årsværkspris',
];
const forslag = sheet(
  'Forslag',
  [
    proposalHeader,
    ['EBU 1', 'Egen udførelse, kontanthjælp', 'Kontanthjælp', null, ...four(-900000), 1, 114, null, null, null],
    ['EBU 3', 'Virksomhedsrettet indsats', 'Sygedagpenge', null, ...four(-300000), 1, null, null, null, null],
    ['F1', 'Fastholdelse', 'Sygedagpenge', null, ...four(-1200000), null, null, 450, 8, 400000],
    ['K-2', 'Intensive forløb', 'Sygedagpenge', 1, ...four(400000), null, null, null, null, null],
  ],
  'Forslag',
);
const baseRows: CellValue[][] = [
  ['Enhed', 'kr.'],
  ...YEARS.map((y) => [`Råderum ${y}`, 500000]),
  ['Fordeling', 'Prioritet'],
  ['Caseload', 45],
  ['Refusion Kontanthjælp', 0.3],
  ['Refusion Sygedagpenge', 0.3],
  ['Fuldtidspersoner Kontanthjælp', 114],
  ['Udelad', 'ingen'],
];
const workbook = (rows: CellValue[][] = baseRows, names = ['Basis']): SheetCells[] => [forslag, scenarioSheet(rows, names)];

/** Reads the edited workbook; it must have no problems. */
function scenariosOf(sheets: SheetCells[]): Scenario[] {
  const read = readBook(sheets);
  const problems = read.issues.filter((i) => i.severity === 'problem');
  expect(problems).toEqual([]);
  return read.book!.scenarios;
}
const named = (sheets: SheetCells[], name: string): Scenario => {
  const found = scenariosOf(sheets).find((s) => s.name === name);
  if (!found) throw new Error(`no scenario ${name}`);
  return found;
};
const scenarierOf = (sheets: readonly SheetCells[]): SheetCells => sheets.find((s) => s.name === 'Scenarier')!;

/** Every cell of a grid by absolute place (blank cells left out: null and '' are one to a reader). */
function cellsOf(s: SheetCells): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  s.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== '') out[`${s.origin.row + r},${s.origin.column + c}`] = v;
    }),
  );
  return out;
}

/** Applies the changes cell by cell to the original Scenarier grid: it must give the edited grid. */
function expectChangesGiveResult(before: readonly SheetCells[], result: ReturnType<typeof editScenarios>): void {
  const original = scenarierOf(before) ?? { name: 'Scenarier', origin: { row: 0, column: 0 }, values: [], tables: [] };
  let grid: SheetCells = original;
  for (const change of result.changes) for (const cell of change.cells) grid = applyCellChanges(grid, [cell]); // one cell at a time, as a host writes them
  expect(cellsOf(grid)).toEqual(cellsOf(scenarierOf(result.sheets)));
}

describe('editScenarios: each edit of the issue round-trips through the sheet', () => {
  const edit = (edits: ScenarioEdit[], sheets = workbook()) => {
    const result = editScenarios(sheets, edits);
    expect(result.refused).toBeUndefined();
    expectChangesGiveResult(sheets, result);
    return result;
  };

  test('create: an empty column after the last inherits everything from the base', () => {
    const result = edit([{ kind: 'add', name: 'Høj caseload' }]);
    expect(result.changes).toEqual([
      {
        sheet: 'Scenarier',
        cells: [{ row: 0, column: 2, value: 'Høj caseload' }],
        table: { name: 'Scenarier', row: 0, column: 0, rowCount: 12, columnCount: 3 },
      },
    ]);
    const [base, added] = scenariosOf(result.sheets);
    expect(added.name).toBe('Høj caseload');
    expect({ ...added, name: base.name, place: base.place }).toEqual(base);
  });

  test('copy: the copy reads as the scenario copied, and Enhed stays in the base column only', () => {
    const sheets = edit([
      { kind: 'add', name: 'A' },
      { kind: 'set', scenario: 'A', parameter: 'Caseload', value: 40 },
      { kind: 'set', scenario: 'A', parameter: 'Udelad', value: 'EBU 3' },
    ]).sheets;
    const result = edit([{ kind: 'add', name: 'B', copyOf: 'a' }], sheets);
    const a = named(result.sheets, 'A');
    const b = named(result.sheets, 'B');
    expect({ ...b, name: 'A', place: a.place }).toEqual(a);
    expect(result.changes[0].cells).not.toContainEqual(expect.objectContaining({ row: 1, value: 'kr.' }));
    const copyOfBase = edit([{ kind: 'add', name: 'C', copyOf: 'Basis' }], result.sheets);
    expect(cellAt(scenarierOf(copyOfBase.sheets), 1, 4)).toBeNull();
    expect({ ...named(copyOfBase.sheets, 'C'), name: 'Basis', place: undefined }).toEqual({
      ...named(copyOfBase.sheets, 'Basis'),
      place: undefined,
    });
  });

  test('rename: the header cell only; a change of case of its own name is no clash', () => {
    const result = edit([{ kind: 'rename', scenario: 'basis', name: ' Grundbudget ' }]);
    expect(result.changes).toEqual([{ sheet: 'Scenarier', cells: [{ row: 0, column: 1, value: 'Grundbudget' }] }]);
    expect(scenariosOf(result.sheets).map((s) => s.name)).toEqual(['Grundbudget']);
    expect(edit([{ kind: 'rename', scenario: 'Basis', name: 'BASIS' }]).changes[0].cells).toEqual([
      { row: 0, column: 1, value: 'BASIS' },
    ]);
  });

  test('delete: the columns after move left, the last is emptied and the table shrinks', () => {
    const three = edit([
      { kind: 'add', name: 'A' },
      { kind: 'set', scenario: 'A', parameter: 'Caseload', value: 40 },
      { kind: 'add', name: 'B' },
      { kind: 'set', scenario: 'B', parameter: 'Caseload', value: 50 },
    ]).sheets;
    const result = edit([{ kind: 'delete', scenario: 'A' }], three);
    expect(scenariosOf(result.sheets).map((s) => [s.name, s.caseload])).toEqual([
      ['Basis', 45],
      ['B', 50],
    ]);
    expect(result.changes[0].table).toEqual({ name: 'Scenarier', row: 0, column: 0, rowCount: 12, columnCount: 3 });
    expect(result.changes[0].cells).toContainEqual({ row: 0, column: 3, value: null });
    expect(scenarierOf(result.sheets).tables).toEqual([result.changes[0].table]);
  });

  test('caseload, global and per benefit; a new parameter row goes at the end of the table', () => {
    const result = edit([
      { kind: 'add', name: 'Lav' },
      { kind: 'set', scenario: 'Lav', parameter: 'Caseload', value: 40 },
      { kind: 'set', scenario: 'Lav', parameter: 'Caseload Sygedagpenge', value: 42.5 },
    ]);
    const lav = named(result.sheets, 'Lav');
    expect(lav.caseload).toBe(40);
    expect(lav.caseloadByBenefit).toEqual({ sygedagpenge: 42.5 });
    expect(named(result.sheets, 'Basis').caseloadByBenefit).toEqual({});
    expect(result.changes[0].cells).toContainEqual({ row: 12, column: 0, value: 'Caseload Sygedagpenge' });
    expect(result.changes[0].table?.rowCount).toBe(13);
  });

  test('refusion rate as a percentage that reads back exactly; the staircase shares replace it in that column', () => {
    const rate = edit([
      { kind: 'add', name: 'R' },
      { kind: 'set', scenario: 'R', parameter: 'Refusion Sygedagpenge', value: 0.325 },
    ]);
    expect(rate.changes[0].cells).toContainEqual({ row: 9, column: 2, value: '32,5 %' });
    expect(named(rate.sheets, 'R').refusionByBenefit.sygedagpenge).toEqual({ rate: 0.325 });

    const shares = [0.1, 0.2, 0.2, 0.5];
    const stair = edit(
      ['1-4', '5-26', '27-52', '53+'].map((band, b) => ({
        kind: 'set' as const,
        scenario: 'Basis',
        parameter: `Varighed uge ${band} Sygedagpenge`,
        value: shares[b],
      })),
      rate.sheets,
    );
    // The base's own rate is emptied: a rate and a staircase in one column is a problem.
    expect(cellAt(scenarierOf(stair.sheets), 9, 1)).toBeNull();
    expect(stair.changes[0].cells.filter((c) => c.column === 0).map((c) => c.value)).toEqual([
      'Varighed uge 1-4 Sygedagpenge',
      'Varighed uge 5-26 Sygedagpenge',
      'Varighed uge 27-52 Sygedagpenge',
      'Varighed uge 53+ Sygedagpenge',
    ]);
    expect(named(stair.sheets, 'Basis').refusionByBenefit.sygedagpenge).toEqual({ durationShares: shares });
    // R states its own rate: it keeps it over the base's staircase.
    expect(named(stair.sheets, 'R').refusionByBenefit.sygedagpenge).toEqual({ rate: 0.325 });

    const back = edit([{ kind: 'set', scenario: 'Basis', parameter: 'Refusion Sygedagpenge', value: 30 }], stair.sheets);
    expect(named(back.sheets, 'Basis').refusionByBenefit.sygedagpenge).toEqual({ rate: 0.3 });
    expect(cellAt(scenarierOf(back.sheets), 12, 1)).toBeNull();
  });

  test('fuldtidspersoner per benefit and råderum per year stay numbers', () => {
    const result = edit([
      { kind: 'add', name: 'V' },
      { kind: 'set', scenario: 'V', parameter: 'Fuldtidspersoner Kontanthjælp', value: 130 },
      { kind: 'set', scenario: 'V', parameter: 'Råderum 2027', value: 750000 },
    ]);
    const v = named(result.sheets, 'V');
    expect(v.fullTimePersonsByBenefit).toEqual({ kontanthjaelp: 130 });
    expect(v.pool).toEqual([500000, 500000, 750000, 500000]);
    expect(result.changes[0].cells).toContainEqual({ row: 4, column: 2, value: 750000 });
  });

  test('Fordeling is written in the product word, whichever word the pane gives', () => {
    const result = edit([
      { kind: 'add', name: 'F' },
      { kind: 'set', scenario: 'F', parameter: 'Fordeling', value: 'best-fill' },
    ]);
    expect(result.changes[0].cells).toContainEqual({ row: 6, column: 2, value: 'Bedste udnyttelse' });
    expect(named(result.sheets, 'F').mode).toBe('best-fill');
  });

  test('Udelad from the list: a tidy list; none is `ingen`, so a scenario does not inherit what the base leaves out', () => {
    const result = edit([
      { kind: 'set', scenario: 'Basis', parameter: 'Udelad', value: 'F1' },
      { kind: 'add', name: 'U' },
      { kind: 'set', scenario: 'U', parameter: 'Udelad', value: ' EBU 3;ebu 3, K-2 ,' },
      { kind: 'add', name: 'Ingen' },
      { kind: 'set', scenario: 'Ingen', parameter: 'Udelad', value: '' },
    ]);
    expect(cellAt(scenarierOf(result.sheets), 11, 2)).toBe('EBU 3, K-2');
    expect(cellAt(scenarierOf(result.sheets), 11, 3)).toBe('ingen');
    expect(named(result.sheets, 'U').excluded).toEqual(['EBU 3', 'K-2']);
    expect(named(result.sheets, 'Ingen').excluded).toEqual([]);
    expect(named(result.sheets, 'Basis').excluded).toEqual(['F1']);
  });

  test('undefined blanks the cell: the scenario inherits the base again', () => {
    const set = edit([
      { kind: 'add', name: 'A' },
      { kind: 'set', scenario: 'A', parameter: 'Caseload', value: 40 },
    ]);
    const cleared = edit([{ kind: 'set', scenario: 'A', parameter: 'Caseload', value: undefined }], set.sheets);
    expect(cleared.changes[0].cells).toEqual([{ row: 7, column: 2, value: null }]);
    expect(named(cleared.sheets, 'A').caseload).toBe(45);
    // Blanking a parameter the sheet lacks writes nothing.
    expect(edit([{ kind: 'set', scenario: 'A', parameter: 'Caseload Fleksjob', value: undefined }], set.sheets).changes).toEqual(
      [],
    );
  });

  test('text stays text: a value starting with = is a string in the grid (the adapters write it as text)', () => {
    const result = edit([{ kind: 'add', name: '=SUM(A1:A3)' }]);
    expect(result.changes[0].cells[0]).toEqual({ row: 0, column: 2, value: '=SUM(A1:A3)' });
    expect(scenariosOf(result.sheets).map((s) => s.name)).toEqual(['Basis', '=SUM(A1:A3)']);
  });
});

describe('editScenarios: what it refuses, and what it leaves alone', () => {
  const refusal = (edits: ScenarioEdit[], sheets = workbook()) => {
    const result = editScenarios(sheets, edits);
    expect(result.changes).toEqual([]);
    expect(result.sheets).toEqual(sheets);
    return result.refused?.reason;
  };

  test('names: empty, taken (Excel-like, whatever the case), unknown; the base cannot be deleted', () => {
    expect(refusal([{ kind: 'add', name: '  ' }])).toBe('emptyName');
    expect(refusal([{ kind: 'add', name: 'BASIS' }])).toBe('nameTaken');
    expect(refusal([{ kind: 'add', name: 'x', copyOf: 'Nope' }])).toBe('unknownScenario');
    expect(refusal([{ kind: 'rename', scenario: 'Nope', name: 'x' }])).toBe('unknownScenario');
    expect(refusal([{ kind: 'set', scenario: 'Nope', parameter: 'Caseload', value: 1 }])).toBe('unknownScenario');
    expect(refusal([{ kind: 'delete', scenario: 'basis' }])).toBe('baseDeleted');
    expect(
      refusal([
        { kind: 'add', name: 'A' },
        { kind: 'rename', scenario: 'A', name: 'basis' },
      ]),
    ).toBe('nameTaken');
  });

  test('a refused edit stops the lot: the edits before it are not applied either', () => {
    const result = editScenarios(workbook(), [
      { kind: 'add', name: 'A' },
      { kind: 'delete', scenario: 'Basis' },
    ]);
    expect(result.refused).toEqual({ edit: { kind: 'delete', scenario: 'Basis' }, reason: 'baseDeleted' });
  });

  test("a Scenarier sheet that holds no scenario table is the user's: nothing is written on it", () => {
    const own = [forslag, sheet('Scenarier', [['Mine noter'], ['om scenarier']])];
    expect(refusal([{ kind: 'add', name: 'A' }], own)).toBe('sheetNotOurs');
  });

  test("a table does not grow over the user's cells beside or below it (the place is given)", () => {
    const sheets = workbook();
    const scenarier = scenarierOf(sheets);
    const noted: SheetCells = { ...scenarier, values: scenarier.values.map((r, i) => (i === 3 ? [...r, 'note'] : r)) };
    const result = editScenarios([forslag, noted], [{ kind: 'add', name: 'A' }]);
    expect(result.refused).toEqual({
      edit: { kind: 'add', name: 'A' },
      reason: 'sheetNotOurs',
      place: { sheet: 'Scenarier', row: 3, column: 2 },
    });
    const below: SheetCells = { ...scenarier, values: [...scenarier.values, ['Kilde: budgetnotat']] };
    expect(
      editScenarios([forslag, below], [{ kind: 'set', scenario: 'Basis', parameter: 'Caseload Fleksjob', value: 40 }]).refused
        ?.place,
    ).toEqual({ sheet: 'Scenarier', row: 12, column: 0 });
  });

  test('a plain area (no Excel table) grows without joining a note below it', () => {
    const plain = sheet('Scenarier', [['Parameter', 'Basis'], ['Caseload', 45], [], ['Note', 'se notat']]);
    const sheets = [forslag, plain];
    const result = editScenarios(sheets, [{ kind: 'set', scenario: 'Basis', parameter: 'Udelad', value: 'EBU 1' }]);
    expect(result.refused?.reason).toBe('sheetNotOurs');
    expect(result.refused?.place).toEqual({ sheet: 'Scenarier', row: 3, column: 0 });
    const added = editScenarios(sheets, [{ kind: 'add', name: 'A' }]);
    expect(added.changes).toEqual([{ sheet: 'Scenarier', cells: [{ row: 0, column: 2, value: 'A' }] }]);
  });

  test("other sheets are the same objects; the user's cells right of a plain table and its other rows stay", () => {
    const plain = sheet('Scenarier', [
      ['Mine scenarier'],
      ['Parameter', 'Basis', null, null, 'Kommentar'],
      ['Caseload', 45, null, null, 'fra budgetnotat'],
      ['Råderum 2025', 100],
      ['Råderum 2026', 100],
      ['Råderum 2027', 100],
      ['Råderum 2028', 100],
    ]);
    const sheets = [forslag, plain];
    const result = editScenarios(sheets, [
      { kind: 'add', name: 'A' },
      { kind: 'set', scenario: 'A', parameter: 'Caseload', value: 40 },
    ]);
    expect(result.sheets[0]).toBe(forslag);
    expect(result.changes[0].cells).toEqual([
      { row: 1, column: 5, value: 'A' },
      { row: 2, column: 5, value: 40 },
    ]);
  });
});

test('a workbook without Scenarier: the changes create it as a table like the template, with Parameter and Basis', () => {
  const sheets = [forslag];
  expect(scenarioTable(sheets).sheet).toBeUndefined();
  expect(scenarioTable(sheets).scenarios).toEqual([{ name: 'Basis', values: {} }]);
  const result = editScenarios(sheets, [
    { kind: 'set', scenario: 'Basis', parameter: 'Caseload', value: 45 },
    ...YEARS.map((y) => ({ kind: 'set' as const, scenario: 'Basis', parameter: `Råderum ${y}`, value: 0 })),
  ]);
  expect(result.changes[0].sheet).toBe('Scenarier');
  expect(result.changes[0].cells.slice(0, 2)).toEqual([
    { row: 0, column: 0, value: 'Parameter' },
    { row: 0, column: 1, value: 'Basis' },
  ]);
  expect(result.changes[0].table).toEqual({ name: 'Scenarier', row: 0, column: 0, rowCount: 6, columnCount: 2 });
  expect(named(result.sheets, 'Basis').caseload).toBe(45);
  expectChangesGiveResult(sheets, result);
  // A table of that name elsewhere: the new one gets a free name.
  const taken = [{ ...forslag, tables: [{ ...forslag.tables[0], name: 'SCENARIER' }] }];
  expect(editScenarios(taken, [{ kind: 'add', name: 'A' }]).changes[0].table?.name).toBe('Scenarier2');
});

test('an Excel table keeps a data row: a table without parameters has an empty one, which the next parameter takes', () => {
  const created = editScenarios([forslag], [{ kind: 'add', name: 'A' }]);
  expect(created.changes[0].table).toEqual({ name: 'Scenarier', row: 0, column: 0, rowCount: 2, columnCount: 3 });
  const set = editScenarios(created.sheets, [{ kind: 'set', scenario: 'A', parameter: 'Caseload', value: 40 }]);
  expect(set.changes).toEqual([
    {
      sheet: 'Scenarier',
      cells: [
        { row: 1, column: 0, value: 'Caseload' },
        { row: 1, column: 2, value: 40 },
      ],
    },
  ]);
  const next = editScenarios(set.sheets, [{ kind: 'set', scenario: 'A', parameter: 'Udelad', value: 'EBU 1' }]);
  expect(next.changes[0].table).toEqual({ name: 'Scenarier', row: 0, column: 0, rowCount: 3, columnCount: 3 });
});

test('scenarioTable: the own cells per scenario, the benefits, years and proposals to pick from', () => {
  const table = scenarioTable(workbook([...baseRows, ['Caseload', null]], ['Basis', 'Lav']));
  expect(table.sheet).toBe('Scenarier');
  expect(table.parameters).toEqual(baseRows.map((r) => r[0]).concat('Caseload'));
  expect(table.scenarios.map((s) => s.name)).toEqual(['Basis', 'Lav']);
  expect(table.scenarios[0].values).toMatchObject({ Caseload: 45, 'Refusion Kontanthjælp': 0.3, Udelad: 'ingen' });
  expect(table.scenarios[1].values).toEqual({});
  expect(table.benefits).toEqual(['Kontanthjælp', 'Sygedagpenge']);
  expect(table.years).toEqual(YEARS);
  expect(table.proposals.map((p) => p.nr)).toEqual(['EBU 1', 'EBU 3', 'F1', 'K-2']);
  expect(table.proposals[2].title).toBe('Fastholdelse');
  expect(table.unit).toBe('kr.');
});

test('percentText: the shortest percentage that reads back to the very fraction', () => {
  expect(percentText(0.3)).toBe('30 %');
  expect(percentText(0.325)).toBe('32,5 %');
  expect(percentText(1)).toBe('100 %');
  expect(percentText(0)).toBe('0 %');
  fc.assert(
    fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (f) => {
      const text = percentText(f);
      if (text === undefined) return;
      const sheets = workbook(baseRows.map((r) => (r[0] === 'Refusion Kontanthjælp' ? [r[0], text] : r)));
      expect(named(sheets, 'Basis').refusionByBenefit.kontanthjaelp).toEqual({ rate: f });
    }),
    { numRuns: 200 },
  );
});

// ---- properties: any sequence of edits reads back as asked --------------------------------------------

/** The scenario the editor was asked for, as its own values (the model readBook is checked against). */
interface Asked {
  name: string;
  own: Map<string, string | number>;
}

const NAMES = ['Basis', 'A', 'a', 'B', 'Basis', 'A', 'B', 'Lav caseload', ' '];
const NRS = ['EBU 1', 'EBU 3', 'F1', 'K-2'];
const MODES = ['Prioritet', 'priority-partial', 'Bedste udnyttelse', 'Forholdsmæssig'];
const BANDS = ['1-4', '5-26', '27-52', '53+'];
const STAIRCASES = [
  [0.1, 0.2, 0.2, 0.5],
  [0.25, 0.25, 0.25, 0.25],
  [0, 0, 0.4, 0.6],
];

const nameArb = fc.constantFrom(...NAMES);
const scenarioEdits: fc.Arbitrary<ScenarioEdit[]> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), name: nameArb, copyOf: fc.option(nameArb, { nil: undefined }) }).map((e) => [e]),
  fc.record({ kind: fc.constant('rename' as const), scenario: nameArb, name: nameArb }).map((e) => [e]),
  fc.record({ kind: fc.constant('delete' as const), scenario: nameArb }).map((e) => [e]),
  fc
    .tuple(
      nameArb,
      fc.oneof(
        fc.tuple(
          fc.constantFrom('Caseload', 'Caseload Sygedagpenge', 'caseload kontanthjaelp'),
          fc.integer({ min: 30, max: 60 }),
        ),
        fc.tuple(fc.constantFrom('Refusion Kontanthjælp', 'Refusion Sygedagpenge'), fc.double({ min: 0, max: 1, noNaN: true })),
        fc.tuple(
          fc.constantFrom('Fuldtidspersoner Kontanthjælp', 'Fuldtidspersoner Sygedagpenge'),
          fc.integer({ min: 0, max: 500 }),
        ),
        fc.tuple(fc.constantFrom(...YEARS.map((y) => `Råderum ${y}`)), fc.integer({ min: 0, max: 2_000_000 })),
        fc.tuple(fc.constant('Fordeling'), fc.constantFrom(...MODES)),
        // None ('') often: a blank would inherit what the base leaves out.
        fc.tuple(
          fc.constant('Udelad'),
          fc.oneof(
            fc.constant(''),
            fc.subarray(NRS).map((nrs) => nrs.join(', ')),
          ),
        ),
      ),
      fc.boolean(),
    )
    .map(([scenario, [parameter, value], blank]): ScenarioEdit[] => [
      { kind: 'set', scenario, parameter, value: blank ? undefined : value },
    ]),
  fc
    .tuple(nameArb, fc.constantFrom('Sygedagpenge', 'Kontanthjælp'), fc.constantFrom(...STAIRCASES))
    .map(([scenario, benefit, shares]): ScenarioEdit[] =>
      BANDS.map((band, b) => ({ kind: 'set', scenario, parameter: `Varighed uge ${band} ${benefit}`, value: shares[b] })),
    ),
);

const key = (label: string) => matchKey(label).replace(/ /g, '');
const same = (a: string, b: string) => a.trim().toLocaleUpperCase('da') === b.trim().toLocaleUpperCase('da');

/** The model: applies one edit to the asked scenarios, or names its refusal. */
function model(asked: Asked[], edit: ScenarioEdit): Asked[] | EditRefusal {
  const find = (name: string) => asked.findIndex((s) => same(s.name, name));
  switch (edit.kind) {
    case 'add': {
      const from = edit.copyOf === undefined ? -1 : find(edit.copyOf);
      if (edit.copyOf !== undefined && from < 0) return 'unknownScenario';
      if (edit.name.trim() === '') return 'emptyName';
      if (find(edit.name) >= 0) return 'nameTaken';
      const own = from < 0 ? new Map() : new Map([...asked[from].own].filter(([k]) => k !== 'enhed'));
      return [...asked, { name: edit.name.trim(), own }];
    }
    case 'rename': {
      const at = find(edit.scenario);
      if (at < 0) return 'unknownScenario';
      if (edit.name.trim() === '') return 'emptyName';
      const other = find(edit.name);
      if (other >= 0 && other !== at) return 'nameTaken';
      return asked.map((s, i) => (i === at ? { ...s, name: edit.name.trim() } : s));
    }
    case 'delete': {
      const at = find(edit.scenario);
      if (at < 0) return 'unknownScenario';
      if (at === 0) return 'baseDeleted';
      return asked.filter((_, i) => i !== at);
    }
    case 'set': {
      const at = find(edit.scenario);
      if (at < 0) return 'unknownScenario';
      const own = new Map(asked[at].own);
      const k = key(edit.parameter);
      if (edit.value === undefined) own.delete(k);
      else own.set(k, edit.value);
      const rate = k.match(/^refusion(.*)$/);
      const band = k.match(/^varigheduge(?:1-4|5-26|27-52|53\+)(.*)$/);
      if (rate && edit.value !== undefined) for (const b of BANDS) own.delete(key(`Varighed uge ${b} ${rate[1]}`));
      if (band && edit.value !== undefined) own.delete(`refusion${band[1]}`);
      return asked.map((s, i) => (i === at ? { ...s, own } : s));
    }
  }
}

/** What readBook must give for an asked scenario: its own values, else the base's. */
function expected(asked: Asked[], s: number): Partial<Scenario> {
  const value = (k: string) => asked[s].own.get(k) ?? asked[0].own.get(k);
  const refusion: Scenario['refusionByBenefit'] = {};
  for (const benefit of ['kontanthjaelp', 'sygedagpenge']) {
    const bandsOf = (own: Map<string, string | number>) =>
      BANDS.map((b) => own.get(key(`Varighed uge ${b} ${benefit}`))).filter((x) => x !== undefined) as number[];
    const from = [asked[s].own, asked[0].own];
    for (const own of from) {
      const rate = own.get(`refusion${benefit}`);
      const stair = bandsOf(own);
      if (rate !== undefined) refusion[benefit] = { rate: rate as number };
      else if (stair.length === 4) refusion[benefit] = { durationShares: stair as [number, number, number, number] };
      else continue;
      break;
    }
  }
  const byBenefit = (prefix: string): Record<string, number> =>
    Object.fromEntries(
      ['kontanthjaelp', 'sygedagpenge'].flatMap((b) =>
        value(prefix + b) === undefined ? [] : [[b, value(prefix + b) as number]],
      ),
    );
  const excluded = value('udelad');
  const mode = {
    Prioritet: 'priority',
    'priority-partial': 'priority-partial',
    'Bedste udnyttelse': 'best-fill',
    Forholdsmæssig: 'proportional',
  };
  const caseload = value('caseload') as number | undefined;
  return {
    name: asked[s].name,
    ...(caseload === undefined ? {} : { caseload }),
    pool: YEARS.map((y) => value(`raaderum${y}`) as number | undefined),
    caseloadByBenefit: byBenefit('caseload'),
    refusionByBenefit: refusion,
    fullTimePersonsByBenefit: byBenefit('fuldtidspersoner'),
    mode: (mode[value('fordeling') as keyof typeof mode] ?? 'priority') as Scenario['mode'],
    excluded: typeof excluded === 'string' && excluded !== '' ? excluded.split(', ') : [],
  };
}

test('property: after any edits, readBook gives the scenarios asked for, and the changes written cell by cell give the edited grid', () => {
  // Three scenarios to start from, the base leaving a proposal out and stating a rate: so edits meet what they inherit.
  const start = workbook(
    [
      ['Enhed', 'kr.'],
      ['Udelad', 'F1'],
      ['Refusion Sygedagpenge', 0.3],
    ],
    ['Basis', 'A', 'B'],
  );
  const base = new Map<string, string | number>([
    ['enhed', 'kr.'],
    ['udelad', 'F1'],
    ['refusionsygedagpenge', 0.3],
  ]);
  fc.assert(
    fc.property(fc.array(scenarioEdits, { maxLength: 16 }), (batches) => {
      let sheets = start;
      let asked: Asked[] = [
        { name: 'Basis', own: base },
        { name: 'A', own: new Map() },
        { name: 'B', own: new Map() },
      ];
      for (const edits of batches) {
        let next: Asked[] | EditRefusal = asked;
        for (const e of edits) if (typeof next !== 'string') next = model(next, e);
        const result = editScenarios(sheets, edits);
        expectChangesGiveResult(sheets, result);
        if (typeof next === 'string') {
          expect(result.refused?.reason).toBe(next);
          expect(result.changes).toEqual([]);
          continue;
        }
        expect(result.refused).toBeUndefined();
        expect(result.sheets[0]).toBe(forslag);
        // The table on the sheet is as wide and tall as the scenarios and parameters.
        const scenarier = scenarierOf(result.sheets);
        expect(scenarier.tables[0].columnCount).toBe(next.length + 1);
        sheets = result.sheets;
        asked = next;
        const read = readBook(sheets);
        const problems = read.issues.filter((i) => i.severity === 'problem');
        expect(problems).toEqual([]);
        const scenarios = read.book!.scenarios.map((s) => {
          const { place, ...rest } = s;
          expect(place).toBeDefined();
          return rest;
        });
        expect(scenarios).toEqual(asked.map((_, s) => expect.objectContaining(expected(asked, s))));
      }
    }),
    { numRuns: 300 },
  );
});
