/**
 * Rule 7, `Bedste udnyttelse`, on its own: which whole requests to fund.
 * Its specification is the brute-force search in test/model/best-fill.test.ts
 * (every subset, compared on many random request sets).
 */
import { TOLERANCE } from './rounding';

/**
 * Exact for up to this many requests (2^20 subsets per half); more is a problem (bestFillTooMany).
 * Every two requests more double the time and the memory (scripts/bench-best-fill.js measures it).
 */
export const MAX_BEST_FILL_REQUESTS = 40;

/** What the search needs of a request: its amount per year (negative where it pays back). */
export interface FillRequest {
  amount: readonly number[];
}

export interface BestFillOptions {
  /** Called now and then with the fraction of the search done (0..1, never decreasing), so a caller can show progress. */
  onProgress?: (done: number) => void;
}

/**
 * The exact 0/1 knapsack with one constraint per year: of the requests (in
 * priority order) the set that fits `capacity` in every year (up to the
 * tolerance) with the largest amount summed over the years; among equal sets
 * (up to the tolerance), the one including the higher-priority request at the
 * first difference. True for each request in the set.
 *
 * Meet in the middle. Each half of the requests (in priority order) has all
 * its subsets enumerated; a subset is a bit mask with the highest-priority
 * request as its top bit, so "higher priority at the first difference" is the
 * larger mask, the first half's first. The total is what the years hold, so a
 * set falls short of the capacity by its room left summed over the years: a
 * partner B that lifts subset A to a total of at least `need` leaves at most
 * gap = (A's room, summed) − need in any one year, so its amounts lie in a
 * small corner below A's room (a simplex, not a box). The second half's
 * subsets sit in a hash grid over (up to) four years, stored bucket by bucket
 * with each bucket's largest value, with cells wide enough to hold a few
 * subsets each; a query reads only the cells that meet the corner.
 *
 * A greedy fill and a look at scattered A give a good total first; then A is
 * walked depth first from the largest mask down (a branch that cannot fit or
 * reach the best is left): an A at or above the best's A may tie, one below
 * must do better, and of an A's partners with the largest total the largest
 * mask wins. No set of subsets is kept for the first half, two walks over the
 * second fill the grid without keeping its subsets in between.
 *
 * Amounts in whole øre are searched in exact integers (of their greatest
 * common divisor, with each year's capacity rounded down to it), where equal
 * totals are exactly equal; other amounts in doubles with the tolerance.
 */
export function bestFill(capacity: readonly number[], ordered: readonly FillRequest[], options: BestFillOptions = {}): boolean[] {
  const n = ordered.length;
  if (n > MAX_BEST_FILL_REQUESTS) throw new RangeError(`best fill is exact for up to ${MAX_BEST_FILL_REQUESTS} requests`);
  const { onProgress } = options;
  onProgress?.(0);
  // A request that asks nothing in any year changes neither fit nor total, so the tie rule always takes it.
  const asking = ordered.map((_, i) => i).filter((i) => ordered[i].amount.some((a) => a !== 0));
  const units = inUnits(
    capacity,
    asking.map((i) => ordered[i].amount),
  );
  const chosen = search(units, onProgress);
  onProgress?.(1);
  if (!chosen) return ordered.map(() => false);
  const result = ordered.map(() => true);
  asking.forEach((i, k) => (result[i] = chosen[k]));
  return result;
}

/** The problem in the search's units: exact integers where every amount is whole øre, else kroner with the tolerance. */
interface Units {
  amounts: number[][];
  /** Per year, the most a set may take (capacity plus the tolerance, in the units). */
  limit: number[];
  /** Totals closer than this are equal: 0 in integers, the tolerance in kroner. */
  equal: number;
  /** Whether amounts and limits are integers (then every comparison is exact). */
  whole: boolean;
}

/** Sums of whole øre stay exact in doubles below this (2^52, with room for one more sum). */
const EXACT_SUM = 2 ** 52;

