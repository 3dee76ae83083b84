/**
 * @jest-environment jsdom
 */
/** The task pane as a user sees it, over an in-memory ExcelJS workbook (the preview's host). */
import { TextEncoder } from 'util';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import ExcelJS from 'exceljs';
import type { CellPlace } from '../../src/model/types';
import { sampleSheets } from '../../src/sample/seed-workbook';
import { App } from '../../src/taskpane/components/App';
import { inWorker } from '../../src/taskpane/calculation';
import { PaneStore } from '../../src/taskpane/state';
import { HostError, type WorkbookHost } from '../../src/workbook/host';
import { newWorkbook } from '../../src/xlsx/files';
import { workbookHost } from '../../src/xlsx/workbook-host';
import { bestFillBook } from './best-fill-book';
import { FakeWorker } from './fake-worker';

/** The sample's sheets after a run: its own, the output sheets, the explanation (Beregning) and the run log. */
const SHEETS_AFTER_RUN = [
  'Hørsholm',
  'Faxe',
  'København',
  'Scenarier',
  'Resultat',
  'Råderum',
  'Sammenligning',
  'Beregning',
  'Kørsler',
];

// A run hashes its input cells (the run log); jsdom's window lacks the TextEncoder every browser has.
Object.assign(globalThis, { TextEncoder });

function setup(workbook: ExcelJS.Workbook, wrap: (host: WorkbookHost) => WorkbookHost = (h) => h) {
  const selected: CellPlace[] = [];
  const store = new PaneStore(wrap(workbookHost(() => workbook, { selected: (p) => selected.push(p) })));
  render(<App store={store} />);
  return { store, selected };
}

test('on open it shows the proposal lists, years, unit and scenarios it found', async () => {
  setup(newWorkbook(sampleSheets()));
  expect(await screen.findByText('Hørsholm (tabel Forslag_Hoersholm): 9 forslag')).toBeTruthy();
  expect(screen.getByText('København (tabel Forslag_Koebenhavn): 8 forslag')).toBeTruthy();
  expect(screen.getByText('År: 2027–2030 · Enhed: kr.')).toBeTruthy();
  expect(screen.getByText('Scenarier: Basis (basis), Caseload 40, Flere fuldtidspersoner')).toBeTruthy();
  expect(screen.getByRole('heading', { name: 'Ingen problemer.' })).toBeTruthy();
});

test('"Skriv resultater" writes the three output sheets and shows the budget effect per scenario', async () => {
  const workbook = newWorkbook(sampleSheets());
  setup(workbook);
  await screen.findByText(/Hørsholm/);
  fireEvent.click(screen.getByRole('button', { name: 'Skriv resultater' }));
  expect(
    await screen.findByText(
      'Færdig: arkene Resultat, Råderum, Sammenligning og Beregning er skrevet, og kørslen står i Kørsler.',
    ),
  ).toBeTruthy();
  expect(workbook.worksheets.map((w) => w.name)).toEqual(SHEETS_AFTER_RUN);
  const table = screen.getByRole('table', { name: 'Budgetvirkning' });
  expect(
    within(table)
      .getAllByRole('columnheader')
      .map((c) => c.textContent),
  ).toEqual(['Budgetvirkning', 'Basis', 'Caseload 40', 'Flere fuldtidspersoner']);
  expect(
    within(table)
      .getAllByRole('row')
      .map((r) => within(r).queryAllByRole('cell')[0]?.textContent ?? ''),
  ).toEqual(['', '2027', '2028', '2029', '2030']);
  expect(screen.getByRole('table', { name: 'Tilbage af råderum' })).toBeTruthy();
});

/** Skriv resultater, then the section of funding changes: a heading per scenario compared with the base. */
async function changesAfterRun(): Promise<HTMLElement> {
  fireEvent.click(screen.getByRole('button', { name: 'Skriv resultater' }));
  await screen.findByText('Færdig: arkene Resultat, Råderum, Sammenligning og Beregning er skrevet, og kørslen står i Kørsler.');
  const section = screen.getByRole('region', { name: 'Ændringer i bevillinger' });
  expect(
    within(section)
      .getAllByRole('heading')
      .map((h) => h.textContent),
  ).toEqual(['Ændringer i bevillinger', 'Caseload 40 mod Basis', 'Flere fuldtidspersoner mod Basis']);
  return section;
}

