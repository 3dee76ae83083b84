/**
 * The empty template: a proposal list with two example proposals (from
 * Hørsholm's and København's catalogues) and a base scenario, for four years.
 */
import type { OutputCell, OutputSheet } from './output';
import { TEXT_FORMAT } from './output';
import { BANDS } from './scenario-sheet';
import { UNITS } from './units';

export const PROPOSAL_SHEET = 'Forslag';

export function templateSheets(firstYear: number): OutputSheet[] {
  const years = [0, 1, 2, 3].map((i) => firstYear + i);
  const perYear = (label: string) => years.map((y) => `${label} ${y}`);
  const header = [
    'Nr',
    'Titel',
    'Udvalg',
    'Art',
    'Ydelse',
    'Prioritet',
    ...perYear('Udgift'),
    ...perYear('Indtægt'),
    ...perYear('Investering'),
    'Refusionsandel',
    'Refusionssats',
    'Fuldtidspersoner',
    'Sager',
    'Nuværende årsværk',
    'Årsværkspris',
  ];
  const four = (v: number | null) => [v, v, v, v];
  const proposals: OutputCell[][] = [
    header,
    [
      'EBU 1',
      'Egen udførelse af særligt tilrettelagt forløb, kontanthjælp',
      'Beskæftigelsesudvalget',
      'Reduktion',
      'Kontanthjælp',
      null,
      ...four(-900_000),
      ...four(null),
      ...four(550_000),
      null,
      null,
      114,
      null,
      null,
      null,
    ],
    [
      'K-2',
      'Intensive forløb for udsatte sygedagpengemodtagere',
      'Beskæftigelsesudvalget',
      'Udvidelse',
      'Sygedagpenge',
      1,
      ...four(400_000),
      ...four(null),
      ...four(null),
      null,
      null,
      null,
      null,
      null,
      null,
    ],
  ];
  const scenarios: OutputCell[][] = [
    ['Parameter', 'Basis'],
    ['Enhed', 'kr.'],
    ...years.map((y) => [`Råderum ${y}`, 500_000]),
    ['Fordeling', 'Prioritet'],
    ['Caseload', 45],
    ['Refusion Kontanthjælp', 0.3],
    ...BANDS.map((band) => [`Varighed uge ${band} Sygedagpenge`, [0.1, 0.2, 0.2, 0.5][BANDS.indexOf(band)]]),
    ['Fuldtidspersoner Kontanthjælp', 114],
    ['Udelad', 'ingen'],
  ];
  return [sheetOf(PROPOSAL_SHEET, proposals, [10, 50, 26, 12, 16]), sheetOf('Scenarier', scenarios, [36, 16])];
}

function sheetOf(name: string, rows: OutputCell[][], widths: number[]): OutputSheet {
  const width = rows[0].length;
  const values = rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null));
  const formats = values.map((r, i) =>
    r.map((v, c) => {
      if (typeof v === 'string') return TEXT_FORMAT;
      const label = String(rows[i][0] ?? '');
      const header = String(values[0][c]);
      if (/^(Refusion|Varighed)/.test(label) || /^Refusions/.test(header)) return '0%';
      return i > 0 && /\d{4}$|pris$|^Basis$/.test(header) && !/^(Caseload|Fuldtid)/.test(label)
        ? UNITS['kr.'].numberFormat
        : 'General';
    }),
  );
  return {
    name,
    values,
    formats,
    boldRows: [0],
    tables: [
      { name: name === 'Scenarier' ? 'Scenarier' : 'Forslag', row: 0, column: 0, rowCount: rows.length, columnCount: width },
    ],
    columnWidths: Array.from({ length: width }, (_, c) => widths[c] ?? 14),
  };
}
