/**
 * The Office.js adapter draws an output sheet's layout (src/workbook/output.ts: rowStyles, frozen, page) on the
 * Excel double as Excel would hold it: styled rows, frozen panes, page setup; a second run replaces what the
 * first drew; a host without the requirement sets writes the sheets without what it cannot draw.
 */
import {
  apiSupport,
  joinedMargin,
  readWorkbook,
  withinLimit,
  writeSheets,
  type ApiSupport,
} from '../../src/office/excel-adapter';
import { PAYLOAD_LIMIT_BYTES } from '../../src/office/payload';
import { LINE_HEIGHT_POINTS, ROW_STYLES, type OutputSheet, type RowStyle } from '../../src/workbook/output';
import { runWorkbook } from '../../src/workbook/run';
import { ExcelDouble, FakeSheet, MAX_HEADER_FOOTER, minor, type FakePage, FULL_SUPPORT } from './excel-double';

const ALL = FULL_SUPPORT;
const COLUMNS = 5;

/** An output sheet of `rows` rows and five columns, its layout given by `layout`. */
function outputSheet(rows = 12, layout: Partial<OutputSheet> = {}): OutputSheet {
  const values = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: COLUMNS }, (_, c) => (c === 0 ? (r === 0 ? 'Resultat' : `Række ${r}`) : c < 3 ? r * 10 + c : null)),
  );
  return {
    name: 'Resultat',
    values,
    formats: values.map((row) => row.map((v) => (v === null ? 'General' : typeof v === 'number' ? '#,##0' : '@'))),
    boldRows: [],
    tables: [],
    columnWidths: Array.from({ length: COLUMNS }, () => 12),
    ...layout,
  };
}

const LAYOUT: Partial<OutputSheet> = {
  rowStyles: [
    { row: 0, style: 'title' },
    { row: 3, style: 'header', lines: 3 },
    { row: 4, style: 'band' },
    { row: 7, style: 'subtotal' },
    { row: 9, style: 'total' },
  ],
  frozen: { rows: 4, columns: 2 },
  page: {
    titleRows: { first: 0, last: 3 },
    header: { left: '&F', center: 'Resultat – Basis && Delvis', right: 'Kørt 2026-11-23' },
    footer: { left: '', center: 'Side &P af &N', right: '&A' },
    breaksBefore: [6, 9],
  },
};

const noBook = { sheetNames: [], tables: [], protectedSheets: [] };

async function write(excel: ExcelDouble, output: OutputSheet, support = ALL) {
  const book = await readWorkbook(excel.context);
  return writeSheets(excel.context, [output], { support, workbook: book });
}

/** A cell's look as the double holds it (value and number format aside). */
const look = (sheet: FakeSheet, row: number, column: number) => {
  const cell = sheet.get(row, column);
  return {
    bold: cell?.bold ?? false,
    size: cell?.size,
    fill: cell?.fill,
    top: cell?.borders?.EdgeTop,
    bottom: cell?.borders?.EdgeBottom,
    wrap: cell?.wrap ?? false,
  };
};

const PLAIN = { bold: false, size: undefined, fill: undefined, top: undefined, bottom: undefined, wrap: false };

/** What ROW_STYLES says a cell of a row in `style` looks like, as Excel holds it. */
const expectedLook = (style: RowStyle) => {
  const s = ROW_STYLES[style];
  const line = (l?: 'thin' | 'double') =>
    l === 'thin' ? { style: 'Continuous', weight: 'Thin' } : l === 'double' ? { style: 'Double', weight: 'Thin' } : undefined;
  return {
    bold: s.bold,
    size: s.size,
    fill: s.fill && `#${s.fill}`,
    top: line(s.borderTop),
    bottom: line(s.borderBottom),
    wrap: s.wrap ?? false,
  };
};

