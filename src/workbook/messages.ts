/** Problems and warnings as text, Danish first, English on request. */
import type { Issue, IssueOf, ProblemCode, ProblemParams } from '../model/problems';
import { AMOUNT_FIELDS, header } from './columns';
import { cellAddress } from './grid';
import type { Unit } from './units';

export type Language = 'da' | 'en';

/**
 * The workbook's unit after an amount in words. The sheets say `Beløb i 1.000 kr.` once; a sentence names
 * the unit on every amount, as a finance officer writes it (`400 t.kr.`).
 */
export const UNIT_WORDS: Record<Language, Record<Unit, string>> = {
  da: { 'kr.': 'kr.', '1.000 kr.': 't.kr.', 'mio. kr.': 'mio. kr.' },
  en: { 'kr.': 'kr.', '1.000 kr.': 'thousand kr.', 'mio. kr.': 'million kr.' },
};

/** Whole numbers as each language writes them: 200.000 in Danish, 200,000 in English. */
const danish = (n: number): string => new Intl.NumberFormat('da-DK').format(n);
const english = (n: number): string => new Intl.NumberFormat('en-GB').format(n);

/** A text for every code, typed by its parameters: a missing text or a parameter the code lacks fails the type check. */
export type Messages = { readonly [C in ProblemCode]: (p: ProblemParams[C]) => string };

/** `A, B og C` from the table of columns, so a message lists what the reader accepts. */
function words(list: readonly string[], and: string): string {
  return list.length < 2 ? list.join('') : `${list.slice(0, -1).join(', ')} ${and} ${list[list.length - 1]}`;
}
const AMOUNT_HEADERS = AMOUNT_FIELDS.map(header);
const STAFFING_HEADERS = (['cases', 'currentStaff', 'staffPrice'] as const).map(header);

