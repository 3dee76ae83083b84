/**
 * Why a figure is what it is: a proposal's netto in each scenario, step by
 * step, in words and figures a finance officer can check by hand. The steps
 * are the calculation core's own record (model/scenarios.ts, nettoSteps),
 * put into words here; the pane shows them and the `Beregning` sheet lists
 * them, so the explanation travels with the workbook.
 */
import {
  extraStaff,
  raaderumEffect,
  refusionFraction,
  staircaseParts,
  stepAmounts,
  volumeFactor,
  type RaaderumEffect,
} from '../model/explained-figures';
import { asTyped, bookFigures, type BookFigures, type ProposalFigures, type RequestFigures } from '../model/figures';
import { STAIRCASE_RATES } from '../model/rules';
import { evaluate, nettoSteps, type NettoStep } from '../model/scenarios';
import type { Book, CellPlace, Proposal } from '../model/types';
import { BANDS } from './columns';
import type { SheetCells } from './grid';
import { UNIT_WORDS, type Language } from './messages';
import { inUnit } from './output';
import { readBook, sameSheetName } from './read';
import { matchKey } from './text';
import { UNITS, type Unit } from './units';

/** One step of a proposal's calculation in one scenario. */
export interface ExplainedStep {
  rule: NettoStep['rule'];
  /** The step in words, with the inputs it used, e.g. "Refusion: andel 100 % × sats 50 %". */
  text: string;
  /**
   * The step's amount per year in the workbook's unit, as the sheets round
   * them; the amounts of the parts add up to the netto shown, to the krone.
   * Absent for a step without amounts of its own.
   */
  amounts?: number[];
}

/** A proposal in one scenario. */
export interface ScenarioExplanation {
  scenario: string;
  /** False where the scenario leaves the proposal out (Udelad): its netto counts as 0. */
  included: boolean;
  steps: ExplainedStep[];
  /** Netto per year in the workbook's unit, as Resultat shows it. */
  netto: number[];
  /** Its part in the råderum, in words: a reduction adds to it; a request is funded, partly funded or not (with amounts). */
  status: string;
  /** What the råderum gives a request per year (workbook's unit), as Råderum shows it; absent for a reduction or a proposal left out. */
  funded?: number[];
}

export interface ProposalExplanation {
  nr: string;
  title: string;
  /** The proposal's row (its Nr cell), for showing it in the workbook. */
  place: CellPlace;
  years: number[];
  unit: Unit;
  /** In the workbook's order of scenarios, the base first. */
  scenarios: ScenarioExplanation[];
}

/** Numbers in words as each language writes them; amounts with their sign (minus a saving, plus a cost) and the unit. */
class Numbers {
  private readonly plain: Intl.NumberFormat;
  private readonly signed: Intl.NumberFormat;
  private readonly percent: Intl.NumberFormat;
  private readonly group: string;
  private readonly unitWord: string;
  constructor(
    readonly language: Language,
    unit: Unit,
  ) {
    this.unitWord = UNIT_WORDS[language][unit];
    const locale = language === 'en' ? 'en-GB' : 'da-DK';
    this.group = language === 'en' ? ',' : '.';
    this.plain = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 });
    this.signed = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
    this.percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  }
  number(n: number): string {
    return this.plain.format(n);
  }
  amount(n: number): string {
    // Whole amounts (every unit but mio. kr.) grouped by hand: Beregning writes hundreds of thousands, and Intl is slow.
    if (!Number.isSafeInteger(n)) return this.signed.format(n);
    const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, this.group);
    return n > 0 ? `+${digits}` : n < 0 ? `-${digits}` : '0';
  }
  /** An amount in the workbook's unit, signed, with the unit: `+800.000 kr.`, `0 kr.`. */
  money(n: number): string {
    return `${this.amount(n)} ${this.unitWord}`;
  }
  /** An amount without a sign (a size the words say the direction of), with the unit: `400 t.kr.`. */
  size(n: number): string {
    return `${this.amount(n).replace(/^[+-]/, '')} ${this.unitWord}`;
  }
  /** An input amount as typed in the workbook's unit (all its decimals), with the unit: `400.000 kr.`, `0,45 mio. kr.`. */
  typed(n: number): string {
    return `${this.plain.format(n)} ${this.unitWord}`;
  }
  /** A fraction in percent: 0,3 → `30 %`. */
  share(fraction: number): string {
    // One way in both languages: `30 %`, with an ordinary space.
    return this.percent.format(fraction).replace(/\s*%$/, ' %');
  }
}

