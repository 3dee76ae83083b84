/**
 * Issue 12, item 5: each written run adds its record to `Kørsler` (below
 * what the sheet holds), readRunLog reads the records back, compareRuns says
 * what differs between two of them.
 */
import { createHash } from 'crypto';
import { sampleSheets } from '../../src/sample/seed-workbook';
import type { CellValue, SheetCells } from '../../src/workbook/grid';
import { isOutputSheet, readBook } from '../../src/workbook/read';
import type { OutputSheet } from '../../src/workbook/output';
import { runWorkbook, type RunOptions } from '../../src/workbook/run';
import { compareRuns, inputHash, readRunLog, RUN_LOG_SHEET, runLogSheet, type RunLogEntry } from '../../src/workbook/run-log';
import { four, scenarioSheet, sheet } from '../helpers/sheets';

const asCells = (o: OutputSheet): SheetCells => ({
  name: o.name,
  origin: { row: 0, column: 0 },
  values: o.values,
  tables: o.tables,
});
const sample = (): SheetCells[] => sampleSheets().map(asCells);

/** What an adapter does with the outputs: replaces the output sheets, writes a log below what it holds. */
function written(sheets: SheetCells[], outputs: OutputSheet[]): SheetCells[] {
  const result = sheets.map((s) => ({ ...s, values: s.values.map((r) => [...r]) }));
  for (const o of outputs) {
    const at = result.findIndex((s) => s.name === o.name);
    if (o.appendAt === undefined) {
      if (at >= 0) result[at] = asCells(o);
      else result.push(asCells(o));
      continue;
    }
    const target = at >= 0 ? result[at] : { name: o.name, origin: { row: 0, column: 0 }, values: [], tables: [] };
    if (at < 0) result.push(target);
    while (target.values.length < o.appendAt) target.values.push([]);
    // Nothing above appendAt is touched.
    target.values.splice(o.appendAt, o.values.length, ...o.values.map((r) => [...r] as CellValue[]));
  }
  return result;
}

function run(sheets: SheetCells[], options: RunOptions = {}): { sheets: SheetCells[]; log: OutputSheet } {
  const done = runWorkbook(sheets, { runTime: '2026-11-23 14:05', ...options });
  if (!done.results) throw new Error(JSON.stringify(done.issues));
  const log = done.results.outputs.find((o) => o.name === RUN_LOG_SHEET) as OutputSheet;
  return { sheets: written(sheets, done.results.outputs), log };
}

/** The sample with one cell of Scenarier changed (the row by its Parameter, the column by scenario). */
function withParameter(sheets: SheetCells[], parameter: string, column: number, value: CellValue): SheetCells[] {
  return sheets.map((s) =>
    s.name === 'Scenarier'
      ? { ...s, values: s.values.map((r) => (r[0] === parameter ? r.map((v, c) => (c === column ? value : v)) : r)) }
      : s,
  );
}

