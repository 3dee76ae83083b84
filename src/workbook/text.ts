import type { CellValue } from './grid';

/**
 * Matching of headers, parameters and benefit names: case-insensitive, ignoring
 * surrounding spaces and a trailing dot; æ/ø/å also match ae/oe/aa.
 */
export function matchKey(text: string): string {
  return text
    .normalize('NFC')
    .trim()
    .replace(/\.$/, '')
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'object') return value.error;
  return typeof value === 'string' ? value.trim() : String(value);
}
