/**
 * The Office.js adapter: it only moves cell grids between Excel and the
 * workbook layer, in a constant number of `context.sync` calls per run:
 *
 *   1. the names of the sheets and tables
 *   2. every input sheet's used range: its size, and its cells within A1:Z8000
 *      (FIRST_READ), the first rows of every output sheet, every table's range,
 *      and whether the output sheets are protected
 *   3. all output sheets written, calculation and screen updating suspended; their layout (styled rows, frozen
 *      panes, page setup) goes with the last rows
 *
 * plus one sync per extra block where a request or response would pass Excel
 * on the web's 5 MB limit: a sheet larger than the first read is read in
 * blocks sized from the bytes its cells were measured to weigh, never by a
 * full read bound to fail.
 *
 * The output sheets are kept (a user's formula, defined name or chart pointing
 * at them keeps working; position, tab colour and print setup stay) and their
 * content replaced. Excel batches are not transactions, so a write that fails
 * midway could leave a half-written sheet: the first thing written on each
 * output sheet is a banner in A1 saying the sheet is incomplete (it carries
 * OUTPUT_MARK, so the next run may replace the sheet), and only the last
 * operation of the last sync puts the real title there. After a failure a
 * best-effort recovery empties every sheet that still carries the banner.
 */
import type { CellPlace } from '../model/types';
import { cellError, columnLetters, type CellValue, type SheetCells, type TableArea } from '../workbook/grid';
import { HostError } from '../workbook/host';
import {
  chartBlock,
  isFoldedNote,
  isOutputChartName,
  LINE_HEIGHT_POINTS,
  ROW_STYLES,
  type ColumnGroup,
  type OutputCell,
  type OutputChart,
  type OutputSheet,
  type PageMargin,
  type PageSetup,
  type RowStyle,
} from '../workbook/output';
import { isOutputSheet, OUTPUT_MARK, OUTPUT_MARK_ROWS, sameSheetName } from '../workbook/read';
import { isScenarioSheet, type ScenarioSheetCells } from '../workbook/scenario-edit';
import { shownValue } from '../workbook/excel-dates';
import {
  BLOCK_BUDGET_BYTES,
  isPayloadTooLarge,
  isRetryable,
  jsonBytes,
  OPERATION_BYTES,
  PAYLOAD_LIMIT_BYTES,
  READ_BUDGET_BYTES,
  rowBlocks,
} from './payload';

export interface ApiSupport {
  /** `suspendApiCalculationUntilNextSync` (ExcelApi 1.6). */
  suspendCalculation: boolean;
  /** `suspendScreenUpdatingUntilNextSync` (ExcelApi 1.9). */
  suspendScreenUpdating: boolean;
  /** `worksheet.freezePanes` and `format.useStandardHeight` (ExcelApi 1.7). */
  freezePanes: boolean;
  /** `worksheet.pageLayout` and `horizontalPageBreaks` (ExcelApi 1.9). */
  pageLayout: boolean;
  /** `range.group`, `ungroup` and `hideGroupDetails`: the outline (ExcelApi 1.10). */
  outline: boolean;
}

export const apiSupport = (): ApiSupport => {
  const requirements = Office.context.requirements;
  const suspendCalculation = requirements.isSetSupported('ExcelApi', '1.6');
  const freezePanes = requirements.isSetSupported('ExcelApi', '1.7');
  const v1_9 = requirements.isSetSupported('ExcelApi', '1.9');
  const outline = requirements.isSetSupported('ExcelApi', '1.10');
  return { suspendCalculation, freezePanes, suspendScreenUpdating: v1_9, pageLayout: v1_9, outline };
};

/** What a write left out because the host lacks the requirement set: the sheets are written without it. */
export type NotDrawn = 'frozenPanes' | 'pageSetup' | 'columnGroups';

export interface WriteReport {
  notDrawn: NotDrawn[];
}

/** Excel returns no values (null) for a range of more than five million cells. */
export const MAX_READ_CELLS = 5_000_000;
const LAST_ROW = 1_048_576;

/** What an output sheet says in A1 while it is being written. */
export const INCOMPLETE_BANNER = `Ufuldstændig: beregningen blev afbrudt. Kør Skriv resultater igen. (${OUTPUT_MARK})`;

const address = (row: number, column: number, rowCount: number, columnCount: number): string =>
  `${columnLetters(column)}${row + 1}:${columnLetters(column + columnCount - 1)}${row + rowCount}`;

/** 1900, or 1904 for a workbook in the 1904 date system (Mac workbooks of old): where serial 0 stands. */
export type DateSystem = 1900 | 1904;

/**
 * A cell as the workbook layer takes it, the same as the .xlsx adapter gives it
 * (test/contract): an empty cell ("" in Office.js) is null; an error ('#DIV/0!')
 * is a CellError; a number in a date or time format is the ISO text the user sees
 * ('2026-02-01'), never its serial number (46054), so an amount cell holding a
 * date is refused, with its place, not read as 46.054 kr.
 */
const cellValue = (v: unknown, format: unknown, system: DateSystem): CellValue => {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return shownValue(v, typeof format === 'string' ? format : undefined, system);
  if (typeof v === 'string') {
    const error = cellError(v);
    return error === undefined ? v : { error };
  }
  return typeof v === 'boolean' ? v : String(v);
};

/**
 * Values with the number formats of the same cells (loaded in the same sync), as the workbook layer takes them;
 * each row ends at its last value, as the .xlsx adapter's rows do.
 */
const cellValues = (values: unknown[][], formats: unknown[][] | undefined, system: DateSystem): CellValue[][] =>
  values.map((row, r) => {
    const cells = row.map((v, c) => cellValue(v, formats?.[r]?.[c], system));
    let end = cells.length;
    while (end > 0 && cells[end - 1] === null) end--;
    return end === cells.length ? cells : cells.slice(0, end);
  });

