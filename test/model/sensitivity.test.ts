import * as path from 'path';
import { bookFigures } from '../../src/model/figures';
import { evaluate } from '../../src/model/scenarios';
import { pointBook, sweep, sweepValues, withParameter } from '../../src/model/sensitivity';
import { newScenario } from '../../src/model/scenarios';
import type { Book, Proposal } from '../../src/model/types';
import { readBook } from '../../src/workbook/read';
import { readWorkbookSheets } from '../../src/xlsx/sheet-reader';

const SAMPLE = path.join(__dirname, '..', '..', 'assets', 'sample', 'raaderum-eksempel.xlsx');

async function sample(): Promise<Book> {
  const read = readBook((await readWorkbookSheets(SAMPLE)).sheets);
  if (!read.book) throw new Error('the sample does not read');
  return read.book;
}

/** What a run shows for the scenario with the value put in by hand: the engine, not the sweep. */
function byEngine(book: Book, name: string, change: (s: Book['scenarios'][number]) => Book['scenarios'][number], step = 1) {
  const s = book.scenarios.find((x) => x.name === name)!;
  const figures = bookFigures(evaluate({ ...book, scenarios: [book.scenarios[0], change(s)] }), step);
  const at = figures.scenarios[1];
  return { totalNetto: at.totalNetto, effect: at.effect, remaining: at.remaining };
}

describe('sweepValues', () => {
  test('40 to 45 by 0,5 is eleven caseloads, free of binary noise, both ends included', () => {
    expect(sweepValues(40, 45, 0.5)).toEqual([40, 40.5, 41, 41.5, 42, 42.5, 43, 43.5, 44, 44.5, 45]);
    expect(sweepValues(-0.1, 0.1, 0.01)).toHaveLength(21);
    expect(sweepValues(-0.1, 0.1, 0.01)[13]).toBe(0.03);
    expect(sweepValues(45, 40, 0.5)).toEqual([]);
  });
});

describe('caseload sweep of the sample', () => {
  test('Basis at 40…45: each point is what the engine gives for Basis with that caseload (checked at 40, 42,5 and 45)', async () => {
    const book = await sample();
    const result = sweep(book, 'Basis', { kind: 'caseload' }, sweepValues(40, 45, 0.5), { step: 1 });
    expect(result.points).toHaveLength(11);
    expect(result.current).toBe(45);
    for (const [index, caseload] of [
      [0, 40],
      [5, 42.5],
      [10, 45],
    ]) {
      const point = result.points[index];
      expect(point.value).toBe(caseload);
      expect(point).toMatchObject(byEngine(book, 'Basis', (s) => ({ ...s, caseload })));
    }
    // Faxe's BIU_F_03 (450 cases, 8 årsværk, 400.000 kr.) is the only staffed row: from 45 to 40 its staff need
    // grows from 10 to 11,25 årsværk, +500.000 kr. a year, so the budget effect rises by exactly that each year.
    const [at40, at45] = [result.points[0], result.points[10]];
    expect(at40.effect.map((e, t) => e - at45.effect[t])).toEqual([500_000, 500_000, 500_000, 500_000]);
    expect(at40.totalNetto.map((e, t) => e - at45.totalNetto[t])).toEqual([500_000, 500_000, 500_000, 500_000]);
  });

  test('at the scenario’s own caseload the sweep gives the run’s own figures, in the unit’s step too', async () => {
    const book = await sample();
    const run = bookFigures(evaluate(book), 1000).scenarios[1]; // Caseload 40
    const point = sweep(book, 'Caseload 40', { kind: 'caseload' }, [40], { step: 1000 }).points[0];
    expect(point.totalNetto).toEqual(run.totalNetto);
    expect(point.effect).toEqual(run.effect);
    expect(point.remaining).toEqual(run.remaining);
  });

  test('a sweep of the global caseload replaces every Caseload <ydelse>; a named benefit sets only its own', () => {
    const s = newScenario('S', { caseload: 45, caseloadByBenefit: { sygedagpenge: 50, kontanthjaelp: 55 } });
    expect(withParameter(s, { kind: 'caseload' }, 41)).toMatchObject({ caseload: 41, caseloadByBenefit: {} });
    expect(withParameter(s, { kind: 'caseload', benefit: 'sygedagpenge' }, 41)).toMatchObject({
      caseload: 45,
      caseloadByBenefit: { sygedagpenge: 41, kontanthjaelp: 55 },
    });
    expect(s.caseloadByBenefit).toEqual({ sygedagpenge: 50, kontanthjaelp: 55 });
  });

  test('the base keeps deciding kinds: a sweep of the base is evaluated next to the unchanged base', async () => {
    const book = await sample();
    const modified = withParameter(book.scenarios[0], { kind: 'caseload' }, 40);
    expect(pointBook(book, modified).scenarios).toEqual([book.scenarios[0], modified]);
  });

  test('11 points × 1.000 proposals: fast enough for the pane (best of five under 500 ms in Jest; 5–20 ms in Node)', () => {
    const book = largeBook(1000);
    const values = sweepValues(40, 45, 0.5);
    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      const result = sweep(book, 'Basis', { kind: 'caseload' }, values, { step: 1 });
      times.push(performance.now() - start);
      expect(result.points).toHaveLength(11);
    }
    // The pane's budget is 100 ms; plain Node measures 5 ms (best) and 20 ms (median) on the 2-core machine
    // under load (report of issue 13). Jest's module sandbox runs the same code several times slower, so this
    // bound guards against a sweep that recomputes everything (seconds), not the budget itself.
    expect(Math.min(...times)).toBeLessThan(500);
  });
});

