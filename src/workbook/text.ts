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

export function cellText(value: string | number | boolean | null): string {
  if (value === null) return '';
  return typeof value === 'string' ? value.trim() : String(value);
}
