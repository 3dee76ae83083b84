/**
 * Rules 6, 7 and 9: every figure a user sees, rounded to a step (1 kr. for
 * the command line's JSON, the workbook's unit for sheets and the pane).
 * Leaves are rounded half away from zero; netto, totals, subtotals,
 * differences and what is left are sums of rounded leaves, so every row and
 * column adds up; shares add up per year by largest remainder. Layouts only
 * place these figures; they never add, round or convert them.
 */
import {
  allocationTable,
  alternativesFunded,
  FUNDED,
  STATUSES,
  UNFUNDED,
  type FundingStatus,
  type RequestTable,
} from './allocation';
import { largestRemainderInto, roundHalfAwayFromZero, roundToTotal, TOLERANCE } from './rounding';
import type { Evaluation, ProposalResult, ScenarioResult } from './scenarios';
import { lazyField, zerosShared } from './rules';
import type { AllocationMode, Kind } from './types';

/** Per year: Udgift (and its split), Indtægt, Investering and their netto. */
export interface Amounts {
  udgift: readonly number[];
  split?: { service: readonly number[]; ejService: readonly number[] };
  indtaegt: readonly number[];
  investering: readonly number[];
  netto: readonly number[];
}

/** A proposal's figures in one scenario, rounded (`fullTimePersons` is as assumed, not rounded). */
export interface ProposalFigures extends Amounts {
  nr: string;
  title: string;
  committee: string;
  kind: Kind;
  included: boolean;
  priority?: number;
  /** Variants (issue 13): the Nr of the main request this one is an alternative to; a variant counts in no total. */
  alternativeTo?: string;
  fullTimePersons?: number;
  /** Netto per fuldtidsperson in whole kroner. */
  nettoPerPerson?: number[];
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
  request: readonly number[];
  funded: readonly number[];
  /** Unrounded funded amount. */
  fundedExact: readonly number[];
  /** Unrounded fraction of what is available (0 where nothing is available, rule 6a). */
  share: readonly number[];
  /** The share as shown: a fraction with one decimal in percent, adding up per year with the others and what is left. */
  shownShare: readonly number[];
  /** Variants: the Nr of the main request this one is an alternative to. */
  alternativeTo?: string;
  /** Variants: not funded because this member of its group is funded (in full or in part). */
  alternativeFunded?: string;
}

export interface ScenarioFigures {
  name: string;
  mode: AllocationMode;
  /** Every proposal, in workbook order. */
  proposals: ProposalFigures[];
  /** The included proposals by Udvalg (variants, issue 13, in none: a group counts once, by its main request). */
  committees: CommitteeFigures[];
  /** Σ of the included proposals that are no variant. */
  total: Amounts;
  totalNetto: readonly number[];
  pool: number[];
  reductions: number[];
  available: number[];
  /** Unrounded availability, which shares are fractions of. */
  availableExact: readonly number[];
  /** In priority order. */
  requests: RequestFigures[];
  /** Σ of what the requests ask for; a group of variants once, by its main request (as in total netto). */
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
  reference: readonly number[];
  scenario: readonly number[];
  difference: readonly number[];
}

export interface ProposalComparison extends Difference {
  nr: string;
  title: string;
  /** Left out (its netto counts as 0) in the reference, in the scenario. */
  excludedInReference: boolean;
  excludedInScenario: boolean;
}

/** Rule 9: a scenario against a reference scenario (the base in the sheets). */
/** A request's funding in the reference and in the scenario (rule 9 for the råderum). */
export interface RequestComparison {
  nr: string;
  title: string;
  /** Its status where it is in the package; undefined where it is left out. */
  statusInReference?: FundingStatus;
  statusInScenario?: FundingStatus;
  /** Funded per year (0 where left out), and the difference. */
  funded: Difference;
  /** Whether its status or a funded amount differs. */
  changed: boolean;
}

