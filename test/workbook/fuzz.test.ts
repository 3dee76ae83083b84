/**
 * Fuzzing the workbook layer (issue 7): generated cell grids — every kind of
 * cell value, the template's headers and near-misses, tables, merged-looking
 * repeated values, sparse areas, several sheets and a Scenarier sheet — through
 * readBook → evaluate → outputSheets → jsonReport. Each run gives results or
 * located problems, never an exception; and output, when there is some, has
 * finite amounts and totals that are the sums of their rows.
 *
 * Deterministic: a fixed seed (FUZZ_SEED=… and FUZZ_RUNS=… explore further).
 */
import fc from 'fast-check';
import { hasProblems, type Issue } from '../../src/model/problems';
import { evaluate } from '../../src/model/scenarios';
import type { CellValue, SheetCells, TableArea } from '../../src/workbook/grid';
import { issueText, MESSAGE_CODES } from '../../src/workbook/messages';
import { outputSheets, SHARE_FORMAT, type OutputSheet } from '../../src/workbook/output';
import { OUTPUT_MARK, readBook } from '../../src/workbook/read';
import { jsonReport, type JsonReport } from '../../src/workbook/report';

const SEED = Number(process.env.FUZZ_SEED ?? 20260107);
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

/** Problems that concern the whole workbook (or an output sheet not yet written) and so have no cell. */
const WORKBOOK_LEVEL_CODES = ['scenarioSheetMissing', 'noProposalLists', 'tooManyRows', 'tooManyColumns'];

// ---- cell values ----------------------------------------------------------

const wildNumber = fc.oneof(
  fc.integer({ min: -10_000_000, max: 10_000_000 }),
  fc.double({ noDefaultInfinity: false, noNaN: false }),
  fc.constantFrom(
    0,
    -0,
    0.1,
    0.2,
    0.3,
    0.5,
    1.5,
    -2.5,
    1e12,
    -1e12,
    1e12 + 1,
    2e15,
    -1e300,
    1e-300,
    Number.NaN,
    Infinity,
    -Infinity,
  ),
);
const wildText = fc.oneof(
  fc.constantFrom(
    '1.234.567,5',
    '-1.500',
    '−1.026.316',
    '12,5',
    '12,5 mio',
    '30 %',
    '150 %',
    '0.3',
    '1 250 000',
    '=SUM(A1:A3)',
    '+45',
    '-',
    '@navn',
    '#N/A',
    '#DIV/0!',
    'ingen',
    '',
    '   ',
    'Kontanthjælp',
    'æøå ÆØÅ',
  ),
  fc.string({ maxLength: 12 }),
);
const cellErrorValue = fc.constantFrom<CellValue>(
  { error: '#DIV/0!' },
  { error: '#REF!' },
  { error: 'noValue' },
  { error: '#N/A' },
);
const wildCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 3, arbitrary: wildNumber },
  { weight: 3, arbitrary: wildText },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: cellErrorValue },
);
/** Mostly the value a column expects, sometimes anything. */
const mostly = (typical: fc.Arbitrary<CellValue>): fc.Arbitrary<CellValue> =>
  fc.oneof({ weight: 9, arbitrary: typical }, { weight: 1, arbitrary: wildCell });

// ---- proposal lists -----------------------------------------------------

const AMOUNT_HEADERS = [
  'Udgift 2025',
  'Udgift 2026',
  'Indtægt 2025',
  'Indtægt 2026',
  'Investering 2025',
  'Investering 2026',
  'Udgift service 2025',
  'Udgift ej service 2025',
];
const FIELD_HEADERS = [
  'Udvalg',
  'Art',
  'Ydelse',
  'Prioritet',
  'Refusionsandel',
  'Refusionssats',
  'Fuldtidspersoner',
  'Sager',
  'Nuværende årsværk',
  'Årsværkspris',
];
const NEAR_MISSES = [
  'Forslag',
  'Nummer',
  'NR.',
  ' titel ',
  'Udgift 2027',
  'Udgift 2030',
  'Udgift 25',
  'Indtaegt 2025',
  'UDGIFT  2026',
  'Refusion',
  'Årsværk',
  'Nr',
  '',
];

