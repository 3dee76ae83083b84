/** Rule 6a: one absolute tolerance of a millionth of a krone, exact rounding up to 10^12 kr. */
import fc from 'fast-check';
import { allocate, fundingStatus } from '../../src/model/allocation';
import { largestRemainder, MAX_AMOUNT, roundHalfAwayFromZero, roundToTotal, TOLERANCE } from '../../src/model/rounding';
import { DURATION_SHARES_SLACK, FRACTION_NOISE, staircaseSharesAddUp } from '../../src/model/rules';
import { evaluate } from '../../src/model/scenarios';
import { proposal, scenario } from './builders';

test('the tolerance is a millionth of a krone and exact amounts reach 10^12 kr.', () => {
  expect(TOLERANCE).toBe(0.000001);
  expect(MAX_AMOUNT).toBe(1e12);
});

test('a billion stays a billion, and just below a half rounds down (issue 7)', () => {
  expect(roundHalfAwayFromZero(-1_000_000_000)).toBe(-1_000_000_000);
  expect(roundHalfAwayFromZero(600_000_000)).toBe(600_000_000);
  expect(roundHalfAwayFromZero(1_000_000.499)).toBe(1_000_000);
  expect(roundHalfAwayFromZero(-1_000_000.499)).toBe(-1_000_000);
  expect(roundHalfAwayFromZero(1_000_000_000_000)).toBe(1_000_000_000_000);
  // Binary noise for an exact half is still a half.
  expect(roundHalfAwayFromZero(12.4999999999998)).toBe(13);
  expect(roundHalfAwayFromZero(1.2345 * 1000)).toBe(1235);
  expect(roundHalfAwayFromZero(0.49999999999999994)).toBe(1);
  expect(roundHalfAwayFromZero(0.4999)).toBe(0);
  expect(roundHalfAwayFromZero(-0.4)).toBe(0);
  expect(Object.is(roundHalfAwayFromZero(-0.4), -0)).toBe(false);
});

describe.each([1, 1000, 100_000])('rounding to a step of %p kr. is exact for every amount up to 10^12 kr.', (step) => {
  const multiples = fc.integer({ min: 0, max: Math.floor(MAX_AMOUNT / step) - 1 });
  const sign = fc.constantFrom(1, -1);

  test('a multiple of the step stays itself', () => {
    fc.assert(
      fc.property(multiples, sign, (k, s) => {
        expect(roundHalfAwayFromZero(s * k * step, step)).toBe(s * k * step || 0);
      }),
      { numRuns: 2000 },
    );
  });

  test('a half goes away from zero', () => {
    fc.assert(
      fc.property(multiples, sign, (k, s) => {
        expect(roundHalfAwayFromZero(s * (k + 0.5) * step, step)).toBe(s * (k + 1) * step);
      }),
      { numRuns: 2000 },
    );
  });

  test('a thousandth of a krone below a half goes towards zero, and one above it away', () => {
    fc.assert(
      fc.property(multiples, sign, (k, s) => {
        expect(roundHalfAwayFromZero(s * (k * step + step / 2 - 0.001), step)).toBe(s * k * step || 0);
        expect(roundHalfAwayFromZero(s * (k * step + step / 2 + 0.001), step)).toBe(s * (k + 1) * step);
      }),
      { numRuns: 2000 },
    );
  });
});

test('what is available is 0 up to the tolerance: statuses follow and no request gets a share of noise', () => {
  const noise = -0.3 - (-0.1 + -0.2); // 5.55e-17
  expect(noise).not.toBe(0);
  const requests = [
    { nr: 'Beder', amount: [100], priority: 1, order: 0 },
    { nr: 'Betaler tilbage', amount: [-50], priority: 2, order: 1 },
  ];
  const partial = allocate('priority-partial', [noise], requests);
  expect(partial.available).toEqual([0]);
  expect(partial.fundings.map((f) => [f.nr, f.status, f.fraction, f.funded])).toEqual([
    ['Beder', 'unfunded', 0, [0]],
    ['Betaler tilbage', 'unfunded', 0, [0]],
  ]);
  const proportional = allocate('proportional', [noise], requests);
  expect(proportional.fundings.map((f) => f.status)).toEqual(['unfunded', 'unfunded']);
});

test('a status is decided by the amounts up to the tolerance, not by the fraction', () => {
  // A fraction off by its binary noise: 100.000 kr. × 10^-12 is a tenth of the tolerance.
  expect(fundingStatus([100_000], 1 - FRACTION_NOISE)).toBe('funded');
  expect(fundingStatus([100_000], FRACTION_NOISE)).toBe('unfunded');
  expect(fundingStatus([1_000_000], 0.5)).toBe('partial');
  expect(fundingStatus([0, 0], 1)).toBe('funded');
  expect(fundingStatus([0, 0], 0)).toBe('unfunded');
  // A fraction of a billion short by a thousandth of a krone is a real shortfall.
  expect(fundingStatus([1e9], 1 - 0.001 / 1e9)).toBe('partial');
});

