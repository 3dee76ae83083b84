/**
 * Workbooks as other tools write them (test/fixtures/real, made by
 * scripts/make-real-fixtures.py with openpyxl and LibreOffice): each reads, runs
 * through the command line and gives the expected figures; the input is never changed.
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import JSZip from 'jszip';
import * as path from 'path';
import { readBook } from '../../src/workbook/read';
import { readSheets } from '../../src/xlsx/cells';
import { loadWorkbook } from '../../src/xlsx/files';
import { cliOn, REAL, realCopy } from './run-cli';

const netto = (json: string) =>
  Object.fromEntries((JSON.parse(json).scenarios[0].proposals as { nr: string; netto: number[] }[]).map((p) => [p.nr, p.netto]));

test('the fixtures are the ones the script makes', () => {
  expect(readdirSync(REAL).sort()).toEqual([
    'libreoffice-div0.xlsx',
    'libreoffice-macro.xlsm',
    'libreoffice-tables.xlsx',
    'libreoffice.ods',
    'libreoffice.xls',
    'openpyxl-chart.xlsx',
    'openpyxl-formulas.xlsx',
    'openpyxl-merged.xlsx',
    'openpyxl-tables.xlsx',
  ]);
});

test.each([
  // openpyxl: absolute part paths, a comment, tables with and without a style
  ['openpyxl-tables.xlsx', { A1: [-100000, -120000], A2: [50000, 60000] }],
  // LibreOffice: no theme, tables without tableStyleInfo, formulas with stored results
  ['libreoffice-tables.xlsx', { A1: [-100000, -200000], A2: [50000, 60000] }],
  ['libreoffice-macro.xlsm', { A1: [-100000, -200000], A2: [50000, 60000] }],
])('%s reads with its tables, runs, and gives the figures', async (name, expected) => {
  const file = realCopy(name);
  const read = readBook(readSheets(await loadWorkbook(file)));
  expect(read.lists.map((l) => [l.sheet, l.table, l.proposals])).toEqual([['Forslag', 'Forslag_T', 2]]);
  const json = await cliOn(file, 'run', '--json');
  expect(json).toMatchObject({ code: 0, stderr: '' });
  expect(netto(json.stdout)).toEqual(expected);
  // The copy: written, readable again, with the results and the input's sheets.
  const run = await cliOn(file, 'run');
  expect(run.code).toBe(0);
  const copy = path.join(path.dirname(file), `${path.parse(name).name}.resultat${path.parse(name).ext}`);
  const again = await cliOn(copy, 'run', '--json');
  expect(again.code).toBe(0);
  expect(netto(again.stdout)).toEqual(expected);
  const sheets = (await loadWorkbook(copy)).worksheets.map((w) => [w.name, w.getTables().length]);
  expect(sheets).toEqual([
    ['Forslag', 1],
    ['Scenarier', 1],
    ['Resultat', expect.any(Number)],
    ['Råderum', expect.any(Number)],
    ['Sammenligning', expect.any(Number)],
    ['Beregning', 1],
    ['Kørsler', 0],
  ]);
});

test('the .xlsm: the copy is BOOK.resultat.xlsm, an .xlsm again, and an --out of another kind names both', async () => {
  const file = realCopy('libreoffice-macro.xlsm');
  const run = await cliOn(file, 'run');
  expect(run.code).toBe(0);
  const copy = path.join(path.dirname(file), 'libreoffice-macro.resultat.xlsm');
  expect(existsSync(copy)).toBe(true);
  expect(run.stderr).toBe(`Skrev ${copy}`);
  const types = await new JSZip().loadAsync(readFileSync(copy)).then((z) => z.file('[Content_Types].xml')!.async('string'));
  expect(types).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
  const out = path.join(path.dirname(file), 'x.xlsx');
  const xlsx = await cliOn(file, 'run', '--out', out);
  expect(xlsx.code).toBe(2);
  expect(xlsx.stderr).toContain(`--out skal ende på .xlsm som inputfilen ${file}, ikke "${out}"`);
  expect(existsSync(out)).toBe(false);
  const en = await cliOn(file, 'run', '--out', out, '--lang', 'en');
  expect(en.stderr).toContain(`--out must end in .xlsm like the input ${file}, not "${out}"`);
});

test('formulas openpyxl wrote without a stored result are reported at their cells, never read as 0', async () => {
  const file = realCopy('openpyxl-formulas.xlsx');
  const run = await cliOn(file, 'run');
  expect(run.code).toBe(1);
  expect(run.stderr.split('\n')).toEqual([
    'Forslag!E2: cellen har en formel uden gemt resultat (filen er skrevet af et program, der ikke regner); åbn og gem filen i Excel eller LibreOffice',
    'Forslag!D3: cellen har en formel uden gemt resultat (filen er skrevet af et program, der ikke regner); åbn og gem filen i Excel eller LibreOffice',
    'Ingen fil skrevet: ret problemerne ovenfor.',
  ]);
  expect(existsSync(file.replace(/\.xlsx$/, '.resultat.xlsx'))).toBe(false);
});

test('a formula error stored by LibreOffice (#DIV/0!) is reported at its cell', async () => {
  const file = realCopy('libreoffice-div0.xlsx');
  const run = await cliOn(file, 'run', '--json', '--lang', 'en');
  expect(run).toMatchObject({ code: 1, stdout: '' });
  expect(run.stderr).toContain('Forslag!E2: the cell shows the error #DIV/0!; fix the formula so that it gives a number');
});

test('merged cells count once, in the top-left cell, as in Excel', async () => {
  const file = realCopy('openpyxl-merged.xlsx');
  const run = await cliOn(file, 'run', '--json');
  expect(run).toMatchObject({ code: 0, stderr: '' });
  // D2:E2 merged holds -100000 for 2027 only; the title merged over B3:E3 is no amount.
  expect(netto(run.stdout)).toEqual({ A1: [-100000, 0], A2: [0, 0], A3: [30000, 30000] });
});

test('a chart: the run works, the copy keeps the chart, and nothing warns of a loss', async () => {
  const file = realCopy('openpyxl-chart.xlsx');
  const run = await cliOn(file, 'run');
  expect(run.code).toBe(0);
  const copy = path.join(path.dirname(file), 'openpyxl-chart.resultat.xlsx');
  expect(run.stderr).toBe(`Skrev ${copy}`);
  const chart = async (f: string) => {
    const zip = await new JSZip().loadAsync(readFileSync(f));
    const name = Object.keys(zip.files).find((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))!;
    return zip.file(name)!.async('string');
  };
  expect(await chart(copy)).toBe(await chart(file));
  expect((await cliOn(copy, 'run', '--json')).code).toBe(0);
});

test('the copy of the openpyxl file keeps the cell comment', async () => {
  const file = realCopy('openpyxl-tables.xlsx');
  expect((await cliOn(file, 'run')).code).toBe(0);
  const copy = await loadWorkbook(path.join(path.dirname(file), 'openpyxl-tables.resultat.xlsx'));
  // openpyxl writes the text without runs, which ExcelJS would read as an empty note.
  expect(JSON.stringify(copy.getWorksheet('Forslag')!.getCell('B2').note)).toContain('Aftalt med udvalget');
});