function typicalFor(header: string): fc.Arbitrary<CellValue> {
  const key = header.trim().toLowerCase();
  if (/\d{4}$/.test(key)) return fc.oneof(fc.integer({ min: -3_000_000, max: 3_000_000 }), fc.constant(null));
  switch (key) {
    case 'nr':
      return fc.constantFrom('P1', 'P2', 'P3', 'P4', 'p1', 'EBU 1', 'K-2');
    case 'titel':
      return fc.constantFrom('Tolke', 'Mentorer', '=Fastholdelse', '+ekstra', '-mindre', '@note', 'Et langt forslag');
    case 'udvalg':
      return fc.constantFrom('Beskæftigelse', 'Social', '', null);
    case 'art':
      return fc.constantFrom('Reduktion', 'Udvidelse', 'Driftsønske', 'Effektivisering', null, null);
    case 'ydelse':
      return fc.constantFrom('Kontanthjælp', 'Sygedagpenge', null);
    case 'prioritet':
      return fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant(null));
    case 'refusionsandel':
    case 'refusionssats':
      return fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constant(null), fc.constantFrom('50 %', 30));
    case 'fuldtidspersoner':
      return fc.oneof(fc.integer({ min: 1, max: 500 }), fc.constant(null));
    case 'sager':
      return fc.oneof(fc.integer({ min: 0, max: 900 }), fc.constant(null));
    case 'nuværende årsværk':
      return fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant(null));
    case 'årsværkspris':
      return fc.oneof(fc.constant(400_000), fc.constant(null));
    default:
      return wildCell;
  }
}

const listHeader: fc.Arbitrary<string[]> = fc
  .record({
    fields: fc.subarray(FIELD_HEADERS, { maxLength: 5 }),
    amounts: fc.subarray(AMOUNT_HEADERS, { minLength: 1, maxLength: 4 }),
    near: fc.subarray(NEAR_MISSES, { maxLength: 2 }),
    dropNrOrTitel: fc.constantFrom(0, 0, 0, 0, 1, 2),
  })
  .chain(({ fields, amounts, near, dropNrOrTitel }) => {
    const nrTitel = dropNrOrTitel === 1 ? ['Nummer', 'Titel'] : dropNrOrTitel === 2 ? ['Nr', 'Forslag'] : ['Nr', 'Titel'];
    return fc.shuffledSubarray([...nrTitel, ...fields, ...amounts, ...near], {
      minLength: nrTitel.length + fields.length + amounts.length + near.length,
    });
  });

const listRows = (header: string[]): fc.Arbitrary<CellValue[][]> =>
  fc.array(fc.tuple(...header.map(typicalFor)) as fc.Arbitrary<CellValue[]>, { maxLength: 6 });

// ---- sheets -----------------------------------------------------------------

interface Block {
  rows: CellValue[][];
  table?: string;
}

/** Rows placed on a sheet: an offset (sparse), blank or title rows above, merged-looking repeats. */
const placed = (name: string, block: fc.Arbitrary<Block>): fc.Arbitrary<SheetCells> =>
  fc
    .record({
      block,
      origin: fc.record({
        row: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5 }), fc.constant(1_048_000)),
        column: fc.integer({ min: 0, max: 3 }),
      }),
      above: fc.array(fc.oneof(fc.constant<CellValue[]>([]), fc.constant<CellValue[]>(['Forslag fra udvalget'])), {
        maxLength: 2,
      }),
      below: fc.array(fc.array(wildCell, { maxLength: 3 }), { maxLength: 2 }),
      gapBelow: fc.boolean(),
      repeats: fc.array(
        fc.record({ row: fc.nat(8), column: fc.nat(12), across: fc.boolean(), span: fc.integer({ min: 1, max: 3 }) }),
        {
          maxLength: 2,
        },
      ),
      holes: fc.array(fc.record({ row: fc.nat(8), column: fc.nat(12) }), { maxLength: 2 }),
    })
    .map(({ block, origin, above, below, gapBelow, repeats, holes }) => {
      const values: CellValue[][] = [...above.map((r) => [...r]), ...block.rows.map((r) => [...r])];
      if (gapBelow) values.push([]);
      values.push(...below.map((r) => [...r]));
      // A merged range as some tools save it: the value repeated in every cell it covers.
      for (const m of repeats) {
        const v = values[m.row]?.[m.column];
        if (v === undefined) continue;
        for (let k = 1; k <= m.span; k++) {
          if (m.across) values[m.row][m.column + k] = v;
          else if (values[m.row + k]) values[m.row + k][m.column] = v;
        }
      }
      for (const h of holes) if (values[h.row]) values[h.row][h.column] = null;
      const tables: TableArea[] = [];
      if (block.table && block.rows.length > 0) {
        let width = 0;
        for (const r of block.rows) width = Math.max(width, r.length);
        tables.push({
          name: block.table,
          row: origin.row + above.length,
          column: origin.column,
          rowCount: block.rows.length,
          columnCount: Math.max(1, width),
        });
      }
      return { name, origin, values, tables };
    });

