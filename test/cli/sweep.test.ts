import Ajv2020 from 'ajv/dist/2020';
import * as path from 'path';
import schema from '../../docs/sweep-output.schema.json';
import { bookFigures } from '../../src/model/figures';
import { evaluate } from '../../src/model/scenarios';
import type { CellValue, SheetCells } from '../../src/workbook/grid';
import { readBook } from '../../src/workbook/read';
import { sweepCsv, sweepWorkbook } from '../../src/workbook/sensitivity';
import { readWorkbookSheets } from '../../src/xlsx/sheet-reader';
import { cliOn, REAL } from './run-cli';

const SAMPLE = path.join(__dirname, '..', '..', 'assets', 'sample', 'raaderum-eksempel.xlsx');
const validate = new Ajv2020({ allErrors: true }).compile(schema);

interface SweepJson {
  scenario: string;
  unit: string;
  current?: number;
  points: { value: number; ratePercent?: number; totalNetto: number[]; effect: number[]; remaining: number[] }[];
}

function valid(json: unknown): SweepJson {
  const ok = validate(json);
  if (!ok) throw new Error(JSON.stringify(validate.errors, null, 2));
  return json as SweepJson;
}

describe('raaderum sweep --caseload', () => {
  test('the sample’s Basis at 40…45 by 0,5: JSON valid against the schema, checked against the engine at 40, 42,5 and 45', async () => {
    const { code, stdout } = await cliOn(SAMPLE, 'sweep', '--caseload', '40:45:0.5', '--json');
    expect(code).toBe(0);
    const json = valid(JSON.parse(stdout));
    expect(json).toMatchObject({ scenario: 'Basis', unit: 'kr.', current: 45 });
    expect(json.points.map((p) => p.value)).toEqual([40, 40.5, 41, 41.5, 42, 42.5, 43, 43.5, 44, 44.5, 45]);
    const book = readBook((await readWorkbookSheets(SAMPLE)).sheets).book!;
    for (const [index, caseload] of [
      [0, 40],
      [5, 42.5],
      [10, 45],
    ]) {
      // The engine on a book whose Basis has that caseload, next to the workbook's Basis (which decides kinds).
      const figures = bookFigures(evaluate({ ...book, scenarios: [book.scenarios[0], { ...book.scenarios[0], caseload }] }), 1);
      const at = figures.scenarios[1];
      expect(json.points[index]).toEqual({
        value: caseload,
        totalNetto: at.totalNetto,
        effect: at.effect,
        remaining: at.remaining,
      });
    }
    // At Basis' own caseload the sweep is what `run --json` reports for Basis.
    const run = JSON.parse((await cliOn(SAMPLE, 'run', '--json')).stdout);
    expect(json.points[10].effect).toEqual(run.scenarios[0].total.effect);
    expect(json.points[10].remaining).toEqual(run.scenarios[0].raaderum.remaining);
    // By hand: BIU_F_03 needs 450/40 − 450/45 = 1,25 årsværk more at 40, × 400.000 = 500.000 kr. more each year.
    expect(json.points[0].effect[1] - json.points[10].effect[1]).toBe(500_000);
  });

  test('--csv: a byte-order mark, semicolons, decimal comma, a header in Danish, one row per caseload and year (Danish Excel reads it)', async () => {
    const { code, stdout } = await cliOn(SAMPLE, 'sweep', '--caseload', '40:45:0,5', '--csv', '--scenario', 'Caseload 40');
    expect(code).toBe(0);
    const lines = stdout.split('\r\n');
    expect(lines[0]).toBe('\uFEFFCaseload;År;Netto i alt (kr.);Budgetvirkning (kr.);Råderum tilbage (kr.)');
    expect(lines).toHaveLength(1 + 11 * 4);
    expect(lines[5]).toMatch(/^40,5;2027;-?\d+;-?\d+;-?\d+$/);
    expect(lines.every((l) => l.split(';').length === 5)).toBe(true);
  });

  test('--lang en: the CSV header in English, numbers still with a decimal comma', async () => {
    const { stdout } = await cliOn(SAMPLE, 'sweep', '--caseload', '40:41:0.5', '--csv', '--lang', 'en');
    const lines = stdout.split('\r\n');
    expect(lines[0]).toBe('\uFEFFCaseload;Year;Total netto (kr.);Budget effect (kr.);Råderum left (kr.)');
    expect(lines[5]).toMatch(/^40,5;2027;/);
  });

  test('a workbook made by openpyxl and one by LibreOffice: no staffed proposal, so every point is the run’s figures', async () => {
    for (const name of ['openpyxl-tables.xlsx', 'libreoffice-tables.xlsx']) {
      const file = path.join(REAL, name);
      const { code, stdout } = await cliOn(file, 'sweep', '--caseload', '40:42:1', '--json');
      expect(code).toBe(0);
      const json = valid(JSON.parse(stdout));
      const run = JSON.parse((await cliOn(file, 'run', '--json')).stdout);
      expect(json.points).toHaveLength(3);
      for (const point of json.points) {
        expect(point.effect).toEqual(run.scenarios[0].total.effect);
        expect(point.remaining).toEqual(run.scenarios[0].raaderum.remaining);
      }
    }
  });
});

