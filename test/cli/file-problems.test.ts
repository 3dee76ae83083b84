/**
 * Files the command line cannot read or write: every one exits 2 with a message
 * of our own (Danish, English with --lang en), writes no file, and leaves the
 * input byte-identical. Pipes and devices are refused, never waited on.
 */
import { execFileSync, spawnSync } from 'child_process';
import { chmodSync, closeSync, mkdirSync, openSync, promises, readdirSync, writeFileSync } from 'fs';
import JSZip from 'jszip';
import * as path from 'path';
import { sampleSheets } from '../../src/sample/seed-workbook';
import { MAX_FILE_BYTES, newWorkbook, saveWorkbook } from '../../src/xlsx/files';
import { tempDir } from '../helpers/files';
import { cli, cliOn, realCopy } from './run-cli';

const BIN = path.join(__dirname, '..', '..', 'bin', 'raaderum.js');

async function sample(dir = tempDir()): Promise<string> {
  const book = path.join(dir, 'budget.xlsx');
  await saveWorkbook(newWorkbook(sampleSheets()), book);
  return book;
}

/** Runs on a file that exists: exit 2, the message, nothing new in its folder, the file unchanged. */
async function refused(file: string, da: string, en: string): Promise<void> {
  const dir = path.dirname(file);
  const before = readdirSync(dir).sort();
  const run = await cliOn(file, 'run');
  expect(run).toMatchObject({ code: 2, stdout: '', stderr: `raaderum: ${da}` });
  const english = await cliOn(file, 'run', '--json', '--lang', 'en');
  expect(english).toMatchObject({ code: 2, stdout: '', stderr: `raaderum: ${en}` });
  expect(readdirSync(dir).sort()).toEqual(before);
}

test('a missing file, a folder', async () => {
  const dir = tempDir();
  const missing = path.join(dir, 'mangler.xlsx');
  expect(await cli('run', missing)).toMatchObject({ code: 2, stderr: `raaderum: filen ${missing} findes ikke` });
  expect(await cli('run', missing, '--lang', 'en')).toMatchObject({
    code: 2,
    stderr: `raaderum: the file ${missing} does not exist`,
  });
  const folder = path.join(dir, 'mappe.xlsx');
  mkdirSync(folder);
  expect(await cli('run', folder)).toMatchObject({
    code: 2,
    stderr: `raaderum: ${folder} er en mappe, ikke en projektmappe (.xlsx)`,
  });
  expect(readdirSync(dir)).toEqual(['mappe.xlsx']);
});

test('.zip, .ods and old .xls files are not workbooks, and say what to do', async () => {
  const zip = new JSZip();
  zip.file('notes.txt', 'hej');
  const file = path.join(tempDir(), 'arkiv.zip');
  writeFileSync(file, await zip.generateAsync({ type: 'uint8array' }));
  await refused(
    file,
    `${file} er ikke en Excel-projektmappe (.xlsx eller .xlsm)`,
    `${file} is not an Excel workbook (.xlsx or .xlsm)`,
  );
  const ods = realCopy('libreoffice.ods');
  await refused(
    ods,
    `${ods} er et OpenDocument-regneark (.ods), ikke en Excel-projektmappe; gem det som .xlsx (Filer > Gem som > Excel 2007-365) og prøv igen`,
    `${ods} is an OpenDocument spreadsheet (.ods), not an Excel workbook; save it as .xlsx (File > Save As > Excel 2007-365) and try again`,
  );
  const xls = realCopy('libreoffice.xls');
  await refused(
    xls,
    `${xls} er en gammel Excel-fil (.xls) eller en projektmappe med adgangskode; gem den i Excel som .xlsx uden adgangskode og prøv igen`,
    `${xls} is an old Excel file (.xls) or a password-protected workbook; save it in Excel as .xlsx without a password and try again`,
  );
  const text = path.join(tempDir(), 'tekst.xlsx');
  writeFileSync(text, 'this is not a workbook');
  await refused(
    text,
    `${text} er ikke en Excel-projektmappe (.xlsx eller .xlsm)`,
    `${text} is not an Excel workbook (.xlsx or .xlsm)`,
  );
});

