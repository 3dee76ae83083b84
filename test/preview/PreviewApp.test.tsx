/**
 * @jest-environment jsdom
 */
/**
 * The preview in jsdom: the sample served by a fetch the test controls, files
 * chosen through the file input, other programs' workbooks and files that are
 * not workbooks.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import JSZip from 'jszip';
import * as path from 'path';
import { PreviewApp, SAMPLE_URL } from '../../src/preview/PreviewApp';
import { cellText } from '../../src/preview/WorkbookView';
import { NO_VALUE } from '../../src/workbook/grid';
import { openWorkbook } from '../../src/xlsx/open';
import { TextEncoder as UtilTextEncoder } from 'util';
import { TextEncoder } from 'util';

// A run hashes its input cells (the run log); jsdom's window lacks the TextEncoder every browser has.
Object.assign(globalThis, { TextEncoder: UtilTextEncoder });
// The whole preview renders in jsdom (the pane with its editor): seconds a test on a busy machine.
jest.setTimeout(30_000);

// Browsers have TextEncoder (the download writes sheet XML with it); jest's jsdom does not.
Object.assign(globalThis, { TextEncoder: globalThis.TextEncoder ?? TextEncoder });

const ROOT = path.join(__dirname, '..', '..');
const REAL = path.join(ROOT, 'test', 'fixtures', 'real');

function bytesOf(file: string): ArrayBuffer {
  const data = readFileSync(file);
  return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
}

const SAMPLE = bytesOf(path.join(ROOT, 'assets', 'sample', 'raaderum-eksempel.xlsx'));
const DONE = 'Færdig: arkene Resultat, Råderum, Sammenligning og Beregning er skrevet, og kørslen står i Kørsler.';
const SAMPLE_FOUND = 'Hørsholm (tabel Forslag_Hoersholm): 9 forslag';

/** Serves the sample when `release` is called (at once unless `held`). */
function serveSample(held = false): { release: () => void; fetched: string[] } {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const fetched: string[] = [];
  global.fetch = jest.fn(async (url: string) => {
    fetched.push(url);
    await released;
    return { ok: true, status: 200, arrayBuffer: async () => SAMPLE.slice(0) } as unknown as Response;
  }) as unknown as typeof fetch;
  if (!held) release();
  return { release, fetched };
}

/** Chooses a file in the preview's file input (jsdom's File has no arrayBuffer, so a stand-in). */
function choose(name: string, data: ArrayBuffer): void {
  const file = { name, arrayBuffer: async () => data.slice(0) };
  fireEvent.change(screen.getByLabelText('Åbn en projektmappe (.xlsx)'), { target: { files: [file] } });
}

async function startWithSample(): Promise<void> {
  serveSample();
  render(<PreviewApp />);
  await screen.findByText(SAMPLE_FOUND);
}

/** The cells of the grid's row whose first cell is `first`. */
function gridRow(first: string): string[] {
  const grid = within(screen.getByRole('region', { name: 'Projektmappe' }));
  const row = grid.getAllByRole('row').find((r) => r.querySelector('td')?.textContent === first);
  return row ? Array.from(row.querySelectorAll('td')).map((td) => td.textContent ?? '') : [];
}

afterEach(() => jest.restoreAllMocks());

/** Presses "Hent projektmappen" and returns the file the browser would save: its name, workbook and bytes. */
async function download(): Promise<{ name: string; workbook: ExcelJS.Workbook; data: ArrayBuffer; type: string }> {
  let blob: Blob | undefined;
  let name = '';
  Object.assign(URL, { createObjectURL: (b: Blob) => ((blob = b), 'blob:x'), revokeObjectURL: () => undefined });
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    name = this.download;
  });
  fireEvent.click(screen.getByRole('button', { name: 'Hent projektmappen' }));
  await waitFor(() => expect(name).not.toBe(''));
  const data = await new Promise<ArrayBuffer>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.readAsArrayBuffer(blob!);
  });
  // Read as the command line reads a file: other programs' packages need the reader's normalising.
  const { workbook } = await openWorkbook(data);
  return { name, workbook, data, type: blob!.type };
}