describe('raaderum sweep --refusion', () => {
  test('a benefit the scenario gives no rate for: exit 1, naming the scenario’s cell, in Danish and English', async () => {
    const da = await cliOn(SAMPLE, 'sweep', '--refusion', 'sygedagpenge:-10:10:1');
    expect(da.code).toBe(1);
    expect(da.stderr).toContain('Scenarier!B1: scenariet Basis angiver ingen Refusion Sygedagpenge');
    const en = await cliOn(SAMPLE, 'sweep', '--refusion', 'sygedagpenge:-10:10:1', '--lang', 'en');
    expect(en.stderr).toContain('Scenarier!B1: the scenario Basis gives no Refusion Sygedagpenge');
  });

  test('with a rate in Scenarier: ±10 points, each point the engine’s figures at that rate (glue on the sample’s grids)', async () => {
    const sheets = withScenarioRow((await readWorkbookSheets(SAMPLE)).sheets, ['Refusion ressourceforløb', 0.3, 0.3, 0.3]);
    // BIU_F_01 carries its own Refusionssats (50 %), so a scenario rate for ressourceforløb moves nothing there:
    // the sweep is flat, which is the rule (a row's own rate wins, rule 2).
    const answer = sweepWorkbook(sheets, {
      parameter: { kind: 'refusion', benefit: 'Ressourceforløb' },
      from: -10,
      to: 10,
      step: 5,
    });
    if (!answer.ok) throw new Error(JSON.stringify(answer));
    expect(answer.answer.sweep.current).toBe(0.3);
    expect(answer.answer.sweep.points.map((p) => p.rate)).toEqual([0.2, 0.25, 0.3, 0.35, 0.4]);
    const effects = new Set(answer.answer.sweep.points.map((p) => JSON.stringify(p.effect)));
    expect(effects.size).toBe(1);
    const csv = sweepCsv(answer.answer, 'da').split('\r\n');
    expect(csv[0]).toBe(
      '\uFEFFRefusion ændring (point);Refusionssats (%);År;Netto i alt (kr.);Budgetvirkning (kr.);Råderum tilbage (kr.)',
    );
    expect(csv[1]).toMatch(/^-10;20;2027;/);
  });

  test('a rate that moves figures: BIU_F_03 (sygedagpenge) given Refusionsandel 100 %, checked against the engine', async () => {
    const read = await readWorkbookSheets(SAMPLE);
    const faxe = read.sheets.map((s) => (s.name === 'Faxe' ? withCell(s, 3, 13, 1) : s));
    const sheets = withScenarioRow(faxe, ['Refusion sygedagpenge', 0.05, 0.05, 0.05]);
    const book = readBook(sheets).book!;
    const answer = sweepWorkbook(sheets, {
      parameter: { kind: 'refusion', benefit: 'sygedagpenge' },
      from: -10,
      to: 10,
      step: 10,
    });
    if (!answer.ok) throw new Error(JSON.stringify(answer));
    const points = answer.answer.sweep.points;
    // 5 % − 10 points is below 0 %: left out, and the JSON says so.
    expect(points[0]).toMatchObject({ outOfRange: true });
    for (const [index, rate] of [
      [1, 0.05],
      [2, 0.15],
    ]) {
      const s = { ...book.scenarios[0], refusionByBenefit: { sygedagpenge: { rate } } };
      const at = bookFigures(evaluate({ ...book, scenarios: [book.scenarios[0], s] }), 1).scenarios[1];
      expect(points[index]).toMatchObject({ totalNetto: at.totalNetto, effect: at.effect, remaining: at.remaining });
    }
    // By hand: a saving of 1.200.000 with all of it at the rate loses 1.200.000 × rate of refusion: 10 points more
    // (5 % → 15 %) lose 120.000 kr. more a year, so the budget effect rises by that in every year.
    expect(points[2].effect.map((e, t) => e - points[1].effect[t])).toEqual([120_000, 120_000, 120_000, 120_000]);
  });
});

