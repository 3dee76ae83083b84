#!/usr/bin/env node
'use strict';
/**
 * `npm run bench`: speed and memory of the core path on generated workbooks
 * (read grids → proposals → calculation → output sheets), and the exact
 * knapsack at its limit of 40 requests. Figures vary with the machine; run it
 * on an idle one and compare runs on the same machine.
 */
const path = require('path');
const dist = path.join(__dirname, '..', 'dist', 'cli');
const { readBook } = require(path.join(dist, 'workbook', 'read.js'));
const { evaluate } = require(path.join(dist, 'model', 'scenarios.js'));
const { outputSheets } = require(path.join(dist, 'workbook', 'output.js'));
const { jsonReport } = require(path.join(dist, 'workbook', 'report.js'));
const { allocate } = require(path.join(dist, 'model', 'allocation.js'));

// The same generated workbook as the command-line benchmark (scripts/bench-cli.js), as grids.
const { workbookRows, random, YEARS } = require('./bench-cli.js');

function workbook(n, scenarios) {
  const sheets = workbookRows(n, scenarios);
  return Object.entries(sheets).map(([name, values]) => ({ name, origin: { row: 0, column: 0 }, values, tables: [] }));
}

function measure(label, work, repeat = 5) {
  if (global.gc) global.gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const times = [];
  let result;
  for (let i = 0; i < repeat; i++) {
    const start = process.hrtime.bigint();
    result = work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const heap = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  times.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(52)} median ${times[Math.floor(times.length / 2)].toFixed(1).padStart(8)} ms   min ${times[0].toFixed(1).padStart(8)} ms   heap +${heap.toFixed(0)} MB`,
  );
  return result;
}

console.log(`Node ${process.version}, ${require('os').cpus()[0].model}`);
for (const [n, scenarios] of [
  [100, 3],
  [1000, 3],
  [5000, 3],
  [20000, 2],
]) {
  const sheets = workbook(n, scenarios);
  const read = measure(`${n} proposals × ${scenarios} scenarios: read`, () => readBook(sheets));
  if (!read.book) throw new Error(JSON.stringify(read.issues.slice(0, 3)));
  const evaluation = measure(`${n} proposals × ${scenarios} scenarios: calculate`, () => evaluate(read.book));
  measure(`${n} proposals × ${scenarios} scenarios: output sheets`, () => outputSheets(evaluation, read.unit));
  measure(`${n} proposals × ${scenarios} scenarios: JSON report`, () => jsonReport(evaluation, read.unit));
}
// Bedste udnyttelse at its limit: 40 requests over 4 years against 40 mio. a year, in five shapes.
for (const [shape, make] of [
  ['random amount each year (the hardest)', (r) => YEARS.map(() => Math.round(r() * 5_000_000))],
  [
    'same amount every year',
    (r) => {
      const x = Math.round(r() * 5_000_000);
      return YEARS.map(() => x);
    },
  ],
  ['one-year requests', (r) => [Math.round(r() * 5_000_000), 0, 0, 0]],
  // Every subset of a size has the same value: one value bucket holds them all.
  ['equal requests (1,5 mio. a year each)', () => YEARS.map(() => 1_500_000)],
  [
    'round amounts (0,1 mio.), many ties',
    (r) => {
      const x = Math.round(r() * 50) * 100_000;
      return YEARS.map(() => x);
    },
  ],
]) {
  const r = random(40);
  const requests = Array.from({ length: 40 }, (_, i) => ({ nr: `K-${i}`, order: i, priority: i, amount: make(r) }));
  measure(
    `Bedste udnyttelse, 40 requests: ${shape}`,
    () =>
      allocate(
        'best-fill',
        YEARS.map(() => 40_000_000),
        requests,
      ),
    3,
  );
}
// The whole command line on real .xlsx files, 1.000 to 200.000 proposals: wall time, peak RSS, output size.
require('child_process').execFileSync(process.execPath, [path.join(__dirname, 'bench-cli.js'), '--write'], { stdio: 'inherit' });
