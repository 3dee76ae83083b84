/**
 * @jest-environment jsdom
 */
/** The scenario editor's store and reducer: pending edits calculated in memory, saved only on request, never over a hand change. */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { createElement, useState } from 'react';
import { sampleSheets } from '../../src/sample/seed-workbook';
import { ScenarioEditor } from '../../src/taskpane/components/ScenarioEditor';
import { WhatIf } from '../../src/taskpane/what-if';
import { EDITOR_STRINGS } from '../../src/taskpane/editor-strings';
import { reduceEditor, initialEditor, withEdit, type EditorEvent, type EditorState } from '../../src/taskpane/editor-state';
import { inThread } from '../../src/taskpane/analysis';
import { PaneStore } from '../../src/taskpane/state';
import { whatIfInThread } from '../../src/taskpane/what-if-runner';
import type { SheetCells } from '../../src/workbook/grid';
import type { WorkbookHost } from '../../src/workbook/host';
import { applyCellChanges, type ScenarioEdit, type SheetChanges } from '../../src/workbook/scenario-edit';
import { TextEncoder as NodeTextEncoder } from 'util';
import { readSheets } from '../../src/xlsx/cells';
import { newWorkbook } from '../../src/xlsx/files';

// The run's hash of the input cells needs TextEncoder, which jsdom (this file's components) lacks.
if (typeof globalThis.TextEncoder === 'undefined') Object.assign(globalThis, { TextEncoder: NodeTextEncoder });

/** A workbook in memory as grids: reads give the grids, writeChanges applies the cells (as the adapters do). */
class GridHost {
  writes: SheetChanges[][] = [];
  constructor(public sheets: SheetCells[]) {}
  scenarios = (): SheetCells => this.sheets.find((s) => s.name === 'Scenarier') as SheetCells;
  /** A change by hand in the Scenarier sheet. */
  typeInScenarier(row: number, column: number, value: string | number): void {
    this.sheets = this.sheets.map((s) => (s.name === 'Scenarier' ? applyCellChanges(s, [{ row, column, value }]) : s));
  }
  host(): WorkbookHost {
    return {
      read: async () => this.sheets,
      run: async () => undefined,
      addMissingSheets: async () => [],
      select: async () => undefined,
      writeChanges: async (changes: readonly SheetChanges[]) => {
        this.writes.push([...changes]);
        for (const change of changes)
          this.sheets = this.sheets.map((s) => {
            if (s.name !== change.sheet) return s;
            const written = applyCellChanges(s, change.cells);
            const table = change.table;
            // The table grows or shrinks to its new extent, as the adapters make it.
            return table
              ? { ...written, tables: written.tables.map((t) => (t.name === table.name ? { ...t, ...table } : t)) }
              : written;
          });
      },
    } as WorkbookHost;
  }
}

async function opened() {
  const grids = new GridHost(readSheets(newWorkbook(sampleSheets())));
  const store = new PaneStore(
    grids.host(),
    'da',
    inThread,
    whatIfInThread(async () => import('../../src/taskpane/what-if')),
  );
  await store.scan();
  await store.whatIfSettled();
  return { grids, store };
}

const comparisonOf = (store: PaneStore) => {
  const comparison = store.getState().editor.result?.comparison;
  if (!comparison) throw new Error('no comparison');
  return comparison;
};
const scenarioIn = (store: PaneStore, name: string) => {
  const s = comparisonOf(store).scenarios.find((x) => x.name === name);
  if (!s)
    throw new Error(
      `no ${name} in ${comparisonOf(store)
        .scenarios.map((x) => x.name)
        .join(', ')}`,
    );
  return s;
};

test('a new scenario with caseload 40 and EBU 3 left out shows in the comparison before anything is written', async () => {
  const { grids, store } = await opened();
  const before = grids.sheets;
  await store.edit({ kind: 'add', name: 'Runde 2' });
  await store.edit({ kind: 'set', scenario: 'Runde 2', parameter: 'Caseload', value: 40 });
  await store.edit({ kind: 'set', scenario: 'Runde 2', parameter: 'Udelad', value: 'EBU 3' });
  const editor = store.getState().editor;
  expect(editor.pending).toHaveLength(3);
  expect(editor.result?.table?.scenarios.map((s) => s.name)).toEqual([
    'Basis',
    'Caseload 40',
    'Flere fuldtidspersoner',
    'Runde 2',
  ]);
  // Caseload 40 alone costs 500.000 a year more than the base (Faxe's fastholdelse); leaving EBU 3 out changes it further.
  expect(scenarioIn(store, 'Caseload 40').difference?.totalNetto).toEqual([500000, 500000, 500000, 500000]);
  const runde2 = scenarioIn(store, 'Runde 2').difference?.totalNetto ?? [];
  expect(runde2).toHaveLength(4);
  expect(runde2).not.toEqual([500000, 500000, 500000, 500000]);
  // Nothing written: the host holds the very grids it was opened with.
  expect(grids.writes).toEqual([]);
  expect(grids.sheets).toBe(before);
});