const tableName = fc.option(fc.constantFrom('Forslag', 'Tabel1', 'Raaderum_Resultat_1', 'raaderum_raaderum_1', 'Scenarier'), {
  nil: undefined,
});

const listSheet = (name: string) =>
  placed(
    name,
    fc
      .record({ header: listHeader, table: tableName })
      .chain(({ header, table }) => listRows(header).map((rows): Block => ({ rows: [header, ...rows], table }))),
  );

const PARAMETERS: [string, fc.Arbitrary<CellValue>][] = [
  ['Enhed', fc.constantFrom('kr.', '1.000 kr.', 'mio. kr.', 'tkr', 'euro')],
  ['Råderum 2025', fc.oneof(fc.integer({ min: -1_000_000, max: 9_000_000 }), fc.constantFrom(0.3, -0.3))],
  ['Råderum 2026', fc.integer({ min: 0, max: 9_000_000 })],
  ['Råderum 2031', fc.integer({ min: 0, max: 9_000_000 })],
  ['Caseload', fc.integer({ min: 0, max: 60 })],
  ['Caseload sygedagpenge', fc.integer({ min: 30, max: 60 })],
  ['Refusion kontanthjælp', fc.constantFrom(0.3, '80 %', 20, 1.5)],
  ['Refusion Sygedagpenge', fc.constantFrom(0.3, 0.5)],
  ['Refusion x', fc.constantFrom(0.3)],
  ['Varighed uge 1-4 Sygedagpenge', fc.constantFrom(0.1, 0.2)],
  ['Varighed uge 5-26 Sygedagpenge', fc.constantFrom(0.2)],
  ['Varighed uge 27-52 Sygedagpenge', fc.constantFrom(0.2)],
  ['Varighed uge 53+ Sygedagpenge', fc.constantFrom(0.5, 0.4)],
  ['Fuldtidspersoner Kontanthjælp', fc.integer({ min: 0, max: 700 })],
  ['Fuldtidspersoner Kontanthjaelpp', fc.integer({ min: 0, max: 700 })],
  ['Fordeling', fc.constantFrom('Prioritet', 'Prioritet, delvis', 'Bedste udnyttelse', 'Forholdsmæssig', 'Tilfældig')],
  ['Udelad', fc.constantFrom('ingen', 'P1', 'P2, P3', 'X-99')],
  ['Refussion kontanthjælp', fc.constant(0.3)],
  ['', fc.constant(5)],
];

const scenarioSheetArb: fc.Arbitrary<SheetCells> = placed(
  'Scenarier',
  fc
    .record({
      names: fc.array(fc.constantFrom('Basis', 'Alternativ', 'Stram', '', 'basis'), { minLength: 1, maxLength: 3 }),
      picks: fc.subarray(
        PARAMETERS.map((_, i) => i),
        { maxLength: 9 },
      ),
      table: fc.option(fc.constant('Scenarier'), { nil: undefined }),
    })
    .chain(({ names, picks, table }) =>
      fc
        .tuple(
          ...picks.map((i) =>
            fc.array(fc.oneof({ weight: 3, arbitrary: mostly(PARAMETERS[i][1]) }, { weight: 1, arbitrary: fc.constant(null) }), {
              minLength: names.length,
              maxLength: names.length,
            }),
          ),
        )
        .map((values): Block => ({
          rows: [['Parameter', ...names], ...picks.map((i, k) => [PARAMETERS[i][0], ...values[k]])],
          table,
        })),
    ),
);

const outputLikeSheet: fc.Arbitrary<SheetCells> = fc
  .record({ name: fc.constantFrom('Resultat', 'RÅDERUM', 'sammenligning'), ours: fc.boolean() })
  .map(({ name, ours }) => ({
    name,
    origin: { row: 0, column: 0 },
    values: [[name], [ours ? `Beløb i kr. ${OUTPUT_MARK}.` : 'mit eget ark'], ['Nr', 'Titel', 'Udgift 2025'], ['OLD', 'x', 1]],
    tables: [],
  }));

