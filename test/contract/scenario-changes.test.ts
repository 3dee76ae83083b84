/**
 * The two hosts' contract for the scenario editor: the same edits written through Excel (the Office.js adapter on
 * the Excel double) and through the preview's ExcelJS workbook leave the same Scenarier sheet, the one
 * editScenarios said, read back by both adapters and by the command line's reader of a saved file.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { readWorkbook } from '../../src/office/excel-adapter';
import { excelHost } from '../../src/office/host';
import type { SheetCells } from '../../src/workbook/grid';
import { readBook } from '../../src/workbook/read';
import { editScenarios, type ScenarioEdit } from '../../src/workbook/scenario-edit';
import { templateSheets } from '../../src/workbook/template';
import { newWorkbook, readSheets } from '../../src/xlsx/cells';
import { openWorkbook } from '../../src/xlsx/open';
import { workbookHost } from '../../src/xlsx/workbook-host';
import { ExcelDouble, FakeSheet, minor } from '../office/excel-double';

function inExcel(apiVersion: string): ExcelDouble {
  const excel = new ExcelDouble(
    templateSheets(2026).map((output) => {
      const sheet = FakeSheet.from(output.name, output.values);
      sheet.tables = output.tables.map((t) => ({ ...t }));
      return sheet;
    }),
  );
  excel.apiVersion = apiVersion;
  const globals = globalThis as unknown as { Excel: unknown; Office: unknown };
  globals.Excel = { run: excel.run.bind(excel) };
  globals.Office = {
    context: { requirements: { isSetSupported: (_: string, version: string) => minor(version) <= minor(excel.apiVersion) } },
  };
  return excel;
}

/** Scenarier as a reader sees it: rows without trailing blanks, no trailing empty rows; its tables. */
function scenarier(sheets: readonly SheetCells[]) {
  const s = sheets.find((x) => x.name === 'Scenarier')!;
  const values = s.values.map((r) => {
    const row = r.map((v) => (v === '' ? null : v));
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    return row;
  });
  while (values.length > 0 && values[values.length - 1].length === 0) values.pop();
  return {
    origin: s.origin,
    values,
    tables: s.tables.map(({ name, row, column, rowCount, columnCount }) => ({ name, row, column, rowCount, columnCount })),
  };
}

const NAMES = ['Basis', 'Lav', 'Høj', 'lav', '=2*3', '1-4'];
const name = fc.constantFrom(...NAMES);
const edit: fc.Arbitrary<ScenarioEdit> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), name, copyOf: fc.option(name, { nil: undefined }) }),
  fc.record({ kind: fc.constant('rename' as const), scenario: name, name }),
  fc.record({ kind: fc.constant('delete' as const), scenario: name }),
  fc.record({
    kind: fc.constant('set' as const),
    scenario: name,
    parameter: fc.constantFrom(
      'Caseload',
      'Caseload Sygedagpenge',
      'Refusion Sygedagpenge',
      'Udelad',
      'Fordeling',
      'Råderum 2027',
    ),
    value: fc.oneof(
      fc.constant(undefined),
      fc.integer({ min: 1, max: 100 }),
      fc.constantFrom('EBU 1', 'K-2, EBU 1', '', 'best-fill', '30 %', '=A1', '+45', '01-04'),
    ),
  }),
);

test('property: the same edits through Excel and through the preview leave the same Scenarier, the one editScenarios said', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { maxLength: 6 }),
      fc.constantFrom('1.17', '1.12'),
      async (batches, apiVersion) => {
        const excel = inExcel(apiVersion);
        let book: ExcelJS.Workbook = newWorkbook(templateSheets(2026));
        const preview = workbookHost(() => book);
        for (const edits of batches) {
          const fromExcel = editScenarios((await readWorkbook(excel.context)).sheets, edits);
          const fromPreview = editScenarios(await preview.read(), edits);
          expect(fromPreview.changes).toEqual(fromExcel.changes);
          expect(fromPreview.refused?.reason).toEqual(fromExcel.refused?.reason);
          await excelHost.writeChanges(fromExcel.changes);
          await preview.writeChanges(fromPreview.changes);
          const office = (await readWorkbook(excel.context)).sheets;
          const file = await preview.read();
          expect(scenarier(office)).toEqual(scenarier(fromExcel.sheets));
          expect(scenarier(file)).toEqual(scenarier(fromExcel.sheets));
          expect(readBook(office).book?.scenarios).toEqual(readBook(file).book?.scenarios);
        }
        // Saved and opened again, the preview's workbook reads the same.
        book = (await openWorkbook((await book.xlsx.writeBuffer()) as ArrayBuffer)).workbook;
        expect(scenarier(readSheets(book))).toEqual(scenarier((await readWorkbook(excel.context)).sheets));
      },
    ),
    { numRuns: 40 },
  );
}, 120_000);
