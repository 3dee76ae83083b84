/**
 * Issue 12, item 4: the `Beregning` sheet lists every proposal's netto in
 * every scenario step by step (the explanations' own steps and amounts), as
 * one Excel table a reader filters by Nr, with the other output sheets'
 * opening, mark and page conventions.
 */
import { sampleSheets } from '../../src/sample/seed-workbook';
import { explainProposal, type ProposalExplanation } from '../../src/workbook/explanation';
import type { SheetCells } from '../../src/workbook/grid';
import { CALCULATION_MAX_ROWS, layOutSheets, type OutputCell, type OutputSheet } from '../../src/workbook/output';
import { isOutputSheet, OUTPUT_MARK, readBook } from '../../src/workbook/read';
import { runWorkbook } from '../../src/workbook/run';
import { four } from '../helpers/sheets';

const asCells = (o: OutputSheet): SheetCells => ({
  name: o.name,
  origin: { row: 0, column: 0 },
  values: o.values,
  tables: o.tables,
});
const sample = (): SheetCells[] => sampleSheets().map(asCells);

function outputs(sheets: SheetCells[], language?: 'da' | 'en'): Record<string, OutputSheet> {
  const run = runWorkbook(sheets, { language, runDate: '2026-11-23' });
  if (!run.results) throw new Error(JSON.stringify(run.issues));
  return Object.fromEntries(run.results.outputs.map((s) => [s.name, s]));
}

const rowsOf = (sheet: OutputSheet, nr: string, scenario?: string): OutputCell[][] =>
  sheet.values.filter((r) => r[0] === nr && (scenario === undefined || r[2] === scenario));

describe('Beregning on the sample', () => {
  const out = outputs(sample());
  const sheet = out.Beregning;

  test('opens like the other output sheets: title, unit and mark, then the header (frozen, repeated on every page)', () => {
    expect(sheet.values[0][0]).toBe('Beregning');
    expect(sheet.values[1][0]).toContain('Beløb i kr.; minus = besparelse/mindreudgift, plus = merudgift.');
    expect(sheet.values[1][0]).toContain(OUTPUT_MARK);
    expect(sheet.values[2]).toEqual([
      'Nr',
      'Titel',
      'Scenarie',
      'Trin',
      'Forklaring',
      'Beløb 2027',
      'Beløb 2028',
      'Beløb 2029',
      'Beløb 2030',
    ]);
    expect(sheet.frozen).toEqual({ rows: 3, columns: 2 });
    expect(sheet.page?.titleRows).toEqual({ first: 0, last: 2 });
    expect(sheet.page?.header).toEqual(out.Resultat.page?.header);
    expect(sheet.rowStyles?.slice(0, 2)).toEqual([
      { row: 0, style: 'title' },
      { row: 2, style: 'header', lines: 1 },
    ]);
  });

  test('one Excel table from the header to the last row, so a reader filters by Nr', () => {
    expect(sheet.tables).toEqual([
      { name: 'Raaderum_Beregning', row: 2, column: 0, rowCount: sheet.values.length - 2, columnCount: 9 },
    ]);
  });

  test('Faxe’s fastholdelse: Udgift, staffing (+800.000 at caseload 45, +1.300.000 at 40), netto with its råderum status', () => {
    expect(rowsOf(sheet, 'BIU_F_03', 'Basis').map((r) => [r[3], ...r.slice(5)])).toEqual([
      ['Udgift', ...four(-1200000)],
      ['Bemanding', ...four(800000)],
      ['Netto', ...four(-400000)],
    ]);
    const forty = rowsOf(sheet, 'BIU_F_03', 'Caseload 40');
    expect(forty.map((r) => [r[3], ...r.slice(5)])).toEqual([
      ['Udgift', ...four(-1200000)],
      ['Bemanding', ...four(1300000)],
      ['Netto', ...four(100000)],
    ]);
    expect(forty[1][4]).toContain('450 sager / 40 = 11,25 årsværk');
    // A reduction has no funding of its own: its part in the råderum is said beside its netto (rule 7: it takes what it costs).
    expect(forty[2][4]).toBe('Netto = Udgift + Indtægt + Investering. Reduktion: mindsker råderummet med 100.000 kr. om året');
    expect(rowsOf(sheet, 'BIU_F_03', 'Basis')[2][4]).toBe(
      'Netto = Udgift + Indtægt + Investering. Reduktion: øger råderummet med 400.000 kr. om året',
    );
  });

  test('rows in the order proposal, scenario, step; a request’s Råderum row holds what it is funded', () => {
    const k7 = rowsOf(sheet, 'K-7');
    expect(k7.map((r) => `${r[2]}/${r[3]}`)).toEqual([
      'Basis/Udgift',
      'Basis/Netto',
      'Basis/Råderum',
      'Caseload 40/Udgift',
      'Caseload 40/Netto',
      'Caseload 40/Råderum',
      'Flere fuldtidspersoner/Udgift',
      'Flere fuldtidspersoner/Netto',
      'Flere fuldtidspersoner/Råderum',
    ]);
    expect(k7[8].slice(4)).toEqual([
      'Delvist bevilget af råderummet: 2027: +3.126.316 kr., 2028: 0 kr., 2029: 0 kr., 2030: 0 kr. af ønsket 2027: +6.000.000 kr., 2028: 0 kr., 2029: 0 kr., 2030: 0 kr.',
      3126316,
      0,
      0,
      0,
    ]);
  });

  test('the same steps, words and amounts as explainProposal', () => {
    for (const nr of ['EBU 1', 'K-7']) {
      const explained = explainProposal(sample(), { nr }) as ProposalExplanation;
      const expected = explained.scenarios.flatMap((s) => [
        ...s.steps.map((step) => [
          s.scenario,
          step.rule === 'netto' && !s.funded ? `${step.text}. ${s.status}` : step.text,
          ...(step.amounts as number[]),
        ]),
        ...(s.funded ? [[s.scenario, s.status, ...s.funded]] : []),
      ]);
      expect(rowsOf(sheet, nr).map((r) => [r[2], ...r.slice(4)])).toEqual(expected);
    }
  });

  test('for every proposal and scenario the parts add up to the Netto row, and the Netto row is Resultat’s netto', () => {
    const resultat = out.Resultat;
    let checked = 0;
    for (const scenario of ['Basis', 'Caseload 40', 'Flere fuldtidspersoner']) {
      // Resultat's block for the scenario: its rows from the band to the next band.
      const band = resultat.values.findIndex((r) => r[0] === `Scenarie: ${scenario}`);
      const header = resultat.values[band + 1] as string[];
      const nettoAt = header.indexOf('Netto 2027');
      for (const nr of new Set(sheet.values.slice(3).map((r) => r[0] as string))) {
        const rows = rowsOf(sheet, nr, scenario);
        const netto = rows.find((r) => r[3] === 'Netto') as OutputCell[];
        const parts = rows.filter((r) => r[3] !== 'Netto' && r[3] !== 'Råderum');
        [0, 1, 2, 3].forEach((t) => expect(parts.reduce((sum, r) => sum + (r[5 + t] as number), 0)).toBe(netto[5 + t]));
        const shown = resultat.values.slice(band).find((r) => r[0] === nr) as OutputCell[];
        expect(netto.slice(5)).toEqual(shown.slice(nettoAt, nettoAt + 4));
        checked++;
      }
    }
    expect(checked).toBe(60);
  });

  test('amount cells carry the unit’s number format, text cells the text format', () => {
    for (const nr of ['BIU_F_03', 'K-7']) {
      const at = sheet.values.findIndex((r) => r[0] === nr);
      expect(sheet.formats[at]).toEqual(['@', '@', '@', '@', '@', ...four('#,##0')]);
    }
  });
});