const junkSheet: fc.Arbitrary<SheetCells> = placed(
  'Noter',
  fc.array(fc.array(wildCell, { maxLength: 5 }), { maxLength: 5 }).map((rows): Block => ({ rows })),
);

const workbook: fc.Arbitrary<SheetCells[]> = fc
  .record({
    lists: fc.array(fc.constantFrom('Forslag', 'Udvalg B', 'Min liste'), { minLength: 0, maxLength: 3 }),
    scenarios: fc.option(scenarioSheetArb, { freq: 8, nil: undefined }),
    output: fc.option(outputLikeSheet, { freq: 3, nil: undefined }),
    junk: fc.option(junkSheet, { freq: 3, nil: undefined }),
  })
  .chain(({ lists, scenarios, output, junk }) =>
    fc
      .tuple(...[...new Set(lists)].map(listSheet))
      .map((sheets) => [...sheets, scenarios, output, junk].filter((s): s is SheetCells => s !== undefined)),
  );

/**
 * Workbooks that mostly follow the template (the same years in every list,
 * unique numbers, rates for the benefits used), so that most runs reach the
 * output and its checks; a few cells are then replaced by anything at all.
 */
const CLEAN_AMOUNTS = ['Udgift 2025', 'Udgift 2026', 'Indtægt 2025', 'Indtægt 2026', 'Investering 2025', 'Investering 2026'];
const cleanTypical = (header: string, nr: string): fc.Arbitrary<CellValue> => {
  const key = header.toLowerCase();
  if (key === 'nr') return fc.constant(nr);
  if (/\d{4}$/.test(key))
    return fc.oneof(
      { weight: 5, arbitrary: fc.integer({ min: -3000, max: 3000 }) },
      { weight: 2, arbitrary: fc.integer({ min: -3_000_000, max: 3_000_000 }) },
      { weight: 2, arbitrary: fc.constant(null) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(0.1, 0.2, -0.3, 1_000_000.499, 600_000_000, -1_000_000_000, 2.5, '1.234.567,5', '-1.500'),
      },
    );
  if (key === 'refusionsandel' || key === 'refusionssats') return fc.oneof(fc.constant(null), fc.constantFrom(0.5, '50 %', 1));
  if (key === 'ydelse') return fc.constantFrom('Kontanthjælp', 'Sygedagpenge');
  if (key === 'art') return fc.constantFrom('Reduktion', 'Udvidelse', null);
  if (key === 'sager') return fc.integer({ min: 0, max: 900 });
  if (key === 'nuværende årsværk') return fc.integer({ min: 0, max: 20 });
  if (key === 'årsværkspris') return fc.constantFrom(400_000, 350);
  return typicalFor(header);
};

const cleanList = (name: string, prefix: string): fc.Arbitrary<SheetCells> =>
  fc
    .record({
      fields: fc.subarray(FIELD_HEADERS, { maxLength: 6 }),
      amounts: fc.subarray(CLEAN_AMOUNTS.slice(2), { maxLength: 4 }),
      count: fc.integer({ min: 1, max: 7 }),
      table: tableName,
      origin: fc.record({ row: fc.integer({ min: 0, max: 3 }), column: fc.integer({ min: 0, max: 2 }) }),
    })
    .chain(({ fields, amounts, count, table, origin }) => {
      // Ydelse goes with Refusionsandel; Sager, Nuværende årsværk and Årsværkspris go together.
      const staffing = ['Sager', 'Nuværende årsværk', 'Årsværkspris'];
      const chosen = fields.some((f) => staffing.includes(f))
        ? [...fields.filter((f) => !staffing.includes(f)), ...staffing]
        : fields;
      const header = ['Nr', 'Titel', 'Ydelse', ...chosen.filter((f) => f !== 'Ydelse'), 'Udgift 2025', 'Udgift 2026', ...amounts];
      const rows = Array.from({ length: count }, (_, i) =>
        fc.tuple(...header.map((h) => cleanTypical(h, `${prefix}${i + 1}`))),
      ) as fc.Arbitrary<CellValue[]>[];
      return fc.tuple(...rows).map((data): SheetCells => ({
        name,
        origin,
        values: [header, ...data],
        tables: table
          ? [{ name: table, row: origin.row, column: origin.column, rowCount: data.length + 1, columnCount: header.length }]
          : [],
      }));
    });

