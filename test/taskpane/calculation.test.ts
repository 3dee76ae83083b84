/** The pane's calculation off its thread: the worker's messages, stopping, and the fallback. */
import { sampleSheets } from '../../src/sample/seed-workbook';
import { analyse, inThread } from '../../src/taskpane/analysis';
import { calculatorFor, CalculationStopped, inWorker, type Progress } from '../../src/taskpane/calculation';
import type { SheetCells } from '../../src/workbook/grid';
import { runWorkbook } from '../../src/workbook/run';
import { newWorkbook } from '../../src/xlsx/files';
import { workbookHost } from '../../src/xlsx/workbook-host';
import { bestFillSheets } from './best-fill-book';
import { BrokenWorker, FakeWorker, gate } from './fake-worker';

const sample = (): Promise<SheetCells[]> => workbookHost(() => newWorkbook(sampleSheets())).read();

test('a whole WorkbookRun is plain data: it crosses to a worker and back unchanged (structuredClone keeps no classes or functions)', async () => {
  const sheets = await sample();
  const run = runWorkbook(sheets, { report: true });
  expect(run.results).toBeDefined();
  expect(structuredClone(run)).toStrictEqual(run);
  // And the grids the pane sends: values, errors, origins, tables.
  expect(structuredClone(sheets)).toStrictEqual(sheets);
});

test('the worker’s answer is the pane thread’s, and best fill’s progress arrives, scenario by scenario, before it', async () => {
  const sheets = bestFillSheets(2, 10);
  const workers: FakeWorker[] = [];
  const calculator = inWorker(() => {
    workers.push(new FakeWorker());
    return workers[workers.length - 1];
  });
  const progress: Progress[] = [];
  const analysis = await calculator.start(sheets, 'calculate', (p) => progress.push(p)).result;
  expect(analysis).toStrictEqual(analyse(sheets));
  expect(analysis.outputs?.map((o) => o.name)).toEqual(['Resultat', 'Råderum', 'Sammenligning', 'Beregning', 'Kørsler']);
  expect(new Set(progress.map((p) => p.scenario))).toEqual(new Set(['Bedste 1', 'Bedste 2']));
  expect(progress.every((p) => p.done >= 0 && p.done <= 1)).toBe(true);
  expect(calculator.stoppable).toBe(true);
  // The pane's language travels with the grids: the output sheets are written in it.
  await calculator.start(sheets, 'calculate', undefined, 'en').result;
  expect(workers[0].requests.map((r) => r.language)).toEqual([undefined, 'en']);
  // One worker serves the next calculation too; a check sends back no sheets.
  const check = await calculator.start(sheets, 'check').result;
  expect(check.outputs).toBeUndefined();
  expect(check.found.scenarioNames).toEqual(['Bedste 1', 'Bedste 2']);
  expect(workers).toHaveLength(1);
});

test('stopping ends the worker and the calculation (CalculationStopped); the next calculation gets a new worker', async () => {
  const held = gate();
  const workers: FakeWorker[] = [];
  const calculator = inWorker(() => {
    workers.push(new FakeWorker(workers.length === 0 ? held.opened : undefined));
    return workers[workers.length - 1];
  });
  const progress: Progress[] = [];
  const calculation = calculator.start(bestFillSheets(1, 10), 'calculate', (p) => progress.push(p));
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(progress.length).toBeGreaterThan(0);
  expect(calculation.stop()).toBe(true);
  await expect(calculation.result).rejects.toBeInstanceOf(CalculationStopped);
  expect(workers[0].terminated).toBe(true);
  held.open();
  await new Promise((resolve) => setTimeout(resolve, 20));
  // A stopped calculation's late answer is never delivered.
  expect(workers[0].replies.some((r) => r.type === 'done')).toBe(false);
  expect(calculation.stop()).toBe(false);
  const next = await calculator.start(bestFillSheets(1, 10), 'calculate').result;
  expect(next.outputs).toBeDefined();
  expect(workers).toHaveLength(2);
});

test('a worker whose script cannot load: the calculation runs in the pane’s thread instead, now and from then on', async () => {
  let made = 0;
  const calculator = inWorker(() => {
    made++;
    return new BrokenWorker();
  }, inThread);
  const sheets = await sample();
  expect((await calculator.start(sheets, 'calculate').result).outputs).toEqual(analyse(sheets).outputs);
  expect(calculator.stoppable).toBe(false);
  await calculator.start(sheets, 'check').result;
  expect(made).toBe(1);
});

test('a worker that cannot be made (an old host refuses it): the pane’s thread', async () => {
  const calculator = inWorker(() => {
    throw new Error('SecurityError');
  }, inThread);
  const sheets = await sample();
  expect((await calculator.start(sheets, 'check').result).found.scenarioNames).toEqual(analyse(sheets).found.scenarioNames);
  expect(calculator.stoppable).toBe(false);
});

test('without Worker (jsdom, node) the pages calculate in their own thread, the code loaded when first needed', async () => {
  expect(typeof Worker).toBe('undefined');
  const calculator = calculatorFor(() => {
    throw new Error('never asked for');
  });
  expect(calculator.stoppable).toBe(false);
  expect(calculator.analyseNow).toBeUndefined();
  const sheets = await sample();
  expect(await calculator.start(sheets, 'calculate').result).toStrictEqual(analyse(sheets));
});
