/** The pane's state as a pure reducer: every event, the races between them, without React or a host. */
import fc from 'fast-check';
import { initialState, reduce, type Action, type PaneEvent, type PaneState } from '../../src/taskpane/pane-state';
import { analyse } from '../../src/taskpane/analysis';
import { scenarioSheet, sheet } from '../helpers/sheets';

// Real findings, made by the one path, so the fixtures follow the workbook layer's types.
const sample = analyse([
  sheet('Forslag', [
    ['Nr', 'Titel', 'Udgift 2026'],
    ['A', 'a', -100],
  ]),
  scenarioSheet([['Råderum 2026', 0]]),
]);
const empty = analyse([]);
const summary = sample.summary!;

const read = (a = sample): PaneEvent => ({ type: 'readDone', found: a.found, issues: a.issues });
const calculated = (hasOutputs = true): PaneEvent => ({
  type: 'calculated',
  found: sample.found,
  issues: sample.issues,
  summary: hasOutputs ? summary : undefined,
  hasOutputs,
});
const press = (action: Action): PaneEvent => ({ type: 'pressed', action });
const failed: PaneEvent = { type: 'hostFailed', failure: 'editMode', detail: 'InvalidOperationInCellEditMode' };

/** The state after the events, from the pane's first state. */
const after = (...events: PaneEvent[]): PaneState => events.reduce(reduce, initialState('da'));

