/** From a workbook's grids to a Book (proposals + scenarios), or located problems. */
import { hasProblems, problem, warning, type Issue } from '../model/problems';
import type { Book, CellPlace, Proposal } from '../model/types';
import { cellAddress, cellError, excelNameKey, isBlank, NO_VALUE, sheetReference, type CellValue, type SheetCells } from './grid';
import { findProposalLists, readProposals, type ListRows, type ProposalList } from './proposal-lists';
import { poolsForYears, readScenarioSheet, SCENARIO_SHEET } from './scenario-sheet';
import { cellText, matchKey } from './text';
import type { Unit } from './units';
import type { SheetLanguage } from './columns';
import { UNITS } from './units';

/** The most proposals a workbook may hold: 200.000 take about 1 minute and 3,5 GB (`npm run bench`). */
export const MAX_PROPOSALS = 200_000;

/**
 * The sheets the product writes; never read as input. Forhandlingsoversigt, the handout (handout.ts's HANDOUT_SHEET,
 * a literal here: handout.ts imports from this file), is written only when asked; a plain run leaves it as it is.
 */
export const OUTPUT_SHEETS = ['Resultat', 'Råderum', 'Sammenligning', 'Beregning', 'Forhandlingsoversigt'] as const;

/**
 * The run log's sheet (run-log.ts): written below what it holds, so not an output-named sheet (adapters
 * read it in full); never a proposal list, and a sheet of that name without the mark is a user's own.
 */
export const RUN_LOG_SHEET = 'Kørsler';

/** Excel's rule for sheet names: the same name whatever the case (Råderum = RÅDERUM, but not Raaderum). */
export const sameSheetName = (a: string, b: string): boolean => excelNameKey(a) === excelNameKey(b);

export const isOutputSheet = (name: string): boolean => OUTPUT_SHEETS.some((o) => sameSheetName(o, name));

/** Text every output sheet carries in its first rows, so a run knows the sheet is its own to replace. */
export const OUTPUT_MARK = 'Skrevet af Råderum';
/** How many top rows of an output sheet an adapter must hand over (at least) for the check. */
export const OUTPUT_MARK_ROWS = 3;

/** An output sheet is the product's to replace when it is empty or carries the mark in its first rows. */
export function isOwnOutput(sheet: SheetCells): boolean {
  const top = sheet.values.slice(0, Math.max(0, OUTPUT_MARK_ROWS - sheet.origin.row));
  const empty = sheet.values.every((row) => row.every(isBlank));
  return empty || top.some((row) => row.some((v) => typeof v === 'string' && v.includes(OUTPUT_MARK)));
}

export interface ListSummary {
  sheet: string;
  table?: string;
  /** Proposals read from the list. */
  proposals: number;
  /** Rows of the list that were not read: a problem in the row, or a number used before. */
  notRead: number;
}

export interface ReadResult {
  /** Present when there are no problems. */
  book?: Book;
  unit: Unit;
  /** `Sprog` in `Scenarier`, where stated: the output sheets' language. */
  language?: SheetLanguage;
  years: number[];
  lists: ListSummary[];
  scenarioNames: string[];
  /** Every table on the sheets that are not output sheets: output tables are named around them. */
  tableNames: string[];
  /**
   * The list columns the template does not know, for Resultat: headers in first-met order (two lists' columns
   * are one when their headers match like headers do), and per proposal in book.proposals order its values
   * (null where its list lacks the column or the cell is blank). A column blank for every proposal is left out.
   */
  ownColumns: OwnColumns;
  /** Benefits by the key proposals hold (`benefit`), as first typed in a list's Ydelse column: for words a user reads. */
  benefitNames: Map<string, string>;
  issues: Issue[];
}

export type OwnValue = string | number | null;

export interface OwnColumns {
  headers: string[];
  values: OwnValue[][];
}

/** Excel's Danish words for TRUE and FALSE, as a Danish reader saw them in the list. */
export const BOOLEAN_WORDS = { true: 'SAND', false: 'FALSK' } as const;

/**
 * A cell of the user's own column as the user sees it: text as typed, numbers as numbers, dates as the
 * adapters give them (ISO text), an error as its code (`#N/A`); a formula without a stored result has no value.
 */
export function ownValue(value: CellValue | undefined): OwnValue {
  if (value === undefined || value === null || isBlank(value)) return null;
  if (typeof value === 'boolean') return value ? BOOLEAN_WORDS.true : BOOLEAN_WORDS.false;
  if (typeof value === 'object') return value.error === NO_VALUE ? null : value.error;
  return value;
}

