/**
 * Proposal lists: any table or sheet whose header row holds `Nr` and `Titel`.
 * Each row becomes a typed Proposal, or problems with their cells.
 */
import { agreesWithSplit, asTyped, inKroner, splitUdgift } from '../model/figures';
import { problem, warning, type Issue } from '../model/problems';
import { isExactAmount } from '../model/rounding';
import type { CellPlace, Kind, Proposal } from '../model/types';
import { parseNumber, parseShare, type Parsed } from './cells';
import {
  AMOUNT_FIELDS,
  entry,
  header,
  headerKeys,
  KIND_CHOICES,
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
/** The columns a list must have (`Nr`, `Titel`). */
const REQUIRED = PROPOSAL_KEYS.filter((k): k is Field => entry(k).required === 'yes');

export interface ProposalList {
  area: Area;
  years: number[];
  fields: Partial<Record<Field, number>>;
  amounts: { field: AmountField; year: number; index: number }[];
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
  const list: ProposalList = { area, years: [], fields: {}, amounts: [] };
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
    } else if (/ \d{4}$/.test(key)) {
      issues.push(warning('unknownYearHeader', { header: cellText(cell) }, place));
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

/** Reads one list's rows; `order` numbers proposals across the workbook. */
export function readProposals(list: ProposalList, kroner: number, firstOrder: number, issues: Issue[]): Proposal[] {
  const { area, fields, years } = list;
  const proposals: Proposal[] = [];
  area.rows.forEach((cells, r) => {
    if (cells.every(isBlank)) return;
    const row = area.firstDataRow + r;
    const placeOf = (index: number): CellPlace => ({ sheet: area.sheet, row, column: area.column + index });
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
    const text = (field: 'nr' | 'title' | 'committee' | 'kind' | 'benefit'): string => {
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
      places: {
        row: placeOf(fields.nr as number),
        refusionShare: cell('refusionShare')?.place,
        staffing: cell('cases')?.place,
        fullTimePersons: cell('fullTimePersons')?.place,
      },
    });
  });
  return proposals;
}
