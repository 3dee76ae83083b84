import { evaluate } from '../../src/model/scenarios';
import { formatIssue } from '../../src/workbook/messages';
import { MAX_PROPOSALS, OUTPUT_MARK, readBook } from '../../src/workbook/read';
import { runWorkbook } from '../../src/workbook/run';
import { four, perYear, scenarioSheet, sheet } from '../helpers/sheets';

const header = ['Nr', 'Titel', 'Udvalg', 'Art', 'Ydelse', ...perYear('Udgift'), ...perYear('Investering'), 'Fuldtidspersoner'];
const ebu1 = [
  'EBU 1',
  'Egen udførelse, kontanthjælp',
  'EBU',
  'Reduktion',
  'Kontanthjælp',
  ...four(-900000),
  ...four(550000),
  114,
];
const errors = (rows: ReturnType<typeof readBook>) =>
  rows.issues.filter((i) => i.severity === 'problem').map((i) => formatIssue(i));

test('a table and a plain sheet with a title above and a note below are both proposal lists', () => {
  const read = readBook([
    sheet('Forslag', [header, ebu1], 'Forslag'),
    sheet('Udvalg 2', [
      ['Forslag fra udvalg 2'],
      [],
      header,
      ['EBU 5', 'Tolke', 'EBU', '', '', ...four(-110000), 25000, 0, 0, 0, null],
      [],
      ['Note: beløb i kr.'],
    ]),
    scenarioSheet([
      ['Råderum 2025', 0],
      ['Råderum 2026', 0],
      ['Råderum 2027', 0],
      ['Råderum 2028', 0],
    ]),
  ]);
  expect(errors(read)).toEqual([]);
  expect(read.lists).toEqual([
    { sheet: 'Forslag', table: 'Forslag', proposals: 1, notRead: 0 },
    { sheet: 'Udvalg 2', table: undefined, proposals: 1, notRead: 0 },
  ]);
  const evaluation = evaluate(read.book!);
  expect(evaluation.scenarios[0].proposals.map((p) => p.netto)).toEqual([four(-350000), [-85000, -110000, -110000, -110000]]);
});

test('headers match case-insensitively, with a trailing dot, and æ/ø/å as ae/oe/aa', () => {
  const read = readBook([
    sheet('Forslag', [
      ['NR.', ' titel ', 'Udgift 2025', 'Indtaegt 2025', 'Sager', 'Nuvaerende aarsvaerk', 'AARSVAERKSPRIS', 'ydelse'],
      ['F1', 'Fastholdelse', -1200000, 0, 450, 8, 400000, 'sygedagpenge'],
    ]),
    scenarioSheet([
      ['Caseload', 45],
      ['Råderum 2025', 0],
    ]),
  ]);
  expect(errors(read)).toEqual([]);
  const p = read.book!.proposals[0];
  expect(p.staffing).toEqual({ cases: 450, currentStaff: 8, staffPrice: 400000 });
  expect(evaluate(read.book!).scenarios[0].proposals[0].netto).toEqual([-400000]);
});

test('the unit applies to amounts in and to pools and årsværkspris', () => {
  const read = readBook([
    sheet('Forslag', [
      ['Nr', 'Titel', 'Udgift ej service 2021', 'Udgift service 2021', 'Refusionsandel', 'Refusionssats'],
      ['BIU_F_01', 'Mentorer', -1500, 0, 2 / 3, '50 %'],
    ]),
    scenarioSheet([
      ['Enhed', '1.000 kr.'],
      ['Råderum 2021', 21000],
    ]),
  ]);
  expect(errors(read)).toEqual([]);
  const result = evaluate(read.book!).scenarios[0];
  expect(result.pool).toEqual([21_000_000]);
  expect(result.proposals[0].indtaegt[0]).toBeCloseTo(500_000, 6);
  expect(result.proposals[0].netto[0]).toBeCloseTo(-1_000_000, 6);
});

