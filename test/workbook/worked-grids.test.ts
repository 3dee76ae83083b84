/**
 * The worked examples of domain.md as whole output grids: small workbooks run
 * through runWorkbook, compared row by row with grids typed by hand from the
 * domain's figures. Nothing expected here is computed by the code under test,
 * nor by arithmetic in the test: every number is a literal (`four(x)` only
 * repeats one for the four years). A row is asserted whole, up to the blank
 * cells that pad it to the sheet's width; blank rows only separate blocks.
 */
import { blockFormats, blocks, blockStarting, outputsOf } from '../helpers/grids';
import { four, perYear, scenarioSheet, sheet, YEARS } from '../helpers/sheets';

const KR = '#,##0';
const MIO = '#,##0.0';
const TEXT = '@';
const SHARE = '0.0%';
const BLANK = 'General';

describe('Hørsholm EBU 1 and EBU 5, in kr., at 114 and at 130 fuldtidspersoner', () => {
  const out = outputsOf([
    sheet(
      'Forslag',
      [
        ['Nr', 'Titel', 'Udvalg', 'Art', 'Ydelse', ...perYear('Udgift'), ...perYear('Investering'), 'Fuldtidspersoner'],
        ['EBU 1', 'Særligt tilrettelagt forløb', 'EBU', 'Reduktion', 'Kontanthjælp', ...four(-900000), ...four(550000), 114],
        ['EBU 5', 'Tolkes transport', 'EBU', 'Reduktion', '', ...four(-110000), 25000, 0, 0, 0, null],
      ],
      'Forslag',
    ),
    scenarioSheet(
      [
        ['Fuldtidspersoner kontanthjælp', 114, 130],
        ['Råderum 2025', 0, null],
        ['Råderum 2026', 0, null],
        ['Råderum 2027', 0, null],
        ['Råderum 2028', 0, null],
      ],
      ['Basis', '130 personer'],
    ),
  ]);
  const header = [
    'Nr',
    'Titel',
    'Udvalg',
    'Art',
    ...perYear('Udgift'),
    ...perYear('Indtægt'),
    ...perYear('Investering'),
    ...perYear('Netto'),
    'Fuldtidspersoner',
    ...perYear('Netto pr. fuldtidsperson (kr.)'),
  ];

  test('Resultat: the title, the unit and the mark', () => {
    expect(blocks(out.Resultat)[0]).toEqual([
      ['Resultat'],
      [
        'Beløb i kr.; minus = besparelse/mindreudgift, plus = merudgift. Netto pr. fuldtidsperson i hele kroner. Udgift, Indtægt og Investering er foldet sammen: klik + over kolonnerne for at se dem. Skrevet af Råderum; arket skrives forfra ved hver beregning.',
      ],
      header,
    ]);
  });

  test('Resultat, Basis: EBU 1 netto −350.000 each year, −3.070 kr. per fuldtidsperson; EBU 5 invests in year 1 only', () => {
    expect(blockStarting(out.Resultat, 'Scenarie: Basis')).toEqual([
      ['Scenarie: Basis'],
      header,
      [
        'EBU 1',
        'Særligt tilrettelagt forløb',
        'EBU',
        'Reduktion',
        ...four(-900000),
        ...four(0),
        ...four(550000),
        ...four(-350000),
        114,
        ...four(-3070),
      ],
      [
        'EBU 5',
        'Tolkes transport',
        'EBU',
        'Reduktion',
        ...four(-110000),
        ...four(0),
        25000,
        0,
        0,
        0,
        -85000,
        -110000,
        -110000,
        -110000,
      ],
      [
        '',
        'I alt Basis',
        '',
        '',
        ...four(-1010000),
        ...four(0),
        575000,
        550000,
        550000,
        550000,
        -435000,
        -460000,
        -460000,
        -460000,
      ],
    ]);
  });

  test('Resultat, 130 personer: Udgift scales to −1.026.316, Investering does not, netto −476.316', () => {
    expect(blockStarting(out.Resultat, 'Scenarie: 130 personer')).toEqual([
      ['Scenarie: 130 personer'],
      header,
      // −476.316 / 130 = −3.663,97 kr. per fuldtidsperson.
      [
        'EBU 1',
        'Særligt tilrettelagt forløb',
        'EBU',
        'Reduktion',
        ...four(-1026316),
        ...four(0),
        ...four(550000),
        ...four(-476316),
        130,
        ...four(-3664),
      ],
      [
        'EBU 5',
        'Tolkes transport',
        'EBU',
        'Reduktion',
        ...four(-110000),
        ...four(0),
        25000,
        0,
        0,
        0,
        -85000,
        -110000,
        -110000,
        -110000,
      ],
      [
        '',
        'I alt 130 personer',
        '',
        '',
        ...four(-1136316),
        ...four(0),
        575000,
        550000,
        550000,
        550000,
        -561316,
        -586316,
        -586316,
        -586316,
      ],
    ]);
    expect(blocks(out.Resultat)).toHaveLength(3);
  });

  test('Resultat formats: text as text, kroner with thousands separators, fuldtidspersoner with one decimal', () => {
    const [title, head, ebu1, ebu5, total] = blockFormats(out.Resultat, 'Scenarie: Basis');
    expect(title).toEqual([TEXT, ...Array(24).fill(BLANK)]);
    expect(head).toEqual(Array(25).fill(TEXT));
    expect(ebu1).toEqual([TEXT, TEXT, TEXT, TEXT, ...Array(16).fill(KR), '#,##0.0', ...four('#,##0')]);
    expect(ebu5).toEqual([TEXT, TEXT, TEXT, TEXT, ...Array(16).fill(KR), BLANK, ...four(BLANK)]);
    expect(total).toEqual([TEXT, TEXT, TEXT, TEXT, ...Array(16).fill(KR), BLANK, ...four(BLANK)]);
  });

  test('Råderum: no requests; the reductions add to what is available and are the budget effect', () => {
    expect(blocks(out.Råderum).slice(1)).toEqual([
      [
        ['Scenarie: Basis · Fordeling: Prioritet'],
        ['Nr', 'Titel', 'Prioritet', 'Status', ...perYear('Ønsket'), ...perYear('Bevilget'), ...perYear('Andel af råderum')],
        ['', 'Ønsker i alt', null, null, ...four(0), ...four(0), ...four(0)],
        ['', 'Tilbage', null, null, ...four(null), 435000, 460000, 460000, 460000, ...four(1)],
      ],
      [
        ['', 'Opgørelse', null, null, '2025', '2026', '2027', '2028'],
        ['', 'Råderum (pulje)', null, null, ...four(0)],
        ['', 'Reduktioner i pakken (netto)', null, null, -435000, -460000, -460000, -460000],
        ['', 'Til rådighed (pulje − reduktioner)', null, null, 435000, 460000, 460000, 460000],
        ['', 'Bevilget', null, null, ...four(0)],
        ['', 'Tilbage', null, null, 435000, 460000, 460000, 460000],
        ['', 'Pakkens budgetvirkning (reduktioner + bevilget)', null, null, -435000, -460000, -460000, -460000],
      ],
      [
        ['Scenarie: 130 personer · Fordeling: Prioritet'],
        ['Nr', 'Titel', 'Prioritet', 'Status', ...perYear('Ønsket'), ...perYear('Bevilget'), ...perYear('Andel af råderum')],
        ['', 'Ønsker i alt', null, null, ...four(0), ...four(0), ...four(0)],
        ['', 'Tilbage', null, null, ...four(null), 561316, 586316, 586316, 586316, ...four(1)],
      ],
      [
        ['', 'Opgørelse', null, null, '2025', '2026', '2027', '2028'],
        ['', 'Råderum (pulje)', null, null, ...four(0)],
        ['', 'Reduktioner i pakken (netto)', null, null, -561316, -586316, -586316, -586316],
        ['', 'Til rådighed (pulje − reduktioner)', null, null, 561316, 586316, 586316, 586316],
        ['', 'Bevilget', null, null, ...four(0)],
        ['', 'Tilbage', null, null, 561316, 586316, 586316, 586316],
        ['', 'Pakkens budgetvirkning (reduktioner + bevilget)', null, null, -561316, -586316, -586316, -586316],
      ],
    ]);
  });

  test('Sammenligning: EBU 1 differs by −126.316 a year, EBU 5 not at all', () => {
    // Netto i alt: EBU 1 + EBU 5 (−350.000 − 85.000 in 2025, −350.000 − 110.000 after); at 130, EBU 1 is −476.316.
    const basis = [-435000, -460000, -460000, -460000];
    const people130 = [-561316, -586316, -586316, -586316];
    expect(blocks(out.Sammenligning).slice(1)).toEqual([
      [
        ['130 personer mod Basis'],
        ['Nr', 'Titel', ...perYear('Netto Basis'), ...perYear('Netto 130 personer'), ...perYear('Forskel'), 'Bemærkning'],
        ['EBU 1', 'Særligt tilrettelagt forløb', ...four(-350000), ...four(-476316), ...four(-126316), ''],
        ['EBU 5', 'Tolkes transport', -85000, -110000, -110000, -110000, -85000, -110000, -110000, -110000, ...four(0), ''],
        ['', 'I alt', ...basis, ...people130, ...four(-126316)],
      ],
      [
        ['', 'Råderum', ...perYear('Basis'), ...perYear('130 personer'), ...perYear('Forskel')],
        ['', 'Til rådighed', 435000, 460000, 460000, 460000, 561316, 586316, 586316, 586316, ...four(126316)],
        ['', 'Bevilget', ...four(0), ...four(0), ...four(0)],
        ['', 'Tilbage', 435000, 460000, 460000, 460000, 561316, 586316, 586316, 586316, ...four(126316)],
        ['', 'Budgetvirkning', -435000, -460000, -460000, -460000, -561316, -586316, -586316, -586316, ...four(-126316)],
      ],
      // The chart's cells: each scenario's netto i alt, the I alt row above.
      [
        ['Diagrammets tal: netto i alt pr. scenarie og år.'],
        [null, null, ...YEARS.map(String)],
        [null, 'Basis', ...basis],
        [null, '130 personer', ...people130],
      ],
    ]);
  });
});