test('"Skriv resultater" pressed before the sample has loaded waits for it and calculates the sample', async () => {
  const sample = serveSample(true);
  render(<PreviewApp />);
  fireEvent.click(await screen.findByRole('button', { name: 'Skriv resultater' }));
  expect(await screen.findByText('Beregner, så snart projektmappen er læst.')).toBeTruthy();
  expect(screen.queryByText(DONE)).toBeNull();
  await act(async () => sample.release());
  expect(await screen.findByText(DONE, undefined, { timeout: 10_000 })).toBeTruthy();
  expect(sample.fetched).toEqual([SAMPLE_URL]);
  expect(screen.getByText(SAMPLE_FOUND)).toBeTruthy();
  expect(screen.getByRole('tab', { name: 'Resultat' })).toBeTruthy();
  // The empty workbook shown meanwhile was never calculated: no problems, nothing stopped.
  expect(screen.queryByText('Intet er skrevet: ret problemerne nedenfor og beregn igen.')).toBeNull();
});

test('a file chosen while the sample is still loading is not replaced by the sample', async () => {
  const sample = serveSample(true);
  render(<PreviewApp />);
  choose('libreoffice-tables.xlsx', bytesOf(path.join(REAL, 'libreoffice-tables.xlsx')));
  expect(await screen.findByText('Forslag (tabel Forslag_T): 2 forslag', undefined, { timeout: 10_000 })).toBeTruthy();
  await act(async () => sample.release());
  await act(async () => new Promise((resolve) => setTimeout(resolve, 200)));
  expect(screen.queryByText(SAMPLE_FOUND)).toBeNull();
  expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['Forslag', 'Scenarier']);
});

test.each([
  ['libreoffice-tables.xlsx', '-100.000'],
  ['openpyxl-tables.xlsx', '-100.000'],
  ['libreoffice-macro.xlsm', '-100.000'],
])('%s (another program’s workbook, with tables) opens in the preview and calculates', async (name, netto) => {
  await startWithSample();
  choose(name, bytesOf(path.join(REAL, name)));
  expect(await screen.findByText('Forslag (tabel Forslag_T): 2 forslag', undefined, { timeout: 10_000 })).toBeTruthy();
  expect(screen.queryByRole('alert')).toBeNull();
  fireEvent.click(screen.getByRole('button', { name: 'Skriv resultater' }));
  expect(await screen.findByText(DONE, undefined, { timeout: 10_000 })).toBeTruthy();
  fireEvent.click(screen.getByRole('tab', { name: 'Resultat' }));
  await waitFor(() => expect(gridRow('A1')).toContain(netto));
  // The result can be downloaded: the file itself with the output sheets in it (an .xlsm stays an .xlsm).
  const saved = await download();
  expect(saved.name).toBe(name.replace(/\.(xls[xm])$/, '.resultat.$1'));
  expect(saved.workbook.worksheets.map((w) => w.name)).toEqual([
    'Forslag',
    'Scenarier',
    'Resultat',
    'Råderum',
    'Sammenligning',
    'Beregning',
    'Kørsler',
  ]);
  expect(screen.queryByRole('alert')).toBeNull();
});

/** Every file in a package, decompressed. */
async function partsOf(data: ArrayBuffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(data);
  const parts = new Map<string, string>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) parts.set(name, await file.async('base64'));
  return parts;
}