export interface WorkbookRead {
  /** Every sheet's name, in workbook order. */
  sheetNames: string[];
  /** The workbook's date system, which decides the day a date cell's serial number is. */
  dateSystem: DateSystem;
  /**
   * Every sheet, in workbook order: input sheets in full (or marked oversized),
   * output sheets (by name) with at least their first OUTPUT_MARK_ROWS rows.
   */
  sheets: SheetCells[];
  /** Every table in the workbook, with its sheet (when known). */
  tables: { name: string; sheet?: string }[];
  /** Output sheets that are protected (nothing can be written on them). */
  protectedSheets: string[];
  /** The charts on the output sheets, by name (a re-run replaces those Råderum drew: isOutputChartName). */
  charts: { sheet: string; name: string }[];
}

type Size = Pick<Excel.Range, 'isNullObject' | 'rowIndex' | 'columnIndex' | 'rowCount' | 'columnCount'>;

const originOf = (used: Size) => (used.isNullObject ? { row: 0, column: 0 } : { row: used.rowIndex, column: used.columnIndex });
const tooManyCells = (used: Size) => !used.isNullObject && used.rowCount * used.columnCount > MAX_READ_CELLS;

/**
 * Office.js does not say which date system a workbook uses; Excel's DATE
 * function does: DATE(1904,1,1) is 1462 in the 1900 system and 0 in the 1904 one.
 */
const DATE_1904 = [1904, 1, 1] as const;
const dateSystemOf = (result: unknown): DateSystem => (result === 0 ? 1904 : 1900);

/** One sync: the names of the sheets and tables, and the date system. */
export async function workbookNames(context: Excel.RequestContext): Promise<WorkbookRead> {
  const worksheets = context.workbook.worksheets.load('items/name');
  const tables = context.workbook.tables.load('items/name');
  const date1904 = context.workbook.functions.date(...DATE_1904).load('value');
  await context.sync();
  return {
    sheetNames: worksheets.items.map((w) => w.name),
    dateSystem: dateSystemOf(date1904.value),
    sheets: [],
    tables: tables.items.map((t) => ({ name: t.name })),
    protectedSheets: [],
    charts: [],
  };
}

/**
 * Read with the sizes, before they are known: each input sheet's used range within A1:Z8000 (208.000 cells;
 * 4 MB at 19 bytes a cell, a proposal list's values and number formats). A list up to 8.000 rows is then read
 * in the names sync's follower, with no sync first for the sizes; a larger one is read whole only from sizes.
 */
export const FIRST_READ = { rows: 8_000, columns: 26 };
/** What a cell is taken to weigh (value and number format, as JSON) before one of its sheet has been read. */
const UNMEASURED_BYTES_PER_CELL = 64;

