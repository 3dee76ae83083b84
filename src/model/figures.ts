/**
 * Rules 6, 7 and 9: every figure a user sees, rounded to a step (1 kr. for
 * the command line's JSON, the workbook's unit for sheets and the pane).
 * Leaves are rounded half away from zero; netto, totals, subtotals,
 * differences and what is left are sums of rounded leaves, so every row and
 * column adds up; shares add up per year by largest remainder. Layouts only
 * place these figures; they never add, round or convert them.
 */
import type { FundingStatus } from './allocation';
import { largestRemainder, roundHalfAwayFromZero, roundToTotal, TOLERANCE } from './rounding';
import type { Evaluation, NettoStep, ScenarioResult } from './scenarios';
import type { AllocationMode, Kind } from './types';

/** Per year: Udgift (and its split), Indtægt, Investering and their netto. */
export interface Amounts {
  udgift: number[];
  split?: { service: number[]; ejService: number[] };
  indtaegt: number[];
  investering: number[];
  netto: number[];
}

/** A proposal's figures in one scenario, rounded (`fullTimePersons` is as assumed, not rounded). */
export interface ProposalFigures extends Amounts {
  nr: string;
  title: string;
  committee: string;
  kind: Kind;
  included: boolean;
  priority?: number;
  fullTimePersons?: number;
  /** Netto per fuldtidsperson in whole kroner. */
  nettoPerPerson?: number[];
  /** How the netto came about, unrounded (rules 1–5): the basis of an explanation. */
  steps: NettoStep[];
}

/** The included proposals of one Udvalg (`''`: none stated), in the order first met. */
export interface CommitteeFigures {
  committee: string;
  proposals: ProposalFigures[];
  total: Amounts;
}

export interface RequestFigures {
  nr: string;
  title: string;
  priority?: number;
  status: FundingStatus;
  request: number[];
  funded: number[];
  /** Unrounded funded amount. */
  fundedExact: number[];
  /** Unrounded fraction of what is available (0 where nothing is available, rule 6a). */
  share: number[];
  /** The share as shown: a fraction with one decimal in percent, adding up per year with the others and what is left. */
  shownShare: number[];
}

export interface ScenarioFigures {
  name: string;
  mode: AllocationMode;
  /** Every proposal, in workbook order. */
  proposals: ProposalFigures[];
  /** The included proposals by Udvalg. */
  committees: CommitteeFigures[];
  /** Σ of the included proposals. */
  total: Amounts;
  totalNetto: number[];
  pool: number[];
  reductions: number[];
  available: number[];
  /** Unrounded availability, which shares are fractions of. */
  availableExact: number[];
  /** In priority order. */
  requests: RequestFigures[];
  /** Σ of what the requests ask for. */
  requested: number[];
  funded: number[];
  remaining: number[];
  effect: number[];
  /** Shown shares of what is available: all funded together, and what is left. */
  fundedShare: number[];
  remainingShare: number[];
}

/** Per year, a figure in the reference scenario, in the other, and the difference (other − reference). */
export interface Difference {
  reference: number[];
  scenario: number[];
  difference: number[];
}

export interface ProposalComparison extends Difference {
  nr: string;
  title: string;
  /** Left out (its netto counts as 0) in the reference, in the scenario. */
  excludedInReference: boolean;
  excludedInScenario: boolean;
}

/** Rule 9: a scenario against a reference scenario (the base in the sheets). */
export interface Comparison {
  scenario: string;
  reference: string;
  proposals: ProposalComparison[];
  totalNetto: Difference;
  available: Difference;
  funded: Difference;
  remaining: Difference;
  effect: Difference;
}

export interface BookFigures {
  years: number[];
  /** What amounts are rounded to, in kroner. */
  step: number;
  scenarios: ScenarioFigures[];
  /** Every scenario after the first against the first (the base). */
  comparisons: Comparison[];
}

export const addYears = (rows: readonly (readonly number[])[], years: number): number[] => {
  const totals = new Array<number>(years).fill(0);
  for (const r of rows) for (let t = 0; t < years; t++) totals[t] += r[t];
  return totals;
};

const zerosOf = (years: number): number[] => new Array<number>(years).fill(0);

