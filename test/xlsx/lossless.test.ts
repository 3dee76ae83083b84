/**
 * Lossless copies (issue 9): the copy is the input's package with only the
 * output sheets and what they need written into it. The fixtures
 * (test/fixtures/lossless, scripts/make-lossless-fixtures.py) carry charts, an
 * image, a pivot table, data validation, a defined name, a comment, custom XML,
 * a user's table and (the .xlsm) a VBA part.
 */
import ExcelJS from 'exceljs';
import { copyFileSync, readFileSync } from 'fs';
import JSZip from 'jszip';
import * as path from 'path';
import { excelNameKey } from '../../src/workbook/grid';
import type { OutputSheet } from '../../src/workbook/output';
import { runWorkbook } from '../../src/workbook/run';
import { readSheets } from '../../src/xlsx/cells';
import { zlibCompressed } from '../../src/xlsx/files';
import { openWorkbook } from '../../src/xlsx/open';
import { SheetNameTaken, TableNameTaken, writeOutputSheets, xmlText } from '../../src/xlsx/package-writer';
import { cli } from '../cli/run-cli';
import { tempDir } from '../helpers/files';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'lossless');
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CALC_CHAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml';

/** Every file in a package, decompressed. */
async function partsOf(data: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(data);
  const parts = new Map<string, Buffer>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) parts.set(name, await file.async('nodebuffer'));
  return parts;
}

/** The parts a copy may change: the sheet list, its relationships, the content types and the styles. */
const SHARED_PARTS = ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml'];

async function outputsOf(data: Uint8Array): Promise<OutputSheet[]> {
  const { workbook } = await openWorkbook(data);
  const { results, issues } = runWorkbook(readSheets(workbook));
  expect(issues.filter((i) => i.severity !== 'warning')).toEqual([]);
  return results!.outputs;
}

/** What a grid holds, as read back: trailing blanks and blank rows do not count. */
const trimmed = (rows: readonly (readonly unknown[])[]) =>
  rows.map((row) => {
    const r = row.map((v) => (v === '' || v === undefined ? null : v));
    while (r.length > 0 && r[r.length - 1] === null) r.pop();
    return r;
  });

async function tableNames(data: Uint8Array): Promise<string[]> {
  const parts = await partsOf(data);
  return [...parts]
    .filter(([name]) => /^xl\/tables\/[^/]+\.xml$/i.test(name))
    .map(([, xml]) => /<table\b[^>]*\sname="([^"]*)"/.exec(xml.toString('utf8'))![1]);
}

