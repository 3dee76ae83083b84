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

const { YEARS, KINDS, instance } = require('./best-fill-instances.js');

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
