/**
 * A test double of the part of the Excel JavaScript API the adapter uses.
 * Like Excel it queues every call until `context.sync()`, gives loaded
 * properties only after it, rejects requests and responses over 5 MB as Excel
 * on the web does, and turns text starting with "=" into a formula unless the
 * cell is formatted as text. It records every operation with the sheet it
 * touched, and counts syncs. (office-addin-mock cannot mock collections.)
 */
import { jsonBytes, PAYLOAD_LIMIT_BYTES } from '../../src/office/payload';

type Value = string | number | boolean;

export interface FakeTable {
  name: string;
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
  style?: string;
}

export class FakeSheet {
  cells = new Map<number, Map<number, { value: Value; format: string; formula?: string; bold?: boolean }>>();
  tables: FakeTable[] = [];
  columnWidths = new Map<number, number>();
  constructor(public name: string) {}

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

  get(row: number, column: number) {
    return this.cells.get(row)?.get(column);
  }

  /** The bounding box of cells with values. */
  usedRange(): { row: number; column: number; rowCount: number; columnCount: number } | undefined {
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

  values(area: { row: number; column: number; rowCount: number; columnCount: number }): Value[][] {
    return Array.from({ length: area.rowCount }, (_, r) =>
      Array.from({ length: area.columnCount }, (_, c) => this.get(area.row + r, area.column + c)?.value ?? ''),
    );
  }

  /** The whole sheet as rows from A1 (for comparisons). */
  snapshot(): string {
    const used = this.usedRange();
    return JSON.stringify({
      name: this.name,
      values: used
        ? this.values({ row: 0, column: 0, rowCount: used.row + used.rowCount, columnCount: used.column + used.columnCount })
        : [],
      formats: [...this.cells].map(([r, row]) => [r, [...row].map(([c, cell]) => [c, cell.format, cell.formula ?? null])]),
      tables: this.tables,
    });
  }
}

export interface Operation {
  name: string;
  /** The sheet written, when the operation writes. */
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

export class ExcelDouble {
  sheets: FakeSheet[];
  syncs = 0;
  log: { name: string; writes?: string }[] = [];
  maxRequestBytes = 0;
  maxResponseBytes = 0;
  /** Makes an operation throw when it runs, as Excel would (e.g. a cell in edit mode). */
  failWhen?: (operation: Operation) => { code: string; message: string } | undefined;
  private queue: Operation[] = [];
  readonly context: Excel.RequestContext;