describe('two runs in a row, the second after a changed caseload', () => {
  const first = run(sample());
  const second = run(withParameter(first.sheets, 'Caseload', 2, 42), { runTime: '2026-11-23 15:30' });
  const entries = readRunLog(second.sheets);

  test('the first run writes the log from the top, with its title and mark; the second below it, nothing above rewritten', () => {
    expect(first.log.appendAt).toBe(0);
    expect(first.log.values[0][0]).toBe('Kørsler');
    expect(first.log.values[1][0]).toMatch(/^Skrevet af Råderum: hver beregning/);
    expect(second.log.appendAt).toBe(first.log.values.length + 1);
    expect(second.log.values[0][0]).toBe('Kørsel 2 · 2026-11-23 15:30');
    const log = second.sheets.find((s) => s.name === RUN_LOG_SHEET) as SheetCells;
    expect(log.values.slice(0, first.log.values.length)).toEqual(first.log.values);
  });

  test('two entries, with time, unit, hash, years and each scenario’s totals as the sheets show them', () => {
    expect(entries.map((e) => [e.run, e.time, e.label, e.unit, e.row])).toEqual([
      [1, '2026-11-23 14:05', '', 'kr.', 3],
      [2, '2026-11-23 15:30', '', 'kr.', first.log.values.length + 1],
    ]);
    expect(entries[0].inputHash).toMatch(/^[0-9a-f]{64}$/);
    expect(entries[1].inputHash).not.toBe(entries[0].inputHash);
    expect(entries[0].years).toEqual([2027, 2028, 2029, 2030]);
    expect(entries[0].scenarios.map((s) => s.name)).toEqual(['Basis', 'Caseload 40', 'Flere fuldtidspersoner']);
    const resultat = runWorkbook(sample()).results!.figures.scenarios[0];
    expect(entries[0].scenarios[0]).toMatchObject({
      totalNetto: resultat.totalNetto,
      funded: resultat.funded,
      remaining: resultat.remaining,
      effect: resultat.effect,
    });
  });

  test('the parameters as each Scenarier column states them, inherited values included', () => {
    const caseload40 = entries[0].scenarios[1].parameters;
    expect(caseload40).toEqual([
      { parameter: 'Enhed', value: 'kr.' },
      { parameter: 'Råderum 2027', value: '21.000.000' },
      { parameter: 'Råderum 2028', value: '0' },
      { parameter: 'Råderum 2029', value: '0' },
      { parameter: 'Råderum 2030', value: '0' },
      { parameter: 'Fordeling', value: 'Prioritet' },
      { parameter: 'Caseload', value: '40' },
      { parameter: 'Fuldtidspersoner Kontanthjælp', value: '114' },
      { parameter: 'Udelad', value: 'ingen' },
    ]);
  });

  test('their difference names the parameter and the totals that moved', () => {
    const d = compareRuns(entries[0], entries[1]);
    expect(d.sameInputs).toBe(false);
    expect(d.scenariosAdded).toEqual([]);
    expect(d.scenariosRemoved).toEqual([]);
    expect(d.parameters).toEqual([{ scenario: 'Caseload 40', parameter: 'Caseload', from: '40', to: '42' }]);
    // 450 / 42 − 8 = 2,714… årsværk × 400.000 = 1.085.714 a year instead of 1.300.000: netto 214.286 lower.
    expect(d.totals.find((t) => t.scenario === 'Caseload 40' && t.figure === 'totalNetto')).toEqual({
      scenario: 'Caseload 40',
      figure: 'totalNetto',
      years: [2027, 2028, 2029, 2030],
      from: entries[0].scenarios[1].totalNetto,
      to: entries[1].scenarios[1].totalNetto,
      difference: four(-214286),
    });
    expect(d.totals.every((t) => t.scenario === 'Caseload 40')).toBe(true);
  });

  test('the second record says in words what changed', () => {
    expect(entries[0].changes).toBe('Første kørsel i loggen.');
    expect(entries[1].changes).toMatch(
      /^Siden kørsel 1: Caseload 40: Caseload 40 → 42; Caseload 40 Netto i alt 2027 -214\.286 kr\., 2028 -214\.286 kr\., /,
    );
  });
});

