/**
 * Break-even (issue 13.4), solved exactly, not searched: a proposal's netto is
 * linear in 1 / caseload (rule 4) and in the scenario's fuldtidspersoner
 * (rule 1), so each year has at most one root; the råderum needed to fund the
 * requests down to a priority follows from rule 7 as a maximum of cumulative
 * demand.
 */
import type { Book } from './types';

/** An exact value: a fraction of integers where it is one (450/11), always the number itself. */
export interface ExactValue {
  value: number;
  /** In lowest terms, denominator > 1; absent where the value is whole or not a ratio of safe integers. */
  fraction?: { numerator: number; denominator: number };
}

/**
 * One year's answer:
 * - `at`: the netto is 0 exactly there; `pays` says on which side the netto is ≤ 0
 *   (`above`: at that value or more, `below`: at that value or less);
 * - `never`: no value makes the netto ≤ 0 (it stays a cost);
 * - `always`: the netto is ≤ 0 at every value (the parameter does not decide it).
 */
export type Root = { kind: 'at'; at: ExactValue; pays: 'above' | 'below' } | { kind: 'never' } | { kind: 'always' };

export interface YearRoot {
  year: number;
  root: Root;
}

/** The caseload at which a staffed proposal's netto is 0, per year (one entry when every year is the same). */
export interface CaseloadBreakEven {
  nr: string;
  scenario: string;
  /** The benefit whose `Caseload <ydelse>` applies, when the scenario sets one. */
  caseloadFor?: string;
  /** The caseload the scenario assumes now. */
  current?: number;
  /** Per year; `sameEveryYear` when all years have the same root. */
  years: YearRoot[];
  sameEveryYear: boolean;
}

/** The fuldtidspersoner (rule 1's F_s for the proposal's ydelse) at which its netto is 0, per year. */
export interface FullTimePersonsBreakEven {
  nr: string;
  scenario: string;
  benefit: string;
  /** The row's own Fuldtidspersoner, and what the scenario assumes (the row's where it sets none). */
  rowVolume: number;
  current: number;
  years: YearRoot[];
  sameEveryYear: boolean;
}

/**
 * The råderum needed per year to fund every request with Prioritet ≤ `priority`
 * in full, in the scenario's mode:
 *   pool(t) = Σ netto(t) of the included reductions + max(0, max over k of D_k(t)),
 * D_k(t) the cumulative request of the first k of those requests in priority
 * order (`Prioritet`, `Prioritet, delvis`; a request that pays back in a year
 * frees room there), or of every request (`Forholdsmæssig`: all get one
 * fraction). `Bedste udnyttelse` picks the best set, not an order: not answered.
 */
export interface PoolNeeded {
  scenario: string;
  priority: number;
  /** The requests counted, in priority order (a variant of a group already counted is not). */
  requests: string[];
  /** Per year, unrounded kroner. */
  pool: number[];
  /** Per year: what is available with that pool, the need (max(0, …)). */
  need: number[];
  /** Per year: Σ netto of the included reductions (what they add to the pool has the opposite sign). */
  reductions: number[];
  /** The scenario's own pool per year (0 where none). */
  current: number[];
}

/** Why a question has no answer: each names what the message shows. */
export type BreakEvenRefusal =
  | { reason: 'unknownScenario'; scenario: string }
  | { reason: 'unknownNr'; nr: string }
  | { reason: 'noStaffing'; nr: string }
  | { reason: 'noVolume'; nr: string }
  | { reason: 'caseloadMissing'; nr: string; scenario: string }
  | { reason: 'refusionRateMissing'; nr: string; scenario: string }
  | { reason: 'bestFill'; scenario: string }
  | { reason: 'noRequests'; scenario: string; priority: number };

export type Answer<T> = { ok: true; value: T } | { ok: false; refusal: BreakEvenRefusal };

export function breakEvenCaseload(book: Book, scenarioName: string, nr: string): Answer<CaseloadBreakEven> {
  void book;
  void scenarioName;
  void nr;
  throw new Error('not yet');
}

export function breakEvenFullTimePersons(book: Book, scenarioName: string, nr: string): Answer<FullTimePersonsBreakEven> {
  void book;
  void scenarioName;
  void nr;
  throw new Error('not yet');
}

export function poolToFundPriority(book: Book, scenarioName: string, priority: number): Answer<PoolNeeded> {
  void book;
  void scenarioName;
  void priority;
  throw new Error('not yet');
}

/** A fraction in lowest terms when both are safe integers (and the denominator is not 0). */
export function exactRatio(numerator: number, denominator: number): ExactValue {
  void numerator;
  void denominator;
  throw new Error('not yet');
}
