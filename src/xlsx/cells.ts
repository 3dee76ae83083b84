/**
 * The ExcelJS adapter: a workbook's sheets as plain grids, and output sheets
 * written back. It only moves cells; everything else is the workbook layer's.
 */
import ExcelJS, { type CellValue as ExcelCellValue, type Workbook, type Worksheet } from 'exceljs';
import {
  cellError,
  columnLetters,
  excelNameKey,
  NO_VALUE,
  type CellValue,
  type SheetCells,
  type TableArea,
} from '../workbook/grid';
import { LINE_HEIGHT_POINTS, ROW_STYLES, type OutputSheet, type PageMargin, type RowLook } from '../workbook/output';
import { isOutputSheet, OUTPUT_MARK_ROWS, sameSheetName } from '../workbook/read';
import { DAY_MS, dateText, shownValue } from '../workbook/excel-dates';
import { isScenarioSheet, type ScenarioSheetCells, type SheetChanges } from '../workbook/scenario-edit';

/** Serial 0 of ExcelJS's Dates: it counts days from 1970-01-01 as serial 25569 (1900 system, without Lotus's day). */
const EXCELJS_EPOCH = 25_569;
const DATE_SYSTEM_SHIFT = 1_462;

/**
 * A plain value: a formula gives its stored result, or NO_VALUE when none was
 * stored (files written by scripts); an error gives its code; rich text its
 * text. A number in a date or time format (`numFmt`) is the ISO text Excel shows
 * ('2026-02-01', as the Office.js adapter gives it); ExcelJS's own Dates are
 * turned back into Excel's serial first, as ExcelJS counts the days before
 * 1900-03-01 one short. Without `numFmt` a Date is a date. An unknown value is never 0.
 */
export function plainValue(value: ExcelCellValue, numFmt?: string, system: 1900 | 1904 = 1900): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return numFmt === undefined ? value : shownValue(value, numFmt, system);
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) {
    const serial = value.getTime() / DAY_MS + EXCELJS_EPOCH - (system === 1904 ? DATE_SYSTEM_SHIFT : 0);
    return numFmt === undefined ? dateText(serial, 'date', system) : shownValue(serial, numFmt, system);
  }
  if (typeof value === 'object') {
    if ('error' in value) return { error: String(value.error) };
    if ('formula' in value || 'sharedFormula' in value || 'result' in value) {
      const result = (value as { result?: ExcelCellValue }).result;
      return result === undefined || result === null ? { error: NO_VALUE } : plainValue(result, numFmt, system);
    }
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return plainValue((value as { text: ExcelCellValue }).text);
  }
  return String(value);
}

/**
 * A cell's content. ExcelJS's formula value drops a stored result that is falsy
 * (0, FALSE, ""), which would read as a formula never calculated: the result is
 * taken from the cell's model, where ExcelJS keeps it.
 */
function contentOf(cell: ExcelJS.Cell): ExcelCellValue {
  const value = cell.value;
  if (cell.type !== ExcelJS.ValueType.Formula || value === null || typeof value !== 'object') return value;
  const result = (cell.model as { result?: ExcelCellValue }).result;
  return result === undefined ? value : ({ ...value, result } as ExcelCellValue);
}

/**
 * A cell as the workbook layer takes it, the same as the Office.js adapter
 * gives it (test/contract): an empty text is no value, and an error's text
 * (`#N/A` typed as text, which Office.js cannot tell from the error) is the error.
 */
export function gridValue(value: CellValue): CellValue {
  if (value === '') return null;
  const error = typeof value === 'string' ? cellError(value) : undefined;
  return error === undefined ? value : { error };
}

