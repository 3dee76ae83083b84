#!/usr/bin/env node
/**
 * `Bedste udnyttelse` on hard instances: 20 / 30 / 36 / 38 / 40 requests over 4
 * years (40 is MAX_BEST_FILL_REQUESTS), deterministic instances of each
 * kind, the median and the worst wall time per size and the kind of the worst.
 * Needs the command line's build (`npm run build:cli`).
 *
 *   node scripts/bench-best-fill.js [--quick] [--json]
 *
 * `run({ quick })` returns `{ bestFill: [ { requests, years, medianMs, worstMs, worstKind, cpuWorstMs }, … ] }`.
 */
const { bestFill, MAX_BEST_FILL_REQUESTS } = require('../dist/cli/model/best-fill.js');

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

function instance(kind, n, seed) {
  const r = random(1_000_003 * (seed + 1) + 7_919 * n + Object.keys(KINDS).indexOf(kind));
  return KINDS[kind](r, n);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function run({ quick = false } = {}) {
  // 36 and 38: where the worst case crosses 0,5 s and 1 s (every two requests double the search).
  const sizes = [20, 30, 36, 38, MAX_BEST_FILL_REQUESTS].filter(
    (n, i, all) => n <= MAX_BEST_FILL_REQUESTS && all.indexOf(n) === i,
  );
  const perKind = quick ? 1 : 2;
  // Warm-up: the first call compiles the search.
  bestFill([1, 1], [{ amount: [1, 1] }]);
  const rows = [];
  for (const requests of sizes) {
    const times = [];
    for (const kind of Object.keys(KINDS))
      for (let seed = 0; seed < perKind; seed++) {
        const { amounts, capacity } = instance(kind, requests, seed);
        const ordered = amounts.map((amount) => ({ amount }));
        const cpu = process.cpuUsage();
        const start = process.hrtime.bigint();
        bestFill(capacity, ordered);
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        const used = process.cpuUsage(cpu);
        times.push({ kind, ms, cpuMs: (used.user + used.system) / 1000 });
      }
    const worst = times.reduce((a, b) => (b.ms > a.ms ? b : a));
    rows.push({
      requests,
      years: YEARS,
      medianMs: Math.round(median(times.map((t) => t.ms))),
      worstMs: Math.round(worst.ms),
      worstKind: worst.kind,
      cpuWorstMs: Math.round(Math.max(...times.map((t) => t.cpuMs))),
    });
  }
  return { bestFill: rows };
}

module.exports = { run, instance, KINDS };

if (require.main === module) {
  const quick = process.argv.includes('--quick');
  run({ quick }).then((result) => {
    if (process.argv.includes('--json')) {
      console.log(JSON.stringify(result, null, 2));
      return;
    }
    console.log(`Bedste udnyttelse, ${YEARS} years, ${Object.keys(KINDS).length} kinds × ${quick ? 1 : 2} instances per size`);
    console.log('requests  median ms  worst ms  worst kind       worst CPU ms');
    for (const r of result.bestFill)
      console.log(
        `${String(r.requests).padStart(8)}  ${String(r.medianMs).padStart(9)}  ${String(r.worstMs).padStart(8)}  ${r.worstKind.padEnd(15)}  ${String(r.cpuWorstMs).padStart(12)}`,
      );
  });
}
