/**
 * `raaderum template NEW.xlsx [--aar 2026] [--force]`
 * `raaderum run BOOK.xlsx [--out OUT.xlsx] [--json] [--lang en] [--forhandlingsoversigt]`
 * `raaderum sweep BOOK.xlsx --caseload [YDELSE:]40:45:0.5 | --refusion YDELSE:-10:10:1 [--scenario NAME] [--json|--csv]`
 * `raaderum break-even BOOK.xlsx --nr NR | --fund-to-priority N [--scenario NAME] [--json]`
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
import {
  breakEvenJson,
  breakEvenText,
  breakEvenWorkbook,
  danishNumber,
  refusalText,
  sweepCsv,
  sweepJson,
  sweepWorkbook,
  type BreakEvenQuestion,
  type Outcome,
  type SweepAnswer,
  type SweepQuestion,
} from '../workbook/sensitivity';
import type { BreakEvenRefusal } from '../model/break-even';
import { pointCount } from '../model/sensitivity';
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
  raaderum run BOG.xlsx [--out UD.xlsx] [--json] [--lang en] [--forhandlingsoversigt]
  raaderum sweep BOG.xlsx (--caseload [YDELSE:]40:45:0.5 | --refusion YDELSE:-10:10:1)
                 [--scenario NAVN] [--json | --csv] [--lang en]
  raaderum break-even BOG.xlsx (--nr NR | --fund-to-priority N) [--scenario NAVN] [--json] [--lang en]

  run       beregner scenarierne og skriver en kopi med arkene Resultat, Råderum,
            Sammenligning og Beregning og kørslen nederst i loggen Kørsler
            (standard: BOG.resultat.xlsx, BOG.resultat.xlsm for en .xlsm);
            alt andet i kopien er som i BOG; inputfilen ændres aldrig.
            --json skriver resultatet som JSON på standard output (og ingen fil uden --out).
            --forhandlingsoversigt skriver også arket Forhandlingsoversigt (til mødet, A4 liggende);
            uden den bliver en tidligere oversigt i BOG stående, som den er.
  template  skriver en tom skabelon for fire år fra --aar (standard: næste år).
  sweep     netto i alt, budgetvirkning og råderum tilbage pr. år for et scenarie (standard: det første),
            når caseloaden går fra 40 til 45 i trin på 0,5 (alle Caseload-parametre, eller kun YDELSE's),
            eller refusionssatsen for YDELSE flyttes -10 til +10 procentpoint (en trappe: dens effektive sats).
            Beløb i projektmappens enhed. --csv: semikolonsepareret med decimalkomma, som dansk Excel læser det.
  break-even  for forslaget NR: den caseload og det antal fuldtidspersoner, hvor netto er 0;
            --fund-to-priority N: det råderum pr. år, der finansierer ønskerne med Prioritet 1..N.
  --lang en beskeder på engelsk / messages in English.

Afslutningskode / exit status: 0 færdig, 1 problemer i projektmappen (ingen fil skrevet; sweep og
  break-even: eller projektmappen mangler det, svaret kræver), 2 forkert brug (også et scenarie, Nr,
  en ydelse eller prioritet, projektmappen ikke har) eller en fil, der ikke kan læses eller skrives.`;

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
    if (command === 'sweep') return await sweepCommand(rest, io, lang);
    if (command === 'break-even') return await breakEvenCommand(rest, io, lang);
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
  const { help, file, values } = parse(args, {
    out: { type: 'string' },
    json: { type: 'boolean' },
    forhandlingsoversigt: { type: 'boolean' },
  });
  if (help) {
    io.stderr(USAGE);
    return 0;
  }
  const json = values.json === true;
  const out = typeof values.out === 'string' ? values.out : json ? undefined : defaultOutput(file);
  const handout = values.forhandlingsoversigt === true;
  // The handout is a sheet in the copy: with --json alone no copy is written, so the flag would do nothing.
  if (handout && out === undefined)
    throw new UsageError(
      say(
        lang,
        '--forhandlingsoversigt skrives i kopien: brug --out sammen med --json',
        '--forhandlingsoversigt is written in the copy: give --out with --json',
      ),
    );
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

  const { issues, results, bytes } = await runFile(file, { report: json, sheets: out !== undefined, handout });
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
async function runFile(file: string, options: { report: boolean; sheets: boolean; handout: boolean }) {
  const read = await readWorkbookSheets(file);
  return { ...runWorkbook(read.sheets, options), bytes: read.bytes };
}

function report(issues: readonly Issue[], io: Io, lang: Language): void {
  for (const issue of issues)
    io.stderr(`${issue.severity === 'warning' ? say(lang, 'Advarsel: ', 'Warning: ') : ''}${formatIssue(issue, lang)}`);
}

/** `.xlsx` or `.xlsm` (lower case); anything else reads as `.xlsx`, the package the copy then is. */
function extensionOf(file: string): string {
  return path.extname(file).toLowerCase() === '.xlsm' ? '.xlsm' : '.xlsx';
}

