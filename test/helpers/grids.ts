/** Reading output grids in tests: a run's sheets by name, and their blocks of rows. */
import type { SheetCells } from '../../src/workbook/grid';
import type { OutputCell, OutputSheet } from '../../src/workbook/output';
import { runWorkbook } from '../../src/workbook/run';
import { formatIssue } from '../../src/workbook/messages';

export type OutputSheets = Record<'Resultat' | 'Råderum' | 'Sammenligning', OutputSheet>;

/** Runs a workbook that must give neither problems nor warnings; its output sheets by name. */
export function outputsOf(sheets: SheetCells[]): OutputSheets {
  const run = runWorkbook(sheets);
  if (run.issues.length > 0 || !run.results) throw new Error(run.issues.map((i) => formatIssue(i)).join('\n'));
  const byName = Object.fromEntries(run.results.outputs.map((s) => [s.name, s]));
  return byName as OutputSheets;
}

const isBlank = (row: readonly OutputCell[]): boolean => row.every((v) => v === null);

/** A row without its trailing blank cells (every row of an output grid is as wide as the sheet). */
export function trimmed(row: readonly OutputCell[]): OutputCell[] {
  let end = row.length;
  while (end > 0 && row[end - 1] === null) end--;
  return row.slice(0, end);
}

/** The row numbers of the sheet's blocks: runs of rows between blank rows. */
function blockRows(sheet: OutputSheet): number[][] {
  const found: number[][] = [];
  let current: number[] = [];
  sheet.values.forEach((row, r) => {
    if (isBlank(row)) {
      if (current.length > 0) found.push(current);
      current = [];
    } else current.push(r);
  });
  if (current.length > 0) found.push(current);
  return found;
}

/** The sheet's blocks: runs of rows between blank rows, each row without its trailing blank cells. */
export function blocks(sheet: OutputSheet): OutputCell[][][] {
  return blockRows(sheet).map((rows) => rows.map((r) => trimmed(sheet.values[r])));
}

/**
 * The one block whose first row starts with `start` (cell by cell); an error
 * when no block or several do, so a test never reads the wrong scenario.
 */
export function blockStarting(sheet: OutputSheet, ...start: OutputCell[]): OutputCell[][] {
  const matching = blocks(sheet).filter((b) => start.every((v, c) => b[0][c] === v));
  if (matching.length !== 1) throw new Error(`${matching.length} blocks on ${sheet.name} start with ${JSON.stringify(start)}`);
  return matching[0];
}

/** The number formats of the one block whose first row starts with `start`, row by row, as wide as the sheet. */
export function blockFormats(sheet: OutputSheet, ...start: OutputCell[]): string[][] {
  const rows = blockRows(sheet).filter((b) => start.every((v, c) => sheet.values[b[0]][c] === v));
  if (rows.length !== 1) throw new Error(`${rows.length} blocks on ${sheet.name} start with ${JSON.stringify(start)}`);
  return rows[0].map((r) => sheet.formats[r]);
}
