/**
 * From a read workbook to the sensitivity sweep and break-even answers
 * (issue 13.3, 13.4), and their rows for the command line's CSV and JSON and
 * the pane's table: amounts in the workbook's unit, as its sheets show them.
 */
import {
  breakEvenCaseload,
  breakEvenFullTimePersons,
  poolToFundPriority,
  roundedUpTo,
  type BreakEvenRefusal,
  type CaseloadBreakEven,
  type FullTimePersonsBreakEven,
  type PoolNeeded,
  type Root,
} from '../model/break-even';
import { inUnit } from '../model/figures';
import { hasProblems, type Issue } from '../model/problems';
import { fromPoints, rateIn, sweep, sweepValues, toPoints, type Sweep, type SweepParameter } from '../model/sensitivity';
import type { Book, CellPlace } from '../model/types';
import { cellAddress, type SheetCells } from './grid';
import type { Language } from './messages';
import { readBook } from './read';
import { matchKey } from './text';
import { UNITS, type Unit } from './units';

/** A sweep asked for: the parameter, and its values from `from` to `to` by `step` (caseloads, or refusion points). */
export interface SweepQuestion {
  /** Default: the first scenario (the base). */
  scenario?: string;
  /** The benefit as typed (any case): matched as the workbook's Ydelse column is. */
  parameter: SweepParameter;
  /** Caseload: caseloads. Refusion: percentage points (−10 … 10), not fractions. */
  from: number;
  to: number;
  step: number;
}

export interface SweepAnswer {
  unit: Unit;
  years: number[];
  sweep: Sweep;
  /** One row per point and year, in the workbook's unit (points out of range have none). */
  rows: SweepRow[];
  /** The benefit as the workbook writes it (for headers). */
  benefitName?: string;
}

/** A point and year as the table shows it: amounts in the workbook's unit (rounded to it). */
export interface SweepRow {
  /** Caseload, or the refusion shift in percentage points. */
  value: number;
  /** Refusion: the rate at the point, in percent. */
  ratePercent?: number;
  year: number;
  totalNetto: number;
  effect: number;
  remaining: number;
}

export type BreakEvenQuestion = { scenario?: string; nr: string } | { scenario?: string; fundToPriority: number };

export type BreakEvenAnswer =
  | {
      kind: 'proposal';
      unit: Unit;
      nr: string;
      /** The proposal's Ydelse as the workbook writes it. */
      benefitName?: string;
      scenario: string;
      caseload?: CaseloadBreakEven;
      fullTimePersons?: FullTimePersonsBreakEven;
      /** Why a question was not answered (a proposal without Sager has no break-even caseload, say). */
      refusals: BreakEvenRefusal[];
    }
  | {
      kind: 'pool';
      unit: Unit;
      pool: PoolNeeded;
      /** Per year, in the unit, rounded up to its step (so it funds). */
      poolInUnit: number[];
    };

/** Either the answer, or why not: the workbook's problems (sheet and cell named), or a refusal of the question. */
export type Outcome<T> =
  { ok: true; answer: T; issues: Issue[] } | { ok: false; issues: Issue[]; refusal?: BreakEvenRefusal; place?: CellPlace };

type Read = { ok: true; book: Book; unit: Unit; names: Map<string, string>; issues: Issue[] } | { ok: false; issues: Issue[] };

function readOf(sheets: readonly SheetCells[]): Read {
  const read = readBook(sheets);
  if (!read.book || hasProblems(read.issues)) return { ok: false, issues: read.issues };
  return { ok: true, book: read.book, unit: read.unit, names: read.benefitNames, issues: read.issues };
}

function scenarioOf(book: Book, name: string | undefined) {
  return name === undefined ? book.scenarios[0] : book.scenarios.find((s) => s.name === name);
}

