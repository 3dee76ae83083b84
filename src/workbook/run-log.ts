/**
 * The run log: each written run leaves a record in the workbook's sheet
 * `Kørsler` (when, each scenario's parameters, a SHA-256 of the input cells,
 * the totals, and what changed since the run before), so negotiation rounds
 * can be told apart and compared later, with or without the add-in.
 *
 * The sheet is written below what it holds (OutputSheet.appendAt): earlier
 * runs, and the names a user typed for them, are never rewritten. It is not an
 * output-named sheet: adapters read it in full, and readBook refuses a sheet of
 * that name without the mark (a user's own) and never reads it as a list.
 *
 * A run's record, from its first row (columns A, B, …):
 *
 *     Kørsel 2 · 2026-11-23 14:05                                       (band)
 *     Kørsel | Navn | Tidspunkt | Enhed | Inddata (SHA-256) | Ændringer siden forrige kørsel
 *     2      |      | 2026-11-23 14:05 | kr. | 3f2a… | Caseload 40: Caseload 45 → 40; …
 *     Parameter | Basis | Caseload 40 | …                                (header)
 *     Caseload  | 45    | 40          | …   (each scenario's value as its column states it, inherited included)
 *     Scenarie  | Tal   | 2027 | 2028 | …                                (header)
 *     Basis     | Netto i alt | … (and Bevilget, Tilbage, Budgetvirkning per scenario, as the sheets show them)
 *
 * The hash (`inputHash`) is SHA-256 over a canonical text of the input cells:
 * every sheet that is input (all but the output sheets and `Kørsler`;
 * `Scenarier` included) in workbook order, each as
 *
 *     sheet\t"<name as JSON>"\n
 *     table\t"<name as JSON>"\t<row>,<column>,<rows>,<columns>\n      (each table, 0-based)
 *     <row>,<column>\t<value>\n                                       (each non-blank cell, row by row)
 *
 * with absolute 0-based places and `<value>` one of `n:<number as JavaScript
 * writes it>`, `s:<text as JSON>`, `b:true`/`b:false`, `e:<error code>`; a
 * blank cell (empty, or only spaces) is left out; the text is UTF-8 encoded.
 * Formats, widths and anything else an adapter does not read are not in it.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import { differenceOnYears } from '../model/explained-figures';
import { problem, type Issue } from '../model/problems';
import { findHeaderRow, sheetAreas } from './areas';
import { PARAMETER_HEADER } from './columns';
import { cellAddress, cellAt, cellError, excelNameKey, isBlank, sheetReference, type CellValue, type SheetCells } from './grid';
import { UNIT_WORDS, type Language } from './messages';
import { SheetBuilder, TableNames, TEXT_FORMAT, type OutputCell, type OutputSheet } from './output';
import { isOutputSheet, isOwnOutput, OUTPUT_MARK, RUN_LOG_SHEET, sameSheetName } from './read';
import { SCENARIO_SHEET } from './scenario-sheet';
import { cellText, matchKey } from './text';
import { UNITS, type Unit } from './units';

export { RUN_LOG_SHEET };

/** One scenario in one run, with the totals as the output sheets showed them (workbook's unit). */
export interface LoggedScenario {
  name: string;
  /** The scenario's parameters as its column in `Scenarier` stated them, in the sheet's order (inherited values included). */
  parameters: { parameter: string; value: string }[];
  totalNetto: number[];
  funded: number[];
  remaining: number[];
  effect: number[];
}

export interface RunLogEntry {
  /** The run's number in the log, 1 for the first. */
  run: number;
  /** Local time of the run, `yyyy-mm-dd hh:mm`. */
  time: string;
  /** The user's own name for the run (a cell they may fill in, e.g. "Forhandlingsrunde 2"); '' where none. */
  label: string;
  /** SHA-256 (hex) of the input cells: the same inputs give the same hash. */
  inputHash: string;
  years: number[];
  scenarios: LoggedScenario[];
  /** What changed since the run before, in words, as the sheet shows it. */
  changes: string;
  /** The 0-based sheet row where the run's record starts, for showing it. */
  row: number;
  /** The workbook's unit the totals are in, as the record states it. */
  unit?: Unit;
  /** The language the record is written in (its numbers too: 21.000.000 or 21,000,000); Danish where not known. */
  language?: Language;
}