test('"Gem som scenarie" writes the pending edits to Scenarier, and the pane then shows what the sheet holds', async () => {
  const { grids, store } = await opened();
  await store.edit({ kind: 'add', name: 'Runde 2' });
  await store.edit({ kind: 'set', scenario: 'Runde 2', parameter: 'Caseload', value: 40 });
  await store.save();
  await store.whatIfSettled();
  expect(grids.writes).toHaveLength(1);
  const header = grids.scenarios().values[0];
  expect(header).toContain('Runde 2');
  const caseloadRow = grids.scenarios().values.find((r) => r[0] === 'Caseload');
  expect(caseloadRow?.[header.indexOf('Runde 2')]).toBe(40);
  const editor = store.getState().editor;
  expect(editor.pending).toEqual([]);
  expect(editor.notice).toEqual({ kind: 'saved', count: 2 });
  expect(editor.result?.table?.scenarios.map((s) => s.name)).toContain('Runde 2');
});

test('a hand change of Scenarier since the pane read it is never overwritten: nothing is written, the edits stay pending on top', async () => {
  const { grids, store } = await opened();
  await store.edit({ kind: 'set', scenario: 'Caseload 40', parameter: 'Caseload', value: 42 });
  // Meanwhile the user types 41 in the same cell (Caseload 40's column, C).
  const row = grids.scenarios().values.findIndex((r) => r[0] === 'Caseload');
  grids.typeInScenarier(row, 2, 41);
  await store.save();
  expect(grids.writes).toEqual([]);
  expect(grids.scenarios().values[row][2]).toBe(41);
  const editor = store.getState().editor;
  expect(editor.notice).toEqual({ kind: 'changedMeanwhile' });
  expect(editor.pending).toHaveLength(1);
  expect(EDITOR_STRINGS.da.changedMeanwhile).toMatch(/intet er skrevet/);
  // Saved again, on purpose, the pane's value goes in.
  await store.save();
  expect(grids.scenarios().values[row][2]).toBe(42);
});

test('a refused edit is worded and leaves the pending list; the others stay', async () => {
  const { store } = await opened();
  await store.edit({ kind: 'set', scenario: 'Caseload 40', parameter: 'Caseload', value: 41 });
  await store.edit({ kind: 'rename', scenario: 'Caseload 40', name: 'Basis' });
  const editor = store.getState().editor;
  expect(editor.refusal?.reason).toBe('nameTaken');
  expect(editor.pending.map((e) => e.kind)).toEqual(['set']);
  expect(EDITOR_STRINGS.da.refusal('nameTaken', 'Basis', '')).toBe(
    'Ændringen blev ikke lavet: der er allerede et scenarie, der hedder »Basis«.',
  );
  expect(EDITOR_STRINGS.da.refusal('formulaMoved', 'Caseload 40', 'Scenarier!C8')).toMatch(
    /^Ændringen blev ikke lavet: Scenarier!C8 har en formel/,
  );
  await store.edit({ kind: 'delete', scenario: 'Basis' });
  expect(store.getState().editor.refusal?.reason).toBe('baseDeleted');
  // Caseload 41 stays applied: 450 / 41 årsværk, (10,9756 − 8) × 400.000 = 1.190.244 against 800.000 at 45.
  expect(scenarioIn(store, 'Caseload 40').difference?.totalNetto).toEqual([390244, 390244, 390244, 390244]);
});

test('any scenario can be the reference; the base is then compared with it', async () => {
  const { store } = await opened();
  expect(comparisonOf(store).reference).toBe('Basis');
  await store.chooseReference('Caseload 40');
  expect(comparisonOf(store).reference).toBe('Caseload 40');
  expect(scenarioIn(store, 'Caseload 40').difference).toBeUndefined();
  expect(scenarioIn(store, 'Basis').difference?.totalNetto).toEqual([-500000, -500000, -500000, -500000]);
  // A reference renamed away falls back to the base.
  await store.edit({ kind: 'rename', scenario: 'Caseload 40', name: 'CL40' });
  expect(comparisonOf(store).reference).toBe('Basis');
});

test('discarding forgets the pending edits: the comparison is the sheet’s again', async () => {
  const { grids, store } = await opened();
  const sheet = scenarioIn(store, 'Caseload 40').figures.totalNetto;
  await store.edit({ kind: 'set', scenario: 'Caseload 40', parameter: 'Caseload', value: 45 });
  expect(scenarioIn(store, 'Caseload 40').difference?.totalNetto).toEqual([0, 0, 0, 0]);
  await store.discard();
  expect(store.getState().editor.pending).toEqual([]);
  expect(scenarioIn(store, 'Caseload 40').figures.totalNetto).toEqual(sheet);
  expect(grids.writes).toEqual([]);
});

