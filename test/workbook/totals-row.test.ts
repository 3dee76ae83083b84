/**
 * A totals row under (or inside) a proposal list, `I alt` with sums, is left out with a warning at its
 * place, never read as a proposal and never a "mangler et nummer"; a real proposal is never taken for one.
 */
import fc from 'fast-check';
import type { Issue } from '../../src/model/problems';
import type { CellValue } from '../../src/workbook/grid';
import { formatIssue } from '../../src/workbook/messages';
import { totalsLabel } from '../../src/workbook/proposal-lists';
import { readBook } from '../../src/workbook/read';
import { scenarioSheet, sheet } from '../helpers/sheets';

const HEADER = ['Nr', 'Titel', 'Udvalg', 'Udgift 2027', 'Udgift 2028'];
const scenarios = () =>
  scenarioSheet([
    ['Råderum 2027', 0],
    ['Råderum 2028', 0],
  ]);
const read = (rows: CellValue[][], table?: string) => readBook([sheet('Forslag', [HEADER, ...rows], table), scenarios()]);
const texts = (issues: Issue[], lang: 'da' | 'en' = 'da') => issues.map((i) => `${i.severity} ${formatIssue(i, lang)}`);
const nrs = (r: ReturnType<typeof readBook>) => r.book?.proposals.map((p) => p.nr);

const P1: CellValue[] = ['S-1', 'Færre botilbud', 'Social', -400, -800];
const P2: CellValue[] = ['S-2', 'Flere hænder', 'Social', 1200, 1200];