/** One figure of one scenario in two runs. */
export interface TotalDifference {
  scenario: string;
  figure: 'totalNetto' | 'funded' | 'remaining' | 'effect';
  from: number[];
  to: number[];
  difference: number[];
  /**
   * The years the three arrays are for: both runs' years, in order (a year a run lacks counts as 0 there).
   * Where the runs' units differ, `from` is in the newer run's unit.
   */
  years?: number[];
}

/** What differs between two runs ("forhandlingsrunde 2 mod runde 1"). */
export interface RunDifference {
  from: RunLogEntry;
  to: RunLogEntry;
  sameInputs: boolean;
  scenariosAdded: string[];
  scenariosRemoved: string[];
  /** Scenarios both runs have under names that differ in case only (one name to Excel and the reader). */
  scenariosRenamed?: { from: string; to: string }[];
  /** Parameters that differ in a scenario both runs have (undefined: not stated). */
  parameters: { scenario: string; parameter: string; from?: string; to?: string }[];
  /** Totals that differ, in scenarios both runs have. */
  totals: TotalDifference[];
}

type Figure = TotalDifference['figure'];
const FIGURES: readonly Figure[] = ['totalNetto', 'funded', 'remaining', 'effect'];

/** The log's words; readRunLog knows them in either language, so a log written in both reads whole. */
const WORDS = {
  da: {
    title: 'Kørsler',
    note: `${OUTPUT_MARK}: hver beregning, der skriver resultaterne, tilføjer en kørsel nederst; intet ovenfor ændres. Skriv gerne et navn på en kørsel i kolonnen Navn (fx "Forhandlingsrunde 2"); det bevares.`,
    band: (run: number, time: string) => `Kørsel ${run} · ${time}`,
    run: 'Kørsel',
    label: 'Navn',
    time: 'Tidspunkt',
    unit: 'Enhed',
    hash: 'Inddata (SHA-256)',
    changes: 'Ændringer siden forrige kørsel',
    scenario: 'Scenarie',
    figure: 'Tal',
    figures: { totalNetto: 'Netto i alt', funded: 'Bevilget', remaining: 'Tilbage', effect: 'Budgetvirkning' } as Record<
      Figure,
      string
    >,
    first: 'Første kørsel i loggen.',
    since: (run: number) => `Siden kørsel ${run}:`,
    same: 'samme inddata (samme SHA-256) og samme resultater.',
    sameInputs: 'samme inddata (samme SHA-256).',
    inputsChanged: 'forslagslisterne eller andre inddata er ændret (ny SHA-256)',
    added: (name: string) => `nyt scenarie ${name}`,
    removed: (name: string) => `scenariet ${name} er fjernet`,
    renamed: (from: string, to: string) => `scenariet ${from} hedder nu ${to}`,
    empty: '(tom)',
    more: (count: number) => `og ${count} ændringer mere`,
  },
  en: {
    title: 'Kørsler (runs)',
    note: `${OUTPUT_MARK} (written by Råderum): every run that writes the results adds a run at the bottom; nothing above changes. Do type a name for a run in the column Name (e.g. "Negotiation round 2"); it is kept.`,
    band: (run: number, time: string) => `Run ${run} · ${time}`,
    run: 'Run',
    label: 'Name',
    time: 'Time',
    unit: 'Unit',
    hash: 'Inputs (SHA-256)',
    changes: 'Changes since the run before',
    scenario: 'Scenario',
    figure: 'Figure',
    figures: { totalNetto: 'Total net', funded: 'Funded', remaining: 'Left', effect: 'Budget effect' } as Record<Figure, string>,
    first: 'First run in the log.',
    since: (run: number) => `Since run ${run}:`,
    same: 'the same inputs (the same SHA-256) and the same results.',
    sameInputs: 'the same inputs (the same SHA-256).',
    inputsChanged: 'the proposal lists or other inputs changed (a new SHA-256)',
    added: (name: string) => `new scenario ${name}`,
    removed: (name: string) => `the scenario ${name} is gone`,
    renamed: (from: string, to: string) => `the scenario ${from} is now called ${to}`,
    empty: '(blank)',
    more: (count: number) => `and ${count} more changes`,
  },
} as const;

const LANGUAGES = ['da', 'en'] as const;
const isWord = (value: CellValue, pick: (w: (typeof WORDS)[Language]) => string): boolean =>
  LANGUAGES.some((l) => matchKey(cellText(value)) === matchKey(pick(WORDS[l])));

/** The most changes listed in words; the rest are counted. */
const MOST_CHANGES = 20;

export const isRunLogSheet = (name: string): boolean => sameSheetName(RUN_LOG_SHEET, name);

