/**
 * Rule 7, `Bedste udnyttelse`, on its own: which whole requests to fund.
 * Its specification is the brute-force search in test/model/best-fill.test.ts
 * (every subset, compared on many random request sets).
 */
import { TOLERANCE } from './rounding';

/**
 * Exact for up to this many requests (2^19 subsets in the first half, 2^21 in the second); more is a problem (bestFillTooMany).
 * Every two requests more double the time and the memory (scripts/bench-best-fill.js measures it); 100 would
 * take 2^49 queries (why no bound prunes them: see the long comment below).
 */
export const MAX_BEST_FILL_REQUESTS = 40;

/** What the search needs of a request: its amount per year (negative where it pays back). */
export interface FillRequest {
  amount: readonly number[];
  /** Variants (issue 13): requests with the same group are alternatives; at most one of them is in the set. */
  group?: number;
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
 * Meet in the middle. Each half of the requests (in priority order; the first
 * one request short of half, as a query costs about three times what placing
 * a subset in the grid does) has all its subsets enumerated; a subset is a bit mask with the highest-priority
 * request as its top bit, so "higher priority at the first difference" is the
 * larger mask, the first half's first. A subset's sums come from two small
 * tables (every subset of the half's first requests, every subset of its last),
 * so no subset's amounts are stored. The total is what the years hold, so a
 * set falls short of the capacity by its room left summed over the years: a
 * partner B that lifts subset A to a total of at least `need` leaves at most
 * gap = (A's room, summed) − need in any one year, so its amounts lie in a
 * small corner below A's room (a simplex, not a box). The second half's
 * subsets sit in a grid over (up to) four years, in slabs (one per cell of the
 * year that spreads most), each slab a small hash table of buckets by value
 * (largest first, then largest mask); a query reads only the cells that meet
 * the corner and stops in each at the first subset that fits.
 *
 * No set can do better than the bound: each year's capacity, rounded down to
 * the greatest common divisor of that year's amounts. Where sets reach it
 * (round figures), the best set is the largest A with a partner that reaches
 * it, so the search walks down from the largest A and stops at the first.
 * Otherwise a look at scattered A gives a good total first; then every A that
 * leaves room for a partner is queried, slab by slab of where its partners lie
 * (a slab or two stay in the processor's cache; a read from memory costs a few
 * hundred reads from the cache): an A at or above the best's A may tie, one
 * below must do better, and of an A's partners with the largest total the
 * largest mask wins; so the order decides nothing. The memory is the second
 * half's masks and values (18 bytes a subset: in slabs, in buckets, with the
 * value beside each) and the first half's order (8 bytes a subset): about
 * 42 MB at 40 requests, doubling with every two requests more.
 *
 * Why not branch and bound over all requests: the total is the amounts
 * themselves, so the linear relaxation fills every year to the pool and its
 * bound is the pools' sum, which the best set misses by a few hundred kroner
 * out of 80 mio. (near-equal amounts) or not at all (round figures): it prunes
 * next to nothing, and the search is a four-year subset sum.
 *
 * Variants (requests of one `group`, alternatives: at most one in the set): each subset carries its requests'
 * group bits (from the same two small tables as its sums). A subset of a half with two of one group is no set:
 * the first half's are skipped, the second half's left out of the grid. A partner must hold none of A's groups
 * (a group may span the halves, its members anywhere in the order): the query checks the bits like the fit, so a
 * bucket's first subset that fits and shares no group is still its best. Nothing else changes: the bound and the
 * gap only get looser, the greedy start takes one of a group. Limits: at most 32 groups of two or more (40
 * requests make at most 20); a request of nothing in a group takes part in the search (it takes its group's
 * place). Without groups the check is one comparison with 0 per subset read; with them the sets are fewer, and
 * a query may read past partners of A's groups.
 *
 * Amounts in whole øre are searched in exact integers (of their greatest
 * common divisor, with each year's capacity rounded down to it), where equal
 * totals are exactly equal; other amounts in doubles with the tolerance.
 */
export function bestFill(capacity: readonly number[], ordered: readonly FillRequest[], options: BestFillOptions = {}): boolean[] {
  if (ordered.length > MAX_BEST_FILL_REQUESTS)
    throw new RangeError(`best fill is exact for up to ${MAX_BEST_FILL_REQUESTS} requests`);
  return bestFillBeyondLimit(capacity, ordered, options);
}

/**
 * `bestFill` without the limit, for measuring where it lies (scripts/bench-best-fill.js --beyond): the time and
 * the memory double with every two requests more.
 */
export function bestFillBeyondLimit(
  capacity: readonly number[],
  ordered: readonly FillRequest[],
  options: BestFillOptions = {},
): boolean[] {
  const { onProgress } = options;
  onProgress?.(0);
  // A request that asks nothing in any year changes neither fit nor total, so the tie rule always takes it.
  // A request that asks nothing in any year changes neither fit nor total, so the tie rule always takes it
  // (unless it is one of a group's alternatives: then it takes its group's place, and the search decides).
  const bits = groupBits(ordered);
  const asking = ordered.map((_, i) => i).filter((i) => bits[i] !== 0 || ordered[i].amount.some((a) => a !== 0));
  const units = inUnits(
    capacity,
    asking.map((i) => ordered[i].amount),
  );
  const chosen = search(
    units,
    asking.map((i) => bits[i]),
    onProgress,
  );
  onProgress?.(1);
  if (!chosen) return ordered.map(() => false);
  const result = ordered.map(() => true);
  asking.forEach((i, k) => (result[i] = chosen[k]));
  return result;
}

/**
 * Per request, its group's bit (0 for none, or a group of one): the groups of two or more requests are numbered
 * 0, 1, …, at most 31 of them (a group takes two requests, so 40 requests have at most 20).
 */
function groupBits(ordered: readonly FillRequest[]): number[] {
  const members = new Map<number, number>();
  for (const r of ordered) if (r.group !== undefined) members.set(r.group, (members.get(r.group) ?? 0) + 1);
  const numbers = new Map<number, number>();
  return ordered.map(({ group }) => {
    if (group === undefined || members.get(group)! < 2) return 0;
    let g = numbers.get(group);
    if (g === undefined) numbers.set(group, (g = numbers.size));
    if (g > 31) throw new RangeError('best fill takes at most 32 groups of alternatives');
    return 1 << g;
  });
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
function search(units: Units, bits: readonly number[], onProgress: ((done: number) => void) | undefined): boolean[] | undefined {
  const { amounts, limit, equal, whole } = units;
  const n = amounts.length;
  const years = limit.length;
  // One request fewer in the first half: a query per subset of it costs about three times what placing a
  // subset of the second in the grid does.
  const n1 = Math.max(0, (n >> 1) - 1);
  const first = new HalfSums(amounts.slice(0, n1), years, bits.slice(0, n1));
  const second = new HalfSums(amounts.slice(n1), years, bits.slice(n1));
  let grid = new PartnerGrid(second, whole, 0);
  const room = new Float64Array(years);
  const reach = new Float64Array(years);
  const sums = new Float64Array(years);
  /** A's room per year and how far a partner could fill it (room capped by what the second half can add); false if none fits. */
  const roomOf = (): boolean => {
    for (let t = 0; t < years; t++) {
      room[t] = limit[t] - sums[t];
      if (room[t] < second.low[t]) return false;
      reach[t] = Math.min(room[t], second.high[t]);
    }
    return true;
  };
  // Funding nothing (total 0, the smallest masks) is where it starts, as in the specification; a greedy fill's
  // total usually starts higher (its set is not known as masks: any A may still tie with it, a: −1).
  // In doubles the search sums in another order than the greedy fill: below its total by the binary noise.
  const noise = whole ? 0 : 1e-9 * amounts.reduce((s, a) => s + a.reduce((x, y) => x + Math.abs(y), 0), 0);
  const greedy = greedyTotal(limit, amounts, bits) - noise;
  let best = greedy > 0 ? { total: greedy, a: -1, b: -1 } : { total: 0, a: 0, b: 0 };
  const step = whole ? 1 : equal;
  /** A's best partner if it beats `best`: the largest value at least `need`, then of those equal to it the largest mask. */
  const tryA = (a: number, value: number, need: number): void => {
    // Far more cells read than queries asked: the cells are too fine for the gaps, make them coarser.
    if (grid.cellsRead > 1e5 && grid.cellsRead > 64 * grid.queries) grid = new PartnerGrid(second, whole, 4 * grid.width);
    const groups = first.groupsOf(a);
    const b = grid.partner(room, reach, need - value, false, groups);
    if (b < 0) return;
    const partnerValue = grid.valueAt(b);
    const total = Math.max(best.total, value + partnerValue);
    // The partners as good up to `equal`: measured on the partner's own value (total − value has A's noise).
    const largest = grid.partner(room, reach, Math.min(partnerValue, total - value) - equal, true, groups);
    best = { total, a, b: grid.maskAt(largest >= 0 ? largest : b) };
  };

  const count = 2 ** n1;
  const most = bound(units, first, second);
  /**
   * From A (a mask) down to the best's A or the first A with a partner reaching the bound, at most `budget` of
   * them; progress shown only by the last search run (else it would fall back when the next starts).
   */
  const fillDown = (from: number, budget: number, last: boolean): void => {
    for (let a = from; a >= Math.max(0, best.a) && from - a < budget; a--) {
      if (last && onProgress && a % 65536 === 0) onProgress(1 - a / count);
      if (first.clashes(a)) continue;
      const value = first.sumsOf(a, sums);
      if (!roomOf()) continue;
      tryA(a, value, most);
      if (best.a === a) return;
    }
  };
  // Many sets may fill every year to the bound (round figures): the largest A with a partner that reaches it is
  // the best set's, so a short walk down from the largest A often settles it. Its queries are small (the corner
  // is the bound's rounding).
  if (whole) fillDown(count - 1, Math.max(256, count >> 5), false);

  // A quick look at scattered A, so that the best total is high and the boxes small from the start: aiming first
  // close to the bound (small boxes), lower after every few misses.
  let aim = grid.width;
  for (let i = 0, misses = 0; i < Math.min(count, 256) && best.total < most; i++) {
    // An odd multiplier permutes 0..count−1.
    const a = count > 1 ? Math.imul(i, 0x9e3779b1) & (count - 1) : 0;
    if (first.clashes(a)) continue;
    const value = first.sumsOf(a, sums);
    if (!roomOf()) continue;
    const before = best.total;
    tryA(a, value, Math.max(best.total + step, most - aim));
    if (best.total === before && ++misses % 16 === 0) aim *= 4;
  }

  if (whole && best.total === most) {
    // No set does better: of the sets that reach the bound, the tie rule picks the largest A with a partner and
    // its largest partner, so the A above the best's, from the largest down, until the first with a partner.
    fillDown(count - 1, count, true);
  } else {
    // Then every A, slab by slab of the cells where its partners lie (so that the queries read a small part of
    // the grid at a time): one at or above the best's A wins a tie, one below must be better.
    const order = grid.inOrder(first, limit);
    const every = Math.max(1, order.length >> 6);
    for (let i = 0; i < order.length; i++) {
      if (onProgress && i % every === 0) onProgress(i / order.length);
      const a = order[i];
      const value = first.sumsOf(a, sums);
      if (!roomOf()) continue;
      tryA(a, value, a >= best.a ? best.total - equal : best.total + step);
    }
  }

  const { a: bestA, b: bestB } = best;
  // The walk meets the greedy set or a better one (else the search would be wrong).
  if (bestA < 0) throw new Error('best fill: the search missed the greedy fill');
  // Funding nothing was never checked: it fits only if every capacity is at least 0.
  if (best.total === 0 && bestA === 0 && bestB === 0 && !limit.every((l) => l >= 0)) return undefined;
  return amounts.map((_, i) => (i < n1 ? ((bestA >>> (n1 - 1 - i)) & 1) === 1 : ((bestB >>> (n - 1 - i)) & 1) === 1));
}

/**
 * The most any set can reach in whole units: in each year the capacity, rounded down to the years' amounts'
 * greatest common divisor (every set's sum there is a multiple of it), and no more than all that asks there.
 */
function bound(units: Units, first: HalfSums, second: HalfSums): number {
  let total = 0;
  units.limit.forEach((limit, t) => {
    const most = first.high[t] + second.high[t];
    if (!units.whole) total += Math.min(limit, most);
    else {
      const step = units.amounts.reduce((g, a) => gcd(g, Math.abs(a[t])), 0);
      total += step === 0 ? 0 : Math.min(Math.floor(limit / step) * step, most);
    }
  });
  return total;
}

/**
 * The sums per year and the value of every subset of a half, from two tables: one of every subset of its first
 * requests, one of its last (a thousand or two entries each, small enough to stay in the processor's cache). A
 * subset is a mask, bit (size − 1 − i) for request i; its sums are one entry of each table added, always the
 * same way, so a subset's sums are the same every time.
 */
class HalfSums {
  readonly size: number;
  readonly count: number;
  /** Per year, the least and the most of any subset: all that pays back, all that asks. */
  readonly low: Float64Array;
  readonly high: Float64Array;
  private readonly lowBits: number;
  private readonly topSums: Float64Array;
  private readonly bottomSums: Float64Array;
  private readonly topValues: Float64Array;
  private readonly bottomValues: Float64Array;
  /** Per table entry: its requests' group bits, and 1 where two of them are of one group (undefined: no groups). */
  private readonly topGroups: Int32Array | undefined;
  private readonly bottomGroups: Int32Array | undefined;
  private readonly topClash: Uint8Array | undefined;
  private readonly bottomClash: Uint8Array | undefined;

  constructor(
    readonly amounts: readonly (readonly number[])[],
    readonly years: number,
    bits: readonly number[],
  ) {
    this.size = amounts.length;
    this.count = 2 ** this.size;
    this.lowBits = this.size >> 1;
    const low = (this.low = new Float64Array(years));
    const high = (this.high = new Float64Array(years));
    for (const amount of amounts)
      for (let t = 0; t < years; t++) {
        if (amount[t] < 0) low[t] += amount[t];
        else high[t] += amount[t];
      }
    const table = (part: readonly (readonly number[])[]) => {
      const size = part.length;
      const sums = new Float64Array(2 ** size * years);
      const values = new Float64Array(2 ** size);
      for (let mask = 1; mask < 2 ** size; mask++) {
        // The mask without its lowest bit, plus that bit's request.
        const lowest = mask & -mask;
        const rest = mask - lowest;
        const amount = part[size - 1 - (31 - Math.clz32(lowest))];
        let value = 0;
        for (let t = 0; t < years; t++) {
          const x = sums[rest * years + t] + amount[t];
          sums[mask * years + t] = x;
          value += amount[t];
        }
        values[mask] = values[rest] + value;
      }
      return { sums, values };
    };
    const top = table(amounts.slice(0, this.size - this.lowBits));
    const bottom = table(amounts.slice(this.size - this.lowBits));
    this.topSums = top.sums;
    this.topValues = top.values;
    this.bottomSums = bottom.sums;
    this.bottomValues = bottom.values;
    if (bits.some((b) => b !== 0)) {
      const groupTable = (part: readonly number[]) => {
        const size = part.length;
        const groups = new Int32Array(2 ** size);
        const clash = new Uint8Array(2 ** size);
        for (let mask = 1; mask < 2 ** size; mask++) {
          const lowest = mask & -mask;
          const rest = mask - lowest;
          const bit = part[size - 1 - (31 - Math.clz32(lowest))];
          groups[mask] = groups[rest] | bit;
          clash[mask] = clash[rest] | ((groups[rest] & bit) !== 0 ? 1 : 0);
        }
        return { groups, clash };
      };
      const topGroups = groupTable(bits.slice(0, this.size - this.lowBits));
      const bottomGroups = groupTable(bits.slice(this.size - this.lowBits));
      this.topGroups = topGroups.groups;
      this.topClash = topGroups.clash;
      this.bottomGroups = bottomGroups.groups;
      this.bottomClash = bottomGroups.clash;
    }
  }

  /** The group bits of the subset's requests (0 without groups). */
  groupsOf(mask: number): number {
    if (!this.topGroups) return 0;
    return this.topGroups[mask >>> this.lowBits] | this.bottomGroups![mask & ((1 << this.lowBits) - 1)];
  }

  /** Whether the subset holds two requests of one group (never without groups). */
  clashes(mask: number): boolean {
    if (!this.topGroups) return false;
    const top = mask >>> this.lowBits;
    const bottom = mask & ((1 << this.lowBits) - 1);
    return (
      this.topClash![top] === 1 || this.bottomClash![bottom] === 1 || (this.topGroups[top] & this.bottomGroups![bottom]) !== 0
    );
  }

  /** The subset's sums per year into `into`; its value returned. */
  sumsOf(mask: number, into: Float64Array): number {
    const { years, topSums, bottomSums } = this;
    const top = mask >>> this.lowBits;
    const bottom = mask & ((1 << this.lowBits) - 1);
    for (let t = 0; t < years; t++) into[t] = topSums[top * years + t] + bottomSums[bottom * years + t];
    return this.topValues[top] + this.bottomValues[bottom];
  }

  valueOf(mask: number): number {
    return this.topValues[mask >>> this.lowBits] + this.bottomValues[mask & ((1 << this.lowBits) - 1)];
  }

  /** The subset's sum in year t. */
  sumOf(mask: number, t: number): number {
    const { years } = this;
    return this.topSums[(mask >>> this.lowBits) * years + t] + this.bottomSums[(mask & ((1 << this.lowBits) - 1)) * years + t];
  }

  /** Whether the subset's sum is at most `room` in every year. */
  fits(mask: number, room: Float64Array): boolean {
    const { years, topSums, bottomSums } = this;
    const top = (mask >>> this.lowBits) * years;
    const bottom = (mask & ((1 << this.lowBits) - 1)) * years;
    for (let t = 0; t < years; t++) if (topSums[top + t] + bottomSums[bottom + t] > room[t]) return false;
    return true;
  }

  /** Whether two subsets have the very same sums in every year. */
  same(x: number, y: number): boolean {
    for (let t = 0; t < this.years; t++) if (this.sumOf(x, t) !== this.sumOf(y, t)) return false;
    return true;
  }
}

/** The years (those whose amounts spread most) by which the grid places subsets. */
const GRID_YEARS = 4;
/** Subsets sharing a grid cell on average that the grid's width aims at. */
const CELL_MATES = 4;
/** Subsets per bucket on average. */
const BUCKET_MATES = 4;
/** A subset in no slab (two alternatives of one group). */
const NO_SLAB = 0xffff;

/**
 * The second half's subsets in a grid over (up to) four years: a cell holds
 * the subsets whose amounts in those years fall in the same interval of
 * `width`. The cells of the same first coordinate (the year that spreads
 * most) form a slab; each slab is a small hash table of buckets, stored one
 * slab after the other, each bucket by value (largest first, then largest
 * mask). Only masks and their values are kept (12 bytes a subset, read
 * together by a query): amounts come from the half's tables. A bucket may also hold another cell's subsets of the
 * same slab: they are real subsets, checked like the rest.
 *
 * The first half is queried slab by slab (`inOrder`), so the queries read one
 * or two slabs for a while, small enough to stay in the processor's cache,
 * rather than all over the grid: on this kind of machine a read from memory
 * costs as much as a few hundred from the cache.
 */
class PartnerGrid {
  /** Slab by slab, bucket by bucket: the masks. */
  private readonly masks: Int32Array;
  /** The value of each of `masks` (read together with it: no look-up in the half's tables). */
  private readonly values: Float64Array;
  /** Per bucket: where its masks start (and the next bucket's start is where they end). */
  private readonly starts: Int32Array;
  /**
   * Per slab (first coordinate): its first bucket; slab c has slabBase[c + 1] − slabBase[c] − 1 buckets (a power
   * of 2, or none), the last entry its end. Its masks lie from slabStart[c], placed in buckets when first read.
   */
  private readonly slabBase: Int32Array;
  private readonly slabStart: Int32Array;
  private readonly built: Uint8Array;
  /** Slab by slab, largest mask first within each: the masks before they are placed in buckets. */
  private readonly bySlab: Int32Array;
  private local = new Int32Array(0);
  private localValues = new Float64Array(0);
  private bucketOf = new Int32Array(0);
  readonly dims: Int32Array;
  private readonly sizes: Int32Array;
  readonly width: number;
  private readonly low: Float64Array;
  private readonly lowCell = new Int32Array(GRID_YEARS);
  private readonly highCell = new Int32Array(GRID_YEARS);
  /** The walk over a box's cells: per dimension, the cell at, the gap spent before it and the key so far. */
  private readonly at = new Int32Array(GRID_YEARS);
  private readonly spentAt = new Float64Array(GRID_YEARS);
  private readonly keyAt = new Float64Array(GRID_YEARS);
  // The query under way.
  private room: Float64Array = new Float64Array(0);
  /** The group bits of the subset asking (a partner may hold none of its groups). */
  private groups = 0;
  private largestMask = false;
  private found = -1;
  private foundValue = 0;
  private foundMask = -1;

  /** Queries asked and cells read, to tell when the cells are too fine. */
  queries = 0;
  cellsRead = 0;

  constructor(
    private readonly half: HalfSums,
    private readonly whole: boolean,
    coarsest: number,
  ) {
    const { years, low, high, count } = half;
    this.low = low;
    const span = (t: number) => high[t] - low[t];
    // The years whose amounts spread most separate subsets best; the first of them makes the slabs.
    const dims = (this.dims = Int32Array.from(
      Array.from({ length: years }, (_, t) => t)
        .sort((x, y) => span(y) - span(x))
        .slice(0, GRID_YEARS),
    ));
    const D = dims.length;
    const widest = Math.max(0, ...Array.from(dims, span));
    // Cell numbers per year below 2^13, so a cell's key (four of them) is an exact integer.
    const finest = Math.max(whole ? 1 : 0, widest / 2 ** 13) || 1;
    let width = Math.max(finest, coarsest, coarsest > 0 ? 0 : fittingWidth(half, dims, Math.max(widest, finest), finest));
    // In whole units a whole width: every cell's bounds are exact integers.
    if (whole) width = Math.ceil(width);
    this.width = width;
    const sizes = (this.sizes = Int32Array.from(dims, (t) => Math.floor(span(t) / width) + 1));
    const slabs = D > 0 ? sizes[0] : 1;

    // Slab by slab (largest mask first within each); each slab's buckets when a query first reads it.
    const slabOf = new Uint16Array(count);
    const slabStart = (this.slabStart = new Int32Array(slabs + 1));
    for (let mask = count - 1; mask >= 0; mask--) {
      // Two alternatives of one group are never a partner (slabs are fewer than 2^14).
      if (half.clashes(mask)) {
        slabOf[mask] = NO_SLAB;
        continue;
      }
      const c = D > 0 ? this.cellOf(half.sumOf(mask, dims[0]), 0) : 0;
      slabOf[mask] = c;
      slabStart[c + 1]++;
    }
    for (let c = 0; c < slabs; c++) slabStart[c + 1] += slabStart[c];
    const bySlab = (this.bySlab = new Int32Array(count));
    const place = slabStart.slice(0, slabs);
    for (let mask = count - 1; mask >= 0; mask--) if (slabOf[mask] !== NO_SLAB) bySlab[place[slabOf[mask]]++] = mask;
    const slabBase = (this.slabBase = new Int32Array(slabs + 1));
    for (let c = 0; c < slabs; c++) {
      const n = slabStart[c + 1] - slabStart[c];
      let buckets = n > 0 ? 1 : 0;
      while (buckets * BUCKET_MATES < n) buckets *= 2;
      slabBase[c + 1] = slabBase[c] + buckets + (n > 0 ? 1 : 0);
    }
    this.starts = new Int32Array(slabBase[slabs]);
    this.masks = new Int32Array(count);
    this.values = new Float64Array(count);
    this.built = new Uint8Array(slabs);
  }

  /** Slab c's masks in its buckets (counted, then placed, largest mask first), each bucket by value. */
  private build(c: number): void {
    this.built[c] = 1;
    const { half, dims, sizes, masks, starts, bySlab } = this;
    const from = this.slabStart[c];
    const to = this.slabStart[c + 1];
    const base = this.slabBase[c];
    const buckets = this.slabBase[c + 1] - base - 1;
    if (buckets <= 0) return;
    if (this.local.length < to - from) {
      this.local = new Int32Array(to - from);
      this.localValues = new Float64Array(to - from);
      this.bucketOf = new Int32Array(to - from);
    }
    const { local, localValues, bucketOf, values } = this;
    const D = dims.length;
    const ends = new Int32Array(buckets + 1);
    for (let i = from; i < to; i++) {
      const mask = bySlab[i];
      let key = 0;
      for (let j = 1; j < D; j++) key = key * sizes[j] + this.cellOf(half.sumOf(mask, dims[j]), j);
      const k = this.bucket(key, buckets);
      bucketOf[i - from] = k;
      ends[k + 1]++;
    }
    for (let k = 0; k < buckets; k++) ends[k + 1] += ends[k];
    for (let i = from; i < to; i++) {
      const at = ends[bucketOf[i - from]]++;
      local[at] = bySlab[i];
      localValues[at] = half.valueOf(bySlab[i]);
    }
    // Each bucket by value, largest first (insertion, stable: of equal values the largest mask stays first); of
    // subsets with the very same amounts (round figures repeat a lot) and groups only the largest mask can win a tie.
    let end = from;
    let read = 0;
    for (let k = 0; k < buckets; k++) {
      const first = end;
      starts[base + k] = first;
      for (const stop = ends[k]; read < stop; read++) {
        const mask = local[read];
        const value = localValues[read];
        let j = end;
        while (j > first && values[j - 1] < value) j--;
        // The same amounts as one kept already: among equal values, just before.
        let twin = false;
        for (let e = j - 1; e >= first && !twin && values[e] === value; e--)
          twin = half.same(masks[e], mask) && half.groupsOf(masks[e]) === half.groupsOf(mask);
        if (twin) continue;
        // A bucket holds a few masks: moved one by one (a call to copyWithin costs more).
        for (let e = end; e > j; e--) {
          masks[e] = masks[e - 1];
          values[e] = values[e - 1];
        }
        masks[j] = mask;
        values[j] = value;
        end++;
      }
    }
    starts[base + buckets] = end;
  }

  /** Bucket k of slab c (built), as [from, to) in `masks`. */
  private scanBucket(c: number, key: number): void {
    if (!this.built[c]) this.build(c);
    const base = this.slabBase[c];
    const buckets = this.slabBase[c + 1] - base - 1;
    if (buckets <= 0) return;
    const k = base + this.bucket(key, buckets);
    this.scan(this.starts[k], this.starts[k + 1]);
  }

  /** The cell number in dims[j] of an amount (in year dims[j]). */
  private cellOf(amount: number, j: number): number {
    return Math.min(this.sizes[j] - 1, Math.max(0, Math.floor((amount - this.low[this.dims[j]]) / this.width)));
  }

  private bucket(key: number, buckets: number): number {
    const lowBits = key >>> 0;
    const highBits = (key / 4294967296) | 0;
    const h = Math.imul(lowBits ^ Math.imul(highBits, 0x27d4eb2d), 0x9e3779b1);
    return (h ^ (h >>> 16)) & (buckets - 1);
  }

  /** Slack for binary noise in doubles (every candidate is still checked exactly): none in whole units. */
  private slack(reachable: number): number {
    return this.whole ? 0 : 1e-3 + 1e-9 * Math.abs(reachable);
  }

  /**
   * The subsets of `first` that leave room for some partner, slab by slab of the top cell of their box (where
   * their partners lie), largest mask first within a slab.
   */
  inOrder(first: HalfSums, limit: readonly number[]): Int32Array {
    const { dims } = this;
    const { low, high } = this.half;
    const slabs = this.slabBase.length - 1;
    const slabOf = new Int32Array(first.count);
    const place = new Int32Array(slabs + 1);
    // Only the slab's year: the order decides nothing, and the query checks every year anyway.
    const t = dims.length > 0 ? dims[0] : -1;
    const slack = t >= 0 ? this.slack(limit.reduce((s, l, y) => s + Math.abs(l) + Math.abs(high[y]) + Math.abs(low[y]), 0)) : 0;
    let fitting = 0;
    for (let a = first.count - 1; a >= 0; a--) {
      slabOf[a] = -1;
      if (first.clashes(a)) continue;
      let c = 0;
      if (t >= 0) {
        const room = limit[t] - first.sumOf(a, t);
        if (room < low[t]) continue;
        c = this.cellOf(Math.min(room, high[t]) + slack, 0);
      }
      slabOf[a] = c;
      place[c + 1]++;
      fitting++;
    }
    for (let c = 0; c < slabs; c++) place[c + 1] += place[c];
    const order = new Int32Array(fitting);
    for (let a = first.count - 1; a >= 0; a--) if (slabOf[a] >= 0) order[place[slabOf[a]]++] = a;
    return order;
  }

  valueAt(i: number): number {
    return this.values[i];
  }

  maskAt(i: number): number {
    return this.masks[i];
  }

  /**
   * The position of a subset that fits `room` in every year with a value of
   * at least `need`: the one of largest value (then largest mask), or with
   * `largestMask` the largest mask; −1 if none. `reach` is the room capped by
   * what the subsets can add, so that the value missing from `reach` summed
   * over the years bounds each year's gap.
   */
  partner(room: Float64Array, reach: Float64Array, need: number, largestMask: boolean, groups: number): number {
    const { dims, width, lowCell, highCell, low } = this;
    const { years } = this.half;
    let reachable = 0;
    for (let t = 0; t < years; t++) reachable += reach[t];
    const slack = this.slack(reachable);
    const gap = reachable - need + slack;
    if (gap < 0) return -1;
    let cells = 1;
    // The box is one cell, the top one, when the corner's bottom lies in it in every year (mostly: the gap is
    // small beside the cells); its key is then known on the way. Else mostly two in a year or two.
    let key = 0;
    let below = 0;
    let wide = false;
    for (let j = 0; j < dims.length; j++) {
      const t = dims[j];
      const top = (highCell[j] = this.cellOf(reach[t] + slack, j));
      const bottom = reach[t] - gap - low[t];
      if (bottom >= top * width) lowCell[j] = top;
      else {
        lowCell[j] = Math.max(0, Math.floor(bottom / width));
        if (lowCell[j] > top) return -1;
        cells *= top - lowCell[j] + 1;
        if (lowCell[j] === top - 1) below |= 1 << j;
        else wide = true;
      }
      if (j > 0) key = key * this.sizes[j] + top;
    }
    this.room = room;
    this.groups = groups;
    this.largestMask = largestMask;
    this.found = -1;
    this.foundValue = need;
    this.foundMask = -1;
    if (cells === 1 && dims.length > 0) {
      // Its top lies above the reach (the box's top cell), so only its bottom limits it: in it.
      this.queries++;
      this.cellsRead++;
      this.scanBucket(highCell[0], key);
      return this.found;
    }
    if (!wide && dims.length > 0) {
      this.queries++;
      this.corners(reach, gap, below);
      return this.found;
    }
    // A box of more cells than there are subsets: read them all instead.
    if (dims.length === 0 || cells > this.half.count / BUCKET_MATES)
      for (let c = 0; c < this.built.length; c++) {
        if (!this.built[c]) this.build(c);
        for (let k = this.slabBase[c]; k + 1 < this.slabBase[c + 1]; k++) this.scan(this.starts[k], this.starts[k + 1]);
      }
    else this.visit(reach, gap);
    this.queries++;
    return this.found;
  }

  /**
   * A box of at most two cells in each year: the top one and, in the years of `below`, the one under it; of
   * those, the cells whose tops fall short of the reach by no more than the gap.
   */
  private corners(reach: Float64Array, gap: number, below: number): void {
    const { dims, highCell, width, sizes, low } = this;
    // Every subset of `below`, from `below` itself down to none.
    for (let down = below; ; down = (down - 1) & below) {
      let spent = 0;
      let key = 0;
      for (let j = 0; j < dims.length; j++) {
        const t = dims[j];
        const c = highCell[j] - ((down >> j) & 1);
        spent += Math.max(0, reach[t] - (low[t] + (c + 1) * width));
        if (j > 0) key = key * sizes[j] + c;
      }
      if (spent <= gap) {
        this.cellsRead++;
        this.scanBucket(highCell[0] - (down & 1), key);
      }
      if (down === 0) return;
    }
  }

  /**
   * The box's cells, each year's from the top down (a loop over the dimensions, the last innermost): a cell
   * whose top falls short of the reach by more than the gap left holds no partner, nor does any cell below it.
   */
  private visit(reach: Float64Array, gap: number): void {
    const { dims, lowCell, highCell, width, sizes, low, at, spentAt, keyAt } = this;
    const last = dims.length - 1;
    let j = 0;
    at[0] = highCell[0];
    spentAt[0] = 0;
    keyAt[0] = 0;
    for (;;) {
      const c = at[j];
      const t = dims[j];
      const spent = c < lowCell[j] ? Number.POSITIVE_INFINITY : spentAt[j] + Math.max(0, reach[t] - (low[t] + (c + 1) * width));
      if (spent > gap) {
        // This cell and those below it in dimension j are out: on with the next cell one dimension up.
        if (j === 0) return;
        j--;
        at[j]--;
        continue;
      }
      if (j === last) {
        this.cellsRead++;
        // The key of the cell within its slab (at[0]): the coordinates after the first.
        const key = j === 0 ? 0 : keyAt[j] * sizes[j] + c;
        this.scanBucket(at[0], key);
        at[j]--;
        continue;
      }
      j++;
      at[j] = highCell[j];
      spentAt[j] = spent;
      keyAt[j] = j === 1 ? 0 : keyAt[j - 1] * sizes[j - 1] + at[j - 1];
    }
  }

  /** A bucket's subsets, by value, largest first: the first that fits is its best (unless the largest mask is asked). */
  private scan(from: number, to: number): void {
    const { masks, values, room, largestMask, half, groups } = this;
    for (let i = from; i < to; i++) {
      const value = values[i];
      // The rest are smaller still.
      if (value < this.foundValue) return;
      const mask = masks[i];
      if ((largestMask || value === this.foundValue) && mask <= this.foundMask) continue;
      if (!half.fits(mask, room)) continue;
      if (groups !== 0 && (half.groupsOf(mask) & groups) !== 0) continue;
      this.found = i;
      this.foundMask = mask;
      if (!largestMask) {
        this.foundValue = value;
        return;
      }
    }
  }
}

/** The width at which a subset shares its cell with about CELL_MATES others, estimated on a sample of subsets. */
function fittingWidth(half: HalfSums, dims: Int32Array, widest: number, finest: number): number {
  const { count, low } = half;
  const sample = Math.min(count, 8192);
  const points = new Float64Array(sample * dims.length);
  for (let i = 0; i < sample; i++) {
    // Every subset when there are few, else scattered ones (an odd multiplier permutes the masks).
    const mask = sample === count ? i : Math.imul(i, 0x9e3779b1) & (count - 1);
    for (let j = 0; j < dims.length; j++) points[i * dims.length + j] = half.sumOf(mask, dims[j]) - low[dims[j]];
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
function greedyTotal(limit: readonly number[], amounts: readonly (readonly number[])[], bits: readonly number[]): number {
  const value = (a: readonly number[]) => a.reduce((s, x) => s + x, 0);
  const weight = (a: readonly number[]) => a.reduce((s, x, t) => s + Math.max(0, x) / Math.max(limit[t], 1), 0);
  const efficiency = (a: readonly number[]) => (weight(a) === 0 ? Number.POSITIVE_INFINITY : value(a) / weight(a));
  const byEfficiency = amounts.map((_, i) => i).sort((x, y) => efficiency(amounts[y]) - efficiency(amounts[x]));
  const used = limit.map(() => 0);
  let total = 0;
  let groups = 0;
  for (const i of byEfficiency) {
    const a = amounts[i];
    if (value(a) <= 0 || (groups & bits[i]) !== 0 || !a.every((x, t) => used[t] + x <= limit[t])) continue;
    groups |= bits[i];
    a.forEach((x, t) => (used[t] += x));
    total += value(a);
  }
  return total;
}
