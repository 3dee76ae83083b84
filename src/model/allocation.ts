/**
 * Rule 7: handing out the råderum to requests (udvidelser) in one of four modes.
 *
 * A year's capacity is what is available that year, never below 0: a year in
 * deficit funds nothing that asks for money in that year. Requests may be
 * negative in a year (a proposal that pays back); they then free capacity.
 */
import type { AllocationMode } from './types';
import { isZeroAmount, TOLERANCE } from './rounding';
import { sum, zerosShared } from './rules';
import { bestFill } from './best-fill';

export interface Request {
  nr: string;
  /** Netto per year, unrounded. */
  amount: readonly number[];
  priority?: number;
  /** Workbook position: sheet order, then row. */
  order: number;
  /** The caller's own index of the request (handed back in its funding). */
  index?: number;
}

export type FundingStatus = 'funded' | 'partial' | 'unfunded';

export interface Funding {
  nr: string;
  /** The request's `index`, when it has one. */
  index?: number;
  /** Fraction of the request funded, the same in every year. */
  fraction: number;
  status: FundingStatus;
  funded: readonly number[];
}

export interface Allocation {
  mode: AllocationMode;
  available: number[];
  /** In priority order. */
  fundings: Funding[];
  funded: number[];
  remaining: number[];
}

/** Priority order: lowest Prioritet first, blank last, ties by sheet order then row. */
export function inPriorityOrder<T extends { priority?: number; order: number }>(requests: readonly T[]): T[] {
  const before = (a: T, b: T): number => {
    const pa = a.priority ?? Number.POSITIVE_INFINITY;
    const pb = b.priority ?? Number.POSITIVE_INFINITY;
    return pa !== pb ? (pa < pb ? -1 : 1) : a.order - b.order;
  };
  // Requests made in priority order (every scenario's) need no sort; a stable sort would keep them as they are.
  let sorted = true;
  for (let i = 1; sorted && i < requests.length; i++) if (before(requests[i - 1], requests[i]) > 0) sorted = false;
  return sorted ? requests.slice() : [...requests].sort(before);
}

export interface AllocateOptions {
  /** Progress of a slow search (best fill), 0..1. */
  onProgress?: (done: number) => void;
}

export function allocate(
  mode: AllocationMode,
  availableIn: readonly number[],
  requests: readonly Request[],
  options: AllocateOptions = {},
): Allocation {
  // Rule 6a: what is available is 0 when it is 0 up to the tolerance (0,1 + 0,2 − 0,3 kr.).
  const available = availableIn.map((a) => (isZeroAmount(a) ? 0 : a));
  const ordered = inPriorityOrder(requests);
  const capacity = available.map((a) => Math.max(a, 0));
  const fractions = FRACTIONS_BY_MODE[mode](capacity, ordered, options);
  const fundings = new Array<Funding>(ordered.length);
  for (let i = 0; i < ordered.length; i++) {
    const r = ordered[i];
    const status = fundingStatus(r.amount, fractions[i]);
    // A request funded in full or not at all up to the tolerance is exactly that, so noise never shows as a share.
    const fraction = status === 'funded' ? 1 : status === 'unfunded' ? 0 : fractions[i];
    fundings[i] = { nr: r.nr, index: r.index, fraction, status, funded: fundedPart(r.amount, fraction) };
  }
  // Σ in priority order, year by year (as a sum of each year's list).
  const funded = available.map((_, t) => {
    let total = 0;
    for (const f of fundings) total += f.funded[t];
    return total;
  });
  return { mode, available, fundings, funded, remaining: available.map((a, t) => a - funded[t]) };
}

/**
 * The funded part of a request. A request funded in full or not at all shares
 * its amounts or one array of zeros (both never changed): thousands of
 * requests per scenario need no arrays of their own.
 */
function fundedPart(amount: readonly number[], fraction: number): readonly number[] {
  if (fraction === 0) return zerosShared(amount.length);
  if (fraction === 1 && !hasNegativeZero(amount)) return amount;
  return amount.map((a) => a * fraction + 0); // + 0: never −0
}

function hasNegativeZero(values: readonly number[]): boolean {
  for (const v of values) if (Object.is(v, -0)) return true;
  return false;
}

/**
 * Rule 6a: the status follows the amounts, not the fraction: funded when what is
 * missing is within the tolerance in every year, unfunded when what is funded
 * is; a request of nothing follows its fraction.
 */
export function fundingStatus(amount: readonly number[], fraction: number): FundingStatus {
  let full = true;
  let none = true;
  for (const a of amount) {
    if (!(Math.abs(a) * (1 - fraction) <= TOLERANCE)) full = false;
    if (!(Math.abs(a) * fraction <= TOLERANCE)) none = false;
  }
  if (full && none) return fraction >= 0.5 ? 'funded' : 'unfunded';
  return full ? 'funded' : none ? 'unfunded' : 'partial';
}

type FractionRule = (capacity: readonly number[], ordered: readonly Request[], options: AllocateOptions) => number[];

const FRACTIONS_BY_MODE: Record<AllocationMode, FractionRule> = {
  priority: (capacity, ordered) => priorityFractions(capacity, ordered, false),
  'priority-partial': (capacity, ordered) => priorityFractions(capacity, ordered, true),
  'best-fill': (capacity, ordered, options) => bestFill(capacity, ordered, options).map((inSet) => (inSet ? 1 : 0)),
  proportional: (capacity, ordered) => {
    const fraction = largestFittingFraction(
      capacity,
      capacity.map((_, t) => sum(ordered.map((r) => r.amount[t]))),
    );
    return ordered.map(() => fraction);
  },
};

/** The largest f in [0, 1] with f × demand(t) ≤ room(t) in every year. */
export function largestFittingFraction(room: readonly number[], demand: readonly number[]): number {
  let fraction = 1;
  demand.forEach((d, t) => {
    if (d > TOLERANCE) fraction = Math.min(fraction, Math.max(room[t], 0) / d);
  });
  return Math.max(0, Math.min(1, fraction));
}

function fits(room: readonly number[], amount: readonly number[]): boolean {
  for (let t = 0; t < amount.length; t++) if (!(amount[t] <= room[t] + TOLERANCE)) return false;
  return true;
}

function priorityFractions(capacity: readonly number[], ordered: readonly Request[], partial: boolean): number[] {
  const room = [...capacity];
  let partialGiven = false;
  return ordered.map((r) => {
    if (partialGiven) return 0;
    let fraction = 0;
    if (fits(room, r.amount)) fraction = 1;
    else if (partial) {
      fraction = largestFittingFraction(room, r.amount);
      partialGiven = true;
    }
    const amount = r.amount;
    for (let t = 0; t < amount.length; t++) room[t] -= amount[t] * fraction;
    return fraction;
  });
}