function decodeRef(ref: string): { row: number; column: number; rowCount: number; columnCount: number } {
  const [a, b = a] = ref.replace(/\$/g, '').split(':');
  const parse = (cell: string) => {
    const m = /^([A-Z]+)(\d+)$/i.exec(cell);
    if (!m) throw new Error(`bad reference ${ref}`);
    const column = [...m[1].toUpperCase()].reduce((acc, ch) => acc * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return { row: Number(m[2]) - 1, column };
  };
  const from = parse(a);
  const to = parse(b);
  return { row: from.row, column: from.column, rowCount: to.row - from.row + 1, columnCount: to.column - from.column + 1 };
}

interface TableModel {
  name: string;
  tableRef?: string;
  ref?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
}

/** ExcelJS keeps a loaded table's model under `table`, a new one's under `model`. */
const tableModelOf = (entry: unknown): TableModel =>
  ((entry as unknown as { table?: object }).table ?? (entry as unknown as { model?: object }).model) as TableModel;
const tableModels = (sheet: Worksheet): TableModel[] => sheet.getTables().map(tableModelOf);

function tablesOf(sheet: Worksheet): TableArea[] {
  return tableModels(sheet).flatMap((model) => {
    const ref = model.tableRef ?? model.ref;
    if (!ref || model.headerRow === false) return [];
    const area = decodeRef(ref);
    // A totals row is not data.
    if (model.totalsRow) area.rowCount -= 1;
    return [{ name: model.name, ...area }];
  });
}

/**
 * More cells than this in a sheet's used area are not read: the sheet is handed
 * over as `oversized` (the same bound as Excel's own reads, 5 million cells).
 */
export const MAX_SHEET_CELLS = 5_000_000;

/**
 * Every sheet as a grid from its first used cell, output sheets included (by
 * default their first OUTPUT_MARK_ROWS used rows only, counted from the first
 * row with a value: enough to tell whether they are ours, as the Office.js adapter does).
 */
export function readSheets(workbook: Workbook, options: { outputRows?: number } = {}): SheetCells[] {
  const system = workbook.properties?.date1904 ? 1904 : 1900;
  return workbook.worksheets.map((sheet) =>
    readSheet(sheet, isOutputSheet(sheet.name) ? (options.outputRows ?? OUTPUT_MARK_ROWS) : Infinity, system),
  );
}

/** A sheet's grid; the Scenarier sheet's with its formulas (ScenarioSheetCells): the editor moves no formula as a value. */
function readSheet(sheet: Worksheet, rowLimit: number, system: 1900 | 1904): SheetCells {
  if (!isScenarioSheet(sheet.name)) return readGrid(sheet, rowLimit, system);
  const formulas: { row: number; column: number }[] = [];
  const grid = readGrid(sheet, rowLimit, system, formulas);
  return { ...grid, formulas } as ScenarioSheetCells;
}

function readGrid(
  sheet: Worksheet,
  rowLimit: number,
  system: 1900 | 1904,
  formulas?: { row: number; column: number }[],
): SheetCells {
  const rows: number[] = [];
  const columns: number[] = [];
  const found: CellValue[] = [];
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    // Rows come in order: past the limit below the first row with a value, nothing more is read.
    if (bottom >= 0 && rowNumber - 1 >= top + rowLimit) return;
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      // Excel keeps a merged range's value in its top-left cell only; ExcelJS repeats it in every cell.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      if (formulas && cell.type === ExcelJS.ValueType.Formula) formulas.push({ row: rowNumber - 1, column: columnNumber - 1 });
      const value = gridValue(plainValue(contentOf(cell), cell.numFmt || undefined, system));
      if (value === null) return;
      const r = rowNumber - 1;
      const c = columnNumber - 1;
      rows.push(r);
      columns.push(c);
      found.push(value);
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    });
  });
  const tables = tablesOf(sheet);
  if (found.length === 0) return { name: sheet.name, origin: { row: 0, column: 0 }, values: [], tables };
  const origin = { row: top, column: left };
  const rowCount = bottom - top + 1;
  const columnCount = right - left + 1;
  if (rowCount * columnCount > MAX_SHEET_CELLS)
    return { name: sheet.name, origin, values: [], tables, oversized: { rowCount, columnCount } };
  const values: CellValue[][] = Array.from({ length: rowCount }, () => []);
  for (let i = 0; i < found.length; i++) values[rows[i] - top][columns[i] - left] = found[i];
  for (const row of values) for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
  return { name: sheet.name, origin, values, tables };
}

/** Two tables of one name (case aside) would make the file invalid; nothing was written. */
export class TableNameTaken extends Error {
  constructor(
    readonly table: string,
    readonly sheet: string,
  ) {
    super(`the table name ${table} is already used on the sheet ${sheet}`);
  }
}

const tableNames = (sheet: Worksheet): string[] => tableModels(sheet).map((model) => model.name);

/** A sheet's manual row breaks (ExcelJS keeps them on the sheet, untyped). */
const breaksOf = (sheet: Worksheet): { id: number; max: number; man: number }[] =>
  (sheet as unknown as { rowBreaks: { id: number; max: number; man: number }[] }).rowBreaks;

/**
 * Empties a sheet in place: same sheet, position, tab colour, print setup, views
 * and pictures (a user's, as in Excel); no cells, tables or merges.
 */
