/**
 * The scenario editor's state and every change to it, as one pure function:
 * the pending (unsaved) edits, the reference the comparison uses, the
 * proposal explained, and the last what-if's result. The store
 * (./state.ts) runs the what-ifs and the save and reports them as events.
 */
import type { CellPlace } from '../model/types';
import type { ProposalExplanation } from '../workbook/explanation';
import type { HostFailure } from '../workbook/host';
import type { EditRefusal, ScenarioEdit, ScenarioTable } from '../workbook/scenario-edit';
import { matchKey } from '../workbook/text';
import type { WhatIfResult } from './what-if';

export type EditorNotice =
  /** The pending edits are in Scenarier. */
  | { kind: 'saved'; count: number }
  /** Scenarier was changed in the workbook since the pane read it: nothing was written; the edits stay pending on top of what it holds now. */
  | { kind: 'changedMeanwhile' }
  /** The host cannot write cells (an old adapter): nothing was written. */
  | { kind: 'cannotWrite' }
  | { kind: 'saveFailed'; failure: HostFailure; detail: string }
  /** The what-if could not be calculated (a failure of the code, not of the workbook: those are issues). */
  | { kind: 'whatIfFailed'; detail: string };

export interface EditorState {
  /** Edits made in the pane and not yet saved, in the order made; none is in the workbook. */
  pending: ScenarioEdit[];
  /** The scenario the others are compared with; the base when undefined. */
  reference?: string;
  /** The proposal explained. */
  explain?: { nr: string } | { place: CellPlace };
  /** The explanation shown: a selected cell outside a proposal row keeps the one before. */
  explained?: ProposalExplanation;
  /** The last what-if: the pending edits (or the first `applied` of them) calculated in memory. */
  result?: WhatIfResult;
  /** The edits `result` was calculated for: when not the pending ones, a newer what-if is under way. */
  resultFor?: ScenarioEdit[];
  /** The last edit the workbook layer refused, with its reason; cleared by the next edit. */
  refusal?: { edit: ScenarioEdit; reason: EditRefusal; place?: CellPlace };
  saving: boolean;
  notice?: EditorNotice;
}

export type EditorEvent =
  | { type: 'edited'; edit: ScenarioEdit }
  | { type: 'discarded' }
  | { type: 'referenceChosen'; reference: string }
  | { type: 'explainChosen'; explain: { nr: string } | { place: CellPlace } | undefined }
  | { type: 'whatIfDone'; edits: ScenarioEdit[]; result: WhatIfResult }
  | { type: 'whatIfFailed'; detail: string }
  | { type: 'saveStarted' }
  /** The save ended: written (the pending edits it wrote leave the list), or not (`notice` says why). */
  | { type: 'saveEnded'; written?: ScenarioEdit[]; notice: EditorNotice };

export const EDITOR_EVENTS: ReadonlySet<string> = new Set<EditorEvent['type']>([
  'edited',
  'discarded',
  'referenceChosen',
  'explainChosen',
  'whatIfDone',
  'whatIfFailed',
  'saveStarted',
  'saveEnded',
]);

export const initialEditor = (): EditorState => ({ pending: [], saving: false });

/** Whether two edits set the same cell (one scenario's one parameter), so the later replaces the earlier. */
const sameTarget = (a: ScenarioEdit, b: ScenarioEdit): boolean =>
  a.kind === 'set' && b.kind === 'set' && a.scenario === b.scenario && a.parameter === b.parameter;

/** The pending edits with `edit` added: a value set again replaces the earlier one where nothing in between renamed or removed scenarios. */
export function withEdit(pending: readonly ScenarioEdit[], edit: ScenarioEdit): ScenarioEdit[] {
  const last = pending.length > 0 ? pending[pending.length - 1] : undefined;
  if (last && sameTarget(last, edit)) return [...pending.slice(0, -1), edit];
  return [...pending, edit];
}

/** Whether `parameter` of `scenario` has a pending, unsaved value (to mark it in the editor). */
export function isPending(pending: readonly ScenarioEdit[], scenario: string, parameter: string): boolean {
  return pending.some((e) => e.kind === 'set' && e.scenario === scenario && e.parameter === parameter);
}