test('in English (Sprog engelsk, or the pane’s language) the words are English; the sheet’s name stays', () => {
  const sheet = outputs(sample(), 'en').Beregning;
  expect(sheet.values[0][0]).toBe('Calculation');
  expect(sheet.values[2].slice(0, 6)).toEqual(['No.', 'Title', 'Scenario', 'Step', 'Explanation', 'Amount 2027']);
  expect(rowsOf(sheet, 'BIU_F_03', 'Caseload 40').map((r) => r[3])).toEqual(['Expenditure', 'Staffing', 'Net']);
  expect(rowsOf(sheet, 'K-7', 'Basis').map((r) => r[3])).toEqual(['Expenditure', 'Net', 'Råderum']);
});

test('Beregning is an output sheet: a user’s own sheet of that name is never overwritten', () => {
  expect(isOutputSheet('BEREGNING')).toBe(true);
  const own: SheetCells = { name: 'Beregning', origin: { row: 0, column: 0 }, values: [['Mine noter']], tables: [] };
  const read = readBook([...sample(), own]);
  expect(read.book).toBeUndefined();
  expect(read.issues.find((i) => i.code === 'outputSheetNotOurs')).toMatchObject({ params: { sheet: 'Beregning' } });
  // The sheet a run wrote carries the mark: the next run replaces it.
  const written = asCells(outputs(sample()).Beregning);
  expect(readBook([...sample(), written]).book).toBeDefined();
});

test('past 100.000 rows of steps Beregning holds only a note, with a warning; the other sheets are written', () => {
  const figures = runWorkbook(sample()).results!.figures;
  const step = { rule: 'netto' as const, text: 'Netto', amounts: four(1) };
  const one: ProposalExplanation = {
    nr: 'X',
    title: 'X',
    place: { sheet: 'X', row: 1, column: 0 },
    years: [2027, 2028, 2029, 2030],
    unit: 'kr.',
    scenarios: [{ scenario: 'Basis', included: true, steps: [step, step, step], netto: four(1), status: '', funded: four(0) }],
  };
  // Four rows a proposal (three steps and its funding): 25.000 proposals fill the sheet's 100.000 rows of steps, one more passes.
  const fitting = 25000;
  expect(4 * fitting).toBe(CALCULATION_MAX_ROWS);
  const { sheets, issues } = layOutSheets(figures, 'kr.', [], { explanations: { count: fitting + 1, explain: () => one } });
  const sheet = sheets.find((s) => s.name === 'Beregning') as OutputSheet;
  expect(sheet.values.length).toBe(4);
  expect(sheet.values[3][0]).toBe(
    'Beregningen ville få mere end 100.000 rækker og er ikke skrevet. Se forklaringen af et forslag i opgaveruden.',
  );
  expect(sheet.tables).toEqual([]);
  expect(issues).toEqual([expect.objectContaining({ severity: 'warning', code: 'calculationTooLarge' })]);
  expect(sheets.map((s) => s.name)).toEqual(['Resultat', 'Råderum', 'Sammenligning', 'Beregning']);

  const fits = layOutSheets(figures, 'kr.', [], { explanations: { count: fitting, explain: () => one } });
  expect(fits.issues).toEqual([]);
  expect(fits.sheets[3].values.length).toBe(3 + CALCULATION_MAX_ROWS);
});
