/**
 * Proposals × scenarios → unrounded results (rules 1–5, 7, 8), the kind of each
 * proposal (rule 0, from the base scenario) and problems with their places.
 */
import { allocate, type Allocation } from './allocation';
import { MAX_BEST_FILL_REQUESTS } from './best-fill';
import { problem, warning, type Issue } from './problems';
import { isExactAmount, MAX_AMOUNT } from './rounding';
import {
  addYears,
  kindFromNetto,
  netto,
  refusionChange,
  scaleByVolume,
  staffingCost,
  staircaseRate,
  staircaseSharesAddUp,
  staircaseSharesPercent,
  zeros,
} from './rules';
import type { Book, Kind, Proposal, Scenario, StaircaseShares } from './types';

/**
 * One step of the calculation of a proposal's netto in a scenario (rules 1–5),
 * unrounded, with the inputs it used: what an explanation of a figure shows.
 */
export type NettoStep =
  /** The gross change the row states. */
  | { rule: 'udgift'; udgift: readonly number[] }
  /** Rule 1: Udgift scaled by the scenario's fuldtidspersoner for the ydelse. */
  | { rule: 'volume'; benefit: string; rowVolume: number; scenarioVolume: number; udgift: readonly number[] }
  /** Rules 2–3: the change in refusion income, at the row's own rate, the scenario's, or the staircase's. */
  | {
      rule: 'refusion';
      share: number;
      rate: number;
      source: 'row' | 'scenario' | 'staircase';
      durationShares?: StaircaseShares;
      refusion: readonly number[];
    }
  /** Stated Indtægt (a grant, a co-financing), as stated. */
  | { rule: 'indtaegt'; indtaegt: readonly number[] }
  /** Stated Investering, as stated. */
  | { rule: 'investering'; investering: readonly number[] }
  /** Rule 4: staff needed at the scenario's caseload, over today's staff, at the årsværkspris; every year. */
  | {
      rule: 'caseload';
      cases: number;
      caseload: number;
      caseloadFor?: string;
      currentStaff: number;
      staffPrice: number;
      staffNeeded: number;
      cost: number;
    }
  /** Rule 5: the sum of the parts. */
  | { rule: 'netto'; netto: readonly number[] };

/** A proposal's figures per year in one scenario, unrounded. */
export interface YearFigures {
  udgift: number[];
  split?: { service: number[]; ejService: number[] };
  /** Refusion change plus stated Indtægt. */
  indtaegt: number[];
  /** Stated Investering plus caseload staffing. */
  investering: number[];
  netto: number[];
  /** Fuldtidspersoner this scenario assumes for the row, where the row gives a volume. */
  fullTimePersons?: number;
  steps: NettoStep[];
}

export interface ProposalResult extends YearFigures {
  proposal: Proposal;
  kind: Kind;
  included: boolean;
}

export interface ScenarioResult {
  scenario: Scenario;
  proposals: ProposalResult[];
  pool: number[];
  /** Σ netto of the included reductions, per year. */
  reductions: number[];
  allocation: Allocation;
}

export interface Evaluation {
  years: number[];
  scenarios: ScenarioResult[];
  issues: Issue[];
}

