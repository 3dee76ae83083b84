/** The pane's store over an in-memory workbook: the host's calls and the events they end in. */
import ExcelJS from 'exceljs';
import { sampleSheets } from '../../src/sample/seed-workbook';
import { analyse, inThread } from '../../src/taskpane/analysis';
import { inWorker, type Calculator } from '../../src/taskpane/calculation';
import { CALCULATION_ATTEMPTS, PaneStore, sameData, type PaneState } from '../../src/taskpane/state';
import { HostError, type WorkbookHost } from '../../src/workbook/host';
import { newWorkbook } from '../../src/xlsx/files';
import { workbookHost } from '../../src/xlsx/workbook-host';
import { scenarioSheet, sheet } from '../helpers/sheets';
import { bestFillBook } from './best-fill-book';
import { FakeWorker } from './fake-worker';

test('output tables are named around the user’s own tables, so the workbook never holds two of one name', () => {
  const list = sheet(
    'Forslag',
    [
      ['Nr', 'Titel', 'Udgift 2026'],
      ['A', 'a', -100],
    ],
    'raaderum_resultat_1',
  );
  const analysis = analyse([list, scenarioSheet([['Råderum 2026', 0]])]);
  const names = analysis.outputs!.flatMap((o) => o.tables.map((t) => t.name.toLowerCase()));
  expect(names).toContain('raaderum_resultat_1_2');
  expect(names).not.toContain('raaderum_resultat_1');
  expect(new Set(names).size).toBe(names.length);
});

/** A gate the test opens: the host's call waits at it. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const editMode = () => new HostError('editMode', 'InvalidOperationInCellEditMode');

/** The store's tests run with the calculation in the pane's thread and in a worker (the pages' way): same events, same outcome. */
const CALCULATORS: [string, () => Calculator][] = [
  ['in the pane’s thread', () => inThread],
  ['in a worker', () => inWorker(() => new FakeWorker())],
];

