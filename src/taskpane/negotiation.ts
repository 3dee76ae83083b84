/**
 * The negotiation views' figures (issue 13): a scenario's allocation of the råderum with its mode and the
 * requests' priority order as the user sets them in the pane, calculated in memory (nothing written), the
 * engine's own evaluate and figures on the workbook as read. Amounts in the workbook's unit, as the sheets
 * show them.
 */
import { bookFigures } from '../model/figures';
import type { FundingStatus } from '../model/allocation';
import { evaluate } from '../model/scenarios';
import { fromPoints, sweep, sweepValues, toPoints, type Sweep, type SweepParameter } from '../model/sensitivity';
import {
  breakEvenCaseload,
  breakEvenFullTimePersons,
  poolToFundPriority,
  type BreakEvenRefusal,
  type CaseloadBreakEven,
  type FullTimePersonsBreakEven,
  type PoolNeeded,
} from '../model/break-even';
import type { AllocationMode, Book } from '../model/types';
import type { SheetCells } from '../workbook/grid';
import { inUnit } from '../workbook/output';
import { readBook } from '../workbook/read';
import { UNITS, type Unit } from '../workbook/units';

/** "Gem prioriteter"'s edit, in the views' chunk with the rest (the store takes it from here, not at start). */
export { editPriorities } from '../workbook/priority-edit';

export const MODES: readonly AllocationMode[] = ['priority', 'priority-partial', 'best-fill', 'proportional'];

export interface AllocationChoice {
  /** The scenario shown; the base when absent or unknown. */
  scenario?: string;
  /** The mode tried; the scenario's own when absent. */
  mode?: AllocationMode;
  /** Request Nrs in the priority order tried (first first); the workbook's Prioritet when absent. */
  order?: readonly string[];
}

export interface AllocatedRequest {
  nr: string;
  title: string;
  status: FundingStatus;
  request: number[];
  funded: number[];
  /** Its shown share of what is available, per year (a fraction). */
  share: readonly number[];
  /** Not funded because this member of its variant group is. */
  alternativeFunded?: string;
}

export interface AllocationView {
  scenario: string;
  scenarios: string[];
  /** The mode calculated, and the scenario's own. */
  mode: AllocationMode;
  ownMode: AllocationMode;
  years: number[];
  unit: Unit;
  /** In the priority order calculated. */
  requests: AllocatedRequest[];
  available: number[];
  funded: number[];
  remaining: number[];
  /** Shown share of what is available left, per year. */
  remainingShare: readonly number[];
}

/** The book with the chosen scenario after the base (rule 0 decides Art by the base), its mode and the order applied. */
export function bookFor(book: Book, choice: AllocationChoice): { book: Book; index: number } {
  const base = book.scenarios[0];
  const chosen = book.scenarios.find((s) => s.name === choice.scenario) ?? base;
  const scenario = choice.mode ? { ...chosen, mode: choice.mode } : chosen;
  const scenarios = chosen === base ? [scenario] : [base, scenario];
  const rank = new Map((choice.order ?? []).map((nr, k) => [nr, k + 1]));
  // The tried order before every other request (those keep their order behind it).
  const proposals = choice.order
    ? book.proposals.map((p) => ({ ...p, priority: rank.get(p.nr) ?? (p.priority ?? 0) + rank.size + 1 }))
    : book.proposals;
  return { book: { ...book, proposals, scenarios }, index: scenarios.length - 1 };
}

/** The allocation of a scenario, or undefined where the workbook has problems. */
export function allocationView(sheets: readonly SheetCells[], choice: AllocationChoice = {}): AllocationView | undefined {
  const read = readBook(sheets);
  if (!read.book || read.book.scenarios.length === 0) return undefined;
  const { book, index } = bookFor(read.book, choice);
  const figures = bookFigures(evaluate(book), UNITS[read.unit].roundingStep);
  const s = figures.scenarios[index];
  const unit = read.unit;
  return {
    scenario: s.name,
    scenarios: read.book.scenarios.map((x) => x.name),
    mode: s.mode,
    ownMode: (read.book.scenarios.find((x) => x.name === s.name) ?? read.book.scenarios[0]).mode,
    years: figures.years,
    unit,
    requests: s.requests.map((r) => ({
      nr: r.nr,
      title: r.title,
      status: r.status,
      request: inUnit(r.request, unit),
      funded: inUnit(r.funded, unit),
      share: r.shownShare,
      ...(r.alternativeFunded ? { alternativeFunded: r.alternativeFunded } : {}),
    })),
    available: inUnit(s.available, unit),
    funded: inUnit(s.funded, unit),
    remaining: inUnit(s.remaining, unit),
    remainingShare: s.remainingShare,
  };
}

