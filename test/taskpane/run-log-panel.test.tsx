/**
 * @jest-environment jsdom
 */
/** The run log in the pane, as a negotiator reads it: the last runs and the difference between two (props built by hand). */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { RunLog } from '../../src/taskpane/components/RunLog';
import type { LoggedScenario, RunDifference, RunLogEntry } from '../../src/workbook/run-log';
import type { Unit } from '../../src/workbook/units';

const YEARS = [2027, 2028, 2029, 2030];
const four = (n: number): number[] => [n, n, n, n];

function scenario(name: string, caseload: string, totalNetto: number, enhed = 'kr.'): LoggedScenario {
  return {
    name,
    parameters: [
      { parameter: 'Enhed', value: enhed },
      { parameter: 'Caseload', value: caseload },
    ],
    totalNetto: four(totalNetto),
    funded: four(19_900_000),
    remaining: four(1_100_000),
    effect: four(0),
  };
}

/** Run n, written at 14:0n on the day; runs 1–7, the sheet's rows 2, 12, 22, … */
function run(
  n: number,
  label = '',
  scenarios = [scenario('Basis', '45', -2_000_000)],
  inputHash = `${n}`.repeat(64),
): RunLogEntry {
  return {
    run: n,
    time: `2026-11-23 14:0${n}`,
    label,
    inputHash,
    years: YEARS,
    scenarios,
    changes: n === 1 ? 'Første kørsel' : `Ændret siden kørsel ${n - 1}`,
    row: 2 + 10 * (n - 1),
  };
}

const RUNDE_1 = run(1, 'Forhandlingsrunde 1', [scenario('Basis', '45', -2_000_000), scenario('Uden EBU 3', '45', -1_500_000)]);
const RUNDE_2 = run(2, 'Forhandlingsrunde 2', [scenario('Basis', '45', -2_000_000), scenario('Caseload 40', '40', -1_000_000)]);

/** What H-sheets' compare would say of runde 1 → runde 2, built by hand. */
function runde2ModRunde1(from: RunLogEntry, to: RunLogEntry): RunDifference {
  return {
    from,
    to,
    sameInputs: false,
    scenariosAdded: ['Caseload 40'],
    scenariosRemoved: ['Uden EBU 3'],
    parameters: [
      { scenario: 'Basis', parameter: 'Caseload', from: '45', to: '40' },
      { scenario: 'Basis', parameter: 'Udelad', from: undefined, to: 'EBU 3' },
    ],
    totals: [
      { scenario: 'Basis', figure: 'totalNetto', from: four(-2_000_000), to: four(-1_500_000), difference: four(500_000) },
      {
        scenario: 'Basis',
        figure: 'remaining',
        from: [1_100_000, 0, 0, 0],
        to: [0, 0, 0, 0],
        difference: [-1_100_000, 0, 0, 0],
      },
    ],
  };
}

/** No change at all between two runs. */
const same = (from: RunLogEntry, to: RunLogEntry): RunDifference => ({
  from,
  to,
  sameInputs: true,
  scenariosAdded: [],
  scenariosRemoved: [],
  parameters: [],
  totals: [],
});

interface Props {
  runs: readonly RunLogEntry[];
  language?: 'da' | 'en';
  compare?: (from: RunLogEntry, to: RunLogEntry) => RunDifference;
  onShowInWorkbook?: (row: number) => void;
  unit?: Unit;
}

function panel({ language = 'da', compare = same, ...props }: Props) {
  return (
    <FluentProvider theme={webLightTheme}>
      <RunLog language={language} compare={compare} {...props} />
    </FluentProvider>
  );
}

/** The names of the runs listed, top to bottom. */
const listed = () =>
  within(screen.getByRole('table', { name: 'Kørsler' }))
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.querySelector('strong')?.textContent);

/** A table's rows as the text of their cells (header cells included). */
const rows = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent ?? ''));

const radio = (name: string) => screen.getByRole('radio', { name }) as HTMLInputElement;

