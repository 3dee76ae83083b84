/** The words of the scenario editor and the comparison, Danish first. */
import type { HostFailure } from '../workbook/host';
import type { Language } from '../workbook/messages';
import type { EditRefusal } from '../workbook/scenario-edit';
import type { ComparedFigure } from './what-if';

export interface EditorStrings {
  editorTitle: string;
  scenario: string;
  name: string;
  base: string;
  add: string;
  copy: string;
  remove: string;
  /** The name a new scenario gets (the user renames it). */
  newName: (n: number) => string;
  copyName: (of: string) => string;
  caseload: string;
  caseloadSlider: string;
  perBenefit: string;
  caseloadFor: (benefit: string) => string;
  refusionFor: (benefit: string) => string;
  staircaseFor: (benefit: string) => string;
  band: (band: string) => string;
  fullTimeFor: (benefit: string) => string;
  pools: string;
  pool: (year: number) => string;
  mode: string;
  modes: Record<string, string>;
  excluded: string;
  filter: string;
  excludedCount: (n: number) => string;
  inherited: (value: string, base: string) => string;
  /** The mark on a field whose value is pending (not saved), in words, not only colour. */
  unsaved: string;
  pendingCount: (n: number) => string;
  noPending: string;
  save: string;
  discard: string;
  saving: string;
  saved: (n: number) => string;
  changedMeanwhile: string;
  cannotWrite: string;
  saveFailed: Record<HostFailure, string>;
  whatIfFailed: (detail: string) => string;
  /** A refused edit: the scenario's name it concerns, and the cell in the way where there is one (`Scenarier!C5`). */
  refusal: (reason: EditRefusal, name: string, cell: string) => string;
  notNumber: (text: string) => string;
  notShare: (text: string) => string;
  comparisonTitle: string;
  reference: string;
  figure: string;
  figures: Record<ComparedFigure, string>;
  year: string;
  /** The difference against the reference in words, for screen readers and print: `500.000 mere end Basis`. */
  more: (amount: string, reference: string) => string;
  less: (amount: string, reference: string) => string;
  same: (reference: string) => string;
  fundedCount: (funded: number, of: number) => string;
  proposalsFunded: string;
  withPending: string;
  chart: (figure: string, unit: string) => string;
  explanationTitle: string;
  chooseProposal: string;
  noProposal: string;
  runLogTitle: string;
  noRuns: string;
  /** Only in words: the comparison needs a workbook without problems. */
  noComparison: string;
}