test('every problem names its sheet and cell, quoting sheet names that need it', () => {
  const read = readBook([
    sheet('Forslag', [
      ['Nr', 'Titel', 'Art', 'Prioritet', 'Udgift 2025', 'Refusionsandel', 'Sager'],
      ['A', 'Første', 'Reduktion', null, '12,5 mio', null, null],
      ['B', '', 'Måske', 'høj', 100, 150, 10],
      ['A', 'Dublet', null, null, 1, null, null],
    ]),
    sheet('Min liste', [
      ['Nr', 'Titel', 'Udgift 2026'],
      ['C', 'Andet år', 5],
    ]),
    scenarioSheet(
      [
        ['Enhed', 'kroner'],
        ['Caseload', 0],
        ['Fordeling', 'Tilfældig'],
        ['Refussion kontanthjælp', 0.3],
        ['Udelad', 'X-99'],
      ],
      ['Basis'],
    ),
  ]);
  expect(errors(read)).toEqual([
    'Scenarier!A5: ukendt parameter "Refussion kontanthjælp"',
    'Scenarier!B3: caseload "0" skal være større end 0',
    'Scenarier!B4: ukendt fordeling "Tilfældig" (brug Prioritet, "Prioritet, delvis", Bedste udnyttelse eller Forholdsmæssig)',
    'Forslag!E2: "12,5 mio" er ikke et tal',
    'Forslag!B3: forslaget mangler en titel',
    'Forslag!C3: "Måske" er ikke en art (brug Reduktion eller Udvidelse)',
    'Forslag!D3: "høj" er ikke et tal',
    'Forslag!F3: "150" er over 100 %',
    'Forslag!G3: caseload kræver Sager, Nuværende årsværk og Årsværkspris; mangler: Nuværende årsværk, Årsværkspris',
    "'Min liste'!A1: listen har årene 2026, men den første liste har 2025",
    'Scenarier!B6: Udelad nævner "X-99", som ikke er et forslag',
  ]);
  expect(read.book).toBeUndefined();
});

test('a number used twice is reported at the second place, naming the first', () => {
  const read = readBook([
    sheet('Forslag', [
      ['Nr', 'Titel', 'Udgift 2025'],
      ['A', 'x', 1],
      ['a', 'y', 2],
    ]),
    scenarioSheet([['Råderum 2025', 0]]),
  ]);
  expect(errors(read)).toEqual(['Forslag!A3: nummeret "a" er brugt før, i Forslag!A2']);
});

test('a blank scenario cell takes the base value; `ingen` clears an inherited exclusion', () => {
  const read = readBook([
    sheet('Forslag', [
      ['Nr', 'Titel', 'Ydelse', 'Udgift 2025', 'Refusionsandel'],
      ['A', 'a', 'Kontanthjælp', -1000, 1],
      ['B', 'b', 'Kontanthjælp', -1000, 1],
    ]),
    scenarioSheet(
      [
        ['Råderum 2025', 100, null, 200],
        ['Refusion kontanthjælp', 0.5, null, null],
        ['Varighed uge 1-4 Kontanthjælp', null, 0.1, null],
        ['Varighed uge 5-26 Kontanthjælp', null, 0.2, null],
        ['Varighed uge 27-52 Kontanthjælp', null, '20 %', null],
        ['Varighed uge 53+ Kontanthjælp', null, 50, null],
        ['Udelad', 'B', null, 'ingen'],
        ['Fordeling', null, null, 'Bedste udnyttelse'],
      ],
      ['Basis', 'Trappe', 'Mere'],
    ),
  ]);
  expect(errors(read)).toEqual([]);
  const [basis, trappe, mere] = read.book!.scenarios;
  expect(basis.refusionByBenefit.kontanthjaelp).toEqual({ rate: 0.5 });
  expect(trappe.refusionByBenefit.kontanthjaelp).toEqual({ durationShares: [0.1, 0.2, 0.2, 0.5] });
  expect(mere.refusionByBenefit.kontanthjaelp).toEqual({ rate: 0.5 });
  expect([basis.excluded, trappe.excluded, mere.excluded]).toEqual([['B'], ['B'], []]);
  expect([basis.pool, trappe.pool, mere.pool]).toEqual([[100], [100], [200]]);
  expect([basis.mode, mere.mode]).toEqual(['priority', 'best-fill']);
  const refusion = evaluate(read.book!).scenarios.map((s) => s.proposals[0].indtaegt[0]);
  expect(refusion[0]).toBeCloseTo(500, 9);
  expect(refusion[1]).toBeCloseTo(320, 9);
});

