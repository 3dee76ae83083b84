/**
 * A department's workbook as written by openpyxl and saved by LibreOffice (test/fixtures/department, made by
 * scripts/make-department-fixtures.py): an `I alt` row with SUM formulas and stored results under a plain
 * list and inside a table, and the department's own columns `Konto`, `Bemærkning` and `Frist`. Read through
 * both .xlsx readers and run: each totals row is one warning at its place, no problem, and the own columns arrive.
 */
import { copyFileSync } from 'fs';
import * as path from 'path';
import { formatIssue } from '../../src/workbook/messages';
import { readBook } from '../../src/workbook/read';
import { runWorkbook } from '../../src/workbook/run';
import { readSheets } from '../../src/xlsx/cells';
import { loadWorkbook } from '../../src/xlsx/files';
import { readWorkbookSheets } from '../../src/xlsx/sheet-reader';
import { cliOn } from '../cli/run-cli';
import { tempDir } from '../helpers/files';

const FILE = path.join(__dirname, '..', 'fixtures', 'department', 'department.xlsx');

const WARNINGS = [
  'Social!B7: "I alt Social" ligner en sumrække og læses ikke som et forslag (Råderum lægger selv sammen i Resultat)',
  'Teknik!A4: "I alt" ligner en sumrække og læses ikke som et forslag (Råderum lægger selv sammen i Resultat)',
];

const OWN = {
  headers: ['Konto', 'Bemærkning', 'Frist'],
  values: [
    ['5.38.50', 'Aftalt med MED-udvalget', null],
    ['5.32.32', null, null],
    [53230, 'Kræver investering i 2027', null],
    ['0.28.20', null, '2027-03-01'],
    ['0.28.21', null, '2027-10-01'],
  ],
};

test.each([
  ['ExcelJS (readSheets)', async () => readSheets(await loadWorkbook(FILE))],
  ['the command line’s reader (readWorkbookSheets)', async () => (await readWorkbookSheets(FILE)).sheets],
])('through %s: the I alt rows are warnings at their places, and the own columns arrive', async (_, sheetsOf) => {
  const sheets = await sheetsOf();
  const run = runWorkbook(sheets, { sheets: false });
  expect(run.issues.map((i) => `${i.severity} ${formatIssue(i)}`)).toEqual(WARNINGS.map((w) => `warning ${w}`));
  expect(run.results).toBeDefined();
  expect(run.found.lists).toEqual([
    { sheet: 'Social', table: undefined, proposals: 3, notRead: 0 },
    { sheet: 'Teknik', table: 'Teknik_T', proposals: 2, notRead: 0 },
  ]);
  expect(run.results?.figures.scenarios[0].proposals.map((p) => p.nr)).toEqual(['SOC-1', 'SOC-2', 'SOC-3', 'TM-1', 'TM-2']);
  const read = readBook(sheets);
  expect(read.book?.proposals.map((p) => p.title)[1]).toBe('Flere hænder i hjemmeplejen i alt 4 stillinger');
  expect(read.ownColumns).toEqual(OWN);
});

test('the command line runs it: exit 0, the two warnings on standard error', async () => {
  const file = path.join(tempDir(), 'department.xlsx');
  copyFileSync(FILE, file);
  const json = await cliOn(file, 'run', '--json');
  expect(json.code).toBe(0);
  for (const w of WARNINGS) expect(json.stderr).toContain(w);
  expect(json.stderr).not.toContain('mangler et nummer');
  expect(JSON.parse(json.stdout).scenarios[0].proposals).toHaveLength(5);
});