/** The words of the explanation, in each language. */
const WORDS = {
  da: {
    udgift: 'Udgift som angivet i rækken',
    udgiftSplit: 'Udgift som angivet i rækken (service + ej service)',
    volume: (benefit: string, scenario: string, row: string, factor: string) =>
      `Skaleret til scenariets fuldtidspersoner for ${benefit}: ${scenario} mod rækkens ${row} (× ${factor}); beløbet er ændringen i Udgift`,
    refusion: (share: string, rate: string, fraction: string) =>
      `Refusion: ${share} af Udgift bærer refusion × sats ${rate} = ${fraction} af Udgift, med modsat fortegn (mindre udgift giver mindre refusion)`,
    rowRate: 'rækkens egen sats',
    scenarioRate: (benefit: string) => `scenariets sats for ${benefit}`,
    staircaseRate: (benefit: string, parts: string) => `effektiv sats fra refusionstrappen for ${benefit}: ${parts}`,
    week: (band: string) => `uge ${band}`,
    indtaegt: 'Indtægt som angivet i rækken',
    investering: 'Investering som angivet i rækken',
    caseload: (caseload: string, benefit: string | undefined) =>
      `Bemanding ved caseload ${caseload}${benefit === undefined ? '' : ` (${benefit})`}`,
    staffing: (cases: string, caseload: string, needed: string, current: string, extra: string, price: string) =>
      `${cases} sager / ${caseload} = ${needed} årsværk − ${current} nuværende = ${extra} årsværk × årsværkspris ${price}`,
    perYear: (amount: string) => `= ${amount} om året (lægges til Investering)`,
    netto: 'Netto = Udgift + Indtægt + Investering',
    leftOut: 'Udeladt i scenariet: indgår ikke i summerne eller i råderummet',
    reduction: {
      grows: (amounts: string) => `Reduktion: øger råderummet med ${amounts}`,
      falls: (amounts: string) => `Reduktion: mindsker råderummet med ${amounts}`,
      none: 'Reduktion: netto 0; ændrer ikke råderummet',
      /** Years that differ in direction, each said on its own; the råderum named in the first. */
      year: (year: number, change: RaaderumEffect['change'], amount: string, first: boolean) =>
        change === 'none'
          ? `${year} ændrer ${first ? 'ikke råderummet' : 'det ikke'}`
          : `${year} ${change === 'grows' ? 'øger' : 'mindsker'} ${first ? 'råderummet' : 'det'} med ${amount}`,
      years: (parts: string) => `Reduktion: ${parts}`,
    },
    funded: (funded: string) => `Bevilget fuldt af råderummet: ${funded}`,
    partial: (funded: string, requested: string) => `Delvist bevilget af råderummet: ${funded} af ønsket ${requested}`,
    unfunded: (requested: string) => `Ikke bevilget: der er ikke plads til ønsket ${requested} i råderummet`,
    noRequest: 'Udvidelse uden ønske til råderummet (netto 0)',
    everyYear: (amount: string) => `${amount} om året`,
  },
  en: {
    udgift: 'Udgift as stated on the row',
    udgiftSplit: 'Udgift as stated on the row (service + non-service)',
    volume: (benefit: string, scenario: string, row: string, factor: string) =>
      `Scaled to the scenario's full-time persons for ${benefit}: ${scenario} against the row's ${row} (× ${factor}); the amount is the change in Udgift`,
    refusion: (share: string, rate: string, fraction: string) =>
      `Refusion: ${share} of Udgift carries refusion × rate ${rate} = ${fraction} of Udgift, with the opposite sign (lower spending brings less refusion)`,
    rowRate: "the row's own rate",
    scenarioRate: (benefit: string) => `the scenario's rate for ${benefit}`,
    staircaseRate: (benefit: string, parts: string) => `effective rate from the refusion staircase for ${benefit}: ${parts}`,
    week: (band: string) => `weeks ${band}`,
    indtaegt: 'Indtægt as stated on the row',
    investering: 'Investering as stated on the row',
    caseload: (caseload: string, benefit: string | undefined) =>
      `Staffing at caseload ${caseload}${benefit === undefined ? '' : ` (${benefit})`}`,
    staffing: (cases: string, caseload: string, needed: string, current: string, extra: string, price: string) =>
      `${cases} cases / ${caseload} = ${needed} full-time staff − ${current} today = ${extra} × staff cost ${price}`,
    perYear: (amount: string) => `= ${amount} a year (added to Investering)`,
    netto: 'Net = Udgift + Indtægt + Investering',
    leftOut: 'Left out of the scenario: not in the sums nor in the råderum',
    reduction: {
      grows: (amounts: string) => `Reduction: increases the råderum by ${amounts}`,
      falls: (amounts: string) => `Reduction: reduces the råderum by ${amounts}`,
      none: 'Reduction: net 0; the råderum does not change',
      year: (year: number, change: RaaderumEffect['change'], amount: string, first: boolean) =>
        change === 'none'
          ? `${year} leaves ${first ? 'the råderum' : 'it'} as it is`
          : `${year} ${change === 'grows' ? 'increases' : 'reduces'} ${first ? 'the råderum' : 'it'} by ${amount}`,
      years: (parts: string) => `Reduction: ${parts}`,
    },
    funded: (funded: string) => `Funded in full from the råderum: ${funded}`,
    partial: (funded: string, requested: string) => `Partly funded from the råderum: ${funded} of the ${requested} requested`,
    unfunded: (requested: string) => `Not funded: the request of ${requested} does not fit in the råderum`,
    noRequest: 'Expansion asking nothing of the råderum (net 0)',
    everyYear: (amount: string) => `${amount} a year`,
  },
} as const;

