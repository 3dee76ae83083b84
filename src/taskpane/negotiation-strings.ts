/** The negotiation views' words (allocation, sensitivity, break-even, handout), Danish and English. */
import type { FundingStatus } from '../model/allocation';
import type { AllocationMode } from '../model/types';
import { choiceWord, ENGLISH_CHOICE_WORDS, MODE_CHOICES, STATUS_CHOICES } from '../workbook/columns';
import type { Language } from '../workbook/messages';
import type { PriorityRefusal } from '../workbook/priority-edit';

export interface NegotiationStrings {
  allocationTitle: string;
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
}

const DA: NegotiationStrings = {
  allocationTitle: 'Råderummets fordeling',
  scenario: 'Scenarie',
  mode: 'Fordeling',
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
};

const EN: NegotiationStrings = {
  allocationTitle: 'Allocation of the råderum',
  scenario: 'Scenario',
  mode: 'Allocation',
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
};

export const NEGOTIATION_STRINGS: Record<Language, NegotiationStrings> = { da: DA, en: EN };
