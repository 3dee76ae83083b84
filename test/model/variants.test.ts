/**
 * Variants (issue 13 item 2): a request may come in variants (`Alternativ til`
 * names the main request's Nr); every allocation mode funds at most one member
 * of a group, and a group counts once in the totals, by its main request.
 * The København case: K-8 at 2,5 or 5,0 mio. kr. (seed 004: "Forslag til
 * bevilling 2,5 mio. kr. til intern indsats. Alternativt 5 mio. kr.").
 */
import { allocate, type Request } from '../../src/model/allocation';
import { bookFigures } from '../../src/model/figures';
import { evaluate } from '../../src/model/scenarios';
import type { AllocationMode } from '../../src/model/types';
import { formatIssue } from '../../src/workbook/messages';
import { readBook } from '../../src/workbook/read';
import { readWorkbookSheets } from '../../src/xlsx/sheet-reader';
import * as path from 'path';
import { proposal, scenario } from './builders';

const MIO = 1_000_000;
/** København's requests in mio. kr., K-1..K-8, and K-8's variant at 5,0. */
const AMOUNTS = [2.2, 7.4, 3.2, 4.2, 4.3, 2.9, 6.0, 2.5];

/** K-1..K-7 at priorities 1..7; K-8 alt (5,0) at `altPriority`, K-8 (2,5) at `k8Priority`. */
function koebenhavn(altPriority = 8, k8Priority = 9): Request[] {
  const requests: Request[] = AMOUNTS.slice(0, 7).map((mio, i) => ({
    nr: `K-${i + 1}`,
    amount: [mio * MIO],
    priority: i + 1,
    order: i,
  }));
  requests.push({ nr: 'K-8', amount: [2.5 * MIO], priority: k8Priority, order: 7, variantOf: 'K-8' });
  requests.push({ nr: 'K-8 alt', amount: [5 * MIO], priority: altPriority, order: 8, variantOf: 'K-8' });
  return requests;
}

const byNr = (mode: AllocationMode, pool: number, requests = koebenhavn()) => {
  const a = allocate(mode, [pool * MIO], requests);
  return { allocation: a, of: (nr: string) => a.fundings.find((f) => f.nr === nr)! };
};

describe('Prioritet: the first variant in priority order that fits', () => {
  test('27 mio.: 5,0 does not fit, 2,5 does: K-8 funded, K-8 alt says K-8 is funded instead', () => {
    const { allocation, of } = byNr('priority', 27);
    expect(of('K-8 alt')).toMatchObject({ status: 'unfunded', alternativeFunded: 'K-8' });
    expect(of('K-8')).toMatchObject({ status: 'funded', funded: [2_500_000] });
    expect(of('K-8').alternativeFunded).toBeUndefined();
    // K-1..K-6 (24,2) + K-8 (2,5) = 26,7; left 0,3.
    expect(allocation.funded).toEqual([26_700_000]);
    expect(allocation.remaining).toEqual([300_000]);
  });

  test('30 mio.: 5,0 fits and is funded; K-8 is then skipped though 2,5 would fit in the 0,8 left', () => {
    const { allocation, of } = byNr('priority', 30);
    expect(of('K-8 alt')).toMatchObject({ status: 'funded', funded: [5_000_000] });
    expect(of('K-8')).toMatchObject({ status: 'unfunded', alternativeFunded: 'K-8 alt' });
    expect(allocation.funded).toEqual([29_200_000]);
  });

  test('32 mio. without K-7: room for both (24,2 + 5,0 + 2,5 = 31,7), yet only K-8 alt is funded', () => {
    const withoutK7 = koebenhavn().filter((r) => r.nr !== 'K-7');
    const plain = withoutK7.map(({ variantOf: _, ...r }) => r);
    const both = byNr('priority', 32, plain);
    expect(both.allocation.fundings.filter((f) => f.nr.startsWith('K-8')).map((f) => f.status)).toEqual(['funded', 'funded']);
    const { allocation, of } = byNr('priority', 32, withoutK7);
    expect(of('K-8 alt').status).toBe('funded');
    expect(of('K-8')).toMatchObject({ status: 'unfunded', alternativeFunded: 'K-8 alt' });
    expect(allocation.funded).toEqual([29_200_000]);
  });
});

