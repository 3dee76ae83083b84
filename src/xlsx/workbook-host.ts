/**
 * A WorkbookHost over an ExcelJS workbook in memory: the preview's "Excel",
 * and the task pane's tests. Same grids in, same grids out as Office.js.
 */
import type { Workbook } from 'exceljs';
import type { CellPlace } from '../model/types';
import type { OutputSheet } from '../workbook/output';
import { HostError, type WorkbookHost } from '../workbook/host';
import { sameSheetName } from '../workbook/read';
import { readSheets, TableNameTaken, writeSheets } from './cells';

export interface WorkbookEvents {
  /** The workbook's sheets changed (output written, template added). */
  changed?: () => void;
  /** The user asked to see a place. */
  selected?: (place: CellPlace) => void;
  /** These sheets were written (output sheets, or template sheets added): the preview's download writes them into the file's own package. */
  written?: (sheets: readonly OutputSheet[]) => void;
}

export function workbookHost(workbook: () => Workbook, events: WorkbookEvents = {}): WorkbookHost {
  // All sheets, output sheets too: readBook checks that an output sheet is ours before it is replaced.
  const sheets = () => readSheets(workbook());
  const write = (outputs: OutputSheet[]) => {
    try {
      writeSheets(workbook(), outputs);
      if (outputs.length > 0) events.written?.(outputs);
    } catch (error) {
      if (error instanceof TableNameTaken)
        throw new HostError(
          'other',
          `Tabelnavnet ${error.table} bruges allerede på arket ${error.sheet}; omdøb den tabel og prøv igen.`,
        );
      throw error;
    }
  };
  return {
    read: async () => sheets(),
    run: async (produce, onProgress) => {
      const outputs = produce(sheets());
      if (!outputs) return;
      write(outputs);
      onProgress?.(1, 1);
      events.changed?.();
    },
    addMissingSheets: async (added) => {
      const have = workbook().worksheets.map((w) => w.name);
      const missing = added.filter((s) => !have.some((name) => sameSheetName(name, s.name)));
      write(missing);
      if (missing.length > 0) events.changed?.();
      return missing.map((s) => s.name);
    },
    select: async (place) => events.selected?.(place),
  };
}
