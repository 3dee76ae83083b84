/** The Excel double behaves as Excel is documented to, so the adapter's tests mean something. */
import { ExcelDouble, FakeSheet, MAX_READ_CELLS, type Checked, type Mirror, type OnlyMirrored } from './excel-double';

// The compiler holds the double to Excel's types: a member Excel lacks does not compile.
// @ts-expect-error Excel.Range has no `valuez`
export type Misnamed = Mirror<Excel.Range, 'valuez'>;
// @ts-expect-error Excel.Range.getRow takes a number
export const wrongArguments: Mirror<Excel.Range, 'getRow'> = { getRow: (_row: string) => ({}) };
// @ts-expect-error Excel.Range.rowCount is a number
export const wrongType: Mirror<Excel.Range, 'rowCount'> = { rowCount: '3' };
// @ts-expect-error Excel.RequestContext.sync gives a promise
export const wrongReturn: Mirror<Excel.RequestContext, 'sync'> = { sync: () => 'done' };
// And the other half: a public member of a double's class that it does not mirror (a helper left public, or a
// member Excel lacks) fails the check that excel-double.ts makes for each of its classes.
class LeakyRange implements Mirror<Excel.Range, 'rowCount'> {
  rowCount = 1;
  valuez = [[1]];
}
// @ts-expect-error LeakyRange has `valuez`, which it does not mirror
export type Leaky = Checked<OnlyMirrored<LeakyRange, 'rowCount'>>;

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'no error',
    (e: { code?: string }) => e.code,
  );

function excelWith(...sheets: FakeSheet[]) {
  const excel = new ExcelDouble(sheets.length ? sheets : [FakeSheet.from('Ark1', [['a']])]);
  return { excel, workbook: excel.context.workbook };
}

test('calls wait for sync; a property is there only after load and sync', async () => {
  const { excel, workbook } = excelWith();
  const range = workbook.worksheets.getItem('Ark1').getRange('A1');
  range.values = [['b']];
  expect(excel.sheet('Ark1')!.get(0, 0)?.value).toBe('a');
  const read = workbook.worksheets.getItem('Ark1').getRange('A1').load('values');
  expect(() => read.values).toThrow(/not available/);
  await excel.sync();
  expect(read.values).toEqual([['b']]);
});

test('a batch is not a transaction: what ran before the failing operation stays done', async () => {
  const { excel, workbook } = excelWith();
  const sheet = workbook.worksheets.getItem('Ark1');
  sheet.getRange('B1').values = [['først']];
  sheet.getRange('C1').values = [['x', 'y']]; // wrong shape
  sheet.getRange('D1').values = [['aldrig']];
  expect(await code(excel.sync())).toBe('InvalidArgument');
  expect(excel.sheet('Ark1')!.values({ row: 0, column: 1, rowCount: 1, columnCount: 3 })).toEqual([['først', '', '']]);
});

test.each(['=1+1', '+1', '-A1', '@SUM(A1)'])('the values setter takes %s as a formula in a General cell', async (text) => {
  const { excel, workbook } = excelWith();
  workbook.worksheets.getItem('Ark1').getRange('A2').values = [[text]];
  await excel.sync();
  expect(excel.sheet('Ark1')!.get(1, 0)?.formula).toBeDefined();
  expect(excel.sheet('Ark1')!.get(1, 0)?.value).not.toBe(text);
});

test.each(['=1+1', '+1', '-A1', '@SUM(A1)'])(
  '%s stays text with the text format set first, or a leading apostrophe',
  async (text) => {
    const { excel, workbook } = excelWith();
    const sheet = workbook.worksheets.getItem('Ark1');
    const formatted = sheet.getRange('A2');
    formatted.numberFormat = [['@']];
    formatted.values = [[text]];
    sheet.getRange('A3').values = [[`'${text}`]];
    // The format set after the value comes too late.
    const late = sheet.getRange('A4');
    late.values = [[text]];
    late.numberFormat = [['@']];
    await excel.sync();
    const cells = excel.sheet('Ark1')!;
    expect([cells.get(1, 0)?.value, cells.get(1, 0)?.formula]).toEqual([text, undefined]);
    expect([cells.get(2, 0)?.value, cells.get(2, 0)?.quotePrefix]).toEqual([text, true]);
    expect(cells.get(3, 0)?.formula).toBeDefined();
  },
);

