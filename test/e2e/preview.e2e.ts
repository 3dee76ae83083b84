/** The preview as a finance officer uses it, in headless Chromium. */
import axe from 'axe-core';
import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { sampleSheets } from '../../src/sample/seed-workbook';
import { newWorkbook, saveWorkbook } from '../../src/xlsx/files';
import { tempDir } from '../helpers/files';
import { headerOf, open, rowOf, type Session } from './browser';

/** The sample's sheets after a run: its own, the output sheets, the explanation (Beregning) and the run log. */
const SHEETS_AFTER_RUN = [
  'Hørsholm',
  'Faxe',
  'København',
  'Scenarier',
  'Resultat',
  'Råderum',
  'Sammenligning',
  'Beregning',
  'Kørsler',
];

let session: Session;
let page: Page;

beforeEach(async () => {
  session = await open();
  page = session.page;
  await page.goto(session.url + 'preview.html');
  await page.getByText('Hørsholm (tabel Forslag_Hoersholm): 9 forslag').waitFor();
});

afterEach(async () => {
  // The pages' Content-Security-Policy holds through every test (scripts/csp.js).
  const violations = await session.cspViolations();
  await session.close();
  expect(violations).toEqual([]);
});

async function calculate(): Promise<void> {
  await page.getByRole('button', { name: 'Skriv resultater' }).click();
  await page
    .getByText('Færdig: arkene Resultat, Råderum, Sammenligning og Beregning er skrevet, og kørslen står i Kørsler.')
    .waitFor();
}

test('the base scenario gives Hørsholm EBU 1 a netto of −350.000 each year', async () => {
  await calculate();
  await page.getByRole('tab', { name: 'Resultat' }).click();
  const header = await headerOf(page);
  const ebu1 = await rowOf(page, 'EBU 1', 'Scenarie: Basis');
  const netto = ['2027', '2028', '2029', '2030'].map((y) => ebu1[header.indexOf(`Netto ${y}`)]);
  expect(netto).toEqual(['-350.000', '-350.000', '-350.000', '-350.000']);
  expect(ebu1[header.indexOf('Netto pr. fuldtidsperson (kr.) 2027')]).toBe('-3.070');
});

test('caseload 40 against the base: Faxe’s fastholdelse costs 500.000 more a year', async () => {
  await calculate();
  await page.getByRole('tab', { name: 'Sammenligning' }).click();
  // The band's own header names the scenarios (the frozen one at the top says Reference and Scenarie).
  const header = await headerOf(page, 'Nr', 'Caseload 40 mod Basis');
  const row = await rowOf(page, 'BIU_F_03', 'Caseload 40 mod Basis');
  expect(['2027', '2028', '2029', '2030'].map((y) => row[header.indexOf(`Forskel ${y}`)])).toEqual([
    '500.000',
    '500.000',
    '500.000',
    '500.000',
  ]);
  expect(row[header.indexOf('Netto Basis 2027')]).toBe('-400.000');
  expect(row[header.indexOf('Netto Caseload 40 2027')]).toBe('100.000');
  // København's catalogue against the 21 mio.: the råderum sheet shows who got what.
  await page.getByRole('tab', { name: 'Råderum', exact: true }).click();
  expect((await rowOf(page, 'K-7', 'Scenarie: Basis'))[3]).toBe('Ikke bevilget');
});

test('a broken workbook shows its errors with their cells; choosing one selects the cell', async () => {
  const sheets = sampleSheets();
  sheets[0].values[3][5] = '12,5 mio';
  sheets[3].values[6][1] = 'Tilfældig';
  const file = path.join(tempDir(), 'fejl.xlsx');
  await saveWorkbook(newWorkbook(sheets), file);
  await page.setInputFiles('input[type=file]', file);
  await page.getByRole('heading', { name: '2 problemer' }).waitFor();
  const cell = page.getByRole('button', { name: /Hørsholm!F4: "12,5 mio" er ikke et tal/ });
  await cell.click();
  await page.locator('td[aria-selected=true]').waitFor();
  expect(await page.locator('td[aria-selected=true]').textContent()).toBe('12,5 mio');
  expect(await page.getByRole('tab', { name: 'Hørsholm' }).getAttribute('aria-selected')).toBe('true');
  await page.getByRole('button', { name: 'Skriv resultater' }).click();
  await page.getByText('Intet er skrevet: ret problemerne nedenfor og beregn igen.').waitFor();
  expect(await page.getByRole('tab', { name: 'Resultat' }).count()).toBe(0);
});

