/** Rule 6: rounding at output only, half away from zero; shares by largest remainder. */

/**
 * Rounds half away from zero to a multiple of `step` (1 for kroner, 1000 for
 * 1.000 kr., 100000 for mio. kr. with one decimal). A relative tolerance absorbs
 * binary noise such as 12.499999999998 standing for an exact 12.5.
 */
export function roundHalfAwayFromZero(value: number, step = 1): number {
  const scaled = Math.abs(value) / step;
  const rounded = Math.floor(scaled + 0.5 + 1e-9 * Math.max(1, scaled));
  const result = rounded * step;
  return value < 0 && result !== 0 ? -result : result;
}

/**
 * Rounds fractions to whole units of `1 / denominator` (1000 for percentages with
 * one decimal) so that they add up to the rounded total of the exact fractions:
 * floors first, then the largest remainders get one unit more.
 */
export function largestRemainder(fractions: readonly number[], denominator = 1000): number[] {
  const scaled = fractions.map((f) => f * denominator);
  const floors = scaled.map((s) => Math.floor(s + 1e-9));
  const target = Math.round(scaled.reduce((a, b) => a + b, 0));
  let missing = target - floors.reduce((a, b) => a + b, 0);
  const byRemainder = scaled
    .map((s, i) => ({ i, remainder: s - floors[i] }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  const units = [...floors];
  for (let k = 0; missing > 0 && k < byRemainder.length; k++, missing--) units[byRemainder[k].i] += 1;
  return units.map((u) => u / denominator);
}
