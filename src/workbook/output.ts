/**
 * Results → the three output sheets (`Resultat`, `Råderum`, `Sammenligning`)
 * as rectangular grids with number formats, bold rows, tables and widths.
 * Adapters write these as they are; text cells carry the text format `@` so a
 * title starting with `=` stays text.
 */
import {
  bookFigures,
  inUnit as inKronerPerUnit,
  type Amounts,
  type BookFigures,
  type Comparison,
  type Difference,
  type ProposalFigures,
  type ScenarioFigures,
} from '../model/figures';
import { problem, type Issue } from '../model/problems';
import type { Evaluation } from '../model/scenarios';
import type { AllocationMode } from '../model/types';
import { choiceWord, header as columnHeader, MODE_CHOICES, STATUS_CHOICES, yearHeaders } from './columns';
import { excelNameKey, type TableArea } from './grid';
import { OUTPUT_MARK } from './read';
import { UNITS, type Unit } from './units';

export type OutputCell = string | number | null;

export interface OutputSheet {
  name: string;
  values: OutputCell[][];
  /** Same shape as values. */
  formats: string[][];
  boldRows: number[];
  tables: TableArea[];
  /** Column widths in characters. */
  columnWidths: number[];
  /** Rows drawn in a style across the sheet's width (ROW_STYLES says how); a header row's height in lines of text. */
  rowStyles?: StyledRow[];
  /** Rows and columns kept in view at the top and left (the column header; Nr and Titel). */
  frozen?: { rows: number; columns: number };
  /** How the sheet prints. */
  page?: PageSetup;
}

/** A title, a column header (wrapped), a band naming a scenario, a subtotal or a total. */
export type RowStyle = 'title' | 'header' | 'band' | 'subtotal' | 'total';

export interface StyledRow {
  row: number;
  style: RowStyle;
  /** Lines of wrapped text the row needs (header rows): its height is lines × LINE_HEIGHT_POINTS. */
  lines?: number;
}

export interface RowLook {
  bold: boolean;
  /** Font size in points (else the workbook's). */
  size?: number;
  /** Fill colour, RRGGBB. */
  fill?: string;
  borderTop?: 'thin';
  borderBottom?: 'thin' | 'double';
  /** Text wraps within the cell (and the row's height is set from `lines`). */
  wrap?: boolean;
}

/**
 * What each style looks like; the adapters draw exactly this on the row's cells
 * from column A to the sheet's last column. Borders and fills, not bold alone, so a
 * total stands out on paper and in grey print too; the fills are light, so
 * numbers read in black on them.
 */
export const ROW_STYLES: Record<RowStyle, RowLook> = {
  title: { bold: true, size: 14 },
  header: { bold: true, fill: 'D9E1F2', borderBottom: 'thin', wrap: true },
  band: { bold: true, size: 12, fill: 'DDEBF7', borderTop: 'thin' },
  subtotal: { bold: false, fill: 'F2F2F2', borderTop: 'thin' },
  total: { bold: true, fill: 'E7E6E6', borderTop: 'thin', borderBottom: 'double' },
};

/** Points per line of a wrapped header (Calibri 11 and its spacing). */
export const LINE_HEIGHT_POINTS = 15;

/**
 * A printed header's or footer's three parts, in Excel's header/footer codes
 * (&P page, &N pages, &F the file's name, &A the sheet's); `&` in a name is
 * already `&&`. In a file the three are `&L…&C…&R…`.
 */
export interface PageMargin {
  left: string;
  center: string;
  right: string;
}

/**
 * A4 landscape, one page wide and as many tall as needed (fixed for every
 * output sheet); what varies per sheet is here.
 */
export interface PageSetup {
  /** Rows repeated at the top of every printed page (0-based, inclusive). */
  titleRows?: { first: number; last: number };
  header: PageMargin;
  footer: PageMargin;
  /** Rows that start a new printed page (each scenario after the first). */
  breaksBefore: number[];
}

export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;
export const TEXT_FORMAT = '@';
export const SHARE_FORMAT = '0.0%';
const GENERAL = 'General';

/** The words Råderum writes for a mode (`Fordeling`): those of the table of columns. */
export const modeLabel = (mode: AllocationMode): string => choiceWord(MODE_CHOICES, mode);

type Cell = { value: OutputCell; format?: string };

