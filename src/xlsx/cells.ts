/**
 * The ExcelJS adapter: a workbook's sheets as plain grids, and output sheets
 * written back. It only moves cells; everything else is the workbook layer's.
 */
import ExcelJS, { type CellValue as ExcelCellValue, type Workbook, type Worksheet } from 'exceljs';
import type { CellValue, SheetCells, TableArea } from '../workbook/grid';
import type { OutputSheet } from '../workbook/output';

/** A plain value: formulas give their cached result, rich text its text, dates an ISO date. */
export function plainValue(value: ExcelCellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return plainValue((value as { result?: ExcelCellValue }).result ?? null);
    if ('formula' in value || 'sharedFormula' in value) return null;
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return plainValue((value as { text: ExcelCellValue }).text);
    if ('error' in value) return String(value.error);
  }
  return String(value);
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

function tablesOf(sheet: Worksheet): TableArea[] {
  return sheet.getTables().flatMap((entry) => {
    const model = ((entry as unknown as { table?: object }).table ?? (entry as unknown as { model?: object }).model) as {
      name: string;
      tableRef?: string;
      ref?: string;
      headerRow?: boolean;
      totalsRow?: boolean;
    };
    const ref = model.tableRef ?? model.ref;
    if (!ref || model.headerRow === false) return [];
    const area = decodeRef(ref);
    // A totals row is not data.
    if (model.totalsRow) area.rowCount -= 1;
    return [{ name: model.name, ...area }];
  });
}

export function readSheets(workbook: Workbook): SheetCells[] {
  return workbook.worksheets.map((sheet) => {
    const values: CellValue[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
        cells[columnNumber - 1] = plainValue(cell.value);
      });
      values[rowNumber - 1] = Array.from(cells, (c) => c ?? null);
    });
    return {
      name: sheet.name,
      origin: { row: 0, column: 0 },
      values: Array.from(values, (r) => r ?? []),
      tables: tablesOf(sheet),
    };
  });
}

/** Replaces (or adds) the given sheets, leaving every other sheet as it was. */
export function writeSheets(workbook: Workbook, sheets: readonly OutputSheet[]): void {
  for (const output of sheets) {
    const existing = workbook.getWorksheet(output.name);
    if (existing) workbook.removeWorksheet(existing.id);
    const sheet = workbook.addWorksheet(output.name);
    const bold = new Set(output.boldRows);
    output.values.forEach((row, r) => {
      const excelRow = sheet.getRow(r + 1);
      row.forEach((value, c) => {
        if (value === null) return;
        const cell = excelRow.getCell(c + 1);
        cell.value = value;
        const format = output.formats[r][c];
        if (format !== 'General') cell.numFmt = format;
      });
      if (bold.has(r)) excelRow.font = { bold: true };
    });
    output.columnWidths.forEach((width, c) => (sheet.getColumn(c + 1).width = width));
    for (const table of output.tables) {
      const header = output.values[table.row].slice(table.column, table.column + table.columnCount);
      const rows = output.values
        .slice(table.row + 1, table.row + table.rowCount)
        .map((r) => r.slice(table.column, table.column + table.columnCount));
      sheet.addTable({
        name: table.name,
        ref: `${String.fromCharCode(65 + table.column)}${table.row + 1}`,
        headerRow: true,
        style: { theme: 'TableStyleLight9', showRowStripes: true },
        columns: header.map((h) => ({ name: String(h), filterButton: true })),
        rows,
      });
    }
  }
}

/** A new workbook holding the given sheets (the template, the sample). */
export function newWorkbook(sheets: readonly OutputSheet[]): Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Råderum';
  writeSheets(workbook, sheets);
  return workbook;
}