describe('Faxe mentor, in 1.000 kr.: 2/3 of the Udgift carries the row’s own 50 % refusion', () => {
  const out = outputsOf([
    sheet('Forslag', [
      ['Nr', 'Titel', 'Udvalg', ...perYear('Udgift service'), ...perYear('Udgift ej service'), 'Refusionsandel', 'Refusionssats'],
      // Input, not an expected value: the share of 1.000 in 1.500 that carries refusion.
      ['BIU_F_01', 'Eksterne mentorer', 'BIU', ...four(0), ...four(-1500), 2 / 3, '50 %'],
    ]),
    scenarioSheet([
      ['Enhed', '1.000 kr.'],
      ['Råderum 2025', 0],
      ['Råderum 2026', 0],
      ['Råderum 2027', 0],
      ['Råderum 2028', 0],
    ]),
  ]);

  test('Resultat: Udgift ej service −1.500, Indtægt +500, netto −1.000 each year', () => {
    const header = [
      'Nr',
      'Titel',
      'Udvalg',
      'Art',
      ...perYear('Udgift service'),
      ...perYear('Udgift ej service'),
      ...perYear('Udgift'),
      ...perYear('Indtægt'),
      ...perYear('Investering'),
      ...perYear('Netto'),
    ];
    expect(blocks(out.Resultat)).toEqual([
      [
        ['Resultat'],
        [
          'Beløb i 1.000 kr.; minus = besparelse/mindreudgift, plus = merudgift. Udgift, Indtægt og Investering er foldet sammen: klik + over kolonnerne for at se dem. Skrevet af Råderum; arket skrives forfra ved hver beregning.',
        ],
        header,
      ],
      [
        ['Scenarie: Basis'],
        header,
        [
          'BIU_F_01',
          'Eksterne mentorer',
          'BIU',
          'Reduktion',
          ...four(0),
          ...four(-1500),
          ...four(-1500),
          ...four(500),
          ...four(0),
          ...four(-1000),
        ],
        ['', 'I alt Basis', '', '', ...four(0), ...four(-1500), ...four(-1500), ...four(500), ...four(0), ...four(-1000)],
      ],
    ]);
    expect(blockFormats(out.Resultat, 'Scenarie: Basis')[2]).toEqual([TEXT, TEXT, TEXT, TEXT, ...Array(24).fill(KR)]);
  });

  test('Råderum: the saving of 1.000 is available and left; one scenario, nothing to compare', () => {
    expect(blockStarting(out.Råderum, '', 'Opgørelse')).toEqual([
      ['', 'Opgørelse', null, null, '2025', '2026', '2027', '2028'],
      ['', 'Råderum (pulje)', null, null, ...four(0)],
      ['', 'Reduktioner i pakken (netto)', null, null, ...four(-1000)],
      ['', 'Til rådighed (pulje − reduktioner)', null, null, ...four(1000)],
      ['', 'Bevilget', null, null, ...four(0)],
      ['', 'Tilbage', null, null, ...four(1000)],
      ['', 'Pakkens budgetvirkning (reduktioner + bevilget)', null, null, ...four(-1000)],
    ]);
    expect(blocks(out.Sammenligning)).toEqual([
      [
        ['Sammenligning'],
        [
          'Beløb i 1.000 kr.; minus = besparelse/mindreudgift, plus = merudgift. Skrevet af Råderum; arket skrives forfra ved hver beregning.',
        ],
        ['Der er kun ét scenarie (Basis). Tilføj en kolonne på arket Scenarier for at sammenligne.'],
      ],
    ]);
  });
});

