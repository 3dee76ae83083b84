/**
 * The pane's calculation off the pane's thread: grids go to a Web Worker
 * (./calculation.worker.ts), the analysis comes back as plain data, and a
 * run can be stopped by ending the worker. Where there is no Worker (jsdom,
 * an old host, a worker that cannot load) the same calculation runs in the
 * pane's thread (./analysis.ts), which cannot be stopped midway.
 *
 * Only the pure calculation crosses: reading and writing the workbook stays
 * in the pane, since Office.js does not run in workers.
 */
import type { Issue } from '../model/problems';
import type { SheetCells } from '../workbook/grid';
import type { Language } from '../workbook/messages';
import type { OutputSheet } from '../workbook/output';
import type { Found, Progress, ScenarioSummary } from '../workbook/run';
import type { ScenarioChanges } from './funding-changes';

export type { Progress };

/** What the pane needs of a run of the workbook layer (a part of WorkbookRun; all plain data). */
export interface Analysis {
  found: Found;
  issues: Issue[];
  outputs?: OutputSheet[];
  summary?: ScenarioSummary[];
  /** Per scenario against the base, the requests whose funding changed (./funding-changes.ts). */
  changes?: ScenarioChanges[];
}

/** A check (the pane's read) needs what was found and the problems; a calculation needs the sheets too. */
/** `handout`: a calculation that writes the handout (Forhandlingsoversigt) too. */
export type Purpose = 'check' | 'calculate' | 'handout';

/** The pane → worker message. */
export interface CalculationRequest {
  id: number;
  sheets: SheetCells[];
  purpose: Purpose;
  /** The pane's language: the output sheets' language unless the workbook's `Sprog` sets one. */
  language?: Language;
}

/** The worker → pane messages. */
export type CalculationReply =
  | { id: number; type: 'progress'; progress: Progress }
  | { id: number; type: 'done'; analysis: Analysis }
  | { id: number; type: 'failed'; message: string };

/** Thrown by a calculation that was stopped. */
export class CalculationStopped extends Error {
  constructor() {
    super('The calculation was stopped');
    this.name = 'CalculationStopped';
  }
}

export interface Calculation {
  result: Promise<Analysis>;
  /** Ends the calculation: `result` rejects with CalculationStopped. False when it cannot be stopped (in the pane's thread). */
  stop(): boolean;
}

export interface Calculator {
  /** Whether a calculation can be stopped midway (it runs outside the pane's thread). */
  readonly stoppable: boolean;
  start(sheets: SheetCells[], purpose: Purpose, onProgress?: (progress: Progress) => void, language?: Language): Calculation;
  /** The calculation at once, in the pane's thread, when this calculator has it loaded (./analysis.ts's inThread). */
  analyseNow?(sheets: SheetCells[], language?: Language, purpose?: Purpose): Analysis;
}

/**
 * The calculation in the pane's thread, its code loaded only when first needed: the
 * pages' fallback, which keeps a second copy of the engine out of the pane's bundle.
 */
export const inThreadLater: Calculator = {
  stoppable: false,
  start: (sheets, purpose, onProgress, language) => ({
    // The room's own module (the rule is for imports across rooms); loaded late, only where there is no worker.
    // eslint-disable-next-line no-restricted-syntax
    result: import('./analysis').then(({ analyse }) => analyse(sheets, purpose, onProgress, language)),
    stop: () => false,
  }),
};

/** The part of a Worker used here (a test gives a double). */
export interface WorkerLike {
  postMessage(message: CalculationRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<CalculationReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/**
 * Calculations in a worker that `startWorker` makes. One worker serves one
 * calculation at a time and is kept for the next; stopping ends it (the next
 * calculation starts a new one). When a worker cannot be made, or fails before
 * it answers (its script refused or not found), this calculation and every
 * later one run in the pane's thread.
 */
export function inWorker(startWorker: () => WorkerLike, fallback: Calculator = inThreadLater): Calculator {
  let worker: WorkerLike | undefined;
  let answered = false;
  let unavailable = false;
  let next = 0;
  const calculator: Calculator = {
    get stoppable() {
      return !unavailable;
    },
    start: (sheets, purpose, onProgress, language) => {
      if (unavailable) return fallback.start(sheets, purpose, onProgress, language);
      if (!worker) {
        try {
          worker = startWorker();
          answered = false;
        } catch {
          unavailable = true;
          return fallback.start(sheets, purpose, onProgress, language);
        }
      }
      const current = worker;
      const id = ++next;
      let settle!: { resolve: (analysis: Analysis) => void; reject: (error: unknown) => void };
      let settled = false;
      const result = new Promise<Analysis>((resolve, reject) => (settle = { resolve, reject }));
      const end = () => {
        settled = true;
        current.onmessage = null;
        current.onerror = null;
      };
      current.onmessage = (event) => {
        const reply = event.data;
        if (reply.id !== id || settled) return;
        answered = true;
        if (reply.type === 'progress') onProgress?.(reply.progress);
        else {
          end();
          if (reply.type === 'done') settle.resolve(reply.analysis);
          else settle.reject(new Error(reply.message));
        }
      };
      current.onerror = (event) => {
        if (settled) return;
        end();
        current.terminate();
        if (worker === current) worker = undefined;
        if (!answered) {
          // The worker never ran (its script could not load): calculate here instead, from now on.
          unavailable = true;
          fallback.start(sheets, purpose, onProgress, language).result.then(settle.resolve, settle.reject);
        } else settle.reject(new Error(event.message || 'The calculation failed'));
      };
      try {
        current.postMessage({ id, sheets, purpose, language });
      } catch {
        // Grids that cannot be copied to a worker (there are none today): calculate here.
        end();
        return fallback.start(sheets, purpose, onProgress, language);
      }
      return {
        result,
        stop: () => {
          if (settled) return false;
          end();
          current.terminate();
          if (worker === current) worker = undefined;
          settle.reject(new CalculationStopped());
          return true;
        },
      };
    },
  };
  return calculator;
}

/** A worker calculator when the page has Worker, else the pane's thread. */
export function calculatorFor(startWorker: () => WorkerLike): Calculator {
  return typeof Worker === 'undefined' ? inThreadLater : inWorker(startWorker);
}
