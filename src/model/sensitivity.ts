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
import { bookFigures, type BookFigures } from './figures';
import type { Issue } from './problems';
import { staircaseRate } from './rules';
import { evaluate, type Evaluation } from './scenarios';
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

/** Digits a grid value keeps: sweeps are typed with a few decimals; this drops the noise of adding steps. */
const GRID_DIGITS = 1e9;

/** from, from + step, …, to (to included when it is on the grid), free of binary noise (40, 40,5, … 45). */
export function sweepValues(from: number, to: number, step: number): number[] {
  return Array.from({ length: pointCount(from, to, step) }, (_, k) => Math.round((from + k * step) * GRID_DIGITS) / GRID_DIGITS);
}

/** How many values sweepValues gives (0 for no grid), without making them: a caller can refuse a huge sweep first. */
export function pointCount(from: number, to: number, step: number): number {
  if (!(step > 0) || !Number.isFinite(from) || !Number.isFinite(to) || to < from) return 0;
  return Math.floor((to - from) / step + 1e-9) + 1;
}

/** Percentage points (as typed: 3) → a shift as a fraction (0,03), free of binary noise; and back. */
export const fromPoints = (points: number): number => Math.round(points * 1e7) / 1e9;
export const toPoints = (fraction: number): number => Math.round(fraction * 1e9) / 1e7;

/** The rate a benefit has in the scenario: its stated rate or its staircase's effective rate; undefined where none. */
export function rateIn(scenario: Scenario, benefit: string): number | undefined {
  const spec = scenario.refusionByBenefit[benefit];
  if (spec === undefined) return undefined;
  return 'rate' in spec ? spec.rate : staircaseRate(spec.durationShares);
}

/** The scenario with the swept parameter at `value` (a copy; the scenario is not changed). */
export function withParameter(scenario: Scenario, parameter: SweepParameter, value: number): Scenario {
  if (parameter.kind === 'caseload') {
    if (parameter.benefit === undefined) return { ...scenario, caseload: value, caseloadByBenefit: {} };
    return { ...scenario, caseloadByBenefit: { ...scenario.caseloadByBenefit, [parameter.benefit]: value } };
  }
  const rate = rateIn(scenario, parameter.benefit);
  if (rate === undefined) return scenario;
  return {
    ...scenario,
    refusionByBenefit: { ...scenario.refusionByBenefit, [parameter.benefit]: { rate: shiftedRate(rate, value) } },
  };
}

/** A rate shifted by points (fractions), free of binary noise (0,32 + 0,01 is 0,33). */
const shiftedRate = (rate: number, shift: number): number => Math.round((rate + shift) * GRID_DIGITS) / GRID_DIGITS;

/** The book a point is evaluated in: the workbook's base (deciding kinds), then the scenario at the point. */
export function pointBook(book: Book, scenario: Scenario): Book {
  return { ...book, scenarios: [book.scenarios[0], scenario] };
}

/** The sweep of one scenario (by name) over `values` of one parameter. */
export function sweep(
  book: Book,
  scenarioName: string,
  parameter: SweepParameter,
  values: readonly number[],
  options: SweepOptions,
): Sweep {
  const scenario = book.scenarios.find((s) => s.name === scenarioName);
  if (!scenario) throw new Error(`no scenario ${scenarioName}`);
  const current =
    parameter.kind === 'caseload'
      ? ((parameter.benefit !== undefined ? scenario.caseloadByBenefit[parameter.benefit] : undefined) ?? scenario.caseload)
      : rateIn(scenario, parameter.benefit);
  const issues: Issue[] = [];
  let previous: Evaluation | undefined;
  let previousFigures: BookFigures | undefined;
  const points = values.map((value): SweepPoint => {
    if (parameter.kind === 'refusion') {
      const rate = current === undefined ? undefined : shiftedRate(current, value);
      if (rate !== undefined && (rate < 0 || rate > 1))
        return { value, rate, outOfRange: true, totalNetto: [], effect: [], remaining: [] };
    }
    const modified = withParameter(scenario, parameter, value);
    // The base object is the same at every point: its figures come from the previous point's evaluation.
    const evaluation = evaluate(pointBook(book, modified), { previous });
    if (issues.length === 0 && evaluation.issues.some((i) => i.severity === 'problem')) issues.push(...evaluation.issues);
    // Only the point's scenario is rounded: the base's figures and the comparison with it are not shown.
    const figures = bookFigures({ ...evaluation, scenarios: [evaluation.scenarios[1]] }, options.step, {
      previous: previousFigures,
    });
    previous = evaluation;
    previousFigures = figures;
    const at = figures.scenarios[0];
    return {
      value,
      rate: parameter.kind === 'refusion' ? rateIn(modified, parameter.benefit) : undefined,
      totalNetto: at.totalNetto,
      effect: at.effect,
      remaining: at.remaining,
    };
  });
  return { scenario: scenario.name, parameter, years: book.years, step: options.step, current, points, issues };
}
