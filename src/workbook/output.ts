/**
 * Results → the three output sheets (`Resultat`, `Råderum`, `Sammenligning`)
 * as rectangular grids with number formats, row styles, tables, widths, frozen
 * panes and page setup, in Danish or English.
 * Adapters write these as they are; text cells carry the text format `@` so a
 * title starting with `=` stays text.
 */
import type { FundingStatus } from '../model/allocation';
import {
  bookFigures,
  inUnit as inKronerPerUnit,
  type Amounts,
  type BookFigures,
  type Comparison,
  type Difference,
  type ProposalFigures,
  type RequestComparison,
  type ScenarioFigures,
} from '../model/figures';
import { problem, warning, type Issue } from '../model/problems';
import type { Evaluation } from '../model/scenarios';
import type { AllocationMode, Kind } from '../model/types';
import {
  choiceWord,
  ENGLISH_CHOICE_WORDS,
  ENGLISH_HEADERS,
  header as danishHeader,
  KIND_CHOICES,
  MODE_CHOICES,
  STATUS_CHOICES,
  type ColumnKey,
  type SheetLanguage,
} from './columns';
import type { ProposalExplanation } from './explanation';
import { excelNameKey, type CellValue, type TableArea } from './grid';
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
  /**
   * Columns grouped in an outline (Excel's − and + above the columns), 0-based
   * and inclusive; a collapsed group is hidden, on screen and on paper, until
   * a reader opens it.
   */
  columnGroups?: ColumnGroup[];
  /**
   * A log's sheet (the run log, `Kørsler`): its rows are written from this
   * 0-based sheet row on, below what the sheet already holds, which is left
   * as it is (nothing cleared, nothing above rewritten). Row indices in this
   * object (rowStyles, tables, page, frozen) count from the first of `values`.
   * Absent: the sheet's content is replaced, as for every other output sheet.
   */
  appendAt?: number;
  /**
   * Native Excel charts drawn from this sheet's own cells (issue 13), so a workbook sent to someone without the
   * add-in still shows them. A re-run replaces each chart by its name, never adds a second.
   */
  charts?: OutputChart[];
}

/** A chart over cells of its own sheet; rows and columns 0-based, counted like the sheet's other rows. */
export interface OutputChart {
  /** Unique in the workbook (Excel's chart name); what a re-run finds and replaces. */
  name: string;
  kind: 'columnClustered' | 'columnStacked' | 'barStacked' | 'line';
  title: string;
  /** The category labels: one row or one column of cells. */
  categories: ChartCells;
  /**
   * One series per entry: its name and its values (one row or one column, as long as the categories); `nameCell`,
   * when given, is the cell holding the name (a file's chart refers to it).
   */
  series: { name: string; values: ChartCells; nameCell?: { row: number; column: number } }[];
  /** Where the chart is drawn: its top-left cell and its size in columns and rows. */
  at: { row: number; column: number; columns: number; rows: number };
}

/**
 * What every chart Råderum draws is named from: a re-run replaces the charts of this prefix on its sheets (a user's
 * chart has Excel's own name, "Diagram 1", and is left alone).
 */
export const OUTPUT_CHART_PREFIX = 'Raaderum_';
export const isOutputChartName = (name: string): boolean => name.startsWith(OUTPUT_CHART_PREFIX);

/** The most series a chart of the sheets shows: past it (a request per series) the legend no longer reads. */
export const MOST_CHART_SERIES = 40;

/** Rows a chart takes below its figures (about 300 points), kept blank for it. */
export const CHART_ROWS = 18;

/**
 * A chart's cells as one block, as the Office adapter hands them to Excel (`charts.add(type, range, 'Rows')`):
 * the categories a row above the values, the series' names a column left of them, the corner blank (so Excel takes
 * the first row and column as labels). Every chart laid out here is such a block.
 */
export function chartBlock(chart: OutputChart): ChartCells {
  const { categories, series } = chart;
  const first = series[0];
  const block = {
    row: categories.row,
    column: categories.column - 1,
    rowCount: series.length + 1,
    columnCount: categories.columnCount + 1,
  };
  const fits = series.every(
    (s, k) =>
      s.nameCell?.row === block.row + 1 + k &&
      s.nameCell.column === block.column &&
      s.values.row === block.row + 1 + k &&
      s.values.column === categories.column &&
      s.values.columnCount === categories.columnCount &&
      s.values.rowCount === 1,
  );
  if (!first || categories.rowCount !== 1 || !fits) throw new Error(`Diagrammet ${chart.name} er ikke én blok af celler.`);
  return block;
}

