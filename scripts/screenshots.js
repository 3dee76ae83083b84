#!/usr/bin/env node
'use strict';
/**
 * Renders the task pane and the output sheets to PNG (screenshots/, not committed),
 * from the built preview in Debian's headless Chromium. `npm run screenshots`.
 * With --readme it also refreshes the images the README shows (docs/images/): the sheet and the pane,
 * and the pane's scenario editor, comparison, explanation, allocation and sensitivity (pane-*.png) at a 320 px pane.
 */
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');
const { serveDist } = require('./serve-dist');

const root = path.join(__dirname, '..');
const out = path.join(root, 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

(async () => {
  fs.mkdirSync(out, { recursive: true });
  const server = await serveDist();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 860 }, locale: 'da-DK' });
    await page.goto(server.url + 'preview.html');
    await page.getByText('Hørsholm (tabel Forslag_Hoersholm): 9 forslag').waitFor();
    const shot = async (name, locator) => {
      const file = path.join(out, `${name}.png`);
      await (locator ?? page).screenshot({ path: file });
      console.log(`wrote ${path.relative(root, file)}`);
    };
    await shot('1-preview');
    await page.getByRole('button', { name: 'Skriv resultater' }).click();
    await page
      .getByText('Færdig: arkene Resultat, Råderum, Sammenligning og Beregning er skrevet, og kørslen står i Kørsler.')
      .waitFor();
    await shot('2-taskpane', page.locator('aside'));
    for (const [n, sheet] of [
      ['3', 'Resultat'],
      ['4', 'Råderum'],
      ['5', 'Sammenligning'],
    ]) {
      await page.getByRole('tab', { name: sheet, exact: true }).click();
      await shot(`${n}-${sheet.toLowerCase().replace('å', 'aa')}`);
    }
    // Issue 12: a scenario made in the pane (caseload 40, EBU 3 left out), not yet saved; the comparison; why a figure.
    await page.locator('aside').evaluate((aside) => {
      aside.style.width = '320px';
    });
    // Tall enough for each view to be on screen whole: a shot of an element scrolled inside the pane is drawn over by what lies above.
    await page.setViewportSize({ width: 1440, height: 5200 });
    const editor = page.getByRole('region', { name: 'Rediger scenarier' });
    await editor.getByRole('button', { name: 'Nyt scenarie' }).click();
    await editor.getByRole('slider', { name: 'Caseload, skyder 40–45' }).focus();
    await page.keyboard.press('Home');
    await editor.getByRole('checkbox', { name: /^EBU 3 / }).check();
    await editor.getByText('3 ændringer er ikke gemt').waitFor();
    await editor.getByRole('checkbox', { name: /^EBU 3 / }).blur();
    await shot('6-pane-editor', editor);
    const comparison = page.getByRole('region', { name: /^Sammenligning( \(med|$)/ });
    await comparison.getByRole('combobox', { name: 'Vis' }).selectOption({ label: 'Netto i alt' });
    await shot('7-pane-comparison', comparison);
    await page.getByRole('combobox', { name: 'Forslag', exact: true }).selectOption('BIU_F_03');
    const why = page.getByRole('region', { name: 'Hvorfor dette tal?' });
    await why.getByText('+1.300.000').first().waitFor();
    await shot('8-pane-explanation', why);
    // Issue 13: the allocation of the base scenario's råderum, and its caseload sweep.
    const allocation = page.getByRole('region', { name: 'Råderummets fordeling' });
    await allocation.getByRole('img', { name: /^Andel af råderummet pr. år/ }).waitFor();
    await shot('9-pane-allocation', allocation);
    const sensitivity = page.getByRole('region', { name: 'Følsomhed', exact: true });
    await sensitivity.getByRole('table').waitFor();
    await shot('10-pane-sensitivity', sensitivity);
    if (process.argv.includes('--readme')) {
      for (const [from, to] of [
        ['6-pane-editor', 'pane-editor'],
        ['7-pane-comparison', 'pane-comparison'],
        ['8-pane-explanation', 'pane-explanation'],
        ['9-pane-allocation', 'pane-allocation'],
        ['10-pane-sensitivity', 'pane-sensitivity'],
      ])
        fs.copyFileSync(path.join(out, `${from}.png`), path.join(root, 'docs', 'images', `${to}.png`));
      const images = path.join(root, 'docs', 'images');
      fs.mkdirSync(images, { recursive: true });
      fs.copyFileSync(path.join(out, '4-raaderum.png'), path.join(images, 'raaderum-sheet.png'));
      fs.copyFileSync(path.join(out, '2-taskpane.png'), path.join(images, 'taskpane.png'));
      console.log('refreshed docs/images/');
    }
  } finally {
    await browser.close();
    await server.close();
  }
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
