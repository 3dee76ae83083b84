/** Issue 7 in the workbook layer: exact figures, no stack overflows, nothing ignored without a word. */
import Ajv2020 from 'ajv/dist/2020';
import { evaluate } from '../../src/model/scenarios';
import type { CellValue, SheetCells } from '../../src/workbook/grid';
import { formatIssue } from '../../src/workbook/messages';
import { EXCEL_MAX_COLUMNS, outputSheets } from '../../src/workbook/output';
import { readBook } from '../../src/workbook/read';
import { jsonReport } from '../../src/workbook/report';
import schema from '../../docs/cli-output.schema.json';
import { scenarioSheet, sheet } from '../helpers/sheets';

const validate = new Ajv2020({ allErrors: true }).compile(schema);
const messages = (read: { issues: ReturnType<typeof readBook>['issues'] }, severity: 'problem' | 'warning' = 'problem') =>
  read.issues.filter((i) => i.severity === severity).map((i) => formatIssue(i));

/** readBook → evaluate → outputSheets → jsonReport, as the command line does. */
function run(sheets: SheetCells[]) {
  const read = readBook(sheets);
  if (!read.book) throw new Error(messages(read).join('\n'));
  const evaluation = evaluate(read.book);
  const output = outputSheets(evaluation, read.unit, read.tableNames);
  return { read, evaluation, output, json: jsonReport(evaluation, read.unit) };
}

const cellOf = (s: { values: (string | number | null)[][] }, label: string) => s.values.find((r) => r[1] === label);

describe('rule 6a through the whole path', () => {
  test('a billion kroner and 600 million are written as they are, in the sheets and the JSON', () => {
    const { output, json } = run([
      sheet('Forslag', [
        ['Nr', 'Titel', 'Art', 'Udgift 2025'],
        ['A', 'Stor besparelse', 'Reduktion', -1_000_000_000],
        ['B', 'Stor udvidelse', 'Udvidelse', 600_000_000],
        ['C', 'Næsten en halv', 'Udvidelse', 1_000_000.499],
      ]),
      scenarioSheet([['Råderum 2025', 0]]),
    ]);
    expect(json.scenarios[0].proposals.map((p) => p.netto)).toEqual([[-1_000_000_000], [600_000_000], [1_000_000]]);
    const resultat = output.sheets[0];
    expect(resultat.values.find((r) => r[0] === 'A')?.slice(4)).toEqual([-1_000_000_000, 0, 0, -1_000_000_000]);
    expect(resultat.values.find((r) => r[0] === 'B')?.slice(4)).toEqual([600_000_000, 0, 0, 600_000_000]);
    expect(validate(json)).toBe(true);
  });

  test('reductions that make what is available 0 up to noise give every share 0, and statuses follow', () => {
    const { output, json } = run([
      sheet('Forslag', [
        ['Nr', 'Titel', 'Art', 'Prioritet', 'Udgift 2025'],
        ['R1', 'Lille besparelse', 'Reduktion', null, -0.1],
        ['R2', 'Anden besparelse', 'Reduktion', null, -0.2],
        ['U1', 'Ønske', 'Udvidelse', 1, 100],
        ['U2', 'Betaler tilbage', 'Udvidelse', 2, -50],
      ]),
      scenarioSheet(
        [
          ['Råderum 2025', -0.3, null],
          ['Fordeling', 'Prioritet', 'Prioritet, delvis'],
        ],
        ['Basis', 'Delvis'],
      ),
    ]);
    const [basis, delvis] = json.scenarios.map((s) => s.raaderum);
    expect(basis.proposals).toEqual([
      { nr: 'U1', status: 'unfunded', funded: [0], share: [0] },
      { nr: 'U2', status: 'funded', funded: [-50], share: [0] },
    ]);
    expect(delvis.proposals).toEqual([
      { nr: 'U1', status: 'unfunded', funded: [0], share: [0] },
      { nr: 'U2', status: 'unfunded', funded: [0], share: [0] },
    ]);
    expect(validate(json)).toBe(true);
    const raaderum = output.sheets[1];
    const shareCells = raaderum.values.flatMap((r, i) => r.filter((_, c) => raaderum.formats[i][c] === '0.0%'));
    expect(shareCells.length).toBeGreaterThan(0);
    expect(shareCells.every((v) => v === 0)).toBe(true);
  });

  test('an amount above 10^12 kr. is a problem in its cell; a scaled one in its scenario', () => {
    const read = readBook([
      sheet('Forslag', [
        ['Nr', 'Titel', 'Udgift 2025'],
        ['A', 'For stor', 2e12],
        ['B', 'For stor i 1.000 kr.', '1.000.000.000,5'],
      ]),
      scenarioSheet([
        ['Enhed', '1.000 kr.'],
        ['Råderum 2025', 1e10],
      ]),
    ]);
    expect(messages(read)).toEqual([
      'Scenarier!B3: "10000000000" er over 1.000.000.000.000 kr. (10^12) i absolut værdi; så store beløb kan ikke regnes præcist til kronen',
      'Forslag!C2: "2000000000000" er over 1.000.000.000.000 kr. (10^12) i absolut værdi; så store beløb kan ikke regnes præcist til kronen',
      'Forslag!C3: "1.000.000.000,5" er over 1.000.000.000.000 kr. (10^12) i absolut værdi; så store beløb kan ikke regnes præcist til kronen',
    ]);

    const scaled = readBook([
      sheet('Forslag', [
        ['Nr', 'Titel', 'Ydelse', 'Udgift 2025', 'Fuldtidspersoner'],
        ['A', 'Skaleres', 'Kontanthjælp', 1_000_000, 0.000001],
      ]),
      scenarioSheet([
        ['Råderum 2025', 0],
        ['Fuldtidspersoner Kontanthjælp', 1_000_000],
      ]),
    ]);
    const evaluation = evaluate(scaled.book!);
    expect(evaluation.issues.map((i) => formatIssue(i))).toEqual([
      'Scenarier!B1: forslag A giver i scenariet "Basis" for 2025 et beløb over 1.000.000.000.000 kr. (10^12) eller et beløb, der ikke er et tal; tjek forslagets beløb, fuldtidspersoner og caseload',
    ]);
  });
});