/** Rules 1–5 for one proposal in one scenario. */
export function proposalFigures(p: Proposal, s: Scenario, issues: Issue[]): YearFigures {
  // The steps share the proposal's arrays (never changed after reading): no copies per proposal and scenario.
  const steps: NettoStep[] = [{ rule: 'udgift', udgift: p.udgift }];
  const scenarioVolume = p.benefit !== undefined ? s.fullTimePersonsByBenefit[p.benefit] : undefined;
  const scales = p.fullTimePersons !== undefined && p.fullTimePersons > 0 && scenarioVolume !== undefined;
  const scale = (values: number[]): number[] =>
    scales ? scaleByVolume(values, p.fullTimePersons as number, scenarioVolume as number) : [...values];
  const udgift = scale(p.udgift);
  const split = p.split && { service: scale(p.split.service), ejService: scale(p.split.ejService) };
  if (scales)
    steps.push({
      rule: 'volume',
      benefit: p.benefit as string,
      rowVolume: p.fullTimePersons as number,
      scenarioVolume: scenarioVolume as number,
      udgift,
    });

  let refusion = zeros(udgift.length);
  if (p.refusionShare !== undefined) {
    const found =
      p.refusionRate !== undefined ? ({ rate: p.refusionRate, source: 'row' } as const) : refusionRateFor(p, s, issues);
    if (found !== undefined) {
      refusion = refusionChange(udgift, p.refusionShare, found.rate);
      steps.push({ rule: 'refusion', share: p.refusionShare, ...found, refusion });
    }
  }
  if (p.hasStatedIndtaegt) steps.push({ rule: 'indtaegt', indtaegt: p.indtaegt });
  if (p.investering.some((v) => v !== 0)) steps.push({ rule: 'investering', investering: p.investering });

  let investering = [...p.investering];
  if (p.staffing) {
    const own = p.benefit !== undefined ? s.caseloadByBenefit[p.benefit] : undefined;
    const caseload = own ?? s.caseload;
    if (caseload === undefined) {
      issues.push(problem('caseloadMissing', { scenario: s.name, nr: p.nr, benefit: p.benefit ?? '' }, p.places.staffing));
    } else {
      const cost = staffingCost(p.staffing, caseload);
      investering = investering.map((i) => i + cost);
      steps.push({
        rule: 'caseload',
        cases: p.staffing.cases,
        caseload,
        caseloadFor: own !== undefined ? p.benefit : undefined,
        currentStaff: p.staffing.currentStaff,
        staffPrice: p.staffing.staffPrice,
        staffNeeded: p.staffing.cases / caseload,
        cost,
      });
    }
  }
  const indtaegt = addYears(refusion, p.indtaegt);
  const nettoPerYear = netto(udgift, refusion, p.indtaegt, investering);
  steps.push({ rule: 'netto', netto: nettoPerYear });
  return {
    udgift,
    split,
    indtaegt,
    investering,
    netto: nettoPerYear,
    fullTimePersons: p.fullTimePersons === undefined ? undefined : (scenarioVolume ?? p.fullTimePersons),
    steps,
  };
}

type FoundRate = { rate: number; source: 'scenario' } | { rate: number; source: 'staircase'; durationShares: StaircaseShares };

function refusionRateFor(p: Proposal, s: Scenario, issues: Issue[]): FoundRate | undefined {
  const spec = p.benefit !== undefined ? s.refusionByBenefit[p.benefit] : undefined;
  if (spec === undefined) {
    issues.push(problem('refusionRateMissing', { scenario: s.name, nr: p.nr, benefit: p.benefit ?? '' }, p.places.refusionShare));
    return undefined;
  }
  return 'rate' in spec
    ? { rate: spec.rate, source: 'scenario' }
    : { rate: staircaseRate(spec.durationShares), source: 'staircase', durationShares: spec.durationShares };
}

/** Checks on scenarios alone: staircase shares, caseloads, exclusions, missing pools. */
function checkScenario(s: Scenario, book: Book, issues: Issue[]): void {
  for (const [benefit, spec] of Object.entries(s.refusionByBenefit)) {
    if ('durationShares' in spec && !staircaseSharesAddUp(spec.durationShares))
      issues.push(
        problem('staircaseSum', { scenario: s.name, benefit, sum: staircaseSharesPercent(spec.durationShares) }, s.place),
      );
  }
  const missingYears = book.years.filter((_, t) => s.pool[t] === undefined);
  if (missingYears.length > 0) issues.push(warning('poolMissing', { scenario: s.name, years: missingYears.join(', ') }, s.place));
}

/** A scenario that states nothing: no pool, no rates, priority order, nothing left out. */
export function newScenario(name: string, fields: Partial<Scenario> = {}): Scenario {
  return {
    name,
    pool: [],
    caseloadByBenefit: {},
    refusionByBenefit: {},
    fullTimePersonsByBenefit: {},
    mode: 'priority',
    excluded: [],
    ...fields,
  };
}

/** Progress of a run: the scenario whose råderum is being handed out, and the fraction of that search done. */
export interface Progress {
  scenario: string;
  done: number;
}

export interface EvaluateOptions {
  /** Called during slow searches (best fill), so a caller can show progress. */
  onProgress?: (progress: Progress) => void;
}

