/**
 * The pane's calculation itself, in whichever thread runs it: the worker
 * (./calculation.worker.ts) or, where there is none, the pane's own.
 */
import type { SheetCells } from '../workbook/grid';
import type { Language } from '../workbook/messages';
import { runWorkbook } from '../workbook/run';
import type { Analysis, Calculator, Progress, Purpose } from './calculation';
import { fundingChanges } from './funding-changes';

/**
 * Reading, checking and calculating, without the host: the one path the command line takes too.
 * `language` is the pane's: the output sheets are written in it (unless the workbook's `Sprog` says otherwise).
 */
export function analyse(
  sheets: readonly SheetCells[],
  purpose: Purpose = 'calculate',
  onProgress?: (progress: Progress) => void,
  language?: Language,
): Analysis {
  const { found, issues, results } = runWorkbook(sheets, { onProgress, language, handout: purpose === 'handout' });
  if (purpose === 'check' || !results) return { found, issues };
  return {
    found,
    issues,
    outputs: results.outputs,
    summary: results.summary,
    changes: fundingChanges(results.figures, found.unit),
  };
}

/** The calculation in the pane's thread, loaded with the pane: the tests' calculator. It cannot be stopped. */
export const inThread: Calculator = {
  stoppable: false,
  start: (sheets, purpose, onProgress, language) => {
    let result: Promise<Analysis>;
    try {
      result = Promise.resolve(analyse(sheets, purpose, onProgress, language));
    } catch (error) {
      result = Promise.reject(error);
    }
    return { result, stop: () => false };
  },
  analyseNow: (sheets, language, purpose = 'calculate') => analyse(sheets, purpose, undefined, language),
};