describe('a totals row is left out with a warning at its place', () => {
  test('I alt with sums straight under a plain list: one warning, no problem, the proposals read', () => {
    const r = read([P1, P2, ['', 'I alt', '', 800, 400]]);
    expect(texts(r.issues)).toEqual([
      'warning Forslag!B4: "I alt" ligner en sumrække og læses ikke som et forslag (Råderum lægger selv sammen i Resultat)',
    ]);
    expect(nrs(r)).toEqual(['S-1', 'S-2']);
    // Left out on purpose: not a row that failed to be read.
    expect(r.lists).toEqual([{ sheet: 'Forslag', table: undefined, proposals: 2, notRead: 0 }]);
    expect(texts(r.issues, 'en')).toEqual([
      'warning Forslag!B4: "I alt" looks like a totals row and is not read as a proposal (Råderum makes its own totals in Resultat)',
    ]);
  });

  test('before, the same row was a proposal without a number (the problem this replaces)', () => {
    // A row that is no totals row still gives it: the reader's rule for a missing Nr is unchanged.
    const r = read([P1, ['', 'Flere hænder', '', 800, 400]]);
    expect(texts(r.issues)).toEqual(['problem Forslag!A3: forslaget mangler et nummer (Nr)']);
  });

  test('inside an Excel table, with a name after the word, and with formulas whose results are not stored', () => {
    const r = read([P1, P2, [null, 'I alt Faxe', null, { error: 'noValue' }, { error: 'noValue' }]], 'Forslag');
    expect(texts(r.issues)).toEqual([
      'warning Forslag!B4: "I alt Faxe" ligner en sumrække og læses ikke som et forslag (Råderum lægger selv sammen i Resultat)',
    ]);
    expect(nrs(r)).toEqual(['S-1', 'S-2']);
  });

  test('the word in the Nr column, the Titel blank or naming the list', () => {
    for (const [nr, title] of [
      ['I alt', null],
      ['Total', 'Social og Sundhed'],
      ['Ialt:', ''],
      ['SUBTOTAL', null],
    ] as const) {
      const r = read([P1, P2, [nr, title, '', 800, 400]]);
      expect([nr, texts(r.issues)]).toEqual([
        nr,
        [`warning Forslag!A4: "${nr}" ligner en sumrække og læses ikke som et forslag (Råderum lægger selv sammen i Resultat)`],
      ]);
      expect(nrs(r)).toEqual(['S-1', 'S-2']);
    }
  });

  test('subtotals per department, then a grand total: the rows after a totals row are read on', () => {
    const r = read([
      P1,
      P2,
      ['', 'I alt Social', '', 800, 400],
      ['T-1', 'Gadelys', 'Teknik', -250, -250],
      ['T-2', 'Vintertjeneste', 'Teknik', -100, -100],
      ['', 'Sum Teknik', '', -350, -350],
      ['', 'Total', '', 450, 50],
    ]);
    expect(r.issues.map((i) => [i.severity, i.code, i.place?.row, i.params.text])).toEqual([
      ['warning', 'totalsRowSkipped', 3, 'I alt Social'],
      ['warning', 'totalsRowSkipped', 6, 'Sum Teknik'],
      ['warning', 'totalsRowSkipped', 7, 'Total'],
    ]);
    expect(nrs(r)).toEqual(['S-1', 'S-2', 'T-1', 'T-2']);
    expect(r.lists[0]).toMatchObject({ proposals: 4, notRead: 0 });
  });

  test('a row of sums with neither Nr nor Titel is a totals row too, named at its Nr cell', () => {
    const r = read([P1, P2, [null, null, null, 800, 400]]);
    expect(texts(r.issues)).toEqual([
      'warning Forslag!A4: rækken har hverken Nr eller Titel, og dens beløb er summen af rækkerne over den: den ligner en sumrække og læses ikke som et forslag (Råderum lægger selv sammen i Resultat)',
    ]);
    expect(nrs(r)).toEqual(['S-1', 'S-2']);
  });

  test('a list whose only row is a totals row is an empty list', () => {
    const r = readBook([sheet('Forslag', [HEADER, P1]), sheet('Tom', [HEADER, ['', 'I alt', '', 0, 0]]), scenarios()]);
    expect(r.issues.map((i) => [i.severity, i.code])).toEqual([
      ['warning', 'totalsRowSkipped'],
      ['warning', 'listEmpty'],
    ]);
  });

  test('inside a table, after a blank row, labelled or only sums: a warning each, the blank row skipped as before', () => {
    const r = read([P1, P2, [], ['', 'I alt', '', 800, 400], [null, null, null, 800, 400]], 'Forslag');
    expect(r.issues.map((i) => [i.code, i.place?.row, i.place?.column, i.params.text])).toEqual([
      ['totalsRowSkipped', 4, 1, 'I alt'],
      ['totalsRowSkipped', 5, 0, ''],
    ]);
    expect(nrs(r)).toEqual(['S-1', 'S-2']);
  });

  test('after a blank row, a plain list has already ended: the totals row is not read at all', () => {
    const r = read([P1, P2, [], ['', 'I alt', '', 800, 400]]);
    expect(r.issues).toEqual([]);
    expect(nrs(r)).toEqual(['S-1', 'S-2']);
  });
});

test('after a totals row, a row repeating the one proposal under it is not a total of two rows (review finding)', () => {
  // S-3 alone since I alt; its second line (no Nr, no Titel) repeats it: the problems of a proposal without Nr and
  // Titel, as without the first total, never a totals-row warning.
  const r = read([P1, P2, ['', 'I alt', '', 800, 400], ['S-3', 'Tolke', 'Social', 50, 60], ['', '', '', 50, 60]]);
  // Only I alt itself is a total.
  expect(r.issues.filter((i) => i.code === 'totalsRowSkipped')).toHaveLength(1);
  expect(r.issues.map((i) => i.code).filter((c) => c !== 'totalsRowSkipped')).toEqual(
    read([
      ['S-3', 'Tolke', 'Social', 50, 60],
      ['', '', '', 50, 60],
    ]).issues.map((i) => i.code),
  );
  // Two rows since the total, and their sum: a total.
  const two = read([
    P1,
    P2,
    ['', 'I alt', '', 800, 400],
    ['S-3', 'Tolke', 'Social', 50, 60],
    ['S-4', 'Mentor', 'Social', 5, 5],
    ['', '', '', 55, 65],
  ]);
  expect(two.issues.filter((i) => i.code === 'totalsRowSkipped')).toHaveLength(2);
});

