/**
 * A test double of the part of the Excel JavaScript API the adapter uses,
 * checked by the compiler against @types/office-js: every class declares the
 * members of the real Excel type it stands for (`implements Mirror<Excel.Range,
 * 'values' | …>`), so a member the real API lacks, or a method called with the
 * wrong arguments, fails `tsc` instead of passing a kind test.
 *
 * It behaves as Excel is documented to behave, not kinder:
 * - calls are queued until `context.sync()`; loaded properties exist only after it;
 * - a batch runs its operations in order and stops at the first that fails: what
 *   ran before stays done (Excel batches are not transactions);
 * - Excel on the web refuses requests and responses over 5 MB
 *   (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded; it may
 *   also answer GeneralException for a large request: `generalExceptionOver`);
 *   https://learn.microsoft.com/office/dev/add-ins/excel/performance (payload size limit);
 * - `Range.values` comes back null past five million cells (OfficeDev/office-js#4783,
 *   office-js-docs-pr#5821); a values array whose shape differs from the range is InvalidArgument;
 * - the `values` setter takes text starting with "=", "+", "-" (documented in
 *   Range.values, @types/office-js) or "@" as a formula. Text stays text when the
 *   cell's number format is Text ("@") when the value arrives (Microsoft Support,
 *   "Format numbers as text": apply the Text format before typing), or when it
 *   starts with an apostrophe, which Excel keeps as the cell's quote prefix, not
 *   in its value (Excel's entry rule; Office.js gives such a cell back without
 *   it, OfficeDev/office-js#6687);
 * - sheet names: looked up case-insensitively; not blank, at most 31 characters,
 *   none of [ ] : * ? / \, no apostrophe first or last, not History (InvalidArgument);
 *   unique whatever the case (ItemAlreadyExists); table names unique across the workbook;
 * - a date is a serial number in `values` (days since 1900-01-00, with Lotus's
 *   1900-02-29 as 60; or since 1904-01-01 in a 1904 workbook: `date1904`); only
 *   `numberFormat` tells it from a number, and DATE(…) tells the date system;
 * - merged cells hold their value in the top-left cell only;
 * - a cell in edit mode fails every batch with InvalidOperationInCellEditMode
 *   unless the run was made with `delayForCellEdit` (then it waits for the edit);
 * - a protected sheet refuses writes with AccessDenied and says `protection.protected`;
 * - a call from a requirement set the host lacks fails at sync with ApiNotFound (`apiVersion`: the
 *   highest ExcelApi set; freeze panes and useStandardHeight are 1.7, page layout and page breaks 1.9);
 * - formats (bold, font size, fill, borders, wrap) belong to cells, empty ones too, and go with
 *   `clear('All')`; a fill or border colour is #RRGGBB (RangeFill.color); a font size is 1–409;
 * - a row's height is in points, 0–409 (Excel's limit), and is not cleared with the cells;
 *   `useStandardHeight = true` gives rows the standard height back (false has no effect, as documented);
 * - freeze panes: `freezeAt(range)` freezes the rows and columns down to the range's bottom-right cell,
 *   `freezeRows(n)` / `freezeColumns(n)` freeze only rows / only columns (0 unfreezes), `unfreeze()`;
 * - page layout (ExcelApi 1.9): `zoom` is set whole, as an object: a scale of 10–400 or fit to pages
 *   (whole numbers, 0 = as many as needed), never both; `setPrintTitleRows` takes whole rows only
 *   ("$1:$3"), else InvalidArgument; a header or footer (its parts joined as &L…&C…&R…) holds at most
 *   255 characters (MS-OI29500 2.1.651, MS-XLSB 2.5.73); nothing of it is cleared with the cells;
 * - horizontal page breaks: a sheet's rows with a manual break before them (at most 1,026, Excel's
 *   limit; none before row 1); `removePageBreaks()` resets them all.
 * - tables: writing beside a table does not grow it (only Excel's own typing does: AutoCorrect's table
 *   expansion is a user-interface feature); `Table.resize` (ExcelApi 1.13) takes a range on the same header row
 *   that overlaps the table and no other; a table's header cell is never empty: one emptied or taken in
 *   blank is named as Excel names a new column (`Column3`);
 * - events (`worksheets.onChanged`, `onSelectionChanged`: ExcelApi 1.9): a handler added counts from the sync
 *   that adds it, and is called after a sync, never during one: for each sheet whose cells a sync wrote (with
 *   `triggerSource` 'ThisLocalAddin' from ExcelApi 1.14, none before), and for what the user does (`userEdits`,
 *   `userSelects`), with the sheet's id and the range's address, not its name.
 */
import type { ApiSupport } from '../../src/office/excel-adapter';
import { jsonBytes, PAYLOAD_LIMIT_BYTES } from '../../src/office/payload';

/** What the double's Excel (all requirement sets) supports, as the adapter's apiSupport() would report it. */
export const FULL_SUPPORT: ApiSupport = {
  suspendCalculation: true,
  suspendScreenUpdating: true,
  freezePanes: true,
  pageLayout: true,
  outline: true,
};

type Value = string | number | boolean;

/** An Excel object (or a list of them) stands as some object of the double; any other type as Excel's own. */
type AsDouble<R> = R extends OfficeExtension.ClientObject
  ? object
  : R extends OfficeExtension.ClientObject[]
    ? object[]
    : R extends Promise<infer P>
      ? Promise<AsDouble<P>>
      : R;

/**
 * The members K of Excel's type T as the double implements them: methods with
 * Excel's parameters and return type (an Excel object returned is the double's
 * own), plain properties with Excel's type, object properties as some object of
 * the double. K must be members of T: a misnamed one does not compile.
 */
export type Mirror<T, K extends keyof T> = {
  [P in K]: T[P] extends (...args: infer A) => infer R ? (...args: A) => AsDouble<R> : AsDouble<T[P]>;
};

/**
 * The other half of the check: every public member of the double's class D is
 * one of the K it mirrors (so one of Excel's). Gives `true`, or names the members
 * Excel lacks, which `Checked` refuses.
 */
export type OnlyMirrored<D, K extends PropertyKey> = [Exclude<keyof D, K>] extends [never]
  ? true
  : { notInExcel: Exclude<keyof D, K> };
/** Compiles only for `true`. */
export type Checked<T extends true> = T;

export const MAX_READ_CELLS = 5_000_000;
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

export interface FakeTable {
  name: string;
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
  style?: string;
}

/**
 * A chart on a sheet (ExcelApi 1.1), as Excel keeps one: a name that need not be unique (charts.getItem gives the
 * first of it), the cells its data came from (kept when those cells change or are cleared: Range.clear leaves
 * charts alone), its title and where it is drawn (the cells under its corners).
 */
export interface FakeChart {
  name: string;
  type: string;
  source: Area;
  seriesBy: string;
  title: string;
  position?: { start: string; end?: string };
}

export interface FakeBorder {
  style: string;
  weight: string;
}

/** A cell's look, kept when its value changes; `clear('All')` takes it with the cell. */
interface Look {
  bold?: boolean;
  size?: number;
  fill?: string;
  borders?: Partial<Record<'EdgeTop' | 'EdgeBottom', FakeBorder>>;
  wrap?: boolean;
}

interface Cell extends Look {
  value: Value;
  format: string;
  formula?: string;
  quotePrefix?: boolean;
}

const lookOf = ({ bold, size, fill, borders, wrap }: Look): Look =>
  JSON.parse(JSON.stringify({ bold, size, fill, borders, wrap })) as Look;

/** A printed header's or footer's three parts. */
export interface FakeMargin {
  left: string;
  center: string;
  right: string;
}

/** What the sheet prints with (PageLayout), none of it cleared with the cells. */
export interface FakePage {
  orientation: string;
  paperSize: string;
  zoom: Excel.PageLayoutZoomOptions;
  /** As Excel gives it: "$1:$3", or "" for none. */
  printTitleRows: string;
  headerFooterState: string;
  header: FakeMargin;
  footer: FakeMargin;
  /** Rows with a manual page break before them, in order. */
  breaks: number[];
}

const blankPage = (): FakePage => ({
  orientation: 'Portrait',
  paperSize: 'Letter',
  zoom: { scale: 100 },
  printTitleRows: '',
  headerFooterState: 'Default',
  header: { left: '', center: '', right: '' },
  footer: { left: '', center: '', right: '' },
  breaks: [],
});

/** Excel's limits: row height and font size in points, header or footer in characters, manual page breaks. */
export const MAX_ROW_HEIGHT = 409;
export const MAX_HEADER_FOOTER = 255;
export const MAX_PAGE_BREAKS = 1026;

/** A header or footer as one string, as Excel stores it (and counts it): only the sections that hold text. */
export const joinedMargin = (m: FakeMargin): string =>
  (m.left ? `&L${m.left}` : '') + (m.center ? `&C${m.center}` : '') + (m.right ? `&R${m.right}` : '');

type Area = { row: number; column: number; rowCount: number; columnCount: number };

const excelError = (code: string, message: string) => Object.assign(new Error(message), { code });

/** A table's header cell is never empty: Excel names an empty one as a new column (`Column3`, a number no header has). */
function nameBlankHeaders(sheet: FakeSheet): void {
  for (const table of sheet.tables) {
    const area = { row: table.row, column: table.column, rowCount: 1, columnCount: table.columnCount };
    const names = new Set(sheet.values(area)[0].map((v) => String(v).toUpperCase()));
    for (let c = table.column; c < table.column + table.columnCount; c++) {
      if ((sheet.get(table.row, c)?.value ?? '') !== '') continue;
      let n = c - table.column + 1;
      while (names.has(`COLUMN${n}`)) n++;
      names.add(`COLUMN${n}`);
      sheet.set(table.row, c, `Column${n}`);
    }
  }
}

/**
 * A table header written with a name another header of the table has (case aside) is renamed as Excel renames it:
 * the name with the first number from 2 that no header has ("Lav" → "Lav2"; SpreadJS's knowledge base, "Duplicate
 * column headers automatically renamed", describes Excel's rule). Cell by cell, in the order written.
 */
