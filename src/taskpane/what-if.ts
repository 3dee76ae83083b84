/**
 * Live what-if: the pane's pending scenario edits applied to the workbook in
 * memory (never written), every scenario calculated again and compared with
 * a reference the user picks. The calculation is the engine's own, made
 * incremental: the proposals are read once per workbook and the engine and
 * the figures get the run before as `previous`, so a moved slider only
 * computes what the changed parameter touches.
 *
 * Runs where the calculation runs (the worker in the pages); only the plain
 * results below cross to the pane.
 */
import { bookFigures, compareScenarios, type BookFigures, type ScenarioFigures } from '../model/figures';
import { hasProblems, problem, warning, type Issue } from '../model/problems';
import { evaluate, type Evaluation } from '../model/scenarios';
import type { CellPlace, Proposal } from '../model/types';
import { explainProposal, type ProposalExplanation } from '../workbook/explanation';
import type { SheetCells } from '../workbook/grid';
import type { Book } from '../model/types';
import type { Language } from '../workbook/messages';
import { inUnit } from '../workbook/output';
import { readBook, sameSheetName, type ReadResult } from '../workbook/read';
import type { Found } from '../workbook/run';
import {
  editScenarios,
  scenarioTable,
  type EditRefusal,
  type ScenarioEdit,
  type ScenarioTable,
  type SheetChanges,
} from '../workbook/scenario-edit';
import { poolsForYears, readScenarioSheet, SCENARIO_SHEET } from '../workbook/scenario-sheet';
import { matchKey } from '../workbook/text';
import { UNITS, type Unit } from '../workbook/units';
import { readRunLog, type RunLogEntry } from '../workbook/run-log';

import type { ComparedFigure } from './compared-figures';
export { COMPARED_FIGURES, type ComparedFigure } from './compared-figures';

export type FigureRows = Record<ComparedFigure, number[]>;

/** One scenario in the comparison, amounts in the workbook's unit as the sheets show them. */
export interface ComparedScenario {
  name: string;
  figures: FigureRows;
  /** Requests funded in full or in part. */
  fundedCount: number;
  /** Requests in its package. */
  requestCount: number;
  /** Against the reference (the core's rule 9 differences); absent for the reference itself. */
  difference?: FigureRows;
}

export interface ComparisonView {
  reference: string;
  years: number[];
  unit: Unit;
  scenarios: ComparedScenario[];
}

export interface WhatIfRequest {
  /** The pane's pending edits, in the order made. */
  edits: ScenarioEdit[];
  /** The scenario the others are compared with; the base when absent or unknown. */
  reference?: string;
  /** The proposal whose calculation to explain (chosen in the pane, or its row's cell in Excel). */
  explain?: { nr: string } | { place: CellPlace };
  language?: Language;
}

export interface WhatIfResult {
  found: Found;
  issues: Issue[];
  /** What Scenarier holds with the applied edits. */
  table?: ScenarioTable;
  comparison?: ComparisonView;
  /** The positions (in the request's edits) of the edits refused: the others are applied. */
  refusedAt: number[];
  /** The last refusal, with its reason and, where a cell of the user's is in the way, its place. */
  refused?: { edit: ScenarioEdit; reason: EditRefusal; place?: CellPlace };
  /** The cells the applied edits write to Scenarier ("Gem som scenarie"). */
  changes: SheetChanges[];
  explanation?: ProposalExplanation;
  /** The run log (Kørsler), newest last. */
  runs: RunLogEntry[];
}

/** The comparison of every scenario with `reference` (the base where it names none of them). */
export function comparisonView(figures: BookFigures, unit: Unit, reference?: string): ComparisonView {
  const scenarios = figures.scenarios;
  const ref = scenarios.find((s) => s.name === reference) ?? scenarios[0];
  const rows = (s: Pick<ScenarioFigures, ComparedFigure>): FigureRows => ({
    totalNetto: inUnit(s.totalNetto, unit),
    effect: inUnit(s.effect, unit),
    available: inUnit(s.available, unit),
    funded: inUnit(s.funded, unit),
    remaining: inUnit(s.remaining, unit),
  });
  return {
    reference: ref.name,
    years: figures.years,
    unit,
    scenarios: scenarios.map((s) => {
      const compared: ComparedScenario = {
        name: s.name,
        figures: rows(s),
        fundedCount: s.requests.filter((r) => r.status !== 'unfunded').length,
        requestCount: s.requests.length,
      };
      if (s === ref) return compared;
      const c = compareScenarios(s, ref);
      return {
        ...compared,
        difference: {
          totalNetto: inUnit(c.totalNetto.difference, unit),
          effect: inUnit(c.effect.difference, unit),
          available: inUnit(c.available.difference, unit),
          funded: inUnit(c.funded.difference, unit),
          remaining: inUnit(c.remaining.difference, unit),
        },
      };
    }),
  };
}

/** Whether two readings hold the same proposal sheets (the very same grids: an edit replaces only Scenarier's). */
function sameProposalSheets(a: readonly SheetCells[], b: readonly SheetCells[]): boolean {
  const lists = (sheets: readonly SheetCells[]) => sheets.filter((s) => !sameSheetName(s.name, SCENARIO_SHEET));
  const x = lists(a);
  const y = lists(b);
  return x.length === y.length && x.every((s, i) => s === y[i]);
}

/** What a what-if reads of the workbook: what readBook gives, and the editor's table. */
interface Reading {
  found: Found;
  issues: Issue[];
  book?: Book;
  unit: Unit;
  table: ScenarioTable;
}