const cleanScenarios: fc.Arbitrary<SheetCells> = fc
  .record({
    names: fc.subarray(['Basis', 'Alternativ', 'Stram'], { minLength: 1 }),
    unit: fc.constantFrom('kr.', '1.000 kr.', 'mio. kr.'),
    pools: fc.array(fc.oneof(fc.integer({ min: -2_000_000, max: 9_000_000 }), fc.constantFrom(-0.3, 0.3, null)), {
      minLength: 6,
      maxLength: 6,
    }),
    modes: fc.array(fc.constantFrom('Prioritet', 'Prioritet, delvis', 'Bedste udnyttelse', 'Forholdsmæssig', null), {
      minLength: 3,
      maxLength: 3,
    }),
    volumes: fc.array(fc.option(fc.integer({ min: 0, max: 700 }), { nil: null }), { minLength: 3, maxLength: 3 }),
    staircase: fc.boolean(),
    udelad: fc.constantFrom('ingen', 'A1', 'a1', null),
  })
  .map(({ names, unit, pools, modes, volumes, staircase, udelad }): SheetCells => {
    const n = names.length;
    const per = <T>(values: T[]): T[] => values.slice(0, n);
    const rows: CellValue[][] = [
      ['Parameter', ...names],
      ['Enhed', unit],
      ['Råderum 2025', ...per(pools)],
      ['Råderum 2026', ...per(pools.slice(3))],
      ['Fordeling', ...per(modes)],
      ['Caseload', 45],
      ['Refusion kontanthjælp', 0.3],
      ['Fuldtidspersoner Kontanthjælp', ...per(volumes)],
      ['Udelad', udelad],
      ...(staircase
        ? [
            ['Varighed uge 1-4 Sygedagpenge', 0.1],
            ['Varighed uge 5-26 Sygedagpenge', 0.2],
            ['Varighed uge 27-52 Sygedagpenge', 0.2],
            ['Varighed uge 53+ Sygedagpenge', 0.5],
          ]
        : [['Refusion sygedagpenge', 0.5]]),
    ];
    return { name: 'Scenarier', origin: { row: 0, column: 0 }, values: rows, tables: [] };
  });

const cleanWorkbook: fc.Arbitrary<SheetCells[]> = fc
  .record({
    others: fc.subarray([
      ['Udvalg B', 'B'],
      ['Min liste', 'C'],
    ] as const),
    scenarios: cleanScenarios,
    output: fc.option(outputLikeSheet, { freq: 4, nil: undefined }),
    // A few cells replaced by anything at all.
    spoil: fc.array(fc.record({ sheet: fc.nat(3), row: fc.nat(8), column: fc.nat(14), value: wildCell }), { maxLength: 1 }),
  })
  .chain(({ others, scenarios, output, spoil }) =>
    fc.tuple(...[['Forslag', 'A'] as const, ...others].map(([name, prefix]) => cleanList(name, prefix))).map((sheets) => {
      const all = [...sheets, scenarios, ...(output && output.values[1][0] !== 'mit eget ark' ? [output] : [])];
      for (const s of spoil) {
        const target = all[s.sheet % all.length];
        if (target.values[s.row]) target.values[s.row][s.column] = s.value;
      }
      return all;
    }),
  );

// ---- checks ---------------------------------------------------------------

function checkIssues(issues: readonly Issue[]): void {
  for (const issue of issues) {
    check(MESSAGE_CODES.includes(issue.code), 'no message for the code', issue);
    // A message never shows a missing parameter (a cell's own text, even "NaN", is shown as it is).
    check(!/undefined/.test(issueText(issue, 'en') + issueText(issue, 'da')), 'message with a missing parameter', issue);
    for (const v of Object.values(issue.params))
      check(typeof v === 'string' || Number.isFinite(v), 'parameter not finite', issue);
    if (issue.place === undefined) check(WORKBOOK_LEVEL_CODES.includes(issue.code), 'an issue without a place', issue);
    else {
      const { row, column } = issue.place;
      check(Number.isInteger(row) && row >= 0 && Number.isInteger(column) && column >= 0, 'a place off the sheet', issue);
    }
  }
}

