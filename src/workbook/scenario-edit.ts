/**
 * Changing the scenarios from the pane. The `Scenarier` sheet stays the one
 * source of truth: an edit becomes the few cells to write there, so the
 * scenarios travel with the workbook and read the same by hand.
 */

/** A change the pane asks for. Parameters are named as the sheet's `Parameter` column names them. */
export type ScenarioEdit =
  /** Sets one parameter of one scenario (e.g. 'Caseload', 'Caseload Kontanthjælp', 'Refusion Sygedagpenge',
   *  'Fuldtidspersoner Kontanthjælp', 'Råderum 2027', 'Fordeling', 'Udelad'); a row is added where the
   *  sheet lacks the parameter. `undefined` blanks the cell: a scenario other than the base then inherits the base's value. */
  | { kind: 'set'; scenario: string; parameter: string; value: string | number | undefined }
  /** Adds a scenario column after the last, empty (it inherits everything from the base) or a copy of another's column. */
  | { kind: 'add'; name: string; copyOf?: string }
  | { kind: 'rename'; scenario: string; name: string }
  /** Removes a scenario's column; the columns after it move left. The base cannot be deleted. */
  | { kind: 'delete'; scenario: string };

/** A cell to write: 0-based sheet row and column; `null` empties it. Text is written as text, never as a formula. */
export interface CellChange {
  row: number;
  column: number;
  value: string | number | null;
}

/** What an edit writes to one sheet; `table` where the sheet's scenarios are an Excel table whose extent changes. */
export interface SheetChanges {
  sheet: string;
  cells: CellChange[];
  /** The table's new extent (0-based, header row included), when it grows or shrinks. */
  table?: { name: string; row: number; column: number; rowCount: number; columnCount: number };
}
