/**
 * Issue 12, item 4: a proposal's netto explained step by step, from the core's
 * own record (nettoSteps) with the amounts the sheets show. Expected figures
 * are the domain's worked examples, typed as literals.
 */
import { sampleSheets } from '../../src/sample/seed-workbook';
import { explainProposal, type ProposalExplanation, type ScenarioExplanation } from '../../src/workbook/explanation';
import type { SheetCells } from '../../src/workbook/grid';
import type { OutputSheet } from '../../src/workbook/output';
import { readBook } from '../../src/workbook/read';
import { runWorkbook } from '../../src/workbook/run';
import { four, perYear, scenarioSheet, sheet } from '../helpers/sheets';

const asCells = (o: OutputSheet): SheetCells => ({
  name: o.name,
  origin: { row: 0, column: 0 },
  values: o.values,
  tables: o.tables,
});
const sample = (): SheetCells[] => sampleSheets().map(asCells);

const inScenario = (e: ProposalExplanation | undefined, name: string): ScenarioExplanation => {
  const found = e?.scenarios.find((s) => s.scenario === name);
  if (!found) throw new Error(`no scenario ${name}`);
  return found;
};
const step = (s: ScenarioExplanation, rule: string) => s.steps.find((x) => x.rule === rule);
const rules = (s: ScenarioExplanation) => s.steps.map((x) => x.rule);

/** Every part before the netto step adds up to the netto shown, year by year. */
function expectPartsAddUp(s: ScenarioExplanation): void {
  const parts = s.steps.filter((x) => x.rule !== 'netto' && x.amounts);
  s.netto.forEach((n, t) => expect(parts.reduce((sum, x) => sum + (x.amounts as number[])[t], 0)).toBe(n));
  expect(step(s, 'netto')?.amounts).toEqual(s.netto);
}

describe('the sample: Faxe’s two fastholdelseskonsulenter (BIU_F_03)', () => {
  const explained = explainProposal(sample(), { nr: 'BIU_F_03' });

  test('at caseload 45 (Basis) staffing reads +800.000 a year, netto −400.000', () => {
    const basis = inScenario(explained, 'Basis');
    expect(rules(basis)).toEqual(['udgift', 'caseload', 'netto']);
    expect(step(basis, 'udgift')?.amounts).toEqual(four(-1200000));
    expect(step(basis, 'caseload')?.amounts).toEqual(four(800000));
    expect(step(basis, 'caseload')?.text).toBe(
      'Bemanding ved caseload 45: 450 sager / 45 = 10 årsværk − 8 nuværende = 2 årsværk × årsværkspris 400.000 kr. = +800.000 kr. om året (lægges til Investering)',
    );
    expect(basis.netto).toEqual(four(-400000));
    // Rule 7: available = pool − Σ netto of included reductions, so a netto of −400.000 makes the råderum grow.
    expect(basis.status).toBe('Reduktion: øger råderummet med 400.000 kr. om året');
    expectPartsAddUp(basis);
  });

  test('at caseload 40 (scenario Caseload 40) staffing reads +1.300.000 a year, netto +100.000', () => {
    const forty = inScenario(explained, 'Caseload 40');
    expect(step(forty, 'caseload')?.amounts).toEqual(four(1300000));
    expect(step(forty, 'caseload')?.text).toContain('450 sager / 40 = 11,25 årsværk − 8 nuværende = 3,25 årsværk');
    expect(step(forty, 'caseload')?.text).toContain('+1.300.000 kr. om året');
    expect(forty.netto).toEqual(four(100000));
    // A reduction that costs more than it saves takes from the råderum.
    expect(forty.status).toBe('Reduktion: mindsker råderummet med 100.000 kr. om året');
    expectPartsAddUp(forty);
  });

  test('the explanation names the proposal, its row, the years and the unit', () => {
    expect(explained).toMatchObject({
      nr: 'BIU_F_03',
      title: 'To fastholdelseskonsulenter til sygedagpengesager',
      place: { sheet: 'Faxe', row: 3, column: 0 },
      years: [2027, 2028, 2029, 2030],
      unit: 'kr.',
    });
    expect(explained?.scenarios.map((s) => s.scenario)).toEqual(['Basis', 'Caseload 40', 'Flere fuldtidspersoner']);
  });

  test('any cell of the row finds it (the sheet named in any case); the number matches like numbers do', () => {
    expect(explainProposal(sample(), { place: { sheet: 'FAXE', row: 3, column: 7 } })?.nr).toBe('BIU_F_03');
    expect(explainProposal(sample(), { nr: 'biu_f_03 ' })?.nr).toBe('BIU_F_03');
  });

  test('no proposal there, or a workbook with problems: undefined', () => {
    expect(explainProposal(sample(), { nr: 'BIU_F_99' })).toBeUndefined();
    expect(explainProposal(sample(), { place: { sheet: 'Faxe', row: 0, column: 0 } })).toBeUndefined();
    expect(explainProposal(sample(), { place: { sheet: 'Scenarier', row: 3, column: 0 } })).toBeUndefined();
    const broken = sample().map((s) =>
      s.name === 'Scenarier'
        ? { ...s, values: s.values.map((r) => (r[0] === 'Caseload' ? ['Caseload', 'mange', 40, null] : r)) }
        : s,
    );
    expect(explainProposal(broken, { nr: 'BIU_F_03' })).toBeUndefined();
  });

  test('in English on request', () => {
    const english = explainProposal(sample(), { nr: 'BIU_F_03' }, 'en');
    expect(step(inScenario(english, 'Caseload 40'), 'caseload')?.text).toBe(
      'Staffing at caseload 40: 450 cases / 40 = 11.25 full-time staff − 8 today = 3.25 × staff cost 400,000 kr. = +1,300,000 kr. a year (added to Investering)',
    );
  });
});

