'use strict';
/**
 * The task pane's weight and start, in Debian's headless Chromium (issue 10, item 6).
 *
 *   bundleGzipBytes  the gzip size (zlib level 9) of all JavaScript the task pane page loads
 *                    from the production build, recorded from the network as the page loads,
 *                    plus the calculation worker's script, which the pane loads at its first
 *                    read in Excel (outside Excel no read happens, so it is added from dist/
 *                    after checking that the pane's bundle names it). Office.js is excluded.
 *                    Not counted: the in-thread copies of the calculation and the what-if (chunks
 *                    loaded only where there is no Worker); the table lists them and the sum of
 *                    every chunk, loaded or not (allChunksGzipBytes).
 *   onDemandGzipBytes  the scripts loaded when the user opens the »Forhandling« section (issue 13's
 *                    allocation, sensitivity and break-even views: a chunk of their own), recorded
 *                    from the network in a pane that has read the sample workbook. Start + on demand
 *                    is what a user who opens every view has loaded (target ≤ 160 KB).
 *   firstRenderMs    navigation start to the pane's main UI, the »Skriv resultater« button,
 *                    which is what a user sees first in Excel: median of 5 cold loads (a new
 *                    browser context each). Excel's host is a stand-in for Office.js that says
 *                    "Excel" at once and never answers a read, so the figure is our page (HTML,
 *                    bundle, React's first render), not Office's handshake with its host.
 *                    Also measured and printed: the same page under the real Office.js outside
 *                    a host, up to its 'not in Excel' page (office.js served from node_modules).
 *
 *   whatIfMs         issue 12: the live what-if (src/taskpane/what-if.ts, the code the pane's
 *                    what-if worker runs) from a pending edit to the comparison the pane shows:
 *                    the edit applied to Scenarier in memory, the workbook read, every scenario
 *                    calculated from the run before, the comparison made. The caseload of the
 *                    second scenario moved along 40–45 (one edit more each time), median of the
 *                    runs after a warm-up. On the sample (target: one frame, 16 ms) and on 1.000
 *                    proposals × 10 scenarios (scripts/bench-cli.js's workbook; target 100 ms).
 *                    The worker's message round trip (the edits out, the figures back) is not in it.
 *
 * Expects a production build (`npm run build`) and `npm run build:cli`; builds them when missing.
 * Usage: node scripts/bench-pane.js [--quick] [--json] [--what-if]  (--what-if: only the what-if)
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { serveDist } = require('./serve-dist');

/* global window, document, MutationObserver -- the functions given to the page run in Chromium */

const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const WORKER_SCRIPT = /^raaderum-calculation\.([0-9a-f]{8})\.js$/;
const LOADS = 5;
/** The targets of issue 10, and issue 12's for the what-if. */
const TARGETS = {
  bundleGzipBytes: 150 * 1024,
  totalGzipBytes: 160 * 1024,
  firstRenderMs: 1000,
  whatIfSampleMs: 16,
  whatIf1000x10Ms: 100,
};

/**
 * The pane's what-if module compiled for Node beside the command line's build (dist/cli), so its imports of
 * the workbook layer and the core resolve to the same compiled files the command line runs.
 */
function loadWhatIf() {
  const cli = path.join(DIST, 'cli');
  if (!fs.existsSync(path.join(cli, 'workbook', 'scenario-edit.js')))
    execFileSync('npm', ['run', 'build:cli'], { cwd: ROOT, stdio: 'inherit' });
  const ts = require('typescript');
  const out = path.join(cli, 'taskpane');
  fs.mkdirSync(out, { recursive: true });
  for (const name of fs.readdirSync(path.join(ROOT, 'src', 'taskpane'))) {
    if (!/^(what-if|awaited|compared-figures)\.ts$/.test(name)) continue;
    const source = fs.readFileSync(path.join(ROOT, 'src', 'taskpane', name), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
    });
    fs.writeFileSync(path.join(out, name.replace(/\.ts$/, '.js')), outputText);
  }
  return require(path.join(out, 'what-if.js'));
}

/** Median and max of the what-if over `runs` edits of the caseload (after `warm` edits), in ms. */
function timeWhatIf(WhatIf, sheets, runs, warm = 10) {
  const names = sheets.find((s) => s.name === 'Scenarier').values[0];
  const scenario = names[2] ?? names[1];
  const whatIf = new WhatIf(sheets);
  const edits = [];
  const times = [];
  for (let i = 0; i < warm + runs; i++) {
    edits.push({ kind: 'set', scenario, parameter: 'Caseload', value: 40 + (i % 6) });
    const start = process.hrtime.bigint();
    const result = whatIf.run({ edits: [...edits] });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (!result.comparison) throw new Error(`bench-pane: the what-if has problems: ${JSON.stringify(result.issues.slice(0, 2))}`);
    if (i >= warm) times.push(ms);
  }
  const round = (ms) => Math.round(ms * 10) / 10;
  return { medianMs: round(median(times)), maxMs: round(Math.max(...times)), runs };
}

