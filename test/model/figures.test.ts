/** The core's final figures (rules 6, 7, 9) and the steps behind each netto; expected values typed by hand. */
import { bookFigures, compareScenarios, inUnit } from '../../src/model/figures';
import { evaluate, nettoSteps } from '../../src/model/scenarios';
import type { Book } from '../../src/model/types';
import { proposal, scenario } from './builders';

const MIO = 1_000_000;
const TENTH_OF_A_MILLION = 100_000;

describe('rule 6: an allocation that fits is never shown as an overdraft', () => {
  // domain.md: in mio. kr. a pool of 1,0 with requests of 0,45 and 0,55 (an exact fit).
  const book: Book = {
    years: [2026],
    proposals: [
      proposal({ nr: 'A', udgift: [450_000], priority: 1 }),
      proposal({ nr: 'B', udgift: [550_000], priority: 2, order: 1 }),
    ],
    scenarios: [scenario({ pool: [MIO] })],
  };

  test('Bevilget adds up to 1,0 and Tilbage is 0,0; each funded amount within one step of its own value', () => {
    const [s] = bookFigures(evaluate(book), TENTH_OF_A_MILLION).scenarios;
    expect(inUnit(s.available, MIO)).toEqual([1]);
    expect(s.requests.map((r) => r.status)).toEqual(['funded', 'funded']);
    // Asked for as rounded leaves: 0,5 and 0,6 (half away from zero).
    expect(s.requests.map((r) => inUnit(r.request, MIO))).toEqual([[0.5], [0.6]]);
    // Funded: by largest remainder within the year, the first of two equal remainders gets the step.
    expect(s.requests.map((r) => inUnit(r.funded, MIO))).toEqual([[0.5], [0.5]]);
    expect(inUnit(s.funded, MIO)).toEqual([1]);
    expect(inUnit(s.remaining, MIO)).toEqual([0]);
    expect(inUnit(s.effect, MIO)).toEqual([1]);
  });

  test('in whole kroner the same allocation is exact', () => {
    const [s] = bookFigures(evaluate(book), 1).scenarios;
    expect(s.requests.map((r) => r.funded)).toEqual([[450_000], [550_000]]);
    expect(s.remaining).toEqual([0]);
    expect(s.remainingShare).toEqual([0]);
    expect(s.requests.map((r) => r.shownShare)).toEqual([[0.45], [0.55]]);
    expect(s.fundedShare).toEqual([1]);
  });
});

describe('subtotals per Udvalg and shares', () => {
  const book: Book = {
    years: [2026, 2027],
    proposals: [
      proposal({ nr: 'R1', udgift: [-300_000, -300_000], committee: 'Beskæftigelse', statedKind: 'Reduktion' }),
      proposal({ nr: 'U1', udgift: [100_000, 100_000], committee: 'Social', order: 1, priority: 1 }),
      proposal({ nr: 'R2', udgift: [-200_000, 0], committee: 'Beskæftigelse', order: 2, statedKind: 'Reduktion' }),
      proposal({ nr: 'U2', udgift: [200_000, 200_000], committee: 'Social', order: 3, priority: 2 }),
      proposal({ nr: 'U3', udgift: [50_000, 50_000], committee: 'Social', order: 4, priority: 3 }),
    ],
    scenarios: [scenario({ pool: [0, 0], excluded: ['U3'] })],
  };
  const [s] = bookFigures(evaluate(book), 1).scenarios;

  test('the included proposals are grouped by Udvalg in the order first met, each with its sum', () => {
    expect(s.committees.map((c) => [c.committee, c.proposals.map((p) => p.nr), c.total.netto])).toEqual([
      ['Beskæftigelse', ['R1', 'R2'], [-500_000, -300_000]],
      ['Social', ['U1', 'U2'], [300_000, 300_000]],
    ]);
    expect(s.total.netto).toEqual([-200_000, 0]);
    expect(s.totalNetto).toEqual([-200_000, 0]);
  });

  test('available is the pool less the reductions; the shares of what is available add up to 100,0 %', () => {
    expect(s.reductions).toEqual([-500_000, -300_000]);
    expect(s.available).toEqual([500_000, 300_000]);
    expect(s.requests.map((r) => [r.nr, r.status])).toEqual([
      ['U1', 'funded'],
      ['U2', 'funded'],
    ]);
    expect(s.requested).toEqual([300_000, 300_000]);
    expect(s.remaining).toEqual([200_000, 0]);
    expect(s.requests.map((r) => r.shownShare)).toEqual([
      [0.2, 0.333],
      [0.4, 0.667],
    ]);
    expect(s.fundedShare).toEqual([0.6, 1]);
    expect(s.remainingShare).toEqual([0.4, 0]);
  });
});