test('after a run the pane lists per scenario the requests whose funding changed against the base, in words, in either language', async () => {
  setup(newWorkbook(sampleSheets()));
  await screen.findByText(/Hørsholm/);
  expect(screen.queryByRole('heading', { name: 'Ændringer i bevillinger' })).toBeNull();
  const section = await changesAfterRun();
  expect(within(section).getByText('Ingen ændringer i bevillinger')).toBeTruthy();
  // Only one scenario changes funding: one list, named by its scenario.
  const list = within(section).getByRole('list', { name: 'Flere fuldtidspersoner mod Basis' });
  expect(within(section).getAllByRole('list')).toEqual([list]);
  const items = () =>
    within(list)
      .getAllByRole('listitem')
      .map((item) => [...item.children].map((c) => c.textContent));
  expect(items()).toEqual([
    [
      'K-7 Ikke bevilget → Delvist bevilget, 0 → 3.126.316 kr. (2027)',
      'Hurtig intensiv indsats for fleks- og ledighedsydelsesmodtagere',
    ],
    ['K-8 Bevilget → Ikke bevilget, 2.500.000 → 0 kr. (2027)', 'Finansiering af indsatser for borgere omfattet af arbejdspligt'],
  ]);
  // The list is one stop for Tab (its first item); the arrow keys, Home and End move between its items.
  const [k7, k8] = within(list).getAllByRole('listitem');
  expect([k7.tabIndex, k8.tabIndex]).toEqual([0, -1]);
  act(() => k7.focus());
  fireEvent.keyDown(k7, { key: 'ArrowDown' });
  expect(document.activeElement).toBe(k8);
  expect([k7.tabIndex, k8.tabIndex]).toEqual([-1, 0]);
  fireEvent.keyDown(k8, { key: 'ArrowDown' });
  expect(document.activeElement).toBe(k8);
  fireEvent.keyDown(k8, { key: 'Home' });
  expect(document.activeElement).toBe(k7);
  fireEvent.keyDown(k7, { key: 'End' });
  expect(document.activeElement).toBe(k8);
  fireEvent.keyDown(k8, { key: 'ArrowUp' });
  expect(document.activeElement).toBe(k7);
  fireEvent.click(screen.getByRole('button', { name: 'English' }));
  expect(screen.getByRole('heading', { name: 'Flere fuldtidspersoner against Basis' })).toBeTruthy();
  expect(screen.getByText('No changes in funding')).toBeTruthy();
  expect(items().map(([line]) => line)).toEqual([
    'K-7 Not funded → Partly funded, 0 → 3,126,316 kr. (2027)',
    'K-8 Funded → Not funded, 2,500,000 → 0 kr. (2027)',
  ]);
});

test('a run whose scenarios change no funding says so; a run stopped by problems lists none', async () => {
  const sheets = sampleSheets();
  const scenarios = sheets.find((s) => s.name === 'Scenarier')!;
  // Flere fuldtidspersoner as the base (its own Fordeling and Fuldtidspersoner blank): Caseload 40 funds the same too.
  for (const row of scenarios.values) if (row[0] === 'Fordeling' || String(row[0]).startsWith('Fuldtidspersoner')) row[3] = null;
  const workbook = newWorkbook(sheets);
  setup(workbook);
  await screen.findByText(/Hørsholm/);
  const section = await changesAfterRun();
  expect(within(section).getAllByText('Ingen ændringer i bevillinger')).toHaveLength(2);
  expect(within(section).queryByRole('list')).toBeNull();
  workbook.getWorksheet('Hørsholm')!.getCell('F4').value = '12,5 mio';
  fireEvent.click(screen.getByRole('button', { name: 'Skriv resultater' }));
  await screen.findByText('Intet er skrevet: ret problemerne nedenfor og beregn igen.');
  expect(screen.queryByRole('region', { name: 'Ændringer i bevillinger' })).toBeNull();
});

