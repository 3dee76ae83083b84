import * as path from 'path';
import { allocationTable, STATUSES } from '../../src/model/allocation';
import { breakEvenCaseload, breakEvenFullTimePersons, exactRatio, poolToFundPriority } from '../../src/model/break-even';
import { evaluate, newScenario, proposalFigures } from '../../src/model/scenarios';
import type { Book, Proposal, Scenario } from '../../src/model/types';
import { readBook } from '../../src/workbook/read';
import { readWorkbookSheets } from '../../src/xlsx/sheet-reader';

const SAMPLE = path.join(__dirname, '..', '..', 'assets', 'sample', 'raaderum-eksempel.xlsx');
const VARIANTS = path.join(__dirname, '..', 'fixtures', 'variants', 'koebenhavn-varianter.xlsx');

async function bookOf(file: string): Promise<Book> {
  const read = readBook((await readWorkbookSheets(file)).sheets);
  if (!read.book) throw new Error(`${file} does not read`);
  return read.book;
}

const nettoAt = (book: Book, nr: string, s: Scenario): readonly number[] =>
  proposalFigures(
    book.proposals.find((p) => p.nr === nr)!,
    s,
    [],
  ).netto;

describe('break-even caseload', () => {
  test('Faxe BIU_F_03 pays for itself at caseload 450/11 ≈ 40,909 in every year', async () => {
    // By hand: netto = −1.200.000 + (450 / c − 8) × 400.000 = 0 ⇔ 450 / c = 8 + 3 = 11 ⇔ c = 450/11 = 40,9090…
    const book = await bookOf(SAMPLE);
    const answer = breakEvenCaseload(book, 'Basis', 'BIU_F_03');
    if (!answer.ok) throw new Error(answer.refusal.reason);
    expect(answer.value.sameEveryYear).toBe(true);
    expect(answer.value.current).toBe(45);
    const root = answer.value.years[0].root;
    expect(root).toEqual({ kind: 'at', at: { value: 450 / 11, fraction: { numerator: 450, denominator: 11 } }, pays: 'above' });
    // The engine agrees: netto 0 at the root, a cost just below it, a saving just above.
    const basis = book.scenarios[0];
    nettoAt(book, 'BIU_F_03', { ...basis, caseload: 450 / 11 }).forEach((n) => expect(Math.abs(n)).toBeLessThan(1e-6));
    expect(nettoAt(book, 'BIU_F_03', { ...basis, caseload: 40.9 })[0]).toBeGreaterThan(0);
    expect(nettoAt(book, 'BIU_F_03', { ...basis, caseload: 40.91 })[0]).toBeLessThan(0);
  });

  test('no root: a year with no saving "never" pays for its staff, a row with no cases "always" does; years may differ', () => {
    const staffed = (udgift: number[]): Proposal => ({
      nr: 'S',
      title: 'S',
      committee: '',
      order: 0,
      udgift,
      indtaegt: [0, 0, 0],
      hasStatedIndtaegt: false,
      investering: [0, 0, 0],
      staffing: { cases: 100, currentStaff: 0, staffPrice: 400_000 },
      places: {},
    });
    // Year 1: no saving (always a cost); year 2: 40 cases × 400.000 / c = 1.000.000 at c = 40; year 3: 0 cases' worth.
    const book: Book = {
      years: [2027, 2028, 2029],
      proposals: [staffed([0, -1_000_000, 0])],
      scenarios: [newScenario('Basis', { caseload: 45 })],
    };
    const answer = breakEvenCaseload(book, 'Basis', 'S');
    if (!answer.ok) throw new Error(answer.refusal.reason);
    expect(answer.value.sameEveryYear).toBe(false);
    expect(answer.value.years.map((y) => y.root)).toEqual([
      { kind: 'never' },
      { kind: 'at', at: { value: 40 }, pays: 'above' },
      { kind: 'never' },
    ]);
    const free: Book = {
      ...book,
      proposals: [{ ...staffed([-1, -1, -1]), staffing: { cases: 0, currentStaff: 0, staffPrice: 400_000 } }],
    };
    const always = breakEvenCaseload(free, 'Basis', 'S');
    expect(always.ok && always.value.years[0].root).toEqual({ kind: 'always' });
  });

  test('a proposal without Sager, an unknown Nr or scenario is refused, naming it', async () => {
    const book = await bookOf(SAMPLE);
    expect(breakEvenCaseload(book, 'Basis', 'EBU 1')).toEqual({ ok: false, refusal: { reason: 'noStaffing', nr: 'EBU 1' } });
    expect(breakEvenCaseload(book, 'Basis', 'NOPE')).toEqual({ ok: false, refusal: { reason: 'unknownNr', nr: 'NOPE' } });
    expect(breakEvenCaseload(book, 'Nope', 'BIU_F_03')).toEqual({
      ok: false,
      refusal: { reason: 'unknownScenario', scenario: 'Nope' },
    });
  });
});

