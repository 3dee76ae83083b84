/** Why the preview could not open a file (or save one), in the command line's words. */
import type { Language } from '../workbook/messages';
import { fileProblemText } from '../xlsx/file-problems';
import { DamagedWorkbook, NotAWorkbook } from '../xlsx/open';

export type OpenProblemKind = NotAWorkbook['kind'] | 'damaged' | 'sampleMissing' | 'unexpected' | 'notSaved';

export interface OpenProblem {
  kind: OpenProblemKind;
  file: string;
  /** For 'sampleMissing', 'unexpected' and 'notSaved': what went wrong, as the browser or library said it. */
  detail?: string;
}

export function openProblem(error: unknown, file: string): OpenProblem {
  if (error instanceof NotAWorkbook) return { kind: error.kind, file };
  if (error instanceof DamagedWorkbook) return { kind: 'damaged', file };
  return { kind: 'unexpected', file, detail: error instanceof Error ? error.message : String(error) };
}

export function openProblemText({ kind, file, detail }: OpenProblem, language: Language): string {
  const [da, en] = TEXTS[kind](file, detail ?? '');
  if (kind === 'sampleMissing' || kind === 'notSaved') return language === 'da' ? da : en;
  // The file replaces nothing: say so, as a user may fear for the workbook on screen.
  return language === 'da' ? `${da} Projektmappen, der var åben, er uændret.` : `${en} The workbook that was open is unchanged.`;
}

/** The command line's texts for files that are not workbooks, as sentences. */
const asInCommandLine =
  (kind: NotAWorkbook['kind'] | 'damaged') =>
  (file: string): [string, string] => [`${fileProblemText({ kind, file }, 'da')}.`, `${fileProblemText({ kind, file }, 'en')}.`];

const TEXTS: Record<OpenProblemKind, (f: string, detail: string) => [string, string]> = {
  notZip: asInCommandLine('notZip'),
  noWorkbookPart: asInCommandLine('noWorkbookPart'),
  ods: asInCommandLine('ods'),
  xls: asInCommandLine('xls'),
  damaged: asInCommandLine('damaged'),
  sampleMissing: (f, detail) => [
    `Eksemplet ${f} kunne ikke hentes (${detail}); åbn en projektmappe med "Åbn .xlsx …".`,
    `The sample ${f} could not be fetched (${detail}); open a workbook with "Åbn .xlsx …".`,
  ],
  notSaved: (f, detail) => [
    `${f} kunne ikke gemmes til download (${detail}); projektmappen i browseren er uændret.`,
    `${f} could not be saved for download (${detail}); the workbook in the browser is unchanged.`,
  ],
  unexpected: (f, detail) => [`${f} kunne ikke åbnes (${detail}).`, `${f} could not be opened (${detail}).`],
};
