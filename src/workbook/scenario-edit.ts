/**
 * Changing the scenarios from the pane. The `Scenarier` sheet stays the one
 * source of truth: an edit becomes the few cells to write there, so the
 * scenarios travel with the workbook and read the same by hand.
 */

import type { CellPlace } from '../model/types';
import { parseShare } from './cells';
import { bandLabel, BANDS, benefitLabel, choiceWord, MODE_CHOICES, NO_EXCLUSIONS, PARAMETER_HEADER, readChoice } from './columns';
import { findHeaderRow, sheetAreas } from './areas';
import { cellAt, cellError, excelNameKey, isBlank, type CellValue, type SheetCells, type TableArea } from './grid';
import { findProposalLists } from './proposal-lists';
import { isOutputSheet } from './read';
import { parseParameter, SCENARIO_SHEET } from './scenario-sheet';
import { cellText, matchKey } from './text';
import { parseUnit, type Unit } from './units';

/** A change the pane asks for. Parameters are named as the sheet's `Parameter` column names them. */
export type ScenarioEdit =
  /** Sets one parameter of one scenario (e.g. 'Caseload', 'Caseload Kontanthjælp', 'Refusion Sygedagpenge',
   *  'Fuldtidspersoner Kontanthjælp', 'Råderum 2027', 'Fordeling', 'Udelad'); a row is added where the
   *  sheet lacks the parameter. `undefined` blanks the cell: a scenario other than the base then inherits the base's value. */
  | { kind: 'set'; scenario: string; parameter: string; value: string | number | undefined }
  /** Adds a scenario column after the last, empty (it inherits everything from the base) or a copy of another's column. */
  | { kind: 'add'; name: string; copyOf?: string }
  | { kind: 'rename'; scenario: string; name: string }
  /** Removes a scenario's column; the columns after it move left. The base cannot be deleted. */
  | { kind: 'delete'; scenario: string };

/** A cell to write: 0-based sheet row and column; `null` empties it. Text is written as text, never as a formula. */
export interface CellChange {
  row: number;
  column: number;
  value: string | number | null;
}

/** What an edit writes to one sheet; `table` where the sheet's scenarios are an Excel table whose extent changes. */
export interface SheetChanges {
  sheet: string;
  cells: CellChange[];
  /** The table's new extent (0-based, header row included), when it grows or shrinks. */
  table?: { name: string; row: number; column: number; rowCount: number; columnCount: number };
}

/**
 * Why an edit was refused (the pane words it); nothing is written then. A delete or a copy moves values, not
 * cells (the grid holds a formula's result only), so it is refused where it would move:
 * - `formulaMoved`: a cell holding a formula (it would become a constant), `place` the cell;
 * - `valueNotWritable`: an error (#N/A) or TRUE/FALSE, which a cell change cannot write, `place` the cell.
 * A value set (or blanked) where the sheet holds a formula would replace the formula silently:
 * - `formulaOverwritten`: `place` the formula's cell (the user changes it in the sheet, or clears it first).
 */
export type EditRefusal =
  | 'unknownScenario'
  | 'nameTaken'
  | 'emptyName'
  | 'baseDeleted'
  | 'sheetNotOurs'
  | 'formulaMoved'
  | 'formulaOverwritten'
  | 'valueNotWritable';

/**
 * The Scenarier sheet as an adapter reads it: `formulas` lists the cells that hold a formula (0-based, absolute),
 * which the grid gives as their results only. Absent where the host does not say: then no edit can tell one.
 * (Every adapter gives it for the Scenarier sheet; it belongs in SheetCells, src/workbook/grid.ts, when that is edited.)
 */
export type ScenarioSheetCells = SheetCells & { formulas?: readonly { row: number; column: number }[] };

/** The scenarios as the `Scenarier` sheet states them, for the editor. */
export interface ScenarioTable {
  /** The sheet's name as the workbook spells it; undefined: the workbook has no Scenarier sheet yet. */
  sheet?: string;
  /** The Parameter labels in the sheet's order. */
  parameters: string[];
  /** Per scenario, its own cells as they hold them (blank = absent: a scenario other than the base inherits the base's). */
  scenarios: { name: string; values: Record<string, string | number> }[];
  /** The ydelser the proposals name, for per-benefit parameters, in first-met order. */
  benefits: string[];
  years: number[];
  /** For Udelad: picked, not typed. */
  proposals: { nr: string; title: string }[];
  /** `Enhed` in the base column (default kr.): the unit of `Råderum YYYY`. */
  unit?: Unit;
}

