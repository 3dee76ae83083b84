/**
 * Proposal lists: any table or sheet whose header row holds `Nr` and `Titel`.
 * Each row becomes a typed Proposal, or problems with their cells.
 */
import { agreesWithSplit, asTyped, inKroner, splitUdgift } from '../model/figures';
import { problem, warning, type Issue } from '../model/problems';
import { isExactAmount, isZeroAmount } from '../model/rounding';
import { addYears, zeros } from '../model/rules';
import type { CellPlace, Kind, Proposal } from '../model/types';
import { parseNumber, parseShare, type Parsed } from './cells';
import {
  AMOUNT_FIELDS,
  entry,
  header,
  headerKeys,
  KIND_CHOICES,
  OUTPUT_KEYS,
  PROPOSAL_KEYS,
  readChoice,
  type AmountField,
  type ProposalColumnKey,
  type ProposalField,
} from './columns';
import { findHeaderRow, firstRows, sheetAreas, type Area } from './areas';
import { cellError, isBlank, NO_VALUE, type CellValue, type SheetCells } from './grid';
import { cellText, matchKey } from './text';

type Field = ProposalField;

const isAmountField = (key: ProposalColumnKey): key is AmountField => (AMOUNT_FIELDS as ProposalColumnKey[]).includes(key);
/** Header match key → column, from the table of columns (Maps: a header such as `constructor` is no column). */
const FIELD_HEADERS = new Map<string, Field>();
const AMOUNT_HEADERS = new Map<string, AmountField>();
for (const key of PROPOSAL_KEYS)
  for (const k of headerKeys(entry(key))) {
    if (isAmountField(key)) AMOUNT_HEADERS.set(k, key);
    else FIELD_HEADERS.set(k, key);
  }
/** `udgift`, `indtaegt`, …: the amount columns' names without a year. */
const AMOUNT_NAMES = new Set(AMOUNT_HEADERS.keys());
/** The columns a list must have (`Nr`, `Titel`). */
const REQUIRED = PROPOSAL_KEYS.filter((k): k is Field => entry(k).required === 'yes');

/**
 * Headers of columns Råderum writes itself (`Netto 2027`, `Netto Basis 2027`, `Status`, …): a list's column of
 * that name is never carried into Resultat as the user's own, where it would stand beside (and be taken for)
 * Råderum's figure. `Bemærkning` is carried: Resultat writes none, and in a list it is the user's note.
 */
const OUTPUT_ONCE = new Set(OUTPUT_KEYS.filter((k) => entry(k).per !== 'year' && k !== 'note').map((k) => matchKey(header(k))));
const OUTPUT_PER_YEAR = new Set(OUTPUT_KEYS.filter((k) => entry(k).per === 'year').map((k) => matchKey(header(k))));
const NETTO = matchKey(header('netto'));

function isOutputHeader(key: string): boolean {
  if (OUTPUT_ONCE.has(key)) return true;
  const m = key.match(/^(.*) \d{4}$/);
  // Sammenligning's `Netto <scenario> 2027` too.
  return m !== null && (OUTPUT_PER_YEAR.has(m[1]) || m[1].startsWith(`${NETTO} `));
}

/** A column of the list that the template does not know (`Konto`, `Bemærkning`): carried into Resultat as it is. */
export interface OwnColumn {
  /** Index in the list's rows. */
  index: number;
  /** The header as typed (trimmed). */
  header: string;
  /** The header's match key: two lists' columns are one when their keys are. */
  key: string;
}

export interface ProposalList {
  area: Area;
  years: number[];
  fields: Partial<Record<Field, number>>;
  amounts: { field: AmountField; year: number; index: number }[];
  /** The user's own columns, in the list's order. */
  own: OwnColumn[];
}

const isListHeader = (row: CellValue[]): boolean => {
  const fields = new Set(row.map((c) => FIELD_HEADERS.get(matchKey(cellText(c)))));
  return REQUIRED.every((f) => fields.has(f));
};

/** The header of an amount column (`Udgift 2027`), if the text is one. */
function amountHeader(key: string): { field: AmountField; year: number } | undefined {
  const m = key.match(/^(.*) (\d{4})$/);
  const field = m ? AMOUNT_HEADERS.get(m[1]) : undefined;
  return m && field ? { field, year: Number(m[2]) } : undefined;
}

/**
 * A header row that has amount columns (`Udgift 2027`) but lacks `Nr` or
 * `Titel` is a list that would be skipped without a word: a problem per missing
 * header, at the column that was probably meant (`Forslag` for Titel).
 */
