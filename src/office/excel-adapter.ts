/**
 * The Office.js adapter: it only moves cell grids between Excel and the
 * workbook layer, in a constant number of `context.sync` calls per run:
 *
 *   1. the names of the sheets and tables
 *   2. every input sheet's used range (with values) and every table's range
 *   3. all output sheets written, calculation and screen updating suspended
 *
 * plus one sync per extra block where a request or response would pass Excel
 * on the web's 5 MB limit. Output goes into fresh sheets that replace the old
 * ones only in the last sync, so a write that fails midway leaves every sheet
 * as it was.
 */
import type { CellPlace } from '../model/types';
import { columnLetters, type CellValue, type SheetCells, type TableArea } from '../workbook/grid';
import type { OutputSheet } from '../workbook/output';
import { isOutputSheet } from '../workbook/read';
import { BLOCK_BUDGET_BYTES, isPayloadTooLarge, jsonBytes, rowBlocks } from './payload';

export interface ApiSupport {
  /** `suspendApiCalculationUntilNextSync` (ExcelApi 1.6). */
  suspendCalculation: boolean;
  /** `suspendScreenUpdatingUntilNextSync` (ExcelApi 1.9). */
  suspendScreenUpdating: boolean;
}

export const apiSupport = (): ApiSupport => ({
  suspendCalculation: Office.context.requirements.isSetSupported('ExcelApi', '1.6'),
  suspendScreenUpdating: Office.context.requirements.isSetSupported('ExcelApi', '1.9'),
});

const address = (row: number, column: number, rowCount: number, columnCount: number): string =>
  `${columnLetters(column)}${row + 1}:${columnLetters(column + columnCount - 1)}${row + rowCount}`;

/** Excel gives empty cells as "", which the workbook layer treats as blank. */
const cellValue = (v: unknown): CellValue =>
  typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : v === null || v === undefined ? null : String(v);

export interface WorkbookRead {
  /** Every sheet's name, in workbook order. */
  sheetNames: string[];
  /** The input sheets, in workbook order (output sheets are never read). */
  sheets: SheetCells[];
}

type UsedRange = Pick<Excel.Range, 'isNullObject' | 'rowIndex' | 'columnIndex' | 'rowCount' | 'columnCount'>;

const originOf = (used: UsedRange) =>
  used.isNullObject ? { row: 0, column: 0 } : { row: used.rowIndex, column: used.columnIndex };

/** One sync: the names of the sheets, in workbook order. */
export async function sheetNames(context: Excel.RequestContext): Promise<string[]> {
  const worksheets = context.workbook.worksheets.load('items/name');
  await context.sync();
  return worksheets.items.map((w) => w.name);
}

export async function readWorkbook(context: Excel.RequestContext): Promise<WorkbookRead> {
  const worksheets = context.workbook.worksheets.load('items/name');
  const tables = context.workbook.tables.load('items/name');
  await context.sync();

  const sheetNames = worksheets.items.map((w) => w.name);
  const inputs = sheetNames.filter((name) => !isOutputSheet(name));
  // Queued with each attempt to read, so they arrive in the same sync as the values (or the sizes).
  const queueTableRanges = () =>
    tables.items.map((t) => ({
      name: t.name,
      worksheet: t.worksheet.load('name'),
      range: t.getRange().load('rowIndex,columnIndex,rowCount,columnCount'),
    }));
  let tableRanges = queueTableRanges();
  const tablesOn = (sheet: string): TableArea[] =>
    tableRanges
      .filter((t) => t.worksheet.name === sheet)
      .map(({ name, range }) => ({
        name,
        row: range.rowIndex,
        column: range.columnIndex,
        rowCount: range.rowCount,
        columnCount: range.columnCount,
      }));
  const usedRange = (name: string) => context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);

  const used = inputs.map((name) => usedRange(name).load('values,rowIndex,columnIndex,rowCount,columnCount'));
  try {
    await context.sync();
    return {
      sheetNames,
      sheets: inputs.map((name, i) => ({
        name,
        origin: originOf(used[i]),
        values: used[i].isNullObject ? [] : used[i].values.map((row) => row.map(cellValue)),
        tables: tablesOn(name),
      })),
    };
  } catch (error) {
    if (!isPayloadTooLarge(error)) throw error;
  }

  // Past the response limit: sizes and table ranges first, then rows in blocks, one sync each.
  tableRanges = queueTableRanges();
  const sizes = inputs.map((name) => usedRange(name).load('rowIndex,columnIndex,rowCount,columnCount'));
  await context.sync();
  const sheets: SheetCells[] = inputs.map((name, i) => ({
    name,
    origin: originOf(sizes[i]),
    values: [],
    tables: tablesOn(name),
  }));
  // A cell's size is unknown before it is read: budget generously per cell, and halve a block that still fails.
  const BYTES_PER_CELL = 256;
  for (const [i, name] of inputs.entries()) {
    if (sizes[i].isNullObject) continue;
    const { rowIndex, columnIndex, rowCount, columnCount } = sizes[i];
    let blockRows = Math.max(1, Math.floor(BLOCK_BUDGET_BYTES / (BYTES_PER_CELL * columnCount)));
    for (let start = 0; start < rowCount;) {
      const count = Math.min(blockRows, rowCount - start);
      const range = context.workbook.worksheets
        .getItem(name)
        .getRange(address(rowIndex + start, columnIndex, count, columnCount))
        .load('values');
      try {
        await context.sync();
      } catch (error) {
        if (!isPayloadTooLarge(error) || count === 1) throw error;
        blockRows = Math.max(1, Math.floor(count / 2));
        continue;
      }
      sheets[i].values.push(...range.values.map((row) => row.map(cellValue)));
      start += count;
    }
  }
  return { sheetNames, sheets };
}

