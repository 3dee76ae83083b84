/**
 * Rule 7: handing out the råderum to requests (udvidelser) in one of four modes.
 *
 * A year's capacity is what is available that year, never below 0: a year in
 * deficit funds nothing that asks for money in that year. Requests may be
 * negative in a year (a proposal that pays back); they then free capacity.
 */
import type { AllocationMode } from './types';
import { isZeroAmount, TOLERANCE } from './rounding';
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

/** Priority order: lowest Prioritet first, blank last, ties by sheet order then row. */
export function inPriorityOrder<T extends { priority?: number; order: number }>(requests: readonly T[]): T[] {
  return [...requests].sort((a, b) => {
    const pa = a.priority ?? Number.POSITIVE_INFINITY;
    const pb = b.priority ?? Number.POSITIVE_INFINITY;
    return pa !== pb ? (pa < pb ? -1 : 1) : a.order - b.order;
  });
}

export function allocate(mode: AllocationMode, availableIn: readonly number[], requests: readonly Request[]): Allocation {
  // Rule 6a: what is available is 0 when it is 0 up to the tolerance (0,1 + 0,2 − 0,3 kr.).
  const available = availableIn.map((a) => (isZeroAmount(a) ? 0 : a));
  const ordered = inPriorityOrder(requests);
  const capacity = available.map((a) => Math.max(a, 0));
  const fractions = FRACTIONS_BY_MODE[mode](capacity, ordered);
  const fundings = ordered.map((r, i): Funding => {
    const status = fundingStatus(r.amount, fractions[i]);
    // A request funded in full or not at all up to the tolerance is exactly that, so noise never shows as a share.
    const fraction = status === 'funded' ? 1 : status === 'unfunded' ? 0 : fractions[i];
    return { nr: r.nr, fraction, status, funded: r.amount.map((a) => a * fraction + 0) }; // + 0: never −0
  });
  const funded = available.map((_, t) => sum(fundings.map((f) => f.funded[t])));
  return { mode, available, fundings, funded, remaining: available.map((a, t) => a - funded[t]) };
}

/**
 * Rule 6a: the status follows the amounts, not the fraction: funded when what is
 * missing is within the tolerance in every year, unfunded when what is funded
 * is; a request of nothing follows its fraction.
 */
export function fundingStatus(amount: readonly number[], fraction: number): FundingStatus {
  const full = amount.every((a) => Math.abs(a) * (1 - fraction) <= TOLERANCE);
  const none = amount.every((a) => Math.abs(a) * fraction <= TOLERANCE);
  if (full && none) return fraction >= 0.5 ? 'funded' : 'unfunded';
  return full ? 'funded' : none ? 'unfunded' : 'partial';
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
    if (d > TOLERANCE) fraction = Math.min(fraction, Math.max(room[t], 0) / d);
  });
  return Math.max(0, Math.min(1, fraction));
}

const fits = (room: readonly number[], amount: readonly number[]): boolean => amount.every((a, t) => a <= room[t] + TOLERANCE);

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
 * maximising the funded amount summed over the years; among equal sets, the
 * one including the higher-priority request at the first difference.
 *
 * Meet in the middle: each half of the requests (in priority order) has all
 * its subsets enumerated (2^20 at most). A subset is a bit mask with the
 * highest-priority request as its top bit, so "higher priority at the first
 * difference" is simply the larger mask, the first half's mask first. For each
 * subset A of the first half, the best partner B of the second half must fit
 * every year and reach the best total so far: its value and its amount in one
 * chosen year both lie in narrow windows, found by binary search in value
 * buckets sorted by that year's amount. A greedy fill gives the first best,
 * and the first half's subsets are visited from the largest mask down, so a
 * tie only needs looking for while it could still win.
 */