describe('each event', () => {
  test('the first state is idle, in the language asked for, with nothing found', () => {
    expect(initialState('en')).toEqual({ language: 'en', phase: 'idle', issues: [], editor: { pending: [], saving: false } });
  });

  test('pressed, with nothing running, starts the action and clears the last notice and progress', () => {
    const before: PaneState = { ...initialState(), notice: { kind: 'done' }, progress: { done: 2, total: 2 } };
    expect(reduce(before, press('scan'))).toMatchObject({
      phase: 'reading',
      running: 'scan',
      notice: undefined,
      progress: undefined,
    });
    expect(reduce(before, press('calculate'))).toMatchObject({ phase: 'reading', running: 'calculate', notice: undefined });
    expect(reduce(before, press('insertTemplate'))).toMatchObject({
      phase: 'writing',
      running: 'insertTemplate',
      notice: undefined,
    });
  });

  test('pressed during a read queues the press; a re-read never displaces a queued calculation', () => {
    expect(after(press('scan'), press('calculate'))).toMatchObject({ running: 'scan', queued: 'calculate', notice: undefined });
    expect(after(press('scan'), press('calculate'), press('scan')).queued).toBe('calculate');
    expect(after(press('scan'), press('scan')).queued).toBe('scan');
    expect(after(press('scan'), press('scan'), press('insertTemplate')).queued).toBe('insertTemplate');
  });

  test('pressed while calculating or writing starts nothing and says why', () => {
    const calculating = after(press('calculate'));
    const next = reduce(calculating, press('insertTemplate'));
    expect(next).toMatchObject({ running: 'calculate', phase: 'reading', queued: undefined });
    expect(next.notice).toEqual({ kind: 'busy', running: 'calculate', pressed: 'insertTemplate' });
    expect(after(press('insertTemplate'), press('calculate')).notice).toEqual({
      kind: 'busy',
      running: 'insertTemplate',
      pressed: 'calculate',
    });
  });

  test('readDone ends a scan with what was found, and no notice', () => {
    const state = after(press('scan'), read());
    expect(state).toMatchObject({
      phase: 'idle',
      running: undefined,
      found: sample.found,
      issues: sample.issues,
      notice: undefined,
    });
  });

  test('calculating, calculated, writeProgress and runDone take a calculation to "done"', () => {
    const reading = after(press('calculate'));
    const calculating = reduce(reading, { type: 'calculating' });
    expect(calculating.phase).toBe('calculating');
    const writing = reduce(calculating, calculated());
    expect(writing).toMatchObject({ phase: 'writing', found: sample.found, summary });
    const half = reduce(writing, { type: 'writeProgress', done: 1, total: 2 });
    expect(half.progress).toEqual({ done: 1, total: 2 });
    const done = reduce(half, { type: 'runDone' });
    expect(done).toMatchObject({ phase: 'idle', running: undefined, progress: undefined, notice: { kind: 'done' }, summary });
  });

  test('a calculation in a worker shows its progress by scenario, can be stopped before anything is written, and a late report changes nothing', () => {
    const calculating = after(press('calculate'), { type: 'calculating', stoppable: true });
    expect(calculating).toMatchObject({ phase: 'calculating', stoppable: true, calculation: undefined });
    const halfway = reduce(calculating, { type: 'calculationProgress', progress: { scenario: 'Bedste', done: 0.5 } });
    expect(halfway.calculation).toEqual({ scenario: 'Bedste', done: 0.5 });
    const stopped = reduce(halfway, { type: 'stopped' });
    expect(stopped).toMatchObject({ phase: 'idle', running: undefined, calculation: undefined, stoppable: undefined });
    expect(stopped.notice).toEqual({ kind: 'stopped' });
    expect(reduce(stopped, { type: 'calculationProgress', progress: { scenario: 'Bedste', done: 0.6 } })).toBe(stopped);
    expect(reduce(stopped, calculated())).toBe(stopped);
    // Once the results are being written, the calculation is over: no stop, no calculation progress.
    const writing = reduce(halfway, calculated());
    expect(writing).toMatchObject({ phase: 'writing', calculation: undefined, stoppable: undefined });
    expect(reduce(writing, { type: 'stopped' })).toBe(writing);
  });

  test('a read’s check shows best fill’s progress too; a stop during a read changes nothing', () => {
    const reading = after(press('scan'), { type: 'calculationProgress', progress: { scenario: 'Bedste', done: 0.5 } });
    expect(reading).toMatchObject({ phase: 'reading', calculation: { scenario: 'Bedste', done: 0.5 } });
    expect(reduce(reading, { type: 'stopped' })).toBe(reading);
    expect(reduce(reading, read())).toMatchObject({ phase: 'idle', calculation: undefined });
    // A calculation's own progress starts only when it calculates, not while it reads.
    expect(
      after(press('calculate'), { type: 'calculationProgress', progress: { scenario: 'B', done: 0.1 } }).calculation,
    ).toBeUndefined();
  });

  test('a write that found the workbook changed calculates again; one that keeps finding it changed ends with nothing written', () => {
    const writing = after(press('calculate'), { type: 'calculating', stoppable: true }, calculated());
    expect(reduce(writing, { type: 'calculating', stoppable: true }).phase).toBe('calculating');
    expect(reduce(writing, { type: 'workbookChanging' })).toMatchObject({ phase: 'idle', notice: { kind: 'workbookChanging' } });
  });

  test('a calculation with problems writes nothing and says so', () => {
    const state = after(press('calculate'), { type: 'calculating' }, calculated(false), { type: 'runDone' });
    expect(state).toMatchObject({ phase: 'idle', notice: { kind: 'stoppedByProblems' }, summary: undefined });
  });

  test('templateAdded reads next; the read ends "Indsæt skabelon" with the names added, or none', () => {
    const reading = after(press('insertTemplate'), { type: 'templateAdded', names: ['Forslag', 'Scenarier'] });
    expect(reading).toMatchObject({ phase: 'reading', running: 'insertTemplate', notice: undefined });
    const done = reduce(reading, read(empty));
    expect(done).toMatchObject({ phase: 'idle', running: undefined, found: empty.found, added: undefined });
    expect(done.notice).toEqual({ kind: 'templateAdded', names: ['Forslag', 'Scenarier'] });
    expect(after(press('insertTemplate'), { type: 'templateAdded', names: [] }, read()).notice).toEqual({
      kind: 'templateAdded',
      names: [],
    });
  });

  test('hostFailed ends the action under way with the failure, whatever its phase', () => {
    for (const events of [
      [press('scan')],
      [press('calculate')],
      [press('calculate'), { type: 'calculating' } as PaneEvent],
      [
        press('calculate'),
        { type: 'calculating' } as PaneEvent,
        calculated(),
        { type: 'writeProgress', done: 1, total: 3 } as PaneEvent,
      ],
      [press('insertTemplate')],
    ]) {
      const state = after(...events, failed);
      expect(state).toMatchObject({ phase: 'idle', running: undefined, progress: undefined });
      expect(state.notice).toEqual({ kind: 'hostFailure', failure: 'editMode', detail: 'InvalidOperationInCellEditMode' });
    }
  });

  test('selectFailed says the cell could not be shown and leaves the action under way alone', () => {
    const idle = after(press('scan'), read(), { type: 'selectFailed', failure: 'busy', detail: 'x' });
    expect(idle).toMatchObject({ phase: 'idle', notice: { kind: 'hostFailure', failure: 'busy', detail: 'x' } });
    const running = after(press('insertTemplate'), { type: 'selectFailed', failure: 'busy', detail: 'x' });
    expect(running).toMatchObject({ phase: 'writing', running: 'insertTemplate' });
  });

  test('languageChanged changes only the language, also mid-run', () => {
    const before = after(press('calculate'), { type: 'calculating' });
    expect(reduce(before, { type: 'languageChanged', language: 'en' })).toEqual({ ...before, language: 'en' });
  });
});

