/**
 * `Bedste udnyttelse` (domain.md rule 7): the brute-force search below is the
 * specification; the fast search in src/model/best-fill.ts must agree with it
 * on every request set fast-check makes up.
 */
import fc from 'fast-check';
import { allocate, inPriorityOrder, type Request } from '../../src/model/allocation';
import { bestFill, MAX_BEST_FILL_REQUESTS } from '../../src/model/best-fill';
import { TOLERANCE } from '../../src/model/rounding';
import { bruteForce } from '../helpers/best-fill-spec';

const MIO = 1_000_000;
const fill = (capacity: number[], amounts: number[][]) =>
  bestFill(
    capacity,
    amounts.map((amount) => ({ amount })),
  );

describe('by hand', () => {
  test('København: 21 mio. against eight requests gives {2,2 7,4 4,2 4,3 2,9}', () => {
    const amounts = [[2.2 * MIO], [7.4 * MIO], [3.2 * MIO], [4.2 * MIO], [4.3 * MIO], [2.9 * MIO], [6.0 * MIO], [2.5 * MIO]];
    // {2,2 7,4 2,9 6,0 2,5} and {2,2 3,2 4,2 2,9 6,0 2,5} also reach 21,0; the first difference is 4,2 against 2,9
    // (and 7,4 against 3,2), so the tie rule picks the set with 4,2 (and 7,4).
    expect(fill([21 * MIO], amounts)).toEqual([true, true, false, true, true, true, false, false]);
    expect(bruteForce([21 * MIO], amounts)).toEqual([true, true, false, true, true, true, false, false]);
  });

  test('a tie goes to the set with the higher-priority request, whatever the number of requests in it', () => {
    expect(fill([10], [[4], [6], [10]])).toEqual([true, true, false]);
    expect(fill([10], [[10], [4], [6]])).toEqual([true, false, false]);
  });

  test('the largest total wins over priority', () => {
    expect(fill([10], [[3], [8], [7]])).toEqual([true, false, true]);
  });

  test('summed over the years, each year within its capacity', () => {
    // 5 + 5 fits 2025 only with 5 of 2026 left for the second; 9 + 0 alone is smaller than 5 + 5 + 4 + 4.
    expect(
      fill(
        [10, 10],
        [
          [9, 0],
          [5, 4],
          [5, 4],
        ],
      ),
    ).toEqual([false, true, true]);
    expect(
      fill(
        [10, 10],
        [
          [9, 0],
          [5, 4],
          [5, 4],
        ],
      ),
    ).toEqual(
      bruteForce(
        [10, 10],
        [
          [9, 0],
          [5, 4],
          [5, 4],
        ],
      ),
    );
  });

  test('a request that pays back in a year makes room for one that asks in that year', () => {
    expect(
      fill(
        [0, 4],
        [
          [3, 0],
          [-3, 4],
        ],
      ),
    ).toEqual([true, true]);
    expect(
      fill(
        [0, 3],
        [
          [3, 0],
          [-3, 4],
        ],
      ),
    ).toEqual([false, false]);
  });

  test('nothing fits a capacity of 0; requests of nothing are included by the tie rule', () => {
    expect(
      fill(
        [0, 0],
        [
          [1, 0],
          [0, 1],
        ],
      ),
    ).toEqual([false, false]);
    expect(fill([0], [[0], [5]])).toEqual([true, false]);
    expect(fill([0], [])).toEqual([]);
  });

  test('a set that nets to 0 over the years ties with funding nothing, and the tie rule includes it', () => {
    expect(bruteForce([0, 5], [[5, -5]])).toEqual([false]);
    expect(bruteForce([5, 0], [[5, -5]])).toEqual([true]);
    expect(fill([5, 0], [[5, -5]])).toEqual([true]);
  });

  test('amounts that miss the capacity by less than the tolerance fit', () => {
    expect(fill([0.3], [[0.1], [0.2]])).toEqual([true, true]);
    expect(fill([1_000_000], [[333_333.5], [666_666.5 + TOLERANCE / 2]])).toEqual([true, true]);
    expect(fill([1_000_000], [[333_333.5], [666_666.5 + 2 * TOLERANCE]])).toEqual([false, true]);
  });

  test(`exact for up to ${MAX_BEST_FILL_REQUESTS} requests, refused beyond`, () => {
    const amounts = Array.from({ length: MAX_BEST_FILL_REQUESTS + 1 }, () => [1]);
    expect(() => fill([5], amounts)).toThrow(RangeError);
  });
});

// ---- random request sets against the brute force ------------------------------------------------

const yearsArb = fc.integer({ min: 1, max: 4 });
/** Kroner, whole or in øre, some paying back (negative) in a year. */
const amountArb = fc.oneof(
  fc.integer({ min: 0, max: 5 * MIO }),
  fc.integer({ min: -1 * MIO, max: 5 * MIO }),
  fc.integer({ min: -100_000_00, max: 500_000_00 }).map((ore) => ore / 100),
  fc.constantFrom(0, 1 * MIO, 2 * MIO, 3 * MIO),
);
/** Few distinct values, so that many sets tie on their total. */
const tieAmountArb = fc.constantFrom(0, 1, 2, 3, 4, -1).map((k) => k * MIO);
const capacityArb = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 0, max: 12 * MIO }),
  fc.constantFrom(1, 2, 5, 10).map((k) => k * MIO),
);

