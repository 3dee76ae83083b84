import { problem, warning, type Issue, type ProblemCode, type ProblemParams } from '../../src/model/problems';
import { formatIssue, issueText, MESSAGE_CODES, type Messages } from '../../src/workbook/messages';

/**
 * One set of parameters per code. Typed as the catalogue, so a code added to
 * ProblemParams without a line here fails the type check, like one without a
 * Danish or English text does in messages.ts.
 */
const SAMPLES: ProblemParams = {
  notNumber: { text: '12,5 mio' },
  cellError: { text: '#DIV/0!' },
  formulaWithoutValue: { text: 'noValue' },
  textCellError: { text: '#REF!' },
  shareRange: { text: '150 %' },
  negative: { text: '-3' },
  notPositive: { text: '0' },
  caseloadNotPositive: { text: '-45' },
  numberTooLarge: { text: '2e12' },
  unknownKind: { text: 'Måske' },
  unknownMode: { text: 'Tilfældig' },
  unknownUnit: { text: 'euro' },
  unitPerScenario: { text: 'mio. kr.' },
  sheetTooLarge: { sheet: 'Stort', rows: 100000, columns: 60, last: 'Stort!BH100000' },
  outputSheetNotOurs: { sheet: 'Resultat' },
  tooManyRows: { sheet: 'Resultat', rows: 2000000, max: 1048576 },
  tooManyColumns: { sheet: 'Resultat', columns: 20000, max: 16384 },
  calculationTooLarge: { sheet: 'Beregning', max: 100000 },
  runLogNotOurs: { sheet: 'Kørsler' },
  scenarioSheetMissing: { sheet: 'Scenarier' },
  parameterHeaderMissing: { sheet: 'Scenarier' },
  noScenarios: { sheet: 'Scenarier' },
  scenarioNameTwice: { name: 'Stram' },
  scenarioColumnUnnamed: { cell: 'Scenarier!D4' },
  scenarioCellsIgnored: { count: 3 },
  unknownParameter: { parameter: 'Refussion' },
  parameterTwice: { parameter: 'Caseload' },
  unknownBenefit: { parameter: 'Refusion Kontanthjaelpp', benefits: 'Kontanthjælp, Sygedagpenge' },
  rateAndStaircase: { scenario: 'Stram', benefit: 'sygedagpenge' },
  staircaseIncomplete: { scenario: 'Stram', benefit: 'sygedagpenge' },
  staircaseSum: { scenario: 'Stram', benefit: 'sygedagpenge', sum: 90 },
  poolYearOutside: { year: 2031, years: '2026–2029' },
  unknownNr: { nr: 'EBU 99' },
  noProposalLists: {},
  tooManyProposals: { count: 200_001, max: 200_000 },
  listHeaderNearMiss: { header: 'Titel', amount: 'Udgift 2027', found: 'Forslag' },
  listHeaderMissing: { header: 'Nr', amount: 'Udgift 2027' },
  listEmpty: { table: 'Forslag' },
  headerTwice: { header: 'Titel' },
  unknownYearHeader: { header: 'Udgfit 2027' },
  noAmountColumns: {},
  yearsNotConsecutive: { years: '2026, 2028' },
  yearsDiffer: { years: '2027, 2028', expected: '2026, 2027' },
  nrMissing: {},
  titleMissing: {},
  nrTwice: { nr: 'EBU 1', first: 'Forslag!A2' },
  splitMismatch: { year: 2027, udgift: 100, split: 90 },
  staffingIncomplete: { missing: 'Årsværkspris' },
  totalsRowSkipped: { text: 'I alt Faxe' },
  alternativeUnknown: { nr: 'K-8 alt', main: 'K-9' },
  alternativeToItself: { nr: 'K-8' },
  alternativeToVariant: { nr: 'K-8 b', main: 'K-8 alt', mainOf: 'K-8' },
  variantIsReduction: { nr: 'K-8 alt', main: 'K-8' },
  mainIsReduction: { nr: 'K-8' },
  mainExcluded: { scenario: 'Uden K-8', nr: 'K-8', variants: 'K-8 alt' },
  unknownLanguage: { text: 'svensk' },
  languagePerScenario: { text: 'engelsk' },
  caseloadMissing: { scenario: 'Stram', nr: 'EBU 3', benefit: 'kontanthjælp' },
  refusionRateMissing: { scenario: 'Stram', nr: 'EBU 3', benefit: 'kontanthjælp' },
  refusionAndIndtaegt: { nr: 'EBU 3' },
  bestFillTooMany: { scenario: 'Stram', count: 50, max: 40 },
  poolMissing: { scenario: 'Stram', years: '2028, 2029' },
  amountTooLarge: { scenario: 'Stram', nr: 'EBU 3', year: 2027, max: 1e12 },
  totalTooLarge: { scenario: 'Stram', year: 2027, max: 1e12 },
};
const CODES = Object.keys(SAMPLES) as ProblemCode[];
const sample = (code: ProblemCode): Issue => problem(code, SAMPLES[code] as never) as Issue;