function clearSheet(sheet: Worksheet): Worksheet {
  const model = sheet.model;
  sheet.model = {
    ...model,
    rows: [],
    cols: [],
    merges: [],
    mergeCells: [],
    tables: [],
    conditionalFormattings: [],
    dataValidations: {},
    autoFilter: undefined,
  } as unknown as typeof model;
  // The model's setter keeps the old manual page breaks; the output sets its own.
  breaksOf(sheet).length = 0;
  return sheet;
}

/**
 * Replaces (or adds) the given sheets, leaving every other sheet as it was. An
 * output sheet that exists under another case (`resultat`) is the same sheet, as
 * in Excel: its content is replaced where it stands. Throws TableNameTaken, before
 * changing anything, when an output table's name is used by another sheet's table.
 */
export function writeSheets(workbook: Workbook, sheets: readonly OutputSheet[]): void {
  const targets = sheets.map((output) => ({
    output,
    existing: workbook.worksheets.find((w) => sameSheetName(w.name, output.name)),
  }));
  // A log's sheet (appendAt) is written below what it holds: its tables stay.
  const replaced = new Set(targets.filter((t) => t.output.appendAt === undefined).map((t) => t.existing));
  const taken = new Map<string, string>();
  for (const sheet of workbook.worksheets)
    if (!replaced.has(sheet)) for (const name of tableNames(sheet)) taken.set(excelNameKey(name), sheet.name);
  for (const { output } of targets)
    for (const table of output.tables) {
      const owner = taken.get(excelNameKey(table.name));
      if (owner !== undefined) throw new TableNameTaken(table.name, owner);
      taken.set(excelNameKey(table.name), output.name);
    }
  for (const { output, existing } of targets) {
    if (output.appendAt === undefined) fill(existing ? clearSheet(existing) : workbook.addWorksheet(output.name), output);
    else
      fill(existing ?? workbook.addWorksheet(output.name), output, {
        offset: Math.max(0, output.appendAt),
        append: true,
        fresh: existing === undefined,
      });
  }
}

/**
 * Where an output's rows go: from sheet row `offset` on; `append` for a log's sheet (OutputSheet.appendAt:
 * nothing above touched, its panes, outline and page breaks kept); `fresh` where the columns are ours to size.
 */
interface Placing {
  offset: number;
  append: boolean;
  fresh: boolean;
}

const REPLACED: Placing = { offset: 0, append: false, fresh: true };