function uniqueHeader(sheet: FakeSheet, row: number, column: number): void {
  const table = sheet.tables.find((t) => t.row === row && column >= t.column && column < t.column + t.columnCount);
  const cell = sheet.get(row, column);
  if (!table || !cell || cell.value === '') return;
  const others = new Set<string>();
  for (let c = table.column; c < table.column + table.columnCount; c++)
    if (c !== column) others.add(String(sheet.get(row, c)?.value ?? '').toUpperCase());
  const name = String(cell.value);
  if (!others.has(name.toUpperCase())) return;
  let n = 2;
  while (others.has(`${name}${n}`.toUpperCase())) n++;
  cell.value = `${name}${n}`;
}

/** A column's letters (0 is A). */
const letters = (column: number): string => {
  let text = '';
  for (let c = column + 1; c > 0; c = Math.floor((c - 1) / 26)) text = String.fromCharCode(65 + ((c - 1) % 26)) + text;
  return text;
};

const overlaps = (a: Area, b: Area) =>
  a.row < b.row + b.rowCount &&
  b.row < a.row + a.rowCount &&
  a.column < b.column + b.columnCount &&
  b.column < a.column + a.columnCount;

/** Excel's rule: a sheet name is the same whatever its case (also for Æ, Ø, Å). */
const sameName = (a: string, b: string) => a.normalize('NFC').toUpperCase() === b.normalize('NFC').toUpperCase();

/**
 * Excel's rules for a sheet name ("Rename a worksheet", Microsoft Support): not
 * blank, at most 31 characters, none of / \\ ? * : [ ], not beginning or ending
 * with an apostrophe, and not History (reserved for the change history), in any
 * case. Office.js refuses such a name with InvalidArgument.
 */
export function checkSheetName(name: string): void {
  if (
    name.trim() === '' ||
    name.length > 31 ||
    /[[\]:*?/\\]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    sameName(name, 'History')
  )
    throw excelError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
}

let sheetIds = 0;

export class FakeSheet {
  /** Excel's worksheet id: what a formula, a defined name or a chart pointing at the sheet holds on to. */
  readonly id: string;
  cells = new Map<number, Map<number, Cell>>();
  tables: FakeTable[] = [];
  /** Deleted with the sheet; not cleared with its cells. */
  charts: FakeChart[] = [];
  merges: Area[] = [];
  columnWidths = new Map<number, number>();
  protected = false;
  tabColor = '';
  printArea = '';
  /** Rows of a height set, in points (others have the standard height). */
  rowHeights = new Map<number, number>();
  /** Rows and columns kept in view (freeze panes), or none. */
  frozen?: { rows: number; columns: number };
  page: FakePage = blankPage();
  /** Columns in an outline: their level (1–8; absent is 0), and the columns hidden (a collapsed group's, or by hand). */
  columnLevels = new Map<number, number>();
  hiddenColumns = new Set<number>();
  constructor(
    public name: string,
    id?: string,
  ) {
    this.id = id ?? `{sheet-${++sheetIds}}`;
  }

  /** The same sheet (id included), to start several tests from one workbook without building it again. */
  copy(): FakeSheet {
    const copy = new FakeSheet(this.name, this.id);
    copy.cells = new Map([...this.cells].map(([r, row]) => [r, new Map([...row].map(([c, cell]) => [c, { ...cell }]))]));
    copy.tables = this.tables.map((t) => ({ ...t }));
    copy.charts = this.charts.map((c) => ({ ...c, source: { ...c.source } }));
    copy.merges = this.merges.map((m) => ({ ...m }));
    copy.columnWidths = new Map(this.columnWidths);
    copy.rowHeights = new Map(this.rowHeights);
    copy.frozen = this.frozen && { ...this.frozen };
    copy.page = JSON.parse(JSON.stringify(this.page)) as FakePage;
    copy.columnLevels = new Map(this.columnLevels);
    copy.hiddenColumns = new Set(this.hiddenColumns);
    Object.assign(copy, { protected: this.protected, tabColor: this.tabColor, printArea: this.printArea });
    return copy;
  }

  static from(name: string, rows: (Value | null)[][]): FakeSheet {
    const sheet = new FakeSheet(name);
    rows.forEach((row, r) => row.forEach((v, c) => v !== null && v !== '' && sheet.set(r, c, v)));
    return sheet;
  }

  set(row: number, column: number, value: Value, format = 'General'): void {
    if (!this.cells.has(row)) this.cells.set(row, new Map());
    const existing = this.cells.get(row)!.get(column);
    this.cells.get(row)!.set(column, { value, format: existing?.format ?? format });
  }

  get(row: number, column: number): Cell | undefined {
    return this.cells.get(row)?.get(column);
  }

  /** Gives each cell of the area its look (an empty cell keeps a format too, as in Excel). */
  style(area: Area, apply: (cell: Cell) => void): void {
    for (let r = 0; r < area.rowCount; r++) {
      let row = this.cells.get(area.row + r);
      if (!row) this.cells.set(area.row + r, (row = new Map()));
      for (let c = 0; c < area.columnCount; c++) {
        let cell = row.get(area.column + c);
        if (!cell) row.set(area.column + c, (cell = { value: '', format: 'General' }));
        apply(cell);
      }
    }
  }

  /** Merges an area as Excel does: the top-left value stays, the others go. */
  merge(area: Area): void {
    for (let r = 0; r < area.rowCount; r++)
      for (let c = 0; c < area.columnCount; c++) if (r > 0 || c > 0) this.cells.get(area.row + r)?.delete(area.column + c);
    this.merges.push(area);
  }

  /** The bounding box of cells with values (Excel's used range, values only). */
  usedRange(): Area | undefined {
    let top = Infinity,
      left = Infinity,
      bottom = -1,
      right = -1;
    for (const [r, row] of this.cells)
      for (const [c, cell] of row)
        if (cell.value !== '') {
          top = Math.min(top, r);
          bottom = Math.max(bottom, r);
          left = Math.min(left, c);
          right = Math.max(right, c);
        }
    return bottom < 0 ? undefined : { row: top, column: left, rowCount: bottom - top + 1, columnCount: right - left + 1 };
  }

  values(area: Area): Value[][] {
    return Array.from({ length: area.rowCount }, (_, r) =>
      Array.from({ length: area.columnCount }, (_, c) => this.get(area.row + r, area.column + c)?.value ?? ''),
    );
  }

  /** Range.formulas: a formula cell's formula, another cell's value (as Excel gives them). */
  formulas(area: Area): Value[][] {
    return Array.from({ length: area.rowCount }, (_, r) =>
      Array.from({ length: area.columnCount }, (_, c) => {
        const cell = this.get(area.row + r, area.column + c);
        return cell?.formula ?? cell?.value ?? '';
      }),
    );
  }

  /** Puts a formula in a cell, with the result Excel would show (the double does not calculate). */
  setFormula(row: number, column: number, formula: string, result: Value): void {
    this.set(row, column, result);
    this.get(row, column)!.formula = formula;
  }

  /** The cells' number format codes; a cell never formatted is General. */
  formats(area: Area): string[][] {
    return Array.from({ length: area.rowCount }, (_, r) =>
      Array.from({ length: area.columnCount }, (_, c) => this.get(area.row + r, area.column + c)?.format ?? 'General'),
    );
  }

  clear(area: Area): void {
    for (const [r, row] of this.cells)
      if (r >= area.row && r < area.row + area.rowCount)
        for (const c of [...row.keys()]) if (c >= area.column && c < area.column + area.columnCount) row.delete(c);
  }

  /** Everything a user could see of the sheet, for byte-for-byte comparisons. */
  snapshot(): string {
    // Each cell's fields in one order, whatever order its value and look arrived in.
    const canonical = (value: unknown): unknown =>
      value !== null && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
              .map(([k, v]) => [k, canonical(v)]),
          )
        : value;
    const cells = [...this.cells]
      .sort(([a], [b]) => a - b)
      .map(([r, row]) => [r, [...row].sort(([a], [b]) => a - b).map(([c, cell]) => [c, canonical(cell)])]);
    return JSON.stringify({
      id: this.id,
      name: this.name,
      cells,
      tables: this.tables,
      charts: this.charts,
      merges: this.merges,
      widths: [...this.columnWidths],
      heights: [...this.rowHeights].sort(([a], [b]) => a - b),
      frozen: this.frozen,
      page: this.page,
      outline: [...this.columnLevels].sort(([a], [b]) => a - b),
      hidden: [...this.hiddenColumns].sort((a, b) => a - b),
      protected: this.protected,
      tabColor: this.tabColor,
      printArea: this.printArea,
    });
  }
}

export interface Operation {
  name: string;
  /** The sheet written, when the operation writes (known once it ran). */
  writes?: string;
  /** The cells it changed (values or contents cleared), once it ran: what onChanged reports. */
  changes?: SheetArea;
  requestBytes: number;
  run: () => void;
  responseBytes?: () => number;
}

export class PayloadError extends Error {
  constructor(readonly code: string) {
    super(`The ${code === 'RequestPayloadSizeLimitExceeded' ? 'request' : 'response'} payload size has exceeded the limit.`);
  }
}

/** A formula, defined name or chart on another sheet that points at a sheet (by its id, as Excel does). */
export interface Reference {
  from: string;
  sheetId: string;
  broken?: boolean;
}

