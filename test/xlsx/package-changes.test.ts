/**
 * The scenario editor's cells written into a file's own package (the preview's download): the cells, each with
 * its style, the Scenarier table over its new extent, and every other part as it was.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync } from 'fs';
import * as path from 'path';
import type { SheetCells } from '../../src/workbook/grid';
import { readBook } from '../../src/workbook/read';
import { editScenarios, type ScenarioEdit, type SheetChanges } from '../../src/workbook/scenario-edit';
import { templateSheets } from '../../src/workbook/template';
import { newWorkbook, readSheets } from '../../src/xlsx/cells';
import { openWorkbook } from '../../src/xlsx/open';
import { writeOutputSheets } from '../../src/xlsx/package-writer';
import { workbookHost } from '../../src/xlsx/workbook-host';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'lossless');

async function partsOf(data: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(data);
  const parts = new Map<string, Buffer>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) parts.set(name, await file.async('nodebuffer'));
  return parts;
}

function scenarier(sheets: readonly SheetCells[]) {
  const s = sheets.find((x) => x.name === 'Scenarier')!;
  const values = s.values.map((r) => {
    const row = r.map((v) => (v === '' ? null : v));
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    return row;
  });
  while (values.length > 0 && values[values.length - 1].length === 0) values.pop();
  return { values, tables: s.tables };
}

const edits: ScenarioEdit[][] = [
  [
    { kind: 'add', name: 'Lav caseload', copyOf: 'Caseload 40' },
    { kind: 'set', scenario: 'Lav caseload', parameter: 'Caseload', value: 38 },
    { kind: 'set', scenario: 'Lav caseload', parameter: 'Udelad', value: 'EBU 1' },
    { kind: 'rename', scenario: 'Basis', name: '=Basis' },
  ],
  [
    { kind: 'delete', scenario: 'Caseload 40' },
    { kind: 'set', scenario: 'Flere fuldtidspersoner', parameter: 'Refusion Kontanthjælp', value: 0.3 },
  ],
];

describe.each(['rich.xlsx', 'libreoffice.xlsx'])('%s', (fixture) => {
  test('the edits in the package read as editScenarios said; only Scenarier and its table part change', async () => {
    const original = new Uint8Array(readFileSync(path.join(FIXTURES, fixture)));
    let bytes: Uint8Array = original;
    for (const batch of edits) {
      const sheets = readSheets((await openWorkbook(bytes)).workbook);
      const result = editScenarios(sheets, batch);
      expect(result.refused).toBeUndefined();
      const before = await partsOf(bytes);
      bytes = await writeOutputSheets(bytes, [], { changes: result.changes });
      const after = await partsOf(bytes);
      expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
      const changed = [...before].filter(([name, data]) => !after.get(name)!.equals(data)).map(([name]) => name);
      expect(changed.filter((name) => !/^xl\/(worksheets\/sheet\d+|tables\/table\d+)\.xml$/.test(name))).toEqual([]);
      expect(changed.length).toBeLessThanOrEqual(2);
      const read = readSheets((await openWorkbook(bytes)).workbook);
      expect(scenarier(read)).toEqual(scenarier(result.sheets));
      expect(readBook(read).issues.filter((i) => i.severity === 'problem')).toEqual([]);
    }
    const workbook = (await openWorkbook(bytes)).workbook;
    // Text stays text, and the cells keep their look (the header row's bold).
    const sheet = workbook.getWorksheet('Scenarier')!;
    expect(sheet.getCell('B1').value).toBe('=Basis');
    expect(sheet.getCell('D1').value).toBe('Lav caseload');
  });
});

test("the preview's download holds what its workbook holds after the editor's writes, a sheet added where missing", async () => {
  const original = new Uint8Array((await newWorkbook(templateSheets(2026)).xlsx.writeBuffer()) as ArrayBuffer);
  const bare = newWorkbook(templateSheets(2026).filter((s) => s.name !== 'Scenarier'));
  const bareBytes = new Uint8Array((await bare.xlsx.writeBuffer()) as ArrayBuffer);
  for (const [bytes, book] of [
    [original, (await openWorkbook(original)).workbook],
    [bareBytes, (await openWorkbook(bareBytes)).workbook],
  ] as [Uint8Array, ExcelJS.Workbook][]) {
    const written: SheetChanges[] = [];
    const host = workbookHost(() => book, { changesWritten: (changes) => written.push(...changes) });
    for (const batch of [
      [
        { kind: 'add', name: 'Lav' },
        { kind: 'set', scenario: 'Lav', parameter: 'Caseload', value: 40 },
      ],
      [{ kind: 'set', scenario: 'Basis', parameter: 'Udelad', value: 'K-2' }],
    ] as ScenarioEdit[][]) {
      const result = editScenarios(await host.read(), batch);
      await host.writeChanges(result.changes);
    }
    const downloaded = await writeOutputSheets(bytes, [], { changes: written });
    expect(scenarier(readSheets((await openWorkbook(downloaded)).workbook))).toEqual(scenarier(await host.read()));
  }
});

describe('errors and TRUE/FALSE in Scenarier (the download never crashes on them)', () => {
  async function withScenarios(put: (sheet: ExcelJS.Worksheet, column: number) => void): Promise<Uint8Array> {
    const workbook = newWorkbook(templateSheets(2026));
    const host = workbookHost(() => workbook, {});
    const added = editScenarios(await host.read(), [
      { kind: 'add', name: 'Caseload 40' },
      { kind: 'add', name: 'Flere fuldtidspersoner' },
    ]);
    await host.writeChanges!(added.changes);
    const sheet = workbook.getWorksheet('Scenarier')!;
    put(sheet, (sheet.getRow(1).values as unknown[]).indexOf('Flere fuldtidspersoner'));
    return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  }
  const copyAndDelete: ScenarioEdit[] = [
    { kind: 'add', name: 'Kopi', copyOf: 'Flere fuldtidspersoner' },
    { kind: 'delete', scenario: 'Caseload 40' },
  ];

  test('=NA() in a column a copy and a delete move: refused as a formula, nothing to write', async () => {
    const bytes = await withScenarios((sheet, c) => (sheet.getCell(4, c).value = { formula: 'NA()', result: { error: '#N/A' } }));
    const result = editScenarios(readSheets((await openWorkbook(bytes)).workbook), copyAndDelete);
    expect(result.refused?.reason).toBe('formulaMoved');
    expect(result.changes).toEqual([]);
  });

  test('#N/A or TRUE typed as a value: refused as a value the editor cannot write', async () => {
    for (const value of [{ error: '#N/A' } as ExcelJS.CellErrorValue, true]) {
      const bytes = await withScenarios((sheet, c) => (sheet.getCell(4, c).value = value));
      const result = editScenarios(readSheets((await openWorkbook(bytes)).workbook), copyAndDelete);
      expect(result.refused).toMatchObject({ reason: 'valueNotWritable', place: { sheet: 'Scenarier', row: 3 } });
    }
  });

  test('cellXml writes an error as t="e" and TRUE/FALSE as t="b", should a change carry one', async () => {
    const bytes = await withScenarios(() => undefined);
    const changes = [
      {
        sheet: 'Scenarier',
        cells: [
          { row: 3, column: 2, value: { error: '#N/A' } },
          { row: 3, column: 3, value: false },
        ],
      },
    ] as unknown as SheetChanges[];
    const written = await writeOutputSheets(bytes, [], { changes });
    const sheet = readSheets((await openWorkbook(written)).workbook).find((s) => s.name === 'Scenarier')!;
    expect(sheet.values[3].slice(2, 4)).toEqual([{ error: '#N/A' }, false]);
  });
});
