/** Issue 13 in the preview as negotiators use it: the allocation view, sensitivity and break-even, in headless Chromium. */
import axe from 'axe-core';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import { bookFigures } from '../../src/model/figures';
import { evaluate } from '../../src/model/scenarios';
import type { Book, Scenario } from '../../src/model/types';
import { sampleSheets } from '../../src/sample/seed-workbook';
import { inUnit } from '../../src/workbook/output';
import { readBook } from '../../src/workbook/read';
import { UNITS } from '../../src/workbook/units';
import { newWorkbook } from '../../src/xlsx/files';
import { workbookHost } from '../../src/xlsx/workbook-host';
import { open, rowOf, headerOf, type Session } from './browser';

const VARIANTS = path.join(__dirname, '..', 'fixtures', 'variants', 'koebenhavn-varianter.xlsx');
const MODES = ['Prioritet', 'Prioritet, delvis', 'Bedste udnyttelse', 'Forholdsmæssig'];

let session: Session;
let page: Page;

beforeEach(async () => {
  session = await open();
  page = session.page;
  await page.goto(session.url + 'preview.html');
  await page.getByText('Hørsholm (tabel Forslag_Hoersholm): 9 forslag').waitFor();
  // The views are folded, their code loaded on the first opening.
  await page.getByRole('button', { name: 'Forhandling', exact: true, expanded: false }).click();
  await page.getByRole('region', { name: 'Råderummets fordeling' }).waitFor();
});

afterEach(async () => {
  const violations = await session.cspViolations();
  await session.close();
  expect(violations).toEqual([]);
});

const allocation = () => page.getByRole('region', { name: 'Råderummets fordeling' });
const sensitivity = () => page.getByRole('region', { name: 'Følsomhed', exact: true });
const breakEven = () => page.getByRole('region', { name: 'Hvornår går det i nul?' });
const priorities = () => allocation().getByRole('list', { name: 'Prioriteter' });

/** The priority list as shown: per request its Nr and its status line. */
async function shownRequests(): Promise<{ nr: string; status: string }[]> {
  return priorities()
    .locator(':scope > li')
    .evaluateAll((items) =>
      items.map((li) => {
        const status = li.querySelectorAll('span > *')[1]?.textContent ?? '';
        return { nr: li.getAttribute('data-nr') ?? '', status };
      }),
    );
}

/** The sample as the preview's host reads it, on the test's side. */
async function sampleBook(): Promise<{ book: Book; unit: keyof typeof UNITS }> {
  const sheets = await workbookHost(() => newWorkbook(sampleSheets()), {}).read();
  const read = readBook(sheets);
  return { book: read.book!, unit: read.unit };
}

/** A table's body rows as text cells. */
async function rowsOf(table: Locator): Promise<string[][]> {
  return table
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('th, td')).map((c) => c.textContent ?? '')));
}

test('K-8’s variants are funded at most once in every scenario and every mode', async () => {
  await page.setInputFiles('input[type=file]', VARIANTS);
  await page.getByText(/Forslag.*: 9 forslag/).waitFor();
  // The view follows the new file once the pane has calculated it in memory.
  await allocation().getByRole('option', { name: 'Forholdsmæssig 17,6' }).waitFor({ state: 'attached' });
  const scenarios = await allocation().getByRole('combobox', { name: 'Scenarie at fordele' }).locator('option').allTextContents();
  expect(scenarios).toHaveLength(5);
  let fundedSomewhere = 0;
  for (const scenario of scenarios) {
    await allocation().getByRole('combobox', { name: 'Scenarie at fordele' }).selectOption(scenario);
    for (const mode of MODES) {
      await allocation().getByRole('combobox', { name: 'Fordel efter' }).selectOption({ label: mode });
      await page.waitForTimeout(50);
      const group = (await shownRequests()).filter((r) => r.nr === 'K-8' || r.nr === 'K-8 alt');
      expect(group.map((r) => r.nr).sort()).toEqual(['K-8', 'K-8 alt']);
      const funded = group.filter((r) => !r.status.startsWith('Ikke bevilget'));
      expect(funded.length).toBeLessThanOrEqual(1);
      if (funded.length === 1) {
        fundedSomewhere++;
        // The other is not funded, and says which of its group was.
        const other = group.find((r) => r !== funded[0])!;
        expect(other.status).toContain(`${funded[0].nr} bevilget i stedet`);
      }
    }
  }
  expect(fundedSomewhere).toBeGreaterThan(0);
  // The fixture's own mode of `Prioritet 30` (see /work/notes/variants-fixture.md): the 5,0 variant is funded, K-8 not.
  await allocation().getByRole('combobox', { name: 'Scenarie at fordele' }).selectOption('Prioritet 30');
  await allocation().getByRole('combobox', { name: 'Fordel efter' }).selectOption({ label: 'Prioritet' });
  const shown = await shownRequests();
  expect(shown.find((r) => r.nr === 'K-8 alt')?.status).toMatch(/^Bevilget/);
  expect(shown.find((r) => r.nr === 'K-8')?.status).toMatch(/^Ikke bevilget · K-8 alt bevilget i stedet/);
});

