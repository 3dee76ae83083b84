/**
 * A WorkbookHost over an ExcelJS workbook in memory: the preview's "Excel",
 * and the task pane's tests. Same grids in, same grids out as Office.js.
 */
import type { Workbook } from 'exceljs';
import type { CellPlace } from '../model/types';
import type { WorkbookHost } from '../workbook/host';
import { isOutputSheet } from '../workbook/read';
import { readSheets, writeSheets } from './cells';

export interface WorkbookEvents {
  /** The workbook's sheets changed (output written, template added). */
  changed?: () => void;
  /** The user asked to see a place. */
  selected?: (place: CellPlace) => void;
}

export function workbookHost(workbook: () => Workbook, events: WorkbookEvents = {}): WorkbookHost {
  const inputs = () => readSheets(workbook()).filter((s) => !isOutputSheet(s.name));
  return {
    read: async () => inputs(),
    run: async (produce, onProgress) => {
      const outputs = produce(inputs());
      if (!outputs) return;
      writeSheets(workbook(), outputs);
      onProgress?.(1, 1);
      events.changed?.();
    },
    addMissingSheets: async (sheets) => {
      const have = new Set(workbook().worksheets.map((w) => w.name.toLowerCase()));
      const missing = sheets.filter((s) => !have.has(s.name.toLowerCase()));
      writeSheets(workbook(), missing);
      if (missing.length > 0) events.changed?.();
      return missing.map((s) => s.name);
    },
    select: async (place) => events.selected?.(place),
  };
}
