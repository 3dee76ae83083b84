/**
 * A stand-in for the calculation worker in jest (jsdom has no Worker): it
 * runs the worker's own code (./calculation.worker.ts's analyse) after the
 * pane's turn, copies every message as postMessage would (structuredClone),
 * and can hold a calculation after its progress until the test lets it finish.
 */
import { deserialize, serialize } from 'v8';
import { analyse } from '../../src/taskpane/analysis';
import type { CalculationReply, CalculationRequest, WorkerLike } from '../../src/taskpane/calculation';

/** postMessage's copy (Node's structured clone: jsdom's window has no structuredClone). */
const copyOf = <T>(value: T): T => deserialize(serialize(value)) as T;

export class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<CalculationReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  readonly requests: CalculationRequest[] = [];
  readonly replies: CalculationReply[] = [];

  /** `hold`: a calculation ('calculate', not a check) waits for it after its progress. */
  constructor(private readonly hold?: Promise<void>) {}

  postMessage(message: CalculationRequest): void {
    const request = copyOf(message);
    this.requests.push(request);
    setTimeout(async () => {
      const progress: CalculationReply[] = [];
      let reply: CalculationReply;
      try {
        const analysis = analyse(
          request.sheets,
          request.purpose,
          (p) => progress.push({ id: request.id, type: 'progress', progress: p }),
          request.language,
        );
        reply = { id: request.id, type: 'done', analysis };
      } catch (error) {
        reply = { id: request.id, type: 'failed', message: String(error) };
      }
      progress.forEach((p) => this.reply(p));
      if (request.purpose === 'calculate') await this.hold;
      this.reply(reply);
    }, 0);
  }

  private reply(reply: CalculationReply): void {
    if (this.terminated) return;
    const copy = copyOf(reply);
    this.replies.push(copy);
    this.onmessage?.({ data: copy } as MessageEvent<CalculationReply>);
  }

  terminate(): void {
    this.terminated = true;
  }
}

/** A worker whose script never loads: it fails before it answers anything. */
export class BrokenWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<CalculationReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  postMessage(): void {
    setTimeout(() => this.onerror?.({ message: 'NetworkError: script not found' } as ErrorEvent), 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

/** A gate the test opens. */
export function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}
