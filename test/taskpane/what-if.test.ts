/** The live what-if: pending edits calculated in memory, compared with a reference the user picks. */
import { sampleSheets } from '../../src/sample/seed-workbook';
import { WhatIf } from '../../src/taskpane/what-if';
import { newWorkbook } from '../../src/xlsx/files';
import { readSheets } from '../../src/xlsx/cells';
import { inUnit } from '../../src/workbook/output';
import { runWorkbook } from '../../src/workbook/run';
import { editScenarios, type ScenarioEdit } from '../../src/workbook/scenario-edit';

const sample = () => readSheets(newWorkbook(sampleSheets()));

test('the sample as it stands: three scenarios compared with the base', () => {
  const result = new WhatIf(sample()).run({ edits: [] });
  expect(result.issues.filter((i) => i.severity === 'problem')).toEqual([]);
  expect(result.comparison?.reference).toBe('Basis');
  expect(result.comparison?.scenarios.map((s) => s.name)).toEqual(['Basis', 'Caseload 40', 'Flere fuldtidspersoner']);
  // Caseload 40: Faxe's fastholdelse needs 11,25 årsværk instead of 10, 500.000 a year more (domain.md rule 4).
  const caseload40 = result.comparison?.scenarios[1];
  expect(caseload40?.difference?.totalNetto).toEqual([500000, 500000, 500000, 500000]);
  expect(caseload40?.difference?.remaining).toEqual([-500000, -500000, -500000, -500000]);
  expect(result.comparison?.scenarios[0].difference).toBeUndefined();
  expect(result.table?.scenarios[1].values).toEqual({ Caseload: 40 });
  expect(result.changes).toEqual([]);
});

test('a what-if made from the one before (incremental) gives what a fresh one gives', () => {
  const whatIf = new WhatIf(sample());
  const first = whatIf.run({ edits: [] });
  const edits = [{ kind: 'set' as const, scenario: 'Caseload 40', parameter: 'Caseload', value: 45 }];
  whatIf.run({ edits: [{ kind: 'set', scenario: 'Caseload 40', parameter: 'Caseload', value: 42 }] });
  const edited = whatIf.run({ edits });
  expect(edited.comparison).toEqual(new WhatIf(sample()).run({ edits }).comparison);
  expect(edited.comparison?.scenarios[1].difference?.totalNetto).toEqual([0, 0, 0, 0]);
  // The base and the third scenario are untouched: their figures are the run before's.
  expect(edited.comparison?.scenarios[2].figures).toEqual(first.comparison?.scenarios[2].figures);
  expect(edited.changes).toEqual([{ sheet: 'Scenarier', cells: [expect.objectContaining({ value: 45 })] }]);
});

test('the explanation of Faxe’s fastholdelse: +800.000 at caseload 45 and +1.300.000 at 40', () => {
  const result = new WhatIf(sample()).run({ edits: [], explain: { nr: 'BIU_F_03' }, language: 'da' });
  const staffing = result.explanation?.scenarios.map((s) => s.steps.find((step) => step.rule === 'caseload')?.amounts?.[0]);
  expect(staffing?.slice(0, 2)).toEqual([800000, 1300000]);
});

test('the what-if’s figures are the full run’s on the edited workbook (Scenarier read again alone, the lists once)', () => {
  const sheets = sample();
  const whatIf = new WhatIf(sheets);
  const edits: ScenarioEdit[] = [
    { kind: 'add', name: 'Runde 2', copyOf: 'Flere fuldtidspersoner' },
    { kind: 'set', scenario: 'Runde 2', parameter: 'Caseload', value: 40 },
    { kind: 'set', scenario: 'Runde 2', parameter: 'Udelad', value: 'EBU 3, K-2' },
    { kind: 'set', scenario: 'Runde 2', parameter: 'Råderum 2028', value: 1500000 },
    { kind: 'set', scenario: 'Basis', parameter: 'Refusion Sygedagpenge', value: 0.4 },
  ];
  for (let k = 1; k <= edits.length; k++) whatIf.run({ edits: edits.slice(0, k) });
  const result = whatIf.run({ edits });
  const run = runWorkbook(editScenarios(sheets, edits).sheets, { sheets: false });
  const figures = run.results?.figures;
  expect(figures?.scenarios.map((s) => s.name)).toEqual(result.comparison?.scenarios.map((s) => s.name));
  figures?.scenarios.forEach((s, k) => {
    const shown = result.comparison?.scenarios[k];
    expect(shown?.figures.totalNetto).toEqual(inUnit(s.totalNetto, 'kr.'));
    expect(shown?.figures.remaining).toEqual(inUnit(s.remaining, 'kr.'));
    expect(shown?.fundedCount).toBe(s.requests.filter((r) => r.status !== 'unfunded').length);
  });
  expect(result.comparison?.scenarios[3].difference?.effect).toEqual(
    inUnit(figures?.comparisons[2].effect.difference ?? [], 'kr.'),
  );
});

test('a pane edit that names a proposal no list has is a problem at its cell, as in a run: no comparison then', () => {
  const result = new WhatIf(sample()).run({
    edits: [{ kind: 'set', scenario: 'Caseload 40', parameter: 'Udelad', value: 'EBU 99' }],
  });
  expect(result.comparison).toBeUndefined();
  expect(result.issues.filter((i) => i.severity === 'problem').map((i) => [i.code, i.place?.sheet])).toEqual([
    ['unknownNr', 'Scenarier'],
  ]);
});