describe('styled rows', () => {
  test('each styled row is drawn from column A to the last column as ROW_STYLES says; the next column is not', async () => {
    const excel = new ExcelDouble([]);
    await write(excel, outputSheet(12, LAYOUT));
    const sheet = excel.sheet('Resultat')!;
    for (const { row, style } of LAYOUT.rowStyles!) {
      for (let c = 0; c < COLUMNS; c++) expect([row, c, look(sheet, row, c)]).toEqual([row, c, expectedLook(style)]);
      expect(look(sheet, row, COLUMNS)).toEqual(PLAIN);
    }
    // A row with no style: no fill, no border, not bold.
    expect(look(sheet, 5, 1)).toEqual(PLAIN);
    // The total's double line and the header's fill, as Excel holds them.
    expect(sheet.get(9, 4)?.borders?.EdgeBottom?.style).toBe('Double');
    expect(sheet.get(3, 4)?.fill).toBe('#D9E1F2');
  });

  test('a row with lines gets lines × 15 points; the others keep the standard height; at most 409 points', async () => {
    const excel = new ExcelDouble([]);
    await write(
      excel,
      outputSheet(12, {
        rowStyles: [
          { row: 3, style: 'header', lines: 3 },
          { row: 6, style: 'header', lines: 40 },
        ],
      }),
    );
    expect([...excel.sheet('Resultat')!.rowHeights]).toEqual([
      [3, 3 * LINE_HEIGHT_POINTS],
      [6, 409],
    ]);
  });

  test('the values written after the formats keep them (the title replaces the banner last)', async () => {
    const excel = new ExcelDouble([]);
    await write(excel, outputSheet(12, LAYOUT));
    const a1 = excel.sheet('Resultat')!.get(0, 0)!;
    expect([a1.value, a1.bold, a1.size]).toEqual(['Resultat', true, 14]);
  });
});

describe('frozen panes', () => {
  test.each([
    [
      { rows: 4, columns: 2 },
      { rows: 4, columns: 2 },
    ],
    [
      { rows: 4, columns: 0 },
      { rows: 4, columns: 0 },
    ],
    [
      { rows: 0, columns: 2 },
      { rows: 0, columns: 2 },
    ],
    [{ rows: 0, columns: 0 }, undefined],
  ])('frozen %j: Excel keeps %j in view', async (frozen, expected) => {
    const sheet = FakeSheet.from('Resultat', [['Resultat'], ['Skrevet af Råderum']]);
    sheet.frozen = { rows: 1, columns: 7 }; // a previous run's (or the user's) panes
    const excel = new ExcelDouble([sheet]);
    await write(excel, outputSheet(12, { frozen }));
    expect(excel.sheet('Resultat')!.frozen).toEqual(expected);
  });
});

describe('page setup', () => {
  test('A4 landscape, one page wide and any number tall, title rows, header and footer parts, page breaks', async () => {
    const excel = new ExcelDouble([]);
    await write(excel, outputSheet(12, LAYOUT));
    const expected: FakePage = {
      orientation: 'Landscape',
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: '$1:$4',
      headerFooterState: 'Default',
      header: LAYOUT.page!.header,
      footer: LAYOUT.page!.footer,
      breaks: [6, 9],
    };
    expect(excel.sheet('Resultat')!.page).toEqual(expected);
  });

  test('no title rows: none set; a break before the first row is no break', async () => {
    const excel = new ExcelDouble([]);
    await write(excel, outputSheet(12, { page: { ...LAYOUT.page!, titleRows: undefined, breaksBefore: [0, 5, 5] } }));
    const page = excel.sheet('Resultat')!.page;
    expect([page.printTitleRows, page.breaks]).toEqual(['', [5]]);
  });

  test('a header over 255 characters is cut in its longest part, never inside a code, and the sheet is written', async () => {
    const scenarios = Array.from({ length: 40 }, (_, i) => `Scenarie ${i + 1} && co`).join(', ');
    const header = { left: '&F', center: scenarios, right: 'Side &P' };
    const fitted = withinLimit(header);
    expect(joinedMargin(fitted).length).toBeLessThanOrEqual(MAX_HEADER_FOOTER);
    expect(fitted.left).toBe('&F');
    expect(fitted.right).toBe('Side &P');
    expect(fitted.center.endsWith('…')).toBe(true);
    expect(/(^|[^&])(&&)*&…$/.test(fitted.center)).toBe(false);
    expect(withinLimit(LAYOUT.page!.header)).toEqual(LAYOUT.page!.header);

    const excel = new ExcelDouble([]);
    await write(excel, outputSheet(12, { page: { ...LAYOUT.page!, header } }));
    expect(excel.sheet('Resultat')!.page.header).toEqual(fitted);
    expect(excel.sheet('Resultat')!.get(0, 0)?.value).toBe('Resultat');
  });
});