export interface ChartCells {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

export interface ColumnGroup {
  first: number;
  last: number;
  collapsed: boolean;
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
/**
 * The most rows of steps `Beregning` holds. Past it the sheet holds a note:
 * nobody reads half a million rows (the pane explains any proposal), and
 * writing them would double a large book's run (50.000 proposals × 3
 * scenarios give about 490.000 rows: 9 s more and 300 MB more on the command
 * line, and as many cells more through Office.js).
 */
export const CALCULATION_MAX_ROWS = 100_000;
export const TEXT_FORMAT = '@';
export const SHARE_FORMAT = '0.0%';
const GENERAL = 'General';

/** The words Råderum writes for a mode (`Fordeling`): those of the table of columns. */
export const modeLabel = (mode: AllocationMode): string => choiceWord(MODE_CHOICES, mode);

/** The language of the output sheets' words (`Sprog` in `Scenarier`, else the pane's); the sheets' names stay Danish. */
export type OutputLanguage = SheetLanguage;

/** The proposal lists' own columns (read.ts `ownColumns`): headers, and per proposal in the book's order its values. */
export interface OwnColumns {
  headers: string[];
  values: OutputCell[][];
}

/** The explanations Beregning lists: one per proposal in the book's order (explanation.ts, Explainer). */
export interface Explanations {
  count: number;
  explain: (index: number) => ProposalExplanation;
}

export interface LayoutOptions {
  /** Lay out `Beregning` from these (runWorkbook gives them); without, no Beregning. */
  explanations?: Explanations;
  language?: OutputLanguage;
  /** The run's date (yyyy-mm-dd), printed in each page's header; today when not given. */
  runDate?: string;
  /** The lists' own columns, carried into `Resultat` after the figures. */
  ownColumns?: OwnColumns;
}

type Cell = { value: OutputCell; format?: string };

/** The words the sheets write, in each language. */
const WORDS = {
  da: {
    title: { Resultat: 'Resultat', Råderum: 'Råderum', Sammenligning: 'Sammenligning', Beregning: 'Beregning' },
    amounts: (unit: string) => `Beløb i ${unit}; minus = besparelse/mindreudgift, plus = merudgift.`,
    calculation:
      'Hvert forslags netto i hvert scenarie, trin for trin: trinnenes beløb giver tilsammen nettoen, som i Resultat. Trinnet Råderum viser, hvad en udvidelse får bevilget; en reduktions plads i råderummet står ved dens netto. Filtrér på Nr for at se ét forslag.',
    calculationTooLarge:
      'Beregningen ville få mere end 100.000 rækker og er ikke skrevet. Se forklaringen af et forslag i opgaveruden.',
    step: 'Trin',
    explanation: 'Forklaring',
    amount: 'Beløb',
    steps: {
      udgift: 'Udgift',
      volume: 'Fuldtidspersoner',
      refusion: 'Refusion',
      indtaegt: 'Indtægt',
      investering: 'Investering',
      caseload: 'Bemanding',
      netto: 'Netto',
      raaderum: 'Råderum',
    },
    mark: `${OUTPUT_MARK}; arket skrives forfra ved hver beregning.`,
    perPerson: 'Netto pr. fuldtidsperson i hele kroner.',
    folded: 'Udgift, Indtægt og Investering er foldet sammen: klik + over kolonnerne for at se dem.',
    shares: 'Andele er af det råderum, der er til rådighed i året.',
    scenario: (name: string) => `Scenarie: ${name}`,
    withMode: (name: string, mode: string) => `Scenarie: ${name} · Fordeling: ${mode}`,
    committeeTotal: (committee: string) => `I alt ${committee === '' ? '(uden udvalg)' : committee}`,
    total: (name: string) => `I alt ${name}`,
    grandTotal: 'I alt',
    excluded: (name: string) => `Udeladt i ${name} (indgår ikke i summerne ovenfor)`,
    requestsTotal: 'Ønsker i alt',
    left: 'Tilbage',
    summary: 'Opgørelse',
    pool: 'Råderum (pulje)',
    reductions: 'Reduktioner i pakken (netto)',
    available: 'Til rådighed (pulje − reduktioner)',
    availableShort: 'Til rådighed',
    funded: 'Bevilget',
    effect: 'Pakkens budgetvirkning (reduktioner + bevilget)',
    against: (scenario: string, reference: string) => `${scenario} mod ${reference}`,
    comparedWithBase: (base: string) => `Hvert scenarie sammenlignes med basis (${base}); forskel = scenarie − basis.`,
    onlyOne: (base: string) => `Der er kun ét scenarie (${base}). Tilføj en kolonne på arket Scenarier for at sammenligne.`,
    excludedIn: (name: string) => `udeladt i ${name}`,
    raaderum: 'Råderum',
    budgetEffect: 'Budgetvirkning',
    reference: 'Reference',
    scenarioWord: 'Scenarie',
    fundingChanges: (list: string) => `Ændringer i bevillinger: ${list}.`,
    manyChanges: (count: number) => `${count} ønsker skifter status eller beløb (markeret med → eller "beløb ændret").`,
    noChanges: 'Ingen ændringer i bevillinger.',
    amountChanged: 'beløb ændret',
    leftOut: 'Udeladt',
    calculated: (date: string) => `Beregnet ${date}`,
    page: 'Side &P af &N',
    scenarios: 'Scenarier',
    date: (iso: string) => iso.split('-').reverse().join('.'),
    alternatives: 'Alternativer (ikke med i i alt)',
    alternativeFunded: (status: string, nr: string) => `${status}: alternativ ${nr} er finansieret`,
    shareChart: 'Diagrammets tal: råderummet til rådighed pr. år, fordelt på de bevilgede ønsker og det, der er tilbage.',
    shareChartTitle: (name: string) => `Råderummet fordelt: ${name}`,
    totalsChart: 'Diagrammets tal: netto i alt pr. scenarie og år.',
    totalsChartTitle: 'Netto i alt pr. scenarie',
  },
  en: {
    title: {
      Resultat: 'Results',
      Råderum: 'Råderum (pool for new spending)',
      Sammenligning: 'Comparison',
      Beregning: 'Calculation',
    },
    amounts: (unit: string) => `Amounts in ${unit}; minus = saving/lower spending, plus = extra spending.`,
    calculation:
      "Each proposal's net in each scenario, step by step: the steps' amounts add up to the net, as in Results. The step Råderum shows what an expansion is funded; a reduction's part in the råderum is told beside its net. Filter on No. to see one proposal.",
    calculationTooLarge:
      "The calculation would take more than 100,000 rows and is not written. See a proposal's explanation in the task pane.",
    step: 'Step',
    explanation: 'Explanation',
    amount: 'Amount',
    steps: {
      udgift: 'Expenditure',
      volume: 'Full-time persons',
      refusion: 'Refusion',
      indtaegt: 'Revenue',
      investering: 'Investment',
      caseload: 'Staffing',
      netto: 'Net',
      raaderum: 'Råderum',
    },
    mark: `${OUTPUT_MARK} (written by Råderum); the sheet is rewritten on every run.`,
    perPerson: 'Net per full-time person in whole kroner.',
    folded: 'Expenditure, revenue and investment are folded away: click + above the columns to see them.',
    shares: 'Shares are of the råderum available in the year.',
    scenario: (name: string) => `Scenario: ${name}`,
    withMode: (name: string, mode: string) => `Scenario: ${name} · Allocation: ${mode}`,
    committeeTotal: (committee: string) => `Total ${committee === '' ? '(no committee)' : committee}`,
    total: (name: string) => `Total ${name}`,
    grandTotal: 'Total',
    excluded: (name: string) => `Left out of ${name} (not in the sums above)`,
    requestsTotal: 'All requests',
    left: 'Left',
    summary: 'Summary',
    pool: 'Råderum (pool)',
    reductions: 'Reductions in the package (net)',
    available: 'Available (pool − reductions)',
    availableShort: 'Available',
    funded: 'Funded',
    effect: 'Budget effect of the package (reductions + funded)',
    against: (scenario: string, reference: string) => `${scenario} against ${reference}`,
    comparedWithBase: (base: string) => `Each scenario is compared with the base (${base}); difference = scenario − base.`,
    onlyOne: (base: string) => `There is only one scenario (${base}). Add a column to the Scenarier sheet to compare.`,
    excludedIn: (name: string) => `left out of ${name}`,
    raaderum: 'Råderum',
    budgetEffect: 'Budget effect',
    reference: 'Reference',
    scenarioWord: 'Scenario',
    fundingChanges: (list: string) => `Changes in funding: ${list}.`,
    manyChanges: (count: number) => `${count} requests change status or amount (marked with → or "amount changed").`,
    noChanges: 'No changes in funding.',
    amountChanged: 'amount changed',
    leftOut: 'Left out',
    calculated: (date: string) => `Calculated ${date}`,
    page: 'Page &P of &N',
    scenarios: 'Scenarios',
    date: (iso: string) => iso,
    alternatives: 'Alternatives (not in the totals)',
    alternativeFunded: (status: string, nr: string) => `${status}: alternative ${nr} is funded`,
    shareChart: "The chart's figures: the råderum available per year, split into the requests funded and what is left.",
    shareChartTitle: (name: string) => `The råderum allocated: ${name}`,
    totalsChart: "The chart's figures: total net per scenario and year.",
    totalsChartTitle: 'Total net per scenario',
  },
} as const;

type Words = (typeof WORDS)[OutputLanguage];

/** Whether a cell is the note Resultat writes when it folds columns (in either language): the sheet has an outline. */
export const isFoldedNote = (value: CellValue): boolean =>
  typeof value === 'string' && (value.includes(WORDS.da.folded) || value.includes(WORDS.en.folded));

/** Headers and choice words in the sheets' language. */
class Vocabulary {
  readonly w: Words;
  constructor(readonly language: OutputLanguage) {
    this.w = WORDS[language];
  }

