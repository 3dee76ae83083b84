/**
 * A WorkbookHost over an ExcelJS workbook in memory: the preview's "Excel",
 * and the task pane's tests. Same grids in, same grids out as Office.js.
 */
import type { Workbook } from 'exceljs';
import type { CellPlace } from '../model/types';
import type { OutputSheet } from '../workbook/output';
import { HostError, type WorkbookHost, type WorkbookWatch } from '../workbook/host';
import { sameSheetName } from '../workbook/read';
import type { SheetChanges } from '../workbook/scenario-edit';
import { SCENARIO_SHEET } from '../workbook/scenario-sheet';
import { readSheets, TableNameTaken, writeCellChanges, writeSheets } from './cells';

export interface WorkbookEvents {
  /** The workbook's sheets changed (output written, template added). */
  changed?: () => void;
  /** The user asked to see a place. */
  selected?: (place: CellPlace) => void;
  /** These sheets were written (output sheets, or template sheets added): the preview's download writes them into the file's own package. */
  written?: (sheets: readonly OutputSheet[]) => void;
  /** These cells were written (the scenario editor's): the preview's download writes them into the file's own package too. */
  changesWritten?: (changes: readonly SheetChanges[]) => void;
}

/** The preview's host: a WorkbookHost, and the way its sheet view tells the pane what the user does there. */
export interface PreviewHost extends WorkbookHost {
  watch(events: WorkbookWatch): Promise<() => void>;
  /** The user changed cells of a sheet by hand (in the preview's sheet view): a watcher of Scenarier hears of it. */
  editedByHand(sheet: string): void;
  /** The user selected a cell in the preview's sheet view. */
  selectedByHand(place: CellPlace): void;
}

export function workbookHost(workbook: () => Workbook, events: WorkbookEvents = {}): PreviewHost {
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
  const watchers = new Set<WorkbookWatch>();
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
    writeChanges: async (changes) => {
      if (changes.length === 0) return;
      writeCellChanges(workbook(), changes);
      events.changesWritten?.(changes);
      events.changed?.();
    },
    watch: async (watch) => {
      watchers.add(watch);
      return () => void watchers.delete(watch);
    },
    editedByHand: (sheet) => {
      if (sameSheetName(sheet, SCENARIO_SHEET)) for (const w of [...watchers]) w.scenariosChanged?.();
    },
    selectedByHand: (place) => {
      for (const w of [...watchers]) w.selected?.(place);
    },
  };
}
