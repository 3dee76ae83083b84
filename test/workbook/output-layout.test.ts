/**
 * How the output sheets read on screen and on paper (issue 11): the frozen
 * header, the page setup, the drawn totals, the wrapped headers, the language.
 * Figures are the worked examples' (worked-grids.test.ts checks them cell by cell).
 */
import { localDate, ROW_STYLES, wrappedLines, type OutputSheet } from '../../src/workbook/output';
import { runWorkbook, type RunOptions } from '../../src/workbook/run';
import { readFileSync } from 'fs';
import * as path from 'path';
import { readSheets } from '../../src/xlsx/cells';
import { openWorkbook } from '../../src/xlsx/open';
import { four, perYear, scenarioSheet, sheet } from '../helpers/sheets';

const proposals = sheet('Forslag', [
  ['Nr', 'Titel', 'Udvalg', 'Art', 'Prioritet', ...perYear('Udgift')],
  ['R-1', 'Besparelse', 'Beskæftigelsesudvalget', 'Reduktion', null, ...four(-100)],
  ['R-2', 'Endnu en besparelse', 'Socialudvalget', 'Reduktion', null, ...four(-50)],
  ['U-1', 'Flere sagsbehandlere & mentorer', 'Socialudvalget', 'Udvidelse', 1, ...four(120)],
]);
const scenarios = scenarioSheet(
  [
    ['Råderum 2025', 0, 0],
    ['Råderum 2026', 0, 0],
    ['Råderum 2027', 0, 0],
    ['Råderum 2028', 0, 0],
    ['Udelad', 'ingen', 'R-2'],
  ],
  ['Basis', 'Uden R-2 & mere'],
);

function outputs(options: RunOptions = {}): Record<string, OutputSheet> {
  const run = runWorkbook([proposals, scenarios], { runDate: '2026-11-23', ...options });
  if (!run.results) throw new Error(JSON.stringify(run.issues));
  return Object.fromEntries(run.results.outputs.map((s) => [s.name, s]));
}

const rowsStyled = (s: OutputSheet, style: string) =>
  (s.rowStyles ?? []).filter((r) => r.style === style).map((r) => s.values[r.row].find((v) => v !== null && v !== ''));

describe('on screen', () => {
  const out = outputs();

  test('every sheet keeps its title, note and column header in view, and Nr and Titel', () => {
    for (const name of ['Resultat', 'Råderum', 'Sammenligning']) {
      const s = out[name];
      expect(s.frozen).toEqual({ rows: 3, columns: 2 });
      expect(s.values[2].slice(0, 2)).toEqual(['Nr', 'Titel']);
      expect(s.rowStyles).toContainEqual(expect.objectContaining({ row: 2, style: 'header' }));
    }
  });

  test('the sign convention is stated once per sheet, with the mark the next run needs', () => {
    for (const name of ['Resultat', 'Råderum', 'Sammenligning']) {
      const notes = out[name].values.flat().filter((v) => typeof v === 'string' && v.includes('minus = besparelse'));
      expect(notes).toHaveLength(1);
      expect(notes[0]).toContain('Skrevet af Råderum');
    }
  });

  test('subtotals per Udvalg where there are two, and the total, are drawn, not only bold', () => {
    expect(rowsStyled(out.Resultat, 'subtotal')).toEqual([
      'I alt Beskæftigelsesudvalget',
      'I alt Socialudvalget',
      'I alt Beskæftigelsesudvalget',
      'I alt Socialudvalget',
      'Udeladt i Uden R-2 & mere (indgår ikke i summerne ovenfor)',
    ]);
    expect(rowsStyled(out.Resultat, 'total')).toEqual(['I alt Basis', 'I alt Uden R-2 & mere']);
    expect(ROW_STYLES.total).toMatchObject({ bold: true, borderTop: 'thin', borderBottom: 'double' });
    expect(ROW_STYLES.total.fill).toBeDefined();
    expect(ROW_STYLES.subtotal).toMatchObject({ borderTop: 'thin' });
    // Bold rows are those of a bold style: titles, headers, bands and totals.
    const bold = new Set(out.Resultat.boldRows);
    for (const r of out.Resultat.rowStyles ?? []) expect(bold.has(r.row)).toBe(ROW_STYLES[r.style].bold);
  });

  test('one Udvalg: no subtotal that would repeat the total', () => {
    const one = runWorkbook(
      [
        sheet('Forslag', [
          ['Nr', 'Titel', 'Udvalg', ...perYear('Udgift')],
          ['A', 'a', 'EBU', ...four(-1)],
          ['B', 'b', 'EBU', ...four(-2)],
        ]),
        scenarioSheet(perYear('Råderum').map((label) => [label, 0])),
      ],
      { runDate: '2026-11-23' },
    ).results!.outputs[0];
    expect(rowsStyled(one, 'subtotal')).toEqual([]);
    expect(rowsStyled(one, 'total')).toEqual(['I alt Basis']);
  });

  test('headers wrap, and their height is the lines the longest needs in its column', () => {
    const s = out.Sammenligning;
    const header = s.values.findIndex((r) => r.includes('Netto Uden R-2 & mere 2025'));
    const styled = s.rowStyles!.find((r) => r.row === header)!;
    expect(styled.style).toBe('header');
    expect(ROW_STYLES.header.wrap).toBe(true);
    // "Netto Uden R-2 & mere 2025" in 13 characters: "Netto Uden", "R-2 & mere", "2025".
    expect(styled.lines).toBe(3);
    expect(s.columnWidths[2]).toBe(13);
  });

  test('the wrapping counts words as Excel breaks them', () => {
    expect(wrappedLines('Netto 2025', 13)).toBe(1);
    expect(wrappedLines('Netto Basis 2025', 13)).toBe(2);
    expect(wrappedLines('Andel af råderum 2027', 13)).toBe(2);
    // A word longer than the column takes lines of its own.
    expect(wrappedLines('Beskæftigelsesudvalget', 8)).toBe(4);
    expect(wrappedLines('', 8)).toBe(1);
  });

  test('Råderum names the scenario and its mode in one cell, so nothing cuts the name off', () => {
    expect(rowsStyled(out.Råderum, 'band')).toEqual([
      'Scenarie: Basis · Fordeling: Prioritet',
      'Scenarie: Uden R-2 & mere · Fordeling: Prioritet',
    ]);
  });
});

