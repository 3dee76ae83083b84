/**
 * The pages Excel loads, under the real Office.js (served from the @microsoft/office-js
 * package in place of its CDN), and the Content-Security-Policy of every page.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { OFFICE_JS, OFFICE_TELEMETRY_FRAME, open, type Session } from './browser';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { CONTENT_SECURITY_POLICY } = require('../../scripts/csp');

const DIST = path.join(__dirname, '..', '..', 'dist');

let session: Session | undefined;
let page: Page;

afterEach(async () => {
  const closing = session;
  session = undefined;
  await closing?.close();
});

/** Opens a page of the build in a pane-sized window; `before` runs before it loads. */
async function start(file: string, locale = 'da-DK', before?: () => unknown): Promise<Session> {
  session = await open({ width: 400, height: 800 }, locale);
  page = session.page;
  const waiting = before?.();
  await page.goto(session.url + file);
  await waiting;
  return session;
}

/** The policy the page's meta tag carries. */
const pagePolicy = () =>
  page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'));

test('the task pane starts under the real Office.js: outside a host, Office.onReady says so and the pane shows the not-in-Excel page', async () => {
  const { officeFiles } = await start('taskpane.html');
  await page.getByRole('link', { name: 'Åbn forhåndsvisningen' }).waitFor();
  expect(officeFiles[0]).toBe('office.js');
  expect(await page.evaluate(async () => (await Office.onReady()).host)).toBeNull();
  expect(await page.getByRole('heading', { name: 'Råderum' }).count()).toBe(1);
  expect(await page.getByRole('button', { name: 'Skriv resultater' }).count()).toBe(0);
});

test('outside a host the not-in-Excel page follows the browser’s language', async () => {
  await start('taskpane.html', 'en-GB');
  await page.getByRole('link', { name: 'Open the preview' }).waitFor();
});

test('the task pane’s Content-Security-Policy holds under Office.js, its telemetry frame included', async () => {
  // Office.js frames its telemetry proxy 3 s after loading: the policy lets it load (a refusal is a violation).
  const { officeFiles, cspViolations } = await start('taskpane.html', 'da-DK', () =>
    page.waitForRequest((request) => request.url().startsWith(OFFICE_TELEMETRY_FRAME)),
  );
  await page.getByRole('link', { name: 'Åbn forhåndsvisningen' }).waitFor();
  expect(await pagePolicy()).toBe(CONTENT_SECURITY_POLICY);
  expect(officeFiles).toEqual(['office.js', 'o15apptofilemappingtable.js']);
  expect(await cspViolations()).toEqual([]);
});

test('the preview’s Content-Security-Policy holds through a calculation', async () => {
  const { cspViolations } = await start('preview.html');
  await page.setViewportSize({ width: 1400, height: 900 });
  expect(await pagePolicy()).toBe(CONTENT_SECURITY_POLICY);
  await page.getByText('Hørsholm (tabel Forslag_Hoersholm): 9 forslag').waitFor();
  await page.getByRole('button', { name: 'Skriv resultater' }).click();
  await page
    .getByText('Færdig: arkene Resultat, Råderum, Sammenligning og Beregning er skrevet, og kørslen står i Kørsler.')
    .waitFor();
  await page.getByRole('tab', { name: 'Resultat' }).click();
  expect(await cspViolations()).toEqual([]);
});

test('the function file and the help page carry the policy and keep it', async () => {
  const { url, cspViolations } = await start('commands.html');
  await page.waitForFunction(() => typeof Office !== 'undefined');
  expect(await page.evaluate(async () => (await Office.onReady()).host)).toBeNull();
  expect(await pagePolicy()).toBe(CONTENT_SECURITY_POLICY);
  expect(await cspViolations()).toEqual([]);
  await page.goto(url + 'help.html');
  await page.getByRole('heading', { name: 'Råderum' }).waitFor();
  expect(await pagePolicy()).toBe(CONTENT_SECURITY_POLICY);
  expect(await cspViolations()).toEqual([]);
});

test('the policy is enforced: an inline script, a foreign script and eval are refused and reported', async () => {
  const { cspViolations } = await start('taskpane.html');
  await page.getByRole('link', { name: 'Åbn forhåndsvisningen' }).waitFor();
  const outcome = await page.evaluate(async () => {
    const inline = document.createElement('script');
    inline.textContent = 'window.__inlineRan = true';
    document.head.append(inline);
    const foreign = document.createElement('script');
    foreign.src = 'https://scripts.example.com/x.js';
    const failed = new Promise((resolve) => (foreign.onerror = () => resolve('refused')));
    document.head.append(foreign);
    // A timer given a string is evaluation too.
    (window.setTimeout as (code: string) => number)('window.__evalRan = true');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const w = window as unknown as { __inlineRan?: boolean; __evalRan?: boolean };
    return { inline: w.__inlineRan ?? false, evaluated: w.__evalRan ?? false, foreign: await failed };
  });
  expect(outcome).toEqual({ inline: false, evaluated: false, foreign: 'refused' });
  const violations = (await cspViolations()).join('\n');
  expect(violations).toMatch(/script-src-elem blocked inline/);
  expect(violations).toMatch(/script-src-elem blocked https:\/\/scripts\.example\.com/);
  expect(violations).toMatch(/script-src blocked eval/);
});

test('the pages Excel loads name Office.js on its CDN, as Office requires, and the build ships no copy of it', async () => {
  for (const file of ['taskpane.html', 'commands.html']) {
    const html = readFileSync(path.join(DIST, file), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((m) => m[1]);
    expect(scripts[0]).toBe(OFFICE_JS);
    expect(scripts.slice(1).every((src) => !/^[a-z]+:/i.test(src))).toBe(true);
    // The policy comes before any script, so it governs them all.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
  }
  expect(readFileSync(path.join(DIST, 'taskpane.html'), 'utf8')).not.toContain('node_modules');
});

test('ExcelJS never reaches the bundles Excel loads (the preview carries it)', () => {
  // An error text of ExcelJS's Cell class: minifying keeps strings, so a bundle that holds ExcelJS holds it.
  const marker = 'A Cell needs a Row';
  const bundle = (entry: string) => {
    const html = readFileSync(path.join(DIST, `${entry}.html`), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((m) => m[1]).filter((s) => !/^[a-z]+:/i.test(s));
    return scripts.map((src) => readFileSync(path.join(DIST, src), 'utf8')).join('\n');
  };
  expect(bundle('preview')).toContain(marker);
  expect(bundle('taskpane')).not.toContain(marker);
  expect(bundle('commands')).not.toContain(marker);
});
