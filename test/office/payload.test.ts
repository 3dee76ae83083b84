/** Request sizes measured as Excel on the web measures them: UTF-8 bytes of the JSON. */
import { jsonBytes, rowBlocks } from '../../src/office/payload';

test.each([
  ['ASCII', [['Nr', 'Titel', 12.5, null]]],
  ['Danish letters', [['Råderum', 'Ældrepleje', 'Sø']]],
  ['three-byte characters', [['€ 100', '—']]],
])('jsonBytes of %s is the UTF-8 length of the JSON', (_, value) => {
  expect(jsonBytes(value)).toBe(Buffer.byteLength(JSON.stringify(value), 'utf8'));
});

test('jsonBytes never under-counts (a character outside the BMP counts six bytes, UTF-8 takes four)', () => {
  expect(jsonBytes(['😀'])).toBeGreaterThanOrEqual(Buffer.byteLength(JSON.stringify(['😀']), 'utf8'));
});

test('rowBlocks keeps each block under the budget, a row larger than it alone', () => {
  expect(rowBlocks([4, 4, 4, 9, 1], 8)).toEqual([
    { start: 0, count: 2 },
    { start: 2, count: 1 },
    { start: 3, count: 1 },
    { start: 4, count: 1 },
  ]);
});

test('jsonBytes of a text of megabytes: counted, no stack overflow', () => {
  const big = Array.from({ length: 2000 }, (_, i) => [`${'x'.repeat(2999)}${i % 2 ? 'å' : '€'}`]);
  expect(jsonBytes(big)).toBe(Buffer.byteLength(JSON.stringify(big), 'utf8'));
});
