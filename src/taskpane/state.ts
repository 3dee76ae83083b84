/**
 * The task pane's one state module: what was found, what went wrong, what was
 * written. Side effects go through the WorkbookHost; the calculation is the
 * shared workbook layer and core, as in the command line.
 */
import type { Issue } from '../model/problems';
import type { CellPlace } from '../model/types';
import type { SheetCells } from '../workbook/grid';
import { HostError, type HostFailure, type WorkbookHost } from '../workbook/host';
import type { Language } from '../workbook/messages';
import type { OutputSheet } from '../workbook/output';
import { runWorkbook, type Found, type ScenarioSummary } from '../workbook/run';
import { templateSheets } from '../workbook/template';

export type Phase = 'idle' | 'reading' | 'calculating' | 'writing';

/** What a button asks for. */
export type Action = 'scan' | 'calculate' | 'insertTemplate';

export type { Found, ScenarioSummary };

export type Notice =
  | { kind: 'done' }
  | { kind: 'stoppedByProblems' }
  | { kind: 'templateAdded'; names: string[] }
  | { kind: 'hostFailure'; failure: HostFailure; detail: string }
  /** A button was pressed while another action was writing to the workbook: nothing was started. */
  | { kind: 'busy'; running: Action; pressed: Action };

export interface PaneState {
  language: Language;
  phase: Phase;
  progress?: { done: number; total: number };
  found?: Found;
  issues: Issue[];
  summary?: ScenarioSummary[];
  notice?: Notice;
  /** Pressed while the workbook was being read: runs as soon as the read is done. */
  queued?: Action;
}

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

export class PaneStore {
  private state: PaneState;
  private listeners = new Set<Listener>();

  constructor(
    private readonly host: WorkbookHost,
    language: Language = 'da',
  ) {
    this.state = { language, phase: 'idle', issues: [] };
  }

  getState = (): PaneState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<PaneState>): void {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((l) => l());
  }

  setLanguage(language: Language): void {
    this.set({ language });
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
   * Every press leads to a result or a message. While the workbook is only
   * being read (as when the pane opens), a press is remembered and runs right
   * after the read; the pane says so. While Råderum calculates or writes, a
   * press starts nothing (a second run would write the same sheets again) and
   * the pane says why.
   */
  private async press(action: Action): Promise<void> {
    if (this.running === 'scan') {
      // A calculation or the template reads the workbook again, so a re-read never displaces them.
      if (action !== 'scan' || this.state.queued === undefined) this.set({ queued: action });
      return this.idle;
    }
    if (this.running) {
      this.set({ notice: { kind: 'busy', running: this.running, pressed: action } });
      return;
    }
    let done!: () => void;
    this.idle = new Promise((resolve) => (done = resolve));
    try {
      for (let next: Action | undefined = action; next; next = this.state.queued) {
        this.running = next;
        if (this.state.queued) this.set({ queued: undefined });
        await this.perform(next);
      }
    } finally {
      this.running = undefined;
      done();
    }
  }

  private running?: Action;
  /** Settles when the current run and whatever was queued behind it are done. */
  private idle: Promise<void> = Promise.resolve();

  private perform(action: Action): Promise<void> {
    if (action === 'scan') return this.read();
    if (action === 'calculate') return this.run();
    return this.addTemplate();
  }

  private async read(): Promise<void> {
    this.set({ phase: 'reading', notice: undefined });
    await this.guard(async () => {
      const { found, issues } = analyse(await this.host.read());
      this.set({ found, issues });
    });
  }

  private async run(): Promise<void> {
    this.set({ phase: 'reading', notice: undefined, progress: undefined });
    await this.guard(async () => {
      let analysis: Analysis | undefined;
      await this.host.run(
        (sheets) => {
          this.set({ phase: 'calculating' });
          analysis = analyse(sheets);
          this.set({ found: analysis.found, issues: analysis.issues, summary: analysis.summary });
          if (analysis.outputs) this.set({ phase: 'writing' });
          return analysis.outputs;
        },
        (done, total) => this.set({ progress: { done, total } }),
      );
      this.set({ notice: analysis?.outputs ? { kind: 'done' } : { kind: 'stoppedByProblems' } });
    });
  }

  private async addTemplate(): Promise<void> {
    this.set({ phase: 'writing', notice: undefined });
    let added: string[] = [];
    await this.guard(async () => {
      added = await this.host.addMissingSheets(templateSheets(new Date().getFullYear() + 1));
    });
    if (this.failed()) return;
    await this.read();
    if (this.failed()) return;
    this.set({ notice: { kind: 'templateAdded', names: added } });
  }

  async select(place: CellPlace): Promise<void> {
    try {
      await this.host.select(place);
    } catch (error) {
      this.fail(error);
    }
  }

  private failed(): boolean {
    return this.state.notice?.kind === 'hostFailure';
  }

  private async guard(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.fail(error);
    } finally {
      this.set({ phase: 'idle', progress: undefined });
    }
  }

  private fail(error: unknown): void {
    const failure = error instanceof HostError ? error.failure : 'other';
    this.set({ notice: { kind: 'hostFailure', failure, detail: (error as Error)?.message ?? String(error) } });
  }
}
