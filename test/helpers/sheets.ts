import type { CellValue, SheetCells } from '../../src/workbook/grid';

/** A sheet from rows as they would stand from A1; `table` marks rows [0, n) as an Excel table. */
export function sheet(name: string, rows: CellValue[][], table?: string): SheetCells {
  // A loop, not Math.max(...rows): a spread of many rows overflows the call stack.
  let width = 0;
  for (const r of rows) if (r) width = Math.max(width, r.length);
  return {
    name,
    origin: { row: 0, column: 0 },
    values: rows,
    tables: table ? [{ name: table, row: 0, column: 0, rowCount: rows.length, columnCount: width }] : [],
  };
}

export const YEARS = [2025, 2026, 2027, 2028];
export const perYear = (label: string) => YEARS.map((y) => `${label} ${y}`);
export const four = <T>(v: T): T[] => [v, v, v, v];

export function scenarioSheet(rows: CellValue[][], names: string[] = ['Basis']): SheetCells {
  return sheet('Scenarier', [['Parameter', ...names], ...rows], 'Scenarier');
}
