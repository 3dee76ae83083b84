'use strict';
/**
 * The peer of the engine (issue 10, item 2): one deterministic budget model of
 * proposals × scenarios, laid out twice:
 *
 * - as the grids the product reads (a `Forslag` list and a `Scenarier` sheet),
 *   which the engine turns into a Book and figures (readBook → evaluate → bookFigures);
 * - as the workbook a finance officer would build instead, written as
 *   spreadsheet formulas for HyperFormula: the same proposals and scenario
 *   parameters, one calculation sheet per scenario (domain.md rules 1–5, each
 *   leaf rounded as rule 6 says, and the råderum in `Prioritet` mode as a running
 *   "what is left" down the proposals in priority order), and a `Totaler` sheet.
 *
 * Plain JavaScript without the product's code, so scripts/bench-peer.js (dist/cli)
 * and test/bench/peer.test.ts (src/) share it: the engine is passed in.
 * HyperFormula is GPLv3 (licenseKey 'gpl-v3'): a dev-only benchmark tool, never shipped in the pane.
 */

const YEARS = [2027, 2028, 2029, 2030];
const BENEFITS = ['Kontanthjælp', 'Sygedagpenge', 'Ressourceforløb', 'A-dagpenge'];
/** Fuldtidspersoner per benefit in the base: the volume a proposal's Udgift was computed for. */
const BASE_VOLUME = [1200, 900, 300, 700];
/** Rule 6a's tolerance: a request fits when it is at most a millionth of a krone over what is left. */
const TOLERANCE = 0.000001;

/** A deterministic pseudo-random sequence, so every run measures the same model. */
function random(seed) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/**
 * `n` proposals and `scenarioCount` scenarios, all in `Prioritet` mode. About
 * 40 % of the proposals ask for money (Udvidelse, Prioritet 1–20) and the pools
 * leave some of them unfunded, so the allocation decides something. Proposals are
 * listed in priority order (requests by Prioritet, then the reductions), as the
 * finance officer's running "what is left" needs; the engine reads the same order.
 */
function peerModel(n, scenarioCount) {
  const r = random(1000 * n + scenarioCount);
  const pick = (values) => values[Math.floor(r() * values.length)];
  const proposals = Array.from({ length: n }, (_, i) => {
    const request = r() < 0.4;
    const benefit = i % BENEFITS.length;
    const staffed = r() < 0.1;
    const volume = r() < 0.3;
    return {
      nr: `F-${i + 1}`,
      kind: request ? 'Udvidelse' : 'Reduktion',
      benefit,
      priority: request ? 1 + Math.floor(r() * 20) : null,
      udgift: YEARS.map(() => Math.round(request ? r() * 2_000_000 : -r() * 1_000_000)),
      investering: YEARS.map(() => (r() < 0.2 ? Math.round(r() * 300_000) : 0)),
      refusionShare: r() < 0.4 ? pick([0.5, 2 / 3, 1]) : null,
      // The row's base volume: the benefit's, as counted when the row was written (± 10 %).
      fullTimePersons: volume ? Math.round(BASE_VOLUME[benefit] * (0.9 + r() * 0.2)) : null,
      staffing: staffed ? { cases: 300 + Math.floor(r() * 300), currentStaff: Math.floor(r() * 10), staffPrice: 420_000 } : null,
      order: i,
    };
  });
  // Priority order, ties by position: the engine's order (src/model/allocation.ts inPriorityOrder).
  proposals.sort((a, b) => (a.priority ?? Infinity) - (b.priority ?? Infinity) || a.order - b.order);
  const scenarios = Array.from({ length: scenarioCount }, (_, k) => ({
    name: k === 0 ? 'Basis' : `Scenarie ${k + 1}`,
    pool: YEARS.map(() => Math.round(n * (50_000 + r() * 150_000))),
    caseload: 38 + Math.floor(r() * 15),
    refusion: BENEFITS.map(() => Math.round((0.2 + r() * 0.6) * 100) / 100),
    fullTimePersons: BASE_VOLUME.map((v) => Math.round(v * (0.85 + r() * 0.3))),
  }));
  return { years: YEARS, benefits: BENEFITS, proposals, scenarios };
}