const DA: Messages = {
  notNumber: (p) => `"${p.text}" er ikke et tal`,
  cellError: (p) => `cellen viser fejlen ${p.text}; ret formlen, så den giver et tal`,
  formulaWithoutValue: () =>
    `cellen har en formel uden gemt resultat (filen er skrevet af et program, der ikke regner); åbn og gem filen i Excel eller LibreOffice`,
  sheetTooLarge: (p) =>
    `arket ${p.sheet} bruger ${p.rows} rækker × ${p.columns} kolonner, for mange celler til at læse; slet de tomme rækker og kolonner under og til højre for dataene (senest brugte celle: ${p.last})`,
  outputSheetNotOurs: (p) =>
    `arket ${p.sheet} er ikke skrevet af Råderum, men navnet er forbeholdt resultatet og ville blive overskrevet; omdøb arket (dets indhold læses ikke)`,
  shareRange: (p) => `"${p.text}" er over 100 %`,
  negative: (p) => `"${p.text}" må ikke være negativ`,
  notPositive: (p) => `"${p.text}" skal være større end 0`,
  caseloadNotPositive: (p) => `caseload "${p.text}" skal være større end 0`,
  scenarioSheetMissing: (p) => `arket "${p.sheet}" mangler (indsæt skabelonen eller kør "raaderum template")`,
  parameterHeaderMissing: () => `ingen tabel med kolonnen "Parameter" på arket`,
  scenarioNameTwice: (p) => `scenariet "${p.name}" står der to gange`,
  noScenarios: () => `ingen scenarier: efter kolonnen "Parameter" skal hvert scenarie have sin kolonne med et navn`,
  unknownParameter: (p) => `ukendt parameter "${p.parameter}"`,
  parameterTwice: (p) => `parameteren "${p.parameter}" står der to gange`,
  unknownMode: (p) =>
    `ukendt fordeling "${p.text}" (brug Prioritet, "Prioritet, delvis", Bedste udnyttelse eller Forholdsmæssig)`,
  rateAndStaircase: (p) => `scenariet "${p.scenario}" angiver både Refusion og Varighed for ${p.benefit}: angiv kun én af dem`,
  staircaseIncomplete: (p) => `Varighed for ${p.benefit} i "${p.scenario}" skal have alle fire trin (uge 1-4, 5-26, 27-52, 53+)`,
  staircaseSum: (p) => `andelene i refusionstrappen for ${p.benefit} i "${p.scenario}" giver ${p.sum} %, ikke 100 %`,
  unknownUnit: (p) => `ukendt enhed "${p.text}" (brug kr., 1.000 kr. eller mio. kr.)`,
  unitPerScenario: (p) => `enheden gælder hele projektmappen og angives kun i basisscenariet, ikke "${p.text}" her`,
  unknownLanguage: (p) => `ukendt sprog "${p.text}" (brug dansk eller engelsk)`,
  languagePerScenario: (p) => `sproget gælder hele projektmappen og angives kun i basisscenariet, ikke "${p.text}" her`,
  headerTwice: (p) => `kolonnen "${p.header}" står der to gange`,
  unknownYearHeader: (p) =>
    `kolonnen "${p.header}" bruges ikke (beløbskolonner hedder ${words(AMOUNT_HEADERS, 'eller')} og et år)`,
  noAmountColumns: () => `listen har ingen beløbskolonner (fx "Udgift 2026")`,
  yearsNotConsecutive: (p) => `årene ${p.years} følger ikke efter hinanden`,
  yearsDiffer: (p) => `listen har årene ${p.years}, men den første liste har ${p.expected}`,
  nrMissing: () => `forslaget mangler et nummer (Nr)`,
  titleMissing: () => `forslaget mangler en titel`,
  alternativeUnknown: (p) => `${p.nr} er alternativ til "${p.main}", som ikke er et forslag`,
  alternativeToItself: (p) => `${p.nr} er alternativ til sig selv; Alternativ til skal nævne hovedønskets Nr`,
  alternativeToVariant: (p) =>
    `${p.nr} er alternativ til ${p.main}, som selv er alternativ til ${p.mainOf}; skriv hovedønskets Nr (${p.mainOf})`,
  variantIsReduction: (p) => `${p.nr} er alternativ til ${p.main}, men er en reduktion; kun udvidelser kan være alternativer`,
  mainIsReduction: (p) => `${p.nr} har alternativer, men er en reduktion; kun udvidelser kan have alternativer`,
  mainExcluded: (p) =>
    `"${p.scenario}" udelader ${p.nr}, men ikke dets alternativer ${p.variants}: de søger stadig råderum og tælles ikke med i netto i alt; udelad dem også, eller gør et af dem til hovedønske`,
  nrTwice: (p) => `nummeret "${p.nr}" er brugt før, i ${p.first}`,
  unknownKind: (p) => `"${p.text}" er ikke en art (brug Reduktion eller Udvidelse)`,
  splitMismatch: (p) => `Udgift ${p.year} (${p.udgift}) er ikke summen af service og ej service (${p.split})`,
  totalsRowSkipped: (p) =>
    p.text
      ? `"${p.text}" ligner en sumrække og læses ikke som et forslag (Råderum lægger selv sammen i Resultat)`
      : `rækken har hverken Nr eller Titel, og dens beløb er summen af rækkerne over den: den ligner en sumrække og læses ikke som et forslag (Råderum lægger selv sammen i Resultat)`,
  staffingIncomplete: (p) => `caseload kræver ${words(STAFFING_HEADERS, 'og')}; mangler: ${p.missing}`,
  noProposalLists: () => `ingen forslagsliste fundet: en liste har en overskriftsrække med Nr og Titel`,
  tooManyProposals: (p) =>
    `projektmappen har ${danish(p.count)} forslag; Råderum regner på højst ${danish(p.max)} ad gangen: del forslagene på flere projektmapper (forslaget i denne række er det første over grænsen)`,
  poolYearOutside: (p) => `Råderum ${p.year} ligger uden for forslagenes år ${p.years}`,
  unknownNr: (p) => `Udelad nævner "${p.nr}", som ikke er et forslag`,
  caseloadMissing: (p) =>
    `forslag ${p.nr} har Sager, men scenariet "${p.scenario}" har ingen Caseload${p.benefit ? ` (eller Caseload ${p.benefit})` : ''}`,
  refusionRateMissing: (p) =>
    p.benefit
      ? `forslag ${p.nr} har en Refusionsandel, men hverken en Refusionssats eller Refusion ${p.benefit} i scenariet "${p.scenario}"`
      : `forslag ${p.nr} har en Refusionsandel, men hverken en Refusionssats eller en Ydelse`,
  bestFillTooMany: (p) => `Bedste udnyttelse i "${p.scenario}" regnes eksakt for højst ${p.max} ønsker; der er ${p.count}`,
  poolMissing: (p) => `scenariet "${p.scenario}" har intet råderum for ${p.years}; der regnes med 0`,
  refusionAndIndtaegt: (p) => `forslag ${p.nr} har både Refusionsandel og Indtægt: tjek at intet tælles to gange`,
  tooManyRows: (p) => `arket ${p.sheet} ville få ${p.rows} rækker, flere end Excel kan rumme (1.048.576)`,
  calculationTooLarge: (p) =>
    `arket ${p.sheet} ville få mere end ${danish(p.max)} rækker; det skrives kun med en bemærkning, og forklaringen af et forslag ses i opgaveruden`,
  runLogNotOurs: (p) =>
    `arket ${p.sheet} er ikke skrevet af Råderum, men navnet er forbeholdt loggen over kørsler, som tilføjes nederst; omdøb arket`,
  textCellError: (p) => `cellen viser fejlen ${p.text} i stedet for en tekst; ret formlen eller skriv teksten`,
  numberTooLarge: (p) =>
    `"${p.text}" er over 1.000.000.000.000 kr. (10^12) i absolut værdi; så store beløb kan ikke regnes præcist til kronen`,
  amountTooLarge: (p) =>
    `forslag ${p.nr} giver i scenariet "${p.scenario}" for ${p.year} et beløb over 1.000.000.000.000 kr. (10^12) eller et beløb, der ikke er et tal; tjek forslagets beløb, fuldtidspersoner og caseload`,
  totalTooLarge: (p) =>
    `beløbene i scenariet "${p.scenario}" for ${p.year} summer (som absolutte værdier) til over 1.000.000.000.000 kr. (10^12); så store summer kan ikke regnes præcist til kronen`,
  tooManyColumns: (p) => `arket ${p.sheet} ville få ${p.columns} kolonner, flere end Excel kan rumme (16.384)`,
  listHeaderNearMiss: (p) =>
    `listen har beløbskolonner ("${p.amount}"), men ingen kolonne "${p.header}", så den læses ikke; skal "${p.found}" hedde "${p.header}"?`,
  listHeaderMissing: (p) =>
    `listen har beløbskolonner ("${p.amount}"), men ingen kolonne "${p.header}", så den læses ikke; en forslagsliste har kolonnerne Nr og Titel i overskriftsrækken`,
  listEmpty: (p) =>
    p.table
      ? `tabellen ${p.table} har en overskriftsrække, men ingen forslag`
      : `listen har en overskriftsrække, men ingen forslag under den (en liste uden tabel går til den første tomme række)`,
  scenarioColumnUnnamed: (p) =>
    `kolonnen har værdier (fx i ${p.cell}), men intet scenarienavn i overskriften, så den læses ikke; giv den et navn eller slet værdierne`,
  scenarioCellsIgnored: (p) =>
    p.count === 1
      ? 'cellen ligger uden for tabellen med parametre og læses ikke; flyt den ind i tabellen eller slet den'
      : `${p.count} celler ligger (den første her) uden for tabellen med parametre og læses ikke; flyt dem ind i tabellen eller slet dem`,
  unknownBenefit: (p) =>
    p.benefits
      ? `"${p.parameter}" nævner en ydelse, som intet forslag har, så værdien bruges ikke; forslagenes ydelser er: ${p.benefits}`
      : `"${p.parameter}" nævner en ydelse, men intet forslag har en Ydelse, så værdien bruges ikke`,
};

