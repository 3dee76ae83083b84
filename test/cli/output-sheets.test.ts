/** Output sheets in the copy: Excel's name rule, their place in the workbook, and table names. */
import ExcelJS from 'exceljs';
import { copyFileSync, readFileSync, writeFileSync } from 'fs';
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
  const order = ['resultat', 'RÅDERUM', 'Sammenligning', 'Beregning', 'Kørsler', 'Hørsholm', 'Faxe', 'København', 'Scenarier'];
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

test('a second run onto the sample’s copy adds nothing: the same styles and defined names, one print title per output sheet', async () => {
  const dir = tempDir();
  const book = path.join(dir, 'raaderum-eksempel.xlsx');
  copyFileSync(path.join(__dirname, '..', '..', 'assets', 'sample', 'raaderum-eksempel.xlsx'), book);
  const first = path.join(dir, 'first.xlsx');
  const second = path.join(dir, 'second.xlsx');
  expect((await cliOn(book, 'run', '--out', first)).code).toBe(0);
  expect((await cliOn(first, 'run', '--out', second)).code).toBe(0);
  const part = async (file: string, name: string) => (await JSZip.loadAsync(readFileSync(file))).file(name)!.async('string');
  for (const name of ['xl/styles.xml', 'xl/workbook.xml', '[Content_Types].xml'])
    expect({ name, xml: await part(second, name) }).toEqual({ name, xml: await part(first, name) });
  const titles = (await part(second, 'xl/workbook.xml')).match(
    /<definedName name="_xlnm.Print_Titles" localSheetId="\d+">[^<]*</g,
  );
  expect(titles).toEqual([
    `<definedName name="_xlnm.Print_Titles" localSheetId="4">'Resultat'!$1:$3<`,
    `<definedName name="_xlnm.Print_Titles" localSheetId="5">'Råderum'!$1:$3<`,
    `<definedName name="_xlnm.Print_Titles" localSheetId="6">'Sammenligning'!$1:$3<`,
    `<definedName name="_xlnm.Print_Titles" localSheetId="7">'Beregning'!$1:$3<`,
  ]);
});
