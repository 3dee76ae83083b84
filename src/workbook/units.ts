import { UNIT_CHOICES } from './columns';
/** The workbook's unit (`Enhed`): amounts in and out are in it; inside, kroner. */
export type Unit = 'kr.' | '1.000 kr.' | 'mio. kr.';

export interface UnitInfo {
  /** Kroner per unit. */
  kroner: number;
  /** What output figures are rounded to, in kroner (mio. kr.: one decimal). */
  roundingStep: number;
  /** Excel number format: thousands separators; negatives show a minus sign. */
  numberFormat: string;
}

export const UNITS: Record<Unit, UnitInfo> = {
  'kr.': { kroner: 1, roundingStep: 1, numberFormat: '#,##0' },
  '1.000 kr.': { kroner: 1000, roundingStep: 1000, numberFormat: '#,##0' },
  'mio. kr.': { kroner: 1_000_000, roundingStep: 100_000, numberFormat: '#,##0.0' },
};

/** Spaces, dots and case do not matter in a unit: `1000 kr`, `TKR.` and `Mio kr` are read. */
const squash = (text: string): string => text.toLowerCase().replace(/[\s.]/g, '');

/** The unit a cell names, by the words of the table of columns (`UNIT_CHOICES`). */
export function parseUnit(text: string): Unit | undefined {
  const key = squash(text);
  return UNIT_CHOICES.find((c) => c.words.some((w) => squash(w) === key))?.value;
}
