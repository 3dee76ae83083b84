'use strict';
/**
 * The task pane's weight and start, in Debian's headless Chromium (issue 10, item 6).
 *
 *   bundleGzipBytes  the gzip size (zlib level 9) of all JavaScript the task pane page loads
 *                    from the production build, recorded from the network as the page loads,
 *                    plus the calculation worker's script, which the pane loads at its first
 *                    read in Excel (outside Excel no read happens, so it is added from dist/
 *                    after checking that the pane's bundle names it). Office.js is excluded.
 *                    Not counted: the engine's in-thread copy (a chunk loaded only where there
 *                    is no Worker).
 *   firstRenderMs    navigation start to the pane's main UI, the »Beregn scenarier« button,
 *                    which is what a user sees first in Excel: median of 5 cold loads (a new
 *                    browser context each). Excel's host is a stand-in for Office.js that says
 *                    "Excel" at once and never answers a read, so the figure is our page (HTML,
 *                    bundle, React's first render), not Office's handshake with its host.
 *                    Also measured and printed: the same page under the real Office.js outside
 *                    a host, up to its 'not in Excel' page (office.js served from node_modules).
 *
 * Expects a production build (`npm run build`); builds it when dist/taskpane.html is missing.
 * Usage: node scripts/bench-pane.js [--quick] [--json]
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
/** The targets of issue 10. */
const TARGETS = { bundleGzipBytes: 150 * 1024, firstRenderMs: 1000 };

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

/** Every figure, for the table; `run` returns the two of the benchmark's JSON. */
async function measure({ quick = false } = {}) {
  ensureBuild();
  const chromium = loadPlaywright();
  const server = await serveDist(DIST);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const loads = quick ? 3 : LOADS;
    const app = { selector: 'main button', text: 'Beregn scenarier' };
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
    return {
      bundleGzipBytes: files.reduce((sum, f) => sum + f.gzip, 0),
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
  const { bundleGzipBytes, firstRenderMs } = await measure({ quick });
  return { bundleGzipBytes, firstRenderMs };
}

function table(result) {
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const mark = (ok) => (ok ? 'ok' : 'MISSED');
  const lines = [
    'Task pane (production build, headless Chromium)',
    '',
    ...result.files.map((f) => `  ${f.file.padEnd(40)} ${kb(f.gzip).padStart(9)}  ${f.how}`),
    `  ${'JavaScript, gzip -9, Office.js excluded'.padEnd(40)} ${kb(result.bundleGzipBytes).padStart(9)}  target ≤ ${kb(TARGETS.bundleGzipBytes)}: ${mark(result.bundleGzipBytes <= TARGETS.bundleGzipBytes)}`,
    '',
    `  first render, »Beregn scenarier« (Excel stand-in): median ${result.firstRenderMs} ms of ${result.loads} cold loads [${result.firstRenderAll.join(', ')}]; target ≤ ${TARGETS.firstRenderMs} ms: ${mark(result.firstRenderMs <= TARGETS.firstRenderMs)}`,
    `  'not in Excel' page under the real Office.js:      median ${result.notInExcelMs} ms [${result.notInExcelAll.join(', ')}]`,
  ];
  return lines.join('\n');
}

module.exports = { run, measure, TARGETS };

if (require.main === module) {
  const quick = process.argv.includes('--quick');
  measure({ quick }).then(
    (result) => {
      if (process.argv.includes('--json'))
        console.log(JSON.stringify({ bundleGzipBytes: result.bundleGzipBytes, firstRenderMs: result.firstRenderMs }));
      else console.log(table(result));
    },
    (error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
