/**
 * The Web Worker that calculates for the pane (./calculation.ts): grids in,
 * the analysis out, progress of best fill on the way. The same script serves
 * the live what-if (./what-if-runner.ts) in an instance of its own, which
 * keeps the workbook it was given between what-ifs. No Office.js here.
 */
import { analyse } from './analysis';
import type { CalculationReply, CalculationRequest } from './calculation';
import { WhatIf } from './what-if';
import type { WhatIfMessage, WhatIfReply } from './what-if-runner';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<CalculationRequest | WhatIfMessage>) => void) | null;
  postMessage: (reply: CalculationReply | WhatIfReply) => void;
};

/** The workbook of the last what-if read, with the runs made on it. */
let session: WhatIf | undefined;

scope.onmessage = (event) => {
  const message = event.data;
  const id = message.id;
  try {
    if ('whatIf' in message) {
      if (message.sheets) session = new WhatIf(message.sheets);
      if (!session) throw new Error('The what-if has no workbook: read it first');
      scope.postMessage({ id, type: 'whatIf', result: session.run(message.whatIf) });
      return;
    }
    const { sheets, purpose, language } = message;
    const analysis = analyse(sheets, purpose, (progress) => scope.postMessage({ id, type: 'progress', progress }), language);
    scope.postMessage({ id, type: 'done', analysis });
  } catch (error) {
    scope.postMessage({ id, type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