describe('on paper', () => {
  const out = outputs();

  test('the column header repeats on every page and each scenario after the first starts a page', () => {
    const s = out.Resultat;
    expect(s.page?.titleRows).toEqual({ first: 0, last: 2 });
    const bands = s.rowStyles!.filter((r) => r.style === 'band').map((r) => r.row);
    expect(s.page?.breaksBefore).toEqual(bands.slice(1));
  });

  test('the header names the file, the sheet and the run’s date; the footer the scenarios and the page', () => {
    const page = out.Råderum.page!;
    expect(page.header).toEqual({ left: '&F', center: '&A', right: 'Beregnet 23.11.2026' });
    // & is a code in headers and footers: a name's & is doubled to print as itself.
    expect(page.footer).toEqual({ left: 'Scenarier: Basis, Uden R-2 && mere', center: '', right: 'Side &P af &N' });
  });

  test('many scenarios: the footer is cut to Excel’s 255 characters, never in the middle of a doubled &', () => {
    const names = Array.from({ length: 40 }, (_, k) => `Scenarie & nummer ${k + 1}`);
    const many = runWorkbook([proposals, scenarioSheet([['Råderum 2025', ...names.map(() => 0)]], names)], {
      runDate: '2026-11-23',
    }).results!.outputs[0].page!.footer;
    const length = `&L${many.left}&C${many.center}&R${many.right}`.length;
    expect(length).toBeLessThanOrEqual(255);
    expect(many.left.endsWith('…')).toBe(true);
    expect(many.left.replace(/&&/g, '')).not.toContain('&');
  });
});

describe('in English', () => {
  const out = outputs({ language: 'en' });

  test('titles, notes, headers, choice words and the page margins are English; the sheet names stay', () => {
    expect(Object.keys(out)).toEqual(['Resultat', 'Råderum', 'Sammenligning', 'Beregning', 'Kørsler']);
    expect(out.Resultat.values[0][0]).toBe('Results');
    expect(out.Resultat.values[1][0]).toMatch(/^Amounts in kr\.; minus = saving\/lower spending/);
    // The mark stays, so the next run (in either language) may replace the sheet.
    expect(out.Resultat.values[1][0]).toContain('Skrevet af Råderum');
    expect(out.Resultat.values[2].slice(0, 5)).toEqual(['No.', 'Title', 'Committee', 'Kind', 'Expenditure 2025']);
    expect(out.Resultat.values.flat()).toContain('Reduction');
    expect(rowsStyled(out.Råderum, 'band')[0]).toBe('Scenario: Basis · Allocation: Priority');
    expect(out.Råderum.values.flat()).toContain('Funded');
    expect(rowsStyled(out.Sammenligning, 'band')[0]).toBe('Uden R-2 & mere against Basis');
    expect(out.Sammenligning.page!.header.right).toBe('Calculated 2026-11-23');
    expect(out.Sammenligning.page!.footer.right).toBe('Page &P of &N');
  });

  test('the same figures in either language', () => {
    const danish = outputs();
    for (const name of ['Resultat', 'Råderum', 'Sammenligning'])
      expect(out[name].values.flat().filter((v) => typeof v === 'number')).toEqual(
        danish[name].values.flat().filter((v) => typeof v === 'number'),
      );
  });
});

