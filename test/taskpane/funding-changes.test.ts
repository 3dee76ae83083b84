/** The funding changes the pane lists: from the core's comparisons, amounts in the workbook's unit. */
import type { RequestComparison } from '../../src/model/figures';
import { sampleSheets } from '../../src/sample/seed-workbook';
import { analyse } from '../../src/taskpane/analysis';
import { fundingChanges } from '../../src/taskpane/funding-changes';
import { newWorkbook } from '../../src/xlsx/files';
import { workbookHost } from '../../src/xlsx/workbook-host';

const request = (nr: string, r: Partial<RequestComparison>): RequestComparison => ({
  nr,
  title: `Ønske ${nr}`,
  funded: { reference: [0, 0], scenario: [0, 0], difference: [0, 0] },
  changed: false,
  ...r,
});

test('the sample: Flere fuldtidspersoner funds K-7 in part and K-8 no longer; Caseload 40 changes no funding', async () => {
  const sheets = await workbookHost(() => newWorkbook(sampleSheets())).read();
  expect(analyse(sheets).changes).toEqual([
    { scenario: 'Caseload 40', reference: 'Basis', requests: [] },
    {
      scenario: 'Flere fuldtidspersoner',
      reference: 'Basis',
      requests: [
        {
          nr: 'K-7',
          title: 'Hurtig intensiv indsats for fleks- og ledighedsydelsesmodtagere',
          statusInReference: 'unfunded',
          statusInScenario: 'partial',
          funded: [{ year: 2027, reference: 0, scenario: 3_126_316 }],
        },
        {
          nr: 'K-8',
          title: 'Finansiering af indsatser for borgere omfattet af arbejdspligt',
          statusInReference: 'funded',
          statusInScenario: 'unfunded',
          funded: [{ year: 2027, reference: 2_500_000, scenario: 0 }],
        },
      ],
    },
  ]);
  // A read's check carries no changes: nothing was calculated for the pane to show.
  expect(analyse(sheets, 'check').changes).toBeUndefined();
});

test('only changed requests, only the years that differ, in the unit; a request left out has no status', () => {
  const changes = fundingChanges(
    {
      years: [2027, 2028],
      comparisons: [
        {
          scenario: 'Stram',
          reference: 'Basis',
          requests: [
            request('U-1', {
              statusInReference: 'funded',
              statusInScenario: 'funded',
              funded: { reference: [1_000_000, 1_000_000], scenario: [1_000_000, 1_000_000], difference: [0, 0] },
            }),
            request('U-2', {
              statusInReference: 'partial',
              statusInScenario: 'partial',
              funded: { reference: [2_000_000, 500_000], scenario: [2_000_000, 300_000], difference: [0, -200_000] },
              changed: true,
            }),
            request('U-3', {
              statusInReference: 'unfunded',
              funded: { reference: [0, 0], scenario: [0, 0], difference: [0, 0] },
              changed: true,
            }),
          ],
        },
      ],
    },
    '1.000 kr.',
  );
  expect(changes).toEqual([
    {
      scenario: 'Stram',
      reference: 'Basis',
      requests: [
        {
          nr: 'U-2',
          title: 'Ønske U-2',
          statusInReference: 'partial',
          statusInScenario: 'partial',
          funded: [{ year: 2028, reference: 500, scenario: 300 }],
        },
        { nr: 'U-3', title: 'Ønske U-3', statusInReference: 'unfunded', statusInScenario: undefined, funded: [] },
      ],
    },
  ]);
});

test('a book without requests has no funding changes to list', () => {
  expect(fundingChanges({ years: [2027], comparisons: [{ scenario: 'B', reference: 'A', requests: [] }] }, 'kr.')).toEqual([]);
});
