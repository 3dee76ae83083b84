/** The task pane's words, Danish first. */
import type { FundingStatus } from '../model/allocation';
import { choiceWord, ENGLISH_CHOICE_WORDS, STATUS_CHOICES } from '../workbook/columns';
import type { HostFailure } from '../workbook/host';
import type { Language } from '../workbook/messages';
import type { Action } from './pane-state';

export interface Strings {
  title: string;
  tagline: string;
  language: string;
  found: string;
  noLists: string;
  /** A proposal list: the proposals read and, when some rows were not, how many. */
  list: (sheet: string, table: string | undefined, count: number, notRead: number) => string;
  years: string;
  unit: string;
  scenarios: string;
  base: string;
  problems: (n: number) => string;
  warnings: (n: number) => string;
  noProblems: string;
  showCell: string;
  calculate: string;
  calculateHint: string;
  insertTemplate: string;
  insertTemplateHint: string;
  reread: string;
  reading: string;
  calculating: string;
  /** Best fill under way in a scenario; `percent` of its search done. */
  calculatingScenario: (scenario: string, percent: number) => string;
  /** The button that stops a calculation under way. */
  stop: string;
  /** After the stop: nothing written. */
  stopped: string;
  /** The workbook changed between each read and write: nothing written. */
  workbookChanging: string;
  writing: (done: number, total: number) => string;
  /** A press remembered during a read. */
  queued: Record<Action, string>;
  /** A press that started nothing because another action was writing. */
  busy: (pressed: string, running: Action) => string;
  done: string;
  templateAdded: (names: string[]) => string;
  templateNothing: string;
  stoppedByProblems: string;
  summaryTitle: string;
  scenario: string;
  effect: string;
  remaining: string;
  amountsIn: (unit: string) => string;
  /** The heading over the requests whose funding changed. */
  fundingChanges: string;
  /** A scenario against the reference it is compared with (as Sammenligning names it). */
  against: (scenario: string, reference: string) => string;
  noFundingChanges: string;
  /** A request's funding status; undefined: left out of that scenario's package. */
  status: (status: FundingStatus | undefined) => string;
  /** One year's funded amount before and after, already formatted, with the unit. */
  fundedChange: (reference: string, scenario: string, unit: string, year: number) => string;
  hostFailure: Record<HostFailure, string>;
  /** After a failure: the template's sheets that were added before it, which are in the workbook. */
  addedBeforeFailure: (names: string[]) => string;
  /** After a failed read: the press queued behind it, which was not started. */
  notStarted: (pressed: string) => string;
  notInExcel: string;
  previewLink: string;
}

