/**
 * Rule 7: handing out the råderum to requests (udvidelser) in one of four modes.
 *
 * A year's capacity is what is available that year, never below 0: a year in
 * deficit funds nothing that asks for money in that year. Requests may be
 * negative in a year (a proposal that pays back); they then free capacity.
 */
import type { AllocationMode } from './types';
import { isZeroAmount, TOLERANCE } from './rounding';
import { lazyField, zerosShared } from './rules';
import { bestFill } from './best-fill';

export interface Request {
  nr: string;
  /** Netto per year, unrounded. */
  amount: readonly number[];
  priority?: number;
  /** Workbook position: sheet order, then row. */
  order: number;
  /** The caller's own index of the request (handed back in its funding). */
  index?: number;
  /** Variants (issue 13): the Nr of the main request this one is an alternative to (also set on the main request itself, to its own Nr); of requests with the same `variantOf` at most one is funded. */
  variantOf?: string;
}

export type FundingStatus = 'funded' | 'partial' | 'unfunded';

export interface Funding {
  nr: string;
  /** The request's `index`, when it has one. */
  index?: number;
  /** Fraction of the request funded, the same in every year. */
  fraction: number;
  status: FundingStatus;
  funded: readonly number[];
  /** Variants (issue 13): not funded because this member of its group is (funded or partly funded). */
  alternativeFunded?: string;
}

export interface Allocation {
  mode: AllocationMode;
  available: number[];
  /** In priority order. */
  fundings: Funding[];
  funded: number[];
  remaining: number[];
}

/** Priority order: lowest Prioritet first, blank last, ties by sheet order then row. */
export function inPriorityOrder<T extends { priority?: number; order: number }>(requests: readonly T[]): T[] {
  const before = (a: T, b: T): number => {
    const pa = a.priority ?? Number.POSITIVE_INFINITY;
    const pb = b.priority ?? Number.POSITIVE_INFINITY;
    return pa !== pb ? (pa < pb ? -1 : 1) : a.order - b.order;
  };
  // Requests made in priority order (every scenario's) need no sort; a stable sort would keep them as they are.
  let sorted = true;
  for (let i = 1; sorted && i < requests.length; i++) if (before(requests[i - 1], requests[i]) > 0) sorted = false;
  return sorted ? requests.slice() : [...requests].sort(before);
}

export interface AllocateOptions {
  /** Progress of a slow search (best fill), 0..1. */
  onProgress?: (done: number) => void;
}

/**
 * Requests in priority order as one table (request × year), so that handing
 * out and rounding go over numbers in a row, not over an object per request:
 * a scenario of 10.000 proposals holds thousands of requests.
 */
export interface RequestTable {
  count: number;
  years: number;
  /** Row i: request i's amount per year (its netto, unrounded). */
  amounts: Float64Array;
  /** Per request: the caller's index (`Request.index`), −1 where it has none. */
  index: Int32Array;
  /** Request i as an object (made when asked for: fundings and best fill). */
  request(i: number): Request;
  /** The indices are the positions of the caller's proposals (an evaluation's requests): no need to match by Nr. */
  indexed: boolean;
  /** Variants (issue 13): per request, its group (requests with the same number are alternatives), −1 for none. */
  groups?: Int32Array;
}

/** A table of requests already in priority order. */
export function requestTable(ordered: readonly Request[], years: number): RequestTable {
  const count = ordered.length;
  const amounts = new Float64Array(count * years);
  const index = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const r = ordered[i];
    for (let t = 0; t < years; t++) amounts[i * years + t] = r.amount[t];
    index[i] = r.index ?? -1;
  }
  return { count, years, amounts, index, request: (i) => ordered[i], indexed: false, groups: variantGroups(ordered) };
}

/** Variants: each request's group (numbered by the main request's Nr), −1 for none; undefined when no request has one. */
export function variantGroups(ordered: readonly { variantOf?: string }[]): Int32Array | undefined {
  if (!ordered.some((r) => r.variantOf !== undefined)) return undefined;
  const numbers = new Map<string, number>();
  return Int32Array.from(ordered, (r) => {
    if (r.variantOf === undefined) return -1;
    let g = numbers.get(r.variantOf);
    if (g === undefined) numbers.set(r.variantOf, (g = numbers.size));
    return g;
  });
}

export function allocate(
  mode: AllocationMode,
  availableIn: readonly number[],
  requests: readonly Request[],
  options: AllocateOptions = {},
): Allocation {
  return allocateTable(mode, availableIn, requestTable(inPriorityOrder(requests), availableIn.length), options);
}

