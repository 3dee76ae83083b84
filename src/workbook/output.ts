/**
 * Results → the three output sheets (`Resultat`, `Råderum`, `Sammenligning`)
 * as rectangular grids with number formats, bold rows, tables and widths.
 * Adapters write these as they are; text cells carry the text format `@` so a
 * title starting with `=` stays text.
 */
import { problem, type Issue } from '../model/problems';
import { largestRemainder, TOLERANCE } from '../model/rounding';
import type { Evaluation } from '../model/scenarios';
import type { AllocationMode } from '../model/types';
import { evaluationFigures, type ProposalFigures, type ScenarioFigures } from './figures';
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
}

export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;
export const TEXT_FORMAT = '@';
export const SHARE_FORMAT = '0.0%';
const GENERAL = 'General';

export const MODE_LABELS: Record<AllocationMode, string> = {
  priority: 'Prioritet',
  'priority-partial': 'Prioritet, delvis',
  'best-fill': 'Bedste udnyttelse',
  proportional: 'Forholdsmæssig',
};

const STATUS_LABELS = { funded: 'Bevilget', partial: 'Delvist bevilget', unfunded: 'Ikke bevilget' } as const;

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

export const inUnit = (kroner: readonly number[], unit: Unit): number[] => kroner.map((v) => toUnit(v, unit));
/** Kroner → the workbook's unit; the figures are already rounded to its step. */
const toUnit = (kroner: number, unit: Unit): number => Math.round((kroner / UNITS[unit].kroner) * 10) / 10 || 0;

