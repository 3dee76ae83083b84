/** The negotiation views' words (allocation, sensitivity, break-even, handout), Danish and English. */
import type { FundingStatus } from '../model/allocation';
import type { AllocationMode } from '../model/types';
import { choiceWord, ENGLISH_CHOICE_WORDS, MODE_CHOICES, STATUS_CHOICES } from '../workbook/columns';
import type { Language } from '../workbook/messages';
import type { PriorityRefusal } from '../workbook/priority-edit';
import type { BreakEvenRefusal } from '../model/break-even';

export interface NegotiationStrings {
  allocationTitle: string;
  printHandout: string;
  scenario: string;
  mode: string;
  modeWord: (mode: AllocationMode) => string;
  /** The mode tried is not the scenario's own. */
  modeTried: (tried: string, own: string) => string;
  status: (status: FundingStatus) => string;
  alternativeFunded: (nr: string) => string;
  priorities: string;
  prioritiesHint: string;
  moveUp: (nr: string) => string;
  moveDown: (nr: string) => string;
  up: string;
  down: string;
  moved: (nr: string, place: number, count: number) => string;
  orderPending: string;
  savePriorities: string;
  undoPriorities: string;
  prioritiesSaved: (cells: number) => string;
  prioritiesRefused: (reason: PriorityRefusal, nr?: string, cell?: string) => string;
  cannotWrite: string;
  saveFailed: (detail: string) => string;
  shareChart: string;
  left: string;
  year: string;
  available: string;
  funded: string;
  remaining: string;
  amountsIn: (unit: string) => string;
  fundedOf: (funded: string, request: string, unit: string, year: number) => string;
  sensitivityTitle: string;
  sweepOf: string;
  table: string;
  sweepScenario: string;
  sweepYear: string;
  caseloadSweep: string;
  refusionSweep: (benefit: string) => string;
  caseload: string;
  refusionPoints: string;
  /** A refusion shift in points, signed (+5 point). */
  points: (signed: string) => string;
  totalNetto: string;
  effect: string;
  raaderumLeft: string;
  current: string;
  outOfRange: string;
  sweepChart: (scenario: string, year: number) => string;
  breakEvenTitle: string;
  proposal: string;
  breakEvenScenario: string;
  noneChosen: string;
  priority: string;
  /** The caseload root of a year (`years` undefined: the same every year). */
  caseloadRoot: (nr: string, at: string, fraction: string | undefined, pays: 'above' | 'below', years?: number) => string;
  caseloadNever: (nr: string, years?: number) => string;
  caseloadAlways: (nr: string, years?: number) => string;
  caseloadNow: (current: string) => string;
  fullTimePersonsRoot: (nr: string, at: string, benefit: string, pays: 'above' | 'below', years?: number) => string;
  fullTimePersonsNow: (current: string, row: string) => string;
  fullTimePersonsNever: (nr: string, years?: number) => string;
  fullTimePersonsAlways: (nr: string, years?: number) => string;
  poolNeeded: (priority: number, requests: number) => string;
  poolYear: (year: number, need: string, now: string, unit: string) => string;
  refused: (reason: string) => string;
  /** Why a break-even question has no answer. */
  refusal: (refusal: BreakEvenRefusal) => string;
}