describe('a step of each kind', () => {
  test('scaling by fuldtidspersoner (Hørsholm EBU 1 at 130): the change in Udgift, −126.316; netto −476.316', () => {
    const s = inScenario(explainProposal(sample(), { nr: 'EBU 1' }), 'Flere fuldtidspersoner');
    expect(rules(s)).toEqual(['udgift', 'volume', 'investering', 'netto']);
    expect(step(s, 'udgift')?.amounts).toEqual(four(-900000));
    expect(step(s, 'volume')?.amounts).toEqual(four(-126316));
    expect(step(s, 'volume')?.text).toBe(
      'Skaleret til scenariets fuldtidspersoner for Kontanthjælp: 130 mod rækkens 114 (× 1,1404); beløbet er ændringen i Udgift',
    );
    expect(step(s, 'investering')?.amounts).toEqual(four(550000));
    expect(s.netto).toEqual(four(-476316));
    expectPartsAddUp(s);
  });

  test('refusion at the row’s own rate (Faxe mentor): 2/3 × 50 %, Indtægt +500.000, netto −1.000.000', () => {
    const s = inScenario(explainProposal(sample(), { nr: 'BIU_F_01' }), 'Basis');
    expect(rules(s)).toEqual(['udgift', 'refusion', 'netto']);
    expect(step(s, 'refusion')?.amounts).toEqual(four(500000));
    expect(step(s, 'refusion')?.text).toBe(
      'Refusion: 66,7 % af Udgift bærer refusion × sats 50 % (rækkens egen sats) = 33,3 % af Udgift, med modsat fortegn (mindre udgift giver mindre refusion)',
    );
    expect(s.netto).toEqual(four(-1000000));
    expectPartsAddUp(s);
  });

  const refusionBook = (rows: (string | number | null)[][], names = ['Basis']) => [
    sheet(
      'Forslag',
      [
        ['Nr', 'Titel', 'Art', 'Ydelse', ...perYear('Udgift'), ...perYear('Indtægt'), 'Refusionsandel'],
        ['S1', 'Sygedagpenge', 'Reduktion', 'Sygedagpenge', ...four(-1000000), ...four(null), 1],
        ['S2', 'Med tilskud', 'Reduktion', 'Sygedagpenge', ...four(-1000000), ...four(100000), 0.5],
      ],
      'Forslag',
    ),
    scenarioSheet(rows, names),
  ];

  test('refusion at the scenario’s rate for the ydelse', () => {
    const s = inScenario(explainProposal(refusionBook([['Refusion Sygedagpenge', '30 %']]), { nr: 'S1' }), 'Basis');
    expect(step(s, 'refusion')?.amounts).toEqual(four(300000));
    expect(step(s, 'refusion')?.text).toContain('× sats 30 % (scenariets sats for Sygedagpenge) = 30 % af Udgift');
    expect(s.netto).toEqual(four(-700000));
  });

  test('refusion from the staircase’s duration shares: 10/20/20/50 % give 32 %', () => {
    const book = refusionBook([
      ['Varighed uge 1-4 Sygedagpenge', '10 %'],
      ['Varighed uge 5-26 Sygedagpenge', '20 %'],
      ['Varighed uge 27-52 Sygedagpenge', '20 %'],
      ['Varighed uge 53+ Sygedagpenge', '50 %'],
    ]);
    const s = inScenario(explainProposal(book, { nr: 'S1' }), 'Basis');
    expect(step(s, 'refusion')?.amounts).toEqual(four(320000));
    expect(step(s, 'refusion')?.text).toContain(
      'sats 32 % (effektiv sats fra refusionstrappen for Sygedagpenge: 10 % (uge 1-4) × 80 % + 20 % (uge 5-26) × 40 % + 20 % (uge 27-52) × 30 % + 50 % (uge 53+) × 20 % (8 % + 8 % + 6 % + 10 %))',
    );
    expectPartsAddUp(s);
  });

  test('stated Indtægt beside refusion: each its own part, adding up to the Indtægt shown', () => {
    const s = inScenario(explainProposal(refusionBook([['Refusion Sygedagpenge', 0.3]]), { nr: 'S2' }), 'Basis');
    expect(rules(s)).toEqual(['udgift', 'refusion', 'indtaegt', 'netto']);
    expect(step(s, 'refusion')?.amounts).toEqual(four(150000));
    expect(step(s, 'indtaegt')?.amounts).toEqual(four(100000));
    expect(step(s, 'indtaegt')?.text).toBe('Indtægt som angivet i rækken');
    expect(s.netto).toEqual(four(-750000));
    expectPartsAddUp(s);
  });

  test('in 1.000 kr. the parts are the sheet’s rounded leaves and still add up to the netto shown', () => {
    // Udgift −1.001 × 1/3 refusion share × 50 %: refusion 166,83 → 167; staffing 450/45.5 − 8 = 1,89 årsværk × 400 = 756,04 → 756
    const book = [
      sheet(
        'Forslag',
        [
          ['Nr', 'Titel', 'Art', 'Ydelse', ...perYear('Udgift'), ...perYear('Investering'), 'Refusionsandel', 'Refusionssats'],
          ['R', 'Rund', 'Reduktion', 'Sygedagpenge', ...four(-1001), ...four(10.4), 1 / 3, 0.5],
        ],
        'Forslag',
      ),
      scenarioSheet([['Enhed', '1.000 kr.']]),
    ];
    const s = inScenario(explainProposal(book, { nr: 'R' }), 'Basis');
    expect(step(s, 'udgift')?.amounts).toEqual(four(-1001));
    expect(step(s, 'refusion')?.amounts).toEqual(four(167));
    expect(step(s, 'investering')?.amounts).toEqual(four(10));
    expect(s.netto).toEqual(four(-824));
    expectPartsAddUp(s);
    const resultat = runWorkbook(book).results?.outputs.find((o) => o.name === 'Resultat');
    expect(resultat?.values.find((r) => r[0] === 'R')).toContain(-824);
  });

  test('staffing beside stated Investering: the stated part and the staffing part add up to the Investering shown', () => {
    const book = [
      sheet(
        'Forslag',
        [
          [
            'Nr',
            'Titel',
            'Art',
            'Ydelse',
            ...perYear('Udgift'),
            ...perYear('Investering'),
            'Sager',
            'Nuværende årsværk',
            'Årsværkspris',
          ],
          ['C', 'Konsulenter', 'Reduktion', 'Sygedagpenge', ...four(-1000000), 50000, 0, 0, 0, 100, 1, 300000],
        ],
        'Forslag',
      ),
      scenarioSheet([
        ['Caseload', 30],
        ['Caseload Sygedagpenge', 40],
      ]),
    ];
    const s = inScenario(explainProposal(book, { nr: 'C' }), 'Basis');
    expect(rules(s)).toEqual(['udgift', 'investering', 'caseload', 'netto']);
    expect(step(s, 'investering')?.amounts).toEqual([50000, 0, 0, 0]);
    expect(step(s, 'caseload')?.amounts).toEqual(four(450000));
    expect(step(s, 'caseload')?.text).toBe(
      'Bemanding ved caseload 40 (Sygedagpenge): 100 sager / 40 = 2,5 årsværk − 1 nuværende = 1,5 årsværk × årsværkspris 300.000 kr. = +450.000 kr. om året (lægges til Investering)',
    );
    expect(s.netto).toEqual([-500000, -550000, -550000, -550000]);
    expectPartsAddUp(s);
  });
});