describe.each(CALCULATORS)('calculating %s', (_, calculator) => {
  function store(workbook: ExcelJS.Workbook, wrap: (host: WorkbookHost) => WorkbookHost = (h) => h) {
    return new PaneStore(wrap(workbookHost(() => workbook)), 'da', calculator());
  }

  test('a failed read after "Indsæt skabelon" shows the failure, and says which sheets were added (they were)', async () => {
    const workbook = new ExcelJS.Workbook();
    const pane = store(workbook, (host) => ({
      ...host,
      read: async () => {
        throw editMode();
      },
    }));
    await pane.insertTemplate();
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Forslag', 'Scenarier']);
    expect(pane.getState()).toMatchObject({ phase: 'idle', progress: undefined });
    expect(pane.getState().notice).toEqual({
      kind: 'hostFailure',
      failure: 'editMode',
      detail: 'InvalidOperationInCellEditMode',
      added: ['Forslag', 'Scenarier'],
    });
  });

  test('a cell that cannot be shown while the template is added does not stop the template or its read', async () => {
    const workbook = new ExcelJS.Workbook();
    const adding = gate();
    let reads = 0;
    const pane = store(workbook, (host) => ({
      ...host,
      read: async () => {
        reads++;
        return host.read();
      },
      addMissingSheets: async (sheets) => {
        await adding.opened;
        return host.addMissingSheets(sheets);
      },
      select: async () => {
        throw new HostError('busy', 'RichApi.Error: busy');
      },
    }));
    const inserted = pane.insertTemplate();
    await pane.select({ sheet: 'Forslag', row: 1, column: 1 });
    expect(pane.getState().notice).toMatchObject({ kind: 'hostFailure', failure: 'busy' });
    adding.open();
    await inserted;
    expect(reads).toBe(1);
    expect(pane.getState().notice).toEqual({ kind: 'templateAdded', names: ['Forslag', 'Scenarier'] });
    expect(pane.getState().found?.lists.map((l) => l.sheet)).toEqual(['Forslag']);
  });

  test('a progress report that arrives after a failed run leaves no progress behind, not even in the next read', async () => {
    let late: ((done: number, total: number) => void) | undefined;
    const reading = gate();
    let failRead = false;
    const pane = store(newWorkbook(sampleSheets()), (host) => ({
      ...host,
      read: async () => {
        if (failRead) await reading.opened;
        return host.read();
      },
      run: async (produce, onProgress) => {
        produce(await host.read());
        onProgress?.(1, 3);
        late = onProgress;
        throw editMode();
      },
    }));
    await pane.calculate();
    expect(pane.getState().notice).toMatchObject({ kind: 'hostFailure', failure: 'editMode' });
    late!(2, 3);
    expect(pane.getState().progress).toBeUndefined();
    failRead = true;
    const scanned = pane.scan();
    expect(pane.getState()).toMatchObject({ phase: 'reading', progress: undefined });
    reading.open();
    await scanned;
  });

  test('a press queued behind a read that fails is not started; the failure says so', async () => {
    const reading = gate();
    let runs = 0;
    const pane = store(newWorkbook(sampleSheets()), (host) => ({
      ...host,
      read: async () => {
        await reading.opened;
        throw editMode();
      },
      run: async (produce, progress) => {
        runs++;
        return host.run(produce, progress);
      },
    }));
    const scanned = pane.scan();
    const calculated = pane.calculate();
    expect(pane.getState().queued).toBe('calculate');
    reading.open();
    await Promise.all([scanned, calculated]);
    expect(runs).toBe(0);
    expect(pane.getState()).toMatchObject({ phase: 'idle', queued: undefined });
    expect(pane.getState().notice).toMatchObject({ kind: 'hostFailure', failure: 'editMode', notStarted: 'calculate' });
  });

  test('a press queued behind a read that succeeds runs next, and its promise settles when it is done', async () => {
    const reading = gate();
    const workbook = newWorkbook(sampleSheets());
    const pane = store(workbook, (host) => ({
      ...host,
      read: async () => {
        await reading.opened;
        return host.read();
      },
    }));
    void pane.scan();
    const calculated = pane.calculate();
    const again = pane.scan();
    expect(pane.getState().queued).toBe('calculate');
    reading.open();
    await Promise.all([calculated, again]);
    expect(pane.getState()).toMatchObject({ phase: 'idle', queued: undefined, notice: { kind: 'done' } });
    expect(workbook.getWorksheet('Resultat')).toBeDefined();
  });

  test('a calculation is asked for in the pane’s language, the output sheets’ language, and a read’s check needs none', async () => {
    const inner = calculator();
    const asked: string[] = [];
    const spy: Calculator = {
      stoppable: inner.stoppable,
      start: (sheets, purpose, onProgress, language) => {
        asked.push(`${purpose} ${language}`);
        return inner.start(sheets, purpose, onProgress, language);
      },
      ...(inner.analyseNow && {
        analyseNow: (sheets, language) => {
          asked.push(`calculate ${language}`);
          return inner.analyseNow!(sheets, language);
        },
      }),
    };
    const pane = new PaneStore(
      workbookHost(() => newWorkbook(sampleSheets())),
      'da',
      spy,
    );
    await pane.calculate();
    pane.setLanguage('en');
    await pane.calculate();
    expect(asked.filter((a) => a.startsWith('calculate'))).toEqual(['calculate da', 'calculate en']);
    expect(pane.getState().notice).toEqual({ kind: 'done' });
  });

  test('a host that throws something other than an Error is still reported', async () => {
    const pane = store(new ExcelJS.Workbook(), (host) => ({
      ...host,
      read: () => Promise.reject('weird'),
    }));
    await pane.scan();
    expect(pane.getState().notice).toEqual({ kind: 'hostFailure', failure: 'other', detail: 'weird' });
  });
});

