/** The Office.js adapter against the Excel double: sync counts, blocks, what it writes where, and faults. */
import { hasProblems } from '../../src/model/problems';
import { evaluate } from '../../src/model/scenarios';
import { hostError } from '../../src/office/errors';
import { INCOMPLETE_BANNER, readWorkbook, writeSheets } from '../../src/office/excel-adapter';
import { excelHost } from '../../src/office/host';
import { PAYLOAD_LIMIT_BYTES } from '../../src/office/payload';
import type { SheetCells } from '../../src/workbook/grid';
import { HostError, type HostFailure } from '../../src/workbook/host';
import { outputSheets, type OutputSheet } from '../../src/workbook/output';
import { readBook } from '../../src/workbook/read';
import { runWorkbook } from '../../src/workbook/run';
import { ExcelDouble, FakeSheet, FULL_SUPPORT } from './excel-double';

const support = FULL_SUPPORT;
const YEARS = [2027, 2028, 2029, 2030];

/** A workbook with `n` proposals on a sheet with a table, and a Scenarier sheet. */
function workbook(n: number, titleLength = 40, scenarios: 1 | 2 = 2): FakeSheet[] {
  const header = [
    'Nr',
    'Titel',
    'Udvalg',
    'Art',
    'Prioritet',
    ...YEARS.map((y) => `Udgift ${y}`),
    ...YEARS.map((y) => `Investering ${y}`),
  ];
  const rows = Array.from({ length: n }, (_, i) => [
    `F-${i + 1}`,
    `Forslag ${i + 1} `.padEnd(titleLength, 'x'),
    `Udvalg ${i % 7}`,
    i % 3 === 0 ? 'Udvidelse' : 'Reduktion',
    i % 3 === 0 ? (i % 11) + 1 : '',
    ...YEARS.map((_, t) => (i % 3 === 0 ? 100_000 + i : -(50_000 + 10 * i + t))),
    ...YEARS.map(() => (i % 5 === 0 ? 25_000 : 0)),
  ]);
  const forslag = FakeSheet.from('Forslag', [header, ...rows]);
  forslag.tables.push({ name: 'Forslag', row: 0, column: 0, rowCount: n + 1, columnCount: header.length });
  const scenarier = FakeSheet.from(
    'Scenarier',
    [
      ['Parameter', 'Basis', 'Delvis'],
      ...YEARS.map((y) => [`Råderum ${y}`, 2_000_000, '']),
      ['Fordeling', 'Prioritet', 'Prioritet, delvis'],
    ].map((row) => row.slice(0, scenarios + 1)),
  );
  return [forslag, scenarier, FakeSheet.from('Noter', [['Mine noter'], ['=SUM(A1)']])];
}

function produce(sheets: SheetCells[]): OutputSheet[] {
  const read = readBook(sheets);
  if (!read.book) throw new Error(JSON.stringify(read.issues.slice(0, 3)));
  const evaluation = evaluate(read.book);
  expect(hasProblems(evaluation.issues)).toBe(false);
  return outputSheets(evaluation, read.unit).sheets;
}

/** One run as the adapter does it: read, calculate, write, in one Excel.run. */
async function run(excel: ExcelDouble): Promise<void> {
  const book = await readWorkbook(excel.context);
  await writeSheets(excel.context, produce(book.sheets), { support, workbook: book });
}

/** One run through the pane's host: Excel.run with its options, errors as HostError. */
async function runInHost(excel: ExcelDouble): Promise<unknown> {
  const globals = globalThis as unknown as { Excel: unknown; Office: unknown };
  globals.Excel = { run: excel.run.bind(excel) };
  globals.Office = { context: { requirements: { isSetSupported: () => true } } };
  return excelHost.run(produce).then(
    () => undefined,
    (e: unknown) => e,
  );
}

const inputNames = ['Forslag', 'Scenarier', 'Noter'];
/** The sheets `produce` writes (outputSheets': Beregning and the run log come from runWorkbook, not used here). */
const OUTPUT_SHEETS = ['Resultat', 'Råderum', 'Sammenligning'];
const writesToInputs = (excel: ExcelDouble) => excel.log.filter((o) => o.writes && inputNames.includes(o.writes));
const snapshots = (excel: ExcelDouble, names: readonly string[]) => names.map((n) => excel.sheet(n)?.snapshot());
const failure = (error: unknown) => (error instanceof HostError ? error.failure : `not a HostError: ${String(error)}`);

