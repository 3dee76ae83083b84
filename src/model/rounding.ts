/** Rules 6 and 6a: rounding at output only, half away from zero; shares by largest remainder; one tolerance. */

/**
 * Rule 6a: amounts closer than a millionth of a krone are equal. The one
 * tolerance for every comparison of amounts (fits, statuses, signs, shares)
 * and every half in rounding; never a relative one.
 */
export const TOLERANCE = 1e-6;

/**
 * The largest amount (in kroner, absolute) the product computes with: below it
 * a double resolves far finer than a krone, so rounding is exact and sums of
 * rounded figures stay whole. Larger amounts are problems, never output.
 */
export const MAX_AMOUNT = 1e12;

/** An amount that can be rounded exactly: finite and at most MAX_AMOUNT in absolute value. */
export const isExactAmount = (value: number): boolean => Number.isFinite(value) && Math.abs(value) <= MAX_AMOUNT;

/** Rule 6a: zero up to the tolerance. */
export const isZeroAmount = (value: number): boolean => Math.abs(value) <= TOLERANCE;

/**
 * Rounds half away from zero to a multiple of `step` (1 for kroner, 1000 for
 * 1.000 kr., 100000 for mio. kr. with one decimal). The remainder above the
 * lower multiple is computed exactly, and it is a half when it is within the
 * absolute tolerance of one: 12.4999999999998 (binary noise for 12.5) is a
 * half, 1.000.000,499 is not, and 600.000.000 stays itself.
 */
export function roundHalfAwayFromZero(value: number, step = 1): number {
  const magnitude = Math.abs(value);
  const lower = Math.floor(magnitude / step) * step;
  // Exact: both are doubles within a factor of two of each other, or lower is 0.
  const remainder = magnitude - lower;
  const result = remainder >= step / 2 - TOLERANCE ? lower + step : lower;
  return value < 0 && result !== 0 ? -result : result;
}

/**
 * Rounds parts of a whole to whole units of `whole / denominator` (1000: shares
 * in percent with one decimal) so that they add up to the rounded total: floors
 * first, then the largest remainders get one unit more (or the smallest one
 * less). `parts` are amounts of `whole` (fractions when `whole` is 1); a part
 * within the amount tolerance below a unit counts as on it. Returns fractions.
 */
export function largestRemainder(parts: ArrayLike<number>, denominator = 1000, whole = 1): number[] {
  const shares = new Float64Array(parts.length);
  largestRemainderInto(parts, denominator, whole, shares);
  return Array.from(shares);
}

/** Scratch for the remainders of largestRemainderInto, grown when needed (shares are made thousands of times a run). */
let scratch = new Float64Array(0);

/** largestRemainder into `shares` (as long as `parts`): no arrays of its own for a caller that makes many. */
export function largestRemainderInto(parts: ArrayLike<number>, denominator: number, whole: number, shares: Float64Array): void {
  const n = parts.length;
  // The amount tolerance in units; capped so that every share stays within one unit of its value.
  const slack = Math.min(0.5, (TOLERANCE * denominator) / Math.abs(whole));
  const units = shares;
  if (scratch.length < n) scratch = new Float64Array(Math.max(n, 2 * scratch.length));
  const remainders = scratch.subarray(0, n);
  let total = 0;
  let floorSum = 0;
  for (let i = 0; i < n; i++) {
    const scaled = (parts[i] * denominator) / whole;
    const floor = Math.floor(scaled + slack);
    total += scaled;
    floorSum += floor;
    units[i] = floor;
    remainders[i] = scaled - floor;
  }
  let missing = Math.round(total) - floorSum;
  // Units to give to the largest positive remainders (the usual case): only who they go to is needed, not an order of all.
  const top = missing > 0 ? largestRemainders(remainders, slack, missing) : undefined;
  if (top) {
    for (const i of top) units[i] += 1;
    missing = 0;
  }
  if (missing !== 0) {
    const byRemainder = indicesByRemainder(remainders, slack);
    for (let k = 0; missing > 0 && k < n; k++, missing--) units[byRemainder[k]] += 1;
    for (let k = n - 1; missing < 0 && k >= 0; k--, missing++) units[byRemainder[k]] -= 1;
  }
  for (let i = 0; i < n; i++) units[i] /= denominator;
}