export function evaluate(book: Book, options: EvaluateOptions = {}): Evaluation {
  const issues: Issue[] = [];
  const n = book.years.length;
  const base = book.scenarios[0];
  const baseIssues: Issue[] = [];
  const kinds = new Map<string, Kind>();
  for (const p of book.proposals) {
    kinds.set(p.nr, p.statedKind ?? kindFromNetto(proposalFigures(p, base, baseIssues).netto));
    if (p.refusionShare !== undefined && p.hasStatedIndtaegt)
      issues.push(warning('refusionAndIndtaegt', { nr: p.nr }, p.places.refusionShare));
  }

  const scenarios = book.scenarios.map((s): ScenarioResult => {
    checkScenario(s, book, issues);
    const excluded = new Set(s.excluded);
    const proposals = book.proposals.map((p): ProposalResult => {
      const figures = proposalFigures(p, s, issues);
      return { proposal: p, kind: kinds.get(p.nr) as Kind, included: !excluded.has(p.nr), ...figures };
    });
    const included = proposals.filter((r) => r.included);
    const reductions = zeros(n);
    for (const r of included) if (r.kind === 'Reduktion') r.netto.forEach((v, t) => (reductions[t] += v));
    const pool = book.years.map((_, t) => s.pool[t] ?? 0);
    const available = pool.map((v, t) => v - reductions[t]);
    if (!figuresAreExact(s, book.years, proposals, pool, issues))
      return {
        scenario: s,
        proposals,
        pool,
        reductions,
        allocation: allocate(
          'priority',
          available.map(() => 0),
          [],
        ),
      };
    const requests = included
      .filter((r) => r.kind === 'Udvidelse')
      .map((r) => ({ nr: r.proposal.nr, amount: r.netto, priority: r.proposal.priority, order: r.proposal.order }));
    if (s.mode === 'best-fill' && requests.length > MAX_BEST_FILL_REQUESTS) {
      issues.push(problem('bestFillTooMany', { scenario: s.name, count: requests.length, max: MAX_BEST_FILL_REQUESTS }, s.place));
      return { scenario: s, proposals, pool, reductions, allocation: allocate('priority', available, []) };
    }
    return {
      scenario: s,
      proposals,
      pool,
      reductions,
      allocation: allocate(s.mode, available, requests, {
        onProgress: options.onProgress && ((done) => options.onProgress?.({ scenario: s.name, done })),
      }),
    };
  });
  return { years: book.years, scenarios, issues: dedupe(issues) };
}

/**
 * Rule 6a: computed figures are rounded exactly only up to MAX_AMOUNT. Every
 * leaf figure must be finite and within it, and so must the sum of a year's
 * magnitudes (pool and every leaf), which bounds every total, subtotal and
 * difference shown. A figure outside is a problem in the scenario, never output.
 */
function figuresAreExact(
  s: Scenario,
  years: readonly number[],
  proposals: readonly ProposalResult[],
  pool: readonly number[],
  issues: Issue[],
): boolean {
  let exact = true;
  const magnitudes = pool.map((v) => Math.abs(v));
  for (const r of proposals) {
    const leaves = [r.udgift, r.indtaegt, r.investering, r.netto, ...(r.split ? [r.split.service, r.split.ejService] : [])];
    const bad = years.findIndex((_, t) => leaves.some((values) => !isExactAmount(values[t])));
    const persons = r.fullTimePersons;
    const perPerson = persons !== undefined && persons > 0 && years.findIndex((_, t) => !isExactAmount(r.netto[t] / persons));
    if (bad >= 0 || (perPerson !== false && perPerson >= 0)) {
      const year = years[bad >= 0 ? bad : (perPerson as number)];
      issues.push(problem('amountTooLarge', { scenario: s.name, nr: r.proposal.nr, year, max: MAX_AMOUNT }, s.place));
      exact = false;
      continue;
    }
    years.forEach((_, t) => (magnitudes[t] += Math.abs(r.udgift[t]) + Math.abs(r.indtaegt[t]) + Math.abs(r.investering[t])));
  }
  if (!exact) return false;
  const year = years.findIndex((_, t) => !isExactAmount(magnitudes[t]));
  if (year >= 0) {
    issues.push(problem('totalTooLarge', { scenario: s.name, year: years[year], max: MAX_AMOUNT }, s.place));
    return false;
  }
  return true;
}

/** The same problem found in several scenarios is reported once. */
function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = JSON.stringify([i.code, i.place, i.params]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
