/**
 * The lossless copy: the user's package as it is, with only the output sheets
 * (and what they need) written into it. Every other part keeps its bytes —
 * charts, images, pivot tables, slicers, VBA, custom XML, comments, defined
 * names, external links — since nothing reads and re-saves them. Works on the
 * ORIGINAL file bytes (not a package normalised for a reader), in Node and in
 * the browser alike.
 *
 * Touched parts: the output sheets' worksheet parts, their rels and tables,
 * the styles part (formats, a bold font and cell formats appended; identical
 * ones reused, so a second run adds nothing), the workbook's sheet list and
 * rels, [Content_Types].xml, and calcChain.xml only when it lists cells of a
 * replaced sheet (it is then dropped: Excel rebuilds it).
 */
import JSZip from 'jszip';
import { columnLetters, excelNameKey, NO_VALUE, type CellValue, type TableArea } from '../workbook/grid';
import {
  LINE_HEIGHT_POINTS,
  ROW_STYLES,
  type OutputSheet,
  type PageMargin,
  type PageSetup,
  type RowLook,
} from '../workbook/output';
import { sameSheetName } from '../workbook/read';
import type { CellChange, SheetChanges } from '../workbook/scenario-edit';
import { attributes, decodeXml, relsPathOf, resolveTarget, xmlCharacters, xmlText } from './package';
import {
  anchorsOf,
  anchorXml,
  CHART_CONTENT_TYPE,
  CHART_REL_TYPE,
  chartXml,
  drawingXml,
  highestShapeId,
  isOurAnchor,
  replacedDrawing,
} from './charts';

export { xmlText };

const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
};
const REL_TYPE = {
  worksheet: `${NS.rel}/worksheet`,
  table: `${NS.rel}/table`,
  styles: `${NS.rel}/styles`,
  calcChain: `${NS.rel}/calcChain`,
};
const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
};
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Two tables of one name (case aside) would make the file invalid; nothing was written. */
export class TableNameTaken extends Error {
  constructor(
    readonly table: string,
    readonly sheet: string,
  ) {
    super(`the table name ${table} is already used on the sheet ${sheet}`);
  }
}

/**
 * A sheet of an output sheet's name that is no worksheet (a chart sheet, a
 * macro sheet): it cannot be replaced, and a second sheet of its name would
 * make the file invalid. Nothing was written.
 */
export class SheetNameTaken extends Error {
  constructor(readonly sheet: string) {
    super(`the sheet ${sheet} is not a worksheet and cannot be replaced`);
  }
}

/** The package lacks a part every workbook has (it was read, so this is a damaged file). */
export class UnwritablePackage extends Error {}

/** The value of an attribute whose local name is `local`, whatever its prefix. */
const localAttribute = (attrs: Record<string, string>, local: string): string | undefined =>
  Object.entries(attrs).find(([key]) => key === local || key.endsWith(`:${local}`))?.[1];

interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** The element as written, kept byte for byte when the relationship stays. */
  xml: string;
}

function relationshipsOf(xml: string): Relationship[] {
  return [...xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*?\/?>(?:\s*<\/(?:\w+:)?Relationship>)?/g)].map((m) => {
    const a = attributes(m[0]);
    return { id: a.Id ?? '', type: a.Type ?? '', target: a.Target ?? '', external: a.TargetMode === 'External', xml: m[0] };
  });
}

const relationshipXml = (id: string, type: string, target: string): string =>
  `<Relationship Id="${xmlText(id)}" Type="${xmlText(type)}" Target="${xmlText(target)}"/>`;

const relationshipsXml = (items: readonly string[]): string =>
  `${XML_HEAD}<Relationships xmlns="${NS.pkgRel}">${items.join('')}</Relationships>`;

const folderOf = (part: string): string => part.slice(0, part.lastIndexOf('/') + 1);

/** The relative target from `source`'s folder to `part` (both zip paths). */
function relativeTarget(source: string, part: string): string {
  const from = folderOf(source).split('/').filter(Boolean);
  const to = part.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

const freeId = (taken: Iterable<string>): (() => string) => {
  const used = new Set(taken);
  let n = 1;
  return () => {
    while (used.has(`rId${n}`)) n++;
    used.add(`rId${n}`);
    return `rId${n}`;
  };
};

/** The package's parts by case-insensitive name (part names are; zip entry names are not). */
class Package {
  private readonly names = new Map<string, string>();
  constructor(readonly zip: JSZip) {
    zip.forEach((name, file) => {
      if (!file.dir) this.names.set(name.replace(/^\/+/, '').toLowerCase(), name);
    });
  }

  entry(part: string): string | undefined {
    return this.names.get(part.replace(/^\/+/, '').toLowerCase());
  }

  has(part: string): boolean {
    return this.entry(part) !== undefined;
  }

  async text(part: string): Promise<string | undefined> {
    const entry = this.entry(part);
    return entry === undefined ? undefined : this.zip.file(entry)!.async('string');
  }

  /** Writes a part under its existing entry name when there is one. */
  put(part: string, data: string | Uint8Array): void {
    const entry = this.entry(part) ?? part;
    this.zip.file(entry, data, { createFolders: false });
    this.names.set(part.toLowerCase(), entry);
  }

  /**
   * Writes a part given as UTF-8 blocks: through `compressed` block by block
   * where there is one (the blocks are never all in memory at once), else joined.
   */
  async putBlocks(part: string, blocks: Iterable<Uint8Array>, compressed?: CompressedPart): Promise<void> {
    const entry = this.entry(part) ?? part;
    if (compressed && (await compressed(this.zip, entry, blocks))) this.names.set(part.toLowerCase(), entry);
    else this.put(part, joined(blocks));
  }

  remove(part: string): void {
    const entry = this.entry(part);
    if (entry === undefined) return;
    this.zip.remove(entry);
    this.names.delete(part.toLowerCase());
  }

  /** The first free `${prefix}N${suffix}`, N from 1 (case-insensitive). */
  freeName(prefix: string, suffix: string): string {
    for (let n = 1; ; n++) if (!this.has(`${prefix}${n}${suffix}`)) return `${prefix}${n}${suffix}`;
  }

  parts(): string[] {
    return [...this.names.keys()];
  }
}

/**
 * [Content_Types].xml edited in place: overrides added and removed, the rest as
 * written. A part removed and added again (a replaced sheet's table) keeps its
 * override where it stands, so a second run gives the same bytes.
 */
class ContentTypes {
  private readonly removed = new Set<string>();
  constructor(private xml: string) {}

  private partPattern(part: string): RegExp {
    const escaped = `/${part}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(
      `<(?:\\w+:)?Override\\b[^>]*PartName\\s*=\\s*["']${escaped}["'][^>]*?(?:/>|>\\s*</(?:\\w+:)?Override>)`,
      'i',
    );
  }

  add(part: string, type: string): void {
    if (this.removed.delete(part.toLowerCase()) || this.partPattern(part).test(this.xml)) return;
    this.xml = this.xml.replace(
      /<\/((?:\w+:)?)Types>\s*$/,
      (_, prefix: string) => `<${prefix}Override PartName="/${xmlText(part)}" ContentType="${type}"/></${prefix}Types>`,
    );
  }

  remove(part: string): void {
    this.removed.add(part.toLowerCase());
  }

  toString(): string {
    let xml = this.xml;
    for (const part of this.removed) xml = xml.replace(this.partPattern(part), '');
    return xml;
  }
}

/** Built-in number formats Excel knows by id. */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '@': 49,
};