test('a values array whose shape differs from the range is refused at sync with InvalidArgument; nothing is written', async () => {
  const { excel, workbook } = excelWith();
  const sheet = workbook.worksheets.getItem('Ark1');
  for (const rows of [[['x', 'y']], [['x'], ['y']], [['x', 'y'], ['z']], []]) {
    sheet.getRange('B2:D2').values = rows;
    expect([rows, await code(excel.sync())]).toEqual([rows, 'InvalidArgument']);
  }
  sheet.getRange('B2:C3').numberFormat = [['@', '@']];
  expect(await code(excel.sync())).toBe('InvalidArgument');
  expect(excel.sheet('Ark1')!.usedRange()).toEqual({ row: 0, column: 0, rowCount: 1, columnCount: 1 });
});

test('Excel refuses a sheet name that is blank, too long, has : \\ / ? * [ ], an apostrophe first or last, or is History', async () => {
  const { excel, workbook } = excelWith(FakeSheet.from('Noter', [['x']]));
  const refused = [
    '',
    ' ',
    'a'.repeat(32),
    'A:B',
    'A\\B',
    'A/B',
    'Ark?',
    'Ark*',
    'Ark[1',
    'Ark]1',
    "'Ark",
    "Ark'",
    'History',
    'HISTORY',
  ];
  for (const bad of refused) {
    workbook.worksheets.add(bad);
    expect([bad, await code(excel.sync())]).toEqual([bad, 'InvalidArgument']);
    workbook.worksheets.getItem('Noter').name = bad;
    expect([bad, await code(excel.sync())]).toEqual([bad, 'InvalidArgument']);
  }
  expect(excel.sheets.map((s) => s.name)).toEqual(['Noter']);
  // Allowed: an apostrophe inside, 31 characters, History as part of a name.
  for (const good of ["Kommunens' noter", 'b'.repeat(31), 'History 2']) {
    workbook.worksheets.add(good);
    expect([good, await code(excel.sync())]).toEqual([good, 'no error']);
  }
});

test('a sheet name is unique whatever its case: add and rename say ItemAlreadyExists; a sheet may change its own case', async () => {
  const { excel, workbook } = excelWith(FakeSheet.from('Noter', [['x']]), FakeSheet.from('Resultat', [['y']]));
  workbook.worksheets.add('NOTER');
  expect(await code(excel.sync())).toBe('ItemAlreadyExists');
  workbook.worksheets.getItem('Resultat').name = 'noter';
  expect(await code(excel.sync())).toBe('ItemAlreadyExists');
  workbook.worksheets.getItem('Resultat').name = 'RESULTAT';
  expect(await code(excel.sync())).toBe('no error');
  expect(excel.sheets.map((s) => s.name)).toEqual(['Noter', 'RESULTAT']);
});

test('a date is a serial number in values; only numberFormat tells it is a date; DATE tells the date system', async () => {
  const sheet = FakeSheet.from('Ark1', [['Udgift 2027']]);
  sheet.set(1, 0, 46054, 'dd-mm-yyyy');
  sheet.set(2, 0, 46054);
  const { excel, workbook } = excelWith(sheet);
  const range = workbook.worksheets.getItem('Ark1').getRange('A1:A3').load('values,numberFormat');
  const date = workbook.functions.date(1904, 1, 1).load('value');
  await excel.sync();
  expect(range.values).toEqual([['Udgift 2027'], [46054], [46054]]);
  expect(range.numberFormat).toEqual([['General'], ['dd-mm-yyyy'], ['General']]);
  expect(date.value).toBe(1462);
  const days = [workbook.functions.date(1900, 2, 28), workbook.functions.date(1900, 3, 1), workbook.functions.date(2026, 2, 1)];
  days.forEach((d) => d.load('value'));
  await excel.sync();
  // 60 is 1900-02-29, which Excel counts (Lotus 1-2-3's leap-year bug).
  expect(days.map((d) => d.value)).toEqual([59, 61, 46054]);
  excel.date1904 = true;
  const in1904 = workbook.functions.date(1904, 1, 1).load('value');
  await excel.sync();
  expect(in1904.value).toBe(0);
});