test('a value set again replaces the pending one (a dragged slider is one edit), not one set in between', () => {
  const caseload = (value: number): ScenarioEdit => ({ kind: 'set', scenario: 'B', parameter: 'Caseload', value });
  const other: ScenarioEdit = { kind: 'set', scenario: 'B', parameter: 'Fordeling', value: 'Prioritet' };
  expect(withEdit(withEdit([], caseload(44)), caseload(41))).toEqual([caseload(41)]);
  expect(withEdit([caseload(44), other], caseload(41))).toEqual([caseload(44), other, caseload(41)]);
  let state = reduceEditor(initialEditor(), { type: 'edited', edit: caseload(44) });
  state = reduceEditor(state, { type: 'saveStarted' });
  state = reduceEditor(state, { type: 'edited', edit: other });
  // An edit made while the save ran stays pending after it.
  state = reduceEditor(state, { type: 'saveEnded', written: [state.pending[0]], notice: { kind: 'saved', count: 1 } });
  expect(state.pending).toEqual([other]);
  expect(state.saving).toBe(false);
});

describe('the editor while a what-if is under way (its answer older than the last edits)', () => {
  /** The editor with its reducer; what-ifs are answered only when the test says so, late. */
  function editorWithLateAnswers() {
    const whatIf = new WhatIf(readSheets(newWorkbook(sampleSheets())));
    const first = whatIf.run({ edits: [], language: 'da' });
    let dispatch: (event: EditorEvent) => void = () => undefined;
    let state: EditorState = reduceEditor(initialEditor(), { type: 'whatIfDone', edits: [], result: first });
    function Harness() {
      const [editor, setEditor] = useState(state);
      dispatch = (event) => setEditor((s) => (state = reduceEditor(s, event)));
      return createElement(ScenarioEditor, {
        editor,
        language: 'da',
        onEdit: (edit) => dispatch({ type: 'edited', edit }),
        onSave: () => undefined,
        onDiscard: () => dispatch({ type: 'discarded' }),
      });
    }
    render(createElement(Harness));
    /** The answer to the pending edits as they are now, delivered later by `deliver`. */
    const ask = () => {
      const edits = [...state.pending];
      const result = whatIf.run({ edits, language: 'da' });
      return () => act(() => dispatch({ type: 'whatIfDone', edits, result }));
    };
    const box = (nr: string) => screen.getByRole('checkbox', { name: new RegExp(`^${nr} `) }) as HTMLInputElement;
    const udelad = () => state.pending.filter((e) => e.kind === 'set' && e.parameter === 'Udelad');
    return { ask, box, udelad, state: () => state };
  }

  test('a box ticked right after a slider edit shows ticked before the what-if answers, and a second tick keeps the first', () => {
    const { ask, box, udelad, state } = editorWithLateAnswers();
    fireEvent.change(screen.getByRole('combobox', { name: 'Scenarie' }), { target: { value: 'Basis' } });
    const slider = screen.getByRole('slider') as HTMLInputElement;
    fireEvent.change(slider, { target: { value: '40' } });
    const sliderAnswer = ask();
    expect(slider.value).toBe('40');
    fireEvent.click(box('EBU 3'));
    expect(box('EBU 3').checked).toBe(true);
    fireEvent.click(box('EBU 4'));
    expect(box('EBU 3').checked).toBe(true);
    expect(box('EBU 4').checked).toBe(true);
    // The slider's answer arrives after both ticks: it replaces none of them.
    sliderAnswer();
    expect(box('EBU 3').checked).toBe(true);
    expect(box('EBU 4').checked).toBe(true);
    expect(slider.value).toBe('40');
    expect(udelad().map((e) => e.kind === 'set' && e.value)).toEqual(['EBU 3, EBU 4']);
    expect(state().pending.map((e) => e.kind === 'set' && e.parameter)).toEqual(['Caseload', 'Udelad']);
    // The answer to all of it agrees.
    ask()();
    expect(box('EBU 3').checked).toBe(true);
    expect(box('EBU 4').checked).toBe(true);
  });

  test('two slider steps before an answer go from 45 to 43, not to 44 twice', () => {
    editorWithLateAnswers();
    fireEvent.change(screen.getByRole('combobox', { name: 'Scenarie' }), { target: { value: 'Basis' } });
    const slider = screen.getByRole('slider') as HTMLInputElement;
    expect(slider.value).toBe('45');
    fireEvent.change(slider, { target: { value: String(Number(slider.value) - 1) } });
    fireEvent.change(slider, { target: { value: String(Number(slider.value) - 1) } });
    expect(slider.value).toBe('43');
  });

  test('a new scenario is edited at once, before the answer: the caseload goes to it, not to the scenario shown before (review 12b, 3)', () => {
    const { ask, state } = editorWithLateAnswers();
    fireEvent.click(screen.getByRole('button', { name: 'Nyt scenarie' }));
    expect((screen.getByRole('combobox', { name: 'Scenarie' }) as HTMLSelectElement).value).toBe('Scenarie 4');
    fireEvent.change(screen.getByRole('slider'), { target: { value: '41' } });
    expect(state().pending).toEqual([
      { kind: 'add', name: 'Scenarie 4' },
      { kind: 'set', scenario: 'Scenarie 4', parameter: 'Caseload', value: 41 },
    ]);
    ask()();
    expect((screen.getByRole('combobox', { name: 'Scenarie' }) as HTMLSelectElement).value).toBe('Scenarie 4');
  });

  test('the focus stays where it was: on Kassér after it is pressed, in the name field after Enter (review 12b, 2)', () => {
    const { ask } = editorWithLateAnswers();
    fireEvent.change(screen.getByRole('slider'), { target: { value: '41' } });
    ask()();
    const discard = screen.getByRole('button', { name: 'Kassér ændringer' });
    discard.focus();
    fireEvent.click(discard);
    ask()();
    expect(screen.getByText(EDITOR_STRINGS.da.noPending)).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Kassér ændringer' }));
    expect(screen.getByRole('button', { name: 'Kassér ændringer' }).getAttribute('aria-disabled')).toBe('true');
    const name = screen.getByRole('textbox', { name: /^Navn/ }) as HTMLInputElement;
    name.focus();
    fireEvent.change(name, { target: { value: 'Runde 2' } });
    fireEvent.keyDown(name, { key: 'Enter' });
    expect(document.activeElement).toBe(name);
    ask()();
    expect(document.activeElement).toBe(name);
    expect(name.value).toBe('Runde 2');
  });

  test('a slider step makes no number formats: they are made once, not per field and render (review 12b, 8)', () => {
    editorWithLateAnswers();
    for (const d of document.querySelectorAll('details')) fireEvent(d, new Event('toggle'));
    const made = jest.spyOn(Intl, 'NumberFormat');
    try {
      fireEvent.change(screen.getByRole('slider'), { target: { value: '41' } });
      fireEvent.change(screen.getByRole('slider'), { target: { value: '42' } });
      expect(made).not.toHaveBeenCalled();
    } finally {
      made.mockRestore();
    }
  });

  test('the live regions hold words only, never the buttons (review 12b, 4)', () => {
    editorWithLateAnswers();
    fireEvent.change(screen.getByRole('slider'), { target: { value: '41' } });
    const live = [...document.querySelectorAll('[aria-live]')];
    expect(live.some((l) => /1 ændring er ikke gemt/.test(l.textContent ?? ''))).toBe(true);
    for (const region of live) expect(region.querySelector('button')).toBeNull();
  });
});