/** What the sensitivity and break-even views offer to choose from. */
export interface NegotiationChoices {
  years: number[];
  scenarios: string[];
  /** Benefits (Ydelse) of the proposals, by the key the core uses and as first typed. */
  benefits: { key: string; name: string }[];
  /** Proposals whose netto depends on a caseload or on fuldtidspersoner (the break-even questions). */
  staffed: { nr: string; title: string }[];
  /** The Prioritet values of the proposals, lowest first. */
  priorities: number[];
}

export function negotiationChoices(sheets: readonly SheetCells[]): NegotiationChoices | undefined {
  const read = readBook(sheets);
  if (!read.book) return undefined;
  const { proposals, scenarios } = read.book;
  const benefits = [...new Set(proposals.flatMap((p) => (p.benefit ? [p.benefit] : [])))];
  return {
    years: read.years,
    scenarios: scenarios.map((s) => s.name),
    benefits: benefits.map((key) => ({ key, name: read.benefitNames.get(key) ?? key })),
    staffed: proposals.filter((p) => p.staffing || p.fullTimePersons !== undefined).map((p) => ({ nr: p.nr, title: p.title })),
    priorities: [...new Set(proposals.flatMap((p) => (p.priority === undefined ? [] : [p.priority])))].sort((a, b) => a - b),
  };
}

/** A sweep as the pane shows it: per point and year, amounts in the workbook's unit. */
export interface SweepView {
  unit: Unit;
  years: number[];
  sweep: Sweep;
  rows: { value: number; year: number; rate?: number; totalNetto: number; effect: number; remaining: number }[];
}

/**
 * Caseload 40–45 in steps of 0,5, or a benefit's refusion rate −10 … +10 points (values are the shifts in points),
 * for a scenario (the base when absent); the core's sweep, called directly (it is synchronous).
 */
export function sweepView(
  sheets: readonly SheetCells[],
  scenario: string | undefined,
  parameter: SweepParameter,
): SweepView | undefined {
  const read = readBook(sheets);
  if (!read.book) return undefined;
  const name = read.book.scenarios.some((s) => s.name === scenario) ? scenario! : read.book.scenarios[0].name;
  const caseload = parameter.kind === 'caseload';
  const values = caseload ? sweepValues(40, 45, 0.5) : sweepValues(-10, 10, 1).map(fromPoints);
  const result = sweep(read.book, name, parameter, values, { step: UNITS[read.unit].roundingStep });
  const unit = read.unit;
  const rows = result.points.flatMap((p) => {
    if (p.outOfRange) return [];
    const [totalNetto, effect, remaining] = [p.totalNetto, p.effect, p.remaining].map((v) => inUnit(v, unit));
    const value = caseload ? p.value : toPoints(p.value);
    return read.years.map((year, i) => ({
      value,
      year,
      rate: p.rate,
      totalNetto: totalNetto[i],
      effect: effect[i],
      remaining: remaining[i],
    }));
  });
  return { unit, years: read.years, sweep: result, rows };
}

export type BreakEvenView =
  | {
      kind: 'proposal';
      caseload?: CaseloadBreakEven;
      fullTimePersons?: FullTimePersonsBreakEven;
      refusals: BreakEvenRefusal[];
    }
  | { kind: 'pool'; unit: Unit; pool: PoolNeeded; poolInUnit: number[]; currentInUnit: number[] }
  | { kind: 'refused'; refusal: BreakEvenRefusal };

/** A proposal's break-even caseload and fuldtidspersoner, or the råderum needed down to a priority; the core's exact answers. */
export function breakEvenView(
  sheets: readonly SheetCells[],
  question: { scenario?: string; nr: string } | { scenario?: string; fundToPriority: number },
): BreakEvenView | undefined {
  const read = readBook(sheets);
  if (!read.book) return undefined;
  const book = read.book;
  const name = book.scenarios.some((s) => s.name === question.scenario) ? question.scenario! : book.scenarios[0].name;
  if ('fundToPriority' in question) {
    const answer = poolToFundPriority(book, name, question.fundToPriority);
    if (!answer.ok) return { kind: 'refused', refusal: answer.refusal };
    return {
      kind: 'pool',
      unit: read.unit,
      pool: answer.value,
      poolInUnit: inUnit(answer.value.pool, read.unit),
      currentInUnit: inUnit(answer.value.current, read.unit),
    };
  }
  const caseload = breakEvenCaseload(book, name, question.nr);
  const persons = breakEvenFullTimePersons(book, name, question.nr);
  if (!caseload.ok && !persons.ok) return { kind: 'refused', refusal: caseload.refusal };
  return {
    kind: 'proposal',
    caseload: caseload.ok ? caseload.value : undefined,
    fullTimePersons: persons.ok ? persons.value : undefined,
    refusals: [caseload, persons].flatMap((a) => (a.ok ? [] : [a.refusal])),
  };
}
