/**
 * `raaderum template NEW.xlsx [--aar 2026] [--force]`
 * `raaderum run BOOK.xlsx [--out OUT.xlsx] [--json] [--lang en]`
 *
 * Exit status: 0 done (warnings allowed), 1 problems in the workbook (no file
 * written), 2 wrong usage or a file that cannot be read or written. Standard
 * output carries only the JSON; everything else goes to standard error.
 */
import { existsSync, realpathSync } from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import type { Issue } from '../model/problems';
import { formatIssue, type Language } from '../workbook/messages';
import { runWorkbook } from '../workbook/run';
import { templateSheets } from '../workbook/template';
import { fileProblemText } from '../xlsx/file-problems';
import { FileProblem, newWorkbook, saveBytes, saveWorkbook, zlibCompressed } from '../xlsx/files';
import { SheetNameTaken, TableNameTaken, writeOutputSheets } from '../xlsx/package-writer';
import { readWorkbookSheets } from '../xlsx/sheet-reader';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const USAGE = `Brug / usage:
  raaderum template NY.xlsx [--aar 2026] [--force] [--lang en]
  raaderum run BOG.xlsx [--out UD.xlsx] [--json] [--lang en]

  run       beregner scenarierne og skriver en kopi med arkene Resultat, Råderum,
            Sammenligning og Beregning og kørslen nederst i loggen Kørsler
            (standard: BOG.resultat.xlsx, BOG.resultat.xlsm for en .xlsm);
            alt andet i kopien er som i BOG; inputfilen ændres aldrig.
            --json skriver resultatet som JSON på standard output (og ingen fil uden --out).
  template  skriver en tom skabelon for fire år fra --aar (standard: næste år).
  --lang en beskeder på engelsk / messages in English.

Afslutningskode / exit status: 0 færdig, 1 problemer i projektmappen (ingen fil skrevet),
  2 forkert brug eller en fil, der ikke kan læses eller skrives.`;

const LANGUAGES: readonly Language[] = ['da', 'en'];

class UsageError extends Error {}

const say = (lang: Language, da: string, en: string) => (lang === 'en' ? en : da);

/** The language asked for (`--lang en` or `--lang=en`), read before anything else so every message can use it. */
function languageOf(argv: readonly string[]): { lang: Language; unknown?: string } {
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i] === '--lang' ? argv[i + 1] : argv[i].startsWith('--lang=') ? argv[i].slice(7) : undefined;
    if (value === undefined) continue;
    return LANGUAGES.includes(value as Language) ? { lang: value as Language } : { lang: 'da', unknown: value };
  }
  return { lang: 'da' };
}

export async function main(argv: string[], io: Io): Promise<number> {
  const { lang, unknown } = languageOf(argv);
  try {
    if (unknown !== undefined)
      throw new UsageError(
        `ukendt sprog "${unknown}" til --lang (brug da eller en) / unknown language "${unknown}" (use da or en)`,
      );
    const [command, ...rest] = argv;
    if (command === 'template') return await template(rest, io, lang);
    if (command === 'run') return await run(rest, io, lang);
    if (command === '--help' || command === '-h' || command === 'help') {
      io.stderr(USAGE);
      return 0;
    }
    throw new UsageError(say(lang, `ukendt kommando "${command ?? ''}"`, `unknown command "${command ?? ''}"`));
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`raaderum: ${(error as Error).message}\n${USAGE}`);
      return 2;
    }
    if (error instanceof FileProblem) {
      io.stderr(`raaderum: ${fileProblemText(error, lang)}`);
      return 2;
    }
    throw error;
  }
}

function parse(args: string[], options: NonNullable<Parameters<typeof parseArgs>[0]>['options']) {
  const parsed = parseArgs({
    args,
    options: { ...options, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  });
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help) return { help: true as const, file: '', values };
  if (parsed.positionals.length !== 1) throw new UsageError('der skal angives netop én fil / give exactly one file');
  return { help: false as const, file: parsed.positionals[0], values };
}

async function template(args: string[], io: Io, lang: Language): Promise<number> {
  const { help, file, values } = parse(args, { aar: { type: 'string' }, force: { type: 'boolean' } });
  if (help) {
    io.stderr(USAGE);
    return 0;
  }
  const year = values.aar === undefined ? new Date().getFullYear() + 1 : Number(values.aar);
  if (!Number.isInteger(year) || year < 1900 || year > 9999)
    throw new UsageError(say(lang, `--aar skal være et årstal, ikke "${values.aar}"`, `--aar takes a year, not "${values.aar}"`));
  if (existsSync(file) && !values.force) {
    io.stderr(say(lang, `${file} findes allerede; brug --force for at overskrive`, `${file} exists; use --force to overwrite`));
    return 2;
  }
  await saveWorkbook(newWorkbook(templateSheets(year)), file);
  io.stderr(say(lang, `Skrev skabelonen ${file} (${year}–${year + 3})`, `Wrote the template ${file} (${year}–${year + 3})`));
  return 0;
}