/** The first reading of a workbook: its proposal lists are read once, for every what-if after it. */
interface FirstReading {
  read: ReadResult & { book: Book };
  /** The issues of the proposal lists (those not on Scenarier): they stay while only Scenarier changes. */
  listIssues: Issue[];
  table: ScenarioTable;
}

const isScenarioSheet = (s: SheetCells): boolean => sameSheetName(s.name, SCENARIO_SHEET);

/** A workbook as read, and its what-ifs: each calculated from the one before. */
export class WhatIf {
  private first?: FirstReading;
  private previous?: {
    sheets: readonly SheetCells[];
    unit: Unit;
    proposals: Proposal[];
    evaluation: Evaluation;
    figures: BookFigures;
  };

  constructor(readonly sheets: readonly SheetCells[]) {}

  /** The whole workbook read (the lists too): the first time, and whenever more than Scenarier changed. */
  private readAll(sheets: readonly SheetCells[]): Reading {
    const read = readBook(sheets);
    const found: Found = { lists: read.lists, years: read.years, unit: read.unit, scenarioNames: read.scenarioNames };
    const table = scenarioTable(sheets);
    if (read.book && sheets === this.sheets) {
      const scenarioSheet = sheets.find(isScenarioSheet)?.name;
      this.first = {
        read: read as ReadResult & { book: Book },
        listIssues: read.issues.filter((i) => i.place?.sheet !== scenarioSheet),
        table,
      };
    }
    return { found, issues: read.issues, book: read.book, unit: read.unit, table };
  }

  /**
   * The workbook with only Scenarier changed: the scenarios read again, checked against the proposals
   * read the first time as readBook checks them (years of the pools, numbers left out, benefits named),
   * the proposals taken as they were. A change of unit reads everything again.
   */
  private read(edited: readonly SheetCells[]): Reading {
    const first = this.first;
    if (!first || !sameProposalSheets(this.sheets, edited)) return this.readAll(edited);
    const sheet = edited.find(isScenarioSheet);
    const issues = [...first.listIssues];
    const scenarios = sheet && readScenarioSheet([sheet], issues);
    if (!sheet || !scenarios || scenarios.unit !== first.read.unit) return this.readAll(edited);
    const { years, book } = first.read;
    poolsForYears(scenarios, years);
    for (const { year, place } of scenarios.poolYears)
      if (!years.includes(year))
        issues.push(problem('poolYearOutside', { year, years: `${years[0]}–${years[years.length - 1]}` }, place));
    const nrByKey = new Map(book.proposals.map((p) => [matchKey(p.nr), p.nr]));
    for (const { nr, place } of scenarios.exclusions)
      if (!nrByKey.has(matchKey(nr))) issues.push(problem('unknownNr', { nr }, place));
    for (const s of scenarios.scenarios) s.excluded = s.excluded.map((nr) => nrByKey.get(matchKey(nr)) ?? nr);
    const benefits = new Set(first.table.benefits.map(matchKey));
    const named = first.table.benefits.join(', ');
    for (const { benefit, label, place } of scenarios.benefitRows)
      if (!benefits.has(benefit)) issues.push(warning('unknownBenefit', { parameter: label, benefits: named }, place));
    const own = scenarioTable([sheet]);
    const table: ScenarioTable = {
      ...first.table,
      sheet: own.sheet,
      parameters: own.parameters,
      scenarios: own.scenarios,
      unit: own.unit,
    };
    const { lists, unit } = first.read;
    return {
      found: { lists, years, unit, scenarioNames: scenarios.scenarios.map((s) => s.name) },
      issues,
      book: hasProblems(issues) ? undefined : { years, proposals: book.proposals, scenarios: scenarios.scenarios },
      unit,
      table,
    };
  }

  run(request: WhatIfRequest): WhatIfResult {
    let edited: readonly SheetCells[] = this.sheets;
    let changes: SheetChanges[] = [];
    let refused: WhatIfResult['refused'];
    const refusedAt: number[] = [];
    // A refused edit applies nothing: it is left out and the others are tried again, each refusal once.
    for (let edits = request.edits; edits.length > 0;) {
      const result = editScenarios(this.sheets, edits);
      if (!result.refused) {
        edited = result.sheets;
        changes = result.changes;
        break;
      }
      refused = result.refused;
      const at = edits.indexOf(result.refused.edit);
      if (at < 0) break;
      refusedAt.push(request.edits.indexOf(result.refused.edit));
      edits = edits.filter((_, k) => k !== at);
    }
    if (!this.first) this.readAll(this.sheets);
    const read = this.read(edited);
    const common = {
      found: read.found,
      table: read.table,
      refusedAt,
      refused,
      changes,
      runs: readRunLog(edited),
    };
    if (!read.book) return { ...common, issues: read.issues };
    const book = read.book;
    const before = this.previous;
    // The same proposal lists in the same unit: the proposals read before, so the engine sees what did not change.
    if (before && before.unit === read.unit && sameProposalSheets(before.sheets, edited)) book.proposals = before.proposals;
    const evaluation = evaluate(book, { previous: before?.evaluation });
    const issues = [...read.issues, ...evaluation.issues];
    if (hasProblems(issues)) return { ...common, issues };
    const figures = bookFigures(evaluation, UNITS[read.unit].roundingStep, { previous: before?.figures });
    this.previous = { sheets: edited, unit: read.unit, proposals: book.proposals, evaluation, figures };
    return {
      ...common,
      issues,
      comparison: comparisonView(figures, read.unit, request.reference),
      explanation: request.explain ? explainProposal(edited, request.explain, request.language) : undefined,
    };
  }
}
