/**
 * Issue 10, item 2: the engine and the workbook a finance officer would build in
 * HyperFormula (scripts/peer-model.js) give the same totals — per scenario and
 * year: total netto, available, funded, remaining — on a small model, at the start
 * and after one changed parameter of each kind. The benchmark (scripts/bench-peer.js)
 * makes the same comparison at 1.000 × 10.
 */
import { HyperFormula } from 'hyperformula';
import { readBook } from '../../src/workbook/read';
import { evaluate } from '../../src/model/scenarios';
import { bookFigures } from '../../src/model/figures';
import { roundHalfAwayFromZero } from '../../src/model/rounding';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const peer = require('../../scripts/peer-model.js');

const engine = { readBook, evaluate, bookFigures };

type Totals = Record<'totalNetto' | 'available' | 'funded' | 'remaining', number[]>[];
interface Change {
  parameter: string;
  values: [number, number];
}

describe('the engine and the HyperFormula workbook (60 proposals × 3 scenarios)', () => {
  const model = peer.peerModel(60, 3);
  const book = peer.readModel(engine, model);
  let hf: HyperFormula;
  beforeAll(() => {
    hf = peer.buildHyperformula(HyperFormula, model);
  });
  afterAll(() => hf.destroy());

  test('the model decides something: in every scenario some requests are funded and some are not', () => {
    const { figures } = peer.runEngine(engine, book);
    for (const s of figures.scenarios) {
      const statuses = new Set(s.requests.map((r: { status: string }) => r.status));
      expect(statuses).toEqual(new Set(['funded', 'unfunded']));
    }
  });

  test('the same totals, then after one changed parameter of each kind (each change moves a total)', () => {
    let state = peer.runEngine(engine, book);
    const start: Totals = peer.hyperformulaTotals(hf, model);
    expect(peer.differences(model, state.totals, start)).toEqual([]);
    const kinds: Change[] = peer.parameterChanges(model);
    expect(kinds.map((c) => c.parameter)).toEqual(['refusion rate', 'caseload', 'Udgift', 'pool']);
    for (const change of kinds) {
      state = peer.changeEngine(engine, state, change, change.values[1]);
      const changed: Totals = peer.changeHyperformula(hf, model, change, change.values[1]);
      expect({ parameter: change.parameter, differences: peer.differences(model, state.totals, changed) }).toEqual({
        parameter: change.parameter,
        differences: [],
      });
      expect({ parameter: change.parameter, moved: JSON.stringify(changed) !== JSON.stringify(start) }).toEqual({
        parameter: change.parameter,
        moved: true,
      });
      state = peer.changeEngine(engine, state, change, change.values[0]);
      expect(peer.differences(model, state.totals, peer.changeHyperformula(hf, model, change, change.values[0]))).toEqual([]);
    }
  });

  test('the comparison sees a difference: a pool changed in the workbook only', () => {
    const { totals } = peer.runEngine(engine, book);
    const pool = peer.parameterChanges(model).find((c: Change) => c.parameter === 'pool');
    const changed = peer.changeHyperformula(hf, model, pool, pool.values[1]);
    expect(peer.differences(model, totals, changed)).toContainEqual(expect.stringMatching(/^Scenarie 2 available 2027: /));
    peer.changeHyperformula(hf, model, pool, pool.values[0]);
  });
});

test("a binary-noise half: HyperFormula's ROUND rounds it down, rule 6a (the engine, the workbook's leaf rounding) up", () => {
  // 888.725 × ⅔ × 51 % is 302.166,5; in doubles, in the engine's order, a hair below.
  const refusion = -888725 * (2 / 3) * 0.51;
  expect(refusion).toBeGreaterThan(-302166.5);
  const sheet = HyperFormula.buildFromSheets(
    { A: [[refusion, '=ROUND(A1,0)', `=${peer.roundLeaf('A1')}`]] },
    peer.HYPERFORMULA_CONFIG,
  );
  expect(sheet.getSheetValues(0)[0].slice(1)).toEqual([-302166, -302167]);
  expect(roundHalfAwayFromZero(refusion)).toBe(-302167);
  sheet.destroy();
});