export class ExcelDouble {
  sheets: FakeSheet[];
  references: Reference[] = [];
  syncs = 0;
  log: { name: string; writes?: string }[] = [];
  /** The largest request and response of any sync, refused ones included. */
  maxRequestBytes = 0;
  maxResponseBytes = 0;
  /** Syncs refused for their size, with Excel's code: a sync spent for nothing. */
  refusals: string[] = [];
  /** The user is editing a cell: batches fail unless the run waits for the edit (delayForCellEdit). */
  cellEditMode = false;
  /** The workbook counts days from 1904-01-01 (Excel's 1904 date system), not from 1900-01-00. */
  date1904 = false;
  /** Whether `Excel.run` takes a RunOptions object (older hosts refuse it). */
  runOptionsSupported = true;
  /** Excel on the web answers GeneralException, not a payload error, for requests above this size. */
  generalExceptionOver = Infinity;
  /** The highest ExcelApi requirement set the host supports; a call from a later one fails with ApiNotFound. */
  apiVersion = '1.17';
  /** Makes an operation throw when it runs, as Excel would (e.g. a cell in edit mode). */
  failWhen?: (operation: Operation) => { code: string; message: string } | undefined;
  /** Handlers added to `worksheets.onChanged` / `onSelectionChanged` (each takes effect at its sync). */
  changedHandlers = new Set<(args: Excel.WorksheetChangedEventArgs) => Promise<unknown>>();
  selectionHandlers = new Set<(args: Excel.WorksheetSelectionChangedEventArgs) => Promise<unknown>>();
  /** Handlers' promises not settled yet: `settled()` waits for them. */
  private pendingEvents: Promise<unknown>[] = [];
  private queue: Operation[] = [];
  private delayForCellEdit = false;
  readonly context: Excel.RequestContext;