export function sweepWorkbook(sheets: readonly SheetCells[], question: SweepQuestion): Outcome<SweepAnswer> {
  const read = readOf(sheets);
  if (!read.ok) return read;
  const { book, unit, issues } = read;
  const scenario = scenarioOf(book, question.scenario);
  if (!scenario) return { ok: false, issues, refusal: { reason: 'unknownScenario', scenario: question.scenario ?? '' } };
  let parameter = question.parameter;
  let benefitName: string | undefined;
  if (parameter.benefit !== undefined) {
    const key = matchKey(parameter.benefit);
    benefitName = read.names.get(key);
    if (benefitName === undefined)
      return { ok: false, issues, refusal: { reason: 'unknownBenefit', benefit: parameter.benefit } };
    parameter = { ...parameter, benefit: key };
    if (parameter.kind === 'refusion' && rateIn(scenario, key) === undefined)
      return {
        ok: false,
        issues,
        refusal: { reason: 'noScenarioRate', scenario: scenario.name, benefit: benefitName },
        place: scenario.place,
      };
  }
  const refusion = parameter.kind === 'refusion';
  const grid = sweepValues(question.from, question.to, question.step);
  const values = refusion ? grid.map(fromPoints) : grid;
  const { kroner, roundingStep } = UNITS[unit];
  const result = sweep(book, scenario.name, parameter, values, { step: roundingStep });
  if (hasProblems(result.issues)) return { ok: false, issues: [...issues, ...result.issues] };
  const rows: SweepRow[] = [];
  for (const point of result.points) {
    if (point.outOfRange) continue;
    const [netto, effect, remaining] = [point.totalNetto, point.effect, point.remaining].map((v) => inUnit(v, kroner));
    book.years.forEach((year, t) =>
      rows.push({
        value: refusion ? toPoints(point.value) : point.value,
        ...(refusion && point.rate !== undefined ? { ratePercent: toPoints(point.rate) } : {}),
        year,
        totalNetto: netto[t],
        effect: effect[t],
        remaining: remaining[t],
      }),
    );
  }
  return { ok: true, issues, answer: { unit, years: book.years, sweep: result, rows, benefitName } };
}

export function breakEvenWorkbook(sheets: readonly SheetCells[], question: BreakEvenQuestion): Outcome<BreakEvenAnswer> {
  const read = readOf(sheets);
  if (!read.ok) return read;
  const { book, unit, issues } = read;
  const scenario = scenarioOf(book, question.scenario);
  if (!scenario) return { ok: false, issues, refusal: { reason: 'unknownScenario', scenario: question.scenario ?? '' } };
  if ('fundToPriority' in question) {
    const answer = poolToFundPriority(book, scenario.name, question.fundToPriority);
    if (!answer.ok) return { ok: false, issues, refusal: answer.refusal, place: scenario.place };
    const { roundingStep } = UNITS[unit];
    // Rounded up to the unit's step: a pool typed in the unit at that figure funds the requests.
    const poolInUnit = inUnit(
      answer.value.pool.map((p) => roundedUpTo(p, roundingStep)),
      UNITS[unit].kroner,
    );
    return { ok: true, issues, answer: { kind: 'pool', unit, pool: answer.value, poolInUnit } };
  }
  const proposal = book.proposals.find((p) => p.nr === question.nr);
  if (!proposal) return { ok: false, issues, refusal: { reason: 'unknownNr', nr: question.nr } };
  const caseload = breakEvenCaseload(book, scenario.name, proposal.nr);
  const persons = breakEvenFullTimePersons(book, scenario.name, proposal.nr);
  const refusals = [caseload, persons].flatMap((a) => (a.ok ? [] : [a.refusal]));
  // A question about a proposal that neither rule moves is refused (at the proposal's row).
  if (!caseload.ok && !persons.ok) return { ok: false, issues, refusal: caseload.refusal, place: proposal.places.row };
  return {
    ok: true,
    issues,
    answer: {
      kind: 'proposal',
      unit,
      nr: proposal.nr,
      benefitName: proposal.benefit !== undefined ? read.names.get(proposal.benefit) : undefined,
      scenario: scenario.name,
      caseload: caseload.ok ? caseload.value : undefined,
      fullTimePersons: persons.ok ? persons.value : undefined,
      refusals,
    },
  };
}