const PROPOSAL_HEADER = [
  'Nr',
  'Titel',
  'Art',
  'Ydelse',
  'Prioritet',
  ...YEARS.map((y) => `Udgift ${y}`),
  ...YEARS.map((y) => `Investering ${y}`),
  'Refusionsandel',
  'Fuldtidspersoner',
  'Sager',
  'Nuværende årsværk',
  'Årsværkspris',
];

function proposalRow(p) {
  return [
    p.nr,
    `Forslag ${p.nr}`,
    p.kind,
    BENEFITS[p.benefit],
    p.priority,
    ...p.udgift,
    ...p.investering,
    p.refusionShare,
    p.fullTimePersons,
    p.staffing ? p.staffing.cases : null,
    p.staffing ? p.staffing.currentStaff : null,
    p.staffing ? p.staffing.staffPrice : null,
  ];
}

/** Rows of the `Scenarier` sheet (0-based), shared by both layouts. */
const ROW = {
  pool: (t) => 1 + t,
  caseload: 1 + YEARS.length,
  refusion: (b) => 2 + YEARS.length + b,
  fullTimePersons: (b) => 2 + YEARS.length + BENEFITS.length + b,
};

function scenarioRows(model) {
  const { scenarios } = model;
  return [
    ['Parameter', ...scenarios.map((s) => s.name)],
    ...YEARS.map((y, t) => [`Råderum ${y}`, ...scenarios.map((s) => s.pool[t])]),
    ['Caseload', ...scenarios.map((s) => s.caseload)],
    ...BENEFITS.map((b, i) => [`Refusion ${b}`, ...scenarios.map((s) => s.refusion[i])]),
    ...BENEFITS.map((b, i) => [`Fuldtidspersoner ${b}`, ...scenarios.map((s) => s.fullTimePersons[i])]),
    ['Fordeling', ...scenarios.map(() => 'Prioritet')],
  ];
}

/** The grids the product reads (SheetCells of src/workbook/grid.ts). */
function engineSheets(model) {
  const sheet = (name, values) => ({ name, origin: { row: 0, column: 0 }, values, tables: [] });
  return [sheet('Forslag', [PROPOSAL_HEADER, ...model.proposals.map(proposalRow)]), sheet('Scenarier', scenarioRows(model))];
}