/** A styled row's look on one cell (ROW_STYLES): font, fill, borders, wrap. */
function drawLook(cell: ExcelJS.Cell, look: RowLook): void {
  cell.font = { name: 'Calibri', family: 2, size: look.size ?? 11, bold: look.bold };
  if (look.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${look.fill.toUpperCase()}` } };
  if (look.borderTop || look.borderBottom)
    cell.border = {
      ...(look.borderTop ? { top: { style: look.borderTop } } : {}),
      ...(look.borderBottom ? { bottom: { style: look.borderBottom } } : {}),
    };
  if (look.wrap) cell.alignment = { wrapText: true };
}

/** A header's or footer's three parts in a file's codes, &L…&C…&R… (empty parts left out). */
const marginText = (margin: PageMargin): string =>
  [`&L${margin.left}`, `&C${margin.center}`, `&R${margin.right}`].filter((part) => part.length > 2).join('');

/** Frozen panes, page setup (A4 landscape, one page wide), print titles, header and footer, page breaks. */
function drawPage(sheet: Worksheet, output: OutputSheet, { offset, append }: Placing = REPLACED): void {
  const rows = Math.max(0, Math.floor(output.frozen?.rows ?? 0));
  const columns = Math.max(0, Math.floor(output.frozen?.columns ?? 0));
  if (!append && (rows > 0 || columns > 0))
    sheet.views = [{ state: 'frozen', xSplit: columns, ySplit: rows, topLeftCell: `${columnLetters(columns)}${rows + 1}` }];
  const page = output.page;
  if (!page) return;
  const titles = page.titleRows ? `${page.titleRows.first + offset + 1}:${page.titleRows.last + offset + 1}` : undefined;
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: titles,
  } as typeof sheet.pageSetup;
  const header = marginText(page.header);
  const footer = marginText(page.footer);
  sheet.headerFooter = { ...sheet.headerFooter, oddHeader: header || undefined, oddFooter: footer || undefined };
  // A break's id is the 1-based row it follows: the row above the one that starts a page. A log keeps its own.
  const kept = append ? breaksOf(sheet).map((b) => b.id) : [];
  breaksOf(sheet).splice(
    0,
    Infinity,
    ...[...new Set([...kept, ...page.breaksBefore.map((r) => r + offset)])]
      .filter((r) => Number.isInteger(r) && r > 0)
      .sort((a, b) => a - b)
      .map((r) => ({ id: r, max: 16383, man: 1 })),
  );
}

function fill(sheet: Worksheet, output: OutputSheet, placing: Placing = REPLACED): void {
  const { offset } = placing;
  const bold = new Set(output.boldRows);
  const styled = new Map((output.rowStyles ?? []).map((s) => [s.row, s]));
  const width = output.values.reduce((w, r) => Math.max(w, r.length), 0);
  output.values.forEach((row, r) => {
    const excelRow = sheet.getRow(r + offset + 1);
    row.forEach((value, c) => {
      if (value === null) return;
      const cell = excelRow.getCell(c + 1);
      cell.value = value;
      const format = output.formats[r][c];
      if (format !== 'General') cell.numFmt = format;
    });
    const rowStyle = styled.get(r);
    if (rowStyle) {
      // A styled row is drawn in its look from column A to the sheet's last column, blank cells too.
      const look = ROW_STYLES[rowStyle.style];
      for (let c = 0; c < width; c++) drawLook(excelRow.getCell(c + 1), look);
      if (rowStyle.lines !== undefined && rowStyle.lines > 0) excelRow.height = rowStyle.lines * LINE_HEIGHT_POINTS;
    } else if (bold.has(r)) excelRow.font = { bold: true };
  });
  if (placing.fresh) output.columnWidths.forEach((width, c) => (sheet.getColumn(c + 1).width = width));
  // Grouped columns carry an outline level, hidden while the group is collapsed.
  for (const group of placing.append ? [] : (output.columnGroups ?? []))
    for (let c = Math.max(0, group.first); c <= group.last; c++) {
      const column = sheet.getColumn(c + 1);
      column.outlineLevel = 1;
      column.hidden = group.collapsed;
    }
  if (!placing.append && (output.columnGroups ?? []).length > 0) sheet.properties.outlineLevelCol = 1;
  drawPage(sheet, output, placing);
  for (const table of output.tables) {
    const header = output.values[table.row].slice(table.column, table.column + table.columnCount);
    const rows = output.values
      .slice(table.row + 1, table.row + table.rowCount)
      .map((r) => r.slice(table.column, table.column + table.columnCount));
    sheet.addTable({
      name: table.name,
      ref: `${columnLetters(table.column)}${table.row + offset + 1}`,
      headerRow: true,
      style: { theme: 'TableStyleLight9', showRowStripes: true },
      columns: header.map((h) => ({ name: String(h), filterButton: true })),
      rows,
    });
  }
}

/** A new workbook holding the given sheets (the template, the sample). */
export function newWorkbook(sheets: readonly OutputSheet[]): Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Råderum';
  writeSheets(workbook, sheets);
  return workbook;
}

/**
 * Writes exactly the cells of editScenarios' changes (a missing sheet is added); a string stays a string (ExcelJS
 * never takes one for a formula), null empties a cell. A table given is laid again over its new extent, with its
 * name and style, its cells as they now stand (ExcelJS cannot resize a table in place); one missing is added.
 */
export function writeCellChanges(workbook: Workbook, changes: readonly SheetChanges[]): void {
  for (const change of changes) {
    const sheet = workbook.worksheets.find((w) => sameSheetName(w.name, change.sheet)) ?? workbook.addWorksheet(change.sheet);
    for (const { row, column, value } of change.cells) sheet.getCell(row + 1, column + 1).value = value;
    if (!change.table) continue;
    const area = change.table;
    const old = sheet.getTables().find((t) => excelNameKey(tableModelOf(t).name) === excelNameKey(area.name));
    const theme = old
      ? ((tableModelOf(old) as { style?: { theme?: string } }).style?.theme ?? 'TableStyleLight9')
      : 'TableStyleLight9';
    if (old) sheet.removeTable(tableModelOf(old).name);
    const at = (r: number, c: number) => sheet.getCell(area.row + r + 1, area.column + c + 1).value;
    sheet.addTable({
      name: old ? tableModelOf(old).name : area.name,
      ref: `${columnLetters(area.column)}${area.row + 1}`,
      headerRow: true,
      style: { theme: theme as ExcelJS.TableStyleProperties['theme'], showRowStripes: true },
      columns: Array.from({ length: area.columnCount }, (_, c) => ({ name: String(at(0, c) ?? ''), filterButton: true })),
      rows: Array.from({ length: area.rowCount - 1 }, (_, r) => Array.from({ length: area.columnCount }, (_, c) => at(r + 1, c))),
    });
  }
}