test('a bad base value that other scenarios inherit is reported once, where it is typed', () => {
  const read = readBook([
    sheet('Forslag', [
      ['Nr', 'Titel', 'Udgift 2025'],
      ['A', 'a', 1],
    ]),
    scenarioSheet(
      [
        ['Råderum 2025', 'mange', null, 5],
        ['Fordeling', 'Tilfældig', null, 'Prioritet'],
      ],
      ['Basis', 'Arver', 'Egen'],
    ),
  ]);
  expect(errors(read)).toEqual([
    'Scenarier!B2: "mange" er ikke et tal',
    'Scenarier!B3: ukendt fordeling "Tilfældig" (brug Prioritet, "Prioritet, delvis", Bedste udnyttelse eller Forholdsmæssig)',
  ]);
});

test('staircase shares that do not add up to 100 % are a problem at the Varighed cells', () => {
  const read = readBook([
    sheet('Forslag', [
      ['Nr', 'Titel', 'Ydelse', 'Udgift 2025', 'Refusionsandel'],
      ['A', 'a', 'Sygedagpenge', -1000, 1],
    ]),
    scenarioSheet([
      ['Råderum 2025', 0],
      ['Varighed uge 1-4 sygedagpenge', 0.1],
      ['Varighed uge 5-26 sygedagpenge', 0.2],
      ['Varighed uge 27-52 sygedagpenge', 0.2],
      ['Varighed uge 53+ sygedagpenge', 0.4],
    ]),
  ]);
  expect(errors(read)).toEqual(['Scenarier!B3: andelene i refusionstrappen for sygedagpenge i "Basis" giver 90 %, ikke 100 %']);
});

test('the core checks staircase shares too, for callers that build scenarios themselves', () => {
  const read = readBook([
    sheet('Forslag', [
      ['Nr', 'Titel', 'Udgift 2025'],
      ['A', 'a', -1000],
    ]),
    scenarioSheet([['Råderum 2025', 0]]),
  ]);
  const book = read.book!;
  book.scenarios[0].refusionByBenefit.sygedagpenge = { durationShares: [0.5, 0.5, 0.5, 0] };
  expect(evaluate(book).issues.map((i) => formatIssue(i))).toContain(
    'Scenarier!B1: andelene i refusionstrappen for sygedagpenge i "Basis" giver 150 %, ikke 100 %',
  );
});

test('output sheets and the Scenarier sheet are never read as proposal lists', () => {
  const read = readBook([
    sheet('Resultat', [
      ['Resultat'],
      ['Beløb i kr. Skrevet af Råderum; arket skrives forfra ved hver beregning.'],
      ['Nr', 'Titel', 'Udgift 2025'],
      ['OLD', 'gammelt resultat', 1],
    ]),
    sheet('Forslag', [
      ['Nr', 'Titel', 'Udgift 2025'],
      ['A', 'a', 1],
    ]),
    scenarioSheet([['Råderum 2025', 0]]),
  ]);
  expect(read.book!.proposals.map((p) => p.nr)).toEqual(['A']);
});

test('a sheet named like an output sheet (any case) that Råderum did not write is a problem, never overwritten', () => {
  const list = [
    ['Nr', 'Titel', 'Udgift 2025'],
    ['B', 'b', 1],
  ];
  const read = readBook([sheet('RÅDERUM', list), sheet('Forslag', list.slice(0, 1).concat([['A', 'a', 1]])), scenarioSheet([])]);
  expect(read.book).toBeUndefined();
  expect(read.issues.map((i) => formatIssue(i))).toContain(
    'RÅDERUM!A1: arket RÅDERUM er ikke skrevet af Råderum, men navnet er forbeholdt resultatet og ville blive overskrevet; omdøb arket (dets indhold læses ikke)',
  );
  // Excel's names differ only by case; "Raaderum" is another name, read as input.
  const other = readBook([sheet('Raaderum', list), scenarioSheet([])]);
  expect(other.book!.proposals.map((p) => p.nr)).toEqual(['B']);
});

