/** The task pane's host inside Excel: each call is one `Excel.run`. */
import type { WorkbookHost } from '../workbook/host';
import { apiSupport, readWorkbook, selectPlace, sheetNames, writeSheets } from './excel-adapter';
import { hostError } from './errors';

async function inExcel<T>(work: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    return await Excel.run(work);
  } catch (error) {
    throw hostError(error);
  }
}

export const excelHost: WorkbookHost = {
  read: () => inExcel(async (context) => (await readWorkbook(context)).sheets),
  run: (produce, onProgress) =>
    inExcel(async (context) => {
      const { sheetNames, sheets } = await readWorkbook(context);
      const outputs = produce(sheets);
      if (outputs) await writeSheets(context, outputs, { support: apiSupport(), sheetNames, onProgress });
    }),
  addMissingSheets: (sheets) =>
    inExcel(async (context) => {
      const names = await sheetNames(context);
      const have = new Set(names.map((n) => n.toLowerCase()));
      await writeSheets(context, sheets, { support: apiSupport(), sheetNames: names, addOnly: true });
      return sheets.map((s) => s.name).filter((n) => !have.has(n.toLowerCase()));
    }),
  select: (place) => inExcel((context) => selectPlace(context, place)),
};
