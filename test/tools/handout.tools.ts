/**
 * The handout on paper (issue 13.6): the sample's copy with Forhandlingsoversigt, printed by LibreOffice to PDF
 * (scripts/printed-pages.js), gives a handful of A4 landscape pages, a scenario starting each, the header's title
 * and date and the footer's page x of y on every page. Needs soffice and pdftotext: npm run test:tools.
 */
import { execFileSync } from 'child_process';
import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { runWorkbook } from '../../src/workbook/run';
import { readSheets } from '../../src/xlsx/cells';
import { openWorkbook } from '../../src/xlsx/open';
import { writeOutputSheets } from '../../src/xlsx/package-writer';
import { tempDir } from '../helpers/files';

const SAMPLE = path.join(__dirname, '..', '..', 'assets', 'sample', 'raaderum-eksempel.xlsx');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const printed = require('../../scripts/printed-pages.js') as {
  printSheets: (file: string, sheets: string[], dir: string) => Promise<Record<string, { pdf: string; pages: string[] }>>;
};

test('Forhandlingsoversigt prints on a handful of A4 landscape pages, a scenario on each, with its header and footer', async () => {
  const bytes = new Uint8Array(readFileSync(SAMPLE));
  const { workbook } = await openWorkbook(bytes);
  const run = runWorkbook(readSheets(workbook), { runTime: '2026-11-23 12:00', handout: true });
  if (!run.results) throw new Error(JSON.stringify(run.issues.slice(0, 3)));
  const dir = tempDir();
  const file = path.join(dir, 'kopi.xlsx');
  writeFileSync(file, await writeOutputSheets(bytes, run.results.outputs));
  const result = (await printed.printSheets(file, ['Forhandlingsoversigt'], dir)).Forhandlingsoversigt;
  const { pages, pdf } = result;
  expect(pages.length).toBeGreaterThanOrEqual(3);
  expect(pages.length).toBeLessThanOrEqual(6);
  // A4 landscape: 842 × 595 points.
  const sizes = [
    ...execFileSync('pdfinfo', ['-l', '99', pdf], { encoding: 'utf8' }).matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g),
  ];
  expect(sizes).toHaveLength(pages.length);
  for (const [, width, height] of sizes) expect([Math.round(Number(width)), Math.round(Number(height))]).toEqual([842, 595]);
  pages.forEach((page, i) => {
    expect(page).toContain('Forhandlingsoversigt');
    expect(page).toContain('Udskrevet 23.11.2026');
    expect(page).toContain(`Side ${i + 1} af ${pages.length}`);
  });
  const starts = ['Scenarie: Basis', 'Scenarie: Caseload 40', 'Scenarie: Flere fuldtidspersoner'].map((band) =>
    pages.findIndex((p) => p.includes(band)),
  );
  expect(starts.every((p) => p >= 0)).toBe(true);
  expect(new Set(starts).size).toBe(3);
});
