/**
 * The glossary between the template's Danish words and the code's names: every
 * column of a proposal list, every parameter of the `Scenarier` sheet and every
 * column the output sheets write, with the kind of value it holds. The reader
 * (proposal-lists.ts, scenario-sheet.ts), the template, the output sheets and
 * the README's contract tables all take their words from here, so a new column
 * is one entry here plus the rule that uses it.
 */
import type { FundingStatus } from '../model/allocation';
import type { AllocationMode, Kind } from '../model/types';
import { matchKey } from './text';
import type { Unit } from './units';

/** What a cell holds. */
export type ValueType = 'text' | 'choice' | 'number' | 'amount' | 'share' | 'count' | 'list';

/** What a number counts; `enhed` is the workbook's unit (`Enhed`: kr., 1.000 kr. or mio. kr.). */
export type ValueUnit = 'enhed' | 'kr' | 'enhedPerAarsvaerk' | 'personer' | 'sager' | 'aarsvaerk' | 'sagerPerAarsvaerk';

export const UNIT_WORDS: Record<ValueUnit, { da: string; en: string }> = {
  enhed: { da: 'Enhed', en: 'Enhed' },
  kr: { da: 'kr.', en: 'kr.' },
  enhedPerAarsvaerk: { da: 'Enhed pr. årsværk', en: 'Enhed per årsværk' },
  personer: { da: 'fuldtidspersoner', en: 'full-time persons' },
  sager: { da: 'sager', en: 'cases' },
  aarsvaerk: { da: 'årsværk', en: 'årsværk' },
  sagerPerAarsvaerk: { da: 'sager pr. årsværk', en: 'cases per årsværk' },
};

/** A value a choice cell accepts: the first word is the one the product writes, the others are read as it too. */
export interface Choice<V extends string = string> {
  value: V;
  words: readonly [string, ...string[]];
}

export interface Entry {
  /** The Danish word; a per-year column adds the year, a per-benefit parameter the benefit. */
  header: string;
  /** Other headers read as this one (matched like headers: case, æ/ae, a trailing dot do not matter). */
  synonyms: readonly string[];
  type: ValueType;
  unit?: ValueUnit;
  /**
   * `year`: one column (or row) per year, `Udgift 2027`; `benefit`: one row per benefit,
   * `Refusion Kontanthjælp`; `bandAndBenefit`: per staircase band and benefit, `Varighed uge 1-4 Sygedagpenge`.
   */
  per?: 'year' | 'benefit' | 'bandAndBenefit';
  /** `yes`: a list without it is not a list; `oneAmount`: a list needs at least one amount column. */
  required?: 'yes' | 'oneAmount';
  /** Numbers outside are problems in their cell. */
  range?: 'aboveZero' | 'zeroOrMore';
  /** The values a choice accepts. */
  choices?: readonly Choice[];
  /** Headers people write instead, to suggest this one when a list lacks it (not read as it). */
  nearMisses?: readonly string[];
  /** The empty template leaves it out (it has the column it splits). */
  notInTemplate?: true;
  help: { da: string; en: string };
}

type Words = readonly [string, ...string[]];
/** Choices from a record over every value, so a value without its words fails the type check. */
const choices = <V extends string>(words: Record<V, Words>): readonly Choice<V>[] =>
  (Object.keys(words) as V[]).map((value) => ({ value, words: words[value] }));

export const KIND_CHOICES = choices<Kind>({
  Reduktion: ['Reduktion', 'Effektivisering', 'Besparelse'],
  Udvidelse: ['Udvidelse', 'Driftsønske', 'Bevilling'],
});

export const MODE_CHOICES = choices<AllocationMode>({
  priority: ['Prioritet', 'priority'],
  'priority-partial': ['Prioritet, delvis', 'Prioritet delvis', 'priority-partial'],
  'best-fill': ['Bedste udnyttelse', 'best-fill'],
  proportional: ['Forholdsmæssig', 'proportional'],
});

export const STATUS_CHOICES = choices<FundingStatus>({
  funded: ['Bevilget'],
  partial: ['Delvist bevilget'],
  unfunded: ['Ikke bevilget'],
});

/** The output sheets' language (`Sprog`). */
export type SheetLanguage = 'da' | 'en';

export const LANGUAGE_CHOICES = choices<SheetLanguage>({
  da: ['dansk', 'da', 'danish'],
  en: ['engelsk', 'en', 'english'],
});