describe('sync counts', () => {
  // 600 proposals with titles of 3,000 characters in one scenario write about 2.6 MB; 500 in two scenarios (6.5 MB)
  // pass 4.5 MB and take a block more. (Long titles, not many proposals: the same bytes, a fraction of the time.)
  // The layout (styles, panes, page setup) rides in the last block: no sync of its own.
  test.each([
    [10, 40, 1, 3],
    [600, 3000, 1, 3],
    [500, 3000, 2, 4],
  ] as const)(
    '%i proposals, titles of %i characters, in %i scenario(s): %i syncs, only the output sheets written',
    async (n, titleLength, scenarios, syncs) => {
      const excel = new ExcelDouble(workbook(n, titleLength, scenarios));
      const before = snapshots(excel, inputNames);
      await run(excel);
      expect(excel.syncs).toBe(syncs);
      expect(writesToInputs(excel)).toEqual([]);
      expect(excel.sheets.map((s) => s.name)).toEqual([...inputNames, ...OUTPUT_SHEETS]);
      expect(excel.maxRequestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
      expect(snapshots(excel, inputNames)).toEqual(before);
      expect(excel.log.filter((o) => o.name.startsWith('suspend')).length).toBe(2 * (syncs - 2));
    },
  );

  test('2,000 proposals with titles of 3,000 characters: reads and writes in blocks under 5 MB, the same result', async () => {
    const big = new ExcelDouble(workbook(2000, 3000));
    await run(big);
    expect(big.maxRequestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    // Names; the first read (6 MB), refused over the response limit; sizes; Forslag in blocks sized from that
    // refusal (twice 5 MB over the cells it held: three blocks); the write in six blocks.
    expect(big.syncs).toBe(12);
    expect(big.refusals).toEqual(['ResponsePayloadSizeLimitExceeded']);
    expect(big.log.filter((o) => o.name === 'range.values=').length).toBeGreaterThan(3);
    const direct = produce(workbookCells(workbook(2000, 3000)));
    const resultat = big.sheet('Resultat')!;
    expect(
      resultat.values({ row: 0, column: 0, rowCount: direct[0].values.length, columnCount: direct[0].values[0].length }),
    ).toEqual(direct[0].values.map((r) => r.map((v) => v ?? '')));
    expect(writesToInputs(big)).toEqual([]);
  });
});

/** The same workbook as grids, read without Excel. */
function workbookCells(sheets: FakeSheet[]): SheetCells[] {
  return sheets.map((s) => {
    const used = s.usedRange()!;
    return { name: s.name, origin: { row: used.row, column: used.column }, values: s.values(used), tables: s.tables };
  });
}

describe('reading', () => {
  test('every sheet goes to readBook: input sheets in full, output sheets their first rows and protection', async () => {
    const excel = new ExcelDouble(workbook(10));
    await run(excel);
    excel.sheet('Råderum')!.protected = true;
    const book = await readWorkbook(excel.context);
    expect(book.sheets.map((s) => s.name)).toEqual([...inputNames, ...OUTPUT_SHEETS]);
    const resultat = book.sheets.find((s) => s.name === 'Resultat')!;
    expect(resultat.origin).toEqual({ row: 0, column: 0 });
    expect(resultat.values.length).toBe(3);
    expect(String(resultat.values[1][0])).toContain('Skrevet af Råderum');
    expect(book.protectedSheets).toEqual(['Råderum']);
    expect(readBook(book.sheets).book).toBeDefined();
  });

  test('an output-named sheet whose content starts below the first rows is not ours (never overwritten)', async () => {
    const excel = new ExcelDouble([...workbook(5), FakeSheet.from('resultat', [[], [], [], [], ['Min egen opgørelse']])]);
    const book = await readWorkbook(excel.context);
    const result = readBook(book.sheets);
    expect(result.book).toBeUndefined();
    expect(result.issues.map((i) => i.code)).toContain('outputSheetNotOurs');
  });

  test('a stray value in XFD1048576 makes the sheet oversized, a located problem, never a TypeError', async () => {
    const sheets = workbook(5);
    sheets[2].set(1_048_575, 16_383, 'x');
    const excel = new ExcelDouble(sheets);
    const book = await readWorkbook(excel.context);
    const noter = book.sheets.find((s) => s.name === 'Noter')!;
    expect(noter.oversized).toEqual({ rowCount: 1_048_576, columnCount: 16_384 });
    expect(noter.values).toEqual([]);
    const result = readBook(book.sheets);
    expect(result.issues.find((i) => i.code === 'sheetTooLarge')?.place).toEqual({
      sheet: 'Noter',
      row: 1_048_575,
      column: 16_383,
    });
    expect(excel.syncs).toBe(2);
  });

  test('merged cells read as Excel gives them: the value in the top-left cell only', async () => {
    const sheets = workbook(3);
    sheets[2].set(5, 0, 'flettet');
    sheets[2].set(5, 1, 'væk');
    sheets[2].set(5, 3, 'ved siden af');
    sheets[2].merge({ row: 5, column: 0, rowCount: 1, columnCount: 3 });
    const book = await readWorkbook(new ExcelDouble(sheets).context);
    const noter = book.sheets.find((s) => s.name === 'Noter')!;
    expect(noter.values[5]).toEqual(['flettet', null, null, 'ved siden af']);
  });
});

describe('writing', () => {
  test('the written sheets hold the figures, formats and tables of the workbook layer', async () => {
    const excel = new ExcelDouble(workbook(10));
    await run(excel);
    const resultat = excel.sheet('Resultat')!;
    const expected = produce((await readWorkbook(new ExcelDouble(workbook(10)).context)).sheets)[0];
    expected.values.forEach((row, r) =>
      row.forEach((v, c) => {
        expect(resultat.get(r, c)?.value || null).toEqual(v || null);
        if (v !== null && v !== '') expect(resultat.get(r, c)?.format).toBe(expected.formats[r][c]);
      }),
    );
    expect(resultat.tables.map((t) => t.name)).toEqual(['Raaderum_Resultat_1', 'Raaderum_Resultat_2']);
    expect(resultat.get(expected.boldRows[0], 0)?.bold).toBe(true);
  });

  test('running again keeps the output sheets (id, position, tab colour, print setup, what points at them)', async () => {
    const excel = new ExcelDouble(workbook(20));
    await run(excel);
    const resultat = excel.sheet('Resultat')!;
    resultat.tabColor = '#FF0000';
    resultat.printArea = 'A1:F40';
    const formula = excel.refer('Noter', 'Resultat');
    const definedName = excel.refer('Noter', 'Råderum');
    // The user moves Resultat first.
    excel.sheets = [resultat, ...excel.sheets.filter((s) => s !== resultat)];
    const ids = excel.sheets.map((s) => s.id);
    const first = excel.sheets.map((s) => s.snapshot());
    excel.syncs = 0;
    await run(excel);
    expect(excel.syncs).toBe(3);
    expect(excel.sheets.map((s) => s.id)).toEqual(ids);
    expect(excel.sheets.map((s) => s.snapshot())).toEqual(first);
    expect(formula.broken).toBeUndefined();
    expect(definedName.broken).toBeUndefined();
  });

  test('an output sheet named in another case (resultat) is kept and written, not added twice', async () => {
    const excel = new ExcelDouble(workbook(5));
    await run(excel);
    excel.sheet('Resultat')!.name = 'resultat';
    const id = excel.sheet('resultat')!.id;
    await run(excel);
    expect(excel.sheets.map((s) => s.name)).toEqual([...inputNames, 'resultat', 'Råderum', 'Sammenligning']);
    expect(excel.sheet('resultat')!.id).toBe(id);
    expect(excel.sheet('resultat')!.get(0, 0)?.value).toBe('Resultat');
  });

  test('a protected output sheet fails as protected before anything is written', async () => {
    const excel = new ExcelDouble(workbook(5));
    await run(excel);
    excel.sheet('Sammenligning')!.protected = true;
    const before = excel.sheets.map((s) => s.snapshot());
    excel.log = [];
    const error = await runInHost(excel);
    expect(failure(error)).toBe('protected');
    expect((error as Error).message).toBe('Sammenligning');
    expect(excel.log.filter((o) => o.writes)).toEqual([]);
    expect(excel.sheets.map((s) => s.snapshot())).toEqual(before);
  });

  test("a user's table with an output table's name: a clear message, nothing written", async () => {
    const sheets = workbook(5);
    sheets[2].set(10, 0, 'x');
    sheets[2].tables.push({ name: 'Raaderum_Resultat_1', row: 10, column: 0, rowCount: 2, columnCount: 1 });
    const excel = new ExcelDouble(sheets);
    const error = await runInHost(excel);
    expect(failure(error)).toBe('other');
    expect((error as Error).message).toBe(
      'Tabelnavnet Raaderum_Resultat_1 bruges allerede på arket Noter; omdøb den tabel og prøv igen.',
    );
    expect(excel.log.filter((o) => o.writes)).toEqual([]);
  });

  test.each(['=HYPERLINK("http://example.invalid";"klik")', '+45 12 34 56 78', '-5 % på ledighed', '@Jobcenter'])(
    'a title starting like %s comes back as the same text, never as a formula',
    async (title) => {
      const sheets = workbook(3);
      sheets[0].set(1, 1, title);
      const excel = new ExcelDouble(sheets);
      await run(excel);
      const cells = ['Resultat', 'Råderum', 'Sammenligning'].flatMap((name) =>
        [...excel.sheet(name)!.cells.values()].flatMap((row) => [...row.values()]),
      );
      expect(cells.filter((c) => c.formula)).toEqual([]);
      expect(cells.filter((c) => c.value === title).length).toBeGreaterThanOrEqual(3);
    },
  );

  test('a GeneralException for a large request: the same rows again in halves, the same result', async () => {
    const excel = new ExcelDouble(workbook(400));
    excel.generalExceptionOver = 60_000;
    await run(excel);
    const clean = new ExcelDouble(workbook(400));
    await run(clean);
    expect(excel.syncs).toBeGreaterThan(clean.syncs);
    expect(snapshots(excel, OUTPUT_SHEETS).map(withoutIds)).toEqual(snapshots(clean, OUTPUT_SHEETS).map(withoutIds));
  });

  test('a single row that is still too large: a clear tooLarge, and no sheet that looks complete', async () => {
    const excel = new ExcelDouble(workbook(10));
    excel.failWhen = (o) =>
      o.name === 'range.values=' && o.writes === 'Resultat'
        ? { code: 'RequestPayloadSizeLimitExceeded', message: '…' }
        : undefined;
    const error = await runInHost(excel);
    expect(failure(error)).toBe('tooLarge');
    expect(excel.sheet('Resultat')).toBeUndefined(); // added by this run, removed again
  });

  test.each([
    ['GeneralException', 'the second table added'],
    ['RequestPayloadSizeLimitExceeded', 'the first title, all tables added'],
  ] as const)(
    'a write in several blocks: a one-time %s in the last block at %s is retried; each table once, no banner',
    async (code, _) => {
      // Long titles: the write takes three blocks, the tables and titles come with the last.
      const start = () => new ExcelDouble(workbook(1000, 3000, 2));
      const clean = start();
      await run(clean);
      expect(clean.syncs).toBe(5);
      const tables = OUTPUT_SHEETS.flatMap((name) => clean.sheet(name)!.tables.map((t) => t.name));
      expect(tables.length).toBeGreaterThan(2);

      const excel = start();
      let added = 0;
      let fired = false;
      excel.failWhen = (o) => {
        if (o.name === 'tables.add') added++;
        const at =
          code === 'GeneralException'
            ? o.name === 'tables.add' && added === 2
            : o.name === 'range.values=' && added === tables.length;
        if (fired || !at) return undefined;
        fired = true;
        return { code, message: 'Excel siger nej' };
      };
      expect(await runInHost(excel)).toBeUndefined();
      expect(fired).toBe(true);
      expect(OUTPUT_SHEETS.flatMap((name) => excel.sheet(name)!.tables.map((t) => t.name))).toEqual(tables);
      expect(snapshots(excel, OUTPUT_SHEETS).map(withoutIds)).toEqual(snapshots(clean, OUTPUT_SHEETS).map(withoutIds));
      expect(OUTPUT_SHEETS.map((name) => excel.sheet(name)!.get(0, 0)?.value)).toEqual(OUTPUT_SHEETS);
    },
  );

  test.each([
    ['with content', [['Min egen analyse'], [42]]],
    ['still empty', []],
  ] as const)("a sheet a co-author adds under an output sheet's name after the read (%s) is never deleted", async (_, rows) => {
    const excel = new ExcelDouble(workbook(5));
    const book = await readWorkbook(excel.context);
    const outputs = produce(book.sheets);
    // Between the read and the write, someone else adds Råderum.
    const theirs = FakeSheet.from(
      'Råderum',
      rows.map((r) => [...r]),
    );
    excel.sheets.push(theirs);
    const before = theirs.snapshot();
    const error = await writeSheets(excel.context, outputs, { support, workbook: book }).then(
      () => undefined,
      (e: { code?: string }) => e.code,
    );
    expect(error).toBe('ItemAlreadyExists');
    expect(excel.sheet('Råderum')?.snapshot()).toBe(before);
    // The sheet this write added is removed again; the one it never reached is not there.
    expect(excel.sheets.map((s) => s.name)).toEqual([...inputNames, 'Råderum']);
  });

  test('a sheet a co-author adds while the write is retried is not written on, nor deleted', async () => {
    const excel = new ExcelDouble(workbook(5));
    const book = await readWorkbook(excel.context);
    const outputs = produce(book.sheets);
    const theirs = FakeSheet.from('Råderum', [['Min egen analyse']]);
    const before = theirs.snapshot();
    let fired = false;
    // The first batch fails before anything ran; meanwhile someone else adds Råderum.
    excel.failWhen = () => {
      if (fired) return undefined;
      fired = true;
      excel.sheets.push(theirs);
      return { code: 'GeneralException', message: 'Excel siger nej' };
    };
    const error = await writeSheets(excel.context, outputs, { support, workbook: book }).then(
      () => undefined,
      (e: { code?: string }) => e.code,
    );
    expect(error).toBe('ItemAlreadyExists');
    expect(excel.sheet('Råderum')?.snapshot()).toBe(before);
    expect(excel.sheets.map((s) => s.name)).toEqual([...inputNames, 'Råderum']);
  });

  test("a table name that differs from a user's only in its Unicode form (NFD å) is said before anything is written", async () => {
    const sheets = workbook(5);
    sheets[2].set(10, 0, 'x');
    sheets[2].tables.push({ name: 'Tabel_å'.normalize('NFD'), row: 10, column: 0, rowCount: 2, columnCount: 1 });
    const excel = new ExcelDouble(sheets);
    const book = await readWorkbook(excel.context);
    const output: OutputSheet = {
      ...produce(book.sheets)[0],
    };
    output.tables = [{ ...output.tables[0], name: 'TABEL_Å' }];
    excel.log = [];
    const error = await writeSheets(excel.context, [output], { support, workbook: book }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failure(error)).toBe('other');
    expect((error as Error).message).toContain('bruges allerede på arket Noter');
    expect(excel.log.filter((o) => o.writes)).toEqual([]);
  });

  test('the template adds only the sheets the workbook lacks', async () => {
    const excel = new ExcelDouble([FakeSheet.from('Scenarier', [['Parameter', 'Mit scenarie']])]);
    const before = excel.sheet('Scenarier')!.snapshot();
    const book = await readWorkbook(excel.context);
    const { templateSheets } = await import('../../src/workbook/template');
    await writeSheets(excel.context, templateSheets(2027), { support, workbook: book, addOnly: true });
    expect(excel.sheets.map((s) => s.name)).toEqual(['Scenarier', 'Forslag']);
    expect(excel.sheet('Scenarier')!.snapshot()).toBe(before);
    expect(excel.sheet('Forslag')!.get(1, 0)?.value).toBe('EBU 1');
  });
});

const withoutIds = (snapshot: string | undefined) => snapshot?.replace(/"id":"[^"]*",/, '');

describe('cell edit mode', () => {
  test('a run waits for the edit (delayForCellEdit) and completes', async () => {
    const excel = new ExcelDouble(workbook(5));
    excel.cellEditMode = true;
    expect(await runInHost(excel)).toBeUndefined();
    expect(excel.sheet('Resultat')!.get(0, 0)?.value).toBe('Resultat');
  });

  test('where Excel refuses run options, the plain run says editMode', async () => {
    const excel = new ExcelDouble(workbook(5));
    excel.cellEditMode = true;
    excel.runOptionsSupported = false;
    const before = excel.sheets.map((s) => s.snapshot());
    expect(failure(await runInHost(excel))).toBe('editMode');
    expect(excel.sheets.map((s) => s.snapshot())).toEqual(before);
  });
});

describe('faults in Excel: a sync that throws at each step of a run', () => {
  const faults: [string, string, HostFailure][] = [
    ['a protected sheet', 'AccessDenied', 'protected'],
    ['edit mode', 'InvalidOperationInCellEditMode', 'editMode'],
    ['payload too large', 'RequestPayloadSizeLimitExceeded', 'tooLarge'],
    ['a general exception', 'GeneralException', 'other'],
    ['an arbitrary error', 'ItemNotFound', 'other'],
  ];

  /** Every operation of a clean run, numbered: the steps a fault can hit. */
  async function steps(start: () => ExcelDouble): Promise<number> {
    const excel = start();
    excel.log = [];
    await runInHost(excel);
    return excel.log.length;
  }

  // Each step starts from a copy of one workbook built (and, for a rerun, run) once.
  const copyOf = (sheets: FakeSheet[]) => () => new ExcelDouble(sheets.map((s) => s.copy()));
  const fresh = copyOf(workbook(3));
  let rerun: () => ExcelDouble = () => {
    throw new Error('not ready');
  };
  beforeAll(async () => {
    const excel = new ExcelDouble(workbook(3));
    await run(excel);
    excel.sheet('Forslag')!.set(1, 5, -999_999); // so the new results differ from the old
    rerun = copyOf(excel.sheets);
  });

  /** The output sheets as a run without faults leaves them. */
  async function complete(start: () => ExcelDouble): Promise<(string | undefined)[]> {
    const excel = start();
    await runInHost(excel);
    return snapshots(excel, OUTPUT_SHEETS).map(withoutIds);
  }

  test.each([
    ['on a workbook without output sheets', () => fresh()],
    ['on a workbook with earlier output', () => rerun()],
  ])(
    '%s: the right failure, the user sheets as they were, no output sheet that looks complete',
    async (_, start) => {
      const count = await steps(start);
      const done = await complete(start);
      expect(count).toBeGreaterThan(50);
      for (const [, code, expected] of faults)
        for (let step = 0; step < count; step++) {
          const excel = start();
          const inputs = snapshots(excel, inputNames);
          const outputs = snapshots(excel, OUTPUT_SHEETS);
          let seen = 0;
          // From this step on, every operation fails (a fault that lasts, through retries and recovery).
          excel.failWhen = () => (seen++ >= step ? { code, message: 'Excel siger nej' } : undefined);
          const error = await runInHost(excel);
          const where = `${code} at step ${step}`;
          expect([where, failure(error)]).toEqual([where, expected]);
          expect([where, snapshots(excel, inputNames)]).toEqual([where, inputs]);
          OUTPUT_SHEETS.forEach((name, i) => {
            const now = excel.sheet(name);
            const state =
              now?.snapshot() === outputs[i] || (!now && outputs[i] === undefined)
                ? 'as before'
                : now?.get(0, 0)?.value === INCOMPLETE_BANNER
                  ? 'banner'
                  : withoutIds(now?.snapshot()) === done[i]
                    ? 'complete'
                    : outputs[i] === undefined &&
                        [...now!.cells.values()].every((row) => [...row.values()].every((c) => c.value === ''))
                      ? 'added, empty'
                      : `looks complete but is not: ${now?.get(0, 0)?.value}`;
            expect([where, name, state]).toEqual([
              where,
              name,
              expect.stringMatching(/^(as before|banner|complete|added, empty)$/),
            ]);
          });
        }
    },
    // Every operation of a run is a step; the layout (styles, panes, page setup) made the run ~95 s on 2 busy cores.
    300_000,
  );

  test('a passing payload error or GeneralException at any step of the write is retried in smaller blocks', async () => {
    const count = await steps(rerun);
    const reading = rerun();
    reading.log = [];
    await readWorkbook(reading.context);
    const readSteps = reading.log.length;
    const done = await complete(rerun);
    for (const [, code] of faults.filter(([, c]) => c === 'RequestPayloadSizeLimitExceeded' || c === 'GeneralException'))
      for (let step = readSteps; step < count; step++) {
        const excel = rerun();
        let seen = 0;
        excel.failWhen = () => (seen++ === step ? { code, message: 'Excel siger nej' } : undefined);
        const error = await runInHost(excel);
        const where = `${code} once at step ${step}`;
        expect([where, error]).toEqual([where, undefined]);
        expect([where, snapshots(excel, OUTPUT_SHEETS).map(withoutIds)]).toEqual([where, done]);
      }
  }, 300_000);
});

describe('errors are told by code, never by a message Excel localises', () => {
  test.each([
    ['AccessDenied', 'Vous ne pouvez pas effectuer cette opération.', 'protected'],
    ['InvalidOperationInCellEditMode', 'Excel est en mode édition.', 'editMode'],
    ['GeneralException', 'The sheet is protected', 'other'],
    ['', 'This worksheet is protected', 'other'],
  ] as const)('%s "%s" is %s', (code, message, expected) => {
    expect(hostError(Object.assign(new Error(message), code ? { code } : {})).failure).toBe(expected);
  });

  test('a HostError passes through unchanged', () => {
    const error = new HostError('tooLarge', 'Resultat, række 7');
    expect(hostError(error)).toBe(error);
  });
});

describe('dates', () => {
  /** Three proposals; F-1's Udgift 2027 (F2) holds a serial number in a date format. */
  function withDate(serial: number, format = 'dd-mm-yyyy'): FakeSheet[] {
    const sheets = workbook(3);
    Object.assign(sheets[0].get(1, 5)!, { value: serial, format });
    return sheets;
  }
  const place = { sheet: 'Forslag', row: 1, column: 5 };

  test('a date in an amount cell is read as the ISO date Excel shows, and refused with its sheet and cell', async () => {
    const excel = new ExcelDouble(withDate(46054));
    const book = await readWorkbook(excel.context);
    expect(excel.syncs).toBe(2);
    expect(book.sheets[0].values[1][5]).toBe('2026-02-01');
    const run = runWorkbook(book.sheets);
    expect(run.results).toBeUndefined();
    expect(run.issues.find((i) => i.place && JSON.stringify(i.place) === JSON.stringify(place))).toBeDefined();
  });

  test('the same number in a number format is an amount', async () => {
    const book = await readWorkbook(new ExcelDouble(withDate(46054, '#,##0')).context);
    expect(book.sheets[0].values[1][5]).toBe(46054);
    expect(runWorkbook(book.sheets).results).toBeDefined();
  });

  test('a 1904 workbook: its serial numbers count from 1904-01-01 (told by DATE, in the names sync)', async () => {
    const excel = new ExcelDouble(withDate(46054 - 1462));
    excel.date1904 = true;
    const book = await readWorkbook(excel.context);
    expect(book.dateSystem).toBe(1904);
    expect(book.sheets[0].values[1][5]).toBe('2026-02-01');
    expect(excel.syncs).toBe(2);
  });

  test('read in blocks (the full read refused), a date is still a date', async () => {
    const excel = new ExcelDouble(withDate(60));
    let refused = false;
    excel.failWhen = (operation) => {
      if (operation.name !== 'range.load' || refused) return undefined;
      refused = true;
      return { code: 'GeneralException', message: 'An internal error has occurred.' };
    };
    const book = await readWorkbook(excel.context);
    expect(excel.syncs).toBeGreaterThan(3);
    expect(book.sheets[0].values[1][5]).toBe('1900-02-29');
  });

  test('errors, booleans and empty cells reach the workbook layer as the .xlsx adapter gives them', async () => {
    const sheets = workbook(3);
    sheets[2].set(3, 0, '#DIV/0!');
    sheets[2].set(3, 1, true);
    sheets[2].set(3, 3, '#N/A');
    const book = await readWorkbook(new ExcelDouble(sheets).context);
    const noter = book.sheets.find((s) => s.name === 'Noter')!;
    expect(noter.values[3]).toEqual([{ error: '#DIV/0!' }, true, null, { error: '#N/A' }]);
  });
});