describe('the input hash', () => {
  test('the same inputs give the same hash; output sheets and the log are not inputs', () => {
    const first = run(sample());
    const again = run(first.sheets, { runTime: '2026-11-24 09:00' });
    const [a, b] = readRunLog(again.sheets);
    expect(b.inputHash).toBe(a.inputHash);
    expect(inputHash(sample())).toBe(a.inputHash);
    expect(b.changes).toBe('Siden kørsel 1: samme inddata (samme SHA-256) og samme resultater.');
    expect(compareRuns(a, b)).toMatchObject({ sameInputs: true, parameters: [], totals: [] });
  });

  test('any input cell changes it, a proposal’s as well as a parameter', () => {
    const base = inputHash(sample());
    const edited = sample().map((s) =>
      s.name === 'Faxe'
        ? { ...s, values: s.values.map((r) => (r[0] === 'BIU_F_02' ? [...r.slice(0, 1), 'Ny titel', ...r.slice(2)] : r)) }
        : s,
    );
    expect(inputHash(edited)).not.toBe(base);
    expect(inputHash(withParameter(sample(), 'Caseload', 1, 44))).not.toBe(base);
  });

  test('is SHA-256 of the canonical text the README documents', () => {
    const sheets: SheetCells[] = [
      {
        name: 'Liste',
        origin: { row: 1, column: 2 },
        values: [
          ['Nr', 1.5, null],
          ['  ', true, { error: '#DIV/0!' }],
        ],
        tables: [{ name: 'T', row: 1, column: 2, rowCount: 2, columnCount: 3 }],
      },
      { name: 'Resultat', origin: { row: 0, column: 0 }, values: [['ignored']], tables: [] },
      { name: 'kørsler', origin: { row: 0, column: 0 }, values: [['ignored']], tables: [] },
    ];
    const text = 'sheet\t"Liste"\ntable\t"T"\t1,2,2,3\n1,2\ts:"Nr"\n1,3\tn:1.5\n2,3\tb:true\n2,4\te:#DIV/0!\n';
    expect(inputHash(sheets)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });
});

test('a name the user types for a run survives the next run, and is read back', () => {
  const first = run(sample());
  const log = first.sheets.find((s) => s.name === RUN_LOG_SHEET) as SheetCells;
  const [entry] = readRunLog(first.sheets);
  // The Navn cell: the row after the record's header.
  log.values[entry.row + 2][1] = 'Forhandlingsrunde 1';
  const second = run(first.sheets);
  const third = run(second.sheets);
  const entries = readRunLog(third.sheets);
  expect(entries.map((e) => [e.run, e.label])).toEqual([
    [1, 'Forhandlingsrunde 1'],
    [2, ''],
    [3, ''],
  ]);
});

test('Kørsler is no output-named sheet, never a proposal list; a user’s own sheet of that name is refused', () => {
  expect(isOutputSheet('Kørsler')).toBe(false);
  const proposals = readBook(sample()).book!.proposals.length;
  // A run's log holds a table with Nr and Titel typed by a user: still not a list.
  const logged = run(sample()).sheets.map((s) =>
    s.name === RUN_LOG_SHEET ? { ...s, values: [...s.values, [], ['Nr', 'Titel', 'Udgift 2027'], ['X', 'Y', 1]] } : s,
  );
  expect(readBook(logged).book!.proposals.length).toBe(proposals);

  const own: SheetCells = {
    name: 'KØRSLER',
    origin: { row: 0, column: 0 },
    values: [['Mine kørsler'], ['Nr', 'Titel']],
    tables: [],
  };
  const refused = runWorkbook([...sample(), own]);
  expect(refused.results).toBeUndefined();
  expect(refused.issues.filter((i) => i.code === 'runLogNotOurs')).toEqual([
    { severity: 'problem', code: 'runLogNotOurs', params: { sheet: 'KØRSLER' }, place: { sheet: 'KØRSLER', row: 0, column: 0 } },
  ]);
});

test('a Kørsler too large to read is refused, not written over from its first row', () => {
  // An adapter could not read it (OutputSheet.oversized): where its records end is unknown.
  const oversized: SheetCells = {
    name: 'Kørsler',
    origin: { row: 0, column: 0 },
    values: [],
    tables: [],
    oversized: { rowCount: 1048576, columnCount: 16384 },
  };
  const record = { time: '2026-11-23 14:05', unit: 'kr.' as const, years: [2027], inputHash: 'x', scenarios: [] };
  const log = runLogSheet([...sample(), oversized], record, 'da');
  expect(log.sheet).toBeUndefined();
  expect(log.issues).toEqual([
    {
      severity: 'problem',
      code: 'sheetTooLarge',
      params: { sheet: 'Kørsler', rows: 1048576, columns: 16384, last: 'Kørsler!XFD1048576' },
      place: { sheet: 'Kørsler', row: 1048575, column: 16383 },
    },
  ]);
  // A run stops at the same problem before anything is written.
  const refused = runWorkbook([...sample(), oversized]);
  expect(refused.results).toBeUndefined();
  expect(refused.issues.filter((i) => i.code === 'sheetTooLarge')).toEqual(log.issues);
});

test('a run without the sheets (the pane’s what-if, the JSON) logs nothing', () => {
  const done = runWorkbook(sample(), { sheets: false });
  expect(done.results?.outputs).toEqual([]);
});

test('the time is local, yyyy-mm-dd hh:mm, by default; the pages’ date is its day', () => {
  const done = runWorkbook(sample());
  const log = done.results!.outputs.find((o) => o.name === RUN_LOG_SHEET) as OutputSheet;
  const time = log.values[5][2] as string;
  expect(time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  const resultat = done.results!.outputs[0];
  expect(resultat.page?.header.right).toBe(`Beregnet ${time.slice(0, 10).split('-').reverse().join('.')}`);
});

describe('years and languages that differ between runs', () => {
  const book = (years: number[], language: string) => [
    sheet(
      'Forslag',
      [
        ['Nr', 'Titel', 'Art', ...years.map((y) => `Udgift ${y}`)],
        ['A', 'Besparelse', 'Reduktion', ...years.map(() => -100)],
      ],
      'Forslag',
    ),
    scenarioSheet([['Sprog', language], ...years.map((y) => [`Råderum ${y}`, 50])]),
  ];

  test('a log with a Danish run of 2027–2030 and an English one of 2028–2031 reads whole; the totals compare on both runs’ years', () => {
    const first = run(book([2027, 2028, 2029, 2030], 'dansk'));
    const next = book([2028, 2029, 2030, 2031], 'engelsk');
    next.push(first.sheets.find((s) => s.name === RUN_LOG_SHEET) as SheetCells);
    const second = run(next);
    expect(second.log.values[0][0]).toBe('Run 2 · 2026-11-23 14:05');
    const entries = readRunLog(second.sheets);
    expect(entries.map((e) => e.years)).toEqual([
      [2027, 2028, 2029, 2030],
      [2028, 2029, 2030, 2031],
    ]);
    // Every amount in the words with its unit, in the record's language.
    expect(entries[1].changes).toMatch(/^Since run 1: .*; Basis Total net 2027 \+100 kr\., 2031 -100 kr\.;/);
    const d = compareRuns(entries[0], entries[1]);
    const effect = d.totals.find((t) => t.figure === 'effect');
    expect(effect).toEqual({
      scenario: 'Basis',
      figure: 'effect',
      years: [2027, 2028, 2029, 2030, 2031],
      from: [-100, -100, -100, -100, 0],
      to: [0, -100, -100, -100, -100],
      difference: [100, 0, 0, 0, -100],
    });
    expect(d.parameters.map((p) => [p.parameter, p.from, p.to])).toEqual([
      ['Sprog', 'dansk', 'engelsk'],
      ['Råderum 2031', undefined, '50'],
      ['Råderum 2027', '50', undefined],
    ]);
  });
});

describe('a run in Danish, the next in English (the pane’s language): numbers compare as numbers', () => {
  const first = run(sample(), { language: 'da' });
  const second = run(first.sheets, { language: 'en', runTime: '2026-11-23 15:30' });
  const entries = readRunLog(second.sheets);

  test('each record states its numbers in its language, and is read back knowing it', () => {
    const raaderum = (e: RunLogEntry) => e.scenarios[0].parameters.find((p) => p.parameter === 'Råderum 2027')?.value;
    expect(entries.map(raaderum)).toEqual(['21.000.000', '21,000,000']);
    expect(entries.map((e) => e.language)).toEqual(['da', 'en']);
  });

  test('nothing changed: the record says so, and compareRuns finds no parameter changed', () => {
    expect(entries[1].changes).toBe('Since run 1: the same inputs (the same SHA-256) and the same results.');
    expect(compareRuns(entries[0], entries[1]).parameters).toEqual([]);
  });

  test('a number that did change is still named, in each run’s own words', () => {
    const third = run(withParameter(second.sheets, 'Råderum 2027', 1, 22000000.5), { language: 'da' });
    const d = compareRuns(entries[1], readRunLog(third.sheets)[2]);
    expect(d.parameters.filter((p) => p.scenario === 'Basis')).toEqual([
      { scenario: 'Basis', parameter: 'Råderum 2027', from: '21,000,000', to: '22.000.000,5' },
    ]);
  });

  test('the same figure in different words only where each record’s language reads it so (1.125 is not 1,125)', () => {
    const entry = (language: 'da' | 'en', value: string): RunLogEntry => ({
      run: 1,
      time: '',
      label: '',
      inputHash: 'x',
      years: [],
      scenarios: [
        { name: 'Basis', parameters: [{ parameter: 'Caseload', value }], totalNetto: [], funded: [], remaining: [], effect: [] },
      ],
      changes: '',
      row: 0,
      language,
    });
    const changed = (a: RunLogEntry, b: RunLogEntry) => compareRuns(a, b).parameters.length;
    expect(changed(entry('da', '1.125'), entry('en', '1,125'))).toBe(0);
    expect(changed(entry('da', '1,125'), entry('en', '1.125'))).toBe(0);
    expect(changed(entry('da', '1.125'), entry('en', '1.125'))).toBe(1);
    expect(changed(entry('da', '0,3'), entry('en', '0.3'))).toBe(0);
    expect(changed(entry('da', '-1.000'), entry('en', '-1,000'))).toBe(0);
    // Text stays text: a number's look-alike in one language is no number in the other.
    expect(changed(entry('da', '1.5'), entry('en', '1.5'))).toBe(0);
    expect(changed(entry('da', '1.5'), entry('en', '15'))).toBe(1);
    expect(changed(entry('da', 'Prioritet'), entry('en', 'Prioritet'))).toBe(0);
  });
});

describe('a scenario renamed in case only (Basis → BASIS, one name to Excel and the reader)', () => {
  const renamed = (sheets: SheetCells[]): SheetCells[] =>
    sheets.map((s) =>
      s.name === 'Scenarier' ? { ...s, values: s.values.map((r) => r.map((v) => (v === 'Basis' ? 'BASIS' : v))) } : s,
    );
  const first = run(sample());
  const second = run(renamed(first.sheets), { runTime: '2026-11-23 15:30' });
  const entries = readRunLog(second.sheets);

  test('is the same scenario: not added, not removed; its parameters and totals compared', () => {
    expect(entries[1].scenarios[0].name).toBe('BASIS');
    const d = compareRuns(entries[0], entries[1]);
    expect(d).toMatchObject({ scenariosAdded: [], scenariosRemoved: [], parameters: [], totals: [] });
    expect(d.scenariosRenamed).toEqual([{ from: 'Basis', to: 'BASIS' }]);
  });

  test('the record says it was renamed, and nothing else changed', () => {
    expect(entries[1].changes).toBe('Siden kørsel 1: scenariet Basis hedder nu BASIS.');
    const third = run(withParameter(second.sheets, 'Caseload', 1, 44), { runTime: '2026-11-23 16:00' });
    // The next run names it as it is now (Flere fuldtidspersoner inherits the base's caseload).
    expect(readRunLog(third.sheets)[2].changes).toMatch(
      /^Siden kørsel 2: BASIS: Caseload 45 → 44; Flere fuldtidspersoner: Caseload 45 → 44; BASIS Netto i alt /,
    );
  });
});

test('a run in 1.000 kr. after one in kr.: the totals compare in the newer unit, so the same package changes nothing', () => {
  const book = (unit: string, scale: number) => [
    sheet(
      'Forslag',
      [
        ['Nr', 'Titel', 'Art', 'Udgift 2027'],
        ['A', 'Besparelse', 'Reduktion', -100000 / scale],
        ['B', 'Udvidelse', 'Udvidelse', 30000 / scale],
      ],
      'Forslag',
    ),
    scenarioSheet([
      ['Enhed', unit],
      ['Råderum 2027', 50000 / scale],
    ]),
  ];
  const first = run(book('kr.', 1));
  const next = book('1.000 kr.', 1000);
  next.push(first.sheets.find((s) => s.name === RUN_LOG_SHEET) as SheetCells);
  const entries = readRunLog(run(next).sheets);
  expect(entries.map((e) => [e.unit, e.scenarios[0].effect])).toEqual([
    ['kr.', [-70000]],
    ['1.000 kr.', [-70]],
  ]);
  const d = compareRuns(entries[0], entries[1]);
  expect(d.totals).toEqual([]);
  expect(d.parameters.map((p) => [p.parameter, p.from, p.to])).toEqual([
    ['Enhed', 'kr.', '1.000 kr.'],
    ['Råderum 2027', '50.000', '50'],
  ]);
  expect(entries[1].changes).toBe('Siden kørsel 1: Basis: Enhed kr. → 1.000 kr.; Basis: Råderum 2027 50.000 → 50.');
});

test('compareRuns on entries made by hand: scenarios added and removed, parameters not stated', () => {
  const entry = (run: number, scenarios: RunLogEntry['scenarios']): RunLogEntry => ({
    run,
    time: '',
    label: '',
    inputHash: 'x',
    years: [2027],
    scenarios,
    changes: '',
    row: 0,
  });
  const scenario = (name: string, parameters: { parameter: string; value: string }[], netto: number) => ({
    name,
    parameters,
    totalNetto: [netto],
    funded: [0],
    remaining: [0],
    effect: [netto],
  });
  const d = compareRuns(
    entry(1, [scenario('Basis', [{ parameter: 'Caseload', value: '45' }], 10), scenario('Gammel', [], 0)]),
    entry(2, [
      scenario(
        'Basis',
        [
          { parameter: 'caseload', value: '45' },
          { parameter: 'Udelad', value: 'EBU 3' },
        ],
        7,
      ),
      scenario('Ny', [], 0),
    ]),
  );
  expect(d).toMatchObject({
    sameInputs: true,
    scenariosAdded: ['Ny'],
    scenariosRemoved: ['Gammel'],
    parameters: [{ scenario: 'Basis', parameter: 'Udelad', from: undefined, to: 'EBU 3' }],
  });
  expect(d.totals.map((t) => [t.figure, t.difference])).toEqual([
    ['totalNetto', [-3]],
    ['effect', [-3]],
  ]);
});
