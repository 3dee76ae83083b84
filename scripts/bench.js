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

const YEARS = [2027, 2028, 2029, 2030];

/** A deterministic pseudo-random sequence, so every run measures the same workbook. */
function random(seed) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function workbook(n, scenarios) {
  const r = random(n);
  const header = [
    'Nr',
    'Titel',
    'Udvalg',
    'Art',
    'Ydelse',
    'Prioritet',
    ...YEARS.map((y) => `Udgift ${y}`),
    ...YEARS.map((y) => `Investering ${y}`),
    'Refusionsandel',
    'Fuldtidspersoner',
    'Sager',
    'Nuværende årsværk',
    'Årsværkspris',
  ];
  const benefits = ['Kontanthjælp', 'Sygedagpenge', 'Ressourceforløb', 'A-dagpenge'];
  const rows = Array.from({ length: n }, (_, i) => {
    const request = r() < 0.3;
    const staffed = r() < 0.1;
    return [
      `F-${i + 1}`,
      `Forslag ${i + 1} om en indsats på beskæftigelsesområdet`,
      `Udvalg ${i % 9}`,
      request ? 'Udvidelse' : 'Reduktion',
      benefits[i % 4],
      request ? 1 + Math.floor(r() * 20) : null,
      ...YEARS.map(() => Math.round((request ? 1 : -1) * r() * 2_000_000)),
      ...YEARS.map(() => (r() < 0.2 ? Math.round(r() * 300_000) : 0)),
      r() < 0.3 ? 0.5 : null,
      r() < 0.3 ? 50 + Math.floor(r() * 300) : null,
      staffed ? 300 + Math.floor(r() * 300) : null,
      staffed ? Math.floor(r() * 10) : null,
      staffed ? 420_000 : null,
    ];
  });
  const names = ['Basis', 'Caseload 40', 'Lavere refusion', 'Delvis'].slice(0, scenarios);
  const parameters = [
    ['Parameter', ...names],
    ...YEARS.map((y) => [`Råderum ${y}`, 50_000_000]),
    ['Caseload', 45, 40],
    ...benefits.map((b) => [`Refusion ${b}`, 0.3, null, 0.2]),
    ['Fordeling', 'Prioritet', null, null, 'Prioritet, delvis'],
  ];
  return [
    { name: 'Forslag', origin: { row: 0, column: 0 }, values: [header, ...rows], tables: [] },
    { name: 'Scenarier', origin: { row: 0, column: 0 }, values: parameters.map((p) => p.slice(0, scenarios + 1)), tables: [] },
  ];
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