/** What editScenarios gives. */
export interface EditResult {
  /** The workbook with the edits applied in memory; sheets other than Scenarier are the same objects. */
  sheets: SheetCells[];
  /** The fewest cells to write to get there (none when refused). */
  changes: SheetChanges[];
  /** The first edit refused; then no edit is applied. `place`: the user's cell in the way, for `sheetNotOurs`. */
  refused?: { edit: ScenarioEdit; reason: EditRefusal; place?: CellPlace };
}

/** The name of a new scenario table where the workbook has none: the template's. */
const BASE_NAME = 'Basis';

/** Whether a sheet of this name is the Scenarier sheet, as readScenarioSheet finds it (adapters mark its formulas). */
export const isScenarioSheet = (name: string): boolean => !isOutputSheet(name) && matchKey(name) === matchKey(SCENARIO_SHEET);

/** The Scenarier sheet among the sheets. */
const findScenarioSheet = (sheets: readonly SheetCells[]): SheetCells | undefined => sheets.find((s) => isScenarioSheet(s.name));

const isParameterHeader = (cell: CellValue | undefined): boolean =>
  cell !== undefined && matchKey(cellText(cell)) === matchKey(PARAMETER_HEADER);

/** Parameter rows are the same row when readScenarioSheet would call them twice (case, æ/ae and spaces aside). */
const parameterKey = (label: string): string => matchKey(label).replace(/ /g, '');

/** Where the scenario table stands on its sheet, as readScenarioSheet reads it. */
interface Layout {
  /** The Excel table, where the scenarios are one. */
  table?: TableArea;
  headerRow: number;
  column: number;
  /** Columns, Parameter included: a table's, or up to the last named header of a plain area. */
  width: number;
  /** Data rows below the header. */
  rows: number;
}

function layoutOf(sheet: SheetCells): Layout | undefined {
  const area = sheetAreas(sheet).find((a) => a.table && isParameterHeader(a.header[0]));
  if (area) {
    const table = sheet.tables.find((t) => t.name === area.table) as TableArea;
    return { table, headerRow: table.row, column: table.column, width: table.columnCount, rows: table.rowCount - 1 };
  }
  const plain = findHeaderRow(sheet, (header) => isParameterHeader(header[0] ?? null));
  if (!plain) return undefined;
  let width = 1;
  plain.header.forEach((h, i) => {
    if (!isBlank(h)) width = Math.max(width, i + 1);
  });
  return { headerRow: plain.headerRow, column: plain.column, width, rows: plain.rows.length };
}

const isEmptySheet = (sheet: SheetCells): boolean =>
  sheet.tables.length === 0 && sheet.values.every((row) => !row || row.every((v) => isBlank(v ?? null)));

/** A table name no sheet's table has yet (Excel's names are the workbook's, compared like sheet names). */
function freeTableName(sheets: readonly SheetCells[], wanted: string): string {
  const taken = new Set(sheets.flatMap((s) => s.tables.map((t) => excelNameKey(t.name))));
  for (let n = 1; ; n++) {
    const name = n === 1 ? wanted : `${wanted}${n}`;
    if (!taken.has(excelNameKey(name))) return name;
  }
}

/**
 * The shortest percentage text that reads back to exactly the fraction (`0.3` → `30 %`, `0.325` → `32,5 %`),
 * as a finance officer writes it; undefined where none does (the fraction is then written as a number).
 */
export function percentText(fraction: number): string | undefined {
  for (let digits = 1; digits <= 17; digits++) {
    const percent = Number((fraction * 100).toPrecision(digits));
    const text = String(percent);
    if (percent / 100 === fraction && !/e/i.test(text)) return `${text.replace('.', ',')} %`;
  }
  return undefined;
}

class Refused extends Error {
  constructor(
    readonly reason: EditRefusal,
    readonly place?: CellPlace,
  ) {
    super(reason);
  }
}