test('the output sheets are written in the pane’s language', async () => {
  const workbook = newWorkbook(sampleSheets());
  setup(workbook);
  await screen.findByText(/Hørsholm/);
  const texts = () => {
    const found: string[] = [];
    workbook.getWorksheet('Sammenligning')!.eachRow((row) => row.eachCell((cell) => found.push(String(cell.value))));
    return found;
  };
  fireEvent.click(screen.getByRole('button', { name: 'Skriv resultater' }));
  await screen.findByText('Færdig: arkene Resultat, Råderum, Sammenligning og Beregning er skrevet, og kørslen står i Kørsler.');
  expect(texts()).toContain('Flere fuldtidspersoner mod Basis');
  fireEvent.click(screen.getByRole('button', { name: 'English' }));
  fireEvent.click(screen.getByRole('button', { name: 'Write results' }));
  await screen.findByText(
    'Done: the sheets Resultat, Råderum, Sammenligning and Beregning are written, and the run is logged in Kørsler.',
  );
  expect(texts()).toContain('Flere fuldtidspersoner against Basis');
  expect(texts()).not.toContain('Flere fuldtidspersoner mod Basis');
});

test('problems are listed with their cell; clicking one shows that cell', async () => {
  const sheets = sampleSheets();
  sheets[0].values[3][5] = '12,5 mio';
  const { selected } = setup(newWorkbook(sheets));
  const cell = await screen.findByRole('button', { name: 'Vis cellen Hørsholm!F4: "12,5 mio" er ikke et tal' });
  expect(screen.getByRole('heading', { name: '1 problem' })).toBeTruthy();
  fireEvent.click(cell);
  await waitFor(() => expect(selected).toEqual([{ sheet: 'Hørsholm', row: 3, column: 5 }]));
  fireEvent.click(screen.getByRole('button', { name: 'Skriv resultater' }));
  expect(await screen.findByText('Intet er skrevet: ret problemerne nedenfor og beregn igen.')).toBeTruthy();
});

test('the pane speaks English on request', async () => {
  setup(newWorkbook(sampleSheets()));
  await screen.findByText(/Hørsholm/);
  fireEvent.click(screen.getByRole('button', { name: 'English' }));
  expect(screen.getByRole('button', { name: 'Write results' })).toBeTruthy();
  expect(screen.getByText('Years: 2027–2030 · Unit: kr.')).toBeTruthy();
});

test('"Indsæt skabelon" adds the template to an empty workbook, and only what is missing', async () => {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Mine tal').getCell('A1').value = 'behold mig';
  setup(workbook);
  expect(await screen.findByText(/arket "Scenarier" mangler/)).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: 'Indsæt skabelon' }));
  expect(await screen.findByText('Tilføjede Forslag og Scenarier.')).toBeTruthy();
  expect(workbook.worksheets.map((w) => w.name)).toEqual(['Mine tal', 'Forslag', 'Scenarier']);
  expect(workbook.getWorksheet('Mine tal')!.getCell('A1').value).toBe('behold mig');
  expect(await screen.findByText('Forslag (tabel Forslag): 2 forslag')).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: 'Indsæt skabelon' }));
  expect(await screen.findByText('Projektmappen har allerede skabelonens ark.')).toBeTruthy();
});

test('an Excel failure is explained, and the pane stays usable', async () => {
  let fail = true;
  setup(newWorkbook(sampleSheets()), (host) => ({
    ...host,
    run: async (produce, progress) => {
      if (fail) throw new HostError('editMode', 'InvalidOperationInCellEditMode');
      return host.run(produce, progress);
    },
  }));
  await screen.findByText(/Hørsholm/);
  fireEvent.click(screen.getByRole('button', { name: 'Skriv resultater' }));
  expect(await screen.findByText(/Excel er i gang med at redigere en celle/)).toBeTruthy();
  fail = false;
  await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Skriv resultater' })));
  expect(await screen.findByText(/Færdig/)).toBeTruthy();
});

