/** `raaderum run BOOK.xlsx --forhandlingsoversigt`: the handout in the copy when asked, and only then. */
import { existsSync } from 'fs';
import * as path from 'path';
import { sampleSheets } from '../../src/sample/seed-workbook';
import { OUTPUT_MARK } from '../../src/workbook/read';
import { loadWorkbook, newWorkbook, saveWorkbook } from '../../src/xlsx/files';
import { tempDir } from '../helpers/files';
import { cli, cliOn } from './run-cli';

const HANDOUT = 'Forhandlingsoversigt';

async function sampleBook(): Promise<string> {
  const book = path.join(tempDir(), 'budget.xlsx');
  await saveWorkbook(newWorkbook(sampleSheets()), book);
  return book;
}

/** A sheet's cells as text by address, so two versions compare cell by cell. */
async function cellsOf(file: string, name: string): Promise<Record<string, string> | undefined> {
  const sheet = (await loadWorkbook(file)).getWorksheet(name);
  if (!sheet) return undefined;
  const cells: Record<string, string> = {};
  sheet.eachRow((row) => row.eachCell((cell) => (cells[cell.address] = JSON.stringify(cell.value))));
  return cells;
}

test('--forhandlingsoversigt: the copy holds Forhandlingsoversigt, marked as Råderum’s; without the flag it does not', async () => {
  const book = await sampleBook();
  const dir = path.dirname(book);
  const withHandout = path.join(dir, 'with.xlsx');
  const plain = path.join(dir, 'plain.xlsx');
  expect(await cliOn(book, 'run', '--out', withHandout, '--forhandlingsoversigt')).toMatchObject({ code: 0, stdout: '' });
  expect(await cliOn(book, 'run', '--out', plain)).toMatchObject({ code: 0 });
  const handout = (await loadWorkbook(withHandout)).getWorksheet(HANDOUT)!;
  expect(handout.getCell('A1').value).toBe(HANDOUT);
  expect(String(handout.getCell('A2').value)).toContain(OUTPUT_MARK);
  expect(handout.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9 });
  expect((await loadWorkbook(plain)).worksheets.map((w) => w.name)).not.toContain(HANDOUT);
});

test('a plain run on a copy with a handout leaves that handout as it was; the flag writes it anew', async () => {
  const book = await sampleBook();
  const dir = path.dirname(book);
  const first = path.join(dir, 'first.xlsx');
  const second = path.join(dir, 'second.xlsx');
  const third = path.join(dir, 'third.xlsx');
  expect((await cliOn(book, 'run', '--out', first, '--forhandlingsoversigt')).code).toBe(0);
  expect((await cliOn(first, 'run', '--out', second)).code).toBe(0);
  const printed = await cellsOf(first, HANDOUT);
  expect(Object.keys(printed!).length).toBeGreaterThan(10);
  expect(await cellsOf(second, HANDOUT)).toEqual(printed);
  // Written again when asked: one sheet of the name, in the same place.
  expect((await cliOn(second, 'run', '--out', third, '--forhandlingsoversigt')).code).toBe(0);
  const names = (file: string) => loadWorkbook(file).then((w) => w.worksheets.map((s) => s.name));
  expect(await names(third)).toEqual(await names(first));
  expect(await cellsOf(third, HANDOUT)).toEqual(printed);
});

test('a sheet of the user’s named Forhandlingsoversigt is refused at its place, with or without the flag, and no file written', async () => {
  const dir = tempDir();
  const source = newWorkbook(sampleSheets());
  source.addWorksheet('forhandlingsoversigt').getCell('A1').value = 'Mine noter til mødet';
  const book = path.join(dir, 'budget.xlsx');
  await saveWorkbook(source, book);
  for (const args of [['--forhandlingsoversigt'], []]) {
    const run = await cliOn(book, 'run', ...args);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('forhandlingsoversigt!A1: arket forhandlingsoversigt er ikke skrevet af Råderum');
    expect(existsSync(path.join(dir, 'budget.resultat.xlsx'))).toBe(false);
  }
});

test('--forhandlingsoversigt with --json and no copy is wrong usage (exit 2): the handout has nowhere to go', async () => {
  const book = await sampleBook();
  const run = await cliOn(book, 'run', '--json', '--forhandlingsoversigt', '--lang', 'en');
  expect(run).toMatchObject({ code: 2, stdout: '' });
  expect(run.stderr).toContain('--forhandlingsoversigt is written in the copy: give --out with --json');
  const both = await cliOn(book, 'run', '--json', '--forhandlingsoversigt', '--out', path.join(path.dirname(book), 'x.xlsx'));
  expect(both.code).toBe(0);
  expect(JSON.parse(both.stdout).scenarios.length).toBe(3);
});

test('run --help lists --forhandlingsoversigt and what it writes', async () => {
  const help = await cli('run', '--help');
  expect(help).toMatchObject({ code: 0, stdout: '' });
  expect(help.stderr).toContain('raaderum run BOG.xlsx [--out UD.xlsx] [--json] [--lang en] [--forhandlingsoversigt]');
  expect(help.stderr).toContain('--forhandlingsoversigt skriver også arket Forhandlingsoversigt (til mødet, A4 liggende)');
});