/** Whether the scenario's column is new, renamed or copied in the pending edits. */
export function isPendingScenario(pending: readonly ScenarioEdit[], scenario: string): boolean {
  return pending.some((e) => (e.kind === 'add' && e.name === scenario) || (e.kind === 'rename' && e.name === scenario));
}

/**
 * The table the editor shows: the last what-if's, with the pending edits made
 * since it was asked on top. While a what-if is under way its answer is older
 * than the user's last edits; showing it alone would show a ticked box
 * unticked, or a moved slider back where it was, and the next click would
 * start from that old value and undo the edit before it.
 */
export function shownTable(state: EditorState): ScenarioTable | undefined {
  const table = state.result?.table;
  if (!table) return undefined;
  const asked = new Set(state.resultFor ?? []);
  const newer = state.pending.filter((e) => !asked.has(e));
  if (newer.length === 0) return table;
  let scenarios = table.scenarios;
  const at = (name: string) => scenarios.findIndex((s) => matchKey(s.name) === matchKey(name));
  for (const edit of newer) {
    if (edit.kind === 'set') {
      const k = at(edit.scenario);
      if (k < 0) continue;
      const values = { ...scenarios[k].values };
      if (edit.value === undefined) delete values[edit.parameter];
      else values[edit.parameter] = edit.value;
      scenarios = scenarios.map((s, i) => (i === k ? { ...s, values } : s));
    } else if (edit.kind === 'add') {
      if (at(edit.name) >= 0) continue;
      const from = edit.copyOf === undefined ? -1 : at(edit.copyOf);
      scenarios = [...scenarios, { name: edit.name, values: from >= 0 ? { ...scenarios[from].values } : {} }];
    } else if (edit.kind === 'rename') {
      const k = at(edit.scenario);
      if (k >= 0 && at(edit.name) < 0) scenarios = scenarios.map((s, i) => (i === k ? { ...s, name: edit.name } : s));
    } else if (edit.kind === 'delete') {
      const k = at(edit.scenario);
      if (k > 0) scenarios = scenarios.filter((_, i) => i !== k);
    }
  }
  return { ...table, scenarios };
}

export function reduceEditor(state: EditorState, event: EditorEvent): EditorState {
  switch (event.type) {
    case 'edited':
      return { ...state, pending: withEdit(state.pending, event.edit), refusal: undefined, notice: undefined };
    case 'discarded':
      return { ...state, pending: [], refusal: undefined, notice: undefined };
    case 'referenceChosen':
      return { ...state, reference: event.reference };
    case 'explainChosen':
      return { ...state, explain: event.explain };
    case 'whatIfDone': {
      const { result, edits } = event;
      let pending = state.pending;
      let refusal = state.refusal;
      if (result.refused) {
        // Refused edits leave the list (they would be refused again); the what-if applied the others.
        const refused = new Set(result.refusedAt.map((k) => edits[k]));
        pending = pending.filter((e) => !refused.has(e));
        refusal = result.refused;
      }
      // A reference that is gone (deleted, renamed) falls back to the base.
      const names = result.found.scenarioNames;
      const reference = state.reference && names.includes(state.reference) ? state.reference : undefined;
      // A cell chosen in the workbook explains its proposal; a cell of no proposal leaves the explanation shown.
      const chosen = state.explain;
      const explained = result.explanation ?? (chosen && 'place' in chosen ? state.explained : undefined);
      const explain = explained ? { nr: explained.nr } : chosen && 'place' in chosen ? undefined : chosen;
      return { ...state, result, resultFor: edits, pending, refusal, reference, explained, explain };
    }
    case 'whatIfFailed':
      return { ...state, notice: { kind: 'whatIfFailed', detail: event.detail } };
    case 'saveStarted':
      return { ...state, saving: true, notice: undefined };
    case 'saveEnded': {
      const written = event.written;
      return {
        ...state,
        saving: false,
        notice: event.notice,
        // Edits made while the save ran stay pending.
        pending: written ? state.pending.filter((e) => !written.includes(e)) : state.pending,
      };
    }
  }
}
