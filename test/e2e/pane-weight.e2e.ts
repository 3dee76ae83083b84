/**
 * Issue 10 item 6 and issue 12: the JavaScript the task pane loads (production build, Office.js
 * excluded, the calculation worker included) stays within 150 KB gzip, measured as
 * scripts/bench-pane.js measures it: from the network, as Chromium loads taskpane.html.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { measure, TARGETS } = require('../../scripts/bench-pane.js');

interface Measured {
  bundleGzipBytes: number;
  allChunksGzipBytes: number;
  files: { file: string; gzip: number; how: string }[];
}

test('the pane loads at most 150 KB of JavaScript (gzip): its bundle, the engine chunk and the worker', async () => {
  const result: Measured = await measure({ quick: true });
  const names = result.files.map((f) => f.file.replace(/\.[0-9a-f]{8}\.js$/, ''));
  expect(names.sort()).toEqual(['/engine', '/raaderum-calculation', '/taskpane']);
  expect(result.bundleGzipBytes).toBe(result.files.reduce((sum, f) => sum + f.gzip, 0));
  expect(result.bundleGzipBytes).toBeLessThanOrEqual(TARGETS.bundleGzipBytes);
}, 180_000);