test('the download is the opened workbook whole — chart, image, pivot table, VBA — with the output sheets added', async () => {
  await startWithSample();
  const original = bytesOf(path.join(ROOT, 'test', 'fixtures', 'lossless', 'rich.xlsm'));
  choose('budget.xlsm', original);
  expect(await screen.findByText('Hørsholm (tabel Forslag_Hoersholm): 9 forslag', undefined, { timeout: 10_000 })).toBeTruthy();
  await waitFor(() => expect(screen.getAllByRole('tab').map((t) => t.textContent)).toContain('Pivot'));
  fireEvent.click(screen.getByRole('button', { name: 'Skriv resultater' }));
  expect(await screen.findByText(DONE, undefined, { timeout: 10_000 })).toBeTruthy();
  const saved = await download();
  expect(saved.name).toBe('budget.resultat.xlsm');
  expect(saved.type.toLowerCase()).toBe('application/vnd.ms-excel.sheet.macroenabled.12');
  const before = await partsOf(original);
  const after = await partsOf(saved.data);
  const shared = ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml'];
  const changed = [...before].filter(([part, data]) => after.get(part) !== data).map(([part]) => part);
  expect(changed.filter((part) => !shared.includes(part))).toEqual([]);
  expect([...before.keys()]).toEqual(
    expect.arrayContaining([
      'xl/vbaProject.bin',
      'xl/charts/chart1.xml',
      'xl/media/image1.png',
      'xl/pivotTables/pivotTable1.xml',
    ]),
  );
  expect(saved.workbook.worksheets.map((w) => w.name).slice(-5)).toEqual([
    'Resultat',
    'Råderum',
    'Sammenligning',
    'Beregning',
    'Kørsler',
  ]);
  // A second calculation replaces the output sheets in the download: no sheet twice.
  fireEvent.click(screen.getByRole('button', { name: 'Skriv resultater' }));
  await act(async () => new Promise((resolve) => setTimeout(resolve, 300)));
  const again = await download();
  expect([...(await partsOf(again.data)).keys()].sort()).toEqual([...after.keys()].sort());
});

async function zipped(files: Record<string, string>): Promise<ArrayBuffer> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return (await zip.generateAsync({ type: 'uint8array' })).slice().buffer as ArrayBuffer;
}

const DAMAGED = {
  '_rels/.rels': '<Relationships><Relationship Id="r" Type="x/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  'xl/workbook.xml': '<workbook><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>',
  'xl/_rels/workbook.xml.rels':
    '<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  'xl/worksheets/sheet1.xml': '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></x></row></sheetData></worksheet>',
};

test.each([
  [
    'tekst.xlsx',
    async () => Uint8Array.from(Buffer.from('Nr;Titel;Udgift 2027\nA;a;1\n')).buffer,
    'tekst.xlsx er ikke en Excel-projektmappe (.xlsx eller .xlsm).',
    'tekst.xlsx is not an Excel workbook (.xlsx or .xlsm).',
  ],
  [
    'arkiv.xlsx',
    () => zipped({ 'readme.txt': 'hej' }),
    'arkiv.xlsx er ikke en Excel-projektmappe (.xlsx eller .xlsm).',
    'arkiv.xlsx is not an Excel workbook (.xlsx or .xlsm).',
  ],
  [
    'libreoffice.ods',
    async () => bytesOf(path.join(REAL, 'libreoffice.ods')),
    'libreoffice.ods er et OpenDocument-regneark (.ods), ikke en Excel-projektmappe; gem det som .xlsx (Filer > Gem som > Excel 2007-365) og prøv igen.',
    'libreoffice.ods is an OpenDocument spreadsheet (.ods), not an Excel workbook; save it as .xlsx (File > Save As > Excel 2007-365) and try again.',
  ],
  [
    'libreoffice.xls',
    async () => bytesOf(path.join(REAL, 'libreoffice.xls')),
    'libreoffice.xls er en gammel Excel-fil (.xls) eller en projektmappe med adgangskode; gem den i Excel som .xlsx uden adgangskode og prøv igen.',
    'libreoffice.xls is an old Excel file (.xls) or a password-protected workbook; save it in Excel as .xlsx without a password and try again.',
  ],
  [
    'skadet.xlsx',
    () => zipped(DAMAGED),
    'skadet.xlsx ligner en projektmappe, men kunne ikke læses; filen kan være beskadiget (åbn og gem den i Excel, og prøv igen).',
    'skadet.xlsx looks like a workbook but could not be read; the file may be damaged (open and save it in Excel, and try again).',
  ],
])(
  '%s is not opened: the preview says why, in Danish and English, and the workbook on screen stays',
  async (name, data, da, en) => {
    await startWithSample();
    choose(name, await data());
    const alert = await screen.findByRole('alert', undefined, { timeout: 10_000 });
    expect(alert.textContent).toBe(`${da} Projektmappen, der var åben, er uændret.`);
    expect(screen.getByText(/raaderum-eksempel\.xlsx · en projektmappe/)).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Hørsholm' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('alert').textContent).toBe(`${en} The workbook that was open is unchanged.`);
    // The sample on screen still calculates.
    fireEvent.click(screen.getByRole('button', { name: 'Write results' }));
    expect(await screen.findByText(/^Done:/, undefined, { timeout: 10_000 })).toBeTruthy();
    // A workbook opened afterwards clears the message.
    choose('libreoffice-tables.xlsx', bytesOf(path.join(REAL, 'libreoffice-tables.xlsx')));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  },
);

