/**
 * The `Scenarier` sheet: a table whose first column is `Parameter`, one column
 * per scenario; the first is the base, and a blank cell elsewhere takes the
 * base's value.
 */
import { problem, warning, type Issue, type TextCode } from '../model/problems';
import { isExactAmount } from '../model/rounding';
import { inKroner } from '../model/figures';
import { newScenario } from '../model/scenarios';
import { staircaseSharesAddUp, staircaseSharesPercent } from '../model/rules';
import type { CellPlace, RefusionSpec, Scenario, StaircaseShares } from '../model/types';
import { parseNumber, parseShare, type Parsed } from './cells';
import {
  BANDS,
  LANGUAGE_CHOICES,
  MODE_CHOICES,
  NO_EXCLUSIONS,
  PARAMETER_HEADER,
  readChoice,
  SCENARIO_PARAMETERS,
  type Entry,
  type ScenarioParameterKey,
  type SheetLanguage,
} from './columns';
import { cellAddress, cellError, isBlank, NO_VALUE, type CellValue, type SheetCells } from './grid';
import { findHeaderRow, sheetAreas, type Area } from './areas';
import { cellText, matchKey } from './text';
import { parseUnit, UNITS, type Unit } from './units';

export const SCENARIO_SHEET = 'Scenarier';

export interface ScenarioSheet {
  unit: Unit;
  /** `Sprog`, where the sheet states it. */
  language?: SheetLanguage;
  scenarios: Scenario[];
  /** Råderum per scenario, by year, in kroner; placed on the book's years by `poolsForYears`. */
  poolsByYear: Map<number, number>[];
  /** Råderum years named by the sheet, with their rows, checked against the proposals' years later. */
  poolYears: { year: number; place: CellPlace }[];
  /** Udelad entries, checked against the proposals' numbers later. */
  exclusions: { nr: string; scenario: number; place: CellPlace }[];
  /** Rows that name a benefit and hold a value, checked against the proposals' benefits later. */
  benefitRows: { benefit: string; label: string; place: CellPlace }[];
}

type Parameter =
  | { key: 'unit' }
  | { key: 'language' }
  | { key: 'caseload' }
  | { key: 'mode' }
  | { key: 'excluded' }
  | { key: 'pool'; year: number }
  | { key: 'caseloadByBenefit'; benefit: string }
  | { key: 'refusionByBenefit'; benefit: string }
  | { key: 'fullTimePersonsByBenefit'; benefit: string }
  | { key: 'durationShares'; band: number; benefit: string };

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A band as typed: spaces around its `-` or before its `+` do not matter (`1 - 4`, `53 +`). */
const BAND_PATTERN = BANDS.map((band) =>
  band
    .split(/(?=[-+])|(?<=[-+])/)
    .map(escape)
    .join(' ?'),
).join('|');

/** Each parameter's pattern, from the table of parameters: a plain word first, then words followed by a year or a benefit. */
const PARAMETER_PATTERNS = (Object.keys(SCENARIO_PARAMETERS) as ScenarioParameterKey[])
  .map((key) => {
    const { per, header, synonyms }: Entry = SCENARIO_PARAMETERS[key];
    const words = [header, ...synonyms].map((w) => escape(matchKey(w))).join('|');
    const tail = { none: '', year: ' (\\d{4})', benefit: ' (.+)', bandAndBenefit: ` (${BAND_PATTERN}) (.+)` }[per ?? 'none'];
    return { key, per, pattern: new RegExp(`^(?:${words})${tail}$`) };
  })
  .sort((a, b) => Number(a.per !== undefined) - Number(b.per !== undefined));

