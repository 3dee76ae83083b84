/**
 * Break-even (issue 13.4), solved exactly, not searched: a proposal's netto is
 * linear in 1 / caseload (rule 4) and in the scenario's fuldtidspersoner
 * (rule 1), so each year has at most one root; the råderum needed to fund the
 * requests down to a priority follows from rule 7 as a maximum of cumulative
 * demand.
 */
import { allocationTable } from './allocation';
import { isZeroAmount, TOLERANCE } from './rounding';
import { staffingCost } from './rules';
import { evaluate, proposalFigures, type ScenarioResult } from './scenarios';
import { pointBook, rateIn } from './sensitivity';
import type { Book, Proposal, Scenario } from './types';

/** An exact value: a fraction of integers where it is one (450/11), always the number itself. */
export interface ExactValue {
  value: number;
  /** In lowest terms, denominator > 1; absent where the value is whole or not a ratio of safe integers. */
  fraction?: { numerator: number; denominator: number };
}

/**
 * One year's answer:
 * - `at`: the netto is 0 exactly there; `pays` says on which side the netto is ≤ 0
 *   (`above`: at that value or more, `below`: at that value or less);
 * - `never`: no value makes the netto ≤ 0 (it stays a cost);
 * - `always`: the netto is ≤ 0 at every value (the parameter does not decide it).
 */
export type Root = { kind: 'at'; at: ExactValue; pays: 'above' | 'below' } | { kind: 'never' } | { kind: 'always' };

export interface YearRoot {
  year: number;
  root: Root;
}

/** The caseload at which a staffed proposal's netto is 0, per year (one entry when every year is the same). */
export interface CaseloadBreakEven {
  nr: string;
  scenario: string;
  /** The benefit whose `Caseload <ydelse>` applies, when the scenario sets one. */
  caseloadFor?: string;
  /** The caseload the scenario assumes now. */
  current?: number;
  /** Per year; `sameEveryYear` when all years have the same root. */
  years: YearRoot[];
  sameEveryYear: boolean;
}

/** The fuldtidspersoner (rule 1's F_s for the proposal's ydelse) at which its netto is 0, per year. */
export interface FullTimePersonsBreakEven {
  nr: string;
  scenario: string;
  benefit: string;
  /** The row's own Fuldtidspersoner, and what the scenario assumes (the row's where it sets none). */
  rowVolume: number;
  current: number;
  years: YearRoot[];
  sameEveryYear: boolean;
}

/**
 * The råderum needed per year to fund every request with Prioritet ≤ `priority`
 * in full, in the scenario's mode:
 *   pool(t) = Σ netto(t) of the included reductions + max(0, max over k of D_k(t)),
 * D_k(t) the cumulative request of the first k of those requests in priority
 * order (`Prioritet`, `Prioritet, delvis`; a request that pays back in a year
 * frees room there), or of every request (`Forholdsmæssig`: all get one
 * fraction). `Bedste udnyttelse` picks the best set, not an order: not answered.
 */
export interface PoolNeeded {
  scenario: string;
  priority: number;
  years: number[];
  /** The requests counted, in priority order (a variant of a group already counted is not). */
  requests: string[];
  /** Per year, unrounded kroner. */
  pool: number[];
  /** Per year: what is available with that pool, the need (max(0, …)). */
  need: number[];
  /** Per year: Σ netto of the included reductions (what they add to the pool has the opposite sign). */
  reductions: number[];
  /** The scenario's own pool per year (0 where none). */
  current: number[];
}

/** Why a question has no answer: each names what the message shows. */
export type BreakEvenRefusal =
  | { reason: 'unknownScenario'; scenario: string }
  | { reason: 'unknownNr'; nr: string }
  | { reason: 'noStaffing'; nr: string }
  | { reason: 'noVolume'; nr: string }
  | { reason: 'caseloadMissing'; nr: string; scenario: string }
  | { reason: 'refusionRateMissing'; nr: string; scenario: string }
  | { reason: 'bestFill'; scenario: string }
  | { reason: 'noRequests'; scenario: string; priority: number }
  /** A sweep: the scenario gives no refusion rate (nor staircase) for the benefit. */
  | { reason: 'noScenarioRate'; scenario: string; benefit: string }
  /** A sweep: no proposal acts on the benefit named. */
  | { reason: 'unknownBenefit'; benefit: string };

export type Answer<T> = { ok: true; value: T } | { ok: false; refusal: BreakEvenRefusal };