/** What the explanation needs besides one proposal: the workbook's words and numbers. */
export interface ExplainContext {
  years: readonly number[];
  unit: Unit;
  language: Language;
  /** Benefit keys (as proposals hold them) → the name as typed in the lists. */
  benefitNames?: ReadonlyMap<string, string>;
}

/** Made once per run: the words, the number formats and each scenario's requests by number. */
export class Explainer {
  private readonly n: Numbers;
  private readonly w: (typeof WORDS)[Language];
  private readonly requests: Map<string, RequestFigures>[];
  constructor(
    private readonly book: Book,
    private readonly figures: BookFigures,
    private readonly context: ExplainContext,
  ) {
    this.n = new Numbers(context.language, context.unit);
    this.w = WORDS[context.language];
    this.requests = figures.scenarios.map((s) => new Map(s.requests.map((r) => [r.nr, r])));
  }

  /** The proposal at `index` in the book's order, in every scenario. */
  explain(index: number): ProposalExplanation {
    const p = this.book.proposals[index];
    return {
      nr: p.nr,
      title: p.title,
      place: p.places.row ?? { sheet: '', row: 0, column: 0 },
      years: [...this.context.years],
      unit: this.context.unit,
      scenarios: this.book.scenarios.map((s, k) =>
        this.inScenario(p, nettoSteps(p, s), this.figures.scenarios[k].proposals[index], k),
      ),
    };
  }

  private inUnit(kroner: readonly number[]): number[] {
    return inUnit(kroner, this.context.unit);
  }

  /** Amounts per year in words: one figure where every year has it, else year by year. */
  private amounts(values: readonly number[]): string {
    if (values.every((v) => v === values[0])) return this.w.everyYear(this.n.money(values[0]));
    return values.map((v, t) => `${this.context.years[t]}: ${this.n.money(v)}`).join(', ');
  }

  /** Rule 7 in words: what an included reduction does to the råderum (its netto with the opposite sign). */
  private reduction(netto: readonly number[]): string {
    const { reduction } = this.w;
    const effect = raaderumEffect(netto);
    const changes = new Set(effect.map((e) => e.change));
    if (!changes.has('falls') && !changes.has('grows')) return reduction.none;
    if (!changes.has('falls') || !changes.has('grows')) {
      const sizes = effect.map((e) => e.by);
      const amounts = sizes.every((v) => v === sizes[0])
        ? this.w.everyYear(this.n.size(sizes[0]))
        : sizes.map((v, t) => `${this.context.years[t]}: ${this.n.size(v)}`).join(', ');
      return changes.has('grows') ? reduction.grows(amounts) : reduction.falls(amounts);
    }
    return reduction.years(
      effect.map((e, t) => reduction.year(this.context.years[t], e.change, this.n.size(e.by), t === 0)).join(', '),
    );
  }

  private benefit(key: string | undefined): string {
    if (key === undefined) return '';
    return this.context.benefitNames?.get(key) ?? key;
  }

