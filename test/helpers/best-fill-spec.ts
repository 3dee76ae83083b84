/** The specification of `Bedste udnyttelse` (domain.md rule 7) that the tests hold the fast search to. */
import { TOLERANCE } from '../../src/model/rounding';

/**
 * Rule 7 read literally: of every subset of the requests (in priority order),
 * the ones that fit every year up to the tolerance; of those, the largest
 * total summed over the years; among totals equal up to the tolerance, the
 * set that includes the higher-priority request at the first difference.
 * Variants (issue 13): requests of the same `groups` entry are alternatives,
 * so a subset with two of one group is no set at all.
 */
export function bruteForce(
  capacity: readonly number[],
  amounts: readonly (readonly number[])[],
  groups: readonly (number | undefined)[] = [],
): boolean[] {
  let best: boolean[] = amounts.map(() => false);
  let bestTotal = 0;
  const set: boolean[] = [];
  // Every subset, depth first: request i left out, then taken in; `used` is what the set so far takes per year.
  const visit = (i: number, used: readonly number[]): void => {
    if (i === amounts.length) {
      if (!used.every((u, t) => u <= capacity[t] + TOLERANCE)) return;
      const taken = groups.filter((g, k) => set[k] && g !== undefined);
      if (new Set(taken).size < taken.length) return;
      const total = used.reduce((a, b) => a + b, 0);
      if (total > bestTotal + TOLERANCE || (total >= bestTotal - TOLERANCE && winsTie(set, best))) {
        best = [...set];
        bestTotal = total;
      }
      return;
    }
    set[i] = false;
    visit(i + 1, used);
    set[i] = true;
    visit(
      i + 1,
      used.map((u, t) => u + amounts[i][t]),
    );
  };
  visit(
    0,
    capacity.map(() => 0),
  );
  return best;
}

/** The set that includes the higher-priority request at the first difference. */
function winsTie(a: readonly boolean[], b: readonly boolean[]): boolean {
  const first = a.findIndex((x, i) => x !== b[i]);
  return first >= 0 && a[first];
}