  constructor(sheets: FakeSheet[]) {
    this.sheets = sheets;
    this.context = new RequestContext(this) as unknown as Excel.RequestContext;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => sameName(s.name, name));
  }

  /** Points a user's formula or defined name on `from` at the sheet `to`. */
  refer(from: string, to: string): Reference {
    const reference = { from, sheetId: this.sheet(to)!.id };
    this.references.push(reference);
    return reference;
  }

  enqueue(operation: Operation): void {
    this.queue.push(operation);
  }

  /** `Excel.run` as Office.js has it: with or without RunOptions, or in the context of an earlier batch (to remove handlers). */
  run<T>(
    optionsOrBatch: Excel.RunOptions | OfficeExtension.ClientRequestContext | ((context: Excel.RequestContext) => Promise<T>),
    maybeBatch?: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T> {
    if ((optionsOrBatch as unknown) === this.context) return this.run(maybeBatch!);
    const options = typeof optionsOrBatch === 'function' ? {} : (optionsOrBatch as Excel.RunOptions);
    const batch = typeof optionsOrBatch === 'function' ? optionsOrBatch : maybeBatch!;
    if (typeof optionsOrBatch !== 'function' && !this.runOptionsSupported)
      return Promise.reject(excelError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.'));
    this.delayForCellEdit = options.delayForCellEdit === true;
    this.queue = [];
    return batch(this.context).finally(() => {
      this.delayForCellEdit = false;
      this.queue = [];
    });
  }

  async sync(): Promise<void> {
    this.syncs++;
    const batch = this.queue;
    this.queue = [];
    if (this.cellEditMode) {
      // With delayForCellEdit the batch waits until the user leaves the cell; here the user does so at once.
      if (!this.delayForCellEdit)
        throw excelError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode. Please exit the edit mode.');
      this.cellEditMode = false;
    }
    const request = batch.reduce((a, o) => a + o.requestBytes + 60, 0);
    this.maxRequestBytes = Math.max(this.maxRequestBytes, request);
    if (request > PAYLOAD_LIMIT_BYTES) throw this.refuse(new PayloadError('RequestPayloadSizeLimitExceeded'));
    if (request > this.generalExceptionOver) throw this.refuse(excelError('GeneralException', 'An internal error has occurred.'));
    let response = 0;
    const loads: (() => void)[] = [];
    // The sheets whose cells the batch wrote, by id: their onChanged comes after the sync, for what ran.
    const changed = new Map<string, Area>();
    try {
      for (const operation of batch) {
        const failure = this.failWhen?.(operation);
        if (failure) throw excelError(failure.code, failure.message);
        operation.run();
        this.log.push({ name: operation.name, writes: operation.writes });
        if (operation.changes) changed.set(operation.changes.sheet.id, operation.changes);
        if (operation.responseBytes) loads.push(() => (response += operation.responseBytes!()));
      }
    } finally {
      const own = minor(this.apiVersion) >= 14 ? { triggerSource: 'ThisLocalAddin' as const } : {};
      for (const [id, area] of changed) this.fireChanged(id, area, own);
    }
    loads.forEach((l) => l());
    this.maxResponseBytes = Math.max(this.maxResponseBytes, response);
    if (response > PAYLOAD_LIMIT_BYTES) throw this.refuse(new PayloadError('ResponsePayloadSizeLimitExceeded'));
  }

  /** The user types a value into a cell (no batch of the add-in's): the cell changes, onChanged follows. */
  userEdits(sheetName: string, row: number, column: number, value: Value | ''): void {
    const sheet = this.sheet(sheetName)!;
    if (value === '') sheet.cells.get(row)?.delete(column);
    else sheet.set(row, column, value);
    this.fireChanged(sheet.id, { row, column, rowCount: 1, columnCount: 1 }, { triggerSource: 'Unknown' });
  }

  /** The user selects cells (an address such as 'B5' or 'B5:C7'): onSelectionChanged follows. */
  userSelects(sheetName: string, address: string): void {
    const sheet = this.sheet(sheetName)!;
    for (const handler of [...this.selectionHandlers]) {
      const args = {
        type: 'WorksheetSelectionChanged',
        worksheetId: sheet.id,
        address,
      } as Excel.WorksheetSelectionChangedEventArgs;
      this.pendingEvents.push(Promise.resolve().then(() => handler(args)));
    }
  }

  /** Waits until every handler called so far has finished (its own batches included). */
  async settled(): Promise<void> {
    while (this.pendingEvents.length > 0) {
      const pending = this.pendingEvents;
      this.pendingEvents = [];
      await Promise.allSettled(pending);
    }
  }

  /** Calls the onChanged handlers after the current sync (a microtask later), as Excel raises events. */
  private fireChanged(id: string, area: Area, extra: { triggerSource?: 'ThisLocalAddin' | 'Unknown' }): void {
    for (const handler of [...this.changedHandlers]) {
      const args = {
        type: 'WorksheetChanged',
        worksheetId: id,
        address: `${letters(area.column)}${area.row + 1}:${letters(area.column + area.columnCount - 1)}${area.row + area.rowCount}`,
        changeType: 'RangeEdited',
        source: 'Local',
        ...extra,
      } as Excel.WorksheetChangedEventArgs;
      this.pendingEvents.push(Promise.resolve().then(() => handler(args)));
    }
  }

  private refuse(error: Error & { code: string }): Error {
    this.refusals.push(error.code);
    return error;
  }

  /** A call of requirement set ExcelApi `version` on a host that lacks it fails when its batch runs. */
  requires(version: string): void {
    if (minor(this.apiVersion) < minor(version))
      throw excelError('ApiNotFound', `The API you are trying to use could not be found (ExcelApi ${version}).`);
  }

  /** Checks a write to a sheet as Excel does: a protected sheet refuses it. */
  writable(sheet: FakeSheet): FakeSheet {
    if (sheet.protected) throw excelError('AccessDenied', 'You cannot perform the requested operation.');
    return sheet;
  }

  /** Table names are unique in a workbook, whatever their case (or Unicode form). */
  tableNameFree(name: string, except?: FakeTable): boolean {
    return !this.sheets.some((s) => s.tables.some((t) => t !== except && sameName(t.name, name)));
  }
}

const MAX_OUTLINE_LEVEL = 8;

class NotLoaded extends Error {
  code = 'PropertyNotLoaded';
}

/** Holds loaded properties; reading one before load + sync throws, as in Office.js. */
class Loadable {
  protected loaded: Record<string, unknown> = {};
  protected read<T>(key: string): T {
    if (!(key in this.loaded)) throw new NotLoaded(`The property '${key}' is not available. Load it and call sync.`);
    return this.loaded[key] as T;
  }
}

type LoadOption = string | string[] | OfficeExtension.LoadOption | { select?: string; expand?: string };
const wanted = (option?: LoadOption): string[] => {
  const select = (option as { select?: string | string[] } | undefined)?.select;
  const list = typeof option === 'string' ? option.split(',') : Array.isArray(option) ? option : select;
  return (typeof list === 'string' ? list.split(',') : (list ?? [])).map((p) => p.trim());
};

/** The double takes addresses as text only. */
const addressText = (address: string | Excel.Range): string => {
  if (typeof address !== 'string') throw new Error('the double takes addresses as text');
  return address;
};

const decode = (address: string): Area => {
  const cell = (a: string) => {
    const m = /^([A-Z]*)(\d*)$/.exec(a);
    if (!m) throw excelError('InvalidArgument', `bad address ${address}`);
    const column = m[1] ? [...m[1]].reduce((acc, ch) => acc * 26 + ch.charCodeAt(0) - 64, 0) - 1 : undefined;
    return { row: m[2] ? Number(m[2]) - 1 : undefined, column };
  };
  const [a, b = a] = address.split(':');
  const from = cell(a);
  const to = cell(b);
  const area = {
    row: from.row ?? 0,
    column: from.column ?? 0,
    rowCount: (to.row ?? MAX_ROWS - 1) - (from.row ?? 0) + 1,
    columnCount: (to.column ?? MAX_COLUMNS - 1) - (from.column ?? 0) + 1,
  };
  if (area.row + area.rowCount > MAX_ROWS || area.column + area.columnCount > MAX_COLUMNS)
    throw excelError('InvalidArgument', `bad address ${address}`);
  return area;
};

type RequestContextMembers = 'workbook' | 'sync';
class RequestContext implements Mirror<Excel.RequestContext, RequestContextMembers> {
  readonly workbook: Workbook;
  constructor(private readonly excel: ExcelDouble) {
    this.workbook = new Workbook(excel);
  }
  sync(): Promise<void> {
    return this.excel.sync();
  }
}

type WorkbookMembers = 'worksheets' | 'tables' | 'application' | 'functions';
class Workbook implements Mirror<Excel.Workbook, WorkbookMembers> {
  readonly worksheets: WorksheetCollection;
  readonly tables: TableCollection;
  readonly application: Application;
  readonly functions: Functions;
  constructor(excel: ExcelDouble) {
    this.worksheets = new WorksheetCollection(excel);
    this.tables = new TableCollection(excel, undefined);
    this.application = new Application(excel);
    this.functions = new Functions(excel);
  }
}

type FunctionsMembers = 'date';
/** Excel's worksheet functions; DATE only, which tells the workbook's date system. */
class Functions implements Mirror<Excel.Functions, FunctionsMembers> {
  constructor(private readonly excel: ExcelDouble) {}
  /** DATE(year, month, day) as Excel counts days: from 1899-12-31 (with 1900-02-29) or from 1904-01-01. */
  date(year: unknown, month: unknown, day: unknown): FunctionResult {
    let settle: (value: number) => void = () => undefined;
    const result = new FunctionResult((s) => (settle = s));
    this.excel.enqueue({
      name: 'functions.date',
      requestBytes: 80,
      run: () => {
        const utc = Date.UTC(Number(year), Number(month) - 1, Number(day));
        const days = this.excel.date1904
          ? (utc - Date.UTC(1904, 0, 1)) / 86_400_000
          : (utc - Date.UTC(1899, 11, 30)) / 86_400_000 - (utc < Date.UTC(1900, 2, 1) ? 1 : 0);
        settle(days);
      },
      responseBytes: () => 40,
    });
    return result;
  }
}

type FunctionResultMembers = 'value' | 'error' | 'load';
/** A function's result; DATE's is a number. */
class FunctionResult extends Loadable implements Mirror<Excel.FunctionResult<number>, FunctionResultMembers> {
  /** `settled` hands the function the way to give its result when the batch runs. */
  constructor(settled: (settle: (value: number) => void) => void) {
    super();
    settled((value) => Object.assign(this.loaded, { value, error: null }));
  }
  get value(): number {
    return this.read('value');
  }
  get error(): string {
    return this.read('error');
  }
  /** The result is loaded with the call (the double queues both as one). */
  load(_?: LoadOption): this {
    return this;
  }
}

type ApplicationMembers = 'suspendApiCalculationUntilNextSync' | 'suspendScreenUpdatingUntilNextSync';
class Application implements Mirror<Excel.Application, ApplicationMembers> {
  constructor(private readonly excel: ExcelDouble) {}
  suspendApiCalculationUntilNextSync(): void {
    this.excel.enqueue({ name: 'suspendApiCalculation', requestBytes: 40, run: () => this.excel.requires('1.6') });
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.excel.enqueue({ name: 'suspendScreenUpdating', requestBytes: 40, run: () => this.excel.requires('1.9') });
  }
}

type EventHandlersMembers = 'add' | 'remove';
/** A collection's handlers of one event (ExcelApi 1.9 for the worksheets' events): added and removed at a sync. */
class EventHandlers<T> implements Mirror<OfficeExtension.EventHandlers<T>, EventHandlersMembers> {
  constructor(
    private readonly excel: ExcelDouble,
    private readonly handlers: Set<(args: T) => Promise<unknown>>,
    private readonly version: string,
  ) {}
  add(handler: (args: T) => Promise<unknown>): EventHandlerResult<T> {
    this.excel.enqueue({
      name: 'event.add',
      requestBytes: 60,
      run: () => {
        this.excel.requires(this.version);
        this.handlers.add(handler);
      },
    });
    return new EventHandlerResult(this.excel, this, handler);
  }
  remove(handler: (args: T) => Promise<unknown>): void {
    this.excel.enqueue({ name: 'event.remove', requestBytes: 60, run: () => void this.handlers.delete(handler) });
  }
}

type EventHandlerResultMembers = 'context' | 'remove';
class EventHandlerResult<T> implements Mirror<OfficeExtension.EventHandlerResult<T>, EventHandlerResultMembers> {
  readonly context: OfficeExtension.ClientRequestContext;
  constructor(
    excel: ExcelDouble,
    private readonly handlers: EventHandlers<T>,
    private readonly handler: (args: T) => Promise<unknown>,
  ) {
    this.context = excel.context as unknown as OfficeExtension.ClientRequestContext;
  }
  remove(): void {
    this.handlers.remove(this.handler);
  }
}

type WorksheetCollectionMembers =
  'items' | 'load' | 'getItem' | 'getItemOrNullObject' | 'add' | 'onChanged' | 'onSelectionChanged';
class WorksheetCollection extends Loadable implements Mirror<Excel.WorksheetCollection, WorksheetCollectionMembers> {
  readonly onChanged: EventHandlers<Excel.WorksheetChangedEventArgs>;
  readonly onSelectionChanged: EventHandlers<Excel.WorksheetSelectionChangedEventArgs>;
  constructor(private readonly excel: ExcelDouble) {
    super();
    this.onChanged = new EventHandlers(excel, excel.changedHandlers, '1.9');
    this.onSelectionChanged = new EventHandlers(excel, excel.selectionHandlers, '1.9');
  }
  get items(): Worksheet[] {
    return this.read('items');
  }
  /** Loads the items' names, and their ids when asked ('items/id'). */
  load(option?: LoadOption): this {
    const withIds = wanted(option).includes('items/id');
    this.excel.enqueue({
      name: 'worksheets.load',
      requestBytes: 60,
      run: () =>
        (this.loaded.items = this.excel.sheets.map(
          (s) => new Worksheet(this.excel, () => s, s.name, false, withIds ? s.id : undefined),
        )),
      responseBytes: () => jsonBytes(this.excel.sheets.map((s) => s.name)),
    });
    return this;
  }
  /** By name or by id, as Excel's getItem. */
  getItem(key: string): Worksheet {
    return new Worksheet(this.excel, () => {
      const sheet = this.excel.sheets.find((s) => s.id === key) ?? this.excel.sheet(key);
      if (!sheet) throw excelError('ItemNotFound', `The requested resource doesn't exist.`);
      return sheet;
    });
  }
  getItemOrNullObject(key: string): Worksheet {
    return new Worksheet(this.excel, () => this.excel.sheet(key), undefined, true);
  }
  add(name?: string): Worksheet {
    let created: FakeSheet | undefined;
    const operation: Operation = { name: 'worksheets.add', writes: name, requestBytes: 60 + (name?.length ?? 0), run: () => {} };
    operation.run = () => {
      const sheetName = name ?? `Sheet${this.excel.sheets.length + 1}`;
      checkSheetName(sheetName);
      if (this.excel.sheet(sheetName)) throw excelError('ItemAlreadyExists', `The resource ${sheetName} already exists.`);
      created = new FakeSheet(sheetName);
      this.excel.sheets.push(created);
    };
    this.excel.enqueue(operation);
    return new Worksheet(this.excel, () => created);
  }
}

type WorksheetProtectionMembers = 'protected' | 'load';
class WorksheetProtection extends Loadable implements Mirror<Excel.WorksheetProtection, WorksheetProtectionMembers> {
  constructor(
    private readonly excel: ExcelDouble,
    private readonly resolve: () => FakeSheet | undefined,
  ) {
    super();
  }
  get protected(): boolean {
    return this.read('protected');
  }
  load(_?: LoadOption): this {
    this.excel.enqueue({
      name: 'protection.load',
      requestBytes: 60,
      run: () => {
        const sheet = this.resolve();
        if (!sheet) throw excelError('ItemNotFound', `The requested resource doesn't exist.`);
        this.loaded.protected = sheet.protected;
      },
      responseBytes: () => 30,
    });
    return this;
  }
}

type WorksheetMembers =
  | 'name'
  | 'id'
  | 'isNullObject'
  | 'load'
  | 'delete'
  | 'activate'
  | 'getUsedRange'
  | 'getUsedRangeOrNullObject'
  | 'getRange'
  | 'tables'
  | 'charts'
  | 'protection'
  | 'freezePanes'
  | 'pageLayout'
  | 'horizontalPageBreaks';
class Worksheet extends Loadable implements Mirror<Excel.Worksheet, WorksheetMembers> {
  readonly tables: TableCollection;
  readonly charts: ChartCollection;
  readonly protection: WorksheetProtection;
  readonly freezePanes: WorksheetFreezePanes;
  readonly pageLayout: PageLayout;
  readonly horizontalPageBreaks: PageBreakCollection;
  constructor(
    private readonly excel: ExcelDouble,
    private readonly resolve: () => FakeSheet | undefined,
    name?: string,
    private readonly nullable = false,
    id?: string,
  ) {
    super();
    if (name !== undefined) this.loaded.name = name;
    if (id !== undefined) this.loaded.id = id;
    this.tables = new TableCollection(excel, () => this.target());
    this.charts = new ChartCollection(excel, () => this.target());
    this.protection = new WorksheetProtection(excel, resolve);
    const write: SheetWrite = (name, requestBytes, version, apply) => {
      const operation: Operation = { name, requestBytes, run: () => {} };
      operation.run = () => {
        excel.requires(version);
        const sheet = excel.writable(this.target());
        operation.writes = sheet.name;
        apply(sheet);
      };
      excel.enqueue(operation);
    };
    this.freezePanes = new WorksheetFreezePanes(write);
    this.pageLayout = new PageLayout(write);
    this.horizontalPageBreaks = new PageBreakCollection(write);
  }
  private target(): FakeSheet {
    const sheet = this.resolve();
    if (!sheet) throw excelError('ItemNotFound', `The requested resource doesn't exist.`);
    return sheet;
  }
  get name(): string {
    return this.read('name');
  }
  set name(value: string) {
    const operation: Operation = { name: 'worksheet.name=', requestBytes: 60 + value.length, run: () => {} };
    operation.run = () => {
      const sheet = this.excel.writable(this.target());
      operation.writes = sheet.name;
      checkSheetName(value);
      if (this.excel.sheets.some((s) => s !== sheet && sameName(s.name, value)))
        throw excelError('ItemAlreadyExists', `The resource ${value} already exists.`);
      sheet.name = value;
    };
    this.excel.enqueue(operation);
  }
  get id(): string {
    return this.read('id');
  }
  get isNullObject(): boolean {
    return this.read('isNullObject');
  }
  load(_?: LoadOption): this {
    this.excel.enqueue({
      name: 'worksheet.load',
      requestBytes: 60,
      run: () => {
        const sheet = this.resolve();
        if (!sheet && !this.nullable) throw excelError('ItemNotFound', `The requested resource doesn't exist.`);
        this.loaded.isNullObject = !sheet;
        if (sheet) Object.assign(this.loaded, { name: sheet.name, id: sheet.id });
      },
      responseBytes: () => 60,
    });
    return this;
  }
  delete(): void {
    const operation: Operation = { name: 'worksheet.delete', requestBytes: 60, run: () => {} };
    operation.run = () => {
      const sheet = this.target();
      operation.writes = sheet.name;
      this.excel.sheets = this.excel.sheets.filter((s) => s !== sheet);
      // What pointed at the sheet now says #REF!.
      for (const reference of this.excel.references) if (reference.sheetId === sheet.id) reference.broken = true;
    };
    this.excel.enqueue(operation);
  }
  activate(): void {
    this.excel.enqueue({ name: 'worksheet.activate', requestBytes: 60, run: () => void this.target() });
  }
  /** A blank sheet's used range is A1 (it never fails). */
  getUsedRange(_valuesOnly?: boolean): Range {
    return new Range(this.excel, () => {
      const sheet = this.target();
      return { sheet, ...(sheet.usedRange() ?? { row: 0, column: 0, rowCount: 1, columnCount: 1 }) };
    });
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): Range {
    return new Range(
      this.excel,
      () => {
        const sheet = this.target();
        const used = sheet.usedRange();
        return used && { sheet, ...used };
      },
      true,
    );
  }
  /** Without an address: the whole sheet. */
  getRange(address?: string): Range {
    return new Range(this.excel, () => ({ sheet: this.target(), ...decode(address ?? 'A:XFD') }));
  }
}

/** Queues a change to a sheet (not to its cells), of requirement set ExcelApi `version`. */
type SheetWrite = (name: string, requestBytes: number, version: string, apply: (sheet: FakeSheet) => void) => void;

/** "1.17" → 17: requirement sets compare by their minor number (1.17 is after 1.9). */
export const minor = (version: string): number => Number(version.split('.')[1]);

const invalid = (message: string) => excelError('InvalidArgument', message);

/** An address or a range of the double, as the area it stands for on `sheet`. */
const areaOf = (address: string | Excel.Range): Area => decode(addressText(address).replace(/\$/g, ''));

type WorksheetFreezePanesMembers = 'freezeAt' | 'freezeRows' | 'freezeColumns' | 'unfreeze';
/** ExcelApi 1.7. */
class WorksheetFreezePanes implements Mirror<Excel.WorksheetFreezePanes, WorksheetFreezePanesMembers> {
  constructor(private readonly write: SheetWrite) {}
  /** The cells given are those of the top-left pane: frozen down to the range's bottom-right cell. */
  freezeAt(frozenRange: Excel.Range | string): void {
    const area = areaOf(frozenRange);
    this.write('freezePanes.freezeAt', 80, '1.7', (sheet) => {
      sheet.frozen = { rows: area.row + area.rowCount, columns: area.column + area.columnCount };
    });
  }
  /** Only rows: a column freeze goes (0 unfreezes). */
  freezeRows(count = 1): void {
    this.write('freezePanes.freezeRows', 60, '1.7', (sheet) => {
      if (!Number.isInteger(count) || count < 0 || count >= MAX_ROWS) throw invalid(`freezeRows(${count})`);
      sheet.frozen = count > 0 ? { rows: count, columns: 0 } : undefined;
    });
  }
  /** Only columns: a row freeze goes (0 unfreezes). */
  freezeColumns(count = 1): void {
    this.write('freezePanes.freezeColumns', 60, '1.7', (sheet) => {
      if (!Number.isInteger(count) || count < 0 || count >= MAX_COLUMNS) throw invalid(`freezeColumns(${count})`);
      sheet.frozen = count > 0 ? { rows: 0, columns: count } : undefined;
    });
  }
  unfreeze(): void {
    this.write('freezePanes.unfreeze', 60, '1.7', (sheet) => (sheet.frozen = undefined));
  }
}

const fitToPages = (n: number | undefined) => n === undefined || (Number.isInteger(n) && n >= 0 && n <= 32_767);

type PageLayoutMembers = 'orientation' | 'paperSize' | 'zoom' | 'headersFooters' | 'setPrintTitleRows';
/** ExcelApi 1.9. Its properties are set, never read back (the adapter does not load them). */
class PageLayout implements Mirror<Excel.PageLayout, PageLayoutMembers> {
  readonly headersFooters: HeaderFooterGroup;
  constructor(private readonly write: SheetWrite) {
    this.headersFooters = new HeaderFooterGroup(write);
  }
  set orientation(value: Excel.PageOrientation | 'Portrait' | 'Landscape') {
    this.write('pageLayout.orientation=', 60, '1.9', (sheet) => {
      if (value !== 'Portrait' && value !== 'Landscape') throw invalid(`orientation ${String(value)}`);
      sheet.page.orientation = value;
    });
  }
  get orientation(): Excel.PageOrientation | 'Portrait' | 'Landscape' {
    throw new NotLoaded('orientation');
  }
  set paperSize(value: Excel.PageLayout['paperSize']) {
    this.write('pageLayout.paperSize=', 60, '1.9', (sheet) => (sheet.page.paperSize = value));
  }
  get paperSize(): Excel.PageLayout['paperSize'] {
    throw new NotLoaded('paperSize');
  }
  /**
   * Set whole, as an object. A scale (10–400) or fit to pages, not both ("scale … can be null if fit to page
   * tall or wide is specified"); the one set replaces the other.
   */
  set zoom(value: Excel.PageLayoutZoomOptions) {
    const zoom = { ...value };
    this.write('pageLayout.zoom=', 60 + jsonBytes(zoom), '1.9', (sheet) => {
      const fit = zoom.horizontalFitToPages !== undefined || zoom.verticalFitToPages !== undefined;
      const scaled = zoom.scale !== undefined;
      if (fit === scaled) throw invalid(`zoom ${JSON.stringify(zoom)}: a scale or pages to fit to, one of them`);
      if (scaled && !(zoom.scale! >= 10 && zoom.scale! <= 400)) throw invalid(`zoom scale ${zoom.scale}`);
      if (!fitToPages(zoom.horizontalFitToPages) || !fitToPages(zoom.verticalFitToPages))
        throw invalid(`zoom ${JSON.stringify(zoom)}`);
      sheet.page.zoom = zoom;
    });
  }
  get zoom(): Excel.PageLayoutZoomOptions {
    throw new NotLoaded('zoom');
  }
  /** "The range must span the entire row to be valid." */
  setPrintTitleRows(printTitleRows: Excel.Range | string): void {
    const area = areaOf(printTitleRows);
    this.write('pageLayout.setPrintTitleRows', 60 + jsonBytes(printTitleRows), '1.9', (sheet) => {
      if (area.column !== 0 || area.columnCount !== MAX_COLUMNS) throw invalid(`title rows ${String(printTitleRows)}`);
      sheet.page.printTitleRows = `$${area.row + 1}:$${area.row + area.rowCount}`;
    });
  }
}

type HeaderFooterGroupMembers = 'defaultForAllPages' | 'state';
class HeaderFooterGroup implements Mirror<Excel.HeaderFooterGroup, HeaderFooterGroupMembers> {
  readonly defaultForAllPages: HeaderFooter;
  constructor(private readonly write: SheetWrite) {
    this.defaultForAllPages = new HeaderFooter(write);
  }
  set state(value: Excel.HeaderFooterGroup['state']) {
    this.write('headersFooters.state=', 60, '1.9', (sheet) => (sheet.page.headerFooterState = value));
  }
  get state(): Excel.HeaderFooterGroup['state'] {
    throw new NotLoaded('state');
  }
}

const MARGIN_PARTS = {
  leftHeader: ['header', 'left'],
  centerHeader: ['header', 'center'],
  rightHeader: ['header', 'right'],
  leftFooter: ['footer', 'left'],
  centerFooter: ['footer', 'center'],
  rightFooter: ['footer', 'right'],
} as const;

type HeaderFooterMembers = 'set';
/** The header and footer for all pages; its six parts set at once (`set`), each header or footer ≤ 255 characters. */
class HeaderFooter implements Mirror<Excel.HeaderFooter, HeaderFooterMembers> {
  constructor(private readonly write: SheetWrite) {}
  set(properties: Excel.Interfaces.HeaderFooterUpdateData | Excel.HeaderFooter): void {
    const parts = { ...(properties as Excel.Interfaces.HeaderFooterUpdateData) };
    this.write('headerFooter.set', 60 + jsonBytes(parts), '1.9', (sheet) => {
      const page = JSON.parse(JSON.stringify(sheet.page)) as FakePage;
      for (const [key, value] of Object.entries(parts)) {
        const place = MARGIN_PARTS[key as keyof typeof MARGIN_PARTS];
        if (!place || typeof value !== 'string') throw invalid(`header/footer ${key}`);
        page[place[0]][place[1]] = value;
      }
      for (const margin of [page.header, page.footer])
        if (joinedMargin(margin).length > MAX_HEADER_FOOTER)
          throw invalid(`a header or footer over ${MAX_HEADER_FOOTER} characters`);
      sheet.page = page;
    });
  }
}

type PageBreakCollectionMembers = 'add' | 'removePageBreaks';
/** The sheet's horizontal page breaks (ExcelApi 1.9): rows with a manual break before them. */
class PageBreakCollection implements Mirror<Excel.PageBreakCollection, PageBreakCollectionMembers> {
  constructor(private readonly write: SheetWrite) {}
  /** A break before the top-left cell's row; a row has one or none. */
  add(pageBreakRange: Excel.Range | string): object {
    const area = areaOf(pageBreakRange);
    this.write('horizontalPageBreaks.add', 60 + jsonBytes(pageBreakRange), '1.9', (sheet) => {
      if (area.row === 0) throw invalid('a page break before the first row');
      if (sheet.page.breaks.includes(area.row)) return;
      if (sheet.page.breaks.length >= MAX_PAGE_BREAKS) throw invalid(`more than ${MAX_PAGE_BREAKS} page breaks`);
      sheet.page.breaks = [...sheet.page.breaks, area.row].sort((a, b) => a - b);
    });
    return {};
  }
  removePageBreaks(): void {
    this.write('horizontalPageBreaks.removePageBreaks', 60, '1.9', (sheet) => (sheet.page.breaks = []));
  }
}

type SheetArea = Area & { sheet: FakeSheet };

/** Queues a write on a range's cells (the range's own, not one of Excel's members). */
type Write = (name: string, requestBytes: number, apply: (a: SheetArea) => void, version?: string) => void;

type RangeFontMembers = 'bold' | 'size';
class RangeFont implements Mirror<Excel.RangeFont, RangeFontMembers> {
  constructor(private readonly write: Write) {}
  set bold(value: boolean) {
    this.write('range.format.font.bold=', 60, (a) => a.sheet.style(a, (cell) => (cell.bold = value)));
  }
  get bold(): boolean {
    throw new NotLoaded('bold');
  }
  set size(value: number) {
    this.write('range.format.font.size=', 60, (a) => {
      if (!(value >= 1 && value <= 409)) throw invalid(`font size ${value}`);
      a.sheet.style(a, (cell) => (cell.size = value));
    });
  }
  get size(): number {
    throw new NotLoaded('size');
  }
}

const HTML_COLOR = /^#[0-9A-Fa-f]{6}$/;

type RangeFillMembers = 'color';
class RangeFill implements Mirror<Excel.RangeFill, RangeFillMembers> {
  constructor(private readonly write: Write) {}
  /** "#RRGGBB" (the double takes no colour names). */
  set color(value: string) {
    this.write('range.format.fill.color=', 60 + value.length, (a) => {
      if (!HTML_COLOR.test(value)) throw invalid(`colour ${value}`);
      a.sheet.style(a, (cell) => (cell.fill = value.toUpperCase()));
    });
  }
  get color(): string {
    throw new NotLoaded('color');
  }
}

type RangeBorderMembers = 'style' | 'weight';
/** One edge of a range: its cells' top edge (EdgeTop) or bottom edge (EdgeBottom). */
class RangeBorder implements Mirror<Excel.RangeBorder, RangeBorderMembers> {
  constructor(
    private readonly write: Write,
    private readonly edge: 'EdgeTop' | 'EdgeBottom',
  ) {}
  private change(name: string, apply: (border: FakeBorder) => void): void {
    this.write(`range.format.borders.${this.edge}.${name}=`, 80, (a) => {
      const row = this.edge === 'EdgeTop' ? a.row : a.row + a.rowCount - 1;
      a.sheet.style({ ...a, row, rowCount: 1 }, (cell) => {
        const border = cell.borders?.[this.edge] ?? { style: 'None', weight: 'Thin' };
        apply(border);
        cell.borders = { ...cell.borders, [this.edge]: border };
      });
    });
  }
  set style(value: Excel.RangeBorder['style']) {
    this.change('style', (border) => (border.style = value));
  }
  get style(): Excel.RangeBorder['style'] {
    throw new NotLoaded('style');
  }
  set weight(value: Excel.RangeBorder['weight']) {
    this.change('weight', (border) => (border.weight = value));
  }
  get weight(): Excel.RangeBorder['weight'] {
    throw new NotLoaded('weight');
  }
}

type RangeBorderCollectionMembers = 'getItem';
class RangeBorderCollection implements Mirror<Excel.RangeBorderCollection, RangeBorderCollectionMembers> {
  constructor(private readonly write: Write) {}
  /** The double draws the top and bottom edges only. */
  getItem(index: Excel.BorderIndex | `${Excel.BorderIndex}`): RangeBorder {
    if (index !== 'EdgeTop' && index !== 'EdgeBottom') throw new Error(`the double draws EdgeTop and EdgeBottom, not ${index}`);
    return new RangeBorder(this.write, index);
  }
}

type RangeFormatMembers = 'font' | 'fill' | 'borders' | 'columnWidth' | 'rowHeight' | 'useStandardHeight' | 'wrapText';
class RangeFormat implements Mirror<Excel.RangeFormat, RangeFormatMembers> {
  readonly font: RangeFont;
  readonly fill: RangeFill;
  readonly borders: RangeBorderCollection;
  constructor(private readonly write: Write) {
    this.font = new RangeFont(write);
    this.fill = new RangeFill(write);
    this.borders = new RangeBorderCollection(write);
  }
  set columnWidth(value: number) {
    this.write('range.format.columnWidth=', 60, (a) => {
      for (let c = 0; c < a.columnCount; c++) a.sheet.columnWidths.set(a.column + c, value);
    });
  }
  get columnWidth(): number {
    throw new NotLoaded('columnWidth');
  }
  /** In points, 0–409. */
  set rowHeight(value: number) {
    this.write('range.format.rowHeight=', 60, (a) => {
      if (!(value >= 0 && value <= MAX_ROW_HEIGHT)) throw invalid(`row height ${value}`);
      for (let r = 0; r < a.rowCount; r++) a.sheet.rowHeights.set(a.row + r, value);
    });
  }
  get rowHeight(): number {
    throw new NotLoaded('rowHeight');
  }
  /** ExcelApi 1.7; "only intended to be set to true. Setting it to false has no effect." */
  set useStandardHeight(value: boolean) {
    this.write(
      'range.format.useStandardHeight=',
      60,
      (a) => {
        if (!value) return;
        for (const row of [...a.sheet.rowHeights.keys()])
          if (row >= a.row && row < a.row + a.rowCount) a.sheet.rowHeights.delete(row);
      },
      '1.7',
    );
  }
  get useStandardHeight(): boolean {
    throw new NotLoaded('useStandardHeight');
  }
  set wrapText(value: boolean) {
    this.write('range.format.wrapText=', 60, (a) => a.sheet.style(a, (cell) => (cell.wrap = value)));
  }
  get wrapText(): boolean {
    throw new NotLoaded('wrapText');
  }
}

const FORMULA_START = /^[=+\-@]/;

/**
 * What Excel makes of a text typed into a General cell (the `values` setter enters text as typed, in the user's
 * locale: here Danish, "." groups thousands, "," is the decimal mark): a number ("1.300", "32,5", "-5"), a
 * percentage ("30 %" is 0,3), a date ("1-4", "2026-02-01": its serial number, with a date format), a truth value
 * ("TRUE", "SAND", "falsk"). Undefined: it stays text. The double's dates take 2026 where the year is left out.
 */
function typedValue(text: string): { value: Value; format?: string } | undefined {
  const t = text.trim();
  const number = /^-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$/;
  const percent = /^(-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?) ?%$/.exec(t);
  const parse = (n: string) => Number(n.replace(/\./g, '').replace(',', '.'));
  if (number.test(t)) return { value: parse(t) };
  if (percent) return { value: parse(percent[1]) / 100, format: '0%' };
  if (/^(true|sand)$/i.test(t)) return { value: true };
  if (/^(false|falsk)$/i.test(t)) return { value: false };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const dayMonth = /^(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2}|\d{4}))?$/.exec(t);
  const date = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : dayMonth
      ? [Number(dayMonth[3] ?? 2026), Number(dayMonth[2]), Number(dayMonth[1])]
      : undefined;
  if (date && date[1] >= 1 && date[1] <= 12 && date[2] >= 1 && date[2] <= 31) {
    const year = date[0] < 100 ? 2000 + date[0] : date[0];
    return { value: Date.UTC(year, date[1] - 1, date[2]) / 86_400_000 + 25_569, format: 'dd-mm-yyyy' };
  }
  return undefined;
}

