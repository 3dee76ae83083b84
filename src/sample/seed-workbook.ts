/**
 * A sample workbook from the real documents in shared/seeds (proposals.csv):
 * Hørsholm's EBU 1–8, Faxe's reductions (mentor refusion, fastholdelse with
 * caseload) and København's catalogue against a råderum of 21 mio. kr.,
 * shifted to the common years 2027–2030, with three scenarios.
 */
import type { OutputCell, OutputSheet } from '../workbook/output';
import { TEXT_FORMAT } from '../workbook/output';
import { UNITS } from '../workbook/units';

export const SAMPLE_YEARS = [2027, 2028, 2029, 2030];

const Y = SAMPLE_YEARS;
const four = (v: number | null): (number | null)[] => [v, v, v, v];
const first = (v: number): (number | null)[] => [v, null, null, null];

const EBU = 'Erhvervs- og beskæftigelsesudvalget';
const BIU = 'Beskæftigelses- og Integrationsudvalget';
const KBH = 'Beskæftigelses- og Integrationsudvalget (KK)';

function list(name: string, header: string[], rows: OutputCell[][]): OutputSheet {
  const values = [header, ...rows].map((r) => Array.from({ length: header.length }, (_, c) => r[c] ?? null));
  return {
    name,
    values,
    formats: values.map((r, i) =>
      r.map((v, c) =>
        typeof v === 'string' ? TEXT_FORMAT : i > 0 && /\d{4}$|pris$/.test(header[c]) ? UNITS['kr.'].numberFormat : 'General',
      ),
    ),
    boldRows: [0],
    tables: [
      {
        name: `Forslag_${name
          .replace(/ø/g, 'oe')
          .replace(/å/g, 'aa')
          .replace(/æ/g, 'ae')
          .replace(/[^A-Za-z]/g, '')}`,
        row: 0,
        column: 0,
        rowCount: values.length,
        columnCount: header.length,
      },
    ],
    columnWidths: header.map((h, c) => (c === 1 ? 60 : c === 2 ? 34 : 14)),
  };
}

const perYear = (label: string) => Y.map((y) => `${label} ${y}`);