  header(key: ColumnKey): string {
    return (this.language === 'en' ? ENGLISH_HEADERS[key] : undefined) ?? danishHeader(key);
  }

  /** `Udgift 2027`; a qualifier goes between (`Netto Basis 2027`). */
  yearHeaders(key: ColumnKey, years: readonly number[], qualifier?: string): string[] {
    const word = this.header(key);
    return years.map((y) => (qualifier === undefined ? `${word} ${y}` : `${word} ${qualifier} ${y}`));
  }

  status(status: FundingStatus): string {
    return this.language === 'en' ? ENGLISH_CHOICE_WORDS[status] : choiceWord(STATUS_CHOICES, status);
  }

  mode(mode: AllocationMode): string {
    return this.language === 'en' ? ENGLISH_CHOICE_WORDS[mode] : modeLabel(mode);
  }

  kind(kind: Kind): string {
    return this.language === 'en' ? ENGLISH_CHOICE_WORDS[kind] : choiceWord(KIND_CHOICES, kind);
  }
}

/**
 * Table names are unique in a workbook, whatever the case (as Excel compares
 * them): an output table takes its name unless a user's table (or another
 * output table) has it, else the first free `name_2`, `name_3`, ….
 */
export class TableNames {
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

/** Room beside a header's longest word: bold text is wider than the digits a width counts. */
const WORD_ROOM = 2;

/** Most lines a header may wrap to: Excel's tallest row is 409 points. */
const MOST_LINES = Math.floor(409 / LINE_HEIGHT_POINTS);

/**
 * The lines a text needs in a column `width` characters wide, wrapped at
 * spaces as Excel does (a word longer than the column takes lines of its own).
 * Bold header text is a little wider than the digits a width counts: one
 * character is kept free.
 */
export function wrappedLines(text: string, width: number): number {
  const room = Math.max(1, Math.floor(width) - 1);
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const needed = used === 0 ? word.length : used + 1 + word.length;
    if (needed <= room) used = needed;
    else {
      if (used > 0) lines++;
      lines += Math.ceil(word.length / room) - 1;
      used = word.length % room || room;
    }
  }
  return lines;
}

/** A row already laid out to the sheet's width, values and formats (a format row may be shared by many rows). */
interface RawRow {
  raw: true;
  values: OutputCell[];
  formats: string[];
}

/** Accumulates rows; text gets the text format, numbers the format given. */
export class SheetBuilder {
  private rows: (Cell[] | RawRow)[] = [];
  private readonly styled: { row: number; style: RowStyle }[] = [];
  readonly tables: TableArea[] = [];
  readonly breaksBefore: number[] = [];
  readonly charts: OutputChart[] = [];
  get rowCount(): number {
    return this.rows.length;
  }