test('sheets: found whatever the case, names checked as Excel does', async () => {
  const { excel, workbook } = excelWith(FakeSheet.from('Råderum', [['x']]));
  const found = workbook.worksheets.getItem('RÅDERUM').load('name');
  await excel.sync();
  expect(found.name).toBe('Råderum');
  workbook.worksheets.add('råderum');
  expect(await code(excel.sync())).toBe('ItemAlreadyExists');
  workbook.worksheets.add('a'.repeat(31));
  expect(await code(excel.sync())).toBe('no error');
  for (const bad of ['a'.repeat(32), 'Ark[1]', 'A:B', 'Ark*', 'Ark?', 'A/B', 'A\\B', "'Ark"]) {
    workbook.worksheets.add(bad);
    expect([bad, await code(excel.sync())]).toEqual([bad, 'InvalidArgument']);
  }
});

test('table names are unique in the workbook, whatever the case', async () => {
  const first = FakeSheet.from('Ark1', [['Nr'], [1]]);
  first.tables.push({ name: 'Forslag', row: 0, column: 0, rowCount: 2, columnCount: 1 });
  const { excel, workbook } = excelWith(first, FakeSheet.from('Ark2', [['Nr'], [2]]));
  const table = workbook.worksheets.getItem('Ark2').tables.add('A1:A2', true);
  table.name = 'FORSLAG';
  expect(await code(excel.sync())).toBe('InvalidArgument');
  expect(excel.sheet('Ark2')!.tables.map((t) => t.name)).toEqual(['Table1']);
});

test('merged cells: the value stands in the top-left cell only', async () => {
  const sheet = FakeSheet.from('Ark1', [['a', 'b', 'c']]);
  sheet.merge({ row: 0, column: 0, rowCount: 1, columnCount: 2 });
  const { excel, workbook } = excelWith(sheet);
  const range = workbook.worksheets.getItem('Ark1').getRange('A1:C1').load('values');
  await excel.sync();
  expect(range.values).toEqual([['a', '', 'c']]);
});

test('past five million cells Range.values is null (a stray value in XFD1048576 is enough)', async () => {
  const sheet = FakeSheet.from('Ark1', [['a']]);
  sheet.set(1_048_575, 16_383, 'x');
  const { excel, workbook } = excelWith(sheet);
  const used = workbook.worksheets.getItem('Ark1').getUsedRangeOrNullObject(true).load('values,rowCount,columnCount');
  await excel.sync();
  expect(used.rowCount * used.columnCount).toBeGreaterThan(MAX_READ_CELLS);
  expect(used.values).toBeNull();
});

test('over 5 MB a request or response is refused; Excel on the web may say GeneralException instead', async () => {
  const { excel, workbook } = excelWith();
  const big = Array.from({ length: 2000 }, () => ['x'.repeat(3000)]);
  workbook.worksheets.getItem('Ark1').getRange('A1:A2000').values = big;
  expect(await code(excel.sync())).toBe('RequestPayloadSizeLimitExceeded');
  excel.generalExceptionOver = 1_000;
  workbook.worksheets.getItem('Ark1').getRange('A1:A2').values = [['x'.repeat(800)], ['y'.repeat(800)]];
  expect(await code(excel.sync())).toBe('GeneralException');
  expect(excel.refusals).toEqual(['RequestPayloadSizeLimitExceeded', 'GeneralException']);
});

test('a response over 5 MB is refused, counted never under Excel: a non-ASCII letter weighs 6 bytes (\\u00e5)', async () => {
  // 2.000 cells of 420 × "å": 1,7 MB in UTF-8, 5 MB escaped (with "General" for each cell's number format).
  const sheet = FakeSheet.from(
    'Ark1',
    Array.from({ length: 2000 }, () => ['å'.repeat(420)]),
  );
  const { excel, workbook } = excelWith(sheet);
  workbook.worksheets.getItem('Ark1').getRange('A1:A2000').load('values,numberFormat');
  expect(await code(excel.sync())).toBe('ResponsePayloadSizeLimitExceeded');
  expect(excel.maxResponseBytes).toBeGreaterThan(5_000_000);
  const half = workbook.worksheets.getItem('Ark1').getRange('A1:A1000').load('values');
  await excel.sync();
  expect(half.values.length).toBe(1000);
  expect(excel.refusals).toEqual(['ResponsePayloadSizeLimitExceeded']);
});

