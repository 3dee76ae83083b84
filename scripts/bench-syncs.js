#!/usr/bin/env node
'use strict';
/**
 * `node scripts/bench-syncs.js [--quick] [--json]`: round trips to Excel for a
 * whole run (read every sheet, runWorkbook, write every output sheet) on the
 * Excel test double (test/office/excel-double.ts), which refuses requests and
 * responses over 5 MB as Excel on the web does and measures each one. The
 * adapter (src/office/excel-adapter.ts) against a row-by-row baseline
 * (test/office/naive-syncs.ts) on the workbook the other benchmarks generate
 * (scripts/bench-cli.js, 3 scenarios). A count, not a timing: the same on
 * every machine. The TypeScript is compiled by tsconfig.bench.json into
 * dist/bench first (a few seconds).
 */
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { workbookRows } = require('./bench-cli.js');

const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'dist', 'bench');
const SCENARIOS = 3;

function compile() {
  const tsc = require.resolve('typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.bench.json')], { stdio: 'pipe' });
  } catch (error) {
    // tsc writes the JavaScript even with type errors (work in progress elsewhere): say so, and measure.
    if (!fs.existsSync(path.join(DIST, 'src', 'office', 'excel-adapter.js')))
      throw new Error(`tsconfig.bench.json does not compile:\n${error.stdout}${error.stderr}`);
    console.error(`bench-syncs: type errors (measured anyway):\n${String(error.stdout).trim()}`);
  }
  const from = (file) => require(path.join(DIST, file));
  // The scenario editor's write, where tsconfig.bench.json compiles it (src/office/changes.ts, src/workbook/scenario-edit.ts).
  const optional = (file) => (fs.existsSync(path.join(DIST, file)) ? from(file) : {});
  return {
    ...from('test/office/excel-double.js'),
    ...from('test/office/naive-syncs.js'),
    ...from('src/office/excel-adapter.js'),
    ...from('src/workbook/run.js'),
    ...optional('src/office/changes.js'),
    ...optional('src/workbook/scenario-edit.js'),
  };
}

/**
 * The scenario editor's write (WorkbookHost.writeChanges) on the generated workbook: `parameters` new parameter
 * rows in the base and, past one, a copy of the base: its syncs and cells. Undefined where it was not compiled.
 */
async function editRun(m, parameters) {
  if (!m.writeChanges || !m.editScenarios) return undefined;
  const excel = double(m, 10);
  const book = await m.readWorkbook(excel.context);
  const edits = Array.from({ length: parameters }, (_, i) => ({
    kind: 'set',
    scenario: 'Basis',
    parameter: `Fuldtidspersoner Ydelse ${i + 1}`,
    value: 100 + i,
  }));
  if (parameters > 1) edits.push({ kind: 'add', name: 'Kopi', copyOf: 'Basis' });
  const { changes } = m.editScenarios(book.sheets, edits);
  const before = excel.syncs;
  await m.writeChanges(excel.context, changes, { resizeTable: true, events: true, suspendCalculation: true });
  return { cells: changes.reduce((n, c) => n + c.cells.length, 0), syncs: excel.syncs - before, refusals: excel.refusals.length };
}

/** The generated workbook in the double: Forslag and Scenarier as Excel would hold them. */
function double(m, n) {
  const sheets = Object.entries(workbookRows(n, SCENARIOS)).map(([name, rows]) => m.FakeSheet.from(name, rows));
  return new m.ExcelDouble(sheets);
}

function produce(m) {
  return (sheets) => {
    const run = m.runWorkbook(sheets);
    if (!run.results) throw new Error(JSON.stringify(run.issues.slice(0, 3)));
    return run.results.outputs;
  };
}

/** One run as the pane makes it (src/office/host.ts): read, compute, write, in one batch context. */
async function adapterRun(m, n) {
  const excel = double(m, n);
  const book = await m.readWorkbook(excel.context);
  const readSyncs = excel.syncs;
  const outputs = produce(m)(book.sheets);
  const support = { suspendCalculation: true, suspendScreenUpdating: true, freezePanes: true, pageLayout: true };
  await m.writeSheets(excel.context, outputs, { support, workbook: book });
  return {
    proposals: n,
    syncs: excel.syncs,
    readSyncs,
    writeSyncs: excel.syncs - readSyncs,
    maxRequestBytes: excel.maxRequestBytes,
    maxResponseBytes: excel.maxResponseBytes,
    refusals: excel.refusals.length,
  };
}

async function naiveRun(m, n) {
  const excel = double(m, n);
  await m.naiveRun(excel.context, produce(m));
  return { proposals: n, syncs: excel.syncs };
}

async function run({ quick = false } = {}) {
  const m = compile();
  const sizes = quick ? [10, 1000, 10000] : [10, 1000, 10000, 50000];
  const naiveSizes = process.env.NAIVE === '0' ? [] : quick ? [10, 1000] : [10, 1000, 10000];
  const runs = [];
  for (const n of sizes) runs.push(await adapterRun(m, n));
  const naive = [];
  for (const n of naiveSizes) naive.push(await naiveRun(m, n));
  const edits = [];
  for (const parameters of [1, 100, 5000]) {
    const edit = await editRun(m, parameters);
    if (edit) edits.push(edit);
  }
  return {
    editSyncs: edits,
    syncs: runs.map(({ proposals, syncs }) => ({ proposals, syncs })),
    naiveSyncs: naive,
    // The largest single payload of any run, request or response (both are limited to 5 MB).
    maxRequestBytes: Math.max(...runs.map((r) => Math.max(r.maxRequestBytes, r.maxResponseBytes))),
    syncDetails: runs,
  };
}

module.exports = { run };

if (require.main === module) {
  const args = process.argv.slice(2);
  run({ quick: args.includes('--quick') }).then((result) => {
    if (args.includes('--json')) {
      console.log(JSON.stringify(result, null, 2));
      return;
    }
    const naive = new Map(result.naiveSyncs.map((r) => [r.proposals, r.syncs]));
    const mb = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;
    console.log(`context.sync calls per run (read, runWorkbook, write every output sheet), ${SCENARIOS} scenarios,`);
    console.log('on the Excel double (requests and responses over 5 MB refused, as Excel on the web):');
    console.log('proposals   syncs (read + write)   largest request   largest response   refused   row by row');
    for (const r of result.syncDetails)
      console.log(
        `${r.proposals.toLocaleString('da-DK').padStart(9)}   ${String(r.syncs).padStart(5)} (${r.readSyncs} + ${r.writeSyncs})`.padEnd(
          35,
        ) +
          `${mb(r.maxRequestBytes).padStart(15)}   ${mb(r.maxResponseBytes).padStart(16)}   ${String(r.refusals).padStart(7)}   ${naive.has(r.proposals) ? String(naive.get(r.proposals)).padStart(10) : '         —'}`,
      );
    if (result.editSyncs.length === 0)
      console.log('scenario editor: not compiled (tsconfig.bench.json lacks src/office/changes.ts)');
    for (const e of result.editSyncs)
      console.log(
        `scenario editor: ${e.cells.toLocaleString('da-DK')} cells written in ${e.syncs} syncs (${e.refusals} refused)`,
      );
  });
}