describe('rule 9: comparison against any reference scenario', () => {
  const book: Book = {
    years: [2026],
    proposals: [
      proposal({ nr: 'A', udgift: [-100_000], benefit: 'kontanthjaelp', fullTimePersons: 100, statedKind: 'Reduktion' }),
      proposal({ nr: 'B', udgift: [40_000], order: 1, priority: 1 }),
    ],
    scenarios: [
      scenario({ name: 'Basis', pool: [0] }),
      scenario({ name: 'Flere', pool: [0], fullTimePersonsByBenefit: { kontanthjaelp: 150 } }),
      scenario({ name: 'Uden B', pool: [0], excluded: ['B'] }),
    ],
  };
  const figures = bookFigures(evaluate(book), 1);

  test('the sheets compare every scenario with the base', () => {
    expect(figures.comparisons.map((c) => [c.scenario, c.reference])).toEqual([
      ['Flere', 'Basis'],
      ['Uden B', 'Basis'],
    ]);
    const [flere] = figures.comparisons;
    expect(flere.proposals[0]).toMatchObject({ nr: 'A', reference: [-100_000], scenario: [-150_000], difference: [-50_000] });
    expect(flere.available).toEqual({ reference: [100_000], scenario: [150_000], difference: [50_000] });
    expect(flere.effect).toEqual({ reference: [-60_000], scenario: [-110_000], difference: [-50_000] });
  });

  test('any scenario against any other: a proposal left out counts as 0 and is marked', () => {
    const [, flere, udenB] = figures.scenarios;
    const c = compareScenarios(udenB, flere);
    expect(c.reference).toBe('Flere');
    expect(c.proposals[1]).toEqual({
      nr: 'B',
      title: 'B',
      excludedInReference: false,
      excludedInScenario: true,
      reference: [40_000],
      scenario: [0],
      difference: [-40_000],
    });
    expect(c.totalNetto).toEqual({ reference: [-110_000], scenario: [-100_000], difference: [10_000] });
    expect(c.funded).toEqual({ reference: [40_000], scenario: [0], difference: [-40_000] });
    expect(c.remaining).toEqual({ reference: [110_000], scenario: [100_000], difference: [-10_000] });
  });
});

describe('rule 9 for the råderum: what changes in funding between scenarios', () => {
  // Two requests of 60.000 and 50.000 in priority order; a pool of 100.000 funds the first only
  // (Prioritet), a pool of 50.000 funds neither whole but the second partly (Prioritet, delvis).
  const book: Book = {
    years: [2026],
    proposals: [
      proposal({ nr: 'R1', udgift: [60_000], priority: 1 }),
      proposal({ nr: 'R2', udgift: [50_000], priority: 2, order: 1 }),
      proposal({ nr: 'R3', udgift: [10_000], priority: 3, order: 2 }),
    ],
    scenarios: [
      scenario({ name: 'Basis', pool: [100_000] }),
      scenario({ name: 'Stram', pool: [50_000], mode: 'priority-partial' }),
      scenario({ name: 'Uden R3', pool: [100_000], excluded: ['R3'] }),
    ],
  };
  const [stram, udenR3] = bookFigures(evaluate(book), 1).comparisons;

  test('each request with its status in both scenarios and its funded amount before and after', () => {
    expect(stram.requests).toEqual([
      {
        nr: 'R1',
        title: 'R1',
        statusInReference: 'funded',
        statusInScenario: 'partial',
        funded: { reference: [60_000], scenario: [50_000], difference: [-10_000] },
        changed: true,
      },
      {
        nr: 'R2',
        title: 'R2',
        statusInReference: 'unfunded',
        statusInScenario: 'unfunded',
        funded: { reference: [0], scenario: [0], difference: [0] },
        changed: false,
      },
      {
        nr: 'R3',
        title: 'R3',
        statusInReference: 'funded',
        statusInScenario: 'unfunded',
        funded: { reference: [10_000], scenario: [0], difference: [-10_000] },
        changed: true,
      },
    ]);
  });

  test('a request left out of one scenario has no status there and counts as funded 0', () => {
    expect(udenR3.requests.map((r) => r.nr)).toEqual(['R1', 'R2', 'R3']);
    expect(udenR3.requests[2]).toMatchObject({
      statusInReference: 'funded',
      statusInScenario: undefined,
      funded: { reference: [10_000], scenario: [0], difference: [-10_000] },
      changed: true,
    });
  });
});