/** A refusal as a sentence, in Danish or English, after the cell it concerns when there is one. */
export function refusalText(refusal: BreakEvenRefusal, lang: Language, place?: CellPlace): string {
  const en = lang === 'en';
  const text = ((): string => {
    switch (refusal.reason) {
      case 'unknownScenario':
        return en
          ? `there is no scenario "${refusal.scenario}" on the sheet Scenarier`
          : `der er intet scenarie "${refusal.scenario}" på arket Scenarier`;
      case 'unknownNr':
        return en ? `no proposal has the Nr "${refusal.nr}"` : `intet forslag har Nr "${refusal.nr}"`;
      case 'noStaffing':
        return en
          ? `${refusal.nr} gives no Sager, so the caseload does not move its netto`
          : `${refusal.nr} angiver ingen Sager, så caseloaden ændrer ikke dets netto`;
      case 'noVolume':
        return en
          ? `${refusal.nr} gives no Fuldtidspersoner and Ydelse, so fuldtidspersoner do not move its netto`
          : `${refusal.nr} angiver ikke Fuldtidspersoner og Ydelse, så fuldtidspersoner ændrer ikke dets netto`;
      case 'caseloadMissing':
        return en
          ? `the scenario ${refusal.scenario} gives no caseload for ${refusal.nr}`
          : `scenariet ${refusal.scenario} angiver ingen caseload for ${refusal.nr}`;
      case 'refusionRateMissing':
        return en
          ? `the scenario ${refusal.scenario} gives no refusion rate for ${refusal.nr}'s Ydelse`
          : `scenariet ${refusal.scenario} angiver ingen refusionssats for ydelsen i ${refusal.nr}`;
      case 'bestFill':
        return en
          ? `the scenario ${refusal.scenario} allocates by Bedste udnyttelse, which picks the best set, not an order: the råderum needed down to a priority has no single answer`
          : `scenariet ${refusal.scenario} fordeler efter Bedste udnyttelse, der vælger det bedste sæt, ikke en rækkefølge: råderummet til en given prioritet har intet entydigt svar`;
      case 'noRequests':
        return en
          ? `no request in the scenario ${refusal.scenario} has Prioritet ${refusal.priority}`
          : `ingen ønsker i scenariet ${refusal.scenario} har Prioritet ${refusal.priority}`;
      case 'noScenarioRate':
        return en
          ? `the scenario ${refusal.scenario} gives no Refusion ${refusal.benefit} (a rate or a staircase) to shift`
          : `scenariet ${refusal.scenario} angiver ingen Refusion ${refusal.benefit} (sats eller trappe) at flytte`;
      case 'unknownBenefit':
        return en ? `no proposal has the Ydelse "${refusal.benefit}"` : `intet forslag har Ydelse "${refusal.benefit}"`;
    }
  })();
  return place ? `${cellAddress(place)}: ${text}` : text;
}

/** The sweep as the command line's JSON (docs/sweep-output.schema.json): amounts in the workbook's unit. */
export function sweepJson(answer: SweepAnswer) {
  const { sweep: s } = answer;
  const refusion = s.parameter.kind === 'refusion';
  return {
    scenario: s.scenario,
    parameter: s.parameter.kind,
    ...(answer.benefitName !== undefined ? { benefit: answer.benefitName } : {}),
    unit: answer.unit,
    years: answer.years,
    ...(s.current !== undefined ? { current: refusion ? toPoints(s.current) : s.current } : {}),
    points: s.points.map((p) => {
      const base = { value: refusion ? toPoints(p.value) : p.value };
      if (p.outOfRange) return { ...base, ratePercent: toPoints(p.rate as number), outOfRange: true };
      const { kroner } = UNITS[answer.unit];
      return {
        ...base,
        ...(refusion && p.rate !== undefined ? { ratePercent: toPoints(p.rate) } : {}),
        totalNetto: inUnit(p.totalNetto, kroner),
        effect: inUnit(p.effect, kroner),
        remaining: inUnit(p.remaining, kroner),
      };
    }),
  };
}