/** `allocate` for requests already in a table in priority order. */
export function allocateTable(
  mode: AllocationMode,
  availableIn: readonly number[],
  requests: RequestTable,
  options: AllocateOptions = {},
): Allocation {
  // Rule 6a: what is available is 0 when it is 0 up to the tolerance (0,1 + 0,2 − 0,3 kr.).
  const available = availableIn.map((a) => (isZeroAmount(a) ? 0 : a));
  const capacity = available.map((a) => Math.max(a, 0));
  const found = FRACTIONS_BY_MODE[mode](capacity, requests, options);
  const { count, years, amounts } = requests;
  const fractions = new Float64Array(count);
  const statuses = new Uint8Array(count);
  // Σ in priority order, year by year: each request's funded part is amount × fraction (+ 0: never −0).
  const funded = new Array<number>(years).fill(0);
  for (let i = 0; i < count; i++) {
    const status = statusAt(amounts, i * years, years, found[i]);
    // A request funded in full or not at all up to the tolerance is exactly that, so noise never shows as a share.
    const fraction = status === FUNDED ? 1 : status === UNFUNDED ? 0 : found[i];
    fractions[i] = fraction;
    statuses[i] = status;
    if (fraction !== 0) for (let t = 0; t < years; t++) funded[t] += amounts[i * years + t] * fraction + 0;
  }
  const allocation = { mode, available, fundings: [] as Funding[], funded, remaining: available.map((a, t) => a - funded[t]) };
  const table: AllocationTable = { requests, fractions, statuses };
  tables.set(allocation, table);
  // Thousands of requests per scenario: their Funding objects are made when read (the figures read the table).
  lazyField(allocation, 'fundings', () => fundingsOf(table));
  return allocation;
}

/** An allocation as tables, in priority order: the requests, each one's fraction and status (STATUSES). */
export interface AllocationTable {
  requests: RequestTable;
  fractions: Float64Array;
  statuses: Uint8Array;
}

/** Statuses in tables: an index into STATUSES. */
export const STATUSES: readonly FundingStatus[] = ['funded', 'partial', 'unfunded'];
export const FUNDED = 0;
export const PARTIAL = 1;
export const UNFUNDED = 2;

const tables = new WeakMap<Allocation, AllocationTable>();

/** The allocation's table: the one `allocateTable` made, or one read from `fundings` (an allocation made elsewhere). */
export function allocationTable(allocation: Allocation): AllocationTable {
  const table = tables.get(allocation);
  if (table) return table;
  const { fundings } = allocation;
  // Each request as its funded amount, funded in full: the same funded parts and statuses.
  const requests = fundings.map((f) => ({ nr: f.nr, index: f.index, amount: f.funded, order: 0 }));
  return {
    requests: requestTable(requests, allocation.available.length),
    fractions: new Float64Array(fundings.length).fill(1),
    statuses: Uint8Array.from(fundings, (f) => STATUSES.indexOf(f.status)),
  };
}

function fundingsOf(table: AllocationTable): Funding[] {
  const { requests, fractions, statuses } = table;
  const fundings = new Array<Funding>(requests.count);
  const instead = alternativesFunded(table);
  for (let i = 0; i < requests.count; i++) {
    const r = requests.request(i);
    const fraction = fractions[i];
    fundings[i] = { nr: r.nr, index: r.index, fraction, status: STATUSES[statuses[i]], funded: fundedPart(r.amount, fraction) };
    const other = instead?.[i];
    if (other !== undefined) fundings[i].alternativeFunded = requests.request(other).nr;
  }
  return fundings;
}

/**
 * Variants: per request left unfunded, the position of the member of its group
 * that is funded or partly funded instead (undefined where none is); undefined
 * when no request is a variant.
 */
export function alternativesFunded({ requests, statuses }: AllocationTable): (number | undefined)[] | undefined {
  const { groups, count } = requests;
  if (!groups) return undefined;
  const fundedIn = new Map<number, number>();
  for (let i = 0; i < count; i++)
    if (groups[i] >= 0 && statuses[i] !== UNFUNDED && !fundedIn.has(groups[i])) fundedIn.set(groups[i], i);
  return Array.from({ length: count }, (_, i) =>
    groups[i] >= 0 && statuses[i] === UNFUNDED ? fundedIn.get(groups[i]) : undefined,
  );
}

/**
 * The funded part of a request. A request funded in full or not at all shares
 * its amounts or one array of zeros (both never changed): thousands of
 * requests per scenario need no arrays of their own.
 */
export function fundedPart(amount: readonly number[], fraction: number): readonly number[] {
  if (fraction === 0) return zerosShared(amount.length);
  if (fraction === 1 && !hasNegativeZero(amount)) return amount;
  return amount.map((a) => a * fraction + 0); // + 0: never −0
}