test('edit mode fails a batch unless the run waits for the edit', async () => {
  const { excel } = excelWith();
  excel.cellEditMode = true;
  expect(await code(excel.run((context) => context.sync()))).toBe('InvalidOperationInCellEditMode');
  expect(await code(excel.run({ delayForCellEdit: true }, (context) => context.sync()))).toBe('no error');
});

test('a protected sheet refuses writes with AccessDenied and says so', async () => {
  const sheet = FakeSheet.from('Ark1', [['a']]);
  sheet.protected = true;
  const { excel, workbook } = excelWith(sheet);
  const protection = workbook.worksheets.getItem('Ark1').protection.load('protected');
  await excel.sync();
  expect(protection.protected).toBe(true);
  workbook.worksheets.getItem('Ark1').getRange('A1').values = [['b']];
  expect(await code(excel.sync())).toBe('AccessDenied');
  expect(sheet.get(0, 0)?.value).toBe('a');
});

test('deleting a sheet breaks what pointed at it; renaming does not', async () => {
  const { excel, workbook } = excelWith(FakeSheet.from('Noter', [['x']]), FakeSheet.from('Resultat', [['y']]));
  const reference = excel.refer('Noter', 'Resultat');
  workbook.worksheets.getItem('Resultat').name = 'Resultat 2';
  await excel.sync();
  expect(reference.broken).toBeUndefined();
  workbook.worksheets.getItem('Resultat 2').delete();
  await excel.sync();
  expect(reference.broken).toBe(true);
});

test('tables cannot overlap (InvalidArgument); delete takes the cells with it, convertToRange keeps them', async () => {
  const sheet = FakeSheet.from('Ark1', [
    ['Nr', 'Titel'],
    [1, 'a'],
    [2, 'b'],
  ]);
  const { excel, workbook } = excelWith(sheet);
  const tables = workbook.worksheets.getItem('Ark1').tables;
  tables.add('A1:B3', true).name = 'Forslag';
  await excel.sync();
  tables.add('B2:C4', true);
  expect(await code(excel.sync())).toBe('InvalidArgument');
  expect(sheet.tables.map((t) => t.name)).toEqual(['Forslag']);

  tables.getItem('Forslag').convertToRange();
  await excel.sync();
  expect(sheet.tables).toEqual([]);
  expect(sheet.values({ row: 0, column: 0, rowCount: 3, columnCount: 2 })[2]).toEqual([2, 'b']);

  tables.add('A1:B3', true).name = 'FORSLAG';
  await excel.sync();
  tables.getItem('Forslag').delete();
  await excel.sync();
  expect(sheet.tables).toEqual([]);
  expect(sheet.usedRange()).toBeUndefined();
});

test('a table name is taken whatever its Unicode form (NFD å is å)', async () => {
  const first = FakeSheet.from('Ark1', [['Nr'], [1]]);
  first.tables.push({ name: 'Råderum'.normalize('NFD'), row: 0, column: 0, rowCount: 2, columnCount: 1 });
  const { excel, workbook } = excelWith(first, FakeSheet.from('Ark2', [['Nr'], [2]]));
  workbook.worksheets.getItem('Ark2').tables.add('A1:A2', true).name = 'RÅDERUM';
  expect(await code(excel.sync())).toBe('InvalidArgument');
});

test('a sheet is found by its id as by its name; the collection gives ids only when asked', async () => {
  const { excel, workbook } = excelWith(FakeSheet.from('Noter', [['x']]));
  const names = workbook.worksheets.load('items/name');
  await excel.sync();
  expect(() => names.items[0].id).toThrow(/not available/);
  const both = workbook.worksheets.load('items/name,items/id');
  await excel.sync();
  const id = both.items[0].id;
  expect(id).toBe(excel.sheet('Noter')!.id);
  const byId = workbook.worksheets.getItem(id).getRange('A1').load('values');
  await excel.sync();
  expect(byId.values).toEqual([['x']]);
});

