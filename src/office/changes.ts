/**
 * The scenario editor in Excel: the cells editScenarios asks for written in two syncs whatever their number,
 * and the user's own doings (a hand edit of Scenarier, a cell selected) heard through the worksheets' events.
 *
 * Requirement sets, all checked at run time (the manifest keeps ExcelApi 1.4):
 * - writing cells, adding a sheet or a table, convertToRange: ExcelApi 1.1–1.2;
 * - `Table.resize` (ExcelApi 1.13) grows or shrinks the Scenarier table where it stands; without it the table
 *   becomes a plain range and is added again over its new extent, with its name and style only. What that
 *   fallback loses (Excel 2016–2019 without 1.13): structured references to the table elsewhere
 *   (=Scenarier[Basis]) become plain A1 references when the table becomes a range, and stay so (they no longer
 *   follow the table); banding, first/last column, the total row and filter buttons go back to Excel's defaults
 *   (not verified in Excel). The cells and their formats stay;
 * - `WorksheetCollection.onChanged` and `onSelectionChanged` (ExcelApi 1.9): without them there is no watching;
 * - `WorksheetChangedEventArgs.triggerSource` (ExcelApi 1.14) tells the add-in's own writes from the user's;
 *   without it the pane also hears of its own writes (and reads once more).
 */
import type { CellPlace } from '../model/types';
import { columnLetters } from '../workbook/grid';
import type { WorkbookWatch } from '../workbook/host';
import type { CellChange, SheetChanges } from '../workbook/scenario-edit';
import { sameSheetName } from '../workbook/read';
import { SCENARIO_SHEET } from '../workbook/scenario-sheet';
import { matchKey } from '../workbook/text';

export interface EditorSupport {
  /** `Table.resize` (ExcelApi 1.13). */
  resizeTable: boolean;
  /** `WorksheetCollection.onChanged` and `onSelectionChanged` (ExcelApi 1.9). */
  events: boolean;
  /** `suspendApiCalculationUntilNextSync` (ExcelApi 1.6). */
  suspendCalculation: boolean;
}

export const editorSupport = (): EditorSupport => {
  const requirements = Office.context.requirements;
  return {
    resizeTable: requirements.isSetSupported('ExcelApi', '1.13'),
    events: requirements.isSetSupported('ExcelApi', '1.9'),
    suspendCalculation: requirements.isSetSupported('ExcelApi', '1.6'),
  };
};

/** Ends a header's temporary name while the headers move (a zero-width space: no name the editor writes has one last). */
const TEMPORARY_MARK = '\u200B';

/** The style Excel gives a table added without one. */
const DEFAULT_TABLE_STYLE = 'TableStyleMedium2';

const address = (row: number, column: number, rowCount: number, columnCount: number): string =>
  `${columnLetters(column)}${row + 1}:${columnLetters(column + columnCount - 1)}${row + rowCount}`;

/**
 * A cell's value for Excel's `values` setter: text with an apostrophe first, which Excel keeps as the cell's
 * quote prefix (not in its value), so no text becomes a formula ("=1+2"), a number ("30 %") or a date ("1-4");
 * null as "", which empties the cell (null would leave it as it was). The cell's own format stays.
 */
const excelValue = (value: CellChange['value']): string | number =>
  value === null ? '' : typeof value === 'string' ? `'${value}` : value;

interface Block {
  row: number;
  column: number;
  values: (string | number)[][];
}

/**
 * The cells as few rectangles: runs of adjacent cells in a row, and runs of the same columns in adjacent rows
 * as one (a column copied, the columns after a deleted one moved left).
 */
export function blocksOf(cells: readonly CellChange[]): Block[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.column - b.column);
  const runs: Block[] = [];
  for (const cell of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.row === cell.row && last.column + last.values[0].length === cell.column)
      last.values[0].push(excelValue(cell.value));
    else runs.push({ row: cell.row, column: cell.column, values: [[excelValue(cell.value)]] });
  }
  const blocks: Block[] = [];
  // A run joins the block that ends right above it over the same columns.
  const open = new Map<string, Block>();
  for (const run of runs) {
    const key = `${run.column}:${run.values[0].length}`;
    const above = open.get(key);
    if (above && above.row + above.values.length === run.row) above.values.push(run.values[0]);
    else {
      blocks.push(run);
      open.set(key, run);
    }
  }
  return blocks;
}

/**
 * Writes editScenarios' changes: the sheet added where missing, the table grown or shrunk to its new extent
 * (or added), then exactly the cells. Two syncs whatever the number of cells: the names of the sheets and
 * tables, then the write (a Scenarier sheet's cells are far below Excel on the web's 5 MB a request).
 */
