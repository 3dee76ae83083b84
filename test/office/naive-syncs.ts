/**
 * The baseline for the adapter's round trips: a run written the way a first
 * add-in often is, row by row, one `context.sync` for every row read and every
 * row written. It moves the same grids as the adapter (every sheet read, every
 * output sheet written), so its sync count is a fair comparison; it is never
 * used by the product.
 */
import { columnLetters, type SheetCells } from '../../src/workbook/grid';
import type { OutputSheet } from '../../src/workbook/output';

const rowAddress = (row: number, column: number, columnCount: number): string =>
  `${columnLetters(column)}${row + 1}:${columnLetters(column + columnCount - 1)}${row + 1}`;

// The sync in each loop is what this baseline measures (the lint rule against it covers src/ only).
export async function naiveRun(context: Excel.RequestContext, produce: (sheets: SheetCells[]) => OutputSheet[]): Promise<void> {
  const worksheets = context.workbook.worksheets.load('items/name');
  await context.sync();
  const sheets: SheetCells[] = [];
  for (const { name } of worksheets.items) {
    const used = context.workbook.worksheets
      .getItem(name)
      .getUsedRangeOrNullObject(true)
      .load('rowIndex,columnIndex,rowCount,columnCount');
    await context.sync();
    const values: SheetCells['values'] = [];
    if (!used.isNullObject)
      for (let r = 0; r < used.rowCount; r++) {
        const row = context.workbook.worksheets
          .getItem(name)
          .getRange(rowAddress(used.rowIndex + r, used.columnIndex, used.columnCount))
          .load('values');
        await context.sync();
        values.push(row.values[0].map((v) => (v === '' ? null : (v as string | number | boolean))));
      }
    const origin = used.isNullObject ? { row: 0, column: 0 } : { row: used.rowIndex, column: used.columnIndex };
    sheets.push({ name, origin, values, tables: [] });
  }
  for (const output of produce(sheets)) {
    const sheet = worksheets.items.some((w) => w.name === output.name)
      ? context.workbook.worksheets.getItem(output.name)
      : context.workbook.worksheets.add(output.name);
    await context.sync();
    const width = Math.max(1, output.values[0]?.length ?? 0);
    for (const [r, row] of output.values.entries()) {
      const range = sheet.getRange(rowAddress(r, 0, width));
      range.numberFormat = [output.formats[r]];
      range.values = [row.map((v) => (typeof v === 'string' && /^[=+\-@]/.test(v) ? `'${v}` : v))];
      await context.sync();
    }
  }
}