export interface Comparison {
  scenario: string;
  reference: string;
  proposals: ProposalComparison[];
  /** Every request of either scenario: the scenario's in priority order, then those only the reference has. */
  requests: RequestComparison[];
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

const zerosOf = (years: number): number[] => new Array<number>(years).fill(0);

/** Σ of amounts, in one pass; the split only when some proposal splits (a row without counts as 0 in each part). */
function totalOf(proposals: readonly Amounts[], years: number, withSplit: boolean): Amounts {
  const udgift = zerosOf(years);
  const indtaegt = zerosOf(years);
  const investering = zerosOf(years);
  const netto = zerosOf(years);
  const service = zerosOf(years);
  const ejService = zerosOf(years);
  for (const p of proposals) {
    for (let t = 0; t < years; t++) {
      udgift[t] += p.udgift[t];
      indtaegt[t] += p.indtaegt[t];
      investering[t] += p.investering[t];
      netto[t] += p.netto[t];
    }
    if (withSplit && p.split)
      for (let t = 0; t < years; t++) {
        service[t] += p.split.service[t];
        ejService[t] += p.split.ejService[t];
      }
  }
  return { udgift, split: withSplit ? { service, ejService } : undefined, indtaegt, investering, netto };
}

/**
 * Rounding is memoised on the unrounded objects, which the calculation shares
 * between scenarios and runs: a proposal whose figures are the same in several
 * scenarios, or that a change does not touch, is rounded once. Each call has
 * its own memo, which takes what it uses from the previous call's: memory
 * holds one run's figures and the last's, never a history.
 */
class Memo {
  readonly proposals = new Map<ProposalResult, ProposalFigures>();
  readonly parts = new Map<readonly ProposalResult[], ScenarioParts>();
  readonly comparisons = new Map<readonly ProposalFigures[], Map<readonly ProposalFigures[], ProposalComparison[]>>();
  readonly unchanged = new Map<ProposalFigures, ProposalComparison>();
  readonly scenarios = new Map<ScenarioResult, ScenarioFigures>();
  /** Each scenario's list of this run, by position: the next run's nearest reference for the same scenario. */
  lists: (readonly ProposalResult[])[] = [];
  readonly compared = new Map<ScenarioFigures, Map<ScenarioFigures, Comparison>>();
  /** The first list of a run (the base's) and where each of its proposals sits: other lists are made from it. */
  reference?: Reference;
  /** Of a list made from the reference: the positions whose proposal differs from it. */
  readonly changedFromReference = new Map<readonly ProposalFigures[], number[]>();
  constructor(
    readonly step: number,
    readonly withSplit: boolean,
    private before?: Memo,
  ) {}

  /** The previous run's list of the scenario at a position. */
  previousList(index: number): readonly ProposalResult[] | undefined {
    return this.before?.lists[index];
  }

  /** The previous run's parts of a list, if it made them. */
  previousParts(results: readonly ProposalResult[]): ScenarioParts | undefined {
    return this.before?.parts.get(results);
  }

  /** Lets go of the previous run's memo once this run is made. */
  forget(): void {
    this.before = undefined;
  }

