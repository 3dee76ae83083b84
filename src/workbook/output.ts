/**
 * Results → the three output sheets (`Resultat`, `Råderum`, `Sammenligning`)
 * as rectangular grids with number formats, bold rows, tables and widths.
 * Adapters write these as they are; text cells carry the text format `@` so a
 * title starting with `=` stays text.
 */
import { problem, type Issue } from '../model/problems';
import { largestRemainder } from '../model/rounding';
import type { Evaluation } from '../model/scenarios';
import type { AllocationMode } from '../model/types';
import { evaluationFigures, type ProposalFigures, type ScenarioFigures } from './figures';
import type { TableArea } from './grid';
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

/** Accumulates rows; text gets the text format, numbers the format given. */
class SheetBuilder {
  private rows: Cell[][] = [];
  readonly boldRows: number[] = [];
  readonly tables: TableArea[] = [];
  constructor(
    readonly name: string,
    private readonly amountFormat: string,
  ) {}

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

  table(name: string, headerRow: number, columnCount: number): void {
    const rowCount = this.rows.length - headerRow;
    if (rowCount > 1) this.tables.push({ name, row: headerRow, column: 0, rowCount, columnCount });
  }

  build(columnWidths: number[]): OutputSheet {
    const width = Math.max(1, ...this.rows.map((r) => r.length));
    const values = this.rows.map((r) => Array.from({ length: width }, (_, c) => r[c]?.value ?? null));
    const formats = this.rows.map((r) =>
      Array.from({ length: width }, (_, c) => {
        const cell = r[c];
        if (!cell || cell.value === null) return GENERAL;
        return cell.format ?? (typeof cell.value === 'number' ? this.amountFormat : TEXT_FORMAT);
      }),
    );
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

export function outputSheets(evaluation: Evaluation, unit: Unit): OutputResult {
  const figures = evaluationFigures(evaluation, UNITS[unit].roundingStep);
  const sheets = [
    resultSheet(figures, evaluation.years, unit),
    raaderumSheet(figures, evaluation.years, unit),
    comparisonSheet(figures, evaluation.years, unit),
  ];
  const issues = sheets
    .filter((s) => s.values.length > EXCEL_MAX_ROWS)
    .map((s) => problem('tooManyRows', { sheet: s.name, rows: s.values.length }));
  return { sheets, issues };
}

function unitNote(unit: Unit): string {
  return `Beløb i ${unit}, minus er en besparelse. ${OUTPUT_MARK}; arket skrives forfra ved hver beregning.`;
}

function resultSheet(scenarios: ScenarioFigures[], years: number[], unit: Unit): OutputSheet {
  const b = new SheetBuilder('Resultat', UNITS[unit].numberFormat);
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
    const committees = [...new Set(included.map((p) => p.committee))];
    const grouped = committees.flatMap((c) => included.filter((p) => p.committee === c));
    grouped.forEach((p) => b.add(proposalRow(p)));
    b.table(`Raaderum_Resultat_${k + 1}`, headerRow, header.length);
    if (committees.length > 1 || (committees.length === 1 && committees[0] !== ''))
      for (const c of committees)
        b.add([
          '',
          `I alt ${c === '' ? '(uden udvalg)' : c}`,
          '',
          '',
          ...amounts(sumOf(included.filter((p) => p.committee === c))),
        ]);
    b.add(['', `I alt ${s.name}`, '', '', ...amounts(sumOf(included))], true);
    const excluded = s.proposals.filter((p) => !p.included);
    if (excluded.length > 0) {
      b.add([`Udeladt i ${s.name} (indgår ikke i summerne ovenfor)`], true);
      excluded.forEach((p) => b.add(proposalRow(p)));
    }
  });
  return b.build([12, 50, 28, 12]);
}

function raaderumSheet(scenarios: ScenarioFigures[], years: number[], unit: Unit): OutputSheet {
  const b = new SheetBuilder('Råderum', UNITS[unit].numberFormat);
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
    const shares = years.map((_, t) => {
      if (s.availableExact[t] <= 0) return s.requests.map(() => 0).concat(0);
      const requestShares = s.requests.map((r) => r.share[t]);
      const left = 1 - requestShares.reduce((a, x) => a + x, 0);
      return largestRemainder([...requestShares, left]);
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

function comparisonSheet(scenarios: ScenarioFigures[], years: number[], unit: Unit): OutputSheet {
  const b = new SheetBuilder('Sammenligning', UNITS[unit].numberFormat);
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
