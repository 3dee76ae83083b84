import type { CellPlace } from './types';

/**
 * A problem stops the run; a warning does not. Errors are values with places,
 * formatted into Danish or English only at the edge (see messages.ts).
 *
 * The catalogue below is every issue the product reports, with the parameters
 * its message shows: `problem('caseloadMissing', { scenario, nr, benefit })`
 * with a mistyped code, a missing parameter or an unknown one fails the type
 * check, and so does a code without a Danish or English text.
 */
export interface ProblemParams {
  // A cell's value (its text as typed).
  notNumber: { text: string };
  cellError: { text: string };
  formulaWithoutValue: { text: string };
  textCellError: { text: string };
  shareRange: { text: string };
  negative: { text: string };
  notPositive: { text: string };
  caseloadNotPositive: { text: string };
  numberTooLarge: { text: string };
  unknownKind: { text: string };
  unknownMode: { text: string };
  unknownUnit: { text: string };
  unitPerScenario: { text: string };
  unknownLanguage: { text: string };
  languagePerScenario: { text: string };

  // Sheets.
  sheetTooLarge: { sheet: string; rows: number; columns: number; last: string };
  outputSheetNotOurs: { sheet: string };
  tooManyRows: { sheet: string; rows: number; max: number };
  tooManyColumns: { sheet: string; columns: number; max: number };
  /** A warning: Beregning would pass Excel's rows and is written as a note only. */
  calculationTooLarge: { sheet: string; max: number };
  /** A sheet named like the run log (Kørsler) without the mark: a user's own, never appended to. */
  runLogNotOurs: { sheet: string };

  // The Scenarier sheet.
  scenarioSheetMissing: { sheet: string };
  parameterHeaderMissing: { sheet: string };
  noScenarios: { sheet: string };
  scenarioNameTwice: { name: string };
  scenarioColumnUnnamed: { cell: string };
  scenarioCellsIgnored: { count: number };
  unknownParameter: { parameter: string };
  parameterTwice: { parameter: string };
  unknownBenefit: { parameter: string; benefits: string };
  rateAndStaircase: { scenario: string; benefit: string };
  staircaseIncomplete: { scenario: string; benefit: string };
  staircaseSum: { scenario: string; benefit: string; sum: number };
  poolYearOutside: { year: number; years: string };
  unknownNr: { nr: string };

  // Proposal lists.
  noProposalLists: Record<string, never>;
  tooManyProposals: { count: number; max: number };
  listHeaderNearMiss: { header: string; amount: string; found: string };
  listHeaderMissing: { header: string; amount: string };
  listEmpty: { table: string };
  headerTwice: { header: string };
  unknownYearHeader: { header: string };
  noAmountColumns: Record<string, never>;
  yearsNotConsecutive: { years: string };
  yearsDiffer: { years: string; expected: string };
  nrMissing: Record<string, never>;
  titleMissing: Record<string, never>;
  nrTwice: { nr: string; first: string };
  splitMismatch: { year: number; udgift: number; split: number };
  staffingIncomplete: { missing: string };
  /** A totals row under (or inside) a list, left out; `text` is its label (`I alt Faxe`), '' for a row of sums without one. */
  totalsRowSkipped: { text: string };
  /** Variants (issue 13): `Alternativ til` names no proposal. */
  alternativeUnknown: { nr: string; main: string };
  /** `Alternativ til` names the row's own Nr. */
  alternativeToItself: { nr: string };
  /** `Alternativ til` names a variant (`mainOf` is what that one is an alternative to): groups have one main request. */
  alternativeToVariant: { nr: string; main: string; mainOf: string };
  /** A variant, or a main request, is a reduction: only udvidelser ask for råderum. */
  variantIsReduction: { nr: string; main: string };
  mainIsReduction: { nr: string };
  /** A warning: a scenario leaves a main request out but not its variants. */
  mainExcluded: { scenario: string; nr: string; variants: string };

  // The calculation.
  caseloadMissing: { scenario: string; nr: string; benefit: string };
  refusionRateMissing: { scenario: string; nr: string; benefit: string };
  refusionAndIndtaegt: { nr: string };
  bestFillTooMany: { scenario: string; count: number; max: number };
  poolMissing: { scenario: string; years: string };
  amountTooLarge: { scenario: string; nr: string; year: number; max: number };
  totalTooLarge: { scenario: string; year: number; max: number };
}

export type ProblemCode = keyof ProblemParams;

export type ParamValue = string | number;

/** The codes whose only parameter is the cell's text: what a cell parser gives as its reason. */
export type TextCode = {
  [C in ProblemCode]: ProblemParams[C] extends { text: string } ? ({ text: string } extends ProblemParams[C] ? C : never) : never;
}[ProblemCode];

export type Severity = 'problem' | 'warning';

/** One issue of a given code. */
export interface IssueOf<C extends ProblemCode> {
  severity: Severity;
  code: C;
  place?: CellPlace;
  /**
   * The code's parameters. Any issue's parameters can also be read by name (a name its code does not
   * have reads as undefined), so a list of mixed issues can be inspected without narrowing first.
   */
  params: ProblemParams[C] & { readonly [name: string]: ParamValue | undefined };
}

/** Any issue: narrow on `code` to get its parameters' types. */
export type Issue = { [C in ProblemCode]: IssueOf<C> }[ProblemCode];

function issue<C extends ProblemCode>(
  severity: Severity,
  code: C,
  params: NoInfer<ProblemParams[C]>,
  place?: CellPlace,
): IssueOf<C> {
  return { severity, code, params: params as IssueOf<C>['params'], place };
}

export function problem<C extends ProblemCode>(code: C, params: NoInfer<ProblemParams[C]>, place?: CellPlace): IssueOf<C> {
  return issue('problem', code, params, place);
}

export function warning<C extends ProblemCode>(code: C, params: NoInfer<ProblemParams[C]>, place?: CellPlace): IssueOf<C> {
  return issue('warning', code, params, place);
}

export const hasProblems = (issues: readonly Issue[]): boolean => issues.some((i) => i.severity === 'problem');
