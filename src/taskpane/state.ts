/**
 * The task pane's one state module: what was found, what went wrong, what was
 * written. Side effects go through the WorkbookHost; the calculation is the
 * shared workbook layer and core, as in the command line.
 */
import { hasProblems, type Issue } from '../model/problems';
import { evaluate } from '../model/scenarios';
import type { CellPlace } from '../model/types';
import { evaluationFigures } from '../workbook/figures';
import type { SheetCells } from '../workbook/grid';
import { HostError, type HostFailure, type WorkbookHost } from '../workbook/host';
import type { Language } from '../workbook/messages';
import { inUnit, outputSheets, type OutputSheet } from '../workbook/output';
import { readBook, type ListSummary } from '../workbook/read';
import { templateSheets } from '../workbook/template';
import { UNITS, type Unit } from '../workbook/units';

export type Phase = 'idle' | 'reading' | 'calculating' | 'writing';

export interface Found {
  lists: ListSummary[];
  years: number[];
  unit: Unit;
  scenarioNames: string[];
}

export interface ScenarioSummary {
  name: string;
  /** In the workbook's unit, rounded as in the sheets. */
  effect: number[];
  remaining: number[];
}

export type Notice =
  | { kind: 'done' }
  | { kind: 'stoppedByProblems' }
  | { kind: 'templateAdded'; names: string[] }
  | { kind: 'hostFailure'; failure: HostFailure; detail: string };

export interface PaneState {
  language: Language;
  phase: Phase;
  progress?: { done: number; total: number };
  found?: Found;
  issues: Issue[];
  summary?: ScenarioSummary[];
  notice?: Notice;
}

interface Analysis {
  found: Found;
  issues: Issue[];
  outputs?: OutputSheet[];
  summary?: ScenarioSummary[];
}

/** Reading, checking and calculating, without the host: the same path as the command line. */
export function analyse(sheets: SheetCells[]): Analysis {
  const read = readBook(sheets);
  const found: Found = { lists: read.lists, years: read.years, unit: read.unit, scenarioNames: read.scenarioNames };
  if (!read.book) return { found, issues: read.issues };
  const evaluation = evaluate(read.book);
  const output = outputSheets(evaluation, read.unit);
  const issues = [...read.issues, ...evaluation.issues, ...output.issues];
  if (hasProblems(issues)) return { found, issues };
  const summary = evaluationFigures(evaluation, UNITS[read.unit].roundingStep).map((s) => ({
    name: s.name,
    effect: inUnit(s.effect, read.unit),
    remaining: inUnit(s.remaining, read.unit),
  }));
  return { found, issues, outputs: output.sheets, summary };
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
  async scan(): Promise<void> {
    if (this.state.phase !== 'idle') return;
    this.set({ phase: 'reading', notice: undefined });
    await this.guard(async () => {
      const { found, issues } = analyse(await this.host.read());
      this.set({ found, issues });
    });
  }

  /** Reads, calculates and writes the output sheets in one run of the host. */
  async calculate(): Promise<void> {
    if (this.state.phase !== 'idle') return;
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

  /** Adds the template's sheets that the workbook lacks, then reads again. */
  async insertTemplate(): Promise<void> {
    if (this.state.phase !== 'idle') return;
    this.set({ phase: 'writing', notice: undefined });
    let added: string[] = [];
    await this.guard(async () => {
      added = await this.host.addMissingSheets(templateSheets(new Date().getFullYear() + 1));
    });
    if (this.state.notice?.kind === 'hostFailure') return;
    await this.scan();
    this.set({ notice: { kind: 'templateAdded', names: added } });
  }

  async select(place: CellPlace): Promise<void> {
    try {
      await this.host.select(place);
    } catch (error) {
      this.fail(error);
    }
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