type RangeMembers =
  | 'isNullObject'
  | 'load'
  | 'values'
  | 'numberFormat'
  | 'formulas'
  | 'rowIndex'
  | 'columnIndex'
  | 'rowCount'
  | 'columnCount'
  | 'format'
  | 'clear'
  | 'select'
  | 'getRow'
  | 'getIntersectionOrNullObject'
  | 'columnHidden'
  | 'group'
  | 'ungroup'
  | 'hideGroupDetails';
/** The cells each range of the double stands for: what a chart added from it takes as its data. */
const rangeAreas = new WeakMap<object, () => SheetArea | undefined>();

class Range extends Loadable implements Mirror<Excel.Range, RangeMembers> {
  readonly format: RangeFormat;
  constructor(
    private readonly excel: ExcelDouble,
    private readonly area: () => SheetArea | undefined,
    private readonly nullable = false,
  ) {
    super();
    rangeAreas.set(this, area);
    this.format = new RangeFormat((name, bytes, apply, version) => this.write(name, bytes, apply, version));
  }
  private resolve(): SheetArea {
    const a = this.area();
    if (!a) throw excelError('ItemNotFound', `The requested resource doesn't exist.`);
    return a;
  }
  private write(name: string, requestBytes: number, apply: (a: SheetArea) => void, version?: string): void {
    const area = this.area;
    // Values written or cells cleared are a change of the sheet's data (onChanged); a format is not.
    const data = name === 'range.values=' || name === 'range.clear';
    const operation: Operation = {
      name,
      requestBytes,
      // Known before it runs, so a test can make a write to one sheet fail.
      get writes() {
        try {
          return area()?.sheet.name;
        } catch {
          return undefined;
        }
      },
      run: () => {
        if (version !== undefined) this.excel.requires(version);
        const a = this.resolve();
        this.excel.writable(a.sheet);
        apply(a);
        if (data) operation.changes = a;
      },
    };
    this.excel.enqueue(operation);
  }
  load(option?: LoadOption): this {
    const properties = wanted(option);
    let cells = 0;
    this.excel.enqueue({
      name: 'range.load',
      requestBytes: 60,
      run: () => {
        const a = this.area();
        if (!a && !this.nullable) throw excelError('ItemNotFound', `The requested resource doesn't exist.`);
        this.loaded.isNullObject = !a;
        if (!a) return;
        Object.assign(this.loaded, { rowIndex: a.row, columnIndex: a.column, rowCount: a.rowCount, columnCount: a.columnCount });
        cells = a.rowCount * a.columnCount;
        // Past five million cells Excel gives no values (null), not an error.
        if (properties.includes('values')) this.loaded.values = cells > MAX_READ_CELLS ? null : a.sheet.values(a);
        if (properties.includes('numberFormat')) this.loaded.numberFormat = cells > MAX_READ_CELLS ? null : a.sheet.formats(a);
        if (properties.includes('formulas')) this.loaded.formulas = cells > MAX_READ_CELLS ? null : a.sheet.formulas(a);
      },
      responseBytes: () =>
        80 +
        (properties.includes('values') && this.loaded.values ? jsonBytes(this.loaded.values) : 0) +
        (properties.includes('numberFormat') && this.loaded.numberFormat ? jsonBytes(this.loaded.numberFormat) : 0) +
        (properties.includes('formulas') && this.loaded.formulas ? jsonBytes(this.loaded.formulas) : 0),
    });
    return this;
  }
  get isNullObject(): boolean {
    return this.read('isNullObject');
  }
  get values(): Value[][] {
    return this.read('values');
  }
  get formulas(): Value[][] {
    return this.read('formulas');
  }
  set values(rows: (Value | null)[][]) {
    this.write('range.values=', jsonBytes(rows), (a) => {
      if (rows.length !== a.rowCount || rows.some((row) => row.length !== a.columnCount))
        throw excelError('InvalidArgument', 'The number of rows or columns in the input array does not match the range.');
      rows.forEach((row, r) => {
        let row0 = a.sheet.cells.get(a.row + r);
        if (!row0) a.sheet.cells.set(a.row + r, (row0 = new Map<number, Cell>()));
        row.forEach((v, c) => {
          if (v === null) return; // null leaves the cell as it is
          // The cell keeps its format and look; a formula or quote prefix goes with the old value.
          const old = row0.get(a.column + c);
          const cell: Cell = { ...(old ? lookOf(old) : {}), value: v, format: old?.format ?? 'General' };
          if (typeof v === 'string' && v.startsWith("'")) {
            cell.value = v.slice(1);
            cell.quotePrefix = true;
          } else if (typeof v === 'string' && cell.format !== '@' && typedValue(v)) {
            // Excel is as strict: text that reads as a number, date or truth value becomes one.
            const typed = typedValue(v)!;
            cell.value = typed.value;
            if (typed.format && cell.format === 'General') cell.format = typed.format;
          } else if (typeof v === 'string' && FORMULA_START.test(v) && cell.format !== '@') {
            // Excel calculates it; a title like "-5 % på X" gives #NAME? (the double does not calculate).
            cell.formula = v.startsWith('=') ? v : `=${v}`;
            cell.value = '#NAME?';
          }
          row0.set(a.column + c, cell); // "" empties the cell and keeps its format
          uniqueHeader(a.sheet, a.row + r, a.column + c);
        });
      });
      nameBlankHeaders(a.sheet);
    });
  }
  get numberFormat(): string[][] {
    return this.read('numberFormat');
  }
  set numberFormat(formats: (string | null)[][]) {
    this.write('range.numberFormat=', jsonBytes(formats), (a) => {
      if (formats.length !== a.rowCount || formats.some((row) => row.length !== a.columnCount))
        throw excelError('InvalidArgument', 'The number of rows or columns in the input array does not match the range.');
      formats.forEach((row, r) =>
        row.forEach((f, c) => {
          if (f === null) return; // null leaves the format as it is
          const cells = a.sheet.cells.get(a.row + r) ?? new Map<number, Cell>();
          a.sheet.cells.set(a.row + r, cells);
          const existing = cells.get(a.column + c);
          if (existing) existing.format = f;
          else cells.set(a.column + c, { value: '', format: f });
        }),
      );
    });
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  clear(applyTo: Excel.ClearApplyTo | `${Excel.ClearApplyTo}` = 'All'): void {
    if (applyTo !== 'All') throw new Error(`the double clears only 'All', not ${applyTo}`);
    this.write('range.clear', 60, (a) => a.sheet.clear(a));
  }
  select(): void {
    this.excel.enqueue({ name: 'range.select', requestBytes: 60, run: () => void this.resolve() });
  }
  /** ExcelApi 1.2; true hides the range's columns, false shows them (a collapsed group's too). */
  set columnHidden(hidden: boolean) {
    this.write(
      'range.columnHidden=',
      60,
      (a) => {
        for (let c = a.column; c < a.column + a.columnCount; c++)
          if (hidden) a.sheet.hiddenColumns.add(c);
          else a.sheet.hiddenColumns.delete(c);
      },
      '1.2',
    );
  }
  get columnHidden(): boolean {
    throw new NotLoaded('columnHidden');
  }
  /** The outline, by columns only (ExcelApi 1.10): a group is one level more, at most Excel's 8. */
  group(groupOption: Excel.GroupOption | `${Excel.GroupOption}`): void {
    this.outline('range.group', groupOption, (a) => {
      for (let c = a.column; c < a.column + a.columnCount; c++) {
        const level = (a.sheet.columnLevels.get(c) ?? 0) + 1;
        if (level > MAX_OUTLINE_LEVEL) throw excelError('InvalidOperation', 'An outline has at most eight levels.');
        a.sheet.columnLevels.set(c, level);
      }
    });
  }
  /**
   * One level less. Where the range holds no group Excel refuses, as its Ungroup does ("Cannot ungroup"; VBA's
   * Range.Ungroup fails with 1004): an adapter must know a group is there before it ungroups.
   */
  ungroup(groupOption: Excel.GroupOption | `${Excel.GroupOption}`): void {
    this.outline('range.ungroup', groupOption, (a) => {
      const grouped = [...a.sheet.columnLevels.keys()].filter((c) => c >= a.column && c < a.column + a.columnCount);
      if (grouped.length === 0) throw excelError('InvalidArgument', 'The range holds no group to ungroup.');
      for (const c of grouped) {
        const level = a.sheet.columnLevels.get(c)! - 1;
        if (level === 0) a.sheet.columnLevels.delete(c);
        else a.sheet.columnLevels.set(c, level);
      }
    });
  }
  /** Collapses the groups in the range: their columns are hidden. Where there is none, Excel refuses. */
  hideGroupDetails(groupOption: Excel.GroupOption | `${Excel.GroupOption}`): void {
    this.outline('range.hideGroupDetails', groupOption, (a) => {
      const grouped = [...a.sheet.columnLevels.keys()].filter((c) => c >= a.column && c < a.column + a.columnCount);
      if (grouped.length === 0) throw excelError('InvalidArgument', 'The range holds no group to collapse.');
      for (const c of grouped) a.sheet.hiddenColumns.add(c);
    });
  }
  private outline(name: string, groupOption: string, apply: (a: SheetArea) => void): void {
    if (groupOption !== 'ByColumns') throw new Error(`the double outlines columns only, not ${groupOption}`);
    this.write(name, 60, apply, '1.10');
  }
  getRow(row: number): Range {
    return new Range(this.excel, () => {
      const a = this.resolve();
      return { ...a, row: a.row + row, rowCount: 1 };
    });
  }
  getIntersectionOrNullObject(anotherRange: string | Excel.Range): Range {
    return new Range(
      this.excel,
      () => {
        const a = this.resolve();
        const b = decode(addressText(anotherRange));
        const row = Math.max(a.row, b.row);
        const column = Math.max(a.column, b.column);
        const rowCount = Math.min(a.row + a.rowCount, b.row + b.rowCount) - row;
        const columnCount = Math.min(a.column + a.columnCount, b.column + b.columnCount) - column;
        return rowCount > 0 && columnCount > 0 ? { sheet: a.sheet, row, column, rowCount, columnCount } : undefined;
      },
      true,
    );
  }
}

type TableCollectionMembers = 'items' | 'load' | 'add' | 'getItem';
class TableCollection extends Loadable implements Mirror<Excel.TableCollection, TableCollectionMembers> {
  /** `sheet`: the worksheet's own collection; without it, the workbook's. */
  constructor(
    private readonly excel: ExcelDouble,
    private readonly sheet: (() => FakeSheet) | undefined,
  ) {
    super();
  }
  get items(): Table[] {
    return this.read('items');
  }
  load(_?: LoadOption): this {
    this.excel.enqueue({
      name: 'tables.load',
      requestBytes: 60,
      run: () => {
        const sheets = this.sheet ? [this.sheet()] : this.excel.sheets;
        this.loaded.items = sheets.flatMap((s) => s.tables.map((t) => new Table(this.excel, () => t, t.name, t.style)));
      },
      responseBytes: () => 200,
    });
    return this;
  }
  getItem(key: string): Table {
    return new Table(this.excel, () => {
      const sheets = this.sheet ? [this.sheet()] : this.excel.sheets;
      const table = sheets.flatMap((s) => s.tables).find((t) => t.name.toUpperCase() === key.toUpperCase());
      if (!table) throw excelError('ItemNotFound', `The requested resource doesn't exist.`);
      return table;
    });
  }
  add(address: string | Excel.Range, _hasHeaders: boolean): Table {
    let created: FakeTable | undefined;
    const operation: Operation = { name: 'tables.add', requestBytes: 80, run: () => {} };
    operation.run = () => {
      const sheet = this.excel.writable(this.sheet!());
      operation.writes = sheet.name;
      const area = decode(addressText(address));
      // Tables cannot overlap; Excel answers InvalidArgument (OfficeDev/office-js#1199).
      if (sheet.tables.some((t) => overlaps(t, area)))
        throw excelError('InvalidArgument', "A table can't overlap another table.");
      let n = 1;
      while (!this.excel.tableNameFree(`Table${n}`)) n++;
      created = { name: `Table${n}`, ...area };
      sheet.tables.push(created);
    };
    this.excel.enqueue(operation);
    return new Table(this.excel, () => created);
  }
}

type TableMembers = 'name' | 'style' | 'worksheet' | 'getRange' | 'delete' | 'convertToRange' | 'resize';
class Table extends Loadable implements Mirror<Excel.Table, TableMembers> {
  readonly worksheet: Worksheet;
  /** `name`, `style`: loaded with the collection (a table has Excel's default style until one is set). */
  constructor(
    private readonly excel: ExcelDouble,
    private readonly resolve: () => FakeTable | undefined,
    name?: string,
    style?: string,
  ) {
    super();
    if (name !== undefined) this.loaded.name = name;
    if (name !== undefined) this.loaded.style = style ?? 'TableStyleMedium2';
    this.worksheet = new Worksheet(excel, () => this.owner());
  }
  private target(): FakeTable {
    const table = this.resolve();
    if (!table) throw excelError('ItemNotFound', `The requested resource doesn't exist.`);
    return table;
  }
  private owner(): FakeSheet | undefined {
    const table = this.resolve();
    return this.excel.sheets.find((s) => table && s.tables.includes(table));
  }
  private write(name: string, apply: (table: FakeTable, sheet: FakeSheet) => void): void {
    const operation: Operation = { name, requestBytes: 60, run: () => {} };
    operation.run = () => {
      const table = this.target();
      const sheet = this.excel.writable(this.owner()!);
      operation.writes = sheet.name;
      apply(table, sheet);
    };
    this.excel.enqueue(operation);
  }
  get name(): string {
    return this.read('name');
  }
  set name(value: string) {
    this.write('table.name=', (table) => {
      if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(value) || value.length > 255)
        throw excelError('InvalidArgument', `The table name ${value} is not valid.`);
      if (!this.excel.tableNameFree(value, table)) throw excelError('InvalidArgument', `A table named ${value} exists.`);
      table.name = value;
    });
  }
  get style(): string {
    return this.read('style');
  }
  set style(value: string) {
    this.write('table.style=', (table) => (table.style = value));
  }
  /**
   * Removes the table and its cells' contents. The reference says only "Deletes the table"; that
   * convertToRange is the one that says "All data is preserved" (and VBA's ListObject.Delete clears
   * the cells) makes deleting the contents the reading that is not kinder than Excel.
   */
  delete(): void {
    this.write('table.delete', (table, sheet) => {
      sheet.tables = sheet.tables.filter((t) => t !== table);
      sheet.clear(table);
    });
  }
  /**
   * ExcelApi 1.13: the table over a new range, no cell inserted or moved. The header stays on its row and the
   * new range overlaps the old (else InvalidArgument), and no other table; a blank header cell in it is named
   * as Excel names a new column (`Column3`, the next number no header has).
   */
  resize(newRange: Excel.Range | string): void {
    this.write('table.resize', (table, sheet) => {
      this.excel.requires('1.13');
      const area = decode(addressText(newRange).replace(/\$/g, ''));
      if (area.row !== table.row || !overlaps(area, table) || area.rowCount < 2)
        throw excelError('InvalidArgument', 'The new range must overlap the table and keep its header row.');
      if (sheet.tables.some((t) => t !== table && overlaps(t, area)))
        throw excelError('InvalidArgument', "A table can't overlap another table.");
      Object.assign(table, area);
      nameBlankHeaders(sheet);
    });
  }
  /** Removes the table, keeps its cells (ExcelApi 1.2: "All data is preserved"). */
  convertToRange(): Range {
    let area: SheetArea | undefined;
    this.write('table.convertToRange', (table, sheet) => {
      sheet.tables = sheet.tables.filter((t) => t !== table);
      area = { sheet, row: table.row, column: table.column, rowCount: table.rowCount, columnCount: table.columnCount };
    });
    return new Range(this.excel, () => area);
  }
  getRange(): Range {
    return new Range(this.excel, () => {
      const table = this.target();
      return {
        sheet: this.owner()!,
        row: table.row,
        column: table.column,
        rowCount: table.rowCount,
        columnCount: table.columnCount,
      };
    });
  }
}