function measureWhatIf({ quick = false } = {}) {
  const { WhatIf } = loadWhatIf();
  const { sampleSheets } = require(path.join(DIST, 'cli', 'sample', 'seed-workbook.js'));
  const { workbookRows } = require('./bench-cli.js');
  const grids = (named) =>
    Object.entries(named).map(([name, values]) => ({ name, origin: { row: 0, column: 0 }, values, tables: [] }));
  const sample = sampleSheets().map((s) => ({
    name: s.name,
    origin: { row: 0, column: 0 },
    values: s.values.map((r) => r.map((v) => (v === undefined ? null : v))),
    tables: s.tables ?? [],
  }));
  const runs = quick ? 10 : 30;
  return {
    sample: timeWhatIf(WhatIf, sample, runs),
    large: timeWhatIf(WhatIf, grids(workbookRows(1000, 10)), runs),
  };
}

/**
 * Office.js as Excel would present it to the pane, reduced to what the pane's start uses:
 * onReady says Excel; a read (Excel.run) never answers, so the pane stays at its first screen.
 */
const EXCEL_STAND_IN = `
window.Office = {
  HostType: { Excel: 'Excel' },
  context: { displayLanguage: 'da-DK' },
  onReady: function (callback) {
    var info = { host: 'Excel', platform: 'OfficeOnline' };
    if (callback) setTimeout(function () { callback(info); }, 0);
    return Promise.resolve(info);
  },
};
window.Excel = { run: function () { return new Promise(function () {}); } };
`;

const gzipBytes = (buffer) => zlib.gzipSync(buffer, { level: 9 }).length;
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function ensureBuild() {
  if (fs.existsSync(path.join(DIST, 'taskpane.html'))) return;
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
}

