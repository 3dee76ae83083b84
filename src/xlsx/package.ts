/**
 * An `.xlsx`/`.xlsm` package made readable for ExcelJS. ExcelJS finds parts by
 * fixed file names and looks up tables, comments and drawings by the exact
 * relative path Excel writes, so a valid file from another tool can crash it:
 * openpyxl writes absolute targets (`/xl/tables/table1.xml`), LibreOffice writes
 * no theme and tables without `tableStyleInfo`, and Excel leaves out
 * `headerRowCount` (default 1), which ExcelJS reads as "no header row". Here the
 * package is rebuilt by following its relationships, with every part ExcelJS
 * reads under the name ExcelJS expects. The file on disk is never touched.
 */
import JSZip from 'jszip';

/** Why a file is not a workbook we can read. */
export type NotWorkbookKind = 'notZip' | 'ods' | 'xls' | 'noWorkbookPart';

export class NotAWorkbook extends Error {
  constructor(readonly kind: NotWorkbookKind) {
    super(`not an .xlsx workbook (${kind})`);
  }
}

/** What a copy written through ExcelJS cannot carry, found in the package. */
export interface PackageFacts {
  macros: boolean;
  charts: boolean;
  pivotTables: boolean;
  externalLinks: boolean;
}

export interface NormalisedPackage {
  data: Uint8Array;
  facts: PackageFacts;
  /** False when the package had no theme part (the copy then gets ExcelJS's default theme). */
  hasTheme: boolean;
}

export const REL = {
  officeDocument: /\/officeDocument$/,
  worksheet: /\/worksheet$/,
  styles: /\/styles$/,
  sharedStrings: /\/sharedStrings$/,
  theme: /\/theme$/,
  table: /\/table$/,
  comments: /\/comments$/,
  vmlDrawing: /\/vmlDrawing$/,
  drawing: /\/drawing$/,
  image: /\/image$/,
  hyperlink: /\/hyperlink$/,
  coreProperties: /\/(metadata\/)?core-properties$/,
  extendedProperties: /\/extended-properties$/,
};

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

// Characters XML 1.0 does not allow (controls, lone surrogates, U+FFFE/U+FFFF) are dropped.
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- these are the characters to drop
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text without the characters XML 1.0 cannot hold. */
export const xmlCharacters = (text: string): string => text.replace(NOT_XML, '');

/** Text as XML character data or an attribute value. */
export function xmlText(text: string): string {
  return xmlCharacters(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** XML character data or an attribute value as text: the five entities and numeric character references. */
export const decodeXml = (text: string): string =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&');

/** A tag's attributes by their qualified names, values decoded. */
export function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) found[m[1]] = decodeXml(m[2] ?? m[3]);
  return found;
}

function parseRelationships(xml: string): Relationship[] {
  return [...xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)].map((m) => {
    const a = attributes(m[1]);
    return { id: a.Id ?? '', type: a.Type ?? '', target: a.Target ?? '', external: a.TargetMode === 'External' };
  });
}

