/**
 * The pane's calculation in its Web Worker, in Chromium: the preview's pane
 * (the task pane's own code over an in-browser workbook) calculates off its
 * thread, shows best fill's progress by scenario, and »Annullér« stops the
 * run with nothing written. The policy (worker-src 'self') holds throughout.
 */
import * as path from 'path';
import type { Page, Worker } from 'playwright-core';
import { newWorkbook, saveWorkbook } from '../../src/xlsx/files';
import { SAMPLE_SHEETS_AFTER_RUN, tempDir } from '../helpers/files';
import { bestFillBook } from '../taskpane/best-fill-book';
import { open, type Session } from './browser';

let session: Session;
let page: Page;
let workers: Worker[];

const STOPPED = 'Beregningen blev annulleret. Intet er skrevet i projektmappen.';
const DONE = 'Færdig: arkene Resultat, Råderum, Sammenligning og Beregning er skrevet, og kørslen står i Kørsler.';

async function start(): Promise<void> {
  session = await open();
  page = session.page;
  workers = [];
  page.on('worker', (worker) => workers.push(worker));
}

afterEach(async () => {
  const violations = await session.cspViolations();
  await session.close();
  expect(violations).toEqual([]);
});

/** The preview with a workbook of `scenarios` best-fill scenarios over 40 requests (seconds of search each, today). */
async function openBestFill(scenarios: number): Promise<void> {
  const file = path.join(tempDir(), `bedste-${scenarios}.xlsx`);
  await saveWorkbook(newWorkbook(bestFillBook(scenarios)), file);
  await page.goto(session.url + 'preview.html');
  await page.getByText('Hørsholm (tabel Forslag_Hoersholm): 9 forslag').waitFor();
  await page.setInputFiles('input[type=file]', file);
  // The pane's read checks the workbook by calculating it, best fill included (today seconds a scenario).
  await page.getByText('Forslag: 40 forslag').waitFor({ timeout: 100_000 });
}

const tabs = () => page.getByRole('tab').allTextContents();
const workerScripts = () => workers.map((w) => new URL(w.url()).pathname);

test('a normal run calculates in the worker, from the page’s own origin, and writes the three output sheets', async () => {
  await start();
  await page.goto(session.url + 'preview.html');
  await page.getByText('Hørsholm (tabel Forslag_Hoersholm): 9 forslag').waitFor();
  await page.getByRole('button', { name: 'Skriv resultater' }).click();
  await page.getByText(DONE).waitFor();
  // One script for both workers: the calculation's and the live what-if's (src/taskpane/what-if-runner.ts).
  expect([...new Set(workerScripts())]).toEqual([expect.stringMatching(/^\/raaderum-calculation\.[0-9a-f]{8}\.js$/)]);
  expect(workers[0].url().startsWith(session.url)).toBe(true);
  expect(await tabs()).toEqual([
    ...SAMPLE_SHEETS_AFTER_RUN.filter((n) => n !== 'Beregning' && n !== 'Kørsler'),
    'Beregning',
    'Kørsler',
  ]);
});

test('after a run in the worker the pane lists the sample’s funding changes, reached by keyboard, and English writes English sheets', async () => {
  await start();
  await page.goto(session.url + 'preview.html');
  await page.getByText('Hørsholm (tabel Forslag_Hoersholm): 9 forslag').waitFor();
  await page.getByRole('button', { name: 'Skriv resultater' }).click();
  await page.getByText(DONE).waitFor();
  const section = page.getByRole('region', { name: 'Ændringer i bevillinger' });
  expect(await section.getByRole('heading').allTextContents()).toEqual([
    'Ændringer i bevillinger',
    'Caseload 40 mod Basis',
    'Flere fuldtidspersoner mod Basis',
  ]);
  expect(await section.getByText('Ingen ændringer i bevillinger').count()).toBe(1);
  const items = section.getByRole('list', { name: 'Flere fuldtidspersoner mod Basis' }).getByRole('listitem');
  expect(await items.allInnerTexts()).toEqual([
    'K-7 Ikke bevilget → Delvist bevilget, 0 → 3.126.316 kr. (2027)\nHurtig intensiv indsats for fleks- og ledighedsydelsesmodtagere',
    'K-8 Bevilget → Ikke bevilget, 2.500.000 → 0 kr. (2027)\nFinansiering af indsatser for borgere omfattet af arbejdspligt',
  ]);
  // Tab reaches the list at its first item; the arrow key moves to the next.
  await page.getByRole('button', { name: 'Læs igen' }).focus();
  let reached = false;
  for (let i = 0; i < 20 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = (await page.evaluate(() => document.activeElement?.textContent ?? '')).startsWith('K-7 ');
  }
  expect(reached).toBe(true);
  await page.keyboard.press('ArrowDown');
  expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/^K-8 Bevilget → Ikke bevilget/);
  await page.getByRole('button', { name: 'English' }).click();
  const english = page
    .getByRole('region', { name: 'Changes in funding' })
    .getByRole('list', { name: 'Flere fuldtidspersoner against Basis' })
    .getByRole('listitem');
  expect(await english.first().innerText()).toMatch(/^K-7 Not funded → Partly funded, 0 → 3,126,316 kr\. \(2027\)/);
  await page.getByRole('button', { name: 'Write results' }).click();
  await page
    .getByText('Done: the sheets Resultat, Råderum, Sammenligning and Beregning are written, and the run is logged in Kørsler.')
    .waitFor();
  await page.getByRole('tab', { name: 'Sammenligning' }).click();
  await page.getByRole('cell', { name: 'Flere fuldtidspersoner against Basis' }).first().waitFor();
});