test('the caseload sweep of the sample’s Basis: the table’s figures are the engine’s at 40, 42,5 and 45', async () => {
  const table = sensitivity().getByRole('table');
  await table.waitFor();
  const rows = await rowsOf(table);
  expect(rows.map((r) => r[0].replace(/ \(.*\)$/, ''))).toEqual([
    '40',
    '40,5',
    '41',
    '41,5',
    '42',
    '42,5',
    '43',
    '43,5',
    '44',
    '44,5',
    '45',
  ]);
  // The expected figures: the Basis scenario with the caseload set, calculated by the engine itself (the first year shown).
  const { book, unit } = await sampleBook();
  const format = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });
  for (const caseload of [40, 42.5, 45]) {
    const base = book.scenarios[0];
    const scenario: Scenario = {
      ...base,
      caseload,
      caseloadByBenefit: Object.fromEntries(Object.keys(base.caseloadByBenefit).map((b) => [b, caseload])),
    };
    const figures = bookFigures(evaluate({ ...book, scenarios: [scenario] }), UNITS[unit].roundingStep).scenarios[0];
    const expected = [figures.totalNetto, figures.effect, figures.remaining].map((v) => format.format(inUnit(v, unit)[0]));
    const row = rows.find((r) => r[0].startsWith(new Intl.NumberFormat('da-DK').format(caseload)))!;
    expect(row.slice(1)).toEqual(expected);
  }
  expect(await sensitivity().getByRole('img', { name: 'Følsomhed for Basis i 2027' }).count()).toBe(1);
});

test('Faxe’s fastholdelse breaks even at a caseload of 40,91', async () => {
  // By hand: BIU_F_03 saves 1.200.000 a year and needs 450/c årsværk against 8 today at 400.000 each, so
  // netto = −1.200.000 + (450/c − 8) · 400.000 = 0  ⇔  450/c = 11  ⇔  c = 450/11 ≈ 40,91 (every year the same).
  await breakEven().getByRole('combobox', { name: 'Forslag der skal gå i nul' }).selectOption('BIU_F_03');
  await breakEven()
    .getByText(
      'I alle år går BIU_F_03 i nul ved en caseload på 40,91 sager pr. årsværk (450/11). Ved en caseload på 40,91 eller derover sparer forslaget.',
    )
    .waitFor();
  await breakEven().getByText('Scenariet regner med en caseload på 45.').waitFor();
});