function find(book: Book, scenarioName: string, nr?: string): { s: Scenario; p?: Proposal } | BreakEvenRefusal {
  const s = book.scenarios.find((x) => x.name === scenarioName);
  if (!s) return { reason: 'unknownScenario', scenario: scenarioName };
  if (nr === undefined) return { s };
  const p = book.proposals.find((x) => x.nr === nr);
  if (!p) return { reason: 'unknownNr', nr };
  return { s, p };
}

const refused = <T>(refusal: BreakEvenRefusal): Answer<T> => ({ ok: false, refusal });

/**
 * The root of b + k·x = 0 in x, for x > 0, as the value v(x) the user knows
 * (the caseload is 1/x, the fuldtidspersoner x): netto ≤ 0 where `pays` says.
 * `ratio` gives the root as v = numerator / denominator, exactly.
 */
function linearRoot(b: number, k: number, ratio: () => ExactValue, decreasingInValue: boolean): Root {
  // Rule 6a: amounts within a millionth of a krone are equal, so noise never makes a root.
  const bZero = isZeroAmount(b);
  const kZero = isZeroAmount(k);
  if (kZero) return bZero || b < 0 ? { kind: 'always' } : { kind: 'never' };
  // netto(x) = b + k·x with x > 0: a root only where b and k have opposite signs.
  if (bZero || b > 0 === k > 0) return (bZero ? k < 0 : b < 0) ? { kind: 'always' } : { kind: 'never' };
  // k > 0: netto ≤ 0 for x ≤ root; the value grows with x unless it is 1/x (the caseload).
  const paysForSmallX = k > 0;
  return { kind: 'at', at: ratio(), pays: paysForSmallX === decreasingInValue ? 'above' : 'below' };
}

function perYear(years: readonly number[], roots: Root[]): { years: YearRoot[]; sameEveryYear: boolean } {
  const same = roots.every((r) => JSON.stringify(r) === JSON.stringify(roots[0]));
  return { years: roots.map((root, t) => ({ year: years[t], root })), sameEveryYear: same };
}

/**
 * Rule 4: netto(c) = B(t) + K / c with K = Sager × Årsværkspris and
 * B(t) = the netto without staffing − Nuværende årsværk × Årsværkspris, so
 * netto(c) = 0 at c = K / −B(t) (Faxe's BIU_F_03: 180.000.000 / 4.400.000 = 450/11).
 */
export function breakEvenCaseload(book: Book, scenarioName: string, nr: string): Answer<CaseloadBreakEven> {
  const found = find(book, scenarioName, nr);
  if ('reason' in found) return refused(found);
  const { s, p } = found as { s: Scenario; p: Proposal };
  if (!p.staffing) return refused({ reason: 'noStaffing', nr });
  const unstaffed = proposalFigures({ ...p, staffing: undefined }, s, []);
  if (
    p.refusionShare !== undefined &&
    p.refusionRate === undefined &&
    (p.benefit === undefined || !s.refusionByBenefit[p.benefit])
  )
    return refused({ reason: 'refusionRateMissing', nr, scenario: s.name });
  const { cases, currentStaff, staffPrice } = p.staffing;
  const k = cases * staffPrice;
  const own = p.benefit !== undefined ? s.caseloadByBenefit[p.benefit] : undefined;
  const roots = unstaffed.netto.map((n) => {
    const b = n - currentStaff * staffPrice;
    return linearRoot(b, k, () => exactRatio(k, -b), true);
  });
  return {
    ok: true,
    value: {
      nr: p.nr,
      scenario: s.name,
      caseloadFor: own !== undefined ? p.benefit : undefined,
      current: own ?? s.caseload,
      ...perYear(book.years, roots),
    },
  };
}

/**
 * Rule 1: at fuldtidspersoner F the Udgift is U(t) × F / F(p) and its
 * refusion −U(t) × F / F(p) × a × r, so netto(F) = V(t) × F / F(p) + C(t) with
 * V = U × (1 − a × r) and C the rest (stated Indtægt, Investering, staffing),
 * and netto(F) = 0 at F = −C(t) × F(p) / V(t): the fuldtidspersoner the
 * proposal must move off the benefit to pay for itself.
 */