describe('a calculation in a worker', () => {
  /** A pane over `workbook` whose worker holds each calculation at `hold` after its progress; it counts the host's runs. */
  function workerPane(workbook: ExcelJS.Workbook, hold?: Promise<void>, wrap: (host: WorkbookHost) => WorkbookHost = (h) => h) {
    const workers: FakeWorker[] = [];
    const counted = { runs: 0 };
    const host = wrap(workbookHost(() => workbook));
    const pane = new PaneStore(
      {
        ...host,
        run: (produce, onProgress) => {
          counted.runs++;
          return host.run(produce, onProgress);
        },
      },
      'da',
      inWorker(() => {
        workers.push(new FakeWorker(hold));
        return workers[workers.length - 1];
      }),
    );
    return { pane, workers, counted };
  }

  /** Until the pane's state passes `check`. */
  async function until(pane: PaneStore, check: (state: PaneState) => boolean): Promise<void> {
    for (let i = 0; i < 200 && !check(pane.getState()); i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(check(pane.getState())).toBe(true);
  }

  const sheetNames = (workbook: ExcelJS.Workbook) => workbook.worksheets.map((w) => w.name);

  test('best fill’s progress is shown with its scenario’s name while the worker calculates, and the run can be stopped', async () => {
    const held = gate();
    const { pane } = workerPane(newWorkbook(bestFillBook(2, 10)), held.opened);
    const calculated = pane.calculate();
    await until(pane, (s) => s.calculation?.scenario === 'Bedste 2');
    expect(pane.getState()).toMatchObject({ running: 'calculate', phase: 'calculating', stoppable: true });
    expect(pane.getState().calculation!.done).toBeGreaterThan(0);
    held.open();
    await calculated;
    expect(pane.getState()).toMatchObject({
      phase: 'idle',
      notice: { kind: 'done' },
      calculation: undefined,
      stoppable: undefined,
    });
  });

  test('Annullér during the calculation: nothing is written (the host is never asked to write) and the pane says the run was cancelled', async () => {
    const held = gate();
    const workbook = newWorkbook(bestFillBook(2, 10));
    const before = await workbookHost(() => workbook).read();
    const { pane, workers, counted } = workerPane(workbook, held.opened);
    const calculated = pane.calculate();
    await until(pane, (s) => s.calculation !== undefined);
    pane.stop();
    await calculated;
    held.open();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(workers[workers.length - 1].terminated).toBe(true);
    expect(counted.runs).toBe(0);
    expect(sheetNames(workbook)).toEqual(['Forslag', 'Scenarier']);
    expect(await workbookHost(() => workbook).read()).toEqual(before);
    expect(pane.getState()).toMatchObject({
      phase: 'idle',
      running: undefined,
      calculation: undefined,
      notice: { kind: 'stopped' },
    });
    // The next run calculates (in a new worker) and writes.
    const again = workerPane(workbook);
    await again.pane.calculate();
    expect(again.pane.getState().notice).toEqual({ kind: 'done' });
    expect(sheetNames(workbook)).toEqual([
      'Forslag',
      'Scenarier',
      'Resultat',
      'Råderum',
      'Sammenligning',
      'Beregning',
      'Kørsler',
    ]);
  });

  test('a stop while the results are being written, or with nothing running, changes nothing', async () => {
    const workbook = newWorkbook(sampleSheets());
    const writing = gate();
    const { pane } = workerPane(workbook, undefined, (host) => ({
      ...host,
      run: async (produce, onProgress) => {
        await writing.opened;
        return host.run(produce, onProgress);
      },
    }));
    pane.stop();
    expect(pane.getState().notice).toBeUndefined();
    const calculated = pane.calculate();
    await until(pane, (s) => s.phase === 'writing');
    pane.stop();
    writing.open();
    await calculated;
    expect(pane.getState().notice).toEqual({ kind: 'done' });
    expect(workbook.getWorksheet('Resultat')).toBeDefined();
  });

  test('a workbook that changed between the read and the write is calculated again from what the write read', async () => {
    const workbook = newWorkbook(sampleSheets());
    let edits = 1;
    const { pane, counted } = workerPane(workbook, undefined, (host) => ({
      ...host,
      run: async (produce, onProgress) => {
        // The user edits a pool while the worker calculates: the write reads the edited workbook.
        if (edits-- > 0) workbook.getWorksheet('Scenarier')!.getCell('B2').value = 'edited';
        return host.run(produce, onProgress);
      },
    }));
    await pane.calculate();
    expect(counted.runs).toBe(1);
    // What was written (or refused) follows the edited workbook: the edit is a problem, so nothing is written.
    expect(pane.getState().notice).toEqual({ kind: 'stoppedByProblems' });
    expect(pane.getState().issues.some((i) => i.severity === 'problem' && i.place?.sheet === 'Scenarier')).toBe(true);
    expect(workbook.getWorksheet('Resultat')).toBeUndefined();
  });

  test('a workbook that changes before every write: nothing is written after three calculations, and the pane says why', async () => {
    const workbook = newWorkbook(sampleSheets());
    const { pane, counted } = workerPane(workbook, undefined, (host) => ({
      ...host,
      run: async (produce, onProgress) => {
        const notes = workbook.getWorksheet('Forslag_Hoersholm') ?? workbook.worksheets[0];
        notes.getCell('A200').value = `edit ${Math.random()}`;
        return host.run(produce, onProgress);
      },
    }));
    await pane.calculate();
    expect(counted.runs).toBe(CALCULATION_ATTEMPTS);
    expect(pane.getState().notice).toEqual({ kind: 'workbookChanging' });
    expect(workbook.getWorksheet('Resultat')).toBeUndefined();
  });

  test('sameData compares readings of a workbook cell by cell', () => {
    const a = [sheet('Forslag', [['Nr', { error: '#DIV/0!' }, null]])];
    expect(sameData(a, [sheet('Forslag', [['Nr', { error: '#DIV/0!' }, null]])])).toBe(true);
    expect(sameData(a, [sheet('Forslag', [['Nr', { error: '#N/A' }, null]])])).toBe(false);
    expect(sameData(a, [sheet('Forslag', [['Nr', { error: '#DIV/0!' }]])])).toBe(false);
    expect(sameData(a, [sheet('Forslag', [['Nr', { error: '#DIV/0!' }, 0]])])).toBe(false);
    expect(sameData(a, [{ ...a[0], oversized: { rowCount: 1, columnCount: 3 } }])).toBe(false);
  });
});