type ChartCollectionMembers = 'items' | 'load' | 'getItem' | 'add';
/** A worksheet's charts (ExcelApi 1.1). */
class ChartCollection extends Loadable implements Mirror<Excel.ChartCollection, ChartCollectionMembers> {
  constructor(
    private readonly excel: ExcelDouble,
    private readonly sheet: () => FakeSheet,
  ) {
    super();
  }
  get items(): Chart[] {
    return this.read('items');
  }
  load(_?: LoadOption): this {
    this.excel.enqueue({
      name: 'charts.load',
      requestBytes: 60,
      run: () => {
        this.loaded.items = this.sheet().charts.map((c) => new Chart(this.excel, this.sheet, () => c, c.name));
      },
      responseBytes: () => 40 * this.sheet().charts.length,
    });
    return this;
  }
  /** The first chart of that name (names need not be unique), found when the batch runs. */
  getItem(name: string): Chart {
    return new Chart(this.excel, this.sheet, () => {
      const chart = this.sheet().charts.find((c) => c.name === name);
      if (!chart) throw excelError('ItemNotFound', `The requested resource doesn't exist.`);
      return chart;
    });
  }
  add(
    type: Excel.ChartType | `${Excel.ChartType}`,
    sourceData: Excel.Range,
    seriesBy?: Excel.ChartSeriesBy | `${Excel.ChartSeriesBy}`,
  ): Chart {
    let created: FakeChart | undefined;
    const operation: Operation = { name: 'charts.add', requestBytes: 100, run: () => {} };
    operation.run = () => {
      const sheet = this.excel.writable(this.sheet());
      operation.writes = sheet.name;
      const area = rangeAreas.get(sourceData)?.();
      if (!area) throw excelError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
      // Excel's default name: "Chart n", the next number on the sheet.
      let n = sheet.charts.length + 1;
      while (sheet.charts.some((c) => c.name === `Chart ${n}`)) n++;
      const { sheet: _, ...source } = area;
      created = { name: `Chart ${n}`, type, source, seriesBy: seriesBy ?? 'Auto', title: '' };
      sheet.charts.push(created);
    };
    this.excel.enqueue(operation);
    return new Chart(this.excel, this.sheet, () => created);
  }
}

