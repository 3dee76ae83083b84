#!/usr/bin/env node
'use strict';
/**
 * `npm run bench`: the product's performance record (docs/performance.md).
 *
 *   npm run bench                      a readable table, with progress
 *   npm run --silent bench -- --json   one JSON object on stdout (progress on stderr)
 *   npm run bench -- --quick           fewer sizes and runs (a smoke test of the benchmark itself)
 *   node scripts/bench.js --table FILE the table of a saved JSON record
 *   node scripts/bench.js --markdown FILE  its tables in Markdown (for docs/performance.md)
 *
 * Parts, each its own script that also runs alone:
 *   engine     scripts/bench-engine.js      the full recompute and one change of each kind
 *   peer       scripts/bench-peer.js        the same model as HyperFormula formulas, same process
 *   bestFill   scripts/bench-best-fill.js   `Bedste udnyttelse` on hard instances
 *   syncs      scripts/bench-syncs.js       context.sync calls on the Excel test double; a row-by-row add-in
 *   cli        scripts/bench-cli.js         `raaderum run` on .xlsx files: wall time and peak memory
 *   pane       scripts/bench-pane.js        the pane's JavaScript (gzip) and first render in headless Chromium
 * It builds what it needs (`npm run build:cli`, `npm run build`) when missing. Figures
 * vary with the machine and its load: compare runs on one idle machine.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync, spawnSync } = require('child_process');

const ROOT = path.join(__dirname, '..');
const args = process.argv.slice(2);
const json = args.includes('--json');
const quick = args.includes('--quick');
// Progress and tables go to stderr when stdout carries the JSON.
const log = json ? (...line) => console.error(...line) : (...line) => console.log(...line);

function build(script, marker) {
  if (fs.existsSync(path.join(ROOT, marker))) return;
  log(`bench: npm run ${script} (${marker} is missing)`);
  execFileSync('npm', ['run', '--silent', script], { cwd: ROOT, stdio: ['ignore', process.stderr, process.stderr] });
}

/** Runs one part; a part that fails is reported, and the others still run. */
async function part(name, work, errors) {
  const started = Date.now();
  log(`\n— ${name}`);
  const consoleLog = console.log;
  if (json) console.log = (...line) => console.error(...line);
  try {
    return await work();
  } catch (error) {
    errors.push({ part: name, message: String(error && error.message ? error.message : error) });
    log(`bench: ${name} failed: ${error && error.stack ? error.stack : error}`);
    return {};
  } finally {
    console.log = consoleLog;
    log(`  (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
}

/**
 * A part's script in a Node process of its own, so that no part runs on a heap (and a garbage collector)
 * another part filled: best fill measured after the engine in one process was 10–15 % slower than alone.
 */
function isolated(script, options) {
  const out = path.join(os.tmpdir(), `raaderum-bench-${process.pid}-${path.basename(script, '.js')}.json`);
  const program =
    `require(${JSON.stringify(path.join(__dirname, script))})` +
    `.run({ ...${JSON.stringify(options)}, log: (...line) => console.log(...line) })` +
    `.then((r) => require('fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(r)))` +
    `.catch((e) => { console.error(e && e.stack ? e.stack : e); process.exit(1); });`;
  // The child's progress goes where ours does: stderr when stdout carries the JSON.
  const child = spawnSync(process.execPath, ['-e', program], { cwd: ROOT, stdio: ['ignore', json ? 2 : 1, 2] });
  if (child.status !== 0) throw new Error(`${script} exited with ${child.status ?? child.signal}`);
  try {
    return JSON.parse(fs.readFileSync(out, 'utf8'));
  } finally {
    fs.rmSync(out, { force: true });
  }
}

const TARGETS = {
  engine1000x10Ms: 20,
  engine10000x50Ms: 250,
  peerRatio: 10,
  bestFill40WorstMs: 500,
  bundleGzipBytes: 150 * 1024,
  firstRenderMs: 1000,
};

async function main() {
  const started = Date.now();
  build('build:cli', 'dist/cli/cli/main.js');
  const errors = [];
  const engine = await part('engine', () => isolated('bench-engine.js', { quick }), errors);
  const peer = await part('peer: HyperFormula', () => isolated('bench-peer.js', { quick }), errors);
  const bestFill = await part('best fill', () => isolated('bench-best-fill.js', { quick }), errors);
  const syncs = await part('round trips to Excel', () => isolated('bench-syncs.js', { quick }), errors);
  const cli = await part('command line', () => isolated('bench-cli.js', { quick }), errors);
  const pane = await part(
    'task pane',
    () => {
      build('build', 'dist/taskpane.html');
      return isolated('bench-pane.js', { quick });
    },
    errors,
  );
  const result = {
    machine: {
      node: process.version,
      cpu: os.cpus()[0].model,
      cores: os.cpus().length,
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
    },
    quick,
    engine: engine.engine,
    engineChanges: engine.engineChanges,
    peer: peer.peer,
    bestFill: bestFill.bestFill,
    syncs: syncs.syncs,
    naiveSyncs: syncs.naiveSyncs,
    maxRequestBytes: syncs.maxRequestBytes,
    cli: cli.cli,
    bundleGzipBytes: pane.bundleGzipBytes,
    firstRenderMs: pane.firstRenderMs,
    targets: TARGETS,
    seconds: Math.round((Date.now() - started) / 1000),
    errors,
  };
  if (json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  else printTable(result);
  if (errors.length > 0) process.exitCode = 1;
}

function printTable(r) {
  const row = (cells, widths) => cells.map((c, i) => String(c ?? '—').padStart(widths[i] ?? 10)).join('  ');
  const ok = (value, target) => (value === undefined ? '' : value <= target ? '  ✓' : `  ✗ (target ${target})`);
  console.log(`\nRåderum performance — Node ${r.machine.node}, ${r.machine.cpu} × ${r.machine.cores}, ${r.machine.memoryGb} GB`);
  console.log('\nEngine: full recompute, final rounded figures (ms)');
  console.log(row(['proposals', 'scenarios', 'median', 'min', 'max', ''], [10, 10, 9, 9, 9, 0]));
  for (const e of r.engine ?? []) {
    const target =
      e.proposals === 1000 && e.scenarios === 10 && !e.everyParameter
        ? ok(e.medianMs, TARGETS.engine1000x10Ms)
        : e.proposals === 10000 && e.scenarios === 50 && !e.everyParameter
          ? ok(e.medianMs, TARGETS.engine10000x50Ms)
          : e.everyParameter
            ? '  (every scenario states every parameter)'
            : '';
    console.log(row([e.proposals, e.scenarios, e.medianMs, e.minMs, e.maxMs], [10, 10, 9, 9, 9]) + target);
  }
  console.log('\nEngine: one change, computed from the previous run (median ms)');
  for (const c of r.engineChanges ?? [])
    console.log(`  ${c.proposals} × ${c.scenarios}: ` + c.changes.map((x) => `${x.parameter} ${x.medianMs}`).join(', '));
  if (r.peer) {
    console.log(
      `\nPeer: the same ${r.peer.proposals} × ${r.peer.scenarios} model in HyperFormula (same totals: ${r.peer.sameTotals})`,
    );
    for (const c of [...(r.peer.full ? [{ parameter: 'full recalculation', ...r.peer.full }] : []), ...(r.peer.changes ?? [])]) {
      const ratio = c.hyperformulaMs / c.engineMs;
      console.log(
        `  ${c.parameter.padEnd(20)} engine ${String(c.engineMs).padStart(8)} ms   HyperFormula ${String(c.hyperformulaMs).padStart(9)} ms   ${ratio.toFixed(1)}×${ratio >= TARGETS.peerRatio ? '  ✓' : `  ✗ (target ${TARGETS.peerRatio}×)`}`,
      );
    }
  }
  console.log('\nBest fill (Bedste udnyttelse), hard instances, 4 years (ms)');
  for (const b of r.bestFill ?? [])
    console.log(
      `  ${String(b.requests).padStart(4)} requests: median ${String(b.medianMs).padStart(8)}, worst ${String(b.worstMs).padStart(8)} (${b.worstKind ?? ''})` +
        (b.requests === 40 ? ok(b.worstMs, TARGETS.bestFill40WorstMs) : ''),
    );
  console.log('\ncontext.sync calls per run (read, compute, write every output sheet), Excel test double');
  for (const s of r.syncs ?? []) {
    const naive = (r.naiveSyncs ?? []).find((x) => x.proposals === s.proposals);
    console.log(
      `  ${String(s.proposals).padStart(6)} proposals: ${String(s.syncs).padStart(4)}   row by row: ${naive ? naive.syncs : '—'}`,
    );
  }
  if (r.maxRequestBytes !== undefined)
    console.log(`  largest request or response: ${(r.maxRequestBytes / 1e6).toFixed(2)} MB (Excel on the web: 5 MB)`);
  console.log('\nCommand line: raaderum run on .xlsx files (3 scenarios)');
  for (const c of r.cli ?? [])
    console.log(
      `  ${String(c.proposals).padStart(6)} proposals, ${c.output.padEnd(4)}: ${(c.wallMs / 1000).toFixed(1).padStart(6)} s, peak ${c.peakRssMb} MB${c.ok ? '' : '  FAILED'}`,
    );
  console.log('\nTask pane');
  if (r.bundleGzipBytes !== undefined)
    console.log(
      `  JavaScript it loads, gzip: ${(r.bundleGzipBytes / 1024).toFixed(1)} KB${ok(r.bundleGzipBytes, TARGETS.bundleGzipBytes)}`,
    );
  if (r.firstRenderMs !== undefined)
    console.log(`  first render: ${r.firstRenderMs} ms${ok(r.firstRenderMs, TARGETS.firstRenderMs)}`);
  console.log(
    `\n${r.seconds} s in all${r.errors.length ? `; ${r.errors.length} part(s) failed: ${r.errors.map((e) => e.part).join(', ')}` : ''}`,
  );
}

/** The record's tables in Markdown, Danish number style as the README (1.000; 0,5). */
function printMarkdown(r) {
  const n = (x, digits = 0) =>
    x === undefined
      ? '—'
      : Number(x)
          .toFixed(digits)
          .replace('.', ',')
          .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const lines = [];
  const table = (header, rows) => {
    lines.push(`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`);
    for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
    lines.push('');
  };
  lines.push(
    `Node ${r.machine.node}, ${r.machine.cpu} × ${r.machine.cores} cores, ${r.machine.memoryGb} GB; ${r.seconds} s in all.`,
    '',
  );
  lines.push('**Engine: the full recompute** (every scenario, every proposal, the råderum, the final rounded figures; ms)', '');
  table(
    ['proposals', 'scenarios', 'median', 'min', 'max', 'runs'],
    (r.engine ?? []).map((e) => [
      n(e.proposals) + (e.everyParameter ? ' (every parameter)' : ''),
      n(e.scenarios),
      n(e.medianMs, 1),
      n(e.minMs, 1),
      n(e.maxMs, 1),
      e.runs ?? '',
    ]),
  );
  lines.push('**Engine: one change**, computed from the previous run (median ms)', '');
  const kinds = (r.engineChanges?.[0]?.changes ?? []).map((c) => c.parameter);
  table(
    ['model', ...kinds],
    (r.engineChanges ?? []).map((c) => [`${n(c.proposals)} × ${c.scenarios}`, ...c.changes.map((x) => n(x.medianMs, 1))]),
  );
  if (r.peer) {
    lines.push(
      `**Peer**: ${n(r.peer.proposals)} × ${r.peer.scenarios} in HyperFormula, same process (same totals: ${r.peer.sameTotals ? 'yes' : 'NO'}; ms)`,
      '',
    );
    table(
      ['recalculation', 'engine', 'HyperFormula', 'engine faster'],
      [
        { parameter: 'full', ...r.peer.full },
        ...(r.peer.changes ?? []).map((c) => ({ ...c, parameter: `one ${c.parameter}` })),
      ].map((c) => [c.parameter, n(c.engineMs, 1), n(c.hyperformulaMs, 1), `${n(c.hyperformulaMs / c.engineMs, 1)}×`]),
    );
  }
  lines.push('**Bedste udnyttelse** on hard instances over 4 years (ms)', '');
  table(
    ['requests', 'median', 'worst', 'worst kind'],
    (r.bestFill ?? []).map((b) => [b.requests, n(b.medianMs), n(b.worstMs), b.worstKind ?? '']),
  );
  lines.push('**Round trips**: `context.sync` calls per run on the Excel test double (3 scenarios)', '');
  table(
    ['proposals', 'Råderum', 'row by row'],
    (r.syncs ?? []).map((x) => [
      n(x.proposals),
      x.syncs,
      n((r.naiveSyncs ?? []).find((y) => y.proposals === x.proposals)?.syncs),
    ]),
  );
  lines.push(`Largest request or response: ${n((r.maxRequestBytes ?? 0) / 1e6, 2)} MB (Excel on the web refuses 5 MB).`, '');
  lines.push('**Command line**: `raaderum run` on `.xlsx` files, 3 scenarios', '');
  table(
    ['proposals', 'output', 'wall time', 'peak memory'],
    (r.cli ?? []).map((c) => [
      n(c.proposals),
      c.output === 'json' ? '`--json`' : '`--out` (copy)',
      `${n(c.wallMs / 1000, 1)} s`,
      `${n(c.peakRssMb)} MB`,
    ]),
  );
  lines.push(
    `**Task pane**: ${n((r.bundleGzipBytes ?? 0) / 1024, 1)} KB of JavaScript (gzip), first render ${n(r.firstRenderMs)} ms.`,
  );
  console.log(lines.join('\n'));
}

const saved = Math.max(args.indexOf('--table'), args.indexOf('--markdown'));
if (saved >= 0) {
  const record = JSON.parse(fs.readFileSync(args[saved + 1], 'utf8'));
  if (args.includes('--markdown')) printMarkdown(record);
  else printTable(record);
} else
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
