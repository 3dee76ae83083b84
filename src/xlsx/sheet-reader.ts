/**
 * The direct reader: a workbook package's sheets as plain grids, read straight
 * from its XML parts (jszip + saxes), without building an ExcelJS workbook.
 * A worksheet part is streamed, never held as one string, and each cell kept is
 * three small entries (row, column, value), so a sheet of 200.000 proposals is
 * read in a few seconds and a few hundred MB.
 *
 * It hands the workbook layer exactly what `readSheets` (src/xlsx/cells.ts)
 * gives for an ExcelJS workbook, with one fix: a formula whose stored result is
 * "" reads as empty, as Excel shows it (ExcelJS drops that result and reads
 * "no stored result"). test/contract/adapters.test.ts holds the three adapters to this.
 */
import type JSZip from 'jszip';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { NO_VALUE, type CellValue, type SheetCells, type TableArea } from '../workbook/grid';
import { isOutputSheet, OUTPUT_MARK_ROWS } from '../workbook/read';
import { shownValue } from '../workbook/excel-dates';
import { isScenarioSheet } from '../workbook/scenario-edit';
import { gridValue, MAX_SHEET_CELLS, plainValue } from './cells';
import { DamagedWorkbook } from './open';
import { FileProblem, readWorkbookBytes } from './files';
import { NotAWorkbook, openPackage, REL, resolveTarget, type PackageFacts, type Parts } from './package';

export interface ReadPackage {
  sheets: SheetCells[];
  /** What a copy written through ExcelJS would lose (the command line warns of it). */
  facts: PackageFacts;
}

/**
 * Excel's built-in number formats that ExcelJS knows by code (the locale-bound
 * ones, 27–36 and 50–58, it does not, so neither does this reader). Only whether
 * a code shows a date or a time matters here: 14–22 and 45–47.
 */
const BUILT_IN_FORMATS: Record<number, string> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** An element's name without its namespace prefix (`x:c` is `c`): SpreadsheetML may come under any prefix. */
const local = (name: string): string => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

/** The relationship id of an element (`r:id`, whatever the prefix). */
function relationshipId(attributes: Record<string, string>): string | undefined {
  for (const key in attributes) if (key.endsWith(':id')) return attributes[key];
  return undefined;
}

interface XmlHandlers {
  open(name: string, attributes: Record<string, string>): void;
  close(name: string): void;
  text?(text: string): void;
}

function parser(handlers: XmlHandlers): SaxesParser {
  const xml = new SaxesParser({ position: false });
  xml.on('opentag', (tag) => handlers.open(local(tag.name), (tag as SaxesTagPlain).attributes));
  xml.on('closetag', (tag) => handlers.close(local(tag.name)));
  const { text } = handlers;
  if (text) xml.on('text', text);
  return xml;
}

/** Parses a part as it is inflated, chunk by chunk: a 100 MB sheet part is never one string. */
function streamPart(file: JSZip.JSZipObject, handlers: XmlHandlers): Promise<void> {
  const xml = parser(handlers);
  const decoder = new TextDecoder('utf-8');
  return new Promise((resolve, reject) => {
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      stream.pause();
      reject(error);
    };
    type Helper = {
      on(event: 'data', f: (chunk: Uint8Array) => void): Helper;
      on(event: 'error', f: (error: unknown) => void): Helper;
      on(event: 'end', f: () => void): Helper;
      pause(): Helper;
      resume(): Helper;
    };
    const stream = (file as unknown as { internalStream(type: 'uint8array'): Helper }).internalStream('uint8array');
    stream
      .on('data', (chunk) => {
        if (failed) return;
        try {
          xml.write(decoder.decode(chunk, { stream: true }));
        } catch (error) {
          fail(error);
        }
      })
      .on('error', fail)
      .on('end', () => {
        if (failed) return;
        try {
          xml.write(decoder.decode());
          xml.close();
          resolve();
        } catch (error) {
          fail(error);
        }
      })
      .resume();
  });
}