test('a group of three: the first member in priority order that fits is funded, the others name it', () => {
  const requests: Request[] = [
    { nr: 'K-8 stor', amount: [8], priority: 1, order: 0, variantOf: 'K-8' },
    { nr: 'K-8 alt', amount: [5], priority: 2, order: 1, variantOf: 'K-8' },
    { nr: 'K-8', amount: [2.5], priority: 3, order: 2, variantOf: 'K-8' },
  ];
  const a = allocate('priority', [6], requests);
  expect(a.fundings.map((f) => [f.nr, f.status, f.alternativeFunded])).toEqual([
    ['K-8 stor', 'unfunded', 'K-8 alt'],
    ['K-8 alt', 'funded', undefined],
    ['K-8', 'unfunded', 'K-8 alt'],
  ]);
});

describe('Prioritet, delvis', () => {
  test('a partly funded variant counts as funded: the other member gets nothing and says why', () => {
    // K-7 left out: 24,2 funded, 2,8 left; K-8 alt gets 2,8 of its 5,0 and K-8 nothing.
    const requests = koebenhavn().filter((r) => r.nr !== 'K-7');
    const { allocation, of } = byNr('priority-partial', 27, requests);
    expect(of('K-8 alt').status).toBe('partial');
    expect(of('K-8 alt').funded[0]).toBeCloseTo(2_800_000, 6);
    expect(of('K-8 alt').fraction).toBeCloseTo(0.56, 12);
    expect(of('K-8')).toMatchObject({ status: 'unfunded', alternativeFunded: 'K-8 alt' });
    expect(allocation.funded[0]).toBeCloseTo(27_000_000, 6);
  });

  test('a member skipped because its group is funded is not the request that stops the list', () => {
    // K-8 alt (1) funded, K-8 (2) skipped, X (3) still funded in full.
    const requests: Request[] = [
      { nr: 'K-8 alt', amount: [5], priority: 1, order: 0, variantOf: 'K-8' },
      { nr: 'K-8', amount: [2.5], priority: 2, order: 1, variantOf: 'K-8' },
      { nr: 'X', amount: [1], priority: 3, order: 2 },
    ];
    const a = allocate('priority-partial', [6.5], requests);
    expect(a.fundings.map((f) => [f.nr, f.status])).toEqual([
      ['K-8 alt', 'funded'],
      ['K-8', 'unfunded'],
      ['X', 'funded'],
    ]);
  });
});

describe('Forholdsmæssig: the member first in priority order takes part, the others not', () => {
  test('17,6 mio.: K-1..K-7 and K-8 alt (35,2) get half each; K-8 nothing', () => {
    const { allocation, of } = byNr('proportional', 17.6);
    for (const f of allocation.fundings.filter((x) => x.nr !== 'K-8')) expect(f.fraction).toBeCloseTo(0.5, 12);
    expect(of('K-8 alt').funded[0]).toBeCloseTo(2_500_000, 6);
    expect(of('K-8')).toMatchObject({ status: 'unfunded', fraction: 0, alternativeFunded: 'K-8 alt' });
    expect(allocation.funded[0]).toBeCloseTo(17_600_000, 6);
  });

  test('with K-8 first in priority order, K-8 takes part and K-8 alt does not', () => {
    const { of } = byNr('proportional', 16.35, koebenhavn(9, 8));
    // 32,7 asked (K-1..K-8): every one half.
    expect(of('K-8').fraction).toBeCloseTo(0.5, 12);
    expect(of('K-8 alt')).toMatchObject({ status: 'unfunded', alternativeFunded: 'K-8' });
  });

  test('when nothing is funded, no member names another', () => {
    const { of } = byNr('proportional', 0);
    expect(of('K-8').alternativeFunded).toBeUndefined();
    expect(of('K-8 alt').alternativeFunded).toBeUndefined();
  });
});

