#!/usr/bin/env node
/**
 * `Bedste udnyttelse` on hard instances: 20 / 30 / 36 / 38 / 40 requests over 4
 * years (40 is MAX_BEST_FILL_REQUESTS), deterministic instances of each
 * kind, the median and the worst wall time per size, the kind of the worst and
 * the worst per kind. Needs the command line's build (`npm run build:cli`).
 *
 *   node scripts/bench-best-fill.js [--quick] [--json]
 *   node scripts/bench-best-fill.js --beyond [--json]
 *   BEST_FILL_MODULE=/path/to/best-fill.js node scripts/bench-best-fill.js   (another build, e.g. the one before)
 *
 * `run({ quick })` returns `{ bestFill: [ { requests, years, medianMs, worstMs, worstKind, cpuWorstMs, kinds }, … ] }`
 * (`kinds`: the worst wall time per kind).
 *
 * `--beyond` measures what lies past the limit, one instance of each kind per size: the exact search itself at
 * 40 / 42 / 44 requests, and at 100 and 500 requests the two exact methods the issue names, each given a second
 * per instance: a branch and bound over the requests in priority order (the first set it meets at a total is the
 * tie rule's; bounded by what each year can still hold, so it proves a set best only by searching every set that
 * could beat it), and a dynamic programme over the amounts rounded to 1.000 kr. (every reachable set of yearly
 * sums; an exact check would come after): how many states it holds when the second runs out.
 */
// BEST_FILL_MODULE: another build of best-fill.js, to time before and after a change back to back.
const { bestFill, bestFillBeyondLimit, MAX_BEST_FILL_REQUESTS } = require(
  process.env.BEST_FILL_MODULE ?? '../dist/cli/model/best-fill.js',
);

const { YEARS, KINDS, instance } = require('./best-fill-instances.js');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** One timed call: wall and CPU milliseconds. */
function timed(f) {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const result = f();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  return { result, ms, cpuMs: (used.user + used.system) / 1000 };
}

async function run({ quick = false } = {}) {
  // 36 and 38: where the worst case crossed 0,5 s and 1 s before (every two requests double the search).
  const sizes = [20, 30, 36, 38, MAX_BEST_FILL_REQUESTS].filter(
    (n, i, all) => n <= MAX_BEST_FILL_REQUESTS && all.indexOf(n) === i,
  );
  const perKind = quick ? 1 : 2;
  // Warm-up: the first call compiles the search.
  bestFill([1, 1], [{ amount: [1, 1] }]);
  bestFill(...asArguments(instance('random', 20, 9)));
  const rows = [];
  for (const requests of sizes) {
    const times = [];
    for (const kind of Object.keys(KINDS))
      for (let seed = 0; seed < perKind; seed++) {
        const t = timed(() => bestFill(...asArguments(instance(kind, requests, seed))));
        times.push({ kind, ms: t.ms, cpuMs: t.cpuMs });
      }
    const worst = times.reduce((a, b) => (b.ms > a.ms ? b : a));
    const kinds = {};
    for (const t of times) kinds[t.kind] = Math.round(Math.max(kinds[t.kind] ?? 0, t.ms));
    rows.push({
      requests,
      years: YEARS,
      medianMs: Math.round(median(times.map((t) => t.ms))),
      worstMs: Math.round(worst.ms),
      worstKind: worst.kind,
      cpuWorstMs: Math.round(Math.max(...times.map((t) => t.cpuMs))),
      kinds,
    });
  }
  return { bestFill: rows };
}

const asArguments = ({ capacity, amounts }) => [capacity, amounts.map((amount) => ({ amount }))];

// ---- beyond the limit ------------------------------------------------------------------------------------

const TOLERANCE = 1e-6;

/**
 * Exact best fill by branch and bound, depth first over the requests in priority order, each taken before it is
 * left out: sets are met from the largest mask down, so the first set met at a total is the tie rule's and a later
 * one must do strictly better. A branch is cut when what each year can still hold, added to its total, cannot do
 * better, or when a year cannot fit even with every later request that pays back. Gives up after `budgetMs`.
 */
function branchAndBound(capacity, amounts, budgetMs) {
  const n = amounts.length;
  const years = capacity.length;
  const ask = new Float64Array((n + 1) * years);
  const payBack = new Float64Array((n + 1) * years);
  for (let i = n - 1; i >= 0; i--)
    for (let t = 0; t < years; t++) {
      ask[i * years + t] = ask[(i + 1) * years + t] + Math.max(0, amounts[i][t]);
      payBack[i * years + t] = payBack[(i + 1) * years + t] + Math.min(0, amounts[i][t]);
    }
  const room = Float64Array.from(capacity, (c) => c + TOLERANCE);
  const values = amounts.map((a) => a.reduce((s, x) => s + x, 0));
  let best = Number.NEGATIVE_INFINITY;
  let nodes = 0;
  const deadline = Date.now() + budgetMs;
  let gaveUp = false;
  const visit = (i, total) => {
    if (gaveUp) return;
    if (++nodes % 4096 === 0 && Date.now() > deadline) {
      gaveUp = true;
      return;
    }
    let bound = total;
    for (let t = 0; t < years; t++) {
      if (room[t] - payBack[i * years + t] < 0) return;
      bound += Math.min(Math.max(room[t], 0), ask[i * years + t]);
    }
    if (bound <= best + TOLERANCE) return;
    if (i === n) {
      // Every year fits (the loop above, with nothing left to pay back).
      best = total;
      return;
    }
    const a = amounts[i];
    for (let t = 0; t < years; t++) room[t] -= a[t];
    visit(i + 1, total + values[i]);
    for (let t = 0; t < years; t++) room[t] += a[t];
    visit(i + 1, total);
  };
  visit(0, 0);
  const pools = capacity.reduce((s, c) => s + c, 0);
  return { done: !gaveUp, nodes, best, pools };
}

