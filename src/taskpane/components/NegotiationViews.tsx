/**
 * The negotiation views of issue 13 (allocation, sensitivity, break-even) and the calculations only they use:
 * one chunk, loaded when the pane's »Forhandling« section is first opened (the pane's start stays ≤ 150 KB gzip).
 */
import * as negotiation from '../negotiation';
import type { Language } from '../../workbook/messages';
import type { PaneStore } from '../state';
import { Allocation } from './Allocation';
import { BreakEven, Sensitivity } from './Sensitivity';

export default function NegotiationViews({
  store,
  language,
  reading,
}: {
  store: PaneStore;
  language: Language;
  reading: unknown;
}) {
  // Before the views ask the store anything: the store calculates with this chunk's code.
  store.negotiationLoaded(negotiation);
  return (
    <>
      <Allocation store={store} language={language} reading={reading} />
      <Sensitivity store={store} language={language} reading={reading} />
      <BreakEven store={store} language={language} reading={reading} />
    </>
  );
}