/** The sheet's cells with the edits' writes on top. */
class Draft {
  readonly writes = new Map<string, { row: number; column: number; value: CellValue }>();
  private readonly formulas: Set<string>;
  constructor(
    readonly name: string,
    private readonly original: ScenarioSheetCells | undefined,
  ) {
    this.formulas = new Set((original?.formulas ?? []).map((f) => `${f.row},${f.column}`));
  }
  /** Whether the cell still holds the user's formula: one the sheet has and no write changes (as changes() sees it). */
  private isFormula(row: number, column: number): boolean {
    const key = `${row},${column}`;
    if (!this.formulas.has(key)) return false;
    const w = this.writes.get(key);
    if (!w) return true;
    const before = this.original ? cellAt(this.original, row, column) : null;
    return w.value === before || (isBlank(w.value) && isBlank(before));
  }
  /** Refuses to move or copy a cell whose content a cell change cannot carry: a formula, an error, TRUE/FALSE. */
  checkMovable(row: number, column: number): void {
    const place = { sheet: this.name, row, column };
    if (this.isFormula(row, column)) throw new Refused('formulaMoved', place);
    const value = this.get(row, column);
    if (typeof value === 'boolean' || (value !== null && typeof value === 'object')) throw new Refused('valueNotWritable', place);
  }
  /** Writes a value, refusing one that would replace the user's formula (the same value writes nothing: allowed). */
  setOver(row: number, column: number, value: CellValue): void {
    const now = this.get(row, column);
    const same = value === now || (isBlank(value) && isBlank(now));
    if (!same && this.isFormula(row, column)) throw new Refused('formulaOverwritten', { sheet: this.name, row, column });
    this.set(row, column, value);
  }
  get(row: number, column: number): CellValue {
    const w = this.writes.get(`${row},${column}`);
    if (w) return w.value;
    return this.original ? cellAt(this.original, row, column) : null;
  }
  set(row: number, column: number, value: CellValue): void {
    this.writes.set(`${row},${column}`, { row, column, value });
  }
  /** The first of the user's cells in the rectangle (a cell the table would take in), if any. */
  firstFilled(row: number, column: number, rows: number, columns: number): CellPlace | undefined {
    for (let r = row; r < row + rows; r++)
      for (let c = column; c < column + columns; c++)
        if (!isBlank(this.get(r, c))) return { sheet: this.name, row: r, column: c };
    return undefined;
  }
  /** The writes that change a cell; blank is blank whether null or ''. */
  changes(): CellChange[] {
    const changed: CellChange[] = [];
    for (const { row, column, value } of this.writes.values()) {
      const before = this.original ? cellAt(this.original, row, column) : null;
      if (isBlank(value) && isBlank(before)) continue;
      if (value === before) continue;
      changed.push({ row, column, value: isBlank(value) ? null : (value as string | number) });
    }
    return changed.sort((a, b) => a.row - b.row || a.column - b.column);
  }
}

/** One scenario table being edited. */
class Editor {
  constructor(
    readonly draft: Draft,
    readonly layout: Layout,
    /** The sheets' other tables on this sheet: a grown table must not run into one. */
    private readonly others: readonly TableArea[],
  ) {}

  get lastRow(): number {
    return this.layout.headerRow + this.layout.rows;
  }

  /** Scenario columns (absolute) with their names, in the sheet's order; the first is the base. */
  scenarios(): { name: string; column: number }[] {
    const found: { name: string; column: number }[] = [];
    for (let i = 1; i < this.layout.width; i++) {
      const column = this.layout.column + i;
      const h = this.draft.get(this.layout.headerRow, column);
      if (!isBlank(h)) found.push({ name: cellText(h), column });
    }
    return found;
  }

  find(name: string): { name: string; column: number; base: boolean } | undefined {
    const all = this.scenarios();
    const at = all.findIndex((s) => excelNameKey(s.name) === excelNameKey(name.trim()));
    return at < 0 ? undefined : { ...all[at], base: at === 0 };
  }

  /** The row of a parameter, by its label as the sheet's reader matches it. */
  rowOf(label: string): number | undefined {
    const key = parameterKey(label);
    for (let row = this.layout.headerRow + 1; row <= this.lastRow; row++) {
      const cell = this.draft.get(row, this.layout.column);
      if (!isBlank(cell) && parameterKey(cellText(cell)) === key) return row;
    }
    return undefined;
  }