test('a sample that cannot be fetched says so, and the pane reads the empty workbook instead of waiting forever', async () => {
  global.fetch = jest.fn(async () => ({ ok: false, status: 404 }) as Response) as unknown as typeof fetch;
  render(<PreviewApp />);
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toBe(
    'Eksemplet raaderum-eksempel.xlsx kunne ikke hentes (HTTP 404); åbn en projektmappe med "Åbn .xlsx …".',
  );
  fireEvent.click(screen.getByRole('button', { name: 'Skriv resultater' }));
  expect(await screen.findByText('Intet er skrevet: ret problemerne nedenfor og beregn igen.')).toBeTruthy();
});

test('a formula error shows its code in the grid, never [object Object]', async () => {
  await startWithSample();
  choose('libreoffice-div0.xlsx', bytesOf(path.join(REAL, 'libreoffice-div0.xlsx')));
  await screen.findByRole('tab', { name: 'Forslag' }, { timeout: 10_000 });
  await waitFor(() => expect(gridRow('A1')).toContain('#DIV/0!'));
  expect(screen.getByRole('region', { name: 'Projektmappe' }).textContent).not.toContain('[object Object]');
});

test('a formula without a stored result shows #? with a title that says so', async () => {
  await startWithSample();
  choose('openpyxl-formulas.xlsx', bytesOf(path.join(REAL, 'openpyxl-formulas.xlsx')));
  await screen.findByRole('tab', { name: 'Forslag' }, { timeout: 10_000 });
  const grid = screen.getByRole('region', { name: 'Projektmappe' });
  await waitFor(() => expect(grid.querySelectorAll('td[title="formel uden gemt resultat"]').length).toBeGreaterThan(0));
  for (const cell of grid.querySelectorAll('td[title="formel uden gemt resultat"]')) expect(cell.textContent).toBe('#?');
  expect(grid.textContent).not.toContain('[object Object]');
});

test('cellText: numbers in Danish, errors as their code, a missing result as #? with an explanation', () => {
  expect(cellText(-100000, '#,##0')).toEqual({ text: '-100.000' });
  expect(cellText({ error: '#DIV/0!' }, undefined)).toEqual({ text: '#DIV/0!' });
  expect(cellText({ error: '#N/A' }, '#,##0')).toEqual({ text: '#N/A' });
  expect(cellText({ error: NO_VALUE }, undefined)).toEqual({ text: '#?', title: 'formel uden gemt resultat' });
  expect(cellText({ error: NO_VALUE }, undefined, 'en')).toEqual({ text: '#?', title: 'formula without a stored result' });
  expect(cellText(null, undefined)).toEqual({ text: '' });
  expect(cellText('Tekst', undefined)).toEqual({ text: 'Tekst' });
  expect(cellText(true, undefined)).toEqual({ text: 'true' });
});
