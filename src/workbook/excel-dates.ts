/**
 * Excel keeps a date as a serial number; only the cell's number format says it
 * is a date. The adapter hands the workbook layer what the user sees: a date
 * cell as ISO text ('2026-02-01'), which no amount column takes for a number.
 *
 * Both adapters (Office.js and ExcelJS) use these rules, so a date reads the
 * same in the pane and on the command line.
 */

/** What a number format shows: a date, a time of day (or elapsed time), both, or neither. */
export type DateKind = 'date' | 'time' | 'dateTime';

/**
 * The section of a format code that a number uses (Excel: positive;negative;zero;text),
 * with quoted text, escaped and padding characters and [colour]/[$-locale] brackets taken out.
 * Elapsed-time brackets ([h], [mm], [ss]) stay, as `H`, `M`, `S`.
 */
function sectionFor(format: string, value: number): string {
  const sections: string[] = [''];
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      i = end < 0 ? format.length : end;
    } else if (ch === '\\' || ch === '_' || ch === '*') i++;
    else if (ch === '[') {
      const end = format.indexOf(']', i + 1);
      const inside = format.slice(i + 1, end < 0 ? format.length : end);
      if (/^(h+|m+|s+)$/i.test(inside)) sections[sections.length - 1] += inside[0].toUpperCase();
      i = end < 0 ? format.length : end;
    } else if (ch === ';') sections.push('');
    else sections[sections.length - 1] += ch;
  }
  if (value < 0 && sections.length > 1) return sections[1];
  if (value === 0 && sections.length > 2) return sections[2];
  return sections[0];
}

/**
 * Whether a number format shows a date or a time (Excel's Date and Time categories).
 * `m` is minutes right after an hour or right before seconds, else the month.
 */
export function dateKind(format: string | null | undefined, value = 1): DateKind | undefined {
  if (!format || /^general$/i.test(format.trim())) return undefined;
  const section = sectionFor(format, value);
  // 0.00E+00 is scientific notation, not a date code.
  // AM/PM and A/P go with hours; their M and P are no codes.
  const tokens =
    section
      .replace(/AM\/PM|A\/P/gi, '')
      .replace(/[eE][+-]/g, '')
      .match(/[yYdDmMhHsS]+|[^yYdDmMhHsS\s]/g) ?? [];
  const letters = tokens.filter((t) => /^[ymdhs]/i.test(t)).map((t) => t[0].toLowerCase());
  let date = false;
  let time = false;
  letters.forEach((letter, i) => {
    if (letter === 'y' || letter === 'd') date = true;
    else if (letter === 'h' || letter === 's') time = true;
    else if (letters[i - 1] === 'h' || letters[i + 1] === 's') time = true;
    else date = true;
  });
  return date && time ? 'dateTime' : date ? 'date' : time ? 'time' : undefined;
}

export const DAY_MS = 86_400_000;
/** The largest serial Excel shows as a date: 9999-12-31 in each date system. */
const LAST_SERIAL = { 1900: 2_958_465, 1904: 2_957_003 };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * A day number as Excel shows it. 1900 system: 1 is 1900-01-01, 0 is shown as
 * 1900-01-00, and 60 is 1900-02-29, a day that never was (Lotus 1-2-3's leap-year
 * bug, which Excel keeps), so from 61 on the count runs from 1899-12-30.
 * 1904 system (Mac workbooks of old): 0 is 1904-01-01.
 */
export function serialDate(day: number, system: 1900 | 1904 = 1900): string {
  if (system === 1900) {
    if (day === 0) return '1900-01-00';
    if (day === 60) return '1900-02-29';
  }
  const start = system === 1904 ? Date.UTC(1904, 0, 1) : day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const d = new Date(start + day * DAY_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/**
 * A date or time cell as ISO text, the way Excel shows it: 'YYYY-MM-DD',
 * 'HH:MM:SS', or both with a space. A number Excel cannot show as a date
 * (negative, or after 9999-12-31: Excel shows ####) stays a number.
 */
export function dateText(serial: number, kind: DateKind, system: 1900 | 1904 = 1900): string | number {
  if (!Number.isFinite(serial) || serial < 0 || serial >= LAST_SERIAL[system] + 1) return serial;
  // Excel rounds to the second; 23:59:59.6 is the next day.
  const seconds = Math.round(serial * 86_400);
  const day = Math.floor(seconds / 86_400);
  const inDay = seconds - day * 86_400;
  const time = `${pad(Math.floor(inDay / 3600))}:${pad(Math.floor(inDay / 60) % 60)}:${pad(inDay % 60)}`;
  if (kind === 'time') return time;
  const date = serialDate(day, system);
  return kind === 'date' ? date : `${date} ${time}`;
}

/** A cell's value as the workbook layer gets it: a number in a date or time format becomes its ISO text. */
export function shownValue(value: number, format: string | null | undefined, system: 1900 | 1904 = 1900): string | number {
  const kind = dateKind(format, value);
  return kind ? dateText(value, kind, system) : value;
}