describe('every amount in the words carries the workbook’s unit (Enhed)', () => {
  /** Faxe's fastholdelse typed in `unit`: Udgift, Årsværkspris as the unit has them; caseload 40. */
  const fastholdelse = (unit: string, udgift: number, price: number, language?: 'da' | 'en') =>
    inScenario(
      explainProposal(
        [
          sheet(
            'Forslag',
            [
              ['Nr', 'Titel', 'Art', 'Ydelse', ...perYear('Udgift'), 'Sager', 'Nuværende årsværk', 'Årsværkspris'],
              ['F', 'Fastholdelse', 'Reduktion', 'Sygedagpenge', ...four(udgift), 450, 8, price],
            ],
            'Forslag',
          ),
          scenarioSheet([
            ['Enhed', unit],
            ['Caseload', 40],
          ]),
        ],
        { nr: 'F' },
        language,
      ),
      'Basis',
    );

  test('in 1.000 kr. (Årsværkspris typed in the unit, as every amount): the price, the staffing and the status in t.kr.', () => {
    const s = fastholdelse('1.000 kr.', -1200, 400);
    expect(step(s, 'caseload')?.amounts).toEqual(four(1300));
    expect(step(s, 'caseload')?.text).toBe(
      'Bemanding ved caseload 40: 450 sager / 40 = 11,25 årsværk − 8 nuværende = 3,25 årsværk × årsværkspris 400 t.kr. = +1.300 t.kr. om året (lægges til Investering)',
    );
    expect(s.status).toBe('Reduktion: mindsker råderummet med 100 t.kr. om året');
    expect(step(fastholdelse('1.000 kr.', -1200, 400, 'en'), 'caseload')?.text).toContain(
      '× staff cost 400 thousand kr. = +1,300 thousand kr. a year',
    );
  });

  test('a price typed as kroner in a 1.000 kr. workbook reads as typed, in the unit (400.000 t.kr., not 400.000.000 kr.)', () => {
    const s = fastholdelse('1.000 kr.', -1200000, 400000);
    expect(step(s, 'caseload')?.text).toContain('3,25 årsværk × årsværkspris 400.000 t.kr. = +1.300.000 t.kr. om året');
  });

  test('in mio. kr.: one decimal, with the unit', () => {
    const s = fastholdelse('mio. kr.', -1.2, 0.4);
    expect(step(s, 'caseload')?.text).toContain('× årsværkspris 0,4 mio. kr. = +1,3 mio. kr. om året');
    expect(s.status).toBe('Reduktion: mindsker råderummet med 0,1 mio. kr. om året');
    expect(fastholdelse('mio. kr.', -1.2, 0.4, 'en').status).toBe('Reduction: reduces the råderum by 0.1 million kr. a year');
  });
});

