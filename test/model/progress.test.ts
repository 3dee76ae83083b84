import { evaluate, type Progress } from '../../src/model/scenarios';
import { proposal, scenario } from './builders';

describe('progress of a run', () => {
  it('reports the best-fill search of each scenario, ending at most at 1, and nothing for the others', () => {
    const requests = Array.from({ length: 24 }, (_, i) =>
      proposal({
        nr: `K-${i}`,
        order: i,
        priority: i,
        statedKind: 'Udvidelse',
        udgift: [100_000 * (10 + (i % 7)), 100_000 * (12 + (i % 5))],
      }),
    );
    const book = {
      years: [2027, 2028],
      proposals: requests,
      scenarios: [
        scenario({ name: 'Basis', pool: [5_000_000, 5_000_000], mode: 'best-fill' }),
        scenario({ name: 'Prioritet', pool: [5_000_000, 5_000_000], mode: 'priority' }),
      ],
    };
    const seen: Progress[] = [];
    evaluate(book, { onProgress: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen.map((p) => p.scenario))).toEqual(new Set(['Basis']));
    for (const p of seen) expect(p.done).toBeGreaterThanOrEqual(0);
    for (const p of seen) expect(p.done).toBeLessThanOrEqual(1);
  });
});