/**
 * Parameters the messages do not show: the cell's place says it, or the text
 * names the limit itself. A parameter that turns up here is either shown now or
 * is dead and should go.
 */
const NOT_SHOWN: Partial<Record<ProblemCode, string[]>> = {
  formulaWithoutValue: ['text'],
  parameterHeaderMissing: ['sheet'],
  noScenarios: ['sheet'],
  listEmpty: ['table'], // shown only when the list is a table
  tooManyProposals: ['count', 'max'], // shown with thousands separators: see the test below
  tooManyRows: ['max'],
  tooManyColumns: ['max'],
  calculationTooLarge: ['max'], // shown with thousands separators
  amountTooLarge: ['max'],
  totalTooLarge: ['max'],
  caseloadMissing: [],
};

test('every code has a message, and there is a message for no other code', () => {
  expect([...MESSAGE_CODES].sort()).toEqual([...CODES].sort());
});

test.each(CODES)('%s reads in Danish and in English and shows its parameters', (code) => {
  const issue = sample(code);
  const texts = [issueText(issue, 'da'), issueText(issue, 'en')];
  for (const text of texts) {
    expect(text).not.toMatch(/undefined|\[object|NaN/);
    expect(text.length).toBeGreaterThan(10);
  }
  expect(texts[0]).not.toBe(texts[1]);
  const hidden = NOT_SHOWN[code] ?? [];
  for (const [name, value] of Object.entries(issue.params))
    if (!hidden.includes(name)) expect([name, texts.every((t) => t.includes(String(value)))]).toEqual([name, true]);
});

test('counts are written as each language writes them', () => {
  const issue = problem('tooManyProposals', { count: 200_001, max: 200_000 });
  expect(issueText(issue, 'da')).toContain('projektmappen har 200.001 forslag; Råderum regner på højst 200.000 ad gangen');
  expect(issueText(issue, 'en')).toContain('the workbook holds 200,001 proposals; Råderum calculates at most 200,000 at a time');
});

test('a message with its place comes first', () => {
  expect(formatIssue(problem('notNumber', { text: '12,5 mio' }, { sheet: 'Forslag', row: 6, column: 5 }))).toBe(
    'Forslag!F7: "12,5 mio" er ikke et tal',
  );
  expect(formatIssue(warning('poolMissing', { scenario: 'Basis', years: '2028' }), 'en')).toBe(
    'the scenario "Basis" has no råderum for 2028; 0 is used',
  );
});

test('the lists in messages come from the table of columns', () => {
  expect(issueText(problem('unknownYearHeader', { header: 'Udgfit 2027' }))).toBe(
    'kolonnen "Udgfit 2027" bruges ikke (beløbskolonner hedder Udgift, Udgift service, Udgift ej service, Indtægt eller Investering og et år)',
  );
  expect(issueText(problem('staffingIncomplete', { missing: 'Sager' }), 'en')).toBe(
    'caseload needs Sager, Nuværende årsværk and Årsværkspris; missing: Sager',
  );
});

test('the type check refuses a mistyped code and wrong, missing or unknown parameters', () => {
  const issues: Issue[] = [
    problem('caseloadMissing', { scenario: 'Basis', nr: 'EBU 1', benefit: '' }),
    // @ts-expect-error a mistyped code
    problem('caseloadMising', { scenario: 'Basis', nr: 'EBU 1', benefit: '' }),
    // @ts-expect-error a missing parameter
    problem('caseloadMissing', { scenario: 'Basis', nr: 'EBU 1' }),
    // @ts-expect-error a parameter the code does not have
    problem('caseloadMissing', { scenario: 'Basis', nr: 'EBU 1', benefit: '', year: 2027 }),
    // @ts-expect-error a number where the message wants text
    warning('refusionAndIndtaegt', { nr: 1 }),
    // @ts-expect-error parameters are not optional
    problem('nrTwice'),
  ];
  // Narrowed on its code, an issue's parameters have their types.
  const first = issues[0];
  if (first.code !== 'caseloadMissing') throw new Error('narrowing');
  const scenario: string = first.params.scenario;
  expect(scenario).toBe('Basis');
  // Unnarrowed, any parameter reads by name (what a test inspecting mixed issues does).
  expect(issues.slice(0, 5).map((i) => i.params.nr)).toEqual(['EBU 1', 'EBU 1', 'EBU 1', 'EBU 1', 1]);
});

test('the type check refuses a code without a text, and a text using a parameter its code lacks', () => {
  // @ts-expect-error every code needs its text
  const some: Messages = { notNumber: (p) => `"${p.text}" er ikke et tal` };
  const one: Pick<Messages, 'caseloadMissing'> = {
    // @ts-expect-error caseloadMissing has no year
    caseloadMissing: (p) => `forslag ${p.nr} i ${p.year}`,
  };
  expect([typeof some, typeof one]).toEqual(['object', 'object']);
});
