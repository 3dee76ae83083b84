/**
 * What the task pane needs from the workbook it runs in — Excel through
 * Office.js, or the preview's in-browser workbook. Hosts only move grids.
 */
import type { CellPlace } from '../model/types';
import type { SheetCells } from './grid';
import type { OutputSheet } from './output';
import type { SheetChanges } from './scenario-edit';

export interface WorkbookHost {
  /**
   * Every sheet as a grid, output sheets included: input sheets in full (or
   * marked oversized), output-named sheets at least their first
   * `OUTPUT_MARK_ROWS` rows. readBook never reads an output-named sheet as
   * input; it checks that the sheet carries `OUTPUT_MARK`, and refuses to
   * overwrite one that does not (a user's own sheet of that name).
   */
  read(): Promise<SheetCells[]>;
  /**
   * One run: reads, lets `produce` turn what was read into output sheets (or
   * nothing, when there are problems), and writes them, replacing the content
   * of earlier output sheets where they stand (the sheets themselves are kept).
   */
  run(
    produce: (sheets: SheetCells[]) => OutputSheet[] | undefined,
    onProgress?: (done: number, total: number) => void,
  ): Promise<void>;
  /** Adds the sheets that the workbook lacks; returns the names added. */
  addMissingSheets(sheets: OutputSheet[]): Promise<string[]>;
  /** Shows a place to the user (in Excel: selects the cell). */
  select(place: CellPlace): Promise<void>;
  /**
   * Writes exactly these cells (editScenarios' changes): a missing sheet is added, a table is grown or shrunk
   * to `table` (or added where there is none), text is written as text (never a formula), null empties a cell.
   * Nothing else on the sheet changes. The pane reads again afterwards.
   */
  writeChanges(changes: readonly SheetChanges[]): Promise<void>;
  /**
   * Hears of the user's doings in the workbook: `scenariosChanged` when the Scenarier sheet changes by hand
   * (so the pane shows it), `selected` when the user selects a cell (its top-left cell). Resolves with the
   * function that stops watching. A host that cannot watch leaves it out.
   */
  watch?(events: WorkbookWatch): Promise<() => void>;
}

export interface WorkbookWatch {
  scenariosChanged?: () => void;
  selected?: (place: CellPlace) => void;
}

/** A failure of the host, sorted into what the user can do about it. */
export type HostFailure = 'editMode' | 'protected' | 'tooLarge' | 'busy' | 'other';

export class HostError extends Error {
  constructor(
    readonly failure: HostFailure,
    message: string,
  ) {
    super(message);
  }
}
