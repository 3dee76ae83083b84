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
 * - a protected sheet refuses writes with AccessDenied and says `protection.protected`.
 */
import { jsonBytes, PAYLOAD_LIMIT_BYTES } from '../../src/office/payload';

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

interface Cell {
  value: Value;
  format: string;
  formula?: string;
  quotePrefix?: boolean;
  bold?: boolean;
}

type Area = { row: number; column: number; rowCount: number; columnCount: number };

const excelError = (code: string, message: string) => Object.assign(new Error(message), { code });

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
  merges: Area[] = [];
  columnWidths = new Map<number, number>();
  protected = false;
  tabColor = '';
  printArea = '';
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
    copy.merges = this.merges.map((m) => ({ ...m }));
    copy.columnWidths = new Map(this.columnWidths);
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
    const cells = [...this.cells].sort(([a], [b]) => a - b).map(([r, row]) => [r, [...row].sort(([a], [b]) => a - b)]);
    return JSON.stringify({
      id: this.id,
      name: this.name,
      cells,
      tables: this.tables,
      merges: this.merges,
      widths: [...this.columnWidths],
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
  /** Makes an operation throw when it runs, as Excel would (e.g. a cell in edit mode). */
  failWhen?: (operation: Operation) => { code: string; message: string } | undefined;
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

  /** `Excel.run` as Office.js has it: with or without RunOptions. */
  run<T>(
    optionsOrBatch: Excel.RunOptions | ((context: Excel.RequestContext) => Promise<T>),
    maybeBatch?: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T> {
    const options = typeof optionsOrBatch === 'function' ? {} : optionsOrBatch;
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
    for (const operation of batch) {
      const failure = this.failWhen?.(operation);
      if (failure) throw excelError(failure.code, failure.message);
      operation.run();
      this.log.push({ name: operation.name, writes: operation.writes });
      if (operation.responseBytes) loads.push(() => (response += operation.responseBytes!()));
    }
    loads.forEach((l) => l());
    this.maxResponseBytes = Math.max(this.maxResponseBytes, response);
    if (response > PAYLOAD_LIMIT_BYTES) throw this.refuse(new PayloadError('ResponsePayloadSizeLimitExceeded'));
  }

  private refuse(error: Error & { code: string }): Error {
    this.refusals.push(error.code);
    return error;
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
    this.excel.enqueue({ name: 'suspendApiCalculation', requestBytes: 40, run: () => undefined });
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.excel.enqueue({ name: 'suspendScreenUpdating', requestBytes: 40, run: () => undefined });
  }
}

type WorksheetCollectionMembers = 'items' | 'load' | 'getItem' | 'getItemOrNullObject' | 'add';
class WorksheetCollection extends Loadable implements Mirror<Excel.WorksheetCollection, WorksheetCollectionMembers> {
  constructor(private readonly excel: ExcelDouble) {
    super();
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
  | 'protection';
class Worksheet extends Loadable implements Mirror<Excel.Worksheet, WorksheetMembers> {
  readonly tables: TableCollection;
  readonly protection: WorksheetProtection;
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
    this.protection = new WorksheetProtection(excel, resolve);
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

type SheetArea = Area & { sheet: FakeSheet };

/** Queues a write on a range's cells (the range's own, not one of Excel's members). */
type Write = (name: string, requestBytes: number, apply: (a: SheetArea) => void) => void;

type RangeFontMembers = 'bold';
class RangeFont implements Mirror<Excel.RangeFont, RangeFontMembers> {
  constructor(private readonly write: Write) {}
  set bold(value: boolean) {
    this.write('range.format.font.bold=', 60, (a) => {
      for (let r = 0; r < a.rowCount; r++)
        for (let c = 0; c < a.columnCount; c++) {
          const cell = a.sheet.get(a.row + r, a.column + c);
          if (cell) cell.bold = value;
        }
    });
  }
  get bold(): boolean {
    throw new NotLoaded('bold');
  }
}

type RangeFormatMembers = 'font' | 'columnWidth';
class RangeFormat implements Mirror<Excel.RangeFormat, RangeFormatMembers> {
  readonly font: RangeFont;
  constructor(private readonly write: Write) {
    this.font = new RangeFont(write);
  }
  set columnWidth(value: number) {
    this.write('range.format.columnWidth=', 60, (a) => {
      for (let c = 0; c < a.columnCount; c++) a.sheet.columnWidths.set(a.column + c, value);
    });
  }
  get columnWidth(): number {
    throw new NotLoaded('columnWidth');
  }
}

const FORMULA_START = /^[=+\-@]/;

type RangeMembers =
  | 'isNullObject'
  | 'load'
  | 'values'
  | 'numberFormat'
  | 'rowIndex'
  | 'columnIndex'
  | 'rowCount'
  | 'columnCount'
  | 'format'
  | 'clear'
  | 'select'
  | 'getRow'
  | 'getIntersectionOrNullObject';
class Range extends Loadable implements Mirror<Excel.Range, RangeMembers> {
  readonly format: RangeFormat;
  constructor(
    private readonly excel: ExcelDouble,
    private readonly area: () => SheetArea | undefined,
    private readonly nullable = false,
  ) {
    super();
    this.format = new RangeFormat((name, bytes, apply) => this.write(name, bytes, apply));
  }
  private resolve(): SheetArea {
    const a = this.area();
    if (!a) throw excelError('ItemNotFound', `The requested resource doesn't exist.`);
    return a;
  }
  private write(name: string, requestBytes: number, apply: (a: SheetArea) => void): void {
    const area = this.area;
    this.excel.enqueue({
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
        const a = this.resolve();
        this.excel.writable(a.sheet);
        apply(a);
      },
    });
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
      },
      responseBytes: () =>
        80 +
        (properties.includes('values') && this.loaded.values ? jsonBytes(this.loaded.values) : 0) +
        (properties.includes('numberFormat') && this.loaded.numberFormat ? jsonBytes(this.loaded.numberFormat) : 0),
    });
    return this;
  }
  get isNullObject(): boolean {
    return this.read('isNullObject');
  }
  get values(): Value[][] {
    return this.read('values');
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
          // The cell keeps its format and bold; a formula or quote prefix goes with the old value.
          const old = row0.get(a.column + c);
          const cell: Cell = { value: v, format: old?.format ?? 'General' };
          if (old?.bold !== undefined) cell.bold = old.bold;
          if (typeof v === 'string' && v.startsWith("'")) {
            cell.value = v.slice(1);
            cell.quotePrefix = true;
          } else if (typeof v === 'string' && FORMULA_START.test(v) && cell.format !== '@') {
            // Excel calculates it; a title like "-5 % på X" gives #NAME? (the double does not calculate).
            cell.formula = v.startsWith('=') ? v : `=${v}`;
            cell.value = '#NAME?';
          }
          row0.set(a.column + c, cell); // "" empties the cell and keeps its format
        });
      });
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
        this.loaded.items = sheets.flatMap((s) => s.tables.map((t) => new Table(this.excel, () => t, t.name)));
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

type TableMembers = 'name' | 'style' | 'worksheet' | 'getRange' | 'delete' | 'convertToRange';
class Table extends Loadable implements Mirror<Excel.Table, TableMembers> {
  readonly worksheet: Worksheet;
  constructor(
    private readonly excel: ExcelDouble,
    private readonly resolve: () => FakeTable | undefined,
    name?: string,
  ) {
    super();
    if (name !== undefined) this.loaded.name = name;
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
  Checked<OnlyMirrored<RangeFormat, RangeFormatMembers>>,
  Checked<OnlyMirrored<Range, RangeMembers>>,
  Checked<OnlyMirrored<TableCollection, TableCollectionMembers>>,
  Checked<OnlyMirrored<Table, TableMembers>>,
];