  /** Refuses a growth into the user's cells or into another table. */
  private claim(row: number, column: number, rows: number, columns: number): void {
    const filled = this.draft.firstFilled(row, column, rows, columns);
    if (filled) throw new Refused('sheetNotOurs', filled);
    const other = this.others.find(
      (t) => t.row < row + rows && row < t.row + t.rowCount && t.column < column + columns && column < t.column + t.columnCount,
    );
    if (other) throw new Refused('sheetNotOurs', { sheet: this.draft.name, row: other.row, column: other.column });
  }

  checkName(name: string, except?: number): string {
    const trimmed = name.trim();
    if (trimmed === '') throw new Refused('emptyName');
    if (this.scenarios().some((s) => s.column !== except && excelNameKey(s.name) === excelNameKey(trimmed)))
      throw new Refused('nameTaken');
    return trimmed;
  }

  add(name: string, copyOf?: string): void {
    const source = copyOf === undefined ? undefined : this.find(copyOf);
    if (copyOf !== undefined && !source) throw new Refused('unknownScenario');
    const checked = this.checkName(name);
    const column = this.layout.column + this.layout.width;
    this.claim(this.layout.headerRow, column, this.layout.rows + 1, 1);
    this.draft.set(this.layout.headerRow, column, checked);
    this.layout.width++;
    if (!source) return;
    for (let row = this.layout.headerRow + 1; row <= this.lastRow; row++) {
      // Enhed and Sprog are the workbook's, stated in the base column only.
      const p = parseParameter(cellText(this.draft.get(row, this.layout.column)));
      if (p?.key === 'unit' || p?.key === 'language') continue;
      this.draft.checkMovable(row, source.column);
      this.draft.set(row, column, this.draft.get(row, source.column));
    }
  }

  rename(scenario: string, name: string): void {
    const found = this.find(scenario);
    if (!found) throw new Refused('unknownScenario');
    this.draft.setOver(this.layout.headerRow, found.column, this.checkName(name, found.column));
  }

  delete(scenario: string): void {
    const found = this.find(scenario);
    if (!found) throw new Refused('unknownScenario');
    if (found.base) throw new Refused('baseDeleted');
    const last = this.layout.column + this.layout.width - 1;
    for (let row = this.layout.headerRow; row <= this.lastRow; row++)
      for (let column = found.column + 1; column <= last; column++) this.draft.checkMovable(row, column);
    for (let row = this.layout.headerRow; row <= this.lastRow; row++) {
      for (let column = found.column; column < last; column++) this.draft.set(row, column, this.draft.get(row, column + 1));
      this.draft.set(row, last, null);
    }
    this.layout.width--;
  }

  set(scenario: string, label: string, value: string | number | undefined): void {
    const found = this.find(scenario);
    if (!found) throw new Refused('unknownScenario');
    let row = this.rowOf(label);
    if (row === undefined) {
      if (value === undefined) return;
      row = this.newRow();
      this.draft.set(row, this.layout.column, label.trim());
    }
    const parameter = parseParameter(label);
    this.draft.setOver(row, found.column, value === undefined ? null : sheetValue(parameter, value));
    if (value === undefined || !parameter) return;
    // A rate and the staircase for one benefit in one column is a problem: the one set replaces the other.
    if (parameter.key === 'refusionByBenefit')
      for (const band of BANDS) this.blank(bandLabel(band, parameter.benefit), found.column);
    if (parameter.key === 'durationShares') this.blank(benefitLabel('refusionByBenefit', parameter.benefit), found.column);
  }

  /**
   * Where a new parameter row goes: the first of a table's empty rows at its end (Excel keeps one in a table
   * without data), else a row added below the table.
   */
  private newRow(): number {
    let free: number | undefined;
    if (this.layout.table)
      for (let row = this.lastRow; row > this.layout.headerRow; row--) {
        if (this.draft.firstFilled(row, this.layout.column, 1, this.layout.width)) break;
        free = row;
      }
    if (free !== undefined) return free;
    const row = this.lastRow + 1;
    this.claim(row, this.layout.column, 1, this.layout.width);
    // Without a table the list ends at the first empty row: a row right below would join it.
    if (!this.layout.table) this.claim(row + 1, this.layout.column, 1, this.layout.width);
    this.layout.rows++;
    return row;
  }

  private blank(label: string, column: number): void {
    const row = this.rowOf(label);
    if (row !== undefined) this.draft.setOver(row, column, null);
  }

  /** The table's extent now: an Excel table has a data row, an empty one where there is no parameter yet. */
  extent(name: string): TableArea {
    const rowCount = Math.max(2, this.layout.rows + 1);
    return { name, row: this.layout.headerRow, column: this.layout.column, rowCount, columnCount: this.layout.width };
  }
}

