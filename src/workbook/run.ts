/**
 * The one path from a workbook's grids to its results, shared by the task
 * pane, the preview and the command line: read → check → calculate → lay out.
 * Adapters only fetch the grids and write what comes back.
 */
import { bookFigures, type BookFigures } from '../model/figures';
import { hasProblems, type Issue } from '../model/problems';
import { evaluate, type Progress } from '../model/scenarios';

export type { Progress };
import { Explainer } from './explanation';
import type { Language } from './messages';
import { inputHash, localTime, runLogSheet, scenarioParameters, type RunRecord } from './run-log';
import type { SheetCells } from './grid';
import { handoutSheet } from './handout';
import { inUnit, layOutSheets, type OutputLanguage, type OutputSheet } from './output';
import { readBook, type ListSummary } from './read';
import { reportOf, type JsonReport } from './report';
import { UNITS, type Unit } from './units';

/** What the workbook holds, found even when it has problems. */
export interface Found {
  lists: ListSummary[];
  years: number[];
  unit: Unit;
  scenarioNames: string[];
}

/** A scenario's headline figures, in the workbook's unit, as the sheets show them. */
export interface ScenarioSummary {
  name: string;
  effect: number[];
  remaining: number[];
}

export interface WorkbookResults {
  /** Every figure, in kroner rounded to the workbook's unit (rule 6). */
  figures: BookFigures;
  /** The output sheets, ready for an adapter to write. */
  outputs: OutputSheet[];
  summary: ScenarioSummary[];
  /** The command line's JSON (whole kroner); only when asked for. */
  report?: JsonReport;
}

export interface WorkbookRun {
  found: Found;
  /** Problems and warnings, in the order found: reading, calculating, laying out. */
  issues: Issue[];
  /** Present when there are no problems. */
  results?: WorkbookResults;
}

export interface RunOptions {
  /** Also make the command line's JSON report. */
  report?: boolean;
  /** Lay out the output sheets (default); without, `outputs` is empty and their size is not checked. */
  sheets?: boolean;
  /** Progress of slow searches (best fill), for a pane to show. */
  onProgress?: (progress: Progress) => void;
  /** The output sheets' language where the workbook states none (`Sprog`): the pane's. Danish by default. */
  language?: OutputLanguage;
  /** The run's date (yyyy-mm-dd) printed on the output sheets' pages; the day of `runTime` by default. */
  runDate?: string;
  /** The run's local time (`yyyy-mm-dd hh:mm`) in the run log (`Kørsler`); now by default. */
  runTime?: string;
  /**
   * Also write the handout, `Forhandlingsoversigt` (the pane's "Udskriv forhandlingsoversigt", the command line's
   * `--forhandlingsoversigt`): only when asked, so a plain run leaves a handout already printed as it was.
   */
  handout?: boolean;
}

export function runWorkbook(sheets: readonly SheetCells[], options: RunOptions = {}): WorkbookRun {
  const read = readBook(sheets);
  const found: Found = { lists: read.lists, years: read.years, unit: read.unit, scenarioNames: read.scenarioNames };
  if (!read.book) return { found, issues: read.issues };
  const evaluation = evaluate(read.book, { onProgress: options.onProgress });
  const figures = bookFigures(evaluation, UNITS[read.unit].roundingStep);
  // The workbook's own word (`Sprog`) before the pane's language.
  const language = read.language ?? options.language;
  const book = read.book;
  const explainer = new Explainer(book, figures, {
    years: read.years,
    unit: read.unit,
    language: language ?? 'da',
    benefitNames: read.benefitNames,
  });
  const runTime = options.runTime ?? localTime(new Date());
  const output =
    options.sheets === false
      ? { sheets: [], issues: [] }
      : layOutSheets(figures, read.unit, read.tableNames, {
          language,
          runDate: options.runDate ?? runTime.slice(0, 10),
          ownColumns: read.ownColumns,
          explanations: { count: book.proposals.length, explain: (i) => explainer.explain(i) },
        });
  if (options.sheets !== false && options.handout)
    output.sheets.push(handoutSheet(figures, read.unit, { language, runDate: options.runDate ?? runTime.slice(0, 10) }));
  // A written run leaves its record in the run log, below the runs before.
  if (options.sheets !== false) {
    const log = runLogSheet(sheets, runRecord(sheets, figures, read.unit, runTime, language ?? 'da'), language ?? 'da');
    output.issues.push(...log.issues);
    if (log.sheet) output.sheets.push(log.sheet);
  }
  const issues = [...read.issues, ...evaluation.issues, ...output.issues];
  if (hasProblems(issues)) return { found, issues };
  const summary = figures.scenarios.map((s) => ({
    name: s.name,
    effect: inUnit(s.effect, read.unit),
    remaining: inUnit(s.remaining, read.unit),
  }));
  return {
    found,
    issues,
    results: {
      figures,
      outputs: output.sheets,
      summary,
      // In kr. the sheets' figures are the JSON's (whole kroner): made once.
      report: options.report ? reportOf(figures.step === 1 ? figures : bookFigures(evaluation, 1), read.unit) : undefined,
    },
  };
}

/** What the run log records of a run: the time, the inputs' hash, each scenario's parameters and totals as the sheets show them. */
function runRecord(sheets: readonly SheetCells[], figures: BookFigures, unit: Unit, time: string, language: Language): RunRecord {
  const parameters = scenarioParameters(sheets, language);
  return {
    time,
    unit,
    years: figures.years,
    inputHash: inputHash(sheets),
    scenarios: figures.scenarios.map((s) => ({
      name: s.name,
      parameters: parameters.get(s.name) ?? [],
      totalNetto: inUnit(s.totalNetto, unit),
      funded: inUnit(s.funded, unit),
      remaining: inUnit(s.remaining, unit),
      effect: inUnit(s.effect, unit),
    })),
  };
}
