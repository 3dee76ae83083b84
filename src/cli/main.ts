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
import { hasProblems, type Issue } from '../model/problems';
import { evaluate } from '../model/scenarios';
import { formatIssue, type Language } from '../workbook/messages';
import { outputSheets } from '../workbook/output';
import { readBook } from '../workbook/read';
import { jsonReport } from '../workbook/report';
import { templateSheets } from '../workbook/template';
import { readSheets, writeSheets } from '../xlsx/cells';
import { loadWorkbook, newWorkbook, saveWorkbook } from '../xlsx/files';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const USAGE = `Brug / usage:
  raaderum template NY.xlsx [--aar 2026] [--force]
  raaderum run BOG.xlsx [--out UD.xlsx] [--json] [--lang en]`;

class UsageError extends Error {}

const say = (lang: Language, da: string, en: string) => (lang === 'en' ? en : da);

export async function main(argv: string[], io: Io): Promise<number> {
  const lang: Language = argv.includes('--lang') && argv[argv.indexOf('--lang') + 1] === 'en' ? 'en' : 'da';
  try {
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
    throw error;
  }
}

function parse(args: string[], options: NonNullable<Parameters<typeof parseArgs>[0]>['options']) {
  const parsed = parseArgs({ args, options: { ...options, lang: { type: 'string' } }, allowPositionals: true, strict: true });
  if (parsed.positionals.length !== 1) throw new UsageError('der skal angives netop én fil / give exactly one file');
  return { file: parsed.positionals[0], values: parsed.values as Record<string, string | boolean | undefined> };
}

async function template(args: string[], io: Io, lang: Language): Promise<number> {
  const { file, values } = parse(args, { aar: { type: 'string' }, force: { type: 'boolean' } });
  const year = values.aar === undefined ? new Date().getFullYear() + 1 : Number(values.aar);
  if (!Number.isInteger(year) || year < 1900 || year > 9999)
    throw new UsageError(say(lang, `--aar skal være et årstal, ikke "${values.aar}"`, `--aar takes a year, not "${values.aar}"`));
  if (existsSync(file) && !values.force) {
    io.stderr(say(lang, `${file} findes allerede; brug --force for at overskrive`, `${file} exists; use --force to overwrite`));
    return 2;
  }
  try {
    await saveWorkbook(newWorkbook(templateSheets(year)), file);
  } catch (error) {
    io.stderr(say(lang, `kunne ikke skrive ${file}: `, `could not write ${file}: `) + (error as Error).message);
    return 2;
  }
  io.stderr(say(lang, `Skrev skabelonen ${file} (${year}–${year + 3})`, `Wrote the template ${file} (${year}–${year + 3})`));
  return 0;
}

const samePath = (a: string, b: string): boolean => {
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : path.resolve(p));
  return real(a) === real(b);
};

async function run(args: string[], io: Io, lang: Language): Promise<number> {
  const { file, values } = parse(args, { out: { type: 'string' }, json: { type: 'boolean' } });
  const json = values.json === true;
  const out = typeof values.out === 'string' ? values.out : json ? undefined : defaultOutput(file);
  if (out !== undefined && samePath(out, file))
    throw new UsageError(say(lang, '--out må ikke pege på inputfilen', '--out must not name the input file'));

  let workbook;
  try {
    workbook = await loadWorkbook(file);
  } catch (error) {
    io.stderr(say(lang, `kunne ikke læse ${file}: `, `could not read ${file}: `) + (error as Error).message);
    return 2;
  }
  const read = readBook(readSheets(workbook));
  const issues: Issue[] = [...read.issues];
  let code = 1;
  if (read.book) {
    const evaluation = evaluate(read.book);
    issues.push(...evaluation.issues);
    const output = outputSheets(evaluation, read.unit);
    issues.push(...output.issues);
    if (!hasProblems(issues)) {
      if (out !== undefined) {
        writeSheets(workbook, output.sheets);
        try {
          await saveWorkbook(workbook, out);
        } catch (error) {
          report(issues, io, lang);
          io.stderr(say(lang, `kunne ikke skrive ${out}: `, `could not write ${out}: `) + (error as Error).message);
          return 2;
        }
      }
      if (json) io.stdout(JSON.stringify(jsonReport(evaluation, read.unit), null, 2));
      code = 0;
    }
  }
  report(issues, io, lang);
  if (code === 0 && out !== undefined) io.stderr(say(lang, `Skrev ${out}`, `Wrote ${out}`));
  if (code === 1) io.stderr(say(lang, 'Ingen fil skrevet: ret problemerne ovenfor.', 'No file written: fix the problems above.'));
  return code;
}

function report(issues: readonly Issue[], io: Io, lang: Language): void {
  for (const issue of issues)
    io.stderr(`${issue.severity === 'warning' ? say(lang, 'Advarsel: ', 'Warning: ') : ''}${formatIssue(issue, lang)}`);
}

export function defaultOutput(file: string): string {
  const parsed = path.parse(file);
  return path.join(parsed.dir, `${parsed.name}.resultat.xlsx`);
}

if (require.main === module) {
  main(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t + '\n'),
    stderr: (t) => process.stderr.write(t + '\n'),
  }).then(
    (code) => (process.exitCode = code),
    (error: Error) => {
      process.stderr.write(`raaderum: ${error.stack ?? error.message}\n`);
      process.exitCode = 2;
    },
  );
}