/**
 * The value to write for a parameter: what the sheet reads back to the value asked for, as a person writes it.
 * Rates and staircase shares as a percentage (`30 %`), Fordeling in the product's word, Udelad as a tidy list
 * (`ingen` for none: a blank cell would inherit the base's). Other numbers stay numbers, other text stays text.
 */
function sheetValue(parameter: ReturnType<typeof parseParameter>, value: string | number): string | number {
  switch (parameter?.key) {
    case 'refusionByBenefit':
    case 'durationShares': {
      if (typeof value !== 'number') return value;
      const share = parseShare(value);
      return share?.ok ? (percentText(share.value) ?? share.value) : value;
    }
    case 'mode': {
      const mode = readChoice(MODE_CHOICES, String(value));
      return mode ? choiceWord(MODE_CHOICES, mode) : value;
    }
    case 'excluded': {
      if (typeof value !== 'string') return value;
      const seen = new Set<string>();
      const numbers = value
        .split(/[,;]/)
        .map((nr) => nr.trim())
        .filter(
          (nr) => nr !== '' && matchKey(nr) !== matchKey(NO_EXCLUSIONS) && !seen.has(matchKey(nr)) && seen.add(matchKey(nr)),
        );
      return numbers.length === 0 ? NO_EXCLUSIONS : numbers.join(', ');
    }
    default:
      return value;
  }
}

/**
 * The grid with the cells written, as a host that writes them would read it back: rows and columns grow to
 * hold them (the grid stays rectangular), the origin moves up or left where a cell lies before it.
 */
export function applyCellChanges(sheet: SheetCells, cells: readonly CellChange[]): SheetCells {
  if (cells.length === 0) return sheet;
  let top = sheet.values.length === 0 ? cells[0].row : sheet.origin.row;
  let left = sheet.values.length === 0 ? cells[0].column : sheet.origin.column;
  let width = 0;
  for (const r of sheet.values) if (r) width = Math.max(width, r.length);
  let bottom = sheet.origin.row + sheet.values.length - 1;
  let right = sheet.origin.column + width - 1;
  for (const { row, column } of cells) {
    top = Math.min(top, row);
    left = Math.min(left, column);
    bottom = Math.max(bottom, row);
    right = Math.max(right, column);
  }
  const values: CellValue[][] = Array.from({ length: bottom - top + 1 }, (_, r) =>
    Array.from({ length: right - left + 1 }, (_, c) => cellAt(sheet, top + r, left + c)),
  );
  for (const { row, column, value } of cells) values[row - top][column - left] = value;
  const formulas = (sheet as ScenarioSheetCells).formulas;
  if (formulas === undefined) return { ...sheet, origin: { row: top, column: left }, values };
  // A cell written holds a value now, no formula.
  const written = new Set(cells.map((c) => `${c.row},${c.column}`));
  const kept = formulas.filter((f) => !written.has(`${f.row},${f.column}`));
  return { ...sheet, origin: { row: top, column: left }, values, formulas: kept } as ScenarioSheetCells;
}

/**
 * The edits applied in order to the Scenarier sheet (created where the workbook has none, with the template's
 * `Parameter` and `Basis`): the workbook as it would then read, and the fewest cells to write. An edit refused
 * stops the lot: nothing is applied.
 */