type ChartMembers = 'name' | 'title' | 'setPosition' | 'delete';
class Chart extends Loadable implements Mirror<Excel.Chart, ChartMembers> {
  readonly title: ChartTitle;
  constructor(
    private readonly excel: ExcelDouble,
    private readonly sheet: () => FakeSheet,
    private readonly resolve: () => FakeChart | undefined,
    name?: string,
  ) {
    super();
    if (name !== undefined) this.loaded.name = name;
    this.title = new ChartTitle((text) => this.write('chart.title.text=', (chart) => (chart.title = text)));
  }
  private write(name: string, apply: (chart: FakeChart, sheet: FakeSheet) => void): void {
    const operation: Operation = { name, requestBytes: 60, run: () => {} };
    operation.run = () => {
      const chart = this.resolve();
      const sheet = this.sheet();
      if (!chart || !sheet.charts.includes(chart)) throw excelError('ItemNotFound', `The requested resource doesn't exist.`);
      operation.writes = this.excel.writable(sheet).name;
      apply(chart, sheet);
    };
    this.excel.enqueue(operation);
  }
  get name(): string {
    return this.read('name');
  }
  set name(value: string) {
    this.write('chart.name=', (chart) => (chart.name = value));
  }
  setPosition(startCell: Excel.Range | string, endCell?: Excel.Range | string): void {
    this.write('chart.setPosition', (chart) => {
      const start = addressText(startCell);
      const end = endCell === undefined ? undefined : addressText(endCell);
      decode(start);
      if (end !== undefined) decode(end);
      chart.position = { start, end };
    });
  }
  delete(): void {
    this.write('chart.delete', (chart, sheet) => (sheet.charts = sheet.charts.filter((c) => c !== chart)));
  }
}