describe('formats, panes and page setup as Excel documents them', () => {
  const sheetOf = () => excelWith(FakeSheet.from('Ark1', [['a', 'b']]));

  test('formats belong to cells (empty ones too), stay when a value arrives and go with clear("All"); heights stay', async () => {
    const { excel, workbook } = sheetOf();
    const range = workbook.worksheets.getItem('Ark1').getRange('A1:C1');
    range.format.fill.color = '#D9E1F2';
    range.format.font.bold = true;
    range.format.rowHeight = 30;
    await excel.sync();
    const sheet = excel.sheet('Ark1')!;
    expect([sheet.get(0, 2)?.fill, sheet.get(0, 2)?.bold, sheet.get(0, 2)?.value]).toEqual(['#D9E1F2', true, '']);
    expect(sheet.usedRange()).toEqual({ row: 0, column: 0, rowCount: 1, columnCount: 2 });
    workbook.worksheets.getItem('Ark1').getRange('C1').values = [['c']];
    await excel.sync();
    expect(sheet.get(0, 2)?.fill).toBe('#D9E1F2');
    workbook.worksheets.getItem('Ark1').getRange('A1:XFD1').clear('All');
    await excel.sync();
    expect(sheet.get(0, 2)).toBeUndefined();
    expect(sheet.rowHeights.get(0)).toBe(30);
    workbook.worksheets.getItem('Ark1').getRange('A:XFD').format.useStandardHeight = true;
    await excel.sync();
    expect(sheet.rowHeights.size).toBe(0);
  });

  test.each([
    ['a row height over 409 points', (ws: Excel.Worksheet) => (ws.getRange('A1').format.rowHeight = 410)],
    ['a negative row height', (ws: Excel.Worksheet) => (ws.getRange('A1').format.rowHeight = -1)],
    ['a colour without #', (ws: Excel.Worksheet) => (ws.getRange('A1').format.fill.color = 'D9E1F2')],
    ['a font size of 0', (ws: Excel.Worksheet) => (ws.getRange('A1').format.font.size = 0)],
    ['title rows that are not whole rows', (ws: Excel.Worksheet) => ws.pageLayout.setPrintTitleRows('A1:E3')],
    [
      'a zoom with both a scale and pages',
      (ws: Excel.Worksheet) => (ws.pageLayout.zoom = { scale: 90, horizontalFitToPages: 1 }),
    ],
    ['a zoom of neither', (ws: Excel.Worksheet) => (ws.pageLayout.zoom = {})],
    ['a scale of 5 %', (ws: Excel.Worksheet) => (ws.pageLayout.zoom = { scale: 5 })],
    ['half a page wide', (ws: Excel.Worksheet) => (ws.pageLayout.zoom = { horizontalFitToPages: 0.5 })],
    [
      'a header of 256 characters',
      (ws: Excel.Worksheet) =>
        ws.pageLayout.headersFooters.defaultForAllPages.set({ leftHeader: 'x'.repeat(251), rightHeader: 'y' }),
    ],
    ['a page break before row 1', (ws: Excel.Worksheet) => ws.horizontalPageBreaks.add('A1')],
  ])('%s: InvalidArgument, nothing changed', async (_, call) => {
    const { excel, workbook } = sheetOf();
    const before = excel.sheet('Ark1')!.snapshot();
    call(workbook.worksheets.getItem('Ark1'));
    expect(await code(excel.sync())).toBe('InvalidArgument');
    expect(excel.sheet('Ark1')!.snapshot()).toBe(before);
  });

  test('page layout: whole rows as title rows, fit to pages replaces a scale, a header of 255 characters holds', async () => {
    const { excel, workbook } = sheetOf();
    const layout = workbook.worksheets.getItem('Ark1').pageLayout;
    layout.setPrintTitleRows('$1:$3');
    layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    // &L, &R and 251 characters: 255.
    layout.headersFooters.defaultForAllPages.set({ leftHeader: 'x'.repeat(250), rightHeader: 'y' });
    layout.headersFooters.defaultForAllPages.set({ leftHeader: 'x'.repeat(250), rightHeader: 'y' });
    await excel.sync();
    const page = excel.sheet('Ark1')!.page;
    expect([page.printTitleRows, page.zoom, page.header.right]).toEqual([
      '$1:$3',
      { horizontalFitToPages: 1, verticalFitToPages: 0 },
      'y',
    ]);
  });

  test('page breaks: one a row, removePageBreaks takes them all', async () => {
    const { excel, workbook } = sheetOf();
    const breaks = workbook.worksheets.getItem('Ark1').horizontalPageBreaks;
    breaks.add('A10');
    breaks.add('C10');
    breaks.add('A5');
    await excel.sync();
    expect(excel.sheet('Ark1')!.page.breaks).toEqual([4, 9]);
    breaks.removePageBreaks();
    await excel.sync();
    expect(excel.sheet('Ark1')!.page.breaks).toEqual([]);
  });

  test('freeze panes: freezeAt takes the top-left pane (a whole-row range freezes every column); freezeRows only rows', async () => {
    const { excel, workbook } = sheetOf();
    const panes = workbook.worksheets.getItem('Ark1').freezePanes;
    panes.freezeAt('A1:B3');
    await excel.sync();
    expect(excel.sheet('Ark1')!.frozen).toEqual({ rows: 3, columns: 2 });
    panes.freezeRows(2);
    await excel.sync();
    expect(excel.sheet('Ark1')!.frozen).toEqual({ rows: 2, columns: 0 });
    panes.freezeAt('1:3');
    await excel.sync();
    expect(excel.sheet('Ark1')!.frozen).toEqual({ rows: 3, columns: 16_384 });
    panes.unfreeze();
    await excel.sync();
    expect(excel.sheet('Ark1')!.frozen).toBeUndefined();
  });

  test('a host without ExcelApi 1.9 fails page layout at sync with ApiNotFound; 1.7 has freeze panes', async () => {
    const { excel, workbook } = sheetOf();
    excel.apiVersion = '1.8';
    const ws = workbook.worksheets.getItem('Ark1');
    ws.freezePanes.freezeRows(1);
    await excel.sync();
    ws.pageLayout.orientation = 'Landscape';
    expect(await code(excel.sync())).toBe('ApiNotFound');
    ws.horizontalPageBreaks.removePageBreaks();
    expect(await code(excel.sync())).toBe('ApiNotFound');
    excel.apiVersion = '1.6';
    ws.freezePanes.unfreeze();
    expect(await code(excel.sync())).toBe('ApiNotFound');
    expect(excel.sheet('Ark1')!.frozen).toEqual({ rows: 1, columns: 0 });
  });
});