  private inScenario(p: Proposal, record: NettoStep[], shown: ProposalFigures, k: number): ScenarioExplanation {
    const amounts = stepAmounts(record, shown, this.figures.step);
    const steps: ExplainedStep[] = record.map((step, i) => {
      const own = amounts[i];
      const explained: ExplainedStep = { rule: step.rule, text: this.stepText(p, step, own) };
      if (own !== undefined) explained.amounts = this.inUnit(own);
      return explained;
    });
    const netto = this.inUnit(shown.netto);
    const explanation: ScenarioExplanation = {
      scenario: this.book.scenarios[k].name,
      included: shown.included,
      steps,
      netto,
      status: '',
    };
    if (!shown.included) explanation.status = this.w.leftOut;
    else if (shown.kind === 'Reduktion') explanation.status = this.reduction(netto);
    else {
      const request = this.requests[k].get(p.nr);
      if (request === undefined) explanation.status = this.w.noRequest;
      else {
        const funded = this.inUnit(request.funded);
        const requested = this.amounts(this.inUnit(request.request));
        explanation.funded = funded;
        explanation.status =
          request.status === 'funded'
            ? this.w.funded(this.amounts(funded))
            : request.status === 'partial'
              ? this.w.partial(this.amounts(funded), requested)
              : this.w.unfunded(requested);
      }
    }
    return explanation;
  }

  private stepText(p: Proposal, step: NettoStep, own: readonly number[] | undefined): string {
    const { w, n } = this;
    switch (step.rule) {
      case 'udgift':
        return p.split ? w.udgiftSplit : w.udgift;
      case 'volume':
        return w.volume(
          this.benefit(step.benefit),
          n.number(step.scenarioVolume),
          n.number(step.rowVolume),
          n.number(volumeFactor(step)),
        );
      case 'refusion': {
        const rate =
          step.source === 'row'
            ? `${n.share(step.rate)} (${w.rowRate})`
            : step.source === 'scenario' || step.durationShares === undefined
              ? `${n.share(step.rate)} (${w.scenarioRate(this.benefit(p.benefit))})`
              : `${n.share(step.rate)} (${w.staircaseRate(this.benefit(p.benefit), this.staircase(step.durationShares))})`;
        return w.refusion(n.share(step.share), rate, n.share(refusionFraction(step)));
      }
      case 'indtaegt':
        return w.indtaegt;
      case 'investering':
        return w.investering;
      case 'caseload': {
        const head = w.caseload(
          n.number(step.caseload),
          step.caseloadFor === undefined ? undefined : this.benefit(step.caseloadFor),
        );
        const body = w.staffing(
          n.number(step.cases),
          n.number(step.caseload),
          n.number(step.staffNeeded),
          n.number(step.currentStaff),
          n.number(extraStaff(step)),
          // Årsværkspris is typed in the workbook's unit, like every amount (template: Enhed): shown as typed.
          n.typed(asTyped(step.staffPrice, UNITS[this.context.unit].kroner)),
        );
        const shown = own && this.inUnit(own);
        const perYear = shown && shown.every((v) => v === shown[0]) ? ` ${w.perYear(n.money(shown[0]))}` : '';
        return `${head}: ${body}${perYear}`;
      }
      case 'netto':
        return w.netto;
    }
  }

  /** `10 % (uge 1-4) × 80 % + …` */
  private staircase(shares: readonly [number, number, number, number]): string {
    const { n, w } = this;
    const parts = staircaseParts(shares);
    return (
      shares.map((share, k) => `${n.share(share)} (${w.week(BANDS[k])}) × ${n.share(STAIRCASE_RATES[k])}`).join(' + ') +
      ` (${parts.map((x) => n.share(x)).join(' + ')})`
    );
  }
}

/**
 * A proposal's explanation in every scenario, read from the workbook itself:
 * by its number, or by any cell of its row on its list. Undefined where the
 * workbook has problems (the pane shows those instead) or no proposal matches.
 * `language`: the words' language; else the workbook's `Sprog`, else Danish.
 */
export function explainProposal(
  sheets: readonly SheetCells[],
  which: { nr: string } | { place: CellPlace },
  language?: Language,
): ProposalExplanation | undefined {
  const read = readBook(sheets);
  if (!read.book) return undefined;
  const book = read.book;
  const index = proposalIndex(book, which);
  if (index < 0) return undefined;
  const evaluation = evaluate(book);
  if (evaluation.issues.some((i) => i.severity === 'problem')) return undefined;
  return new Explainer(book, bookFigures(evaluation, UNITS[read.unit].roundingStep), {
    years: read.years,
    unit: read.unit,
    language: language ?? read.language ?? 'da',
    benefitNames: read.benefitNames,
  }).explain(index);
}

function proposalIndex(book: Book, which: { nr: string } | { place: CellPlace }): number {
  if ('nr' in which) {
    const key = matchKey(which.nr);
    return book.proposals.findIndex((p) => matchKey(p.nr) === key);
  }
  const { sheet, row } = which.place;
  return book.proposals.findIndex(
    (p) => p.places.row !== undefined && p.places.row.row === row && sameSheetName(p.places.row.sheet, sheet),
  );
}