function parseText(text: string, handlers: XmlHandlers): void {
  parser(handlers).write(text).close();
}

/** `AB12` as a 0-based row and column; `row` is -1 when the reference has no digits. */
function decodeCell(ref: string): { row: number; column: number } {
  let column = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i) | 0x20; // lower case
    if (code < 97 || code > 122) break;
    column = column * 26 + code - 96;
  }
  let row = 0;
  let digits = false;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code === 36) continue; // $
    if (code < 48 || code > 57) break;
    row = row * 10 + code - 48;
    digits = true;
  }
  return { row: digits ? row - 1 : -1, column: column - 1 };
}

interface Area {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

function decodeArea(ref: string): Area | undefined {
  const [a, b = a] = ref.trim().split(':');
  const from = decodeCell(a);
  const to = decodeCell(b);
  if (from.row < 0 || from.column < 0 || to.row < 0 || to.column < 0) return undefined;
  return { row: from.row, column: from.column, rowCount: to.row - from.row + 1, columnCount: to.column - from.column + 1 };
}

/** The number format of each cell style (`s` is its index in cellXfs). */
async function readStyles(parts: Parts, part: string | undefined): Promise<(string | undefined)[]> {
  const xml = part === undefined ? undefined : await parts.text(part);
  if (xml === undefined) return [];
  const custom = new Map<number, string>();
  const formats: (string | undefined)[] = [];
  let inCellXfs = false;
  parseText(xml, {
    open(name, a) {
      // Backslash escapes taken out, as ExcelJS does (`dd\-mm\-yyyy\ hh:mm` is a date and a time).
      if (name === 'numFmt') custom.set(Number(a.numFmtId), (a.formatCode ?? '').replace(/\\(.)/g, '$1'));
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        // As ExcelJS: the workbook's own code first, then the built-in one; 0 is General.
        formats.push(id ? (custom.get(id) ?? BUILT_IN_FORMATS[id]) : undefined);
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return formats;
}

/** The shared strings: rich text is its runs' text; phonetic runs (`rPh`, Japanese readings) are no text. */
async function readSharedStrings(parts: Parts, part: string | undefined): Promise<string[]> {
  const file = part === undefined ? undefined : parts.file(part);
  if (file === undefined) return [];
  const strings: string[] = [];
  let text = '';
  let inT = false;
  let phonetic = 0;
  await streamPart(file, {
    open(name) {
      if (name === 'si') text = '';
      else if (name === 't') inT = phonetic === 0;
      else if (name === 'rPh') phonetic++;
    },
    close(name) {
      if (name === 'si') strings.push(text);
      else if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
    },
    text(t) {
      if (inT) text += t;
    },
  });
  return strings;
}

interface SheetEntry {
  name: string;
  part: string | undefined;
}

interface WorkbookFacts {
  sheets: SheetEntry[];
  system: 1900 | 1904;
  styles?: string;
  sharedStrings?: string;
}

async function readWorkbookPart(parts: Parts, workbookPart: string, workbookXml: string): Promise<WorkbookFacts> {
  const listed: { name: string; id?: string }[] = [];
  let system: 1900 | 1904 = 1900;
  parseText(workbookXml, {
    open(name, a) {
      if (name === 'sheet') listed.push({ name: a.name ?? '', id: relationshipId(a) });
      // date1904 is an xsd:boolean: Excel writes "1", LibreOffice "true".
      else if (name === 'workbookPr' && /^\s*(1|true)\s*$/.test(a.date1904 ?? '')) system = 1904;
    },
    close() {},
  });
  const rels = await parts.relationships(workbookPart);
  const target = (rel: { target: string }) => resolveTarget(workbookPart, rel.target);
  const sheets = listed.flatMap(({ name, id }) => {
    const rel = rels.find((r) => r.id === id && !r.external);
    // Chartsheets (and dialog or macro sheets) hold no cells: not handed over, as with ExcelJS.
    if (!rel || !REL.worksheet.test(rel.type)) return [];
    const part = target(rel);
    return [{ name, part: parts.has(part) ? part : undefined }];
  });
  const first = (kind: RegExp) => {
    const rel = rels.find((r) => kind.test(r.type) && !r.external);
    return rel && target(rel);
  };
  return { sheets, system, styles: first(REL.styles), sharedStrings: first(REL.sharedStrings) };
}

async function readTable(parts: Parts, part: string): Promise<TableArea | undefined> {
  const xml = await parts.text(part);
  if (xml === undefined) return undefined;
  let found: TableArea | undefined;
  parseText(xml, {
    open(name, a) {
      if (name !== 'table' || found !== undefined) return;
      // Excel leaves out headerRowCount when it is 1; 0 is a table without a header, which no list can be.
      if ((a.headerRowCount ?? '1').trim() !== '1') return;
      const area = a.ref === undefined ? undefined : decodeArea(a.ref);
      if (!area) return;
      // A totals row is not data.
      if ((a.totalsRowCount ?? '0').trim() === '1') area.rowCount -= 1;
      found = { name: a.name ?? a.displayName ?? '', ...area };
    },
    close() {},
  });
  return found;
}

interface Context {
  parts: Parts;
  /** MAX_SHEET_CELLS; smaller in tests. */
  maxCells: number;
  strings: string[];
  formats: (string | undefined)[];
  system: 1900 | 1904;
}

/**
 * The cells of one worksheet part with a value. Rows past `rowLimit` below the
 * first row with a value are not kept (output sheets: only their mark is needed).
 */
async function readSheetPart(
  context: Context,
  part: string,
  rowLimit: number,
  /** Filled with the cells that hold a formula, where given (the Scenarier sheet's: ScenarioSheetCells). */
  formulas?: { row: number; column: number }[],
): Promise<{
  rows: number[];
  columns: number[];
  found: CellValue[];
  merges: Area[];
  tableIds: string[];
  /** The first row with a value, before merged cells are taken out: rows are counted from it. */
  firstRow: number;
  /** More cells with a value than MAX_SHEET_CELLS: only the used area was kept (`bounds`), no values. */
  overflow: boolean;
  bounds: { top: number; left: number; bottom: number; right: number };
}> {
  const { strings, formats, system, maxCells } = context;
  const rows: number[] = [];
  const columns: number[] = [];
  const found: CellValue[] = [];
  const merges: Area[] = [];
  const tableIds: string[] = [];

  let inSheetData = false;
  let row = -1;
  let column = -1;
  let firstRow = -1;
  const bounds = { top: Infinity, left: Infinity, bottom: -1, right: -1 };
  let overflow = false;
  // The cell being read.
  let type = 'n';
  let style = 0;
  let formula = false;
  let v: string | null = null;
  let inline: string | null = null;
  let into: 'v' | 't' | undefined;
  let phonetic = 0;

  const cellValue = (): CellValue => {
    const format = formats[style];
    const number = (text: string): CellValue => {
      const n = Number(text);
      return format === undefined ? n : shownValue(n, format, system);
    };
    if (formula) {
      // A formula with no stored result (files written by scripts) has no value, never 0;
      // a text result "" is stored as an empty <v>, and shows as an empty cell.
      if (v === null) return { error: NO_VALUE };
      if (type === 'str' || type === 'inlineStr') return v;
      if (v.trim() === '') return { error: NO_VALUE };
    }
    switch (type) {
      case 's':
        return v === null ? null : (strings[Number(v)] ?? null);
      case 'inlineStr':
        return inline ?? v;
      case 'str':
        return v;
      case 'b':
        return v === null ? null : v.trim() === '1' || v.trim() === 'true';
      case 'e':
        return v === null ? null : { error: v.trim() };
      case 'd':
        return v === null ? null : plainValue(new Date(v), format, system);
      default:
        return v === null || v.trim() === '' ? null : number(v);
    }
  };

  const file = context.parts.file(part)!;
  await streamPart(file, {
    open(name, a) {
      if (inSheetData) {
        if (name === 'c') {
          const ref = a.r;
          const at = ref === undefined ? undefined : decodeCell(ref);
          // Without `r` a cell follows the one before it.
          column = at === undefined || at.column < 0 ? column + 1 : at.column;
          if (at !== undefined && at.row >= 0) row = at.row;
          type = a.t ?? 'n';
          style = a.s === undefined ? 0 : Number(a.s);
          formula = false;
          v = null;
          inline = null;
        } else if (name === 'v') {
          into = 'v';
          v = '';
        } else if (name === 'f') formula = true;
        else if (name === 'is') inline = '';
        else if (name === 't' && inline !== null && phonetic === 0) into = 't';
        else if (name === 'rPh') phonetic++;
        else if (name === 'row') {
          row = a.r === undefined ? row + 1 : Number(a.r) - 1;
          column = -1;
        }
      } else if (name === 'sheetData') inSheetData = true;
      else if (name === 'mergeCell') {
        const area = a.ref === undefined ? undefined : decodeArea(a.ref);
        if (area) merges.push(area);
      } else if (name === 'tablePart') {
        const id = relationshipId(a);
        if (id !== undefined) tableIds.push(id);
      }
    },
    close(name) {
      if (!inSheetData) return;
      if (name === 'c') {
        if (firstRow >= 0 && row >= firstRow + rowLimit) return;
        if (formula && formulas) formulas.push({ row, column });
        const value = gridValue(cellValue());
        if (value === null) return;
        if (firstRow < 0) firstRow = row;
        if (row < bounds.top) bounds.top = row;
        if (row > bounds.bottom) bounds.bottom = row;
        if (column < bounds.left) bounds.left = column;
        if (column > bounds.right) bounds.right = column;
        // Past maxCells values the sheet is oversized whatever else it holds: no more are kept.
        if (found.length >= maxCells) {
          overflow = true;
          return;
        }
        rows.push(row);
        columns.push(column);
        found.push(value);
      } else if (name === 'v' || name === 't') into = undefined;
      else if (name === 'rPh') phonetic--;
      else if (name === 'sheetData') inSheetData = false;
    },
    text(t) {
      if (into === 'v') v += t;
      else if (into === 't') inline += t;
    },
  });
  return { rows, columns, found, merges, tableIds, firstRow, overflow, bounds };
}

/** Excel keeps a merged range's value in its top-left cell only (ExcelJS drops the others). */
function dropMergedCells(cells: { rows: number[]; columns: number[]; found: CellValue[] }, merges: readonly Area[]): void {
  const byRow = new Map<number, Area[]>();
  for (const m of merges)
    if (m.rowCount * m.columnCount > 1)
      for (let r = m.row; r < m.row + m.rowCount; r++) byRow.set(r, [...(byRow.get(r) ?? []), m]);
  if (byRow.size === 0) return;
  let kept = 0;
  for (let i = 0; i < cells.found.length; i++) {
    const r = cells.rows[i];
    const c = cells.columns[i];
    const covered = byRow.get(r)?.some((m) => c >= m.column && c < m.column + m.columnCount && (r !== m.row || c !== m.column));
    if (covered) continue;
    cells.rows[kept] = r;
    cells.columns[kept] = c;
    cells.found[kept] = cells.found[i];
    kept++;
  }
  cells.rows.length = kept;
  cells.columns.length = kept;
  cells.found.length = kept;
}

async function readSheet(context: Context, entry: SheetEntry, rowLimit: number): Promise<SheetCells> {
  const { name, part } = entry;
  if (part === undefined) return { name, origin: { row: 0, column: 0 }, values: [], tables: [] };
  // The Scenarier sheet's formulas (ScenarioSheetCells): the editor moves no formula as a value.
  let formulas = isScenarioSheet(name) ? ([] as { row: number; column: number }[]) : undefined;
  let cells = await readSheetPart(context, part, rowLimit, formulas);
  dropMergedCells(cells, cells.merges);
  if (rowLimit !== Infinity && cells.found.length > 0 && Math.min(...cells.rows) > cells.firstRow) {
    // The first row read was all merged away: the limit counts from a later row, so read again in full.
    formulas = formulas && [];
    cells = await readSheetPart(context, part, Infinity, formulas);
    dropMergedCells(cells, cells.merges);
  }
  const { rows, columns, found } = cells;

  const rels = await context.parts.relationships(part);
  const tables: TableArea[] = [];
  for (const id of cells.tableIds) {
    const rel = rels.find((r) => r.id === id && !r.external && REL.table.test(r.type));
    const table = rel && (await readTable(context.parts, resolveTarget(part, rel.target)));
    if (table) tables.push(table);
  }

  const marked = formulas ? { formulas } : {};
  if (found.length === 0) return { name, origin: { row: 0, column: 0 }, values: [], tables, ...marked };
  // Past the bound the area counts every cell with a value, merged or not (a sheet this full is not read either way).
  let { top, left, bottom, right } = cells.bounds;
  if (!cells.overflow) {
    [top, left, bottom, right] = [Infinity, Infinity, -1, -1];
    for (let i = 0; i < found.length; i++) {
      const r = rows[i];
      const c = columns[i];
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    }
  }
  if (rowLimit !== Infinity) bottom = Math.min(bottom, top + rowLimit - 1);
  const origin = { row: top, column: left };
  const rowCount = bottom - top + 1;
  const columnCount = right - left + 1;
  if (cells.overflow || rowCount * columnCount > context.maxCells)
    return { name, origin, values: [], tables, oversized: { rowCount, columnCount }, ...marked };
  const values: CellValue[][] = Array.from({ length: rowCount }, () => []);
  for (let i = 0; i < found.length; i++) {
    const r = rows[i] - top;
    if (r < rowCount) values[r][columns[i] - left] = found[i];
  }
  for (const line of values) for (let c = 0; c < line.length; c++) if (line[c] === undefined) line[c] = null;
  return { name, origin, values, tables, ...marked };
}

/**
 * Every sheet of a package as a grid from its first used cell, output sheets
 * included (their first `outputRows` rows, counted from the first row with a
 * value). Throws NotAWorkbook for what is no workbook, DamagedWorkbook for a
 * workbook whose parts cannot be read.
 */
export async function readSheetsFromPackage(
  data: Uint8Array | ArrayBuffer,
  options: { outputRows?: number; maxCells?: number } = {},
): Promise<ReadPackage> {
  const { parts, workbookPart, workbookXml, facts } = await openPackage(data);
  try {
    const book = await readWorkbookPart(parts, workbookPart, workbookXml);
    const [formats, strings] = await Promise.all([readStyles(parts, book.styles), readSharedStrings(parts, book.sharedStrings)]);
    const context: Context = { parts, strings, formats, system: book.system, maxCells: options.maxCells ?? MAX_SHEET_CELLS };
    const sheets: SheetCells[] = [];
    for (const entry of book.sheets)
      sheets.push(
        await readSheet(context, entry, isOutputSheet(entry.name) ? (options.outputRows ?? OUTPUT_MARK_ROWS) : Infinity),
      );
    return { sheets, facts };
  } catch (error) {
    throw new DamagedWorkbook(error);
  }
}

/**
 * A workbook file read for the command line: its sheets, what a copy would lose,
 * and its bytes (the copy is written from them). Every failure is a FileProblem.
 */
export async function readWorkbookSheets(file: string): Promise<ReadPackage & { bytes: Uint8Array }> {
  const bytes = await readWorkbookBytes(file);
  try {
    return { ...(await readSheetsFromPackage(bytes)), bytes };
  } catch (error) {
    if (error instanceof NotAWorkbook) throw new FileProblem(error.kind, file);
    if (error instanceof DamagedWorkbook) throw new FileProblem('damaged', file);
    throw error;
  }
}
