/** Dates as Excel shows them: which number formats show a date, and which day a serial number is. */
import { dateKind, dateText, serialDate, shownValue } from '../../src/workbook/excel-dates';

describe('dateKind: what a number format shows', () => {
  test.each([
    'General',
    '0',
    '#,##0',
    '#,##0.00',
    '0.00E+00',
    '0%',
    '@',
    '#,##0 "kr."',
    '#,##0.0,, "mio. kr."',
    '[Red]#,##0;[Red]-#,##0',
    '_-* #,##0.00\\ "kr."_-;\\-* #,##0.00\\ "kr."_-;_-* "-"??\\ "kr."_-;_-@_-',
    '0\\ \\d\\a\\g\\e',
    '[$€-406] #,##0',
  ])('%s: a number', (format) => expect(dateKind(format)).toBeUndefined());

  test.each([
    ['dd-mm-yyyy', 'date'],
    ['m/d/yyyy', 'date'],
    ['YYYY-MM-DD', 'date'],
    ['d. mmmm yyyy', 'date'],
    ['[$-406]d. mmmm yyyy;@', 'date'],
    ['mmm-yy', 'date'],
    ['d-mmm', 'date'],
    ['h:mm', 'time'],
    ['hh:mm:ss', 'time'],
    ['mm:ss', 'time'],
    ['[h]:mm:ss', 'time'],
    ['h:mm AM/PM', 'time'],
    ['dd-mm-yyyy hh:mm', 'dateTime'],
    ['m/d/yy h:mm', 'dateTime'],
  ])('%s: %s', (format, kind) => expect(dateKind(format)).toBe(kind));

  test('the section a value uses decides: positive;negative;zero', () => {
    expect(dateKind('#,##0;dd-mm-yyyy', 5)).toBeUndefined();
    expect(dateKind('#,##0;dd-mm-yyyy', -5)).toBe('date');
    expect(dateKind('#,##0;#,##0;dd-mm-yyyy', 0)).toBe('date');
  });
});

describe('serialDate: the 1900 date system as Excel keeps it, Lotus 1-2-3 bug included', () => {
  test.each([
    [0, '1900-01-00'],
    [1, '1900-01-01'],
    [31, '1900-01-31'],
    [59, '1900-02-28'],
    [60, '1900-02-29'],
    [61, '1900-03-01'],
    [366, '1900-12-31'],
    [367, '1901-01-01'],
    [36526, '2000-01-01'],
    [45658, '2025-01-01'],
    [46054, '2026-02-01'],
    [2958465, '9999-12-31'],
  ])('%i is %s', (serial, text) => expect(serialDate(serial)).toBe(text));

  test('the 1904 system counts from 1904-01-01, 1462 days later, without the bug', () => {
    expect(serialDate(0, 1904)).toBe('1904-01-01');
    expect(serialDate(46054 - 1462, 1904)).toBe('2026-02-01');
    expect(serialDate(2957003, 1904)).toBe('9999-12-31');
  });
});

describe('dateText', () => {
  test('a date shows its day, a time its time (to the second), both with a space', () => {
    expect(dateText(46054.75, 'date')).toBe('2026-02-01');
    expect(dateText(0.5, 'time')).toBe('12:00:00');
    expect(dateText(46054 + 1 / 3, 'dateTime')).toBe('2026-02-01 08:00:00');
    // 23:59:59.6 rounds to the next day, as Excel shows it.
    expect(dateText(46054 + 86_399.6 / 86_400, 'dateTime')).toBe('2026-02-02 00:00:00');
  });

  test('a number Excel cannot show as a date (it shows ####) stays a number', () => {
    expect(dateText(-1, 'date')).toBe(-1);
    expect(dateText(2958466, 'date')).toBe(2958466);
    expect(dateText(2957004, 'date', 1904)).toBe(2957004);
  });

  test('shownValue: only a date format makes a number a date', () => {
    expect(shownValue(46054, 'General')).toBe(46054);
    expect(shownValue(46054, '#,##0')).toBe(46054);
    expect(shownValue(46054, 'dd-mm-yyyy')).toBe('2026-02-01');
    expect(shownValue(46054 - 1462, 'dd-mm-yyyy', 1904)).toBe('2026-02-01');
  });
});