test('best fill shows its progress by scenario while the pane stays responsive, and »Annullér« stops it with nothing written', async () => {
  await start();
  // Twenty-four scenarios: the run lasts far longer than the few steps below, even with today's faster best fill.
  await openBestFill(24);
  const before = await tabs();
  expect(before).toEqual(['Forslag', 'Scenarier']);
  await page.getByRole('button', { name: 'Skriv resultater' }).click();
  const bar = page.getByRole('progressbar', { name: /^Beregner »Bedste \d+«: bedste udnyttelse, \d+ % …$/ });
  await bar.waitFor();
  // The pane's thread is free while the worker searches: the language changes at once.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('progressbar', { name: /^Calculating “Bedste \d+”: best fill, \d+ % …$/ }).waitFor();
  await page.getByRole('button', { name: 'Dansk' }).click();
  await page.getByRole('button', { name: 'Annullér' }).click();
  await page.getByText(STOPPED).waitFor();
  expect(await page.getByRole('progressbar').count()).toBe(0);
  // Nothing was written, now or later: the worker is gone.
  await page.waitForTimeout(300);
  expect(await tabs()).toEqual(before);
  expect(await page.getByText(DONE).count()).toBe(0);
}, 180_000);

test('the stop goes by the worker’s messages, not by timing: a run held after its first progress report is stopped and its worker ended', async () => {
  await start();
  // The page's Worker, wrapped: a calculation's first message is a progress report, and its answer is
  // held back, so the run is under way for as long as the test needs. The worker itself is the real one.
  await page.context().addInitScript(() => {
    const Real = window.Worker;
    const made: { url: string; terminated: boolean; whatIf?: boolean }[] = [];
    (window as unknown as { __workers: typeof made }).__workers = made;
    type Reply = { id: number; type: string };
    class HeldWorker extends Real {
      private record: { url: string; terminated: boolean; whatIf?: boolean };
      private held?: number;
      private handler: ((event: MessageEvent) => void) | null = null;
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.record = { url: String(url), terminated: false };
        made.push(this.record);
        super.onmessage = (event: MessageEvent<Reply>) => {
          if (event.data.id === this.held && event.data.type !== 'progress') return;
          this.handler?.(event);
        };
      }
      override set onmessage(handler: ((event: MessageEvent) => void) | null) {
        this.handler = handler;
      }
      override get onmessage() {
        return this.handler;
      }
      override postMessage(message: { id: number; purpose?: string; whatIf?: unknown }) {
        // The live what-if's worker runs the same script: it is told apart by its messages.
        if (message.whatIf) this.record.whatIf = true;
        if (message.purpose === 'calculate') {
          this.held = message.id;
          const progress = { id: message.id, type: 'progress', progress: { scenario: 'Basis', done: 0.25 } };
          setTimeout(() => this.handler?.(new MessageEvent('message', { data: progress })), 0);
        }
        super.postMessage(message);
      }
      override terminate() {
        this.record.terminated = true;
        super.terminate();
      }
    }
    window.Worker = HeldWorker as unknown as typeof Worker;
  });
  await page.goto(session.url + 'preview.html');
  await page.getByText('Hørsholm (tabel Forslag_Hoersholm): 9 forslag').waitFor();
  await page.getByRole('button', { name: 'Skriv resultater' }).click();
  const bar = page.getByRole('progressbar', { name: 'Beregner »Basis«: bedste udnyttelse, 25 % …' });
  await bar.waitFor();
  expect(await bar.getAttribute('aria-valuenow')).toBe('0.25');
  await page.getByRole('button', { name: 'Annullér' }).click();
  await page.getByText(STOPPED).waitFor();
  await page.waitForTimeout(300);
  expect(await tabs()).not.toContain('Resultat');
  const made = async () =>
    (
      await page.evaluate(
        () => (window as unknown as { __workers: { url: string; terminated: boolean; whatIf?: boolean }[] }).__workers,
      )
    )
      .filter((w) => !w.whatIf)
      .map(({ url, terminated }) => ({ url, terminated }));
  expect(await made()).toEqual([{ url: expect.stringMatching(/raaderum-calculation\.[0-9a-f]{8}\.js$/), terminated: true }]);
  // The next run starts a new worker and, held again, is stopped again.
  await page.getByRole('button', { name: 'Skriv resultater' }).click();
  await bar.waitFor();
  await page.getByRole('button', { name: 'Annullér' }).click();
  await page.getByText(STOPPED).waitFor();
  expect((await made()).map((w) => w.terminated)).toEqual([true, true]);
});
