/**
 * From a read workbook to the sensitivity sweep and break-even answers
 * (issue 13.3, 13.4), and their rows for the command line's CSV and JSON and
 * the pane's table: amounts in the workbook's unit, as its sheets show them.
 */
import type { Issue } from '../model/problems';
import type { BreakEvenRefusal, CaseloadBreakEven, FullTimePersonsBreakEven, PoolNeeded } from '../model/break-even';
import type { Sweep, SweepParameter } from '../model/sensitivity';
import type { SheetCells } from './grid';
import type { Language } from './messages';
import type { Unit } from './units';

/** A sweep asked for: the parameter, and its values from `from` to `to` by `step` (caseloads, or refusion points). */
export interface SweepQuestion {
  /** Default: the first scenario (the base). */
  scenario?: string;
  parameter: SweepParameter;
  /** Caseload: caseloads. Refusion: percentage points (−10 … 10), not fractions. */
  from: number;
  to: number;
  step: number;
}

export interface SweepAnswer {
  unit: Unit;
  years: number[];
  sweep: Sweep;
  /** One row per point and year, in the workbook's unit. */
  rows: SweepRow[];
}

/** A point and year as the table shows it: amounts in the workbook's unit (rounded to it). */
export interface SweepRow {
  /** Caseload, or the refusion shift in percentage points. */
  value: number;
  /** Refusion: the rate at the point, in percent. */
  ratePercent?: number;
  year: number;
  totalNetto: number;
  effect: number;
  remaining: number;
}

export type BreakEvenQuestion = { scenario?: string; nr: string } | { scenario?: string; fundToPriority: number };

export type BreakEvenAnswer =
  | {
      kind: 'proposal';
      unit: Unit;
      caseload?: CaseloadBreakEven;
      fullTimePersons?: FullTimePersonsBreakEven;
      refusals: BreakEvenRefusal[];
    }
  | {
      kind: 'pool';
      unit: Unit;
      pool: PoolNeeded;
      /** Per year, in the unit, rounded up to its step (so it funds). */ poolInUnit: number[];
    };

/** Either the answer, or why not: the workbook's problems (sheet and cell named), or a refusal of the question. */
export type Outcome<T> = { ok: true; answer: T; issues: Issue[] } | { ok: false; issues: Issue[]; refusal?: BreakEvenRefusal };

export function sweepWorkbook(sheets: readonly SheetCells[], question: SweepQuestion): Outcome<SweepAnswer> {
  void sheets;
  void question;
  throw new Error('not yet');
}

export function breakEvenWorkbook(sheets: readonly SheetCells[], question: BreakEvenQuestion): Outcome<BreakEvenAnswer> {
  void sheets;
  void question;
  throw new Error('not yet');
}

/** A refusal as a sentence, in Danish or English. */
export function refusalText(refusal: BreakEvenRefusal, lang: Language): string {
  void refusal;
  void lang;
  throw new Error('not yet');
}

/** The sweep as the command line's JSON (docs/sweep-output.schema.json): amounts in whole kroner and in the unit. */
export function sweepJson(answer: SweepAnswer): unknown {
  void answer;
  throw new Error('not yet');
}

/**
 * The sweep as CSV for Danish Excel: semicolon separated, decimal comma, no thousands separator, a header row
 * in the language asked for; amounts in the workbook's unit.
 */
export function sweepCsv(answer: SweepAnswer, lang: Language): string {
  void answer;
  void lang;
  throw new Error('not yet');
}

/** A break-even answer as lines of text for a person (Danish or English). */
export function breakEvenText(answer: BreakEvenAnswer, lang: Language): string[] {
  void answer;
  void lang;
  throw new Error('not yet');
}

/** A break-even answer as JSON. */
export function breakEvenJson(answer: BreakEvenAnswer): unknown {
  void answer;
  throw new Error('not yet');
}

/** A number as Danish Excel reads it: decimal comma, no thousands separator (1234,5). */
export function danishNumber(value: number, decimals?: number): string {
  void value;
  void decimals;
  throw new Error('not yet');
}