describe.each(['rich.xlsx', 'rich.xlsm', 'libreoffice.xlsx'])('%s', (fixture) => {
  const original = new Uint8Array(readFileSync(path.join(FIXTURES, fixture)));
  let outputs: OutputSheet[];
  let copy: Uint8Array;
  beforeAll(async () => {
    outputs = await outputsOf(original);
    copy = await writeOutputSheets(original, outputs);
  });

  test('every part of the input is in the copy byte for byte, but the sheet list, relationships, content types and styles', async () => {
    const before = await partsOf(original);
    const after = await partsOf(copy);
    const changed = [...before].filter(([name, data]) => !after.get(name)?.equals(data)).map(([name]) => name);
    expect(changed.filter((name) => !SHARED_PARTS.includes(name))).toEqual([]);
    // The charts, the image, the pivot table and the VBA project are there, not just "unchanged because absent".
    const kept = [...before.keys()];
    expect(kept.some((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toBe(true);
    expect(kept.some((n) => /^xl\/media\/image\d+\.png$/.test(n))).toBe(true);
    expect(kept.some((n) => /^xl\/pivotTables\/pivotTable\d+\.xml$/.test(n))).toBe(true);
    if (fixture.endsWith('.xlsm')) expect(after.get('xl/vbaProject.bin')).toEqual(before.get('xl/vbaProject.bin'));
  });

  test('the shared parts keep what they had: the sheets in order, every relationship, the styles as a prefix', async () => {
    const before = await partsOf(original);
    const after = await partsOf(copy);
    const text = (parts: Map<string, Buffer>, name: string) => parts.get(name)!.toString('utf8');
    const sheets = (xml: string) => [...xml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => m[0]);
    const wasSheets = sheets(text(before, 'xl/workbook.xml'));
    expect(sheets(text(after, 'xl/workbook.xml')).slice(0, wasSheets.length)).toEqual(wasSheets);
    const rels = (xml: string) => [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]);
    for (const rel of rels(text(before, 'xl/_rels/workbook.xml.rels')))
      expect(text(after, 'xl/_rels/workbook.xml.rels')).toContain(rel);
    for (const item of text(before, '[Content_Types].xml').match(/<(Default|Override)\b[^>]*>/g)!)
      expect(text(after, '[Content_Types].xml')).toContain(item);
    const xfs = (xml: string) => /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)![1];
    expect(xfs(text(after, 'xl/styles.xml')).startsWith(xfs(text(before, 'xl/styles.xml')))).toBe(true);
  });

  test('the output sheets are there with their figures, read back by ExcelJS and by readSheets', async () => {
    const { workbook } = await openWorkbook(copy);
    const names = workbook.worksheets.map((w) => w.name);
    expect(names.slice(-outputs.length)).toEqual(outputs.map((o) => o.name));
    expect(names).toEqual(expect.arrayContaining(['Resultat', 'Råderum', 'Sammenligning', 'Beregning', 'Kørsler']));
    const read = readSheets(workbook, { outputRows: Infinity });
    for (const output of outputs) {
      const sheet = read.find((s) => s.name === output.name)!;
      expect(sheet.origin).toEqual({ row: output.appendAt ?? 0, column: 0 });
      expect(trimmed(sheet.values)).toEqual(trimmed(output.values));
      expect(sheet.tables.map((t) => t.name)).toEqual(output.tables.map((t) => t.name));
      const exceljs = workbook.getWorksheet(output.name)!;
      expect(exceljs.getRow(1).getCell(1).font?.bold).toBe(true);
    }
    const names2 = await tableNames(copy);
    expect(new Set(names2.map(excelNameKey)).size).toBe(names2.length);
  });

  test('the command line’s compressor (Node’s zlib) gives the same parts as JSZip’s own', async () => {
    const native = await partsOf(await writeOutputSheets(original, outputs, { compressed: zlibCompressed }));
    const own = await partsOf(copy);
    expect([...native.keys()].sort()).toEqual([...own.keys()].sort());
    for (const [name, data] of own) expect([name, native.get(name)!.equals(data)]).toEqual([name, true]);
  });

  test('a second run on the copy replaces the output sheets and adds nothing but its run log record: the same parts, the same bytes', async () => {
    const again = await writeOutputSheets(copy, await outputsOf(copy));
    const first = await partsOf(copy);
    const second = await partsOf(again);
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    // The run log (Kørsler) is the one part that differs: its first record stays byte for byte, the second is below it.
    const changed = [...first].filter(([name, data]) => !second.get(name)!.equals(data)).map(([name]) => name);
    expect(changed).toHaveLength(1);
    const rows = (xml: string) => [...xml.matchAll(/<row\b[^>]*>[\s\S]*?<\/row>/g)].map((m) => m[0]);
    const before = rows(first.get(changed[0])!.toString('utf8'));
    const after = rows(second.get(changed[0])!.toString('utf8'));
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.length).toBeGreaterThan(before.length);
    const log = (await openWorkbook(again)).workbook.getWorksheet('Kørsler')!;
    expect(log).toBeDefined();
  });
});

test('the command line writes an .xlsm back as an .xlsm with its VBA project and content type', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'budget.xlsm');
  copyFileSync(path.join(FIXTURES, 'rich.xlsm'), file);
  const run = await cli('run', file);
  expect(run).toMatchObject({ code: 0, stderr: `Skrev ${path.join(dir, 'budget.resultat.xlsm')}` });
  const parts = await partsOf(readFileSync(path.join(dir, 'budget.resultat.xlsm')));
  expect(parts.get('xl/vbaProject.bin')).toEqual(
    readFileSync(file).length > 0 && (await partsOf(readFileSync(file))).get('xl/vbaProject.bin'),
  );
  const types = parts.get('[Content_Types].xml')!.toString('utf8');
  expect(types).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
  expect(types).toContain('application/vnd.ms-office.vbaProject');
  expect(parts.get('xl/_rels/workbook.xml.rels')!.toString('utf8')).toContain('vbaProject.bin');
});

/** A minimal package as a script might write it: no styles part, no theme, sheetIds with a gap. */
async function minimalPackage(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  );
  zip.file(
    'xl/workbook.xml',
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Noter" sheetId="3" r:id="rId1"/></sheets></workbook>',
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  );
  zip.file(
    'xl/worksheets/sheet1.xml',
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Hej</t></is></c></row></sheetData></worksheet>',
  );
  return zip.generateAsync({ type: 'uint8array' });
}

