/**
 * "Gem prioriteter": a new priority order of requests, written back to the proposal lists' `Prioritet`
 * cells as the fewest cell changes, numbers as numbers. Pure: the grids in, the cells to write out;
 * the host writes them (WorkbookHost.writeChanges, as scenario-edit.ts's changes).
 */
import type { CellPlace } from '../model/types';
import { cellAt, isBlank, type SheetCells } from './grid';
import { findProposalLists, type ProposalList } from './proposal-lists';
import { readBook } from './read';
import type { CellChange, ScenarioSheetCells, SheetChanges } from './scenario-edit';

/**
 * Why nothing is written:
 * - `unreadable`: the workbook has problems (readBook gives no book);
 * - `unknownRequest`: a Nr in the order that no list holds (or holds twice);
 * - `noPriorityColumn`: the request's list has no `Prioritet` column, `place` its header's Nr cell;
 * - `formula`: the request's `Prioritet` cell holds a formula, `place` that cell (a value would replace it).
 */
export type PriorityRefusal = 'unreadable' | 'unknownRequest' | 'noPriorityColumn' | 'formula';

export interface PriorityEditResult {
  /** The cells to write, per sheet; empty when the order is already the workbook's. */
  changes: SheetChanges[];
  refused?: { reason: PriorityRefusal; nr?: string; place?: CellPlace };
}

/** A request of the order, where its Prioritet cell is and what it holds. */
interface Slot {
  nr: string;
  place: CellPlace;
  /** The cell's number, when it holds one. */
  now?: number;
}

/** The list a proposal's row (its Nr cell) belongs to. */
function listOf(lists: readonly ProposalList[], place: CellPlace): ProposalList | undefined {
  return lists.find(
    ({ area, fields }) =>
      area.sheet === place.sheet &&
      area.column + (fields.nr ?? -1) === place.column &&
      place.row >= area.firstDataRow &&
      place.row < area.firstDataRow + area.rows.length,
  );
}

/**
 * The Prioritet cells that give `order` (request Nrs, first priority first) when read back: each gets a number,
 * increasing along the order. Where the numbers already there increase along a part of the order, that part is
 * kept and only the others are written (integers that fit between their kept neighbours); else the order is
 * numbered 1, 2, 3, … and only the cells that differ are written. Requests not in `order` are left as they are.
 */
export function editPriorities(sheets: readonly SheetCells[], order: readonly string[]): PriorityEditResult {
  const read = readBook(sheets);
  if (!read.book) return { changes: [], refused: { reason: 'unreadable' } };
  const lists = findProposalLists(sheets, []);
  const byNr = new Map<string, CellPlace[]>();
  for (const p of read.book.proposals) if (p.places.row) byNr.set(p.nr, [...(byNr.get(p.nr) ?? []), p.places.row]);
  const slots: Slot[] = [];
  for (const nr of order) {
    const rows = byNr.get(nr);
    if (!rows || rows.length !== 1 || slots.some((s) => s.nr === nr))
      return { changes: [], refused: { reason: 'unknownRequest', nr } };
    const list = listOf(lists, rows[0]);
    if (!list) return { changes: [], refused: { reason: 'unknownRequest', nr } };
    if (list.fields.priority === undefined)
      return {
        changes: [],
        refused: {
          reason: 'noPriorityColumn',
          nr,
          place: { sheet: list.area.sheet, row: list.area.headerRow, column: rows[0].column },
        },
      };
    const place = { sheet: rows[0].sheet, row: rows[0].row, column: list.area.column + list.fields.priority };
    const sheet = sheets.find((s) => s.name === place.sheet) as ScenarioSheetCells | undefined;
    if (sheet?.formulas?.some((f) => f.row === place.row && f.column === place.column))
      return { changes: [], refused: { reason: 'formula', nr, place } };
    const value = sheet ? cellAt(sheet, place.row, place.column) : null;
    slots.push({ nr, place, now: typeof value === 'number' && Number.isFinite(value) && !isBlank(value) ? value : undefined });
  }
  const targets = fewestWrites(slots.map((s) => s.now));
  const bySheet = new Map<string, CellChange[]>();
  slots.forEach((slot, k) => {
    if (slot.now === targets[k]) return;
    const cells = bySheet.get(slot.place.sheet) ?? [];
    cells.push({ row: slot.place.row, column: slot.place.column, value: targets[k] });
    bySheet.set(slot.place.sheet, cells);
  });
  return { changes: [...bySheet].map(([sheet, cells]) => ({ sheet, cells })) };
}

/**
 * Numbers strictly increasing along the slots, changing as few of `now` as one of two ways allows: keep the
 * longest strictly increasing run of integers already there and fit integers between them, or number 1…n.
 */
export function fewestWrites(now: readonly (number | undefined)[]): number[] {
  const plain = now.map((_, k) => k + 1);
  const kept = longestIncreasing(now);
  const fitted = fitBetween(now, kept);
  if (!fitted) return plain;
  const writes = (xs: readonly number[]) => xs.filter((x, k) => x !== now[k]).length;
  return writes(fitted) < writes(plain) ? fitted : plain;
}

/** Positions of a longest strictly increasing subsequence of the integers ≥ 1 in `now` (others are skipped). */
function longestIncreasing(now: readonly (number | undefined)[]): number[] {
  const n = now.length;
  const length = new Array<number>(n).fill(0);
  const before = new Array<number>(n).fill(-1);
  let best = -1;
  for (let i = 0; i < n; i++) {
    const v = now[i];
    if (v === undefined || !Number.isInteger(v) || v < 1) continue;
    length[i] = 1;
    for (let j = 0; j < i; j++) {
      const w = now[j];
      if (length[j] > 0 && w !== undefined && w < v && length[j] + 1 > length[i]) {
        length[i] = length[j] + 1;
        before[i] = j;
      }
    }
    if (best < 0 || length[i] > length[best]) best = i;
  }
  const kept: number[] = [];
  for (let i = best; i >= 0; i = before[i]) kept.unshift(i);
  return kept;
}

/** The kept values with the others filled by the smallest integers that fit, or undefined where they do not fit. */
function fitBetween(now: readonly (number | undefined)[], kept: readonly number[]): number[] | undefined {
  const out: number[] = [];
  let k = 0;
  let last = 0;
  for (let i = 0; i < now.length; i++) {
    if (kept[k] === i) {
      out.push(now[i] as number);
      last = now[i] as number;
      k++;
      continue;
    }
    const next = k < kept.length ? (now[kept[k]] as number) : Number.POSITIVE_INFINITY;
    // The existing value where it fits, else the next integer up.
    const v = now[i];
    const value = v !== undefined && Number.isInteger(v) && v > last && v < next ? v : last + 1;
    if (value >= next) return undefined;
    out.push(value);
    last = value;
  }
  return out;
}