test('a value set over a formula in Scenarier is refused and the editor names the cell, in Danish and English', async () => {
  const grids = new GridHost(readSheets(newWorkbook(sampleSheets())));
  const row = grids.scenarios().values.findIndex((r) => r[0] === 'Caseload');
  // Caseload 40's caseload (column C) is a formula, as the adapters mark it.
  grids.sheets = grids.sheets.map((s) =>
    s.name === 'Scenarier' ? ({ ...s, formulas: [{ row: row + s.origin.row, column: 2 + s.origin.column }] } as SheetCells) : s,
  );
  const store = new PaneStore(
    grids.host(),
    'da',
    inThread,
    whatIfInThread(async () => import('../../src/taskpane/what-if')),
  );
  await store.scan();
  await store.whatIfSettled();
  await store.edit({ kind: 'set', scenario: 'Caseload 40', parameter: 'Caseload', value: 42 });
  const editor = store.getState().editor;
  expect(editor.refusal?.reason).toBe('formulaOverwritten');
  expect(editor.pending).toEqual([]);
  await store.save();
  expect(grids.writes).toEqual([]);
  const cell = `Scenarier!C${row + 1}`;
  render(
    createElement(ScenarioEditor, {
      editor,
      language: 'da',
      onEdit: () => undefined,
      onSave: () => undefined,
      onDiscard: () => undefined,
    }),
  );
  expect(screen.getByText(EDITOR_STRINGS.da.refusal('formulaOverwritten', 'Caseload 40', cell))).toBeTruthy();
  expect(EDITOR_STRINGS.da.refusal('formulaOverwritten', 'Caseload 40', cell)).toMatch(
    new RegExp(`^Ændringen blev ikke lavet: ${cell} har en formel`),
  );
  expect(EDITOR_STRINGS.en.refusal('formulaOverwritten', 'Caseload 40', cell)).toMatch(
    new RegExp(`^Not changed: ${cell} holds a formula`),
  );
});
