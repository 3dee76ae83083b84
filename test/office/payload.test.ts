/**
 * Request and response sizes measured as Excel on the web may count them, never fewer: the JSON in UTF-8, or with
 * every non-ASCII character escaped (\u00e5), whichever is larger.
 */
import { jsonBytes, rowBlocks } from '../../src/office/payload';

/** The JSON with every non-ASCII character escaped, as a serializer that escapes them sends it. */
const escaped = (value: unknown) =>
  JSON.stringify(value).replace(/[^ -~\t\n\r]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);

test.each([
  ['ASCII', [['Nr', 'Titel', 12.5, null]]],
  ['Danish letters', [['Råderum', 'Ældrepleje', 'Sø']]],
  ['three-byte characters', [['€ 100', '—']]],
])('jsonBytes of %s is the larger of its UTF-8 and its escaped length', (_, value) => {
  const utf8 = Buffer.byteLength(JSON.stringify(value), 'utf8');
  expect(jsonBytes(value)).toBe(Math.max(utf8, escaped(value).length));
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
  expect(jsonBytes(big)).toBe(escaped(big).length);
});