export const EDITOR_STRINGS: Record<Language, EditorStrings> = {
  da: {
    editorTitle: 'Rediger scenarier',
    scenario: 'Scenarie',
    name: 'Navn',
    base: 'basis',
    add: 'Nyt scenarie',
    copy: 'Kopiér',
    remove: 'Slet',
    newName: (n) => `Scenarie ${n}`,
    copyName: (of) => `Kopi af ${of}`,
    caseload: 'Caseload (sager pr. årsværk)',
    caseloadSlider: 'Caseload, skyder 40–45',
    perBenefit: 'Pr. ydelse',
    caseloadFor: (b) => `Caseload ${b}`,
    refusionFor: (b) => `Refusion ${b}`,
    staircaseFor: (b) => `Refusionstrappen ${b}: andel i hvert trin`,
    band: (band) => `uge ${band}`,
    fullTimeFor: (b) => `Fuldtidspersoner ${b}`,
    pools: 'Råderum pr. år',
    pool: (year) => `Råderum ${year}`,
    mode: 'Fordeling',
    modes: {
      priority: 'Prioritet',
      'priority-partial': 'Prioritet, delvis',
      'best-fill': 'Bedste udnyttelse',
      proportional: 'Forholdsmæssig',
    },
    excluded: 'Udeladte forslag',
    filter: 'Find forslag',
    excludedCount: (n) => (n === 0 ? 'ingen udeladt' : n === 1 ? '1 udeladt' : `${n} udeladt`),
    inherited: (value, base) => `${value} (som ${base})`,
    unsaved: 'ikke gemt',
    pendingCount: (n) => (n === 1 ? '1 ændring er ikke gemt' : `${n} ændringer er ikke gemt`),
    noPending: 'Alle ændringer er gemt i arket Scenarier.',
    save: 'Gem som scenarie',
    discard: 'Kassér ændringer',
    saving: 'Gemmer i Scenarier …',
    saved: (n) => (n === 1 ? 'Gemt: 1 ændring står nu i arket Scenarier.' : `Gemt: ${n} ændringer står nu i arket Scenarier.`),
    changedMeanwhile:
      'Arket Scenarier er ændret i projektmappen, siden Råderum læste det, så intet er skrevet. Dine ændringer ligger nu oven på det, arket holder: se dem efter, og gem igen.',
    cannotWrite: 'Denne vært kan ikke skrive i arket Scenarier. Intet er skrevet.',
    saveFailed: {
      editMode: 'Intet er gemt: Excel er i gang med at redigere en celle. Tryk Enter eller Esc, og gem igen.',
      protected: 'Intet er gemt: arket Scenarier er beskyttet.',
      tooLarge: 'Intet er gemt: projektmappen er for stor.',
      busy: 'Intet er gemt: Excel har travlt. Prøv igen om et øjeblik.',
      other: 'Intet er gemt: Excel kunne ikke skrive ændringerne.',
    },
    whatIfFailed: (detail) => `Beregningen i panelet mislykkedes (${detail}).`,
    refusal: (reason, name, cell) =>
      ({
        formulaMoved: `Ændringen blev ikke lavet: ${cell} har en formel, som ville blive til et fast tal, hvis kolonnen blev flyttet. Ret det i arket.`,
        formulaOverwritten: `Ændringen blev ikke lavet: ${cell} har en formel, som ændringen ville erstatte med et fast tal. Ret formlen i arket, eller slet den først.`,
        valueNotWritable: `Ændringen blev ikke lavet: ${cell} har en fejl eller en sandhedsværdi, som Råderum ikke kan flytte. Ret cellen i arket.`,
        unknownScenario: `Ændringen blev ikke lavet: scenariet »${name}« findes ikke i arket Scenarier.`,
        nameTaken: `Ændringen blev ikke lavet: der er allerede et scenarie, der hedder »${name}«.`,
        emptyName: 'Ændringen blev ikke lavet: et scenarie skal have et navn.',
        baseDeleted: 'Basisscenariet kan ikke slettes: de andre scenarier sammenlignes med det og arver dets værdier.',
        sheetNotOurs: 'Ændringen blev ikke lavet: dine egne celler står, hvor scenariet skulle skrives. Flyt dem, og prøv igen.',
      })[reason],
    notNumber: (text) => `»${text}« er ikke et tal`,
    notShare: (text) => `»${text}« er ikke en andel (0–100 %)`,
    comparisonTitle: 'Sammenligning',
    reference: 'Sammenlign med',
    figure: 'Vis',
    figures: {
      totalNetto: 'Netto i alt',
      effect: 'Budgetvirkning',
      available: 'Råderum til rådighed',
      funded: 'Bevilget',
      remaining: 'Tilbage af råderum',
    },
    year: 'År',
    more: (amount, reference) => `${amount} mere end ${reference}`,
    less: (amount, reference) => `${amount} mindre end ${reference}`,
    same: (reference) => `som ${reference}`,
    fundedCount: (funded, of) => `${funded} af ${of}`,
    proposalsFunded: 'Forslag bevilget',
    withPending: 'med ændringer, der ikke er gemt',
    chart: (figure, unit) => `${figure} pr. år og scenarie, i ${unit}; tallene står i tabellen`,
    explanationTitle: 'Hvorfor dette tal?',
    chooseProposal: 'Forslag',
    noProposal: 'Vælg et forslag',
    runLogTitle: 'Kørsler',
    noRuns: 'Ingen kørsler endnu: »Skriv resultater« skriver den første.',
    noComparison: 'Sammenligningen vises, når projektmappen er uden problemer.',
  },
  en: {
    editorTitle: 'Edit scenarios',
    scenario: 'Scenario',
    name: 'Name',
    base: 'base',
    add: 'New scenario',
    copy: 'Copy',
    remove: 'Delete',
    newName: (n) => `Scenario ${n}`,
    copyName: (of) => `Copy of ${of}`,
    caseload: 'Caseload (cases per årsværk)',
    caseloadSlider: 'Caseload, slider 40–45',
    perBenefit: 'Per benefit',
    caseloadFor: (b) => `Caseload ${b}`,
    refusionFor: (b) => `Refusion ${b}`,
    staircaseFor: (b) => `Refusion staircase ${b}: share in each band`,
    band: (band) => `weeks ${band}`,
    fullTimeFor: (b) => `Fuldtidspersoner ${b}`,
    pools: 'Råderum per year',
    pool: (year) => `Råderum ${year}`,
    mode: 'Allocation',
    modes: {
      priority: 'Priority',
      'priority-partial': 'Priority, partial',
      'best-fill': 'Best fill',
      proportional: 'Proportional',
    },
    excluded: 'Proposals left out',
    filter: 'Find proposal',
    excludedCount: (n) => (n === 0 ? 'none left out' : `${n} left out`),
    inherited: (value, base) => `${value} (as ${base})`,
    unsaved: 'not saved',
    pendingCount: (n) => (n === 1 ? '1 change is not saved' : `${n} changes are not saved`),
    noPending: 'Every change is saved in the Scenarier sheet.',
    save: 'Save as scenario',
    discard: 'Discard changes',
    saving: 'Saving to Scenarier …',
    saved: (n) =>
      n === 1 ? 'Saved: 1 change is now in the Scenarier sheet.' : `Saved: ${n} changes are now in the Scenarier sheet.`,
    changedMeanwhile:
      'The Scenarier sheet changed in the workbook since Råderum read it, so nothing was written. Your changes now sit on top of what the sheet holds: check them and save again.',
    cannotWrite: 'This host cannot write to the Scenarier sheet. Nothing was written.',
    saveFailed: {
      editMode: 'Nothing was saved: Excel is editing a cell. Press Enter or Esc and save again.',
      protected: 'Nothing was saved: the Scenarier sheet is protected.',
      tooLarge: 'Nothing was saved: the workbook is too large.',
      busy: 'Nothing was saved: Excel is busy. Try again in a moment.',
      other: 'Nothing was saved: Excel could not write the changes.',
    },
    whatIfFailed: (detail) => `The pane's calculation failed (${detail}).`,
    refusal: (reason, name, cell) =>
      ({
        formulaMoved: `Not changed: ${cell} holds a formula, which would become a fixed number if the column moved. Change it in the sheet.`,
        formulaOverwritten: `Not changed: ${cell} holds a formula, which the change would replace with a fixed number. Change the formula in the sheet, or clear it first.`,
        valueNotWritable: `Not changed: ${cell} holds an error or TRUE/FALSE, which Råderum cannot move. Change the cell in the sheet.`,
        unknownScenario: `Not changed: there is no scenario “${name}” in the Scenarier sheet.`,
        nameTaken: `Not changed: a scenario is already called “${name}”.`,
        emptyName: 'Not changed: a scenario needs a name.',
        baseDeleted: 'The base scenario cannot be deleted: the others are compared with it and inherit its values.',
        sheetNotOurs: 'Not changed: your own cells stand where the scenario would be written. Move them and try again.',
      })[reason],
    notNumber: (text) => `“${text}” is not a number`,
    notShare: (text) => `“${text}” is not a share (0–100 %)`,
    comparisonTitle: 'Comparison',
    reference: 'Compare with',
    figure: 'Show',
    figures: {
      totalNetto: 'Total netto',
      effect: 'Budget effect',
      available: 'Råderum available',
      funded: 'Funded',
      remaining: 'Råderum left',
    },
    year: 'Year',
    more: (amount, reference) => `${amount} more than ${reference}`,
    less: (amount, reference) => `${amount} less than ${reference}`,
    same: (reference) => `as ${reference}`,
    fundedCount: (funded, of) => `${funded} of ${of}`,
    proposalsFunded: 'Proposals funded',
    withPending: 'with changes not saved',
    chart: (figure, unit) => `${figure} per year and scenario, in ${unit}; the figures are in the table`,
    explanationTitle: 'Why this figure?',
    chooseProposal: 'Proposal',
    noProposal: 'Choose a proposal',
    runLogTitle: 'Runs',
    noRuns: 'No runs yet: “Write results” writes the first.',
    noComparison: 'The comparison shows when the workbook has no problems.',
  },
};