describe('Faxe fastholdelse, in kr.: 450 sager, 8 årsværk today, 400.000 per årsværk, at caseload 45 and 40', () => {
  const out = outputsOf([
    sheet('Forslag', [
      ['Nr', 'Titel', 'Udvalg', 'Art', 'Ydelse', ...perYear('Udgift'), 'Sager', 'Nuværende årsværk', 'Årsværkspris'],
      // Art left empty: decided by the base netto (rule 0), so Reduktion in both scenarios.
      ['BIU_F_03', 'Fastholdelseskonsulenter', 'BIU', '', 'Sygedagpenge', ...four(-1200000), 450, 8, 400000],
    ]),
    scenarioSheet(
      [
        ['Caseload', 45, 40],
        ['Råderum 2025', 0, null],
        ['Råderum 2026', 0, null],
        ['Råderum 2027', 0, null],
        ['Råderum 2028', 0, null],
      ],
      ['Caseload 45', 'Caseload 40'],
    ),
  ]);
  const header = [
    'Nr',
    'Titel',
    'Udvalg',
    'Art',
    ...perYear('Udgift'),
    ...perYear('Indtægt'),
    ...perYear('Investering'),
    ...perYear('Netto'),
  ];

  test('Resultat: Investering +800.000 and netto −400.000 at 45; +1.300.000 and +100.000 at 40', () => {
    expect(blocks(out.Resultat).slice(1)).toEqual([
      [
        ['Scenarie: Caseload 45'],
        header,
        [
          'BIU_F_03',
          'Fastholdelseskonsulenter',
          'BIU',
          'Reduktion',
          ...four(-1200000),
          ...four(0),
          ...four(800000),
          ...four(-400000),
        ],
        ['', 'I alt Caseload 45', '', '', ...four(-1200000), ...four(0), ...four(800000), ...four(-400000)],
      ],
      [
        ['Scenarie: Caseload 40'],
        header,
        [
          'BIU_F_03',
          'Fastholdelseskonsulenter',
          'BIU',
          'Reduktion',
          ...four(-1200000),
          ...four(0),
          ...four(1300000),
          ...four(100000),
        ],
        ['', 'I alt Caseload 40', '', '', ...four(-1200000), ...four(0), ...four(1300000), ...four(100000)],
      ],
    ]);
  });

  test('Sammenligning: +500.000 a year, in the proposal, the total and the budget effect', () => {
    expect(blocks(out.Sammenligning).slice(1)).toEqual([
      [
        ['Caseload 40 mod Caseload 45'],
        ['Nr', 'Titel', ...perYear('Netto Caseload 45'), ...perYear('Netto Caseload 40'), ...perYear('Forskel'), 'Bemærkning'],
        ['BIU_F_03', 'Fastholdelseskonsulenter', ...four(-400000), ...four(100000), ...four(500000), ''],
        ['', 'I alt', ...four(-400000), ...four(100000), ...four(500000)],
      ],
      [
        ['', 'Råderum', ...perYear('Caseload 45'), ...perYear('Caseload 40'), ...perYear('Forskel')],
        ['', 'Til rådighed', ...four(400000), ...four(-100000), ...four(-500000)],
        ['', 'Bevilget', ...four(0), ...four(0), ...four(0)],
        ['', 'Tilbage', ...four(400000), ...four(-100000), ...four(-500000)],
        ['', 'Budgetvirkning', ...four(-400000), ...four(100000), ...four(500000)],
      ],
      // The chart's cells: each scenario's netto i alt, BIU_F_03 alone.
      [
        ['Diagrammets tal: netto i alt pr. scenarie og år.'],
        [null, null, ...YEARS.map(String)],
        [null, 'Caseload 45', ...four(-400000)],
        [null, 'Caseload 40', ...four(100000)],
      ],
    ]);
  });

  test('Råderum at caseload 40: a reduction that costs leaves less than nothing, and no share of it', () => {
    expect(blockStarting(out.Råderum, 'Scenarie: Caseload 40 · Fordeling: Prioritet')).toEqual([
      ['Scenarie: Caseload 40 · Fordeling: Prioritet'],
      ['Nr', 'Titel', 'Prioritet', 'Status', ...perYear('Ønsket'), ...perYear('Bevilget'), ...perYear('Andel af råderum')],
      ['', 'Ønsker i alt', null, null, ...four(0), ...four(0), ...four(0)],
      ['', 'Tilbage', null, null, ...four(null), ...four(-100000), ...four(0)],
    ]);
  });
});