  /** Strings are text, numbers amounts, unless a cell says otherwise. */
  add(cells: (OutputCell | Cell)[], style?: RowStyle): number {
    this.flush();
    this.rows.push(cells.map((c) => (c !== null && typeof c === 'object' ? c : { value: c })));
    const row = this.rows.length - 1;
    if (style) this.styled.push({ row, style });
    return row;
  }

  blank(): void {
    this.add([]);
  }

  /**
   * A row given as values and formats of the sheet's full width, taken as it is: for sheets of many
   * rows of one pattern (Beregning), whose rows then share one array of formats.
   */
  addRaw(values: OutputCell[], formats: string[]): number {
    this.flush();
    this.rows.push({ raw: true, values, formats });
    return this.rows.length - 1;
  }

  /**
   * A chart's figures as one block from column B (chartBlock): a header row of the categories (text, so Excel takes
   * them as labels), a row per series (its name in B, its values after), then the blank rows the chart is drawn on.
   */
  chart(
    name: string,
    kind: OutputChart['kind'],
    title: string,
    categories: string[],
    series: { name: string; values: readonly number[] }[],
  ): void {
    const headerRow = this.add([null, null, ...categories], 'header');
    const rows = series.map((s) => this.add([null, s.name, ...s.values]));
    const cells = (row: number) => ({ row, column: 2, rowCount: 1, columnCount: categories.length });
    this.charts.push({
      name,
      kind,
      title,
      categories: cells(headerRow),
      series: series.map((s, k) => ({ name: s.name, values: cells(rows[k]), nameCell: { row: rows[k], column: 1 } })),
      at: { row: this.rows.length + 1, column: 1, columns: Math.max(6, categories.length + 3), rows: CHART_ROWS - 2 },
    });
    // Blank rows for the chart, added when a row follows: a sheet ends at its last figures, as Excel reads it back.
    this.reserved = CHART_ROWS;
  }

  /** Blank rows a chart is drawn on, not yet added. */
  private reserved = 0;
  private flush(): void {
    for (; this.reserved > 0; this.reserved--) this.rows.push([]);
  }

