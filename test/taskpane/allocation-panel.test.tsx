/**
 * @jest-environment jsdom
 */
/** "Råderummets fordeling" as a user works it, over the sample in an in-memory ExcelJS workbook (the preview's host). */
import { TextEncoder } from 'util';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { inPriorityOrder } from '../../src/model/allocation';
import { sampleSheets } from '../../src/sample/seed-workbook';
import { App } from '../../src/taskpane/components/App';
import { moved } from '../../src/taskpane/components/Allocation';
import { allocationView, breakEvenView, sweepView } from '../../src/taskpane/negotiation';
import { PaneStore } from '../../src/taskpane/state';
import { readBook } from '../../src/workbook/read';
import { newWorkbook } from '../../src/xlsx/files';
import { workbookHost } from '../../src/xlsx/workbook-host';

Object.assign(globalThis, { TextEncoder });
// jsdom has no CSS.escape; the sample's Nrs need none.
Object.assign(globalThis, { CSS: { escape: (s: string) => s } });

async function setup() {
  const workbook = newWorkbook(sampleSheets());
  const host = workbookHost(() => workbook, {});
  const store = new PaneStore(host);
  render(<App store={store} />);
  // Folded until opened; the views' code loads then (a chunk of its own in the build).
  const open = await screen.findByRole('button', { name: 'Forhandling', expanded: false });
  expect(screen.queryByRole('region', { name: 'Råderummets fordeling' })).toBeNull();
  fireEvent.click(open);
  expect(open.getAttribute('aria-expanded')).toBe('true');
  const section = await screen.findByRole('region', { name: 'Råderummets fordeling' }, { timeout: 5000 });
  return { workbook, host, store, section };
}

const itemsOf = (section: HTMLElement) =>
  within(within(section).getByRole('list', { name: 'Prioriteter' }))
    .getAllByRole('listitem')
    .map((li) => li.textContent ?? '');

test('moved moves one item and keeps the others in order', () => {
  expect(moved(['a', 'b', 'c', 'd'], 3, 1)).toEqual(['a', 'd', 'b', 'c']);
  expect(moved(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
});

test('the base scenario’s requests in priority order with their status, and what is left per year as the engine gives it', async () => {
  const { section, host } = await setup();
  const view = allocationView(await host.read())!;
  const items = itemsOf(section);
  expect(items).toHaveLength(view.requests.length);
  view.requests.forEach((r, k) => expect(items[k]).toContain(`${k + 1}. ${r.nr} ${r.title}`));
  expect(items.join('\n')).toMatch(/Ikke bevilget/);
  const table = within(section).getByRole('table');
  const first = within(table).getAllByRole('row')[1];
  expect(first.textContent).toContain(new Intl.NumberFormat('da-DK').format(view.remaining[0]));
  expect(within(section).getByRole('img', { name: /Andel af råderummet pr. år: Basis/ })).toBeTruthy();
});

test('another mode is shown at once and said not to be written', async () => {
  const { section, workbook, host } = await setup();
  const before = JSON.stringify(workbook.getWorksheet('Scenarier')!.getSheetValues());
  fireEvent.change(within(section).getByLabelText('Fordel efter'), { target: { value: 'proportional' } });
  expect(
    await within(section).findByText(/Vist med fordelingen Forholdsmæssig; scenariet bruger Prioritet. Intet er skrevet./),
  ).toBeTruthy();
  const proportional = allocationView(await host.read(), { mode: 'proportional' })!;
  expect(itemsOf(section).join('\n')).toContain(`${proportional.requests[0].nr}`);
  expect(JSON.stringify(workbook.getWorksheet('Scenarier')!.getSheetValues())).toBe(before);
});

test('Alt+↑ moves a request up, is announced, and "Gem prioriteter" writes the order to Prioritet', async () => {
  const { section, host } = await setup();
  const view = allocationView(await host.read())!;
  const nrs = view.requests.map((r) => r.nr);
  const up = within(section).getByRole('button', { name: `Flyt ${nrs[2]} op` });
  up.focus();
  fireEvent.keyDown(up, { key: 'ArrowUp', altKey: true });
  const expected = moved(nrs, 2, 1);
  await waitFor(() => expect(itemsOf(section)[1]).toContain(`2. ${nrs[2]}`));
  expect(within(section).getByText(`${nrs[2]} flyttet til plads 2 af ${nrs.length}.`)).toBeTruthy();
  expect(document.activeElement?.getAttribute('aria-label')).toBe(`Flyt ${nrs[2]} op`);
  fireEvent.click(within(section).getByRole('button', { name: 'Gem prioriteter' }));
  expect(await within(section).findByText(/Prioriteterne er gemt/)).toBeTruthy();
  const read = readBook(await host.read());
  const requests = new Set(nrs);
  expect(inPriorityOrder(read.book!.proposals.filter((p) => requests.has(p.nr))).map((p) => p.nr)).toEqual(expected);
});

test('the pane’s break-even of Faxe’s BIU_F_03 is the core’s exact 450/11, and its sweep at 45 is the Basis run', async () => {
  const sheets = await workbookHost(() => newWorkbook(sampleSheets()), {}).read();
  const answer = breakEvenView(sheets, { nr: 'BIU_F_03' });
  expect(answer?.kind).toBe('proposal');
  const root = answer?.kind === 'proposal' ? answer.caseload?.years[0].root : undefined;
  expect(root).toMatchObject({ kind: 'at', pays: 'above', at: { fraction: { numerator: 450, denominator: 11 } } });
  const sweep = sweepView(sheets, 'Basis', { kind: 'caseload' })!;
  expect(sweep.rows.filter((r) => r.year === 2027).map((r) => r.value)).toEqual([
    40, 40.5, 41, 41.5, 42, 42.5, 43, 43.5, 44, 44.5, 45,
  ]);
  // Basis assumes caseload 45: that point is the scenario as written.
  const at45 = sweep.rows.filter((r) => r.value === 45).map((r) => r.remaining);
  expect(at45).toEqual(allocationView(sheets)!.remaining);
});