/** `40:45:0.5` or `YDELSE:-10:10:1` (a decimal comma is read too): the benefit, if any, and three numbers. */
function rangeOf(option: string, text: string, lang: Language, benefitRequired: boolean) {
  const parts = text.split(':');
  const numbers = parts.slice(-3).map((p) => (/^\s*[-+]?\d+([.,]\d+)?\s*$/.test(p) ? Number(p.replace(',', '.')) : NaN));
  const benefit = parts.length === 4 ? parts[0].trim() : undefined;
  const [from, to, step] = numbers;
  const wrong = (why: string, whyEn: string) =>
    new UsageError(say(lang, `--${option} "${text}": ${why}`, `--${option} "${text}": ${whyEn}`));
  if (parts.length < 3 || parts.length > 4 || numbers.some((n) => !Number.isFinite(n)) || (parts.length === 4 && !benefit))
    throw wrong(
      `skriv ${benefitRequired ? 'YDELSE:' : '[YDELSE:]'}FRA:TIL:TRIN, fx ${option === 'caseload' ? '40:45:0.5' : 'sygedagpenge:-10:10:1'}`,
      `write ${benefitRequired ? 'BENEFIT:' : '[BENEFIT:]'}FROM:TO:STEP, e.g. ${option === 'caseload' ? '40:45:0.5' : 'sygedagpenge:-10:10:1'}`,
    );
  if (benefitRequired && benefit === undefined)
    throw wrong('angiv ydelsen først, fx sygedagpenge:-10:10:1', 'name the benefit first, e.g. sygedagpenge:-10:10:1');
  if (!(step > 0)) throw wrong('trinnet skal være over 0', 'the step must be above 0');
  if (to < from) throw wrong('TIL skal være mindst FRA', 'TO must be at least FROM');
  if (pointCount(from, to, step) > MAX_POINTS) throw wrong(`højst ${MAX_POINTS} punkter`, `at most ${MAX_POINTS} points`);
  if (option === 'caseload' && !(from > 0)) throw wrong('en caseload skal være over 0', 'a caseload must be above 0');
  return { benefit, from, to, step };
}

/** Points a sweep may have: far more than a table or a chart shows. */
const MAX_POINTS = 1001;

/** A question the workbook cannot answer: 2 when what was typed names nothing in it, 1 when the workbook lacks what the answer needs. */
function refused(outcome: Extract<Outcome<unknown>, { ok: false }>, io: Io, lang: Language): number {
  report(outcome.issues, io, lang);
  if (!outcome.refusal) {
    io.stderr(say(lang, 'Intet svar: ret problemerne ovenfor.', 'No answer: fix the problems above.'));
    return 1;
  }
  io.stderr(`raaderum: ${refusalText(outcome.refusal, lang, outcome.place)}`);
  return TYPED_REFUSALS.includes(outcome.refusal.reason) ? 2 : 1;
}

const TYPED_REFUSALS: readonly BreakEvenRefusal['reason'][] = ['unknownScenario', 'unknownNr', 'unknownBenefit', 'noRequests'];