function nearMissList(sheet: string, row: number, column: number, cells: readonly CellValue[], issues: Issue[]): boolean {
  // Array.from, not map: a row may be sparse, and its holes are blank cells.
  const keys = Array.from(cells, (c) => matchKey(cellText(c ?? null)));
  const amountIndex = keys.findIndex((k) => amountHeader(k) !== undefined);
  if (amountIndex < 0) return false;
  const firstIndex = Math.max(
    0,
    cells.findIndex((c) => !isBlank(c ?? null)),
  );
  let found = false;
  for (const field of REQUIRED) {
    if (keys.some((k) => FIELD_HEADERS.get(k) === field)) continue;
    const { header, nearMisses = [] } = entry(field);
    const guess = keys.findIndex((k) => nearMisses.includes(k));
    const amount = cellText(cells[amountIndex]);
    issues.push(
      guess >= 0
        ? problem('listHeaderNearMiss', { header, amount, found: cellText(cells[guess]) }, { sheet, row, column: column + guess })
        : problem('listHeaderMissing', { header, amount }, { sheet, row, column: column + firstIndex }),
    );
    found = true;
  }
  return found;
}

/** Every proposal list on the given input sheets, in sheet order. */
export function findProposalLists(sheets: readonly SheetCells[], issues: Issue[]): ProposalList[] {
  const lists: ProposalList[] = [];
  for (const sheet of sheets) {
    const allTables = sheetAreas(sheet);
    const tables = allTables.filter((a) => isListHeader(a.header));
    for (const t of allTables) if (!tables.includes(t)) nearMissList(sheet.name, t.headerRow, t.column, t.header, issues);
    const plain = tables.length > 0 ? undefined : findHeaderRow(sheet, isListHeader);
    if (tables.length === 0 && !plain && allTables.length === 0)
      for (const { row, cells } of firstRows(sheet)) if (nearMissList(sheet.name, row, sheet.origin.column, cells, issues)) break;
    const areas = tables.length > 0 ? tables : plain ? [plain] : [];
    for (const area of areas) {
      const list = readHeader(area, issues);
      if (list) lists.push(list);
    }
  }
  return lists;
}

function readHeader(area: Area, issues: Issue[]): ProposalList | undefined {
  const list: ProposalList = { area, years: [], fields: {}, amounts: [], own: [] };
  const seen = new Map<string, number>();
  area.header.forEach((cell, index) => {
    if (isBlank(cell)) return;
    const key = matchKey(cellText(cell));
    const place = { sheet: area.sheet, row: area.headerRow, column: area.column + index };
    if (seen.has(key)) {
      issues.push(problem('headerTwice', { header: cellText(cell) }, place));
      return;
    }
    seen.set(key, index);
    const amount = amountHeader(key);
    if (amount) {
      list.amounts.push({ ...amount, index });
    } else if (FIELD_HEADERS.has(key)) {
      list.fields[FIELD_HEADERS.get(key) as Field] = index;
    } else {
      // `Budget 2027` is not an amount column (perhaps a mistyped one): said, and still carried as the user's.
      if (/ \d{4}$/.test(key)) issues.push(warning('unknownYearHeader', { header: cellText(cell) }, place));
      // An amount's name without a year (`Udgift`) is the template's word, not the user's own column.
      if (!isOutputHeader(key) && !AMOUNT_NAMES.has(key)) list.own.push({ index, header: cellText(cell), key });
    }
  });
  const headerPlace = { sheet: area.sheet, row: area.headerRow, column: area.column };
  if (list.amounts.length === 0) {
    issues.push(problem('noAmountColumns', {}, headerPlace));
    return undefined;
  }
  const years = [...new Set(list.amounts.map((a) => a.year))].sort((a, b) => a - b);
  if (years[years.length - 1] - years[0] !== years.length - 1) {
    issues.push(problem('yearsNotConsecutive', { years: years.join(', ') }, headerPlace));
    return undefined;
  }
  list.years = years;
  return list;
}

// ---- totals rows -----------------------------------------------------------

/**
 * The words a totals row's label starts with, matched like headers (case, æ/ae, a trailing dot do not matter),
 * longest first so `Sum i alt` is one word (not `Sum` and a name). `I alt` is the Danish total; `Subtotal` and the rest are as sheets write them.
 */