interface Area {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

/** A sheet being read: its used range, the rows read so far, and what its cells weigh. */
interface Reading {
  name: string;
  used: Area;
  rows: CellValue[][];
  /** The rows and columns read with the sizes (a rectangle from the used range's top-left cell). */
  firstRead: { rowCount: number; columnCount: number };
  /** Bytes of value and number format per cell, from the cells read (undefined before any). */
  bytesPerCell?: number;
  /** The Scenarier sheet's formula cells (ScenarioSheetCells): read with its values, so the editor moves none as a value. */
  formulas?: { row: number; column: number }[];
}

/** What a range is loaded with: the Scenarier sheet's formulas too (a small sheet: no extra sync). */
const cellsToLoad = (name: string): string => (isScenarioSheet(name) ? 'values,numberFormat,formulas' : 'values,numberFormat');

export async function readWorkbook(context: Excel.RequestContext): Promise<WorkbookRead> {
  const { sheetNames: names, tables, dateSystem } = await workbookNames(context);
  const inputs = names.filter((name) => !isOutputSheet(name));
  const outputs = names.filter(isOutputSheet);
  const sheet = (name: string) => context.workbook.worksheets.getItem(name);
  // Queued with each attempt to read, so they arrive in the same sync as the values (or the sizes).
  const queueTablesAndOutputs = () => ({
    tables: tables.map(({ name }) => {
      const table = context.workbook.tables.getItem(name);
      return {
        name,
        worksheet: table.worksheet.load('name'),
        range: table.getRange().load('rowIndex,columnIndex,rowCount,columnCount'),
      };
    }),
    outputs: outputs.map((name) => {
      // A blank sheet's used range is A1; the top rows decide whether the sheet is ours (readBook).
      const used = sheet(name).getUsedRange(true);
      return {
        name,
        protection: sheet(name).protection.load('protected'),
        charts: sheet(name).charts.load('items/name'),
        used: used.load('rowIndex,columnIndex,rowCount,columnCount'),
        top: used.getIntersectionOrNullObject(`A1:XFD${OUTPUT_MARK_ROWS}`).load('values'),
        firstRow: used.getRow(0).load('values'),
      };
    }),
  });
  // Not OrNullObject: a method of a null object is not to be relied on; a blank sheet's used range is an empty A1.
  const usedRange = (name: string) => sheet(name).getUsedRange(true);
  const SIZE = 'rowIndex,columnIndex,rowCount,columnCount';
  const firstArea = `A1:${columnLetters(FIRST_READ.columns - 1)}${FIRST_READ.rows}`;

  let queued = queueTablesAndOutputs();
  // Number formats with the values, in the same sync: they alone tell a date from a number.
  const attempt = inputs.map((name) => {
    const used = usedRange(name).load(SIZE);
    return { used, first: used.getIntersectionOrNullObject(firstArea).load(`${cellsToLoad(name)},${SIZE}`) };
  });
  let sizes: Size[];
  let first: (Excel.Range | undefined)[] = [];
  let unmeasured = UNMEASURED_BYTES_PER_CELL;
  try {
    await context.sync();
    sizes = attempt.map((a) => a.used);
    first = attempt.map((a) => a.first);
  } catch (error) {
    // Past the response limit after all (long texts, or several long lists): the sizes alone, then blocks.
    if (!isRetryable(error)) throw error;
    queued = queueTablesAndOutputs();
    sizes = inputs.map((name) => usedRange(name).load(SIZE));
    await context.sync();
    // The cells of the first read weighed more than 5 MB together: twice that average, so the blocks are not refused.
    const cells = sizes.reduce((sum, size) => sum + firstReadCells(size), 0);
    unmeasured = Math.max(unmeasured, (2 * PAYLOAD_LIMIT_BYTES) / Math.max(1, cells));
  }

  const readings: (Reading | undefined)[] = inputs.map((name, i) => {
    const size = sizes[i];
    if (tooManyCells(size)) return undefined;
    const used = { row: size.rowIndex, column: size.columnIndex, rowCount: size.rowCount, columnCount: size.columnCount };
    const rows: CellValue[][] = Array.from({ length: used.rowCount }, () => []);
    const read = first[i];
    // The intersection starts at the used range's top-left cell whenever it is not empty.
    const firstRead =
      read && !read.isNullObject ? { rowCount: read.rowCount, columnCount: read.columnCount } : { rowCount: 0, columnCount: 0 };
    const reading: Reading = { name, used, rows, firstRead, ...(isScenarioSheet(name) ? { formulas: [] } : {}) };
    if (read && !read.isNullObject)
      place(reading, read, read.values, read.numberFormat, dateSystem, reading.formulas && read.formulas);
    return reading;
  });
  await readRest(context, readings, dateSystem, unmeasured);

  const inputSheets = inputs.map((name, i): SheetCells => {
    const reading = readings[i];
    if (!reading) return oversized(name, sizes[i]);
    const values = reading.rows.map(trimmed);
    // A blank sheet's used range is an empty A1: no rows.
    const blank = values.length === 1 && values[0].length === 0;
    const sheet = {
      name,
      origin: { row: reading.used.row, column: reading.used.column },
      values: blank ? [] : values,
      tables: [],
    };
    return reading.formulas ? ({ ...sheet, formulas: reading.formulas } as ScenarioSheetCells) : sheet;
  });

  const tablesOn = (name: string): TableArea[] =>
    queued.tables
      .filter((t) => t.worksheet.name === name)
      .map(({ name, range }) => ({
        name,
        row: range.rowIndex,
        column: range.columnIndex,
        rowCount: range.rowCount,
        columnCount: range.columnCount,
      }));
  const outputSheets = queued.outputs.map(({ name, used, top, firstRow }): SheetCells => {
    // The used range's top rows when it starts in them; else its first row (not ours: the mark is in row 2).
    const rows = top.isNullObject ? firstRow.values : top.values;
    // Only the mark is looked for here: no number formats needed.
    return { name, origin: originOf(used), values: cellValues(rows, undefined, dateSystem), tables: [] };
  });
  const byName = new Map([...inputSheets, ...outputSheets].map((s) => [s.name, s]));
  return {
    sheetNames: names,
    dateSystem,
    sheets: names.map((name) => ({ ...byName.get(name)!, tables: tablesOn(name) })),
    tables: queued.tables.map((t) => ({ name: t.name, sheet: t.worksheet.name })),
    protectedSheets: queued.outputs.filter((o) => o.protection.protected).map((o) => o.name),
    charts: queued.outputs.flatMap((o) => o.charts.items.map((c) => ({ sheet: o.name, name: c.name }))),
  };
}

/** The cells of a used range within the first read's area (A1:Z8000). */
const firstReadCells = (used: Size): number =>
  Math.max(0, Math.min(used.rowCount, FIRST_READ.rows - used.rowIndex)) *
  Math.max(0, Math.min(used.columnCount, FIRST_READ.columns - used.columnIndex));

function oversized(name: string, used: Size): SheetCells {
  return {
    name,
    origin: originOf(used),
    values: [],
    tables: [],
    oversized: { rowCount: used.rowCount, columnCount: used.columnCount },
  };
}

/** A row without its trailing empty cells, as the .xlsx adapter's rows are. */
function trimmed(row: CellValue[]): CellValue[] {
  let end = row.length;
  while (end > 0 && (row[end - 1] === null || row[end - 1] === undefined)) end--;
  const cells = row.slice(0, end);
  // A cell left unread between two read ones cannot happen (areas are whole); empty as null, never a hole.
  for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) cells[c] = null;
  return cells;
}

/** Puts the cells of a range read into the sheet's rows, and learns what a cell of the sheet weighs. */
function place(
  reading: Reading,
  range: Size,
  values: unknown[][],
  formats: unknown[][],
  system: DateSystem,
  formulas?: unknown[][],
): void {
  const bytes = jsonBytes(values) + jsonBytes(formats);
  const cells = range.rowCount * range.columnCount;
  // The heavier of what was read before and now: a block sized from it rather fails less than more.
  reading.bytesPerCell = Math.max(reading.bytesPerCell ?? 0, bytes / Math.max(1, cells));
  const top = range.rowIndex - reading.used.row;
  const left = range.columnIndex - reading.used.column;
  values.forEach((row, r) => {
    const target = reading.rows[top + r];
    row.forEach((v, c) => (target[left + c] = cellValue(v, formats[r]?.[c], system)));
  });
  // Range.formulas gives a formula cell's formula ("=…") and another cell's value: a text "=2*3" (typed with an
  // apostrophe) gives the same in both, a formula its result in `values`.
  formulas?.forEach((row, r) =>
    row.forEach((f, c) => {
      if (typeof f === 'string' && f.startsWith('=') && f !== values[r]?.[c])
        reading.formulas?.push({ row: range.rowIndex + r, column: range.columnIndex + c });
    }),
  );
}

/** The areas of a sheet not read yet: what the first read left to the right of its rows, and the rows below. */
function unread({ used, firstRead }: Reading): Area[] {
  const areas: Area[] = [];
  if (firstRead.rowCount > 0 && firstRead.columnCount < used.columnCount)
    areas.push({
      row: used.row,
      column: used.column + firstRead.columnCount,
      rowCount: firstRead.rowCount,
      columnCount: used.columnCount - firstRead.columnCount,
    });
  if (firstRead.rowCount < used.rowCount)
    areas.push({
      row: used.row + firstRead.rowCount,
      column: used.column,
      rowCount: used.rowCount - firstRead.rowCount,
      columnCount: used.columnCount,
    });
  return areas;
}

