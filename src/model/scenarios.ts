/**
 * Proposals × scenarios → unrounded results (rules 1–5, 7, 8), the kind of each
 * proposal (rule 0, from the base scenario) and problems with their places.
 */
import {
  allocate,
  allocateTable,
  inPriorityOrder,
  variantGroups,
  type Allocation,
  type Request,
  type RequestTable,
} from './allocation';
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
  zerosShared,
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

/** A proposal's figures per year in one scenario, unrounded. Arrays may be shared with the proposal and other scenarios: never change them. */
export interface YearFigures {
  udgift: readonly number[];
  split?: { service: readonly number[]; ejService: readonly number[] };
  /** Refusion change plus stated Indtægt. */
  indtaegt: readonly number[];
  /** Stated Investering plus caseload staffing. */
  investering: readonly number[];
  netto: readonly number[];
  /** Fuldtidspersoner this scenario assumes for the row, where the row gives a volume. */
  fullTimePersons?: number;
}

export interface ProposalResult extends YearFigures {
  proposal: Proposal;
  kind: Kind;
  included: boolean;
}

export interface ScenarioResult {
  scenario: Scenario;
  /** Shared between scenarios where a proposal's figures and inclusion are the same. */
  proposals: ProposalResult[];
  /** Some proposal splits its Udgift in service and ej service. */
  splits: boolean;
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

/**
 * Rules 1–5 for one proposal in one scenario. With `steps`, also records how
 * the netto came about (for an explanation; a run does not need them).
 */
export function proposalFigures(p: Proposal, s: Scenario, issues: Issue[], steps?: NettoStep[]): YearFigures {
  return resultOf(p, s, issues, steps);
}

/**
 * proposalFigures as the result a run keeps: one object per proposal and
 * scenario, whose kind is set when the base has decided it (rule 0).
 */
function resultOf(p: Proposal, s: Scenario, issues: Issue[], steps?: NettoStep[]): ProposalResult {
  steps?.push({ rule: 'udgift', udgift: p.udgift });
  const scenarioVolume = p.benefit !== undefined ? s.fullTimePersonsByBenefit[p.benefit] : undefined;
  const scales = p.fullTimePersons !== undefined && p.fullTimePersons > 0 && scenarioVolume !== undefined;
  // Unscaled figures are the proposal's own arrays (never changed): no copies per proposal and scenario.
  const scale = (values: readonly number[]): readonly number[] =>
    scales ? scaleByVolume(values, p.fullTimePersons as number, scenarioVolume as number) : values;
  const udgift = scale(p.udgift);
  const split = p.split && (scales ? { service: scale(p.split.service), ejService: scale(p.split.ejService) } : p.split);
  if (scales)
    steps?.push({
      rule: 'volume',
      benefit: p.benefit as string,
      rowVolume: p.fullTimePersons as number,
      scenarioVolume: scenarioVolume as number,
      udgift,
    });

  let refusion: readonly number[] | undefined;
  if (p.refusionShare !== undefined) {
    const found =
      p.refusionRate !== undefined ? ({ rate: p.refusionRate, source: 'row' } as const) : refusionRateFor(p, s, issues);
    if (found !== undefined) {
      refusion = refusionChange(udgift, p.refusionShare, found.rate);
      steps?.push({ rule: 'refusion', share: p.refusionShare, ...found, refusion });
    }
  }
  if (p.hasStatedIndtaegt) steps?.push({ rule: 'indtaegt', indtaegt: p.indtaegt });
  if (p.investering.some((v) => v !== 0)) steps?.push({ rule: 'investering', investering: p.investering });

  let investering: readonly number[] = p.investering;
  if (p.staffing) {
    const own = p.benefit !== undefined ? s.caseloadByBenefit[p.benefit] : undefined;
    const caseload = own ?? s.caseload;
    if (caseload === undefined) {
      issues.push(problem('caseloadMissing', { scenario: s.name, nr: p.nr, benefit: p.benefit ?? '' }, p.places.staffing));
    } else {
      const cost = staffingCost(p.staffing, caseload);
      investering = investering.map((i) => i + cost);
      steps?.push({
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
  const indtaegt = refusion ? addYears(refusion, p.indtaegt) : p.indtaegt;
  const nettoPerYear = netto(udgift, refusion ?? zerosShared(udgift.length), p.indtaegt, investering);
  steps?.push({ rule: 'netto', netto: nettoPerYear });
  return {
    proposal: p,
    kind: UNDECIDED,
    included: true,
    udgift,
    split,
    indtaegt,
    investering,
    netto: nettoPerYear,
    fullTimePersons: p.fullTimePersons === undefined ? undefined : (scenarioVolume ?? p.fullTimePersons),
  };
}

/** The kind of a result before the base has decided it: replaced before any result leaves the run. */
const UNDECIDED: Kind = 'Reduktion';

/** How a proposal's netto comes about in a scenario, step by step and unrounded (rules 1–5): what an explanation shows. */
export function nettoSteps(p: Proposal, s: Scenario): NettoStep[] {
  const steps: NettoStep[] = [];
  proposalFigures(p, s, [], steps);
  return steps;
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
  /**
   * The evaluation of the same workbook before a change: what the change does
   * not touch (the same proposal objects, the same parameter values) is taken
   * from it instead of computed again. A changed pool only reallocates.
   */
  previous?: Evaluation;
}

/** What a proposal's figures can depend on in a scenario, besides the proposal itself. */
const USES_VOLUME = 1;
const USES_REFUSION = 2;
const USES_CASELOAD = 4;

function usesOf(p: Proposal): number {
  return (
    (p.benefit !== undefined && p.fullTimePersons !== undefined ? USES_VOLUME : 0) |
    (p.refusionShare !== undefined && p.refusionRate === undefined ? USES_REFUSION : 0) |
    (p.staffing ? USES_CASELOAD : 0)
  );
}

/** Proposals whose figures depend on the same parameters: one benefit, the same uses. */
interface DependenceGroup {
  benefit?: string;
  uses: number;
  /** Indices into the book's proposals, in order. */
  members: number[];
}

/**
 * The figures of one group's proposals under one set of parameter values:
 * computed once, shared by every scenario with those values (and, through
 * `previous`, by the next evaluation).
 */
interface GroupFigures {
  group: number;
  key: string;
  proposals: Proposal[];
  results: ProposalResult[];
  /** The same, left out of a scenario (made when first needed). */
  excludedResults: (ProposalResult | undefined)[];
  /** Per member: the first year whose figures cannot be rounded exactly, or −1. */
  inexactYear: number[];
  /** Per member and year (member × years + year): |Udgift| + |Indtægt| + |Investering|, for the bound on totals. */
  magnitudes: Float64Array;
  /** Per member and year: netto, the same numbers as the results' (the lists' sums read them here, in one table). */
  netto: Float64Array;
  /** Some member splits its Udgift. */
  splits: boolean;
  /** Per member: its request to the råderum (an included udvidelse), made when first asked for. */
  requests: (Request | undefined)[];
  refusionMissing: boolean;
  caseloadMissing: boolean;
  /** Its sums with nothing left out (made once the kinds are known). */
  sums?: GroupSums;
}

/** A group's part of a list's sums, over its members in order. */
interface GroupSums {
  reductions: Float64Array;
  magnitudes: Float64Array;
  /** Members (index into the group) whose figures cannot be rounded exactly, with the year. */
  inexact: [number, number][];
}

function groupSums(
  entry: GroupFigures,
  members: readonly number[],
  kinds: readonly Kind[],
  excluded: Uint8Array | undefined,
  years: number,
): GroupSums {
  const reductions = new Float64Array(years);
  const magnitudes = new Float64Array(years);
  const inexact: [number, number][] = [];
  const { netto, inexactYear } = entry;
  const m = entry.magnitudes;
  for (let j = 0; j < members.length; j++) {
    const i = members[j];
    if (kinds[i] === 'Reduktion' && !(excluded && excluded[i]))
      for (let t = 0; t < years; t++) reductions[t] += netto[j * years + t];
    const bad = inexactYear[j];
    if (bad >= 0) inexact.push([j, bad]);
    else for (let t = 0; t < years; t++) magnitudes[t] += m[j * years + t];
  }
  return { reductions, magnitudes, inexact };
}

/** The parameter values a group's figures depend on in a scenario, as a key. */
function dependenceKey(group: DependenceGroup, s: Scenario): string {
  const b = group.benefit;
  let key = `${b ?? ''}\u0000${group.uses}`;
  if (group.uses & USES_VOLUME) key += `|v${b !== undefined ? s.fullTimePersonsByBenefit[b] : ''}`;
  if (group.uses & USES_REFUSION) {
    const spec = b !== undefined ? s.refusionByBenefit[b] : undefined;
    key += spec === undefined ? '|r-' : 'rate' in spec ? `|r${spec.rate}` : `|d${spec.durationShares.join(',')}`;
  }
  if (group.uses & USES_CASELOAD) {
    const own = b !== undefined ? s.caseloadByBenefit[b] : undefined;
    key += own !== undefined ? `|o${own}` : `|c${s.caseload}`;
  }
  return key;
}

/** One scenario's proposals (figures and inclusion), shared by every scenario with the same. */
interface ProposalList extends ListSummary {
  key: string;
  proposals: ProposalResult[];
  /** Its requests to the råderum (the included udvidelser) in priority order, made when first needed. */
  requests?: RequestTable;
  /** Per proposal: left out (none when nothing is). */
  excludedAt?: Uint8Array;
}

interface ListSummary {
  /** Some proposal splits its Udgift in service and ej service. */
  splits: boolean;
  /** Σ netto of the included reductions, per year. */
  reductions: number[];
  /** Proposals (index, year index) whose figures cannot be rounded exactly, in order. */
  inexact: [number, number][];
  /** Per year: Σ |Udgift| + |Indtægt| + |Investering| over every proposal, for the bound on totals. */
  magnitudes: number[];
}

/**
 * A list's sums: each group's sums over its members in order, added group by
 * group (so every sum is the same number, bit for bit, whichever the list or
 * the run). A group none of whose members is left out keeps its sums.
 */
function summaryOf(
  entries: readonly GroupFigures[],
  groups: readonly DependenceGroup[],
  kinds: readonly Kind[],
  excluded: { at: Uint8Array; groups: Set<number> } | undefined,
  years: number,
): ListSummary {
  const reductions = zeros(years);
  const magnitudes = zeros(years);
  const inexact: [number, number][] = [];
  let splits = false;
  for (let g = 0; g < entries.length; g++) {
    const entry = entries[g];
    if (entry.splits) splits = true;
    const { members } = groups[g];
    const sums =
      excluded && excluded.groups.has(g)
        ? groupSums(entry, members, kinds, excluded.at, years)
        : (entry.sums ??= groupSums(entry, members, kinds, undefined, years));
    for (let t = 0; t < years; t++) {
      reductions[t] += sums.reductions[t];
      magnitudes[t] += sums.magnitudes[t];
    }
    for (const [j, year] of sums.inexact) inexact.push([members[j], year]);
  }
  // In workbook order, as the problems are reported.
  inexact.sort((a, b) => a[0] - b[0]);
  return { splits, reductions, inexact, magnitudes };
}

/** The caches of evaluations, for the next one (`previous`); never part of the results. */
const caches = new WeakMap<
  Evaluation,
  { book: BookLayout & { kinds: Kind[] }; groups: Map<string, GroupFigures>; lists: Map<string, ProposalList> }
>();

/** What a run knows of the book's proposals alone: their groups and the priority order. */
interface BookLayout {
  proposals: readonly Proposal[];
  groups: DependenceGroup[];
  groupOf: Int32Array;
  memberIndex: Int32Array;
  /** Indices of the proposals in priority order: every scenario's requests are a part of it. */
  byPriority: number[];
}

/**
 * The previous run's layout for `all`, when each proposal is the previous one
 * or an edit of it that keeps its group, priority and place; with the groups
 * that hold an edited proposal. Undefined when proposals came, went or moved.
 */
function keptLayout(
  previous: BookLayout & { kinds: Kind[] },
  all: readonly Proposal[],
): { layout: BookLayout & { kinds: Kind[] }; changedGroups: Set<number> } | undefined {
  if (previous.proposals === all) return { layout: previous, changedGroups: new Set() };
  if (previous.proposals.length !== all.length) return undefined;
  const changedGroups = new Set<number>();
  for (let i = 0; i < all.length; i++) {
    const p = all[i];
    const q = previous.proposals[i];
    if (p === q) continue;
    const uses = usesOf(p);
    if (
      uses !== usesOf(q) ||
      (uses !== 0 && p.benefit !== q.benefit) ||
      p.priority !== q.priority ||
      p.order !== q.order ||
      // Variants: a group changed, and with it where a variant without a Prioritet stands.
      p.alternativeTo !== q.alternativeTo
    )
      return undefined;
    changedGroups.add(previous.groupOf[i]);
  }
  return { layout: { ...previous, proposals: all }, changedGroups };
}

/**
 * Where each proposal stands in the priority order: its Prioritet; a variant
 * without one stands at its main request's (after it, by sheet order and row),
 * as "2,5 mio. kr., alternatively 5" is one request at one place in the list.
 */
function prioritiesOf(all: readonly Proposal[]): (number | undefined)[] {
  if (!all.some((p) => p.priority === undefined && p.alternativeTo !== undefined)) return all.map((p) => p.priority);
  const byNr = new Map(all.map((p) => [p.nr, p.priority]));
  return all.map((p) => (p.priority === undefined && p.alternativeTo !== undefined ? byNr.get(p.alternativeTo) : p.priority));
}

function bookLayout(all: readonly Proposal[]): BookLayout {
  const groups: DependenceGroup[] = [];
  const groupOf = new Int32Array(all.length);
  const memberIndex = new Int32Array(all.length);
  const groupIds = new Map<string, number>();
  all.forEach((p, i) => {
    const uses = usesOf(p);
    const id = `${uses === 0 ? '' : (p.benefit ?? '')}\u0000${uses}`;
    let g = groupIds.get(id);
    if (g === undefined) {
      groupIds.set(id, (g = groups.length));
      groups.push({ benefit: uses === 0 ? undefined : p.benefit, uses, members: [] });
    }
    groupOf[i] = g;
    memberIndex[i] = groups[g].members.length;
    groups[g].members.push(i);
  });
  const priorities = prioritiesOf(all);
  const byPriority = inPriorityOrder(all.map((p, i) => ({ i, priority: priorities[i], order: p.order }))).map((x) => x.i);
  return { proposals: all, groups, groupOf, memberIndex, byPriority };
}

export function evaluate(book: Book, options: EvaluateOptions = {}): Evaluation {
  const issues: Issue[] = [];
  const n = book.years.length;
  const all = book.proposals;
  const base = book.scenarios[0];

  const previousCaches = options.previous ? caches.get(options.previous) : undefined;
  // The same proposals (the same array) as the previous run: its groups and priority order still hold.
  // The previous run's groups and priority order hold while every proposal keeps its group and place
  // (an edited amount); the groups holding an edited proposal are computed again, the others kept whole.
  const kept = previousCaches && keptLayout(previousCaches.book, all);
  const { groups, groupOf, memberIndex, byPriority } = kept?.layout ?? bookLayout(all);
  const previousCache = previousCaches?.groups;
  const previousLists = previousCaches?.lists;
  const cache = new Map<string, GroupFigures>();
  /** Known once the base is computed (rule 0); the base's own results get theirs then. */
  const known: { kinds?: Kind[]; kindsChanged?: boolean } = {};
  /** The figures of every group in a scenario, from the cache or computed. */
  const groupFiguresIn = (s: Scenario): GroupFigures[] =>
    groups.map((group, g) => {
      const key = dependenceKey(group, s);
      const cached = cache.get(key);
      if (cached) return cached;
      const before = previousCache?.get(key);
      // Every proposal the same object, and (checked below) the same kinds: the previous run's entry itself.
      if (before && kept && !kept.changedGroups.has(g) && (known.kinds === undefined || !known.kindsChanged)) {
        cache.set(key, before);
        return before;
      }
      const members = group.members.map((i) => all[i]);
      // The previous run's entry for the same values: what its proposals (the same objects) had is kept as it was.
      const same = (j: number) => before !== undefined && before.proposals[j] === members[j];
      const computed = members.map((p, j) => (same(j) ? (before as GroupFigures).results[j] : resultOf(p, s, [])));
      const b = group.benefit;
      const entry: GroupFigures = {
        group: g,
        key,
        proposals: members,
        // Kinds are known once the base is computed; results get theirs below.
        results: computed as ProposalResult[],
        excludedResults: [],
        inexactYear: computed.map((f, j) => (same(j) ? (before as GroupFigures).inexactYear[j] : inexactYear(f, n))),
        magnitudes: magnitudesOf(computed, n),
        netto: nettoOf(computed, n),
        splits: computed.some((f) => f.split !== undefined),
        requests: [],
        refusionMissing: (group.uses & USES_REFUSION) !== 0 && (b === undefined || s.refusionByBenefit[b] === undefined),
        caseloadMissing:
          (group.uses & USES_CASELOAD) !== 0 &&
          (b === undefined || s.caseloadByBenefit[b] === undefined) &&
          s.caseload === undefined,
      };
      if (known.kinds) withKinds(entry, group, known.kinds, before);
      cache.set(key, entry);
      return entry;
    });
  const withKinds = (entry: GroupFigures, group: DependenceGroup, known: Kind[], before?: GroupFigures) => {
    entry.results = entry.results.map((f, j) => {
      const kind = known[group.members[j]];
      const old = before?.results[j];
      if (old && old.proposal === entry.proposals[j] && old.kind === kind && sameFigures(old, f)) return old;
      // Made in this run (not the previous run's, which another evaluation holds): its kind is set in place.
      if (f !== old) {
        f.kind = kind;
        return f;
      }
      return { ...f, proposal: entry.proposals[j], kind, included: true };
    });
    // The same results: the same results left out, so lists with exclusions stay the previous run's too.
    if (before && entry.results.every((r, j) => r === before.results[j])) entry.excludedResults = before.excludedResults;
  };

  // Rule 0: an empty Art is decided by the base scenario's netto.
  const baseGroups = groupFiguresIn(base);
  const knownKinds = all.map((p, i) => p.statedKind ?? kindFromNetto(baseGroups[groupOf[i]].results[memberIndex[i]].netto));
  known.kinds = knownKinds;
  const kindsChanged = !kept || kept.layout.kinds.some((k, i) => k !== knownKinds[i]);
  for (const [key, entry] of cache) {
    const before = previousCache?.get(key);
    if (entry !== before) withKinds(entry, groups[entry.group], knownKinds, before);
    else if (kindsChanged) {
      // Taken whole from the previous run, but a kind changed with the base: a copy of its own gets the kinds.
      const copy = { ...entry, results: [...entry.results], excludedResults: [], sums: undefined };
      withKinds(copy, groups[entry.group], knownKinds, before);
      cache.set(key, copy);
    }
  }
  // Entries taken from here on are taken whole only when no kind changed.
  known.kindsChanged = kindsChanged;
  const variants = variantsOf(all, knownKinds, book.scenarios, issues);
  for (const p of all)
    if (p.refusionShare !== undefined && p.hasStatedIndtaegt)
      issues.push(warning('refusionAndIndtaegt', { nr: p.nr }, p.places.refusionShare));

  /** Scenarios whose proposals have the same figures (they differ in the pool or the mode) share one list. */
  const lists = new Map<string, ProposalList>();
  /** The first list made with nothing left out, and its groups' figures: other lists are made from it. */
  let referenceList: { entries: readonly GroupFigures[]; proposals: readonly ProposalResult[] } | undefined;
  const listOf = (entries: readonly GroupFigures[], excluded: ReadonlySet<string>): ProposalList => {
    const key = `${entries.map((e) => e.key).join('\u0001')}\u0002${[...excluded].sort().join('\u0001')}`;
    let list = lists.get(key);
    if (list) return list;
    let excludedAt: Uint8Array | undefined;
    let excludedIn: { at: Uint8Array; groups: Set<number> } | undefined;
    const left: number[] = [];
    if (excluded.size > 0) {
      excludedAt = new Uint8Array(all.length);
      for (let i = 0; i < all.length; i++)
        if (excluded.has(all[i].nr)) {
          excludedAt[i] = 1;
          left.push(i);
        }
      excludedIn = { at: excludedAt, groups: new Set(left.map((i) => groupOf[i])) };
    }
    const resultAt = (i: number): ProposalResult => {
      const entry = entries[groupOf[i]];
      const j = memberIndex[i];
      if (!excludedAt || !excludedAt[i]) return entry.results[j];
      return (entry.excludedResults[j] ??= { ...entry.results[j], included: false });
    };
    // The previous run's list when every proposal in it is still the same object: no new list to make.
    const before = previousLists?.get(key);
    if (before && before.proposals.length === all.length && before.proposals.every((r, i) => r === resultAt(i))) list = before;
    else {
      let proposals: ProposalResult[];
      if (referenceList) {
        // The reference's results, with those of the groups whose figures differ and those left out replaced.
        proposals = referenceList.proposals.slice();
        for (let g = 0; g < groups.length; g++)
          if (entries[g] !== referenceList.entries[g]) for (const i of groups[g].members) proposals[i] = resultAt(i);
        for (const i of left) proposals[i] = resultAt(i);
      } else {
        proposals = new Array<ProposalResult>(all.length);
        for (let i = 0; i < all.length; i++) proposals[i] = resultAt(i);
      }
      list = { key, proposals, excludedAt, ...summaryOf(entries, groups, knownKinds, excludedIn, n) };
    }
    if (!referenceList && !excludedAt) referenceList = { entries, proposals: list.proposals };
    lists.set(key, list);
    return list;
  };
  /** The udvidelser in priority order: every list's requests are these, less those it leaves out. */
  let udvidelser: Int32Array | undefined;
  /**
   * A list's requests: its included udvidelser in priority order, as a table
   * read from the groups' netto tables; a request's object is made only when
   * asked for (best fill, fundings), once per group's figures.
   */
  const requestsOf = (list: ProposalList, entries: readonly GroupFigures[]): RequestTable => {
    if (list.requests) return list.requests;
    if (!udvidelser) {
      const inOrder = new Int32Array(all.length);
      let count = 0;
      for (const i of byPriority) if (knownKinds[i] === 'Udvidelse') inOrder[count++] = i;
      udvidelser = inOrder.subarray(0, count);
    }
    const { excludedAt } = list;
    let index = udvidelser;
    if (excludedAt) {
      index = new Int32Array(udvidelser.length);
      let count = 0;
      for (const i of udvidelser) if (!excludedAt[i]) index[count++] = i;
      index = index.subarray(0, count);
    }
    const count = index.length;
    const amounts = new Float64Array(count * n);
    for (let k = 0; k < count; k++) {
      const i = index[k];
      const netto = entries[groupOf[i]].netto;
      const from = memberIndex[i] * n;
      for (let t = 0; t < n; t++) amounts[k * n + t] = netto[from + t];
    }
    const request = (k: number): Request => {
      const i = index[k];
      const entry = entries[groupOf[i]];
      const j = memberIndex[i];
      const r = entry.results[j];
      // The group's own result (not one left out, which never asks): its request is the same in every list.
      let made = entry.requests[j];
      const variantOf = variants?.of[i];
      if (made === undefined || made.amount !== r.netto || made.variantOf !== variantOf) {
        made = entry.requests[j] = {
          nr: r.proposal.nr,
          amount: r.netto,
          priority: r.proposal.priority,
          order: r.proposal.order,
          index: i,
        };
        if (variantOf !== undefined) made.variantOf = variantOf;
      }
      return made;
    };
    const groups = variants && variantGroups(Array.from(index, (i) => ({ variantOf: variants.of[i] })));
    return (list.requests = { count, years: n, amounts, index, request, indexed: true, groups });
  };

  const scenarios = book.scenarios.map((s, index): ScenarioResult => {
    checkScenario(s, book, issues);
    const entries = groupFiguresIn(s);
    const list = listOf(entries, new Set(s.excluded));
    const { proposals, splits, reductions, inexact, magnitudes } = list;
    if (entries.some((e) => e.refusionMissing || e.caseloadMissing))
      all.forEach((p, i) => {
        const entry = entries[groupOf[i]];
        if (entry.refusionMissing)
          issues.push(
            problem('refusionRateMissing', { scenario: s.name, nr: p.nr, benefit: p.benefit ?? '' }, p.places.refusionShare),
          );
        if (entry.caseloadMissing)
          issues.push(problem('caseloadMissing', { scenario: s.name, nr: p.nr, benefit: p.benefit ?? '' }, p.places.staffing));
      });
    const pool = book.years.map((_, t) => s.pool[t] ?? 0);
    const available = pool.map((v, t) => v - reductions[t]);
    const result = (allocation: Allocation): ScenarioResult => ({ scenario: s, proposals, splits, pool, reductions, allocation });
    if (!figuresAreExact(s, book.years, all, inexact, magnitudes, pool, issues))
      return result(
        allocate(
          'priority',
          available.map(() => 0),
          [],
        ),
      );
    // The same scenario (object) with the same proposals as in the previous run: nothing of it changed,
    // and its requests are needed only to count them for best fill.
    const before = options.previous?.scenarios[index];
    const unchanged = before !== undefined && before.scenario === s && before.proposals === proposals;
    const requests = !unchanged || s.mode === 'best-fill' ? requestsOf(list, entries) : undefined;
    if (s.mode === 'best-fill' && requests && requests.count > MAX_BEST_FILL_REQUESTS) {
      issues.push(problem('bestFillTooMany', { scenario: s.name, count: requests.count, max: MAX_BEST_FILL_REQUESTS }, s.place));
      return unchanged ? before : result(allocate('priority', available, []));
    }
    if (unchanged || !requests) return before as ScenarioResult;
    return result(
      allocateTable(s.mode, available, requests, {
        onProgress: options.onProgress && ((done) => options.onProgress?.({ scenario: s.name, done })),
      }),
    );
  });
  const evaluation = { years: book.years, scenarios, issues: dedupe(issues) };
  caches.set(evaluation, {
    book: { proposals: all, groups, groupOf, memberIndex, byPriority, kinds: knownKinds },
    groups: cache,
    lists,
  });
  return evaluation;
}

/**
 * Variants (issue 13): per proposal, the Nr of the main request of its group
 * (set on the main request too), undefined outside a group; undefined when no
 * proposal names an `Alternativ til`. Only udvidelser ask for råderum, so a
 * reduction (by its Art or, with none, by the base's netto, rule 0) in a group
 * is a problem. The reader has checked the Nr named exists and is no variant.
 */
function variantsOf(
  all: readonly Proposal[],
  kinds: readonly Kind[],
  scenarios: readonly Scenario[],
  issues: Issue[],
): { of: (string | undefined)[] } | undefined {
  const mains = new Set<string>();
  for (const p of all) if (p.alternativeTo !== undefined) mains.add(p.alternativeTo);
  if (mains.size === 0) return undefined;
  const of = all.map((p) => p.alternativeTo ?? (mains.has(p.nr) ? p.nr : undefined));
  all.forEach((p, i) => {
    if (of[i] !== undefined && kinds[i] === 'Reduktion')
      issues.push(
        p.alternativeTo !== undefined
          ? problem('variantIsReduction', { nr: p.nr, main: p.alternativeTo }, p.places.alternativeTo)
          : problem('mainIsReduction', { nr: p.nr }, p.places.row),
      );
  });
  // A scenario that leaves a main request out but not its variants: they still ask, and the group counts in no total.
  for (const s of scenarios) {
    if (s.excluded.length === 0) continue;
    const out = new Set(s.excluded);
    for (const main of mains) {
      if (!out.has(main)) continue;
      const kept = all.filter((p) => p.alternativeTo === main && !out.has(p.nr)).map((p) => p.nr);
      if (kept.length > 0)
        issues.push(warning('mainExcluded', { scenario: s.name, nr: main, variants: kept.join(', ') }, s.place));
    }
  }
  return { of };
}

/** Per member and year: |Udgift| + |Indtægt| + |Investering|. */
function magnitudesOf(figures: readonly YearFigures[], years: number): Float64Array {
  const table = new Float64Array(figures.length * years);
  figures.forEach((f, j) => {
    for (let t = 0; t < years; t++)
      table[j * years + t] = Math.abs(f.udgift[t]) + Math.abs(f.indtaegt[t]) + Math.abs(f.investering[t]);
  });
  return table;
}

function nettoOf(figures: readonly YearFigures[], years: number): Float64Array {
  const table = new Float64Array(figures.length * years);
  figures.forEach((f, j) => {
    for (let t = 0; t < years; t++) table[j * years + t] = f.netto[t];
  });
  return table;
}

const sameFigures = (a: YearFigures, b: YearFigures): boolean => a.netto === b.netto && a.udgift === b.udgift;

/** Rule 6a: the first year (index) whose figures cannot be rounded exactly, or −1. */
function inexactYear(r: YearFigures, years: number): number {
  const { udgift, indtaegt, investering, netto, split } = r;
  for (let t = 0; t < years; t++)
    if (
      !isExactAmount(udgift[t]) ||
      !isExactAmount(indtaegt[t]) ||
      !isExactAmount(investering[t]) ||
      !isExactAmount(netto[t]) ||
      (split && (!isExactAmount(split.service[t]) || !isExactAmount(split.ejService[t])))
    )
      return t;
  const persons = r.fullTimePersons;
  if (persons !== undefined && persons > 0) for (let t = 0; t < years; t++) if (!isExactAmount(r.netto[t] / persons)) return t;
  return -1;
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
  all: readonly Proposal[],
  inexact: readonly [number, number][],
  listMagnitudes: readonly number[],
  pool: readonly number[],
  issues: Issue[],
): boolean {
  for (const [i, bad] of inexact)
    issues.push(problem('amountTooLarge', { scenario: s.name, nr: all[i].nr, year: years[bad], max: MAX_AMOUNT }, s.place));
  if (inexact.length > 0) return false;
  const year = years.findIndex((_, t) => !isExactAmount(Math.abs(pool[t]) + listMagnitudes[t]));
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