/** `Enhed`: read without regard to case, spaces and dots (`1000 kr`, `TKR`), see `parseUnit`. */
export const UNIT_CHOICES = choices<Unit>({
  'kr.': ['kr.', 'kroner'],
  '1.000 kr.': ['1.000 kr.', 'tkr.'],
  'mio. kr.': ['mio. kr.'],
});

/** `Udelad`: the word for none (and for clearing what the base leaves out). */
export const NO_EXCLUSIONS = 'ingen';

/** The bands of the refusion staircase, in weeks of accumulated time on benefits. */
export const BANDS = ['1-4', '5-26', '27-52', '53+'] as const;

/** The header of the first column of the `Scenarier` table. */
export const PARAMETER_HEADER = 'Parameter';

/** The columns of a proposal list, in the template's order. */
export const PROPOSAL_COLUMNS = {
  nr: {
    header: 'Nr',
    synonyms: [],
    type: 'text',
    required: 'yes',
    nearMisses: [
      'nummer',
      'no',
      'nr nr',
      'id',
      'forslagsnummer',
      'forslagsnr',
      'forslag nr',
      'loebenummer',
      'loebenr',
      'number',
      'ref',
    ],
    help: {
      da: 'forslagets nummer, entydigt i hele projektmappen',
      en: "the proposal's number, unique across the workbook (compared like headers)",
    },
  },
  title: {
    header: 'Titel',
    synonyms: [],
    type: 'text',
    required: 'yes',
    nearMisses: ['forslag', 'navn', 'beskrivelse', 'overskrift', 'tekst', 'title', 'forslagets titel', 'forslagstitel', 'emne'],
    help: { da: 'forslagets titel', en: 'title' },
  },
  committee: {
    header: 'Udvalg',
    synonyms: [],
    type: 'text',
    help: {
      da: 'udvalg eller afdeling; Resultat laver subtotaler pr. udvalg',
      en: 'committee or department; `Resultat` subtotals by it',
    },
  },
  kind: {
    header: 'Art',
    synonyms: [],
    type: 'choice',
    choices: KIND_CHOICES,
    help: {
      da: 'tom: Udvidelse, når basisscenariets netto summeret over årene er over 0, ellers Reduktion',
      en: "empty: `Udvidelse` when the base scenario's netto summed over the years is above 0, else `Reduktion`",
    },
  },
  benefit: {
    header: 'Ydelse',
    synonyms: [],
    type: 'text',
    help: {
      da: 'ydelsen, forslaget virker på; kobler til scenariets rækker Refusion …, Varighed …, Caseload … og Fuldtidspersoner …',
      en: 'the benefit it acts on; links to the scenario rows `Refusion …`, `Varighed …`, `Caseload …` and `Fuldtidspersoner …`',
    },
  },
  priority: {
    header: 'Prioritet',
    synonyms: [],
    type: 'number',
    help: {
      da: 'rækkefølgen, råderummet deles ud i: lavest først, tom sidst, lige ved arkets og rækkens orden',
      en: 'order in which the råderum is handed out: lowest first, blank last, ties by sheet order then row',
    },
  },
  alternativeTo: {
    header: 'Alternativ til',
    synonyms: ['Alternativ til nr', 'Variant af'],
    type: 'text',
    help: {
      da: 'Nr på det hovedønske, rækken er en variant af (fx K-8 med et andet beløb); af en gruppe finansieres højst én',
      en: 'the Nr of the main request this row is a variant of (e.g. K-8 at another amount); of a group at most one is funded',
    },
  },
  udgift: {
    header: 'Udgift',
    synonyms: [],
    type: 'amount',
    unit: 'enhed',
    per: 'year',
    required: 'oneAmount',
    help: { da: 'bruttoændring i udgiften; minus er en besparelse', en: 'gross change in expenditure; minus = saving' },
  },
  service: {
    header: 'Udgift service',
    synonyms: [],
    type: 'amount',
    unit: 'enhed',
    per: 'year',
    required: 'oneAmount',
    notInTemplate: true,
    help: {
      da: 'den del af Udgift, der er service; med Udgift skal service og ej service give Udgift',
      en: 'the service part of Udgift; with `Udgift YYYY` too, service and ej service must add up to it',
    },
  },
  ejService: {
    header: 'Udgift ej service',
    synonyms: [],
    type: 'amount',
    unit: 'enhed',
    per: 'year',
    required: 'oneAmount',
    notInTemplate: true,
    help: {
      da: 'den del af Udgift, der ikke er service (overførsler)',
      en: 'the part of Udgift that is not service (transfers)',
    },
  },
  indtaegt: {
    header: 'Indtægt',
    synonyms: [],
    type: 'amount',
    unit: 'enhed',
    per: 'year',
    required: 'oneAmount',
    help: {
      da: 'angivet ændring i indtægten (et tilskud, en medfinansiering)',
      en: 'stated change in income (a grant, a co-financing)',
    },
  },
  investering: {
    header: 'Investering',
    synonyms: [],
    type: 'amount',
    unit: 'enhed',
    per: 'year',
    required: 'oneAmount',
    help: { da: 'hvad det koster at gennemføre forslaget', en: 'cost of carrying it out' },
  },
  refusionShare: {
    header: 'Refusionsandel',
    synonyms: [],
    type: 'share',
    help: { da: 'den andel af Udgift, der giver refusion', en: 'share of Udgift that carries refusion' },
  },
  refusionRate: {
    header: 'Refusionssats',
    synonyms: [],
    type: 'share',
    help: {
      da: 'rækkens egen refusionssats (fx en driftsrefusion), bruges i stedet for scenariets',
      en: "the row's own refusion rate (e.g. a driftsrefusion), used instead of the scenario's",
    },
  },
  fullTimePersons: {
    header: 'Fuldtidspersoner',
    synonyms: [],
    type: 'count',
    unit: 'personer',
    range: 'aboveZero',
    help: {
      da: 'den volumen, Udgift er regnet for; scenariets Fuldtidspersoner <ydelse> skalerer Udgift med forholdet',
      en: "the base volume the Udgift was computed for; a scenario's `Fuldtidspersoner <ydelse>` scales Udgift by the ratio",
    },
  },
  cases: {
    header: 'Sager',
    synonyms: [],
    type: 'count',
    unit: 'sager',
    range: 'zeroOrMore',
    help: {
      da: 'antal sager; med Nuværende årsværk og Årsværkspris (alle tre eller ingen) giver scenariets caseload bemandingen',
      en: "number of cases; with `Nuværende årsværk` and `Årsværkspris` (all three or none) the scenario's caseload gives the staffing",
    },
  },
  currentStaff: {
    header: 'Nuværende årsværk',
    synonyms: [],
    type: 'count',
    unit: 'aarsvaerk',
    range: 'zeroOrMore',
    help: { da: 'årsværk på sagerne i dag (må være 0)', en: 'årsværk on the cases today (may be 0)' },
  },
  staffPrice: {
    header: 'Årsværkspris',
    synonyms: [],
    type: 'amount',
    unit: 'enhedPerAarsvaerk',
    range: 'zeroOrMore',
    help: { da: 'prisen for ét årsværk', en: 'the price of one årsværk' },
  },
} satisfies Record<string, Entry>;

