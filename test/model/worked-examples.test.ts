/** The worked examples of domain.md, each as a test. */
import { allocate } from '../../src/model/allocation';
import { evaluate, proposalFigures } from '../../src/model/scenarios';
import { FRACTION_NOISE, staircaseRate } from '../../src/model/rules';
import { roundHalfAwayFromZero } from '../../src/model/rounding';
import type { Issue } from '../../src/model/problems';
import { proposal, scenario } from './builders';

const four = (v: number) => [v, v, v, v];

describe('Hørsholm', () => {
  const ebu1 = proposal({
    nr: 'EBU 1',
    udgift: four(-900_000),
    investering: four(550_000),
    benefit: 'kontanthjaelp',
    fullTimePersons: 114,
  });

  test('EBU 1: netto −350.000 each year, −3.070 kr per fuldtidsperson', () => {
    const f = proposalFigures(ebu1, scenario(), []);
    expect(f.netto).toEqual(four(-350_000));
    expect(roundHalfAwayFromZero(f.netto[0] / (f.fullTimePersons as number))).toBe(-3070);
  });

  test('EBU 1 at 130 fuldtidspersoner scales Udgift only', () => {
    const f = proposalFigures(ebu1, scenario({ fullTimePersonsByBenefit: { kontanthjaelp: 130 } }), []);
    expect(f.udgift.map((u) => roundHalfAwayFromZero(u))).toEqual(four(-1_026_316));
    expect(f.investering).toEqual(four(550_000));
    expect(roundHalfAwayFromZero(f.udgift[0]) + 550_000).toBe(-476_316);
  });

  test('EBU 5: investment in year 1 only', () => {
    const ebu5 = proposal({ nr: 'EBU 5', udgift: four(-110_000), investering: [25_000, 0, 0, 0] });
    expect(proposalFigures(ebu5, scenario(), []).netto).toEqual([-85_000, -110_000, -110_000, -110_000]);
  });
});

describe('Faxe', () => {
  test('mentor: 2/3 of −1.500 carries the row’s own 50 % refusion', () => {
    const mentor = proposal({
      nr: 'BIU_F_01',
      udgift: four(-1_500_000),
      split: { service: four(0), ejService: four(-1_500_000) },
      refusionShare: 2 / 3,
      refusionRate: 0.5,
    });
    const f = proposalFigures(mentor, scenario(), []);
    expect(f.indtaegt.map((v) => roundHalfAwayFromZero(v))).toEqual(four(500_000));
    expect(f.netto.map((v) => roundHalfAwayFromZero(v))).toEqual(four(-1_000_000));
  });

  const fastholdelse = proposal({
    nr: 'BIU_F_03',
    udgift: four(-1_200_000),
    benefit: 'sygedagpenge',
    staffing: { cases: 450, currentStaff: 8, staffPrice: 400_000 },
  });

  test('fastholdelse at caseload 45: +800.000 staffing, netto −400.000', () => {
    const f = proposalFigures(fastholdelse, scenario({ caseload: 45 }), []);
    expect(f.investering.map((v) => roundHalfAwayFromZero(v))).toEqual(four(800_000));
    expect(f.netto.map((v) => roundHalfAwayFromZero(v))).toEqual(four(-400_000));
  });

  test('fastholdelse at caseload 40 (set for sygedagpenge only): +1.300.000, netto +100.000', () => {
    const s = scenario({ caseload: 45, caseloadByBenefit: { sygedagpenge: 40 } });
    const f = proposalFigures(fastholdelse, s, []);
    expect(f.investering.map((v) => roundHalfAwayFromZero(v))).toEqual(four(1_300_000));
    expect(f.netto.map((v) => roundHalfAwayFromZero(v))).toEqual(four(100_000));
  });

  test('a caseload row without a scenario caseload is a problem', () => {
    const issues: Issue[] = [];
    proposalFigures(fastholdelse, scenario(), issues);
    expect(issues.map((i) => i.code)).toEqual(['caseloadMissing']);
  });
});

test('staircase 10/20/20/50 % gives 32 % refusion', () => {
  expect(Math.abs(staircaseRate([0.1, 0.2, 0.2, 0.5]) - 0.32)).toBeLessThanOrEqual(FRACTION_NOISE);
});

describe('København: 21 mio. against eight requests', () => {
  const amounts = [2.2, 7.4, 3.2, 4.2, 4.3, 2.9, 6.0, 2.5];
  const requests = amounts.map((mio, i) => ({ nr: `K-${i + 1}`, amount: [mio * 1e6], priority: i + 1, order: i }));
  const funded = (mode: Parameters<typeof allocate>[0]) => allocate(mode, [21e6], requests);

  test('Prioritet funds 19,9 and leaves 1,1', () => {
    const a = funded('priority');
    expect(a.fundings.filter((f) => f.status === 'funded').map((f) => f.nr)).toEqual(['K-1', 'K-2', 'K-3', 'K-4', 'K-6']);
    expect(roundHalfAwayFromZero(a.funded[0])).toBe(19_900_000);
    expect(roundHalfAwayFromZero(a.remaining[0])).toBe(1_100_000);
  });

  test('Prioritet, delvis gives K-5 4,0 of its 4,3 and uses all 21,0', () => {
    const a = funded('priority-partial');
    const k5 = a.fundings.find((f) => f.nr === 'K-5');
    expect(k5?.status).toBe('partial');
    expect(roundHalfAwayFromZero(k5?.funded[0] as number)).toBe(4_000_000);
    expect(a.fundings.slice(5).every((f) => f.status === 'unfunded')).toBe(true);
    expect(roundHalfAwayFromZero(a.funded[0])).toBe(21_000_000);
  });

  test('Bedste udnyttelse reaches 21,0 with {2,2 7,4 4,2 4,3 2,9} by the tie rule', () => {
    const a = funded('best-fill');
    expect(a.fundings.filter((f) => f.status === 'funded').map((f) => f.nr)).toEqual(['K-1', 'K-2', 'K-4', 'K-5', 'K-6']);
    expect(roundHalfAwayFromZero(a.funded[0])).toBe(21_000_000);
  });

  test('Forholdsmæssig gives every request the same fraction and uses the pool', () => {
    const a = funded('proportional');
    const fraction = 21 / amounts.reduce((x, y) => x + y, 0);
    a.fundings.forEach((f) => expect(Math.abs(f.fraction - fraction)).toBeLessThanOrEqual(FRACTION_NOISE));
    expect(roundHalfAwayFromZero(a.funded[0])).toBe(21_000_000);
  });
});

test('rule 0: an empty Art follows the base netto; the kind is the same in every scenario', () => {
  const request = proposal({ nr: 'X', udgift: [100, 100], benefit: 'kontanthjaelp', fullTimePersons: 10 });
  const flipped = scenario({ name: 'Lav', fullTimePersonsByBenefit: { kontanthjaelp: -10 } });
  const result = evaluate({ years: [2025, 2026], proposals: [request], scenarios: [scenario({ pool: [0, 0] }), flipped] });
  expect(result.scenarios.map((s) => s.proposals[0].kind)).toEqual(['Udvidelse', 'Udvidelse']);
});