test('the last runs show newest first, a handful at a time, with their time and the user’s label', () => {
  const runs = [1, 2, 3, 4, 5, 6, 7].map((n) => run(n, n === 6 ? 'Forhandlingsrunde 2' : ''));
  render(panel({ runs }));
  expect(screen.getByRole('heading', { level: 2, name: 'Kørsler' })).toBeTruthy();
  expect(listed()).toEqual(['Kørsel 7', 'Forhandlingsrunde 2', 'Kørsel 5', 'Kørsel 4', 'Kørsel 3']);
  const runde2 = screen.getByRole('row', { name: /Forhandlingsrunde 2/ });
  expect(within(runde2).getByText('Kørsel 6 ·', { exact: false }).textContent).toBe('Kørsel 6 · 2026-11-23 14:06');
  expect(within(runde2).getByText('Ændret siden kørsel 5')).toBeTruthy();

  fireEvent.click(screen.getByRole('button', { name: 'Vis alle 7 kørsler' }));
  expect(listed()).toEqual(['Kørsel 7', 'Forhandlingsrunde 2', 'Kørsel 5', 'Kørsel 4', 'Kørsel 3', 'Kørsel 2', 'Kørsel 1']);
  fireEvent.click(screen.getByRole('button', { name: 'Vis kun de seneste 5' }));
  expect(listed()).toHaveLength(5);
});