test('shares made from amounts: on a per-mille boundary up to the tolerance, adding up with what is left', () => {
  // 1,005 of 1.000 kr. is 100,5 % in binary noise (1.005 * 1000 = 1004.9999999999999).
  expect(largestRemainder([1005, -5], 1000, 1000)).toEqual([1.005, -0.005]);
  expect(largestRemainder([300_000, 700_000], 1000, 1_000_000)).toEqual([0.3, 0.7]);
  const thirds = largestRemainder([1, 1, 1], 1000, 3);
  expect(Math.abs(thirds.reduce((a, b) => a + b, 0) - 1)).toBeLessThanOrEqual(FRACTION_NOISE);
});

test('duration shares add up within 0,1 percentage point, binary noise aside (rule 3)', () => {
  expect(DURATION_SHARES_SLACK).toBe(0.001);
  // 0,101 + 0,2 + 0,2 + 0,5 is 1,0010000000000001 in binary: still within 0,1 point.
  expect(staircaseSharesAddUp([0.101, 0.2, 0.2, 0.5])).toBe(true);
  expect(staircaseSharesAddUp([0.099, 0.2, 0.2, 0.5])).toBe(true);
  expect(staircaseSharesAddUp([0.102, 0.2, 0.2, 0.5])).toBe(false);
  expect(staircaseSharesAddUp([0.098, 0.2, 0.2, 0.5])).toBe(false);
});

test('figures beyond 10^12 kr. or not finite are problems in the scenario, never output', () => {
  const s = scenario({
    place: { sheet: 'Scenarier', row: 0, column: 1 },
    pool: [0],
    caseload: 1e-300,
    fullTimePersonsByBenefit: { kontanthjaelp: 1e12 },
  });
  const book = {
    years: [2025],
    proposals: [
      proposal({ nr: 'Skaleret', udgift: [900_000], benefit: 'kontanthjaelp', fullTimePersons: 1 }),
      proposal({ nr: 'Caseload', udgift: [0], staffing: { cases: 10, currentStaff: 0, staffPrice: 400_000 } }),
      proposal({ nr: 'Fint', udgift: [1] }),
    ],
    scenarios: [s],
  };
  const evaluation = evaluate(book);
  expect(evaluation.issues.map((i) => [i.code, i.params.nr, i.place])).toEqual([
    ['amountTooLarge', 'Skaleret', s.place],
    ['amountTooLarge', 'Caseload', s.place],
  ]);
  expect(evaluation.scenarios[0].allocation.fundings).toEqual([]);
});

test('sums of a year beyond 10^12 kr. are a problem too, though each amount is within', () => {
  const book = {
    years: [2025, 2026],
    proposals: [proposal({ nr: 'A', udgift: [6e11, 1] }), proposal({ nr: 'B', udgift: [6e11, 1] })],
    scenarios: [scenario({ pool: [0, 0] })],
  };
  expect(evaluate(book).issues.map((i) => [i.code, i.params.year])).toEqual([['totalTooLarge', 2025]]);
});

test('shares: a tie in remainders goes to the first in order, not to binary noise (rule 6a)', () => {
  // 3,2, 7,4 and 1,1 of 21,0 all end in ,38095… ‰ units: the unit goes to the first in order (3,2).
  expect(largestRemainder([2.2e6, 3.2e6, 7.4e6, 4.2e6, 2.9e6, 1.1e6], 1000, 21e6)).toEqual([
    0.105, 0.153, 0.352, 0.2, 0.138, 0.052,
  ]);
  // The same amounts in another order: the unit follows the order.
  expect(largestRemainder([2.2e6, 7.4e6, 3.2e6, 4.2e6, 2.9e6, 1.1e6], 1000, 21e6)).toEqual([
    0.105, 0.353, 0.152, 0.2, 0.138, 0.052,
  ]);
});

test('rounding to a total: a tie in remainders goes to the first in order, not to binary noise', () => {
  // 0,1 + 0,2 is 0,30000000000000004 in binary: 0,3 and 0,1 + 0,2 (in mio.) have the same remainder of a tenth.
  const noisy = (0.1 + 0.2) * 1e6 + 50_000; // 350.000 and a hair
  expect(roundToTotal([350_000, noisy], 100_000, 700_000)).toEqual([400_000, 300_000]);
  expect(roundToTotal([noisy, 350_000], 100_000, 700_000)).toEqual([400_000, 300_000]);
});