const EN: Messages = {
  notNumber: (p) => `"${p.text}" is not a number`,
  cellError: (p) => `the cell shows the error ${p.text}; fix the formula so that it gives a number`,
  formulaWithoutValue: () =>
    `the cell holds a formula without a stored result (the file was written by a program that does not calculate); open and save the file in Excel or LibreOffice`,
  sheetTooLarge: (p) =>
    `the sheet ${p.sheet} uses ${p.rows} rows × ${p.columns} columns, too many cells to read; delete the empty rows and columns below and to the right of the data (last used cell: ${p.last})`,
  outputSheetNotOurs: (p) =>
    `the sheet ${p.sheet} was not written by Råderum, but its name is reserved for the results and it would be overwritten; rename the sheet (its content is not read)`,
  shareRange: (p) => `"${p.text}" is above 100 %`,
  negative: (p) => `"${p.text}" must not be negative`,
  notPositive: (p) => `"${p.text}" must be greater than 0`,
  caseloadNotPositive: (p) => `caseload "${p.text}" must be greater than 0`,
  scenarioSheetMissing: (p) => `the sheet "${p.sheet}" is missing (insert the template or run "raaderum template")`,
  parameterHeaderMissing: () => `no table with a "Parameter" column on the sheet`,
  scenarioNameTwice: (p) => `the scenario "${p.name}" appears twice`,
  noScenarios: () => `no scenarios: after the "Parameter" column each scenario needs a named column`,
  unknownParameter: (p) => `unknown parameter "${p.parameter}"`,
  parameterTwice: (p) => `the parameter "${p.parameter}" appears twice`,
  unknownMode: (p) => `unknown allocation "${p.text}" (use Prioritet, "Prioritet, delvis", Bedste udnyttelse or Forholdsmæssig)`,
  rateAndStaircase: (p) => `the scenario "${p.scenario}" gives both Refusion and Varighed for ${p.benefit}: give only one`,
  staircaseIncomplete: (p) => `Varighed for ${p.benefit} in "${p.scenario}" needs all four bands (weeks 1-4, 5-26, 27-52, 53+)`,
  staircaseSum: (p) => `the staircase shares for ${p.benefit} in "${p.scenario}" add up to ${p.sum} %, not 100 %`,
  unknownUnit: (p) => `unknown unit "${p.text}" (use kr., 1.000 kr. or mio. kr.)`,
  unitPerScenario: (p) => `the unit applies to the whole workbook and is given in the base scenario only, not "${p.text}" here`,
  unknownLanguage: (p) => `unknown language "${p.text}" (use dansk or engelsk)`,
  languagePerScenario: (p) =>
    `the language applies to the whole workbook and is given in the base scenario only, not "${p.text}" here`,
  headerTwice: (p) => `the column "${p.header}" appears twice`,
  unknownYearHeader: (p) => `the column "${p.header}" is not used (amount columns are ${words(AMOUNT_HEADERS, 'or')} and a year)`,
  noAmountColumns: () => `the list has no amount columns (e.g. "Udgift 2026")`,
  yearsNotConsecutive: (p) => `the years ${p.years} are not consecutive`,
  yearsDiffer: (p) => `the list has the years ${p.years}, but the first list has ${p.expected}`,
  nrMissing: () => `the proposal has no number (Nr)`,
  titleMissing: () => `the proposal has no title`,
  alternativeUnknown: (p) => `${p.nr} is an alternative to "${p.main}", which is not a proposal`,
  alternativeToItself: (p) => `${p.nr} is an alternative to itself; Alternativ til must name the main request's Nr`,
  alternativeToVariant: (p) =>
    `${p.nr} is an alternative to ${p.main}, which is itself an alternative to ${p.mainOf}; write the main request's Nr (${p.mainOf})`,
  variantIsReduction: (p) => `${p.nr} is an alternative to ${p.main} but is a reduction; only udvidelser can be alternatives`,
  mainIsReduction: (p) => `${p.nr} has alternatives but is a reduction; only udvidelser can have alternatives`,
  mainExcluded: (p) =>
    `"${p.scenario}" leaves out ${p.nr} but not its alternatives ${p.variants}: they still ask for råderum and count in no total netto; leave them out too, or make one of them the main request`,
  nrTwice: (p) => `the number "${p.nr}" was used before, at ${p.first}`,
  unknownKind: (p) => `"${p.text}" is not a kind (use Reduktion or Udvidelse)`,
  splitMismatch: (p) => `Udgift ${p.year} (${p.udgift}) is not the sum of service and ej service (${p.split})`,
  totalsRowSkipped: (p) =>
    p.text
      ? `"${p.text}" looks like a totals row and is not read as a proposal (Råderum makes its own totals in Resultat)`
      : `the row has neither Nr nor Titel, and its amounts are the sums of the rows above it: it looks like a totals row and is not read as a proposal (Råderum makes its own totals in Resultat)`,
  staffingIncomplete: (p) => `caseload needs ${words(STAFFING_HEADERS, 'and')}; missing: ${p.missing}`,
  noProposalLists: () => `no proposal list found: a list has a header row with Nr and Titel`,
  tooManyProposals: (p) =>
    `the workbook holds ${english(p.count)} proposals; Råderum calculates at most ${english(p.max)} at a time: split the proposals over several workbooks (the proposal in this row is the first beyond the limit)`,
  poolYearOutside: (p) => `Råderum ${p.year} lies outside the proposals' years ${p.years}`,
  unknownNr: (p) => `Udelad names "${p.nr}", which is not a proposal`,
  caseloadMissing: (p) =>
    `proposal ${p.nr} has Sager, but the scenario "${p.scenario}" has no Caseload${p.benefit ? ` (nor Caseload ${p.benefit})` : ''}`,
  refusionRateMissing: (p) =>
    p.benefit
      ? `proposal ${p.nr} has a Refusionsandel but neither a Refusionssats nor Refusion ${p.benefit} in the scenario "${p.scenario}"`
      : `proposal ${p.nr} has a Refusionsandel but neither a Refusionssats nor a Ydelse`,
  bestFillTooMany: (p) => `Bedste udnyttelse in "${p.scenario}" is exact for at most ${p.max} requests; there are ${p.count}`,
  poolMissing: (p) => `the scenario "${p.scenario}" has no råderum for ${p.years}; 0 is used`,
  refusionAndIndtaegt: (p) => `proposal ${p.nr} has both Refusionsandel and Indtægt: check that nothing is counted twice`,
  tooManyRows: (p) => `the sheet ${p.sheet} would get ${p.rows} rows, more than Excel holds (1,048,576)`,
  calculationTooLarge: (p) =>
    `the sheet ${p.sheet} would get more than ${english(p.max)} rows; it is written with a note only, and a proposal's explanation is shown in the task pane`,
  runLogNotOurs: (p) =>
    `the sheet ${p.sheet} was not written by Råderum, but its name is reserved for the log of runs, which is added to at the bottom; rename the sheet`,
  textCellError: (p) => `the cell shows the error ${p.text} instead of a text; fix the formula or type the text`,
  numberTooLarge: (p) =>
    `"${p.text}" is above 1,000,000,000,000 kr. (10^12) in absolute value; amounts that large cannot be computed exactly to the krone`,
  amountTooLarge: (p) =>
    `proposal ${p.nr} gives, in the scenario "${p.scenario}" for ${p.year}, an amount above 1,000,000,000,000 kr. (10^12) or one that is not a number; check the proposal's amounts, fuldtidspersoner and caseload`,
  totalTooLarge: (p) =>
    `the amounts of the scenario "${p.scenario}" for ${p.year} add up (as absolute values) to more than 1,000,000,000,000 kr. (10^12); sums that large cannot be computed exactly to the krone`,
  tooManyColumns: (p) => `the sheet ${p.sheet} would get ${p.columns} columns, more than Excel holds (16,384)`,
  listHeaderNearMiss: (p) =>
    `the list has amount columns ("${p.amount}") but no column "${p.header}", so it is not read; should "${p.found}" be "${p.header}"?`,
  listHeaderMissing: (p) =>
    `the list has amount columns ("${p.amount}") but no column "${p.header}", so it is not read; a proposal list has the columns Nr and Titel in its header row`,
  listEmpty: (p) =>
    p.table
      ? `the table ${p.table} has a header row but no proposals`
      : `the list has a header row but no proposals below it (a list without a table ends at the first empty row)`,
  scenarioColumnUnnamed: (p) =>
    `the column holds values (e.g. in ${p.cell}) but has no scenario name in its header, so it is not read; name it or delete the values`,
  scenarioCellsIgnored: (p) =>
    p.count === 1
      ? 'the cell lies outside the table of parameters and is not read; move it into the table or delete it'
      : `${p.count} cells lie (the first here) outside the table of parameters and are not read; move them into the table or delete them`,
  unknownBenefit: (p) =>
    p.benefits
      ? `"${p.parameter}" names a benefit that no proposal has, so its value is not used; the proposals' benefits are: ${p.benefits}`
      : `"${p.parameter}" names a benefit, but no proposal has a Ydelse, so its value is not used`,
};

export const MESSAGE_CODES = Object.keys(DA) as ProblemCode[];

/** One code's text: the messages are indexed by the issue's own code, so its parameters fit. */
function textOf<C extends ProblemCode>(messages: Messages, issue: IssueOf<C>): string {
  const template: (p: ProblemParams[C]) => string = messages[issue.code];
  return template(issue.params);
}

/** The message without its place. */
export function issueText(issue: Issue, lang: Language = 'da'): string {
  return textOf(lang === 'en' ? EN : DA, issue);
}

/** `Forslag!F7: "12,5 mio" er ikke et tal` */
export function formatIssue(issue: Issue, lang: Language = 'da'): string {
  const text = issueText(issue, lang);
  return issue.place ? `${cellAddress(issue.place)}: ${text}` : text;
}
