/**
 * The one module that names the calculation worker's script. webpack bundles
 * the worker from this `new Worker(new URL(…, import.meta.url))` and serves it
 * from the page's own origin (the policy's worker-src 'self'). Only the pages'
 * entry files import it: `import.meta` is not valid in the CommonJS that tsc
 * and jest use, so nothing jest loads may import this file.
 */
import type { WorkerLike } from './calculation';

export const startCalculationWorker = (): WorkerLike =>
  // @ts-expect-error TS1343: import.meta needs an ES module target; webpack's ts-loader compiles with es2020.
  new Worker(new URL('./calculation.worker.ts', import.meta.url), { name: 'raaderum-calculation' });
