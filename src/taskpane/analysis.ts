/**
 * The pane's calculation itself, in whichever thread runs it: the worker
 * (./calculation.worker.ts) or, where there is none, the pane's own.
 */
import type { SheetCells } from '../workbook/grid';
import { runWorkbook } from '../workbook/run';
import type { Analysis, Calculator, Progress, Purpose } from './calculation';

/** Reading, checking and calculating, without the host: the one path the command line takes too. */
export function analyse(
  sheets: readonly SheetCells[],
  purpose: Purpose = 'calculate',
  onProgress?: (progress: Progress) => void,
): Analysis {
  const { found, issues, results } = runWorkbook(sheets, { onProgress });
  if (purpose === 'check') return { found, issues };
  return { found, issues, outputs: results?.outputs, summary: results?.summary };
}

/** The calculation in the pane's thread, loaded with the pane: the tests' calculator. It cannot be stopped. */
export const inThread: Calculator = {
  stoppable: false,
  start: (sheets, purpose, onProgress) => {
    let result: Promise<Analysis>;
    try {
      result = Promise.resolve(analyse(sheets, purpose, onProgress));
    } catch (error) {
      result = Promise.reject(error);
    }
    return { result, stop: () => false };
  },
  analyseNow: (sheets) => analyse(sheets),
};