  /** The next row starts a printed page. */
  pageBreak(): void {
    this.flush();
    this.breaksBefore.push(this.rows.length);
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

  build(
    columnWidths: number[],
    layout: { frozen: OutputSheet['frozen']; header: PageMargin; footer: PageMargin; columnGroups?: ColumnGroup[] },
  ): OutputSheet {
    // A loop, not Math.max(...rows): a spread of many rows overflows the call stack.
    let width = 1;
    for (const r of this.rows) width = Math.max(width, 'raw' in r ? r.values.length : r.length);
    const widths = Array.from({ length: width }, (_, c) => columnWidths[c] ?? AMOUNT_WIDTH);
    // A header wraps between words, never inside one: a column is at least as wide as its headers' longest word.
    for (const { row, style } of this.styled) {
      const cells = this.rows[row];
      if (!ROW_STYLES[style].wrap || 'raw' in cells) continue;
      cells.forEach((cell, c) => {
        if (typeof cell?.value !== 'string') return;
        for (const word of cell.value.split(/\s+/)) widths[c] = Math.max(widths[c], word.length + WORD_ROOM);
      });
    }
    // Plain loops: outputs of hundreds of thousands of rows are built in well under a second.
    const values: OutputCell[][] = new Array(this.rows.length);
    const formats: string[][] = new Array(this.rows.length);
    for (let i = 0; i < this.rows.length; i++) {
      const r = this.rows[i];
      if ('raw' in r && r.values.length === width) {
        values[i] = r.values;
        formats[i] = r.formats;
        continue;
      }
      if ('raw' in r) {
        values[i] = Array.from({ length: width }, (_, c) => r.values[c] ?? null);
        formats[i] = Array.from({ length: width }, (_, c) => r.formats[c] ?? GENERAL);
        continue;
      }
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
    const rowStyles: StyledRow[] = this.styled.map(({ row, style }) => {
      if (!ROW_STYLES[style].wrap) return { row, style };
      let lines = 1;
      values[row].forEach((v, c) => {
        if (typeof v === 'string') lines = Math.max(lines, wrappedLines(v, widths[c]));
      });
      return { row, style, lines: Math.min(lines, MOST_LINES) };
    });
    const frozen = layout.frozen ?? { rows: 0, columns: 0 };
    return {
      name: this.name,
      values,
      formats,
      boldRows: this.styled.filter((s) => ROW_STYLES[s.style].bold).map((s) => s.row),
      tables: this.tables,
      columnWidths: widths,
      rowStyles,
      frozen,
      page: {
        titleRows: frozen.rows > 0 ? { first: 0, last: frozen.rows - 1 } : undefined,
        header: layout.header,
        footer: layout.footer,
        breaksBefore: this.breaksBefore,
      },
      columnGroups: layout.columnGroups ?? [],
      charts: this.charts,
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
export function outputSheets(
  evaluation: Evaluation,
  unit: Unit,
  reservedTableNames: Iterable<string> = [],
  options: LayoutOptions = {},
): OutputResult {
  return layOutSheets(bookFigures(evaluation, UNITS[unit].roundingStep), unit, reservedTableNames, options);
}

/** Widths in characters. */
const NR_WIDTH = 10;
const TITLE_WIDTH = 46;
const AMOUNT_WIDTH = 13;
const TEXT_WIDTH = 24;
/** Excel's limit for a header's or footer's text, all three parts and their codes together. */
const MARGIN_TEXT_LIMIT = 255;

/** Everything a sheet's layout needs besides its figures. */
interface Context {
  unit: Unit;
  years: number[];
  names: TableNames;
  v: Vocabulary;
  header: PageMargin;
  footer: PageMargin;
}

const escapeCodes = (text: string): string => text.replace(/&/g, '&&');

/** The day where the run is (yyyy-mm-dd): in Denmark a run just after midnight is dated that day, not UTC's. */
export const localDate = (now: Date): string =>
  [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-');

/**
 * Printed on every page: the file's name and the sheet's at the top, the run's
 * date; the scenarios and the page number at the foot (the scenarios cut short
 * with … where Excel's 255 characters would be passed).
 */
function pageMargins(
  v: Vocabulary,
  scenarioNames: readonly string[],
  runDate: string,
): { header: PageMargin; footer: PageMargin } {
  const header = { left: '&F', center: '&A', right: escapeCodes(v.w.calculated(v.w.date(runDate))) };
  const right = v.w.page;
  const room = MARGIN_TEXT_LIMIT - '&L&C&R'.length - right.length;
  let left = escapeCodes(`${v.w.scenarios}: ${scenarioNames.join(', ')}`);
  if (left.length > room) {
    left = left.slice(0, room - 1);
    // Never end on half of a doubled &.
    if (/(^|[^&])(&&)*&$/.test(left)) left = left.slice(0, -1);
    left += '…';
  }
  return { header, footer: { left, center: '', right } };
}

/** The three output sheets from figures rounded to the unit's step: placing, never computing. */
export function layOutSheets(
  figures: BookFigures,
  unit: Unit,
  reservedTableNames: Iterable<string> = [],
  options: LayoutOptions = {},
): OutputResult {
  const v = new Vocabulary(options.language ?? 'da');
  const runDate = options.runDate ?? localDate(new Date());
  const context: Context = {
    unit,
    years: figures.years,
    names: new TableNames(reservedTableNames),
    v,
    ...pageMargins(
      v,
      figures.scenarios.map((s) => s.name),
      runDate,
    ),
  };
  const issues: Issue[] = [];
  const sheets = [
    resultSheet(figures.scenarios, context, options.ownColumns),
    raaderumSheet(figures.scenarios, context),
    comparisonSheet(figures, context),
    ...(options.explanations ? [calculationSheet(options.explanations, context, issues)] : []),
  ];
  for (const s of sheets) {
    if (s.values.length > EXCEL_MAX_ROWS)
      issues.push(problem('tooManyRows', { sheet: s.name, rows: s.values.length, max: EXCEL_MAX_ROWS }));
    const columns = s.values[0]?.length ?? 0;
    if (columns > EXCEL_MAX_COLUMNS) issues.push(problem('tooManyColumns', { sheet: s.name, columns, max: EXCEL_MAX_COLUMNS }));
  }
  return { sheets, issues };
}

/**
 * Every sheet opens the same way: its title, what the amounts are (the sign
 * convention stated once) with the mark that lets the next run replace it, and
 * the column header that stays in view (frozen, and repeated on every printed
 * page); each scenario's block then starts a printed page of its own.
 */
function opening(b: SheetBuilder, title: string, notes: string[], header: OutputCell[]): number {
  b.add([title], 'title');
  b.add([notes.join(' ')]);
  return b.add(header, 'header') + 1;
}

/** Where the column header is a block's own (with names), the frozen one says what each group of columns is. */
const freezeAfter = (rows: number) => ({ rows, columns: 2 });

function resultSheet(scenarios: ScenarioFigures[], c: Context, own: OwnColumns | undefined): OutputSheet {
  const { unit, years, v } = c;
  const b = new SheetBuilder('Resultat', UNITS[unit].numberFormat, c.names);
  const anySplit = scenarios.some((s) => s.proposals.some((p) => p.split));
  const anyVolume = scenarios.some((s) => s.proposals.some((p) => p.fullTimePersons !== undefined));
  const ownHeaders = own?.headers ?? [];
  const header = [
    v.header('nr'),
    v.header('title'),
    v.header('committee'),
    v.header('kind'),
    ...(anySplit ? [...v.yearHeaders('service', years), ...v.yearHeaders('ejService', years)] : []),
    ...v.yearHeaders('udgift', years),
    ...v.yearHeaders('indtaegt', years),
    ...v.yearHeaders('investering', years),
    ...v.yearHeaders('netto', years),
    ...(anyVolume ? [v.header('fullTimePersons'), ...v.yearHeaders('nettoPerPerson', years)] : []),
    ...ownHeaders,
  ];
  const notes = [v.w.amounts(unit), ...(anyVolume ? [v.w.perPerson] : []), v.w.folded, v.w.mark];
  const detailColumns = (anySplit ? 5 : 3) * years.length;
  const frozenRows = opening(b, v.w.title.Resultat, notes, header);
  const pad = years.map(() => null);
  // A total splits its Udgift only where some proposal under it does; else its split cells stay blank, not 0.
  const amounts = (p: Amounts, split = p.split !== undefined): OutputCell[] => [
    ...(anySplit
      ? split && p.split
        ? [...inUnit(p.split.service, unit), ...inUnit(p.split.ejService, unit)]
        : [...pad, ...pad]
      : []),
    ...inUnit(p.udgift, unit),
    ...inUnit(p.indtaegt, unit),
    ...inUnit(p.investering, unit),
    ...inUnit(p.netto, unit),
  ];
  const splits = (proposals: readonly ProposalFigures[]) => proposals.some((p) => p.split);
  const proposalRow = (p: ProposalFigures, i: number): (OutputCell | Cell)[] => [
    p.nr,
    p.title,
    p.committee,
    v.kind(p.kind),
    ...amounts(p),
    ...(anyVolume
      ? [
          p.fullTimePersons === undefined ? null : { value: p.fullTimePersons, format: '#,##0.0' },
          ...(p.nettoPerPerson ?? years.map(() => null)).map((n) => (n === null ? null : { value: n, format: '#,##0' })),
        ]
      : []),
    // The user's own cells as typed: text stays text (never a formula), a number keeps Excel's General format.
    ...ownHeaders.map((_, k) => {
      const value = own?.values[i]?.[k] ?? null;
      return typeof value === 'number' ? { value, format: GENERAL } : value;
    }),
  ];
  const blanks = (n: number) => new Array<null>(n).fill(null);

  scenarios.forEach((s, k) => {
    b.blank();
    if (k > 0) b.pageBreak();
    b.add([v.w.scenario(s.name)], 'band');
    const headerRow = b.add(header, 'header');
    // A scenario lists every proposal in the book's order, as the own columns do.
    const position = new Map(s.proposals.map((p, i) => [p, i]));
    for (const committee of s.committees) committee.proposals.forEach((p) => b.add(proposalRow(p, position.get(p)!)));
    b.table(`Raaderum_Resultat_${k + 1}`, headerRow, header.length);
    const tail = blanks(header.length - 4 - amounts(s.total).length);
    // A subtotal per Udvalg only where there are several: with one it would repeat the total.
    if (s.committees.length > 1)
      for (const committee of s.committees)
        b.add(
          [
            '',
            v.w.committeeTotal(committee.committee),
            '',
            '',
            ...amounts(committee.total, splits(committee.proposals)),
            ...tail,
          ],
          'subtotal',
        );
    b.add(
      ['', v.w.total(s.name), '', '', ...amounts(s.total, splits(s.committees.flatMap((x) => x.proposals))), ...tail],
      'total',
    );
    // A variant (issue 13) is in no Udvalg and no total: listed below them, as a left-out proposal is.
    const variants = s.proposals.filter((p) => p.included && p.alternativeTo !== undefined);
    if (variants.length > 0) {
      b.add([v.w.alternatives], 'subtotal');
      variants.forEach((p) => b.add(proposalRow(p, position.get(p)!)));
    }
    const excluded = s.proposals.filter((p) => !p.included);
    if (excluded.length > 0) {
      b.add([v.w.excluded(s.name)], 'subtotal');
      excluded.forEach((p) => b.add(proposalRow(p, position.get(p)!)));
    }
  });
  return b.build(
    [
      NR_WIDTH,
      TITLE_WIDTH,
      TEXT_WIDTH,
      12,
      ...header.slice(4, header.length - ownHeaders.length).map(() => AMOUNT_WIDTH),
      ...ownHeaders.map(() => TEXT_WIDTH),
    ],
    {
      frozen: freezeAfter(frozenRows),
      header: c.header,
      footer: c.footer,
      // The parts of the netto (split, Udgift, Indtægt, Investering) folded away, so the sheet reads and prints
      // with the netto beside each proposal at a legible size; a + above the columns opens them.
      columnGroups: [{ first: 4, last: 4 + detailColumns - 1, collapsed: true }],
    },
  );
}

function raaderumSheet(scenarios: ScenarioFigures[], c: Context): OutputSheet {
  const { unit, years, v } = c;
  const b = new SheetBuilder('Råderum', UNITS[unit].numberFormat, c.names);
  // Variants (issue 13): a column naming each variant's main request, where the book has any.
  const anyVariant = scenarios.some((s) => s.requests.some((r) => r.alternativeTo !== undefined));
  const lead: OutputCell[] = anyVariant ? [null] : [];
  const header = [
    v.header('nr'),
    v.header('title'),
    v.header('priority'),
    v.header('status'),
    ...(anyVariant ? [v.header('alternativeTo')] : []),
    ...v.yearHeaders('requested', years),
    ...v.yearHeaders('funded', years),
    ...v.yearHeaders('shareOfPool', years),
  ];
  const frozenRows = opening(b, v.w.title.Råderum, [v.w.amounts(unit), v.w.shares, v.w.mark], header);
  const pad = years.map(() => null);
  const share = (shares: readonly number[]): Cell[] => shares.map((value) => ({ value, format: SHARE_FORMAT }));
  scenarios.forEach((s, k) => {
    b.blank();
    if (k > 0) b.pageBreak();
    // One cell, so the name is never cut off by a neighbour.
    b.add([v.w.withMode(s.name, v.mode(s.mode))], 'band');
    const headerRow = b.add(header, 'header');
    s.requests.forEach((r) =>
      b.add([
        r.nr,
        r.title,
        // A priority is a rank, not an amount: shown as typed (1, not 1,0 in mio. kr.).
        r.priority === undefined ? null : { value: r.priority, format: GENERAL },
        r.alternativeFunded === undefined ? v.status(r.status) : v.w.alternativeFunded(v.status(r.status), r.alternativeFunded),
        ...(anyVariant ? [r.alternativeTo ?? null] : []),
        ...inUnit(r.request, unit),
        ...inUnit(r.funded, unit),
        ...share(r.shownShare),
      ]),
    );
    b.table(`Raaderum_Raaderum_${k + 1}`, headerRow, header.length);
    b.add(
      [
        '',
        v.w.requestsTotal,
        null,
        null,
        ...lead,
        ...inUnit(s.requested, unit),
        ...inUnit(s.funded, unit),
        ...share(s.fundedShare),
      ],
      'total',
    );
    b.add(['', v.w.left, null, null, ...lead, ...pad, ...inUnit(s.remaining, unit), ...share(s.remainingShare)], 'subtotal');
    b.blank();
    b.add(['', v.w.summary, null, null, ...lead, ...years.map(String)], 'header');
    b.add(['', v.w.pool, null, null, ...lead, ...inUnit(s.pool, unit)]);
    b.add(['', v.w.reductions, null, null, ...lead, ...inUnit(s.reductions, unit)]);
    b.add(['', v.w.available, null, null, ...lead, ...inUnit(s.available, unit)]);
    b.add(['', v.w.funded, null, null, ...lead, ...inUnit(s.funded, unit)]);
    b.add(['', v.w.left, null, null, ...lead, ...inUnit(s.remaining, unit)], 'subtotal');
    b.add(['', v.w.effect, null, null, ...lead, ...inUnit(s.effect, unit)], 'total');
    // Each year's column is the råderum available: a piece per request funded, and what is left on top.
    const funded = s.requests.filter((r) => r.status !== 'unfunded');
    if (funded.length === 0 || funded.length >= MOST_CHART_SERIES) return;
    b.blank();
    b.add([v.w.shareChart]);
    b.chart(`${OUTPUT_CHART_PREFIX}Fordeling_${k + 1}`, 'columnStacked', v.w.shareChartTitle(s.name), years.map(String), [
      ...funded.map((r) => ({ name: `${r.nr} ${r.title}`, values: inUnit(r.funded, unit) })),
      { name: v.w.left, values: inUnit(s.remaining, unit) },
    ]);
  });
  // Prioritet's column holds the chart's first year's amounts too: as wide as an amount's.
  return b.build([NR_WIDTH, TITLE_WIDTH, AMOUNT_WIDTH, anyVariant ? 28 : 16, ...(anyVariant ? [12] : [])], {
    frozen: freezeAfter(frozenRows),
    header: c.header,
    footer: c.footer,
  });
}

/** A request's funding in words: its status, or `Bevilget → Ikke bevilget` where it changes. */
function changeText(r: RequestComparison, v: Vocabulary): string {
  const word = (status: FundingStatus | undefined) => (status === undefined ? v.w.leftOut : v.status(status));
  if (r.statusInReference !== r.statusInScenario) return `${word(r.statusInReference)} → ${word(r.statusInScenario)}`;
  return r.changed ? `${word(r.statusInScenario)} (${v.w.amountChanged})` : word(r.statusInScenario);
}

/** The changes listed in one line above the table, when they are few enough to read so. */
const MOST_CHANGES_LISTED = 10;

function comparisonSheet(figures: BookFigures, c: Context): OutputSheet {
  const { years, scenarios, comparisons } = figures;
  const { unit, v } = c;
  const b = new SheetBuilder('Sammenligning', UNITS[unit].numberFormat, c.names);
  const base = scenarios[0];
  const margins = { header: c.header, footer: c.footer };
  if (comparisons.length === 0) {
    b.add([v.w.title.Sammenligning], 'title');
    b.add([`${v.w.amounts(unit)} ${v.w.mark}`]);
    b.add([v.w.onlyOne(base.name)]);
    return b.build([NR_WIDTH, TITLE_WIDTH], { frozen: undefined, ...margins });
  }
  // The frozen header names the groups of columns; each block's own header names the scenarios.
  const generic = [
    v.header('nr'),
    v.header('title'),
    ...years.map((y) => `${v.w.reference} ${y}`),
    ...years.map((y) => `${v.w.scenarioWord} ${y}`),
    ...v.yearHeaders('difference', years),
    `${v.header('note')} / ${v.header('change')}`,
  ];
  const frozenRows = opening(b, v.w.title.Sammenligning, [v.w.amounts(unit), v.w.comparedWithBase(base.name), v.w.mark], generic);
  const columns = (d: Difference): OutputCell[] => [
    ...inUnit(d.reference, unit),
    ...inUnit(d.scenario, unit),
    ...inUnit(d.difference, unit),
  ];
  comparisons.forEach((comparison: Comparison, k) => {
    const { scenario, reference } = comparison;
    b.blank();
    if (k > 0) b.pageBreak();
    b.add([v.w.against(scenario, reference)], 'band');
    // A figure per year in the reference, in the scenario, and the difference, then a column of words.
    const pairHeader = (figure: ColumnKey, words: ColumnKey) => [
      v.header('nr'),
      v.header('title'),
      ...v.yearHeaders(figure, years, reference),
      ...v.yearHeaders(figure, years, scenario),
      ...v.yearHeaders('difference', years),
      v.header(words),
    ];
    const header = pairHeader('netto', 'note');
    const headerRow = b.add(header, 'header');
    for (const p of comparison.proposals) {
      const note = [p.excludedInReference ? v.w.excludedIn(reference) : '', p.excludedInScenario ? v.w.excludedIn(scenario) : '']
        .filter(Boolean)
        .join('; ');
      b.add([p.nr, p.title, ...columns(p), note]);
    }
    b.table(`Raaderum_Sammenligning_${k + 1}`, headerRow, header.length);
    b.add(['', v.w.grandTotal, ...columns(comparison.totalNetto)], 'total');
    b.blank();
    b.add(
      [
        '',
        v.w.raaderum,
        ...years.map((y) => `${reference} ${y}`),
        ...years.map((y) => `${scenario} ${y}`),
        ...v.yearHeaders('difference', years),
      ],
      'header',
    );
    b.add(['', v.w.availableShort, ...columns(comparison.available)]);
    b.add(['', v.w.funded, ...columns(comparison.funded)]);
    b.add(['', v.w.left, ...columns(comparison.remaining)], 'subtotal');
    b.add(['', v.w.budgetEffect, ...columns(comparison.effect)], 'total');
    if (comparison.requests.length === 0) return;
    b.blank();
    const changed = comparison.requests.filter((r) => r.changed);
    const summary =
      changed.length === 0
        ? v.w.noChanges
        : changed.length <= MOST_CHANGES_LISTED
          ? v.w.fundingChanges(changed.map((r) => `${r.nr} ${changeText(r, v)}`).join('; '))
          : v.w.manyChanges(changed.length);
    b.add([summary], 'band');
    const fundingHeader = pairHeader('funded', 'change');
    const fundingRow = b.add(fundingHeader, 'header');
    for (const r of comparison.requests) b.add([r.nr, r.title, ...columns(r.funded), changeText(r, v)]);
    b.table(`Raaderum_Bevillinger_${k + 1}`, fundingRow, fundingHeader.length);
  });
  // The scenarios side by side, on a page of their own after the comparisons.
  b.blank();
  b.pageBreak();
  b.add([v.w.totalsChart]);
  b.chart(
    `${OUTPUT_CHART_PREFIX}Scenarier_1`,
    'columnClustered',
    v.w.totalsChartTitle,
    years.map(String),
    scenarios.map((s) => ({ name: s.name, values: inUnit(s.totalNetto, unit) })),
  );
  return b.build([NR_WIDTH, TITLE_WIDTH, ...generic.slice(2, -1).map(() => AMOUNT_WIDTH), 28], {
    frozen: freezeAfter(frozenRows),
    ...margins,
  });
}

/**
 * `Beregning`: every proposal's netto in every scenario, step by step (the
 * explanations' steps and amounts, one row each), and its råderum status;
 * one Excel table, so a reader filters by Nr. Past CALCULATION_MAX_ROWS it
 * holds only its opening and a note, with a warning: the other sheets are written.
 */
function calculationSheet(explanations: Explanations, c: Context, issues: Issue[]): OutputSheet {
  const { unit, years, v } = c;
  const b = new SheetBuilder('Beregning', UNITS[unit].numberFormat, c.names);
  const header = [
    v.header('nr'),
    v.header('title'),
    v.w.scenarioWord,
    v.w.step,
    v.w.explanation,
    ...years.map((y) => `${v.w.amount} ${y}`),
  ];
  const frozenRows = opening(b, v.w.title.Beregning, [v.w.amounts(unit), v.w.calculation, v.w.mark], header);
  const texts = [TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT];
  const withAmounts = [...texts, ...years.map(() => UNITS[unit].numberFormat)];
  const withoutAmounts = [...texts, ...years.map(() => GENERAL)];
  const blanks = years.map(() => null);
  const room = CALCULATION_MAX_ROWS;
  let rows = 0;
  explain: for (let i = 0; i < explanations.count; i++) {
    const e = explanations.explain(i);
    for (const s of e.scenarios) {
      for (const step of s.steps) {
        if (rows++ >= room) break explain;
        // Without funding of its own (a reduction, a proposal left out) the status is said beside the netto.
        const text = step.rule === 'netto' && !s.funded ? `${step.text}. ${s.status}` : step.text;
        b.addRaw(
          [e.nr, e.title, s.scenario, v.w.steps[step.rule], text, ...(step.amounts ?? blanks)],
          step.amounts ? withAmounts : withoutAmounts,
        );
      }
      if (!s.funded) continue;
      if (rows++ >= room) break explain;
      b.addRaw([e.nr, e.title, s.scenario, v.w.steps.raaderum, s.status, ...s.funded], withAmounts);
    }
  }
  const layout = { frozen: freezeAfter(frozenRows), header: c.header, footer: c.footer };
  const widths = [NR_WIDTH, 36, 18, 16, 90];
  if (rows > room) {
    issues.push(warning('calculationTooLarge', { sheet: 'Beregning', max: CALCULATION_MAX_ROWS }));
    const note = new SheetBuilder('Beregning', UNITS[unit].numberFormat, c.names);
    opening(note, v.w.title.Beregning, [v.w.amounts(unit), v.w.calculation, v.w.mark], header);
    note.add([v.w.calculationTooLarge]);
    return note.build(widths, { ...layout, frozen: undefined });
  }
  b.table('Raaderum_Beregning', frozenRows - 1, header.length);
  return b.build(widths, layout);
}