const MINIMAL_STYLES = `${XML_HEAD}<styleSheet xmlns="${NS.main}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** How a cell is drawn beyond its number format: bold, or a styled row's look (ROW_STYLES). */
export type CellLook = RowLook;

const PLAIN: CellLook = { bold: false };
const BOLD: CellLook = { bold: true };

/**
 * The styles part with what the output sheets need appended: number formats,
 * fonts (bold, sized), fills, borders and one cell format per (format, look).
 * An identical element already there is reused, so a second run adds nothing.
 */
class Styles {
  private readonly xfs = new Map<string, number>();
  private readonly fonts = new Map<string, number>();
  private prefix: string;

  constructor(private xml: string) {
    this.prefix = /<((?:\w+:)?)styleSheet\b/.exec(xml)?.[1] ?? '';
  }

  /** The children of a collection element (`fonts`, `cellXfs`, `numFmts`) as written. */
  private items(collection: string, item: string): string[] {
    const p = this.prefix;
    const body = new RegExp(`<${p}${collection}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${p}${collection}>)`).exec(this.xml);
    if (!body?.[1]) return [];
    return [...body[1].matchAll(new RegExp(`<${p}${item}\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}${item}>)`, 'g'))].map((m) => m[0]);
  }

  /** Appends an item to a collection (created before `before` if missing) and returns its index. */
  private append(collection: string, itemName: string, item: string, before: readonly string[]): number {
    const p = this.prefix;
    const count = this.items(collection, itemName).length;
    const open = new RegExp(`<${p}${collection}\\b([^>]*?)(/?)>`);
    const match = open.exec(this.xml);
    if (match) {
      const attrs = match[1].replace(/\s+count\s*=\s*["'][^"']*["']/, '');
      const head = `<${p}${collection}${attrs} count="${count + 1}">`;
      if (match[2] === '/') this.xml = this.xml.replace(open, () => `${head}${item}</${p}${collection}>`);
      else {
        this.xml = this.xml.replace(open, () => head);
        this.xml = this.xml.replace(new RegExp(`</${p}${collection}>`), () => `${item}</${p}${collection}>`);
      }
    } else {
      const element = `<${p}${collection} count="1">${item}</${p}${collection}>`;
      const next = before.map((name) => new RegExp(`<${p}${name}\\b`).exec(this.xml)).find((m) => m);
      if (next) this.xml = this.xml.slice(0, next.index) + element + this.xml.slice(next.index);
      else this.xml = this.xml.replace(new RegExp(`</${p}styleSheet>`), () => `${element}</${p}styleSheet>`);
    }
    return count;
  }

  private numberFormatId(code: string): number {
    if (code in BUILT_IN_FORMATS) return BUILT_IN_FORMATS[code];
    const p = this.prefix;
    let max = 163;
    for (const item of this.items('numFmts', 'numFmt')) {
      const a = attributes(item.slice(0, item.indexOf('>')));
      const id = Number(a.numFmtId);
      if (a.formatCode === code) return id;
      if (id > max) max = id;
    }
    const id = max + 1;
    this.append('numFmts', 'numFmt', `<${p}numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`, [
      'fonts',
      'fills',
      'borders',
      'cellStyleXfs',
      'cellXfs',
    ]);
    return id;
  }

  /** The index of `item` in a collection, appended when not there. */
  private reuse(collection: string, itemName: string, item: string, before: readonly string[]): number {
    const existing = this.items(collection, itemName).indexOf(item);
    return existing >= 0 ? existing : this.append(collection, itemName, item, before);
  }

  /** The workbook's default font (the first), bold or not, in a size or its own. */
  private fontId(bold: boolean, size: number | undefined): number {
    if (!bold && size === undefined) return 0;
    const key = `${bold}|${size}`;
    const known = this.fonts.get(key);
    if (known !== undefined) return known;
    const p = this.prefix;
    let font = (this.items('fonts', 'font')[0] ?? `<${p}font></${p}font>`).replace(/<(\w+:)?b\b[^>]*\/>/g, '');
    if (font.endsWith('/>')) font = font.replace(/\s*\/>$/, `></${p}font>`);
    if (size !== undefined) {
      const sz = `<${p}sz val="${size}"/>`;
      font = /<(\w+:)?sz\b[^>]*\/>/.test(font) ? font.replace(/<(\w+:)?sz\b[^>]*\/>/, sz) : font.replace(/^(<[^>]*>)/, `$1${sz}`);
    }
    if (bold) font = font.replace(/^(<[^>]*>)/, `$1<${p}b/>`);
    const id = this.reuse('fonts', 'font', font, ['fills', 'borders', 'cellStyleXfs', 'cellXfs']);
    this.fonts.set(key, id);
    return id;
  }

  /** A solid fill of colour RRGGBB (the first two fills are Excel's reserved none and gray125). */
  private fillId(rgb: string | undefined): number {
    if (rgb === undefined) return 0;
    const p = this.prefix;
    const before = ['borders', 'cellStyleXfs', 'cellXfs'];
    const reserved = [
      `<${p}fill><${p}patternFill patternType="none"/></${p}fill>`,
      `<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`,
    ];
    for (let i = this.items('fills', 'fill').length; i < 2; i++) this.append('fills', 'fill', reserved[i], before);
    const fill = `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FF${rgb.toUpperCase()}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
    return this.reuse('fills', 'fill', fill, before);
  }

  private borderId(top: CellLook['borderTop'], bottom: CellLook['borderBottom']): number {
    if (top === undefined && bottom === undefined) return 0;
    const p = this.prefix;
    const side = (name: string, style: string | undefined) =>
      style === undefined ? `<${p}${name}/>` : `<${p}${name} style="${style}"><${p}color indexed="64"/></${p}${name}>`;
    const border = `<${p}border>${side('left', undefined)}${side('right', undefined)}${side('top', top)}${side('bottom', bottom)}${side('diagonal', undefined)}</${p}border>`;
    return this.reuse('borders', 'border', border, ['cellStyleXfs', 'cellXfs']);
  }

  /** The cell format index for a number format in a look (bold alone, or a styled row's). */
  cellFormat(code: string, look: CellLook): number {
    const key = `${code}|${look.bold}|${look.size}|${look.fill}|${look.borderTop}|${look.borderBottom}|${look.wrap}`;
    const known = this.xfs.get(key);
    if (known !== undefined) return known;
    const numFmtId = this.numberFormatId(code);
    const fontId = this.fontId(look.bold, look.size);
    const fillId = this.fillId(look.fill);
    const borderId = this.borderId(look.borderTop, look.borderBottom);
    const p = this.prefix;
    const applied =
      (fontId ? ' applyFont="1"' : '') +
      (fillId ? ' applyFill="1"' : '') +
      (borderId ? ' applyBorder="1"' : '') +
      (look.wrap ? ' applyAlignment="1"' : '');
    const head = `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0" applyNumberFormat="1"${applied}`;
    const xf = look.wrap ? `${head}><${p}alignment wrapText="1"/></${p}xf>` : `${head}/>`;
    const index = this.reuse('cellXfs', 'xf', xf, ['cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst']);
    this.xfs.set(key, index);
    return index;
  }

  toString(): string {
    return this.xml;
  }
}

/** A replaced sheet's settings kept: tab colour and outline (sheetPr), page margins, setup, header and footer. */
interface KeptSettings {
  sheetPr?: string;
  page: string[];
  /** Relationships the kept elements point at (the printer settings). */
  rels: Relationship[];
}

function element(xml: string, name: string): string | undefined {
  const m = new RegExp(`<((?:\\w+:)?)${name}\\b[^>]*?(?:/>|>[\\s\\S]*?</\\1${name}>)`).exec(xml);
  return m?.[0];
}