/**
 * Indices by remainder, largest first; remainders within `tie` of the next are
 * equal and go by index (rule 6a). Remainders within `tie` of 0 (every request
 * funded with nothing, when many ask) all tie with 0: they go after the
 * positive ones, by index. Positive remainders (below 1) are put in order by
 * buckets, so a scenario's thousands of shares cost no comparison sort.
 */
function indicesByRemainder(remainders: Float64Array, tie: number): Uint32Array {
  const n = remainders.length;
  const order = new Uint32Array(n);
  let above = 0;
  for (let i = 0; i < n; i++) if (remainders[i] > tie) above++;
  // Buckets over (0, 1], largest remainders first; within a bucket by remainder, then index.
  const starts = new Uint32Array(above + 1);
  const bucketOf = (r: number) => Math.min(above - 1, Math.max(0, Math.floor((1 - r) * above)));
  for (let i = 0; i < n; i++) if (remainders[i] > tie) starts[bucketOf(remainders[i]) + 1]++;
  for (let b = 0; b < above; b++) starts[b + 1] += starts[b];
  const fill = starts.slice(0, above);
  for (let i = 0; i < n; i++) if (remainders[i] > tie) order[fill[bucketOf(remainders[i])]++] = i;
  const larger = (a: number, b: number) => remainders[a] > remainders[b] || (remainders[a] === remainders[b] && a < b);
  for (let b = 0; b < above; b++) insertionSort(order, starts[b], starts[b + 1], larger);
  tiesByIndex(order, 0, above, remainders, tie);
  let next = above;
  for (let i = 0; i < n; i++) if (Math.abs(remainders[i]) <= tie) order[next++] = i;
  const negative = next;
  for (let i = 0; i < n; i++) if (remainders[i] < -tie) order[next++] = i;
  const tail = order.subarray(negative, n);
  tail.sort((a, b) => remainders[b] - remainders[a] || a - b);
  tiesByIndex(order, negative, n, remainders, tie);
  return order;
}

/**
 * The `k` first of indicesByRemainder's order, as a set, where they are all
 * positive remainders (undefined where they are not: k is more than there
 * are). Positive remainders are put in buckets as there; only the buckets
 * around the k-th are sorted, to find the run of ties (neighbours within
 * `tie`) it is in: of that run, the first by index are taken.
 */
function largestRemainders(remainders: Float64Array, tie: number, k: number): Uint32Array | undefined {
  const n = remainders.length;
  let above = 0;
  for (let i = 0; i < n; i++) if (remainders[i] > tie) above++;
  if (k > above) return undefined;
  const starts = new Uint32Array(above + 1);
  const bucket = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const r = remainders[i];
    if (r > tie) {
      const b = Math.min(above - 1, Math.max(0, Math.floor((1 - r) * above)));
      bucket[i] = b;
      starts[b + 1]++;
    }
  }
  for (let b = 0; b < above; b++) starts[b + 1] += starts[b];
  const fill = starts.slice(0, above);
  const order = new Uint32Array(above);
  for (let i = 0; i < n; i++) if (remainders[i] > tie) order[fill[bucket[i]]++] = i;
  // Buckets hold the remainders in order between them; within one, sorted when a position in it is read.
  const sorted = new Uint8Array(above);
  let b = 0;
  const at = (position: number): number => {
    // The bucket of a position: the last whose start is at or before it (buckets may be empty).
    let lo = 0;
    let hi = above - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= position) lo = mid;
      else hi = mid - 1;
    }
    b = lo;
    if (!sorted[b]) {
      insertionSort(
        order,
        starts[b],
        starts[b + 1],
        (x, y) => remainders[x] > remainders[y] || (remainders[x] === remainders[y] && x < y),
      );
      sorted[b] = 1;
    }
    return remainders[order[position]];
  };
  // The run of ties around the boundary between position k − 1 and k: [first, end).
  let first = k - 1;
  let end = k;
  if (k < above && at(k - 1) - at(k) <= tie) {
    while (first > 0 && at(first - 1) - at(first) <= tie) first--;
    while (end < above && at(end - 1) - at(end) <= tie) end++;
  } else first = k;
  // Positions before the run: every remainder there is above the run's (bucket `first` is sorted when the run is read).
  if (first > 0) at(first - 1);
  if (first < above) at(first);
  const top = new Uint32Array(k);
  top.set(order.subarray(0, first));
  if (first < k) {
    // Of the run, the first by index (rule 6a: ties go to the first in order).
    const run = order.slice(first, end).sort();
    top.set(run.subarray(0, k - first), first);
  }
  return top;
}

