/**
 * The lossless copies open in LibreOffice (`npm run test:tools`; needs `soffice`,
 * Debian's libreoffice-calc-nogui): each copy converts to CSV, one file per
 * sheet, and the output sheets hold the figures Råderum wrote, next to the
 * user's sheets, the chart's sheet and the pivot table's sheet.
 */
import { execFileSync } from 'child_process';
import { copyFileSync, existsSync, readFileSync } from 'fs';
import * as path from 'path';
import type { OutputSheet } from '../../src/workbook/output';
import { runWorkbook } from '../../src/workbook/run';
import { readSheets } from '../../src/xlsx/cells';
import { readWorkbookFile } from '../../src/xlsx/files';
import { cli } from '../cli/run-cli';
import { tempDir } from '../helpers/files';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'lossless');

/** RFC 4180 CSV as LibreOffice writes it: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** Every sheet of `file` as CSV (LibreOffice 7.2+: sheet -1 writes one file per sheet, NAME-SHEET.csv). */
function sheetsAsCsv(file: string): (sheet: string) => string[][] {
  const dir = path.dirname(file);
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
      '--outdir',
      path.join(dir, 'csv'),
      file,
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
  const base = path.parse(file).name;
  return (sheet) => {
    const csv = path.join(dir, 'csv', `${base}-${sheet}.csv`);
    if (!existsSync(csv)) throw new Error(`LibreOffice wrote no sheet ${sheet} of ${file}`);
    return parseCsv(readFileSync(csv, 'utf8'));
  };
}

/** A cell as LibreOffice's CSV gives it: text as written, numbers raw (shares as 8.1%). */
function sameCell(csv: string | undefined, value: string | number | null): boolean {
  if (value === null) return csv === undefined || csv === '';
  if (typeof value === 'string') return csv === value;
  if (csv === undefined) return false;
  if (csv.endsWith('%')) return Math.abs(Number(csv.slice(0, -1)) / 100 - value) < 0.0006;
  return Math.abs(Number(csv) - value) < 1e-9 * Math.max(1, Math.abs(value));
}

describe.each([
  ['rich.xlsx', ['Hørsholm', 'Diagram', 'Pivot']],
  ['rich.xlsm', ['Hørsholm', 'Diagram', 'Pivot']],
  ['libreoffice.xlsx', ['Hørsholm', 'Diagram', 'Pivot']],
])('%s', (fixture, userSheets) => {
  let outputs: OutputSheet[];
  let sheet: (name: string) => string[][];
  beforeAll(async () => {
    const file = path.join(tempDir(), fixture);
    copyFileSync(path.join(FIXTURES, fixture), file);
    const { workbook } = await readWorkbookFile(file);
    outputs = runWorkbook(readSheets(workbook)).results!.outputs;
    const copy = file.replace(/\.(xls[xm])$/, '.resultat.$1');
    expect((await cli('run', file)).code).toBe(0);
    sheet = sheetsAsCsv(copy);
  }, 180_000);

  test('LibreOffice opens the copy: the output sheets hold their figures', () => {
    for (const output of outputs) {
      const rows = sheet(output.name);
      const wrong = output.values.flatMap((row, r) =>
        row.flatMap((value, c) =>
          sameCell(rows[r]?.[c], value) ? [] : [`${output.name}!R${r + 1}C${c + 1}: ${rows[r]?.[c]} ≠ ${value}`],
        ),
      );
      expect(wrong.slice(0, 5)).toEqual([]);
    }
  });

  test('LibreOffice opens the copy: the user’s sheets are there', () => {
    for (const name of userSheets) expect(sheet(name).length).toBeGreaterThan(0);
    expect(sheet('Diagram')[1].slice(0, 2)).toEqual(['Børn', '500']);
  });
});