test('Forhandlingsoversigt, the handout a run writes when asked, is an output sheet: a user’s own of that name is refused', () => {
  const list = [
    ['Nr', 'Titel', 'Udgift 2025'],
    ['A', 'a', 1],
  ];
  // Any case, as Excel names sheets: a run with the handout would otherwise write over the user's notes.
  const read = readBook([sheet('forhandlingsoversigt', [['Mine noter til mødet']]), sheet('Forslag', list), scenarioSheet([])]);
  expect(read.book).toBeUndefined();
  expect(read.issues.map((i) => [i.code, i.place])).toEqual([
    ['outputSheetNotOurs', { sheet: 'forhandlingsoversigt', row: 0, column: 0 }],
  ]);
  expect(errors(read)).toEqual([
    'forhandlingsoversigt!A1: arket forhandlingsoversigt er ikke skrevet af Råderum, men navnet er forbeholdt resultatet og ville blive overskrevet; omdøb arket (dets indhold læses ikke)',
  ]);
});

test('the handout a run wrote is read again as the run’s own, never as a proposal list', () => {
  const wish = ['BIU 1', 'Flere pædagoger', 'BIU', 'Udvidelse', '', ...four(400000), ...four(0), null];
  const inputs = [
    sheet('Forslag', [header, ebu1, wish], 'Forslag'),
    scenarioSheet([
      ['Råderum 2025', 100000],
      ['Råderum 2026', 100000],
      ['Råderum 2027', 100000],
      ['Råderum 2028', 100000],
    ]),
  ];
  const run = runWorkbook(inputs, { handout: true, runTime: '2026-11-23 12:00' });
  expect(run.issues.map((i) => formatIssue(i))).toEqual([]);
  const handout = run.results!.outputs.find((s) => s.name === 'Forhandlingsoversigt')!;
  expect(handout.values[1][0]).toContain(OUTPUT_MARK);
  // The handout lists the proposals by Nr: were it read as input, each would stand there twice.
  expect(handout.values.some((row) => row.includes('EBU 1'))).toBe(true);
  const again = readBook([...inputs, ...run.results!.outputs.map((s) => sheet(s.name, s.values))]);
  expect(again.issues).toEqual([]);
  expect(again.lists).toEqual([{ sheet: 'Forslag', table: 'Forslag', proposals: 2, notRead: 0 }]);
});

test('a workbook without Scenarier says how to get one', () => {
  const read = readBook([
    sheet('Forslag', [
      ['Nr', 'Titel', 'Udgift 2025'],
      ['A', 'a', 1],
    ]),
  ]);
  expect(errors(read)).toEqual(['arket "Scenarier" mangler (indsæt skabelonen eller kør "raaderum template")']);
});

test('a header or a word every JavaScript object has (constructor, __proto__) is no column, kind or mode', () => {
  const read = readBook([
    sheet('Forslag', [
      ['Nr', 'Titel', 'Art', 'Udgift 2025', 'constructor 2025', '__proto__ 2025', 'constructor'],
      ['A', 'a', 'constructor', 1, 2, 3, 4],
    ]),
    scenarioSheet([
      ['Råderum 2025', 0],
      ['Fordeling', 'constructor'],
    ]),
  ]);
  expect(read.issues.map((i) => formatIssue(i))).toEqual([
    'Scenarier!B3: ukendt fordeling "constructor" (brug Prioritet, "Prioritet, delvis", Bedste udnyttelse eller Forholdsmæssig)',
    'Forslag!E1: kolonnen "constructor 2025" bruges ikke (beløbskolonner hedder Udgift, Udgift service, Udgift ej service, Indtægt eller Investering og et år)',
    'Forslag!F1: kolonnen "__proto__ 2025" bruges ikke (beløbskolonner hedder Udgift, Udgift service, Udgift ej service, Indtægt eller Investering og et år)',
    'Forslag!C2: "constructor" er ikke en art (brug Reduktion eller Udvidelse)',
  ]);
});

test('a workbook of more than 200.000 proposals is refused at the first proposal beyond the limit', () => {
  const rows: (string | number)[][] = [['Nr', 'Titel', 'Udgift 2026']];
  for (let i = 1; i <= MAX_PROPOSALS + 1; i++) rows.push([`F${i}`, 'forslag', -1]);
  const read = readBook([sheet('Forslag', rows), scenarioSheet([['Råderum 2026', 0]])]);
  expect(MAX_PROPOSALS).toBe(200_000);
  expect(read.book).toBeUndefined();
  expect(read.issues.map((i) => formatIssue(i))).toEqual([
    'Forslag!A200002: projektmappen har 200.001 forslag; Råderum regner på højst 200.000 ad gangen: del forslagene på flere projektmapper (forslaget i denne række er det første over grænsen)',
  ]);
});