describe('break-even fuldtidspersoner', () => {
  test('Hørsholm EBU 1 pays for itself at 114 × 550.000 / 900.000 = 209/3 ≈ 69,67 fuldtidspersoner', async () => {
    // By hand: netto = −900.000 × F / 114 + 550.000 = 0 ⇔ F = 114 × 550 / 900 = 69,666… = 209/3.
    const book = await bookOf(SAMPLE);
    const answer = breakEvenFullTimePersons(book, 'Basis', 'EBU 1');
    if (!answer.ok) throw new Error(answer.refusal.reason);
    expect(answer.value).toMatchObject({ benefit: 'kontanthjaelp', rowVolume: 114, current: 114, sameEveryYear: true });
    expect(answer.value.years[0].root).toEqual({
      kind: 'at',
      at: { value: 209 / 3, fraction: { numerator: 209, denominator: 3 } },
      pays: 'above',
    });
    const basis = book.scenarios[0];
    const at = { ...basis, fullTimePersonsByBenefit: { kontanthjaelp: 209 / 3 } };
    nettoAt(book, 'EBU 1', at).forEach((n) => expect(Math.abs(n)).toBeLessThan(1e-6));
  });

  test('the scenario’s refusion rate lowers the saving per person; without a rate the question is refused', () => {
    const p: Proposal = {
      nr: 'R',
      title: 'R',
      committee: '',
      order: 0,
      benefit: 'sygedagpenge',
      fullTimePersons: 10,
      udgift: [-1_000_000],
      indtaegt: [0],
      hasStatedIndtaegt: false,
      investering: [300_000],
      refusionShare: 1,
      places: {},
    };
    // V = −1.000.000 × (1 − 0,5) = −500.000 per 10 persons; 300.000 is paid back at F = 10 × 300 / 500 = 6.
    const book: Book = {
      years: [2027],
      proposals: [p],
      scenarios: [newScenario('Basis', { refusionByBenefit: { sygedagpenge: { rate: 0.5 } } })],
    };
    const answer = breakEvenFullTimePersons(book, 'Basis', 'R');
    expect(answer.ok && answer.value.years[0].root).toEqual({ kind: 'at', at: { value: 6 }, pays: 'above' });
    const noRate: Book = { ...book, scenarios: [newScenario('Basis')] };
    expect(breakEvenFullTimePersons(noRate, 'Basis', 'R')).toEqual({
      ok: false,
      refusal: { reason: 'refusionRateMissing', nr: 'R', scenario: 'Basis' },
    });
  });

  test('a row without Fuldtidspersoner is refused', async () => {
    const book = await bookOf(SAMPLE);
    expect(breakEvenFullTimePersons(book, 'Basis', 'BIU_F_03')).toEqual({
      ok: false,
      refusal: { reason: 'noVolume', nr: 'BIU_F_03' },
    });
  });
});

/** Allocates the scenario with `pool` and gives each request's status by Nr. */
function statuses(book: Book, s: Scenario, pool: number[]): Map<string, string> {
  const result = evaluate({ ...book, scenarios: [book.scenarios[0], { ...s, pool }] }).scenarios[1];
  const table = allocationTable(result.allocation);
  return new Map(
    Array.from({ length: table.requests.count }, (_, i) => [table.requests.request(i).nr, STATUSES[table.statuses[i]]]),
  );
}

describe('råderum needed to fund down to a priority', () => {
  test('sample Basis, down to K-5 (priority 5): pool = cumulative need − what the reductions add; 1 kr. less and it is not funded', async () => {
    const book = await bookOf(SAMPLE);
    const basis = book.scenarios[0];
    const answer = poolToFundPriority(book, 'Basis', 5);
    if (!answer.ok) throw new Error(answer.refusal.reason);
    const { pool, need, reductions, requests } = answer.value;
    expect(requests).toEqual(['K-1', 'K-2', 'K-3', 'K-4', 'K-5']);
    // By hand: K-1..K-5 ask 2,2 + 7,4 + 3,2 + 4,2 + 4,3 = 21,3 mio. kr. in 2027 and nothing after.
    expect(need).toEqual([21_300_000, 0, 0, 0]);
    pool.forEach((p, t) => expect(p).toBeCloseTo(need[t] + reductions[t], 6));
    const funded = statuses(book, basis, pool);
    for (const nr of requests) expect(funded.get(nr)).toBe('funded');
    const short = statuses(
      book,
      basis,
      pool.map((p, t) => (t === 0 ? p - 1 : p)),
    );
    expect(requests.some((nr) => short.get(nr) !== 'funded')).toBe(true);
    expect(short.get('K-5')).toBe('unfunded');
  });

  test('København with variants (openpyxl-made): K-8 and its alternative count once; best fill is refused', async () => {
    const book = await bookOf(VARIANTS);
    const priority = book.scenarios.find((s) => s.mode === 'priority')!;
    const answer = poolToFundPriority(book, priority.name, 8);
    if (!answer.ok) throw new Error(answer.refusal.reason);
    const funded = statuses(book, priority, answer.value.pool);
    for (const nr of answer.value.requests) expect(funded.get(nr)).toBe('funded');
    const t = answer.value.need.findIndex((n) => n > 0);
    const short = statuses(
      book,
      priority,
      answer.value.pool.map((p, y) => (y === t ? p - 1 : p)),
    );
    expect(answer.value.requests.some((nr) => short.get(nr) !== 'funded')).toBe(true);
    const bestFill = book.scenarios.find((s) => s.mode === 'best-fill');
    if (bestFill)
      expect(poolToFundPriority(book, bestFill.name, 8)).toEqual({
        ok: false,
        refusal: { reason: 'bestFill', scenario: bestFill.name },
      });
  });

  test('a priority no request has is refused', async () => {
    const book = await bookOf(SAMPLE);
    expect(poolToFundPriority(book, 'Basis', 99)).toEqual({
      ok: false,
      refusal: { reason: 'noRequests', scenario: 'Basis', priority: 99 },
    });
  });
});

test('exactRatio: lowest terms, whole numbers without a fraction, non-integers as values only', () => {
  expect(exactRatio(180_000_000, 4_400_000)).toEqual({ value: 450 / 11, fraction: { numerator: 450, denominator: 11 } });
  expect(exactRatio(-6, -3)).toEqual({ value: 2 });
  expect(exactRatio(1, 3.5)).toEqual({ value: 1 / 3.5 });
});
