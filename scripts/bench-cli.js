#!/usr/bin/env node
'use strict';
/**
 * `node scripts/bench-cli.js [sizes…]`: the whole command line on real
 * .xlsx files of 1.000 / 10.000 / 50.000 / 200.000 proposals × 3 scenarios.
 * Each run is a child process (`raaderum run FILE --json` and
 * `raaderum run FILE --out COPY`); reported: wall time, peak RSS (the child's
 * own maxRSS, read at its exit) and output size. A second line per size runs
 * the same path step by step (src/xlsx/sheet-reader.ts → runWorkbook → JSON or
 * copy) in a child, with the time each step took, so a slow step shows.
 * Needs `npm run build:cli`. Figures vary with the machine: compare runs on one machine.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'dist', 'cli');
const YEARS = [2027, 2028, 2029, 2030];
const BENEFITS = ['Kontanthjælp', 'Sygedagpenge', 'Ressourceforløb', 'A-dagpenge'];

/** A deterministic pseudo-random sequence, so every run measures the same workbook. */
function random(seed) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

// The product's own column letters and XML escaping (built by `npm run build:cli`).
const { columnLetters: letters } = require(path.join(DIST, 'workbook', 'grid.js'));
const { xmlText: escapeXml } = require(path.join(DIST, 'xlsx', 'package.js'));