describe('Bedste udnyttelse: the best variant', () => {
  test('28,3 mio.: without the group K-8 and K-8 alt together fill it; with it the best set takes K-8 alt', () => {
    const { allocation, of } = byNr('best-fill', 28.3);
    expect(allocation.fundings.filter((f) => f.status === 'funded').map((f) => f.nr)).toEqual([
      'K-1',
      'K-2',
      'K-3',
      'K-5',
      'K-7',
      'K-8 alt',
    ]);
    expect(of('K-8')).toMatchObject({ status: 'unfunded', alternativeFunded: 'K-8 alt' });
    expect(allocation.funded[0]).toBeCloseTo(28_100_000, 6);
    // Without the group the search reaches 28,3 with both K-8 and K-8 alt.
    const plain = koebenhavn().map(({ variantOf: _, ...r }) => r);
    const both = allocate('best-fill', [28.3 * MIO], plain);
    expect(both.fundings.filter((f) => f.nr.startsWith('K-8')).every((f) => f.status === 'funded')).toBe(true);
  });

  test('30 mio.: the best set holds K-8 (2,5) with 29,8, not K-8 alt', () => {
    const { allocation, of } = byNr('best-fill', 30);
    expect(of('K-8').status).toBe('funded');
    expect(of('K-8 alt')).toMatchObject({ status: 'unfunded', alternativeFunded: 'K-8' });
    expect(allocation.funded[0]).toBeCloseTo(29_800_000, 6);
  });
});

describe('in the engine: groups from Alternativ til, totals, figures', () => {
  const proposals = [
    proposal({ nr: 'K-7', udgift: [6 * MIO], priority: 1, order: 0, statedKind: 'Udvidelse', committee: 'BIU' }),
    proposal({ nr: 'K-8', udgift: [2.5 * MIO], priority: 3, order: 1, statedKind: 'Udvidelse', committee: 'BIU' }),
    proposal({
      nr: 'K-8 alt',
      udgift: [5 * MIO],
      priority: 2,
      order: 2,
      statedKind: 'Udvidelse',
      committee: 'BIU',
      alternativeTo: 'K-8',
    }),
    proposal({ nr: 'R-1', udgift: [-1 * MIO], order: 3, statedKind: 'Reduktion', committee: 'Økonomi' }),
  ];
  const book = (mode: AllocationMode, pool: number) => ({
    years: [2025],
    proposals,
    scenarios: [scenario({ pool: [pool * MIO], mode })],
  });

  test('a group counts once in total netto and in its Udvalg, by its main request; every sum adds up', () => {
    const figures = bookFigures(evaluate(book('priority', 10)), 1).scenarios[0];
    // 6,0 + 2,5 − 1,0: K-8 alt is an alternative, not a further need.
    expect(figures.totalNetto).toEqual([7_500_000]);
    expect(figures.committees.map((c) => [c.committee, c.proposals.map((p) => p.nr), c.total.netto])).toEqual([
      ['BIU', ['K-7', 'K-8'], [8_500_000]],
      ['Økonomi', ['R-1'], [-1_000_000]],
    ]);
    expect(figures.committees.reduce((sum, c) => sum + c.total.netto[0], 0)).toBe(figures.totalNetto[0]);
    // Listed, with its main request's Nr.
    expect(figures.proposals.map((p) => [p.nr, p.alternativeTo])).toEqual([
      ['K-7', undefined],
      ['K-8', undefined],
      ['K-8 alt', 'K-8'],
      ['R-1', undefined],
    ]);
  });

  test('the requests carry the group: 11 available (10 + the reduction), K-7 and K-8 alt funded, K-8 says why', () => {
    const figures = bookFigures(evaluate(book('priority', 10)), 1).scenarios[0];
    expect(figures.available).toEqual([11_000_000]);
    expect(figures.requests.map((r) => [r.nr, r.status, r.funded[0], r.alternativeTo, r.alternativeFunded])).toEqual([
      ['K-7', 'funded', 6_000_000, undefined, undefined],
      ['K-8 alt', 'funded', 5_000_000, 'K-8', undefined],
      ['K-8', 'unfunded', 0, undefined, 'K-8 alt'],
    ]);
    expect(figures.funded).toEqual([11_000_000]);
    expect(figures.effect).toEqual([10_000_000]);
    expect(figures.remaining).toEqual([0]);
  });

  test.each<AllocationMode>(['priority', 'priority-partial', 'best-fill', 'proportional'])(
    '%s funds at most one member of the group, with room for both',
    (mode) => {
      const figures = bookFigures(evaluate(book(mode, 20)), 1).scenarios[0];
      const members = figures.requests.filter((r) => r.nr.startsWith('K-8'));
      expect(members.filter((r) => r.status !== 'unfunded')).toHaveLength(1);
    },
  );

  test('a variant or a main request that is a reduction (by Art or by the base netto) is a problem at its cell', () => {
    const place = { sheet: 'Forslag', row: 3, column: 6 };
    const reduced = [
      proposals[0],
      { ...proposals[1], statedKind: undefined, udgift: [-2.5 * MIO], places: { row: { sheet: 'Forslag', row: 2, column: 0 } } },
      { ...proposals[2], statedKind: 'Reduktion' as const, places: { alternativeTo: place } },
    ];
    const issues = evaluate({ years: [2025], proposals: reduced, scenarios: [scenario({ pool: [0] })] }).issues;
    expect(issues.filter((i) => i.severity === 'problem').map((i) => formatIssue(i))).toEqual([
      'Forslag!A3: K-8 har alternativer, men er en reduktion; kun udvidelser kan have alternativer',
      'Forslag!G4: K-8 alt er alternativ til K-8, men er en reduktion; kun udvidelser kan være alternativer',
    ]);
  });

  test('a main request left out (Udelad): its variant still asks (11 available: funded), and counts in no total', () => {
    const s = scenario({ name: 'Uden K-8', pool: [10 * MIO], excluded: ['K-8'] });
    const figures = bookFigures(evaluate({ years: [2025], proposals, scenarios: [s] }), 1).scenarios[0];
    expect(figures.requests.map((r) => [r.nr, r.status])).toEqual([
      ['K-7', 'funded'],
      ['K-8 alt', 'funded'],
    ]);
    // K-7 6,0 and R-1 −1,0: the group counts nothing in total netto; what is funded counts in the budget effect.
    expect(figures.totalNetto).toEqual([5_000_000]);
    expect(figures.effect).toEqual([10_000_000]);
    // Said in a warning (the run goes on).
    const issues = evaluate({ years: [2025], proposals, scenarios: [scenario({ pool: [0] }), s] }).issues;
    expect(issues.map((i) => [i.severity, formatIssue(i)])).toEqual([
      [
        'warning',
        '"Uden K-8" udelader K-8, men ikke dets alternativer K-8 alt: de søger stadig råderum og tælles ikke med i netto i alt; udelad dem også, eller gør et af dem til hovedønske',
      ],
    ]);
  });
});

