/**
 * The Web Worker that calculates for the pane (./calculation.ts): grids in,
 * the analysis out, progress of best fill on the way. No Office.js here.
 */
import { analyse } from './analysis';
import type { CalculationReply, CalculationRequest } from './calculation';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<CalculationRequest>) => void) | null;
  postMessage: (reply: CalculationReply) => void;
};

scope.onmessage = (event) => {
  const { id, sheets, purpose, language } = event.data;
  try {
    const analysis = analyse(sheets, purpose, (progress) => scope.postMessage({ id, type: 'progress', progress }), language);
    scope.postMessage({ id, type: 'done', analysis });
  } catch (error) {
    scope.postMessage({ id, type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
