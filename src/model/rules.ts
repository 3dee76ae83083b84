/**
 * The calculation rules of domain.md, one function per rule, unrounded.
 * Nothing here rounds: rounding happens at output (rounding.ts).
 */
import type { Kind, StaircaseShares, Staffing } from './types';

/** Refusion per band of the staircase (§ 5): weeks 1–4, 5–26, 27–52, 53+. */
export const STAIRCASE_RATES: StaircaseShares = [0.8, 0.4, 0.3, 0.2];

/** Rule 0: an empty Art is decided by the base scenario's netto summed over all years. */
export function kindFromNetto(baseNetto: readonly number[]): Kind {
  return sum(baseNetto) > 0 ? 'Udvidelse' : 'Reduktion';
}

/** Rule 1: Udgift scales with the scenario's fuldtidspersoner against the row's base volume. */
export function scaleByVolume(udgift: readonly number[], baseVolume: number, scenarioVolume: number): number[] {
  return udgift.map((u) => (u * scenarioVolume) / baseVolume);
}

/** Rule 2: the change in refusion income when a share of Udgift carries refusion at a rate. */
export function refusionChange(udgift: readonly number[], refusionShare: number, rate: number): number[] {
  return udgift.map((u) => -u * refusionShare * rate);
}

/** Rule 3: the effective refusion rate from the shares of fuldtidspersoner per band. */
export function staircaseRate(shares: StaircaseShares): number {
  return shares.reduce((acc, share, band) => acc + share * STAIRCASE_RATES[band], 0);
}

/** Rule 3: how far the shares of the staircase may be from 100 % (0,1 percentage point). */
export const DURATION_SHARES_SLACK = 0.001;

/**
 * Binary noise in sums and products of fractions near 1 (0,1 + 0,2 is not
 * 0,3): far below any share or rate the product shows (0,1 %). Not the amount
 * tolerance, which is in kroner (rounding.ts).
 */
export const FRACTION_NOISE = 1e-12;

/** Rule 3: shares must add up to 100 % ± 0,1 percentage point. */
export function staircaseSharesAddUp(shares: StaircaseShares): boolean {
  return Math.abs(sum(shares) - 1) <= DURATION_SHARES_SLACK + FRACTION_NOISE;
}

/** Rule 3: what the shares add up to, in percent with one decimal (for the message when they do not add up). */
export const staircaseSharesPercent = (shares: StaircaseShares): number => Math.round(sum(shares) * 1000) / 10;

/** Rule 4: staff needed at a caseload, and its yearly cost over today's staff. */
export function staffingCost(staffing: Staffing, caseload: number): number {
  return (staffing.cases / caseload - staffing.currentStaff) * staffing.staffPrice;
}

/** Rule 5: netto is the sum of its parts, year by year. */
export function netto(
  udgift: readonly number[],
  refusion: readonly number[],
  indtaegt: readonly number[],
  investering: readonly number[],
): number[] {
  return udgift.map((u, t) => u + refusion[t] + indtaegt[t] + investering[t]);
}

export function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

export const zeros = (n: number): number[] => new Array<number>(n).fill(0);

const sharedZeros: number[][] = [];
/**
 * One array of `n` zeros shared by every figure that is 0 in each year (most
 * requests funded with nothing, the difference of equal figures): never change it.
 */
export const zerosShared = (n: number): readonly number[] => (sharedZeros[n] ??= zeros(n));

export const addYears = (a: readonly number[], b: readonly number[]): number[] => a.map((x, t) => x + b[t]);

/**
 * Defines `key` on `target` as made on first read, then kept as a plain value:
 * per-request objects and comparisons cost nothing until a layout reads them.
 * Own and enumerable, so spreads, JSON and structured clones see the value.
 */
export function lazyField<T extends object, K extends keyof T>(target: T, key: K, make: () => T[K]): void {
  const settle = (value: T[K]) =>
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  Object.defineProperty(target, key, {
    get: () => {
      const value = make();
      settle(value);
      return value;
    },
    set: settle,
    enumerable: true,
    configurable: true,
  });
}
