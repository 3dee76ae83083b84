/**
 * The task pane's store: it performs the host's calls (reading, the run that
 * calculates and writes, adding the template, showing a cell) and reports what
 * happened as events to the pure reducer in ./pane-state.ts, which alone
 * changes the state. The calculation is the shared workbook layer and core,
 * as in the command line, run by a Calculator (./calculation.ts): in a Web
 * Worker in the pages, so the pane stays responsive and a run can be stopped.
 */
import type { CellPlace } from '../model/types';
import type { SheetCells } from '../workbook/grid';
import { HostError, type HostFailure, type WorkbookHost } from '../workbook/host';
import type { Language } from '../workbook/messages';
import type { OutputSheet } from '../workbook/output';
import type { Found, ScenarioSummary } from '../workbook/run';
import { templateSheets } from '../workbook/template';
import type { ScenarioEdit, SheetChanges } from '../workbook/scenario-edit';
import { SCENARIO_SHEET } from '../workbook/scenario-sheet';
import { sameSheetName } from '../workbook/read';
import { CalculationStopped, inThreadLater, type Analysis, type Calculation, type Calculator, type Purpose } from './calculation';
import { HANDOUT_SHEET } from '../workbook/handout';
import { initialState, reduce, type Action, type PaneEvent, type PaneState } from './pane-state';
import { whatIfInThreadLater, type WhatIfRunner } from './what-if-runner';
import { cellAddress } from '../workbook/grid';
import type { PriorityRefusal } from '../workbook/priority-edit';
import type { AllocationChoice, AllocationView, NegotiationChoices, SweepView, BreakEvenView } from './negotiation';

/** The negotiation views' calculations: loaded with the views, when their section is first opened. */
export type NegotiationCode = typeof import('./negotiation');
import type { SweepParameter } from '../model/sensitivity';

export type { Action, Notice, PaneEvent, PaneState, Phase } from './pane-state';
export type { Found, ScenarioSummary };

/** How often a write that finds the workbook changed since the read calculates again before it gives up. */
export const CALCULATION_ATTEMPTS = 3;

/** Whether two readings of the workbook are the same (plain data: grids, origins, tables). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  // Grids are arrays of rows: compared by index, without listing their keys (50.000 rows are common).
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !sameData(a[i], b[i])) return false;
    return true;
  }
  const keysA = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const keysB = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((k) => sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

type Listener = () => void;

/** What "Gem prioriteter" did. */
export type PrioritySave =
  | { kind: 'saved'; cells: number }
  | { kind: 'refused'; reason: PriorityRefusal; nr?: string; cell?: string }
  | { kind: 'cannotWrite' }
  | { kind: 'failed'; detail: string };

/** What the editor needs of a host beyond reading and running: writing cells of Scenarier, and hearing of the user's changes. */
export type EditingHost = WorkbookHost & {
  writeChanges?(changes: SheetChanges[]): Promise<void>;
  watch?(events: { scenariosChanged?: () => void; selected?: (place: CellPlace) => void }): Promise<() => void>;
};