/** The rows of the `Scenarier` sheet, by the text in its `Parameter` column. */
export const SCENARIO_PARAMETERS = {
  unit: {
    header: 'Enhed',
    synonyms: [],
    type: 'choice',
    choices: UNIT_CHOICES,
    help: {
      da: 'enheden for alle beløb i projektmappen, ind og ud, også Årsværkspris og Råderum; kun i basiskolonnen; standard kr.',
      en: 'the unit of every amount in the workbook, in and out, including `Årsværkspris` and `Råderum`. Given in the base column only; default `kr.`',
    },
  },
  language: {
    header: 'Sprog',
    synonyms: ['Language'],
    type: 'choice',
    choices: LANGUAGE_CHOICES,
    help: {
      da: 'sproget på de ark Råderum skriver (dansk eller engelsk); kun i basiskolonnen; uden: panelets sprog, ellers dansk',
      en: 'the language of the sheets Råderum writes (`dansk` or `engelsk`). Given in the base column only; without it: the pane’s language, else Danish',
    },
  },
  pool: {
    header: 'Råderum',
    synonyms: [],
    type: 'amount',
    unit: 'enhed',
    per: 'year',
    help: {
      da: 'puljen for året; et år uden tæller som 0, med en advarsel',
      en: 'the pool for year YYYY; a year without one counts as 0, with a warning',
    },
  },
  caseload: {
    header: 'Caseload',
    synonyms: [],
    type: 'number',
    unit: 'sagerPerAarsvaerk',
    range: 'aboveZero',
    help: { da: 'sager pr. årsværk for hver ydelse uden sin egen', en: 'cases per årsværk, for every benefit without its own' },
  },
  caseloadByBenefit: {
    header: 'Caseload',
    synonyms: [],
    type: 'number',
    unit: 'sagerPerAarsvaerk',
    per: 'benefit',
    range: 'aboveZero',
    help: { da: 'erstatter Caseload for én ydelse', en: 'overrides `Caseload` for one benefit' },
  },
  refusionByBenefit: {
    header: 'Refusion',
    synonyms: [],
    type: 'share',
    per: 'benefit',
    help: { da: 'refusionssatsen for ydelsen', en: 'the refusion rate for the benefit' },
  },
  durationShares: {
    header: 'Varighed uge',
    synonyms: [],
    type: 'share',
    per: 'bandAndBenefit',
    help: {
      da: 'refusionstrappen: andelen af ydelsens fuldtidspersoner i hvert trin af den samlede tid på ydelse; de fire skal give 100 % (± 0,1); satsen er da Σ andel × trinnets sats (80 / 40 / 30 / 20 %)',
      en: "the refusion staircase: the shares of the benefit's fuldtidspersoner in each band of accumulated time on benefits; they must add up to 100 % (± 0,1). The rate is then Σ share × band rate with the rates 80 / 40 / 30 / 20 % (lov om kommunernes finansiering af visse offentlige ydelser § 5). 10/20/20/50 % gives 32 %. For a-dagpenge the municipality's co-financing follows the same bands",
    },
  },
  fullTimePersonsByBenefit: {
    header: 'Fuldtidspersoner',
    synonyms: [],
    type: 'count',
    unit: 'personer',
    per: 'benefit',
    range: 'zeroOrMore',
    help: { da: 'ydelsens volumen i scenariet', en: "the benefit's volume in this scenario" },
  },
  mode: {
    header: 'Fordeling',
    synonyms: [],
    type: 'choice',
    choices: MODE_CHOICES,
    help: { da: 'hvordan råderummet deles ud; standard Prioritet', en: 'how the råderum is handed out; default `Prioritet`' },
  },
  excluded: {
    header: 'Udelad',
    synonyms: [],
    type: 'list',
    help: {
      da: 'numrene (Nr) på de forslag, scenariet udelader; ingen for ingen (og for at rydde basisscenariets)',
      en: 'the numbers (`Nr`) of the proposals this scenario leaves out; `ingen` for none (and to clear what the base leaves out)',
    },
  },
} satisfies Record<string, Entry>;