describe('a real proposal is never taken for a totals row', () => {
  test('"i alt" inside a title, or a title starting with a totals word on a numbered row, is a proposal', () => {
    const r = read([
      P1,
      ['S-2', 'Flere hænder i alt 4 stillinger', '', 1200, 1200],
      ['S-3', 'I alt 3 nye pladser', '', 300, 300],
      ['S-4', 'Total renovering af skolen', '', -400, -800],
    ]);
    expect(r.issues).toEqual([]);
    expect(nrs(r)).toEqual(['S-1', 'S-2', 'S-3', 'S-4']);
  });

  test('without a Nr, a title that only contains "i alt" or merely starts like a total is still a missing number', () => {
    const r = read([
      P1,
      ['', 'Flere hænder i alt', '', 1200, 1200],
      ['', 'Totalentreprise på skolen', '', 5, 5],
      ['', 'Summen af små besparelser', '', 5, 5],
      ['', 'Samlede udgifter til tolke', '', 5, 5],
    ]);
    expect(r.issues.map((i) => [i.code, i.place?.row])).toEqual([
      ['nrMissing', 2],
      ['nrMissing', 3],
      ['nrMissing', 4],
      ['nrMissing', 5],
    ]);
  });

  test('"Total", "Sum" or "Samlet" followed by a name are totals only when the amounts are sums', () => {
    const notSums = read([P1, ['', 'Samlet plan for ældreområdet', '', 100, 100]]);
    expect(notSums.issues.map((i) => [i.code, i.place?.row])).toEqual([['nrMissing', 2]]);
    const sums = read([P1, ['', 'Samlet for Social', '', -400, -800]]);
    expect(sums.issues.map((i) => [i.code, i.params.text])).toEqual([['totalsRowSkipped', 'Samlet for Social']]);
    // A row of zeros under zeros is no evidence of a sum.
    const zeros = read([
      ['S-1', 'Nul', '', 0, 0],
      ['', 'Total renovering', '', 0, 0],
    ]);
    expect(zeros.issues.map((i) => i.code)).toEqual(['nrMissing']);
  });

  test('a row with neither Nr nor Titel whose amounts are not sums, or repeat the one row above, keeps its problems', () => {
    const r = read([P1, [null, null, null, 5, 5]]);
    expect(r.issues.map((i) => i.code)).toEqual(['nrMissing', 'titleMissing']);
    // Perhaps the proposal's second line (another benefit): not taken for a total of one row.
    const repeated = read([P1, [null, null, null, -400, -800]]);
    expect(repeated.issues.map((i) => i.code)).toEqual(['nrMissing', 'titleMissing']);
  });
});

describe('the label rule', () => {
  test.each([
    ['I alt', 'i alt', ''],
    ['i alt.', 'i alt', ''],
    ['I ALT Faxe', 'i alt', 'faxe'],
    ['Ialt', 'ialt', ''],
    ['I alt: Social og Sundhed', 'i alt', 'social og sundhed'],
    ['I alt – netto', 'i alt', 'netto'],
    ['Sum i alt', 'sum i alt', ''],
    ['Total', 'total', ''],
    ['Totalt', 'totalt', ''],
    ['Grand total', 'grand total', ''],
    ['Sub-total Teknik', 'sub-total', 'teknik'],
    ['Hovedtotal', 'hovedtotal', ''],
  ])('%s is a totals label', (text, word, name) => {
    expect(totalsLabel(text)).toEqual({ word, name });
  });

  test.each(['Flere hænder i alt', 'Totalentreprise', 'Summen', 'Samlede udgifter', 'Ialtså', 'Ikke i alt', '', 'Tilsammen'])(
    '%s is not',
    (text) => {
      expect(totalsLabel(text)).toBeUndefined();
    },
  );
});