/** Sets attributes on a start tag (`<pageSetUpPr …/>`): a value in place where the attribute is, else added at the end. */
function withAttributes(tag: string, values: Record<string, string>): string {
  let out = tag;
  const added: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    const pattern = new RegExp(`(\\s${name}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
    if (pattern.test(out)) out = out.replace(pattern, (_, head: string) => `${head}"${value}"`);
    else added.push(` ${name}="${value}"`);
  }
  return out.replace(/(\s*\/?>)$/, `${added.join('')}$1`);
}

/** The sheet's properties (tab colour, outline kept) with printing fitted to pages (CT_SheetPr: pageSetUpPr comes last). */
function withFitToPage(sheetPr: string | undefined): string {
  const fit = '<pageSetUpPr fitToPage="1"/>';
  if (!sheetPr) return `<sheetPr>${fit}</sheetPr>`;
  const existing = /<pageSetUpPr\b[^>]*?(?:\/>|>\s*<\/pageSetUpPr>)/.exec(sheetPr);
  if (existing) {
    const start = /<pageSetUpPr\b[^>]*?(?=\s*\/?>)/.exec(existing[0])![0];
    return sheetPr.replace(existing[0], () => `${withAttributes(`${start}/>`, { fitToPage: '1' })}`);
  }
  if (sheetPr.endsWith('/>')) return sheetPr.replace(/\s*\/>$/, `>${fit}</sheetPr>`);
  return sheetPr.replace(/<\/sheetPr>$/, `${fit}</sheetPr>`);
}

/** Frozen panes: the rows above and columns left of the top-left cell stay in view. */
function sheetViews(frozen: OutputSheet['frozen']): string {
  const rows = Math.max(0, Math.floor(frozen?.rows ?? 0));
  const columns = Math.max(0, Math.floor(frozen?.columns ?? 0));
  if (rows === 0 && columns === 0) return '';
  const topLeft = `${columnLetters(columns)}${rows + 1}`;
  const pane = rows > 0 && columns > 0 ? 'bottomRight' : rows > 0 ? 'bottomLeft' : 'topRight';
  const split = `${columns > 0 ? ` xSplit="${columns}"` : ''}${rows > 0 ? ` ySplit="${rows}"` : ''}`;
  return (
    `<sheetViews><sheetView workbookViewId="0"><pane${split} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView></sheetViews>`
  );
}

/** The outline attributes of each grouped column, and of the column after a collapsed group (its + button). */
function columnOutline(output: OutputSheet): Map<number, string> {
  const attributes = new Map<number, string>();
  const count = output.columnWidths.length;
  for (const group of output.columnGroups ?? []) {
    for (let c = Math.max(0, group.first); c <= Math.min(group.last, count - 1); c++)
      attributes.set(c, `${group.collapsed ? ' hidden="1"' : ''} outlineLevel="1"`);
    if (group.collapsed && group.last + 1 < count) attributes.set(group.last + 1, ' collapsed="1"');
  }
  return attributes;
}

/** Excel's default margins (inches), for a sheet that had none. */
const DEFAULT_MARGINS = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';

/** A header's or footer's three parts in a file's codes, &L…&C…&R… (empty parts left out). */
export function marginText(margin: PageMargin): string {
  return [`&L${margin.left}`, `&C${margin.center}`, `&R${margin.right}`].filter((part) => part.length > 2).join('');
}

/**
 * The page elements of an output sheet (CT_Worksheet order: pageMargins,
 * pageSetup, headerFooter): the old margins kept; A4 landscape, one page wide
 * and any number tall, over the old setup's other settings (its printer
 * settings kept); the output's header and footer.
 */
function pageElements(page: PageSetup, old: ReadonlyMap<string, string>): string[] {
  const setup = { paperSize: '9', orientation: 'landscape', fitToWidth: '1', fitToHeight: '0' };
  const oldSetup = /^<pageSetup\b[^>]*?(?=\s*\/?>)/.exec(old.get('pageSetup') ?? '')?.[0];
  const header = marginText(page.header);
  const footer = marginText(page.footer);
  const headerFooter =
    header || footer
      ? `<headerFooter>${header ? `<oddHeader>${xmlText(header)}</oddHeader>` : ''}${footer ? `<oddFooter>${xmlText(footer)}</oddFooter>` : ''}</headerFooter>`
      : '';
  return [old.get('pageMargins') ?? DEFAULT_MARGINS, withAttributes(`${oldSetup ?? '<pageSetup'}/>`, setup), headerFooter].filter(
    Boolean,
  );
}

/** Manual page breaks above the given rows (a break's id is the 1-based row it follows); `kept`: a log's own. */
function rowBreaks(page: PageSetup | undefined, offset = 0, kept: readonly number[] = []): string {
  const rows = [...new Set([...kept, ...(page?.breaksBefore ?? []).map((r) => r + offset)])]
    .filter((r) => Number.isInteger(r) && r > 0)
    .sort((a, b) => a - b);
  if (rows.length === 0) return '';
  const breaks = rows.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join('');
  return `<rowBreaks count="${rows.length}" manualBreakCount="${rows.length}">${breaks}</rowBreaks>`;
}

/** Rows per block of sheet XML: each block is one string, encoded to UTF-8 at once. */
const ROWS_PER_BLOCK = 2_000;

interface SheetPlan {
  output: OutputSheet;
  /** The sheet row of the output's first row (OutputSheet.appendAt), 0 when absent. */
  offset?: number;
  part: string;
  tables: { area: TableArea; part: string; id: number; relId: string; columns: string[] }[];
  kept: KeptSettings;
  /** The sheet's drawing (its charts, and what else a user drew there), when it has one. */
  drawingRelId?: string;
}

/** The table's column names: unique (case aside) and never empty, as Excel requires; the header cells get them. */
function tableColumns(output: OutputSheet, area: TableArea): string[] {
  const seen = new Set<string>();
  const header = output.values[area.row] ?? [];
  return Array.from({ length: area.columnCount }, (_, i) => {
    const value = header[area.column + i];
    const base = value === null || value === undefined || String(value).trim() === '' ? `Kolonne${i + 1}` : String(value);
    let name = xmlCharacters(base);
    for (let k = 2; seen.has(excelNameKey(name)); k++) name = `${base}${k}`;
    seen.add(excelNameKey(name));
    return name;
  });
}

function joined(blocks: Iterable<Uint8Array>): Uint8Array {
  const all = [...blocks];
  let length = 0;
  for (const b of all) length += b.length;
  const data = new Uint8Array(length);
  let at = 0;
  for (const b of all) {
    data.set(b, at);
    at += b.length;
  }
  return data;
}

/**
 * The worksheet XML in UTF-8 blocks of ROWS_PER_BLOCK rows, made as they are
 * taken: a sheet of hundreds of thousands of rows is never one string, and,
 * compressed as it is made, never all in memory.
 */
function* sheetXml(plan: SheetPlan, styles: Styles): Generator<Uint8Array> {
  const { output, kept } = plan;
  const encoder = new TextEncoder();
  const offset = plan.offset ?? 0;
  const width = output.values.reduce((w, r) => Math.max(w, r.length), 0);
  const letters = Array.from({ length: Math.max(width, 1) }, (_, c) => columnLetters(c));
  const dimension = output.values.length > 0 && width > 0 ? `A1:${letters[width - 1]}${offset + output.values.length}` : 'A1';
  // Grouped columns carry an outline level (hidden while collapsed); the column after a collapsed group carries its +.
  const outline = columnOutline(output);
  const cols = output.columnWidths
    .map(
      (w, c) =>
        `<col min="${c + 1}" max="${c + 1}" width="${Number.isFinite(w) && w > 0 ? w : 14}" customWidth="1"${outline.get(c) ?? ''}/>`,
    )
    .join('');
  const sheetPr = output.page ? withFitToPage(kept.sheetPr) : (kept.sheetPr ?? '');
  yield encoder.encode(
    `${XML_HEAD}<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}">${sheetPr}<dimension ref="${dimension}"/>` +
      `${sheetViews(output.frozen)}<sheetFormatPr defaultRowHeight="15"${outline.size > 0 ? ' outlineLevelCol="1"' : ''}/>${cols ? `<cols>${cols}</cols>` : ''}<sheetData>`,
  );
  yield* rowsXml(plan, styles);
  const tableParts =
    plan.tables.length > 0
      ? `<tableParts count="${plan.tables.length}">${plan.tables.map((t) => `<tablePart r:id="${t.relId}"/>`).join('')}</tableParts>`
      : '';
  const drawing = plan.drawingRelId ? `<drawing r:id="${plan.drawingRelId}"/>` : '';
  yield encoder.encode(`</sheetData>${kept.page.join('')}${rowBreaks(output.page, offset)}${drawing}${tableParts}</worksheet>`);
}

/** The output's rows as `<row>` elements, from sheet row `plan.offset` on, in UTF-8 blocks of ROWS_PER_BLOCK rows. */
function* rowsXml(plan: SheetPlan, styles: Styles): Generator<Uint8Array> {
  const { output } = plan;
  const encoder = new TextEncoder();
  const offset = plan.offset ?? 0;
  const width = output.values.reduce((w, r) => Math.max(w, r.length), 0);
  const letters = Array.from({ length: Math.max(width, 1) }, (_, c) => columnLetters(c));
  // Table headers hold their column names as text.
  const headerText = new Map<number, Map<number, string>>();
  for (const t of plan.tables) {
    const row = headerText.get(t.area.row) ?? new Map<number, string>();
    t.columns.forEach((name, i) => row.set(t.area.column + i, name));
    headerText.set(t.area.row, row);
  }
  const bold = new Set(output.boldRows);
  // A styled row is drawn in its look, whatever boldRows says; other rows are bold or plain.
  const styled = new Map((output.rowStyles ?? []).map((s) => [s.row, s]));
  const styleOf = new Map<string, number>();
  const style = (format: string, look: RowLook, name: string): number => {
    const key = `${name}|${format}`;
    let s = styleOf.get(key);
    if (s === undefined) styleOf.set(key, (s = styles.cellFormat(format, look)));
    return s;
  };
  let rows: string[] = [];
  for (let r = 0; r < output.values.length; r++) {
    const values = output.values[r];
    const formats = output.formats[r] ?? [];
    const headers = headerText.get(r + offset);
    const rowStyle = styled.get(r);
    const look = rowStyle ? ROW_STYLES[rowStyle.style] : bold.has(r) ? BOLD : PLAIN;
    const lookName = rowStyle ? rowStyle.style : look.bold ? 'b' : '';
    const cells: string[] = [];
    // A styled row's fill and borders run from column A to the sheet's last column, blank cells too.
    const end = rowStyle ? Math.max(width, values.length) : values.length;
    for (let c = 0; c < end; c++) {
      const header = headers?.get(c);
      const value = header ?? values[c];
      const ref = `${letters[c] ?? columnLetters(c)}${r + offset + 1}`;
      if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value))) {
        // A number Excel cannot hold is left blank rather than written as text.
        if (rowStyle) cells.push(`<c r="${ref}" s="${style('General', look, lookName)}"/>`);
        continue;
      }
      if (typeof value === 'number') {
        cells.push(`<c r="${ref}" s="${style(formats[c] ?? 'General', look, lookName)}"><v>${value}</v></c>`);
      } else {
        // Text is an inline string: never a formula, whatever it starts with.
        const text = xmlText(String(value));
        const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
        const format = header !== undefined && typeof values[c] !== 'string' ? '@' : (formats[c] ?? '@');
        cells.push(`<c r="${ref}" s="${style(format, look, lookName)}" t="inlineStr"><is><t${space}>${text}</t></is></c>`);
      }
    }
    const height =
      rowStyle?.lines !== undefined && rowStyle.lines > 0 ? ` ht="${rowStyle.lines * LINE_HEIGHT_POINTS}" customHeight="1"` : '';
    if (cells.length > 0 || height) rows.push(`<row r="${r + offset + 1}"${height}>${cells.join('')}</row>`);
    if (rows.length >= ROWS_PER_BLOCK) {
      yield encoder.encode(rows.join(''));
      rows = [];
    }
  }
  yield encoder.encode(rows.join(''));
}