describe('large and sparse sheets run or are refused with a located message, never a stack overflow', () => {
  test('a header in row 1.048.576 is an empty list, with its place', () => {
    const values: CellValue[][] = new Array(1_048_576);
    for (let r = 0; r < values.length; r++) values[r] = [];
    values[1_048_575] = ['Nr', 'Titel', 'Udgift 2025'];
    const read = readBook([{ name: 'Forslag', origin: { row: 0, column: 0 }, values, tables: [] }, scenarioSheet([])]);
    expect(messages(read)).toEqual([
      'Forslag!A1048576: listen har en overskriftsrække, men ingen forslag under den (en liste uden tabel går til den første tomme række)',
    ]);
  });

  test('200.000 proposals run through every step', () => {
    const rows: CellValue[][] = [['Nr', 'Titel', 'Udvalg', 'Udgift 2025']];
    for (let i = 0; i < 200_000; i++) rows.push([`P${i}`, 'Forslag', `Udvalg ${i % 7}`, -1000 - i]);
    const { output, json } = run([sheet('Forslag', rows), scenarioSheet([['Råderum 2025', 0]])]);
    expect(output.issues).toEqual([]);
    expect(json.scenarios[0].total.netto).toEqual([-(200_000 * 1000 + (199_999 * 200_000) / 2)]);
    expect(output.sheets[0].values.length).toBeGreaterThan(200_000);
  }, 120_000);

  test('25.000 proposals, each with its own committee, × 6 scenarios run', () => {
    const rows: CellValue[][] = [['Nr', 'Titel', 'Udvalg', 'Prioritet', 'Udgift 2025']];
    for (let i = 0; i < 25_000; i++) rows.push([`P${i}`, 'Forslag', `Udvalg ${i}`, i % 10, i % 2 === 0 ? -2000 : 1000]);
    const names = ['A', 'B', 'C', 'D', 'E', 'F'];
    const { output, json } = run([
      sheet('Forslag', rows),
      scenarioSheet(
        [
          ['Råderum 2025', 1_000_000, 2_000_000, 0, 5, 6, 7],
          ['Fordeling', 'Prioritet', 'Prioritet, delvis', 'Forholdsmæssig', null, null, null],
        ],
        names,
      ),
    ]);
    expect(output.issues).toEqual([]);
    expect(json.scenarios.map((s) => s.name)).toEqual(names);
    expect(output.sheets.map((s) => s.values.length > 25_000)).toEqual([true, true, true]);
  }, 120_000);
});