/**
 * Table names are unique in a workbook, whatever the case (as Excel compares
 * them): an output table takes its name unless a user's table (or another
 * output table) has it, else the first free `name_2`, `name_3`, ….
 */
class TableNames {
  private readonly taken = new Set<string>();
  constructor(reserved: Iterable<string>) {
    for (const name of reserved) this.taken.add(excelNameKey(name));
  }

  take(name: string): string {
    let chosen = name;
    for (let k = 2; this.taken.has(excelNameKey(chosen)); k++) chosen = `${name}_${k}`;
    this.taken.add(excelNameKey(chosen));
    return chosen;
  }
}

/** Accumulates rows; text gets the text format, numbers the format given. */
class SheetBuilder {
  private rows: Cell[][] = [];
  readonly boldRows: number[] = [];
  readonly tables: TableArea[] = [];
  get rowCount(): number {
    return this.rows.length;
  }

  /** Strings are text, numbers amounts, unless a cell says otherwise. */
  add(cells: (OutputCell | Cell)[], bold = false): number {
    this.rows.push(cells.map((c) => (c !== null && typeof c === 'object' ? c : { value: c })));
    if (bold) this.boldRows.push(this.rows.length - 1);
    return this.rows.length - 1;
  }

  blank(): void {
    this.add([]);
  }

  constructor(
    readonly name: string,
    private readonly amountFormat: string,
    private readonly tableNames: TableNames,
  ) {}

  table(name: string, headerRow: number, columnCount: number): void {
    const rowCount = this.rows.length - headerRow;
    if (rowCount > 1) this.tables.push({ name: this.tableNames.take(name), row: headerRow, column: 0, rowCount, columnCount });
  }

  build(columnWidths: number[]): OutputSheet {
    // A loop, not Math.max(...rows): a spread of many rows overflows the call stack.
    let width = 1;
    for (const r of this.rows) width = Math.max(width, r.length);
    // Plain loops: outputs of hundreds of thousands of rows are built in well under a second.
    const values: OutputCell[][] = new Array(this.rows.length);
    const formats: string[][] = new Array(this.rows.length);
    for (let i = 0; i < this.rows.length; i++) {
      const r = this.rows[i];
      const rowValues: OutputCell[] = new Array(width);
      const rowFormats: string[] = new Array(width);
      for (let c = 0; c < width; c++) {
        const cell = r[c];
        const value = cell ? cell.value : null;
        rowValues[c] = value;
        rowFormats[c] = value === null ? GENERAL : (cell.format ?? (typeof value === 'number' ? this.amountFormat : TEXT_FORMAT));
      }
      values[i] = rowValues;
      formats[i] = rowFormats;
    }
    return {
      name: this.name,
      values,
      formats,
      boldRows: this.boldRows,
      tables: this.tables,
      columnWidths: Array.from({ length: width }, (_, c) => columnWidths[c] ?? 14),
    };
  }
}

/** Kroner (rounded to the unit's step) → the workbook's unit. */
export const inUnit = (kroner: readonly number[], unit: Unit): number[] => inKronerPerUnit(kroner, UNITS[unit].kroner);

export interface OutputResult {
  sheets: OutputSheet[];
  issues: Issue[];
}

/**
 * The three output sheets. `reservedTableNames` are the tables on the user's
 * sheets (ReadResult.tableNames): output tables are named around them, so the
 * workbook never holds two tables of one name.
 */
export function outputSheets(evaluation: Evaluation, unit: Unit, reservedTableNames: Iterable<string> = []): OutputResult {
  return layOutSheets(bookFigures(evaluation, UNITS[unit].roundingStep), unit, reservedTableNames);
}

/** The three output sheets from figures rounded to the unit's step: placing, never computing. */
export function layOutSheets(figures: BookFigures, unit: Unit, reservedTableNames: Iterable<string> = []): OutputResult {
  const names = new TableNames(reservedTableNames);
  const sheets = [
    resultSheet(figures.scenarios, figures.years, unit, names),
    raaderumSheet(figures.scenarios, figures.years, unit, names),
    comparisonSheet(figures, unit, names),
  ];
  const issues: Issue[] = [];
  for (const s of sheets) {
    if (s.values.length > EXCEL_MAX_ROWS)
      issues.push(problem('tooManyRows', { sheet: s.name, rows: s.values.length, max: EXCEL_MAX_ROWS }));
    const columns = s.values[0]?.length ?? 0;
    if (columns > EXCEL_MAX_COLUMNS) issues.push(problem('tooManyColumns', { sheet: s.name, columns, max: EXCEL_MAX_COLUMNS }));
  }
  return { sheets, issues };
}