const DA: NegotiationStrings = {
  allocationTitle: 'Råderummets fordeling',
  printHandout: 'Udskriv forhandlingsoversigt',
  scenario: 'Scenarie at fordele',
  mode: 'Fordel efter',
  modeWord: (mode) => choiceWord(MODE_CHOICES, mode),
  modeTried: (tried, own) => `Vist med fordelingen ${tried}; scenariet bruger ${own}. Intet er skrevet.`,
  status: (status) => choiceWord(STATUS_CHOICES, status),
  alternativeFunded: (nr) => `${nr} bevilget i stedet (samme gruppe af varianter)`,
  priorities: 'Prioriteter',
  prioritiesHint: 'Træk et ønske, eller flyt det med Alt+pil op/ned eller knapperne. Intet skrives før »Gem prioriteter«.',
  moveUp: (nr) => `Flyt ${nr} op`,
  moveDown: (nr) => `Flyt ${nr} ned`,
  up: 'Op',
  down: 'Ned',
  moved: (nr, place, count) => `${nr} flyttet til plads ${place} af ${count}.`,
  orderPending: 'Rækkefølgen er ændret og ikke gemt: tallene viser den nye.',
  savePriorities: 'Gem prioriteter',
  undoPriorities: 'Fortryd rækkefølgen',
  prioritiesSaved: (cells) =>
    cells === 0 ? 'Prioriteterne var allerede sådan.' : `Prioriteterne er gemt (${cells} celler i Prioritet).`,
  prioritiesRefused: (reason, nr, cell) =>
    reason === 'formula'
      ? `Intet er skrevet: Prioritet for ${nr} i ${cell} er en formel, som ikke overskrives. Ret den selv, eller skriv et tal.`
      : reason === 'noPriorityColumn'
        ? `Intet er skrevet: listen med ${nr} (${cell}) har ingen kolonne Prioritet.`
        : reason === 'unknownRequest'
          ? `Intet er skrevet: ${nr} findes ikke længere én gang i listerne. Læs projektmappen igen.`
          : 'Intet er skrevet: projektmappen har problemer. Læs den igen.',
  cannotWrite: 'Denne projektmappe kan ikke skrives fra ruden.',
  saveFailed: (detail) => `Prioriteterne blev ikke gemt: ${detail}`,
  shareChart: 'Andel af råderummet pr. år',
  left: 'Tilbage',
  year: 'År',
  available: 'Til rådighed',
  funded: 'Bevilget',
  remaining: 'Tilbage',
  amountsIn: (unit) => `Beløb i ${unit}`,
  fundedOf: (funded, request, unit, year) => `${funded} af ${request} ${unit} i ${year}`,
  sensitivityTitle: 'Følsomhed',
  sweepOf: 'Varier',
  table: 'Tabel',
  sweepScenario: 'Scenarie at variere',
  sweepYear: 'Vis året',
  caseloadSweep: 'Caseload 40–45 (trin 0,5)',
  refusionSweep: (benefit) => `Refusion ${benefit} ±10 point`,
  caseload: 'Caseload',
  refusionPoints: 'Refusion',
  points: (signed) => `${signed} point`,
  totalNetto: 'Netto i alt',
  effect: 'Budgetvirkning',
  raaderumLeft: 'Råderum tilbage',
  current: 'scenariets',
  outOfRange: 'uden for 0–100 %',
  sweepChart: (scenario, year) => `Følsomhed for ${scenario} i ${year}`,
  breakEvenTitle: 'Hvornår går det i nul?',
  proposal: 'Forslag der skal gå i nul',
  breakEvenScenario: 'Scenarie at regne i',
  noneChosen: '(vælg)',
  priority: 'Råderum til og med prioritet',
  caseloadRoot: (nr, at, fraction, pays, year) =>
    `${year === undefined ? 'I alle år' : `I ${year}`} går ${nr} i nul ved en caseload på ${at} sager pr. årsværk${fraction ? ` (${fraction})` : ''}. ` +
    (pays === 'above'
      ? `Ved en caseload på ${at} eller derover sparer forslaget.`
      : `Ved en caseload på ${at} eller derunder sparer forslaget.`),
  caseloadNever: (nr, year) => `${year === undefined ? 'I alle år' : `I ${year}`} sparer ${nr} ikke ved nogen caseload.`,
  caseloadAlways: (nr, year) => `${year === undefined ? 'I alle år' : `I ${year}`} sparer ${nr} ved enhver caseload.`,
  caseloadNow: (current) => `Scenariet regner med en caseload på ${current}.`,
  fullTimePersonsRoot: (nr, at, benefit, pays, year) =>
    `${year === undefined ? 'I alle år' : `I ${year}`} går ${nr} i nul ved ${at} fuldtidspersoner på ${benefit}; ` +
    (pays === 'below' ? `ved ${at} eller færre sparer forslaget.` : `ved ${at} eller flere sparer forslaget.`),
  fullTimePersonsNow: (current, row) => `Scenariet regner med ${current} fuldtidspersoner (rækken: ${row}).`,
  fullTimePersonsNever: (nr, year) =>
    `${year === undefined ? 'I alle år' : `I ${year}`} sparer ${nr} ikke ved noget antal fuldtidspersoner.`,
  fullTimePersonsAlways: (nr, year) =>
    `${year === undefined ? 'I alle år' : `I ${year}`} sparer ${nr} ved ethvert antal fuldtidspersoner.`,
  poolNeeded: (priority, requests) =>
    `Råderum der skal til for at bevilge de ${requests} ønsker til og med prioritet ${priority} fuldt ud:`,
  poolYear: (year, need, now, unit) => `${year}: ${need} ${unit} (scenariet har ${now} ${unit})`,
  refused: (reason) => `Kan ikke besvares: ${reason}`,
  refusal: (r) =>
    `Kan ikke besvares: ${
      r.reason === 'noStaffing'
        ? `${r.nr} angiver ingen Sager, så caseloaden ændrer ikke dets netto`
        : r.reason === 'noVolume'
          ? `${r.nr} angiver ikke Fuldtidspersoner og Ydelse`
          : r.reason === 'caseloadMissing'
            ? `scenariet ${r.scenario} angiver ingen caseload for ${r.nr}`
            : r.reason === 'refusionRateMissing'
              ? `scenariet ${r.scenario} angiver ingen refusionssats for ${r.nr}`
              : r.reason === 'bestFill'
                ? `scenariet ${r.scenario} fordeler efter Bedste udnyttelse, som vælger et sæt, ikke en rækkefølge`
                : r.reason === 'noRequests'
                  ? `ingen ønsker i ${r.scenario} har Prioritet ${r.priority}`
                  : r.reason
    }.`,
};