/** The own columns of the lists read, with the values of the proposals taken from them (`from`: list and row, per proposal). */
function ownColumnsOf(lists: readonly ProposalList[], from: readonly { list: ProposalList; row: number }[]): OwnColumns {
  const columnOf = new Map<string, number>();
  const headers: string[] = [];
  // Per list, its own columns' places in `headers`.
  const places = new Map(
    lists.map((list) => [
      list,
      list.own.map((c) => {
        let at = columnOf.get(c.key);
        if (at === undefined) {
          at = headers.length;
          columnOf.set(c.key, at);
          headers.push(c.header);
        }
        return at;
      }),
    ]),
  );
  const used = headers.map(() => false);
  const values = from.map(({ list, row }) => {
    const out: OwnValue[] = new Array<OwnValue>(headers.length).fill(null);
    const cells = list.area.rows[row];
    const at = places.get(list) as number[];
    list.own.forEach((c, k) => {
      const v = ownValue(cells[c.index]);
      if (v === null) return;
      out[at[k]] = v;
      used[at[k]] = true;
    });
    return out;
  });
  if (used.every(Boolean)) return { headers, values };
  // A column no proposal fills (a template's empty Bemærkning) would only widen Resultat.
  const keep = headers.flatMap((_, c) => (used[c] ? [c] : []));
  return { headers: keep.map((c) => headers[c]), values: values.map((v) => keep.map((c) => v[c])) };
}

export function readBook(sheets: readonly SheetCells[]): ReadResult {
  const issues: Issue[] = [];
  for (const s of sheets) {
    if (isOutputSheet(s.name) && !s.oversized && !isOwnOutput(s))
      issues.push(problem('outputSheetNotOurs', { sheet: sheetReference(s.name) }, { sheet: s.name, ...s.origin }));
    if (sameSheetName(RUN_LOG_SHEET, s.name) && !s.oversized && !isOwnOutput(s))
      issues.push(problem('runLogNotOurs', { sheet: sheetReference(s.name) }, { sheet: s.name, ...s.origin }));
    if (s.oversized) {
      const { rowCount, columnCount } = s.oversized;
      const last = { sheet: s.name, row: s.origin.row + rowCount - 1, column: s.origin.column + columnCount - 1 };
      issues.push(
        problem(
          'sheetTooLarge',
          { sheet: sheetReference(s.name), rows: rowCount, columns: columnCount, last: cellAddress(last) },
          last,
        ),
      );
    }
  }
  const inputs = sheets.filter((s) => !isOutputSheet(s.name));
  const scenarioSheet = readScenarioSheet(inputs, issues);
  const unit = scenarioSheet?.unit ?? 'kr.';
  const lists = findProposalLists(
    inputs.filter((s) => matchKey(s.name) !== matchKey(SCENARIO_SHEET) && !sameSheetName(RUN_LOG_SHEET, s.name)),
    issues,
  );
  const result: ReadResult = {
    unit,
    language: scenarioSheet?.language,
    years: lists[0]?.years ?? [],
    lists: [],
    scenarioNames: scenarioSheet?.scenarios.map((s) => s.name) ?? [],
    tableNames: inputs.flatMap((s) => s.tables.map((t) => t.name)),
    ownColumns: { headers: [], values: [] },
    benefitNames: new Map(),
    issues,
  };
  if (lists.length === 0) issues.push(problem('noProposalLists', {}));

  const proposals: Book['proposals'] = [];
  // The lists read, and per proposal the list and row it came from: for the own columns.
  const readLists: ProposalList[] = [];
  const from: { list: ProposalList; row: number }[] = [];
  const emptyLists: { place: CellPlace; table?: string }[] = [];
  const firstPlace = new Map<string, CellPlace | undefined>();
  for (const list of lists) {
    if (list.years.join() !== result.years.join()) {
      issues.push(
        problem(
          'yearsDiffer',
          { years: list.years.join(', '), expected: result.years.join(', ') },
          { sheet: list.area.sheet, row: list.area.headerRow, column: list.area.column },
        ),
      );
      continue;
    }
    const listRows: ListRows = { rows: [], totalsRows: [] };
    const read = readProposals(list, UNITS[unit].kroner, proposals.length, issues, listRows);
    // A totals row is left out on purpose (with its warning), not a row that failed to be read.
    const totals = new Set(listRows.totalsRows);
    const rows = list.area.rows.filter((r, k) => !totals.has(k) && !r.every(isBlank)).length;
    readLists.push(list);
    let accepted = 0;
    read.forEach((p, k) => {
      const key = matchKey(p.nr);
      if (firstPlace.has(key)) {
        const first = firstPlace.get(key);
        issues.push(problem('nrTwice', { nr: p.nr, first: first ? placeText(first) : '' }, p.places.row));
        return;
      }
      firstPlace.set(key, p.places.row);
      proposals.push(p);
      from.push({ list, row: listRows.rows[k] });
      accepted++;
    });
    result.lists.push({ sheet: list.area.sheet, table: list.area.table, proposals: accepted, notRead: rows - accepted });
    if (rows === 0)
      emptyLists.push({
        place: { sheet: list.area.sheet, row: list.area.headerRow, column: list.area.column },
        table: list.area.table,
      });
  }
  result.ownColumns = ownColumnsOf(readLists, from);
  checkVariants(proposals, issues);
  for (const list of lists) {
    const index = list.fields.benefit;
    if (index === undefined) continue;
    for (const row of list.area.rows) {
      const text = isBlank(row[index]) || cellError(row[index]) !== undefined ? '' : cellText(row[index]);
      if (text !== '' && !result.benefitNames.has(matchKey(text))) result.benefitNames.set(matchKey(text), text);
    }
  }
  // Past the limit a run would need more memory than an office computer has (README, "Performance").
  if (proposals.length > MAX_PROPOSALS)
    issues.push(
      problem('tooManyProposals', { count: proposals.length, max: MAX_PROPOSALS }, proposals[MAX_PROPOSALS].places.row),
    );

  // A list with a header and no rows: a warning, or the problem itself when no list has a proposal.
  for (const { place, table } of emptyLists)
    issues.push((proposals.length === 0 ? problem : warning)('listEmpty', { table: table ?? '' }, place));

  if (scenarioSheet) {
    poolsForYears(scenarioSheet, result.years);
    for (const { year, place } of scenarioSheet.poolYears)
      if (result.years.length > 0 && !result.years.includes(year))
        issues.push(
          problem('poolYearOutside', { year, years: `${result.years[0]}–${result.years[result.years.length - 1]}` }, place),
        );
    for (const { nr, place } of scenarioSheet.exclusions)
      if (!firstPlace.has(matchKey(nr))) issues.push(problem('unknownNr', { nr }, place));
    // Udelad matches numbers the way headers match; keep the proposal's own spelling.
    const nrByKey = new Map(proposals.map((p) => [matchKey(p.nr), p.nr]));
    for (const s of scenarioSheet.scenarios) s.excluded = s.excluded.map((nr) => nrByKey.get(matchKey(nr)) ?? nr);
    // A benefit no proposal has is a typo or a leftover: its values would be ignored without a word.
    // Benefits come from every row of every list, read or not, so a row with a problem does not make its
    // benefit look unknown as well.
    const names = result.benefitNames;
    if (proposals.length > 0) {
      const benefits = new Set(names.keys());
      const named = [...names.values()].join(', ');
      for (const { benefit, label, place } of scenarioSheet.benefitRows)
        if (!benefits.has(benefit)) issues.push(warning('unknownBenefit', { parameter: label, benefits: named }, place));
    }
  }

  if (!hasProblems(issues) && scenarioSheet && proposals.length > 0)
    result.book = { years: result.years, proposals, scenarios: scenarioSheet.scenarios };
  return result;
}