/** Columns only the output sheets write (they also write proposal columns such as Nr and Udgift). */
export const OUTPUT_COLUMNS = {
  netto: {
    header: 'Netto',
    synonyms: [],
    type: 'amount',
    unit: 'enhed',
    per: 'year',
    help: {
      da: 'Udgift + Indtægt (refusion med) + Investering; i Sammenligning med scenariets navn foran året (Netto Basis 2027)',
      en: "Udgift + Indtægt (refusion included) + Investering; in `Sammenligning` with the scenario's name before the year (`Netto Basis 2027`)",
    },
  },
  nettoPerPerson: {
    header: 'Netto pr. fuldtidsperson (kr.)',
    synonyms: [],
    type: 'amount',
    unit: 'kr',
    per: 'year',
    help: { da: 'netto delt med rækkens fuldtidspersoner', en: "netto divided by the row's fuldtidspersoner" },
  },
  status: {
    header: 'Status',
    synonyms: [],
    type: 'choice',
    choices: STATUS_CHOICES,
    help: { da: 'om ønsket er bevilget helt, delvist eller ikke', en: 'whether the request is funded in full, in part or not' },
  },
  requested: {
    header: 'Ønsket',
    synonyms: [],
    type: 'amount',
    unit: 'enhed',
    per: 'year',
    help: { da: 'hvad udvidelsen beder om: dens netto', en: 'what the request asks for: its netto' },
  },
  funded: {
    header: 'Bevilget',
    synonyms: [],
    type: 'amount',
    unit: 'enhed',
    per: 'year',
    help: { da: 'hvad udvidelsen får af råderummet', en: 'what the request gets from the råderum' },
  },
  shareOfPool: {
    header: 'Andel af råderum',
    synonyms: [],
    type: 'share',
    per: 'year',
    help: {
      da: 'det bevilgede som andel af det råderum, der er til rådighed i året',
      en: 'the funded amount as a share of the råderum available that year',
    },
  },
  difference: {
    header: 'Forskel',
    synonyms: [],
    type: 'amount',
    unit: 'enhed',
    per: 'year',
    help: { da: 'scenarie − basis', en: 'scenario − base' },
  },
  change: {
    header: 'Ændring',
    synonyms: [],
    type: 'text',
    help: {
      da: 'ønskets status i basis og i scenariet, med en pil hvor den skifter (Bevilget → Ikke bevilget)',
      en: 'the request’s status in the base and in the scenario, with an arrow where it changes (Bevilget → Ikke bevilget)',
    },
  },
  note: {
    header: 'Bemærkning',
    synonyms: [],
    type: 'text',
    help: {
      da: 'fx at forslaget er udeladt i et af scenarierne',
      en: 'e.g. that the proposal is left out in one of the scenarios',
    },
  },
} satisfies Record<string, Entry>;

