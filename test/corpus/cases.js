'use strict';
/**
 * The corpus of broken and hostile workbooks (issue 7). Each case says what was
 * tried, the file it is tried on (made by scripts/make-corpus.js into
 * test/fixtures/corpus/), and exactly what the command line must answer: exit
 * status and every line on standard error. Expected texts are written by hand,
 * never computed by the code under test.
 *
 * Cell values: plain values; { formula, result } (a formula and its stored
 * result; no result = none stored); { date: 'YYYY-MM-DD' }; { richText: [...] }.
 */
const YEARS = [2026, 2027, 2028, 2029];
const perYear = (label) => YEARS.map((y) => `${label} ${y}`);
const four = (v) => [v, v, v, v];

// A Nr, B Titel, C Udvalg, D Art, E Ydelse, F Prioritet, G–J Udgift, K–N Investering, O Refusionsandel, P Fuldtidspersoner
const HEADER = [
  'Nr',
  'Titel',
  'Udvalg',
  'Art',
  'Ydelse',
  'Prioritet',
  ...perYear('Udgift'),
  ...perYear('Investering'),
  'Refusionsandel',
  'Fuldtidspersoner',
];
const REDUCTION = [
  'R-1',
  'Egen udførelse af forløb',
  'Beskæftigelsesudvalget',
  'Reduktion',
  'Kontanthjælp',
  null,
  ...four(-900000),
  ...four(550000),
  null,
  114,
];
const REQUEST = [
  'U-1',
  'Flere virksomhedskonsulenter',
  'Beskæftigelsesudvalget',
  'Udvidelse',
  'Sygedagpenge',
  1,
  ...four(400000),
  ...four(null),
  null,
  null,
];

const SCENARIOS = [
  ['Parameter', 'Basis'],
  ['Enhed', 'kr.'],
  ...YEARS.map((y) => [`Råderum ${y}`, 500000]),
  ['Fordeling', 'Prioritet'],
  ['Caseload', 45],
  ['Refusion Kontanthjælp', 0.3],
  ['Fuldtidspersoner Kontanthjælp', 114],
  ['Udelad', 'ingen'],
];

/** Without the benefit rows, for cases whose proposals name no Ydelse (else: a warning that the benefit is unknown). */
const SCENARIOS_WITHOUT_BENEFITS = SCENARIOS.filter((r) => !/Kontanthjælp$/.test(r[0]));

const clone = (rows) => rows.map((r) => [...r]);
const proposals = (rows = [REDUCTION, REQUEST], name = 'Forslag', table = 'Forslag') => ({
  name,
  table,
  rows: [HEADER, ...clone(rows)],
});
const scenarios = (rows = SCENARIOS) => ({ name: 'Scenarier', table: 'Scenarier', rows: clone(rows) });
/** The clean book: one list, one base scenario. */
const book = (...sheets) => ({ sheets: sheets.length ? sheets : [proposals(), scenarios()] });

/** A copy of `rows` with the cell at an A1 address set. */
function set(rows, address, value) {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  const column = [...m[1]].reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const copy = clone(rows);
  const row = Number(m[2]) - 1;
  while (copy.length <= row) copy.push([]);
  copy[row][column] = value;
  return copy;
}
const withProposalCell = (address, value) =>
  book(proposals().rows && { ...proposals(), rows: set(proposals().rows, address, value) }, scenarios());
const withScenarioCell = (address, value) => book(proposals(), { ...scenarios(), rows: set(SCENARIOS, address, value) });

const STOP = 'Ingen fil skrevet: ret problemerne ovenfor.';
const ok = (json) => ({ exit: 0, stderr: [], json });
const problems = (...lines) => ({ exit: 1, stderr: [...lines, STOP] });

const NETTO_R1 = four(-350000);