async function sweepCommand(args: string[], io: Io, lang: Language): Promise<number> {
  const { help, file, values } = parse(args, {
    caseload: { type: 'string' },
    refusion: { type: 'string' },
    scenario: { type: 'string' },
    json: { type: 'boolean' },
    csv: { type: 'boolean' },
  });
  if (help) {
    io.stderr(USAGE);
    return 0;
  }
  if ((values.caseload === undefined) === (values.refusion === undefined))
    throw new UsageError(say(lang, 'angiv enten --caseload eller --refusion', 'give either --caseload or --refusion'));
  if (values.json && values.csv) throw new UsageError(say(lang, 'vælg --json eller --csv', 'choose --json or --csv'));
  const caseload = typeof values.caseload === 'string';
  const range = caseload
    ? rangeOf('caseload', values.caseload as string, lang, false)
    : rangeOf('refusion', values.refusion as string, lang, true);
  const question: SweepQuestion = {
    scenario: typeof values.scenario === 'string' ? values.scenario : undefined,
    parameter: caseload
      ? { kind: 'caseload', ...(range.benefit !== undefined ? { benefit: range.benefit } : {}) }
      : { kind: 'refusion', benefit: range.benefit as string },
    from: range.from,
    to: range.to,
    step: range.step,
  };
  const read = await readWorkbookSheets(file);
  const outcome = sweepWorkbook(read.sheets, question);
  if (!outcome.ok) return refused(outcome, io, lang);
  report(outcome.issues, io, lang);
  if (values.json) io.stdout(JSON.stringify(sweepJson(outcome.answer), null, 2));
  else if (values.csv) io.stdout(sweepCsv(outcome.answer, lang).replace(/\r\n$/, ''));
  else io.stdout(sweepTable(outcome.answer, lang));
  const skipped = outcome.answer.sweep.points.filter((p) => p.outOfRange).length;
  if (skipped > 0)
    io.stderr(
      say(
        lang,
        `${skipped} punkter udeladt: satsen ville være under 0 % eller over 100 %.`,
        `${skipped} points left out: the rate would be below 0 % or above 100 %.`,
      ),
    );
  return 0;
}

/** The sweep as a table for a terminal: one line per point, the years side by side for each figure. */
function sweepTable(answer: SweepAnswer, lang: Language): string {
  const en = lang === 'en';
  const refusion = answer.sweep.parameter.kind === 'refusion';
  const head = refusion ? (en ? 'points' : 'point') : 'caseload';
  const lines = [
    `${answer.sweep.scenario} (${answer.unit})`,
    [
      head,
      ...(refusion ? [en ? 'rate %' : 'sats %'] : []),
      en ? 'year' : 'år',
      en ? 'netto' : 'netto',
      en ? 'effect' : 'virkning',
      en ? 'left' : 'tilbage',
    ].join('\t'),
  ];
  for (const r of answer.rows)
    lines.push(
      [
        danishNumber(r.value, 6, en),
        ...(refusion ? [danishNumber(r.ratePercent ?? 0, 6, en)] : []),
        String(r.year),
        danishNumber(r.totalNetto, 1, en),
        danishNumber(r.effect, 1, en),
        danishNumber(r.remaining, 1, en),
      ].join('\t'),
    );
  return lines.join('\n');
}

async function breakEvenCommand(args: string[], io: Io, lang: Language): Promise<number> {
  const { help, file, values } = parse(args, {
    nr: { type: 'string' },
    'fund-to-priority': { type: 'string' },
    scenario: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (help) {
    io.stderr(USAGE);
    return 0;
  }
  const priorityText = values['fund-to-priority'];
  if ((values.nr === undefined) === (priorityText === undefined))
    throw new UsageError(say(lang, 'angiv enten --nr eller --fund-to-priority', 'give either --nr or --fund-to-priority'));
  const scenario = typeof values.scenario === 'string' ? values.scenario : undefined;
  let question: BreakEvenQuestion;
  if (typeof priorityText === 'string') {
    const priority = Number(priorityText.replace(',', '.'));
    if (priorityText.trim() === '' || !Number.isFinite(priority))
      throw new UsageError(
        say(
          lang,
          `--fund-to-priority skal være et tal, ikke "${priorityText}"`,
          `--fund-to-priority takes a number, not "${priorityText}"`,
        ),
      );
    question = { scenario, fundToPriority: priority };
  } else question = { scenario, nr: values.nr as string };
  const read = await readWorkbookSheets(file);
  const outcome = breakEvenWorkbook(read.sheets, question);
  if (!outcome.ok) return refused(outcome, io, lang);
  report(outcome.issues, io, lang);
  if (values.json) io.stdout(JSON.stringify(breakEvenJson(outcome.answer), null, 2));
  else io.stdout(breakEvenText(outcome.answer, lang).join('\n'));
  if (outcome.answer.kind === 'proposal') for (const refusal of outcome.answer.refusals) io.stderr(refusalText(refusal, lang));
  return 0;
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