export async function writeChanges(
  context: Excel.RequestContext,
  changes: readonly SheetChanges[],
  support: EditorSupport,
): Promise<void> {
  if (changes.length === 0) return;
  const worksheets = context.workbook.worksheets.load('items/name');
  const tables = context.workbook.tables.load('items/name,items/style');
  await context.sync();

  if (support.suspendCalculation) context.workbook.application.suspendApiCalculationUntilNextSync();
  for (const change of changes) {
    const existing = worksheets.items.find((w) => sameSheetName(w.name, change.sheet));
    const sheet = existing ? context.workbook.worksheets.getItem(existing.name) : context.workbook.worksheets.add(change.sheet);
    const wanted = change.table;
    const table = wanted && tables.items.find((t) => sameSheetName(t.name, wanted.name));
    const extent = wanted && address(wanted.row, wanted.column, wanted.rowCount, wanted.columnCount);
    // Resized before the cells are written: a header cell emptied inside a table would get a name of Excel's.
    const resized = table !== undefined && support.resizeTable;
    if (resized) context.workbook.tables.getItem(table.name).resize(extent!);
    else if (table) context.workbook.tables.getItem(table.name).convertToRange();
    // Excel renames a table header written with a name another header has ("B" → "B2"), and a delete moves names
    // left, a batch may swap two: the texts written first get a name no header has (their own with a zero-width
    // space last), then their own. Every text, as the changes do not say which row is the header (a few cells
    // written twice, in the same request: no sync more).
    if (existing) {
      const texts = change.cells.filter((c) => typeof c.value === 'string');
      for (const block of blocksOf(texts.map((c) => ({ ...c, value: `${c.value as string}${TEMPORARY_MARK}` }))))
        sheet.getRange(address(block.row, block.column, block.values.length, block.values[0].length)).values = block.values;
    }
    for (const block of blocksOf(change.cells))
      sheet.getRange(address(block.row, block.column, block.values.length, block.values[0].length)).values = block.values;
    // A table is added over cells already written, so its header row holds the names.
    if (wanted && !resized) {
      const added = sheet.tables.add(extent!, true);
      added.name = table?.name ?? wanted.name;
      added.style = table?.style ?? DEFAULT_TABLE_STYLE;
    }
  }
  await context.sync();
}

/** The top-left cell of an address such as `B5` or `B5:D7` (a sheet name before it is left aside). */
export function topLeft(sheet: string, rangeAddress: string): CellPlace | undefined {
  const m = /^(?:.*!)?\$?([A-Z]+)\$?(\d+)/.exec(rangeAddress);
  if (!m) return undefined;
  const column = [...m[1]].reduce((acc, ch) => acc * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { sheet, row: Number(m[2]) - 1, column };
}

/** What the watcher needs of Excel: one batch at a time, and a batch in the context the handlers were added in. */
export interface ExcelRuns {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  runIn<T>(context: OfficeExtension.ClientRequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/**
 * Hears of the user's changes to Scenarier (not the add-in's own, where Excel says so) and of the cells the user
 * selects, on every sheet, those added later too. Without ExcelApi 1.9 nothing is heard: the stop does nothing.
 */
export async function watchWorkbook(excel: ExcelRuns, events: WorkbookWatch, support: EditorSupport): Promise<() => void> {
  if (!support.events || (!events.scenariosChanged && !events.selected)) return () => undefined;
  // The sheet's name by its id: one batch per event (a sheet may have been renamed or added since).
  const nameOf = (id: string) =>
    excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(id).load('name');
      await context.sync();
      return sheet.name;
    });
  const onChanged = async (args: Excel.WorksheetChangedEventArgs) => {
    if (!events.scenariosChanged || args.triggerSource === 'ThisLocalAddin') return;
    const name = await nameOf(args.worksheetId);
    if (matchKey(name) === matchKey(SCENARIO_SHEET)) events.scenariosChanged();
  };
  const onSelected = async (args: Excel.WorksheetSelectionChangedEventArgs) => {
    if (!events.selected) return;
    const place = topLeft(await nameOf(args.worksheetId), args.address);
    if (place) events.selected(place);
  };
  const added = await excel.run(async (context) => {
    const results = [
      context.workbook.worksheets.onChanged.add(onChanged),
      context.workbook.worksheets.onSelectionChanged.add(onSelected),
    ];
    await context.sync();
    return results;
  });
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    // Removed in the context they were added in, as Office.js requires.
    void excel
      .runIn(added[0].context, async (context) => {
        added.forEach((result) => result.remove());
        await context.sync();
      })
      .catch(() => undefined);
  };
}