export function parseParameter(text: string): Parameter | undefined {
  const key = matchKey(text);
  for (const p of PARAMETER_PATTERNS) {
    const m = key.match(p.pattern);
    if (!m) continue;
    switch (p.key) {
      case 'pool':
        return { key: p.key, year: Number(m[1]) };
      case 'caseloadByBenefit':
      case 'refusionByBenefit':
      case 'fullTimePersonsByBenefit':
        return { key: p.key, benefit: m[1] };
      case 'durationShares':
        return { key: p.key, band: BANDS.indexOf(m[1].replace(/ /g, '') as (typeof BANDS)[number]), benefit: m[2] };
      default:
        return { key: p.key };
    }
  }
  return undefined;
}

const isParameterHeader = (cell: CellValue): boolean => matchKey(cellText(cell)) === matchKey(PARAMETER_HEADER);

interface Row {
  parameter: Parameter;
  label: string;
  /** Per scenario column: the cell's own value (blank = inherit) and place. */
  cells: { value: CellValue; place: CellPlace }[];
}

export function readScenarioSheet(sheets: readonly SheetCells[], issues: Issue[]): ScenarioSheet | undefined {
  const sheet = sheets.find((s) => matchKey(s.name) === matchKey(SCENARIO_SHEET));
  if (!sheet) {
    issues.push(problem('scenarioSheetMissing', { sheet: SCENARIO_SHEET }));
    return undefined;
  }
  const area =
    sheetAreas(sheet).find((a) => a.table && isParameterHeader(a.header[0])) ??
    findHeaderRow(sheet, (header) => isParameterHeader(header[0] ?? null));
  if (!area) {
    issues.push(
      problem(
        'parameterHeaderMissing',
        { sheet: sheet.name },
        { sheet: sheet.name, row: sheet.origin.row, column: sheet.origin.column },
      ),
    );
    return undefined;
  }
  warnIgnoredCells(sheet, area, issues);
  const columns: { name: string; index: number; place: CellPlace }[] = [];
  area.header.forEach((h, i) => {
    if (i === 0) return;
    if (isBlank(h)) {
      // A column without a name is no scenario: values in it would be ignored without a word.
      const r = area.rows.findIndex((row) => !isBlank(row[i] ?? null));
      if (r >= 0)
        issues.push(
          warning(
            'scenarioColumnUnnamed',
            { cell: cellAddress({ sheet: sheet.name, row: area.firstDataRow + r, column: area.column + i }) },
            { sheet: sheet.name, row: area.headerRow, column: area.column + i },
          ),
        );
      return;
    }
    const place = { sheet: sheet.name, row: area.headerRow, column: area.column + i };
    const name = cellText(h);
    if (columns.some((c) => c.name.toLowerCase() === name.toLowerCase()))
      issues.push(problem('scenarioNameTwice', { name }, place));
    columns.push({ name, index: i, place });
  });
  if (columns.length === 0) {
    issues.push(problem('noScenarios', { sheet: sheet.name }, { sheet: sheet.name, row: area.headerRow, column: area.column }));
    return undefined;
  }

  const rows: Row[] = [];
  const seen = new Map<string, CellPlace>();
  area.rows.forEach((cells, r) => {
    const label = cellText(cells[0] ?? null);
    if (label === '') return;
    const rowIndex = area.firstDataRow + r;
    const labelPlace = { sheet: sheet.name, row: rowIndex, column: area.column };
    const parameter = parseParameter(label);
    if (!parameter) {
      issues.push(problem('unknownParameter', { parameter: label }, labelPlace));
      return;
    }
    const key = matchKey(label).replace(/ /g, '');
    if (seen.has(key)) {
      issues.push(problem('parameterTwice', { parameter: label }, labelPlace));
      return;
    }
    seen.set(key, labelPlace);
    rows.push({
      parameter,
      label,
      cells: columns.map((c) => ({
        value: cells[c.index] ?? null,
        place: { sheet: sheet.name, row: rowIndex, column: area.column + c.index },
      })),
    });
  });

  const unit = readUnit(rows, issues);
  const factor = UNITS[unit].kroner;
  const result: ScenarioSheet = {
    unit,
    language: readLanguage(rows, issues),
    scenarios: [],
    poolsByYear: [],
    poolYears: [],
    exclusions: [],
    benefitRows: [],
  };
  for (const row of rows) {
    const p = row.parameter;
    if (p.key === 'pool') result.poolYears.push({ year: p.year, place: row.cells[0].place });
    const benefit = 'benefit' in p ? p.benefit : undefined;
    const labelPlace = { ...row.cells[0].place, column: area.column };
    if (benefit !== undefined && row.cells.some((c) => !isBlank(c.value)))
      result.benefitRows.push({ benefit, label: row.label, place: labelPlace });
  }

  columns.forEach((column, s) => {
    const scenario = newScenario(column.name, { place: column.place });
    const pools = new Map<number, number>();
    result.poolsByYear.push(pools);
    const bands = new Map<string, { shares: (number | undefined)[]; stated: boolean; place: CellPlace }>();
    const statedRates = new Set<string>();
    for (const row of rows) {
      const own = row.cells[s];
      const inherited = isBlank(own.value) && s > 0;
      const cell = inherited ? row.cells[0] : own;
      if (isBlank(cell.value)) continue;
      const p = row.parameter;
      // A value inherited from the base is reported where it is typed, once.
      const report = (code: TextCode) => {
        if (!inherited) issues.push(problem(code, { text: cellText(cell.value) }, cell.place));
      };
      // An error in a text cell (Fordeling, Udelad) is no text; numbers report their own.
      const error = cellError(cell.value);
      if (error !== undefined && (p.key === 'mode' || p.key === 'excluded')) {
        report(error === NO_VALUE ? 'formulaWithoutValue' : 'textCellError');
        continue;
      }
      const number = (check: (n: number) => boolean, reason: TextCode): number | undefined => {
        const n = parseNumber(cell.value) as Parsed<number>;
        if (!n.ok) report(n.reason);
        else if (!check(n.value)) report(reason);
        else return n.value;
        return undefined;
      };
      const share = (): number | undefined => {
        const n = parseShare(cell.value) as Parsed<number>;
        if (!n.ok) report(n.reason);
        else return n.value;
        return undefined;
      };
      switch (p.key) {
        case 'unit':
        case 'language':
          break;
        case 'pool': {
          const v = number((n) => isExactAmount(inKroner(n, factor)), 'numberTooLarge');
          if (v !== undefined) pools.set(p.year, inKroner(v, factor));
          break;
        }
        case 'caseload':
        case 'caseloadByBenefit': {
          const v = number((n) => n > 0, 'caseloadNotPositive');
          if (v === undefined) break;
          if (p.key === 'caseload') scenario.caseload = v;
          else scenario.caseloadByBenefit[p.benefit] = v;
          break;
        }
        case 'refusionByBenefit': {
          const v = share();
          if (v === undefined) break;
          scenario.refusionByBenefit[p.benefit] = { rate: v };
          if (!inherited) statedRates.add(p.benefit);
          break;
        }
        case 'durationShares': {
          const v = share();
          const entry = bands.get(p.benefit) ?? {
            shares: [undefined, undefined, undefined, undefined],
            stated: false,
            place: cell.place,
          };
          entry.shares[p.band] = v;
          if (!inherited) entry.stated = true;
          bands.set(p.benefit, entry);
          break;
        }
        case 'fullTimePersonsByBenefit': {
          const v = number((n) => n >= 0, 'negative');
          if (v !== undefined) scenario.fullTimePersonsByBenefit[p.benefit] = v;
          break;
        }
        case 'mode': {
          const mode = readChoice(MODE_CHOICES, cellText(cell.value));
          if (mode) scenario.mode = mode;
          else report('unknownMode');
          break;
        }
        case 'excluded': {
          const text = cellText(cell.value);
          if (matchKey(text) === matchKey(NO_EXCLUSIONS)) break;
          for (const nr of text
            .split(/[,;]/)
            .map((x) => x.trim())
            .filter((x) => x !== '')) {
            scenario.excluded.push(nr);
            result.exclusions.push({ nr, scenario: s, place: cell.place });
          }
          break;
        }
      }
    }
    // The staircase replaces a rate for a benefit; what the column itself states wins over what it inherits.
    for (const [benefit, entry] of bands) {
      const ownRate = statedRates.has(benefit);
      if (ownRate && entry.stated) {
        issues.push(problem('rateAndStaircase', { benefit, scenario: column.name }, entry.place));
        continue;
      }
      if (ownRate && !entry.stated) continue;
      if (entry.shares.some((x) => x === undefined)) {
        issues.push(problem('staircaseIncomplete', { benefit, scenario: column.name }, entry.place));
        continue;
      }
      const shares = entry.shares as unknown as StaircaseShares;
      if (!staircaseSharesAddUp(shares)) {
        // Reported here, where the Varighed cells are known; the core checks the same for other callers.
        issues.push(
          problem('staircaseSum', { benefit, scenario: column.name, sum: staircaseSharesPercent(shares) }, entry.place),
        );
        continue;
      }
      const spec: RefusionSpec = { durationShares: shares };
      scenario.refusionByBenefit[benefit] = spec;
    }
    result.scenarios.push(scenario);
  });
  return result;
}