  /** The memoised value for a key, from this run, else the previous one (kept), else made. */
  get<K, V>(pick: (memo: Memo) => Map<K, V>, key: K, make: () => V): V {
    const here = pick(this);
    let value = here.get(key);
    if (value === undefined) {
      value = (this.before && pick(this.before).get(key)) ?? make();
      here.set(key, value);
    }
    return value;
  }
}

const memos = new WeakMap<BookFigures, Memo>();

/** Rule 6 for one list of amounts: each half away from zero to the step. */
function roundedArray(values: readonly number[], memo: Memo): readonly number[] {
  // Four numbers: rounding them again costs less than looking them up.
  const n = values.length;
  const result = new Array<number>(n);
  let zero = true;
  let same = true;
  for (let t = 0; t < n; t++) {
    const v = values[t];
    const rounded = roundHalfAwayFromZero(v, memo.step);
    result[t] = rounded;
    if (rounded !== 0) zero = false;
    if (!Object.is(rounded, v)) same = false;
  }
  // Already whole multiples of the step (typed kroner): the amounts themselves, never changed, as every figure.
  return zero ? zerosShared(n) : same ? values : result;
}

function proposalFiguresOf(r: ProposalResult, memo: Memo): ProposalFigures {
  // The hot path of a run (proposals × scenarios): a plain lookup first.
  return memo.proposals.get(r) ?? memo.get(PROPOSALS, r, () => roundProposal(r, memo));
}
const PROPOSALS = (m: Memo) => m.proposals;

function roundProposal(r: ProposalResult, memo: Memo): ProposalFigures {
  const years = r.udgift.length;
  let udgift: readonly number[];
  let split: { service: readonly number[]; ejService: readonly number[] } | undefined;
  if (r.split) {
    const service = roundedArray(r.split.service, memo);
    const ejService = roundedArray(r.split.ejService, memo);
    split = { service, ejService };
    const sum = new Array<number>(years);
    for (let t = 0; t < years; t++) sum[t] = service[t] + ejService[t];
    udgift = sum;
  } else udgift = roundedArray(r.udgift, memo);
  const indtaegt = roundedArray(r.indtaegt, memo);
  const investering = roundedArray(r.investering, memo);
  const netto = new Array<number>(years);
  for (let t = 0; t < years; t++) netto[t] = udgift[t] + indtaegt[t] + investering[t];
  const persons = r.fullTimePersons;
  let nettoPerPerson: number[] | undefined;
  if (persons !== undefined && persons > 0) {
    // From the exact netto: in 1.000 kr. or mio. kr. the rounded netto would move the figure per person by hundreds of kroner.
    nettoPerPerson = new Array<number>(years);
    for (let t = 0; t < years; t++) nettoPerPerson[t] = roundHalfAwayFromZero(r.netto[t] / persons);
  }
  const { proposal } = r;
  return {
    nr: proposal.nr,
    title: proposal.title,
    committee: proposal.committee,
    kind: r.kind,
    included: r.included,
    priority: proposal.priority,
    ...(proposal.alternativeTo !== undefined && { alternativeTo: proposal.alternativeTo }),
    udgift,
    split,
    indtaegt,
    investering,
    netto,
    fullTimePersons: persons,
    nettoPerPerson,
  };
}

/** What a scenario's figures have that depends on its proposals alone (not on the pool or the allocation). */
interface ScenarioParts {
  proposals: ProposalFigures[];
  committees: CommitteeFigures[];
  total: Amounts;
  reductions: number[];
  /** Per proposal: its committee's index in `committees` and its place there (−1: not included). */
  committeeOf: Int32Array;
  placeInCommittee: Int32Array;
  /**
   * Per proposal and year: the rounded netto of the proposals `of` (the requests' rows read it here, not from
   * an object each). A list made from another shares its table: where its proposal differs, read its own.
   */
  netto: { of: readonly ProposalFigures[]; table: Float64Array };
}

function scenarioParts(
  results: readonly ProposalResult[],
  years: number,
  memo: Memo,
  before?: readonly ProposalResult[],
): ScenarioParts {
  return memo.get(
    (m) => m.parts,
    results,
    () => partsOf(results, years, memo, before),
  );
}

interface Reference {
  results: readonly ProposalResult[];
  parts: ScenarioParts;
}

/**
 * A list's parts, made from the nearest earlier parts where only a few
 * proposals differ: the same scenario in the previous run (a change), or the
 * base in this one (a scenario that changes a few parameters).
 */
function partsOf(
  results: readonly ProposalResult[],
  years: number,
  memo: Memo,
  before?: readonly ProposalResult[],
): ScenarioParts {
  const previous = before && memo.previousParts(before);
  for (const reference of [previous && { results: before as readonly ProposalResult[], parts: previous }, memo.reference]) {
    const fromReference = reference && partsFromReference(results, reference, years, memo);
    if (fromReference) return fromReference;
  }
  const parts = allPartsOf(results, years, memo);
  memo.reference ??= { results, parts };
  return parts;
}

function allPartsOf(results: readonly ProposalResult[], years: number, memo: Memo): ScenarioParts {
  const { withSplit } = memo;
  const proposals = results.map((r) => proposalFiguresOf(r, memo));
  // Grouped in one pass (a committee per proposal must not cost proposals × committees).
  const byCommittee = new Map<string, { index: number; proposals: ProposalFigures[] }>();
  const committeeOf = new Int32Array(results.length).fill(-1);
  const placeInCommittee = new Int32Array(results.length).fill(-1);
  const reductions = zerosOf(years);
  proposals.forEach((p, i) => {
    // A variant is an alternative to its main request, not a further need: its group counts once, by the main request.
    if (!p.included || p.alternativeTo !== undefined) return;
    let group = byCommittee.get(p.committee);
    if (!group) byCommittee.set(p.committee, (group = { index: byCommittee.size, proposals: [] }));
    committeeOf[i] = group.index;
    placeInCommittee[i] = group.proposals.length;
    group.proposals.push(p);
    if (p.kind === 'Reduktion') for (let t = 0; t < years; t++) reductions[t] += p.netto[t];
  });
  const committees = [...byCommittee].map(([committee, group]) => ({
    committee,
    proposals: group.proposals,
    total: totalOf(group.proposals, years, withSplit),
  }));
  // Whole multiples of the step: the sum of the subtotals is the sum of the proposals, exactly.
  const total = totalOf(
    committees.map((c) => c.total),
    years,
    withSplit,
  );
  const table = new Float64Array(proposals.length * years);
  for (let i = 0; i < proposals.length; i++) {
    const values = proposals[i].netto;
    for (let t = 0; t < years; t++) table[i * years + t] = values[t];
  }
  // Its own copy of the list: a layout may reorder the figures' list, never this one.
  const netto = { of: proposals.slice(), table };
  return { proposals, committees, total, reductions, committeeOf, placeInCommittee, netto };
}

/**
 * A scenario that changes a few parameters changes the figures of a few
 * proposals: its parts are the reference's with those proposals replaced, and
 * its subtotals the reference's plus the differences. Rounded figures are
 * whole multiples of the step, so the sums are exactly those made from scratch.
 * Undefined (make them from scratch) when a proposal is left out in one and
 * not the other (the committees' order can change) or when much changed.
 */
function partsFromReference(
  results: readonly ProposalResult[],
  reference: Reference,
  years: number,
  memo: Memo,
): ScenarioParts | undefined {
  const before = reference.results;
  if (before.length !== results.length) return undefined;
  const base = reference.parts;
  const changed: number[] = [];
  /** Left out here, in the reference's package: taken out of its Udvalg. */
  let removed: number[] | undefined;
  for (let i = 0; i < results.length; i++)
    if (results[i] !== before[i]) {
      // Another Udvalg (an edited proposal, rows moved since the previous run): the committees change.
      const { proposal } = results[i];
      if (proposal !== before[i].proposal && proposal.committee !== before[i].proposal.committee) return undefined;
      // A proposal that became a variant or stopped being one enters or leaves its Udvalg: made from scratch.
      if (
        proposal !== before[i].proposal &&
        (proposal.alternativeTo === undefined) !== (before[i].proposal.alternativeTo === undefined)
      )
        return undefined;
      // A variant is in no Udvalg and no total, left out or not.
      if (results[i].included !== before[i].included && results[i].proposal.alternativeTo === undefined) {
        // Put back in (its place among the members is not kept), or the first of its Udvalg (the order of the
        // Udvalg follows their first members): made from scratch.
        if (results[i].included || base.placeInCommittee[i] === 0) return undefined;
        (removed ??= []).push(i);
      }
      changed.push(i);
      if (changed.length > results.length / 4) return undefined;
    }
  let { committeeOf, placeInCommittee } = base;
  const proposals = base.proposals.slice();
  const committees = base.committees.slice();
  const touched = new Map<number, { proposals: ProposalFigures[]; total: Amounts }>();
  const reductions = [...base.reductions];
  const touch = (k: number) => {
    let committee = touched.get(k);
    if (!committee) {
      const c = base.committees[k];
      const total = copyOfAmounts(c.total);
      committee = { proposals: c.proposals.slice(), total };
      touched.set(k, committee);
      committees[k] = { committee: c.committee, proposals: committee.proposals, total };
    }
    return committee;
  };
  const none = noAmounts(years);
  for (const i of changed) {
    const p = proposalFiguresOf(results[i], memo);
    const old = proposals[i];
    proposals[i] = p;
    const k = committeeOf[i];
    if (k < 0) continue; // not included: in no committee and no total
    const committee = touch(k);
    const now = p.included ? p : none;
    // Taken out below, where it was left out.
    if (p.included) committee.proposals[placeInCommittee[i]] = p;
    addDifference(committee.total, now, old, years);
    // A change of kind (the base decides an empty Art) moves a proposal into or out of the reductions.
    if (p.included && p.kind === 'Reduktion') for (let t = 0; t < years; t++) reductions[t] += p.netto[t];
    if (old.kind === 'Reduktion') for (let t = 0; t < years; t++) reductions[t] -= old.netto[t];
  }
  if (removed) {
    const out = new Set<number>();
    const places = new Map<number, Set<number>>();
    for (const i of removed) {
      out.add(i);
      const k = committeeOf[i];
      let set = places.get(k);
      if (!set) places.set(k, (set = new Set()));
      set.add(placeInCommittee[i]);
    }
    for (const [k, set] of places) {
      const committee = touched.get(k) as { proposals: ProposalFigures[]; total: Amounts };
      const kept = committee.proposals.filter((_, place) => !set.has(place));
      if (kept.length === 0) return undefined; // an Udvalg with none left is no longer shown
      committee.proposals = kept;
      committees[k] = { committee: committees[k].committee, proposals: kept, total: committee.total };
    }
    // The members after a removed one move up in their Udvalg.
    committeeOf = committeeOf.slice();
    placeInCommittee = placeInCommittee.slice();
    const next = new Int32Array(committees.length);
    for (let i = 0; i < results.length; i++) {
      const k = committeeOf[i];
      if (k < 0 || !places.has(k)) continue;
      if (out.has(i)) {
        committeeOf[i] = -1;
        placeInCommittee[i] = -1;
      } else placeInCommittee[i] = next[k]++;
    }
  }
  const total =
    touched.size === 0
      ? base.total
      : totalOf(
          committees.map((c) => c.total),
          years,
          memo.withSplit,
        );
  const parts = { proposals, committees, total, reductions, committeeOf, placeInCommittee, netto: base.netto };
  if (reference === memo.reference) memo.changedFromReference.set(proposals, changed);
  return parts;
}

/** No amounts in any year: what a proposal taken out of a total adds to it. */
const noAmounts = (years: number): Amounts => {
  const zeros = zerosShared(years);
  return { udgift: zeros, indtaegt: zeros, investering: zeros, netto: zeros };
};

const copyOfAmounts = (a: Amounts): Amounts => ({
  udgift: [...a.udgift],
  split: a.split && { service: [...a.split.service], ejService: [...a.split.ejService] },
  indtaegt: [...a.indtaegt],
  investering: [...a.investering],
  netto: [...a.netto],
});

/** total += now − before, year by year (the arrays of `total` are its own). */
function addDifference(total: Amounts, now: Amounts, before: Amounts, years: number): void {
  const add = (into: readonly number[], x: readonly number[], y: readonly number[]) => {
    const sums = into as number[];
    for (let t = 0; t < years; t++) sums[t] += x[t] - y[t];
  };
  add(total.udgift, now.udgift, before.udgift);
  add(total.indtaegt, now.indtaegt, before.indtaegt);
  add(total.investering, now.investering, before.investering);
  add(total.netto, now.netto, before.netto);
  if (total.split) {
    const zeros = zerosShared(years);
    add(total.split.service, now.split?.service ?? zeros, before.split?.service ?? zeros);
    add(total.split.ejService, now.split?.ejService ?? zeros, before.split?.ejService ?? zeros);
  }
}

/** Row `i` of a table of `years` columns, as a list; the shared zeros when every value is +0. */
function rowOf(table: Float64Array, i: number, years: number): readonly number[] {
  const row = new Array<number>(years);
  let zero = true;
  for (let t = 0; t < years; t++) {
    const v = table[i * years + t];
    row[t] = v;
    if (v !== 0 || Object.is(v, -0)) zero = false;
  }
  return zero ? zerosShared(years) : row;
}

/**
 * A scenario's requests as tables (request × year): their funded amounts
 * rounded and their shares as shown. Made for every scenario; the objects a
 * layout reads (`RequestFigures`) only when read.
 */
interface RequestTables {
  proposals: ProposalFigures[];
  /** Per request: its proposal's position in `proposals`. */
  at: Int32Array;
  /** Per request: its status (an index into STATUSES). */
  statuses: Uint8Array;
  /** Per request and year: its amount (unrounded); and per request the fraction funded. */
  amounts: Float64Array;
  fractions: Float64Array;
  /** Per request: funded with nothing in every year (its funded amounts and shares are the shared zeros). */
  none: Uint8Array;
  /** Per request: some year's rounded funded amount was set by rounding the year as a whole. */
  reshaped: Uint8Array;
  funded: Float64Array;
  shownShare: Float64Array;
  availableExact: readonly number[];
  /** Variants: per request, the position of the member of its group funded instead (see alternativesFunded). */
  instead?: (number | undefined)[];
}

function requestFiguresAt(tables: RequestTables, i: number, years: number): RequestFigures {
  const status = STATUSES[tables.statuses[i]];
  const fundedExact = exactRow(tables.amounts, tables.fractions, i, years);
  const p = tables.proposals[tables.at[i]];
  const available = tables.availableExact;
  let funded: readonly number[];
  let share: readonly number[];
  if (tables.none[i] && !tables.reshaped[i]) {
    funded = zerosShared(years);
    share = zerosShared(years);
  } else {
    // A request funded in full gets exactly its rounded netto, so it never shows more or less than asked.
    funded = status === 'funded' && !tables.reshaped[i] ? p.netto : rowOf(tables.funded, i, years);
    const own = zerosOf(years);
    for (let t = 0; t < years; t++) if (available[t] > TOLERANCE) own[t] = fundedExact[t] / available[t];
    share = tables.none[i] ? zerosShared(years) : own;
  }
  const figures: RequestFigures = {
    nr: p.nr,
    title: p.title,
    priority: p.priority,
    status,
    request: p.netto,
    funded,
    fundedExact,
    share,
    shownShare: rowOf(tables.shownShare, i, years),
  };
  if (p.alternativeTo !== undefined) figures.alternativeTo = p.alternativeTo;
  const other = tables.instead?.[i];
  if (other !== undefined) figures.alternativeFunded = tables.proposals[tables.at[other]].nr;
  return figures;
}

/** Buffers for a year's shares (made per scenario and year, read at once): grown when needed, never kept in figures. */
const scratchOf = (n: number) => ({ parts: new Float64Array(n), shares: new Float64Array(n) });
let shareScratch = scratchOf(0);

/** A request's unrounded funded amount in a year, as fundedPart makes it: amount × fraction (+ 0: never −0), 0 when nothing. */
const exactFunded = (amounts: Float64Array, fraction: number, at: number): number =>
  fraction === 0 ? 0 : amounts[at] * fraction + 0;

/** Request i's unrounded funded amounts; the shared zeros when funded with nothing. */
function exactRow(amounts: Float64Array, fractions: Float64Array, i: number, years: number): readonly number[] {
  if (fractions[i] === 0) return zerosShared(years);
  const row = new Array<number>(years);
  for (let t = 0; t < years; t++) row[t] = exactFunded(amounts, fractions[i], i * years + t);
  return row;
}

/** Per request: the position of its proposal (by index where it names the right one, else by Nr). */
function proposalsOfRequests(requests: RequestTable, proposals: readonly ProposalFigures[]): Int32Array {
  let byNr: Map<string, number> | undefined;
  const at = new Int32Array(requests.count);
  for (let i = 0; i < requests.count; i++) {
    const r = requests.request(i);
    const index = r.index;
    if (index !== undefined && proposals[index]?.nr === r.nr) at[i] = index;
    else {
      byNr ??= new Map(proposals.flatMap((q, k) => (q.included && q.kind === 'Udvidelse' ? [[q.nr, k] as const] : [])));
      at[i] = byNr.get(r.nr) as number;
    }
  }
  return at;
}

export function scenarioFigures(
  result: ScenarioResult,
  years: number,
  step: number,
  withSplit = false,
  memo?: Memo,
  /** The same scenario's proposals in the previous run (where only a few may differ). */
  before?: readonly ProposalResult[],
): ScenarioFigures {
  const round = (values: readonly number[]) => values.map((v) => roundHalfAwayFromZero(v, step));
  const run = memo ?? new Memo(step, withSplit);
  const listParts = scenarioParts(result.proposals, years, run, before);
  const { proposals, committees, total, reductions } = listParts;
  const pool = round(result.pool);
  const available = pool.map((p, t) => p - reductions[t]);
  const { allocation } = result;
  const table = allocationTable(allocation);
  const { requests, fractions, statuses } = table;
  const { count, amounts } = requests;
  const { of: tableOf, table: nettoTable } = listParts.netto;
  // Requests carry their proposal's index; a match by number only for allocations made elsewhere.
  const at = requests.indexed ? requests.index : proposalsOfRequests(requests, proposals);
  const fundedTable = new Float64Array(count * years);
  const none = new Uint8Array(count);
  const requested = zerosOf(years);
  for (let i = 0; i < count; i++) {
    const fraction = fractions[i];
    const row = i * years;
    const k = at[i];
    // The proposal's rounded netto: from the table where it is the table's, else its own.
    const own = proposals[k] === tableOf[k];
    const netto: ArrayLike<number> = own ? nettoTable : proposals[k].netto;
    const from = own ? k * years : 0;
    let zero = true;
    // A variant is an alternative to its main request, not a further request.
    const asks = proposals[k].alternativeTo === undefined;
    for (let t = 0; t < years; t++) {
      if (exactFunded(amounts, fraction, row + t) !== 0) zero = false;
      if (asks) requested[t] += netto[from + t];
    }
    const status = statuses[i];
    if (status === UNFUNDED) {
      none[i] = zero ? 1 : 0;
      continue; // funded: zeros
    }
    if (status === FUNDED) for (let t = 0; t < years; t++) fundedTable[row + t] = netto[from + t];
    else
      for (let t = 0; t < years; t++) fundedTable[row + t] = roundHalfAwayFromZero(exactFunded(amounts, fraction, row + t), step);
  }
  const reshaped = new Uint8Array(count);
  // Rule 6: an allocation that fits is never shown as an overdraft. Where the funded amounts, each rounded on
  // its own, add up to more than is shown available in a year that fits, that year is rounded as a whole.
  for (let t = 0; t < years; t++) {
    let shown = 0;
    for (let i = 0; i < count; i++) shown += fundedTable[i * years + t];
    const fits = allocation.remaining[t] >= -TOLERANCE;
    if (!fits || shown <= available[t] || count === 0) continue;
    const exact = new Array<number>(count);
    for (let i = 0; i < count; i++) exact[i] = exactFunded(amounts, fractions[i], i * years + t);
    let exactSum = 0;
    for (const x of exact) exactSum += x;
    const totalFunded = Math.min(roundHalfAwayFromZero(exactSum, step), available[t]);
    roundToTotal(exact, step, totalFunded).forEach((v, i) => {
      if (fundedTable[i * years + t] === v) return;
      fundedTable[i * years + t] = v;
      reshaped[i] = 1;
    });
  }
  // Shares with one decimal, adding up per year with what is left to 100,0 %. Made from the amounts
  // (rule 6a): nothing available (up to the tolerance) gives every share 0.
  const shownTable = new Float64Array(count * years);
  const fundedShare = zerosOf(years);
  const remainingShare = zerosOf(years);
  if (shareScratch.parts.length < count + 1) shareScratch = scratchOf(count + 1);
  const parts = shareScratch.parts.subarray(0, count + 1);
  const shares = shareScratch.shares.subarray(0, count + 1);
  for (let t = 0; t < years; t++) {
    const availableExact = allocation.available[t];
    if (availableExact <= TOLERANCE) continue;
    let left = availableExact;
    for (let i = 0; i < count; i++) {
      const x = exactFunded(amounts, fractions[i], i * years + t);
      parts[i] = x;
      left -= x;
    }
    parts[count] = left;
    largestRemainderInto(parts, 1000, availableExact, shares);
    let units = 0;
    for (let i = 0; i < count; i++) {
      // Only a share that differs from 0 is set (a −0 never shows).
      if (shares[i] !== 0) shownTable[i * years + t] = shares[i];
      units += Math.round(shares[i] * 1000);
    }
    fundedShare[t] = units / 1000;
    remainingShare[t] = shares[count];
  }
  const funded = zerosOf(years);
  for (let i = 0; i < count; i++) for (let t = 0; t < years; t++) funded[t] += fundedTable[i * years + t];
  const tables: RequestTables = {
    proposals,
    at,
    statuses,
    amounts,
    fractions,
    none,
    reshaped,
    funded: fundedTable,
    shownShare: shownTable,
    availableExact: allocation.available,
    instead: alternativesFunded(table),
  };
  const figures: ScenarioFigures = {
    name: result.scenario.name,
    mode: result.scenario.mode,
    proposals,
    committees,
    total,
    totalNetto: total.netto,
    pool,
    reductions,
    available,
    availableExact: allocation.available,
    requests: [],
    requested,
    funded,
    remaining: available.map((a, t) => a - funded[t]),
    effect: reductions.map((r, t) => r + funded[t]),
    fundedShare,
    remainingShare,
  };
  lazyField(figures, 'requests', () => {
    const requests = new Array<RequestFigures>(count);
    for (let i = 0; i < count; i++) requests[i] = requestFiguresAt(tables, i, years);
    return requests;
  });
  return figures;
}

const differenceOf = (reference: readonly number[], scenario: readonly number[]): Difference => ({
  reference,
  scenario,
  difference: reference === scenario ? zerosShared(reference.length) : scenario.map((v, t) => v - reference[t]),
});

function proposalComparison(p: ProposalFigures, q: ProposalFigures, memo: Memo): ProposalComparison {
  // A proposal the same in both scenarios: one comparison, whichever the scenario.
  return p === q
    ? memo.get(
        (m) => m.unchanged,
        p,
        () => comparisonOf(p, q),
      )
    : comparisonOf(p, q);
}

function comparisonOf(p: ProposalFigures, q: ProposalFigures): ProposalComparison {
  const inPackage = (x: ProposalFigures) => (x.included ? x.netto : zerosShared(x.netto.length));
  return {
    nr: p.nr,
    title: p.title,
    excludedInReference: !q.included,
    excludedInScenario: !p.included,
    ...differenceOf(inPackage(q), inPackage(p)),
  };
}

/** Per proposal, the scenario against the reference; made from the reference against itself where only a few differ. */
function proposalComparisons(
  scenario: readonly ProposalFigures[],
  reference: readonly ProposalFigures[],
  memo: Memo,
): ProposalComparison[] {
  const changed = memo.changedFromReference.get(scenario);
  if (changed && memo.reference?.parts.proposals === reference) {
    const same = memo.get(
      (m) => m.comparisons,
      reference,
      () => new Map<readonly ProposalFigures[], ProposalComparison[]>(),
    );
    const itself = memo.get(
      () => same,
      reference,
      () => reference.map((q) => proposalComparison(q, q, memo)),
    );
    const comparisons = itself.slice();
    for (const i of changed) comparisons[i] = proposalComparison(scenario[i], reference[i], memo);
    return comparisons;
  }
  return scenario.map((p, i) => proposalComparison(p, reference[i], memo));
}

/** Requests match by Nr, which is unique in a workbook; a request left out in one of the two is funded 0 there. */
function requestComparisons(scenario: readonly RequestFigures[], reference: readonly RequestFigures[]): RequestComparison[] {
  const inReference = new Map(reference.map((r) => [r.nr, r]));
  const inScenario = new Set(scenario.map((r) => r.nr));
  const compare = (r: RequestFigures, inS: RequestFigures | undefined, inR: RequestFigures | undefined): RequestComparison => {
    const none = zerosShared(r.funded.length);
    const funded = differenceOf(inR?.funded ?? none, inS?.funded ?? none);
    return {
      nr: r.nr,
      title: r.title,
      statusInReference: inR?.status,
      statusInScenario: inS?.status,
      funded,
      changed: inR?.status !== inS?.status || funded.difference.some((d) => d !== 0),
    };
  };
  return [
    ...scenario.map((r) => compare(r, r, inReference.get(r.nr))),
    ...reference.filter((r) => !inScenario.has(r.nr)).map((r) => compare(r, undefined, r)),
  ];
}

/**
 * Rule 9: per proposal and year the difference in netto (a proposal left out
 * counts as 0), and per year the differences in available, funded, left and
 * budget effect. Both scenarios come from one evaluation, so proposals match by position.
 */
export function compareScenarios(scenario: ScenarioFigures, reference: ScenarioFigures, memo = new Memo(0, false)): Comparison {
  const comparison: Comparison = {
    scenario: scenario.name,
    reference: reference.name,
    proposals: [],
    requests: [],
    totalNetto: differenceOf(reference.totalNetto, scenario.totalNetto),
    available: differenceOf(reference.available, scenario.available),
    funded: differenceOf(reference.funded, scenario.funded),
    remaining: differenceOf(reference.remaining, scenario.remaining),
    effect: differenceOf(reference.effect, scenario.effect),
  };
  // Per proposal and per request: made when a layout reads them.
  lazyField(comparison, 'proposals', () => {
    const byReference = memo.get(
      (m) => m.comparisons,
      scenario.proposals,
      () => new Map<readonly ProposalFigures[], ProposalComparison[]>(),
    );
    return memo.get(
      () => byReference,
      reference.proposals,
      () => proposalComparisons(scenario.proposals, reference.proposals, memo),
    );
  });
  lazyField(comparison, 'requests', () => requestComparisons(scenario.requests, reference.requests));
  return comparison;
}

export interface FiguresOptions {
  /** The figures of the same workbook before a change: what did not change is taken from them, not rounded again. */
  previous?: BookFigures;
}

/** Every figure of an evaluation, rounded to `step` kroner. */
export function bookFigures(evaluation: Evaluation, step: number, options: FiguresOptions = {}): BookFigures {
  const years = evaluation.years.length;
  // The split columns appear when any proposal in any scenario splits its Udgift; totals then carry them.
  const withSplit = evaluation.scenarios.some((s) => s.splits);
  const before = options.previous && memos.get(options.previous);
  const memo = new Memo(step, withSplit, before && before.step === step && before.withSplit === withSplit ? before : undefined);
  // A scenario the previous run had (the same object: nothing of it changed) keeps its figures and comparison.
  memo.lists = evaluation.scenarios.map((s) => s.proposals);
  const scenarios = evaluation.scenarios.map((s, k) =>
    memo.get(
      (m) => m.scenarios,
      s,
      () => scenarioFigures(s, years, step, withSplit, memo, memo.previousList(k)),
    ),
  );
  const [base, ...others] = scenarios;
  const comparisons = others.map((s) => {
    const withBase = memo.get(
      (m) => m.compared,
      s,
      () => new Map<ScenarioFigures, Comparison>(),
    );
    return memo.get(
      () => withBase,
      base,
      () => compareScenarios(s, base, memo),
    );
  });
  const figures = { years: evaluation.years, step, scenarios, comparisons };
  memo.forget();
  memos.set(figures, memo);
  return figures;
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