describe('København, in mio. kr.: a råderum of 21,0 against eight requests, in all four modes', () => {
  const titles = [
    'Borgere parate til job',
    'Intensive forløb, sygedagpenge',
    'Uddannelsesmentorer',
    'Kort dagpengeperiode tilbage',
    'Interne gruppeforløb',
    'Vejledning i ressourceforløb',
    'Fleks- og ledighedsydelse',
    'Arbejdspligt',
  ];
  const out = outputsOf([
    sheet('Forslag', [
      ['Nr', 'Titel', 'Art', 'Prioritet', 'Udgift 2025'],
      ['K-1', titles[0], 'Udvidelse', 1, 2.2],
      ['K-2', titles[1], 'Udvidelse', 2, 7.4],
      ['K-3', titles[2], 'Udvidelse', 3, 3.2],
      ['K-4', titles[3], 'Udvidelse', 4, 4.2],
      ['K-5', titles[4], 'Udvidelse', 5, 4.3],
      ['K-6', titles[5], 'Udvidelse', 6, 2.9],
      ['K-7', titles[6], 'Udvidelse', 7, 6.0],
      ['K-8', titles[7], 'Udvidelse', 8, 2.5],
    ]),
    scenarioSheet(
      [
        ['Enhed', 'mio. kr.', null, null, null],
        ['Råderum 2025', 21, null, null, null],
        ['Fordeling', 'Prioritet', 'Prioritet, delvis', 'Bedste udnyttelse', 'Forholdsmæssig'],
      ],
      ['Prioritet', 'Delvis', 'Bedste', 'Forholdsmæssig'],
    ),
  ]);
  const header = ['Nr', 'Titel', 'Prioritet', 'Status', 'Ønsket 2025', 'Bevilget 2025', 'Andel af råderum 2025'];
  const opgoerelse = (funded: number, left: number) => [
    ['', 'Opgørelse', null, null, '2025'],
    ['', 'Råderum (pulje)', null, null, 21],
    ['', 'Reduktioner i pakken (netto)', null, null, 0],
    ['', 'Til rådighed (pulje − reduktioner)', null, null, 21],
    ['', 'Bevilget', null, null, funded],
    ['', 'Tilbage', null, null, left],
    ['', 'Pakkens budgetvirkning (reduktioner + bevilget)', null, null, funded],
  ];
  const afterBlock = (title: string) => {
    const all = blocks(out.Råderum);
    return all[all.findIndex((b) => String(b[0][0]).startsWith(`${title} · `)) + 1];
  };

  test('Resultat: every request at its full netto, in mio. kr. with one decimal', () => {
    expect(blockStarting(out.Resultat, 'Scenarie: Prioritet')).toEqual([
      ['Scenarie: Prioritet'],
      ['Nr', 'Titel', 'Udvalg', 'Art', 'Udgift 2025', 'Indtægt 2025', 'Investering 2025', 'Netto 2025'],
      ['K-1', titles[0], '', 'Udvidelse', 2.2, 0, 0, 2.2],
      ['K-2', titles[1], '', 'Udvidelse', 7.4, 0, 0, 7.4],
      ['K-3', titles[2], '', 'Udvidelse', 3.2, 0, 0, 3.2],
      ['K-4', titles[3], '', 'Udvidelse', 4.2, 0, 0, 4.2],
      ['K-5', titles[4], '', 'Udvidelse', 4.3, 0, 0, 4.3],
      ['K-6', titles[5], '', 'Udvidelse', 2.9, 0, 0, 2.9],
      ['K-7', titles[6], '', 'Udvidelse', 6, 0, 0, 6],
      ['K-8', titles[7], '', 'Udvidelse', 2.5, 0, 0, 2.5],
      ['', 'I alt Prioritet', '', '', 32.7, 0, 0, 32.7],
    ]);
    expect(blockFormats(out.Resultat, 'Scenarie: Prioritet')[2]).toEqual([TEXT, TEXT, TEXT, TEXT, MIO, MIO, MIO, MIO]);
  });

  test('Prioritet funds 2,2 + 7,4 + 3,2 + 4,2 + 2,9 = 19,9 and leaves 1,1', () => {
    // Shares of 21,0 to 0,1 %, adding up to 100,0 % by largest remainder: 10,48 → 10,5;
    // 35,24, 15,24 and 5,24 (what is left) tie at ,24 and the first in order (K-2) gets the unit.
    expect(blockStarting(out.Råderum, 'Scenarie: Prioritet · Fordeling: Prioritet')).toEqual([
      ['Scenarie: Prioritet · Fordeling: Prioritet'],
      header,
      ['K-1', titles[0], 1, 'Bevilget', 2.2, 2.2, 0.105],
      ['K-2', titles[1], 2, 'Bevilget', 7.4, 7.4, 0.353],
      ['K-3', titles[2], 3, 'Bevilget', 3.2, 3.2, 0.152],
      ['K-4', titles[3], 4, 'Bevilget', 4.2, 4.2, 0.2],
      ['K-5', titles[4], 5, 'Ikke bevilget', 4.3, 0, 0],
      ['K-6', titles[5], 6, 'Bevilget', 2.9, 2.9, 0.138],
      ['K-7', titles[6], 7, 'Ikke bevilget', 6, 0, 0],
      ['K-8', titles[7], 8, 'Ikke bevilget', 2.5, 0, 0],
      ['', 'Ønsker i alt', null, null, 32.7, 19.9, 0.948],
      ['', 'Tilbage', null, null, null, 1.1, 0.052],
    ]);
    expect(afterBlock('Scenarie: Prioritet')).toEqual(opgoerelse(19.9, 1.1));
  });

  test('Prioritet, delvis gives K-5 4,0 of its 4,3 and uses all 21,0', () => {
    expect(blockStarting(out.Råderum, 'Scenarie: Delvis · Fordeling: Prioritet, delvis')).toEqual([
      ['Scenarie: Delvis · Fordeling: Prioritet, delvis'],
      header,
      ['K-1', titles[0], 1, 'Bevilget', 2.2, 2.2, 0.105],
      ['K-2', titles[1], 2, 'Bevilget', 7.4, 7.4, 0.352],
      ['K-3', titles[2], 3, 'Bevilget', 3.2, 3.2, 0.152],
      ['K-4', titles[3], 4, 'Bevilget', 4.2, 4.2, 0.2],
      ['K-5', titles[4], 5, 'Delvist bevilget', 4.3, 4, 0.191],
      ['K-6', titles[5], 6, 'Ikke bevilget', 2.9, 0, 0],
      ['K-7', titles[6], 7, 'Ikke bevilget', 6, 0, 0],
      ['K-8', titles[7], 8, 'Ikke bevilget', 2.5, 0, 0],
      ['', 'Ønsker i alt', null, null, 32.7, 21, 1],
      ['', 'Tilbage', null, null, null, 0, 0],
    ]);
    expect(afterBlock('Scenarie: Delvis')).toEqual(opgoerelse(21, 0));
  });

  test('Bedste udnyttelse reaches 21,0 with {2,2 7,4 4,2 4,3 2,9}', () => {
    expect(blockStarting(out.Råderum, 'Scenarie: Bedste · Fordeling: Bedste udnyttelse')).toEqual([
      ['Scenarie: Bedste · Fordeling: Bedste udnyttelse'],
      header,
      ['K-1', titles[0], 1, 'Bevilget', 2.2, 2.2, 0.105],
      ['K-2', titles[1], 2, 'Bevilget', 7.4, 7.4, 0.352],
      ['K-3', titles[2], 3, 'Ikke bevilget', 3.2, 0, 0],
      ['K-4', titles[3], 4, 'Bevilget', 4.2, 4.2, 0.2],
      ['K-5', titles[4], 5, 'Bevilget', 4.3, 4.3, 0.205],
      ['K-6', titles[5], 6, 'Bevilget', 2.9, 2.9, 0.138],
      ['K-7', titles[6], 7, 'Ikke bevilget', 6, 0, 0],
      ['K-8', titles[7], 8, 'Ikke bevilget', 2.5, 0, 0],
      ['', 'Ønsker i alt', null, null, 32.7, 21, 1],
      ['', 'Tilbage', null, null, null, 0, 0],
    ]);
    expect(afterBlock('Scenarie: Bedste')).toEqual(opgoerelse(21, 0));
  });

  test('Forholdsmæssig gives every request 21,0 / 32,7 of itself; the amounts add up to 21,0, not 21,2', () => {
    // Each rounded on its own the eight would show 1,4 4,8 2,1 2,7 2,8 1,9 3,9 1,6 = 21,2 (rule 6): by largest
    // remainder 1,41 2,06 2,70 2,76 1,86 go to the nearest, 4,75 and 3,85 down, so they add up to 21,0.
    expect(blockStarting(out.Råderum, 'Scenarie: Forholdsmæssig · Fordeling: Forholdsmæssig')).toEqual([
      ['Scenarie: Forholdsmæssig · Fordeling: Forholdsmæssig'],
      header,
      ['K-1', titles[0], 1, 'Delvist bevilget', 2.2, 1.4, 0.067],
      ['K-2', titles[1], 2, 'Delvist bevilget', 7.4, 4.7, 0.226],
      ['K-3', titles[2], 3, 'Delvist bevilget', 3.2, 2.1, 0.098],
      ['K-4', titles[3], 4, 'Delvist bevilget', 4.2, 2.7, 0.128],
      ['K-5', titles[4], 5, 'Delvist bevilget', 4.3, 2.8, 0.132],
      ['K-6', titles[5], 6, 'Delvist bevilget', 2.9, 1.9, 0.089],
      ['K-7', titles[6], 7, 'Delvist bevilget', 6, 3.8, 0.184],
      ['K-8', titles[7], 8, 'Delvist bevilget', 2.5, 1.6, 0.076],
      ['', 'Ønsker i alt', null, null, 32.7, 21, 1],
      ['', 'Tilbage', null, null, null, 0, 0],
    ]);
    expect(afterBlock('Scenarie: Forholdsmæssig')).toEqual(opgoerelse(21, 0));
  });

  test('Råderum formats: amounts with one decimal, shares in percent with one decimal', () => {
    const formats = blockFormats(out.Råderum, 'Scenarie: Prioritet · Fordeling: Prioritet');
    expect(formats[1]).toEqual(Array(7).fill(TEXT));
    // A priority is a rank: shown as typed (5, not 5,0 in mio. kr.).
    expect(formats[6]).toEqual([TEXT, TEXT, 'General', TEXT, MIO, MIO, SHARE]);
    expect(formats[10]).toEqual([TEXT, TEXT, BLANK, BLANK, MIO, MIO, SHARE]);
    expect(formats[11]).toEqual([TEXT, TEXT, BLANK, BLANK, BLANK, MIO, SHARE]);
  });

  test('Sammenligning: the same nettos in every mode; what is funded and left differs by 1,1', () => {
    const proposals = [
      ['Nr', 'Titel', 'Netto Prioritet 2025', 'Netto Delvis 2025', 'Forskel 2025', 'Bemærkning'],
      ['K-1', titles[0], 2.2, 2.2, 0, ''],
      ['K-2', titles[1], 7.4, 7.4, 0, ''],
      ['K-3', titles[2], 3.2, 3.2, 0, ''],
      ['K-4', titles[3], 4.2, 4.2, 0, ''],
      ['K-5', titles[4], 4.3, 4.3, 0, ''],
      ['K-6', titles[5], 2.9, 2.9, 0, ''],
      ['K-7', titles[6], 6, 6, 0, ''],
      ['K-8', titles[7], 2.5, 2.5, 0, ''],
      ['', 'I alt', 32.7, 32.7, 0],
    ];
    const raaderum = (name: string) => [
      ['', 'Råderum', 'Prioritet 2025', `${name} 2025`, 'Forskel 2025'],
      ['', 'Til rådighed', 21, 21, 0],
      ['', 'Bevilget', 19.9, 21, 1.1],
      ['', 'Tilbage', 1.1, 0, -1.1],
      ['', 'Budgetvirkning', 19.9, 21, 1.1],
    ];
    const all = blocks(out.Sammenligning);
    expect(all.map((b) => b[0])).toEqual([
      ['Sammenligning'],
      ['Delvis mod Prioritet'],
      ['', 'Råderum', 'Prioritet 2025', 'Delvis 2025', 'Forskel 2025'],
      ['Ændringer i bevillinger: K-5 Ikke bevilget → Delvist bevilget; K-6 Bevilget → Ikke bevilget.'],
      ['Bedste mod Prioritet'],
      ['', 'Råderum', 'Prioritet 2025', 'Bedste 2025', 'Forskel 2025'],
      ['Ændringer i bevillinger: K-3 Bevilget → Ikke bevilget; K-5 Ikke bevilget → Bevilget.'],
      ['Forholdsmæssig mod Prioritet'],
      ['', 'Råderum', 'Prioritet 2025', 'Forholdsmæssig 2025', 'Forskel 2025'],
      [
        'Ændringer i bevillinger: K-1 Bevilget → Delvist bevilget; K-2 Bevilget → Delvist bevilget; K-3 Bevilget → Delvist bevilget; K-4 Bevilget → Delvist bevilget; K-5 Ikke bevilget → Delvist bevilget; K-6 Bevilget → Delvist bevilget; K-7 Ikke bevilget → Delvist bevilget; K-8 Ikke bevilget → Delvist bevilget.',
      ],
      ['Diagrammets tal: netto i alt pr. scenarie og år.'],
    ]);
    expect(all[1]).toEqual([['Delvis mod Prioritet'], ...proposals]);
    expect(all[2]).toEqual(raaderum('Delvis'));
    expect(all[5]).toEqual(raaderum('Bedste'));
    expect(all[8]).toEqual(raaderum('Forholdsmæssig'));
    // The chart's cells: the modes share the package, so every scenario's netto i alt is the I alt above.
    const total = proposals[proposals.length - 1][2];
    expect(all[10]).toEqual([
      ['Diagrammets tal: netto i alt pr. scenarie og år.'],
      [null, null, '2025'],
      ...['Prioritet', 'Delvis', 'Bedste', 'Forholdsmæssig'].map((name) => [null, name, total]),
    ]);
  });

  test('Sammenligning: each request’s funding in both scenarios; Bedste udnyttelse drops K-3 for K-5', () => {
    expect(
      blockStarting(out.Sammenligning, 'Ændringer i bevillinger: K-3 Bevilget → Ikke bevilget; K-5 Ikke bevilget → Bevilget.'),
    ).toEqual([
      ['Ændringer i bevillinger: K-3 Bevilget → Ikke bevilget; K-5 Ikke bevilget → Bevilget.'],
      ['Nr', 'Titel', 'Bevilget Prioritet 2025', 'Bevilget Bedste 2025', 'Forskel 2025', 'Ændring'],
      ['K-1', titles[0], 2.2, 2.2, 0, 'Bevilget'],
      ['K-2', titles[1], 7.4, 7.4, 0, 'Bevilget'],
      ['K-3', titles[2], 3.2, 0, -3.2, 'Bevilget → Ikke bevilget'],
      ['K-4', titles[3], 4.2, 4.2, 0, 'Bevilget'],
      ['K-5', titles[4], 0, 4.3, 4.3, 'Ikke bevilget → Bevilget'],
      ['K-6', titles[5], 2.9, 2.9, 0, 'Bevilget'],
      ['K-7', titles[6], 0, 0, 0, 'Ikke bevilget'],
      ['K-8', titles[7], 0, 0, 0, 'Ikke bevilget'],
    ]);
  });
});