const sheet = (name: string, values: (string | number | null)[][], tables: OutputSheet['tables'] = []): OutputSheet => ({
  name,
  values,
  formats: values.map((row) => row.map((v) => (typeof v === 'number' ? '#,##0' : '@'))),
  boldRows: [0],
  tables,
  columnWidths: [12, 30],
});

test('text stays text: a title starting with = is no formula; XML specials are escaped and characters XML cannot hold dropped', async () => {
  const values = [
    ['=SUM(A1:A3)', '<b>&"x"\'</b>'],
    ['tab\there\u0001bell\u0007', ' leading space'],
    ['+1', -1234.5],
    ['Nr', 'Titel'],
    ['1', 'a'],
    ['2', 'b'],
  ];
  const copy = await writeOutputSheets(await minimalPackage(), [
    sheet('Resultat', values, [{ name: 'T_1', row: 3, column: 0, rowCount: 3, columnCount: 2 }]),
  ]);
  const { workbook } = await openWorkbook(copy);
  expect(workbook.worksheets.map((w) => w.name)).toEqual(['Noter', 'Resultat']);
  const result = workbook.getWorksheet('Resultat')!;
  expect(result.getCell('A1').value).toBe('=SUM(A1:A3)');
  expect(result.getCell('A1').type).toBe(ExcelJS.ValueType.String);
  expect(result.getCell('B1').value).toBe('<b>&"x"\'</b>');
  expect(result.getCell('A2').value).toBe('tab\therebell');
  expect(result.getCell('B2').value).toBe(' leading space');
  expect(result.getCell('A3').value).toBe('+1');
  expect(result.getCell('B3').value).toBe(-1234.5);
  expect(result.getCell('B3').numFmt).toBe('#,##0');
  expect(result.getCell('A1').font?.bold).toBe(true);
  expect(workbook.getWorksheet('Noter')!.getCell('A1').value).toBe('Hej');
  // A styles part was made where there was none; the sheet list kept its prefix and namespace.
  const parts = await partsOf(copy);
  expect(parts.has('xl/styles.xml')).toBe(true);
  expect(parts.get('xl/workbook.xml')!.toString('utf8')).toContain('<sheet name="Resultat" sheetId="4" r:id="rId3"/>');
  expect(xmlText('a\u0000b\uD800c&')).toBe('abc&amp;');
});

test('an output sheet of another case is replaced where it stands: same part, place, name and tab colour; its old tables go', async () => {
  const original = new Uint8Array(readFileSync(path.join(FIXTURES, 'rich.xlsx')));
  const outputs = await outputsOf(original);
  const first = await JSZip.loadAsync(await writeOutputSheets(original, outputs));
  // The user renamed Resultat to "resultat", moved it first and gave it a red tab.
  let workbookXml = await first.file('xl/workbook.xml')!.async('string');
  const entry = /<sheet name="Resultat"[^>]*\/>/.exec(workbookXml)![0];
  workbookXml = workbookXml.replace(entry, '').replace('<sheets>', `<sheets>${entry.replace('"Resultat"', '"resultat"')}`);
  first.file('xl/workbook.xml', workbookXml);
  const resultPart = 'xl/worksheets/sheet7.xml';
  const xml = await first.file(resultPart)!.async('string');
  // The first run wrote its own sheet properties (printing fitted to pages) where the sheet has a page setup.
  const tab = '<sheetPr><tabColor rgb="FFFF0000"/></sheetPr>';
  first.file(
    resultPart,
    /<sheetPr>/.test(xml) ? xml.replace(/<sheetPr>[\s\S]*?<\/sheetPr>/, tab) : xml.replace('<dimension', `${tab}<dimension`),
  );
  const edited = await first.generateAsync({ type: 'uint8array' });

  const again = await writeOutputSheets(edited, await outputsOf(edited));
  const parts = await partsOf(again);
  expect([...parts.keys()].sort()).toEqual([...(await partsOf(edited)).keys()].sort());
  const { workbook } = await openWorkbook(again);
  expect(workbook.worksheets.map((w) => w.name)).toEqual([
    'resultat',
    'Hørsholm',
    'Faxe',
    'København',
    'Scenarier',
    'Diagram',
    'Pivot',
    'Råderum',
    'Sammenligning',
    'Beregning',
    'Kørsler',
  ]);
  expect(parts.get(resultPart)!.toString('utf8')).toMatch(
    /<sheetPr><tabColor rgb="FFFF0000"\/>(<pageSetUpPr fitToPage="1"\/>)?<\/sheetPr>/,
  );
  expect(readSheets(workbook, { outputRows: Infinity }).find((s) => s.name === 'resultat')!.values[0][0]).toBe('Resultat');
});