export type ProposalColumnKey = keyof typeof PROPOSAL_COLUMNS;
export type ScenarioParameterKey = keyof typeof SCENARIO_PARAMETERS;
export type OutputColumnKey = keyof typeof OUTPUT_COLUMNS;
export type ColumnKey = ProposalColumnKey | ScenarioParameterKey | OutputColumnKey;

/** The proposal columns written once per year (`Udgift 2027`): the amounts. */
export type AmountField = {
  [K in ProposalColumnKey]: (typeof PROPOSAL_COLUMNS)[K] extends { per: 'year' } ? K : never;
}[ProposalColumnKey];
/** The proposal columns written once. */
export type ProposalField = Exclude<ProposalColumnKey, AmountField>;

const ALL: Record<ColumnKey, Entry> = { ...PROPOSAL_COLUMNS, ...SCENARIO_PARAMETERS, ...OUTPUT_COLUMNS };

export const entry = (key: ColumnKey): Entry => ALL[key];

/** The proposal columns in the template's order. */
export const PROPOSAL_KEYS = Object.keys(PROPOSAL_COLUMNS) as ProposalColumnKey[];
export const AMOUNT_FIELDS = PROPOSAL_KEYS.filter((k): k is AmountField => entry(k).per === 'year');
export const SCENARIO_KEYS = Object.keys(SCENARIO_PARAMETERS) as ScenarioParameterKey[];
export const OUTPUT_KEYS = Object.keys(OUTPUT_COLUMNS) as OutputColumnKey[];

/** The output sheets' words in English (`Sprog: engelsk`), for the columns they write; the sheets' names stay Danish (the contract's). */
export const ENGLISH_HEADERS: Partial<Record<ColumnKey, string>> = {
  nr: 'No.',
  title: 'Title',
  committee: 'Committee',
  kind: 'Kind',
  priority: 'Priority',
  alternativeTo: 'Alternative to',
  udgift: 'Expenditure',
  service: 'Expenditure service',
  ejService: 'Expenditure non-service',
  indtaegt: 'Revenue',
  investering: 'Investment',
  fullTimePersons: 'Full-time persons',
  mode: 'Allocation',
  netto: 'Net',
  nettoPerPerson: 'Net per full-time person (kr.)',
  status: 'Status',
  requested: 'Requested',
  funded: 'Funded',
  shareOfPool: 'Share of råderum',
  difference: 'Difference',
  change: 'Change',
  note: 'Note',
};

/** Choice words in English, by value, for the output sheets. */
export const ENGLISH_CHOICE_WORDS: Record<FundingStatus | AllocationMode | Kind, string> = {
  funded: 'Funded',
  partial: 'Partly funded',
  unfunded: 'Not funded',
  priority: 'Priority',
  'priority-partial': 'Priority, partial',
  'best-fill': 'Best fill',
  proportional: 'Proportional',
  Reduktion: 'Reduction',
  Udvidelse: 'Expansion',
};

/** The Danish header of a column: `header('service')` is `Udgift service`. */
export const header = (key: ColumnKey): string => ALL[key].header;

/**
 * The header of a per-year column: `yearHeader('udgift', 2027)` is `Udgift 2027`;
 * a qualifier goes between (`yearHeader('netto', 2027, 'Basis')` is `Netto Basis 2027`).
 */
export const yearHeader = (key: ColumnKey, year: number, qualifier?: string): string =>
  qualifier === undefined ? `${header(key)} ${year}` : `${header(key)} ${qualifier} ${year}`;

export const yearHeaders = (key: ColumnKey, years: readonly number[], qualifier?: string): string[] =>
  years.map((y) => yearHeader(key, y, qualifier));

