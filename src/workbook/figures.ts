/**
 * Rule 6 at the edge: leaves rounded half away from zero to a step (1 kr. for
 * JSON, the workbook's unit for sheets); netto, totals, differences and what is
 * left are sums of rounded leaves, so every row and column adds up.
 */
import type { FundingStatus } from '../model/allocation';
import { roundHalfAwayFromZero, roundToTotal, TOLERANCE } from '../model/rounding';
import type { Evaluation, ScenarioResult, YearFigures } from '../model/scenarios';
import type { AllocationMode, Kind } from '../model/types';

/** A proposal's figures in one scenario, rounded (so `fullTimePersons` is as assumed, not rounded). */
export interface ProposalFigures extends YearFigures {
  nr: string;
  title: string;
  committee: string;
  kind: Kind;
  included: boolean;
  priority?: number;
  /** Netto per fuldtidsperson in whole kroner. */
  nettoPerPerson?: number[];
}

export interface RequestFigures {
  nr: string;
  title: string;
  priority?: number;
  status: FundingStatus;
  request: number[];
  funded: number[];
  /** Unrounded funded amount, which shares are made from. */
  fundedExact: number[];
  /** Unrounded fraction of what is available (0 where nothing is available, rule 6a). */
  share: number[];
}

export interface ScenarioFigures {
  name: string;
  mode: AllocationMode;
  proposals: ProposalFigures[];
  totalNetto: number[];
  pool: number[];
  reductions: number[];
  available: number[];
  /** Unrounded availability, which shares are fractions of. */
  availableExact: number[];
  requests: RequestFigures[];
  funded: number[];
  remaining: number[];
  effect: number[];
}

const addUp = (rows: readonly number[][], years: number): number[] => {
  const totals = new Array<number>(years).fill(0);
  for (const r of rows) for (let t = 0; t < years; t++) totals[t] += r[t];
  return totals;
};

export function scenarioFigures(result: ScenarioResult, years: number, step: number): ScenarioFigures {
  const round = (values: readonly number[]) => values.map((v) => roundHalfAwayFromZero(v, step));
  const proposals = result.proposals.map((r): ProposalFigures => {
    const split = r.split && { service: round(r.split.service), ejService: round(r.split.ejService) };
    const udgift = split ? split.service.map((s, t) => s + split.ejService[t]) : round(r.udgift);
    const indtaegt = round(r.indtaegt);
    const investering = round(r.investering);
    const netto = udgift.map((u, t) => u + indtaegt[t] + investering[t]);
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
      fullTimePersons: r.fullTimePersons,
      nettoPerPerson:
        r.fullTimePersons !== undefined && r.fullTimePersons > 0
          ? netto.map((n) => roundHalfAwayFromZero(n / (r.fullTimePersons as number)))
          : undefined,
    };
  });
  const byNr = new Map(proposals.map((p) => [p.nr, p]));
  const included = proposals.filter((p) => p.included);
  const reductions = addUp(
    included.filter((p) => p.kind === 'Reduktion').map((p) => p.netto),
    years,
  );
  const pool = round(result.pool);
  const available = pool.map((p, t) => p - reductions[t]);
  const { allocation } = result;
  const requests = allocation.fundings.map((f): RequestFigures => {
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
  const funded = addUp(
    requests.map((r) => r.funded),
    years,
  );
  return {
    name: result.scenario.name,
    mode: result.scenario.mode,
    proposals,
    totalNetto: addUp(
      included.map((p) => p.netto),
      years,
    ),
    pool,
    reductions,
    available,
    availableExact: [...allocation.available],
    requests,
    funded,
    remaining: available.map((a, t) => a - funded[t]),
    effect: reductions.map((r, t) => r + funded[t]),
  };
}

export function evaluationFigures(evaluation: Evaluation, step: number): ScenarioFigures[] {
  return evaluation.scenarios.map((s) => scenarioFigures(s, evaluation.years.length, step));
}