/** Elements a worksheet may hold after its page setup (CT_Worksheet order): `rowBreaks` goes before the first found. */
const AFTER_ROW_BREAKS = [
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

/**
 * A log's sheet (OutputSheet.appendAt) with the output's rows written into it from that row on: the rows above,
 * its columns, panes, page setup, tables and everything else kept as written. Only the record's cells are written,
 * as the Office adapter does: the log's appendAt comes from the values a reader gives, so rows below it may still
 * hold what reads as blank (a formula showing "", a space, a height, a format), and cells beside the record are the
 * user's too. A record's cell goes into the sheet's own row element where there is one; a blank cell of the record
 * never replaces a cell that holds something. The new page breaks join the sheet's own. A record's own tables are not written here (the run log has none).
 */
function appendedSheet(xml: string, output: OutputSheet, styles: Styles): string {
  const offset = Math.max(0, output.appendAt ?? 0);
  const prefix = /<((?:\w+:)?)sheetData\b/.exec(xml)?.[1] ?? /<((?:\w+:)?)worksheet\b/.exec(xml)?.[1] ?? '';
  const plan: SheetPlan = { output, offset, part: '', tables: [], kept: { page: [], rels: [] } };
  const decoder = new TextDecoder();
  let rows = decoder.decode(joined(rowsXml(plan, styles)));
  // The sheet's own prefix on the new elements, where its main namespace has one (texts are escaped: no < in them).
  if (prefix) rows = rows.replace(/<(\/?)(row|c|is|t|v)\b/g, `<$1${prefix}$2`);
  let out = mergedRows(xml, prefix, rows);
  // The dimension covers the new rows.
  const width = output.values.reduce((w, r) => Math.max(w, r.length), 0);
  out = out.replace(
    new RegExp(`(<${prefix}dimension\\b[^>]*?\\sref\\s*=\\s*")([^"]*)(")`),
    (_, head: string, ref: string, tail: string) => {
      const end = /([A-Z]+)(\d+)$/.exec(ref);
      const lastColumn = end ? Math.max(columnIndex(end[1]), width - 1) : width - 1;
      const lastRow = Math.max(end ? Number(end[2]) : 1, offset + output.values.length);
      return `${head}A1:${columnLetters(Math.max(0, lastColumn))}${lastRow}${tail}`;
    },
  );
  if ((output.page?.breaksBefore ?? []).length > 0) {
    const old = new RegExp(`<${prefix}rowBreaks\\b[^>]*?(?:/>|>[\\s\\S]*?</${prefix}rowBreaks>)`).exec(out);
    const kept = old ? [...old[0].matchAll(/<(?:\w+:)?brk\b[^>]*>/g)].map((m) => Number(attributes(m[0]).id)) : [];
    let breaks = rowBreaks(output.page, offset, kept);
    if (prefix) breaks = breaks.replace(/<(\/?)(rowBreaks|brk)\b/g, `<$1${prefix}$2`);
    if (old) out = out.slice(0, old.index) + breaks + out.slice(old.index + old[0].length);
    else {
      const next = AFTER_ROW_BREAKS.map((name) => new RegExp(`<${prefix}${name}\\b`).exec(out)).find((m) => m);
      const at = next ? next.index : out.lastIndexOf(`</${prefix}worksheet>`);
      out = out.slice(0, at) + breaks + out.slice(at);
    }
  }
  return out;
}

/** A row element's start tag (without its closing `>` or `/>`) and its cells by column. */
function rowParts(row: string): { open: string; cells: Map<number, string> } {
  const open = /^<[^>]*?(?=\/?>)/.exec(row)![0];
  const body = /^<[^>]*\/>$/.test(row) ? '' : row.slice(row.indexOf('>') + 1, row.lastIndexOf('<'));
  const cells = new Map<number, string>();
  for (const m of body.matchAll(CELL)) {
    const letters = /^([A-Z]+)/.exec(attributes(m[0].slice(0, m[0].indexOf('>') + 1)).r ?? '')?.[1];
    if (letters) cells.set(columnIndex(letters), m[0]);
  }
  return { open, cells };
}

/** Whether a cell element holds a value, a formula or an inline text (a bare styled cell does not). */
const holdsSomething = (cell: string) => /<(?:\w+:)?(?:v|f|is)\b/.test(cell);

/**
 * The sheet XML with the new rows' cells merged into its sheetData: a row the sheet has keeps its attributes
 * (height, format) and its other cells, the record's cells taking their columns; rows the sheet lacks are added,
 * every row in order.
 */
function mergedRows(xml: string, prefix: string, rowsXml: string): string {
  const data = new RegExp(`<${prefix}sheetData\\b[^>]*?(?:/>|>([\\s\\S]*?)</${prefix}sheetData>)`).exec(xml);
  if (!data) throw new UnwritablePackage('a worksheet without sheetData');
  const rowPattern = new RegExp(`<(${prefix})row\\b[^>]*?(?:/>|>[\\s\\S]*?</\\1row>)`, 'g');
  const numberOf = (row: string) => Number(attributes(row.slice(0, row.indexOf('>') + 1)).r);
  const rows = new Map<number, string>();
  let last = 0;
  for (const m of (data[1] ?? '').matchAll(rowPattern)) {
    // A row without r is the one after the row before it (ECMA-376 18.3.1.73).
    const r = numberOf(m[0]);
    last = Number.isFinite(r) ? r : last + 1;
    rows.set(last, Number.isFinite(r) ? m[0] : m[0].replace(/^<(\S+)/, `<$1 r="${last}"`));
  }
  for (const m of rowsXml.matchAll(rowPattern)) {
    const r = numberOf(m[0]);
    const old = rows.get(r);
    if (!old) {
      rows.set(r, m[0]);
      continue;
    }
    const mine = rowParts(m[0]);
    const theirs = rowParts(old);
    for (const [column, cell] of mine.cells) {
      const before = theirs.cells.get(column);
      if (before && holdsSomething(before) && !holdsSomething(cell)) continue;
      theirs.cells.set(column, cell);
    }
    // The row's own height and format stay; a height the record asks for is added where the row has none.
    let open = theirs.open.replace(/\sspans\s*=\s*"[^"]*"/, '');
    const height = /\sht\s*=\s*"[^"]*"\s+customHeight\s*=\s*"1"/.exec(mine.open)?.[0];
    if (height && !/\sht\s*=/.test(open)) open += height;
    const content = [...theirs.cells]
      .sort(([a], [b]) => a - b)
      .map(([, c]) => c)
      .join('');
    rows.set(r, `${open}>${content}</${prefix}row>`);
  }
  const body = [...rows]
    .sort(([a], [b]) => a - b)
    .map(([, r]) => r)
    .join('');
  return xml.slice(0, data.index) + `<${prefix}sheetData>${body}</${prefix}sheetData>` + xml.slice(data.index + data[0].length);
}

/** The sheets the package lacks, with the changes' cells: text as text, the table where given. */
function sheetsOfChanges(changes: readonly SheetChanges[]): OutputSheet[] {
  type Entry = { name: string; cells: Map<string, CellChange>; table?: TableArea };
  const bySheet = new Map<string, Entry>();
  for (const change of changes) {
    const key = excelNameKey(change.sheet);
    const entry: Entry = bySheet.get(key) ?? { name: change.sheet, cells: new Map() };
    for (const cell of change.cells) entry.cells.set(`${cell.row},${cell.column}`, cell);
    if (change.table) entry.table = change.table;
    bySheet.set(key, entry);
  }
  return [...bySheet.values()].map(({ name, cells, table }) => {
    let rows = table ? table.row + table.rowCount : 0;
    let width = table ? table.column + table.columnCount : 0;
    for (const c of cells.values()) {
      rows = Math.max(rows, c.row + 1);
      width = Math.max(width, c.column + 1);
    }
    const values = Array.from({ length: rows }, () => new Array<string | number | null>(width).fill(null));
    for (const c of cells.values()) values[c.row][c.column] = c.value;
    const formats = values.map((row) => row.map((v) => (typeof v === 'string' ? '@' : 'General')));
    return { name, values, formats, boldRows: [], tables: table ? [table] : [], columnWidths: [] };
  });
}