describe('refusion sweep', () => {
  const proposal = (fields: Partial<Proposal>): Proposal => ({
    nr: 'X',
    title: 'X',
    committee: '',
    order: 0,
    udgift: [-1_000_000, -1_000_000],
    indtaegt: [0, 0],
    hasStatedIndtaegt: false,
    investering: [0, 0],
    places: {},
    ...fields,
  });

  test('a rate ±10 points: each point is the engine’s figure at that rate; outside 0–100 % is left out', () => {
    const book: Book = {
      years: [2027, 2028],
      proposals: [
        proposal({ nr: 'R1', benefit: 'kontanthjaelp', refusionShare: 1 }),
        proposal({ nr: 'U1', statedKind: 'Udvidelse', udgift: [300_000, 300_000], priority: 1 }),
      ],
      scenarios: [newScenario('Basis', { pool: [0, 0], refusionByBenefit: { kontanthjaelp: { rate: 0.05 } } })],
    };
    const result = sweep(book, 'Basis', { kind: 'refusion', benefit: 'kontanthjaelp' }, sweepValues(-0.1, 0.1, 0.025), {
      step: 1,
    });
    expect(result.current).toBe(0.05);
    expect(result.points.map((p) => p.outOfRange ?? false)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    const at = result.points[6]; // +5 points: 10 %
    expect(at.rate).toBe(0.1);
    // A saving of 1.000.000 at 10 % refusion loses 100.000 of income: netto −900.000; the request of 300.000 is funded.
    expect(at.totalNetto).toEqual([-600_000, -600_000]);
    expect(at).toMatchObject(byEngine(book, 'Basis', (s) => ({ ...s, refusionByBenefit: { kontanthjaelp: { rate: 0.1 } } })));
    expect(at.remaining).toEqual([600_000, 600_000]);
  });

  test('a staircase benefit is shifted from its effective rate (10/20/20/50 % gives 32 %; +3 points is 35 %)', () => {
    const book: Book = {
      years: [2027],
      proposals: [proposal({ udgift: [-1_000_000], indtaegt: [0], investering: [0], benefit: 'sygedagpenge', refusionShare: 1 })],
      scenarios: [
        newScenario('Basis', { pool: [0], refusionByBenefit: { sygedagpenge: { durationShares: [0.1, 0.2, 0.2, 0.5] } } }),
      ],
    };
    const result = sweep(book, 'Basis', { kind: 'refusion', benefit: 'sygedagpenge' }, [0, 0.03], { step: 1 });
    expect(result.current).toBeCloseTo(0.32, 12);
    expect(result.points[0].totalNetto).toEqual([-680_000]);
    expect(result.points[1].rate).toBe(0.35);
    expect(result.points[1].totalNetto).toEqual([-650_000]);
  });
});

/** A book of n proposals like the sample's: savings on benefits, some staffed, requests in priority order. */
function largeBook(n: number): Book {
  const benefits = ['kontanthjaelp', 'sygedagpenge', 'uddannelseshjaelp', 'ledighedsydelse'];
  const proposals: Proposal[] = [];
  for (let i = 0; i < n; i++) {
    const request = i % 3 === 0;
    proposals.push({
      nr: `P${i}`,
      title: `Forslag ${i}`,
      committee: `U${i % 5}`,
      order: i,
      benefit: benefits[i % 4],
      statedKind: request ? 'Udvidelse' : 'Reduktion',
      priority: request ? i : undefined,
      udgift: request ? [200_000 + i, 100_000, 0, 0] : [-300_000 - i, -300_000, -300_000, -300_000],
      indtaegt: [0, 0, 0, 0],
      hasStatedIndtaegt: false,
      investering: [50_000, 0, 0, 0],
      refusionShare: i % 2 === 0 ? 0.5 : undefined,
      staffing: i % 7 === 0 ? { cases: 100 + i, currentStaff: 2, staffPrice: 400_000 } : undefined,
      places: {},
    });
  }
  const refusion = Object.fromEntries(benefits.map((b) => [b, { rate: 0.3 }]));
  return {
    years: [2027, 2028, 2029, 2030],
    proposals,
    scenarios: [newScenario('Basis', { pool: [30e6, 1e6, 0, 0], caseload: 45, refusionByBenefit: refusion })],
  };
}