module.exports = [
  // Clean and messy but valid input: the run computes to the krone.
  {
    id: 'clean',
    tried: 'A clean workbook (table, base scenario)',
    book: book(),
    expect: ok({ 'R-1': NETTO_R1, 'U-1': four(400000) }),
  },
  {
    id: 'danish-number-text',
    tried:
      'Amounts typed as Danish text: "-1.234.567,5", "−900.000" (Unicode minus), "-1300.000" (Hørsholm), "1 250 000" with a no-break space',
    book: book(
      proposals([
        [
          'A',
          'a',
          '',
          '',
          'Kontanthjælp',
          null,
          '-1.234.567,5',
          '−900.000',
          '-1300.000',
          '1\u00a0250\u00a0000',
          ...four(null),
          null,
          null,
        ],
      ]),
      scenarios(),
    ),
    expect: ok({ A: [-1234568, -900000, -1300000, 1250000] }),
  },
  {
    id: 'english-grouping',
    tried: 'An amount with English grouping "1,234,567"',
    book: withProposalCell('G2', '1,234,567'),
    expect: problems('Forslag!G2: "1,234,567" er ikke et tal'),
  },
  {
    id: 'amount-with-unit',
    tried: 'An amount with a unit in the cell: "12,5 mio"',
    book: withProposalCell('H3', '12,5 mio'),
    expect: problems('Forslag!H3: "12,5 mio" er ikke et tal'),
  },
  {
    id: 'amount-boolean',
    tried: 'TRUE in an amount cell',
    book: withProposalCell('G2', true),
    expect: problems('Forslag!G2: "true" er ikke et tal'),
  },
  {
    id: 'amount-date',
    tried: 'A date in an amount cell',
    book: withProposalCell('G2', { date: '2026-01-01' }),
    expect: problems('Forslag!G2: "2026-01-01" er ikke et tal'),
  },
  {
    id: 'formula-with-result',
    tried: 'A formula with its stored result in an amount cell',
    book: withProposalCell('G2', { formula: '-1800000/2', result: -900000 }),
    expect: ok({ 'R-1': NETTO_R1 }),
  },
  {
    id: 'formula-without-result',
    tried: 'A formula whose result was never stored (as scripts write it) in an amount cell',
    book: withProposalCell('G2', { formula: '-1800000/2' }),
    expect: problems(
      'Forslag!G2: cellen har en formel uden gemt resultat (filen er skrevet af et program, der ikke regner); åbn og gem filen i Excel eller LibreOffice',
    ),
  },
  {
    id: 'formula-error',
    tried: 'A formula that gives #DIV/0! in an amount cell',
    book: withProposalCell('I2', { formula: '1/0', result: { error: '#DIV/0!' } }),
    expect: problems('Forslag!I2: cellen viser fejlen #DIV/0!; ret formlen, så den giver et tal'),
  },
  {
    id: 'error-text',
    tried: 'The text #N/A typed into an amount cell',
    book: withProposalCell('J3', '#N/A'),
    expect: problems('Forslag!J3: cellen viser fejlen #N/A; ret formlen, så den giver et tal'),
  },
  {
    id: 'refusion-over-100',
    tried: 'Refusionsandel of 150 %',
    book: withProposalCell('O2', '150 %'),
    expect: problems('Forslag!O2: "150 %" er over 100 %'),
  },
  {
    id: 'refusion-negative',
    tried: 'Refusionsandel of -0,2',
    book: withProposalCell('O2', -0.2),
    expect: problems('Forslag!O2: "-0.2" må ikke være negativ'),
  },
  {
    id: 'volume-zero',
    tried: 'Fuldtidspersoner 0 on a row',
    book: withProposalCell('P2', 0),
    expect: problems('Forslag!P2: "0" skal være større end 0'),
  },
  {
    id: 'unknown-kind',
    tried: 'Art "Reduktionn" (a typo)',
    book: withProposalCell('D2', 'Reduktionn'),
    expect: problems('Forslag!D2: "Reduktionn" er ikke en art (brug Reduktion eller Udvidelse)'),
  },
  {
    id: 'nr-missing',
    tried: 'A row without Nr',
    book: withProposalCell('A3', null),
    expect: problems('Forslag!A3: forslaget mangler et nummer (Nr)'),
  },
  {
    id: 'title-missing',
    tried: 'A row without Titel',
    book: withProposalCell('B2', '  '),
    expect: problems('Forslag!B2: forslaget mangler en titel'),
  },
  {
    id: 'duplicate-nr',
    tried: 'The same number on two sheets, differing in case',
    book: book(
      proposals(),
      proposals([['r-1', 'igen', '', 'Reduktion', '', null, ...four(-1), ...four(null), null, null]], 'Udvalg 2', 'Udvalg2'),
      scenarios(),
    ),
    expect: problems('\'Udvalg 2\'!A2: nummeret "r-1" er brugt før, i Forslag!A2'),
  },
  {
    id: 'years-differ',
    tried: 'A second list with other years',
    book: book(
      proposals(),
      {
        name: 'Gammel',
        rows: [
          ['Nr', 'Titel', 'Udgift 2025', 'Udgift 2026', 'Udgift 2027', 'Udgift 2028'],
          ['G-1', 'g', 1, 1, 1, 1],
        ],
      },
      scenarios(),
    ),
    expect: problems('Gammel!A1: listen har årene 2025, 2026, 2027, 2028, men den første liste har 2026, 2027, 2028, 2029'),
  },
  {
    id: 'years-gap',
    tried: 'Amount headers that skip a year',
    book: book(
      {
        name: 'Forslag',
        rows: [
          ['Nr', 'Titel', 'Udgift 2026', 'Udgift 2028'],
          ['A', 'a', 1, 1],
        ],
      },
      scenarios(),
    ),
    expect: problems(
      'Forslag!A1: årene 2026, 2028 følger ikke efter hinanden',
      'ingen forslagsliste fundet: en liste har en overskriftsrække med Nr og Titel',
    ),
  },
  {
    id: 'header-twice',
    tried: 'The column Udgift 2026 twice',
    book: book(
      {
        name: 'Forslag',
        rows: [
          ['Nr', 'Titel', 'Udgift 2026', 'udgift 2026.'],
          ['A', 'a', 1, 2],
        ],
      },
      scenarios([['Parameter', 'Basis']]),
    ),
    expect: problems('Forslag!D1: kolonnen "udgift 2026." står der to gange'),
  },
  {
    id: 'split-mismatch',
    tried: 'Udgift that is not the sum of its service / ej service split',
    book: book(
      {
        name: 'Forslag',
        rows: [
          ['Nr', 'Titel', 'Udgift 2026', 'Udgift service 2026', 'Udgift ej service 2026'],
          ['A', 'a', -100, -30, -60],
        ],
      },
      scenarios([['Parameter', 'Basis']]),
    ),
    expect: problems('Forslag!C2: Udgift 2026 (-100) er ikke summen af service og ej service (-90)'),
  },
  {
    id: 'staffing-incomplete',
    tried: 'Sager without Nuværende årsværk and Årsværkspris',
    book: book(
      {
        name: 'Forslag',
        rows: [
          ['Nr', 'Titel', 'Udgift 2026', 'Sager'],
          ['A', 'a', -100, 450],
        ],
      },
      scenarios([
        ['Parameter', 'Basis'],
        ['Caseload', 45],
      ]),
    ),
    expect: problems(
      'Forslag!D2: caseload kræver Sager, Nuværende årsværk og Årsværkspris; mangler: Nuværende årsværk, Årsværkspris',
    ),
  },
  {
    id: 'caseload-zero',
    tried: 'Caseload 0 in the base scenario',
    book: withScenarioCell('B8', 0),
    expect: problems('Scenarier!B8: caseload "0" skal være større end 0'),
  },
  {
    id: 'caseload-negative',
    tried: 'Caseload -45',
    book: withScenarioCell('B8', -45),
    expect: problems('Scenarier!B8: caseload "-45" skal være større end 0'),
  },
  {
    id: 'scenario-refusion-over-100',
    tried: 'Refusion Kontanthjælp 130 in the scenario',
    book: withScenarioCell('B9', 130),
    expect: problems('Scenarier!B9: "130" er over 100 %'),
  },
  {
    id: 'refusion-rate-missing',
    tried: 'A Refusionsandel on a row whose benefit has no rate in the scenario',
    book: withProposalCell('O3', 0.5),
    expect: problems(
      'Forslag!O3: forslag U-1 har en Refusionsandel, men hverken en Refusionssats eller Refusion sygedagpenge i scenariet "Basis"',
    ),
  },
  {
    id: 'unknown-exclusion',
    tried: 'Udelad names a proposal that does not exist',
    book: withScenarioCell('B11', 'R-1, X-9'),
    expect: problems('Scenarier!B11: Udelad nævner "X-9", som ikke er et forslag'),
  },
  {
    id: 'unknown-mode',
    tried: 'Fordeling "Først til mølle"',
    book: withScenarioCell('B7', 'Først til mølle'),
    expect: problems(
      'Scenarier!B7: ukendt fordeling "Først til mølle" (brug Prioritet, "Prioritet, delvis", Bedste udnyttelse eller Forholdsmæssig)',
    ),
  },
  {
    id: 'unknown-unit',
    tried: 'Enhed "dkk"',
    book: withScenarioCell('B2', 'dkk'),
    expect: problems('Scenarier!B2: ukendt enhed "dkk" (brug kr., 1.000 kr. eller mio. kr.)'),
  },
  {
    id: 'unknown-parameter',
    tried: 'A parameter Scenarier does not know',
    book: withScenarioCell('A12', 'Inflation'),
    expect: problems('Scenarier!A12: ukendt parameter "Inflation"'),
  },
  {
    id: 'scenario-twice',
    tried: 'Two scenario columns with one name',
    book: book(proposals(), scenarios(SCENARIOS.map((r, i) => (i === 0 ? [...r, 'basis'] : [...r, null])))),
    expect: problems('Scenarier!C1: scenariet "basis" står der to gange'),
  },
  {
    id: 'staircase-sum',
    tried: 'Refusion staircase shares that add up to 90 %',
    book: book(
      proposals(),
      scenarios([
        ...SCENARIOS,
        ['Varighed uge 1-4 Sygedagpenge', 0.1],
        ['Varighed uge 5-26 Sygedagpenge', 0.2],
        ['Varighed uge 27-52 Sygedagpenge', 0.2],
        ['Varighed uge 53+ Sygedagpenge', 0.4],
      ]),
    ),
    expect: problems('Scenarier!B12: andelene i refusionstrappen for sygedagpenge i "Basis" giver 90 %, ikke 100 %'),
  },
  {
    id: 'staircase-incomplete',
    tried: 'A staircase with three of its four bands',
    book: book(
      proposals(),
      scenarios([
        ...SCENARIOS,
        ['Varighed uge 1-4 Sygedagpenge', 0.5],
        ['Varighed uge 5-26 Sygedagpenge', 0.5],
        ['Varighed uge 27-52 Sygedagpenge', 0],
      ]),
    ),
    expect: problems('Scenarier!B12: Varighed for sygedagpenge i "Basis" skal have alle fire trin (uge 1-4, 5-26, 27-52, 53+)'),
  },
  {
    id: 'no-scenarios-sheet',
    tried: 'A workbook without Scenarier',
    book: book(proposals()),
    expect: problems('arket "Scenarier" mangler (indsæt skabelonen eller kør "raaderum template")'),
  },
  {
    id: 'no-parameter-header',
    tried: 'Scenarier without a Parameter column',
    book: book(proposals(), {
      name: 'Scenarier',
      rows: [
        ['Navn', 'Basis'],
        ['Enhed', 'kr.'],
      ],
    }),
    expect: problems('Scenarier!A1: ingen tabel med kolonnen "Parameter" på arket'),
  },
  {
    id: 'no-lists',
    tried: 'No sheet with a proposal list',
    book: book(scenarios()),
    expect: problems('ingen forslagsliste fundet: en liste har en overskriftsrække med Nr og Titel'),
  },
  {
    id: 'odd-sheet-names',
    tried: "Sheet names that need quoting: a space and an apostrophe (Min 'liste' 2), and one that looks like a cell (A1)",
    book: book(
      { ...proposals([REDUCTION], "Min 'liste' 2", 'Min'), rows: set(proposals([REDUCTION]).rows, 'G2', 'x') },
      { ...proposals([REQUEST], 'A1', 'A1liste'), rows: set(proposals([REQUEST]).rows, 'H2', 'y') },
      scenarios(),
    ),
    expect: problems("'Min ''liste'' 2'!G2: \"x\" er ikke et tal", '\'A1\'!H2: "y" er ikke et tal'),
  },
  {
    id: 'output-sheet-of-a-previous-run',
    tried: 'A Resultat sheet from a previous run (it carries the mark) beside the input',
    book: book(proposals(), scenarios(), {
      name: 'Resultat',
      rows: [
        ['Resultat'],
        ['Beløb i kr., minus er en besparelse. Skrevet af Råderum; arket skrives forfra ved hver beregning.'],
        ['Nr', 'Titel', 'Udgift 2026'],
        ['OLD', 'x', 1],
      ],
    }),
    expect: ok({ 'R-1': NETTO_R1 }),
  },
  {
    id: 'users-sheet-named-like-output',
    tried: 'A user sheet named "resultat" (lower case) holding a proposal list',
    book: book(proposals(), scenarios(), {
      name: 'resultat',
      rows: [HEADER, ['X-1', 'x', '', '', '', null, ...four(1), ...four(null), null, null]],
    }),
    expect: problems(
      'resultat!A1: arket resultat er ikke skrevet af Råderum, men navnet er forbeholdt resultatet og ville blive overskrevet; omdøb arket (dets indhold læses ikke)',
    ),
  },
  {
    id: 'users-notes-named-like-output',
    tried: 'A user sheet named "Råderum" whose notes start in row 5 (below the rows that carry the mark)',
    book: book(proposals(), scenarios(), { name: 'Råderum', rows: [[], [], [], [], ['Mine egne noter om råderummet']] }),
    expect: problems(
      'Råderum!A5: arket Råderum er ikke skrevet af Råderum, men navnet er forbeholdt resultatet og ville blive overskrevet; omdøb arket (dets indhold læses ikke)',
    ),
  },
  {
    id: 'formula-looking-title',
    tried: 'Titles starting with =, +, - and @ (must stay text, never a formula)',
    book: book(
      proposals([
        ['F-1', '=HYPERLINK("http://x","klik")', '', 'Reduktion', '', null, ...four(-1), ...four(null), null, null],
        ['F-2', '+45 12 34 56 78', '', 'Reduktion', '', null, ...four(-1), ...four(null), null, null],
        ['F-3', '-10 % på køb', '', 'Reduktion', '', null, ...four(-1), ...four(null), null, null],
        ['F-4', '@kommune', '', 'Reduktion', '', null, ...four(-1), ...four(null), null, null],
      ]),
      scenarios(SCENARIOS_WITHOUT_BENEFITS),
    ),
    expect: {
      exit: 0,
      stderr: [],
      titles: { 'F-1': '=HYPERLINK("http://x","klik")', 'F-2': '+45 12 34 56 78', 'F-3': '-10 % på køb', 'F-4': '@kommune' },
    },
  },
  {
    id: 'merged-title-over-amounts',
    tried: 'A merged cell spanning amount columns (its value stands in the top-left cell only)',
    book: {
      sheets: [
        {
          ...proposals([
            REDUCTION,
            ['R-2', 'Merged', '', 'Reduktion', '', null, -10, null, null, null, ...four(null), null, null],
          ]),
          merges: ['G3:J3'],
        },
        scenarios(),
      ],
    },
    expect: ok({ 'R-2': [-10, 0, 0, 0] }),
  },
  {
    id: 'plain-range-with-title-and-note',
    tried: 'A list without a table, with a title above the header and a note below the data',
    book: book(
      { name: 'Forslag', rows: [['Budgetforslag 2026'], HEADER, clone([REDUCTION])[0], [], ['Note: beløb i kr.']] },
      scenarios(),
    ),
    expect: ok({ 'R-1': NETTO_R1 }),
  },
  {
    id: 'totals-row-in-table',
    tried: 'A list whose table has a totals row (not a proposal)',
    book: { sheets: [{ ...proposals(), totalsRow: true }, scenarios()] },
    expect: ok({ 'R-1': NETTO_R1, 'U-1': four(400000) }),
  },
  {
    id: 'header-forslag-not-titel',
    tried: 'A list whose header says Forslag instead of Titel (it has amount columns)',
    book: book(
      {
        name: 'Forslag',
        rows: [
          ['Nr', 'Forslag', 'Udgift 2026'],
          ['A', 'a', -100],
        ],
      },
      scenarios([['Parameter', 'Basis']]),
    ),
    expect: problems(
      'Forslag!B1: listen har beløbskolonner ("Udgift 2026"), men ingen kolonne "Titel", så den læses ikke; skal "Forslag" hedde "Titel"?',
      'ingen forslagsliste fundet: en liste har en overskriftsrække med Nr og Titel',
    ),
  },
  {
    id: 'header-nummer-not-nr',
    tried: 'A list whose header says Nummer instead of Nr',
    book: book(
      {
        name: 'Forslag',
        rows: [
          ['Nummer', 'Titel', 'Udgift 2026'],
          ['A', 'a', -100],
        ],
      },
      scenarios([['Parameter', 'Basis']]),
    ),
    expect: problems(
      'Forslag!A1: listen har beløbskolonner ("Udgift 2026"), men ingen kolonne "Nr", så den læses ikke; skal "Nummer" hedde "Nr"?',
      'ingen forslagsliste fundet: en liste har en overskriftsrække med Nr og Titel',
    ),
  },
  {
    id: 'empty-list',
    tried: 'A list table with a header and no rows',
    book: book({ ...proposals([]), rows: [HEADER, []] }, scenarios()),
    expect: problems('Forslag!A1: tabellen Forslag har en overskriftsrække, men ingen forslag'),
  },
  {
    id: 'amount-too-large',
    tried: 'An amount of 10^13 kr. (beyond what rounds exactly)',
    book: withProposalCell('G2', 1e13),
    expect: problems(
      'Forslag!G2: "10000000000000" er over 1.000.000.000.000 kr. (10^12) i absolut værdi; så store beløb kan ikke regnes præcist til kronen',
    ),
  },
  {
    id: 'amount-billion',
    tried: 'Amounts of a billion kroner (−1.000.000.000 and 600.000.000) stay exact',
    book: book(
      proposals([['B-1', 'b', '', 'Reduktion', 'Kontanthjælp', null, -1e9, 6e8, 1000000.499, 0, ...four(null), null, null]]),
      scenarios(),
    ),
    expect: ok({ 'B-1': [-1000000000, 600000000, 1000000, 0] }),
  },
  {
    id: 'unnamed-scenario-column',
    tried: 'A scenario column without a name that holds values (Scenarier as a plain range)',
    book: book(proposals(), { name: 'Scenarier', rows: set(SCENARIOS, 'C8', 40) }),
    expect: {
      exit: 0,
      stderr: [
        'Advarsel: Scenarier!C1: kolonnen har værdier (fx i Scenarier!C8), men intet scenarienavn i overskriften, så den læses ikke; giv den et navn eller slet værdierne',
      ],
    },
  },
  {
    id: 'values-beside-scenarios',
    tried: 'A value beside the Scenarier table',
    book: book(proposals(), { ...scenarios(), rows: set(SCENARIOS, 'E3', 'husk at tjekke') }),
    expect: {
      exit: 0,
      stderr: [
        'Advarsel: Scenarier!E3: cellen ligger uden for tabellen med parametre og læses ikke; flyt den ind i tabellen eller slet den',
      ],
    },
  },
  {
    id: 'unknown-benefit',
    tried: 'Fuldtidspersoner for a misspelt benefit (Kontanthjaelpp)',
    book: withScenarioCell('A10', 'Fuldtidspersoner Kontanthjaelpp'),
    expect: {
      exit: 0,
      stderr: [
        'Advarsel: Scenarier!A10: "Fuldtidspersoner Kontanthjaelpp" nævner en ydelse, som intet forslag har, så værdien bruges ikke; forslagenes ydelser er: Kontanthjælp, Sygedagpenge',
      ],
    },
  },
  {
    id: 'header-in-last-row',
    tried: 'A list whose header stands in the last row Excel has (1.048.576)',
    book: book(
      { name: 'Forslag', rows: [...Array.from({ length: 1048575 }, () => []), ['Nr', 'Titel', 'Udgift 2026']] },
      scenarios([['Parameter', 'Basis']]),
    ),
    expect: problems(
      'Forslag!A1048576: listen har en overskriftsrække, men ingen forslag under den (en liste uden tabel går til den første tomme række)',
    ),
  },
  {
    id: 'available-zero-noise',
    tried: 'Reductions that make what is available exactly 0 up to floating-point noise (0,1 + 0,2 − 0,3 kr.)',
    book: book(
      proposals([
        ['R-a', 'a', '', 'Reduktion', '', null, -0.1, 0, 0, 0, ...four(null), null, null],
        ['R-b', 'b', '', 'Reduktion', '', null, -0.2, 0, 0, 0, ...four(null), null, null],
        ['U-a', 'u', '', 'Udvidelse', '', 1, 5, 0, 0, 0, ...four(null), null, null],
      ]),
      scenarios([
        ['Parameter', 'Basis'],
        ['Råderum 2026', -0.3],
        ['Råderum 2027', 0],
        ['Råderum 2028', 0],
        ['Råderum 2029', 0],
      ]),
    ),
    expect: { exit: 0, stderr: [], shares: { 'U-a': [0, 0, 0, 0] } },
  },
  // Files saved by other tools (made by scripts/make-real-fixtures.py into test/fixtures/real/). {file} and {out}
  // in an expected line stand for the input and the copy.
  {
    id: 'openpyxl-tables',
    real: 'openpyxl-tables.xlsx',
    tried: 'A workbook written by openpyxl, with tables and a comment',
    expect: ok({ A1: [-100000, -120000], A2: [50000, 60000] }),
  },
  {
    id: 'openpyxl-merged',
    real: 'openpyxl-merged.xlsx',
    tried: 'A workbook written by openpyxl with merged cells over amounts',
    expect: ok({ A1: [-100000, 0], A2: [0, 0], A3: [30000, 30000] }),
  },
  {
    id: 'openpyxl-formulas',
    real: 'openpyxl-formulas.xlsx',
    tried: 'Formulas written by openpyxl, which stores no results',
    expect: problems(
      'Forslag!E2: cellen har en formel uden gemt resultat (filen er skrevet af et program, der ikke regner); åbn og gem filen i Excel eller LibreOffice',
      'Forslag!D3: cellen har en formel uden gemt resultat (filen er skrevet af et program, der ikke regner); åbn og gem filen i Excel eller LibreOffice',
    ),
  },
  {
    id: 'openpyxl-chart',
    real: 'openpyxl-chart.xlsx',
    tried: 'A workbook with a chart, written by openpyxl (the copy keeps the chart)',
    expect: ok({ A1: [-100000, -120000] }),
  },
  {
    id: 'libreoffice-tables',
    real: 'libreoffice-tables.xlsx',
    tried: 'A workbook saved by LibreOffice Calc, with tables and no theme',
    expect: ok({ A1: [-100000, -200000], A2: [50000, 60000] }),
  },
  {
    id: 'libreoffice-div0',
    real: 'libreoffice-div0.xlsx',
    tried: 'A #DIV/0! saved by LibreOffice Calc',
    expect: problems('Forslag!E2: cellen viser fejlen #DIV/0!; ret formlen, så den giver et tal'),
  },
  {
    id: 'libreoffice-xlsm',
    real: 'libreoffice-macro.xlsm',
    tried: 'A macro-enabled workbook (.xlsm) saved by LibreOffice Calc (the copy is an .xlsm)',
    expect: ok({ A1: [-100000, -200000] }),
  },
  {
    id: 'libreoffice-xls',
    real: 'libreoffice.xls',
    tried: 'An old Excel file (.xls) saved by LibreOffice Calc',
    expect: {
      exit: 2,
      stderr: [
        'raaderum: {file} er en gammel Excel-fil (.xls) eller en projektmappe med adgangskode; gem den i Excel som .xlsx uden adgangskode og prøv igen',
      ],
    },
  },
  // Files that are not workbooks.
  {
    id: 'text-file',
    tried: 'A text file named .xlsx',
    file: { text: 'Nr;Titel;Udgift 2026\nA;a;1\n' },
    expect: 'not-a-workbook',
  },
  { id: 'empty-file', tried: 'An empty file named .xlsx', file: { text: '' }, expect: 'not-a-workbook' },
  {
    id: 'zip-file',
    tried: 'A zip archive that is not a workbook',
    file: { zip: { 'readme.txt': 'hej' } },
    expect: 'not-a-workbook',
  },
  { id: 'ods-file', tried: 'An OpenDocument spreadsheet (.ods)', file: { ods: true }, ext: 'ods', expect: 'ods' },
];

module.exports.HEADER = HEADER;