describe('the steps behind a netto', () => {
  test('Faxe fastholdelse at caseload 40: the stated Udgift, the staffing and the netto', () => {
    const book: Book = {
      years: [2026],
      proposals: [
        proposal({
          nr: 'BIU_F_03',
          udgift: [-1_200_000],
          benefit: 'sygedagpenge',
          staffing: { cases: 450, currentStaff: 8, staffPrice: 400_000 },
        }),
      ],
      scenarios: [scenario({ caseload: 45 }), scenario({ name: 'Caseload 40', caseloadByBenefit: { sygedagpenge: 40 } })],
    };
    const [base, forty] = book.scenarios.map((s) => ({ steps: nettoSteps(book.proposals[0], s) }));
    expect(base.steps).toEqual([
      { rule: 'udgift', udgift: [-1_200_000] },
      {
        rule: 'caseload',
        cases: 450,
        caseload: 45,
        caseloadFor: undefined,
        currentStaff: 8,
        staffPrice: 400_000,
        staffNeeded: 10,
        cost: 800_000,
      },
      { rule: 'netto', netto: [-400_000] },
    ]);
    expect(forty.steps[1]).toMatchObject({
      caseload: 40,
      caseloadFor: 'sygedagpenge',
      staffNeeded: 11.25,
      cost: 1_300_000,
    });
    expect(forty.steps[2]).toEqual({ rule: 'netto', netto: [100_000] });
  });

  test('Hørsholm EBU 1 at 130 fuldtidspersoner: the scaling, the stated Investering', () => {
    const book: Book = {
      years: [2026],
      proposals: [
        proposal({ nr: 'EBU 1', udgift: [-900_000], investering: [550_000], benefit: 'kontanthjaelp', fullTimePersons: 114 }),
      ],
      scenarios: [scenario({ fullTimePersonsByBenefit: { kontanthjaelp: 130 } })],
    };
    const steps = nettoSteps(book.proposals[0], book.scenarios[0]);
    expect(steps.map((s) => s.rule)).toEqual(['udgift', 'volume', 'investering', 'netto']);
    expect(steps[1]).toMatchObject({ benefit: 'kontanthjaelp', rowVolume: 114, scenarioVolume: 130 });
    expect(Math.round((steps[1] as { udgift: readonly number[] }).udgift[0])).toBe(-1_026_316);
  });

  test('refusion: the row’s own rate, the scenario’s rate, or the staircase', () => {
    const book: Book = {
      years: [2026],
      proposals: [
        proposal({ nr: 'Mentor', udgift: [-1_500], refusionShare: 2 / 3, refusionRate: 0.5 }),
        proposal({ nr: 'Sats', udgift: [-1_000], refusionShare: 1, benefit: 'kontanthjaelp', order: 1 }),
        proposal({ nr: 'Trappe', udgift: [-1_000], refusionShare: 1, benefit: 'sygedagpenge', order: 2 }),
      ],
      scenarios: [
        scenario({
          refusionByBenefit: { kontanthjaelp: { rate: 0.3 }, sygedagpenge: { durationShares: [0.1, 0.2, 0.2, 0.5] } },
        }),
      ],
    };
    const refusion = book.proposals.map((p) => nettoSteps(p, book.scenarios[0]).find((s) => s.rule === 'refusion'));
    expect(refusion.map((s) => s && [s.source, s.rate])).toEqual([
      ['row', 0.5],
      ['scenario', 0.3],
      ['staircase', expect.closeTo(0.32, 12)],
    ]);
    expect(refusion[2]).toMatchObject({ durationShares: [0.1, 0.2, 0.2, 0.5] });
    expect(Math.round((refusion[0] as { refusion: readonly number[] }).refusion[0])).toBe(500);
  });
});

describe('rule 6 with reductions: rounded reductions never make a fit look like an overdraft', () => {
  // mio. kr.: pool 1,0; three reductions of −0,04 (each shown as 0,0); one request of 1,12 — an exact fit.
  const book: Book = {
    years: [2026],
    proposals: [
      proposal({ nr: 'R1', udgift: [-40_000], statedKind: 'Reduktion' }),
      proposal({ nr: 'R2', udgift: [-40_000], statedKind: 'Reduktion', order: 1 }),
      proposal({ nr: 'R3', udgift: [-40_000], statedKind: 'Reduktion', order: 2 }),
      proposal({ nr: 'U', udgift: [1_120_000], order: 3, priority: 1 }),
    ],
    scenarios: [scenario({ pool: [MIO] })],
  };

  test('shown available is 1,0, so Bevilget is 1,0 and Tilbage 0,0', () => {
    const [s] = bookFigures(evaluate(book), TENTH_OF_A_MILLION).scenarios;
    expect(s.requests.map((r) => r.status)).toEqual(['funded']);
    expect(inUnit(s.reductions, MIO)).toEqual([0]);
    expect(inUnit(s.available, MIO)).toEqual([1]);
    expect(inUnit(s.funded, MIO)).toEqual([1]);
    expect(inUnit(s.remaining, MIO)).toEqual([0]);
  });
});

test('netto per fuldtidsperson is whole kroner from the exact netto, whatever the unit (Hørsholm EBU 1: −3.070)', () => {
  const book: Book = {
    years: [2026],
    proposals: [
      proposal({ nr: 'EBU 1', udgift: [-900_000], investering: [550_000], benefit: 'kontanthjaelp', fullTimePersons: 114 }),
    ],
    scenarios: [scenario()],
  };
  for (const step of [1, 1000, TENTH_OF_A_MILLION]) {
    const [s] = bookFigures(evaluate(book), step).scenarios;
    expect(s.proposals[0].nettoPerPerson).toEqual([-3070]);
  }
});