describe('races', () => {
  test('a failed read after "Indsæt skabelon" shows the failure, and says which sheets were added', () => {
    const state = after(press('insertTemplate'), { type: 'templateAdded', names: ['Forslag', 'Scenarier'] }, failed);
    expect(state.notice).toEqual({
      kind: 'hostFailure',
      failure: 'editMode',
      detail: 'InvalidOperationInCellEditMode',
      added: ['Forslag', 'Scenarier'],
    });
    // A straggling read result cannot turn the failure into the success notice.
    expect(reduce(state, read()).notice).toBe(state.notice);
  });

  test('a failure before any sheet was added names none', () => {
    expect(after(press('insertTemplate'), failed).notice).not.toHaveProperty('added');
    expect(after(press('insertTemplate'), { type: 'templateAdded', names: [] }, failed).notice).not.toHaveProperty('added');
  });

  test('a failure is not replaced by a success reported after it', () => {
    const failedRun = after(press('calculate'), { type: 'calculating' }, calculated(), failed);
    for (const late of [{ type: 'runDone' }, read(), { type: 'templateAdded', names: ['Forslag'] }, calculated()] as PaneEvent[])
      expect(reduce(failedRun, late)).toBe(failedRun);
  });

  test('no progress bar is left over after a failure, not even from a late progress report', () => {
    const state = after(
      press('calculate'),
      { type: 'calculating' },
      calculated(),
      { type: 'writeProgress', done: 1, total: 3 },
      failed,
    );
    expect(state.progress).toBeUndefined();
    const late = reduce(state, { type: 'writeProgress', done: 2, total: 3 });
    expect(late.progress).toBeUndefined();
    expect(reduce(late, press('scan')).progress).toBeUndefined();
  });

  test('a press queued behind a read that failed is not started, and the failure says so', () => {
    const state = after(press('scan'), press('calculate'), failed);
    expect(state).toMatchObject({ phase: 'idle', running: undefined, queued: undefined });
    expect(state.notice).toEqual({
      kind: 'hostFailure',
      failure: 'editMode',
      detail: 'InvalidOperationInCellEditMode',
      notStarted: 'calculate',
    });
  });

  test('a press queued behind a read that succeeded stays queued for the store to start; starting it clears it', () => {
    const state = after(press('scan'), press('calculate'), read());
    expect(state).toMatchObject({ phase: 'idle', running: undefined, queued: 'calculate' });
    expect(reduce(state, press('calculate'))).toMatchObject({ running: 'calculate', phase: 'reading', queued: undefined });
  });

  test('a busy notice gives way to the result of the run it was about', () => {
    const busy = after(press('calculate'), press('calculate'));
    expect(busy.notice?.kind).toBe('busy');
    expect(
      reduce(after(press('calculate'), press('calculate'), { type: 'calculating' }, calculated()), { type: 'runDone' }).notice,
    ).toEqual({
      kind: 'done',
    });
    expect(reduce(busy, failed).notice?.kind).toBe('hostFailure');
  });

  test('a run whose host never handed over the workbook wrote nothing and says so', () => {
    expect(after(press('calculate'), { type: 'runDone' }).notice).toEqual({ kind: 'stoppedByProblems' });
  });

  test('events that belong to no action under way change nothing', () => {
    const idle = after(press('scan'), read());
    for (const event of [
      read(),
      { type: 'calculating' },
      calculated(),
      { type: 'writeProgress', done: 1, total: 1 },
      { type: 'runDone' },
      { type: 'templateAdded', names: ['Forslag'] },
      failed,
    ] as PaneEvent[])
      expect(reduce(idle, event)).toBe(idle);
    // A calculation's events do not end a scan, nor a read's result a calculation.
    const scanning = after(press('scan'));
    expect(reduce(scanning, { type: 'runDone' })).toBe(scanning);
    const calculating = after(press('calculate'));
    expect(reduce(calculating, read())).toBe(calculating);
  });
});

