/** The task pane's host inside Excel: each call is one `Excel.run`. */
import type { WorkbookHost } from '../workbook/host';
import { sameSheetName } from '../workbook/read';
import { apiSupport, readWorkbook, selectPlace, workbookNames, writeSheets } from './excel-adapter';
import { hostError } from './errors';
import { editorSupport, watchWorkbook, writeChanges } from './changes';

/**
 * One `Excel.run` that waits while the user edits a cell (`delayForCellEdit`)
 * instead of failing. A host that refuses run options before the batch starts
 * gets the plain `Excel.run`; in edit mode that fails with a clear 'editMode'.
 */
export async function inExcel<T>(work: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  let started = false;
  const batch = (context: Excel.RequestContext) => {
    started = true;
    return work(context);
  };
  try {
    try {
      return await Excel.run({ delayForCellEdit: true }, batch);
    } catch (error) {
      if (started) throw error;
      return await Excel.run(batch);
    }
  } catch (error) {
    throw hostError(error);
  }
}

export const excelHost: WorkbookHost = {
  read: () => inExcel(async (context) => (await readWorkbook(context)).sheets),
  run: (produce, onProgress) =>
    inExcel(async (context) => {
      const workbook = await readWorkbook(context);
      const outputs = produce(workbook.sheets);
      // What an older Excel could not draw (WriteReport.notDrawn) has no way to the pane yet (WorkbookHost.run).
      if (outputs) await writeSheets(context, outputs, { support: apiSupport(), workbook, onProgress });
    }),
  addMissingSheets: (sheets) =>
    inExcel(async (context) => {
      const workbook = await workbookNames(context);
      await writeSheets(context, sheets, { support: apiSupport(), workbook, addOnly: true });
      return sheets.map((s) => s.name).filter((name) => !workbook.sheetNames.some((n) => sameSheetName(n, name)));
    }),
  select: (place) => inExcel((context) => selectPlace(context, place)),
  writeChanges: (changes) => inExcel((context) => writeChanges(context, changes, editorSupport())),
  watch: (events) =>
    watchWorkbook(
      {
        run: (batch) => inExcel(batch),
        runIn: async (context, batch) => {
          try {
            return await Excel.run(context, batch);
          } catch (error) {
            throw hostError(error);
          }
        },
      },
      events,
      editorSupport(),
    ),
};