/**
 * The sweep as CSV for Danish Excel: semicolon separated, decimal comma, no thousands separator, a header row
 * in the language asked for; amounts in the workbook's unit; one row per point and year. UTF-8 with a byte-order
 * mark and CRLF line ends, so Danish Excel opens it by a double click with æøå and numbers as numbers.
 */
export function sweepCsv(answer: SweepAnswer, lang: Language): string {
  const en = lang === 'en';
  const refusion = answer.sweep.parameter.kind === 'refusion';
  const unit = answer.unit;
  const header = [
    refusion ? (en ? 'Refusion shift (points)' : 'Refusion ændring (point)') : 'Caseload',
    ...(refusion ? [en ? 'Refusion rate (%)' : 'Refusionssats (%)'] : []),
    en ? 'Year' : 'År',
    `${en ? 'Total netto' : 'Netto i alt'} (${unit})`,
    `${en ? 'Budget effect' : 'Budgetvirkning'} (${unit})`,
    `${en ? 'Råderum left' : 'Råderum tilbage'} (${unit})`,
  ];
  const lines = [
    header,
    ...answer.rows.map((r) => [
      danishNumber(r.value),
      ...(refusion ? [danishNumber(r.ratePercent ?? 0)] : []),
      String(r.year),
      danishNumber(r.totalNetto),
      danishNumber(r.effect),
      danishNumber(r.remaining),
    ]),
  ];
  // Excel's CSV: CRLF line ends; a field with ; or " is quoted.
  // A byte-order mark first: without it Excel reads UTF-8 as Windows-1252 (År would show as Ã…r).
  return `${BOM}${lines.map((cells) => cells.map(csvField).join(';')).join('\r\n')}\r\n`;
}

/** UTF-8's byte-order mark, which tells Excel the CSV's encoding. */
export const BOM = '\uFEFF';

