/** The pane's store over an in-memory workbook: the host's calls and the events they end in. */
import ExcelJS from 'exceljs';
import { sampleSheets } from '../../src/sample/seed-workbook';
import { analyse, PaneStore } from '../../src/taskpane/state';
import { HostError, type WorkbookHost } from '../../src/workbook/host';
import { newWorkbook } from '../../src/xlsx/files';
import { workbookHost } from '../../src/xlsx/workbook-host';
import { scenarioSheet, sheet } from '../helpers/sheets';

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

function store(workbook: ExcelJS.Workbook, wrap: (host: WorkbookHost) => WorkbookHost = (h) => h) {
  return new PaneStore(wrap(workbookHost(() => workbook)));
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

test('a host that throws something other than an Error is still reported', async () => {
  const pane = store(new ExcelJS.Workbook(), (host) => ({
    ...host,
    read: () => Promise.reject('weird'),
  }));
  await pane.scan();
  expect(pane.getState().notice).toEqual({ kind: 'hostFailure', failure: 'other', detail: 'weird' });
});