/**
 * Reads what the first read left, in as few syncs as the 5 MB limit allows: blocks of rows sized from what the
 * sheet's cells were measured to weigh (READ_BUDGET_BYTES, a margin under the limit for denser rows further
 * down), several sheets' blocks in one sync. A block that still fails is read again in halves.
 */
async function readRest(
  context: Excel.RequestContext,
  readings: (Reading | undefined)[],
  system: DateSystem,
  unmeasured: number,
): Promise<void> {
  const pending: { reading: Reading; area: Area }[] = readings.flatMap((reading) =>
    reading ? unread(reading).map((area) => ({ reading, area })) : [],
  );
  const measured = readings.filter((r) => r?.bytesPerCell !== undefined).map((r) => r!.bytesPerCell!);
  const weight = (reading: Reading) => reading.bytesPerCell ?? Math.max(unmeasured, ...measured);
  while (pending.length > 0) {
    // A batch: whole areas while they fit, then as many rows of the next as fit (at least one row).
    const batch: { reading: Reading; area: Area; range: Excel.Range }[] = [];
    let bytes = 0;
    while (pending.length > 0) {
      const { reading, area } = pending[0];
      const rowBytes = weight(reading) * area.columnCount;
      const rows = Math.min(area.rowCount, Math.floor((READ_BUDGET_BYTES - bytes) / rowBytes));
      if (rows < 1 && batch.length > 0) break;
      const count = Math.max(1, rows);
      const block = { ...area, rowCount: count };
      if (count === area.rowCount) pending.shift();
      else pending[0] = { reading, area: { ...area, row: area.row + count, rowCount: area.rowCount - count } };
      const range = context.workbook.worksheets
        .getItem(reading.name)
        .getRange(address(block.row, block.column, block.rowCount, block.columnCount))
        .load(`${cellsToLoad(reading.name)},rowIndex,columnIndex,rowCount,columnCount`);
      batch.push({ reading, area: block, range });
      bytes += count * rowBytes;
    }
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block is the 5 MB limit's price
      await context.sync();
    } catch (error) {
      if (!isRetryable(error)) throw error;
      const single = batch.length === 1 && batch[0].area.rowCount === 1;
      if (single) throw tooLarge(error, batch[0].reading.name, batch[0].area.row);
      // The same areas again, in blocks half the size: the cells weighed more than measured.
      pending.unshift(...batch.map(({ reading, area }) => ({ reading, area })));
      for (const reading of new Set(batch.map((b) => b.reading))) reading.bytesPerCell = 2 * weight(reading);
      continue;
    }
    for (const { reading, range } of batch)
      place(reading, range, range.values, range.numberFormat, system, reading.formulas && range.formulas);
  }
}

/** A single row that still fails: too large, when Excel said so; else Excel's own error. */
function tooLarge(error: unknown, sheet: string, row: number): unknown {
  return isPayloadTooLarge(error) ? new HostError('tooLarge', `${sheet}, række ${row + 1}`) : error;
}