type ChartTitleMembers = 'text';
class ChartTitle implements Mirror<Excel.ChartTitle, ChartTitleMembers> {
  constructor(private readonly setText: (text: string) => void) {}
  /** Write-only here: the adapter never reads a title back. */
  get text(): string {
    throw new NotLoaded("The property 'text' is not available. Load it and call sync.");
  }
  set text(value: string) {
    this.setText(value);
  }
}

/**
 * Every public member of each class of the double is one of Excel's: a helper
 * left public, or a member Excel lacks, fails `tsc` here, naming the member.
 */
export type DoubleIsExcel = [
  Checked<OnlyMirrored<RequestContext, RequestContextMembers>>,
  Checked<OnlyMirrored<Workbook, WorkbookMembers>>,
  Checked<OnlyMirrored<Functions, FunctionsMembers>>,
  Checked<OnlyMirrored<FunctionResult, FunctionResultMembers>>,
  Checked<OnlyMirrored<Application, ApplicationMembers>>,
  Checked<OnlyMirrored<WorksheetCollection, WorksheetCollectionMembers>>,
  Checked<OnlyMirrored<WorksheetProtection, WorksheetProtectionMembers>>,
  Checked<OnlyMirrored<Worksheet, WorksheetMembers>>,
  Checked<OnlyMirrored<RangeFont, RangeFontMembers>>,
  Checked<OnlyMirrored<RangeFill, RangeFillMembers>>,
  Checked<OnlyMirrored<RangeBorder, RangeBorderMembers>>,
  Checked<OnlyMirrored<RangeBorderCollection, RangeBorderCollectionMembers>>,
  Checked<OnlyMirrored<RangeFormat, RangeFormatMembers>>,
  Checked<OnlyMirrored<WorksheetFreezePanes, WorksheetFreezePanesMembers>>,
  Checked<OnlyMirrored<PageLayout, PageLayoutMembers>>,
  Checked<OnlyMirrored<HeaderFooterGroup, HeaderFooterGroupMembers>>,
  Checked<OnlyMirrored<HeaderFooter, HeaderFooterMembers>>,
  Checked<OnlyMirrored<PageBreakCollection, PageBreakCollectionMembers>>,
  Checked<OnlyMirrored<Range, RangeMembers>>,
  Checked<OnlyMirrored<TableCollection, TableCollectionMembers>>,
  Checked<OnlyMirrored<Table, TableMembers>>,
  Checked<OnlyMirrored<ChartCollection, ChartCollectionMembers>>,
  Checked<OnlyMirrored<Chart, ChartMembers>>,
  Checked<OnlyMirrored<ChartTitle, ChartTitleMembers>>,
  Checked<OnlyMirrored<EventHandlers<unknown>, EventHandlersMembers>>,
  Checked<OnlyMirrored<EventHandlerResult<unknown>, EventHandlerResultMembers>>,
];