export function breakEvenFullTimePersons(book: Book, scenarioName: string, nr: string): Answer<FullTimePersonsBreakEven> {
  const found = find(book, scenarioName, nr);
  if ('reason' in found) return refused(found);
  const { s, p } = found as { s: Scenario; p: Proposal };
  if (p.benefit === undefined || p.fullTimePersons === undefined || !(p.fullTimePersons > 0))
    return refused({ reason: 'noVolume', nr });
  let rate = 0;
  if (p.refusionShare !== undefined) {
    const r = p.refusionRate ?? rateIn(s, p.benefit);
    if (r === undefined) return refused({ reason: 'refusionRateMissing', nr, scenario: s.name });
    rate = p.refusionShare * r;
  }
  let staffing = 0;
  if (p.staffing) {
    const caseload = s.caseloadByBenefit[p.benefit] ?? s.caseload;
    if (caseload === undefined) return refused({ reason: 'caseloadMissing', nr, scenario: s.name });
    staffing = staffingCost(p.staffing, caseload);
  }
  const rowVolume = p.fullTimePersons;
  const roots = book.years.map((_, t) => {
    const v = p.udgift[t] - p.udgift[t] * rate;
    const c = p.indtaegt[t] + p.investering[t] + staffing;
    // netto = C + (V / F(p)) × F: the slope per fuldtidsperson.
    return linearRoot(c, v / rowVolume, () => exactRatio(-c * rowVolume, v), false);
  });
  return {
    ok: true,
    value: {
      nr: p.nr,
      scenario: s.name,
      benefit: p.benefit,
      rowVolume,
      current: s.fullTimePersonsByBenefit[p.benefit] ?? rowVolume,
      ...perYear(book.years, roots),
    },
  };
}

/** The scenario evaluated as a run would (next to the base, which decides kinds), for its requests and reductions. */
function scenarioResult(book: Book, s: Scenario): ScenarioResult {
  return evaluate(pointBook(book, s)).scenarios[1];
}

/** Rule 7, solved for the pool: see PoolNeeded. */
export function poolToFundPriority(book: Book, scenarioName: string, priority: number): Answer<PoolNeeded> {
  const found = find(book, scenarioName);
  if ('reason' in found) return refused(found);
  const { s } = found as { s: Scenario };
  if (s.mode === 'best-fill') return refused({ reason: 'bestFill', scenario: s.name });
  const result = scenarioResult(book, s);
  const { requests } = allocationTable(result.allocation);
  const years = book.years.length;
  const counted: string[] = [];
  const groupsCounted = new Set<number>();
  const cumulative = new Array<number>(years).fill(0);
  const need = new Array<number>(years).fill(0);
  let atPriority = false;
  for (let i = 0; i < requests.count; i++) {
    const r = requests.request(i);
    const upTo = r.priority !== undefined && r.priority <= priority;
    if (r.priority === priority) atPriority = true;
    // Proportional: every request gets the one fraction, so all must fit; the priority modes stop at N.
    if (!upTo && s.mode !== 'proportional') break;
    const group = requests.groups?.[i] ?? -1;
    // A variant of a group already counted is never funded next to it: it needs nothing.
    if (group >= 0 && groupsCounted.has(group)) continue;
    if (group >= 0) groupsCounted.add(group);
    if (upTo) counted.push(r.nr);
    for (let t = 0; t < years; t++) {
      cumulative[t] += requests.amounts[i * years + t];
      // Priority order: request k is funded when the first k fit together; proportional: the sum of all.
      if (s.mode !== 'proportional') need[t] = Math.max(need[t], cumulative[t]);
    }
  }
  if (s.mode === 'proportional') for (let t = 0; t < years; t++) need[t] = Math.max(0, cumulative[t]);
  if (!atPriority || counted.length === 0) return refused({ reason: 'noRequests', scenario: s.name, priority });
  const reductions = result.reductions.slice();
  return {
    ok: true,
    value: {
      scenario: s.name,
      priority,
      years: book.years,
      requests: counted,
      pool: need.map((n, t) => n + reductions[t]),
      need,
      reductions,
      current: s.pool.map((v) => v ?? 0),
    },
  };
}

/**
 * The pool as a user types it in a unit whose step is `step` kroner: the exact need rounded UP to the step (within
 * the amount tolerance), so a pool typed at that figure funds the requests.
 */
export const roundedUpTo = (amount: number, step: number): number => Math.ceil((amount - TOLERANCE) / step) * step;

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return Math.abs(a);
}

/** A fraction in lowest terms when both are safe integers (and the denominator is not 0). */
export function exactRatio(numerator: number, denominator: number): ExactValue {
  const value = numerator / denominator;
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator === 0) return { value };
  const d = gcd(numerator, denominator) * Math.sign(denominator);
  const [n, m] = [numerator / d, denominator / d];
  return m === 1 ? { value: n } : { value, fraction: { numerator: n, denominator: m } };
}