test('priorities reordered by keyboard and confirmed: the Prioritet cells hold the new order', async () => {
  // The view comes with the pane's first calculation in memory, just after the read.
  await priorities().locator(':scope > li').nth(2).waitFor();
  const before = await shownRequests();
  const third = before[2].nr;
  const moveUp = allocation().getByRole('button', { name: `Flyt ${third} op` });
  await moveUp.focus();
  await page.keyboard.press('Alt+ArrowUp');
  await allocation().getByText(`${third} flyttet til plads 2 af ${before.length}.`).waitFor();
  // Focus stays on the moved request: a second Alt+↑ moves it to the top.
  await page.keyboard.press('Alt+ArrowUp');
  await allocation().getByText(`${third} flyttet til plads 1 af ${before.length}.`).waitFor();
  const order = [third, before[0].nr, before[1].nr, ...before.slice(3).map((r) => r.nr)];
  expect((await shownRequests()).map((r) => r.nr)).toEqual(order);
  // Nothing is written before the user confirms.
  await allocation().getByRole('button', { name: 'Gem prioriteter' }).focus();
  await page.keyboard.press('Enter');
  await allocation()
    .getByText(/^Prioriteterne er gemt/)
    .waitFor();
  // The workbook's Prioritet cells: read on their sheets in the preview, the order of the numbers is the new order.
  const priorityOf = new Map<string, number>();
  for (const sheet of ['Hørsholm', 'Faxe', 'København']) {
    await page.getByRole('tab', { name: sheet }).click();
    const header = await headerOf(page);
    const column = header.indexOf('Prioritet');
    if (column < 0) continue;
    for (const nr of order) {
      const row = await rowOf(page, nr);
      if (row.length > 0 && row[column] !== '') priorityOf.set(nr, Number(row[column].replace(/\./g, '').replace(',', '.')));
    }
  }
  const numbers = order.map((nr) => priorityOf.get(nr));
  expect(numbers.every((n) => n !== undefined)).toBe(true);
  for (let k = 1; k < numbers.length; k++) expect(numbers[k]!).toBeGreaterThan(numbers[k - 1]!);
});

async function seriousViolations(selector?: string): Promise<string[]> {
  await page.evaluate(axe.source);
  const results = await page.evaluate(async (selector) => {
    const run = (window as unknown as { axe: typeof axe }).axe.run;
    return run(selector ? { include: [selector] } : document, { resultTypes: ['violations'] });
  }, selector);
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The negotiation views with something in each: an order moved, a refusion sweep, both break-even answers. */
async function openNegotiationViews(): Promise<void> {
  await priorities().locator(':scope > li').nth(1).waitFor();
  await allocation().getByRole('combobox', { name: 'Fordel efter' }).selectOption({ label: 'Bedste udnyttelse' });
  const second = (await shownRequests())[1].nr;
  await allocation()
    .getByRole('button', { name: `Flyt ${second} op` })
    .click();
  await allocation()
    .getByText(/flyttet til plads 1/)
    .waitFor();
  await breakEven().getByRole('combobox', { name: 'Forslag der skal gå i nul' }).selectOption('BIU_F_03');
  await breakEven().getByRole('combobox', { name: 'Råderum til og med prioritet' }).selectOption({ index: 2 });
  await breakEven()
    .getByText(/Råderum der skal til/)
    .waitFor();
}

test('axe-core finds no serious or critical violations in the negotiation views, in Danish and English', async () => {
  await sensitivity().getByRole('table').waitFor();
  await openNegotiationViews();
  expect(await seriousViolations('aside')).toEqual([]);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('region', { name: 'Allocation of the råderum' }).waitFor();
  expect(await seriousViolations('aside')).toEqual([]);
});

test('the pane fits a 320 px task pane with the allocation, sensitivity and break-even open', async () => {
  await page.locator('aside').evaluate((aside) => {
    (aside as HTMLElement).style.width = '320px';
  });
  await sensitivity().getByRole('table').waitFor();
  await openNegotiationViews();
  const overflow = await page.locator('aside').evaluate((aside) => aside.scrollWidth - aside.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('"Udskriv forhandlingsoversigt" writes the handout and shows its sheet, ready to print', async () => {
  await page.getByRole('button', { name: 'Udskriv forhandlingsoversigt' }).click();
  await page
    .getByText('Færdig: arkene Resultat, Råderum, Sammenligning og Beregning er skrevet, og kørslen står i Kørsler.')
    .waitFor();
  const tab = page.getByRole('tab', { name: 'Forhandlingsoversigt' });
  await tab.waitFor();
  await page.waitForFunction(
    () => document.querySelector('[role=tab][aria-selected=true]')?.textContent === 'Forhandlingsoversigt',
  );
  expect(await tab.getAttribute('aria-selected')).toBe('true');
});