/**
 * The dynamic programme over amounts rounded to `unit`: every distinct vector of yearly sums that fits, request by
 * request, until `budgetMs` runs out; how many requests it got through and how many states it held.
 */
function roundedStates(capacity, amounts, unit, budgetMs) {
  const deadline = Date.now() + budgetMs;
  const limit = capacity.map((c) => Math.floor(c / unit));
  const rounded = amounts.map((a) => a.map((x) => Math.round(x / unit)));
  let states = new Set([capacity.map(() => 0).join(',')]);
  let through = 0;
  for (const a of rounded) {
    const next = new Set(states);
    for (const s of states) {
      const sums = s.split(',').map(Number);
      if (sums.every((x, t) => x + a[t] <= limit[t])) next.add(sums.map((x, t) => x + a[t]).join(','));
      if (Date.now() > deadline) return { done: false, through, states: next.size };
    }
    states = next;
    through++;
  }
  return { done: true, through, states: states.size };
}

/** How many vectors of yearly sums in units of `unit` fit the capacity at most: a bound on the programme's states. */
const stateSpace = (capacity, unit) => capacity.reduce((p, c) => p * (Math.floor(c / unit) + 1), 1);

async function beyond() {
  bestFill([1, 1], [{ amount: [1, 1] }]);
  const exact = [];
  for (const requests of [40, 42, 44])
    for (const kind of Object.keys(KINDS)) {
      const t = timed(() => bestFillBeyondLimit(...asArguments(instance(kind, requests, 0))));
      exact.push({ requests, kind, ms: Math.round(t.ms), cpuMs: Math.round(t.cpuMs) });
    }
  const methods = [];
  for (const requests of [40, 100, 500])
    for (const kind of Object.keys(KINDS)) {
      const { capacity, amounts } = instance(kind, requests, 0);
      const bb = branchAndBound(capacity, amounts, 1000);
      const dp = requests === 40 ? undefined : roundedStates(capacity, amounts, 1000, 1000);
      methods.push({
        requests,
        kind,
        branchAndBound: { doneInASecond: bb.done, nodes: bb.nodes, bestBelowPools: Math.round(bb.pools - bb.best) },
        ...(dp && {
          roundedDp: {
            doneInASecond: dp.done,
            requestsThrough: dp.through,
            states: dp.states,
            stateSpace: stateSpace(capacity, 1000),
          },
        }),
      });
    }
  return { exact, methods };
}

module.exports = { run, beyond, instance, KINDS, branchAndBound };

if (require.main === module) {
  const quick = process.argv.includes('--quick');
  const json = process.argv.includes('--json');
  if (process.argv.includes('--beyond'))
    beyond().then((result) => {
      if (json) return console.log(JSON.stringify(result, null, 2));
      console.log('The exact search past the limit (one instance per kind): wall ms (CPU ms)');
      const sizes = [...new Set(result.exact.map((r) => r.requests))];
      console.log(`${'kind'.padEnd(15)}${sizes.map((n) => String(n).padStart(14)).join('')}`);
      for (const kind of Object.keys(KINDS))
        console.log(
          `${kind.padEnd(15)}${sizes
            .map((n) => {
              const r = result.exact.find((x) => x.requests === n && x.kind === kind);
              return `${r.ms} (${r.cpuMs})`.padStart(14);
            })
            .join('')}`,
        );
      console.log('\nBranch and bound / DP over amounts rounded to 1.000 kr., one second each');
      for (const m of result.methods) {
        const bb = m.branchAndBound;
        const dp = m.roundedDp;
        console.log(
          `${String(m.requests).padStart(4)} ${m.kind.padEnd(15)} B&B ${bb.doneInASecond ? 'done    ' : 'gave up '} ${String(bb.nodes).padStart(10)} nodes, best found ${bb.bestBelowPools} kr. below the pools` +
            (dp
              ? ` | DP ${dp.doneInASecond ? 'done' : 'gave up'} after ${dp.requestsThrough} requests, ${dp.states} states of up to ${dp.stateSpace.toExponential(1)}`
              : ''),
        );
      }
    });
  else
    run({ quick }).then((result) => {
      if (json) return console.log(JSON.stringify(result, null, 2));
      console.log(`Bedste udnyttelse, ${YEARS} years, ${Object.keys(KINDS).length} kinds × ${quick ? 1 : 2} instances per size`);
      console.log('requests  median ms  worst ms  worst kind       worst CPU ms');
      for (const r of result.bestFill)
        console.log(
          `${String(r.requests).padStart(8)}  ${String(r.medianMs).padStart(9)}  ${String(r.worstMs).padStart(8)}  ${r.worstKind.padEnd(15)}  ${String(r.cpuWorstMs).padStart(12)}`,
        );
      console.log('\nWorst wall ms per kind');
      const kinds = Object.keys(KINDS);
      console.log(`${'requests'.padStart(8)}  ${kinds.map((k) => k.padStart(16)).join('')}`);
      for (const r of result.bestFill)
        console.log(`${String(r.requests).padStart(8)}  ${kinds.map((k) => String(r.kinds[k]).padStart(16)).join('')}`);
    });
}