describe('the user’s own columns', () => {
  const run = runWorkbook(
    [
      sheet('Forslag', [
        ['Nr', 'Konto', 'Titel', ...perYear('Udgift'), 'Bemærkning'],
        ['A', 53230, 'Første', ...four(-10), '=HYPERLINK("x")'],
        ['B', '5.38.50', 'Andet', ...four(-20), null],
      ]),
      scenarioSheet([['Råderum 2025', 0]], ['Basis', 'Uden A']),
    ],
    { runDate: '2026-11-23' },
  );
  const resultat = run.results!.outputs[0];
  const header = resultat.values[2];

  test('travel into Resultat after the figures, beside each proposal in every scenario', () => {
    expect(header.slice(-2)).toEqual(['Konto', 'Bemærkning']);
    const rows = resultat.values.filter((r) => r[0] === 'A' || r[0] === 'B');
    expect(rows.map((r) => [r[0], ...r.slice(-2)])).toEqual([
      ['A', 53230, '=HYPERLINK("x")'],
      ['B', '5.38.50', null],
      ['A', 53230, '=HYPERLINK("x")'],
      ['B', '5.38.50', null],
    ]);
  });

  test('as typed: text as text (a leading = stays text), a number in Excel’s General format', () => {
    const r = resultat.values.findIndex((row) => row[0] === 'A');
    const formats = resultat.formats[r];
    expect(formats.slice(-2)).toEqual(['General', '@']);
    // Totals leave the own columns blank.
    const total = resultat.values.find((row) => row[1] === 'I alt Basis')!;
    expect(total.slice(-2)).toEqual([null, null]);
  });
});

test('a header wraps between words, never inside one: each column is as wide as its headers’ longest word and some', () => {
  const run = runWorkbook(
    [
      sheet('Forslag', [
        ['Nr', 'Titel', 'Ydelse', ...perYear('Udgift'), 'Fuldtidspersoner'],
        ['A', 'a', 'Kontanthjælp', ...four(-900), 114],
      ]),
      scenarioSheet([['Råderum 2025', 0]], ['Basis', 'Beskæftigelsesindsatsen']),
    ],
    { runDate: '2026-11-23' },
  );
  let checked = 0;
  for (const s of run.results!.outputs)
    for (const { row, style } of s.rowStyles ?? []) {
      if (style !== 'header') continue;
      s.values[row].forEach((v, c) => {
        if (typeof v !== 'string') return;
        for (const word of v.split(/\s+/)) expect(word.length + 2).toBeLessThanOrEqual(s.columnWidths[c]);
        checked++;
      });
    }
  // 'Netto pr. fuldtidsperson (kr.) 2025' and 'Netto Beskæftigelsesindsatsen 2025' among them.
  expect(checked).toBeGreaterThan(50);
  const resultat = run.results!.outputs[0];
  expect(resultat.columnWidths[resultat.values[2].indexOf('Netto pr. fuldtidsperson (kr.) 2025')]).toBe(16);
});

test('Resultat folds the parts of the netto away (Udgift, Indtægt, Investering), so the netto prints at a legible size', () => {
  const resultat = outputs().Resultat;
  const header = resultat.values[2];
  expect(resultat.columnGroups).toEqual([
    { first: header.indexOf('Udgift 2025'), last: header.indexOf('Investering 2028'), collapsed: true },
  ]);
  expect(header[header.indexOf('Investering 2028') + 1]).toBe('Netto 2025');
  expect(resultat.values[1][0]).toContain('klik + over kolonnerne');
  // With a split, the split columns fold too.
  const split = runWorkbook(
    [
      sheet('Forslag', [
        ['Nr', 'Titel', ...perYear('Udgift service'), ...perYear('Udgift ej service')],
        ['A', 'a', ...four(-1), ...four(-2)],
      ]),
      scenarioSheet([['Råderum 2025', 0]]),
    ],
    { runDate: '2026-11-23' },
  ).results!.outputs[0];
  const splitHeader = split.values[2];
  expect(split.columnGroups).toEqual([
    { first: splitHeader.indexOf('Udgift service 2025'), last: splitHeader.indexOf('Investering 2028'), collapsed: true },
  ]);
  for (const name of ['Råderum', 'Sammenligning']) expect(outputs()[name].columnGroups).toEqual([]);
});