/** A place as text for use inside a message (the message's own place comes first). */
function placeText(place: CellPlace): string {
  return cellAddress(place);
}

/**
 * Variants (issue 13): `Alternativ til` names a main request's Nr, matched as
 * Nr are (like headers); the proposal then holds that one's own spelling. A
 * Nr that is no proposal, the row's own, or a variant (a chain: groups have
 * one main request, named by every variant) is a problem in the cell.
 */
function checkVariants(proposals: Proposal[], issues: Issue[]): void {
  if (!proposals.some((p) => p.alternativeTo !== undefined)) return;
  const byKey = new Map(proposals.map((p) => [matchKey(p.nr), p]));
  for (const p of proposals) {
    if (p.alternativeTo === undefined) continue;
    const place = p.places.alternativeTo;
    const main = byKey.get(matchKey(p.alternativeTo));
    if (!main) issues.push(problem('alternativeUnknown', { nr: p.nr, main: p.alternativeTo }, place));
    else if (main === p) issues.push(problem('alternativeToItself', { nr: p.nr }, place));
    else if (main.alternativeTo !== undefined) {
      const mainOf = byKey.get(matchKey(main.alternativeTo))?.nr ?? main.alternativeTo;
      issues.push(problem('alternativeToVariant', { nr: p.nr, main: main.nr, mainOf }, place));
    } else p.alternativeTo = main.nr;
  }
}