/**
 * Sheet figures are in the workbook's unit (up to one decimal): a total and the sum of its rows, added in
 * binary, differ by noise only. A millionth of the unit, not the amount tolerance in kroner.
 */
const SUM_NOISE = 1e-6;
const close = (a: number, b: number) => Math.abs(a - b) <= SUM_NOISE;
/** A plain check: jest's expect is too slow for every cell of a thousand outputs. */
function check(ok: boolean, what: string, ...context: unknown[]): void {
  if (!ok) throw new Error(`${what}: ${JSON.stringify(context)}`);
}
const numberAt = (v: unknown): number => (typeof v === 'number' ? v : 0);

function checkSheet(sheet: OutputSheet): void {
  for (const row of sheet.values)
    for (const v of row) {
      check(
        v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)),
        'cell not finite',
        sheet.name,
        v,
      );
      if (typeof v === 'number') check(Math.abs(v) <= 4e12, 'cell too large', sheet.name, v);
    }
}

/** Rows of one block: from a header row starting with `Nr` to the first row whose first cell is empty. */
function blocks(
  sheet: OutputSheet,
): { header: string[]; rows: (string | number | null)[][]; after: (string | number | null)[][] }[] {
  const found = [];
  // The frozen header at the top names the columns of every block; the blocks start below it.
  for (let r = sheet.frozen?.rows ?? 0; r < sheet.values.length; r++) {
    if (sheet.values[r][0] !== 'Nr') continue;
    const header = sheet.values[r] as string[];
    let end = r + 1;
    while (end < sheet.values.length && sheet.values[end][0] !== '' && sheet.values[end][0] !== null) end++;
    found.push({ header, rows: sheet.values.slice(r + 1, end), after: sheet.values.slice(end) });
  }
  return found;
}

function checkTotals(sheets: OutputSheet[]): void {
  const [resultat, raaderum, sammenligning] = sheets;
  for (const { header, rows, after } of blocks(resultat)) {
    const total = after.find(
      (r) => typeof r[1] === 'string' && r[1].startsWith('I alt ') && r[0] === '' && isLastTotal(after, r),
    );
    check(total !== undefined, 'no total row', header);
    header.forEach((h, c) => {
      if (!/^(Udgift|Indtægt|Investering|Netto) \d{4}$/.test(h) && !/^Udgift (ej )?service \d{4}$/.test(h)) return;
      let sum = 0;
      for (const r of rows) sum += numberAt(r[c]);
      check(close(numberAt(total![c]), sum), 'total is not the sum', resultat.name, h, total, sum);
    });
    // Netto is Udgift + Indtægt + Investering in every row, totals included.
    for (const r of [...rows, total!])
      header.forEach((h, c) => {
        const m = h.match(/^Netto (\d{4})$/);
        if (!m) return;
        const part = (label: string) => numberAt(r[header.indexOf(`${label} ${m[1]}`)]);
        check(close(numberAt(r[c]), part('Udgift') + part('Indtægt') + part('Investering')), 'netto is not its parts', r);
      });
  }
  for (const { header, rows, after } of blocks(raaderum)) {
    const total = after[0];
    check(total[1] === 'Ønsker i alt', 'no Ønsker i alt', total);
    const left = after[1];
    header.forEach((h, c) => {
      if (/^(Ønsket|Bevilget) \d{4}$/.test(h)) {
        let sum = 0;
        for (const r of rows) sum += numberAt(r[c]);
        check(close(numberAt(total[c]), sum), 'Råderum total is not the sum', h, total, sum);
      }
      if (/^Andel af råderum \d{4}$/.test(h)) {
        let sum = numberAt(left[c]);
        for (const r of rows) sum += numberAt(r[c]);
        // Shares and what is left add up to 100 %, or everything is 0 when nothing is available.
        check(close(sum, 1) || (close(sum, 0) && rows.every((r) => r[c] === 0)), 'shares do not add up', h, rows, left);
      }
    });
  }
  // The netto blocks (the funding blocks after them end in Ændring, and have no total).
  for (const { header, rows, after } of blocks(sammenligning).filter((b) => b.header.at(-1) === 'Bemærkning')) {
    const total = after[0];
    check(total[1] === 'I alt', 'no I alt', total);
    header.forEach((h, c) => {
      if (c < 2 || h === 'Bemærkning') return;
      let sum = 0;
      for (const r of rows) sum += numberAt(r[c]);
      check(close(numberAt(total[c]), sum), 'comparison total is not the sum', h, total, sum);
    });
  }
}