describe('the råderum status', () => {
  const reduction = (udgift: number[], investering: number[], language?: 'da' | 'en') =>
    inScenario(
      explainProposal(
        [
          sheet(
            'Forslag',
            [
              ['Nr', 'Titel', 'Art', ...perYear('Udgift'), ...perYear('Investering')],
              ['R', 'Reduktion', 'Reduktion', ...udgift, ...investering],
            ],
            'Forslag',
          ),
          scenarioSheet([]),
        ],
        { nr: 'R' },
        language,
      ),
      'Basis',
    );

  test('a reduction says what it does to the råderum, year by year where the years differ (rule 7)', () => {
    // Hørsholm EBU 5: netto −85.000, then −110.000: the råderum grows every year.
    expect(reduction(four(-110000), [25000, 0, 0, 0]).status).toBe(
      'Reduktion: øger råderummet med 2025: 85.000 kr., 2026: 110.000 kr., 2027: 110.000 kr., 2028: 110.000 kr.',
    );
    // A first year that costs more than it saves takes from the råderum that year only.
    expect(reduction(four(-110000), [150000, 0, 0, 110000]).status).toBe(
      'Reduktion: 2025 mindsker råderummet med 40.000 kr., 2026 øger det med 110.000 kr., 2027 øger det med 110.000 kr., 2028 ændrer det ikke',
    );
    expect(reduction(four(-110000), four(110000)).status).toBe('Reduktion: netto 0; ændrer ikke råderummet');
    expect(reduction(four(-110000), [25000, 0, 0, 0], 'en').status).toBe(
      'Reduction: increases the råderum by 2025: 85,000 kr., 2026: 110,000 kr., 2027: 110,000 kr., 2028: 110,000 kr.',
    );
    expect(reduction(four(-110000), four(210000), 'en').status).toBe('Reduction: reduces the råderum by 100,000 kr. a year');
    expect(reduction(four(-110000), [150000, 0, 0, 110000], 'en').status).toBe(
      'Reduction: 2025 reduces the råderum by 40,000 kr., 2026 increases it by 110,000 kr., 2027 increases it by 110,000 kr., 2028 leaves it as it is',
    );
  });

  test('the råderum available is the pool and what the reductions’ words say they add (the sample’s Råderum sheet)', () => {
    // Each included reduction's status names its effect; their sum is available − pool on the Råderum sheet.
    const book = sample();
    const run = runWorkbook(book).results;
    const raaderum = run?.outputs.find((o) => o.name === 'Råderum');
    if (!raaderum) throw new Error('no Råderum');
    const read = (scenario: string, label: string): number => {
      const band = raaderum.values.findIndex((r) => String(r[0]).startsWith(`Scenarie: ${scenario} ·`));
      const row = raaderum.values.slice(band).find((r) => r[1] === label);
      if (typeof row?.[4] !== 'number') throw new Error(`no ${label} in ${scenario}`);
      return row[4];
    };
    for (const scenario of ['Basis', 'Caseload 40']) {
      let effect = 0;
      let reductions = 0;
      for (const { nr } of readBook(book).book?.proposals ?? []) {
        const s = inScenario(explainProposal(book, { nr }), scenario);
        if (!s.included || !s.status.startsWith('Reduktion')) continue;
        reductions++;
        // 2027's figure: the one figure of every year, or the first of the years'.
        const m = /^Reduktion: (øger|mindsker) råderummet med (?:2027: )?([\d.]+) kr\.( om året$|, 2028: )/.exec(s.status);
        if (!m) throw new Error(`${nr} in ${scenario}: ${s.status}`);
        const amount = Number(m[2].replace(/\./g, ''));
        effect += m[1] === 'øger' ? amount : -amount;
      }
      expect(reductions).toBeGreaterThan(3);
      expect(read(scenario, 'Til rådighed (pulje − reduktioner)') - read(scenario, 'Råderum (pulje)')).toBe(effect);
    }
  });

  test('Prioritet: K-1 funded; K-7 (6.000.000) does not fit in what is left', () => {
    const explain = (nr: string) => inScenario(explainProposal(sample(), { nr }), 'Basis');
    expect(explain('K-1').status).toBe(
      'Bevilget fuldt af råderummet: 2027: +2.200.000 kr., 2028: 0 kr., 2029: 0 kr., 2030: 0 kr.',
    );
    expect(explain('K-1').funded).toEqual([2200000, 0, 0, 0]);
    expect(explain('K-7').status).toBe(
      'Ikke bevilget: der er ikke plads til ønsket 2027: +6.000.000 kr., 2028: 0 kr., 2029: 0 kr., 2030: 0 kr. i råderummet',
    );
    expect(explain('K-7').funded).toEqual(four(0));
  });

  test('Prioritet, delvis: the first request that does not fit is funded in part', () => {
    const partial = inScenario(explainProposal(sample(), { nr: 'K-7' }), 'Flere fuldtidspersoner');
    expect(partial.status).toBe(
      'Delvist bevilget af råderummet: 2027: +3.126.316 kr., 2028: 0 kr., 2029: 0 kr., 2030: 0 kr. af ønsket 2027: +6.000.000 kr., 2028: 0 kr., 2029: 0 kr., 2030: 0 kr.',
    );
    expect(partial.funded).toEqual([3126316, 0, 0, 0]);
  });

  test('a proposal left out (Udelad) says so, and gets no funding', () => {
    const book = sample().map((s) =>
      s.name === 'Scenarier'
        ? { ...s, values: s.values.map((r) => (r[0] === 'Udelad' ? ['Udelad', 'ingen', 'EBU 3, K-1', null] : r)) }
        : s,
    );
    const left = inScenario(explainProposal(book, { nr: 'K-1' }), 'Caseload 40');
    expect(left.included).toBe(false);
    expect(left.status).toBe('Udeladt i scenariet: indgår ikke i summerne eller i råderummet');
    expect(left.funded).toBeUndefined();
    expect(inScenario(explainProposal(book, { nr: 'EBU 3' }), 'Caseload 40').included).toBe(false);
  });
});
