/**
 * The copy's native charts in LibreOffice (issue 13): the command line's copy, converted by soffice to .ods,
 * holds a chart object per chart of Råderum and Sammenligning, each with its data. Needs soffice
 * (libreoffice-calc-nogui): npm run test:tools.
 */
import { execFileSync } from 'child_process';
import { readFileSync, writeFileSync } from 'fs';
import JSZip from 'jszip';
import * as path from 'path';
import { runWorkbook } from '../../src/workbook/run';
import { readSheets } from '../../src/xlsx/cells';
import { openWorkbook } from '../../src/xlsx/open';
import { writeOutputSheets } from '../../src/xlsx/package-writer';
import { tempDir } from '../helpers/files';

const SAMPLE = path.join(__dirname, '..', '..', 'assets', 'sample', 'raaderum-eksempel.xlsx');

async function copyOf(bytes: Uint8Array): Promise<Uint8Array> {
  const { workbook } = await openWorkbook(bytes);
  const run = runWorkbook(readSheets(workbook), { runTime: '2026-11-23 12:00' });
  if (!run.results) throw new Error(JSON.stringify(run.issues.slice(0, 3)));
  return writeOutputSheets(bytes, run.results.outputs);
}

test('LibreOffice opens the copy (written twice) with one chart object per chart, each with its own data', async () => {
  const twice = await copyOf(await copyOf(new Uint8Array(readFileSync(SAMPLE))));
  const dir = tempDir();
  const file = path.join(dir, 'kopi.xlsx');
  writeFileSync(file, twice);
  execFileSync(
    'soffice',
    ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'ods', '--outdir', dir, file],
    {
      stdio: 'pipe',
      timeout: 120_000,
    },
  );
  const ods = await JSZip.loadAsync(readFileSync(path.join(dir, 'kopi.ods')));
  const content = await ods.file('content.xml')!.async('string');
  const tables = [...content.matchAll(/<table:table table:name="([^"]*)"[\s\S]*?<\/table:table>/g)];
  const objects = (name: string) => {
    const table = tables.find((t) => t[1] === name)?.[0] ?? '';
    return [...table.matchAll(/<draw:object\b[^>]*xlink:href="\.\/([^"]+)"/g)].map((m) => m[1]);
  };
  expect(objects('Råderum')).toHaveLength(3);
  expect(objects('Sammenligning')).toHaveLength(1);
  expect(objects('Resultat')).toHaveLength(0);
  // Each chart object's own content: its title and a data range on the sheet.
  const titles: string[] = [];
  for (const object of [...objects('Råderum'), ...objects('Sammenligning')]) {
    const chart = await ods.file(`${object}/content.xml`)!.async('string');
    titles.push(/<chart:title\b[\s\S]*?<text:p>([^<]*)<\/text:p>/.exec(chart)?.[1] ?? '');
    expect(chart).toMatch(/chart:values-cell-range-address="[^"]*(Råderum|Sammenligning)/);
  }
  expect(titles).toEqual([
    'Råderummet fordelt: Basis',
    'Råderummet fordelt: Caseload 40',
    'Råderummet fordelt: Flere fuldtidspersoner',
    'Netto i alt pr. scenarie',
  ]);
});