export function bestFill(capacity: readonly number[], ordered: readonly Request[]): boolean[] {
  const n = ordered.length;
  if (n > MAX_BEST_FILL_REQUESTS) throw new RangeError(`best fill is exact for up to ${MAX_BEST_FILL_REQUESTS} requests`);
  const years = capacity.length;
  const n1 = n >> 1;
  const first = halfSubsets(
    ordered.slice(0, n1).map((r) => r.amount),
    years,
  );
  const second = halfSubsets(
    ordered.slice(n1).map((r) => r.amount),
    years,
  );
  const secondAmounts = ordered.slice(n1).map((r) => r.amount);
  const canAdd = capacity.map((_, t) => sum(secondAmounts.map((a) => Math.max(0, a[t]))));
  const canFree = capacity.map((_, t) => sum(secondAmounts.map((a) => Math.max(0, -a[t]))));
  // The year whose amounts spread most separates candidates best.
  const year = capacity.map((_, t) => t).reduce((a, b) => (canAdd[b] + canFree[b] > canAdd[a] + canFree[a] ? b : a), 0);
  const index = new SubsetIndex(second, year, years);

  let best = { total: Number.NEGATIVE_INFINITY, a: 0, b: 0 };
  const greedy = greedyFill(capacity, ordered);
  if (greedy) {
    // Masks are per half: 40 requests do not fit in JavaScript's 32-bit bit operations.
    const maskOf = (from: number, to: number) =>
      greedy.chosen.slice(from, to).reduce((mask, inSet) => mask * 2 + (inSet ? 1 : 0), 0);
    best = { total: greedy.total, a: maskOf(0, n1), b: maskOf(n1, n) };
  }
  const room = new Float64Array(years);
  // Larger masks first: once a best is found, a smaller mask can only win with a strictly larger total.
  for (let a = first.count - 1; a >= 0; a--) {
    let maxValue = 0;
    let hopeless = false;
    for (let t = 0; t < years; t++) {
      room[t] = capacity[t] - first.amounts[a * years + t];
      if (room[t] < -canFree[t] - TOLERANCE) hopeless = true;
      maxValue += Math.min(room[t], canAdd[t]);
    }
    const va = first.values[a];
    // With the same first half, a larger second-half mask can still win a tie.
    const tieWins = a >= best.a || best.total === Number.NEGATIVE_INFINITY;
    if (hopeless || va + maxValue < best.total + (tieWins ? -TOLERANCE : TOLERANCE)) continue;
    const partner = index.bestPartner(room, best.total - va + (tieWins ? 0 : 2 * TOLERANCE), maxValue, canAdd);
    if (partner < 0) continue;
    const total = va + second.values[partner];
    const better =
      total > best.total + TOLERANCE || (total >= best.total - TOLERANCE && (a > best.a || (a === best.a && partner > best.b)));
    if (better) best = { total, a, b: partner };
  }
  if (best.total === Number.NEGATIVE_INFINITY) return ordered.map(() => false);
  return ordered.map((_, i) => (i < n1 ? ((best.a >>> (n1 - 1 - i)) & 1) === 1 : ((best.b >>> (n - 1 - i)) & 1) === 1));
}

interface Subsets {
  count: number;
  /** count × years, row-major. */
  amounts: Float64Array;
  values: Float64Array;
}

/** Every subset of a half; bit (size − 1 − i) of a mask stands for its request i. */
function halfSubsets(amounts: readonly number[][], years: number): Subsets {
  const size = amounts.length;
  const count = 1 << size;
  const sums = new Float64Array(count * years);
  const values = new Float64Array(count);
  for (let mask = 1; mask < count; mask++) {
    const lowest = 31 - Math.clz32(mask & -mask);
    const rest = mask & (mask - 1);
    const amount = amounts[size - 1 - lowest];
    let value = 0;
    for (let t = 0; t < years; t++) {
      const x = sums[rest * years + t] + amount[t];
      sums[mask * years + t] = x;
      value += x;
    }
    values[mask] = value;
  }
  return { count, amounts: sums, values };
}

/** The second half's subsets in value buckets, each sorted by one year's amount. */
class SubsetIndex {
  private readonly order: Uint32Array;
  private readonly starts: Uint32Array;
  private readonly keys: Float64Array;
  private readonly low: number;
  private readonly width: number;
  private readonly buckets: number;