const caseArb = (maxRequests: number, amount: fc.Arbitrary<number>, minRequests = 0) =>
  yearsArb.chain((years) =>
    fc.record({
      capacity: fc.array(capacityArb, { minLength: years, maxLength: years }),
      amounts: fc.array(fc.array(amount, { minLength: years, maxLength: years }), {
        minLength: minRequests,
        maxLength: maxRequests,
      }),
    }),
  );

test('equals the brute force on random request sets of up to 12', () => {
  fc.assert(
    fc.property(caseArb(12, amountArb), ({ capacity, amounts }) => {
      expect(fill(capacity, amounts)).toEqual(bruteForce(capacity, amounts));
    }),
    { numRuns: 300, seed: 8 },
  );
});

test('equals the brute force where many sets tie on their total', () => {
  fc.assert(
    fc.property(caseArb(12, tieAmountArb), ({ capacity, amounts }) => {
      expect(fill(capacity, amounts)).toEqual(bruteForce(capacity, amounts));
    }),
    { numRuns: 300, seed: 9 },
  );
});

test('equals the brute force on 14 to 16 requests', () => {
  fc.assert(
    fc.property(caseArb(16, fc.oneof(amountArb, tieAmountArb), 14), ({ capacity, amounts }) => {
      expect(fill(capacity, amounts)).toEqual(bruteForce(capacity, amounts));
    }),
    { numRuns: 100, seed: 10 },
  );
});

test('equals the brute force where a set in øre fits exactly, up to binary noise', () => {
  // The capacity is a subset's sum taken in the other order, so the subset fits only up to the tolerance.
  const arb = fc.record({
    amounts: fc.array(
      fc.integer({ min: 1, max: 99_999 }).map((ore) => [ore / 100]),
      { minLength: 2, maxLength: 12 },
    ),
    chosen: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
  });
  fc.assert(
    fc.property(arb, ({ amounts, chosen }) => {
      const capacity = [amounts.reduceRight((acc, a, i) => (chosen[i] ? acc + a[0] : acc), 0)];
      expect(fill(capacity, amounts)).toEqual(bruteForce(capacity, amounts));
    }),
    { numRuns: 300, seed: 12 },
  );
});

test('allocate funds exactly the brute force’s set, in priority order, with a year in deficit funding nothing there', () => {
  const requestsArb = fc
    .array(
      fc.record({
        amount: fc.array(fc.oneof(fc.integer({ min: -1 * MIO, max: 5 * MIO }), fc.constantFrom(0, 1 * MIO, 2 * MIO)), {
          minLength: 3,
          maxLength: 3,
        }),
        priority: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
      }),
      { maxLength: 10 },
    )
    .map((rs): Request[] => rs.map((r, i) => ({ nr: `R${i}`, order: i, ...r })));
  const availableArb = fc.array(fc.integer({ min: -2 * MIO, max: 12 * MIO }), { minLength: 3, maxLength: 3 });
  fc.assert(
    fc.property(availableArb, requestsArb, (available, requests) => {
      const ordered = inPriorityOrder(requests);
      const capacity = available.map((a) => Math.max(a, 0));
      const expected = bruteForce(
        capacity,
        ordered.map((r) => r.amount),
      );
      const fundings = allocate('best-fill', available, requests).fundings;
      expect(fundings.map((f) => f.nr)).toEqual(ordered.map((r) => r.nr));
      expect(fundings.map((f) => f.fraction)).toEqual(expected.map((inSet) => (inSet ? 1 : 0)));
    }),
    { numRuns: 200, seed: 11 },
  );
});

// ---- variants (issue 13): requests of one group are alternatives, at most one of them in the set -------------

const fillGroups = (capacity: number[], amounts: number[][], groups: (number | undefined)[]) =>
  bestFill(
    capacity,
    amounts.map((amount, i) => (groups[i] === undefined ? { amount } : { amount, group: groups[i] })),
  );

