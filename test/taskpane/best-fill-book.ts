/**
 * A workbook whose calculation is slow on purpose: several scenarios of
 * `Bedste udnyttelse` over 40 requests whose amounts differ by year (the
 * hardest kind), each scenario with its own pool. For the pane's progress
 * and stop, in jest and in Chromium.
 */
import type { SheetCells } from '../../src/workbook/grid';
import type { OutputSheet } from '../../src/workbook/output';

type Row = (string | number)[];

export const BEST_FILL_YEARS = [2027, 2028, 2029, 2030];

/** A fixed pseudo-random sequence (the same workbook on every run). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The rows of the sheets Forslag and Scenarier, as they stand from A1. */
export function bestFillRows(scenarios: number, requests = 40): { Forslag: Row[]; Scenarier: Row[] } {
  const r = random(requests * 7919 + scenarios);
  const forslag: Row[] = [['Nr', 'Titel', 'Art', 'Prioritet', ...BEST_FILL_YEARS.map((y) => `Udgift ${y}`)]];
  const demand = BEST_FILL_YEARS.map(() => 0);
  for (let i = 0; i < requests; i++) {
    // Round figures (100.000 kr.) that differ by year: many near-ties for the search.
    const amounts = BEST_FILL_YEARS.map(() => (10 + Math.floor(r() * 11)) * 100_000);
    amounts.forEach((a, t) => (demand[t] += a));
    forslag.push([`B-${i + 1}`, `Ønske ${i + 1}`, 'Udvidelse', i + 1, ...amounts]);
  }
  const names = Array.from({ length: scenarios }, (_, s) => `Bedste ${s + 1}`);
  // Pools about half the demand, a little different in each scenario.
  const pools = BEST_FILL_YEARS.map((y, t) => [
    `Råderum ${y}`,
    ...names.map((_, s) => Math.round((demand[t] * (0.45 + 0.01 * s)) / 100_000) * 100_000),
  ]);
  const scenarier: Row[] = [['Parameter', ...names], ...pools, ['Fordeling', ...names.map(() => 'Bedste udnyttelse')]];
  return { Forslag: forslag, Scenarier: scenarier };
}

export function bestFillSheets(scenarios: number, requests = 40): SheetCells[] {
  return Object.entries(bestFillRows(scenarios, requests)).map(([name, values]) => ({
    name,
    origin: { row: 0, column: 0 },
    values,
    tables: [],
  }));
}

/** The same sheets as an in-memory workbook's (newWorkbook) or a file's. */
export function bestFillBook(scenarios: number, requests = 40): OutputSheet[] {
  return Object.entries(bestFillRows(scenarios, requests)).map(([name, values]) => ({
    name,
    values,
    formats: values.map((r) => r.map(() => 'General')),
    boldRows: [0],
    tables: [],
    columnWidths: [],
  }));
}
