/**
 * What adapters hand the workbook layer: plain grids of cell values, one per
 * sheet, with the sheet's tables as rectangles on it. Nothing here knows
 * Office.js or ExcelJS.
 */
import type { CellPlace } from '../model/types';

/**
 * A cell that has no value to read: a formula error (`#DIV/0!`) or a formula
 * whose result was never stored (`noValue`: files written by scripts). Never read as 0.
 */
export interface CellError {
  error: string;
}

export type CellValue = string | number | boolean | null | CellError;

/** The error code shown to the user for `noValue`. */
export const NO_VALUE = 'noValue';

const EXCEL_ERRORS =
  /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!)$/;

/** The error a cell holds: a CellError, or Excel's error text as Office.js gives it. */
export function cellError(value: CellValue | undefined): string | undefined {
  if (value !== null && typeof value === 'object') return value.error;
  if (typeof value === 'string' && EXCEL_ERRORS.test(value.trim())) return value.trim();
  return undefined;
}

export interface TableArea {
  name: string;
  /** 0-based, absolute on the sheet; the first row is the header row. */
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

export interface SheetCells {
  name: string;
  /** 0-based address of values[0][0] (the used range's top-left cell). */
  origin: { row: number; column: number };
  values: CellValue[][];
  tables: TableArea[];
  /**
   * Set by an adapter that did not read the sheet because its used range is too
   * large to read (Excel returns no values past 5 million cells); values are then empty.
   */
  oversized?: { rowCount: number; columnCount: number };
}

export function columnLetters(column: number): string {
  let letters = '';
  for (let c = column + 1; c > 0; c = Math.floor((c - 1) / 26)) letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return letters;
}

/** `Forslag!F7`, `'Min liste'!B2`: sheet names that need it are quoted, as Excel does. */
export function cellAddress(place: CellPlace): string {
  return `${sheetReference(place.sheet)}!${columnLetters(place.column)}${place.row + 1}`;
}

export function sheetReference(sheet: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * Excel's rule for sheet and table names: the same name whatever the case or
 * Unicode form (Råderum = RÅDERUM, but not Raaderum). Names with one key are one name.
 */
export const excelNameKey = (name: string): string => name.normalize('NFC').toLocaleUpperCase('da');

export const isBlank = (value: CellValue | undefined): boolean =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/** The value at an absolute place, or null outside the grid. */
export function cellAt(sheet: SheetCells, row: number, column: number): CellValue {
  const r = sheet.values[row - sheet.origin.row];
  const v = r ? r[column - sheet.origin.column] : undefined;
  return v === undefined ? null : v;
}