/** The package's shared strings, by index (a cell of type `s` holds an index into them). */
async function sharedStringsOf(pkg: Package, workbookPart: string, rels: readonly Relationship[]): Promise<string[]> {
  const rel = rels.find((r) => /\/sharedStrings$/.test(r.type) && !r.external);
  const xml = rel ? ((await pkg.text(resolveTarget(workbookPart, rel.target))) ?? '') : '';
  return [...xml.matchAll(/<(?:\w+:)?si\b[^>]*>([\s\S]*?)<\/(?:\w+:)?si>/g)].map((m) =>
    // The text of an item: its runs' <t>, not the phonetic <rPh> readings.
    [...m[1].replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '').matchAll(/<(?:\w+:)?t\b[^>]*>([\s\S]*?)<\/(?:\w+:)?t>/g)]
      .map((t) => decodeXml(t[1]))
      .join(''),
  );
}

const CELL = /<((?:\w+:)?)c\b[^>]*?(?:\/>|>[\s\S]*?<\/\1c>)/g;
const cellRef = (row: number, column: number) => `${columnLetters(column)}${row + 1}`;

/**
 * A cell written as the editor gives it, with the style it had: text inline (never a formula), null empty.
 * The editor moves no error or TRUE/FALSE (it refuses: valueNotWritable); should a change carry one all the same,
 * it is written as what it is (t="e", t="b"), never as text.
 */
function cellXml(prefix: string, ref: string, style: string | undefined, value: CellChange['value'] | CellValue): string {
  const s = style === undefined ? '' : ` s="${style}"`;
  if (value === null) return style === undefined ? '' : `<${prefix}c r="${ref}"${s}/>`;
  if (typeof value === 'number') return `<${prefix}c r="${ref}"${s}><${prefix}v>${value}</${prefix}v></${prefix}c>`;
  if (typeof value === 'boolean')
    return `<${prefix}c r="${ref}"${s} t="b"><${prefix}v>${value ? 1 : 0}</${prefix}v></${prefix}c>`;
  if (typeof value === 'object')
    return value.error === NO_VALUE
      ? `<${prefix}c r="${ref}"${s}/>`
      : `<${prefix}c r="${ref}"${s} t="e"><${prefix}v>${xmlText(value.error)}</${prefix}v></${prefix}c>`;
  const text = xmlText(value);
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<${prefix}c r="${ref}"${s} t="inlineStr"><${prefix}is><${prefix}t${space}>${text}</${prefix}t></${prefix}is></${prefix}c>`;
}

/**
 * The sheet XML with the cells written: each in its row, in column order, keeping its style; rows added where
 * missing, in order; the dimension widened. `formulas`: a cell that held a formula was written over.
 */
function withCells(xml: string, cells: readonly CellChange[]): { xml: string; formulas: boolean } {
  const prefix = /<((?:\w+:)?)sheetData\b/.exec(xml)?.[1] ?? '';
  const data = new RegExp(`<${prefix}sheetData\\b[^>]*?(?:/>|>([\\s\\S]*?)</${prefix}sheetData>)`).exec(xml);
  if (!data) throw new UnwritablePackage('a worksheet without sheetData');
  const rows = new Map<number, string>();
  for (const m of (data[1] ?? '').matchAll(new RegExp(`<(${prefix})row\\b[^>]*?(?:/>|>[\\s\\S]*?</\\1row>)`, 'g')))
    rows.set(Number(attributes(m[0].slice(0, m[0].indexOf('>') + 1)).r), m[0]);
  let formulas = false;
  const byRow = new Map<number, CellChange[]>();
  for (const c of cells) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
  for (const [row, changes] of byRow) {
    const old = rows.get(row + 1);
    const open = old ? /^<[^>]*?(?=\/?>)/.exec(old)![0].replace(/\sspans\s*=\s*"[^"]*"/, '') : `<${prefix}row r="${row + 1}"`;
    const body = old && !/^<[^>]*\/>$/.test(old) ? old.slice(old.indexOf('>') + 1, old.lastIndexOf('<')) : '';
    const present = new Map<number, string>();
    for (const m of body.matchAll(CELL)) {
      const ref = attributes(m[0].slice(0, m[0].indexOf('>') + 1)).r ?? '';
      const letters = /^([A-Z]+)/.exec(ref)?.[1];
      if (letters) present.set(columnIndex(letters), m[0]);
    }
    for (const change of changes) {
      const before = present.get(change.column);
      if (before && /<(?:\w+:)?f\b/.test(before)) formulas = true;
      const style = before ? attributes(before.slice(0, before.indexOf('>') + 1)).s : undefined;
      const written = cellXml(prefix, cellRef(change.row, change.column), style, change.value);
      if (written) present.set(change.column, written);
      else present.delete(change.column);
    }
    const content = [...present]
      .sort(([a], [b]) => a - b)
      .map(([, c]) => c)
      .join('');
    rows.set(row + 1, `${open}>${content}</${prefix}row>`);
  }
  const sheetData = `<${prefix}sheetData>${[...rows]
    .sort(([a], [b]) => a - b)
    .map(([, r]) => r)
    .join('')}</${prefix}sheetData>`;
  let out = xml.slice(0, data.index) + sheetData + xml.slice(data.index + data[0].length);
  // The dimension covers the cells written.
  const lastRow = Math.max(...cells.map((c) => c.row + 1));
  const lastColumn = Math.max(...cells.map((c) => c.column));
  out = out.replace(
    new RegExp(`(<${prefix}dimension\\b[^>]*?\\sref\\s*=\\s*")([^"]*)(")`),
    (_, head: string, ref: string, tail: string) => {
      const [from, to = from] = ref.split(':');
      const end = /([A-Z]+)(\d+)$/.exec(to);
      const start = /([A-Z]+)(\d+)$/.exec(from);
      const first = start
        ? `${columnLetters(Math.min(columnIndex(start[1]), ...cells.map((c) => c.column)))}${Math.min(Number(start[2]), ...cells.map((c) => c.row + 1))}`
        : 'A1';
      const last = `${columnLetters(Math.max(end ? columnIndex(end[1]) : 0, lastColumn))}${Math.max(end ? Number(end[2]) : 1, lastRow)}`;
      return `${head}${first}:${last}${tail}`;
    },
  );
  return { xml: out, formulas };
}

/** The header row's texts over a table's extent, as the sheet now holds them (shared strings looked up). */
function headerTexts(xml: string, area: TableArea, sharedStrings: readonly string[]): string[] {
  const row = new RegExp(`<((?:\\w+:)?)row\\b[^>]*?\\sr="${area.row + 1}"[^>]*?(?:/>|>([\\s\\S]*?)</\\1row>)`).exec(xml);
  const texts = new Map<number, string>();
  for (const m of (row?.[2] ?? '').matchAll(CELL)) {
    const a = attributes(m[0].slice(0, m[0].indexOf('>') + 1));
    const letters = /^([A-Z]+)/.exec(a.r ?? '')?.[1];
    if (!letters) continue;
    const v = /<(?:\w+:)?v\b[^>]*>([\s\S]*?)<\/(?:\w+:)?v>/.exec(m[0])?.[1];
    const inline = [...m[0].matchAll(/<(?:\w+:)?t\b[^>]*>([\s\S]*?)<\/(?:\w+:)?t>/g)].map((t) => decodeXml(t[1])).join('');
    const text =
      a.t === 's' ? (sharedStrings[Number(v)] ?? '') : a.t === 'inlineStr' ? inline : v !== undefined ? decodeXml(v) : '';
    texts.set(columnIndex(letters), text);
  }
  return Array.from({ length: area.columnCount }, (_, i) => texts.get(area.column + i) ?? '');
}

/** Table column names: unique (case aside) and never empty, as Excel requires. */
function uniqueNames(headers: readonly string[]): string[] {
  const seen = new Set<string>();
  return headers.map((header, i) => {
    const base = header.trim() === '' ? `Kolonne${i + 1}` : xmlCharacters(header);
    let name = base;
    for (let k = 2; seen.has(excelNameKey(name)); k++) name = `${base}${k}`;
    seen.add(excelNameKey(name));
    return name;
  });
}

/**
 * A table over its new extent: ref and filter range, and its columns named by the header row (a column that
 * keeps its name keeps its element, with whatever else it carries; a new one gets a new id).
 */
