/**
 * Proposal lists: any table or sheet whose header row holds `Nr` and `Titel`.
 * Each row becomes a typed Proposal, or problems with their cells.
 */
import { problem, warning, type Issue } from '../model/problems';
import { isExactAmount, MAX_AMOUNT } from '../model/rounding';
import type { CellPlace, Kind, Proposal } from '../model/types';
import { parseNumber, parseShare, type Parsed } from './cells';
import { findHeaderRow, firstRows, sheetAreas, type Area } from './areas';
import { cellError, isBlank, NO_VALUE, type CellValue, type SheetCells } from './grid';
import { cellText, matchKey } from './text';

export type AmountField = 'udgift' | 'service' | 'ejService' | 'indtaegt' | 'investering';

const AMOUNT_HEADERS: Record<string, AmountField> = {
  udgift: 'udgift',
  'udgift service': 'service',
  'udgift ej service': 'ejService',
  indtaegt: 'indtaegt',
  investering: 'investering',
};

const FIELD_HEADERS = {
  nr: 'nr',
  titel: 'title',
  udvalg: 'committee',
  art: 'kind',
  ydelse: 'benefit',
  prioritet: 'priority',
  refusionsandel: 'refusionShare',
  refusionssats: 'refusionRate',
  fuldtidspersoner: 'fullTimePersons',
  sager: 'cases',
  'nuvaerende aarsvaerk': 'currentStaff',
  aarsvaerkspris: 'staffPrice',
} as const;
type Field = (typeof FIELD_HEADERS)[keyof typeof FIELD_HEADERS];

const KINDS: Record<string, Kind> = {
  reduktion: 'Reduktion',
  effektivisering: 'Reduktion',
  besparelse: 'Reduktion',
  udvidelse: 'Udvidelse',
  driftsoenske: 'Udvidelse',
  bevilling: 'Udvidelse',
};

export interface ProposalList {
  area: Area;
  years: number[];
  fields: Partial<Record<Field, number>>;
  amounts: { field: AmountField; year: number; index: number }[];
}

const isListHeader = (row: CellValue[]): boolean => {
  const keys = row.map((c) => matchKey(cellText(c)));
  return keys.includes('nr') && keys.includes('titel');
};

/** The header of an amount column (`Udgift 2027`), if the text is one. */
function amountHeader(key: string): { field: AmountField; year: number } | undefined {
  const m = key.match(/^(.*) (\d{4})$/);
  return m && AMOUNT_HEADERS[m[1]] ? { field: AMOUNT_HEADERS[m[1]], year: Number(m[2]) } : undefined;
}

/** Headers people write instead of the template's, to suggest the right one. */
const NEAR_MISSES: Record<'Nr' | 'Titel', string[]> = {
  Nr: ['nummer', 'no', 'nr nr', 'id', 'forslagsnummer', 'forslagsnr', 'forslag nr', 'loebenummer', 'loebenr', 'number', 'ref'],
  Titel: ['forslag', 'navn', 'beskrivelse', 'overskrift', 'tekst', 'title', 'forslagets titel', 'forslagstitel', 'emne'],
};

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
  for (const [header, key] of [
    ['Nr', 'nr'],
    ['Titel', 'titel'],
  ] as const) {
    if (keys.includes(key)) continue;
    const guess = keys.findIndex((k) => NEAR_MISSES[header].includes(k));
    const index = guess >= 0 ? guess : firstIndex;
    issues.push(
      problem(
        guess >= 0 ? 'listHeaderNearMiss' : 'listHeaderMissing',
        { header, amount: cellText(cells[amountIndex]), found: guess >= 0 ? cellText(cells[guess]) : '' },
        { sheet, row, column: column + index },
      ),
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
    } else if (key in FIELD_HEADERS) {
      list.fields[FIELD_HEADERS[key as keyof typeof FIELD_HEADERS]] = index;
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
    const positive = (field: Field, allowZero: boolean): number | undefined => {
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
      statedKind = KINDS[matchKey(kindText)];
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
      else if (!isExactAmount(n.value * kroner))
        found.push(problem('numberTooLarge', { text: cellText(value), max: MAX_AMOUNT }, placeOf(a.index)));
      else {
        amounts[a.field][t] = n.value * kroner;
        stated[a.field][t] = true;
      }
    }
    const splits = stated.service.some(Boolean) || stated.ejService.some(Boolean);
    let udgift = amounts.udgift;
    if (splits) {
      const splitSum = years.map((_, t) => amounts.service[t] + amounts.ejService[t]);
      years.forEach((year, t) => {
        if (stated.udgift[t] && Math.abs(amounts.udgift[t] - splitSum[t]) > 0.5) {
          const index = list.amounts.find((a) => a.field === 'udgift' && a.year === year)?.index as number;
          found.push(
            problem('splitMismatch', { year, udgift: amounts.udgift[t] / kroner, split: splitSum[t] / kroner }, placeOf(index)),
          );
        }
      });
      udgift = splitSum;
    }

    const refusionShare = parsed('refusionShare', parseShare);
    const refusionRate = parsed('refusionRate', parseShare);
    const fullTimePersons = positive('fullTimePersons', false);
    const staffingCells = (['cases', 'currentStaff', 'staffPrice'] as const).map((f) => cell(f));
    let staffing: Proposal['staffing'];
    if (staffingCells.some(Boolean)) {
      const missing = (['cases', 'currentStaff', 'staffPrice'] as const).filter((_, i) => !staffingCells[i]);
      if (missing.length > 0) {
        const present = staffingCells.find((c) => c !== undefined);
        found.push(problem('staffingIncomplete', { missing: missing.map(staffingHeader).join(', ') }, present?.place));
      } else {
        const cases = positive('cases', true);
        const currentStaff = positive('currentStaff', true);
        const staffPrice = positive('staffPrice', true);
        if (cases !== undefined && currentStaff !== undefined && staffPrice !== undefined)
          staffing = { cases, currentStaff, staffPrice: staffPrice * kroner };
      }
    }
    if (staffing && !isExactAmount(staffing.staffPrice))
      found.push(
        problem(
          'numberTooLarge',
          { text: cellText(cell('staffPrice')?.value ?? null), max: MAX_AMOUNT },
          cell('staffPrice')?.place,
        ),
      );
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

function staffingHeader(field: 'cases' | 'currentStaff' | 'staffPrice'): string {
  return { cases: 'Sager', currentStaff: 'Nuværende årsværk', staffPrice: 'Årsværkspris' }[field];
}