function relationshipsXml(rels: readonly Relationship[]): string {
  const items = rels.map(
    (r) =>
      `<Relationship Id="${xmlText(r.id)}" Type="${xmlText(r.type)}" Target="${xmlText(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`,
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join('')}</Relationships>`;
}

/** The part a relationship points at, as a zip path without a leading slash. */
export function resolveTarget(source: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURI(target);
  } catch {
    // keep the target as written
  }
  const parts = decoded.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const segment of decoded.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

/** The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export const relsPathOf = (part: string): string => {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
};

/** Part names in a package are case-insensitive; zip entry names are not. */
export class Parts {
  private readonly byName = new Map<string, JSZip.JSZipObject>();
  constructor(zip: JSZip) {
    zip.forEach((name, file) => {
      if (!file.dir) this.byName.set(name.replace(/^\/+/, '').toLowerCase(), file);
    });
  }
  has(name: string): boolean {
    return this.byName.has(name.toLowerCase());
  }
  file(name: string): JSZip.JSZipObject | undefined {
    return this.byName.get(name.toLowerCase());
  }
  names(): string[] {
    return [...this.byName.keys()];
  }
  async text(name: string): Promise<string | undefined> {
    return this.byName.get(name.toLowerCase())?.async('string');
  }
  async bytes(name: string): Promise<Uint8Array | undefined> {
    return this.byName.get(name.toLowerCase())?.async('uint8array');
  }
  async relationships(part: string): Promise<Relationship[]> {
    const xml = await this.text(relsPathOf(part));
    return xml ? parseRelationships(xml) : [];
  }
}

/**
 * Excel omits `headerRowCount` when it is 1 (the default); ExcelJS then takes the
 * table to have no header row. A table without `tableStyleInfo` (LibreOffice)
 * makes ExcelJS crash when it writes the copy.
 */
export function normaliseTableXml(xml: string): string {
  let fixed = xml.replace(/<((?:\w+:)?table)\b([^>]*)>/, (whole, tag: string, attrs: string) =>
    /\sheaderRowCount\s*=/.test(attrs) ? whole : `<${tag} headerRowCount="1"${attrs}>`,
  );
  if (!/<(?:\w+:)?tableStyleInfo\b/.test(fixed))
    fixed = fixed.replace(
      /<\/((?:\w+:)?table)>\s*$/,
      '<tableStyleInfo showFirstColumn="0" showLastColumn="0" showRowStripes="0" showColumnStripes="0"/></$1>',
    );
  return fixed;
}

/**
 * Files from tools built on the OpenXML SDK may bind SpreadsheetML to a prefix
 * (`<x:worksheet xmlns:x="…/main">`); ExcelJS matches element names literally
 * and would find no sheets. The prefix is dropped and the namespace made the default.
 */
export function withoutMainPrefix(xml: string): string {
  const declaration =
    /\sxmlns:(\w+)\s*=\s*"(http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main|http:\/\/purl\.oclc\.org\/ooxml\/spreadsheetml\/main)"/.exec(
      xml,
    );
  if (!declaration) return xml;
  const [whole, prefix, namespace] = declaration;
  const root = /<[^?!][^>]*>/.exec(xml)?.[0] ?? '';
  const hasDefault = /\sxmlns\s*=/.test(root);
  return xml.replace(new RegExp(`<(/?)${prefix}:`, 'g'), '<$1').replace(whole, hasDefault ? '' : ` xmlns="${namespace}"`);
}

/** ExcelJS reads a comment's text from runs (`<r><t>`) only; a plain `<text><t>` (openpyxl) would come out empty. */
export function normaliseCommentsXml(xml: string): string {
  return xml.replace(
    /<((?:\w+:)?)text>(\s*<(?:\w+:)?t\b[^>]*>[^<]*<\/(?:\w+:)?t>\s*)<\/(?:\w+:)?text>/g,
    '<$1text><$1r>$2</$1r></$1text>',
  );
}

/**
 * Removes the sheet's references to relationships that were not carried over
 * (ExcelJS would look them up and crash): drawings it cannot read, missing parts.
 */
export function dropDanglingReferences(sheetXml: string, kept: ReadonlySet<string>): string {
  return sheetXml.replace(
    /<(?:\w+:)?(?:drawing|legacyDrawing|legacyDrawingHF|picture|tablePart|hyperlink)\b[^>]*?\b(?:\w+:)?id\s*=\s*"([^"]*)"[^>]*?\/>/g,
    (element: string, id: string) => (kept.has(id) ? element : ''),
  );
}

function startsWith(data: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, i) => data[i] === byte);
}

/**
 * `date1904` is an xsd:boolean: LibreOffice writes "true", Excel "1". ExcelJS
 * 4.4 knows only "1" and would read a 1904 workbook's dates four years early.
 */
export const withDate1904AsOne = (workbookXml: string): string =>
  workbookXml.replace(/(<workbookPr\b[^>]*\bdate1904\s*=\s*)(["'])\s*true\s*\2/, '$1"1"');

/** An opened package: its parts, where its workbook part is, and what a copy through ExcelJS would lose. */
export interface OpenedPackage {
  parts: Parts;
  root: Relationship[];
  officeRel?: Relationship;
  workbookPart: string;
  workbookXml: string;
  facts: PackageFacts;
}

/** Opens a package as a workbook; throws NotAWorkbook when it is none (an .xls, an .ods, any other file). */
export async function openPackage(input: Uint8Array | ArrayBuffer): Promise<OpenedPackage> {
  const data = input instanceof Uint8Array ? input : new Uint8Array(input);
  // Old .xls files and password-protected workbooks are OLE compound files, not zips.
  if (startsWith(data, OLE_SIGNATURE)) throw new NotAWorkbook('xls');
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    throw new NotAWorkbook('notZip');
  }
  const parts = new Parts(zip);
  const mimetype = (await parts.text('mimetype'))?.trim();
  if (mimetype?.startsWith('application/vnd.oasis.opendocument')) throw new NotAWorkbook('ods');

  const root = await parts.relationships('');
  const officeRel = root.find((r) => REL.officeDocument.test(r.type) && !r.external);
  const workbookPart = officeRel ? resolveTarget('', officeRel.target) : 'xl/workbook.xml';
  const workbookXml = await parts.text(workbookPart);
  if (workbookXml === undefined || !/<(?:\w+:)?workbook\b/.test(workbookXml)) throw new NotAWorkbook('noWorkbookPart');
  const names = parts.names();
  const facts: PackageFacts = {
    macros: names.some((n) => /vbaproject\.bin$/.test(n)),
    charts: names.some((n) => /\/charts\/chart[^/]*\.xml$/.test(n) || /\/chartsheets\//.test(n)),
    pivotTables: names.some((n) => /\/pivottables\//.test(n)),
    externalLinks: names.some((n) => /\/externallinks\//.test(n)),
  };
  return { parts, root, officeRel, workbookPart, workbookXml, facts };
}

/** Rebuilds the package so ExcelJS reads every sheet, table, comment and picture in it. */
export async function normalisePackage(input: Uint8Array | ArrayBuffer): Promise<NormalisedPackage> {
  const { parts, root, officeRel, workbookPart, workbookXml, facts } = await openPackage(input);
  const text = async (part: string) => withoutMainPrefix((await parts.text(part))!);
  const out = new JSZip();

  const rootRels: Relationship[] = [{ id: 'rId1', type: officeRel?.type ?? '', target: 'xl/workbook.xml', external: false }];
  if (!officeRel) rootRels[0].type = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
  for (const [kind, name] of [
    [REL.coreProperties, 'docProps/core.xml'],
    [REL.extendedProperties, 'docProps/app.xml'],
  ] as const) {
    const rel = root.find((r) => kind.test(r.type) && !r.external);
    const content = rel && (await parts.text(resolveTarget('', rel.target)));
    if (rel && content !== undefined) {
      out.file(name, content);
      rootRels.push({ ...rel, target: name });
    }
  }
  out.file('_rels/.rels', relationshipsXml(rootRels));
  out.file('xl/workbook.xml', withDate1904AsOne(withoutMainPrefix(workbookXml)));

  const counters = { sheet: 0, table: 0, comments: 0, vml: 0, drawing: 0, media: 0 };
  const media = new Map<string, string>();
  const copyMedia = async (part: string): Promise<string | undefined> => {
    if (media.has(part)) return media.get(part);
    const bytes = await parts.bytes(part);
    const ext = /\.([A-Za-z0-9]{3,4})$/.exec(part)?.[1];
    if (!bytes || !ext) return undefined;
    const name = `image${++counters.media}.${ext.toLowerCase()}`;
    out.file(`xl/media/${name}`, bytes);
    media.set(part, name);
    return name;
  };

  let hasTheme = false;
  const workbookRels: Relationship[] = [];
  for (const rel of await parts.relationships(workbookPart)) {
    if (rel.external) continue;
    const part = resolveTarget(workbookPart, rel.target);
    if (!parts.has(part)) continue;
    if (REL.worksheet.test(rel.type)) {
      const n = ++counters.sheet;
      workbookRels.push({ ...rel, target: `worksheets/sheet${n}.xml` });
      const sheetRels: Relationship[] = [];
      for (const sheetRel of await parts.relationships(part)) {
        if (sheetRel.external) {
          if (REL.hyperlink.test(sheetRel.type)) sheetRels.push(sheetRel);
          continue;
        }
        const target = resolveTarget(part, sheetRel.target);
        if (!parts.has(target)) continue;
        if (REL.table.test(sheetRel.type)) {
          const name = `table${++counters.table}.xml`;
          out.file(`xl/tables/${name}`, normaliseTableXml(await text(target)));
          sheetRels.push({ ...sheetRel, target: `../tables/${name}` });
        } else if (REL.comments.test(sheetRel.type)) {
          const name = `comments${++counters.comments}.xml`;
          out.file(`xl/${name}`, normaliseCommentsXml(await text(target)));
          sheetRels.push({ ...sheetRel, target: `../${name}` });
        } else if (REL.vmlDrawing.test(sheetRel.type)) {
          const name = `vmlDrawing${++counters.vml}.vml`;
          out.file(`xl/drawings/${name}`, (await parts.text(target))!);
          sheetRels.push({ ...sheetRel, target: `../drawings/${name}` });
        } else if (REL.drawing.test(sheetRel.type)) {
          // Pictures only: ExcelJS carries images, not charts or shapes, and reads
          // a drawing only under the `xdr:` prefix Excel uses.
          const xml = (await parts.text(target))!;
          const drawingRels: Relationship[] = [];
          for (const drawingRel of await parts.relationships(target)) {
            if (drawingRel.external || !REL.image.test(drawingRel.type)) continue;
            const image = await copyMedia(resolveTarget(target, drawingRel.target));
            if (image) drawingRels.push({ ...drawingRel, target: `../media/${image}` });
          }
          if (!/<xdr:wsDr\b/.test(xml) || drawingRels.length === 0) continue;
          const name = `drawing${++counters.drawing}.xml`;
          out.file(`xl/drawings/${name}`, xml);
          out.file(`xl/drawings/_rels/${name}.rels`, relationshipsXml(drawingRels));
          sheetRels.push({ ...sheetRel, target: `../drawings/${name}` });
        } else if (REL.image.test(sheetRel.type)) {
          const image = await copyMedia(target);
          if (image) sheetRels.push({ ...sheetRel, target: `../media/${image}` });
        }
      }
      const kept = new Set(sheetRels.map((r) => r.id));
      out.file(`xl/worksheets/sheet${n}.xml`, dropDanglingReferences(await text(part), kept));
      if (sheetRels.length > 0) out.file(`xl/worksheets/_rels/sheet${n}.xml.rels`, relationshipsXml(sheetRels));
    } else if (REL.styles.test(rel.type)) {
      out.file('xl/styles.xml', await text(part));
      workbookRels.push({ ...rel, target: 'styles.xml' });
    } else if (REL.sharedStrings.test(rel.type)) {
      out.file('xl/sharedStrings.xml', await text(part));
      workbookRels.push({ ...rel, target: 'sharedStrings.xml' });
    } else if (REL.theme.test(rel.type) && !hasTheme) {
      // ExcelJS always writes its workbook's theme as theme1.
      out.file('xl/theme/theme1.xml', (await parts.bytes(part))!);
      workbookRels.push({ ...rel, target: 'theme/theme1.xml' });
      hasTheme = true;
    }
  }
  out.file('xl/_rels/workbook.xml.rels', relationshipsXml(workbookRels));
  return { data: await out.generateAsync({ type: 'uint8array' }), facts, hasTheme };
}