/** A worksheet part's bytes, its text cells in the shared strings (as Excel saves them). */
function sheetXml(rows, strings) {
  const index = new Map(strings.map((s, i) => [s, i]));
  const share = (s) => {
    if (!index.has(s)) {
      index.set(s, strings.length);
      strings.push(s);
    }
    return index.get(s);
  };
  const chunks = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  ];
  rows.forEach((row, r) => {
    let xml = `<row r="${r + 1}">`;
    row.forEach((v, c) => {
      if (v === null) return;
      const ref = `${letters(c)}${r + 1}`;
      xml += typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="s"><v>${share(v)}</v></c>`;
    });
    chunks.push(xml + '</row>');
  });
  chunks.push('</sheetData></worksheet>');
  return Buffer.from(chunks.join(''));
}

function workbookRows(n, scenarios, { everyParameter = false } = {}) {
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
  const proposals = Array.from({ length: n }, (_, i) => {
    const request = r() < 0.3;
    const staffed = r() < 0.1;
    return [
      `F-${i + 1}`,
      `Forslag ${i + 1} om en indsats på beskæftigelsesområdet`,
      `Udvalg ${i % 9}`,
      request ? 'Udvidelse' : 'Reduktion',
      BENEFITS[i % 4],
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
  // The first four scenarios are the command-line benchmark's. Beyond them (the engine benchmark's 10 and 50),
  // each scenario states only what it changes, as the template intends: one kind of parameter in turn (the pool,
  // the caseload, one benefit's refusion rate, one benefit's fuldtidspersoner, the mode with three proposals left
  // out), with values no other scenario has. With `everyParameter`, each states every parameter with values of its
  // own: no proposal that depends on a parameter has the same figures in two scenarios (the worst case).
  const names = ['Basis', 'Caseload 40', 'Lavere refusion', 'Delvis'].slice(0, scenarios);
  for (let k = names.length; k < scenarios; k++) names.push(`Scenarie ${k + 1}`);
  const MODES = ['Prioritet', 'Prioritet, delvis', 'Forholdsmæssig'];
  const states = (k, kind) => k >= 4 && (everyParameter || k % 5 === kind);
  const column = (label, of) => [label, ...names.map((_, k) => of(k) ?? null)];
  const first = (values, k) => (k < 4 ? values[k] : undefined);
  const parameters = [
    ['Parameter', ...names],
    ...YEARS.map((y, t) =>
      column(`Råderum ${y}`, (k) => (states(k, 0) ? 30_000_000 + ((k * 7 + t * 3) % 40) * 1_000_000 : first([50_000_000], k))),
    ),
    column('Caseload', (k) => (states(k, 1) ? 38 + (k % 17) / 2 : first([45, 40], k))),
    ...BENEFITS.map((b, i) =>
      column(`Refusion ${b}`, (k) =>
        states(k, 2) && (everyParameter || (k >> 2) % 4 === i) ? (10 + ((k * 3 + i * 5) % 41)) / 100 : first([0.3, null, 0.2], k),
      ),
    ),
    ...BENEFITS.map((b, i) =>
      column(`Fuldtidspersoner ${b}`, (k) =>
        states(k, 3) && (everyParameter || (k >> 2) % 4 === i) ? 60 + ((k * 11 + i * 17) % 300) : undefined,
      ),
    ),
    column('Fordeling', (k) => (states(k, 4) ? MODES[k % 3] : first(['Prioritet', null, null, 'Prioritet, delvis'], k))),
    column('Udelad', (k) => (states(k, 4) ? [1, 2, 3].map((j) => `F-${1 + ((k * 37 + j * 101) % n)}`).join(', ') : undefined)),
  ].filter((row) => row.slice(1).some((v) => v !== null));
  // Rows of parameters no scenario states are dropped: the 3-scenario workbook is as before.
  return { Forslag: [header, ...proposals], Scenarier: parameters };
}

/** A minimal valid package, written directly (ExcelJS would take longer than the run measured). */
async function writeWorkbook(file, n, scenarios) {
  const JSZip = require('jszip');
  const sheets = workbookRows(n, scenarios);
  const strings = [];
  const zip = new JSZip();
  const names = Object.keys(sheets);
  const parts = names.map((name) => sheetXml(sheets[name], strings));
  const ns = 'http://schemas.openxmlformats.org';
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets>${names.map((name, i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
  );
  const rel = (id, type, target) =>
    `<Relationship Id="${id}" Type="${ns}/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships">${names.map((_, i) => rel(`rId${i + 1}`, 'worksheet', `worksheets/sheet${i + 1}.xml`)).join('')}${rel('rIdS', 'sharedStrings', 'sharedStrings.xml')}${rel('rIdT', 'styles', 'styles.xml')}</Relationships>`,
  );
  zip.file(
    'xl/styles.xml',
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${ns}/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>`,
  );
  parts.forEach((bytes, i) => zip.file(`xl/worksheets/sheet${i + 1}.xml`, bytes));
  zip.file(
    'xl/sharedStrings.xml',
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${ns}/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${escapeXml(s)}</t></si>`).join('')}</sst>`,
  );
  const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  fs.writeFileSync(file, data);
  return data.length;
}

/** Loaded into each child with -r: its peak resident memory, written at exit. */
const PEAK = `process.on('exit', () => require('fs').writeFileSync(process.env.BENCH_PEAK_FILE, String(process.resourceUsage().maxRSS)));`;

function runChild(args, outFile) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-cli-'));
  const preload = path.join(dir, 'peak.js');
  const peakFile = path.join(dir, 'peak');
  fs.writeFileSync(preload, PEAK);
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['-r', preload, ...args], {
    cwd: ROOT,
    env: { ...process.env, BENCH_PEAK_FILE: peakFile },
    maxBuffer: 4 * 1024 * 1024 * 1024,
    stdio: ['ignore', outFile ? fs.openSync(outFile, 'w') : 'pipe', 'pipe'],
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const peakMb = fs.existsSync(peakFile) ? Number(fs.readFileSync(peakFile, 'utf8')) / 1024 : NaN;
  fs.rmSync(dir, { recursive: true, force: true });
  return { status: child.status, signal: child.signal, seconds, peakMb, stderr: String(child.stderr ?? '') };
}

/**
 * The child for the direct path, as the command line runs once it reads with
 * src/xlsx/sheet-reader.ts: read → runWorkbook → the JSON report on stdout, or
 * (`--out COPY`) the copy written by the package writer. Each step is timed on stderr.
 */
async function directChild(file, out) {
  const { readWorkbookSheets } = require(path.join(DIST, 'xlsx', 'sheet-reader.js'));
  const { runWorkbook } = require(path.join(DIST, 'workbook', 'run.js'));
  const steps = [];
  let t = Date.now();
  const lap = (what) => {
    const now = Date.now();
    steps.push(`${what} ${now - t} ms`);
    t = now;
  };
  const { sheets, bytes } = await readWorkbookSheets(file);
  lap('read');
  const { results, issues } = runWorkbook(sheets, { report: out === undefined });
  lap('runWorkbook');
  if (!results) {
    process.stderr.write(`NO RESULTS: ${issues.length} issues\n`);
    process.exitCode = 1;
    return;
  }
  if (out === undefined) {
    fs.writeSync(1, JSON.stringify(results.report, null, 2));
    lap('JSON');
  } else {
    const { writeOutputSheets } = require(path.join(DIST, 'xlsx', 'package-writer.js'));
    const files = require(path.join(DIST, 'xlsx', 'files.js'));
    const options = files.zlibCompressed ? { compressed: files.zlibCompressed } : undefined;
    fs.writeFileSync(out, await writeOutputSheets(bytes, results.outputs, options));
    lap('copy');
  }
  process.stderr.write(steps.join(', ') + '\n');
}

const mb = (n) => `${n.toFixed(0).padStart(5)} MB`;
const size = (bytes) => `${(bytes / 1024 / 1024).toFixed(1).padStart(6)} MB`;

/**
 * `raaderum run` at each size, as a user runs it: `--json`, and `--out COPY`
 * (the copy with the output sheets). Returns a row per size and output.
 */
async function measureSizes(sizes, { steps = true, log = console.log } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'raaderum-bench-'));
  const rows = [];
  try {
    for (const n of sizes) {
      const file = path.join(dir, `forslag-${n}.xlsx`);
      const bytes = await writeWorkbook(file, n, 3);
      const label = `${String(n).padStart(7)} proposals × 3 (${size(bytes).trim()} .xlsx)`;
      const copy = path.join(dir, `copy-${n}.xlsx`);
      const runs = [
        ['json', 'raaderum run --json', ['bin/raaderum.js', 'run', file, '--json'], path.join(dir, `out-${n}.json`)],
        ['copy', 'raaderum run --out (copy)', ['bin/raaderum.js', 'run', file, '--out', copy], undefined],
      ];
      if (steps) {
        runs.push([
          'direct json',
          'direct reader → run → JSON',
          [__filename, '--child', file],
          path.join(dir, `direct-${n}.json`),
        ]);
        runs.push([
          'direct copy',
          'direct reader → run → copy',
          [__filename, '--child', file, path.join(dir, `direct-${n}.xlsx`)],
          undefined,
        ]);
      }
      for (const [output, what, childArgs, outFile] of runs) {
        const result = runChild(childArgs, outFile);
        const written = outFile ?? childArgs.find((a) => /-\d+\.xlsx$/.test(a) && /(copy|direct)-/.test(a)) ?? '';
        const outSize = fs.existsSync(written) ? size(fs.statSync(written).size) : '     —';
        const failed =
          result.status !== 0
            ? `  FAILED (${result.signal ?? `exit ${result.status}`}): ${result.stderr.trim().split('\n').slice(-2).join(' / ')}`
            : '';
        const stepTimes = what.startsWith('direct') && !failed ? `  [${result.stderr.trim()}]` : '';
        log(
          `${label}  ${what.padEnd(28)} ${result.seconds.toFixed(1).padStart(6)} s  peak ${mb(result.peakMb)}  output ${outSize}${failed}${stepTimes}`,
        );
        if (!output.startsWith('direct'))
          rows.push({
            proposals: n,
            output,
            wallMs: Math.round(result.seconds * 1000),
            peakRssMb: Math.round(result.peakMb),
            ok: result.status === 0,
          });
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

/** For `npm run bench`: the command line at 1.000 / 10.000 / 50.000 proposals (quick: 1.000 / 10.000). */
async function run({ quick = false, log = console.log } = {}) {
  if (!fs.existsSync(path.join(DIST, 'cli', 'main.js'))) throw new Error('bench-cli: run `npm run build:cli` first');
  return { cli: await measureSizes(quick ? [1000, 10000] : [1000, 10000, 50000], { steps: false, log }) };
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return directChild(args[1], args[2]);
  if (!fs.existsSync(path.join(DIST, 'cli', 'main.js'))) {
    console.error('bench-cli: run `npm run build:cli` first');
    process.exit(2);
  }
  const sizes = args.filter((a) => /^\d+$/.test(a)).map(Number);
  console.log(`Node ${process.version}, ${os.cpus()[0].model} × ${os.cpus().length}`);
  await measureSizes(sizes.length > 0 ? sizes : [1000, 10000, 50000, 200000]);
}

module.exports = { run, writeWorkbook, workbookRows, random, YEARS };

if (require.main === module)
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
