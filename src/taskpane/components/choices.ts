/** What the pane's views share: amounts in the pane's number format, and keys that move a radio group. */
import type { Unit } from '../../workbook/units';

/**
 * Amounts as the pane shows them: in the pane's language, whole units (one
 * decimal in mio. kr.); `signed` shows + before a non-zero amount. Without a
 * known unit, up to one decimal.
 */
export function amountFormat(language: 'da' | 'en', unit: Unit | undefined, signed = false): Intl.NumberFormat {
  const digits = unit === 'mio. kr.' ? 1 : 0;
  return new Intl.NumberFormat(language === 'da' ? 'da-DK' : 'en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: unit === undefined ? 1 : digits,
    signDisplay: signed ? 'exceptZero' : 'auto',
  });
}

/** The radio a key moves to among `count` (arrows wrap round as a browser's radio group does; Home, End); undefined: not a moving key. */
export function choiceAfterKey(key: string, index: number, count: number): number | undefined {
  if (key === 'ArrowRight' || key === 'ArrowDown') return (index + 1) % count;
  if (key === 'ArrowLeft' || key === 'ArrowUp') return (index - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return undefined;
}