/** The Scenarier sheet of a reading, for telling whether it changed. */
const scenarioSheetOf = (sheets: readonly SheetCells[] | undefined) => sheets?.find((s) => sameSheetName(s.name, SCENARIO_SHEET));

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

  /** The calculation under way, while one is. */
  private calculation?: Calculation;

  constructor(
    private readonly host: WorkbookHost,
    language: Language = 'da',
    /** The pages give a worker (./calculation.ts, calculatorFor); tests ./analysis.ts's inThread. */
    private readonly calculator: Calculator = inThreadLater,
    /** Where the live what-if runs (./what-if-runner.ts): a worker of its own in the pages. */
    private readonly whatIf: WhatIfRunner = whatIfInThreadLater,
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

  /** Whether the run under way writes the handout too ("Udskriv forhandlingsoversigt"). */
  private handout = false;

  private purpose(): Purpose {
    return this.handout ? 'handout' : 'calculate';
  }

  /**
   * "Udskriv forhandlingsoversigt": a run that writes the handout (Forhandlingsoversigt) beside the output sheets,
   * then shows it, ready to print. A press while Råderum writes starts nothing (as "Skriv resultater").
   */
  async printHandout(): Promise<void> {
    if (this.state.running && this.state.running !== 'scan') return this.calculate();
    this.handout = true;
    try {
      await this.calculate();
    } finally {
      this.handout = false;
    }
  }

  /**
   * Stops the calculation under way, before anything is written: the workbook is left as it was.
   * Only a calculation outside the pane's thread can be stopped; the pane offers it only then.
   */
  stop(): void {
    if (this.state.running === 'calculate' && this.state.phase === 'calculating') this.calculation?.stop();
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
      if (error instanceof CalculationStopped) this.dispatch({ type: 'stopped' });
      else this.dispatch({ type: 'hostFailed', ...failureOf(error) });
    } finally {
      this.calculation = undefined;
    }
  }

  /** The calculator's analysis, the calculation kept so that stop() can end it. */
  private analyse(sheets: SheetCells[], purpose: Purpose): Promise<Analysis> {
    this.calculation = this.calculator.start(
      sheets,
      purpose,
      (progress) => this.dispatch({ type: 'calculationProgress', progress }),
      this.state.language,
    );
    return this.calculation.result;
  }

  private async read(): Promise<void> {
    const sheets = await this.host.read();
    const { found, issues } = await this.analyse(sheets, 'check');
    this.dispatch({ type: 'readDone', found, issues });
    void this.refresh(sheets);
  }

  // ---- The scenario editor: pending edits, calculated in memory at once; written only by save(). ----

  /** The reading the what-ifs start from: the edits apply to it. */
  private sheets?: SheetCells[];
  /** Whether the what-if runner has yet to get `sheets`. */
  private sheetsNew = false;
  private whatIfRunning?: Promise<void>;
  private whatIfAgain = false;

  /**
   * Calculates the pending edits in memory (on `sheets` when given: a new reading). One what-if at a
   * time; edits made meanwhile are taken together by the next one, so a dragged slider never queues.
   * Settles when the pane shows the newest edits.
   */
  private refresh(sheets?: SheetCells[]): Promise<void> {
    if (sheets) {
      this.sheets = sheets;
      this.sheetsNew = true;
    }
    if (!this.sheets) return Promise.resolve();
    if (this.whatIfRunning) {
      this.whatIfAgain = true;
      return this.whatIfRunning;
    }
    this.whatIfRunning = (async () => {
      try {
        do {
          this.whatIfAgain = false;
          const { pending: edits, reference, explain } = this.state.editor;
          const send = this.sheetsNew ? this.sheets : undefined;
          this.sheetsNew = false;
          const result = await this.whatIf.run({ edits, reference, explain, language: this.state.language }, send);
          this.dispatch({ type: 'whatIfDone', edits, result });
        } while (this.whatIfAgain);
      } catch (error) {
        this.dispatch({ type: 'whatIfFailed', detail: error instanceof Error ? error.message : String(error) });
      } finally {
        this.whatIfRunning = undefined;
      }
    })();
    return this.whatIfRunning;
  }

  /** Settles when the pane shows the pending edits calculated (tests, and the preview's screenshots). */
  whatIfSettled(): Promise<void> {
    return this.whatIfRunning ?? Promise.resolve();
  }

  /** An edit in the pane: pending until saved, calculated at once. */
  edit(edit: ScenarioEdit): Promise<void> {
    this.dispatch({ type: 'edited', edit });
    return this.refresh();
  }

  /** Forgets the pending edits: the pane shows what Scenarier holds. */
  discard(): Promise<void> {
    this.dispatch({ type: 'discarded' });
    return this.refresh();
  }

  /** The scenario the comparison measures the others against. */
  chooseReference(reference: string): Promise<void> {
    this.dispatch({ type: 'referenceChosen', reference });
    return this.refresh();
  }

  /** Explains a proposal (by number, or by the cell of its row); undefined closes the explanation. */
  explain(which: { nr: string } | { place: CellPlace } | undefined): Promise<void> {
    this.dispatch({ type: 'explainChosen', explain: which });
    return this.refresh();
  }

  /** Reads the workbook again for the editor alone (after a hand change of Scenarier, or a run that logged itself). */
  private async reread(): Promise<void> {
    try {
      await this.refresh(await this.host.read());
    } catch (error) {
      this.dispatch({ type: 'whatIfFailed', detail: error instanceof Error ? error.message : String(error) });
    }
  }

  /**
   * "Gem som scenarie": writes the pending edits into Scenarier. The sheet is read first; where it
   * changed since the pane read it (a hand edit the pane has not shown), nothing is written: the
   * edits stay pending on top of what it holds now, for the user to look at and save again.
   */
  async save(): Promise<void> {
    const { pending, saving, reference, explain } = this.state.editor;
    if (pending.length === 0 || saving) return;
    const host = this.host as EditingHost;
    if (!host.writeChanges) {
      this.dispatch({ type: 'saveEnded', notice: { kind: 'cannotWrite' } });
      return;
    }
    this.dispatch({ type: 'saveStarted' });
    try {
      const fresh = await host.read();
      if (!sameData(scenarioSheetOf(fresh), scenarioSheetOf(this.sheets))) {
        this.dispatch({ type: 'saveEnded', notice: { kind: 'changedMeanwhile' } });
        await this.refresh(fresh);
        return;
      }
      await this.whatIfRunning;
      const result = await this.whatIf.run({ edits: pending, reference, explain, language: this.state.language }, fresh);
      const written = pending.filter((_, k) => !result.refusedAt.includes(k));
      await host.writeChanges(result.changes);
      this.dispatch({ type: 'saveEnded', written, notice: { kind: 'saved', count: written.length } });
      await this.refresh(await host.read());
    } catch (error) {
      this.dispatch({ type: 'saveEnded', notice: { kind: 'saveFailed', ...failureOf(error) } });
    }
  }

  // ---- The negotiation views (issue 13): calculated in memory on the workbook as read; only priorities are written. ----

  /** The negotiation views' code, handed over by the views as they load (a chunk of their own: issue 13's weight). */
  private negotiation?: NegotiationCode;
  negotiationLoaded(code: NegotiationCode): void {
    this.negotiation = code;
  }

  /** A scenario's allocation with the mode and priority order tried in the pane; undefined before a read or with problems. */
  allocation(choice: AllocationChoice): AllocationView | undefined {
    return this.sheets && this.negotiation ? this.negotiation.allocationView(this.sheets, choice) : undefined;
  }

  /** What the sensitivity and break-even views offer; undefined before a read or with problems. */
  negotiationChoices(): NegotiationChoices | undefined {
    return this.sheets && this.negotiation ? this.negotiation.negotiationChoices(this.sheets) : undefined;
  }

  /** A sensitivity sweep of a scenario on the workbook as read (nothing written). */
  sweep(scenario: string | undefined, parameter: SweepParameter): SweepView | undefined {
    return this.sheets && this.negotiation ? this.negotiation.sweepView(this.sheets, scenario, parameter) : undefined;
  }

  /** A break-even question on the workbook as read (nothing written). */
  breakEven(question: Parameters<NegotiationCode['breakEvenView']>[1]): BreakEvenView | undefined {
    return this.sheets && this.negotiation ? this.negotiation.breakEvenView(this.sheets, question) : undefined;
  }

  /**
   * "Gem prioriteter": the requests' order written to their Prioritet cells (the fewest cells), on the workbook
   * read afresh. A formula in a Prioritet cell, or a request no longer found, refuses the lot: nothing is written.
   */
  async savePriorities(order: readonly string[]): Promise<PrioritySave> {
    const host = this.host as EditingHost;
    if (!host.writeChanges) return { kind: 'cannotWrite' };
    try {
      // The views' chunk brings editPriorities; only the allocation view, loaded with it, saves priorities.
      if (!this.negotiation) return { kind: 'failed', detail: 'the negotiation views are not loaded' };
      const { editPriorities } = this.negotiation;
      const fresh = await host.read();
      const result = editPriorities(fresh, order);
      if (result.refused) {
        const { reason, nr, place } = result.refused;
        return { kind: 'refused', reason, nr, cell: place && cellAddress(place) };
      }
      const cells = result.changes.reduce((n, c) => n + c.cells.length, 0);
      if (cells > 0) await host.writeChanges(result.changes);
      await this.refresh(await host.read());
      return { kind: 'saved', cells };
    } catch (error) {
      return { kind: 'failed', detail: failureOf(error).detail };
    }
  }

  /** Hears the host's events, where it has them: a hand change of Scenarier, a proposal row's cell selected. */
  async watch(): Promise<() => void> {
    const host = this.host as EditingHost;
    if (!host.watch) return () => undefined;
    return host.watch({
      scenariosChanged: () => void this.reread(),
      selected: (place) => void this.explain({ place }),
    });
  }

  private async run(): Promise<void> {
    const analyseNow = this.calculator.analyseNow;
    if (!analyseNow) return this.runOutsideThread();
    await this.host.run(
      (sheets) => {
        this.dispatch({ type: 'calculating' });
        // The output sheets in the pane's language (a `Sprog` in Scenarier overrides it).
        const { found, issues, summary, changes, outputs } = analyseNow(sheets, this.state.language, this.purpose());
        this.dispatch({ type: 'calculated', found, issues, summary, changes, hasOutputs: outputs !== undefined });
        return outputs;
      },
      (done, total) => this.dispatch({ type: 'writeProgress', done, total }),
    );
    this.dispatch({ type: 'runDone' });
    await this.showHandout(this.handout);
    // The run logged itself in Kørsler: the run log shows it.
    void this.reread();
  }

  /**
   * A calculation that is not at hand (in a worker, or code still to load): the host's run takes its outputs
   * synchronously, so the workbook is read first, calculated in the worker
   * (progress shown, stoppable: nothing is written until it is done), then
   * written in a second run of the host, which reads the workbook again and
   * writes only if it is as calculated; else it is calculated again from
   * what that run read, and after CALCULATION_ATTEMPTS nothing is written.
   */
  private async runOutsideThread(): Promise<void> {
    let sheets = await this.host.read();
    for (let attempt = 1; ; attempt++) {
      this.dispatch({ type: 'calculating', stoppable: this.calculator.stoppable });
      const { found, issues, summary, changes, outputs } = await this.analyse(sheets, this.purpose());
      this.calculation = undefined;
      this.dispatch({ type: 'calculated', found, issues, summary, changes, hasOutputs: outputs !== undefined });
      if (!outputs) break;
      let changed: SheetCells[] | undefined;
      await this.host.run(
        (now): OutputSheet[] | undefined => {
          if (sameData(now, sheets)) return outputs;
          changed = now;
          return undefined;
        },
        (done, total) => this.dispatch({ type: 'writeProgress', done, total }),
      );
      if (!changed) break;
      if (attempt === CALCULATION_ATTEMPTS) {
        this.dispatch({ type: 'workbookChanging' });
        return;
      }
      sheets = changed;
    }
    this.dispatch({ type: 'runDone' });
    await this.showHandout(this.handout);
    void this.reread();
  }

  /** After a run that wrote the handout: its sheet activated, ready to print. */
  private async showHandout(written: boolean): Promise<void> {
    if (written && this.state.notice?.kind === 'done') await this.select({ sheet: HANDOUT_SHEET, row: 0, column: 0 });
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