describe('Rule 6, in mio. kr.: a pool of 1,0 with requests of 0,45 and 0,55 (an exact fit)', () => {
  const out = outputsOf([
    sheet('Forslag', [
      ['Nr', 'Titel', 'Art', 'Prioritet', 'Udgift 2026'],
      ['U1', 'Første ønske', 'Udvidelse', 1, 0.45],
      ['U2', 'Andet ønske', 'Udvidelse', 2, 0.55],
    ]),
    scenarioSheet([
      ['Enhed', 'mio. kr.'],
      ['Råderum 2026', 1],
    ]),
  ]);

  test('Bevilget adds up to 1,0 and Tilbage is 0,0, never 1,1 and −0,1', () => {
    // Each request shown on its own rounds half away from zero (0,5 and 0,6); the funded amounts, a fit,
    // are rounded together: 0,45 and 0,55 tie on the half and the first in order gets it.
    expect(blockStarting(out.Råderum, 'Scenarie: Basis · Fordeling: Prioritet')).toEqual([
      ['Scenarie: Basis · Fordeling: Prioritet'],
      ['Nr', 'Titel', 'Prioritet', 'Status', 'Ønsket 2026', 'Bevilget 2026', 'Andel af råderum 2026'],
      ['U1', 'Første ønske', 1, 'Bevilget', 0.5, 0.5, 0.45],
      ['U2', 'Andet ønske', 2, 'Bevilget', 0.6, 0.5, 0.55],
      ['', 'Ønsker i alt', null, null, 1.1, 1, 1],
      ['', 'Tilbage', null, null, null, 0, 0],
    ]);
    expect(blockStarting(out.Råderum, '', 'Opgørelse')).toEqual([
      ['', 'Opgørelse', null, null, '2026'],
      ['', 'Råderum (pulje)', null, null, 1],
      ['', 'Reduktioner i pakken (netto)', null, null, 0],
      ['', 'Til rådighed (pulje − reduktioner)', null, null, 1],
      ['', 'Bevilget', null, null, 1],
      ['', 'Tilbage', null, null, 0],
      ['', 'Pakkens budgetvirkning (reduktioner + bevilget)', null, null, 1],
    ]);
  });
});