test('by default the newest run is compared with the one before: "Forhandlingsrunde 2 mod Forhandlingsrunde 1", in words and figures', () => {
  const compare = jest.fn(runde2ModRunde1);
  render(panel({ runs: [RUNDE_1, RUNDE_2], compare }));
  expect(compare).toHaveBeenCalledWith(RUNDE_1, RUNDE_2);
  expect(radio('Fra: Forhandlingsrunde 1').checked).toBe(true);
  expect(radio('Til: Forhandlingsrunde 2').checked).toBe(true);

  const section = screen.getByRole('region', { name: 'Forhandlingsrunde 2 mod Forhandlingsrunde 1' });
  expect(within(section).getByText('Andet input: inputcellerne er ændret', { exact: false }).textContent).toBe(
    'Andet input: inputcellerne er ændret (SHA-256 11111111… → 22222222…).',
  );
  expect(within(section).getByText('Nye scenarier: Caseload 40')).toBeTruthy();
  expect(within(section).getByText('Fjernede scenarier: Uden EBU 3')).toBeTruthy();
  expect(
    within(within(section).getByRole('list', { name: 'Ændrede parametre' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent),
  ).toEqual(['Basis · Caseload: 45 → 40', 'Basis · Udelad: ikke angivet → EBU 3']);
  expect(within(section).getByText('Beløb i kr.')).toBeTruthy();
  expect(
    within(section)
      .getAllByRole('table')
      .map((t) => t.querySelector('caption')?.textContent),
  ).toEqual(['Basis: Netto i alt', 'Basis: Tilbage']);
  expect(rows(within(section).getByRole('table', { name: 'Basis: Netto i alt' }))).toEqual([
    ['År', 'Kørsel 1', 'Kørsel 2', 'Forskel'],
    ['2027', '-2.000.000', '-1.500.000', '+500.000'],
    ['2028', '-2.000.000', '-1.500.000', '+500.000'],
    ['2029', '-2.000.000', '-1.500.000', '+500.000'],
    ['2030', '-2.000.000', '-1.500.000', '+500.000'],
  ]);
  expect(rows(within(section).getByRole('table', { name: 'Basis: Tilbage' }))).toEqual([
    ['År', 'Kørsel 1', 'Kørsel 2', 'Forskel'],
    ['2027', '1.100.000', '0', '-1.100.000'],
    ['2028', '0', '0', '0'],
    ['2029', '0', '0', '0'],
    ['2030', '0', '0', '0'],
  ]);
});

test('the two runs are picked with the keyboard: arrows, Home and End move the choice and the focus in each column', () => {
  const runs = [1, 2, 3, 4].map((n) => run(n));
  const compare = jest.fn(same);
  render(panel({ runs, compare }));
  const from = (n: number) => radio(`Fra: Kørsel ${n}`);
  const to = (n: number) => radio(`Til: Kørsel ${n}`);
  const heading = () => screen.getAllByRole('heading', { level: 3 })[0].textContent;
  expect(heading()).toBe('Kørsel 4 mod Kørsel 3');
  // One Tab stop per column: the chosen run.
  expect([4, 3, 2, 1].map((n) => from(n).tabIndex)).toEqual([-1, 0, -1, -1]);
  expect([4, 3, 2, 1].map((n) => to(n).tabIndex)).toEqual([0, -1, -1, -1]);

  from(3).focus();
  fireEvent.keyDown(from(3), { key: 'ArrowDown' });
  expect(from(2).checked).toBe(true);
  expect(document.activeElement).toBe(from(2));
  expect(heading()).toBe('Kørsel 4 mod Kørsel 2');
  expect(compare).toHaveBeenLastCalledWith(runs[1], runs[3]);

  fireEvent.keyDown(from(2), { key: 'End' });
  expect(document.activeElement).toBe(from(1));
  expect(heading()).toBe('Kørsel 4 mod Kørsel 1');

  fireEvent.keyDown(to(4), { key: 'ArrowDown' });
  expect(to(3).checked).toBe(true);
  expect(document.activeElement).toBe(to(3));
  expect(heading()).toBe('Kørsel 3 mod Kørsel 1');
  expect(compare).toHaveBeenLastCalledWith(runs[0], runs[2]);
  // The Fra column kept its choice.
  expect(from(1).checked).toBe(true);

  fireEvent.keyDown(to(3), { key: 'ArrowUp' });
  fireEvent.keyDown(to(4), { key: 'ArrowUp' });
  expect(document.activeElement).toBe(to(1));
  expect(heading()).toBe('Kørsel 1 mod Kørsel 1');
  expect(screen.getByText('Vælg to forskellige kørsler.')).toBeTruthy();
  // Two different runs are never compared with themselves.
  expect(compare.mock.calls.every(([a, b]) => a.run !== b.run)).toBe(true);

  fireEvent.keyDown(to(1), { key: 'Home' });
  expect(to(4).checked).toBe(true);
  expect(heading()).toBe('Kørsel 4 mod Kørsel 1');
  // Other keys leave the choice alone.
  fireEvent.keyDown(to(4), { key: 'a' });
  expect(to(4).checked).toBe(true);
});

test('the same inputs, nothing changed: said in words', () => {
  render(panel({ runs: [run(1, '', undefined, 'ab'.repeat(32)), run(2, '', undefined, 'ab'.repeat(32))] }));
  const section = screen.getByRole('region', { name: 'Kørsel 2 mod Kørsel 1' });
  expect(within(section).getByText('Samme input: inputcellerne er uændrede (SHA-256 abababab…).')).toBeTruthy();
  expect(within(section).getByText('Ingen forskel i scenarier, parametre eller totaler.')).toBeTruthy();
  expect(within(section).queryByRole('table')).toBeNull();
});

test('a new run written while the pane is open brings back the default: the newest against the one before', () => {
  const runs = [1, 2, 3].map((n) => run(n));
  const { rerender } = render(panel({ runs }));
  fireEvent.click(radio('Fra: Kørsel 1'));
  expect(screen.getByRole('region', { name: 'Kørsel 3 mod Kørsel 1' })).toBeTruthy();
  // The same runs again (a re-read): the user's pick stays.
  rerender(panel({ runs: [...runs] }));
  expect(screen.getByRole('region', { name: 'Kørsel 3 mod Kørsel 1' })).toBeTruthy();
  rerender(panel({ runs: [...runs, run(4)] }));
  expect(screen.getByRole('region', { name: 'Kørsel 4 mod Kørsel 3' })).toBeTruthy();
});

test('no runs, or one: the pane says so and offers no comparison', () => {
  const { rerender } = render(panel({ runs: [] }));
  expect(screen.getByText(/Ingen kørsler endnu/)).toBeTruthy();
  expect(screen.queryByRole('table')).toBeNull();
  rerender(panel({ runs: [run(1)] }));
  expect(screen.getByText('Kun én kørsel: intet at sammenligne med endnu.')).toBeTruthy();
  expect(screen.queryByRole('radio')).toBeNull();
  expect(screen.queryByRole('region', { name: /mod/ })).toBeNull();
});

test('"Vis … i arket" hands the run’s row in Kørsler to the host; without a host there are no buttons', () => {
  const shown: number[] = [];
  const { rerender } = render(panel({ runs: [RUNDE_1, RUNDE_2], onShowInWorkbook: (row) => shown.push(row) }));
  fireEvent.click(screen.getByRole('button', { name: 'Vis Forhandlingsrunde 1 i arket' }));
  expect(shown).toEqual([2]);
  rerender(panel({ runs: [RUNDE_1, RUNDE_2] }));
  expect(screen.queryByRole('button')).toBeNull();
});

test('in English, in mio. kr. (the unit the runs’ base scenario states) with one decimal', () => {
  const inMillions = (r: RunLogEntry): RunLogEntry => ({
    ...r,
    scenarios: r.scenarios.map((s) => ({ ...s, parameters: [{ parameter: 'Enhed', value: 'mio. kr.' }] })),
  });
  const compare = (from: RunLogEntry, to: RunLogEntry): RunDifference => ({
    ...runde2ModRunde1(from, to),
    totals: [{ scenario: 'Basis', figure: 'funded', from: four(19.9), to: four(21), difference: four(1.1) }],
  });
  render(panel({ runs: [inMillions(RUNDE_1), inMillions(RUNDE_2)], compare, language: 'en' }));
  const section = screen.getByRole('region', { name: 'Forhandlingsrunde 2 against Forhandlingsrunde 1' });
  expect(within(section).getByText('Amounts in mio. kr.')).toBeTruthy();
  expect(within(section).getByText('Scenarios added: Caseload 40')).toBeTruthy();
  expect(rows(within(section).getByRole('table', { name: 'Basis: Funded' })).slice(0, 2)).toEqual([
    ['Year', 'Run 1', 'Run 2', 'Difference'],
    ['2027', '19.9', '21.0', '+1.1'],
  ]);
  expect(within(section).getByText('Basis · Udelad: not stated → EBU 3')).toBeTruthy();
});

test('the unit given by the pane wins over the one the runs state', () => {
  render(panel({ runs: [RUNDE_1, RUNDE_2], compare: runde2ModRunde1, unit: '1.000 kr.' }));
  expect(screen.getByText('Beløb i 1.000 kr.')).toBeTruthy();
});

test('the unit and the years as the records state them: a record’s Enhed, and a difference over both runs’ years', () => {
  // The record's own unit (a field the workbook layer may add) wins over the base scenario's Enhed.
  const runs = [1, 2].map((n) => Object.assign(run(n), { unit: 'mio. kr.' as const }));
  runs[0].years = [2026, 2027, 2028, 2029];
  const compare = (from: RunLogEntry, to: RunLogEntry): RunDifference => ({
    ...same(from, to),
    sameInputs: false,
    totals: [
      Object.assign(
        { scenario: 'Basis', figure: 'effect' as const, from: [1, 2, 2, 2, 0], to: [0, 2, 2, 2, 2.5] },
        { difference: [-1, 0, 0, 0, 2.5], years: [2026, 2027, 2028, 2029, 2030] },
      ),
    ],
  });
  render(panel({ runs, compare }));
  expect(screen.getByText('Beløb i mio. kr.')).toBeTruthy();
  expect(rows(screen.getByRole('table', { name: 'Basis: Budgetvirkning' }))).toEqual([
    ['År', 'Kørsel 1', 'Kørsel 2', 'Forskel'],
    ['2026', '1,0', '0,0', '-1,0'],
    ['2027', '2,0', '2,0', '0,0'],
    ['2028', '2,0', '2,0', '0,0'],
    ['2029', '2,0', '2,0', '0,0'],
    ['2030', '0,0', '2,5', '+2,5'],
  ]);
});

test('axe-core finds no serious or critical violation, in Danish and English', async () => {
  for (const language of ['da', 'en'] as const) {
    const { container, unmount } = render(
      panel({ runs: [RUNDE_1, RUNDE_2], language, compare: runde2ModRunde1, onShowInWorkbook: () => undefined }),
    );
    // Colour contrast needs layout and a canvas, which jsdom lacks: the browser test (preview.e2e.ts) checks it.
    const results = await axe.run(container, {
      resultTypes: ['violations', 'incomplete'],
      rules: { 'color-contrast': { enabled: false } },
    });
    // Neither a violation nor a check axe could not decide (incomplete) may be serious or critical.
    const serious = [...results.violations, ...results.incomplete].filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    );
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(', ')}`)).toEqual([]);
    // The rules on tables and labels did run.
    expect(results.passes.map((p) => p.id)).toEqual(expect.arrayContaining(['th-has-data-cells', 'label']));
    unmount();
  }
});
