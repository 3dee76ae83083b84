#!/usr/bin/env node
'use strict';
/**
 * The engine alone: the full recompute (every scenario, every proposal, the
 * råderum in its mode, the final rounded figures with subtotals, shares and
 * the comparisons with the base) on the generated workbook of
 * scripts/bench-cli.js, read once into a Book. Then one change of each kind
 * computed from the previous run, as the pane does on every change.
 *
 *   node scripts/bench-engine.js [--quick]
 *
 * Scenarios beyond the first four each state one changed parameter (as the
 * template intends); `everyParameter` rows make every scenario state every
 * parameter with values of its own, the worst case for what scenarios share.
 * Needs `npm run build:cli`.
 */
const path = require('path');
const DIST = path.join(__dirname, '..', 'dist', 'cli');
const { readBook } = require(path.join(DIST, 'workbook', 'read.js'));
const { evaluate } = require(path.join(DIST, 'model', 'scenarios.js'));
const { bookFigures } = require(path.join(DIST, 'model', 'figures.js'));
const { workbookRows } = require('./bench-cli.js');

const now = () => Number(process.hrtime.bigint()) / 1e6;
const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

function bookOf(proposals, scenarios, options) {
  const grids = Object.entries(workbookRows(proposals, scenarios, options)).map(([name, values]) => ({
    name,
    origin: { row: 0, column: 0 },
    values,
    tables: [],
  }));
  const read = readBook(grids);
  if (!read.book)
    throw new Error(`bench-engine: the generated workbook has problems: ${JSON.stringify(read.issues.slice(0, 2))}`);
  return read.book;
}

/**
 * Median, min and max of at least `runs` timed runs (more, up to 25, until a
 * second has passed), after a warm-up of at least 3 runs and 0,3 s: the JIT
 * compiles the hot paths only after a few runs.
 */
function timed(work, runs) {
  for (let i = 0, start = now(); i < 3 || now() - start < 300; i++) work();
  const times = [];
  const cpuTimes = [];
  for (let start = now(); times.length < runs || (times.length < 25 && now() - start < 1000);) {
    const cpuBefore = cpu();
    const begin = now();
    work();
    times.push(now() - begin);
    cpuTimes.push(cpu() - cpuBefore);
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  const round = (ms) => Math.round(ms * 100) / 100;
  return {
    medianMs: round(times[Math.floor(times.length / 2)]),
    minMs: round(times[0]),
    maxMs: round(times[times.length - 1]),
    // The process's CPU time (the garbage collector's helper threads included): on a machine others share, where
    // wall time mostly measures waiting for a core, the figure that compares two versions.
    cpuMedianMs: round(cpuTimes[Math.floor(cpuTimes.length / 2)]),
    runs: times.length,
  };
}

/** The full recompute: what the pane and the command line do with a workbook's Book. */
const fullRecompute = (book) => () => {
  const evaluation = evaluate(book);
  if (evaluation.issues.some((i) => i.severity === 'problem')) throw new Error('bench-engine: problems in the run');
  return bookFigures(evaluation, 1);
};

/** One change of each kind a user makes in the pane, as a new Book that shares every untouched object. */
const CHANGES = {
  pool: (book, k) => withScenario(book, k, (s) => ({ ...s, pool: s.pool.map((v, t) => (t === 0 ? (v ?? 0) + 1_000_000 : v)) })),
  'refusion rate': (book, k) =>
    withScenario(book, k, (s) => ({ ...s, refusionByBenefit: { ...s.refusionByBenefit, kontanthjaelp: { rate: 0.45 } } })),
  caseload: (book, k) => withScenario(book, k, (s) => ({ ...s, caseload: 41.5 })),
  'one Udgift': (book) => {
    const i = Math.floor(book.proposals.length / 2);
    const p = { ...book.proposals[i], udgift: book.proposals[i].udgift.map((u) => u + 10_000) };
    return { ...book, proposals: book.proposals.map((x, j) => (j === i ? p : x)) };
  },
};
function withScenario(book, k, change) {
  return { ...book, scenarios: book.scenarios.map((s, i) => (i === k ? change(s) : s)) };
}

/** Each change computed from the previous run (`previous`), alternating with the unchanged book so every run is a change. */
function changeTimes(book, runs) {
  const k = book.scenarios.length - 1;
  return Object.entries(CHANGES).map(([parameter, change]) => {
    const books = [book, change(book, k)];
    let evaluation = evaluate(book);
    let figures = bookFigures(evaluation, 1);
    let flip = 0;
    const time = timed(() => {
      flip = 1 - flip;
      evaluation = evaluate(books[flip], { previous: evaluation });
      figures = bookFigures(evaluation, 1, { previous: figures });
    }, runs);
    return { parameter, ...time };
  });
}

async function run({ quick = false, log = console.log } = {}) {
  const engine = [];
  const sizes = [100, 1000, 10000];
  for (const proposals of sizes)
    for (const scenarios of [1, 10, 50]) {
      const book = bookOf(proposals, scenarios);
      const runs = quick || proposals * scenarios >= 500_000 ? 5 : 9;
      const row = { proposals, scenarios, ...timed(fullRecompute(book), runs) };
      engine.push(row);
      log(
        `engine ${String(proposals).padStart(6)} × ${String(scenarios).padStart(2)}: median ${row.medianMs} ms (min ${row.minMs}, max ${row.maxMs}; CPU median ${row.cpuMedianMs} ms)`,
      );
    }
  const worst = {
    proposals: 10000,
    scenarios: 50,
    everyParameter: true,
    ...timed(fullRecompute(bookOf(10000, 50, { everyParameter: true })), 5),
  };
  engine.push(worst);
  log(
    `engine  10000 × 50, every scenario states every parameter: median ${worst.medianMs} ms (CPU median ${worst.cpuMedianMs} ms)`,
  );
  const changes = [1000, 10000].map((proposals) => {
    const scenarios = proposals === 1000 ? 10 : 50;
    const rows = changeTimes(bookOf(proposals, scenarios), quick ? 5 : 9);
    for (const r of rows)
      log(
        `change ${String(proposals).padStart(6)} × ${scenarios}: ${r.parameter.padEnd(14)} median ${r.medianMs} ms (CPU median ${r.cpuMedianMs} ms)`,
      );
    return { proposals, scenarios, changes: rows };
  });
  return { engine, engineChanges: changes };
}

module.exports = { run, bookOf, fullRecompute, CHANGES };

if (require.main === module)
  run({ quick: process.argv.includes('--quick') }).catch((error) => {
    console.error(error);
    process.exit(1);
  });