/** The bold scenario total is the last `I alt` row before the next block. */
function isLastTotal(after: (string | number | null)[][], row: (string | number | null)[]): boolean {
  const i = after.indexOf(row);
  const next = after[i + 1];
  return !next || !(typeof next[1] === 'string' && next[1].startsWith('I alt ') && next[0] === '');
}

function checkJson(json: JsonReport): void {
  for (const s of json.scenarios) {
    const amounts = [
      ...s.proposals.flatMap((p) => [...p.udgift, ...p.indtaegt, ...p.investering, ...p.netto]),
      ...s.total.netto,
      ...s.total.effect,
      ...s.raaderum.pool,
      ...s.raaderum.available,
      ...s.raaderum.funded,
      ...s.raaderum.remaining,
      ...s.raaderum.proposals.flatMap((p) => p.funded),
    ];
    for (const a of amounts) check(Number.isSafeInteger(a), 'JSON amount not whole kroner', a);
    for (const p of s.raaderum.proposals) for (const x of p.share) check(Number.isFinite(x), 'share not finite', p);
    json.years.forEach((_, t) => {
      let netto = 0;
      for (const p of s.proposals) if (p.included) netto += p.netto[t];
      check(s.total.netto[t] === netto, 'JSON total netto', s.total.netto, netto);
      let funded = 0;
      for (const p of s.raaderum.proposals) funded += p.funded[t];
      check(s.raaderum.funded[t] === funded, 'JSON funded', s.raaderum.funded, funded);
      check(s.raaderum.remaining[t] === s.raaderum.available[t] - funded, 'JSON remaining', s.raaderum);
    });
  }
}

/** What the command line and the pane do, checked at every step. Returns whether output was made. */
function runPath(sheets: SheetCells[]): boolean {
  const read = readBook(sheets);
  checkIssues(read.issues);
  if (!read.book) {
    check(hasProblems(read.issues), 'no book and no problem', read.issues);
    return false;
  }
  const evaluation = evaluate(read.book);
  checkIssues(evaluation.issues);
  const output = outputSheets(evaluation, read.unit, read.tableNames);
  checkIssues(output.issues);
  const json = jsonReport(evaluation, read.unit);
  if (hasProblems([...read.issues, ...evaluation.issues, ...output.issues])) return false;
  output.sheets.forEach(checkSheet);
  checkTotals(output.sheets);
  checkJson(json);
  const taken = [...read.tableNames, ...output.sheets.flatMap((s) => s.tables.map((t) => t.name))].map((n) => n.toUpperCase());
  const outputNames = output.sheets.flatMap((s) => s.tables.map((t) => t.name.toUpperCase()));
  for (const n of outputNames) check(taken.filter((x) => x === n).length === 1, 'two tables of one name', taken);
  return true;
}

test(`${RUNS} generated workbooks give results or located problems, never an exception`, () => {
  let withOutput = 0;
  fc.assert(
    fc.property(fc.oneof(workbook, cleanWorkbook), (sheets) => {
      if (runPath(sheets)) withOutput++;
    }),
    { seed: SEED, numRuns: RUNS },
  );
  // The generator must reach the output often enough for its checks to mean something.
  if (process.env.FUZZ_SEED) console.log(`${withOutput} of ${RUNS} runs reached the output`);
  expect(withOutput).toBeGreaterThan(RUNS / 5);
}, 60_000);

test('the checks themselves catch a total that is not the sum of its rows', () => {
  const sheet: OutputSheet = {
    name: 'Resultat',
    values: [
      ['Nr', 'Titel', 'Udvalg', 'Art', 'Udgift 2025', 'Indtægt 2025', 'Investering 2025', 'Netto 2025'],
      ['A', 'a', '', 'Reduktion', -5, 0, 0, -5],
      ['', 'I alt Basis', '', '', -4, 0, 0, -4],
    ],
    formats: [],
    boldRows: [],
    tables: [],
    columnWidths: [],
  };
  const empty = { ...sheet, values: [] };
  expect(() => checkTotals([sheet, empty, empty])).toThrow();
  expect(SHARE_FORMAT).toBe('0.0%');
});
