/**
 * The task pane's state and every change to it, as one pure function of the
 * state and a typed event. No host, no React, no clock: the store
 * (./state.ts) performs the host's calls and reports what happened as events.
 *
 * An action runs from its press to its own last event (readDone, runDone or
 * hostFailed). Events that do not belong to the action under way (a late
 * progress report, a read's result after a failure) change nothing, so a
 * finished action can never be overwritten by a straggler.
 */
import type { Issue } from '../model/problems';
import type { HostFailure } from '../workbook/host';
import type { Language } from '../workbook/messages';
import type { Found, Progress, ScenarioSummary } from '../workbook/run';
import { initialEditor, reduceEditor, type EditorEvent, type EditorState } from './editor-state';
import type { ScenarioChanges } from './funding-changes';

export type Phase = 'idle' | 'reading' | 'calculating' | 'writing';

/** What a button asks for. */
export type Action = 'scan' | 'calculate' | 'insertTemplate';

export type Notice =
  | { kind: 'done' }
  | { kind: 'stoppedByProblems' }
  /** The user stopped the calculation: nothing was written. */
  | { kind: 'stopped' }
  /** The workbook changed between the read and the write, each time: nothing was written. */
  | { kind: 'workbookChanging' }
  | { kind: 'templateAdded'; names: string[] }
  | {
      kind: 'hostFailure';
      failure: HostFailure;
      detail: string;
      /** Sheets of the template that were added before the failure: they are in the workbook. */
      added?: string[];
      /** A press queued behind a read that failed: it was not started. */
      notStarted?: Action;
    }
  /** A button was pressed while another action was writing to the workbook: nothing was started. */
  | { kind: 'busy'; running: Action; pressed: Action };

export interface PaneState {
  language: Language;
  phase: Phase;
  /** The action under way, from its press to its last event; undefined exactly when the phase is idle. */
  running?: Action;
  progress?: { done: number; total: number };
  /** The slow part of a calculation or of a read's check (best fill): the scenario it is in and the fraction done. */
  calculation?: Progress;
  /** Whether the calculation under way can be stopped (it runs outside the pane's thread). */
  stoppable?: boolean;
  found?: Found;
  issues: Issue[];
  summary?: ScenarioSummary[];
  /** The last calculation's funding changes per scenario against the base. */
  changes?: ScenarioChanges[];
  notice?: Notice;
  /** Pressed while the workbook was being read: runs as soon as the read is done. */
  queued?: Action;
  /** The sheets the running "Indsæt skabelon" has added so far. */
  added?: string[];
  /** The scenario editor, its live what-if and comparison (./editor-state.ts): independent of the actions above. */
  editor: EditorState;
}

export type PaneEvent =
  /** A button: starts the action, queues it behind a read, or says why nothing started. */
  | { type: 'pressed'; action: Action }
  /** The workbook was read (a scan, or the read after the template was added). */
  | { type: 'readDone'; found: Found; issues: Issue[] }
  /**
   * The host has read the workbook for a calculation; the calculation begins (`stoppable` when it runs
   * in a worker). Also after a write found the workbook changed since the read: it is calculated again.
   */
  | { type: 'calculating'; stoppable?: boolean }
  | { type: 'calculationProgress'; progress: Progress }
  /** The calculation was stopped by the user before anything was written. */
  | { type: 'stopped' }
  /** The workbook kept changing between the read and the write; nothing was written. */
  | { type: 'workbookChanging' }
  /** The calculation is done; `hasOutputs` when there were no problems and the sheets will be written. */
  | {
      type: 'calculated';
      found: Found;
      issues: Issue[];
      summary?: ScenarioSummary[];
      changes?: ScenarioChanges[];
      hasOutputs: boolean;
    }
  | { type: 'writeProgress'; done: number; total: number }
  /** The host's run is over: the output sheets are written, or nothing was (problems). */
  | { type: 'runDone' }
  /** The template's missing sheets were added (maybe none); the workbook is read next. */
  | { type: 'templateAdded'; names: string[] }
  /** The host failed the action under way. */
  | { type: 'hostFailed'; failure: HostFailure; detail: string }
  /** Showing a problem's cell failed; no action is affected. */
  | { type: 'selectFailed'; failure: HostFailure; detail: string }
  | { type: 'languageChanged'; language: Language }
  | EditorEvent;