/** Local time `yyyy-mm-dd hh:mm`: the run's time as the user's clock shows it. */
export const localTime = (now: Date): string =>
  `${[now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-')} ${[
    now.getHours(),
    now.getMinutes(),
  ]
    .map((n) => String(n).padStart(2, '0'))
    .join(':')}`;

/** A cell in the canonical text: `n:…`, `s:…`, `b:…` or `e:…` (see the file's comment). */
function canonicalValue(value: CellValue): string {
  const error = cellError(value);
  if (value !== null && typeof value === 'object') return `e:${value.error}`;
  if (typeof value === 'number') return `n:${String(value)}`;
  if (typeof value === 'boolean') return `b:${String(value)}`;
  return error !== undefined ? `e:${error}` : `s:${JSON.stringify(value)}`;
}

/** SHA-256 (hex) of the input cells in the canonical text the file's comment describes. */
export function inputHash(sheets: readonly SheetCells[]): string {
  const hash = sha256.create();
  const encoder = new TextEncoder();
  let chunk = '';
  // In pieces: the text of a large workbook is never held whole.
  const put = (text: string) => {
    chunk += text;
    if (chunk.length >= 1 << 16) {
      hash.update(encoder.encode(chunk));
      chunk = '';
    }
  };
  for (const sheet of sheets) {
    if (isOutputSheet(sheet.name) || isRunLogSheet(sheet.name)) continue;
    put(`sheet\t${JSON.stringify(sheet.name)}\n`);
    for (const t of sheet.tables) put(`table\t${JSON.stringify(t.name)}\t${t.row},${t.column},${t.rowCount},${t.columnCount}\n`);
    if (sheet.oversized) put(`oversized\t${sheet.oversized.rowCount},${sheet.oversized.columnCount}\n`);
    const { row: top, column: left } = sheet.origin;
    sheet.values.forEach((cells, r) => {
      if (!cells) return;
      cells.forEach((value, c) => {
        if (!isBlank(value)) put(`${top + r},${left + c}\t${canonicalValue(value)}\n`);
      });
    });
  }
  hash.update(encoder.encode(chunk));
  return bytesToHex(hash.digest());
}

/** Parameter values' numbers as each language writes them in the log. */
const parameterNumbers = (language: Language): Intl.NumberFormat =>
  new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'da-DK', { maximumFractionDigits: 10 });

/** A number as `parameterNumbers` writes it in one language (grouped or not); any other text is no number there. */
const NUMBER_TEXT: Record<Language, { pattern: RegExp; group: string; decimal: string }> = {
  da: { pattern: /^[-−]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/, group: '.', decimal: ',' },
  en: { pattern: /^[-−]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/, group: ',', decimal: '.' },
};
function numberInLanguage(text: string, language: Language): number | undefined {
  const { pattern, group, decimal } = NUMBER_TEXT[language];
  if (!pattern.test(text)) return undefined;
  return Number(text.replace('−', '-').split(group).join('').replace(decimal, '.'));
}

/**
 * Two parameter values the same? Numbers as numbers, each read in its record's
 * language (21.000.000 in a Danish run is 21,000,000 in an English one, and
 * 1.125 is not 1.125); anything else as text.
 */
function sameValue(a: string | undefined, aLanguage: Language, b: string | undefined, bLanguage: Language): boolean {
  if (a === undefined || b === undefined) return a === b;
  const x = numberInLanguage(a, aLanguage);
  const y = numberInLanguage(b, bLanguage);
  return x !== undefined && y !== undefined ? x === y : a === b;
}

/** A value in the log as the user sees it: text as typed, numbers as the language writes them. */
function valueText(value: CellValue, numbers: Intl.NumberFormat): string {
  if (typeof value === 'number') return numbers.format(value);
  if (typeof value === 'boolean') return value ? 'SAND' : 'FALSK';
  return cellText(value);
}

/**
 * Each scenario's parameters as its column in `Scenarier` states them: every
 * row with a parameter, the column's own value or, where blank, the base's
 * (what it inherits); a parameter blank in both is left out.
 */