describe('the København workbook (test/fixtures/variants, made by scripts/make-variant-fixtures.py)', () => {
  const FILE = path.join(__dirname, '..', 'fixtures', 'variants', 'koebenhavn-varianter.xlsx');
  const EXPECTED: Record<string, { funded: number; left: number; k8alt: [string, number]; k8: [string, number]; netto: number }> =
    {
      'Prioritet 27': { funded: 26_700_000, left: 300_000, k8alt: ['unfunded', 0], k8: ['funded', 2_500_000], netto: 32_700_000 },
      'Prioritet 30': { funded: 29_200_000, left: 800_000, k8alt: ['funded', 5_000_000], k8: ['unfunded', 0], netto: 32_700_000 },
      'Delvis 27 uden K-7': {
        funded: 27_000_000,
        left: 0,
        k8alt: ['partial', 2_800_000],
        k8: ['unfunded', 0],
        netto: 26_700_000,
      },
      'Bedste 28,3': { funded: 28_100_000, left: 200_000, k8alt: ['funded', 5_000_000], k8: ['unfunded', 0], netto: 32_700_000 },
      'Forholdsmæssig 17,6': {
        funded: 17_600_000,
        left: 0,
        k8alt: ['partial', 2_500_000],
        k8: ['unfunded', 0],
        netto: 32_700_000,
      },
    };

  test('every mode funds K-8 at 2,5 or 5,0, never both, to the krone', async () => {
    const read = readBook((await readWorkbookSheets(FILE)).sheets);
    expect(read.issues.map((i) => formatIssue(i))).toEqual([]);
    expect(read.book!.proposals.find((p) => p.nr === 'K-8 alt')?.alternativeTo).toBe('K-8');
    const figures = bookFigures(evaluate(read.book!), 1);
    expect(figures.scenarios.map((s) => s.name)).toEqual(Object.keys(EXPECTED));
    for (const s of figures.scenarios) {
      const want = EXPECTED[s.name];
      const of = (nr: string) => s.requests.find((r) => r.nr === nr)!;
      expect([s.name, s.funded[0], s.remaining[0], s.totalNetto[0]]).toEqual([s.name, want.funded, want.left, want.netto]);
      // What is asked counts the group once, by K-8, like total netto (here every proposal is a request).
      expect([s.name, s.requested[0]]).toEqual([s.name, want.netto]);
      expect([s.name, of('K-8 alt').status, of('K-8 alt').funded[0]]).toEqual([s.name, ...want.k8alt]);
      expect([s.name, of('K-8').status, of('K-8').funded[0]]).toEqual([s.name, ...want.k8]);
      // The one not funded names the one that is.
      const unfunded = of('K-8').status === 'unfunded' ? of('K-8') : of('K-8 alt');
      expect(unfunded.alternativeFunded).toBe(unfunded.nr === 'K-8' ? 'K-8 alt' : 'K-8');
      // The funded amounts add up to the total funded, and with what is left to what is available.
      expect(s.requests.reduce((sum, r) => sum + r.funded[0], 0)).toBe(s.funded[0]);
      expect(s.funded[0] + s.remaining[0]).toBe(s.available[0]);
    }
  });
});

