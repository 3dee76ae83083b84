/** Reading and writing `.xlsx` files through ExcelJS. */
import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** Writes beside the target first and renames, so a failed write leaves no half file. */
export async function saveWorkbook(workbook: ExcelJS.Workbook, file: string): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await workbook.xlsx.writeFile(temporary);
    await fs.rename(temporary, file);
  } finally {
    await fs.rm(temporary, { force: true });
  }
}

export { newWorkbook } from './cells';
