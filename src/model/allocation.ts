/**
 * Rule 7: handing out the råderum to requests (udvidelser) in one of four modes.
 *
 * A year's capacity is what is available that year, never below 0: a year in
 * deficit funds nothing that asks for money in that year. Requests may be
 * negative in a year (a proposal that pays back); they then free capacity.
 */
import type { AllocationMode } from './types';
import { sum } from './rules';

export const MAX_BEST_FILL_REQUESTS = 40;

export interface Request {
  nr: string;
  /** Netto per year, unrounded. */
  amount: number[];
  priority?: number;
  /** Workbook position: sheet order, then row. */
  order: number;
}

export type FundingStatus = 'funded' | 'partial' | 'unfunded';

export interface Funding {
  nr: string;
  /** Fraction of the request funded, the same in every year. */
  fraction: number;
  status: FundingStatus;
  funded: number[];
}

export interface Allocation {
  mode: AllocationMode;
  available: number[];
  /** In priority order. */
  fundings: Funding[];
  funded: number[];
  remaining: number[];
}

const EPSILON = 1e-6;

/** Priority order: lowest Prioritet first, blank last, ties by sheet order then row. */
export function inPriorityOrder<T extends { priority?: number; order: number }>(requests: readonly T[]): T[] {
  return [...requests].sort((a, b) => {
    const pa = a.priority ?? Number.POSITIVE_INFINITY;
    const pb = b.priority ?? Number.POSITIVE_INFINITY;
    return pa !== pb ? (pa < pb ? -1 : 1) : a.order - b.order;
  });
}

export function allocate(mode: AllocationMode, available: readonly number[], requests: readonly Request[]): Allocation {
  const ordered = inPriorityOrder(requests);
  const capacity = available.map((a) => Math.max(a, 0));
  const fractions = FRACTIONS_BY_MODE[mode](capacity, ordered);
  const fundings = ordered.map((r, i): Funding => {
    const fraction = fractions[i];
    return {
      nr: r.nr,
      fraction,
      status: fraction >= 1 - 1e-12 ? 'funded' : fraction > 1e-12 ? 'partial' : 'unfunded',
      funded: r.amount.map((a) => a * fraction),
    };
  });
  const funded = available.map((_, t) => sum(fundings.map((f) => f.funded[t])));
  return { mode, available: [...available], fundings, funded, remaining: available.map((a, t) => a - funded[t]) };
}

type FractionRule = (capacity: readonly number[], ordered: readonly Request[]) => number[];

const FRACTIONS_BY_MODE: Record<AllocationMode, FractionRule> = {
  priority: (capacity, ordered) => priorityFractions(capacity, ordered, false),
  'priority-partial': (capacity, ordered) => priorityFractions(capacity, ordered, true),
  'best-fill': (capacity, ordered) => bestFill(capacity, ordered).map((inSet) => (inSet ? 1 : 0)),
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
    if (d > EPSILON) fraction = Math.min(fraction, Math.max(room[t], 0) / d);
  });
  return Math.max(0, Math.min(1, fraction));
}

const fits = (room: readonly number[], amount: readonly number[]): boolean => amount.every((a, t) => a <= room[t] + EPSILON);

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
    r.amount.forEach((a, t) => (room[t] -= a * fraction));
    return fraction;
  });
}

/**
 * `Bedste udnyttelse`: the exact 0/1 knapsack with one constraint per year,
 * maximising the funded amount summed over the years. Depth-first in priority
 * order, trying "include" first, and a later set only replaces the best when
 * strictly larger: so among equal sets the one including the higher-priority
 * request at the first difference wins. Pruning keeps 40 requests fast:
 * a feasibility bound (what later negative amounts could still free) and, per
 * year, the fractional-knapsack bound of that year's constraint alone.
 */
export function bestFill(capacity: readonly number[], ordered: readonly Request[]): boolean[] {
  const n = ordered.length;
  const years = capacity.length;
  if (n > MAX_BEST_FILL_REQUESTS) throw new RangeError(`best fill is exact for up to ${MAX_BEST_FILL_REQUESTS} requests`);
  const value = ordered.map((r) => sum(r.amount));
  // freeable[i][t]: capacity that requests i.. could free in year t (their negative amounts).
  const freeable: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(years).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let t = 0; t < years; t++) freeable[i][t] = freeable[i + 1][t] + Math.max(0, -ordered[i].amount[t]);
  // Per year, requests by value per krone of that year's capacity, best first.
  const byDensity = capacity.map((_, t) =>
    ordered
      .map((_, i) => i)
      .filter((i) => value[i] > 0)
      .sort((a, b) => density(b, t) - density(a, t)),
  );
  function density(i: number, t: number): number {
    const w = ordered[i].amount[t];
    return w <= EPSILON ? Number.POSITIVE_INFINITY : value[i] / w;
  }

  const chosen = new Array<boolean>(n).fill(false);
  const used = new Array<number>(years).fill(0);
  let best: boolean[] = new Array<boolean>(n).fill(false);
  let bestValue = Number.NEGATIVE_INFINITY;

  function upperBound(from: number, current: number): number {
    let bound = Number.POSITIVE_INFINITY;
    for (let t = 0; t < years; t++) {
      let room = capacity[t] - used[t] + freeable[from][t];
      let gain = 0;
      for (const i of byDensity[t]) {
        if (i < from) continue;
        const w = Math.max(0, ordered[i].amount[t]);
        if (w <= room) {
          room -= w;
          gain += value[i];
        } else {
          gain += (value[i] * room) / w;
          break;
        }
      }
      bound = Math.min(bound, current + gain);
    }
    return bound;
  }

  function search(i: number, current: number): void {
    if (i === n) {
      if (used.every((u, t) => u <= capacity[t] + EPSILON) && current > bestValue + EPSILON) {
        bestValue = current;
        best = [...chosen];
      }
      return;
    }
    // A later set never replaces an equal one, so a branch that can at best tie is cut.
    if (upperBound(i, current) <= bestValue + EPSILON) return;
    for (const include of [true, false]) {
      const amount = ordered[i].amount;
      if (include) for (let t = 0; t < years; t++) used[t] += amount[t];
      chosen[i] = include;
      const feasible = used.every((u, t) => u - freeable[i + 1][t] <= capacity[t] + EPSILON);
      if (feasible) search(i + 1, current + (include ? value[i] : 0));
      if (include) for (let t = 0; t < years; t++) used[t] -= amount[t];
      chosen[i] = false;
    }
  }
  search(0, 0);
  return best;
}
