'use strict';
/**
 * The hard kinds of request sets for `Bedste udnyttelse`, deterministic: what
 * scripts/bench-best-fill.js times and test/model/best-fill-hard.test.ts checks
 * against the brute force. Plain JavaScript without the product's code, so
 * both can load it (the benchmark from dist/cli, the test from src/).
 */
const YEARS = 4;

/** A small deterministic generator (mulberry32), so every run times the same instances. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const between = (r, low, high) => low + Math.floor(r() * (high - low + 1));
const years = (f) => Array.from({ length: YEARS }, f);
/** Half of what the requests ask per year, in whole kroner: the pool is tight. */
const halfTheDemand = (amounts) => years((_, t) => Math.round(amounts.reduce((s, a) => s + Math.max(0, a[t]), 0) / 2));

/** Each kind makes `n` requests (amounts per year) and the capacity per year. */
const KINDS = {
  // 1 mio. ± 25.000 kr., differing by year: every set of the same size is nearly as good.
  'near-equal': (r, n) => {
    const amounts = Array.from({ length: n }, () => years(() => 1_000_000 + between(r, -25_000, 25_000)));
    return { amounts, capacity: halfTheDemand(amounts) };
  },
  // 100.000 × 10–20, independently each year: very many sets tie.
  'round by year': (r, n) => {
    const amounts = Array.from({ length: n }, () => years(() => 100_000 * between(r, 10, 20)));
    return { amounts, capacity: halfTheDemand(amounts) };
  },
  // Round figures; the pool is 1 kr. below what a random half of the requests asks, in every year.
  'tight pool': (r, n) => {
    const amounts = Array.from({ length: n }, () => years(() => 100_000 * between(r, 10, 20) + 1_000 * between(r, 0, 3)));
    const planted = amounts.map(() => r() < 0.5);
    return { amounts, capacity: years((_, t) => amounts.reduce((s, a, i) => s + (planted[i] ? a[t] : 0), 0) - 1) };
  },
  // 1–4 mio., mostly the same every year: many requests are identical.
  ties: (r, n) => {
    const amounts = Array.from({ length: n }, () => {
      const k = between(r, 1, 4);
      return years(() => (r() < 0.5 ? k : between(r, 1, 4)) * 1_000_000);
    });
    return { amounts, capacity: halfTheDemand(amounts) };
  },
  random: (r, n) => {
    const amounts = Array.from({ length: n }, () => years(() => between(r, 0, 5_000_000)));
    return { amounts, capacity: halfTheDemand(amounts) };
  },
  // A quarter of the years pay back (up to 1 mio.).
  'negative years': (r, n) => {
    const amounts = Array.from({ length: n }, () =>
      years(() => (r() < 0.25 ? -between(r, 0, 1_000_000) : between(r, 0, 5_000_000))),
    );
    return { amounts, capacity: halfTheDemand(amounts) };
  },
  // Amounts that are not whole øre: searched in doubles with the tolerance.
  fractional: (r, n) => {
    const amounts = Array.from({ length: n }, () => years(() => r() * 5_000_000));
    return { amounts, capacity: halfTheDemand(amounts).map((c) => c + r()) };
  },
};

/**
 * Kinds only the tests use (bench-best-fill.js times KINDS): a capacity below 0 in a year, and whole øre with
 * some requests of nothing at all.
 */
const MORE_KINDS = {
  // A capacity below 0 in a year: only sets that pay back there fit, and funding nothing does not.
  'negative capacity': (r, n) => {
    const amounts = Array.from({ length: n }, () =>
      years(() => (r() < 0.3 ? -between(r, 0, 2_000_000) : between(r, 0, 3_000_000))),
    );
    return { amounts, capacity: years(() => between(r, -1_000_000, 4_000_000)) };
  },
  // Øre, and some requests of nothing at all.
  'øre and nothing': (r, n) => {
    const amounts = Array.from({ length: n }, () =>
      r() < 0.15 ? years(() => 0) : years(() => between(r, -5_000_00, 30_000_00) / 100),
    );
    return { amounts, capacity: halfTheDemand(amounts) };
  },
};

/** Instance `seed` of a kind with `n` requests; its seed follows the kind's place in `kinds`. */
function instance(kind, n, seed, kinds = KINDS) {
  const r = random(1_000_003 * (seed + 1) + 7_919 * n + Object.keys(kinds).indexOf(kind));
  return kinds[kind](r, n);
}

module.exports = { YEARS, KINDS, MORE_KINDS, instance, random, between, years };