export interface WriteOptions {
  support: ApiSupport;
  /** The workbook as read in this run (saves syncs); its output sheets' top rows say whether they were folded. */
  workbook: Pick<WorkbookRead, 'sheetNames' | 'tables' | 'protectedSheets'> & Partial<Pick<WorkbookRead, 'sheets' | 'charts'>>;
  /** Only add sheets that do not exist yet (the template); never touch one that does. */
  addOnly?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Text that Excel's `values` setter would take as a formula gets a leading
 * apostrophe, which Excel keeps as the cell's quote prefix, not in its value;
 * the text format "@" (set before the values) keeps every other text as text.
 */
const asText = (v: OutputCell): string | number | null => (typeof v === 'string' && /^[=+\-@]/.test(v) ? `'${v}` : v);

interface Target {
  output: OutputSheet;
  /**
   * A log's sheet (OutputSheet.appendAt): written from that row on, below what the sheet holds, which stays as
   * it is; no banner, nothing cleared, its tables, widths, panes and page breaks kept.
   */
  append?: { offset: number };
  /** The sheet's name in the workbook when it exists before the write (Excel's case-insensitive rule). */
  existing?: string;
  /** The sheet this write added, its id loaded: recovery deletes that sheet only, never one of the same name. */
  added?: Excel.Worksheet;
}

/** The id of the sheet a write added, when Excel reported it. */
const addedId = (target: Target): string | undefined => {
  try {
    return target.added?.id;
  } catch {
    return undefined; // the batch stopped before the id was loaded
  }
};

interface SheetsNow {
  /** Whether the target's sheet is there to write on: one that was there at the read, or one this write added. */
  present: (target: Target) => boolean;
  /** Tables on each target sheet now. */
  tables: string[][];
  /** The charts Råderum drew on each target sheet now (a name once per chart: names need not be unique). */
  charts: string[][];
}

export async function writeSheets(
  context: Excel.RequestContext,
  outputs: readonly OutputSheet[],
  options: WriteOptions,
): Promise<WriteReport> {
  const { workbook } = options;
  const existingName = (name: string) => workbook.sheetNames.find((n) => sameSheetName(n, name));
  const targets: Target[] = outputs
    .map((output) => ({
      output,
      existing: existingName(output.name),
      ...(output.appendAt === undefined ? {} : { append: { offset: Math.max(0, output.appendAt) } }),
    }))
    .filter((t) => !(options.addOnly && t.existing));
  const notDrawn = new Set<NotDrawn>();
  for (const { output } of targets) {
    if (output.frozen && !options.support.freezePanes) notDrawn.add('frozenPanes');
    if (output.page && !options.support.pageLayout) notDrawn.add('pageSetup');
    if (output.columnGroups?.length && !options.support.outline) notDrawn.add('columnGroups');
  }
  const report: WriteReport = { notDrawn: [...notDrawn] };
  if (targets.length === 0) return report;
  // A protected sheet refuses every write: say so before anything is written.
  const locked = targets.find((t) => t.existing && workbook.protectedSheets.some((p) => sameSheetName(p, t.existing!)));
  if (locked) throw new HostError('protected', locked.existing!);
  const banner = !options.addOnly;
  // A log's sheet is written below what it holds: no banner over it, nothing cleared.
  const bannered = (target: Target) => banner && !target.append;

  // Table names are unique in a workbook (by Excel's name rule, as for sheets): ours on the target sheets go first;
  // one a user's table has (the workbook layer avoids them, but the workbook may have changed) is said before
  // anything is written.
  const onTarget = (sheet?: string) => targets.some((t) => t.existing && sheet !== undefined && sameSheetName(t.existing, sheet));
  for (const { output } of targets)
    for (const t of output.tables) {
      const other = workbook.tables.find((x) => !onTarget(x.sheet) && sameSheetName(x.name, t.name));
      if (other)
        throw new HostError(
          'other',
          `Tabelnavnet ${other.name} bruges allerede${other.sheet ? ` på arket ${other.sheet}` : ''}; omdøb den tabel og prøv igen.`,
        );
    }

  // A cleared sheet is General throughout: null leaves a cell's format alone and keeps the request small.
  const grids = targets.map((target) => {
    const { output } = target;
    const values = output.values.map((row) => row.map(asText));
    const formats = output.formats.map((row) => row.map((f) => (f === 'General' ? null : f)));
    if (bannered(target) && values.length > 0) {
      values[0][0] = INCOMPLETE_BANNER;
      formats[0][0] = '@';
    }
    // Output grids are rectangular (OutputSheet); no spread over rows, which overflows the stack.
    return { values, formats, width: Math.max(1, output.values[0]?.length ?? 0) };
  });
  const rows = grids.flatMap((g, s) =>
    g.values.map((values, r) => ({ s, r, bytes: jsonBytes(values) + jsonBytes(g.formats[r]) })),
  );
  const estimated = rowBlocks(rows.map((r) => r.bytes)).length;
  // Formats, tables, freeze panes and page setup ride with the last rows.
  // A sheet a run folded holds its outline still (a clear keeps it); Excel refuses to ungroup where there is none.
  const wasFolded = (t: Target): boolean =>
    t.existing !== undefined &&
    !t.append &&
    (workbook.sheets ?? []).some(
      (sheet) => sameSheetName(sheet.name, t.existing!) && sheet.values.some((row) => row.some(isFoldedNote)),
    );
  const placing = (t: Target): Placing => ({
    offset: t.append?.offset ?? 0,
    append: t.append !== undefined,
    fresh: !t.append || t.existing === undefined,
  });
  let drawings = targets.map((t, s) => decorations(t.output, grids[s].width, options.support, wasFolded(t), placing(t)));
  // Whether the last batch ungroups a previous run's outline (which Excel refuses where there is none).
  let ungroupQueued = options.support.outline && targets.some(wasFolded);
  const drawingBytes = drawings.flat().reduce((sum, d) => sum + d.bytes, 0);

  const sheet = (s: number) => context.workbook.worksheets.getItem(targets[s].output.name);
  const suspend = () => {
    if (options.support.suspendCalculation) context.workbook.application.suspendApiCalculationUntilNextSync();
    if (options.support.suspendScreenUpdating) context.workbook.application.suspendScreenUpdatingUntilNextSync();
  };
  /** The first operations on each sheet: add it if missing, banner, old tables and content out. */
  const prepare = (now: SheetsNow) => {
    targets.forEach((target) => {
      if (!now.present(target)) target.added = context.workbook.worksheets.add(target.output.name).load('id');
    });
    if (!banner) return;
    targets.forEach((target, s) => {
      if (!bannered(target)) return;
      const a1 = sheet(s).getRange('A1');
      a1.numberFormat = [['@']];
      a1.values = [[INCOMPLETE_BANNER]];
    });
    untable(now.tables);
    targets.forEach((target, s) => {
      if (bannered(target)) clearUnderBanner(sheet(s));
    });
  };
  /** The tables on the target sheets become plain ranges: delete would take their cells (banner, rows) with them. */
  const untable = (tables: string[][]) =>
    tables.forEach((names, s) => names.forEach((name) => sheet(s).tables.getItem(name).convertToRange()));
  const queueRows = (from: number, to: number) => {
    for (let i = from; i < to;) {
      let j = i;
      while (j + 1 < to && rows[j + 1].s === rows[i].s) j++;
      const { s, r: first } = rows[i];
      const count = j - i + 1;
      const range = sheet(s).getRange(address(first + (targets[s].append?.offset ?? 0), 0, count, grids[s].width));
      // Formats before values: text cells are "@" when their text arrives.
      range.numberFormat = grids[s].formats.slice(first, first + count);
      range.values = grids[s].values.slice(first, first + count);
      i = j + 1;
    }
  };
  const finish = () => {
    // The charts a previous run drew go (getItem gives the first of a name: once per chart of it); a user's stay.
    now.charts.forEach((names, s) => names.forEach((name) => sheet(s).charts.getItem(name).delete()));
    drawings.forEach((list, s) => {
      const worksheet = sheet(s);
      list.forEach((d) => d.draw(worksheet));
    });
    // Last of all: the real titles replace the banners.
    targets.forEach((target, s) => {
      if (bannered(target) && target.output.values.length > 0)
        sheet(s).getRange('A1').values = [[asText(target.output.values[0][0])]];
    });
  };

  // Every chart on each target sheet at the read, a user's too: what a retry tells a chart it added by.
  const chartsAtRead = targets.map((t) =>
    t.append || !t.existing ? [] : (workbook.charts ?? []).filter((c) => sameSheetName(c.sheet, t.existing!)).map((c) => c.name),
  );
  let now: SheetsNow = {
    present: (target) => target.existing !== undefined,
    // A log's sheet keeps its tables.
    tables: targets.map((t) =>
      t.append
        ? []
        : workbook.tables.filter((x) => t.existing && x.sheet && sameSheetName(x.sheet, t.existing)).map((x) => x.name),
    ),
    charts: chartsAtRead.map((names) => names.filter(isOutputChartName)),
  };
  try {
    let cursor = 0;
    let maxRows = Infinity;
    let first = true;
    // After a failed last batch: the tables it may have added, out before they are added again (tables cannot overlap).
    let leftover: string[][] | undefined;
    let done = 0;
    for (;;) {
      suspend();
      if (first) prepare(now);
      else if (leftover) untable(leftover);
      let end = cursor;
      let bytes = 0;
      while (end < rows.length && end - cursor < maxRows && (end === cursor || bytes + rows[end].bytes <= BLOCK_BUDGET_BYTES))
        bytes += rows[end++].bytes;
      // The drawing goes with the last rows when both fit in one request; else in a request of its own after them.
      const last = end === rows.length && (end === cursor || bytes + drawingBytes <= BLOCK_BUDGET_BYTES);
      queueRows(cursor, end);
      if (last) finish();
      try {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block is the 5 MB limit's price
        await context.sync();
      } catch (error) {
        // The note said a run folded the sheet, but the group is gone (an Excel without ExcelApi 1.10 wrote it, or a
        // user ungrouped): Excel refused the ungroup. The last batch again, the outline undone on a sync of its own.
        const ungroupRefused = last && ungroupQueued && !isRetryable(error);
        ungroupQueued = false;
        // Too large a request (Excel on the web may say GeneralException): the same rows again, in halves.
        if (!isRetryable(error) && !ungroupRefused) throw error;
        const count = end - cursor;
        const at = rows[cursor];
        if (!ungroupRefused) {
          if (count <= 1) throw tooLarge(error, targets[at?.s ?? 0].output.name, at?.r ?? 0);
          maxRows = Math.max(1, Math.floor(count / 2));
        }
        // Part of the batch may have run: the first is prepared again, and the tables a last one (or the tables
        // taken out before it) left are taken out again, both from what the workbook holds now.
        if (first || last || leftover) {
          now = await sheetsNow(context, targets, chartsAtRead);
          if (!first) leftover = now.tables;
        }
        // A last batch may have grouped columns, or ungrouped them, before it failed: the outline is taken back to
        // none, so grouping again cannot nest a second level.
        if (last && options.support.outline && targets.some((t) => t.output.columnGroups?.length || wasFolded(t))) {
          await withoutOutline(context, targets, now);
          drawings = targets.map((t, s) => decorations(t.output, grids[s].width, options.support, false, placing(t)));
        }
        continue;
      }
      leftover = undefined;
      first = false;
      cursor = end;
      options.onProgress?.(++done, Math.max(estimated, done + (last ? 0 : 1)));
      if (last) return report;
    }
  } catch (error) {
    await recover(context, targets, bannered);
    throw error;
  }
}

/**
 * Each target sheet's outline (one level at most: what a run draws) undone, where there is one: on its own sync,
 * since Excel refuses to ungroup where there is no group and a sheet may hold none.
 */
async function withoutOutline(context: Excel.RequestContext, targets: readonly Target[], now: SheetsNow): Promise<void> {
  for (const target of targets) {
    if (!now.present(target)) continue;
    try {
      context.workbook.worksheets.getItem(target.output.name).getRange('A:XFD').ungroup('ByColumns');
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- only after a failed write, one per sheet
      await context.sync();
    } catch {
      // No group there: nothing to undo.
    }
  }
}

/** Everything on the sheet but A1 (the banner). */
function clearUnderBanner(sheet: Excel.Worksheet): void {
  sheet.getRange('B1:XFD1').clear('All');
  sheet.getRange(`A2:XFD${LAST_ROW}`).clear('All');
}

/**
 * The charts to replace on a sheet: Råderum's (by name), and those beyond the ones the sheet held at the read (a
 * failed batch may have added a chart and stopped before naming it "Raaderum_…": Excel calls it "Chart n").
 */
function chartsToReplace(names: readonly string[], atRead: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const name of atRead) left.set(name, (left.get(name) ?? 0) + 1);
  return names.filter((name) => {
    if (isOutputChartName(name)) return true;
    const known = left.get(name) ?? 0;
    left.set(name, known - 1);
    return known <= 0;
  });
}