const EN: NegotiationStrings = {
  allocationTitle: 'Allocation of the råderum',
  printHandout: 'Print the negotiation summary',
  scenario: 'Scenario to allocate',
  mode: 'Allocate by',
  modeWord: (mode) => ENGLISH_CHOICE_WORDS[mode],
  modeTried: (tried, own) => `Shown allocated by ${tried}; the scenario uses ${own}. Nothing is written.`,
  status: (status) => ENGLISH_CHOICE_WORDS[status],
  alternativeFunded: (nr) => `${nr} funded instead (same group of variants)`,
  priorities: 'Priorities',
  prioritiesHint: 'Drag a request, or move it with Alt+Up/Down or the buttons. Nothing is written before “Save priorities”.',
  moveUp: (nr) => `Move ${nr} up`,
  moveDown: (nr) => `Move ${nr} down`,
  up: 'Up',
  down: 'Down',
  moved: (nr, place, count) => `${nr} moved to place ${place} of ${count}.`,
  orderPending: 'The order is changed and not saved: the figures show the new one.',
  savePriorities: 'Save priorities',
  undoPriorities: 'Undo the order',
  prioritiesSaved: (cells) =>
    cells === 0 ? 'The priorities were already so.' : `The priorities are saved (${cells} Prioritet cells).`,
  prioritiesRefused: (reason, nr, cell) =>
    reason === 'formula'
      ? `Nothing written: the Prioritet of ${nr} in ${cell} is a formula, which is not overwritten. Change it yourself, or type a number.`
      : reason === 'noPriorityColumn'
        ? `Nothing written: the list with ${nr} (${cell}) has no Prioritet column.`
        : reason === 'unknownRequest'
          ? `Nothing written: ${nr} is no longer in the lists once. Read the workbook again.`
          : 'Nothing written: the workbook has problems. Read it again.',
  cannotWrite: 'This workbook cannot be written from the pane.',
  saveFailed: (detail) => `The priorities were not saved: ${detail}`,
  shareChart: 'Share of the råderum per year',
  left: 'Left',
  year: 'Year',
  available: 'Available',
  funded: 'Funded',
  remaining: 'Left',
  amountsIn: (unit) => `Amounts in ${unit}`,
  fundedOf: (funded, request, unit, year) => `${funded} of ${request} ${unit} in ${year}`,
  sensitivityTitle: 'Sensitivity',
  sweepOf: 'Vary',
  table: 'Table',
  sweepScenario: 'Scenario to vary',
  sweepYear: 'Show the year',
  caseloadSweep: 'Caseload 40–45 (step 0.5)',
  refusionSweep: (benefit) => `Refusion ${benefit} ±10 points`,
  caseload: 'Caseload',
  refusionPoints: 'Refusion',
  points: (signed) => `${signed} points`,
  totalNetto: 'Total netto',
  effect: 'Budget effect',
  raaderumLeft: 'Råderum left',
  current: 'the scenario’s',
  outOfRange: 'outside 0–100 %',
  sweepChart: (scenario, year) => `Sensitivity of ${scenario} in ${year}`,
  breakEvenTitle: 'Where does it break even?',
  proposal: 'Proposal to break even',
  breakEvenScenario: 'Scenario to calculate in',
  noneChosen: '(choose)',
  priority: 'Råderum down to priority',
  caseloadRoot: (nr, at, fraction, pays, year) =>
    `${year === undefined ? 'In every year' : `In ${year}`} ${nr} breaks even at a caseload of ${at} cases per caseworker${fraction ? ` (${fraction})` : ''}. ` +
    (pays === 'above'
      ? `At a caseload of ${at} or more the proposal saves.`
      : `At a caseload of ${at} or less the proposal saves.`),
  caseloadNever: (nr, year) => `${year === undefined ? 'In every year' : `In ${year}`} ${nr} saves at no caseload.`,
  caseloadAlways: (nr, year) => `${year === undefined ? 'In every year' : `In ${year}`} ${nr} saves at any caseload.`,
  caseloadNow: (current) => `The scenario assumes a caseload of ${current}.`,
  fullTimePersonsRoot: (nr, at, benefit, pays, year) =>
    `${year === undefined ? 'In every year' : `In ${year}`} ${nr} breaks even at ${at} full-time persons on ${benefit}; ` +
    (pays === 'below' ? `at ${at} or fewer the proposal saves.` : `at ${at} or more the proposal saves.`),
  fullTimePersonsNow: (current, row) => `The scenario assumes ${current} full-time persons (the row: ${row}).`,
  fullTimePersonsNever: (nr, year) =>
    `${year === undefined ? 'In every year' : `In ${year}`} ${nr} saves at no number of full-time persons.`,
  fullTimePersonsAlways: (nr, year) =>
    `${year === undefined ? 'In every year' : `In ${year}`} ${nr} saves at any number of full-time persons.`,
  poolNeeded: (priority, requests) => `Råderum needed to fund the ${requests} requests down to priority ${priority} in full:`,
  poolYear: (year, need, now, unit) => `${year}: ${need} ${unit} (the scenario has ${now} ${unit})`,
  refused: (reason) => `Cannot be answered: ${reason}`,
  refusal: (r) =>
    `Cannot be answered: ${
      r.reason === 'noStaffing'
        ? `${r.nr} gives no Sager, so the caseload does not move its netto`
        : r.reason === 'noVolume'
          ? `${r.nr} gives no Fuldtidspersoner and Ydelse`
          : r.reason === 'caseloadMissing'
            ? `the scenario ${r.scenario} gives no caseload for ${r.nr}`
            : r.reason === 'refusionRateMissing'
              ? `the scenario ${r.scenario} gives no refusion rate for ${r.nr}`
              : r.reason === 'bestFill'
                ? `the scenario ${r.scenario} allocates by Bedste udnyttelse, which picks a set, not an order`
                : r.reason === 'noRequests'
                  ? `no request in ${r.scenario} has Prioritet ${r.priority}`
                  : r.reason
    }.`,
};

export const NEGOTIATION_STRINGS: Record<Language, NegotiationStrings> = { da: DA, en: EN };
