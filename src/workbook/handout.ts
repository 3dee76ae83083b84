/**
 * `Forhandlingsoversigt` ("Udskriv forhandlingsoversigt", issue 13): the sheet handed round at a political
 * meeting. Per scenario, on a printed page of its own: the package (the proposals it counts, their netto per year
 * and the total), its budget effect, and the råderum's allocation (the pool, what is available, what each request
 * is funded, what is left). A4 landscape, one page wide, the title and date at the top of each page and
 * "Side x af y" at the foot. Figures are placed as the engine rounded them, never computed here: the rows of a
 * block add up to its total as the other sheets' do.
 */
import type { FundingStatus } from '../model/allocation';
import type { BookFigures } from '../model/figures';
import type { AllocationMode, Kind } from '../model/types';
import { choiceWord, ENGLISH_CHOICE_WORDS, KIND_CHOICES, MODE_CHOICES, STATUS_CHOICES } from './columns';
import { inUnit, localDate, SheetBuilder, TableNames, type OutputLanguage, type OutputSheet } from './output';
import { OUTPUT_MARK } from './read';
import { UNITS, type Unit } from './units';

export const HANDOUT_SHEET = 'Forhandlingsoversigt';

const WORDS = {
  da: {
    title: 'Forhandlingsoversigt',
    note: (unit: string) =>
      `Pakken, dens budgetvirkning og råderummets fordeling pr. scenarie. Beløb i ${unit}; minus = besparelse/mindreudgift, plus = merudgift. ${OUTPUT_MARK}; arket skrives forfra, når oversigten udskrives.`,
    scenario: (name: string, mode: string) => `Scenarie: ${name} · Fordeling: ${mode}`,
    package: 'Pakken',
    nr: 'Nr',
    kind: 'Art',
    status: 'Status',
    netto: (year: number) => `Netto ${year}`,
    total: (name: string) => `Pakken i alt (${name})`,
    effect: 'Budgetvirkning',
    reductions: 'Reduktioner i pakken (netto)',
    funded: 'Bevilget af råderummet',
    effectTotal: 'Pakkens budgetvirkning',
    raaderum: 'Råderummet',
    pool: 'Råderum (pulje)',
    available: 'Til rådighed (pulje − reduktioner)',
    fundedTotal: 'Bevilget i alt',
    left: 'Tilbage',
    noRequests: 'Ingen ønsker til råderummet.',
    printed: (date: string) => `Udskrevet ${date.split('-').reverse().join('.')}`,
    page: 'Side &P af &N',
  },
  en: {
    title: 'Negotiation summary',
    note: (unit: string) =>
      `The package, its budget effect and the råderum's allocation per scenario. Amounts in ${unit}; minus = saving/lower spending, plus = extra spending. ${OUTPUT_MARK} (written by Råderum); the sheet is rewritten whenever the summary is printed.`,
    scenario: (name: string, mode: string) => `Scenario: ${name} · Allocation: ${mode}`,
    package: 'The package',
    nr: 'No.',
    kind: 'Kind',
    status: 'Status',
    netto: (year: number) => `Net ${year}`,
    total: (name: string) => `Package total (${name})`,
    effect: 'Budget effect',
    reductions: 'Reductions in the package (net)',
    funded: 'Funded from the råderum',
    effectTotal: 'Budget effect of the package',
    raaderum: 'The råderum',
    pool: 'Råderum (pool)',
    available: 'Available (pool − reductions)',
    fundedTotal: 'Funded in total',
    left: 'Left',
    noRequests: 'No requests for the råderum.',
    printed: (date: string) => `Printed ${date}`,
    page: 'Page &P of &N',
  },
} as const;

export interface HandoutOptions {
  language?: OutputLanguage;
  /** The day printed in each page's header (yyyy-mm-dd); today when not given. */
  runDate?: string;
  /** Table names taken (the handout has no tables; kept for SheetBuilder). */
  names?: TableNames;
}

const escapeCodes = (text: string): string => text.replace(/&/g, '&&');

/** The handout of a run's figures (rounded to the unit's step, as every output sheet's). */
export function handoutSheet(figures: BookFigures, unit: Unit, options: HandoutOptions = {}): OutputSheet {
  const language = options.language ?? 'da';
  const w = WORDS[language];
  const word = (value: FundingStatus | AllocationMode | Kind, choices: 'status' | 'mode' | 'kind'): string =>
    language === 'en'
      ? ENGLISH_CHOICE_WORDS[value]
      : choices === 'status'
        ? choiceWord(STATUS_CHOICES, value as FundingStatus)
        : choices === 'mode'
          ? choiceWord(MODE_CHOICES, value as AllocationMode)
          : choiceWord(KIND_CHOICES, value as Kind);
  const { years } = figures;
  const amounts = (kroner: readonly number[]) => inUnit(kroner, unit);
  const b = new SheetBuilder(HANDOUT_SHEET, UNITS[unit].numberFormat, options.names ?? new TableNames([]));
  b.add([w.title], 'title');
  b.add([w.note(unit)]);
  const yearHeader = years.map(w.netto);
  const yearsOnly = years.map(String);
  figures.scenarios.forEach((s, k) => {
    b.blank();
    if (k > 0) b.pageBreak();
    b.add([w.scenario(s.name, word(s.mode, 'mode'))], 'band');
    // The package: what its total counts (each Udvalg's proposals; a variant counts by its main request).
    b.add([w.nr, w.package, w.kind, ...yearHeader], 'header');
    for (const committee of s.committees)
      for (const p of committee.proposals) b.add([p.nr, p.title, word(p.kind, 'kind'), ...amounts(p.netto)]);
    b.add(['', w.total(s.name), null, ...amounts(s.totalNetto)], 'total');
    b.blank();
    b.add(['', w.effect, null, ...yearsOnly], 'header');
    b.add(['', w.reductions, null, ...amounts(s.reductions)]);
    b.add(['', w.funded, null, ...amounts(s.funded)]);
    b.add(['', w.effectTotal, null, ...amounts(s.effect)], 'total');
    b.blank();
    b.add([w.nr, w.raaderum, w.status, ...yearsOnly], 'header');
    b.add(['', w.pool, null, ...amounts(s.pool)]);
    b.add(['', w.reductions, null, ...amounts(s.reductions)]);
    b.add(['', w.available, null, ...amounts(s.available)], 'subtotal');
    if (s.requests.length === 0) b.add(['', w.noRequests]);
    for (const r of s.requests) b.add([r.nr, r.title, word(r.status, 'status'), ...amounts(r.funded)]);
    b.add(['', w.fundedTotal, null, ...amounts(s.funded)], 'subtotal');
    b.add(['', w.left, null, ...amounts(s.remaining)], 'total');
  });
  const sheet = b.build([10, 46, 18], {
    frozen: undefined,
    header: { left: escapeCodes(w.title), center: '', right: escapeCodes(w.printed(options.runDate ?? localDate(new Date()))) },
    footer: { left: '&F', center: '', right: w.page },
  });
  // The title and the note at the top of every printed page.
  return { ...sheet, page: { ...sheet.page!, titleRows: { first: 0, last: 1 } } };
}
