/**
 * A run keeps the råderum's requests and allocations as tables (request ×
 * year) and makes a scenario's lists and sums from the base's, for speed. What
 * a caller reads must be what the plain definitions give: the fundings made
 * when read, the allocation of the requests as objects, each scenario as if
 * computed alone.
 */
import fc from 'fast-check';
import { allocate, fundedPart, fundingStatus, type Allocation, type Request } from '../../src/model/allocation';
import { scenarioFigures } from '../../src/model/figures';
import { largestRemainder, TOLERANCE } from '../../src/model/rounding';
import { evaluate, type ScenarioResult } from '../../src/model/scenarios';
import type { AllocationMode, Book, Scenario } from '../../src/model/types';
import { proposal, scenario } from './builders';

const YEARS = [2027, 2028, 2029];
const BENEFITS = ['kontanthjaelp', 'sygedagpenge'];
const MODES: AllocationMode[] = ['priority', 'priority-partial', 'best-fill', 'proportional'];
const money = fc.integer({ min: -2_000_000, max: 2_000_000 });

const requestsArb = fc
  .array(
    fc.record({
      // −0 and 0 among the amounts: a funded part never shows −0.
      amount: fc.array(fc.oneof(money, fc.constantFrom(0, -0)), { minLength: 3, maxLength: 3 }),
      priority: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    }),
    { maxLength: 12 },
  )
  .map((rs): Request[] => rs.map((r, i) => ({ nr: `R${i}`, order: i, index: i, ...r })));
const availableArb = fc.array(fc.integer({ min: -1_000_000, max: 6_000_000 }), { minLength: 3, maxLength: 3 });

test('the fundings made when read are the table: amount × fraction, a status from the amounts, funded their sum in order', () => {
  fc.assert(
    fc.property(fc.constantFrom(...MODES), availableArb, requestsArb, (mode, available, requests) => {
      const a = allocate(mode, available, requests);
      const byNr = new Map(requests.map((r) => [r.nr, r]));
      const funded = [0, 0, 0];
      for (const f of a.fundings) {
        const r = byNr.get(f.nr) as Request;
        expect(f.index).toBe(r.index);
        expect(f.funded).toEqual(fundedPart(r.amount, f.fraction));
        f.funded.forEach((v) => expect(Object.is(v, -0)).toBe(false));
        expect(fundingStatus(r.amount, f.fraction)).toBe(f.status);
        f.funded.forEach((v, t) => (funded[t] += v));
      }
      expect(a.funded).toEqual(funded);
      expect(a.remaining).toEqual(a.available.map((v, t) => v - funded[t]));
      // Read once, kept: the same objects on the next read, and a plain value for spreads and JSON.
      expect(a.fundings).toBe(a.fundings);
      expect(JSON.parse(JSON.stringify(a)).fundings).toHaveLength(requests.length);
    }),
    { numRuns: 300 },
  );
});

const proposalArb = fc.record({
  udgift: fc.array(money, { minLength: 3, maxLength: 3 }),
  benefit: fc.option(fc.constantFrom(...BENEFITS), { nil: undefined }),
  statedKind: fc.option(fc.constantFrom('Reduktion' as const, 'Udvidelse' as const), { nil: undefined }),
  committee: fc.constantFrom('Økonomiudvalget', 'Beskæftigelsesudvalget'),
  priority: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
  refusionShare: fc.option(fc.constantFrom(0.5, 1), { nil: undefined }),
  fullTimePersons: fc.option(fc.integer({ min: 50, max: 200 }), { nil: undefined }),
});

const scenarioArb = fc.record({
  pool: fc.array(fc.integer({ min: 0, max: 8_000_000 }), { minLength: 3, maxLength: 3 }),
  rate: fc.option(fc.constantFrom(0.2, 0.3, 0.5), { nil: undefined }),
  volume: fc.option(fc.integer({ min: 60, max: 240 }), { nil: undefined }),
  mode: fc.constantFrom(...MODES),
  excluded: fc.array(fc.integer({ min: 0, max: 29 }), { maxLength: 3 }),
});

/** Scenarios that each change a little of the base (one benefit's rate or volume, the pool, the mode, what is left out). */
const bookArb = fc
  .record({
    proposals: fc.array(proposalArb, { minLength: 1, maxLength: 30 }),
    scenarios: fc.array(scenarioArb, { minLength: 1, maxLength: 5 }),
  })
  .map(({ proposals, scenarios }): Book => ({
    years: YEARS,
    proposals: proposals.map((p, i) => proposal({ nr: `F${i}`, order: i, ...p })),
    scenarios: scenarios.map((s, k): Scenario =>
      scenario({
        name: `S${k}`,
        pool: s.pool,
        refusionByBenefit: { kontanthjaelp: { rate: 0.5 }, sygedagpenge: { rate: s.rate ?? 0.3 } },
        fullTimePersonsByBenefit: s.volume === undefined ? {} : { kontanthjaelp: s.volume },
        // Best fill only in small books: its search is exponential in the requests.
        mode: proposals.length > 16 && s.mode === 'best-fill' ? 'priority' : s.mode,
        excluded: s.excluded.map((i) => `F${i}`),
      }),
    ),
  }));