  constructor(sheets: FakeSheet[]) {
    this.sheets = sheets;
    const workbook = {
      worksheets: new WorksheetCollection(this),
      tables: new TableCollection(this, undefined),
      application: {
        suspendApiCalculationUntilNextSync: () =>
          this.enqueue({ name: 'suspendApiCalculation', requestBytes: 40, run: () => undefined }),
        suspendScreenUpdatingUntilNextSync: () =>
          this.enqueue({ name: 'suspendScreenUpdating', requestBytes: 40, run: () => undefined }),
      },
    };
    this.context = { workbook, sync: () => this.sync() } as unknown as Excel.RequestContext;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  enqueue(operation: Operation): void {
    this.queue.push(operation);
  }

  async sync(): Promise<void> {
    this.syncs++;
    const batch = this.queue;
    this.queue = [];
    const request = batch.reduce((a, o) => a + o.requestBytes + 60, 0);
    this.maxRequestBytes = Math.max(this.maxRequestBytes, request);
    if (request > PAYLOAD_LIMIT_BYTES) throw new PayloadError('RequestPayloadSizeLimitExceeded');
    let response = 0;
    const loads: (() => void)[] = [];
    for (const operation of batch) {
      const failure = this.failWhen?.(operation);
      if (failure) throw Object.assign(new Error(failure.message), { code: failure.code });
      operation.run();
      this.log.push({ name: operation.name, writes: operation.writes });
      if (operation.responseBytes) loads.push(() => (response += operation.responseBytes!()));
    }
    loads.forEach((l) => l());
    this.maxResponseBytes = Math.max(this.maxResponseBytes, response);
    if (response > PAYLOAD_LIMIT_BYTES) throw new PayloadError('ResponsePayloadSizeLimitExceeded');
  }
}

class NotLoaded extends Error {
  code = 'PropertyNotLoaded';
}

/** Holds loaded properties; reading one before load + sync throws, as in Office.js. */
class Proxy {
  protected loaded: Record<string, unknown> = {};
  protected read<T>(key: string): T {
    if (!(key in this.loaded)) throw new NotLoaded(`${key} is not loaded`);
    return this.loaded[key] as T;
  }
}

const decode = (address: string) => {
  const cell = (a: string) => {
    const m = /^([A-Z]+)(\d+)?$/.exec(a)!;
    const column = [...m[1]].reduce((acc, ch) => acc * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return { row: m[2] ? Number(m[2]) - 1 : undefined, column };
  };
  const [a, b = a] = address.split(':');
  const from = cell(a);
  const to = cell(b);
  return {
    row: from.row ?? 0,
    column: from.column,
    rowCount: (to.row ?? 1048575) - (from.row ?? 0) + 1,
    columnCount: to.column - from.column + 1,
  };
};

class WorksheetCollection extends Proxy {
  constructor(private readonly excel: ExcelDouble) {
    super();
  }
  get items(): Worksheet[] {
    return this.read('items');
  }
  load(_: string) {
    this.excel.enqueue({
      name: 'worksheets.load',
      requestBytes: 60,
      run: () => (this.loaded.items = this.excel.sheets.map((s) => new Worksheet(this.excel, () => s, s.name))),
      responseBytes: () => jsonBytes(this.excel.sheets.map((s) => s.name)),
    });
    return this;
  }
  getItem(name: string): Worksheet {
    return new Worksheet(this.excel, () => {
      const sheet = this.excel.sheet(name);
      if (!sheet) throw Object.assign(new Error(`no sheet ${name}`), { code: 'ItemNotFound' });
      return sheet;
    });
  }
  getItemOrNullObject(name: string): Worksheet {
    return new Worksheet(this.excel, () => this.excel.sheet(name), undefined, true);
  }
  add(name: string): Worksheet {
    let created: FakeSheet | undefined;
    this.excel.enqueue({
      name: 'worksheets.add',
      writes: name,
      requestBytes: 60 + name.length,
      run: () => {
        if (this.excel.sheet(name)) throw Object.assign(new Error(`sheet ${name} exists`), { code: 'ItemAlreadyExists' });
        created = new FakeSheet(name);
        this.excel.sheets.push(created);
      },
    });
    return new Worksheet(this.excel, () => created);
  }
}

class Worksheet extends Proxy {
  readonly tables: TableCollection;
  constructor(
    private readonly excel: ExcelDouble,
    readonly resolve: () => FakeSheet | undefined,
    name?: string,
    private readonly nullable = false,
  ) {
    super();
    if (name !== undefined) this.loaded.name = name;
    this.tables = new TableCollection(excel, this);
  }
  private target(): FakeSheet {
    const sheet = this.resolve();
    if (!sheet) throw Object.assign(new Error('no such sheet'), { code: 'ItemNotFound' });
    return sheet;
  }
  get name(): string {
    return this.read('name');
  }
  set name(value: string) {
    this.excel.enqueue({
      name: 'worksheet.name=',
      get writes() {
        return value;
      },
      requestBytes: 60 + value.length,
      run: () => {
        const sheet = this.target();
        if (this.excel.sheets.some((s) => s !== sheet && s.name.toLowerCase() === value.toLowerCase()))
          throw Object.assign(new Error(`sheet ${value} exists`), { code: 'ItemAlreadyExists' });
        sheet.name = value;
      },
    });
  }
  get isNullObject(): boolean {
    return this.read('isNullObject');
  }
  load(_: string) {
    this.excel.enqueue({
      name: 'worksheet.load',
      requestBytes: 60,
      run: () => {
        const sheet = this.resolve();
        this.loaded.isNullObject = this.nullable && !sheet;
        if (sheet) this.loaded.name = sheet.name;
      },
      responseBytes: () => 40,
    });
    return this;
  }
  delete(): void {
    const operation: Operation = { name: 'worksheet.delete', requestBytes: 60, run: () => undefined };
    operation.run = () => {
      const sheet = this.target();
      operation.writes = sheet.name;
      this.excel.sheets = this.excel.sheets.filter((s) => s !== sheet);
    };
    this.excel.enqueue(operation);
  }
  activate(): void {
    this.excel.enqueue({ name: 'worksheet.activate', requestBytes: 60, run: () => void this.target() });
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
  getRange(address: string): Range {
    return new Range(this.excel, () => ({ sheet: this.target(), ...decode(address) }));
  }
}

type Area = { sheet: FakeSheet; row: number; column: number; rowCount: number; columnCount: number };

class Range extends Proxy {
  readonly format: { font: { bold: boolean }; columnWidth: number };
  constructor(
    private readonly excel: ExcelDouble,
    private readonly area: () => Area | undefined,
    private readonly nullable = false,
  ) {
    super();
    const write = (name: string, apply: (a: Area) => void, bytes = 60) => this.write(name, apply, bytes);
    this.format = {
      font: {
        set bold(value: boolean) {
          write('range.format.font.bold=', (a) => {
            for (let r = 0; r < a.rowCount; r++)
              for (let c = 0; c < a.columnCount; c++) {
                const cell = a.sheet.get(a.row + r, a.column + c);
                if (cell) cell.bold = value;
              }
          });
        },
        get bold(): boolean {
          throw new NotLoaded('bold');
        },
      },
      set columnWidth(value: number) {
        write('range.format.columnWidth=', (a) => a.sheet.columnWidths.set(a.column, value));
      },
      get columnWidth(): number {
        throw new NotLoaded('columnWidth');
      },
    };
  }
  private write(name: string, apply: (a: Area) => void, requestBytes: number): void {
    const operation: Operation = { name, requestBytes, run: () => undefined };
    operation.run = () => {
      const a = this.area();
      if (!a) throw Object.assign(new Error('no range'), { code: 'ItemNotFound' });
      operation.writes = a.sheet.name;
      apply(a);
    };
    this.excel.enqueue(operation);
  }
  load(properties: string) {
    const wanted = properties.split(',').map((p) => p.trim());
    this.excel.enqueue({
      name: 'range.load',
      requestBytes: 60,
      run: () => {
        const a = this.area();
        this.loaded.isNullObject = this.nullable && !a;
        if (!a) return;
        Object.assign(this.loaded, { rowIndex: a.row, columnIndex: a.column, rowCount: a.rowCount, columnCount: a.columnCount });
        if (wanted.includes('values')) this.loaded.values = a.sheet.values(a);
      },
      responseBytes: () => (wanted.includes('values') && this.loaded.values ? jsonBytes(this.loaded.values) : 80),
    });
    return this;
  }
  get isNullObject(): boolean {
    return this.read('isNullObject');
  }
  get values(): Value[][] {
    return this.read('values');
  }
  set values(rows: Value[][]) {
    this.write(
      'range.values=',
      (a) => {
        rows.forEach((row, r) =>
          row.forEach((v, c) => {
            if (v === null || v === '') return;
            a.sheet.set(a.row + r, a.column + c, v);
            const cell = a.sheet.get(a.row + r, a.column + c)!;
            // Excel makes "=…" a formula unless the cell is formatted as text.
            if (typeof v === 'string' && v.startsWith('=') && cell.format !== '@') cell.formula = v;
          }),
        );
      },
      jsonBytes(rows),
    );
  }
  set numberFormat(formats: (string | null)[][]) {
    this.write(
      'range.numberFormat=',
      (a) =>
        formats.forEach((row, r) =>
          row.forEach((f, c) => {
            if (f === null) return; // null leaves the format as it is
            const existing = a.sheet.get(a.row + r, a.column + c);
            if (existing) existing.format = f;
            else
              a.sheet.cells.set(
                a.row + r,
                (a.sheet.cells.get(a.row + r) ?? new Map()).set(a.column + c, { value: '', format: f }),
              );
          }),
        ),
      jsonBytes(formats),
    );
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
  select(): void {
    this.excel.enqueue({ name: 'range.select', requestBytes: 60, run: () => void this.area() });
  }
}

class TableCollection extends Proxy {
  constructor(
    private readonly excel: ExcelDouble,
    private readonly worksheet: Worksheet | undefined,
  ) {
    super();
  }
  get items(): Table[] {
    return this.read('items');
  }
  load(_: string) {
    this.excel.enqueue({
      name: 'tables.load',
      requestBytes: 60,
      run: () => {
        const sheets = this.worksheet ? [this.worksheet.resolve()!] : this.excel.sheets;
        this.loaded.items = sheets.flatMap((s) => s.tables.map((t) => new Table(this.excel, s, t)));
      },
      responseBytes: () => 200,
    });
    return this;
  }
  add(address: string, _hasHeaders: boolean): Table {
    const holder: { sheet?: FakeSheet; table?: FakeTable } = {};
    const operation: Operation = { name: 'tables.add', requestBytes: 80, run: () => undefined };
    operation.run = () => {
      const sheet = this.worksheet!.resolve()!;
      operation.writes = sheet.name;
      const all = this.excel.sheets.flatMap((s) => s.tables);
      let n = all.length + 1;
      while (all.some((t) => t.name === `Table${n}`)) n++;
      holder.sheet = sheet;
      holder.table = { name: `Table${n}`, ...decode(address) };
      sheet.tables.push(holder.table);
    };
    this.excel.enqueue(operation);
    return new Table(
      this.excel,
      () => holder.sheet!,
      () => holder.table!,
    );
  }
}

class Table extends Proxy {
  readonly worksheet: Worksheet;
  constructor(
    private readonly excel: ExcelDouble,
    sheet: FakeSheet | (() => FakeSheet),
    private readonly table: FakeTable | (() => FakeTable),
  ) {
    super();
    const resolveSheet = typeof sheet === 'function' ? sheet : () => sheet;
    this.worksheet = new Worksheet(excel, resolveSheet);
    if (typeof table !== 'function') this.loaded.name = table.name;
  }
  private target(): FakeTable {
    return typeof this.table === 'function' ? this.table() : this.table;
  }
  get name(): string {
    return this.read('name');
  }
  set name(value: string) {
    const operation: Operation = { name: 'table.name=', requestBytes: 60, run: () => undefined };
    operation.run = () => {
      const table = this.target();
      const owner = this.excel.sheets.find((s) => s.tables.includes(table));
      operation.writes = owner?.name;
      if (this.excel.sheets.some((s) => s.tables.some((t) => t !== table && t.name.toLowerCase() === value.toLowerCase())))
        throw Object.assign(new Error(`a table named ${value} exists`), { code: 'InvalidArgument' });
      table.name = value;
    };
    this.excel.enqueue(operation);
  }
  set style(value: string) {
    const operation: Operation = { name: 'table.style=', requestBytes: 60, run: () => undefined };
    operation.run = () => {
      const table = this.target();
      operation.writes = this.excel.sheets.find((s) => s.tables.includes(table))?.name;
      table.style = value;
    };
    this.excel.enqueue(operation);
  }
  getRange(): Range {
    return new Range(this.excel, () => {
      const table = this.target();
      const sheet = this.excel.sheets.find((s) => s.tables.includes(table))!;
      return { sheet, row: table.row, column: table.column, rowCount: table.rowCount, columnCount: table.columnCount };
    });
  }
}
