/**
 * The run log: each written run leaves a record in the workbook's sheet
 * `Kørsler` (when, each scenario's parameters, a SHA-256 of the input cells,
 * the totals, and what changed since the run before), so negotiation rounds
 * can be told apart and compared later, with or without the add-in.
 */

export const RUN_LOG_SHEET = 'Kørsler';

/** One scenario in one run, with the totals as the output sheets showed them (workbook's unit). */
export interface LoggedScenario {
  name: string;
  /** The scenario's parameters as its column in `Scenarier` stated them, in the sheet's order (inherited values included). */
  parameters: { parameter: string; value: string }[];
  totalNetto: number[];
  funded: number[];
  remaining: number[];
  effect: number[];
}

export interface RunLogEntry {
  /** The run's number in the log, 1 for the first. */
  run: number;
  /** Local time of the run, `yyyy-mm-dd hh:mm`. */
  time: string;
  /** The user's own name for the run (a cell they may fill in, e.g. "Forhandlingsrunde 2"); '' where none. */
  label: string;
  /** SHA-256 (hex) of the input cells: the same inputs give the same hash. */
  inputHash: string;
  years: number[];
  scenarios: LoggedScenario[];
  /** What changed since the run before, in words, as the sheet shows it. */
  changes: string;
  /** The 0-based sheet row where the run's record starts, for showing it. */
  row: number;
}

/** One figure of one scenario in two runs. */
export interface TotalDifference {
  scenario: string;
  figure: 'totalNetto' | 'funded' | 'remaining' | 'effect';
  from: number[];
  to: number[];
  difference: number[];
}

/** What differs between two runs ("forhandlingsrunde 2 mod runde 1"). */
export interface RunDifference {
  from: RunLogEntry;
  to: RunLogEntry;
  sameInputs: boolean;
  scenariosAdded: string[];
  scenariosRemoved: string[];
  /** Parameters that differ in a scenario both runs have (undefined: not stated). */
  parameters: { scenario: string; parameter: string; from?: string; to?: string }[];
  /** Totals that differ, in scenarios both runs have. */
  totals: TotalDifference[];
}
