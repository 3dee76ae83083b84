/**
 * Rule 7, `Bedste udnyttelse`, on its own: which whole requests to fund.
 * Its specification is the brute-force search in test/model/best-fill.test.ts
 * (every subset, compared on many random request sets).
 */
import { TOLERANCE } from './rounding';
import { sum } from './rules';

/** Exact for up to this many requests (2^20 subsets per half); more is a problem (bestFillTooMany). */
export const MAX_BEST_FILL_REQUESTS = 40;

/** What the search needs of a request: its amount per year (negative where it pays back). */
export interface FillRequest {
  amount: readonly number[];
}

/**
 * The exact 0/1 knapsack with one constraint per year: of the requests (in
 * priority order) the set that fits `capacity` in every year (up to the
 * tolerance) with the largest amount summed over the years; among equal sets
 * (up to the tolerance), the one including the higher-priority request at the
 * first difference. True for each request in the set.
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
export interface BestFillOptions {
  /** Called now and then with the fraction of the search done (0..1), so a caller can show progress. */
  onProgress?: (done: number) => void;
}

export function bestFill(capacity: readonly number[], ordered: readonly FillRequest[], options: BestFillOptions = {}): boolean[] {
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
  const { onProgress } = options;
  const every = Math.max(1, first.count >> 6);
  for (let a = first.count - 1; a >= 0; a--) {
    if (onProgress && a % every === 0) onProgress(1 - a / first.count);
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
function halfSubsets(amounts: readonly (readonly number[])[], years: number): Subsets {
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
  /** The nearest bucket at or below each that holds a subset (−1: none), so empty buckets cost nothing. */
  private readonly below: Int32Array;

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
    this.below = new Int32Array(this.buckets);
    for (let k = 0, last = -1; k < this.buckets; k++) this.below[k] = last = this.starts[k] < this.starts[k + 1] ? k : last;
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
    const lowest = this.bucket(lowValue);
    for (let k = this.below[this.bucket(highValue)]; k >= lowest; k = k > 0 ? this.below[k - 1] : -1) {
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
function greedyFill(
  capacity: readonly number[],
  ordered: readonly FillRequest[],
): { total: number; chosen: boolean[] } | undefined {
  const weight = (r: FillRequest) => sum(r.amount.map((a, t) => Math.max(0, a) / Math.max(capacity[t], 1)));
  const efficiency = (r: FillRequest) => {
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