describe('a list that would be skipped without a word', () => {
  const amounts = ['Udgift 2026', 'Udgift 2027'];

  test('a header with Forslag instead of Titel names the missing header and suggests it, on a plain sheet', () => {
    const read = readBook([
      sheet('Forslag', [
        ['Nr', 'Titel', ...amounts],
        ['A', 'a', 1, 1],
      ]),
      sheet('Udvalg B', [['Forslag fra udvalg B'], ['Nr', 'Forslag', ...amounts], ['B1', 'Glemt forslag', 5, 5]]),
      scenarioSheet([]),
    ]);
    expect(messages(read)).toEqual([
      `'Udvalg B'!B2: listen har beløbskolonner ("Udgift 2026"), men ingen kolonne "Titel", så den læses ikke; skal "Forslag" hedde "Titel"?`,
    ]);
  });

  test('a table with Nummer instead of Nr, and one with neither, each get a problem', () => {
    const read = readBook([
      sheet('Forslag', [
        ['Nummer', 'Titel', ...amounts],
        ['A', 'a', 1, 1],
      ]),
      sheet(
        'Andet',
        [
          ['Kolonne', ...amounts],
          ['x', 1, 1],
        ],
        'Andet',
      ),
      scenarioSheet([]),
    ]);
    expect(messages(read)).toEqual([
      'Forslag!A1: listen har beløbskolonner ("Udgift 2026"), men ingen kolonne "Nr", så den læses ikke; skal "Nummer" hedde "Nr"?',
      'Andet!A1: listen har beløbskolonner ("Udgift 2026"), men ingen kolonne "Nr", så den læses ikke; en forslagsliste har kolonnerne Nr og Titel i overskriftsrækken',
      'Andet!A1: listen har beløbskolonner ("Udgift 2026"), men ingen kolonne "Titel", så den læses ikke; en forslagsliste har kolonnerne Nr og Titel i overskriftsrækken',
      'ingen forslagsliste fundet: en liste har en overskriftsrække med Nr og Titel',
    ]);
  });

  test('a sheet without amount columns (a note, a pivot of something else) is left alone', () => {
    const read = readBook([
      sheet('Noter', [['Nummer', 'Forslag', 'Kommentar']]),
      sheet('Forslag', [
        ['Nr', 'Titel', ...amounts],
        ['A', 'a', 1, 1],
      ]),
      scenarioSheet([]),
    ]);
    expect(messages(read)).toEqual([]);
  });

  test('the only list with a header and no rows is a located problem; beside other lists a located warning', () => {
    const empty = sheet('Forslag', [['Nr', 'Titel', ...amounts]], 'Forslag');
    const alone = readBook([empty, scenarioSheet([])]);
    expect(alone.book).toBeUndefined();
    expect(messages(alone)).toEqual(['Forslag!A1: tabellen Forslag har en overskriftsrække, men ingen forslag']);
    const beside = readBook([
      empty,
      sheet('Andet', [
        ['Nr', 'Titel', ...amounts],
        ['A', 'a', 1, 1],
      ]),
      scenarioSheet([]),
    ]);
    expect(beside.book?.proposals.map((p) => p.nr)).toEqual(['A']);
    expect(messages(beside, 'warning')).toEqual(['Forslag!A1: tabellen Forslag har en overskriftsrække, men ingen forslag']);
  });
});