/** Sorts order[from, to) by `before` (few elements: a bucket or a run of ties). */
function insertionSort(order: Uint32Array, from: number, to: number, before: (a: number, b: number) => boolean): void {
  // Many equal remainders (equal requests) make one long bucket or run: a comparison sort there.
  if (to - from > 32) {
    order.subarray(from, to).sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const x = order[i];
    let j = i - 1;
    while (j >= from && before(x, order[j])) {
      order[j + 1] = order[j];
      j--;
    }
    order[j + 1] = x;
  }
}

/** In order[from, to), sorted by remainder: runs whose neighbours are within `tie` of each other go by index. */
function tiesByIndex(order: Uint32Array, from: number, to: number, remainders: Float64Array, tie: number): void {
  for (let start = from; start < to;) {
    let end = start + 1;
    while (end < to && remainders[order[end - 1]] - remainders[order[end]] <= tie) end++;
    if (end - start > 1) insertionSort(order, start, end, (a, b) => a < b);
    start = end;
  }
}

/**
 * Rule 6: rounds amounts to multiples of `step` so that they add up to `total`
 * (a multiple of `step`), each within one step of its own value where the total
 * allows: floors first, then the largest remainders get one step more. A total
 * below the floors (the reductions, each rounded on its own, leave less shown
 * available than there exactly is) takes steps back from the smallest
 * remainders, last in order first, so an allocation that fits never shows as
 * an overdraft. A total above the ceilings is capped to them.
 */
export function roundToTotal(amounts: readonly number[], step: number, total: number): number[] {
  const units = amounts.map((a) => Math.floor(a / step + TOLERANCE / step));
  let floors = 0;
  for (const u of units) floors += u;
  const remainders = amounts.map((a, i) => ({ i, remainder: a / step - units[i] }));
  let missing = Math.min(amounts.length, Math.round(total / step) - floors);
  const byRemainder = remainders.filter((x) => x.remainder > TOLERANCE / step).sort(byRemainderThenOrder(TOLERANCE / step));
  for (let k = 0; missing > 0 && k < byRemainder.length; k++, missing--) units[byRemainder[k].i] += 1;
  // Steps back: the smallest remainders first (the reverse of who would get a step), only from what is above 0.
  const giving = [...remainders].sort(byRemainderThenOrder(TOLERANCE / step)).reverse();
  while (missing < 0 && giving.some((x) => units[x.i] > 0))
    for (const { i } of giving) {
      if (missing === 0) break;
      if (units[i] > 0) {
        units[i] -= 1;
        missing++;
      }
    }
  return units.map((u) => u * step || 0);
}

/**
 * Rule 6a: remainders within the tolerance (`tie`, in units) are equal, so
 * binary noise never decides who gets a unit: the first in order does.
 */
const byRemainderThenOrder =
  (tie: number) =>
  (a: { i: number; remainder: number }, b: { i: number; remainder: number }): number =>
    Math.abs(b.remainder - a.remainder) > tie ? b.remainder - a.remainder : a.i - b.i;