/**
 * Values on the Scenarier sheet outside the table (to its right or below it)
 * are not read: one warning at the first of them, so nothing is ignored without a word.
 */
function warnIgnoredCells(sheet: SheetCells, area: Area, issues: Issue[]): void {
  const lastRow = area.firstDataRow + area.rows.length - 1;
  const lastColumn = area.column + area.header.length - 1;
  let first: CellPlace | undefined;
  let count = 0;
  sheet.values.forEach((cells, r) => {
    const row = sheet.origin.row + r;
    if (!cells || row < area.headerRow) return;
    cells.forEach((value, c) => {
      const column = sheet.origin.column + c;
      if (column < area.column || isBlank(value ?? null)) return;
      if (row <= lastRow && column <= lastColumn) return;
      count++;
      first ??= { sheet: sheet.name, row, column };
    });
  });
  if (first) issues.push(warning('scenarioCellsIgnored', { count }, first));
}

function readUnit(rows: readonly Row[], issues: Issue[]): Unit {
  const row = rows.find((r) => r.parameter.key === 'unit');
  if (!row) return 'kr.';
  const base = row.cells[0];
  let unit: Unit = 'kr.';
  if (!isBlank(base.value)) {
    const parsed = parseUnit(cellText(base.value));
    if (parsed) unit = parsed;
    else issues.push(problem('unknownUnit', { text: cellText(base.value) }, base.place));
  }
  row.cells.slice(1).forEach((c) => {
    if (!isBlank(c.value) && parseUnit(cellText(c.value)) !== unit)
      issues.push(problem('unitPerScenario', { text: cellText(c.value) }, c.place));
  });
  return unit;
}

/** `Sprog`: one for the workbook, in the base column; another in a scenario's column is a problem there. */
function readLanguage(rows: readonly Row[], issues: Issue[]): SheetLanguage | undefined {
  const row = rows.find((r) => r.parameter.key === 'language');
  if (!row) return undefined;
  const base = row.cells[0];
  let language: SheetLanguage | undefined;
  if (!isBlank(base.value)) {
    language = readChoice(LANGUAGE_CHOICES, cellText(base.value));
    if (!language) issues.push(problem('unknownLanguage', { text: cellText(base.value) }, base.place));
  }
  row.cells.slice(1).forEach((c) => {
    if (!isBlank(c.value) && readChoice(LANGUAGE_CHOICES, cellText(c.value)) !== language)
      issues.push(problem('languagePerScenario', { text: cellText(c.value) }, c.place));
  });
  return language;
}

/** Places each scenario's pools on the book's years; a year without one stays undefined. */
export function poolsForYears(sheet: ScenarioSheet, years: readonly number[]): void {
  sheet.scenarios.forEach((scenario, s) => (scenario.pool = years.map((y) => sheet.poolsByYear[s].get(y))));
}
