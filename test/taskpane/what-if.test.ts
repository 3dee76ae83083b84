/** The live what-if: pending edits calculated in memory, compared with a reference the user picks. */
import { sampleSheets } from '../../src/sample/seed-workbook';
import { WhatIf } from '../../src/taskpane/what-if';
import { newWorkbook } from '../../src/xlsx/files';
import { readSheets } from '../../src/xlsx/cells';

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
