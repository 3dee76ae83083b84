/** Opening a workbook's bytes with ExcelJS, in Node and in the browser alike. */
import ExcelJS from 'exceljs';
import { NotAWorkbook, normalisePackage, type PackageFacts } from './package';

export interface OpenedWorkbook {
  workbook: ExcelJS.Workbook;
  /** What the package holds that a copy written through ExcelJS loses. */
  facts: PackageFacts;
}

/** ExcelJS could not read a package that looked like a workbook. */
export class DamagedWorkbook extends Error {
  constructor(override readonly cause: unknown) {
    super('the workbook could not be read');
  }
}

/** Reads an `.xlsx`/`.xlsm` package; throws NotAWorkbook or DamagedWorkbook. */
export async function openWorkbook(data: Uint8Array | ArrayBuffer): Promise<OpenedWorkbook> {
  const normalised = await normalisePackage(data);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(normalised.data as unknown as ArrayBuffer);
  } catch (error) {
    throw new DamagedWorkbook(error);
  }
  // Without a theme part the copy would name one it lacks; ExcelJS then writes its default.
  if (!normalised.hasTheme) workbook.clearThemes();
  return { workbook, facts: normalised.facts };
}

export { NotAWorkbook };