/** Σ of amounts; the split only when some proposal splits (a row without counts as 0 in each part). */
function totalOf(proposals: readonly Amounts[], years: number, withSplit: boolean): Amounts {
  const add = (pick: (p: Amounts) => readonly number[]) => addYears(proposals.map(pick), years);
  const zeros = zerosOf(years);
  return {
    udgift: add((p) => p.udgift),
    split: withSplit
      ? { service: add((p) => p.split?.service ?? zeros), ejService: add((p) => p.split?.ejService ?? zeros) }
      : undefined,
    indtaegt: add((p) => p.indtaegt),
    investering: add((p) => p.investering),
    netto: add((p) => p.netto),
  };
}

export function scenarioFigures(result: ScenarioResult, years: number, step: number, withSplit = false): ScenarioFigures {
  const round = (values: readonly number[]) => values.map((v) => roundHalfAwayFromZero(v, step));
  const proposals = result.proposals.map((r): ProposalFigures => {
    const split = r.split && { service: round(r.split.service), ejService: round(r.split.ejService) };
    const udgift = split ? split.service.map((s, t) => s + split.ejService[t]) : round(r.udgift);
    const indtaegt = round(r.indtaegt);
    const investering = round(r.investering);
    const netto = udgift.map((u, t) => u + indtaegt[t] + investering[t]);
    const persons = r.fullTimePersons;
    return {
      nr: r.proposal.nr,
      title: r.proposal.title,
      committee: r.proposal.committee,
      kind: r.kind,
      included: r.included,
      priority: r.proposal.priority,
      udgift,
      split,
      indtaegt,
      investering,
      netto,
      fullTimePersons: persons,
      // From the exact netto: in 1.000 kr. or mio. kr. the rounded netto would move the figure per person by hundreds of kroner.
      nettoPerPerson: persons !== undefined && persons > 0 ? r.netto.map((n) => roundHalfAwayFromZero(n / persons)) : undefined,
      steps: r.steps,
    };
  });
  const byNr = new Map(proposals.map((p) => [p.nr, p]));
  const included = proposals.filter((p) => p.included);
  // Grouped in one pass (a committee per proposal must not cost proposals × committees).
  const byCommittee = new Map<string, ProposalFigures[]>();
  for (const p of included) {
    const group = byCommittee.get(p.committee);
    if (group) group.push(p);
    else byCommittee.set(p.committee, [p]);
  }
  const committees = [...byCommittee].map(([committee, group]) => ({
    committee,
    proposals: group,
    total: totalOf(group, years, withSplit),
  }));
  const reductions = addYears(
    included.filter((p) => p.kind === 'Reduktion').map((p) => p.netto),
    years,
  );
  const pool = round(result.pool);
  const available = pool.map((p, t) => p - reductions[t]);
  const { allocation } = result;
  const requests = allocation.fundings.map((f) => {
    const p = byNr.get(f.nr) as ProposalFigures;
    // A request funded in full gets exactly its rounded netto, so it never shows more or less than asked.
    const funded = f.status === 'funded' ? [...p.netto] : f.status === 'partial' ? round(f.funded) : p.netto.map(() => 0);
    return {
      nr: f.nr,
      title: p.title,
      priority: p.priority,
      status: f.status,
      request: p.netto,
      funded,
      fundedExact: [...f.funded],
      share: f.funded.map((v, t) => (allocation.available[t] > TOLERANCE ? v / allocation.available[t] : 0)),
      shownShare: zerosOf(years),
    };
  });
  // Rule 6: an allocation that fits is never shown as an overdraft. Where the funded amounts, each rounded on
  // its own, add up to more than is shown available in a year that fits, that year is rounded as a whole.
  for (let t = 0; t < years; t++) {
    let shown = 0;
    for (const r of requests) shown += r.funded[t];
    const fits = allocation.remaining[t] >= -TOLERANCE;
    if (!fits || shown <= available[t] || requests.length === 0) continue;
    const exact = requests.map((r) => r.fundedExact[t]);
    let exactSum = 0;
    for (const x of exact) exactSum += x;
    const total = Math.min(roundHalfAwayFromZero(exactSum, step), available[t]);
    roundToTotal(exact, step, total).forEach((v, i) => (requests[i].funded[t] = v));
  }
  // Shares with one decimal, adding up per year with what is left to 100,0 %. Made from the amounts
  // (rule 6a): nothing available (up to the tolerance) gives every share 0.
  const fundedShare = zerosOf(years);
  const remainingShare = zerosOf(years);
  for (let t = 0; t < years; t++) {
    const availableExact = allocation.available[t];
    if (availableExact <= TOLERANCE) continue;
    const funded = requests.map((r) => r.fundedExact[t]);
    let left = availableExact;
    for (const x of funded) left -= x;
    const shares = largestRemainder([...funded, left], 1000, availableExact);
    let units = 0;
    requests.forEach((r, i) => {
      r.shownShare[t] = shares[i];
      units += Math.round(shares[i] * 1000);
    });
    fundedShare[t] = units / 1000;
    remainingShare[t] = shares[requests.length];
  }
  const funded = addYears(
    requests.map((r) => r.funded),
    years,
  );
  const total = totalOf(included, years, withSplit);
  return {
    name: result.scenario.name,
    mode: result.scenario.mode,
    proposals,
    committees,
    total,
    totalNetto: total.netto,
    pool,
    reductions,
    available,
    availableExact: [...allocation.available],
    requests,
    requested: addYears(
      requests.map((r) => r.request),
      years,
    ),
    funded,
    remaining: available.map((a, t) => a - funded[t]),
    effect: reductions.map((r, t) => r + funded[t]),
    fundedShare,
    remainingShare,
  };
}