function unitNote(unit: Unit): string {
  return `Beløb i ${unit}, minus er en besparelse. ${OUTPUT_MARK}; arket skrives forfra ved hver beregning.`;
}

function resultSheet(scenarios: ScenarioFigures[], years: number[], unit: Unit, names: TableNames): OutputSheet {
  const b = new SheetBuilder('Resultat', UNITS[unit].numberFormat, names);
  b.add(['Resultat'], true);
  b.add([unitNote(unit)]);
  const anySplit = scenarios.some((s) => s.proposals.some((p) => p.split));
  const anyVolume = scenarios.some((s) => s.proposals.some((p) => p.fullTimePersons !== undefined));
  const header = [
    columnHeader('nr'),
    columnHeader('title'),
    columnHeader('committee'),
    columnHeader('kind'),
    ...(anySplit ? [...yearHeaders('service', years), ...yearHeaders('ejService', years)] : []),
    ...yearHeaders('udgift', years),
    ...yearHeaders('indtaegt', years),
    ...yearHeaders('investering', years),
    ...yearHeaders('netto', years),
    ...(anyVolume ? [columnHeader('fullTimePersons'), ...yearHeaders('nettoPerPerson', years)] : []),
  ];
  const pad = years.map(() => null);
  const amounts = (p: Amounts): OutputCell[] => [
    // A row that does not split its Udgift leaves the split columns blank.
    ...(anySplit ? (p.split ? [...inUnit(p.split.service, unit), ...inUnit(p.split.ejService, unit)] : [...pad, ...pad]) : []),
    ...inUnit(p.udgift, unit),
    ...inUnit(p.indtaegt, unit),
    ...inUnit(p.investering, unit),
    ...inUnit(p.netto, unit),
  ];
  const proposalRow = (p: ProposalFigures): (OutputCell | Cell)[] => [
    p.nr,
    p.title,
    p.committee,
    p.kind,
    ...amounts(p),
    ...(anyVolume
      ? [
          p.fullTimePersons === undefined ? null : { value: p.fullTimePersons, format: '#,##0.0' },
          ...(p.nettoPerPerson ?? years.map(() => null)).map((v) => (v === null ? null : { value: v, format: '#,##0' })),
        ]
      : []),
  ];

  scenarios.forEach((s, k) => {
    b.blank();
    b.add([`Scenarie: ${s.name}`], true);
    const headerRow = b.add(header, true);
    for (const c of s.committees) c.proposals.forEach((p) => b.add(proposalRow(p)));
    b.table(`Raaderum_Resultat_${k + 1}`, headerRow, header.length);
    if (s.committees.length > 1 || (s.committees.length === 1 && s.committees[0].committee !== ''))
      for (const c of s.committees)
        b.add(['', `I alt ${c.committee === '' ? '(uden udvalg)' : c.committee}`, '', '', ...amounts(c.total)]);
    b.add(['', `I alt ${s.name}`, '', '', ...amounts(s.total)], true);
    const excluded = s.proposals.filter((p) => !p.included);
    if (excluded.length > 0) {
      b.add([`Udeladt i ${s.name} (indgår ikke i summerne ovenfor)`], true);
      excluded.forEach((p) => b.add(proposalRow(p)));
    }
  });
  return b.build([12, 50, 28, 12]);
}