function resizedTable(xml: string, area: TableArea, headers: readonly string[]): string {
  const ref = `${cellRef(area.row, area.column)}:${cellRef(area.row + area.rowCount - 1, area.column + area.columnCount - 1)}`;
  const prefix = /<((?:\w+:)?)table\b/.exec(xml)?.[1] ?? '';
  const columnsMatch = new RegExp(`<${prefix}tableColumns\\b[^>]*?(?:/>|>([\\s\\S]*?)</${prefix}tableColumns>)`).exec(xml);
  const old = [
    ...(columnsMatch?.[1] ?? '').matchAll(new RegExp(`<(${prefix})tableColumn\\b[^>]*?(?:/>|>[\\s\\S]*?</\\1tableColumn>)`, 'g')),
  ].map((m) => ({ xml: m[0], a: attributes(m[0].slice(0, m[0].indexOf('>') + 1)) }));
  let nextId = old.reduce((n, c) => Math.max(n, Number(c.a.id) || 0), 0);
  const columns = uniqueNames(headers).map((name) => {
    const kept = old.find((c) => excelNameKey(decodeXml(c.a.name ?? '')) === excelNameKey(name));
    return kept ? kept.xml : `<${prefix}tableColumn id="${++nextId}" name="${xmlText(name)}"/>`;
  });
  const list = `<${prefix}tableColumns count="${columns.length}">${columns.join('')}</${prefix}tableColumns>`;
  let out = columnsMatch ? xml.slice(0, columnsMatch.index) + list + xml.slice(columnsMatch.index + columnsMatch[0].length) : xml;
  out = out.replace(/(<(?:\w+:)?table\b[^>]*?\sref\s*=\s*")[^"]*(")/, (_, head: string, tail: string) => `${head}${ref}${tail}`);
  out = out.replace(
    /(<(?:\w+:)?autoFilter\b[^>]*?\sref\s*=\s*")[^"]*(")/,
    (_, head: string, tail: string) => `${head}${ref}${tail}`,
  );
  // A filter on a column the table no longer has would point past its end.
  out = out.replace(/<((?:\w+:)?)filterColumn\b[^>]*?(?:\/>|>[\s\S]*?<\/\1filterColumn>)/g, (column) =>
    Number(attributes(column.slice(0, column.indexOf('>') + 1)).colId) >= area.columnCount ? '' : column,
  );
  return out;
}

/** The sheet XML with one more table part listed (CT_Worksheet: tableParts comes before extLst, last but it). */
function withTablePart(xml: string, relId: string): string {
  const prefix = /<((?:\w+:)?)worksheet\b/.exec(xml)?.[1] ?? '';
  const part = `<${prefix}tablePart r:id="${relId}"/>`;
  const rNs = /xmlns:r\s*=/.test(xml) ? '' : ` xmlns:r="${NS.rel}"`;
  const existing = new RegExp(`<${prefix}tableParts\\b([^>]*?)(/?)>`).exec(xml);
  if (existing) {
    const count = (xml.match(new RegExp(`<${prefix}tablePart\\b`, 'g')) ?? []).length + 1;
    const head = `<${prefix}tableParts count="${count}">`;
    if (existing[2] === '/')
      return xml.replace(existing[0], () => `${head}${part.replace('/>', `${rNs}/>`)}</${prefix}tableParts>`);
    return xml
      .replace(existing[0], () => head)
      .replace(`</${prefix}tableParts>`, () => `${part.replace('/>', `${rNs}/>`)}</${prefix}tableParts>`);
  }
  const list = `<${prefix}tableParts count="1">${part.replace('/>', `${rNs}/>`)}</${prefix}tableParts>`;
  const ext = new RegExp(`<${prefix}extLst\\b`).exec(xml);
  const at = ext ? ext.index : xml.lastIndexOf(`</${prefix}worksheet>`);
  return xml.slice(0, at) + list + xml.slice(at);
}

/** A column's index from its letters (A is 0). */
const columnIndex = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

function tableXml(table: SheetPlan['tables'][number]): string {
  const { area } = table;
  const ref = `${columnLetters(area.column)}${area.row + 1}:${columnLetters(area.column + area.columnCount - 1)}${area.row + area.rowCount}`;
  const columns = table.columns.map((name, i) => `<tableColumn id="${i + 1}" name="${xmlText(name)}"/>`).join('');
  const name = xmlText(area.name);
  return (
    `${XML_HEAD}<table xmlns="${NS.main}" id="${table.id}" name="${name}" displayName="${name}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${table.columns.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="TableStyleLight9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

const PRINT_TITLES = '_xlnm.Print_Titles';

/** A sheet's name in a formula: quoted, an apostrophe doubled. */
const sheetReference = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/**
 * The workbook's defined names with each sheet's print titles (the rows repeated
 * on every printed page) set: an old one of the sheet replaced where it stands,
 * never a second; removed when the sheet has none. The user's other names stay as written.
 */
function withPrintTitles(
  workbookXml: string,
  prefix: string,
  sheets: readonly { index: number; name: string; rows?: { first: number; last: number } }[],
): string {
  let xml = workbookXml;
  const isTitles = (tag: string, index: number): boolean => {
    const a = attributes(tag);
    return a.name?.toLowerCase() === PRINT_TITLES.toLowerCase() && a.localSheetId === String(index);
  };
  for (const { index, name, rows } of sheets) {
    const element = rows
      ? `<${prefix}definedName name="${PRINT_TITLES}" localSheetId="${index}">${xmlText(`${sheetReference(name)}!$${rows.first + 1}:$${rows.last + 1}`)}</${prefix}definedName>`
      : '';
    const old = [...xml.matchAll(/<((?:\w+:)?)definedName\b[^>]*?(?:\/>|>[\s\S]*?<\/\1definedName>)/g)].find((m) =>
      isTitles(m[0].slice(0, m[0].indexOf('>')), index),
    );
    if (old) {
      xml = xml.slice(0, old.index) + element + xml.slice(old.index! + old[0].length);
      continue;
    }
    if (!element) continue;
    const names = /<((?:\w+:)?)definedNames\b[^>]*?(\/?)>/.exec(xml);
    if (names) {
      const close = `</${names[1]}definedNames>`;
      xml =
        names[2] === '/'
          ? xml.replace(names[0], () => `${names[0].replace(/\s*\/>$/, '>')}${element}${close}`)
          : xml.replace(close, () => `${element}${close}`);
      continue;
    }
    // CT_Workbook: definedNames follows sheets, functionGroups and externalReferences.
    const list = `<${prefix}definedNames>${element}</${prefix}definedNames>`;
    const after = ['externalReferences', 'functionGroups', 'sheets']
      .map((tag) => new RegExp(`</${prefix}${tag}>|<${prefix}${tag}\\b[^>]*/>`).exec(xml))
      .find((m) => m);
    if (!after) throw new UnwritablePackage('no sheet list');
    const at = after.index + after[0].length;
    xml = xml.slice(0, at) + list + xml.slice(at);
  }
  return xml;
}

/**
 * Puts a part, given as blocks taken one by one, into the zip already
 * compressed (DEFLATE) by a faster compressor than JSZip's own (Node's zlib);
 * false, before taking any block, when it cannot, and JSZip compresses it.
 */
export type CompressedPart = (zip: JSZip, entry: string, blocks: Iterable<Uint8Array>) => Promise<boolean>;

export interface WriteOptions {
  /** Compression level of the parts JSZip compresses (1 fast … 9 small). */
  level?: number;
  compressed?: CompressedPart;
  /**
   * Cells of the user's sheets to write too (the scenario editor's, in the order made): into the sheet's own part,
   * each cell keeping its style, everything else as written; a table grown or shrunk to its new extent. A sheet
   * the package lacks is added with those cells.
   */
  changes?: readonly SheetChanges[];
}

/**
 * The sheet's charts: Råderum's charts of the previous run (named so, in the sheet's drawing) go with their parts;
 * every other anchor of the drawing (a user's chart, picture, shape) stays with what it refers to; the output's
 * charts are added. Gives the drawing part to refer to, or none when nothing is left to draw.
 */
async function writeCharts(
  pkg: Package,
  contentTypes: ContentTypes,
  output: OutputSheet,
  sheetPart: string,
  oldSheetRels: string,
): Promise<string | undefined> {
  const charts = output.appendAt === undefined ? (output.charts ?? []) : [];
  const old = relationshipsOf(oldSheetRels).find((r) => r.type === CHART_REL_TYPE.drawing && !r.external);
  const oldPart = old ? resolveTarget(sheetPart, old.target) : undefined;
  const oldXml = oldPart ? await pkg.text(oldPart) : undefined;
  if (charts.length === 0 && oldXml === undefined) return undefined;
  const drawingPart = oldXml !== undefined ? oldPart! : pkg.freeName('xl/drawings/drawing', '.xml');
  const drawingRels = relationshipsOf((oldXml !== undefined && (await pkg.text(relsPathOf(drawingPart)))) || '');
  const { anchors } = anchorsOf(oldXml ?? '');
  const kept = anchors.filter((a) => !isOurAnchor(a));
  const stays = new Set(kept.flatMap((a) => a.relIds));
  // The previous run's chart parts go (a part a kept anchor also refers to stays).
  for (const rel of drawingRels) {
    if (stays.has(rel.id) || rel.external || rel.type !== CHART_REL_TYPE.chart) continue;
    if (!anchors.some((a) => isOurAnchor(a) && a.relIds.includes(rel.id))) continue;
    const chartPart = resolveTarget(drawingPart, rel.target);
    pkg.remove(chartPart);
    pkg.remove(relsPathOf(chartPart));
    contentTypes.remove(chartPart);
  }
  const keptRels = drawingRels.filter((r) => stays.has(r.id) || !anchors.some((a) => a.relIds.includes(r.id)));
  const nextId = freeId(keptRels.map((r) => r.id));
  let shapeId = highestShapeId(kept);
  const newRels: string[] = [];
  const added = charts.map((chart) => {
    const chartPart = pkg.freeName('xl/charts/chart', '.xml');
    pkg.put(chartPart, chartXml(output, chart));
    contentTypes.add(chartPart, CHART_CONTENT_TYPE.chart);
    const relId = nextId();
    newRels.push(relationshipXml(relId, CHART_REL_TYPE.chart, relativeTarget(drawingPart, chartPart)));
    return anchorXml(chart, ++shapeId, relId);
  });
  if (kept.length === 0 && added.length === 0) {
    pkg.remove(drawingPart);
    pkg.remove(relsPathOf(drawingPart));
    contentTypes.remove(drawingPart);
    return undefined;
  }
  pkg.put(drawingPart, oldXml !== undefined ? replacedDrawing(oldXml, kept, added) : drawingXml(added));
  contentTypes.add(drawingPart, CHART_CONTENT_TYPE.drawing);
  const rels = [...keptRels.map((r) => r.xml), ...newRels];
  if (rels.length > 0) pkg.put(relsPathOf(drawingPart), relationshipsXml(rels));
  else pkg.remove(relsPathOf(drawingPart));
  return drawingPart;
}

/**
 * The original package with the given sheets replaced (an existing sheet of the
 * same name, case aside, keeps its part, place and tab colour) or added at the
 * end. Throws TableNameTaken, before anything is written, when an output table's
 * name is used by a table on a sheet that stays.
 */
export async function writeOutputSheets(
  original: Uint8Array | ArrayBuffer,
  sheets: readonly OutputSheet[],
  options: WriteOptions = {},
): Promise<Uint8Array> {
  const pkg = new Package(await JSZip.loadAsync(original));
  const rootRels = relationshipsOf((await pkg.text('_rels/.rels')) ?? '');
  const officeDocument = rootRels.find((r) => /\/officeDocument$/.test(r.type) && !r.external);
  if (!officeDocument) throw new UnwritablePackage('no workbook part');
  const workbookPart = resolveTarget('', officeDocument.target);
  let workbookXml = await pkg.text(workbookPart);
  if (workbookXml === undefined) throw new UnwritablePackage('no workbook part');
  const workbookRelsPart = relsPathOf(workbookPart);
  const workbookRelsXml = (await pkg.text(workbookRelsPart)) ?? relationshipsXml([]);
  const workbookRels = relationshipsOf(workbookRelsXml);
  const contentTypes = new ContentTypes((await pkg.text('[Content_Types].xml')) ?? '');

  // The sheet list as written: name, sheetId and the relationship to its part.
  const sheetsTag = /<((?:\w+:)?)sheets\b[^>]*>([\s\S]*?)<\/\1sheets>/.exec(workbookXml);
  if (!sheetsTag) throw new UnwritablePackage('no sheet list');
  // The relationships namespace's prefix where the new sheet elements see it (the root or <sheets>), if declared there.
  const scope = (/<(?:\w+:)?workbook\b[^>]*>/.exec(workbookXml)?.[0] ?? '') + sheetsTag[0].slice(0, sheetsTag[0].indexOf('>'));
  const relPrefix = [...scope.matchAll(/xmlns:(\w+)\s*=\s*["']([^"']*)["']/g)].find((m) => m[2] === NS.rel)?.[1];
  const listed = [...sheetsTag[2].matchAll(/<(?:\w+:)?sheet\b[^>]*?\/?>/g)].map((m) => {
    const a = attributes(m[0]);
    const relId = localAttribute(a, 'id') ?? '';
    const rel = workbookRels.find((r) => r.id === relId);
    return {
      name: a.name ?? '',
      sheetId: Number(a.sheetId),
      part: rel && !rel.external ? resolveTarget(workbookPart, rel.target) : undefined,
      isWorksheet: rel?.type === REL_TYPE.worksheet,
    };
  });

  // Tables that stay, and the highest table id in the package.
  const tablesBySheetPart = new Map<string, { part: string; relId: string }[]>();
  const sheetRelsXml = new Map<string, string>();
  for (const sheet of listed) {
    if (!sheet.part) continue;
    const xml = await pkg.text(relsPathOf(sheet.part));
    if (xml === undefined) continue;
    sheetRelsXml.set(sheet.part, xml);
    tablesBySheetPart.set(
      sheet.part,
      relationshipsOf(xml)
        .filter((r) => r.type === REL_TYPE.table && !r.external)
        .map((r) => ({ part: resolveTarget(sheet.part!, r.target), relId: r.id })),
    );
  }
  // Changes to sheets the package lacks: the sheet is added with the cells, as an output sheet is.
  const changed = (options.changes ?? []).filter((c) => c.cells.length > 0 || c.table);
  const patched = changed.filter((c) => listed.some((s) => s.isWorksheet && s.part && sameSheetName(s.name, c.sheet)));
  const sheetsAdded = changed.filter((c) => !patched.includes(c));
  const targets = [...sheets, ...sheetsOfChanges(sheetsAdded)].map((output) => ({
    output,
    existing: listed.find((s) => s.isWorksheet && s.part && sameSheetName(s.name, output.name)),
  }));
  for (const { output, existing } of targets) {
    const other = existing ? undefined : listed.find((s) => sameSheetName(s.name, output.name));
    if (other) throw new SheetNameTaken(other.name);
  }
  // A log's sheet (appendAt) is written into, below what it holds: its part, tables and cells stay.
  const appended = (t: (typeof targets)[number]) => t.output.appendAt !== undefined && t.existing?.part !== undefined;
  const replacedParts = new Set(targets.flatMap((t) => (t.existing?.part && !appended(t) ? [t.existing.part] : [])));
  const taken = new Map<string, string>();
  let maxTableId = 0;
  for (const sheet of listed) {
    for (const table of tablesBySheetPart.get(sheet.part ?? '') ?? []) {
      const xml = (await pkg.text(table.part)) ?? '';
      const a = attributes(/<(?:\w+:)?table\b[^>]*>/.exec(xml)?.[0] ?? '');
      if (replacedParts.has(sheet.part!)) continue;
      maxTableId = Math.max(maxTableId, Number(a.id) || 0);
      for (const name of [a.name, a.displayName]) if (name) taken.set(excelNameKey(name), sheet.name);
    }
  }
  for (const { output } of targets)
    for (const table of output.tables) {
      const owner = taken.get(excelNameKey(table.name));
      if (owner !== undefined) throw new TableNameTaken(table.name, owner);
      taken.set(excelNameKey(table.name), output.name);
    }

  // The styles part: the workbook's own, or a minimal one where it has none.
  const stylesRel = workbookRels.find((r) => r.type === REL_TYPE.styles && !r.external);
  const stylesPart = stylesRel ? resolveTarget(workbookPart, stylesRel.target) : `${folderOf(workbookPart)}styles.xml`;
  const stylesXml = stylesRel ? await pkg.text(stylesPart) : undefined;
  const styles = new Styles(stylesXml ?? MINIMAL_STYLES);
  const newWorkbookRels: string[] = [];
  const nextWorkbookRelId = freeId(workbookRels.map((r) => r.id));
  if (!stylesRel) {
    newWorkbookRels.push(relationshipXml(nextWorkbookRelId(), REL_TYPE.styles, relativeTarget(workbookPart, stylesPart)));
    contentTypes.add(stylesPart, CONTENT_TYPE.styles);
  }

  // Old tables of replaced sheets go first, so their names and part names are free again.
  for (const part of replacedParts)
    for (const table of tablesBySheetPart.get(part) ?? []) {
      pkg.remove(table.part);
      pkg.remove(relsPathOf(table.part));
      contentTypes.remove(table.part);
    }

  let nextSheetId = listed.reduce((m, s) => Math.max(m, s.sheetId || 0), 0) + 1;
  const addedSheets: string[] = [];
  const tablesFolder = `${folderOf(workbookPart)}tables/`;
  for (const target of targets) {
    const { output, existing } = target;
    if (appended(target)) {
      pkg.put(existing!.part!, appendedSheet((await pkg.text(existing!.part!)) ?? '', output, styles));
      continue;
    }
    const part = existing?.part ?? pkg.freeName(`${folderOf(workbookPart)}worksheets/sheet`, '.xml');
    const kept: KeptSettings = { page: [], rels: [] };
    const oldPage = new Map<string, string>();
    if (existing) {
      const old = (await pkg.text(part)) ?? '';
      const oldRels = relationshipsOf(sheetRelsXml.get(part) ?? '');
      kept.sheetPr = element(old, 'sheetPr');
      for (const name of ['pageMargins', 'pageSetup', 'headerFooter']) {
        const found = element(old, name);
        if (!found) continue;
        const relId = localAttribute(attributes(found.slice(0, found.indexOf('>'))), 'id');
        const rel = relId === undefined ? undefined : oldRels.find((r) => r.id === relId);
        // A page setup naming printer settings the package lacks would be an invalid reference: it is left out.
        if (relId !== undefined && !rel) continue;
        // The header and footer are the output's own when it has a page setup: the old ones go, with nothing they point at.
        if (output.page && name === 'headerFooter') continue;
        if (rel) kept.rels.push(rel);
        // A prefixed main namespace (x:sheetPr) is written unprefixed, as the new sheet's is the default namespace.
        oldPage.set(name, found.replace(/<(\/?)(?!r:)\w+:/g, '<$1'));
      }
      if (kept.sheetPr) kept.sheetPr = kept.sheetPr.replace(/<(\/?)\w+:/g, '<$1');
    } else {
      const relId = nextWorkbookRelId();
      newWorkbookRels.push(relationshipXml(relId, REL_TYPE.worksheet, relativeTarget(workbookPart, part)));
      const sheetPrefix = /<((?:\w+:)?)sheet\b/.exec(sheetsTag[2])?.[1] ?? sheetsTag[1];
      const relAttr = relPrefix ? `${relPrefix}:id` : `r:id`;
      const relNs = relPrefix ? '' : ` xmlns:r="${NS.rel}"`;
      addedSheets.push(
        `<${sheetPrefix}sheet name="${xmlText(output.name)}" sheetId="${nextSheetId++}"${relNs} ${relAttr}="${relId}"/>`,
      );
      contentTypes.add(part, CONTENT_TYPE.worksheet);
    }
    kept.page = output.page ? pageElements(output.page, oldPage) : [...oldPage.values()];
    const nextRelId = freeId(kept.rels.map((r) => r.id));
    const drawing = await writeCharts(pkg, contentTypes, output, part, existing ? (sheetRelsXml.get(part) ?? '') : '');
    const drawingRelId = drawing ? nextRelId() : undefined;
    const offset = Math.max(0, output.appendAt ?? 0);
    const plan: SheetPlan = {
      output,
      offset,
      part,
      kept,
      tables: output.tables.map((relative) => {
        const area = { ...relative, row: relative.row + offset };
        const tablePart = pkg.freeName(`${tablesFolder}table`, '.xml');
        const table = { area, part: tablePart, id: ++maxTableId, relId: nextRelId(), columns: tableColumns(output, relative) };
        pkg.put(tablePart, tableXml(table));
        contentTypes.add(tablePart, CONTENT_TYPE.table);
        return table;
      }),
      drawingRelId,
    };
    await pkg.putBlocks(part, sheetXml(plan, styles), options.compressed);
    const rels = [
      ...kept.rels.map((r) => r.xml),
      ...plan.tables.map((t) => relationshipXml(t.relId, REL_TYPE.table, relativeTarget(part, t.part))),
      ...(drawing && drawingRelId ? [relationshipXml(drawingRelId, CHART_REL_TYPE.drawing, relativeTarget(part, drawing))] : []),
    ];
    if (rels.length > 0) pkg.put(relsPathOf(part), relationshipsXml(rels));
    else pkg.remove(relsPathOf(part));
  }

  // A calculation chain naming cells of a replaced sheet would point at formulas no longer there.
  // The user's sheets the changes write into, cell by cell.
  const formulasReplaced = new Set<number>();
  if (patched.length > 0) {
    const sharedStrings = await sharedStringsOf(pkg, workbookPart, workbookRels);
    for (const sheet of listed) {
      const mine = patched.filter((c) => sameSheetName(c.sheet, sheet.name));
      if (mine.length === 0 || !sheet.part) continue;
      let xml = (await pkg.text(sheet.part)) ?? '';
      for (const change of mine) {
        const result = withCells(xml, change.cells);
        xml = result.xml;
        if (result.formulas) formulasReplaced.add(sheet.sheetId);
        if (!change.table) continue;
        const wanted = change.table;
        const headers = headerTexts(xml, wanted, sharedStrings);
        let found = false;
        for (const table of tablesBySheetPart.get(sheet.part) ?? []) {
          const tableXmlText = (await pkg.text(table.part)) ?? '';
          const a = attributes(/<(?:\w+:)?table\b[^>]*>/.exec(tableXmlText)?.[0] ?? '');
          if (excelNameKey(a.name ?? '') !== excelNameKey(wanted.name)) continue;
          pkg.put(table.part, resizedTable(tableXmlText, wanted, headers));
          found = true;
        }
        if (!found) {
          // A table the sheet lacks (its Scenarier was plain cells, or empty): added, with its part and relationship.
          const tablePart = pkg.freeName(`${folderOf(workbookPart)}tables/table`, '.xml');
          const relsXml = sheetRelsXml.get(sheet.part) ?? relationshipsXml([]);
          const relId = freeId(relationshipsOf(relsXml).map((r) => r.id))();
          const columns = uniqueNames(headers);
          pkg.put(tablePart, tableXml({ area: wanted, part: tablePart, id: ++maxTableId, relId, columns }));
          contentTypes.add(tablePart, CONTENT_TYPE.table);
          const rels = relsXml.replace(
            /<\/((?:\w+:)?)Relationships>\s*$/,
            (_, p: string) =>
              `${relationshipXml(relId, REL_TYPE.table, relativeTarget(sheet.part!, tablePart))}</${p}Relationships>`,
          );
          sheetRelsXml.set(sheet.part, rels);
          pkg.put(relsPathOf(sheet.part), rels);
          xml = withTablePart(xml, relId);
        }
      }
      pkg.put(sheet.part, xml);
    }
  }

  const replacedIds = new Set([
    ...targets.flatMap((t) => (t.existing && !appended(t) ? [t.existing.sheetId] : [])),
    ...formulasReplaced,
  ]);
  const calcRel = workbookRels.find((r) => r.type === REL_TYPE.calcChain && !r.external);
  let droppedRel: string | undefined;
  if (calcRel && replacedIds.size > 0) {
    const calcPart = resolveTarget(workbookPart, calcRel.target);
    const chain = (await pkg.text(calcPart)) ?? '';
    let sheetId = 0;
    let names = false;
    for (const m of chain.matchAll(/<(?:\w+:)?c\b[^>]*>/g)) {
      const i = attributes(m[0]).i;
      if (i !== undefined) sheetId = Number(i);
      if (replacedIds.has(sheetId)) names = true;
    }
    if (names) {
      pkg.remove(calcPart);
      contentTypes.remove(calcPart);
      droppedRel = calcRel.xml;
    }
  }

  const workbookBefore = workbookXml;
  if (addedSheets.length > 0) {
    const close = `</${sheetsTag[1]}sheets>`;
    const at = sheetsTag.index + sheetsTag[0].length - close.length;
    workbookXml = workbookXml.slice(0, at) + addedSheets.join('') + workbookXml.slice(at);
  }
  // Print titles are defined names local to their sheet, which is named by its place in the sheet list.
  let added = 0;
  const titles = targets.flatMap((target) => {
    const { output, existing } = target;
    if (appended(target)) return [];
    const index = existing ? listed.indexOf(existing) : listed.length + added++;
    return output.page ? [{ index, name: output.name, rows: output.page.titleRows }] : [];
  });
  workbookXml = withPrintTitles(workbookXml, sheetsTag[1], titles);
  if (workbookXml !== workbookBefore) pkg.put(workbookPart, workbookXml);
  if (newWorkbookRels.length > 0 || droppedRel) {
    let xml = droppedRel ? workbookRelsXml.replace(droppedRel, '') : workbookRelsXml;
    xml = xml.replace(/<\/((?:\w+:)?)Relationships>\s*$/, (_, p: string) => `${newWorkbookRels.join('')}</${p}Relationships>`);
    pkg.put(workbookRelsPart, xml);
  }
  const stylesOut = styles.toString();
  if (stylesOut !== stylesXml) pkg.put(stylesPart, stylesOut);
  const typesOut = contentTypes.toString();
  if (typesOut !== ((await pkg.text('[Content_Types].xml')) ?? '')) pkg.put('[Content_Types].xml', typesOut);

  return pkg.zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: options.level ?? 6 },
  });
}
