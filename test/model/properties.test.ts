/** Invariants of the core, over generated inputs (fast-check). */
import fc from 'fast-check';
import { allocate, type Request } from '../../src/model/allocation';
import { largestRemainder, roundHalfAwayFromZero, TOLERANCE } from '../../src/model/rounding';
import { FRACTION_NOISE, scaleByVolume, sum } from '../../src/model/rules';
import { evaluate } from '../../src/model/scenarios';
import type { AllocationMode, Book } from '../../src/model/types';
import { bookFigures } from '../../src/model/figures';
import { proposal, scenario } from './builders';

const YEARS = 3;
/** One unit of a share shown with one decimal in percent (0,1 %). */
const SHARE_UNIT = 0.001;
/**
 * Kroner: Udgift scaled by fuldtidspersoner reaches 5 mio. × 5.000 = 2,5·10^10 kr. here, where one
 * step of a double is 3,8·10^-6 kr.; two ways of scaling differ by a few such steps.
 */
const SCALING_NOISE = 1e-4;
const MODES: AllocationMode[] = ['priority', 'priority-partial', 'best-fill', 'proportional'];
const amount = fc.integer({ min: 0, max: 5_000_000 });
const requestsArb = (max: number) =>
  fc
    .array(
      fc.record({
        amount: fc.array(fc.oneof(amount, fc.constant(0)), { minLength: YEARS, maxLength: YEARS }),
        priority: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
      }),
      { maxLength: max },
    )
    .map((rs): Request[] => rs.map((r, i) => ({ nr: `R${i}`, order: i, ...r })));
const availableArb = fc.array(fc.integer({ min: -2_000_000, max: 12_000_000 }), { minLength: YEARS, maxLength: YEARS });

test('no mode funds more than is available in any year, nor more than a request asks', () => {
  fc.assert(
    fc.property(fc.constantFrom(...MODES), availableArb, requestsArb(12), (mode, available, requests) => {
      const a = allocate(mode, available, requests);
      a.funded.forEach((f, t) => expect(f).toBeLessThanOrEqual(Math.max(available[t], 0) + TOLERANCE));
      for (const f of a.fundings) {
        expect(f.fraction).toBeGreaterThanOrEqual(0);
        expect(f.fraction).toBeLessThanOrEqual(1);
        const r = requests.find((q) => q.nr === f.nr) as Request;
        f.funded.forEach((v, t) => expect(Math.abs(v - r.amount[t] * f.fraction)).toBeLessThanOrEqual(TOLERANCE));
      }
      a.remaining.forEach((r, t) => expect(Math.abs(r - (available[t] - a.funded[t]))).toBeLessThanOrEqual(TOLERANCE));
    }),
  );
});

test('partial priority funds at most one request partly, with one fraction in all years, and none after it', () => {
  fc.assert(
    fc.property(availableArb, requestsArb(10), (available, requests) => {
      const a = allocate('priority-partial', available, requests);
      const partial = a.fundings.findIndex((f) => f.status === 'partial');
      if (partial >= 0) a.fundings.slice(partial + 1).forEach((f) => expect(f.status).toBe('unfunded'));
      expect(a.fundings.filter((f) => f.status === 'partial').length).toBeLessThanOrEqual(1);
    }),
  );
});

test('best fill is never below priority order with full funding', () => {
  fc.assert(
    fc.property(availableArb, requestsArb(25), (available, requests) => {
      const best = sum(allocate('best-fill', available, requests).funded);
      const priority = sum(allocate('priority', available, requests).funded);
      expect(best).toBeGreaterThanOrEqual(priority - TOLERANCE);
    }),
    { numRuns: 60 },
  );
});

test('scaling by fuldtidspersoner is linear', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: -5_000_000, max: 5_000_000 }), { minLength: 4, maxLength: 4 }),
      fc.integer({ min: 1, max: 5000 }),
      fc.integer({ min: 0, max: 5000 }),
      fc.integer({ min: 0, max: 5000 }),
      (udgift, base, a, b) => {
        const both = scaleByVolume(udgift, base, a + b);
        const apart = scaleByVolume(udgift, base, a).map((x, t) => x + scaleByVolume(udgift, base, b)[t]);
        both.forEach((x, t) => expect(Math.abs(x - apart[t])).toBeLessThanOrEqual(SCALING_NOISE));
        expect(scaleByVolume(udgift, base, base)).toEqual(udgift);
      },
    ),
  );
});

test('largest remainder: units of 0,1 %, adding up to the rounded total, each within one unit', () => {
  fc.assert(
    fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 20 }), (raw) => {
      const total = sum(raw);
      const fractions = raw.map((x) => x / Math.max(total, 1));
      const shares = largestRemainder(fractions);
      expect(Math.round(sum(shares) * 1000)).toBe(Math.round(sum(fractions) * 1000));
      shares.forEach((s, i) => {
        expect(Math.abs(s - fractions[i])).toBeLessThanOrEqual(SHARE_UNIT + FRACTION_NOISE);
        expect(Math.abs(s * 1000 - Math.round(s * 1000))).toBeLessThanOrEqual(FRACTION_NOISE);
      });
    }),
  );
});

test('rounding is half away from zero', () => {
  expect([0.5, 1.5, 2.5, -0.5, -2.5, 2.4999].map((v) => roundHalfAwayFromZero(v))).toEqual([1, 2, 3, -1, -3, 2]);
  expect(roundHalfAwayFromZero(1_026_315.789)).toBe(1_026_316);
  expect(roundHalfAwayFromZero(1500, 1000)).toBe(2000);
  expect(roundHalfAwayFromZero(-2_250_000, 100_000)).toBe(-2_300_000);
});