const csvField = (text: string): string => (/[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

const ROOT_DIGITS = 3;

function rootText(root: Root, what: 'caseload' | 'persons', lang: Language): string {
  const en = lang === 'en';
  if (root.kind === 'never') return en ? 'never' : 'aldrig';
  if (root.kind === 'always') return en ? 'always' : 'altid';
  const fraction = root.at.fraction ? ` (= ${root.at.fraction.numerator}/${root.at.fraction.denominator})` : '';
  const value = danishNumber(root.at.value, ROOT_DIGITS, en);
  const side =
    what === 'caseload'
      ? root.pays === 'above'
        ? en
          ? 'or higher'
          : 'eller derover'
        : en
          ? 'or lower'
          : 'eller derunder'
      : root.pays === 'above'
        ? en
          ? 'or more'
          : 'eller flere'
        : en
          ? 'or fewer'
          : 'eller færre';
  return `${value}${fraction} ${side}`;
}

function yearsText(
  answer: { years: { year: number; root: Root }[]; sameEveryYear: boolean },
  what: 'caseload' | 'persons',
  lang: Language,
): string[] {
  if (answer.sameEveryYear)
    return [`  ${lang === 'en' ? 'every year' : 'alle år'}: ${rootText(answer.years[0].root, what, lang)}`];
  return answer.years.map((y) => `  ${y.year}: ${rootText(y.root, what, lang)}`);
}

/** A break-even answer as lines of text for a person (Danish or English). */
export function breakEvenText(answer: BreakEvenAnswer, lang: Language): string[] {
  const en = lang === 'en';
  if (answer.kind === 'pool') {
    const { pool } = answer;
    return [
      en
        ? `Råderum needed in ${pool.scenario} to fund Prioritet 1–${pool.priority} (${pool.requests.join(', ')}), in ${answer.unit}:`
        : `Råderum, der skal til i ${pool.scenario} for at finansiere Prioritet 1–${pool.priority} (${pool.requests.join(', ')}), i ${answer.unit}:`,
      en
        ? '  (what the requests need, less what the package’s reductions add to the pool; rounded up to the unit)'
        : '  (det ønskerne kræver, minus det pakkens reduktioner lægger til puljen; rundet op til enheden)',
      ...answer.poolInUnit.map((p, t) =>
        pool.need[t] === 0
          ? `  ${pool.years[t]}: ${en ? 'nothing asked (any pool funds it)' : 'intet ønske (enhver pulje rækker)'}`
          : `  ${pool.years[t]}: ${danishNumber(p, 1, en)}${en ? ' (now ' : ' (nu '}${danishNumber(inUnit([pool.current[t]], UNITS[answer.unit].kroner)[0], 1, en)})`,
      ),
    ];
  }
  const lines: string[] = [];
  if (answer.caseload) {
    const c = answer.caseload;
    lines.push(
      en
        ? `${answer.nr} in ${answer.scenario} pays for its caseworkers (netto ≤ 0) at a caseload${c.current !== undefined ? ` (now ${danishNumber(c.current, ROOT_DIGITS, en)})` : ''} of:`
        : `${answer.nr} i ${answer.scenario} betaler sine medarbejdere hjem (netto ≤ 0) ved en caseload${c.current !== undefined ? ` (nu ${danishNumber(c.current, ROOT_DIGITS, en)})` : ''} på:`,
      ...yearsText(c, 'caseload', lang),
    );
  }
  if (answer.fullTimePersons) {
    const f = answer.fullTimePersons;
    lines.push(
      en
        ? `${answer.nr} in ${answer.scenario} breaks even (netto ≤ 0) at fuldtidspersoner off ${answer.benefitName ?? f.benefit} (the row says ${danishNumber(f.rowVolume, ROOT_DIGITS, en)}, the scenario ${danishNumber(f.current, ROOT_DIGITS, en)}):`
        : `${answer.nr} i ${answer.scenario} hviler i sig selv (netto ≤ 0) ved fuldtidspersoner på ${answer.benefitName ?? f.benefit} (rækken siger ${danishNumber(f.rowVolume, ROOT_DIGITS, en)}, scenariet ${danishNumber(f.current, ROOT_DIGITS, en)}):`,
      ...yearsText(f, 'persons', lang),
    );
  }
  return lines;
}

/** A break-even answer as JSON (amounts of the pool in the workbook's unit and, unrounded, in kroner). */
export function breakEvenJson(answer: BreakEvenAnswer) {
  if (answer.kind === 'pool') return { ...answer.pool, unit: answer.unit, poolInUnit: answer.poolInUnit };
  return {
    nr: answer.nr,
    scenario: answer.scenario,
    ...(answer.caseload ? { caseload: answer.caseload } : {}),
    ...(answer.fullTimePersons ? { fullTimePersons: answer.fullTimePersons } : {}),
    refusals: answer.refusals,
  };
}

/**
 * A number as Danish Excel reads it in a CSV: decimal comma, no thousands separator (1234,5), at most `decimals`
 * decimals (trailing zeros dropped). With `english`, a decimal point.
 */
export function danishNumber(value: number, decimals = 6, english = false): string {
  // toFixed, then trailing zeros dropped: no arithmetic on the figure (it is already rounded where it is an amount).
  let text = value.toFixed(decimals);
  if (text.includes('.')) text = text.replace(/\.?0+$/, '');
  if (text === '-0') text = '0';
  return english ? text : text.replace('.', ',');
}