const TOTAL_WORDS = [
  'samlet i alt',
  'total i alt',
  'grand total',
  'hovedtotal',
  'sum i alt',
  'sub-total',
  'sub total',
  'subtotal',
  'samlet',
  'totalt',
  'total',
  'summa',
  'i alt',
  'ialt',
  'sum',
];
/** These also begin real titles (`Samlet plan for …`, `Total renovering af …`): followed by a name, only a row of sums is a total. */
const TITLE_WORDS = new Set(['totalt', 'total', 'summa', 'sum', 'samlet']);
/** A totals word, then nothing or a separator and a name: `I alt`, `I alt Faxe`, `Total: Social`, `I alt - netto`. */
const TOTAL_LABEL = new RegExp(`^(${TOTAL_WORDS.join('|')})(?:$|[ :;,-]+(.*)$)`);

/** The totals word and the name after it, when the text is a totals row's label. */
export function totalsLabel(text: string): { word: string; name: string } | undefined {
  const m = matchKey(text).match(TOTAL_LABEL);
  return m ? { word: m[1], name: m[2] ?? '' } : undefined;
}

/** A label's text may start with a totals word: a cheap look before matching (most rows have a number such as `EBU 1`). */
const MAY_BE_TOTAL = /^\s*(i|sub|hoved|grand|tot|sum|saml)/i;

/**
 * The amount columns' sums over the rows above (in kroner), since the list began and since the last totals
 * row. Rows are added up only when a row that may be a total asks: most lists have none, and pay nothing.
 */
class ColumnSums {
  private sinceStart: readonly number[];
  private sinceTotal: readonly number[];
  /** Rows counted but not yet added up. */
  private pending: CellValue[][] = [];
  /** Rows with amounts since the list began, and since the last totals row: a row of sums without a label must sum more than one. */
  private rowsSinceStart = 0;
  private rowsSinceTotal = 0;

  constructor(private readonly amountsOf: (cells: readonly CellValue[]) => (number | undefined)[]) {
    this.sinceStart = zeros(0);
    this.sinceTotal = this.sinceStart;
  }

  count(cells: CellValue[]): void {
    this.pending.push(cells);
  }

  /** Whether the row's amounts are sums: each agrees, to half a krone, with its column's sum since the start or since the last total; one is not 0. */
  areSums(amounts: readonly (number | undefined)[], ofSeveralRows = false): boolean {
    this.catchUp(amounts.length);
    // Each window on its own: all amounts the sums since the start, or all since the last total (of two rows or more
    // where asked: a row repeating the one row above it may be that proposal's second line).
    const most = ofSeveralRows ? 2 : 1;
    const matches = (sums: readonly number[], rows: number) =>
      rows >= most && amounts.every((v, i) => v === undefined || agreesWithSplit(v, sums[i]));
    if (!matches(this.sinceStart, this.rowsSinceStart) && !matches(this.sinceTotal, this.rowsSinceTotal)) return false;
    return amounts.some((v) => v !== undefined && !isZeroAmount(v));
  }

  /** A totals row: the sums since the last total start again. */
  startAgain(width: number): void {
    this.catchUp(width);
    this.sinceTotal = zeros(width);
    this.rowsSinceTotal = 0;
  }

  private catchUp(width: number): void {
    if (this.sinceStart.length !== width) this.sinceStart = this.sinceTotal = zeros(width);
    for (const cells of this.pending) {
      const amounts = this.amountsOf(cells);
      if (amounts.every((v) => v === undefined)) continue;
      this.rowsSinceStart++;
      this.rowsSinceTotal++;
      const values = amounts.map((v) => v ?? 0);
      this.sinceStart = addYears(this.sinceStart, values);
      this.sinceTotal = addYears(this.sinceTotal, values);
    }
    this.pending = [];
  }
}

/**
 * Whether a row is a totals row rather than a proposal (README, "Totals rows"): its Nr cell is empty or holds a
 * totals label, and the label (Nr's text, else Titel's) starts with a totals word followed by nothing or a name;
 * after `Total`, `Sum` or `Samlet` a name needs the row's amounts to be sums. A row without Nr and Titel
 * whose amounts are sums of two or more rows is one too (label ''). A numbered row, or `i alt` inside a title, never is.
 */
