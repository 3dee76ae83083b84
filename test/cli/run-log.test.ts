/** `raaderum run --out` writes Beregning and the run log Kørsler like the pane; the JSON stays as it was. */
import * as path from 'path';
import { sampleSheets } from '../../src/sample/seed-workbook';
import { inputHash, readRunLog } from '../../src/workbook/run-log';
import { loadWorkbook, newWorkbook, saveWorkbook } from '../../src/xlsx/files';
import { readWorkbookSheets } from '../../src/xlsx/sheet-reader';
import { tempDir } from '../helpers/files';
import { cliOn } from './run-cli';

async function sampleBook(): Promise<{ dir: string; book: string }> {
  const dir = tempDir();
  const book = path.join(dir, 'budget.xlsx');
  await saveWorkbook(newWorkbook(sampleSheets()), book);
  return { dir, book };
}

test('the copy holds Beregning (Faxe’s staffing at 45 and 40) and Kørsler with the run, its hash that of the input', async () => {
  const { dir, book } = await sampleBook();
  const copy = path.join(dir, 'first.xlsx');
  expect((await cliOn(book, 'run', '--out', copy)).code).toBe(0);
  // Beregning is an output sheet: the reader hands over only its first rows; ExcelJS reads it whole.
  const beregning = (await loadWorkbook(copy)).getWorksheet('Beregning');
  const staffing: unknown[][] = [];
  beregning?.eachRow((row) => {
    const cells = row.values as unknown[];
    if (cells[1] === 'BIU_F_03' && cells[4] === 'Bemanding') staffing.push([cells[3], cells[6]]);
  });
  expect(staffing).toEqual([
    ['Basis', 800000],
    ['Caseload 40', 1300000],
    ['Flere fuldtidspersoner', 800000],
  ]);
  const { sheets } = await readWorkbookSheets(copy);
  const [entry, ...more] = readRunLog(sheets);
  expect(more).toEqual([]);
  expect(entry).toMatchObject({
    run: 1,
    label: '',
    unit: 'kr.',
    years: [2027, 2028, 2029, 2030],
    changes: 'Første kørsel i loggen.',
  });
  expect(entry.time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  expect(entry.inputHash).toBe(inputHash((await readWorkbookSheets(book)).sheets));
});

test('--json alone writes no file and no log: the JSON is the same with Beregning and Kørsler in the workbook', async () => {
  const { dir, book } = await sampleBook();
  const copy = path.join(dir, 'first.xlsx');
  expect((await cliOn(book, 'run', '--out', copy)).code).toBe(0);
  const before = await cliOn(book, 'run', '--json');
  const after = await cliOn(copy, 'run', '--json');
  expect(after).toMatchObject({ code: 0, stderr: '' });
  expect(JSON.parse(after.stdout)).toEqual(JSON.parse(before.stdout));
});

test('a second run on the copy adds its record below the first; a name typed for the first run is kept', async () => {
  const { dir, book } = await sampleBook();
  const first = path.join(dir, 'first.xlsx');
  expect((await cliOn(book, 'run', '--out', first)).code).toBe(0);
  // The user names the first run in its Navn cell (the row after the record's header), as in Excel.
  const [entry] = readRunLog((await readWorkbookSheets(first)).sheets);
  const named = await loadWorkbook(first);
  named.getWorksheet('Kørsler')!.getCell(entry.row + 3, 2).value = 'Forhandlingsrunde 1';
  const edited = path.join(dir, 'named.xlsx');
  await saveWorkbook(named, edited);
  const second = path.join(dir, 'second.xlsx');
  expect((await cliOn(edited, 'run', '--out', second)).code).toBe(0);
  const entries = readRunLog((await readWorkbookSheets(second)).sheets);
  expect(entries.map((e) => [e.run, e.label, e.row])).toEqual([
    [1, 'Forhandlingsrunde 1', entry.row],
    [2, '', expect.any(Number)],
  ]);
  expect(entries[1].inputHash).toBe(entries[0].inputHash);
  expect(entries[1].changes).toBe('Siden kørsel 1: samme inddata (samme SHA-256) og samme resultater.');
});
