/**
 * What the task pane needs from the workbook it runs in — Excel through
 * Office.js, or the preview's in-browser workbook. Hosts only move grids.
 */
import type { CellPlace } from '../model/types';
import type { SheetCells } from './grid';
import type { OutputSheet } from './output';

export interface WorkbookHost {
  /** The input sheets as grids (output sheets are never read). */
  read(): Promise<SheetCells[]>;
  /**
   * One run: reads, lets `produce` turn what was read into output sheets (or
   * nothing, when there are problems), and writes them, replacing earlier output.
   */
  run(
    produce: (sheets: SheetCells[]) => OutputSheet[] | undefined,
    onProgress?: (done: number, total: number) => void,
  ): Promise<void>;
  /** Adds the sheets that the workbook lacks; returns the names added. */
  addMissingSheets(sheets: OutputSheet[]): Promise<string[]>;
  /** Shows a place to the user (in Excel: selects the cell). */
  select(place: CellPlace): Promise<void>;
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