function totalsRowLabel(
  nr: CellValue,
  title: CellValue,
  amounts: () => (number | undefined)[],
  sums: ColumnSums,
): { text: string; inNr: boolean } | undefined {
  if (!isBlank(nr) && !(typeof nr === 'string' && MAY_BE_TOTAL.test(nr))) return undefined;
  const labelled = !isBlank(nr) ? { cell: nr, inNr: true } : !isBlank(title) ? { cell: title, inNr: false } : undefined;
  // Without a label, a row that repeats the one proposal above it may be that proposal's second line.
  if (!labelled) return sums.areSums(amounts(), true) ? { text: '', inNr: true } : undefined;
  if (cellError(labelled.cell) !== undefined) return undefined;
  const text = cellText(labelled.cell);
  const label = totalsLabel(text);
  if (!label) return undefined;
  if (label.name !== '' && TITLE_WORDS.has(label.word) && !sums.areSums(amounts())) return undefined;
  return { text, inNr: labelled.inNr };
}

/** What readProposals tells beside the proposals. */
export interface ListRows {
  /** Per proposal returned, its index in the list's rows. */
  rows: number[];
  /** The totals rows left out, by index in the list's rows. */
  totalsRows: number[];
}

/**
 * Reads one list's rows; `order` numbers proposals across the workbook. A totals row is left out with a
 * warning, and the rows after it are read on: a sheet with a subtotal per department has proposals below each.
 */