describe('a change from the previous run (the pane edits a proposal, the figures are made from the last ones)', () => {
  const base = [1, 2, 3, 4, 5, 6, 7, 8].map((k) =>
    proposal({ nr: `P-${k}`, udgift: [k * MIO], priority: k, order: k, statedKind: 'Udvidelse', committee: 'BIU' }),
  );
  const run = (
    proposals: typeof base,
    previous?: { evaluation: ReturnType<typeof evaluate>; figures: ReturnType<typeof bookFigures> },
  ) => {
    const evaluation = evaluate(
      { years: [2025], proposals, scenarios: [scenario({ pool: [10 * MIO] })] },
      previous && { previous: previous.evaluation },
    );
    return { evaluation, figures: bookFigures(evaluation, 1, previous && { previous: previous.figures }) };
  };

  const withVariant = base.map((p) => (p.nr === 'P-8' ? { ...p, alternativeTo: 'P-7' } : p));
  const withoutVariant = withVariant.map((p) => (p.nr === 'P-8' ? { ...p, alternativeTo: undefined } : p));
  test.each([
    ['becomes a variant', base, withVariant],
    ['is no longer a variant', withVariant, withoutVariant],
  ])('a proposal that %s: the same figures as a run from scratch', (_, from, changed) => {
    const incremental = run(changed, run(from)).figures.scenarios[0];
    const scratch = run(changed).figures.scenarios[0];
    expect(incremental.totalNetto).toEqual(scratch.totalNetto);
    expect(incremental.committees).toEqual(scratch.committees);
    expect(incremental.requests.map((r) => [r.nr, r.status, r.alternativeFunded])).toEqual(
      scratch.requests.map((r) => [r.nr, r.status, r.alternativeFunded]),
    );
  });

  test("a variant with a blank Prioritet stands at its main request's place in the priority order", () => {
    const proposals = [
      proposal({ nr: 'A', udgift: [4 * MIO], priority: 1, order: 0, statedKind: 'Udvidelse' }),
      proposal({ nr: 'B', udgift: [3 * MIO], priority: 2, order: 1, statedKind: 'Udvidelse' }),
      proposal({ nr: 'C', udgift: [5 * MIO], priority: 3, order: 2, statedKind: 'Udvidelse' }),
      proposal({ nr: 'A alt', udgift: [2 * MIO], order: 3, statedKind: 'Udvidelse', alternativeTo: 'A' }),
    ];
    const figures = bookFigures(evaluate({ years: [2025], proposals, scenarios: [scenario({ pool: [7 * MIO] })] }), 1);
    expect(figures.scenarios[0].requests.map((r) => [r.nr, r.status])).toEqual([
      ['A', 'funded'],
      ['A alt', 'unfunded'],
      ['B', 'funded'],
      ['C', 'unfunded'],
    ]);
  });
});
