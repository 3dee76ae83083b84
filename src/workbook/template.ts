/**
 * The empty template: a proposal list with two example proposals (from
 * Hørsholm's and København's catalogues) and a base scenario, for four years.
 */
import {
  bandLabel,
  BANDS,
  benefitLabel,
  entry,
  header,
  NO_EXCLUSIONS,
  PARAMETER_HEADER,
  PROPOSAL_COLUMNS,
  yearHeaders,
  type ColumnKey,
  type ProposalColumnKey,
  type ValueType,
} from './columns';
import type { OutputCell, OutputSheet } from './output';
import { TEXT_FORMAT } from './output';
import { SCENARIO_SHEET } from './scenario-sheet';
import { UNITS } from './units';

export const PROPOSAL_SHEET = 'Forslag';

/** An example proposal: a value per column, a list of four for a per-year column; missing columns are blank. */
type Example = Partial<Record<ProposalColumnKey, OutputCell | OutputCell[]>>;

const four = (v: number | null) => [v, v, v, v];
const EXAMPLES: Example[] = [
  {
    nr: 'EBU 1',
    title: 'Egen udførelse af særligt tilrettelagt forløb, kontanthjælp',
    committee: 'Beskæftigelsesudvalget',
    kind: 'Reduktion',
    benefit: 'Kontanthjælp',
    udgift: four(-900_000),
    investering: four(550_000),
    fullTimePersons: 114,
  },
  {
    nr: 'K-2',
    title: 'Intensive forløb for udsatte sygedagpengemodtagere',
    committee: 'Beskæftigelsesudvalget',
    kind: 'Udvidelse',
    benefit: 'Sygedagpenge',
    priority: 1,
    udgift: four(400_000),
  },
];

export function templateSheets(firstYear: number): OutputSheet[] {
  const years = [0, 1, 2, 3].map((i) => firstYear + i);
  const columns = (Object.keys(PROPOSAL_COLUMNS) as ProposalColumnKey[]).filter((k) => !entry(k).notInTemplate);
  const perYear = (key: ColumnKey) => entry(key).per === 'year';
  // Each cell's column key, for its number format.
  const columnKeys = columns.flatMap((k) => (perYear(k) ? years.map(() => k) : [k]));
  const proposals: OutputCell[][] = [
    columns.flatMap((k) => (perYear(k) ? yearHeaders(k, years) : [header(k)])),
    ...EXAMPLES.map((example) =>
      columns.flatMap((k) => {
        const value = example[k] ?? null;
        return perYear(k) ? (Array.isArray(value) ? value : four(null)) : [value as OutputCell];
      }),
    ),
  ];
  const parameters: [ColumnKey, string, OutputCell][] = [
    ['unit', header('unit'), 'kr.'],
    ...yearHeaders('pool', years).map((label): [ColumnKey, string, OutputCell] => ['pool', label, 500_000]),
    ['mode', header('mode'), 'Prioritet'],
    ['caseload', header('caseload'), 45],
    ['refusionByBenefit', benefitLabel('refusionByBenefit', 'Kontanthjælp'), 0.3],
    ...BANDS.map((band, b): [ColumnKey, string, OutputCell] => [
      'durationShares',
      bandLabel(band, 'Sygedagpenge'),
      [0.1, 0.2, 0.2, 0.5][b],
    ]),
    ['fullTimePersonsByBenefit', benefitLabel('fullTimePersonsByBenefit', 'Kontanthjælp'), 114],
    ['excluded', header('excluded'), NO_EXCLUSIONS],
  ];
  const scenarios: OutputCell[][] = [[PARAMETER_HEADER, 'Basis'], ...parameters.map(([, label, value]) => [label, value])];
  return [
    sheetOf(PROPOSAL_SHEET, proposals, [10, 50, 26, 12, 16], (_, c) => columnKeys[c]),
    sheetOf(SCENARIO_SHEET, scenarios, [36, 16], (r) => parameters[r - 1]?.[0]),
  ];
}

/** The number format of a value of the type: amounts in kr. with thousands separators, shares in per cent. */
function numberFormat(type: ValueType | undefined): string {
  if (type === 'amount') return UNITS['kr.'].numberFormat;
  if (type === 'share') return '0%';
  return 'General';
}

function sheetOf(
  name: string,
  rows: OutputCell[][],
  widths: number[],
  keyOf: (row: number, column: number) => ColumnKey | undefined,
): OutputSheet {
  const width = rows[0].length;
  const values = rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null));
  const formats = values.map((r, i) =>
    r.map((v, c) => {
      if (typeof v === 'string') return TEXT_FORMAT;
      const key = keyOf(i, c);
      return numberFormat(key === undefined ? undefined : entry(key).type);
    }),
  );
  return {
    name,
    values,
    formats,
    boldRows: [0],
    tables: [{ name, row: 0, column: 0, rowCount: rows.length, columnCount: width }],
    columnWidths: Array.from({ length: width }, (_, c) => widths[c] ?? 14),
  };
}