describe('sweep in the workbook’s unit', () => {
  test('Enhed 1.000 kr.: rows are the engine’s figures rounded to 1.000 kr. and shown in 1.000 kr.; the CSV too', async () => {
    const read = await readWorkbookSheets(SAMPLE);
    // The same sample typed in 1.000 kr. (every amount a thousand times larger, which changes nothing else).
    const sheets = read.sheets.map((s) => (s.name === 'Scenarier' ? withCell(s, 1, 1, '1.000 kr.') : s));
    const book = readBook(sheets).book!;
    const answer = sweepWorkbook(sheets, { parameter: { kind: 'caseload' }, from: 40, to: 41, step: 1 });
    if (!answer.ok) throw new Error(JSON.stringify(answer));
    expect(answer.answer.unit).toBe('1.000 kr.');
    const at = bookFigures(evaluate({ ...book, scenarios: [book.scenarios[0], { ...book.scenarios[0], caseload: 41 }] }), 1000)
      .scenarios[1];
    const rows = answer.answer.rows.filter((r) => r.value === 41);
    expect(rows.map((r) => r.effect)).toEqual(at.effect.map((e) => e / 1000));
    expect(rows.map((r) => r.remaining)).toEqual(at.remaining.map((e) => e / 1000));
    expect(sweepCsv(answer.answer, 'da').split('\r\n')[0]).toBe(
      '\uFEFFCaseload;År;Netto i alt (1.000 kr.);Budgetvirkning (1.000 kr.);Råderum tilbage (1.000 kr.)',
    );
  });
});

describe('raaderum sweep: wrong use', () => {
  test.each([
    [['--caseload', '40-45'], '--caseload "40-45"'],
    [['--caseload', '45:40:0.5'], 'TIL skal være mindst FRA'],
    [['--caseload', '40:45:0'], 'trinnet skal være over 0'],
    [['--caseload', '0:5:1'], 'en caseload skal være over 0'],
    [['--caseload', '1:100000:0.5'], 'højst 1001 punkter'],
    [['--refusion=-10:10:1'], 'angiv ydelsen først'],
    [['--caseload', '40:45:1', '--refusion', 'x:1:2:1'], 'angiv enten --caseload eller --refusion'],
    [['--caseload', '40:45:1', '--scenario', 'Nope'], 'der er intet scenarie "Nope" på arket Scenarier'],
    [['--caseload', 'foo:40:45:1'], 'intet forslag har Ydelse "foo"'],
  ])('%j: exit 2 with %s', async (args, message) => {
    const { code, stderr } = await cliOn(SAMPLE, 'sweep', ...(args as string[]));
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});

/** The sheet with one cell's value changed (a copy). */
function withCell(s: SheetCells, row: number, column: number, value: CellValue): SheetCells {
  const values = s.values.map((r) => (r ? [...r] : r));
  values[row][column] = value;
  return { ...s, values };
}

/** The sheets with one more parameter row on Scenarier (below the others, inside its table). */
function withScenarioRow(sheets: readonly SheetCells[], row: CellValue[]): SheetCells[] {
  return sheets.map((s) => {
    if (s.name !== 'Scenarier') return s;
    const values = [...s.values.map((r) => (r ? [...r] : r)), row];
    return { ...s, values, tables: s.tables.map((t) => ({ ...t, rowCount: t.rowCount + 1 })) };
  });
}
