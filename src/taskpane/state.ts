/**
 * The task pane's store: it performs the host's calls (reading, the run that
 * calculates and writes, adding the template, showing a cell) and reports what
 * happened as events to the pure reducer in ./pane-state.ts, which alone
 * changes the state. The calculation is the shared workbook layer and core,
 * as in the command line.
 */
import type { Issue } from '../model/problems';
import type { CellPlace } from '../model/types';
import type { SheetCells } from '../workbook/grid';
import { HostError, type HostFailure, type WorkbookHost } from '../workbook/host';
import type { Language } from '../workbook/messages';
import type { OutputSheet } from '../workbook/output';
import { runWorkbook, type Found, type ScenarioSummary } from '../workbook/run';
import { templateSheets } from '../workbook/template';
import { initialState, reduce, type Action, type PaneEvent, type PaneState } from './pane-state';

export type { Action, Notice, PaneEvent, PaneState, Phase } from './pane-state';
export type { Found, ScenarioSummary };

interface Analysis {
  found: Found;
  issues: Issue[];
  outputs?: OutputSheet[];
  summary?: ScenarioSummary[];
}

/** Reading, checking and calculating, without the host: the one path the command line takes too. */
export function analyse(sheets: SheetCells[]): Analysis {
  const { found, issues, results } = runWorkbook(sheets);
  return { found, issues, outputs: results?.outputs, summary: results?.summary };
}

type Listener = () => void;

/** A host's failure as the pane reports it. */
function failureOf(error: unknown): { failure: HostFailure; detail: string } {
  return {
    failure: error instanceof HostError ? error.failure : 'other',
    detail: error instanceof Error ? error.message : String(error),
  };
}

export class PaneStore {
  private state: PaneState;
  private listeners = new Set<Listener>();
  /** Settles when the current run and whatever was queued behind it are done. */
  private idle: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: WorkbookHost,
    language: Language = 'da',
  ) {
    this.state = initialState(language);
  }

  getState = (): PaneState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private dispatch(event: PaneEvent): void {
    const next = reduce(this.state, event);
    if (next === this.state) return;
    this.state = next;
    this.listeners.forEach((l) => l());
  }

  setLanguage(language: Language): void {
    this.dispatch({ type: 'languageChanged', language });
  }

  /** Reads the workbook and shows what it found and any problems. */
  scan(): Promise<void> {
    return this.press('scan');
  }

  /** Reads, calculates and writes the output sheets in one run of the host. */
  calculate(): Promise<void> {
    return this.press('calculate');
  }

  /** Adds the template's sheets that the workbook lacks, then reads again. */
  insertTemplate(): Promise<void> {
    return this.press('insertTemplate');
  }

  /**
   * Every press leads to a result or a message (the reducer decides which).
   * While the workbook is only being read, a press is remembered and runs
   * right after the read; while Råderum calculates or writes, it starts
   * nothing. The promise settles when what the press started (or waits for) is done.
   */
  private press(action: Action): Promise<void> {
    const running = this.state.running;
    this.dispatch({ type: 'pressed', action });
    if (running === 'scan') return this.idle;
    if (running || this.state.running !== action) return Promise.resolve();
    this.idle = this.drive(action);
    return this.idle;
  }

  /** Performs the started action, then each press queued behind it. */
  private async drive(action: Action): Promise<void> {
    for (let next: Action | undefined = action; next;) {
      await this.perform(next);
      next = this.state.queued;
      if (next) {
        this.dispatch({ type: 'pressed', action: next });
        if (this.state.running !== next) return;
      }
    }
  }

  /** Runs one action against the host; it always ends with the action's last event. */
  private async perform(action: Action): Promise<void> {
    try {
      if (action === 'scan') await this.read();
      else if (action === 'calculate') await this.run();
      else await this.addTemplate();
    } catch (error) {
      this.dispatch({ type: 'hostFailed', ...failureOf(error) });
    }
  }

  private async read(): Promise<void> {
    const { found, issues } = analyse(await this.host.read());
    this.dispatch({ type: 'readDone', found, issues });
  }

  private async run(): Promise<void> {
    await this.host.run(
      (sheets) => {
        this.dispatch({ type: 'calculating' });
        const { found, issues, summary, outputs } = analyse(sheets);
        this.dispatch({ type: 'calculated', found, issues, summary, hasOutputs: outputs !== undefined });
        return outputs;
      },
      (done, total) => this.dispatch({ type: 'writeProgress', done, total }),
    );
    this.dispatch({ type: 'runDone' });
  }

  private async addTemplate(): Promise<void> {
    const names = await this.host.addMissingSheets(templateSheets(new Date().getFullYear() + 1));
    this.dispatch({ type: 'templateAdded', names });
    await this.read();
  }

  async select(place: CellPlace): Promise<void> {
    try {
      await this.host.select(place);
    } catch (error) {
      this.dispatch({ type: 'selectFailed', ...failureOf(error) });
    }
  }
}