export const STRINGS: Record<Language, Strings> = {
  da: {
    title: 'Råderum',
    tagline: 'Budgetscenarier for beskæftigelsesområdet',
    language: 'Sprog',
    found: 'Fundet i projektmappen',
    noLists: 'Ingen forslagslister endnu.',
    list: (sheet, table, count, notRead) =>
      `${sheet}${table ? ` (tabel ${table})` : ''}: ${count} forslag` +
      (notRead > 0 ? `; ${notRead === 1 ? '1 række' : `${notRead} rækker`} ikke læst (se problemerne)` : ''),
    years: 'År',
    unit: 'Enhed',
    scenarios: 'Scenarier',
    base: 'basis',
    problems: (n) => (n === 1 ? '1 problem' : `${n} problemer`),
    warnings: (n) => (n === 1 ? '1 advarsel' : `${n} advarsler`),
    noProblems: 'Ingen problemer.',
    showCell: 'Vis cellen',
    calculate: 'Skriv resultater',
    calculateHint:
      'Beregner alle scenarier og skriver arkene Resultat, Råderum, Sammenligning og Beregning; kørslen logges i Kørsler. Dine egne ark røres ikke.',
    insertTemplate: 'Indsæt skabelon',
    insertTemplateHint: 'Tilføjer arkene Forslag og Scenarier, hvis de mangler.',
    reread: 'Læs igen',
    reading: 'Læser projektmappen …',
    calculating: 'Beregner …',
    calculatingScenario: (scenario, percent) => `Beregner »${scenario}«: bedste udnyttelse, ${percent} % …`,
    stop: 'Annullér',
    stopped: 'Beregningen blev annulleret. Intet er skrevet i projektmappen.',
    workbookChanging:
      'Projektmappen blev ændret, mens Råderum beregnede, så intet er skrevet. Beregn igen, når du er færdig med at redigere.',
    writing: (done, total) => (total > 1 ? `Skriver resultater (${done} af ${total}) …` : 'Skriver resultater …'),
    queued: {
      calculate: 'Beregner, så snart projektmappen er læst.',
      insertTemplate: 'Indsætter skabelonen, så snart projektmappen er læst.',
      scan: 'Læser igen, så snart denne læsning er færdig.',
    },
    busy: (pressed, running) =>
      `»${pressed}« blev ikke startet: ${
        running === 'calculate'
          ? 'Råderum beregner og skriver allerede'
          : running === 'insertTemplate'
            ? 'Råderum indsætter skabelonen'
            : 'Råderum læser projektmappen'
      }. Tryk igen, når det er færdigt.`,
    done: 'Færdig: arkene Resultat, Råderum, Sammenligning og Beregning er skrevet, og kørslen står i Kørsler.',
    templateAdded: (names) => `Tilføjede ${names.join(' og ')}.`,
    templateNothing: 'Projektmappen har allerede skabelonens ark.',
    stoppedByProblems: 'Intet er skrevet: ret problemerne nedenfor og beregn igen.',
    summaryTitle: 'Pakkens budgetvirkning',
    scenario: 'Scenarie',
    effect: 'Budgetvirkning',
    remaining: 'Tilbage af råderum',
    amountsIn: (unit) => `Beløb i ${unit}`,
    fundingChanges: 'Ændringer i bevillinger',
    against: (scenario, reference) => `${scenario} mod ${reference}`,
    noFundingChanges: 'Ingen ændringer i bevillinger',
    // The words the sheets write (Råderum's Status column).
    status: (status) => (status ? choiceWord(STATUS_CHOICES, status) : 'Udeladt'),
    fundedChange: (reference, scenario, unit, year) => `${reference} → ${scenario} ${unit} (${year})`,
    hostFailure: {
      editMode: 'Excel er i gang med at redigere en celle. Tryk Enter eller Esc, og prøv igen.',
      protected: 'Projektmappen eller et ark er beskyttet. Fjern beskyttelsen, og prøv igen.',
      tooLarge: 'Projektmappen er for stor til at blive læst eller skrevet på én gang.',
      busy: 'Excel har travlt. Vent et øjeblik, og prøv igen.',
      other: 'Excel kunne ikke gennemføre handlingen.',
    },
    addedBeforeFailure: (names) =>
      `${names.length === 1 ? 'Arket' : 'Arkene'} ${names.join(' og ')} blev tilføjet, men projektmappen blev ikke læst bagefter. Tryk »Læs igen«.`,
    notStarted: (pressed) => `»${pressed}« blev ikke startet, fordi projektmappen ikke kunne læses.`,
    notInExcel: 'Råderum kører som tilføjelsesprogram i Excel. Uden for Excel kan du prøve det i forhåndsvisningen.',
    previewLink: 'Åbn forhåndsvisningen',
  },
  en: {
    title: 'Råderum',
    tagline: 'Budget scenarios for the employment area',
    language: 'Language',
    found: 'Found in the workbook',
    noLists: 'No proposal lists yet.',
    list: (sheet, table, count, notRead) =>
      `${sheet}${table ? ` (table ${table})` : ''}: ${count === 1 ? '1 proposal' : `${count} proposals`}` +
      (notRead > 0 ? `; ${notRead === 1 ? '1 row' : `${notRead} rows`} not read (see the problems)` : ''),
    years: 'Years',
    unit: 'Unit',
    scenarios: 'Scenarios',
    base: 'base',
    problems: (n) => (n === 1 ? '1 problem' : `${n} problems`),
    warnings: (n) => (n === 1 ? '1 warning' : `${n} warnings`),
    noProblems: 'No problems.',
    showCell: 'Show the cell',
    calculate: 'Write results',
    calculateHint:
      'Calculates every scenario and writes the sheets Resultat, Råderum, Sammenligning and Beregning; the run is logged in Kørsler. Your own sheets are not touched.',
    insertTemplate: 'Insert template',
    insertTemplateHint: 'Adds the sheets Forslag and Scenarier if they are missing.',
    reread: 'Read again',
    reading: 'Reading the workbook …',
    calculating: 'Calculating …',
    calculatingScenario: (scenario, percent) => `Calculating “${scenario}”: best fill, ${percent} % …`,
    stop: 'Stop',
    stopped: 'The calculation was cancelled. Nothing was written to the workbook.',
    workbookChanging:
      'The workbook changed while Råderum was calculating, so nothing was written. Calculate again when you have finished editing.',
    writing: (done, total) => (total > 1 ? `Writing results (${done} of ${total}) …` : 'Writing results …'),
    queued: {
      calculate: 'Will calculate as soon as the workbook is read.',
      insertTemplate: 'Will insert the template as soon as the workbook is read.',
      scan: 'Will read again as soon as this read is done.',
    },
    busy: (pressed, running) =>
      `“${pressed}” was not started: ${
        running === 'calculate'
          ? 'Råderum is already calculating and writing'
          : running === 'insertTemplate'
            ? 'Råderum is inserting the template'
            : 'Råderum is reading the workbook'
      }. Press it again when that is done.`,
    done: 'Done: the sheets Resultat, Råderum, Sammenligning and Beregning are written, and the run is logged in Kørsler.',
    templateAdded: (names) => `Added ${names.join(' and ')}.`,
    templateNothing: 'The workbook already has the template’s sheets.',
    stoppedByProblems: 'Nothing was written: fix the problems below and calculate again.',
    summaryTitle: 'The package’s budget effect',
    scenario: 'Scenario',
    effect: 'Budget effect',
    remaining: 'Råderum left',
    amountsIn: (unit) => `Amounts in ${unit}`,
    fundingChanges: 'Changes in funding',
    against: (scenario, reference) => `${scenario} against ${reference}`,
    noFundingChanges: 'No changes in funding',
    // The words the sheets write in English.
    status: (status) => (status ? ENGLISH_CHOICE_WORDS[status] : 'Left out'),
    fundedChange: (reference, scenario, unit, year) => `${reference} → ${scenario} ${unit} (${year})`,
    hostFailure: {
      editMode: 'Excel is editing a cell. Press Enter or Esc and try again.',
      protected: 'The workbook or a sheet is protected. Remove the protection and try again.',
      tooLarge: 'The workbook is too large to read or write in one go.',
      busy: 'Excel is busy. Wait a moment and try again.',
      other: 'Excel could not complete the action.',
    },
    addedBeforeFailure: (names) =>
      `The ${names.length === 1 ? 'sheet' : 'sheets'} ${names.join(' and ')} ${names.length === 1 ? 'was' : 'were'} added, but the workbook was not read afterwards. Press “Read again”.`,
    notStarted: (pressed) => `“${pressed}” was not started, because the workbook could not be read.`,
    notInExcel: 'Råderum runs as an add-in in Excel. Outside Excel you can try it in the preview.',
    previewLink: 'Open the preview',
  },
};