describe('properties', () => {
  const WORDS = ['I alt', 'Ialt', 'Total', 'Totalt', 'Sum', 'Subtotal', 'Hovedtotal', 'Samlet', 'Sum i alt'];
  const TITLE_WORDS = ['Total', 'Totalt', 'Sum', 'Samlet'];
  const amount = fc.integer({ min: -5_000_000, max: 5_000_000 });
  const proposalRows = fc.array(fc.tuple(amount, amount), { minLength: 1, maxLength: 8 });
  const sameCase = fc.constantFrom<(s: string) => string>(
    (s) => s,
    (s) => s.toUpperCase(),
    (s) => s.toLowerCase(),
  );

  test('a totals row with sums, labelled in any case and with any name, anywhere after a proposal, leaves the proposals as they were', () => {
    fc.assert(
      fc.property(
        proposalRows,
        fc.constantFrom(...WORDS),
        fc.option(fc.constantFrom('Faxe', 'Social og Sundhed', 'netto', '2027'), { nil: undefined }),
        fc.constantFrom(' ', ': ', ' - '),
        sameCase,
        fc.boolean(),
        fc.nat(),
        (amounts, word, name, separator, casing, inNr, at) => {
          const rows: CellValue[][] = amounts.map(([a, b], k) => [`P-${k}`, `Forslag ${k}`, '', a, b]);
          const without = read(rows);
          const position = 1 + (at % rows.length);
          const above = rows.slice(0, position);
          const sum = (i: number) => above.reduce((s, r) => s + (r[i] as number), 0);
          // After Total, Sum or Samlet a name needs sums, and sums of 0 are no evidence of one.
          fc.pre(name === undefined || !TITLE_WORDS.includes(word) || sum(3) !== 0 || sum(4) !== 0);
          const label = casing(name === undefined ? word : `${word}${separator}${name}`);
          const totals: CellValue[] = inNr ? [label, null, '', sum(3), sum(4)] : ['', label, '', sum(3), sum(4)];
          const withTotals = read([...rows.slice(0, position), totals, ...rows.slice(position)]);
          expect(withTotals.issues.map((i) => [i.severity, i.code, i.place?.row, i.place?.column])).toEqual([
            ['warning', 'totalsRowSkipped', position + 1, inNr ? 0 : 1],
          ]);
          expect(withTotals.book?.proposals.map((p) => [p.nr, p.udgift])).toEqual(
            without.book?.proposals.map((p) => [p.nr, p.udgift]),
          );
        },
      ),
    );
  });

  test('a numbered row is read as a proposal whatever its title, "i alt" or a totals word anywhere in it', () => {
    const title = fc
      .tuple(fc.constantFrom('', ...WORDS, 'i alt'), fc.string({ maxLength: 12 }), fc.constantFrom('', ' i alt', ' total'))
      .map(([a, b, c]) => `${a} ${b}${c}`.trim())
      .filter((t) => t !== '' && !/^[=+@-]/.test(t));
    fc.assert(
      fc.property(proposalRows, title, (amounts, t) => {
        const rows: CellValue[][] = amounts.map(([a, b], k) => [
          `P-${k}`,
          k === amounts.length - 1 ? t : `Forslag ${k}`,
          '',
          a,
          b,
        ]);
        const r = read(rows);
        expect(r.issues).toEqual([]);
        expect(r.book?.proposals.map((p) => p.title)).toEqual(rows.map((row) => String(row[1]).trim()));
      }),
    );
  });

  test('a row without Nr whose title does not start with a totals word stays a missing number', () => {
    const title = fc
      .tuple(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom('', ' i alt', ' total', ' sum'))
      .map(([a, b]) => `${a}${b}`)
      .filter((t) => t.trim() !== '' && totalsLabel(t) === undefined);
    fc.assert(
      fc.property(proposalRows, title, (amounts, t) => {
        const rows: CellValue[][] = amounts.map(([a, b], k) => [`P-${k}`, `Forslag ${k}`, '', a, b]);
        const r = read([...rows, ['', t, '', 1, 1]]);
        expect(r.issues.map((i) => i.code)).toEqual(['nrMissing']);
      }),
    );
  });
});