export interface WriteOptions {
  support: ApiSupport;
  /** The workbook's sheet names as read (saves a sync). */
  sheetNames: readonly string[];
  /** Only add sheets that do not exist yet (the template); never replace one. */
  addOnly?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/** A name no sheet has, for writing beside the sheet it will replace. */
function freshName(base: string, taken: Set<string>, label: string): string {
  for (let k = 1; ; k++) {
    const name = `${base.slice(0, 20)} (${label} ${k})`;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

/**
 * Writes each sheet into a fresh sheet; in the last sync the old sheet of that
 * name is deleted and the fresh one (and its tables) take their final names.
 */
export async function writeSheets(
  context: Excel.RequestContext,
  outputs: readonly OutputSheet[],
  options: WriteOptions,
): Promise<void> {
  const existing = new Set(options.sheetNames.map((n) => n.toLowerCase()));
  const toWrite = options.addOnly ? outputs.filter((o) => !existing.has(o.name.toLowerCase())) : outputs;
  if (toWrite.length === 0) return;
  const taken = new Set(existing);
  const staged: Staged[] = toWrite.map((output) => ({
    output,
    temporary: freshName(output.name, taken, 'ny'),
    retired: freshName(output.name, taken, 'gammel'),
  }));

  // A fresh sheet is General throughout: null leaves a cell's format alone and keeps the request small.
  const formats = staged.map(({ output }) => output.formats.map((row) => row.map((f) => (f === 'General' ? null : f))));
  const rows = staged.flatMap(({ output }, s) =>
    output.values.map((values, r) => ({ s, r, bytes: jsonBytes(values) + jsonBytes(formats[s][r]) })),
  );
  const blocks = rowBlocks(rows.map((r) => r.bytes));
  const suspend = () => {
    if (options.support.suspendCalculation) context.workbook.application.suspendApiCalculationUntilNextSync();
    if (options.support.suspendScreenUpdating) context.workbook.application.suspendScreenUpdatingUntilNextSync();
  };
  try {
    suspend();
    const sheets = staged.map(({ temporary }) => context.workbook.worksheets.add(temporary));
    for (const [b, block] of blocks.entries()) {
      if (b > 0) suspend();
      const inBlock = rows.slice(block.start, block.start + block.count);
      // Consecutive rows of one sheet go in one range.
      for (let i = 0; i < inBlock.length;) {
        let j = i;
        while (j + 1 < inBlock.length && inBlock[j + 1].s === inBlock[i].s) j++;
        const { output } = staged[inBlock[i].s];
        const first = inBlock[i].r;
        const count = j - i + 1;
        const range = sheets[inBlock[i].s].getRange(address(first, 0, count, output.values[0].length));
        // Formats before values: text cells are "@" when their text arrives, so "=…" stays text.
        range.numberFormat = formats[inBlock[i].s].slice(first, first + count);
        range.values = output.values.slice(first, first + count) as (string | number | boolean)[][];
        i = j + 1;
      }
      if (b < blocks.length - 1) {
        await context.sync();
        options.onProgress?.(b + 1, blocks.length);
      }
    }
    const tables = staged.flatMap(({ output }, s) => decorate(sheets[s], output));
    // The swap: old sheets step aside, new ones take their names, old ones go; then the tables' names,
    // which are unique in a workbook and free only once the old sheets are gone.
    for (const stage of staged)
      if (existing.has(stage.output.name.toLowerCase()))
        context.workbook.worksheets.getItem(stage.output.name).name = stage.retired;
    staged.forEach(({ output }, s) => (sheets[s].name = output.name));
    for (const stage of staged)
      if (existing.has(stage.output.name.toLowerCase())) context.workbook.worksheets.getItem(stage.retired).delete();
    for (const { table, name } of tables) table.name = name;
    await context.sync();
    options.onProgress?.(blocks.length, blocks.length);
  } catch (error) {
    await recover(context, staged);
    throw error;
  }
}

/** Bold rows, column widths and tables (under provisional names). */
function decorate(sheet: Excel.Worksheet, output: OutputSheet): { table: Excel.Table; name: string }[] {
  const width = output.values[0]?.length ?? 1;
  for (const r of output.boldRows) sheet.getRange(address(r, 0, 1, width)).format.font.bold = true;
  output.columnWidths.forEach((chars, c) => {
    sheet.getRange(`${columnLetters(c)}:${columnLetters(c)}`).format.columnWidth = chars * 7;
  });
  return output.tables.map((t) => {
    const table = sheet.tables.add(address(t.row, t.column, t.rowCount, t.columnCount), true);
    table.name = `${t.name}_ny`;
    table.style = 'TableStyleLight9';
    return { table, name: t.name };
  });
}

interface Staged {
  output: OutputSheet;
  /** Where the new sheet is written. */
  temporary: string;
  /** Where the old sheet steps aside during the swap. */
  retired: string;
}

/**
 * After a failed write, each output sheet is left either old or new, never
 * both and never neither: a new sheet still under its temporary name goes and
 * the old one gets its name back; a new sheet already in place stays and the
 * old one goes. The user's own sheets are never touched.
 */
async function recover(context: Excel.RequestContext, staged: readonly Staged[]): Promise<void> {
  try {
    const worksheets = context.workbook.worksheets.load('items/name');
    await context.sync();
    const present = new Set(worksheets.items.map((w) => w.name.toLowerCase()));
    const has = (name: string) => present.has(name.toLowerCase());
    for (const { output, temporary, retired } of staged) {
      if (has(temporary)) {
        context.workbook.worksheets.getItem(temporary).delete();
        if (has(retired) && !has(output.name)) context.workbook.worksheets.getItem(retired).name = output.name;
      } else if (has(retired)) {
        context.workbook.worksheets.getItem(retired).delete();
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