async function sheetsNow(
  context: Excel.RequestContext,
  targets: readonly Target[],
  chartsAtRead: readonly string[][] = targets.map(() => []),
): Promise<SheetsNow> {
  const worksheets = context.workbook.worksheets.load('items/name,items/id');
  await context.sync();
  const named = (name: string) => worksheets.items.find((w) => sameSheetName(w.name, name));
  // A sheet of that name that this write did not add (someone else's, added since the read) is not ours to write on:
  // adding ours fails, and recovery leaves theirs alone.
  const present = (target: Target) => {
    const sheet = named(target.output.name);
    return sheet !== undefined && (target.existing !== undefined || sheet.id === addedId(target));
  };
  const tables = targets.map((target) =>
    present(target) && !target.append
      ? context.workbook.worksheets.getItem(target.output.name).tables.load('items/name')
      : undefined,
  );
  const charts = targets.map((target) =>
    present(target) && !target.append
      ? context.workbook.worksheets.getItem(target.output.name).charts.load('items/name')
      : undefined,
  );
  await context.sync();
  return {
    present,
    tables: tables.map((t) => t?.items.map((x) => x.name) ?? []),
    charts: charts.map((c, s) => chartsToReplace(c?.items.map((x) => x.name) ?? [], chartsAtRead[s])),
  };
}

/** Calls queued on an output sheet, and what they add to a request. */
interface Drawing {
  bytes: number;
  draw: (sheet: Excel.Worksheet) => void;
}

/** `calls` calls with these arguments. */
const drawing = (calls: number, args: unknown, draw: (sheet: Excel.Worksheet) => void): Drawing => ({
  bytes: calls * OPERATION_BYTES + jsonBytes(args ?? null),
  draw,
});

/** Excel's limits: a row's height in points, a header's or footer's characters, manual page breaks on a sheet. */
export const MAX_ROW_HEIGHT_POINTS = 409;
export const MAX_HEADER_FOOTER_CHARS = 255;
export const MAX_PAGE_BREAKS = 1026;

/**
 * Bold rows, column widths, tables, the styled rows (ROW_STYLES), frozen panes and page setup, in the order
 * drawn. What a previous run drew and this one replaces goes first: row heights (the cells' formats went with
 * the clear), frozen panes, page breaks. Freeze panes and page setup only where the host has their sets.
 */