function hasNegativeZero(values: readonly number[]): boolean {
  for (const v of values) if (Object.is(v, -0)) return true;
  return false;
}

/**
 * Rule 6a: the status follows the amounts, not the fraction: funded when what is
 * missing is within the tolerance in every year, unfunded when what is funded
 * is; a request of nothing follows its fraction.
 */
export function fundingStatus(amount: readonly number[], fraction: number): FundingStatus {
  return STATUSES[statusAt(amount, 0, amount.length, fraction)];
}

/** fundingStatus of the amounts from `from` (`years` of them), as an index into STATUSES. */
function statusAt(amounts: ArrayLike<number>, from: number, years: number, fraction: number): number {
  let full = true;
  let none = true;
  for (let t = 0; t < years; t++) {
    const a = amounts[from + t];
    if (!(Math.abs(a) * (1 - fraction) <= TOLERANCE)) full = false;
    if (!(Math.abs(a) * fraction <= TOLERANCE)) none = false;
  }
  if (full && none) return fraction >= 0.5 ? FUNDED : UNFUNDED;
  return full ? FUNDED : none ? UNFUNDED : PARTIAL;
}

type FractionRule = (capacity: readonly number[], requests: RequestTable, options: AllocateOptions) => ArrayLike<number>;

const FRACTIONS_BY_MODE: Record<AllocationMode, FractionRule> = {
  priority: (capacity, requests) => priorityFractions(capacity, requests, false),
  'priority-partial': (capacity, requests) => priorityFractions(capacity, requests, true),
  'best-fill': (capacity, requests, options) => {
    const { groups } = requests;
    const ordered = Array.from({ length: requests.count }, (_, i) => {
      const r = requests.request(i);
      // Variants: the search takes at most one request of a group.
      return groups && groups[i] >= 0 ? { amount: r.amount, group: groups[i] } : r;
    });
    return bestFill(capacity, ordered, options).map((inSet) => (inSet ? 1 : 0));
  },
  proportional: (capacity, { count, years, amounts, groups }) => {
    // Variants: only the member of a group first in priority order takes part (the others are alternatives to it,
    // not further needs); every taking part gets the same fraction.
    const takesPart = firstOfEachGroup(count, groups);
    const demand = capacity.map((_, t) => {
      let total = 0;
      for (let i = 0; i < count; i++) if (!takesPart || takesPart[i]) total += amounts[i * years + t];
      return total;
    });
    const fraction = largestFittingFraction(capacity, demand);
    const fractions = new Float64Array(count).fill(fraction);
    if (takesPart) for (let i = 0; i < count; i++) if (!takesPart[i]) fractions[i] = 0;
    return fractions;
  },
};

/** Per request: whether it is the first of its group in priority order (or in none); undefined without groups. */
function firstOfEachGroup(count: number, groups: Int32Array | undefined): Uint8Array | undefined {
  if (!groups) return undefined;
  const seen = new Set<number>();
  const first = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const g = groups[i];
    if (g < 0 || !seen.has(g)) first[i] = 1;
    if (g >= 0) seen.add(g);
  }
  return first;
}

/** The largest f in [0, 1] with f × demand(t) ≤ room(t) in every year. */
export function largestFittingFraction(room: readonly number[], demand: ArrayLike<number>, from = 0): number {
  let fraction = 1;
  for (let t = 0; t < room.length; t++) {
    const d = demand[from + t];
    if (d > TOLERANCE) fraction = Math.min(fraction, Math.max(room[t], 0) / d);
  }
  return Math.max(0, Math.min(1, fraction));
}

function priorityFractions(
  capacity: readonly number[],
  { count, years, amounts, groups }: RequestTable,
  partial: boolean,
): Float64Array {
  const room = [...capacity];
  const fractions = new Float64Array(count);
  /** Variants: the groups of which a member is funded (in part, too); their other members are skipped. */
  const fundedGroups = new Set<number>();
  for (let i = 0; i < count; i++) {
    const group = groups ? groups[i] : -1;
    if (group >= 0 && fundedGroups.has(group)) continue;
    const row = i * years;
    let fits = true;
    for (let t = 0; t < years; t++) if (!(amounts[row + t] <= room[t] + TOLERANCE)) fits = false;
    let fraction = 0;
    if (fits) fraction = 1;
    else if (partial) fraction = largestFittingFraction(room, amounts, row);
    fractions[i] = fraction;
    if (group >= 0 && fraction > 0) fundedGroups.add(group);
    for (let t = 0; t < years; t++) room[t] -= amounts[row + t] * fraction;
    // Prioritet, delvis: the first request that does not fit gets its fraction, those after it nothing.
    if (!fits && partial) break;
  }
  return fractions;
}