const yearHeaders = (label: string, years: readonly number[]) => years.map((y) => `${label} ${y}`);

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
  const figures = evaluationFigures(evaluation, UNITS[unit].roundingStep);
  const names = new TableNames(reservedTableNames);
  const sheets = [
    resultSheet(figures, evaluation.years, unit, names),
    raaderumSheet(figures, evaluation.years, unit, names),
    comparisonSheet(figures, evaluation.years, unit, names),
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
    'Nr',
    'Titel',
    'Udvalg',
    'Art',
    ...(anySplit ? [...yearHeaders('Udgift service', years), ...yearHeaders('Udgift ej service', years)] : []),
    ...yearHeaders('Udgift', years),
    ...yearHeaders('Indtægt', years),
    ...yearHeaders('Investering', years),
    ...yearHeaders('Netto', years),
    ...(anyVolume ? ['Fuldtidspersoner', ...yearHeaders('Netto pr. fuldtidsperson (kr.)', years)] : []),
  ];
  const pad = years.map(() => null);
  const zeros = years.map(() => 0);
  const amounts = (p: Pick<ProposalFigures, 'udgift' | 'indtaegt' | 'investering' | 'netto' | 'split'>): OutputCell[] => [
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
  const sumOf = (ps: ProposalFigures[]) => {
    const add = (pick: (p: ProposalFigures) => number[]) => years.map((_, t) => ps.reduce((a, p) => a + pick(p)[t], 0));
    return {
      udgift: add((p) => p.udgift),
      indtaegt: add((p) => p.indtaegt),
      investering: add((p) => p.investering),
      netto: add((p) => p.netto),
      split: anySplit
        ? { service: add((p) => p.split?.service ?? zeros), ejService: add((p) => p.split?.ejService ?? zeros) }
        : undefined,
    };
  };

  scenarios.forEach((s, k) => {
    b.blank();
    b.add([`Scenarie: ${s.name}`], true);
    const headerRow = b.add(header, true);
    const included = s.proposals.filter((p) => p.included);
    // Grouped in one pass (a committee per proposal must not cost proposals × committees).
    const byCommittee = new Map<string, ProposalFigures[]>();
    for (const p of included) {
      const group = byCommittee.get(p.committee);
      if (group) group.push(p);
      else byCommittee.set(p.committee, [p]);
    }
    for (const group of byCommittee.values()) group.forEach((p) => b.add(proposalRow(p)));
    b.table(`Raaderum_Resultat_${k + 1}`, headerRow, header.length);
    if (byCommittee.size > 1 || (byCommittee.size === 1 && !byCommittee.has('')))
      for (const [c, group] of byCommittee)
        b.add(['', `I alt ${c === '' ? '(uden udvalg)' : c}`, '', '', ...amounts(sumOf(group))]);
    b.add(['', `I alt ${s.name}`, '', '', ...amounts(sumOf(included))], true);
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
    'Nr',
    'Titel',
    'Prioritet',
    'Status',
    ...yearHeaders('Ønsket', years),
    ...yearHeaders('Bevilget', years),
    ...yearHeaders('Andel af råderum', years),
  ];
  const pad = years.map(() => null);
  scenarios.forEach((s, k) => {
    b.blank();
    b.add([`Scenarie: ${s.name}`, `Fordeling: ${MODE_LABELS[s.mode]}`], true);
    // Shares to one decimal, adding up per year with what is left to 100,0 %.
    // Made from the amounts (rule 6a): nothing available (up to the tolerance) gives every share 0.
    const shares = years.map((_, t) => {
      const available = s.availableExact[t];
      if (available <= TOLERANCE) return s.requests.map(() => 0).concat(0);
      const funded = s.requests.map((r) => r.fundedExact[t]);
      const left = available - funded.reduce((a, x) => a + x, 0);
      return largestRemainder([...funded, left], 1000, available);
    });
    const share = (i: number): Cell[] => years.map((_, t) => ({ value: shares[t][i], format: SHARE_FORMAT }));
    const headerRow = b.add(header, true);
    s.requests.forEach((r, i) =>
      b.add([
        r.nr,
        r.title,
        r.priority ?? null,
        STATUS_LABELS[r.status],
        ...inUnit(r.request, unit),
        ...inUnit(r.funded, unit),
        ...share(i),
      ]),
    );
    b.table(`Raaderum_Raaderum_${k + 1}`, headerRow, header.length);
    const requested = years.map((_, t) => s.requests.reduce((a, r) => a + r.request[t], 0));
    const fundedShares: Cell[] = years.map((_, t) => ({
      value: Math.round(shares[t].slice(0, -1).reduce((a, x) => a + x, 0) * 1000) / 1000,
      format: SHARE_FORMAT,
    }));
    b.add(['', 'Ønsker i alt', null, null, ...inUnit(requested, unit), ...inUnit(s.funded, unit), ...fundedShares], true);
    b.add(['', 'Tilbage', null, null, ...pad, ...inUnit(s.remaining, unit), ...share(s.requests.length)]);
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

function comparisonSheet(scenarios: ScenarioFigures[], years: number[], unit: Unit, names: TableNames): OutputSheet {
  const b = new SheetBuilder('Sammenligning', UNITS[unit].numberFormat, names);
  b.add(['Sammenligning'], true);
  const [base, ...others] = scenarios;
  if (others.length === 0) {
    b.add([unitNote(unit)]);
    b.add([`Der er kun ét scenarie (${base.name}). Tilføj en kolonne på arket Scenarier for at sammenligne.`]);
    return b.build([12, 50]);
  }
  b.add([unitNote(unit) + ` Hvert scenarie sammenlignes med basis (${base.name}); forskel = scenarie − basis.`]);
  const inPackage = (p: ProposalFigures) => (p.included ? p.netto : p.netto.map(() => 0));
  const diff = (a: readonly number[], c: readonly number[]) => c.map((v, t) => v - a[t]);
  others.forEach((s, k) => {
    b.blank();
    b.add([`${s.name} mod ${base.name}`], true);
    const header = [
      'Nr',
      'Titel',
      ...yearHeaders(`Netto ${base.name}`, years),
      ...yearHeaders(`Netto ${s.name}`, years),
      ...yearHeaders('Forskel', years),
      'Bemærkning',
    ];
    const headerRow = b.add(header, true);
    s.proposals.forEach((p, i) => {
      const q = base.proposals[i];
      const note = [!q.included ? `udeladt i ${base.name}` : '', !p.included ? `udeladt i ${s.name}` : '']
        .filter(Boolean)
        .join('; ');
      b.add([
        p.nr,
        p.title,
        ...inUnit(inPackage(q), unit),
        ...inUnit(inPackage(p), unit),
        ...inUnit(diff(inPackage(q), inPackage(p)), unit),
        note,
      ]);
    });
    b.table(`Raaderum_Sammenligning_${k + 1}`, headerRow, header.length);
    b.add(
      [
        '',
        'I alt',
        ...inUnit(base.totalNetto, unit),
        ...inUnit(s.totalNetto, unit),
        ...inUnit(diff(base.totalNetto, s.totalNetto), unit),
      ],
      true,
    );
    b.blank();
    b.add(
      [
        '',
        'Råderum',
        ...years.map((y) => `${base.name} ${y}`),
        ...years.map((y) => `${s.name} ${y}`),
        ...yearHeaders('Forskel', years),
      ],
      true,
    );
    const line = (label: string, pick: (f: ScenarioFigures) => number[], bold = false) =>
      b.add(['', label, ...inUnit(pick(base), unit), ...inUnit(pick(s), unit), ...inUnit(diff(pick(base), pick(s)), unit)], bold);
    line('Til rådighed', (f) => f.available);
    line('Bevilget', (f) => f.funded);
    line('Tilbage', (f) => f.remaining);
    line('Budgetvirkning', (f) => f.effect, true);
  });
  return b.build([12, 50]);
}