describe('input that would be ignored without a word gets a warning with its place', () => {
  const list = sheet('Forslag', [
    ['Nr', 'Titel', 'Ydelse', 'Udgift 2025', 'Refusionsandel'],
    ['A', 'a', 'Kontanthjælp', -1000, 1],
    ['B', 'b', 'Sygedagpenge', -1000, 1],
  ]);

  test('a scenario column without a name that holds values', () => {
    const read = readBook([
      list,
      scenarioSheet(
        [
          ['Råderum 2025', 0, null, 5],
          ['Refusion kontanthjælp', 0.3, null, null],
          ['Refusion sygedagpenge', 0.3, null, null],
        ],
        ['Basis', 'Andet', ''],
      ),
    ]);
    expect(read.book?.scenarios.map((s) => s.name)).toEqual(['Basis', 'Andet']);
    expect(messages(read, 'warning')).toEqual([
      'Scenarier!D1: kolonnen har værdier (fx i Scenarier!D2), men intet scenarienavn i overskriften, så den læses ikke; giv den et navn eller slet værdierne',
    ]);
  });

  test('values to the right of the Scenarier table and below it', () => {
    const scenarios: SheetCells = {
      name: 'Scenarier',
      origin: { row: 0, column: 0 },
      values: [
        ['Parameter', 'Basis', null, 'note til højre'],
        ['Råderum 2025', 0],
        ['Refusion kontanthjælp', 0.3],
        ['Refusion sygedagpenge', 0.3],
        [],
        ['Fordeling', 'Forholdsmæssig'],
      ],
      tables: [{ name: 'Scenarier', row: 0, column: 0, rowCount: 4, columnCount: 2 }],
    };
    const read = readBook([list, scenarios]);
    expect(read.book?.scenarios[0].mode).toBe('priority');
    expect(messages(read, 'warning')).toEqual([
      'Scenarier!D1: 3 celler ligger (den første her) uden for tabellen med parametre og læses ikke; flyt dem ind i tabellen eller slet dem',
    ]);
    // On a sheet without a table the data runs to the first empty row: what is below is ignored too.
    const plain = readBook([list, { ...scenarios, values: scenarios.values.map((r) => r.slice(0, 2)), tables: [] }]);
    expect(messages(plain, 'warning')).toEqual([
      'Scenarier!A6: 2 celler ligger (den første her) uden for tabellen med parametre og læses ikke; flyt dem ind i tabellen eller slet dem',
    ]);
  });

  test('a benefit in Scenarier that no proposal has names the benefits there are', () => {
    const read = readBook([
      list,
      scenarioSheet([
        ['Råderum 2025', 0],
        ['Refusion kontanthjælp', 0.3],
        ['Refusion sygedagpenge', 0.3],
        ['Fuldtidspersoner Kontanthjaelpp', 120],
        ['Caseload ledighedsydelse', 40],
        ['Refusion x', null],
      ]),
    ]);
    expect(messages(read, 'warning')).toEqual([
      'Scenarier!A5: "Fuldtidspersoner Kontanthjaelpp" nævner en ydelse, som intet forslag har, så værdien bruges ikke; forslagenes ydelser er: Kontanthjælp, Sygedagpenge',
      'Scenarier!A6: "Caseload ledighedsydelse" nævner en ydelse, som intet forslag har, så værdien bruges ikke; forslagenes ydelser er: Kontanthjælp, Sygedagpenge',
    ]);
  });

  test('an error or a formula without value in a text cell is a problem, not text', () => {
    const read = readBook([
      sheet('Forslag', [
        ['Nr', 'Titel', 'Art', 'Ydelse', 'Udvalg', 'Udgift 2025'],
        [{ error: '#REF!' }, 'a', null, null, null, 1],
        ['B', { error: 'noValue' }, '#N/A', null, null, 1],
        ['C', 'c', null, { error: '#NAME?' }, { error: '#VALUE!' }, 1],
      ]),
      scenarioSheet([
        ['Råderum 2025', 0],
        ['Udelad', { error: '#N/A' }],
      ]),
    ]);
    expect(messages(read)).toEqual([
      'Scenarier!B3: cellen viser fejlen #N/A i stedet for en tekst; ret formlen eller skriv teksten',
      'Forslag!A2: cellen viser fejlen #REF! i stedet for en tekst; ret formlen eller skriv teksten',
      'Forslag!B3: cellen har en formel uden gemt resultat (filen er skrevet af et program, der ikke regner); åbn og gem filen i Excel eller LibreOffice',
      'Forslag!C3: cellen viser fejlen #N/A i stedet for en tekst; ret formlen eller skriv teksten',
      'Forslag!E4: cellen viser fejlen #VALUE! i stedet for en tekst; ret formlen eller skriv teksten',
      'Forslag!D4: cellen viser fejlen #NAME? i stedet for en tekst; ret formlen eller skriv teksten',
    ]);
  });
});

describe('output tables and Excel limits', () => {
  const book = () => [
    sheet(
      'Forslag',
      [
        ['Nr', 'Titel', 'Art', 'Udgift 2025'],
        ['A', 'a', 'Udvidelse', 1],
        ['B', 'b', 'Udvidelse', 2],
      ],
      'RAADERUM_RESULTAT_1',
    ),
    scenarioSheet([['Råderum 2025', 10]]),
  ];

  test('every table on the input sheets is in tableNames, and output tables are named around them', () => {
    const { read, output } = run(book());
    expect(read.tableNames).toEqual(['RAADERUM_RESULTAT_1', 'Scenarier']);
    const names = output.sheets.flatMap((s) => s.tables.map((t) => t.name));
    expect(names).toEqual(['Raaderum_Resultat_1_2', 'Raaderum_Raaderum_1']);
    const keys = [...read.tableNames, ...names].map((n) => n.toUpperCase());
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('without reserved names the output keeps its own names', () => {
    const read = readBook(book());
    const names = outputSheets(evaluate(read.book!), read.unit).sheets.flatMap((s) => s.tables.map((t) => t.name));
    expect(names).toEqual(['Raaderum_Resultat_1', 'Raaderum_Raaderum_1']);
  });

  test('an output wider than Excel’s 16.384 columns is a problem', () => {
    const years = Array.from({ length: 4200 }, (_, i) => 2000 + i);
    const read = readBook([
      sheet('Forslag', [
        ['Nr', 'Titel', ...years.map((y) => `Udgift ${y}`)],
        ['A', 'a', ...years.map(() => 1)],
      ]),
      scenarioSheet([]),
    ]);
    const output = outputSheets(evaluate(read.book!), read.unit);
    expect(output.issues.map((i) => formatIssue(i))).toEqual([
      `arket Resultat ville få ${4 + 4 * 4200} kolonner, flere end Excel kan rumme (16.384)`,
    ]);
    expect(output.sheets[0].values[0].length).toBeGreaterThan(EXCEL_MAX_COLUMNS);
  });
});

test('cellOf finds rows by label', () => {
  expect(cellOf({ values: [['', 'x', 1]] }, 'x')).toEqual(['', 'x', 1]);
});