const bookArb = fc
  .record({
    proposals: fc.array(
      fc.record({
        udgift: fc.array(fc.integer({ min: -3_000_000, max: 3_000_000 }), { minLength: YEARS, maxLength: YEARS }),
        investering: fc.array(fc.integer({ min: 0, max: 800_000 }), { minLength: YEARS, maxLength: YEARS }),
        volume: fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined }),
        refusionShare: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
        staffing: fc.option(
          fc.record({ cases: fc.integer({ min: 0, max: 900 }), currentStaff: fc.integer({ min: 0, max: 20 }) }),
          { nil: undefined },
        ),
        priority: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 15 },
    ),
    scaleTo: fc.integer({ min: 0, max: 700 }),
    pool: fc.array(fc.integer({ min: 0, max: 9_000_000 }), { minLength: YEARS, maxLength: YEARS }),
    caseload: fc.integer({ min: 30, max: 60 }),
    rate: fc.double({ min: 0, max: 1, noNaN: true }),
    mode: fc.constantFrom(...MODES),
    step: fc.constantFrom(1, 1000, 100_000),
  })
  .map(({ proposals, scaleTo, pool, caseload, rate, mode, step }) => {
    const book: Book = {
      years: [2025, 2026, 2027],
      proposals: proposals.map((p, i) =>
        proposal({
          nr: `P${i}`,
          order: i,
          udgift: p.udgift,
          investering: p.investering,
          benefit: 'kontanthjaelp',
          fullTimePersons: p.volume,
          refusionShare: p.refusionShare,
          staffing: p.staffing && { ...p.staffing, staffPrice: 412_345 },
          priority: p.priority,
          committee: i % 3 === 0 ? 'A' : 'B',
        }),
      ),
      scenarios: [
        scenario({ pool, caseload, refusionByBenefit: { kontanthjaelp: { rate } }, mode }),
        scenario({
          name: 'Andet',
          pool,
          caseload: caseload + 5,
          fullTimePersonsByBenefit: { kontanthjaelp: scaleTo },
          refusionByBenefit: { kontanthjaelp: { durationShares: [0.1, 0.2, 0.2, 0.5] } },
          mode,
          excluded: ['P0'],
        }),
      ],
    };
    return { book, step };
  });

test('rounded figures add up across every row and column, in every unit', () => {
  fc.assert(
    fc.property(bookArb, ({ book, step }) => {
      const evaluation = evaluate(book);
      expect(evaluation.issues.filter((i) => i.severity === 'problem')).toEqual([]);
      for (const s of bookFigures(evaluation, step).scenarios) {
        const years = [0, 1, 2];
        for (const p of s.proposals) {
          years.forEach((t) => {
            expect(p.netto[t]).toBe(p.udgift[t] + p.indtaegt[t] + p.investering[t]);
            [p.udgift[t], p.indtaegt[t], p.investering[t]].forEach((v) => expect(Math.abs(v % step)).toBe(0));
          });
        }
        const included = s.proposals.filter((p) => p.included);
        years.forEach((t) => {
          expect(s.totalNetto[t]).toBe(sum(included.map((p) => p.netto[t])));
          expect(s.available[t]).toBe(s.pool[t] - s.reductions[t]);
          expect(s.funded[t]).toBe(sum(s.requests.map((r) => r.funded[t])));
          expect(s.remaining[t]).toBe(s.available[t] - s.funded[t]);
          expect(s.effect[t]).toBe(s.pool[t] - s.remaining[t]);
        });
        for (const r of s.requests)
          years.forEach((t) => expect(Math.abs(r.funded[t])).toBeLessThanOrEqual(Math.abs(r.request[t]) + step));
      }
    }),
    { numRuns: 150 },
  );
});

test('largest remainder hands out units as sorting by remainder, then by order, would (one sort of every part)', () => {
  /** The specification: every part sorted by remainder, largest first; equal remainders (within the tie) by order. */
  function reference(parts: readonly number[], denominator: number, whole: number): number[] {
    const slack = Math.min(0.5, (TOLERANCE * denominator) / Math.abs(whole));
    const scaled = parts.map((p) => (p * denominator) / whole);
    const units = scaled.map((x) => Math.floor(x + slack));
    let missing = Math.round(sum(scaled)) - sum(units);
    const order = scaled
      .map((x, i) => ({ i, remainder: x - units[i] }))
      .sort((a, b) => (Math.abs(b.remainder - a.remainder) > slack ? b.remainder - a.remainder : a.i - b.i));
    for (let k = 0; missing > 0 && k < order.length; k++, missing--) units[order[k].i] += 1;
    for (let k = order.length - 1; missing < 0 && k >= 0; k--, missing++) units[order[k].i] -= 1;
    return units.map((u) => u / denominator);
  }
  // Amounts from a few values, so many remainders are exactly equal; zeros as for requests funded with nothing.
  const parts = fc.array(fc.oneof(fc.constantFrom(0, 100_000, 250_000, 333_333), fc.integer({ min: 0, max: 5_000_000 })), {
    minLength: 1,
    maxLength: 200,
  });
  fc.assert(
    fc.property(parts, fc.integer({ min: 1, max: 50_000_000 }), (funded, extra) => {
      const whole = sum(funded) + extra;
      expect(largestRemainder([...funded, extra], 1000, whole)).toEqual(reference([...funded, extra], 1000, whole));
    }),
    { numRuns: 500 },
  );
});