export function initialState(language: Language = 'da'): PaneState {
  return { language, phase: 'idle', issues: [], editor: initialEditor() };
}

/** The phase an action starts in: the template writes first, the others read first. */
const firstPhase = (action: Action): Phase => (action === 'insertTemplate' ? 'writing' : 'reading');

/** The end of the action under way: nothing runs, nothing progresses. A queued press stays for the store to start. */
function finished(state: PaneState, notice: Notice | undefined): PaneState {
  return {
    ...state,
    phase: 'idle',
    running: undefined,
    progress: undefined,
    calculation: undefined,
    stoppable: undefined,
    added: undefined,
    notice,
  };
}

export function reduce(state: PaneState, event: PaneEvent): PaneState {
  switch (event.type) {
    case 'pressed': {
      const { action } = event;
      if (!state.running)
        return {
          ...state,
          phase: firstPhase(action),
          running: action,
          progress: undefined,
          notice: undefined,
          queued: undefined,
          added: undefined,
        };
      if (state.running === 'scan') {
        // A calculation or the template reads the workbook again, so a re-read never displaces them.
        if (action === 'scan' && state.queued !== undefined) return state;
        return { ...state, queued: action };
      }
      // A second run would write the same sheets again: start nothing and say why.
      return { ...state, notice: { kind: 'busy', running: state.running, pressed: action } };
    }

    case 'readDone': {
      if (state.phase !== 'reading' || (state.running !== 'scan' && state.running !== 'insertTemplate')) return state;
      const next = { ...state, found: event.found, issues: event.issues };
      if (state.running === 'insertTemplate') return finished(next, { kind: 'templateAdded', names: state.added ?? [] });
      // A scan's own result is what it found; a notice that came meanwhile (a cell not shown) stays.
      return finished(next, state.notice);
    }

    case 'calculating':
      if (state.running !== 'calculate' || (state.phase !== 'reading' && state.phase !== 'writing')) return state;
      return { ...state, phase: 'calculating', progress: undefined, calculation: undefined, stoppable: event.stoppable };

    case 'calculationProgress': {
      // A read checks the workbook by calculating it: a slow best fill shows there too.
      const underWay =
        (state.running === 'calculate' && state.phase === 'calculating') ||
        (state.running === 'scan' && state.phase === 'reading');
      return underWay ? { ...state, calculation: event.progress } : state;
    }

    case 'stopped':
      if (state.running !== 'calculate' || state.phase !== 'calculating') return state;
      return finished(state, { kind: 'stopped' });

    case 'workbookChanging':
      if (state.running !== 'calculate') return state;
      return finished(state, { kind: 'workbookChanging' });

    case 'calculated':
      if (state.running !== 'calculate' || state.phase !== 'calculating') return state;
      return {
        ...state,
        found: event.found,
        issues: event.issues,
        summary: event.summary,
        changes: event.changes,
        phase: event.hasOutputs ? 'writing' : 'calculating',
        calculation: undefined,
        stoppable: undefined,
      };

    case 'writeProgress':
      if (state.running !== 'calculate' || state.phase !== 'writing') return state;
      return { ...state, progress: { done: event.done, total: event.total } };

    case 'runDone':
      if (state.running !== 'calculate') return state;
      // Only a calculation that reached the writing phase had output sheets to write.
      return finished(state, state.phase === 'writing' ? { kind: 'done' } : { kind: 'stoppedByProblems' });

    case 'templateAdded':
      if (state.running !== 'insertTemplate' || state.phase !== 'writing') return state;
      return { ...state, phase: 'reading', added: event.names };

    case 'hostFailed': {
      if (!state.running) return state;
      const added = state.added && state.added.length > 0 ? state.added : undefined;
      // A press queued behind a read that failed is not started: the workbook could not be read.
      const notStarted = state.queued;
      return {
        ...finished(state, {
          kind: 'hostFailure',
          failure: event.failure,
          detail: event.detail,
          ...(added && { added }),
          ...(notStarted && { notStarted }),
        }),
        queued: undefined,
      };
    }

    case 'selectFailed':
      return { ...state, notice: { kind: 'hostFailure', failure: event.failure, detail: event.detail } };

    case 'languageChanged':
      return { ...state, language: event.language };

    default:
      return { ...state, editor: reduceEditor(state.editor, event) };
  }
}