describe('Sprog in Scenarier', () => {
  const withLanguage = (base: string | null, other: string | null = null) =>
    runWorkbook(
      [proposals, scenarioSheet([['Sprog', base, other], ...perYear('Råderum').map((r) => [r, 0, null])], ['Basis', 'Anden'])],
      {
        runDate: '2026-11-23',
        language: 'da',
      },
    );

  test('engelsk writes English sheets, over the pane’s Danish; dansk Danish over the pane’s English', () => {
    expect(withLanguage('engelsk').results!.outputs[0].values[0][0]).toBe('Results');
    expect(withLanguage('English').results!.outputs[0].values[0][0]).toBe('Results');
    const danish = runWorkbook([proposals, scenarioSheet([['Sprog', 'dansk']])], { runDate: '2026-11-23', language: 'en' });
    expect(danish.results!.outputs[0].values[0][0]).toBe('Resultat');
    // Without Sprog the pane's language holds.
    expect(outputs({ language: 'en' }).Resultat.values[0][0]).toBe('Results');
  });

  test('an unknown language, or one in a scenario’s column, is a problem at its cell', () => {
    expect(withLanguage('svensk').issues).toEqual([
      expect.objectContaining({ code: 'unknownLanguage', place: { sheet: 'Scenarier', row: 1, column: 1 } }),
    ]);
    expect(withLanguage('dansk', 'engelsk').issues).toEqual([
      expect.objectContaining({ code: 'languagePerScenario', place: { sheet: 'Scenarier', row: 1, column: 2 } }),
    ]);
    // The same word in a scenario's column says nothing new.
    expect(withLanguage('dansk', 'Dansk').issues).toEqual([]);
  });
});

test('the run’s date is the local day, not UTC’s (a run just after midnight in Denmark is dated that day)', () => {
  const date = new Date(2026, 10, 24, 0, 30);
  expect(localDate(date)).toBe('2026-11-24');
  expect(localDate(new Date(2027, 0, 5, 23, 59))).toBe('2027-01-05');
});

describe('variants (issue 13) on the sheets', () => {
  const file = path.join(__dirname, '..', 'fixtures', 'variants', 'koebenhavn-varianter.xlsx');
  let sheets: Record<string, OutputSheet>;
  beforeAll(async () => {
    const book = readSheets((await openWorkbook(new Uint8Array(readFileSync(file)))).workbook);
    const run = runWorkbook(book, { runDate: '2026-11-23' });
    if (!run.results) throw new Error(JSON.stringify(run.issues.slice(0, 3)));
    sheets = Object.fromEntries(run.results.outputs.map((s) => [s.name, s]));
  });

  test("Råderum names a variant's main request (Alternativ til) and says which member of the group is funded", () => {
    const raaderum = sheets.Råderum;
    const header = raaderum.values.find((row) => row[0] === 'Nr')!;
    expect(header.slice(0, 5)).toEqual(['Nr', 'Titel', 'Prioritet', 'Status', 'Alternativ til']);
    const rowOf = (nr: string) => raaderum.values.find((row) => row[0] === nr)!;
    // The first scenario (Prioritet 27): K-8 funded, its variant K-8 alt not.
    expect(rowOf('K-8 alt').slice(3, 5)).toEqual([expect.stringMatching(/: alternativ K-8 er finansieret$/), 'K-8']);
    expect(rowOf('K-8')[4]).toBeNull();
    // The summary's figures stay under the years' columns: one column further right, as the requests' are.
    const summary = raaderum.values.find((row) => row[1] === 'Opgørelse')!;
    expect(summary[5]).toBe(String(2025));
  });

  test('Resultat lists a variant below the totals, as it counts in none', () => {
    const resultat = sheets.Resultat;
    const heading = resultat.values.findIndex((row) => row[0] === 'Alternativer (ikke med i i alt)');
    expect(heading).toBeGreaterThan(0);
    const total = resultat.values.findIndex((row) => typeof row[1] === 'string' && row[1].startsWith('I alt '));
    expect(total).toBeLessThan(heading);
    expect(resultat.values[heading + 1][0]).toBe('K-8 alt');
  });
});