export function scenarioParameters(sheets: readonly SheetCells[], language: Language): Map<string, LoggedScenario['parameters']> {
  const found = new Map<string, LoggedScenario['parameters']>();
  const sheet = sheets.find((s) => matchKey(s.name) === matchKey(SCENARIO_SHEET));
  if (!sheet) return found;
  const isHeader = (cell: CellValue | undefined) => matchKey(cellText(cell ?? null)) === matchKey(PARAMETER_HEADER);
  const area = sheetAreas(sheet).find((a) => isHeader(a.header[0])) ?? findHeaderRow(sheet, (header) => isHeader(header[0]));
  if (!area) return found;
  const numbers = parameterNumbers(language);
  const columns = area.header.flatMap((h, i) => (i > 0 && !isBlank(h) ? [{ name: cellText(h), index: i }] : []));
  columns.forEach((column, s) => {
    const parameters: LoggedScenario['parameters'] = [];
    for (const row of area.rows) {
      const parameter = cellText(row[0] ?? null);
      if (parameter === '') continue;
      const own = row[column.index] ?? null;
      const value = isBlank(own) && s > 0 ? (row[columns[0].index] ?? null) : own;
      if (!isBlank(value)) parameters.push({ parameter, value: valueText(value, numbers) });
    }
    if (!found.has(column.name)) found.set(column.name, parameters);
  });
  return found;
}

