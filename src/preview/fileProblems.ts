/**
 * Why the preview could not open a file (or save one), in the command line's words
 * (src/cli/main.ts `fileProblemText`, which the browser bundle cannot import).
 */
import type { Language } from '../workbook/messages';
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

const TEXTS: Record<OpenProblemKind, (f: string, detail: string) => [string, string]> = {
  notZip: (f) => [`${f} er ikke en Excel-projektmappe (.xlsx eller .xlsm).`, `${f} is not an Excel workbook (.xlsx or .xlsm).`],
  noWorkbookPart: (f) => [
    `${f} er ikke en Excel-projektmappe (.xlsx eller .xlsm).`,
    `${f} is not an Excel workbook (.xlsx or .xlsm).`,
  ],
  ods: (f) => [
    `${f} er et OpenDocument-regneark (.ods), ikke en Excel-projektmappe; gem det som .xlsx (Filer > Gem som > Excel 2007-365) og prøv igen.`,
    `${f} is an OpenDocument spreadsheet (.ods), not an Excel workbook; save it as .xlsx (File > Save As > Excel 2007-365) and try again.`,
  ],
  xls: (f) => [
    `${f} er en gammel Excel-fil (.xls) eller en projektmappe med adgangskode; gem den i Excel som .xlsx uden adgangskode og prøv igen.`,
    `${f} is an old Excel file (.xls) or a password-protected workbook; save it in Excel as .xlsx without a password and try again.`,
  ],
  damaged: (f) => [
    `${f} ligner en projektmappe, men kunne ikke læses; filen kan være beskadiget (åbn og gem den i Excel, og prøv igen).`,
    `${f} looks like a workbook but could not be read; the file may be damaged (open and save it in Excel, and try again).`,
  ],
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