test('a damaged workbook: our message, not the library’s', async () => {
  const zip = new JSZip();
  zip.file(
    '_rels/.rels',
    '<Relationships><Relationship Id="r" Type="x/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  );
  zip.file('xl/workbook.xml', '<workbook><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>');
  zip.file(
    'xl/_rels/workbook.xml.rels',
    '<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  );
  zip.file('xl/worksheets/sheet1.xml', '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></x></row></sheetData></worksheet>');
  const file = path.join(tempDir(), 'skadet.xlsx');
  writeFileSync(file, await zip.generateAsync({ type: 'uint8array' }));
  await refused(
    file,
    `${file} ligner en projektmappe, men kunne ikke læses; filen kan være beskadiget (åbn og gem den i Excel, og prøv igen)`,
    `${file} looks like a workbook but could not be read; the file may be damaged (open and save it in Excel, and try again)`,
  );
});

test('a file larger than the bound is refused before it is read', async () => {
  const file = path.join(tempDir(), 'stor.xlsx');
  const fd = openSync(file, 'w');
  closeSync(fd);
  await promises.truncate(file, MAX_FILE_BYTES + 1); // sparse: takes no disk space
  await refused(
    file,
    `${file} er for stor til at læse (101 MB; højst 100 MB)`,
    `${file} is too large to read (101 MB; at most 100 MB)`,
  );
});

test('no permission to read: our message (the system’s refusal simulated, as tests may run as root)', async () => {
  const book = await sample();
  const open = jest
    .spyOn(promises, 'open')
    .mockRejectedValueOnce(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }));
  try {
    expect(await cli('run', book)).toMatchObject({ code: 2, stderr: `raaderum: ingen adgang til at læse ${book}` });
  } finally {
    open.mockRestore();
  }
});

test('an --out that cannot be written: exit 2, the problem named, no file and no temporary left', async () => {
  const dir = tempDir();
  const book = await sample(dir);
  const noFolder = path.join(dir, 'findes-ikke', 'ud.xlsx');
  expect(await cliOn(book, 'run', '--out', noFolder)).toMatchObject({
    code: 2,
    stderr: expect.stringContaining(`raaderum: kunne ikke skrive ${noFolder}: mappen findes ikke; ingen fil skrevet`),
  });
  mkdirSync(path.join(dir, 'ud.xlsx'));
  expect(await cliOn(book, 'run', '--out', path.join(dir, 'ud.xlsx'), '--lang', 'en')).toMatchObject({
    code: 2,
    stderr: expect.stringContaining(
      `raaderum: could not write ${path.join(dir, 'ud.xlsx')}: a folder has that name; no file written`,
    ),
  });
  const readOnly = path.join(dir, 'skrivebeskyttet');
  mkdirSync(readOnly);
  chmodSync(readOnly, 0o500);
  const write = jest.spyOn(promises, 'writeFile').mockRejectedValueOnce(Object.assign(new Error('EACCES'), { code: 'EACCES' }));
  try {
    expect(await cliOn(book, 'run', '--out', path.join(readOnly, 'ud.xlsx'))).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('ingen adgang til at skrive der; ingen fil skrevet'),
    });
  } finally {
    write.mockRestore();
  }
  expect(readdirSync(dir).sort()).toEqual(['budget.xlsx', 'skrivebeskyttet', 'ud.xlsx']);
  expect(readdirSync(readOnly)).toEqual([]);
  const template = await cli('template', path.join(dir, 'findes-ikke', 'ny.xlsx'));
  expect(template).toMatchObject({ code: 2, stderr: expect.stringContaining('mappen findes ikke') });
});

test('a named pipe and /dev/zero are refused at once, never read (as a process, with a time limit)', () => {
  const dir = tempDir();
  const fifo = path.join(dir, 'pipe.xlsx');
  execFileSync('mkfifo', [fifo]);
  for (const file of [fifo, '/dev/zero']) {
    const run = spawnSync('node', [BIN, 'run', file, '--json'], { encoding: 'utf8', timeout: 20000 });
    expect(run.signal).toBeNull();
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `raaderum: ${file} er ikke en almindelig fil (men fx en pipe eller en enhed); gem projektmappen som en .xlsx-fil\n`,
    );
  }
  expect(readdirSync(dir)).toEqual(['pipe.xlsx']);
});

test('--lang with an unknown language is a usage error; run --help and template --help print help', async () => {
  const book = await sample();
  const fr = await cliOn(book, 'run', '--lang', 'fr');
  expect(fr.code).toBe(2);
  expect(fr.stderr).toContain('ukendt sprog "fr" til --lang (brug da eller en)');
  expect((await cliOn(book, 'run', '--lang=xx')).code).toBe(2);
  expect((await cliOn(book, 'run', '--lang=en', '--json')).code).toBe(0);
  for (const args of [
    ['run', '--help'],
    ['run', book, '--help'],
    ['template', '--help'],
    ['run', '-h'],
  ]) {
    const help = await cli(...args);
    expect(help).toMatchObject({ code: 0, stdout: '' });
    expect(help.stderr).toContain('raaderum run BOG.xlsx [--out UD.xlsx] [--json] [--lang en]');
  }
});
