/**
 * Sensitivity (issue 13.3): one scenario's headline figures — total netto,
 * budget effect and råderum left, per year — over a sweep of one parameter:
 * the caseload (rule 4) or a benefit's refusion rate (rules 2–3).
 *
 * Each point is the engine's own answer for the scenario with that parameter:
 * the scenario is copied with the value put in, and evaluated and rounded as a
 * run would (evaluate + bookFigures), next to the workbook's base, which keeps
 * deciding each proposal's kind (rule 0) — a sweep moves no proposal between
 * Reduktion and Udvidelse. The evaluations pass each other as `previous`, so a
 * point recomputes only the proposals that depend on the swept parameter.
 */
import type { Issue } from './problems';
import type { Book, Scenario } from './types';

/**
 * What is swept.
 * - `caseload` without a benefit: the value is the scenario's `Caseload` and every `Caseload <ydelse>` too
 *   (they are replaced, so every staffed proposal is at the swept caseload); with a benefit, only that
 *   benefit's caseload (`Caseload <ydelse>`) is set, the rest stay as the scenario has them.
 * - `refusion`: the value is a shift in percentage points, as a fraction (−0,10 … +0,10), of the benefit's
 *   rate in the scenario; a benefit given as a staircase (rule 3) is shifted from its effective rate (the
 *   shares stay, the rate they give moves). Rows with their own `Refusionssats` do not move. A shifted rate
 *   below 0 % or above 100 % is no rate: that point is left out (`outOfRange`).
 */
export type SweepParameter = { kind: 'caseload'; benefit?: string } | { kind: 'refusion'; benefit: string };

export interface SweepPoint {
  /** The value swept: the caseload, or the refusion shift (a fraction: 0,01 = one point). */
  value: number;
  /** Refusion: the rate at this point (a fraction). */
  rate?: number;
  /** Refusion: the shifted rate is outside 0–100 %; no figures. */
  outOfRange?: boolean;
  /** Per year, in kroner rounded to the sweep's step, as a run shows them (sums of rounded leaves). */
  totalNetto: readonly number[];
  effect: readonly number[];
  remaining: readonly number[];
}

export interface Sweep {
  scenario: string;
  parameter: SweepParameter;
  years: number[];
  /** What amounts are rounded to, in kroner. */
  step: number;
  /** The scenario's own value: its caseload (for the benefit, if named) or, for refusion, its (effective) rate. */
  current?: number;
  points: SweepPoint[];
  /** Problems in a point's evaluation (none in a workbook that runs): the first point's, once. */
  issues: Issue[];
}

export interface SweepOptions {
  /** What amounts are rounded to, in kroner (the workbook's unit; 1 for whole kroner). */
  step: number;
}

/** from, from + step, …, to (to included when it is on the grid), free of binary noise (40, 40,5, … 45). */
export function sweepValues(from: number, to: number, step: number): number[] {
  void from;
  void to;
  void step;
  throw new Error('not yet');
}

/** The scenario with the swept parameter at `value` (a copy; the scenario is not changed). */
export function withParameter(book: Book, scenario: Scenario, parameter: SweepParameter, value: number): Scenario {
  void book;
  void scenario;
  void parameter;
  void value;
  throw new Error('not yet');
}

/** The book a point is evaluated in: the workbook's base (deciding kinds), then the scenario at the point. */
export function pointBook(book: Book, scenario: Scenario): Book {
  void book;
  void scenario;
  throw new Error('not yet');
}

/** The sweep of one scenario (by name) over `values` of one parameter. */
export function sweep(
  book: Book,
  scenarioName: string,
  parameter: SweepParameter,
  values: readonly number[],
  options: SweepOptions,
): Sweep {
  void book;
  void scenarioName;
  void parameter;
  void values;
  void options;
  throw new Error('not yet');
}
