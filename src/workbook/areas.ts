/**
 * Finding the rectangles that hold lists: Excel tables, or on a sheet without
 * one, a header row and the rows below it down to the first empty row.
 */
import { isBlank, type CellValue, type SheetCells } from './grid';

export interface Area {
  sheet: string;
  table?: string;
  headerRow: number;
  column: number;
  header: CellValue[];
  firstDataRow: number;
  rows: CellValue[][];
}

/** How far down a plain sheet the header row is looked for (a title above it is fine). */
const HEADER_SEARCH_ROWS = 10;

export function sheetAreas(sheet: SheetCells): Area[] {
  return sheet.tables.map((t) => {
    const rowsOf = (from: number, count: number): CellValue[][] =>
      Array.from({ length: count }, (_, r) => {
        const source = sheet.values[from + r - sheet.origin.row] ?? [];
        return Array.from({ length: t.columnCount }, (_, c) => source[t.column + c - sheet.origin.column] ?? null);
      });
    return {
      sheet: sheet.name,
      table: t.name,
      headerRow: t.row,
      column: t.column,
      header: rowsOf(t.row, 1)[0],
      firstDataRow: t.row + 1,
      rows: rowsOf(t.row + 1, t.rowCount - 1),
    };
  });
}

/**
 * A plain area: the header is the first non-empty row, or the first of the
 * first few non-empty rows that `isHeader` accepts; the data runs to the first
 * empty row.
 */
export function findHeaderRow(sheet: SheetCells, isHeader: (row: CellValue[]) => boolean): Area | undefined {
  // A loop, not Math.max(...rows): a spread of many rows overflows the call stack.
  let width = 0;
  for (const r of sheet.values) if (r) width = Math.max(width, r.length);
  const widen = (row: CellValue[] | undefined): CellValue[] =>
    Array.from({ length: width }, (_, c) => (row ? (row[c] ?? null) : null));
  const blankRow = (row: CellValue[] | undefined): boolean => !row || row.every(isBlank);
  let nonEmptySeen = 0;
  for (let r = 0; r < sheet.values.length && nonEmptySeen < HEADER_SEARCH_ROWS; r++) {
    if (blankRow(sheet.values[r])) continue;
    nonEmptySeen++;
    const row = widen(sheet.values[r]);
    if (!isHeader(row)) continue;
    const rows: CellValue[][] = [];
    for (let d = r + 1; d < sheet.values.length && !blankRow(sheet.values[d]); d++) rows.push(widen(sheet.values[d]));
    return {
      sheet: sheet.name,
      headerRow: sheet.origin.row + r,
      column: sheet.origin.column,
      header: row,
      firstDataRow: sheet.origin.row + r + 1,
      rows,
    };
  }
  return undefined;
}

/** The first few non-empty rows of a plain sheet, with their absolute row numbers (for near-miss headers). */
export function firstRows(sheet: SheetCells): { row: number; cells: CellValue[] }[] {
  const found: { row: number; cells: CellValue[] }[] = [];
  for (let r = 0; r < sheet.values.length && found.length < HEADER_SEARCH_ROWS; r++) {
    const cells = sheet.values[r];
    if (cells && !cells.every(isBlank)) found.push({ row: sheet.origin.row + r, cells });
  }
  return found;
}