test.each(['30 %', '1-4', '1.300', '32,5', '2026-02-01', 'TRUE', 'falsk', '-5'])(
  'the values setter takes %s, text that looks like a number, date or truth value, as one in a General cell; text with "@" or an apostrophe',
  async (text) => {
    const { excel, workbook } = excelWith();
    const sheet = workbook.worksheets.getItem('Ark1');
    sheet.getRange('A2').values = [[text]];
    const formatted = sheet.getRange('A3');
    formatted.numberFormat = [['@']];
    formatted.values = [[text]];
    sheet.getRange('A4').values = [[`'${text}`]];
    await excel.sync();
    const cells = excel.sheet('Ark1')!;
    expect(typeof cells.get(1, 0)?.value).not.toBe('string');
    expect(cells.get(2, 0)?.value).toBe(text);
    expect(cells.get(3, 0)?.value).toBe(text);
  },
);

test.each(['Basis', 'EBU 1', 'K-2, EBU 1', '30 % af X', 'Lav caseload'])('%s stays text in a General cell', async (text) => {
  const { excel, workbook } = excelWith();
  workbook.worksheets.getItem('Ark1').getRange('A2').values = [[text]];
  await excel.sync();
  expect(excel.sheet('Ark1')!.get(1, 0)?.value).toBe(text);
});