const differenceOf = (reference: readonly number[], scenario: readonly number[]): Difference => ({
  reference: [...reference],
  scenario: [...scenario],
  difference: scenario.map((v, t) => v - reference[t]),
});

/**
 * Rule 9: per proposal and year the difference in netto (a proposal left out
 * counts as 0), and per year the differences in available, funded, left and
 * budget effect. Both scenarios come from one evaluation, so proposals match by position.
 */
export function compareScenarios(scenario: ScenarioFigures, reference: ScenarioFigures): Comparison {
  const inPackage = (p: ProposalFigures) => (p.included ? p.netto : p.netto.map(() => 0));
  return {
    scenario: scenario.name,
    reference: reference.name,
    proposals: scenario.proposals.map((p, i) => {
      const q = reference.proposals[i];
      return {
        nr: p.nr,
        title: p.title,
        excludedInReference: !q.included,
        excludedInScenario: !p.included,
        ...differenceOf(inPackage(q), inPackage(p)),
      };
    }),
    totalNetto: differenceOf(reference.totalNetto, scenario.totalNetto),
    available: differenceOf(reference.available, scenario.available),
    funded: differenceOf(reference.funded, scenario.funded),
    remaining: differenceOf(reference.remaining, scenario.remaining),
    effect: differenceOf(reference.effect, scenario.effect),
  };
}

/** Every figure of an evaluation, rounded to `step` kroner. */
export function bookFigures(evaluation: Evaluation, step: number): BookFigures {
  const years = evaluation.years.length;
  // The split columns appear when any proposal in any scenario splits its Udgift; totals then carry them.
  const withSplit = evaluation.scenarios.some((s) => s.proposals.some((p) => p.split));
  const scenarios = evaluation.scenarios.map((s) => scenarioFigures(s, years, step, withSplit));
  const [base, ...others] = scenarios;
  return {
    years: evaluation.years,
    step,
    scenarios,
    comparisons: base ? others.map((s) => compareScenarios(s, base)) : [],
  };
}

/** An amount typed in a unit of `kronerPerUnit` kroner (`Enhed`), in kroner: the calculation's own unit. */
export const inKroner = (typed: number, kronerPerUnit: number): number => typed * kronerPerUnit;

/**
 * The Udgift a split gives (service + ej service, year by year), and whether a
 * stated Udgift agrees with it: typed figures agree within half a krone.
 */
export const splitUdgift = (service: readonly number[], ejService: readonly number[]): number[] =>
  service.map((s, t) => s + ejService[t]);
export const agreesWithSplit = (udgift: number, split: number): boolean => Math.abs(udgift - split) <= HALF_A_KRONE;
const HALF_A_KRONE = 0.5;

/** Kroner → a unit of `kronerPerUnit`; the figures are already rounded to its step, so this only moves the decimal point. */
export const inUnit = (kroner: readonly number[], kronerPerUnit: number): number[] =>
  kroner.map((v) => Math.round((v / kronerPerUnit) * 10) / 10 || 0);

/** One amount in kroner as typed in a unit (for messages that quote the user's figures). */
export const asTyped = (kroner: number, kronerPerUnit: number): number => kroner / kronerPerUnit;