const samePath = (a: string, b: string): boolean => {
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : path.resolve(p));
  return real(a) === real(b);
};

async function run(args: string[], io: Io, lang: Language): Promise<number> {
  const { help, file, values } = parse(args, { out: { type: 'string' }, json: { type: 'boolean' } });
  if (help) {
    io.stderr(USAGE);
    return 0;
  }
  const json = values.json === true;
  const out = typeof values.out === 'string' ? values.out : json ? undefined : defaultOutput(file);
  if (out !== undefined && samePath(out, file))
    throw new UsageError(say(lang, '--out må ikke pege på inputfilen', '--out must not name the input file'));
  // The copy is the input's package with the output sheets in it: an .xlsm stays an .xlsm (with its macros).
  if (out !== undefined && path.extname(out).toLowerCase() !== extensionOf(file))
    throw new UsageError(
      say(
        lang,
        `--out skal ende på ${extensionOf(file)} som inputfilen ${file}, ikke "${out}"`,
        `--out must end in ${extensionOf(file)} like the input ${file}, not "${out}"`,
      ),
    );

  const { issues, results, bytes } = await runFile(file, json, out !== undefined);
  let code = 1;
  if (results) {
    if (out !== undefined) {
      let copy: Uint8Array;
      try {
        copy = await writeOutputSheets(bytes, results.outputs, { compressed: zlibCompressed });
      } catch (error) {
        if (error instanceof SheetNameTaken) {
          report(issues, io, lang);
          io.stderr(
            say(
              lang,
              `Arket ${error.sheet} er ikke et regneark (fx et diagramark) og kan ikke erstattes af resultatet; omdøb det. Ingen fil skrevet.`,
              `The sheet ${error.sheet} is not a worksheet (a chart sheet, say) and cannot be replaced by the results; rename it. No file written.`,
            ),
          );
          return 1;
        }
        if (!(error instanceof TableNameTaken)) throw error;
        report(issues, io, lang);
        io.stderr(
          say(
            lang,
            `Tabelnavnet ${error.table} bruges allerede på arket ${error.sheet} og er forbeholdt resultatet; omdøb den tabel. Ingen fil skrevet.`,
            `The table name ${error.table} is already used on the sheet ${error.sheet} and is reserved for the results; rename that table. No file written.`,
          ),
        );
        return 1;
      }
      try {
        await saveBytes(async () => copy, out);
      } catch (error) {
        if (!(error instanceof FileProblem)) throw error;
        report(issues, io, lang);
        io.stderr(`raaderum: ${fileProblemText(error, lang)}`);
        return 2;
      }
    }
    if (results.report) io.stdout(JSON.stringify(results.report, null, 2));
    code = 0;
  }
  report(issues, io, lang);
  if (code === 0 && out !== undefined) io.stderr(say(lang, `Skrev ${out}`, `Wrote ${out}`));
  if (code === 1) io.stderr(say(lang, 'Ingen fil skrevet: ret problemerne ovenfor.', 'No file written: fix the problems above.'));
  return code;
}

/**
 * Reads and runs a workbook; the grids read are let go here, so their memory is free before the copy is
 * written. Without a copy to write, the output sheets are not laid out (the JSON needs none of them).
 */
async function runFile(file: string, report: boolean, sheets: boolean) {
  const read = await readWorkbookSheets(file);
  return { ...runWorkbook(read.sheets, { report, sheets }), bytes: read.bytes };
}

function report(issues: readonly Issue[], io: Io, lang: Language): void {
  for (const issue of issues)
    io.stderr(`${issue.severity === 'warning' ? say(lang, 'Advarsel: ', 'Warning: ') : ''}${formatIssue(issue, lang)}`);
}

/** `.xlsx` or `.xlsm` (lower case); anything else reads as `.xlsx`, the package the copy then is. */
function extensionOf(file: string): string {
  return path.extname(file).toLowerCase() === '.xlsm' ? '.xlsm' : '.xlsx';
}

export function defaultOutput(file: string): string {
  const parsed = path.parse(file);
  return path.join(parsed.dir, `${parsed.name}.resultat${extensionOf(file)}`);
}

if (require.main === module) {
  main(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t + '\n'),
    stderr: (t) => process.stderr.write(t + '\n'),
  }).then(
    (code) => (process.exitCode = code),
    (error: Error) => {
      process.stderr.write(
        `raaderum: intern fejl / internal error: ${process.env.RAADERUM_DEBUG ? error.stack : error.message}\n`,
      );
      process.exitCode = 2;
    },
  );
}