/** A number in a log cell: as written (a number), or text as either language writes it. */
function numberIn(value: CellValue): number | undefined {
  if (typeof value === 'number') return value;
  const text = cellText(value).replace(/\s/g, '');
  if (!/^[-+−]?[\d.,]+$/.test(text)) return undefined;
  const n = Number(text.replace(/−/, '-').replace(/\./g, '').replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
}

/** The runs recorded in `Kørsler`, oldest first; none where the workbook has no log. */
export function readRunLog(sheets: readonly SheetCells[]): RunLogEntry[] {
  const sheet = sheets.find((s) => isRunLogSheet(s.name));
  if (!sheet || sheet.oversized) return [];
  const { row: top, column: left } = sheet.origin;
  const last = top + sheet.values.length;
  const at = (row: number, column: number): CellValue => cellAt(sheet, row, left + column);
  const rowBlank = (row: number) => (sheet.values[row - top] ?? []).every(isBlank);
  const entries: RunLogEntry[] = [];
  let entry: RunLogEntry | undefined;
  for (let row = top; row < last; row++) {
    if (isWord(at(row, 0), (w) => w.run) && isWord(at(row, 1), (w) => w.label)) {
      const band = cellText(at(row - 1, 0));
      const unit = cellText(at(row + 1, 3));
      const language = LANGUAGES.find((l) => matchKey(cellText(at(row, 0))) === matchKey(WORDS[l].run)) ?? 'da';
      entry = {
        run: numberIn(at(row + 1, 0)) ?? entries.length + 1,
        label: cellText(at(row + 1, 1)),
        time: cellText(at(row + 1, 2)),
        inputHash: cellText(at(row + 1, 4)),
        changes: cellText(at(row + 1, 5)),
        years: [],
        scenarios: [],
        row: row > top && LANGUAGES.some((l) => band.startsWith(`${WORDS[l].run} `)) ? row - 1 : row,
        language,
      };
      if (unit in UNITS) entry.unit = unit as Unit;
      entries.push(entry);
      row++;
      continue;
    }
    if (!entry) continue;
    const current = entry;
    if (matchKey(cellText(at(row, 0))) === matchKey(PARAMETER_HEADER)) {
      const width = (sheet.values[row - top] ?? []).length;
      const names: { name: string; column: number }[] = [];
      for (let c = 1; c <= width; c++) {
        const name = cellText(at(row, c));
        if (name !== '') names.push({ name, column: c });
      }
      for (const { name } of names)
        if (!current.scenarios.some((s) => s.name === name))
          current.scenarios.push({ name, parameters: [], totalNetto: [], funded: [], remaining: [], effect: [] });
      // A value a user retyped as a number reads as the record's language writes it.
      const numbers = parameterNumbers(current.language ?? 'da');
      for (row++; row < last && !rowBlank(row) && !isWord(at(row, 0), (w) => w.scenario); row++) {
        const parameter = cellText(at(row, 0));
        if (parameter === '') continue;
        for (const { name, column } of names) {
          const value = valueText(at(row, column), numbers);
          if (value !== '') current.scenarios.find((s) => s.name === name)?.parameters.push({ parameter, value });
        }
      }
      row--;
      continue;
    }
    if (isWord(at(row, 0), (w) => w.scenario) && isWord(at(row, 1), (w) => w.figure)) {
      const years: number[] = [];
      for (let c = 2; numberIn(at(row, c)) !== undefined; c++) years.push(numberIn(at(row, c)) as number);
      current.years = years;
      for (row++; row < last && !rowBlank(row); row++) {
        const name = cellText(at(row, 0));
        const figure = FIGURES.find((f) => isWord(at(row, 1), (w) => w.figures[f]));
        if (figure === undefined) continue;
        let scenario = current.scenarios.find((s) => s.name === name);
        if (!scenario) {
          scenario = { name, parameters: [], totalNetto: [], funded: [], remaining: [], effect: [] };
          current.scenarios.push(scenario);
        }
        scenario[figure] = years.map((_, t) => numberIn(at(row, 2 + t)) ?? 0);
      }
      row--;
    }
  }
  return entries;
}

/** What differs between two runs: inputs, scenarios, parameters and totals. */
export function compareRuns(from: RunLogEntry, to: RunLogEntry): RunDifference {
  // Scenario names match as Excel and the reader match them: Basis and BASIS are one scenario.
  const before = new Map(from.scenarios.map((s) => [excelNameKey(s.name), s]));
  const after = new Set(to.scenarios.map((s) => excelNameKey(s.name)));
  const difference: RunDifference = {
    from,
    to,
    sameInputs: from.inputHash !== '' && from.inputHash === to.inputHash,
    scenariosAdded: to.scenarios.filter((s) => !before.has(excelNameKey(s.name))).map((s) => s.name),
    scenariosRemoved: from.scenarios.filter((s) => !after.has(excelNameKey(s.name))).map((s) => s.name),
    scenariosRenamed: [],
    parameters: [],
    totals: [],
  };
  for (const now of to.scenarios) {
    const then = before.get(excelNameKey(now.name));
    if (!then) continue;
    if (then.name !== now.name) difference.scenariosRenamed?.push({ from: then.name, to: now.name });
    compareScenario(difference, then, now);
  }
  return difference;
}

/** A scenario both runs have: its parameters and totals that differ, added to `difference`. */
function compareScenario(difference: RunDifference, before: LoggedScenario, after: LoggedScenario): void {
  const { from, to } = difference;
  const values = (s: LoggedScenario) => new Map(s.parameters.map((p) => [matchKey(p.parameter), p]));
  const a = values(before);
  const b = values(after);
  const keys = [...new Set([...b.keys(), ...a.keys()])];
  for (const key of keys) {
    const x = a.get(key);
    const y = b.get(key);
    if (!sameValue(x?.value, from.language ?? 'da', y?.value, to.language ?? 'da'))
      difference.parameters.push({
        scenario: after.name,
        parameter: (y ?? x)?.parameter ?? key,
        from: x?.value,
        to: y?.value,
      });
  }
  // Totals in two units (Enhed changed) compare in the newer run's.
  const units =
    from.unit && to.unit && from.unit !== to.unit ? { from: UNITS[from.unit].kroner, to: UNITS[to.unit].kroner } : undefined;
  for (const figure of FIGURES) {
    const d = differenceOnYears(from.years, before[figure], to.years, after[figure], units);
    if (d.difference.some((v) => v !== 0) || from.years.join() !== to.years.join())
      difference.totals.push({ scenario: after.name, figure, ...d });
  }
}

/** What changed since the run before, in words (the record's column of changes). */
export function changesText(previous: RunLogEntry | undefined, current: RunLogEntry, language: Language): string {
  const w = WORDS[language];
  if (!previous) return w.first;
  const d = compareRuns(previous, current);
  // Every amount in the words with its unit (the record's Enhed beside it says the same).
  const unit = UNIT_WORDS[language][current.unit ?? 'kr.'];
  const amounts = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'da-DK', {
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const parts = [
    ...d.scenariosAdded.map(w.added),
    ...d.scenariosRemoved.map(w.removed),
    ...(d.scenariosRenamed ?? []).map((r) => w.renamed(r.from, r.to)),
    ...d.parameters.map((p) => `${p.scenario}: ${p.parameter} ${p.from ?? w.empty} → ${p.to ?? w.empty}`),
  ];
  if (!d.sameInputs && parts.length === 0) parts.push(w.inputsChanged);
  for (const t of d.totals) {
    const years = t.years ?? current.years;
    const changed = t.difference.flatMap((v, k) => (v !== 0 ? [`${years[k]} ${amounts.format(v)} ${unit}`] : []));
    if (changed.length > 0) parts.push(`${t.scenario} ${w.figures[t.figure]} ${changed.join(', ')}`);
  }
  if (parts.length === 0) return `${w.since(previous.run)} ${d.sameInputs ? w.same : w.sameInputs}`;
  const shown = parts.slice(0, MOST_CHANGES);
  if (parts.length > shown.length) shown.push(w.more(parts.length - shown.length));
  return `${w.since(previous.run)} ${shown.join('; ')}.`;
}

/** What a run records, before its place in the log is known. */
export interface RunRecord {
  time: string;
  unit: Unit;
  years: number[];
  inputHash: string;
  /** In the workbook's order, the base first; totals in the workbook's unit as the sheets show them. */
  scenarios: LoggedScenario[];
}

/** Widths in characters: parameter names, then scenario values and amounts. */
const WIDTHS = [30, 22, 18, 14, 20, 16];

/**
 * The run's record as an output sheet written below what `Kørsler` holds
 * (appendAt), with the entry it makes; with the log's title and mark first
 * where the workbook has no log yet. A sheet of that name without the mark is a
 * user's own: a problem, and nothing is written.
 */
export function runLogSheet(
  sheets: readonly SheetCells[],
  record: RunRecord,
  language: Language,
): { sheet?: OutputSheet; entry?: RunLogEntry; issues: Issue[] } {
  const existing = sheets.find((s) => isRunLogSheet(s.name));
  // A log an adapter could not read: where its records end is unknown, so nothing is written (readBook says the same).
  if (existing?.oversized) {
    const { rowCount, columnCount } = existing.oversized;
    const last = {
      sheet: existing.name,
      row: existing.origin.row + rowCount - 1,
      column: existing.origin.column + columnCount - 1,
    };
    const params = { sheet: sheetReference(existing.name), rows: rowCount, columns: columnCount, last: cellAddress(last) };
    return { issues: [problem('sheetTooLarge', params, last)] };
  }
  if (existing && !isOwnOutput(existing))
    return {
      issues: [problem('runLogNotOurs', { sheet: existing.name }, { sheet: existing.name, ...existing.origin })],
    };
  const w = WORDS[language];
  const previous = readRunLog(sheets).at(-1);
  const run = previous ? previous.run + 1 : 1;
  const entry: RunLogEntry = { ...record, run, label: '', changes: '', row: 0, language };
  entry.changes = changesText(previous, entry, language);

  const { numberFormat } = UNITS[record.unit];
  const b = new SheetBuilder(RUN_LOG_SHEET, numberFormat, new TableNames([]));
  let lastUsed = -1;
  if (existing)
    existing.values.forEach((cells, r) => {
      if (cells && !cells.every(isBlank)) lastUsed = existing.origin.row + r;
    });
  if (lastUsed < 0) {
    b.add([w.title], 'title');
    b.add([w.note]);
    b.blank();
  }
  const start = b.rowCount;
  b.add([w.band(run, record.time)], 'band');
  b.add([w.run, w.label, w.time, w.unit, w.hash, w.changes], 'header');
  b.add([
    { value: run, format: 'General' },
    // The user's own name, typed later: a text cell, so a name like "2" or "=runde" stays as typed.
    { value: null, format: TEXT_FORMAT },
    record.time,
    record.unit,
    record.inputHash,
    entry.changes,
  ]);
  const names = record.scenarios.map((s) => s.name);
  b.add([PARAMETER_HEADER, ...names], 'header');
  const parameters: string[] = [];
  for (const s of record.scenarios)
    for (const p of s.parameters)
      if (!parameters.some((x) => matchKey(x) === matchKey(p.parameter))) parameters.push(p.parameter);
  for (const parameter of parameters)
    b.add([
      parameter,
      ...record.scenarios.map((s) => s.parameters.find((p) => matchKey(p.parameter) === matchKey(parameter))?.value ?? ''),
    ]);
  b.add([w.scenario, w.figure, ...record.years.map(String)], 'header');
  for (const s of record.scenarios)
    for (const figure of FIGURES) b.add([s.name, w.figures[figure], ...(s[figure] as OutputCell[])]);

  const sheet = b.build(WIDTHS, {
    frozen: undefined,
    header: { left: '&F', center: '&A', right: '' },
    footer: { left: '', center: '', right: language === 'en' ? 'Page &P of &N' : 'Side &P af &N' },
  });
  // The first run writes from the top; later runs from the row after a blank one below the last used.
  sheet.appendAt = lastUsed < 0 ? 0 : lastUsed + 2;
  entry.row = sheet.appendAt + start;
  return { sheet, entry, issues: [] };
}