/** Everything of the sheet but its id. */
const withoutId = (sheet: FakeSheet) => sheet.snapshot().replace(/"id":"[^"]*",/, '');

describe('a second run replaces what the first drew', () => {
  test('breaks, panes, heights and styles of the first run are gone; the sheet is as if written once', async () => {
    const first = outputSheet(14, LAYOUT);
    const second = outputSheet(20, {
      rowStyles: [
        { row: 0, style: 'title' },
        { row: 5, style: 'header', lines: 2 },
        { row: 12, style: 'total' },
      ],
      frozen: { rows: 6, columns: 1 },
      page: { ...LAYOUT.page!, titleRows: { first: 5, last: 5 }, breaksBefore: [11, 16] },
    });
    const excel = new ExcelDouble([]);
    await write(excel, first);
    await write(excel, second);
    const once = new ExcelDouble([]);
    await write(once, second);
    const sheet = excel.sheet('Resultat')!;
    expect(sheet.page.breaks).toEqual([11, 16]);
    expect(sheet.frozen).toEqual({ rows: 6, columns: 1 });
    expect([...sheet.rowHeights]).toEqual([[5, 30]]);
    expect(withoutId(sheet)).toBe(withoutId(once.sheet('Resultat')!));
  });

  test('the same output twice: the same sheet, no break twice', async () => {
    const excel = new ExcelDouble([]);
    await write(excel, outputSheet(12, LAYOUT));
    const before = excel.sheet('Resultat')!.snapshot();
    await write(excel, outputSheet(12, LAYOUT));
    expect(excel.sheet('Resultat')!.snapshot()).toBe(before);
    expect(excel.sheet('Resultat')!.page.breaks).toEqual([6, 9]);
  });
});

describe('hosts without the requirement sets', () => {
  /** The support Office.js reports on a host of ExcelApi up to `highest`. */
  function supportOn(highest: string): ApiSupport {
    const globals = globalThis as unknown as { Office: unknown };
    globals.Office = {
      context: { requirements: { isSetSupported: (_: string, version: string) => minor(version) <= minor(highest) } },
    };
    return apiSupport();
  }

  test('ExcelApi 1.8: the sheets, styles and panes are written, the page setup left out and reported', async () => {
    const excel = new ExcelDouble([]);
    excel.apiVersion = '1.8';
    const support = supportOn('1.8');
    expect(support).toEqual({
      suspendCalculation: true,
      suspendScreenUpdating: false,
      freezePanes: true,
      pageLayout: false,
      outline: false,
    });
    const report = await write(excel, outputSheet(12, LAYOUT), support);
    const sheet = excel.sheet('Resultat')!;
    expect(report.notDrawn).toEqual(['pageSetup']);
    expect(sheet.get(0, 0)?.value).toBe('Resultat');
    expect(look(sheet, 9, 2)).toEqual(expectedLook('total'));
    expect(sheet.frozen).toEqual({ rows: 4, columns: 2 });
    expect(sheet.page.orientation).toBe('Portrait');
  });

  test('ExcelApi 1.6: no panes either (nor the height reset, 1.7); the rest is written', async () => {
    const excel = new ExcelDouble([]);
    excel.apiVersion = '1.6';
    const report = await write(excel, outputSheet(12, LAYOUT), supportOn('1.6'));
    const sheet = excel.sheet('Resultat')!;
    expect(report.notDrawn).toEqual(['frozenPanes', 'pageSetup']);
    expect(sheet.frozen).toBeUndefined();
    expect(sheet.rowHeights.get(3)).toBe(45);
    expect(look(sheet, 3, 0)).toEqual(expectedLook('header'));
  });

  test('all sets: nothing reported', async () => {
    expect((await write(new ExcelDouble([]), outputSheet(12, LAYOUT), supportOn('1.17'))).notDrawn).toEqual([]);
  });
});

