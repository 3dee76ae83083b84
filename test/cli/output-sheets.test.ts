/** Output sheets in the copy: Excel's name rule, their place in the workbook, and table names. */
import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'fs';
import JSZip from 'jszip';
import * as path from 'path';
import { sampleSheets } from '../../src/sample/seed-workbook';
import { loadWorkbook, newWorkbook, saveWorkbook } from '../../src/xlsx/files';
import { tempDir } from '../helpers/files';
import { cliOn } from './run-cli';

const tableNames = (book: ExcelJS.Workbook) =>
  book.worksheets.flatMap((w) => w.getTables().map((t) => (t as unknown as { table: { name: string } }).table.name));

test('a run on a copy whose output sheets were renamed resultat and moved: replaced in place, same name and position', async () => {
  const dir = tempDir();
  const book = path.join(dir, 'budget.xlsx');
  await saveWorkbook(newWorkbook(sampleSheets()), book);
  expect((await cliOn(book, 'run', '--out', path.join(dir, 'first.xlsx'))).code).toBe(0);
  // Rename the output sheets in another case and move them to the front, as a user may (in the package:
  // ExcelJS itself refuses a rename that differs only in case).
  const zip = await JSZip.loadAsync(readFileSync(path.join(dir, 'first.xlsx')));
  const xml = await zip.file('xl/workbook.xml')!.async('string');
  const sheets = xml.match(/<sheet [^>]*\/>/g)!;
  const renamed = sheets.map((s) => s.replace('name="Resultat"', 'name="resultat"').replace('name="Råderum"', 'name="RÅDERUM"'));
  const reordered = [...renamed.slice(4), ...renamed.slice(0, 4)];
  zip.file('xl/workbook.xml', xml.replace(sheets.join(''), reordered.join('')));
  const moved = path.join(dir, 'moved.xlsx');
  writeFileSync(moved, await zip.generateAsync({ type: 'uint8array' }));
  const order = ['resultat', 'RÅDERUM', 'Sammenligning', 'Hørsholm', 'Faxe', 'København', 'Scenarier'];
  expect((await loadWorkbook(moved)).worksheets.map((w) => w.name)).toEqual(order);
  const run = await cliOn(moved, 'run', '--out', path.join(dir, 'second.xlsx'));
  expect(run).toMatchObject({ code: 0 });
  const second = await loadWorkbook(path.join(dir, 'second.xlsx'));
  expect(second.worksheets.map((w) => w.name)).toEqual(order);
  const names = tableNames(second);
  expect(new Set(names.map((n) => n.toUpperCase())).size).toBe(names.length);
});

test('an output-named sheet the user wrote (RÅDERUM without the mark) is refused, nothing written', async () => {
  const dir = tempDir();
  const source = newWorkbook(sampleSheets());
  source.addWorksheet('RÅDERUM').getCell('A1').value = 'Mine noter';
  const book = path.join(dir, 'budget.xlsx');
  await saveWorkbook(source, book);
  const run = await cliOn(book, 'run');
  expect(run.code).toBe(1);
  expect(run.stderr).toContain('RÅDERUM!A1: arket RÅDERUM er ikke skrevet af Råderum');
});

test('a user’s table named like an output table: the output’s tables are named around it', async () => {
  const dir = tempDir();
  const source = newWorkbook(sampleSheets());
  source.addWorksheet('Noter').addTable({ name: 'Raaderum_Resultat_1', ref: 'A1', columns: [{ name: 'a' }], rows: [[1]] });
  const book = path.join(dir, 'budget.xlsx');
  await saveWorkbook(source, book);
  const run = await cliOn(book, 'run');
  expect(run.code).toBe(0);
  const copy = await loadWorkbook(path.join(dir, 'budget.resultat.xlsx'));
  const names = tableNames(copy);
  expect(names.filter((n) => n === 'Raaderum_Resultat_1')).toHaveLength(1);
  expect(new Set(names.map((n) => n.toUpperCase())).size).toBe(names.length);
});
