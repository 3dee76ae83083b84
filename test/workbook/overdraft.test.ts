/** Rule 6: an allocation that fits is never shown as an overdraft, in any unit, in the sheets or the JSON. */
import fc from 'fast-check';
import { TOLERANCE } from '../../src/model/rounding';
import { evaluate } from '../../src/model/scenarios';
import { bookFigures } from '../../src/model/figures';
import { outputSheets } from '../../src/workbook/output';
import { readBook } from '../../src/workbook/read';
import { jsonReport } from '../../src/workbook/report';
import { scenarioSheet, sheet } from '../helpers/sheets';

/** The three units and their rounding steps in kroner. */
const UNITS = [
  ['kr.', 1],
  ['1.000 kr.', 1000],
  ['mio. kr.', 100_000],
] as const;

function book(unit: string, pool: number, requests: number[]) {
  const read = readBook([
    sheet('Forslag', [
      ['Nr', 'Titel', 'Art', 'Prioritet', 'Udgift 2026'],
      ...requests.map((amount, i) => [`U${i + 1}`, 'ønske', 'Udvidelse', i + 1, amount]),
    ]),
    scenarioSheet([
      ['Enhed', unit],
      ['Råderum 2026', pool],
    ]),
  ]);
  return { read, evaluation: evaluate(read.book!) };
}

test('domain.md’s example: in mio. kr., a pool of 1,0 with requests of 0,45 and 0,55 shows Bevilget 1,0 and Tilbage 0,0', () => {
  const { read, evaluation } = book('mio. kr.', 1, [0.45, 0.55]);
  const sheet = outputSheets(evaluation, read.unit).sheets[1];
  const row = (label: string) => sheet.values.find((r) => r[1] === label)!;
  const funded = sheet.values.filter((r) => r[0] === 'U1' || r[0] === 'U2').map((r) => r[5]);
  // Each within one step (0,1) of its own value, adding up to the pool.
  expect(funded.map((v) => Math.round(Number(v) * 10))).toEqual([5, 5]);
  expect(row('Ønsker i alt')[5]).toBe(1);
  expect(row('Tilbage')[5]).toBe(0);
});

test('in kroner: 333.333,5 + 666.666,5 in a pool of 1.000.000 leaves 0, not −1 (sheets and JSON)', () => {
  const { read, evaluation } = book('kr.', 1_000_000, [333_333.5, 666_666.5]);
  const json = jsonReport(evaluation, read.unit).scenarios[0].raaderum;
  expect(json.funded).toEqual([1_000_000]);
  expect(json.remaining).toEqual([0]);
  expect(json.proposals.map((p) => p.status)).toEqual(['funded', 'funded']);
});

test('property: whenever the exact allocation fits, what is shown left is never below 0, and each funded amount is within one step of its value', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...UNITS),
      fc.array(fc.integer({ min: 1, max: 2000 }), { minLength: 1, maxLength: 8 }),
      fc.option(fc.integer({ min: 0, max: 20000 }), { nil: undefined }),
      ([unit, step], twentieths, poolTenths) => {
        // Amounts on halves of the unit's step; without a pool given, the pool is exactly the demand (a fit).
        const amounts = twentieths.map((x) => x / 20);
        const pool = poolTenths === undefined ? amounts.reduce((a, b) => a + b, 0) : poolTenths / 10;
        const { read, evaluation } = book(unit, pool, amounts);
        const [figures] = bookFigures(evaluation, step).scenarios;
        const exact = evaluation.scenarios[0].allocation;
        if (exact.remaining[0] >= -TOLERANCE) expect(figures.remaining[0]).toBeGreaterThanOrEqual(0);
        figures.requests.forEach((r, i) =>
          expect(Math.abs(r.funded[0] - exact.fundings[i].funded[0])).toBeLessThanOrEqual(step + TOLERANCE),
        );
        expect(read.unit).toBe(unit);
      },
    ),
    { numRuns: 300, seed: 7 },
  );
});

test('property: with reductions in the package too, an allocation that fits never shows as an overdraft, and the råderum adds up', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...UNITS),
      fc.array(fc.integer({ min: 1, max: 2000 }), { minLength: 1, maxLength: 6 }),
      fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 6 }),
      fc.integer({ min: 0, max: 400 }),
      ([unit, step], requestTwentieths, reductionTwentieths, poolTenths) => {
        const read = readBook([
          sheet('Forslag', [
            ['Nr', 'Titel', 'Art', 'Prioritet', 'Udgift 2026'],
            ...requestTwentieths.map((x, i) => [`U${i + 1}`, 'ønske', 'Udvidelse', i + 1, x / 20]),
            ...reductionTwentieths.map((x, i) => [`R${i + 1}`, 'besparelse', 'Reduktion', null, -x / 20]),
          ]),
          scenarioSheet([
            ['Enhed', unit],
            ['Fordeling', 'Prioritet, delvis'],
            ['Råderum 2026', poolTenths / 10],
          ]),
        ]);
        const evaluation = evaluate(read.book!);
        const [figures] = bookFigures(evaluation, step).scenarios;
        const exact = evaluation.scenarios[0].allocation;
        if (exact.remaining[0] >= -TOLERANCE) expect(figures.remaining[0]).toBeGreaterThanOrEqual(0);
        expect(figures.funded[0] + figures.remaining[0]).toBe(figures.available[0]);
        expect(figures.pool[0] - figures.reductions[0]).toBe(figures.available[0]);
      },
    ),
    { numRuns: 300, seed: 11 },
  );
});