describe('properties over any sequence of events', () => {
  const action = fc.constantFrom<Action>('scan', 'calculate', 'insertTemplate');
  const failure = fc.constantFrom('editMode', 'protected', 'tooLarge', 'busy', 'other' as const);
  const event: fc.Arbitrary<PaneEvent> = fc.oneof(
    action.map((a) => press(a)),
    fc.constantFrom(read(sample), read(empty)),
    fc.constant<PaneEvent>({ type: 'calculating' }),
    fc.boolean().map((stoppable): PaneEvent => ({ type: 'calculating', stoppable })),
    fc
      .tuple(fc.constantFrom('Basis', 'Bedste'), fc.double({ min: 0, max: 1, noNaN: true }))
      .map(([scenario, done]): PaneEvent => ({ type: 'calculationProgress', progress: { scenario, done } })),
    fc.constant<PaneEvent>({ type: 'stopped' }),
    fc.constant<PaneEvent>({ type: 'workbookChanging' }),
    fc.boolean().map((b) => calculated(b)),
    fc
      .tuple(fc.nat(5), fc.integer({ min: 1, max: 5 }))
      .map(([done, total]): PaneEvent => ({ type: 'writeProgress', done, total })),
    fc.constant<PaneEvent>({ type: 'runDone' }),
    fc.subarray(['Forslag', 'Scenarier']).map((names): PaneEvent => ({ type: 'templateAdded', names })),
    failure.map((f): PaneEvent => ({ type: 'hostFailed', failure: f, detail: 'd' })),
    failure.map((f): PaneEvent => ({ type: 'selectFailed', failure: f, detail: 'd' })),
    fc.constantFrom<PaneEvent>({ type: 'languageChanged', language: 'da' }, { type: 'languageChanged', language: 'en' }),
  );
  const runs = { numRuns: 500, seed: 8 };

  test('the phase is idle exactly when no action runs; progress only while writing; queued only behind a read', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), (events) => {
        let state = initialState();
        for (const e of events) {
          const before = state;
          state = reduce(state, e);
          expect(state.phase === 'idle').toBe(state.running === undefined);
          if (state.progress) expect(state.phase).toBe('writing');
          // The calculation's progress and its stop belong to a calculation under way, and to nothing else.
          if (state.stoppable) expect(state).toMatchObject({ running: 'calculate', phase: 'calculating' });
          if (state.calculation)
            expect([`${state.running}/${state.phase}`]).toEqual([
              expect.stringMatching(/^(calculate\/calculating|scan\/reading)$/),
            ]);
          // A press is queued only while a scan runs, or left over by a scan that ended well.
          if (state.queued && state.running) expect(state.running).toBe('scan');
          if (state.queued && !state.running) expect(before.running === 'scan' || before.queued === state.queued).toBe(true);
        }
      }),
      runs,
    );
  });

  test('after a failure of the action under way, the pane is idle, shows the failure and starts nothing queued', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), failure, (events, f) => {
        const before = events.reduce(reduce, initialState());
        fc.pre(before.running !== undefined);
        const state = reduce(before, { type: 'hostFailed', failure: f, detail: 'd' });
        expect(state).toMatchObject({ phase: 'idle', running: undefined, progress: undefined, queued: undefined });
        expect(state.notice).toMatchObject({ kind: 'hostFailure', failure: f });
      }),
      runs,
    );
  });

  test('after a failure, no event but a press or another failure changes the notice', () => {
    const quiet = event.filter((e) => e.type !== 'pressed' && e.type !== 'hostFailed' && e.type !== 'selectFailed');
    fc.assert(
      fc.property(fc.array(event, { maxLength: 20 }), action, fc.array(quiet, { maxLength: 20 }), (events, a, late) => {
        const failedState = [...events, press(a), failed].reduce(reduce, initialState());
        fc.pre(failedState.notice?.kind === 'hostFailure');
        expect(late.reduce(reduce, failedState).notice).toBe(failedState.notice);
      }),
      runs,
    );
  });

  test('every *Done event that ends the action under way leaves the pane idle with its result', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), (events) => {
        let state = initialState();
        for (const e of events) {
          const before = state;
          state = reduce(state, e);
          if ((e.type === 'readDone' || e.type === 'runDone') && state !== before) {
            expect(state).toMatchObject({ phase: 'idle', running: undefined, progress: undefined });
            if (before.running === 'calculate') expect(['done', 'stoppedByProblems']).toContain(state.notice?.kind);
            if (before.running === 'insertTemplate') expect(state.notice?.kind).toBe('templateAdded');
          }
        }
      }),
      runs,
    );
  });

  test('a stop ends a calculation under way with nothing written, and is ignored at any other time', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), (events) => {
        const before = events.reduce(reduce, initialState());
        const state = reduce(before, { type: 'stopped' });
        if (before.running === 'calculate' && before.phase === 'calculating')
          expect(state).toMatchObject({ phase: 'idle', running: undefined, calculation: undefined, notice: { kind: 'stopped' } });
        else expect(state).toBe(before);
      }),
      runs,
    );
  });

  test('every press leads to a start, a queue or a message', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), action, (events, a) => {
        const before = events.reduce(reduce, initialState());
        const state = reduce(before, press(a));
        const started = !before.running && state.running === a;
        const queued = before.running === 'scan' && (state.queued === a || (a === 'scan' && state.queued !== undefined));
        const told = state.notice?.kind === 'busy' && state.notice.pressed === a;
        expect(started || queued || told).toBe(true);
      }),
      runs,
    );
  });
});
