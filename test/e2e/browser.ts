/**
 * Debian's Chromium, headless, driven by playwright-core; the built pages served on loopback.
 * Nothing reaches the network: Office.js's CDN is answered from the `@microsoft/office-js`
 * package, so the pages run the real library, and every other foreign request is refused
 * and fails the test.
 */
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serveDist } = require('../../scripts/serve-dist');

/** The URL the pages Excel loads name (Office requires the CDN copy). */
export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const OFFICE_DIST = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
/** Office.js's telemetry proxy, which it frames 3 s after loading outside a modern host. */
export const OFFICE_TELEMETRY_FRAME = 'https://telemetryservice.firstpartyapps.oaspapps.com/';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export interface Session {
  browser: Browser;
  page: Page;
  url: string;
  /** Files of Office.js served from the package, by path under the CDN's folder. */
  officeFiles: string[];
  /** Requests for Office.js's telemetry frame (answered with an empty page). */
  telemetryFrames: string[];
  /** Content-Security-Policy violations seen so far: events in the page and console errors. */
  cspViolations: () => Promise<string[]>;
  close: () => Promise<void>;
}

export async function open(viewport = { width: 1400, height: 900 }, locale = 'da-DK'): Promise<Session> {
  const dist = path.join(__dirname, '..', '..', 'dist', 'preview.html');
  if (!existsSync(dist)) throw new Error('dist/ is not built: run `npm run build` (npm run test:e2e does it)');
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  const server = await serveDist();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport, acceptDownloads: true, locale });
  const page = await context.newPage();
  const foreign: string[] = [];
  const officeFiles: string[] = [];
  const telemetryFrames: string[] = [];
  const consoleCsp: string[] = [];
  await context.route(
    (url) => !url.href.startsWith(server.url),
    async (route) => {
      const url = route.request().url();
      if (url.startsWith(OFFICE_CDN)) {
        // The CDN's file names are the package's, lower-cased (office.js asks for e.g. excel-web-16.00.js).
        const name = url.slice(OFFICE_CDN.length).split(/[?#]/)[0];
        const file = path.join(OFFICE_DIST, name);
        if (file.startsWith(OFFICE_DIST + path.sep) && existsSync(file)) {
          officeFiles.push(name);
          return route.fulfill({ body: readFileSync(file), contentType: 'text/javascript' });
        }
      }
      if (url.startsWith(OFFICE_TELEMETRY_FRAME)) {
        telemetryFrames.push(url);
        return route.fulfill({ body: '<!doctype html><title>telemetry</title>', contentType: 'text/html' });
      }
      if (!/^(blob|data):/.test(url)) foreign.push(url);
      return route.abort('blockedbyclient');
    },
  );
  // Recorded before any script of the page runs.
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`),
    );
  });
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) consoleCsp.push(message.text());
  });
  return {
    browser,
    page,
    url: server.url,
    officeFiles,
    telemetryFrames,
    cspViolations: async () => [
      ...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])),
      ...consoleCsp,
    ],
    close: async () => {
      await browser.close();
      await server.close();
      if (foreign.length > 0) throw new Error(`requests to foreign origins: ${foreign.join(', ')}`);
    },
  };
}

/** The text of every cell in a row of the shown sheet (its frozen rows too) whose first cell is `first`. */
export async function rowOf(page: Page, first: string, after?: string): Promise<string[]> {
  return page.evaluate(
    ({ first, after }) => {
      const rows = Array.from(document.querySelectorAll('table[aria-label] tr'));
      let from = 0;
      if (after) from = rows.findIndex((r) => r.textContent?.includes(after));
      const row = rows.slice(Math.max(from, 0)).find((r) => r.querySelectorAll('td')[0]?.textContent === first);
      return row ? Array.from(row.querySelectorAll('td')).map((td) => td.textContent ?? '') : [];
    },
    { first, after },
  );
}

/** The text of every cell in the shown sheet's first row that starts with `firstHeader` (after a row containing `after`). */
export async function headerOf(page: Page, firstHeader = 'Nr', after?: string): Promise<string[]> {
  return page.evaluate(
    ({ firstHeader, after }) => {
      const rows = Array.from(document.querySelectorAll('table[aria-label] tr'));
      const from = after ? rows.findIndex((r) => r.textContent?.includes(after)) : 0;
      const row = rows.slice(Math.max(from, 0)).find((r) => r.querySelectorAll('td')[0]?.textContent === firstHeader);
      return row ? Array.from(row.querySelectorAll('td')).map((td) => td.textContent ?? '') : [];
    },
    { firstHeader, after },
  );
}