test('an output table named like a table on a sheet that stays is refused before anything is written', async () => {
  const original = new Uint8Array(readFileSync(path.join(FIXTURES, 'rich.xlsx')));
  const outputs = await outputsOf(original);
  const clash = outputs.map((o, i) =>
    i === 0 ? { ...o, tables: o.tables.map((t, k) => (k === 0 ? { ...t, name: 'brugerdata' } : t)) } : o,
  );
  await expect(writeOutputSheets(original, clash)).rejects.toEqual(new TableNameTaken('brugerdata', 'Diagram'));
  // The workbook layer names its tables around the user's: all names in the copy differ, case aside.
  const names = await tableNames(await writeOutputSheets(original, outputs));
  expect(names).toContain('Brugerdata');
  expect(new Set(names.map(excelNameKey)).size).toBe(names.length);
});

test('a calculation chain naming cells of a replaced output sheet is dropped (Excel rebuilds it); one that does not stays as it was', async () => {
  const original = new Uint8Array(readFileSync(path.join(FIXTURES, 'rich.xlsx')));
  const copy = await writeOutputSheets(original, await outputsOf(original));
  const withChain = async (chain: string) => {
    const zip = await JSZip.loadAsync(copy);
    zip.file('xl/calcChain.xml', `<?xml version="1.0" encoding="UTF-8"?><calcChain xmlns="${MAIN}">${chain}</calcChain>`);
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    zip.file(
      'xl/_rels/workbook.xml.rels',
      rels.replace(
        '</Relationships>',
        `<Relationship Id="rIdCalc" Type="${REL}/calcChain" Target="calcChain.xml"/></Relationships>`,
      ),
    );
    const types = await zip.file('[Content_Types].xml')!.async('string');
    zip.file(
      '[Content_Types].xml',
      types.replace('</Types>', `<Override PartName="/xl/calcChain.xml" ContentType="${CALC_CHAIN}"/></Types>`),
    );
    return zip.generateAsync({ type: 'uint8array' });
  };
  // Sheet 1 (Hørsholm) and then, by the omitted i, the same sheet; sheetId 7 is Resultat.
  const naming = await withChain('<c r="A1" i="1"/><c r="B2"/><c r="C3" i="7"/>');
  const rerun = await partsOf(await writeOutputSheets(naming, await outputsOf(naming)));
  expect(rerun.has('xl/calcChain.xml')).toBe(false);
  expect(rerun.get('xl/_rels/workbook.xml.rels')!.toString('utf8')).not.toContain('calcChain');
  expect(rerun.get('[Content_Types].xml')!.toString('utf8')).not.toContain('calcChain');

  const other = await withChain('<c r="A1" i="1"/><c r="B2"/>');
  const kept = await partsOf(await writeOutputSheets(other, await outputsOf(other)));
  expect(kept.get('xl/calcChain.xml')).toEqual((await partsOf(other)).get('xl/calcChain.xml'));
});

test('a chart sheet named like an output sheet is refused (two sheets of one name would make the file invalid)', async () => {
  const original = new Uint8Array(readFileSync(path.join(FIXTURES, 'rich.xlsx')));
  const outputs = await outputsOf(original);
  const zip = await JSZip.loadAsync(original);
  // The Pivot sheet becomes a chart sheet named "resultat".
  const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
  zip.file('xl/workbook.xml', workbookXml.replace('name="Pivot"', 'name="resultat"'));
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const pivotRel = /<Relationship [^>]*Id="rId6"[^>]*\/>/.exec(rels)![0];
  zip.file('xl/_rels/workbook.xml.rels', rels.replace(pivotRel, pivotRel.replace('/worksheet"', '/chartsheet"')));
  const edited = await zip.generateAsync({ type: 'uint8array' });
  await expect(writeOutputSheets(edited, outputs)).rejects.toEqual(new SheetNameTaken('resultat'));
});