  constructor(
    private readonly subsets: Subsets,
    private readonly year: number,
    private readonly years: number,
  ) {
    const { count, values, amounts } = subsets;
    let low = Number.POSITIVE_INFINITY;
    let high = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < count; i++) {
      low = Math.min(low, values[i]);
      high = Math.max(high, values[i]);
    }
    this.buckets = Math.max(1, Math.min(1 << 14, count >> 4));
    this.low = low;
    this.width = (high - low) / this.buckets || 1;
    const bucketOf = new Uint32Array(count);
    const sizes = new Uint32Array(this.buckets + 1);
    for (let i = 0; i < count; i++) sizes[(bucketOf[i] = this.bucket(values[i])) + 1]++;
    for (let k = 0; k < this.buckets; k++) sizes[k + 1] += sizes[k];
    this.starts = sizes;
    const fill = sizes.slice(0, this.buckets);
    this.order = new Uint32Array(count);
    for (let i = 0; i < count; i++) this.order[fill[bucketOf[i]]++] = i;
    this.keys = new Float64Array(count);
    // Sorted by the chosen year's amount, then the others; of subsets with the very same amounts
    // only the largest mask can win, so the rest are dropped (round amounts repeat a lot).
    const compare = (x: number, y: number) => {
      const d = amounts[x * years + year] - amounts[y * years + year];
      if (d !== 0) return d;
      for (let t = 0; t < years; t++)
        if (amounts[x * years + t] !== amounts[y * years + t]) return amounts[x * years + t] - amounts[y * years + t];
      return y - x;
    };
    const same = (x: number, y: number) => {
      for (let t = 0; t < years; t++) if (Math.abs(amounts[x * years + t] - amounts[y * years + t]) > TOLERANCE) return false;
      return true;
    };
    let kept = 0;
    for (let k = 0; k < this.buckets; k++) {
      const from = this.starts[k];
      const to = this.starts[k + 1];
      this.order.subarray(from, to).sort(compare);
      this.starts[k] = kept;
      for (let j = from; j < to; j++) {
        const b = this.order[j];
        if (kept > this.starts[k] && same(this.order[kept - 1], b)) continue;
        this.order[kept] = b;
        this.keys[kept] = amounts[b * years + year];
        kept++;
      }
    }
    this.starts[this.buckets] = kept;
  }

  private bucket(value: number): number {
    return Math.min(this.buckets - 1, Math.max(0, Math.floor((value - this.low) / this.width)));
  }

  /**
   * The subset with the largest value (then the largest mask) that fits `room`
   * in every year and has value ≥ `atLeast`; −1 if none. Its amount in the
   * index's year is bounded too: at most that year's room, and at least what
   * the value needs beyond what the other years can hold.
   */
  bestPartner(room: Float64Array, atLeast: number, atMost: number, canAdd: readonly number[]): number {
    const { subsets, years, year } = this;
    const lowValue = atLeast - TOLERANCE;
    const highValue = atMost + TOLERANCE;
    if (lowValue > highValue) return -1;
    let otherYears = 0;
    for (let t = 0; t < years; t++) if (t !== year) otherYears += Math.min(room[t], canAdd[t]);
    const highKey = room[year] + TOLERANCE;
    const lowKey = lowValue - otherYears - TOLERANCE;
    let bestIndex = -1;
    let bestValue = Number.NEGATIVE_INFINITY;
    for (let k = this.bucket(highValue); k >= this.bucket(lowValue); k--) {
      let lo = this.starts[k];
      let hi = this.starts[k + 1];
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.keys[mid] < lowKey) lo = mid + 1;
        else hi = mid;
      }
      for (let j = lo; j < this.starts[k + 1] && this.keys[j] <= highKey; j++) {
        const b = this.order[j];
        const value = subsets.values[b];
        if (value < lowValue || value > highValue) continue;
        if (value < bestValue - TOLERANCE || (value <= bestValue + TOLERANCE && b < bestIndex)) continue;
        let fits = true;
        for (let t = 0; t < years && fits; t++) fits = subsets.amounts[b * years + t] <= room[t] + TOLERANCE;
        if (!fits) continue;
        bestIndex = b;
        bestValue = value;
      }
    }
    return bestIndex;
  }
}

/** A first, feasible set: requests by value per krone of capacity, each taken if it still fits. */
function greedyFill(capacity: readonly number[], ordered: readonly Request[]): { total: number; chosen: boolean[] } | undefined {
  const weight = (r: Request) => sum(r.amount.map((a, t) => Math.max(0, a) / Math.max(capacity[t], 1)));
  const efficiency = (r: Request) => {
    const w = weight(r);
    return w === 0 ? 0 : sum(r.amount) / w;
  };
  const byEfficiency = ordered.map((_, i) => i).sort((a, b) => efficiency(ordered[b]) - efficiency(ordered[a]));
  const used = capacity.map(() => 0);
  const chosen = ordered.map(() => false);
  let total = 0;
  for (const i of byEfficiency) {
    const amount = ordered[i].amount;
    if (sum(amount) <= TOLERANCE || !amount.every((a, t) => used[t] + a <= capacity[t] + TOLERANCE)) continue;
    amount.forEach((a, t) => (used[t] += a));
    total += sum(amount);
    chosen[i] = true;
  }
  return total > TOLERANCE ? { total, chosen } : undefined;
}