function inUnits(capacity: readonly number[], amounts: readonly (readonly number[])[]): Units {
  const ore = amounts.map((a) => a.map((x) => Math.round(x * 100)));
  const whole =
    capacity.every((c) => Number.isFinite(c)) &&
    // Whole øre: the amount is the double nearest its øre (as typed or read, not computed with noise).
    amounts.every((a, i) => a.every((x, t) => Number.isFinite(x) && ore[i][t] / 100 === x)) &&
    capacity.every((_, t) => ore.reduce((s, o) => s + Math.abs(o[t]), 0) < EXACT_SUM);
  if (!whole)
    return {
      amounts: amounts.map((a) => [...a]),
      limit: capacity.map((c) => c + TOLERANCE),
      equal: TOLERANCE,
      whole: false,
    };
  let unit = 0;
  for (const o of ore) for (const x of o) unit = gcd(unit, Math.abs(x));
  unit = unit || 1;
  return {
    amounts: ore.map((o) => o.map((x) => x / unit)),
    // A set of whole units fits when its sum in øre is at most capacity + tolerance.
    limit: capacity.map((c) => Math.floor((c * 100 + TOLERANCE * 100) / unit)),
    equal: 0,
    whole: true,
  };
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** The chosen set of the requests in `units` (priority order), or undefined when no set fits with a total of at least 0. */
function search(units: Units, onProgress: ((done: number) => void) | undefined): boolean[] | undefined {
  const { amounts, limit, equal, whole } = units;
  const n = amounts.length;
  const years = limit.length;
  const n1 = n >> 1;
  const firstHalf = amounts.slice(0, n1);
  const secondHalf = amounts.slice(n1);
  let grid = new PartnerGrid(secondHalf, years, whole, 0);
  const room = new Float64Array(years);
  const reach = new Float64Array(years);
  /** A's room per year and how far a partner could fill it (room capped by what the second half can add); false if none fits. */
  const roomOf = (sums: Float64Array, at: number): boolean => {
    for (let t = 0; t < years; t++) {
      room[t] = limit[t] - sums[at + t];
      if (room[t] < grid.low[t]) return false;
      reach[t] = Math.min(room[t], grid.high[t]);
    }
    return true;
  };
  // Funding nothing (total 0, the smallest masks) is where it starts, as in the specification; a greedy fill's
  // total usually starts higher (its set is not known as masks: any A may still tie with it, a: −1).
  // In doubles the walk sums in another order than the greedy fill: below its total by the binary noise.
  const noise = whole ? 0 : 1e-9 * amounts.reduce((s, a) => s + a.reduce((x, y) => x + Math.abs(y), 0), 0);
  const greedy = greedyTotal(limit, amounts) - noise;
  let best = greedy > 0 ? { total: greedy, a: -1, b: -1 } : { total: 0, a: 0, b: 0 };
  const step = whole ? 1 : equal;
  /** A's best partner if it beats `best`: the largest value at least `need`, then of those equal to it the largest mask. */
  const tryA = (a: number, value: number, need: number): void => {
    // Far more cells read than queries asked: the cells are too fine for the gaps, make them coarser.
    if (grid.cellsRead > 1e5 && grid.cellsRead > 64 * grid.queries)
      grid = new PartnerGrid(secondHalf, years, whole, 4 * grid.width);
    const b = grid.partner(room, reach, need - value, false);
    if (b < 0) return;
    const partnerValue = grid.records[b * (years + 1)];
    const total = Math.max(best.total, value + partnerValue);
    // The partners as good up to `equal`: measured on the partner's own value (total − value has A's noise).
    const largest = grid.partner(room, reach, Math.min(partnerValue, total - value) - equal, true);
    best = { total, a, b: grid.masks[largest >= 0 ? largest : b] };
  };

  // A quick look at scattered A first, so that the best total is high and the boxes small from the start.
  const count = 2 ** n1;
  const sums = new Float64Array((n1 + 1) * years);
  for (let i = 0; i < Math.min(count, 256); i++) {
    // An odd multiplier permutes 0..count−1.
    const a = count > 1 ? Math.imul(i, 0x9e3779b1) & (count - 1) : 0;
    let value = 0;
    for (let t = 0; t < years; t++) {
      let x = 0;
      for (let k = 0; k < n1; k++) if ((a >>> (n1 - 1 - k)) & 1) x += firstHalf[k][t];
      sums[t] = x;
      value += x;
    }
    if (roomOf(sums, 0)) tryA(a, value, best.total + step);
  }

  // Then every A from the largest mask down, depth first (request in, then out): one at or above the best's A
  // wins a tie, one below must be better. A branch that cannot fit, or cannot reach the best, is left.
  const restAdds = new Float64Array((n1 + 1) * years);
  const restFrees = new Float64Array((n1 + 1) * years);
  for (let k = n1 - 1; k >= 0; k--)
    for (let t = 0; t < years; t++) {
      restAdds[k * years + t] = restAdds[(k + 1) * years + t] + Math.max(0, firstHalf[k][t]);
      restFrees[k * years + t] = restFrees[(k + 1) * years + t] + Math.max(0, -firstHalf[k][t]);
    }
  const every = Math.max(1, count >> 6);
  const visit = (k: number, mask: number): void => {
    const at = k * years;
    // The largest mask in this branch decides whether it may tie.
    const highest = (mask + 1) * 2 ** (n1 - k) - 1;
    const need = highest >= best.a ? best.total - equal : best.total + step;
    let most = 0;
    for (let t = 0; t < years; t++) {
      if (limit[t] - sums[at + t] + restFrees[at + t] < grid.low[t]) return;
      most += Math.min(limit[t], sums[at + t] + restAdds[at + t] + grid.high[t]);
    }
    if (most < need) return;
    if (k === n1) {
      if (onProgress && mask % every === 0) onProgress((count - 1 - mask) / count);
      if (!roomOf(sums, at)) return;
      let value = 0;
      for (let t = 0; t < years; t++) value += sums[at + t];
      tryA(mask, value, need);
      return;
    }
    const amount = firstHalf[k];
    if (twins[k] < 0 || (mask >>> (k - 1 - twins[k])) & 1) {
      for (let t = 0; t < years; t++) sums[at + years + t] = sums[at + t] + amount[t];
      visit(k + 1, mask * 2 + 1);
    }
    for (let t = 0; t < years; t++) sums[at + years + t] = sums[at + t];
    visit(k + 1, mask * 2);
  };
  const twins = earlierTwins(firstHalf);
  sums.fill(0, 0, years);
  visit(0, 0);

  const { a: bestA, b: bestB } = best;
  // The walk meets the greedy set or a better one (else the search would be wrong).
  if (bestA < 0) throw new Error('best fill: the search missed the greedy fill');
  // Funding nothing was never checked: it fits only if every capacity is at least 0.
  if (best.total === 0 && bestA === 0 && bestB === 0 && !limit.every((l) => l >= 0)) return undefined;
  return amounts.map((_, i) => (i < n1 ? ((bestA >>> (n1 - 1 - i)) & 1) === 1 : ((bestB >>> (n - 1 - i)) & 1) === 1));
}

/**
 * Every subset of `amounts` that could win (depth first, each request in, then out; see earlierTwins), with
 * its amounts per year in `sums` from `at`; bit (size − 1 − i) of a mask
 * stands for request i. The sums are the same on every walk.
 */
function eachSubset(
  amounts: readonly (readonly number[])[],
  years: number,
  leaf: (mask: number, sums: Float64Array, at: number) => void,
): void {
  const size = amounts.length;
  const sums = new Float64Array((size + 1) * years);
  const twins = earlierTwins(amounts);
  const visit = (k: number, mask: number): void => {
    const at = k * years;
    if (k === size) {
      leaf(mask, sums, at);
      return;
    }
    const amount = amounts[k];
    if (twins[k] < 0 || (mask >>> (k - 1 - twins[k])) & 1) {
      for (let t = 0; t < years; t++) sums[at + years + t] = sums[at + t] + amount[t];
      visit(k + 1, mask * 2 + 1);
    }
    for (let t = 0; t < years; t++) sums[at + years + t] = sums[at + t];
    visit(k + 1, mask * 2);
  };
  visit(0, 0);
}

/**
 * Per request, the nearest earlier one asking the very same amounts (−1: none). A set with a request
 * but without its earlier twin loses to the set with the twin instead (same total, higher priority),
 * so a walk takes a request only if its twin is in.
 */
function earlierTwins(amounts: readonly (readonly number[])[]): Int32Array {
  return Int32Array.from(amounts, (a, k) => {
    for (let i = k - 1; i >= 0; i--) if (amounts[i].every((x, t) => x === a[t])) return i;
    return -1;
  });
}

/** The years (those whose amounts spread most) by which the grid places subsets. */
const GRID_YEARS = 4;
/** Subsets sharing a grid cell on average that the grid's width aims at. */
const CELL_MATES = 16;

/**
 * The second half's subsets in a hash grid over (up to) four years: a cell
 * holds the subsets whose amounts in those years fall in the same interval of
 * `width`. Cells are hashed to buckets, and the subsets are stored bucket by
 * bucket, so a query reads a few short runs of memory. A bucket may also hold
 * another cell's subsets: they are real subsets, checked like the rest.
 */
class PartnerGrid {
  /** Per year, the least and the most amount of any subset. */
  readonly low: Float64Array;
  readonly high: Float64Array;
  /** Bucket by bucket: each subset's mask, and its record: value, then amounts per year. */
  readonly masks: Int32Array;
  readonly records: Float64Array;
  /** Per bucket: where its records start and end, and the largest value among them (skip a bucket that cannot reach). */
  private readonly buckets: Float64Array;
  private readonly dims: Int32Array;
  private readonly sizes: Float64Array;
  readonly width: number;
  private readonly shift: number;
  private readonly lowCell = new Float64Array(GRID_YEARS);
  private readonly highCell = new Float64Array(GRID_YEARS);
  // The query under way.
  private room: Float64Array = new Float64Array(0);
  private reach: Float64Array = new Float64Array(0);
  private gap = 0;
  private largestMask = false;
  private found = -1;
  private foundValue = 0;
  private foundMask = -1;

  /** Queries asked and cells read, to tell when the cells are too fine. */
  queries = 0;
  cellsRead = 0;

  constructor(
    half: readonly (readonly number[])[],
    private readonly years: number,
    private readonly whole: boolean,
    coarsest: number,
  ) {
    // The least and the most of any subset: all that pays back, all that asks.
    const low = (this.low = new Float64Array(years));
    const high = (this.high = new Float64Array(years));
    for (const amount of half)
      for (let t = 0; t < years; t++) {
        if (amount[t] < 0) low[t] += amount[t];
        else high[t] += amount[t];
      }
    const span = (t: number) => high[t] - low[t];
    // The years whose amounts spread most separate subsets best.
    const dims = (this.dims = Int32Array.from(
      Array.from({ length: years }, (_, t) => t)
        .sort((x, y) => span(y) - span(x))
        .slice(0, GRID_YEARS),
    ));
    const widest = Math.max(0, ...Array.from(dims, span));
    // Cell numbers per year below 2^13, so a cell's key (four of them) is an exact integer.
    const finest = Math.max(whole ? 1 : 0, widest / 2 ** 13) || 1;
    const width = (this.width = Math.max(
      finest,
      coarsest,
      coarsest > 0 ? 0 : fittingWidth(half, years, dims, low, Math.max(widest, finest), finest),
    ));
    const sizes = (this.sizes = Float64Array.from(dims, (t) => Math.floor(span(t) / width) + 1));

    let bits = 1;
    while (1 << bits < 2 ** half.length / 4) bits++;
    this.shift = 32 - bits;
    const keyOf = (sums: Float64Array, at: number) => {
      let key = 0;
      for (let j = 0; j < dims.length; j++) key = key * sizes[j] + Math.floor((sums[at + dims[j]] - low[dims[j]]) / width);
      return this.bucket(key);
    };
    // Counted, then placed bucket by bucket: two walks over the subsets, none kept in between.
    const place = new Int32Array((1 << bits) + 1);
    eachSubset(half, years, (_, sums, at) => place[keyOf(sums, at) + 1]++);
    for (let k = 0; k < 1 << bits; k++) place[k + 1] += place[k];
    const count = place[1 << bits];
    const buckets = (this.buckets = new Float64Array(3 << bits).fill(Number.NEGATIVE_INFINITY));
    for (let k = 0; k < 1 << bits; k++) buckets[3 * k] = buckets[3 * k + 1] = place[k];
    const masks = (this.masks = new Int32Array(count));
    const stride = years + 1;
    const records = (this.records = new Float64Array(count * stride));
    // Of subsets with the very same amounts (round figures repeat a lot) only the first walked, the largest
    // mask, can win a tie: the rest are left out.
    eachSubset(half, years, (mask, sums, at) => {
      const k = keyOf(sums, at);
      const end = buckets[3 * k + 1];
      // Looked for only where a bucket has grown large (it takes time, and where they abound it is large).
      if (end - buckets[3 * k] >= 2 * CELL_MATES)
        for (let i = buckets[3 * k]; i < end; i++) {
          let t = 0;
          while (t < years && records[i * stride + 1 + t] === sums[at + t]) t++;
          if (t === years) return;
        }
      const i = end;
      buckets[3 * k + 1] = end + 1;
      masks[i] = mask;
      let value = 0;
      for (let t = 0; t < years; t++) {
        records[i * stride + 1 + t] = sums[at + t];
        value += sums[at + t];
      }
      records[i * stride] = value;
      if (value > buckets[3 * k + 2]) buckets[3 * k + 2] = value;
    });
  }

  private bucket(key: number): number {
    const lowBits = key >>> 0;
    const highBits = (key / 4294967296) | 0;
    return Math.imul(lowBits ^ Math.imul(highBits, 0x27d4eb2d), 0x9e3779b1) >>> this.shift;
  }

  /**
   * The position of a subset that fits `room` in every year with a value of
   * at least `need`: the one of largest value (then largest mask), or with
   * `largestMask` the largest mask; −1 if none. `reach` is the room capped by
   * what the subsets can add, so that the value missing from `reach` summed
   * over the years bounds each year's gap.
   */
  partner(room: Float64Array, reach: Float64Array, need: number, largestMask: boolean): number {
    const { years, dims, low, width, sizes, lowCell, highCell, masks } = this;
    let reachable = 0;
    for (let t = 0; t < years; t++) reachable += reach[t];
    // Slack for binary noise in doubles; every candidate is still checked exactly.
    const slack = this.whole ? 0 : 1e-3 + 1e-9 * Math.abs(reachable);
    const gap = reachable - need + slack;
    if (gap < 0) return -1;
    let cells = 1;
    for (let j = 0; j < dims.length; j++) {
      const t = dims[j];
      lowCell[j] = Math.max(0, Math.floor((reach[t] - gap - low[t]) / width));
      highCell[j] = Math.min(sizes[j] - 1, Math.floor((reach[t] + slack - low[t]) / width));
      if (lowCell[j] > highCell[j]) return -1;
      cells *= highCell[j] - lowCell[j] + 1;
    }
    this.room = room;
    this.reach = reach;
    this.gap = gap;
    this.largestMask = largestMask;
    this.found = -1;
    this.foundValue = need;
    this.foundMask = -1;
    // A box of more cells than there are subsets: read them all instead.
    if (cells > masks.length / 4)
      for (let k = 0; k < this.buckets.length; k += 3) this.scan(this.buckets[k], this.buckets[k + 1]);
    else this.visit(0, 0, 0);
    this.queries++;
    return this.found;
  }

  /**
   * The box's cells from dimension `j` on, each year's from the top down: a
   * cell whose top falls short of the reach by more than the gap left holds
   * no partner, nor does any cell below it.
   */
  private visit(j: number, spent: number, key: number): void {
    const { dims, buckets } = this;
    if (j === dims.length) {
      this.cellsRead++;
      const k = this.bucket(key);
      if (buckets[3 * k + 2] >= this.foundValue) this.scan(buckets[3 * k], buckets[3 * k + 1]);
      return;
    }
    const t = dims[j];
    const reach = this.reach[t];
    for (let c = this.highCell[j]; c >= this.lowCell[j]; c--) {
      const short = Math.max(0, reach - (this.low[t] + (c + 1) * this.width));
      if (spent + short > this.gap) return;
      this.visit(j + 1, spent + short, key * this.sizes[j] + c);
    }
  }

  private scan(from: number, to: number): void {
    const { records, masks, years, room, largestMask } = this;
    const stride = years + 1;
    for (let i = from; i < to; i++) {
      const value = records[i * stride];
      if (value < this.foundValue) continue;
      const mask = masks[i];
      if ((largestMask || value === this.foundValue) && mask <= this.foundMask) continue;
      let t = 0;
      while (t < years && records[i * stride + 1 + t] <= room[t]) t++;
      if (t < years) continue;
      this.found = i;
      this.foundMask = mask;
      if (!largestMask) this.foundValue = value;
    }
  }
}

/** The width at which a subset shares its cell with about CELL_MATES others, estimated on a sample of subsets. */
function fittingWidth(
  half: readonly (readonly number[])[],
  years: number,
  dims: Int32Array,
  low: Float64Array,
  widest: number,
  finest: number,
): number {
  const count = 2 ** half.length;
  const sample = Math.min(count, 8192);
  const points = new Float64Array(sample * dims.length);
  for (let i = 0; i < sample; i++) {
    // Every subset when there are few, else scattered ones (an odd multiplier permutes the masks).
    const mask = sample === count ? i : Math.imul(i, 0x9e3779b1) & (count - 1);
    for (let j = 0; j < dims.length; j++) {
      let x = 0;
      for (let k = 0; k < half.length; k++) if ((mask >>> (half.length - 1 - k)) & 1) x += half[k][dims[j]];
      points[i * dims.length + j] = x - low[dims[j]];
    }
  }
  let width = widest;
  while (width / 2 >= finest) {
    const seen = new Map<number, number>();
    let pairs = 0;
    for (let i = 0; i < sample; i++) {
      let key = 0;
      for (let j = 0; j < dims.length; j++) key = key * 2 ** 14 + Math.floor(points[i * dims.length + j] / width);
      const k = seen.get(key) ?? 0;
      pairs += k;
      seen.set(key, k + 1);
    }
    // Each pair in the sample stands for (count / sample)^2 pairs in all; mates per subset: 2 pairs / count.
    const mates = (2 * pairs * (count / sample) ** 2) / count;
    if (mates <= CELL_MATES) break;
    width /= 2;
  }
  return width;
}

/** A first, feasible total: requests by value per unit of capacity, each taken if it still fits. */
function greedyTotal(limit: readonly number[], amounts: readonly (readonly number[])[]): number {
  const value = (a: readonly number[]) => a.reduce((s, x) => s + x, 0);
  const weight = (a: readonly number[]) => a.reduce((s, x, t) => s + Math.max(0, x) / Math.max(limit[t], 1), 0);
  const efficiency = (a: readonly number[]) => (weight(a) === 0 ? Number.POSITIVE_INFINITY : value(a) / weight(a));
  const byEfficiency = amounts.map((_, i) => i).sort((x, y) => efficiency(amounts[y]) - efficiency(amounts[x]));
  const used = limit.map(() => 0);
  let total = 0;
  for (const i of byEfficiency) {
    const a = amounts[i];
    if (value(a) <= 0 || !a.every((x, t) => used[t] + x <= limit[t])) continue;
    a.forEach((x, t) => (used[t] += x));
    total += value(a);
  }
  return total;
}
