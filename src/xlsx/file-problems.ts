/**
 * What a file problem is called, in Danish and English: one wording for the
 * command line and the preview. No file system here, so the browser can load it.
 */
import type { Language } from '../workbook/messages';
import type { NotWorkbookKind } from './package';

/** A workbook file larger than this is refused before it is read (ExcelJS holds it all in memory). */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

export type FileProblemKind =
  | 'missing'
  | 'directory'
  | 'notRegular'
  | 'noPermission'
  | 'tooLarge'
  | 'unreadable'
  | NotWorkbookKind
  | 'damaged'
  | 'cannotWrite';

export interface FileProblemFacts {
  kind: FileProblemKind;
  file: string;
  /** The system's error code (ENOENT, EACCES, …) where there was one. */
  code?: string;
  bytes?: number;
}

const say = (lang: Language, da: string, en: string) => (lang === 'en' ? en : da);

/** The file's name as the user gave it, in quotes when it has spaces. */
const shown = (file: string) => (/\s/.test(file) ? `"${file}"` : file);

export function fileProblemText(problem: FileProblemFacts, lang: Language): string {
  const f = shown(problem.file);
  const mb = (bytes: number) => Math.ceil(bytes / (1024 * 1024));
  switch (problem.kind) {
    case 'missing':
      return say(lang, `filen ${f} findes ikke`, `the file ${f} does not exist`);
    case 'directory':
      return say(lang, `${f} er en mappe, ikke en projektmappe (.xlsx)`, `${f} is a folder, not a workbook (.xlsx)`);
    case 'notRegular':
      return say(
        lang,
        `${f} er ikke en almindelig fil (men fx en pipe eller en enhed); gem projektmappen som en .xlsx-fil`,
        `${f} is not a regular file (but e.g. a pipe or a device); save the workbook as an .xlsx file`,
      );
    case 'noPermission':
      return say(lang, `ingen adgang til at læse ${f}`, `no permission to read ${f}`);
    case 'tooLarge':
      return say(
        lang,
        `${f} er for stor til at læse (${mb(problem.bytes ?? 0)} MB; højst ${mb(MAX_FILE_BYTES)} MB)`,
        `${f} is too large to read (${mb(problem.bytes ?? 0)} MB; at most ${mb(MAX_FILE_BYTES)} MB)`,
      );
    case 'unreadable':
      return say(
        lang,
        `${f} kunne ikke læses (${problem.code ?? 'ukendt fejl'})`,
        `${f} could not be read (${problem.code ?? 'unknown error'})`,
      );
    case 'notZip':
    case 'noWorkbookPart':
      return say(
        lang,
        `${f} er ikke en Excel-projektmappe (.xlsx eller .xlsm)`,
        `${f} is not an Excel workbook (.xlsx or .xlsm)`,
      );
    case 'ods':
      return say(
        lang,
        `${f} er et OpenDocument-regneark (.ods), ikke en Excel-projektmappe; gem det som .xlsx (Filer > Gem som > Excel 2007-365) og prøv igen`,
        `${f} is an OpenDocument spreadsheet (.ods), not an Excel workbook; save it as .xlsx (File > Save As > Excel 2007-365) and try again`,
      );
    case 'xls':
      return say(
        lang,
        `${f} er en gammel Excel-fil (.xls) eller en projektmappe med adgangskode; gem den i Excel som .xlsx uden adgangskode og prøv igen`,
        `${f} is an old Excel file (.xls) or a password-protected workbook; save it in Excel as .xlsx without a password and try again`,
      );
    case 'damaged':
      return say(
        lang,
        `${f} ligner en projektmappe, men kunne ikke læses; filen kan være beskadiget (åbn og gem den i Excel, og prøv igen)`,
        `${f} looks like a workbook but could not be read; the file may be damaged (open and save it in Excel, and try again)`,
      );
    case 'cannotWrite': {
      const why: Record<string, [string, string]> = {
        ENOENT: ['mappen findes ikke', 'the folder does not exist'],
        ENOTDIR: ['mappen findes ikke', 'the folder does not exist'],
        EACCES: ['ingen adgang til at skrive der', 'no permission to write there'],
        EPERM: ['ingen adgang til at skrive der', 'no permission to write there'],
        EROFS: ['drevet er skrivebeskyttet', 'the drive is read-only'],
        EISDIR: ['der ligger en mappe med det navn', 'a folder has that name'],
        ENOSPC: ['disken er fuld', 'the disk is full'],
      };
      const [da, en] = why[problem.code ?? ''] ?? [problem.code ?? 'ukendt fejl', problem.code ?? 'unknown error'];
      return say(lang, `kunne ikke skrive ${f}: ${da}; ingen fil skrevet`, `could not write ${f}: ${en}; no file written`);
    }
  }
}
