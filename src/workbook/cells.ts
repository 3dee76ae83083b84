/**
 * Parsing of single cells as finance officers type them: Danish numbers
 * (1.234.567,5), percentages, shares. A parse gives a value or a reason.
 */
import type { TextCode } from '../model/problems';
import { cellError, isBlank, NO_VALUE, type CellValue } from './grid';

/** Why a cell is not the value asked for: the code of the problem reported at the cell. */
export type ParseReason = Extract<TextCode, 'notNumber' | 'shareRange' | 'negative' | 'cellError' | 'formulaWithoutValue'>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: ParseReason };

/**
 * How far above 100 % a share may be and still be 100 %. A share made by a
 * formula lands a hair off in binary floating point (=0,34+0,56+0,1 gives
 * 1,0000000000000002; 100,00000000000001 % the same after the division by 100):
 * that is 100 %, neither above it nor, read as a number above 1, 1 %. A share is
 * a fraction, so this is not the amount tolerance (TOLERANCE in
 * model/rounding.ts, a millionth of a krone).
 */
export const SHARE_TOLERANCE = 1e-12;

/** A cell that holds an error, or a formula without a stored result, is never a number (nor 0). */
function errorReason(value: CellValue): Parsed<never> | undefined {
  const error = cellError(value);
  if (error === undefined) return undefined;
  return { ok: false, reason: error === NO_VALUE ? 'formulaWithoutValue' : 'cellError' };
}

const DANISH_GROUPED = /^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$/; // 1.234.567,5
const DANISH_PLAIN = /^[-+]?\d+(,\d+)?$/; // 1234,5
const LOOSE_GROUPED = /^[-+]?\d+(\.\d{3})+$/; // -1300.000 (as Hørsholm writes it)
const DECIMAL_POINT = /^[-+]?\d*\.\d+$/; // 0.3, 12.5

/**
 * A number from a cell. Text is read the Danish way: dots group thousands and a
 * comma is the decimal mark; a lone dot not followed by exactly three digits is
 * a decimal point (0.3). Anything else ("12,5 mio") is not a number.
 */
export function parseNumber(value: CellValue): Parsed<number> | undefined {
  if (value === null || isBlank(value)) return undefined;
  const error = errorReason(value);
  if (error) return error;
  if (typeof value === 'object') return { ok: false, reason: 'notNumber' };
  if (typeof value === 'number') return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: 'notNumber' };
  if (typeof value === 'boolean') return { ok: false, reason: 'notNumber' };
  const s = value
    .trim()
    .replace(/[\u2212\u2013]/g, '-')
    .replace(/(\d)[\s\u00a0\u202f]+(?=\d)/g, '$1');
  let normal: string | undefined;
  if (DANISH_GROUPED.test(s) || LOOSE_GROUPED.test(s)) normal = s.replace(/\./g, '').replace(',', '.');
  else if (DANISH_PLAIN.test(s)) normal = s.replace(',', '.');
  else if (DECIMAL_POINT.test(s)) normal = s;
  if (normal === undefined) return { ok: false, reason: 'notNumber' };
  return { ok: true, value: Number(normal) };
}

/**
 * A share or rate: a number up to 1 is a fraction, above 1 and up to 100 a
 * percentage, text ending in % a percentage; above 100 % or below 0 is refused
 * (1 and 100 % up to SHARE_TOLERANCE).
 */
export function parseShare(value: CellValue): Parsed<number> | undefined {
  if (isBlank(value)) return undefined;
  const error = errorReason(value);
  if (error) return error;
  let fraction: number;
  if (typeof value === 'string' && value.trim().endsWith('%')) {
    const n = parseNumber(value.trim().slice(0, -1));
    if (!n || !n.ok) return { ok: false, reason: 'notNumber' };
    fraction = n.value / 100;
  } else {
    const n = parseNumber(value);
    if (!n || !n.ok) return n;
    fraction = n.value <= 1 + SHARE_TOLERANCE ? n.value : n.value / 100;
  }
  if (fraction < 0) return { ok: false, reason: 'negative' };
  if (fraction > 1 + SHARE_TOLERANCE) return { ok: false, reason: 'shareRange' };
  return { ok: true, value: fraction };
}