test('the main path works with the keyboard alone', async () => {
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = (await page.evaluate(() => document.activeElement?.textContent)) === 'Skriv resultater';
  }
  expect(reached).toBe(true);
  await page.keyboard.press('Enter');
  await page
    .getByText('Færdig: arkene Resultat, Råderum, Sammenligning og Beregning er skrevet, og kørslen står i Kørsler.')
    .waitFor();
  // Sheets are tabs: focus the selected one, then arrows move between them.
  await page.getByRole('tab', { name: 'Hørsholm' }).focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  expect(await page.getByRole('tab', { name: 'Resultat' }).getAttribute('aria-selected')).toBe('true');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Resultat');
});

test('the result can be downloaded as .xlsx, with the output sheets in it', async () => {
  await calculate();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Hent projektmappen' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('raaderum-eksempel.resultat.xlsx');
  const file = path.join(tempDir(), 'hentet.xlsx');
  await download.saveAs(file);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  expect(workbook.worksheets.map((w) => w.name)).toEqual(SHEETS_AFTER_RUN);
});

async function seriousViolations(selector?: string): Promise<string[]> {
  // Evaluated through the browser's debugging protocol: an inline <script> would be refused by the CSP.
  await page.evaluate(axe.source);
  const results = await page.evaluate(async (selector) => {
    const run = (window as unknown as { axe: typeof axe }).axe.run;
    return run(selector ? { include: [selector] } : document, { resultTypes: ['violations'] });
  }, selector);
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('axe-core finds no serious or critical violations in the task pane, in Danish and English, before and after a run', async () => {
  expect(await seriousViolations('aside')).toEqual([]);
  // The editor with a pending edit and its folded parts open, the comparison, an explanation.
  await page.getByRole('region', { name: 'Rediger scenarier' }).getByRole('button', { name: 'Nyt scenarie' }).click();
  await page.getByText('1 ændring er ikke gemt').waitFor();
  await openEveryFold();
  await page.getByRole('combobox', { name: 'Forslag', exact: true }).selectOption('BIU_F_03');
  await page.getByRole('region', { name: 'Hvorfor dette tal?' }).getByText('+800.000').first().waitFor();
  expect(await seriousViolations('aside')).toEqual([]);
  await calculate();
  await page.getByRole('heading', { name: 'Kørsler' }).waitFor();
  expect(await seriousViolations('aside')).toEqual([]);
  await page.getByRole('button', { name: 'English' }).click();
  expect(await seriousViolations('aside')).toEqual([]);
  expect(await seriousViolations()).toEqual([]);
});

test('the Excel task pane page renders outside Office instead of staying blank', async () => {
  await page.goto(session.url + 'taskpane.html');
  await page.getByRole('link', { name: /forhåndsvisningen|the preview/ }).waitFor();
});

const REAL = path.join(__dirname, '..', 'fixtures', 'real');

test('a workbook saved by LibreOffice, with tables and no theme, opens, calculates and downloads', async () => {
  await page.setInputFiles('input[type=file]', path.join(REAL, 'libreoffice-tables.xlsx'));
  await page.getByText('Forslag (tabel Forslag_T): 2 forslag').waitFor();
  await calculate();
  await page.getByRole('tab', { name: 'Resultat' }).click();
  const header = await headerOf(page);
  const a1 = await rowOf(page, 'A1');
  expect([a1[header.indexOf('Netto 2027')], a1[header.indexOf('Netto 2028')]]).toEqual(['-100.000', '-200.000']);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Hent projektmappen' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('libreoffice-tables.resultat.xlsx');
  const file = path.join(tempDir(), 'libreoffice-hentet.xlsx');
  await download.saveAs(file);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  expect(workbook.worksheets.map((w) => w.name)).toEqual([
    'Forslag',
    'Scenarier',
    'Resultat',
    'Råderum',
    'Sammenligning',
    'Beregning',
    'Kørsler',
  ]);
  expect(await page.getByRole('alert').count()).toBe(0);
});

test('a file that is not a workbook is refused with a message, and the workbook on screen stays', async () => {
  const text = path.join(tempDir(), 'noter.xlsx');
  writeFileSync(text, 'Nr;Titel;Udgift 2027\nA;a;1\n');
  await page.setInputFiles('input[type=file]', text);
  await page.getByRole('alert').waitFor();
  expect(await page.getByRole('alert').textContent()).toBe(
    'noter.xlsx er ikke en Excel-projektmappe (.xlsx eller .xlsm). Projektmappen, der var åben, er uændret.',
  );
  await page.setInputFiles('input[type=file]', path.join(REAL, 'libreoffice.ods'));
  await page
    .getByRole('alert')
    .getByText(/OpenDocument-regneark/)
    .waitFor();
  expect(await page.getByRole('alert').textContent()).toBe(
    'libreoffice.ods er et OpenDocument-regneark (.ods), ikke en Excel-projektmappe; gem det som .xlsx (Filer > Gem som > Excel 2007-365) og prøv igen. Projektmappen, der var åben, er uændret.',
  );
  expect(await page.getByRole('tab', { name: 'Hørsholm' }).count()).toBe(1);
  expect(await seriousViolations()).toEqual([]);
  await calculate();
});

test('a formula error shows its code in the grid', async () => {
  await page.setInputFiles('input[type=file]', path.join(REAL, 'libreoffice-div0.xlsx'));
  await page.getByRole('tab', { name: 'Forslag' }).waitFor();
  expect(await rowOf(page, 'A1')).toContain('#DIV/0!');
  await page.setInputFiles('input[type=file]', path.join(REAL, 'openpyxl-formulas.xlsx'));
  await page.locator('td[title="formel uden gemt resultat"]').first().waitFor();
  expect(await page.locator('td[title="formel uden gemt resultat"]').allTextContents()).toEqual(['#?', '#?']);
  expect(await page.locator('table[aria-label]').textContent()).not.toContain('[object Object]');
});

test('"Skriv resultater" pressed before the sample has loaded calculates the sample once it has', async () => {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/assets/sample/raaderum-eksempel.xlsx', async (route) => {
    await released;
    await route.continue();
  });
  await page.reload();
  await page.getByRole('button', { name: 'Skriv resultater' }).click();
  await page.getByText('Beregner, så snart projektmappen er læst.').waitFor();
  release();
  await page
    .getByText('Færdig: arkene Resultat, Råderum, Sammenligning og Beregning er skrevet, og kørslen står i Kørsler.')
    .waitFor();
  expect(await page.getByText('Hørsholm (tabel Forslag_Hoersholm): 9 forslag').count()).toBe(1);
  expect(await page.getByRole('tab', { name: 'Resultat' }).count()).toBe(1);
});

