/**
 * Variants (issue 13 item 2): reading the column `Alternativ til` (also typed
 * `Alternativ til nr` or `Variant af`), and its problems at their cells, in
 * Danish and English: a Nr that is no proposal, the row's own Nr, a variant of
 * a variant (a chain: a group has one main request, which every variant names).
 */
import { formatIssue } from '../../src/workbook/messages';
import { readBook } from '../../src/workbook/read';
import { templateSheets } from '../../src/workbook/template';
import { scenarioSheet, sheet } from '../helpers/sheets';

const scenarios = scenarioSheet([['Råderum 2025', 10_000_000]]);
const list = (column: string, rows: (string | number | null)[][]) =>
  sheet('Forslag', [['Nr', 'Titel', 'Art', column, 'Udgift 2025'], ...rows], 'Forslag');
const problems = (read: ReturnType<typeof readBook>, lang: 'da' | 'en' = 'da') =>
  read.issues.filter((i) => i.severity === 'problem').map((i) => formatIssue(i, lang));

test.each(['Alternativ til', 'alternativ til nr.', 'Variant af'])(
  'the header "%s" is read; the Nr is matched as Nr are and takes the main request\'s spelling',
  (column) => {
    const read = readBook([
      list(column, [
        ['K-8', 'Arbejdspligt', 'Udvidelse', null, 2_500_000],
        ['K-8 alt', 'Arbejdspligt, 5 mio.', 'Udvidelse', ' k-8 ', 5_000_000],
      ]),
      scenarios,
    ]);
    expect(problems(read)).toEqual([]);
    expect(read.book!.proposals.map((p) => [p.nr, p.alternativeTo])).toEqual([
      ['K-8', undefined],
      ['K-8 alt', 'K-8'],
    ]);
    expect(read.book!.proposals[1].places.alternativeTo).toEqual({ sheet: 'Forslag', row: 2, column: 3 });
  },
);

test('a Nr that is no proposal, the row itself and a chain are problems at the cell, in Danish and English', () => {
  const read = readBook([
    list('Alternativ til', [
      ['K-8', 'Arbejdspligt', 'Udvidelse', null, 2_500_000],
      ['K-8 alt', '5 mio.', 'Udvidelse', 'K-8', 5_000_000],
      ['K-8 b', 'Via alt', 'Udvidelse', 'K-8 alt', 4_000_000],
      ['K-9', 'Ukendt', 'Udvidelse', 'K-99', 1_000_000],
      ['K-10', 'Sig selv', 'Udvidelse', 'k-10', 1_000_000],
    ]),
    scenarios,
  ]);
  expect(problems(read)).toEqual([
    'Forslag!D4: K-8 b er alternativ til K-8 alt, som selv er alternativ til K-8; skriv hovedønskets Nr (K-8)',
    'Forslag!D5: K-9 er alternativ til "K-99", som ikke er et forslag',
    'Forslag!D6: K-10 er alternativ til sig selv; Alternativ til skal nævne hovedønskets Nr',
  ]);
  expect(problems(read, 'en')).toEqual([
    "Forslag!D4: K-8 b is an alternative to K-8 alt, which is itself an alternative to K-8; write the main request's Nr (K-8)",
    'Forslag!D5: K-9 is an alternative to "K-99", which is not a proposal',
    "Forslag!D6: K-10 is an alternative to itself; Alternativ til must name the main request's Nr",
  ]);
  expect(read.book).toBeUndefined();
});

test('two proposals naming each other are each a chain', () => {
  const read = readBook([
    list('Alternativ til', [
      ['A', 'a', 'Udvidelse', 'B', 1],
      ['B', 'b', 'Udvidelse', 'A', 2],
    ]),
    scenarios,
  ]);
  expect(problems(read)).toEqual([
    'Forslag!D2: A er alternativ til B, som selv er alternativ til A; skriv hovedønskets Nr (A)',
    'Forslag!D3: B er alternativ til A, som selv er alternativ til B; skriv hovedønskets Nr (B)',
  ]);
});

test('a main request in another list (sheet) of the workbook is found', () => {
  const read = readBook([
    list('Alternativ til', [['K-8', 'Arbejdspligt', 'Udvidelse', null, 2_500_000]]),
    sheet('Varianter', [
      ['Nr', 'Titel', 'Art', 'Alternativ til', 'Udgift 2025'],
      ['K-8 alt', '5 mio.', 'Udvidelse', 'K-8', 5_000_000],
    ]),
    scenarios,
  ]);
  expect(problems(read)).toEqual([]);
  expect(read.book!.proposals.map((p) => p.alternativeTo)).toEqual([undefined, 'K-8']);
});

test('the template has the column Alternativ til, after Prioritet', () => {
  const [forslag] = templateSheets(2027);
  const headers = forslag.values[0];
  expect(headers.indexOf('Alternativ til')).toBe(headers.indexOf('Prioritet') + 1);
  // Its example proposals are no variants: the column is empty.
  expect(forslag.values.slice(1).map((r) => r[headers.indexOf('Alternativ til')])).toEqual([null, null]);
});
