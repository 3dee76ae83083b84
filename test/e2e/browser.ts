/** Debian's Chromium, headless, driven by playwright-core; the built preview served on loopback. */
import { existsSync } from 'fs';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serveDist } = require('../../scripts/serve-dist');

export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
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
  close: () => Promise<void>;
}

export async function open(viewport = { width: 1400, height: 900 }): Promise<Session> {
  const dist = path.join(__dirname, '..', '..', 'dist', 'preview.html');
  if (!existsSync(dist)) throw new Error('dist/ is not built: run `npm run build` (npm run test:e2e does it)');
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  const server = await serveDist();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport, acceptDownloads: true, locale: 'da-DK' });
  const page = await context.newPage();
  // Nothing but the page's own origin may load, except Office.js itself (which the preview does not use).
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(server.url) && !/^(blob|data):/.test(url) && url !== OFFICE_JS) foreign.push(url);
  });
  return {
    browser,
    page,
    url: server.url,
    close: async () => {
      await browser.close();
      await server.close();
      if (foreign.length > 0) throw new Error(`requests to foreign origins: ${foreign.join(', ')}`);
    },
  };
}

/** The text of every cell in a row of the shown sheet whose first cell is `first`. */
export async function rowOf(page: Page, first: string, after?: string): Promise<string[]> {
  return page.evaluate(
    ({ first, after }) => {
      const rows = Array.from(document.querySelectorAll('table[aria-label] tbody tr'));
      let from = 0;
      if (after) from = rows.findIndex((r) => r.textContent?.includes(after));
      const row = rows.slice(Math.max(from, 0)).find((r) => r.querySelectorAll('td')[0]?.textContent === first);
      return row ? Array.from(row.querySelectorAll('td')).map((td) => td.textContent ?? '') : [];
    },
    { first, after },
  );
}

export async function headerOf(page: Page, firstHeader = 'Nr'): Promise<string[]> {
  return page.evaluate((firstHeader) => {
    const row = Array.from(document.querySelectorAll('table[aria-label] tbody tr')).find(
      (r) => r.querySelectorAll('td')[0]?.textContent === firstHeader,
    );
    return row ? Array.from(row.querySelectorAll('td')).map((td) => td.textContent ?? '') : [];
  }, firstHeader);
}