describe('round trips and request size', () => {
  test('the layout costs no sync: one write of a small sheet is one sync, as without it', async () => {
    for (const layout of [{}, LAYOUT]) {
      const excel = new ExcelDouble([]);
      await writeSheets(excel.context, [outputSheet(12, layout)], { support: ALL, workbook: noBook });
      expect([layout, excel.syncs]).toEqual([layout, 1]);
    }
  });

  test('a layout of many styled rows is counted in the request: no request over 5 MB, none refused', async () => {
    // 2.300 rows of 1.850 characters (4,4 MB, just under the block budget) and a total drawn on every row (1,4 MB more).
    const rows = 2300;
    const output = outputSheet(rows, {
      rowStyles: Array.from({ length: rows - 1 }, (_, r) => ({ row: r + 1, style: 'total' as const })),
    });
    output.values.forEach((row, r) => r > 0 && (row[3] = 'x'.repeat(1850)));
    output.formats.forEach((row, r) => r > 0 && (row[3] = '@'));
    const excel = new ExcelDouble([]);
    await writeSheets(excel.context, [output], { support: ALL, workbook: noBook });
    expect(excel.refusals).toEqual([]);
    expect(excel.maxRequestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    expect(excel.syncs).toBe(2);
    expect(look(excel.sheet('Resultat')!, rows - 1, 4)).toEqual(expectedLook('total'));
  });
});

describe('the layout outputSheets makes', () => {
  const YEARS = [2027, 2028, 2029, 2030];
  /** Proposals in three Udvalg, two scenarios. */
  function workbook(n: number): FakeSheet[] {
    const header = ['Nr', 'Titel', 'Udvalg', 'Art', 'Prioritet', ...YEARS.map((y) => `Udgift ${y}`)];
    const rows = Array.from({ length: n }, (_, i) => [
      `F-${i + 1}`,
      `Forslag ${i + 1} & co`,
      `Udvalg ${i % 3}`,
      i % 2 === 0 ? 'Udvidelse' : 'Reduktion',
      i % 2 === 0 ? (i % 5) + 1 : '',
      ...YEARS.map((_, t) => (i % 2 === 0 ? 400_000 + i : -(50_000 + 10 * i + t))),
    ]);
    return [
      FakeSheet.from('Forslag', [header, ...rows]),
      FakeSheet.from('Scenarier', [['Parameter', 'Basis', 'Stram'], ...YEARS.map((y) => [`Råderum ${y}`, 2_000_000, 500_000])]),
    ];
  }

  test('a whole run: every output sheet holds the panes, page setup, styled rows and heights laid out', async () => {
    const excel = new ExcelDouble(workbook(30));
    const book = await readWorkbook(excel.context);
    const run = runWorkbook(book.sheets);
    const outputs = run.results!.outputs;
    const report = await writeSheets(excel.context, outputs, { support: ALL, workbook: book });
    expect(report.notDrawn).toEqual([]);
    expect(excel.syncs).toBe(3);
    let styled = 0;
    for (const output of outputs) {
      const sheet = excel.sheet(output.name)!;
      const width = output.values[0].length;
      const frozen = output.frozen && (output.frozen.rows > 0 || output.frozen.columns > 0) ? output.frozen : undefined;
      expect([output.name, sheet.frozen]).toEqual([output.name, frozen]);
      if (output.page) {
        const { titleRows, header, footer, breaksBefore } = output.page;
        expect([output.name, sheet.page]).toEqual([
          output.name,
          {
            orientation: 'Landscape',
            paperSize: 'A4',
            zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
            printTitleRows: titleRows ? `$${titleRows.first + 1}:$${titleRows.last + 1}` : '',
            headerFooterState: 'Default',
            header: withinLimit(header),
            footer: withinLimit(footer),
            breaks: [...new Set(breaksBefore.filter((r) => r > 0))].sort((a, b) => a - b),
          },
        ]);
      }
      const heights = new Map<number, number>();
      for (const { row, style, lines } of output.rowStyles ?? []) {
        styled++;
        for (let c = 0; c < width; c++)
          expect([output.name, row, c, look(sheet, row, c)]).toEqual([output.name, row, c, expectedLook(style)]);
        if (lines) heights.set(row, Math.min(409, lines * LINE_HEIGHT_POINTS));
      }
      expect([output.name, [...sheet.rowHeights].sort(([a], [b]) => a - b)]).toEqual([
        output.name,
        [...heights].sort(([a], [b]) => a - b),
      ]);
    }
    // The layout is there to be drawn (a run with no styled rows would prove nothing).
    expect(styled).toBeGreaterThan(5);
    expect(outputs.every((o) => o.page && o.frozen)).toBe(true);
  });
});

describe('column groups (Resultat folds the parts of the netto)', () => {
  const FOLDED: Partial<OutputSheet> = { columnGroups: [{ first: 1, last: 2, collapsed: true }] };
  /** The folded sheet as Resultat writes it: its note says so, which tells the next run an outline is there. */
  const folded = (
    note: string | null = 'Udgift, Indtægt og Investering er foldet sammen: klik + over kolonnerne for at se dem.',
  ) => {
    const sheet = outputSheet(12, FOLDED);
    sheet.values[1][0] = note;
    return sheet;
  };

  test('the group is drawn, one level, and collapsed: its columns hidden, the others shown', async () => {
    const excel = new ExcelDouble([]);
    await write(excel, folded());
    const sheet = excel.sheet('Resultat')!;
    expect([...sheet.columnLevels]).toEqual([
      [1, 1],
      [2, 1],
    ]);
    expect([...sheet.hiddenColumns].sort()).toEqual([1, 2]);
  });

  test('a second run takes the first one’s outline out first: still one level, no second nested', async () => {
    const excel = new ExcelDouble([]);
    await write(excel, folded());
    const once = excel.sheet('Resultat')!.snapshot();
    await write(excel, folded());
    expect(excel.sheet('Resultat')!.snapshot()).toBe(once);
    expect(excel.sheet('Resultat')!.columnLevels.get(1)).toBe(1);
  });

  test('a sheet an older version wrote (no fold, no note) is grouped without an ungroup Excel would refuse', async () => {
    const excel = new ExcelDouble([]);
    await write(excel, outputSheet(12, {}));
    await write(excel, folded());
    expect(excel.sheet('Resultat')!.columnLevels.get(1)).toBe(1);
    // And back: a layout without groups on a folded sheet takes the outline out and shows the columns.
    await write(excel, outputSheet(12, { columnGroups: [] }));
    expect(excel.sheet('Resultat')!.columnLevels.size).toBe(0);
    expect(excel.sheet('Resultat')!.hiddenColumns.size).toBe(0);
  });

  test('a last batch that failed after grouping is retried without nesting a second level', async () => {
    const excel = new ExcelDouble([]);
    await write(excel, folded());
    let fired = false;
    excel.failWhen = (o) => {
      // After the group and the collapse, before the batch ends (the title replacing the banner).
      if (fired || o.name !== 'range.hideGroupDetails') return undefined;
      fired = true;
      return { code: 'GeneralException', message: 'Excel siger nej' };
    };
    await write(excel, folded());
    expect(fired).toBe(true);
    expect(excel.sheet('Resultat')!.columnLevels.get(1)).toBe(1);
    expect([...excel.sheet('Resultat')!.hiddenColumns].sort()).toEqual([1, 2]);
  });

  test('a sheet whose note says folded but holds no group (an older Excel wrote it, or a user ungrouped) is written', async () => {
    // An Excel without ExcelApi 1.10 writes the note but no group; then a newer one runs.
    const excel = new ExcelDouble([]);
    excel.apiVersion = '1.9';
    await write(excel, folded(), { ...ALL, outline: false });
    excel.apiVersion = '1.17';
    await write(excel, folded());
    expect(excel.sheet('Resultat')!.columnLevels.get(1)).toBe(1);
    expect([...excel.sheet('Resultat')!.hiddenColumns].sort()).toEqual([1, 2]);
    // A user takes the outline out by hand; the next run still writes, one level.
    excel.sheet('Resultat')!.columnLevels.clear();
    excel.sheet('Resultat')!.hiddenColumns.clear();
    const before = excel.syncs;
    await write(excel, folded());
    expect(excel.sheet('Resultat')!.columnLevels.get(1)).toBe(1);
    expect(excel.sheet('Resultat')!.get(0, 0)?.value).toBe('Resultat');
    // The refused ungroup costs syncs only then: the normal run is the read's and one write.
    expect(excel.syncs - before).toBeGreaterThan(3);
  });

  test('ExcelApi 1.9: no outline, reported; the rest is written', async () => {
    const excel = new ExcelDouble([]);
    excel.apiVersion = '1.9';
    const report = await write(excel, folded(), { ...ALL, outline: false });
    expect(report.notDrawn).toEqual(['columnGroups']);
    expect(excel.sheet('Resultat')!.columnLevels.size).toBe(0);
  });
});
