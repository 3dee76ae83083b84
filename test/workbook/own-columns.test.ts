/**
 * The user's own columns of the proposal lists (`Konto`, `Bemærkning`, …): readBook hands them to
 * Resultat, headers in first-met order and per proposal its values as the user sees them.
 */
import type { CellValue } from '../../src/workbook/grid';
import { ownValue, readBook } from '../../src/workbook/read';
import { scenarioSheet, sheet } from '../helpers/sheets';

const scenarios = () =>
  scenarioSheet([
    ['Råderum 2027', 0],
    ['Råderum 2028', 0],
  ]);

test('columns the template does not know travel, with each proposal in book order', () => {
  const r = readBook([
    sheet('Social', [
      ['Nr', 'Konto', 'Titel', 'Udgift 2027', 'Udgift 2028', 'Bemærkning', 'Art'],
      ['S-1', '5.38.50', 'Færre botilbud', -400, -800, 'Aftalt med MED', 'Reduktion'],
      ['S-2', 53230, 'Flere hænder', 1200, 1200, null, 'Udvidelse'],
    ]),
    sheet(
      'Teknik',
      [
        ['Nr', 'Titel', 'bemaerkning.', 'Udgift 2027', 'Udgift 2028', 'Begrundelse'],
        ['T-1', 'Gadelys', 'Slukket 0-5', -250, -250, 'Energipriser'],
      ],
      'Teknik_T',
    ),
    scenarios(),
  ]);
  expect(r.issues).toEqual([]);
  expect(r.book?.proposals.map((p) => p.nr)).toEqual(['S-1', 'S-2', 'T-1']);
  // Bemærkning and bemaerkning. are one column, named as first met; Teknik has no Konto, Social no Begrundelse.
  expect(r.ownColumns).toEqual({
    headers: ['Konto', 'Bemærkning', 'Begrundelse'],
    values: [
      ['5.38.50', 'Aftalt med MED', null],
      [53230, null, null],
      [null, 'Slukket 0-5', 'Energipriser'],
    ],
  });
});

test("the template's columns, Råderum's own output columns and blank headers stay out; an unused year column travels with its warning", () => {
  const r = readBook([
    sheet('Forslag', [
      [
        'Nr',
        'Titel',
        'Udvalg',
        'Ydelse',
        'Prioritet',
        'Udgift 2027',
        'Indtægt 2027',
        'Netto 2027',
        'Netto Basis 2027',
        'Status',
        'Bevilget 2027',
        'Udgift',
        null,
        '  ',
        'Budget 2026',
        'Konto',
      ],
      ['F-1', 'Mentorer', 'EBU', 'Kontanthjælp', 1, 100, 0, 100, 100, 'Bevilget', 100, 5, 'uden overskrift', 'x', 90, '5.57'],
    ]),
    scenarioSheet([['Råderum 2027', 0]]),
  ]);
  expect(r.issues.map((i) => [i.severity, i.code, i.params.header])).toEqual([
    ['warning', 'unknownYearHeader', 'Netto 2027'],
    ['warning', 'unknownYearHeader', 'Netto Basis 2027'],
    ['warning', 'unknownYearHeader', 'Bevilget 2027'],
    ['warning', 'unknownYearHeader', 'Budget 2026'],
  ]);
  expect(r.ownColumns).toEqual({ headers: ['Budget 2026', 'Konto'], values: [[90, '5.57']] });
});

test('values as the user sees them: text, numbers, dates as ISO text, errors as their code, SAND and FALSK', () => {
  const values: CellValue[] = [
    'Aftalt',
    ' med mellemrum ',
    1234.5,
    0,
    '2027-03-01',
    { error: '#N/A' },
    '#REF!',
    { error: 'noValue' },
    true,
    false,
    '',
    null,
  ];
  expect(values.map(ownValue)).toEqual([
    'Aftalt',
    ' med mellemrum ',
    1234.5,
    0,
    '2027-03-01',
    '#N/A',
    '#REF!',
    null,
    'SAND',
    'FALSK',
    null,
    null,
  ]);
});

test('a column no proposal fills is left out; rows not read and repeated numbers have no values', () => {
  const r = readBook([
    sheet('Forslag', [
      ['Nr', 'Titel', 'Udgift 2027', 'Bemærkning', 'Konto'],
      ['F-1', 'Mentorer', 100, null, '1.01'],
      ['F-1', 'Igen', 100, null, '1.02'],
      ['', 'Uden nummer', 100, null, '1.03'],
      ['', 'I alt', 300, null, null],
      ['F-2', 'Tolke', 50, ' ', '1.04'],
    ]),
    scenarioSheet([['Råderum 2027', 0]]),
  ]);
  expect(r.issues.map((i) => i.code)).toEqual(['nrMissing', 'totalsRowSkipped', 'nrTwice']);
  // Problems: no book, but the own columns of the proposals read are there for the pane.
  expect(r.ownColumns).toEqual({ headers: ['Konto'], values: [['1.01'], ['1.04']] });
});

test('a workbook without own columns gives no headers and an empty row per proposal', () => {
  const r = readBook([
    sheet('Forslag', [
      ['Nr', 'Titel', 'Udgift 2027'],
      ['F-1', 'Mentorer', 100],
      ['F-2', 'Tolke', 50],
    ]),
    scenarioSheet([['Råderum 2027', 0]]),
  ]);
  expect(r.ownColumns).toEqual({ headers: [], values: [[], []] });
});

test('50.000 proposals with three own columns are read with their values', () => {
  const rows: CellValue[][] = [['Nr', 'Titel', 'Udgift 2027', 'Konto', 'Bemærkning', 'Frist']];
  for (let k = 0; k < 50_000; k++)
    rows.push([`F-${k}`, `Forslag ${k}`, k, `${k % 97}.${k % 13}`, k % 3 ? null : 'se note', '2027-01-01']);
  const r = readBook([sheet('Forslag', rows), scenarioSheet([['Råderum 2027', 0]])]);
  expect(r.issues).toEqual([]);
  expect(r.ownColumns.headers).toEqual(['Konto', 'Bemærkning', 'Frist']);
  expect(r.ownColumns.values).toHaveLength(50_000);
  expect(r.ownColumns.values[49_999]).toEqual(['44.1', null, '2027-01-01']);
});