function raaderumSheet(scenarios: ScenarioFigures[], years: number[], unit: Unit, names: TableNames): OutputSheet {
  const b = new SheetBuilder('Råderum', UNITS[unit].numberFormat, names);
  b.add(['Råderum'], true);
  b.add([unitNote(unit) + ' Andele er af det råderum, der er til rådighed i året.']);
  const header = [
    columnHeader('nr'),
    columnHeader('title'),
    columnHeader('priority'),
    columnHeader('status'),
    ...yearHeaders('requested', years),
    ...yearHeaders('funded', years),
    ...yearHeaders('shareOfPool', years),
  ];
  const pad = years.map(() => null);
  scenarios.forEach((s, k) => {
    b.blank();
    b.add([`Scenarie: ${s.name}`, `${columnHeader('mode')}: ${modeLabel(s.mode)}`], true);
    const share = (shares: readonly number[]): Cell[] => shares.map((value) => ({ value, format: SHARE_FORMAT }));
    const headerRow = b.add(header, true);
    s.requests.forEach((r) =>
      b.add([
        r.nr,
        r.title,
        // A priority is a rank, not an amount: shown as typed (1, not 1,0 in mio. kr.).
        r.priority === undefined ? null : { value: r.priority, format: GENERAL },
        choiceWord(STATUS_CHOICES, r.status),
        ...inUnit(r.request, unit),
        ...inUnit(r.funded, unit),
        ...share(r.shownShare),
      ]),
    );
    b.table(`Raaderum_Raaderum_${k + 1}`, headerRow, header.length);
    b.add(
      ['', 'Ønsker i alt', null, null, ...inUnit(s.requested, unit), ...inUnit(s.funded, unit), ...share(s.fundedShare)],
      true,
    );
    b.add(['', 'Tilbage', null, null, ...pad, ...inUnit(s.remaining, unit), ...share(s.remainingShare)]);
    b.blank();
    b.add(['', 'Opgørelse', null, null, ...years.map(String)], true);
    b.add(['', 'Råderum (pulje)', null, null, ...inUnit(s.pool, unit)]);
    b.add(['', 'Reduktioner i pakken (netto)', null, null, ...inUnit(s.reductions, unit)]);
    b.add(['', 'Til rådighed (pulje − reduktioner)', null, null, ...inUnit(s.available, unit)]);
    b.add(['', 'Bevilget', null, null, ...inUnit(s.funded, unit)]);
    b.add(['', 'Tilbage', null, null, ...inUnit(s.remaining, unit)], true);
    b.add(['', 'Pakkens budgetvirkning (reduktioner + bevilget)', null, null, ...inUnit(s.effect, unit)], true);
  });
  return b.build([12, 50, 10, 16]);
}

function comparisonSheet(figures: BookFigures, unit: Unit, names: TableNames): OutputSheet {
  const { years, scenarios, comparisons } = figures;
  const b = new SheetBuilder('Sammenligning', UNITS[unit].numberFormat, names);
  b.add(['Sammenligning'], true);
  const base = scenarios[0];
  if (comparisons.length === 0) {
    b.add([unitNote(unit)]);
    b.add([`Der er kun ét scenarie (${base.name}). Tilføj en kolonne på arket Scenarier for at sammenligne.`]);
    return b.build([12, 50]);
  }
  b.add([unitNote(unit) + ` Hvert scenarie sammenlignes med basis (${base.name}); forskel = scenarie − basis.`]);
  const columns = (d: Difference): OutputCell[] => [
    ...inUnit(d.reference, unit),
    ...inUnit(d.scenario, unit),
    ...inUnit(d.difference, unit),
  ];
  comparisons.forEach((c: Comparison, k) => {
    b.blank();
    b.add([`${c.scenario} mod ${c.reference}`], true);
    const header = [
      columnHeader('nr'),
      columnHeader('title'),
      ...yearHeaders('netto', years, c.reference),
      ...yearHeaders('netto', years, c.scenario),
      ...yearHeaders('difference', years),
      columnHeader('note'),
    ];
    const headerRow = b.add(header, true);
    for (const p of c.proposals) {
      const note = [
        p.excludedInReference ? `udeladt i ${c.reference}` : '',
        p.excludedInScenario ? `udeladt i ${c.scenario}` : '',
      ]
        .filter(Boolean)
        .join('; ');
      b.add([p.nr, p.title, ...columns(p), note]);
    }
    b.table(`Raaderum_Sammenligning_${k + 1}`, headerRow, header.length);
    b.add(['', 'I alt', ...columns(c.totalNetto)], true);
    b.blank();
    b.add(
      [
        '',
        'Råderum',
        ...years.map((y) => `${c.reference} ${y}`),
        ...years.map((y) => `${c.scenario} ${y}`),
        ...yearHeaders('difference', years),
      ],
      true,
    );
    b.add(['', 'Til rådighed', ...columns(c.available)]);
    b.add(['', 'Bevilget', ...columns(c.funded)]);
    b.add(['', 'Tilbage', ...columns(c.remaining)]);
    b.add(['', 'Budgetvirkning', ...columns(c.effect)], true);
  });
  return b.build([12, 50]);
}