function decorations(
  output: OutputSheet,
  width: number,
  support: ApiSupport,
  wasFolded = false,
  placing: Placing = { offset: 0, append: false, fresh: true },
): Drawing[] {
  const list: Drawing[] = [];
  const { offset, append } = placing;
  const whole = (r: number) => address(r + offset, 0, 1, width);
  for (const r of output.boldRows) {
    const at = whole(r);
    list.push(drawing(1, at, (sheet) => (sheet.getRange(at).format.font.bold = true)));
  }
  // A log's sheet keeps the widths a reader gave its columns.
  if (placing.fresh)
    output.columnWidths.forEach((chars, c) => {
      const columns = `${columnLetters(c)}:${columnLetters(c)}`;
      list.push(drawing(1, columns, (sheet) => (sheet.getRange(columns).format.columnWidth = chars * 7)));
    });
  for (const t of output.tables) {
    const at = address(t.row + offset, t.column, t.rowCount, t.columnCount);
    list.push(
      drawing(3, [at, t.name], (sheet) => {
        const table = sheet.tables.add(at, true);
        table.name = t.name;
        table.style = 'TableStyleLight9';
      }),
    );
  }
  if (output.rowStyles) {
    // Heights outlive a clear: a header row of the previous run may stand elsewhere now (a log: its new rows only).
    const rows = append ? `${offset + 1}:${offset + Math.max(1, output.values.length)}` : 'A:XFD';
    if (support.freezePanes) list.push(drawing(1, rows, (sheet) => (sheet.getRange(rows).format.useStandardHeight = true)));
    for (const { row, style, lines } of output.rowStyles) list.push(styledRow(whole(row), style, lines));
  }
  // A log's sheet keeps its panes and outline; its page breaks stay, the new ones added.
  if (output.frozen && support.freezePanes && !append) list.push(frozenPanes(output.frozen));
  if (output.page && support.pageLayout) list.push(pageSetup(output.page, placing));
  if (support.outline && !append && (wasFolded || output.columnGroups?.length))
    list.push(columnGroups(output.columnGroups ?? [], wasFolded));
  if (!append) for (const chart of output.charts ?? []) list.push(chartDrawing(chart));
  return list;
}

/** Where a sheet's rows go: from `offset` on; `append` for a log's sheet; `fresh` where its columns are ours to size. */
interface Placing {
  offset: number;
  append: boolean;
  fresh: boolean;
}

/**
 * The previous run's outline goes (only where it folded: Excel refuses to ungroup where there is no group), its
 * hidden columns are shown again; then the groups, collapsed where the layout says.
 */
function columnGroups(groups: readonly ColumnGroup[], wasFolded: boolean): Drawing {
  const columns = groups.map((g) => `${columnLetters(g.first)}:${columnLetters(g.last)}`);
  const calls = (wasFolded ? 2 : 1) + groups.length + groups.filter((g) => g.collapsed).length;
  return drawing(calls, columns, (sheet) => {
    if (wasFolded) sheet.getRange('A:XFD').ungroup('ByColumns');
    sheet.getRange('A:XFD').columnHidden = false;
    groups.forEach((g, k) => {
      const range = sheet.getRange(columns[k]);
      range.group('ByColumns');
      if (g.collapsed) range.hideGroupDetails('ByColumns');
    });
  });
}

/** A row from column A to the sheet's last column, drawn exactly as ROW_STYLES says (one range, its format set). */
function styledRow(at: string, style: RowStyle, lines: number | undefined): Drawing {
  const look = ROW_STYLES[style];
  const sets: ((format: Excel.RangeFormat) => void)[] = [(format) => (format.font.bold = look.bold)];
  if (look.size !== undefined) sets.push((format) => (format.font.size = look.size!));
  if (look.fill !== undefined) sets.push((format) => (format.fill.color = `#${look.fill}`));
  const edge = (index: 'EdgeTop' | 'EdgeBottom', line: 'thin' | 'double') => {
    // A double line has no weight of its own to set: a weight would make it a single line.
    if (line === 'double') sets.push((format) => (format.borders.getItem(index).style = 'Double'));
    else
      sets.push((format) => {
        const border = format.borders.getItem(index);
        border.style = 'Continuous';
        border.weight = 'Thin';
      });
  };
  if (look.borderTop) edge('EdgeTop', look.borderTop);
  if (look.borderBottom) edge('EdgeBottom', look.borderBottom);
  if (look.wrap) sets.push((format) => (format.wrapText = true));
  if (lines !== undefined && lines > 0) {
    const points = Math.min(MAX_ROW_HEIGHT_POINTS, lines * LINE_HEIGHT_POINTS);
    sets.push((format) => (format.rowHeight = points));
  }
  // A border is two calls (style, weight); counted as such.
  const calls = sets.length + (look.borderTop === 'thin' ? 1 : 0) + (look.borderBottom === 'thin' ? 1 : 0);
  return drawing(calls, at, (sheet) => {
    const format = sheet.getRange(at).format;
    sets.forEach((set) => set(format));
  });
}

const CHART_TYPES: Record<OutputChart['kind'], Excel.ChartType> = {
  columnClustered: 'ColumnClustered' as Excel.ChartType,
  columnStacked: 'ColumnStacked' as Excel.ChartType,
  barStacked: 'BarStacked' as Excel.ChartType,
  line: 'Line' as Excel.ChartType,
};

/**
 * A native chart from the sheet's own cells (ExcelApi 1.1), so it shows without the add-in: its figures as one
 * block, series by rows (names in the first column, categories in the first row), named, titled and placed.
 */
function chartDrawing(chart: OutputChart): Drawing {
  const block = chartBlock(chart);
  const source = address(block.row, block.column, block.rowCount, block.columnCount);
  const { at } = chart;
  const start = address(at.row, at.column, 1, 1).split(':')[0];
  const end = address(at.row + at.rows - 1, at.column + at.columns - 1, 1, 1).split(':')[0];
  return drawing(4, [source, chart.name, chart.title, start, end], (sheet) => {
    const added = sheet.charts.add(CHART_TYPES[chart.kind], sheet.getRange(source), 'Rows' as Excel.ChartSeriesBy);
    added.name = chart.name;
    added.title.text = chart.title;
    added.setPosition(start, end);
  });
}