export function readProposals(
  list: ProposalList,
  kroner: number,
  firstOrder: number,
  issues: Issue[],
  out: ListRows = { rows: [], totalsRows: [] },
): Proposal[] {
  const { area, fields, years } = list;
  const proposals: Proposal[] = [];
  const amountsInKroner = (cells: readonly CellValue[]): (number | undefined)[] =>
    list.amounts.map((a) => {
      const n = parseNumber(cells[a.index]);
      return n && n.ok ? inKroner(n.value, kroner) : undefined;
    });
  const sums = new ColumnSums(amountsInKroner);
  area.rows.forEach((cells, r) => {
    if (cells.every(isBlank)) return;
    const row = area.firstDataRow + r;
    const placeOf = (index: number): CellPlace => ({ sheet: area.sheet, row, column: area.column + index });
    const total = totalsRowLabel(cells[fields.nr as number], cells[fields.title as number], () => amountsInKroner(cells), sums);
    if (total) {
      issues.push(warning('totalsRowSkipped', { text: total.text }, placeOf((total.inNr ? fields.nr : fields.title) as number)));
      sums.startAgain(list.amounts.length);
      out.totalsRows.push(r);
      return;
    }
    sums.count(cells);
    const found: Issue[] = [];
    const cell = (field: Field): { value: CellValue; place: CellPlace } | undefined => {
      const index = fields[field];
      return index === undefined || isBlank(cells[index]) ? undefined : { value: cells[index], place: placeOf(index) };
    };
    const parsed = <T>(field: Field, parse: (v: CellValue) => Parsed<T> | undefined): T | undefined => {
      const c = cell(field);
      if (!c) return undefined;
      const p = parse(c.value) as Parsed<T>;
      if (p.ok) return p.value;
      found.push(problem(p.reason, { text: cellText(c.value) }, c.place));
      return undefined;
    };
    // A count or price outside its range (the table's `range`) is a problem in its cell.
    const counted = (field: Field): number | undefined => {
      const allowZero = entry(field).range !== 'aboveZero';
      const v = parsed(field, parseNumber);
      if (v !== undefined && (v < 0 || (!allowZero && v === 0))) {
        found.push(
          problem(allowZero ? 'negative' : 'notPositive', { text: cellText(cell(field)?.value ?? null) }, cell(field)?.place),
        );
        return undefined;
      }
      return v;
    };

    // A text cell showing an error (or a formula without a stored result) has no text to read.
    const text = (field: 'nr' | 'title' | 'committee' | 'kind' | 'benefit' | 'alternativeTo'): string => {
      const c = cell(field);
      if (!c) return '';
      const error = cellError(c.value);
      if (error === undefined) return cellText(c.value);
      found.push(problem(error === NO_VALUE ? 'formulaWithoutValue' : 'textCellError', { text: error }, c.place));
      return error;
    };
    const nr = text('nr');
    const title = text('title');
    const committee = text('committee');
    const benefitText = text('benefit');
    const alternativeTo = text('alternativeTo');
    if (nr === '') found.push(problem('nrMissing', {}, placeOf(fields.nr as number)));
    if (title === '') found.push(problem('titleMissing', {}, placeOf(fields.title as number)));

    let statedKind: Kind | undefined;
    const kindCell = cell('kind');
    const kindText = text('kind');
    if (kindCell && cellError(kindCell.value) === undefined) {
      statedKind = readChoice(KIND_CHOICES, kindText);
      if (!statedKind) found.push(problem('unknownKind', { text: kindText }, kindCell.place));
    }
    const priority = parsed('priority', parseNumber);

    const amounts: Record<AmountField, number[]> = {
      udgift: years.map(() => 0),
      service: years.map(() => 0),
      ejService: years.map(() => 0),
      indtaegt: years.map(() => 0),
      investering: years.map(() => 0),
    };
    const stated: Record<AmountField, boolean[]> = {
      udgift: years.map(() => false),
      service: years.map(() => false),
      ejService: years.map(() => false),
      indtaegt: years.map(() => false),
      investering: years.map(() => false),
    };
    for (const a of list.amounts) {
      const value = cells[a.index];
      const n = parseNumber(value);
      if (!n) continue;
      const t = years.indexOf(a.year);
      if (!n.ok) found.push(problem(n.reason, { text: cellText(value) }, placeOf(a.index)));
      else if (!isExactAmount(inKroner(n.value, kroner)))
        found.push(problem('numberTooLarge', { text: cellText(value) }, placeOf(a.index)));
      else {
        amounts[a.field][t] = inKroner(n.value, kroner);
        stated[a.field][t] = true;
      }
    }
    const splits = stated.service.some(Boolean) || stated.ejService.some(Boolean);
    let udgift = amounts.udgift;
    if (splits) {
      const splitSum = splitUdgift(amounts.service, amounts.ejService);
      years.forEach((year, t) => {
        if (stated.udgift[t] && !agreesWithSplit(amounts.udgift[t], splitSum[t])) {
          const index = list.amounts.find((a) => a.field === 'udgift' && a.year === year)?.index as number;
          found.push(
            problem(
              'splitMismatch',
              { year, udgift: asTyped(amounts.udgift[t], kroner), split: asTyped(splitSum[t], kroner) },
              placeOf(index),
            ),
          );
        }
      });
      udgift = splitSum;
    }

    const refusionShare = parsed('refusionShare', parseShare);
    const refusionRate = parsed('refusionRate', parseShare);
    const fullTimePersons = counted('fullTimePersons');
    const staffingCells = (['cases', 'currentStaff', 'staffPrice'] as const).map((f) => cell(f));
    let staffing: Proposal['staffing'];
    if (staffingCells.some(Boolean)) {
      const missing = (['cases', 'currentStaff', 'staffPrice'] as const).filter((_, i) => !staffingCells[i]);
      if (missing.length > 0) {
        const present = staffingCells.find((c) => c !== undefined);
        found.push(problem('staffingIncomplete', { missing: missing.map(header).join(', ') }, present?.place));
      } else {
        const cases = counted('cases');
        const currentStaff = counted('currentStaff');
        const staffPrice = counted('staffPrice');
        if (cases !== undefined && currentStaff !== undefined && staffPrice !== undefined)
          staffing = { cases, currentStaff, staffPrice: inKroner(staffPrice, kroner) };
      }
    }
    if (staffing && !isExactAmount(staffing.staffPrice))
      found.push(problem('numberTooLarge', { text: cellText(cell('staffPrice')?.value ?? null) }, cell('staffPrice')?.place));
    issues.push(...found);
    if (found.some((f) => f.severity === 'problem')) return;
    out.rows.push(r);
    proposals.push({
      nr,
      title,
      committee,
      statedKind,
      benefit: benefitText === '' ? undefined : matchKey(benefitText),
      priority,
      order: firstOrder + proposals.length,
      udgift,
      split: splits ? { service: amounts.service, ejService: amounts.ejService } : undefined,
      indtaegt: amounts.indtaegt,
      hasStatedIndtaegt: stated.indtaegt.some(Boolean),
      investering: amounts.investering,
      refusionShare,
      refusionRate,
      fullTimePersons,
      staffing,
      // As typed; the reader checks it names a main request and takes that one's spelling.
      alternativeTo: alternativeTo === '' ? undefined : alternativeTo,
      places: {
        row: placeOf(fields.nr as number),
        alternativeTo: cell('alternativeTo')?.place,
        refusionShare: cell('refusionShare')?.place,
        staffing: cell('cases')?.place,
        fullTimePersons: cell('fullTimePersons')?.place,
      },
    });
  });
  return proposals;
}
