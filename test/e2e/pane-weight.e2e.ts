/**
 * Issue 10 item 6, issues 12 and 13: the JavaScript the task pane loads (production build, Office.js
 * excluded, the calculation worker included) stays within 150 KB gzip at start, measured as
 * scripts/bench-pane.js measures it: from the network, as Chromium loads taskpane.html. The negotiation
 * views (issue 13) are a chunk loaded when their section is opened: start + that chunk stays within 160 KB.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { measure, TARGETS } = require('../../scripts/bench-pane.js');

interface Measured {
  bundleGzipBytes: number;
  onDemandGzipBytes: number;
  allChunksGzipBytes: number;
  files: { file: string; gzip: number; how: string }[];
  onDemand: { file: string; gzip: number; how: string }[];
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
let result: Measured;

beforeAll(async () => {
  result = await measure({ quick: true });
  console.log(
    `pane JavaScript (gzip): at start ${kb(result.bundleGzipBytes)}, on opening »Forhandling« ${kb(result.onDemandGzipBytes)}, ` +
      `together ${kb(result.bundleGzipBytes + result.onDemandGzipBytes)}`,
  );
}, 180_000);

const named = (files: { file: string }[]) => files.map((f) => f.file.replace(/\.[0-9a-f]{8}\.js$/, '')).sort();

test('the pane loads at most 150 KB of JavaScript (gzip) at start: its bundle, the engine chunk and the worker', () => {
  expect(named(result.files)).toEqual(['/engine', '/raaderum-calculation', '/taskpane']);
  expect(result.bundleGzipBytes).toBe(result.files.reduce((sum, f) => sum + f.gzip, 0));
  expect(result.bundleGzipBytes).toBeLessThanOrEqual(TARGETS.bundleGzipBytes);
});

test('opening the negotiation views loads their chunk, and start + chunk stays under 160 KB (gzip)', () => {
  expect(named(result.onDemand)).toEqual(['/negotiation']);
  expect(result.onDemandGzipBytes).toBe(result.onDemand.reduce((sum, f) => sum + f.gzip, 0));
  expect(result.onDemandGzipBytes).toBeGreaterThan(0);
  expect(result.bundleGzipBytes + result.onDemandGzipBytes).toBeLessThan(TARGETS.totalGzipBytes);
});