/** A gate the test opens: the host's call waits at it. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

test('"Skriv resultater" pressed while the pane is still reading the workbook runs right after the read, and the pane says so', async () => {
  const workbook = newWorkbook(sampleSheets());
  const read = gate();
  let runs = 0;
  setup(workbook, (host) => ({
    ...host,
    read: async () => {
      await read.opened;
      return host.read();
    },
    run: async (produce, progress) => {
      runs++;
      return host.run(produce, progress);
    },
  }));
  expect(await screen.findByText('Læser projektmappen …')).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: 'Skriv resultater' }));
  expect(await screen.findByText('Beregner, så snart projektmappen er læst.')).toBeTruthy();
  expect(runs).toBe(0);
  await act(async () => read.open());
  expect(
    await screen.findByText(
      'Færdig: arkene Resultat, Råderum, Sammenligning og Beregning er skrevet, og kørslen står i Kørsler.',
    ),
  ).toBeTruthy();
  expect(runs).toBe(1);
  expect(workbook.worksheets.map((w) => w.name)).toEqual(SHEETS_AFTER_RUN);
  expect(screen.queryByText('Beregner, så snart projektmappen er læst.')).toBeNull();
});

test('a press while Råderum calculates starts nothing and says why; the run still finishes', async () => {
  const workbook = newWorkbook(sampleSheets());
  const write = gate();
  let runs = 0;
  let templates = 0;
  setup(workbook, (host) => ({
    ...host,
    run: async (produce, progress) => {
      runs++;
      await write.opened;
      return host.run(produce, progress);
    },
    addMissingSheets: async (sheets) => {
      templates++;
      return host.addMissingSheets(sheets);
    },
  }));
  await screen.findByText(/Hørsholm/);
  fireEvent.click(screen.getByRole('button', { name: 'Skriv resultater' }));
  await screen.findByText('Læser projektmappen …');
  fireEvent.click(screen.getByRole('button', { name: 'Skriv resultater' }));
  expect(
    await screen.findByText(
      '»Skriv resultater« blev ikke startet: Råderum beregner og skriver allerede. Tryk igen, når det er færdigt.',
    ),
  ).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: 'Indsæt skabelon' }));
  expect(await screen.findByText(/»Indsæt skabelon« blev ikke startet/)).toBeTruthy();
  await act(async () => write.open());
  expect(await screen.findByText(/Færdig/)).toBeTruthy();
  expect(runs).toBe(1);
  expect(templates).toBe(0);
});

test('"Indsæt skabelon" pressed during the first read is remembered too, in English as well', async () => {
  const workbook = new ExcelJS.Workbook();
  const read = gate();
  setup(workbook, (host) => ({
    ...host,
    read: async () => {
      await read.opened;
      return host.read();
    },
  }));
  fireEvent.click(await screen.findByRole('button', { name: 'English' }));
  fireEvent.click(screen.getByRole('button', { name: 'Insert template' }));
  expect(await screen.findByText('Will insert the template as soon as the workbook is read.')).toBeTruthy();
  await act(async () => read.open());
  expect(await screen.findByText('Added Forslag and Scenarier.')).toBeTruthy();
  expect(workbook.worksheets.map((w) => w.name)).toEqual(['Forslag', 'Scenarier']);
});

test('the list of what was found says how many rows of a list were not read', async () => {
  const sheets = sampleSheets();
  sheets[0].values[3][5] = '12,5 mio';
  setup(newWorkbook(sheets));
  expect(
    await screen.findByText('Hørsholm (tabel Forslag_Hoersholm): 8 forslag; 1 række ikke læst (se problemerne)'),
  ).toBeTruthy();
  expect(screen.getByText('København (tabel Forslag_Koebenhavn): 8 forslag')).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: 'English' }));
  expect(screen.getByText('Hørsholm (table Forslag_Hoersholm): 8 proposals; 1 row not read (see the problems)')).toBeTruthy();
});

test('"Indsæt skabelon" whose read fails afterwards shows the failure and says the sheets were added', async () => {
  const workbook = new ExcelJS.Workbook();
  let failReads = false;
  setup(workbook, (host) => ({
    ...host,
    read: async () => {
      if (failReads) throw new HostError('editMode', 'InvalidOperationInCellEditMode');
      return host.read();
    },
    addMissingSheets: async (sheets) => {
      failReads = true;
      return host.addMissingSheets(sheets);
    },
  }));
  await screen.findByText(/arket "Scenarier" mangler/);
  fireEvent.click(screen.getByRole('button', { name: 'Indsæt skabelon' }));
  expect(
    await screen.findByText(
      'Excel er i gang med at redigere en celle. Tryk Enter eller Esc, og prøv igen. (InvalidOperationInCellEditMode) ' +
        'Arkene Forslag og Scenarier blev tilføjet, men projektmappen blev ikke læst bagefter. Tryk »Læs igen«.',
    ),
  ).toBeTruthy();
  expect(screen.queryByText('Tilføjede Forslag og Scenarier.')).toBeNull();
  expect(workbook.worksheets.map((w) => w.name)).toEqual(['Forslag', 'Scenarier']);
  fireEvent.click(screen.getByRole('button', { name: 'English' }));
  expect(screen.getByText(/The sheets Forslag and Scenarier were added, but the workbook was not read afterwards/)).toBeTruthy();
  failReads = false;
  fireEvent.click(screen.getByRole('button', { name: 'Read again' }));
  expect(await screen.findByText('Forslag (table Forslag): 2 proposals')).toBeTruthy();
});

test('a press queued behind a first read that fails is not started, and the pane says so', async () => {
  const read = gate();
  let runs = 0;
  setup(newWorkbook(sampleSheets()), (host) => ({
    ...host,
    read: async () => {
      await read.opened;
      throw new HostError('busy', 'RichApi.Error');
    },
    run: async (produce, progress) => {
      runs++;
      return host.run(produce, progress);
    },
  }));
  await screen.findByText('Læser projektmappen …');
  fireEvent.click(screen.getByRole('button', { name: 'Skriv resultater' }));
  await screen.findByText('Beregner, så snart projektmappen er læst.');
  await act(async () => read.open());
  expect(
    await screen.findByText(
      'Excel har travlt. Vent et øjeblik, og prøv igen. (RichApi.Error) »Skriv resultater« blev ikke startet, fordi projektmappen ikke kunne læses.',
    ),
  ).toBeTruthy();
  expect(screen.queryByText('Beregner, så snart projektmappen er læst.')).toBeNull();
  expect(runs).toBe(0);
});

test('a best-fill run in a worker shows its scenario and progress in a bar, and »Annullér« stops it with nothing written', async () => {
  const held = gate();
  const workbook = newWorkbook(bestFillBook(2, 10));
  const store = new PaneStore(
    workbookHost(() => workbook),
    'da',
    inWorker(() => new FakeWorker(held.opened)),
  );
  render(<App store={store} />);
  await screen.findByText('Forslag: 10 forslag');
  fireEvent.click(screen.getByRole('button', { name: 'Skriv resultater' }));
  const bar = await screen.findByRole('progressbar', { name: /^Beregner »Bedste 2«: bedste udnyttelse, \d+ % …$/ });
  // The bar follows the search: its value is the share done (0 when the scenario's search begins).
  await waitFor(() => expect(Number(bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0));
  expect(bar.getAttribute('aria-label')).toBe(
    `Beregner »Bedste 2«: bedste udnyttelse, ${Math.floor(Number(bar.getAttribute('aria-valuenow')) * 100)} % …`,
  );
  fireEvent.click(screen.getByRole('button', { name: 'Annullér' }));
  expect(await screen.findByText('Beregningen blev annulleret. Intet er skrevet i projektmappen.')).toBeTruthy();
  expect(screen.queryByRole('progressbar')).toBeNull();
  expect(screen.queryByRole('button', { name: 'Annullér' })).toBeNull();
  await act(async () => held.open());
  expect(workbook.worksheets.map((w) => w.name)).toEqual(['Forslag', 'Scenarier']);
  fireEvent.click(screen.getByRole('button', { name: 'English' }));
  expect(screen.getByText('The calculation was cancelled. Nothing was written to the workbook.')).toBeTruthy();
});

test('a calculation in the pane’s own thread offers no stop it could not honour', async () => {
  const held = gate();
  setup(newWorkbook(sampleSheets()), (host) => ({
    ...host,
    run: async (produce, progress) => {
      await held.opened;
      return host.run(produce, progress);
    },
  }));
  await screen.findByText('Hørsholm (tabel Forslag_Hoersholm): 9 forslag');
  fireEvent.click(screen.getByRole('button', { name: 'Skriv resultater' }));
  await screen.findByRole('progressbar');
  expect(screen.queryByRole('button', { name: 'Annullér' })).toBeNull();
  await act(async () => held.open());
  await screen.findByText('Færdig: arkene Resultat, Råderum, Sammenligning og Beregning er skrevet, og kørslen står i Kørsler.');
});

test('the editor: a caseload typed in a scenario is marked as not saved and changes the comparison at once; Kassér undoes it', async () => {
  const workbook = newWorkbook(sampleSheets());
  setup(workbook);
  const editor = await screen.findByRole('region', { name: 'Rediger scenarier' });
  expect((within(editor).getByRole('combobox', { name: 'Scenarie' }) as HTMLSelectElement).value).toBe('Caseload 40');
  const comparison = await screen.findByRole('region', { name: 'Sammenligning' });
  // Budgetvirkning: per year (2027 first) the difference of Caseload 40, then of Flere fuldtidspersoner.
  const differences = () =>
    Array.from(comparison.querySelectorAll('[data-difference]')).map((e) => e.getAttribute('data-difference'));
  expect(differences().slice(2, 4)).toEqual(['500000', '-126316']);
  fireEvent.change(within(editor).getByRole('textbox', { name: 'Caseload (sager pr. årsværk)' }), { target: { value: '45' } });
  await within(editor).findByText('1 ændring er ikke gemt');
  expect(within(editor).getByText('Caseload (sager pr. årsværk)').parentElement?.textContent).toContain('ikke gemt');
  await screen.findByRole('region', { name: 'Sammenligning (med ændringer, der ikke er gemt)' });
  await waitFor(() => expect(differences().slice(2, 4)).toEqual(['0', '-126316']));
  // Text that is not a number is said so at the field, and changes nothing.
  fireEvent.change(within(editor).getByRole('textbox', { name: /^Caseload \(sager pr\. årsværk\)/ }), {
    target: { value: '4x' },
  });
  expect(within(editor).getByText('»4x« er ikke et tal')).toBeTruthy();
  fireEvent.click(within(editor).getByRole('button', { name: 'Kassér ændringer' }));
  await within(editor).findByText('Alle ændringer er gemt i arket Scenarier.');
  await waitFor(() => expect(differences().slice(2, 4)).toEqual(['500000', '-126316']));
  // Nothing reached the workbook.
  expect(workbook.getWorksheet('Scenarier')?.getRow(8).getCell(3).value).toBe(40);
}, 30_000);

test('the live status region holds words only: the progress bar and »Annullér« are outside it (review 12b, finding 4)', async () => {
  const held = gate();
  const workbook = newWorkbook(bestFillBook(2, 10));
  const store = new PaneStore(
    workbookHost(() => workbook),
    'da',
    inWorker(() => new FakeWorker(held.opened)),
  );
  render(<App store={store} />);
  await screen.findByText('Forslag: 10 forslag');
  fireEvent.click(screen.getByRole('button', { name: 'Skriv resultater' }));
  const bar = await screen.findByRole('progressbar');
  const stop = screen.getByRole('button', { name: 'Annullér' });
  for (const live of document.querySelectorAll('[aria-live]')) {
    expect(live.contains(bar)).toBe(false);
    expect(live.contains(stop)).toBe(false);
  }
  // The words of the calculation are still read out.
  expect(screen.getAllByRole('status').some((s) => /Beregner »Bedste 2«/.test(s.textContent ?? ''))).toBe(true);
  fireEvent.click(stop);
  await act(async () => held.open());
});

test('"Udskriv forhandlingsoversigt" writes the handout with the output sheets and shows it, ready to print', async () => {
  const workbook = newWorkbook(sampleSheets());
  const { selected } = setup(workbook);
  await screen.findByText(/Hørsholm/);
  fireEvent.click(screen.getByRole('button', { name: 'Udskriv forhandlingsoversigt' }));
  await screen.findByText('Færdig: arkene Resultat, Råderum, Sammenligning og Beregning er skrevet, og kørslen står i Kørsler.');
  await waitFor(() => expect(selected).toContainEqual({ sheet: 'Forhandlingsoversigt', row: 0, column: 0 }));
  expect(workbook.worksheets.map((w) => w.name)).toContain('Forhandlingsoversigt');
  // A plain run after it writes no handout of its own and shows none.
  const shown = selected.length;
  fireEvent.click(screen.getByRole('button', { name: 'Skriv resultater' }));
  await screen.findByText('Færdig: arkene Resultat, Råderum, Sammenligning og Beregning er skrevet, og kørslen står i Kørsler.');
  expect(selected.length).toBe(shown);
});
