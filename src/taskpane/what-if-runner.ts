/**
 * Where the live what-if runs: in a Web Worker of its own in the pages (the
 * calculation worker's script, a second instance, so a long "Skriv
 * resultater" never holds up a slider), else in the pane's thread. The
 * workbook's grids cross once per read; each what-if after that sends only
 * the pending edits, and the answer is the few figures the pane shows.
 */
import type { SheetCells } from '../workbook/grid';
import type { WorkerLike } from './calculation';
import type { WhatIfRequest, WhatIfResult } from './what-if';

export interface WhatIfRunner {
  /** A what-if on `sheets`, or, without them, on the sheets given last. */
  run(request: WhatIfRequest, sheets?: readonly SheetCells[]): Promise<WhatIfResult>;
}

/** The pane → worker message of a what-if. */
export interface WhatIfMessage {
  id: number;
  whatIf: WhatIfRequest;
  sheets?: readonly SheetCells[];
}

/** The worker → pane answer. */
export type WhatIfReply = { id: number; type: 'whatIf'; result: WhatIfResult } | { id: number; type: 'failed'; message: string };

/** The part of a Worker used here (a test gives a double). */
export interface WhatIfWorker {
  postMessage(message: WhatIfMessage): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<WhatIfReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** In the pane's thread, the code at hand (tests) or loaded when first needed (the pages' fallback). */
export function whatIfInThread(load: () => Promise<typeof import('./what-if')>): WhatIfRunner {
  let session: import('./what-if').WhatIf | undefined;
  return {
    run: async (request, sheets) => {
      const { WhatIf } = await load();
      if (sheets) session = new WhatIf(sheets);
      if (!session) throw new Error('The what-if has no workbook: read it first');
      return session.run(request);
    },
  };
}

/** The fallback of the pages: the what-if's code loaded only where there is no worker. */
export const whatIfInThreadLater: WhatIfRunner = whatIfInThread(
  // The room's own module (the rule is for imports across rooms); loaded late, only where there is no worker.
  // eslint-disable-next-line no-restricted-syntax
  () => import('./what-if'),
);

/**
 * What-ifs in a worker that `startWorker` makes, one at a time in order. A
 * worker that fails before it answers (its script refused) leaves this and
 * every later what-if to the pane's thread; one that fails later is replaced,
 * and the next what-if sends the sheets again.
 */
export function whatIfInWorker(startWorker: () => WorkerLike, fallback: WhatIfRunner = whatIfInThreadLater): WhatIfRunner {
  let worker: WhatIfWorker | undefined;
  let answered = false;
  let unavailable = false;
  let next = 0;
  /** The sheets of the last read: a new worker gets them with its first what-if. */
  let last: readonly SheetCells[] | undefined;
  let sent = false;
  const waiting = new Map<number, { resolve: (r: WhatIfResult) => void; reject: (e: unknown) => void; message: WhatIfMessage }>();

  const start = (): WhatIfWorker => {
    const w = startWorker() as unknown as WhatIfWorker;
    answered = false;
    sent = false;
    w.onmessage = (event) => {
      const reply = event.data;
      const wait = waiting.get(reply.id);
      if (!wait) return;
      answered = true;
      waiting.delete(reply.id);
      if (reply.type === 'whatIf') wait.resolve(reply.result);
      else wait.reject(new Error(reply.message));
    };
    w.onerror = (event) => {
      w.terminate();
      if (worker === w) worker = undefined;
      const pending = [...waiting.values()];
      waiting.clear();
      if (!answered) {
        // The worker never ran: the pane's thread from now on, with what was asked of it.
        unavailable = true;
        for (const p of pending) fallback.run(p.message.whatIf, last).then(p.resolve, p.reject);
      } else for (const p of pending) p.reject(new Error(event.message || 'The what-if failed'));
    };
    return w;
  };

  return {
    run: (request, sheets) => {
      if (sheets) {
        last = sheets;
        sent = false;
      }
      if (!unavailable && !worker) {
        try {
          worker = start();
        } catch {
          unavailable = true;
        }
      }
      if (unavailable || !worker) return fallback.run(request, sheets ?? last);
      const id = ++next;
      const message: WhatIfMessage = { id, whatIf: request, ...(sent ? {} : { sheets: last }) };
      sent = true;
      return new Promise<WhatIfResult>((resolve, reject) => {
        waiting.set(id, { resolve, reject, message });
        worker?.postMessage(message);
      });
    },
  };
}

/** A worker of its own when the page has Worker, else the pane's thread. */
export function whatIfFor(startWorker: () => WorkerLike): WhatIfRunner {
  return typeof Worker === 'undefined' ? whatIfInThreadLater : whatIfInWorker(startWorker);
}
