/**
 * The figures an explanation shows beside its words (issue 12): what each step
 * of a proposal's netto adds, rounded as the sheets round it, and the small
 * derived inputs (the volume factor, the staff over today's). The parts are
 * taken from the rounded leaves the sheets show (figures.ts), so they add up to
 * the netto shown exactly: a computed part (scaling, refusion, staffing) is its
 * leaf less the stated part beside it, never a rounding of its own.
 */
import type { Amounts } from './figures';
import { roundHalfAwayFromZero } from './rounding';
import { STAIRCASE_RATES } from './rules';
import type { NettoStep } from './scenarios';
import type { StaircaseShares } from './types';

const minus = (a: readonly number[], b: readonly number[]): number[] => a.map((x, t) => x - b[t]);

/**
 * Per step (in the steps' order), the amount per year it adds to the netto
 * shown, in kroner rounded to `step` (the sheets' leaves), or undefined for a
 * step without amounts of its own:
 * - `udgift`: Udgift as stated (the leaf itself where nothing scales it);
 * - `volume`: the change scaling makes (scaled leaf − stated, rounded);
 * - `refusion`: the Indtægt leaf less the stated Indtægt (rounded);
 * - `indtaegt`, `investering`: as stated (the leaf itself where nothing is computed beside it);
 * - `caseload`: the Investering leaf less the stated Investering (rounded);
 * - `netto`: the netto shown. The parts before it add up to it, year by year.
 */
export function stepAmounts(steps: readonly NettoStep[], shown: Amounts, step: number): (readonly number[] | undefined)[] {
  const round = (values: readonly number[]) => values.map((v) => roundHalfAwayFromZero(v, step));
  const has = (rule: NettoStep['rule']) => steps.some((s) => s.rule === rule);
  const stated = (rule: 'indtaegt' | 'investering'): readonly number[] | undefined => {
    const s = steps.find((x) => x.rule === rule);
    return s === undefined
      ? undefined
      : round(s.rule === 'indtaegt' ? s.indtaegt : (s as { investering: readonly number[] }).investering);
  };
  const statedIndtaegt = stated('indtaegt');
  const statedInvestering = stated('investering');
  return steps.map((s) => {
    switch (s.rule) {
      case 'udgift':
        return has('volume') ? round(s.udgift) : shown.udgift;
      case 'volume': {
        const udgift = steps.find((x) => x.rule === 'udgift');
        return minus(shown.udgift, udgift?.rule === 'udgift' ? round(udgift.udgift) : shown.udgift.map(() => 0));
      }
      case 'refusion':
        return statedIndtaegt ? minus(shown.indtaegt, statedIndtaegt) : shown.indtaegt;
      case 'indtaegt':
        return has('refusion') ? statedIndtaegt : shown.indtaegt;
      case 'investering':
        return has('caseload') ? statedInvestering : shown.investering;
      case 'caseload':
        return statedInvestering ? minus(shown.investering, statedInvestering) : shown.investering;
      case 'netto':
        return shown.netto;
    }
  });
}

/** What an included reduction does to the råderum available in one year. */
export interface RaaderumEffect {
  /** `grows` for a netto below 0 (a saving), `falls` for one above 0 (a cost), `none` for 0. */
  change: 'grows' | 'falls' | 'none';
  /** By how much, never below 0: −netto where it grows, netto where it falls. */
  by: number;
}

/**
 * Rule 7: available = pool − Σ netto of the included reductions, so a
 * reduction's netto changes the råderum with the opposite sign. Per year, from
 * the netto as shown (any unit): the words say what happens, not the sign.
 */
export const raaderumEffect = (netto: readonly number[]): RaaderumEffect[] =>
  netto.map((n) => (n < 0 ? { change: 'grows', by: -n } : n > 0 ? { change: 'falls', by: n } : { change: 'none', by: 0 }));

/** Rule 1's factor: the scenario's fuldtidspersoner over the row's. */
export const volumeFactor = (s: { rowVolume: number; scenarioVolume: number }): number => s.scenarioVolume / s.rowVolume;

/** Rule 4: the staff a caseload needs over today's (negative: fewer), in årsværk. */
export const extraStaff = (s: { staffNeeded: number; currentStaff: number }): number => s.staffNeeded - s.currentStaff;

/** Rule 3: each band's part of the effective rate (share × the band's rate), the four adding up to it. */
export const staircaseParts = (shares: StaircaseShares): number[] => shares.map((share, k) => share * STAIRCASE_RATES[k]);

/** Rule 2: the share of Udgift refusion follows (share × rate). */
export const refusionFraction = (s: { share: number; rate: number }): number => s.share * s.rate;

/**
 * A figure per year in two runs whose years may differ, on the years of both
 * (in order): a year a run lacks counts as 0 there. For the run log's
 * comparison of totals. `kronerPerUnit`: where the runs' units differ (Enhed
 * changed), each run's kroner per unit; `from` is then given in `to`'s unit.
 */
export function differenceOnYears(
  fromYears: readonly number[],
  from: readonly number[],
  toYears: readonly number[],
  to: readonly number[],
  kronerPerUnit?: { from: number; to: number },
): { years: number[]; from: number[]; to: number[]; difference: number[] } {
  const years = [...new Set([...fromYears, ...toYears])].sort((a, b) => a - b);
  const at = (ys: readonly number[], values: readonly number[], year: number) => {
    const t = ys.indexOf(year);
    return t < 0 ? 0 : (values[t] ?? 0);
  };
  const a = years.map((y) => {
    const value = at(fromYears, from, y);
    return kronerPerUnit ? (value * kronerPerUnit.from) / kronerPerUnit.to : value;
  });
  const b = years.map((y) => at(toYears, to, y));
  // Figures as the sheets show them (one decimal at most): the difference is shown the same way, without binary noise.
  return { years, from: a, to: b, difference: b.map((x, t) => Math.round((x - a[t]) * 10) / 10 || 0) };
}