/** Column letters of a 0-based column (0 → A, 26 → AA). */
function letters(column) {
  let s = '';
  for (let c = column + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

// Columns of the finance officer's sheets (0-based).
const F = {
  kind: 2,
  udgift: (t) => 5 + t,
  investering: (t) => 5 + YEARS.length + t,
  refusionShare: 5 + 2 * YEARS.length,
  fullTimePersons: 6 + 2 * YEARS.length,
  cases: 7 + 2 * YEARS.length,
  currentStaff: 8 + 2 * YEARS.length,
  staffPrice: 9 + 2 * YEARS.length,
  /** A helper column: the benefit's position in the Ydelser list (MATCH), for INDEX into the scenario rows. */
  benefitNo: 10 + 2 * YEARS.length,
};
const Y = YEARS.length;
/**
 * A scenario's calculation sheet: the benefit's refusion rate, the staffing cost, then per year Udgift in the
 * scenario, netto, netto of the rounded leaves, and after the request column what is left.
 */
const S = {
  rate: 0,
  staffing: 1,
  udgift: (t) => 2 + t,
  netto: (t) => 2 + Y + t,
  shown: (t) => 2 + 2 * Y + t,
  funded: 2 + 3 * Y,
  left: (t) => 3 + 3 * Y + t,
};
/** The Totaler sheet: one row per scenario, four years of each figure. */
const TOTALS = [
  'totalNetto',
  'available',
  'funded',
  'remaining',
  'availableExact',
  'totalNettoExact',
  'fundedExact',
  'remainingExact',
];
const T = Object.fromEntries(TOTALS.map((name, i) => [name, (t) => 1 + i * Y + t]));

/**
 * The finance officer's workbook as HyperFormula sheets: the inputs as values,
 * everything else as formulas. Netto per year is rule 1 (Udgift × the scenario's
 * fuldtidspersoner / the row's), rule 2 (refusion −Udgift × share × rate), rule 4
 * ((Sager / caseload − Nuværende årsværk) × Årsværkspris) and rule 5 (the sum);
 * the shown netto rounds each leaf (Udgift, Indtægt, Investering) as rule 6 does.
 * The råderum runs down the rows: a request is funded when its netto fits in
 * what is left in every year (rule 6a's tolerance), and what is left goes down by it.
 */
function hyperformulaSheets(model, { plainRound = false } = {}) {
  const n = model.proposals.length;
  const round = plainRound ? (x) => `ROUND(${x},0)` : roundLeaf;
  const first = 2;
  const last = n + 1;
  const col = (c) => letters(c);
  const forslag = [
    [...PROPOSAL_HEADER, 'Ydelse nr'],
    ...model.proposals.map((p, i) => [...proposalRow(p), `=MATCH(D${i + first},Ydelser!$A$1:$A$${BENEFITS.length},0)`]),
  ];
  const sheets = {
    Forslag: forslag,
    Ydelser: BENEFITS.map((b) => [b]),
    Scenarier: scenarioRows(model),
    Totaler: [['Scenarie', ...TOTALS.flatMap((name) => YEARS.map((y) => `${name} ${y}`))]],
  };
  const fc = (c, r) => `Forslag!$${col(c)}${r}`;
  model.scenarios.forEach((s, k) => {
    const name = `S${k + 1}`;
    const sc = col(1 + k); // the scenario's column on Scenarier
    const param = (row) => `Scenarier!$${sc}$${row + 1}`;
    const paramRange = (row, count) => `Scenarier!$${sc}$${row + 1}:$${sc}$${row + count}`;
    const totalsRow = k + 2;
    // Row 1: the capacity the chain starts from (what is available, never below 0).
    const start = new Array(S.left(Y - 1) + 1).fill(null);
    YEARS.forEach((_, t) => (start[S.left(t)] = `=MAX(Totaler!${col(T.availableExact(t))}${totalsRow},0)`));
    const rows = [start];
    for (let r = first; r <= last; r++) {
      const row = [];
      const rate = `$${col(S.rate)}${r}`;
      const cost = `$${col(S.staffing)}${r}`;
      row[S.rate] = `=INDEX(${paramRange(ROW.refusion(0), BENEFITS.length)},${fc(F.benefitNo, r)})`;
      row[S.staffing] =
        `=IF(${fc(F.cases, r)}="",0,(${fc(F.cases, r)}/${param(ROW.caseload)}-${fc(F.currentStaff, r)})*${fc(F.staffPrice, r)})`;
      // The engine's own order of operations (src/model/rules.ts), so both compute the same doubles.
      YEARS.forEach((_, t) => {
        const u = `${col(S.udgift(t))}${r}`;
        const volume = `INDEX(${paramRange(ROW.fullTimePersons(0), BENEFITS.length)},${fc(F.benefitNo, r)})`;
        row[S.udgift(t)] =
          `=IF(${fc(F.fullTimePersons, r)}>0,${fc(F.udgift(t), r)}*${volume}/${fc(F.fullTimePersons, r)},${fc(F.udgift(t), r)})`;
        const refusion = `-${u}*${fc(F.refusionShare, r)}*${rate}`;
        const investering = `(${fc(F.investering(t), r)}+${cost})`;
        row[S.netto(t)] = `=${u}+(${refusion})+${investering}`;
        row[S.shown(t)] = `=${[u, refusion, investering].map(round).join('+')}`;
      });
      const fits = YEARS.map((_, t) => `${col(S.netto(t))}${r}<=${col(S.left(t))}${r - 1}+${TOLERANCE}`);
      row[S.funded] = `=IF(AND(${fc(F.kind, r)}="Udvidelse",${fits.join(',')}),1,0)`;
      YEARS.forEach((_, t) => (row[S.left(t)] = `=${col(S.left(t))}${r - 1}-$${col(S.funded)}${r}*${col(S.netto(t))}${r}`));
      rows.push(row);
    }
    sheets[name] = rows;

    const range = (c) => `${name}!$${col(c)}$${first}:$${col(c)}$${last}`;
    const reductions = (c) => `SUMIF(Forslag!$${col(F.kind)}$${first}:$${col(F.kind)}$${last},"Reduktion",${range(c)})`;
    const funded = (c) => `SUMIF(${range(S.funded)},1,${range(c)})`;
    const totals = [s.name];
    const at = (key, t) => `${col(T[key](t))}${totalsRow}`;
    YEARS.forEach((_, t) => {
      totals[T.totalNetto(t)] = `=SUM(${range(S.shown(t))})`;
      totals[T.available(t)] = `=ROUND(${param(ROW.pool(t))},0)-${reductions(S.shown(t))}`;
      totals[T.funded(t)] = `=${funded(S.shown(t))}`;
      totals[T.remaining(t)] = `=${at('available', t)}-${at('funded', t)}`;
      totals[T.availableExact(t)] = `=${param(ROW.pool(t))}-${reductions(S.netto(t))}`;
      totals[T.totalNettoExact(t)] = `=SUM(${range(S.netto(t))})`;
      totals[T.fundedExact(t)] = `=${funded(S.netto(t))}`;
      totals[T.remainingExact(t)] = `=${at('availableExact', t)}-${at('fundedExact', t)}`;
    });
    sheets.Totaler.push(totals);
  });
  return sheets;
}

/**
 * Rule 6a's rounding of a leaf in a formula: half away from zero, a half decided with the absolute
 * tolerance. HyperFormula's ROUND rounds the binary double as it is, so a half that binary arithmetic
 * leaves a hair below (888.725 × ⅔ × 51 % = −302.166,49999999994 for −302.166,5) goes down, where
 * the engine (and Excel's ROUND, which works to 15 significant digits) round it up: `plainRound` shows it.
 */
const roundLeaf = (x) => `ROUND((${x})+SIGN(${x})*${TOLERANCE},0)`;

const HYPERFORMULA_CONFIG = { licenseKey: 'gpl-v3' };

function buildHyperformula(HyperFormula, model, options) {
  return HyperFormula.buildFromSheets(hyperformulaSheets(model, options), HYPERFORMULA_CONFIG);
}

/** Rule 6's rounding: half away from zero to whole kroner. */
const roundKroner = (v) => (v < 0 ? -Math.round(-v) : Math.round(v)) + 0;

const FIGURES = ['totalNetto', 'available', 'funded', 'remaining'];

/**
 * The totals as the finance officer's workbook shows them, per scenario and year,
 * rounded half away from zero to whole kroner; `exact` rounds the unrounded sums
 * instead (a workbook that does not round its leaves).
 */
function hyperformulaTotals(hf, model, exact = false) {
  const values = hf.getSheetValues(hf.getSheetId('Totaler'));
  return model.scenarios.map((s, k) =>
    Object.fromEntries(
      FIGURES.map((key) => [key, YEARS.map((_, t) => roundKroner(values[k + 1][T[exact ? `${key}Exact` : key](t)]))]),
    ),
  );
}

/** The same totals from the engine's rounded figures (bookFigures(evaluation, 1)). */
function engineTotals(figures) {
  return figures.scenarios.map((s) => Object.fromEntries(FIGURES.map((key) => [key, [...s[key]]])));
}

/** Every figure that differs, as `scenario figure year: engine ≠ HyperFormula`. */
function differences(model, engine, peer) {
  const found = [];
  model.scenarios.forEach((s, k) =>
    FIGURES.forEach((key) =>
      YEARS.forEach((y, t) => {
        if (engine[k][key][t] !== peer[k][key][t])
          found.push(`${s.name} ${key} ${y}: engine ${engine[k][key][t]} ≠ HyperFormula ${peer[k][key][t]}`);
      }),
    ),
  );
  return found;
}

/**
 * One changed parameter of each kind, toggled between its value in the model and
 * another, in the second scenario (or the proposal in the middle of the requests).
 * `cell`: where the finance officer types it; `change(book, value)`: a new Book with
 * the one Scenario or Proposal replaced by a new object, everything else the same objects.
 */
function parameterChanges(model) {
  const k = Math.min(1, model.scenarios.length - 1);
  const s = model.scenarios[k];
  const requests = model.proposals.filter((p) => p.kind === 'Udvidelse');
  const p = requests[Math.floor(requests.length / 2)];
  const i = model.proposals.indexOf(p);
  const replaceScenario = (book, make) => ({
    ...book,
    scenarios: book.scenarios.map((x, j) => (j === k ? make(x) : x)),
  });
  return [
    {
      parameter: 'refusion rate',
      cell: { sheet: 'Scenarier', row: ROW.refusion(0), col: 1 + k },
      values: [s.refusion[0], Math.round((s.refusion[0] - 0.05) * 100) / 100],
      // The benefit's key as the reader normalised it: the first Refusion row's.
      change: (book, value) =>
        replaceScenario(book, (x) => {
          const key = Object.keys(x.refusionByBenefit)[0];
          return { ...x, refusionByBenefit: { ...x.refusionByBenefit, [key]: { rate: value } } };
        }),
    },
    {
      parameter: 'caseload',
      cell: { sheet: 'Scenarier', row: ROW.caseload, col: 1 + k },
      values: [s.caseload, s.caseload - 5],
      change: (book, value) => replaceScenario(book, (x) => ({ ...x, caseload: value })),
    },
    {
      parameter: 'Udgift',
      cell: { sheet: 'Forslag', row: 1 + i, col: F.udgift(0) },
      values: [p.udgift[0], p.udgift[0] + 250_000],
      change: (book, value) => ({
        ...book,
        proposals: book.proposals.map((x, j) => (j === i ? { ...x, udgift: [value, ...x.udgift.slice(1)] } : x)),
      }),
    },
    {
      parameter: 'pool',
      cell: { sheet: 'Scenarier', row: ROW.pool(0), col: 1 + k },
      values: [s.pool[0], s.pool[0] - Math.round(model.proposals.length * 20_000)],
      change: (book, value) => replaceScenario(book, (x) => ({ ...x, pool: [value, ...x.pool.slice(1)] })),
    },
  ];
}

/** Sets one input cell in HyperFormula (it recalculates what depends on it) and reads the totals. */
function changeHyperformula(hf, model, change, value) {
  const { sheet, row, col } = change.cell;
  hf.setCellContents({ sheet: hf.getSheetId(sheet), row, col }, value);
  return hyperformulaTotals(hf, model);
}

/**
 * The engine's run on the changed Book, incremental where the engine supports it
 * (`previous`): evaluate and the rounded figures, then the totals.
 */
function changeEngine(engine, state, change, value) {
  const book = change.change(state.book, value);
  const evaluation = engine.evaluate(book, { previous: state.evaluation });
  const figures = engine.bookFigures(evaluation, 1, { previous: state.figures });
  return { book, evaluation, figures, totals: engineTotals(figures) };
}

/** The engine's full run from a Book: evaluate + the rounded figures. */
function runEngine(engine, book) {
  const evaluation = engine.evaluate(book);
  const figures = engine.bookFigures(evaluation, 1);
  return { book, evaluation, figures, totals: engineTotals(figures) };
}

/** The model's Book as the product reads it, or an error naming the first problems. */
function readModel(engine, model) {
  const read = engine.readBook(engineSheets(model));
  if (!read.book) throw new Error(`peer model: the reader found problems: ${JSON.stringify(read.issues.slice(0, 3))}`);
  return read.book;
}

module.exports = {
  YEARS,
  BENEFITS,
  FIGURES,
  peerModel,
  engineSheets,
  hyperformulaSheets,
  buildHyperformula,
  hyperformulaTotals,
  engineTotals,
  differences,
  parameterChanges,
  changeHyperformula,
  changeEngine,
  runEngine,
  readModel,
  roundKroner,
  roundLeaf,
  HYPERFORMULA_CONFIG,
};