describe('variants: at most one request of a group', () => {
  test('København: K-8 at 2,5 or 5,0 mio. a year; 4 mio. takes the 2,5 mio. variant, 6 mio. the 5,0 mio. one', () => {
    const k8 = [
      [2.5 * MIO, 2.5 * MIO, 2.5 * MIO, 2.5 * MIO],
      [5.0 * MIO, 5.0 * MIO, 5.0 * MIO, 5.0 * MIO],
    ];
    const pool = (mio: number) => [mio * MIO, mio * MIO, mio * MIO, mio * MIO];
    expect(fillGroups(pool(4), k8, [8, 8])).toEqual([true, false]);
    expect(fillGroups(pool(6), k8, [8, 8])).toEqual([false, true]);
    // Without the group both would fit 8 mio. (7,5 mio.); as alternatives, the larger one alone.
    expect(fillGroups(pool(8), k8, [undefined, undefined])).toEqual([true, true]);
    expect(fillGroups(pool(8), k8, [8, 8])).toEqual([false, true]);
    expect(bruteForce(pool(8), k8, [8, 8])).toEqual([false, true]);
  });

  test('København: the eight requests with K-8 at 2,5 or 5,0 mio., against 21, 22 and 24 mio.', () => {
    const amounts = [
      [2.2 * MIO],
      [7.4 * MIO],
      [3.2 * MIO],
      [4.2 * MIO],
      [4.3 * MIO],
      [2.9 * MIO],
      [6.0 * MIO],
      [2.5 * MIO],
      [5.0 * MIO],
    ];
    const groups = [undefined, undefined, undefined, undefined, undefined, undefined, undefined, 8, 8];
    // 21 mio.: {2,2 7,4 4,2 4,3 2,9} as without the variant.
    expect(fillGroups([21 * MIO], amounts, groups)).toEqual([true, true, false, true, true, true, false, false, false]);
    // 22 mio.: {2,2 7,4 3,2 4,2 5,0}, the 5,0 mio. variant.
    expect(fillGroups([22 * MIO], amounts, groups)).toEqual([true, true, true, true, false, false, false, false, true]);
    // 24 mio.: both variants would give {3,2 4,3 2,9 6,0 2,5 5,0} = 23,9; one of them at most: {2,2 7,4 3,2 4,2 4,3 2,5} = 23,8.
    expect(fillGroups([24 * MIO], amounts, [])).toEqual([false, false, true, false, true, true, true, true, true]);
    expect(fillGroups([24 * MIO], amounts, groups)).toEqual([true, true, true, true, true, false, false, true, false]);
    for (const pool of [21, 22, 24])
      expect(fillGroups([pool * MIO], amounts, groups)).toEqual(bruteForce([pool * MIO], amounts, groups));
  });

  test('a variant before its main request in priority order, and a group split across the halves', () => {
    // 20 requests (halves of 10): request 15 (7) is a variant of request 2 (5), request 4 (3) a variant of 16 (3) ahead of it.
    const amounts = Array.from({ length: 20 }, () => [100]);
    const groups: (number | undefined)[] = amounts.map(() => undefined);
    amounts[2] = [5];
    amounts[15] = [7];
    groups[2] = groups[15] = 1;
    amounts[4] = [3];
    amounts[16] = [3];
    groups[4] = groups[16] = 2;
    const set = fillGroups([13], amounts, groups);
    // Without groups 7 + 3 + 3 fills 13 (requests 4, 15, 16); with them 7 + 3 = 10 is the most, and of 4 and 16
    // (the same 3) the tie rule takes 4, the earlier.
    expect(
      fillGroups([13], amounts, [])
        .map((x, i) => (x ? i : -1))
        .filter((i) => i >= 0),
    ).toEqual([4, 15, 16]);
    expect(set.map((x, i) => (x ? i : -1)).filter((i) => i >= 0)).toEqual([4, 15]);
    expect(set).toEqual(bruteForce([13], amounts, groups));
  });

  test('a request of nothing in a group takes its group’s place only when nothing better is there', () => {
    expect(fillGroups([5], [[0], [5]], [3, 3])).toEqual([false, true]);
    expect(fillGroups([4], [[0], [5]], [3, 3])).toEqual([true, false]);
    expect(fillGroups([4], [[0], [5]], [3, undefined])).toEqual([true, false]);
    expect(fillGroups([5], [[0], [5]], [3, 4])).toEqual([true, true]);
  });

  test('a group of one request constrains nothing', () => {
    expect(fillGroups([10], [[4], [6]], [1, 2])).toEqual([true, true]);
  });
});

/** Up to four groups, most requests in none. */
const groupsArb = (length: number) =>
  fc.array(fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined, freq: 2 }), { minLength: length, maxLength: length });
const withGroups = (arb: fc.Arbitrary<{ capacity: number[]; amounts: number[][] }>) =>
  arb.chain((c) => groupsArb(c.amounts.length).map((groups) => ({ ...c, groups })));

test('variants: equals the brute force on random request sets of up to 12 with random groups', () => {
  fc.assert(
    fc.property(withGroups(caseArb(12, amountArb)), ({ capacity, amounts, groups }) => {
      expect(fillGroups(capacity, amounts, groups)).toEqual(bruteForce(capacity, amounts, groups));
    }),
    { numRuns: 300, seed: 13 },
  );
});

test('variants: equals the brute force where many sets tie, with random groups', () => {
  fc.assert(
    fc.property(withGroups(caseArb(12, tieAmountArb)), ({ capacity, amounts, groups }) => {
      expect(fillGroups(capacity, amounts, groups)).toEqual(bruteForce(capacity, amounts, groups));
    }),
    { numRuns: 300, seed: 14 },
  );
});

test('variants: equals the brute force on 14 to 16 requests with random groups', () => {
  fc.assert(
    fc.property(withGroups(caseArb(16, fc.oneof(amountArb, tieAmountArb), 14)), ({ capacity, amounts, groups }) => {
      expect(fillGroups(capacity, amounts, groups)).toEqual(bruteForce(capacity, amounts, groups));
    }),
    { numRuns: 60, seed: 15 },
  );
});