/** The previous run's panes go first; then the rows and columns kept in view. */
function frozenPanes({ rows, columns }: { rows: number; columns: number }): Drawing {
  const topLeft = address(0, 0, Math.max(1, rows), Math.max(1, columns));
  return drawing(2, topLeft, (sheet) => {
    sheet.freezePanes.unfreeze();
    // freezeAt takes the top-left pane's cells; rows alone or columns alone have their own calls.
    if (rows > 0 && columns > 0) sheet.freezePanes.freezeAt(topLeft);
    else if (rows > 0) sheet.freezePanes.freezeRows(rows);
    else if (columns > 0) sheet.freezePanes.freezeColumns(columns);
  });
}

/** A4 landscape, one page wide and as many tall as needed; title rows, header and footer, page breaks. */
function pageSetup(page: PageSetup, { offset, append }: Placing = { offset: 0, append: false, fresh: true }): Drawing {
  const zoom: Excel.PageLayoutZoomOptions = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  const titleRows = page.titleRows && `$${page.titleRows.first + offset + 1}:$${page.titleRows.last + offset + 1}`;
  const header = withinLimit(page.header);
  const footer = withinLimit(page.footer);
  const parts: Excel.Interfaces.HeaderFooterUpdateData = {
    leftHeader: header.left,
    centerHeader: header.center,
    rightHeader: header.right,
    leftFooter: footer.left,
    centerFooter: footer.center,
    rightFooter: footer.right,
  };
  const breaks = [...new Set(page.breaksBefore.map((r) => r + offset).filter((r) => r > 0))]
    .sort((a, b) => a - b)
    .slice(0, MAX_PAGE_BREAKS);
  const calls = 7 + (titleRows ? 1 : 0) + breaks.length - (append ? 1 : 0);
  return drawing(calls, [zoom, titleRows, parts, breaks], (sheet) => {
    const layout = sheet.pageLayout;
    layout.paperSize = 'A4';
    layout.orientation = 'Landscape';
    layout.zoom = zoom;
    if (titleRows) layout.setPrintTitleRows(titleRows);
    // The same header and footer on every page, whatever a user chose (first page, odd and even pages).
    layout.headersFooters.state = 'Default';
    // The six parts at once: one set alone beside the previous run's others could pass Excel's limit.
    layout.headersFooters.defaultForAllPages.set(parts);
    // Those of the previous run go: the rows have moved (a log's rows have not: its breaks stay).
    if (!append) sheet.horizontalPageBreaks.removePageBreaks();
    for (const r of breaks) sheet.horizontalPageBreaks.add(`A${r + 1}`);
  });
}

/** A header or footer as Excel stores it (&L…&C…&R…, only the parts that hold text). */
export const joinedMargin = (m: PageMargin): string =>
  (m.left ? `&L${m.left}` : '') + (m.center ? `&C${m.center}` : '') + (m.right ? `&R${m.right}` : '');

/**
 * Excel holds at most 255 characters in a header or footer: past that, its longest part is cut (never inside a
 * code such as &P or &&) and ends in "…", so the sheet is still written.
 */
export function withinLimit(margin: PageMargin): PageMargin {
  const m = { ...margin };
  for (
    let over = joinedMargin(m).length - MAX_HEADER_FOOTER_CHARS;
    over > 0;
    over = joinedMargin(m).length - MAX_HEADER_FOOTER_CHARS
  ) {
    const key = (['left', 'center', 'right'] as const).reduce((a, b) => (m[b].length > m[a].length ? b : a));
    let cut = m[key].slice(0, Math.max(0, m[key].length - over - 1));
    // An odd run of & at the end would start a code with the ellipsis.
    const amps = /&*$/.exec(cut)![0].length;
    if (amps % 2 === 1) cut = cut.slice(0, -1);
    m[key] = cut === '' ? '' : `${cut}…`;
  }
  return m;
}

/**
 * After a failed write, best effort: a kept sheet that still carries the
 * banner is emptied under it; a sheet this write added goes unless it is
 * complete (a template sheet always). The user's own sheets are never touched.
 */
async function recover(
  context: Excel.RequestContext,
  targets: readonly Target[],
  bannered: (target: Target) => boolean,
): Promise<void> {
  try {
    const worksheets = context.workbook.worksheets.load('items/name,items/id');
    await context.sync();
    const probes = targets.flatMap((target) => {
      const found = worksheets.items.find((w) => sameSheetName(w.name, target.output.name));
      if (!found) return [];
      const sheet = context.workbook.worksheets.getItem(found.id);
      return [{ target, id: found.id, sheet, a1: sheet.getRange('A1').load('values'), tables: sheet.tables.load('items/name') }];
    });
    await context.sync();
    for (const { target, id, sheet, a1, tables } of probes) {
      const banner = bannered(target);
      const title = target.output.values[0]?.[0] ?? null;
      const shows = a1.values[0][0];
      if (!target.existing) {
        // Only the sheet this write added (by id; unreported, only one that shows the banner): one of the same
        // name that someone else added since the read stays. Ours goes unless it is complete (its title in place).
        const known = addedId(target);
        const ours = known !== undefined ? id === known : shows === INCOMPLETE_BANNER;
        if (ours && (!banner || shows !== title)) sheet.delete();
      } else if (shows === INCOMPLETE_BANNER) {
        // A kept sheet shows the banner until its title is in place.
        tables.items.forEach((table) => table.convertToRange());
        clearUnderBanner(sheet);
      }
    }
    await context.sync();
  } catch {
    // The original error is the one to report.
  }
}

/** Selects a problem's cell so the user sees it. */
export async function selectPlace(context: Excel.RequestContext, place: CellPlace): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(place.sheet);
  sheet.activate();
  sheet.getRange(`${columnLetters(place.column)}${place.row + 1}`).select();
  await context.sync();
}