function loadPlaywright() {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`bench-pane: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
  return require('playwright-core').chromium;
}

/**
 * One cold load of taskpane.html: the JavaScript it loaded from our server (path → bytes) and the
 * milliseconds from navigation start until `selector` (the first meaningful render) was in the page.
 */
async function loadOnce(browser, url, office, waitFor) {
  const context = await browser.newContext({ viewport: { width: 400, height: 800 }, locale: 'da-DK' });
  const scripts = new Map();
  const foreign = [];
  await context.route(
    (u) => !u.href.startsWith(url),
    async (route) => {
      const requested = route.request().url();
      if (requested.startsWith(OFFICE_CDN)) {
        if (office === 'stand-in') return route.fulfill({ body: EXCEL_STAND_IN, contentType: 'text/javascript' });
        const officeDist = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
        const file = path.join(officeDist, requested.slice(OFFICE_CDN.length).split(/[?#]/)[0]);
        if (file.startsWith(officeDist + path.sep) && fs.existsSync(file))
          return route.fulfill({ body: fs.readFileSync(file), contentType: 'text/javascript' });
      }
      if (!/^(blob|data):/.test(requested)) foreign.push(requested);
      return route.abort('blockedbyclient');
    },
  );
  context.on('response', async (response) => {
    const u = response.url();
    if (!u.startsWith(url) || !/\.js(\?|$)/.test(u)) return;
    try {
      scripts.set(new URL(u).pathname, await response.body());
    } catch {
      // A response whose body is gone (the context closed): the bench reads the file instead.
      scripts.set(new URL(u).pathname, fs.readFileSync(path.join(DIST, new URL(u).pathname)));
    }
  });
  // The moment the first meaningful render is in the page, on the page's own clock (0 = navigation start).
  await context.addInitScript(({ selector, text }) => {
    const seen = () => {
      if (window.__firstRender !== undefined) return;
      if ([...document.querySelectorAll(selector)].some((e) => e.textContent === text)) window.__firstRender = performance.now();
    };
    new MutationObserver(seen).observe(document, { childList: true, subtree: true, characterData: true });
  }, waitFor);
  const page = await context.newPage();
  await page.goto(url + 'taskpane.html');
  await page.waitForFunction(() => window.__firstRender !== undefined, null, { timeout: 30_000 });
  // And it is visible, not only in the document.
  await page.locator(waitFor.selector, { hasText: waitFor.text }).first().waitFor({ state: 'visible' });
  const ms = await page.evaluate(() => window.__firstRender);
  await context.close();
  if (foreign.length > 0) throw new Error(`bench-pane: requests to foreign origins: ${foreign.join(', ')}`);
  return { ms, scripts };
}

/**
 * The scripts the page loads when the »Forhandling« section is opened: in Excel's stand-in nothing is read,
 * so the pane under the preview's host (the sample workbook read in the page) is opened instead; only
 * scripts not loaded before the click are counted.
 */
async function loadOnDemand(browser, url) {
  const context = await browser.newContext({ viewport: { width: 400, height: 800 }, locale: 'da-DK' });
  await context.route(
    (u) => !u.href.startsWith(url),
    (route) => route.abort('blockedbyclient'),
  );
  const scripts = new Map();
  let opened = false;
  context.on('response', async (response) => {
    const u = response.url();
    if (!opened || !u.startsWith(url) || !/\.js(\?|$)/.test(u)) return;
    scripts.set(new URL(u).pathname, fs.readFileSync(path.join(DIST, new URL(u).pathname)));
  });
  const page = await context.newPage();
  await page.goto(url + 'preview.html');
  const button = page.getByRole('button', { name: 'Forhandling', exact: true, expanded: false });
  await button.waitFor({ timeout: 30_000 });
  opened = true;
  await button.click();
  await page.getByRole('region', { name: 'Råderummets fordeling' }).waitFor({ timeout: 30_000 });
  await context.close();
  return [...scripts.entries()].map(([file, body]) => ({ file, gzip: gzipBytes(body), how: 'on opening »Forhandling«' }));
}

/** Every figure, for the table; `run` returns the two of the benchmark's JSON. */
async function measure({ quick = false } = {}) {
  ensureBuild();
  const chromium = loadPlaywright();
  const server = await serveDist(DIST);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const loads = quick ? 3 : LOADS;
    const app = { selector: 'main button', text: 'Skriv resultater' };
    const notInExcel = { selector: 'main a[href="preview.html"]', text: 'Åbn forhåndsvisningen' };
    // One warm-up load (Chromium's own start, the disk cache of the files), then the measured cold loads.
    await loadOnce(browser, server.url, 'stand-in', app);
    const inExcel = [];
    let scripts;
    for (let i = 0; i < loads; i++) {
      const load = await loadOnce(browser, server.url, 'stand-in', app);
      inExcel.push(load.ms);
      scripts = load.scripts;
    }
    const outside = [];
    for (let i = 0; i < loads; i++) outside.push((await loadOnce(browser, server.url, 'office.js', notInExcel)).ms);

    const onDemand = await loadOnDemand(browser, server.url);
    if (onDemand.length === 0) throw new Error('bench-pane: opening »Forhandling« loaded no script: is dist/ stale?');

    // The worker's script: the one the pane's bundle names (its content hash is in the bundle's chunk map).
    const worker = fs.readdirSync(DIST).find((f) => WORKER_SCRIPT.test(f));
    if (!worker) throw new Error('bench-pane: no calculation worker (raaderum-calculation.*.js) in dist/: run `npm run build`');
    const named = [...scripts.values()].some((body) => body.includes(WORKER_SCRIPT.exec(worker)[1]));
    if (!named) throw new Error(`bench-pane: the pane's scripts do not name ${worker}: dist/ is stale, run \`npm run build\``);
    const files = [...scripts.entries()].map(([file, body]) => ({ file, gzip: gzipBytes(body), how: 'loaded by the page' }));
    if (!scripts.has('/' + worker))
      files.push({
        file: '/' + worker,
        gzip: gzipBytes(fs.readFileSync(path.join(DIST, worker))),
        how: 'worker, at the first read',
      });
    // Every other script of the build that the pane's code could load (the preview's and the function
    // file's own entries aside): shown, and added up with the counted ones, so nothing is left out unseen.
    const counted = new Set([...files, ...onDemand].map((f) => f.file.slice(1)));
    const others = fs
      .readdirSync(DIST)
      .filter((f) => f.endsWith('.js') && !counted.has(f) && !/^(preview|commands)\./.test(f))
      .map((f) => ({ file: '/' + f, gzip: gzipBytes(fs.readFileSync(path.join(DIST, f))), how: 'not loaded (see below)' }));
    const bundleGzipBytes = files.reduce((sum, f) => sum + f.gzip, 0);
    const onDemandGzipBytes = onDemand.reduce((sum, f) => sum + f.gzip, 0);
    return {
      bundleGzipBytes,
      onDemandGzipBytes,
      onDemand,
      allChunksGzipBytes: bundleGzipBytes + onDemandGzipBytes + others.reduce((sum, f) => sum + f.gzip, 0),
      others,
      firstRenderMs: Math.round(median(inExcel)),
      files,
      loads,
      firstRenderAll: inExcel.map(Math.round),
      notInExcelMs: Math.round(median(outside)),
      notInExcelAll: outside.map(Math.round),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function run({ quick = false } = {}) {
  const { bundleGzipBytes, onDemandGzipBytes, firstRenderMs } = await measure({ quick });
  return { bundleGzipBytes, onDemandGzipBytes, firstRenderMs };
}

function table(result) {
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const mark = (ok) => (ok ? 'ok' : 'MISSED');
  const lines = [
    'Task pane (production build, headless Chromium)',
    '',
    ...result.files.map((f) => `  ${f.file.padEnd(40)} ${kb(f.gzip).padStart(9)}  ${f.how}`),
    `  ${'JavaScript, gzip -9, Office.js excluded'.padEnd(40)} ${kb(result.bundleGzipBytes).padStart(9)}  target ≤ ${kb(TARGETS.bundleGzipBytes)}: ${mark(result.bundleGzipBytes <= TARGETS.bundleGzipBytes)}`,
    ...result.onDemand.map((f) => `  ${f.file.padEnd(40)} ${kb(f.gzip).padStart(9)}  ${f.how}`),
    `  ${'on demand (the negotiation views)'.padEnd(40)} ${kb(result.onDemandGzipBytes).padStart(9)}`,
    `  ${'start + on demand'.padEnd(40)} ${kb(result.bundleGzipBytes + result.onDemandGzipBytes).padStart(9)}  target ≤ ${kb(TARGETS.totalGzipBytes)}: ${mark(result.bundleGzipBytes + result.onDemandGzipBytes <= TARGETS.totalGzipBytes)}`,
    ...result.others.map((f) => `  ${f.file.padEnd(40)} ${kb(f.gzip).padStart(9)}  ${f.how}`),
    `  ${'every chunk of the pane, loaded or not'.padEnd(40)} ${kb(result.allChunksGzipBytes).padStart(9)}`,
    '  Counted at start: the scripts the page loaded, plus the worker. On demand: the chunk loaded when the',
    '  »Forhandling« section (allocation, sensitivity, break-even) is first opened; every other view is in the',
    '  start bundle. Not loaded: the in-thread copies of the calculation and the what-if (chunks loaded only',
    '  where there is no Worker; their code is in the worker and the engine chunk).',
    '',
    `  first render, »Skriv resultater« (Excel stand-in): median ${result.firstRenderMs} ms of ${result.loads} cold loads [${result.firstRenderAll.join(', ')}]; target ≤ ${TARGETS.firstRenderMs} ms: ${mark(result.firstRenderMs <= TARGETS.firstRenderMs)}`,
    `  'not in Excel' page under the real Office.js:      median ${result.notInExcelMs} ms [${result.notInExcelAll.join(', ')}]`,
  ];
  return lines.join('\n');
}

module.exports = { run, measure, measureWhatIf, TARGETS };

function whatIfTable(w) {
  const mark = (ok) => (ok ? 'ok' : 'MISSED');
  return [
    'Live what-if (src/taskpane/what-if.ts in Node: edit → comparison)',
    `  sample (3 scenarios):        median ${w.sample.medianMs} ms, max ${w.sample.maxMs} ms of ${w.sample.runs}; target ≤ ${TARGETS.whatIfSampleMs} ms: ${mark(w.sample.medianMs <= TARGETS.whatIfSampleMs)}`,
    `  1.000 proposals × 10:        median ${w.large.medianMs} ms, max ${w.large.maxMs} ms of ${w.large.runs}; target ≤ ${TARGETS.whatIf1000x10Ms} ms: ${mark(w.large.medianMs <= TARGETS.whatIf1000x10Ms)}`,
  ].join('\n');
}

if (require.main === module && process.argv.includes('--what-if')) {
  const result = measureWhatIf({ quick: process.argv.includes('--quick') });
  console.log(process.argv.includes('--json') ? JSON.stringify(result) : whatIfTable(result));
} else if (require.main === module) {
  const quick = process.argv.includes('--quick');
  measure({ quick }).then(
    (result) => {
      if (process.argv.includes('--json'))
        console.log(
          JSON.stringify({
            bundleGzipBytes: result.bundleGzipBytes,
            onDemandGzipBytes: result.onDemandGzipBytes,
            firstRenderMs: result.firstRenderMs,
          }),
        );
      else console.log(table(result) + '\n\n' + whatIfTable(measureWhatIf({ quick })));
    },
    (error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
