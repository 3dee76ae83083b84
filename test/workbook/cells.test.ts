import { parseNumber, parseShare } from '../../src/workbook/cells';

describe('parseNumber reads numbers as Danish finance officers type them', () => {
  test.each([
    [1500, 1500],
    ['-1.500', -1500],
    ['1.234.567', 1234567],
    ['12,5', 12.5],
    ['−1.026.316', -1026316],
    ['-1300.000', -1300000], // Hørsholm's irregular grouping
    ['1 250 000', 1250000],
    ['0.3', 0.3],
    ['12.5', 12.5],
  ])('%p → %p', (text, expected) => {
    expect(parseNumber(text)).toEqual({ ok: true, value: expected });
  });

  test.each(['12,5 mio', 'ca. 400', '1,2,3', 'abc', '#DIV'])('"%s" is not a number', (text) => {
    expect(parseNumber(text)).toEqual({ ok: false, reason: 'notNumber' });
  });

  test.each(['#DIV/0!', '#N/A', '#REF!', { error: '#VALUE!' }])('%p is a formula error, never a number', (value) => {
    expect(parseNumber(value)).toEqual({ ok: false, reason: 'cellError' });
    expect(parseShare(value)).toEqual({ ok: false, reason: 'cellError' });
  });

  test('a formula without a stored result is never read as 0', () => {
    expect(parseNumber({ error: 'noValue' })).toEqual({ ok: false, reason: 'formulaWithoutValue' });
  });

  test('blank is no value, not zero', () => {
    expect(parseNumber(null)).toBeUndefined();
    expect(parseNumber('  ')).toBeUndefined();
  });
});

describe('parseShare', () => {
  test.each([
    [0.3, 0.3],
    [30, 0.3],
    ['30 %', 0.3],
    ['12,5%', 0.125],
    [1, 1],
    [100, 1],
  ])('%p → %p', (value, expected) => {
    const parsed = parseShare(value);
    expect(parsed?.ok).toBe(true);
    expect(parsed && parsed.ok && parsed.value).toBeCloseTo(expected, 12);
  });

  test('a share a hair off 100 % from a formula is 100 %, neither 1 % nor above 100 %', () => {
    const formula = 0.34 + 0.56 + 0.1; // 1.0000000000000002 in binary floating point
    expect(formula).toBeGreaterThan(1);
    expect(parseShare(formula)).toEqual({ ok: true, value: formula });
    expect(parseShare(100 + 1e-13)).toMatchObject({ ok: true });
    expect(parseShare(`${String(100 + 1e-13).replace('.', ',')} %`)).toMatchObject({ ok: true });
    // Beyond the share tolerance, a number above 1 is still a percentage.
    expect(parseShare(1.5)).toEqual({ ok: true, value: 0.015 });
    expect(parseShare(100.001)).toEqual({ ok: false, reason: 'shareRange' });
  });

  test.each([
    [150, 'shareRange'],
    ['101 %', 'shareRange'],
    [-0.2, 'negative'],
    ['tredive', 'notNumber'],
  ])('%p is refused (%s)', (value, reason) => {
    expect(parseShare(value)).toEqual({ ok: false, reason });
  });
});