export function editScenarios(sheets: readonly SheetCells[], edits: readonly ScenarioEdit[]): EditResult {
  const unchanged = (edit: ScenarioEdit, error: Refused): EditResult => ({
    sheets: [...sheets],
    changes: [],
    refused: { edit, reason: error.reason, ...(error.place ? { place: error.place } : {}) },
  });
  const sheet = findScenarioSheet(sheets);
  const fresh = !sheet || (!sheet.oversized && isEmptySheet(sheet));
  let layout = sheet && !fresh && !sheet.oversized ? layoutOf(sheet) : undefined;
  if (!fresh && !layout)
    return edits.length === 0 ? { sheets: [...sheets], changes: [] } : unchanged(edits[0], new Refused('sheetNotOurs'));
  const name = sheet?.name ?? SCENARIO_SHEET;
  const draft = new Draft(name, sheet);
  let tableName = layout?.table?.name;
  if (!layout) {
    // A table like the template's, so the scenarios read as one in Excel too.
    tableName = freeTableName(sheets, SCENARIO_SHEET);
    layout = {
      table: { name: tableName, row: 0, column: 0, rowCount: 1, columnCount: 2 },
      headerRow: 0,
      column: 0,
      width: 2,
      rows: 0,
    };
    draft.set(0, 0, PARAMETER_HEADER);
    draft.set(0, 1, BASE_NAME);
  }
  const before = { rows: layout.rows, width: layout.width };
  const others = (sheet?.tables ?? []).filter((t) => t.name !== tableName);
  const editor = new Editor(draft, { ...layout }, others);
  for (const edit of edits) {
    try {
      if (edit.kind === 'set') editor.set(edit.scenario, edit.parameter, edit.value);
      else if (edit.kind === 'add') editor.add(edit.name, edit.copyOf);
      else if (edit.kind === 'rename') editor.rename(edit.scenario, edit.name);
      else editor.delete(edit.scenario);
    } catch (error) {
      if (error instanceof Refused) return unchanged(edit, error);
      throw error;
    }
  }
  const cells = draft.changes();
  const extentChanged = fresh || editor.layout.rows !== before.rows || editor.layout.width !== before.width;
  const table = tableName !== undefined && extentChanged ? editor.extent(tableName) : undefined;
  if (cells.length === 0 && !table) return { sheets: [...sheets], changes: [] };
  const base: SheetCells = sheet ?? { name, origin: { row: 0, column: 0 }, values: [], tables: [] };
  const edited = applyCellChanges(base, cells);
  const tables = table ? [...others, table] : edited.tables;
  const result: SheetCells = { ...edited, tables };
  return {
    sheets: sheet ? sheets.map((s) => (s === sheet ? result : s)) : [...sheets, result],
    changes: [{ sheet: name, cells, ...(table ? { table } : {}) }],
  };
}

/** The scenarios as the sheet states them, and what the editor offers to pick from. */
export function scenarioTable(sheets: readonly SheetCells[]): ScenarioTable {
  const inputs = sheets.filter((s) => !isOutputSheet(s.name));
  const sheet = findScenarioSheet(inputs);
  const lists = findProposalLists(
    inputs.filter((s) => s !== sheet),
    [],
  );
  const benefits = new Map<string, string>();
  const proposals = new Map<string, { nr: string; title: string }>();
  for (const list of lists) {
    const { nr, title, benefit } = list.fields;
    for (const row of list.area.rows) {
      const text = (index: number | undefined) =>
        index === undefined || cellError(row[index] ?? null) !== undefined ? '' : cellText(row[index] ?? null);
      const b = text(benefit);
      if (b !== '' && !benefits.has(matchKey(b))) benefits.set(matchKey(b), b);
      const n = text(nr);
      if (n !== '' && !proposals.has(matchKey(n))) proposals.set(matchKey(n), { nr: n, title: text(title) });
    }
  }
  const table: ScenarioTable = {
    parameters: [],
    scenarios: [],
    benefits: [...benefits.values()],
    years: lists[0]?.years ?? [],
    proposals: [...proposals.values()],
  };
  if (!sheet || isEmptySheet(sheet)) {
    // Editing creates the sheet with the template's base scenario.
    table.scenarios.push({ name: BASE_NAME, values: {} });
    if (sheet) table.sheet = sheet.name;
    return table;
  }
  table.sheet = sheet.name;
  const layout = sheet.oversized ? undefined : layoutOf(sheet);
  if (!layout) return table;
  const editor = new Editor(new Draft(sheet.name, sheet), layout, []);
  const columns = editor.scenarios();
  table.scenarios = columns.map((c) => ({ name: c.name, values: {} }));
  for (let row = layout.headerRow + 1; row <= editor.lastRow; row++) {
    const label = cellText(cellAt(sheet, row, layout.column));
    if (label === '') continue;
    table.parameters.push(label);
    columns.forEach((c, s) => {
      const value = cellAt(sheet, row, c.column);
      if (isBlank(value)) return;
      table.scenarios[s].values[label] = typeof value === 'number' ? value : typeof value === 'string' ? value : cellText(value);
      if (s === 0 && parseParameter(label)?.key === 'unit') table.unit = parseUnit(cellText(value));
    });
  }
  table.unit ??= 'kr.';
  return table;
}