export function sampleSheets(): OutputSheet[] {
  const hoersholm = list(
    'Hørsholm',
    ['Nr', 'Titel', 'Udvalg', 'Art', 'Ydelse', ...perYear('Udgift'), ...perYear('Investering'), 'Fuldtidspersoner'],
    [
      [
        'EBU 1',
        'Egen udførelse af særligt tilrettelagt forløb, kontanthjælp (indsats)',
        EBU,
        'Reduktion',
        'Kontanthjælp',
        ...four(-900000),
        ...four(550000),
        114,
      ],
      [
        'EBU 2',
        'Egen udførelse særligt tilrettelagt forløb, sygedagpenge (indsats)',
        EBU,
        'Reduktion',
        'Sygedagpenge',
        ...four(-920000),
        ...four(550000),
        209,
      ],
      [
        'EBU 3',
        'Reduceret langtidsledighed blandt forsikrede ledige (ydelse)',
        EBU,
        'Reduktion',
        'A-dagpenge',
        ...four(-1300000),
        ...four(0),
      ],
      [
        'EBU 4',
        'Flere integrationsborgere i job og uddannelse (ydelse)',
        EBU,
        'Reduktion',
        'Integrationsydelse',
        ...four(-500000),
        ...four(0),
      ],
      [
        'EBU 5',
        'Besparelse på tolkes transport v. fjerntolkning og videotolkning',
        EBU,
        'Reduktion',
        null,
        ...four(-110000),
        25000,
        0,
        0,
        0,
      ],
      [
        'EBU 6.1',
        'Deling af Klinisk funktion med anden kommune (ydelse), sygedagpenge ⅓',
        EBU,
        'Reduktion',
        'Sygedagpenge',
        ...four(-66667),
        ...four(0),
      ],
      [
        'EBU 6.2',
        'Deling af Klinisk funktion med anden kommune (ydelse), kontanthjælp ⅔',
        EBU,
        'Reduktion',
        'Kontanthjælp',
        ...four(-133333),
        ...four(0),
      ],
      [
        'EBU 7',
        'Reduceret brug af mentor og visse andre indsatser, flere målgrupper (indsats)',
        EBU,
        'Reduktion',
        null,
        ...four(-1200000),
        ...four(0),
      ],
      [
        'EBU 8',
        'Reduktion i indsatser og forsørgelsesydelser i Tværgående borgerforløb',
        EBU,
        'Reduktion',
        null,
        ...four(-495000),
        ...four(0),
      ],
    ],
  );
  const faxe = list(
    'Faxe',
    [
      'Nr',
      'Titel',
      'Udvalg',
      'Art',
      'Ydelse',
      ...perYear('Udgift service'),
      ...perYear('Udgift ej service'),
      'Refusionsandel',
      'Refusionssats',
      'Sager',
      'Nuværende årsværk',
      'Årsværkspris',
    ],
    [
      [
        'BIU_F_01',
        'Besparelse på eksterne mentorer - omlægning af indsats',
        BIU,
        'Reduktion',
        'Ressourceforløb',
        ...four(0),
        ...four(-1500000),
        2 / 3,
        0.5,
      ],
      [
        'BIU_F_02',
        'Medarbejderreduktion på integrationsområdet',
        BIU,
        'Reduktion',
        null,
        ...four(0),
        -300000,
        -400000,
        -400000,
        -400000,
      ],
      [
        'BIU_F_03',
        'To fastholdelseskonsulenter til sygedagpengesager',
        BIU,
        'Reduktion',
        'Sygedagpenge',
        ...four(0),
        ...four(-1200000),
        null,
        null,
        450,
        8,
        400000,
      ],
    ],
  );
  const requests: [string, string, string, number][] = [
    ['K-1', 'Borgere parate til job (dagpengemodtagere over 30 år)', 'A-dagpenge', 2200000],
    ['K-2', 'Intensive forløb for udsatte sygedagpengemodtagere', 'Sygedagpenge', 7400000],
    ['K-3', 'Uddannelsesmentorer: styrket samarbejde med uddannelsesstederne', 'Uddannelseshjælp', 3200000],
    ['K-4', 'Intensiveret indsats for dagpengemodtagere med kort dagpengeperiode tilbage', 'A-dagpenge', 4200000],
    ['K-5', 'Interne gruppeforløb til aktivitetsparate borgere', 'Kontanthjælp', 4300000],
    ['K-6', 'Enkeltkøb af vejledning og opkvalificering til borgere i ressourceforløb', 'Ressourceforløb', 2900000],
    ['K-7', 'Hurtig intensiv indsats for fleks- og ledighedsydelsesmodtagere', 'Ledighedsydelse', 6000000],
    ['K-8', 'Finansiering af indsatser for borgere omfattet af arbejdspligt', 'Kontanthjælp', 2500000],
  ];
  const koebenhavn = list(
    'København',
    ['Nr', 'Titel', 'Udvalg', 'Art', 'Ydelse', 'Prioritet', ...perYear('Udgift')],
    requests.map(([nr, title, benefit, amount], i) => [nr, title, KBH, 'Udvidelse', benefit, i + 1, ...first(amount)]),
  );
  const scenarioRows: OutputCell[][] = [
    ['Parameter', 'Basis', 'Caseload 40', 'Flere fuldtidspersoner'],
    ['Enhed', 'kr.', null, null],
    [`Råderum ${Y[0]}`, 21000000, null, null],
    ...Y.slice(1).map((y) => [`Råderum ${y}`, 0, null, null]),
    ['Fordeling', 'Prioritet', null, 'Prioritet, delvis'],
    ['Caseload', 45, 40, null],
    ['Fuldtidspersoner Kontanthjælp', 114, null, 130],
    ['Udelad', 'ingen', null, null],
  ];
  const scenarios: OutputSheet = {
    name: 'Scenarier',
    values: scenarioRows,
    formats: scenarioRows.map((r) =>
      r.map((v, c) =>
        typeof v === 'string' ? TEXT_FORMAT : c > 0 && String(r[0]).startsWith('Råderum') ? UNITS['kr.'].numberFormat : 'General',
      ),
    ),
    boldRows: [0],
    tables: [{ name: 'Scenarier', row: 0, column: 0, rowCount: scenarioRows.length, columnCount: 4 }],
    columnWidths: [32, 16, 16, 24],
  };
  return [hoersholm, faxe, koebenhavn, scenarios];
}
