/**
 * Large and sparse sheets through the command line: they run, or are refused
 * with a located message; never a stack trace. The files are written as raw
 * package XML (ExcelJS would take minutes to write 200.000 rows).
 */
import JSZip from 'jszip';
import { writeFileSync } from 'fs';
import * as path from 'path';
import { tempDir } from '../helpers/files';
import { cliOn } from './run-cli';

type Cell = string | number;

function sheetXml(rows: { r: number; cells: [string, Cell][] }[]): string {
  const cell = ([ref, v]: [string, Cell]) =>
    typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
  const body = rows.map(({ r, cells }) => `<row r="${r}">${cells.map(cell).join('')}</row>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}

const row = (r: number, values: Cell[], first = 0) => ({
  r,
  cells: values.map((v, i) => [`${String.fromCharCode(65 + first + i)}${r}`, v] as [string, Cell]),
});

async function book(file: string, forslag: string): Promise<void> {
  const ns = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const zip = new JSZip();
  zip.file(
    '_rels/.rels',
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${ns}"><sheets><sheet name="Forslag" sheetId="1" r:id="rId1"/><sheet name="Scenarier" sheetId="2" r:id="rId2"/></sheets></workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${ns}/worksheet" Target="worksheets/sheet2.xml"/></Relationships>`,
  );
  zip.file('xl/worksheets/sheet1.xml', forslag);
  zip.file('xl/worksheets/sheet2.xml', sheetXml([row(1, ['Parameter', 'Basis']), row(2, ['Råderum 2027', 1000])]));
  writeFileSync(file, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}

test('a header in row 1.048.576: a located message, exit 1, no stack trace', async () => {
  const file = path.join(tempDir(), 'sidste-raekke.xlsx');
  await book(file, sheetXml([row(1048576, ['Nr', 'Titel', 'Udgift 2027'], 2)]));
  const run = await cliOn(file, 'run');
  expect(run.code).toBe(1);
  expect(run.stderr).toContain('Forslag!C1048576: ');
  expect(run.stderr).not.toMatch(/\n\s+at /);
});

test('a stray value in XFD1048576 beside a list: the sheet is refused as too large, with its last cell', async () => {
  const file = path.join(tempDir(), 'spredt.xlsx');
  await book(
    file,
    sheetXml([
      row(1, ['Nr', 'Titel', 'Udgift 2027']),
      row(2, ['A', 'Et forslag', -5]),
      { r: 1048576, cells: [['XFD1048576', 'x']] },
    ]),
  );
  const run = await cliOn(file, 'run');
  expect(run.code).toBe(1);
  expect(run.stderr).toContain('Forslag!XFD1048576: arket Forslag bruger 1048576 rækker × 16384 kolonner');
});

test('200.000 proposals run', async () => {
  const rows = [row(1, ['Nr', 'Titel', 'Art', 'Udgift 2027'])];
  for (let i = 0; i < 200_000; i++) rows.push(row(i + 2, [`N${i}`, `Forslag ${i}`, 'Reduktion', -1]));
  const file = path.join(tempDir(), 'mange.xlsx');
  await book(file, sheetXml(rows));
  const run = await cliOn(file, 'run', '--json');
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.code).toBe(0);
  const json = JSON.parse(run.stdout);
  expect(json.scenarios[0].proposals).toHaveLength(200_000);
  expect(json.scenarios[0].total.netto).toEqual([-200_000]);
}, 180_000);