/** Opens the editor's folded parts, those inside others too (their fields are made when opened). */
async function openEveryFold(): Promise<void> {
  const closed = page.locator('aside details:not([open]) > summary');
  while ((await closed.count()) > 0) await closed.first().click();
}

/** The pane's scenario editor: its section, found by its heading. */
const editor = () => page.getByRole('region', { name: 'Rediger scenarier' });
const comparison = () => page.getByRole('region', { name: /^Sammenligning( \(med|$)/ });

/** The comparison's cell of a scenario in a year, as shown: the figure, then the difference against the reference. */
async function comparedCell(scenario: string, year: string): Promise<string> {
  const table = comparison().getByRole('table');
  const headers = await table.locator('thead th').allTextContents();
  const row = table.locator('tbody tr', { has: page.locator(`th:text-is("${year}")`) });
  return (await row.locator('th, td').nth(headers.indexOf(scenario)).textContent()) ?? '';
}

test('issue 12: a scenario with caseload 40 and EBU 3 left out changes the comparison before anything is written; stored, explained, written and logged', async () => {
  // Make the scenario, as a user would: a new column, the slider to 40 by keyboard, EBU 3 picked from the list.
  await editor().getByRole('button', { name: 'Nyt scenarie' }).click();
  expect(await editor().getByRole('combobox', { name: 'Scenarie' }).inputValue()).toBe('Scenarie 4');
  const slider = editor().getByRole('slider', { name: 'Caseload, skyder 40–45' });
  await slider.focus();
  await page.keyboard.press('Home');
  // EBU 3 ticked at once, while the slider's what-if may still be under way: neither edit is lost.
  await editor()
    .getByRole('checkbox', { name: /^EBU 3 / })
    .check();
  await editor().getByText('3 ændringer er ikke gemt').waitFor();
  // Each pending value says so in words.
  await editor().getByText('Caseload (sager pr. årsværk) · ikke gemt').waitFor();

  // The comparison changed at once: Scenarie 4 is there, with caseload 40's +500.000 and EBU 3's saving gone.
  await comparison().getByRole('heading', { name: 'Sammenligning (med ændringer, der ikke er gemt)' }).waitFor();
  await comparison().getByRole('combobox', { name: 'Vis' }).selectOption({ label: 'Netto i alt' });
  const caseload40 = await comparedCell('Caseload 40', '2028');
  const scenario4 = await comparedCell('Scenarie 4', '2028');
  expect(caseload40).toMatch(/▲ \+500\.000/);
  expect(scenario4).toMatch(/▲ \+\d/);
  expect(scenario4).not.toBe(caseload40);
  // Nothing written yet: the Scenarier sheet has its three scenarios.
  await page.getByRole('tab', { name: 'Scenarier' }).click();
  expect(await headerOf(page, 'Parameter')).toEqual(['Parameter', 'Basis', 'Caseload 40', 'Flere fuldtidspersoner']);

  // Stored: the new column is in Scenarier, caseload 40 and EBU 3 in it.
  await editor().getByRole('button', { name: 'Gem som scenarie' }).click();
  await editor().getByText('Gemt: 3 ændringer står nu i arket Scenarier.').waitFor();
  await page.getByRole('tab', { name: 'Scenarier' }).click();
  await page.waitForFunction(() => document.querySelector('table[aria-label]')?.textContent?.includes('Scenarie 4'));
  const header = await headerOf(page, 'Parameter');
  expect(header).toContain('Scenarie 4');
  expect((await rowOf(page, 'Caseload'))[header.indexOf('Scenarie 4')]).toBe('40');
  expect((await rowOf(page, 'Udelad'))[header.indexOf('Scenarie 4')]).toBe('EBU 3');
  await editor().getByText('Alle ændringer er gemt i arket Scenarier.').waitFor();

  // Why: Faxe's fastholdelse needs 10 årsværk at caseload 45 (+800.000 a year) and 11,25 at 40 (+1.300.000).
  await page.getByRole('combobox', { name: 'Forslag', exact: true }).selectOption('BIU_F_03');
  const why = page.getByRole('region', { name: 'Hvorfor dette tal?' });
  await why.getByText('+1.300.000').first().waitFor();
  const text = (await why.textContent()) ?? '';
  expect(text).toContain('+800.000');
  expect(text).toContain('+1.300.000');

  // Written: the output sheets with Beregning, and the run logged in Kørsler and shown in the pane.
  await calculate();
  await page.getByRole('tab', { name: 'Beregning' }).click();
  expect(await page.locator('table[aria-label="Beregning"] tr', { hasText: 'BIU_F_03' }).count()).toBeGreaterThan(0);
  await page.getByRole('tab', { name: 'Kørsler' }).click();
  expect(await page.locator('table[aria-label="Kørsler"]').textContent()).toContain('Scenarie 4');
  await page.getByText('Kun én kørsel: intet at sammenligne med endnu.').waitFor();
  expect(await page.getByRole('heading', { name: 'Kørsler' }).count()).toBe(1);
  // A second round: the pane's log has both, and tells what changed between them.
  await calculate();
  await page.getByText('De seneste kørsler, nyeste først. Vælg to for at se forskellen.').waitFor();
});

test('the pane fits a 320 px task pane: nothing wider than it, with the editor, comparison and explanation open', async () => {
  await page.locator('aside').evaluate((aside) => {
    (aside as HTMLElement).style.width = '320px';
  });
  await page.getByRole('combobox', { name: 'Forslag', exact: true }).selectOption('BIU_F_03');
  await page.getByRole('region', { name: 'Hvorfor dette tal?' }).getByText('+800.000').first().waitFor();
  await openEveryFold();
  const overflow = await page.locator('aside').evaluate((aside) => aside.scrollWidth - aside.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('a cell of a proposal row chosen in the workbook explains that proposal in the pane', async () => {
  await page.getByRole('tab', { name: 'Faxe' }).click();
  await page.locator('table[aria-label] tr', { hasText: 'BIU_F_03' }).locator('td').nth(2).click();
  const why = page.getByRole('region', { name: 'Hvorfor dette tal?' });
  await why.getByText('+1.300.000').first().waitFor();
  expect(await page.getByRole('combobox', { name: 'Forslag', exact: true }).inputValue()).toBe('BIU_F_03');
  // A cell outside any proposal row leaves the explanation as it was.
  await page.getByRole('tab', { name: 'Scenarier' }).click();
  await page.locator('table[aria-label] tr', { hasText: 'Enhed' }).locator('td').first().click();
  await page.waitForTimeout(300);
  expect(await why.getByText('+1.300.000').count()).toBeGreaterThan(0);
});