/** The scenario's requests as objects, as a caller of `allocate` would make them: its included udvidelser. */
function requestsOf(result: ScenarioResult): Request[] {
  return result.proposals.flatMap((r, i) =>
    r.included && r.kind === 'Udvidelse'
      ? [{ nr: r.proposal.nr, amount: r.netto, priority: r.proposal.priority, order: r.proposal.order, index: i }]
      : [],
  );
}

test('each scenario’s allocation in a run is the one allocate makes of its requests as objects', () => {
  fc.assert(
    fc.property(bookArb, (book) => {
      for (const s of evaluate(book).scenarios) {
        const available = s.pool.map((p, t) => p - s.reductions[t]);
        expect(s.allocation).toEqual(allocate(s.scenario.mode, available, requestsOf(s)));
      }
    }),
    { numRuns: 200 },
  );
});

test('a scenario’s proposals and sums, made from the base’s, are those of the scenario alone, bit for bit', () => {
  fc.assert(
    fc.property(bookArb, (generated) => {
      // Stated kinds: alone, a scenario would otherwise decide the kinds itself (rule 0).
      const book = {
        ...generated,
        proposals: generated.proposals.map((p) => ({ ...p, statedKind: p.statedKind ?? ('Reduktion' as const) })),
      };
      const together = evaluate(book).scenarios;
      book.scenarios.forEach((s, k) => {
        const alone = evaluate({ ...book, scenarios: [s] }).scenarios[0];
        expect(together[k].proposals).toEqual(alone.proposals);
        expect(together[k].reductions).toEqual(alone.reductions);
        expect(together[k].allocation).toEqual(alone.allocation);
        // The reductions are the sum of the included reductions' netto (in any order, up to the tolerance).
        together[k].reductions.forEach((v, t) => {
          let sum = 0;
          for (const r of alone.proposals) if (r.included && r.kind === 'Reduktion') sum += r.netto[t];
          expect(Math.abs(v - sum)).toBeLessThanOrEqual(TOLERANCE);
        });
      });
    }),
    { numRuns: 200 },
  );
});

test('figures made from an allocation given as plain objects (made elsewhere) are those made from its table', () => {
  fc.assert(
    fc.property(bookArb, fc.constantFrom(1, 1000), (book, step) => {
      for (const s of evaluate(book).scenarios) {
        const plain: Allocation = { ...s.allocation, fundings: s.allocation.fundings.map((f) => ({ ...f })) };
        const figures = scenarioFigures(s, YEARS.length, step);
        expect(scenarioFigures({ ...s, allocation: plain }, YEARS.length, step)).toEqual(figures);
        // Requests found by Nr where the index names no proposal of the list.
        const unindexed: Allocation = { ...plain, fundings: plain.fundings.map((f) => ({ ...f, index: undefined })) };
        expect(scenarioFigures({ ...s, allocation: unindexed }, YEARS.length, step)).toEqual(figures);
      }
    }),
    { numRuns: 150 },
  );
});

/** Rule 6 for shares, as plainly as it is stated: a full sort by remainder, runs of ties by index. */
function sharesByFullSort(parts: readonly number[], denominator: number, whole: number): number[] {
  const slack = Math.min(0.5, (TOLERANCE * denominator) / Math.abs(whole));
  const scaled = parts.map((p) => (p * denominator) / whole);
  const units = scaled.map((x) => Math.floor(x + slack));
  const remainders = scaled.map((x, i) => x - units[i]);
  let missing = Math.round(scaled.reduce((a, b) => a + b, 0)) - units.reduce((a, b) => a + b, 0);
  const positive = remainders.flatMap((r, i) => (r > slack ? [i] : []));
  positive.sort((a, b) => remainders[b] - remainders[a] || a - b);
  const order: number[] = [];
  for (let start = 0; start < positive.length;) {
    let end = start + 1;
    while (end < positive.length && remainders[positive[end - 1]] - remainders[positive[end]] <= slack) end++;
    order.push(...positive.slice(start, end).sort((a, b) => a - b));
    start = end;
  }
  for (let k = 0; missing > 0 && k < order.length; k++, missing--) units[order[k]] += 1;
  if (missing !== 0) return largestRemainder(parts, denominator, whole); // zeros and negatives: not what this checks
  return units.map((u) => u / denominator);
}

test('shares: the units go to the same parts as a full sort of the remainders would give them, ties included', () => {
  // Amounts from a few values, with binary noise: many equal remainders and runs of near-equal ones.
  const partsArb = fc.array(
    fc.tuple(fc.constantFrom(1, 2, 3, 7, 100, 333, 1001, 12_345), fc.constantFrom(0, 1e-9, -1e-9, 0.3e-6, 5e-6)),
    { minLength: 1, maxLength: 400 },
  );
  fc.assert(
    fc.property(partsArb, fc.integer({ min: 0, max: 5000 }), (pairs, extra) => {
      const parts = pairs.map(([v, noise]) => v * 1000 + noise);
      const whole = parts.reduce((a, b) => a + b, 0) + extra;
      parts.push(extra);
      expect(largestRemainder(parts, 1000, whole)).toEqual(sharesByFullSort(parts, 1000, whole));
    }),
    { numRuns: 500 },
  );
});