/** The label of a per-benefit parameter row: `benefitLabel('refusionByBenefit', 'Kontanthjælp')` is `Refusion Kontanthjælp`. */
export const benefitLabel = (key: ScenarioParameterKey, benefit: string): string => `${header(key)} ${benefit}`;

/** The label of a staircase row: `bandLabel('1-4', 'Sygedagpenge')` is `Varighed uge 1-4 Sygedagpenge`. */
export const bandLabel = (band: (typeof BANDS)[number], benefit: string): string =>
  `${header('durationShares')} ${band} ${benefit}`;

/** The word the product writes for a choice's value: `choiceWord(MODE_CHOICES, 'best-fill')` is `Bedste udnyttelse`. */
export function choiceWord<V extends string>(choices: readonly Choice<V>[], value: V): string {
  const choice = choices.find((c) => c.value === value);
  if (!choice) throw new Error(`no word for ${value}`);
  return choice.words[0];
}

/** Reads a choice cell's text (matched like headers); undefined when it is none of the words. */
export function readChoice<V extends string>(choices: readonly Choice<V>[], text: string): V | undefined {
  const key = matchKey(text);
  return choices.find((c) => c.words.some((w) => matchKey(w) === key))?.value;
}

/** The match keys of an entry's header and synonyms. */
export const headerKeys = (e: Entry): string[] => [e.header, ...e.synonyms].map(matchKey);

// ---- the README's contract tables ------------------------------------------

/** An entry's header as the README shows it: `Udgift YYYY`, `Refusion <ydelse>`, the four `Varighed` rows. */
function documentedHeaders(e: Entry): string[] {
  switch (e.per) {
    case 'year':
      return [`${e.header} YYYY`];
    case 'benefit':
      return [`${e.header} <ydelse>`];
    case 'bandAndBenefit':
      return BANDS.map((band) => `${e.header} ${band} <ydelse>`);
    default:
      return [e.header];
  }
}

const code = (text: string): string => `\`${text}\``;

function orList(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** The kind of value, in English: `share (0–1 or %)`, `number (cases), 0 or more`, the words of a choice. */
function documentedValue(e: Entry, output: boolean): string {
  const unit = e.unit ? UNIT_WORDS[e.unit].en : undefined;
  const range = { aboveZero: ', above 0', zeroOrMore: ', 0 or more', none: '' }[e.range ?? 'none'];
  switch (e.type) {
    case 'choice':
      return orList(
        (e.choices ?? []).map(({ words: [word, ...others] }) =>
          others.length === 0 ? code(word) : `${code(word)} (or ${others.map(code).join(', ')})`,
        ),
      );
    case 'amount':
      return `amount in ${unit === 'kr.' ? 'kr.' : (unit ?? 'Enhed').replace('Enhed', code('Enhed'))}${range}`;
    case 'share':
      return output ? 'share, shown in %' : 'share (0–1 or %)';
    case 'list':
      return 'list, separated by commas';
    default:
      return `${e.type}${unit ? ` (${unit})` : ''}${range}`;
  }
}

const REQUIRED_WORDS = { yes: 'yes', oneAmount: 'at least one amount column', none: 'no' } as const;

const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;

function markdownTable(heads: readonly string[], rows: readonly string[][]): string {
  return [row(heads), `|${heads.map(() => '---').join('|')}|`, ...rows.map(row)].join('\n');
}

/**
 * The README's contract tables, made from the table of columns: the proposal
 * list's columns, the `Scenarier` sheet's parameters and the output sheets' own
 * columns. test/workbook/columns.test.ts checks README.md against them.
 */
export function contractTables(): { proposalColumns: string; scenarioParameters: string; outputColumns: string } {
  const cells = (key: ColumnKey) => {
    const e = entry(key);
    const output = (OUTPUT_KEYS as ColumnKey[]).includes(key);
    return [documentedHeaders(e).map(code).join(', '), code(key), documentedValue(e, output), e.help.en];
  };
  return {
    proposalColumns: markdownTable(
      ['header', 'in the code', 'value', 'meaning', 'required'],
      PROPOSAL_KEYS.map((k) => [...cells(k), REQUIRED_WORDS[entry(k).required ?? 'none']]),
    ),
    scenarioParameters: markdownTable(['parameter', 'in the code', 'value', 'meaning'], SCENARIO_KEYS.map(cells)),
    outputColumns: markdownTable(['header', 'in the code', 'value', 'meaning'], OUTPUT_KEYS.map(cells)),
  };
}
