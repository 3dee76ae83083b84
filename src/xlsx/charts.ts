/**
 * An output sheet's native charts as package parts (DrawingML): a chart part per chart (c:chartSpace, its data
 * referring to the sheet's own cells, with the values cached so a reader that does not calculate shows them), and
 * the sheet's drawing part anchoring each chart to cells (xdr:twoCellAnchor + graphicFrame).
 *
 * A re-run finds the charts Råderum drew before by name (the graphic frame's cNvPr name, isOutputChartName) and
 * replaces them; every other anchor of the drawing (a user's chart, picture or shape) stays as written.
 */
import { columnLetters } from '../workbook/grid';
import { isOutputChartName, type ChartCells, type OutputChart, type OutputSheet } from '../workbook/output';
import { xmlText } from './package';

export const CHART_NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
};
export const CHART_REL_TYPE = {
  drawing: `${CHART_NS.r}/drawing`,
  chart: `${CHART_NS.r}/chart`,
};
export const CHART_CONTENT_TYPE = {
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
};
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** `'Råderum'!$C$5:$D$5`: an absolute reference to cells of the sheet. */
function reference(sheet: string, cells: ChartCells): string {
  const from = `$${columnLetters(cells.column)}$${cells.row + 1}`;
  const to = `$${columnLetters(cells.column + cells.columnCount - 1)}$${cells.row + cells.rowCount}`;
  return `'${sheet.replace(/'/g, "''")}'!${from === to ? from : `${from}:${to}`}`;
}

/** The cells' values in reading order (a row or a column). */
function cellsOf(output: OutputSheet, cells: ChartCells): (string | number | null)[] {
  const out: (string | number | null)[] = [];
  for (let r = cells.row; r < cells.row + cells.rowCount; r++)
    for (let c = cells.column; c < cells.column + cells.columnCount; c++) out.push(output.values[r]?.[c] ?? null);
  return out;
}

const strCache = (values: readonly (string | number | null)[]): string =>
  `<c:strCache><c:ptCount val="${values.length}"/>${values
    .map((v, i) => (v === null ? '' : `<c:pt idx="${i}"><c:v>${xmlText(String(v))}</c:v></c:pt>`))
    .join('')}</c:strCache>`;

const numCache = (values: readonly (string | number | null)[], format: string): string =>
  `<c:numCache><c:formatCode>${xmlText(format)}</c:formatCode><c:ptCount val="${values.length}"/>${values
    .map((v, i) => (typeof v === 'number' ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : ''))
    .join('')}</c:numCache>`;

const BAR = {
  columnClustered: { dir: 'col', grouping: 'clustered', overlap: '' },
  columnStacked: { dir: 'col', grouping: 'stacked', overlap: '<c:overlap val="100"/>' },
  barStacked: { dir: 'bar', grouping: 'stacked', overlap: '<c:overlap val="100"/>' },
} as const;

/** The chart part of one chart of `output`. */
export function chartXml(output: OutputSheet, chart: OutputChart): string {
  const sheet = output.name;
  const categories = cellsOf(output, chart.categories);
  const catRef = `<c:cat><c:strRef><c:f>${xmlText(reference(sheet, chart.categories))}</c:f>${strCache(categories)}</c:strRef></c:cat>`;
  const series = chart.series
    .map((s, k) => {
      const values = cellsOf(output, s.values);
      const format = output.formats[s.values.row]?.[s.values.column] ?? 'General';
      const name = s.nameCell
        ? `<c:tx><c:strRef><c:f>${xmlText(reference(sheet, { ...s.nameCell, rowCount: 1, columnCount: 1 }))}</c:f>${strCache([s.name])}</c:strRef></c:tx>`
        : `<c:tx><c:v>${xmlText(s.name)}</c:v></c:tx>`;
      const line = chart.kind === 'line' ? '<c:marker><c:symbol val="none"/></c:marker>' : '<c:invertIfNegative val="0"/>';
      return (
        `<c:ser><c:idx val="${k}"/><c:order val="${k}"/>${name}${line}${catRef}` +
        `<c:val><c:numRef><c:f>${xmlText(reference(sheet, s.values))}</c:f>${numCache(values, format)}</c:numRef></c:val>` +
        `${chart.kind === 'line' ? '<c:smooth val="0"/>' : ''}</c:ser>`
      );
    })
    .join('');
  const axes = '<c:axId val="500000001"/><c:axId val="500000002"/>';
  const plot =
    chart.kind === 'line'
      ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axes}</c:lineChart>`
      : `<c:barChart><c:barDir val="${BAR[chart.kind].dir}"/><c:grouping val="${BAR[chart.kind].grouping}"/><c:varyColors val="0"/>${series}<c:gapWidth val="80"/>${BAR[chart.kind].overlap}${axes}</c:barChart>`;
  const horizontal = chart.kind === 'barStacked';
  const format = output.formats[chart.series[0]?.values.row ?? 0]?.[chart.series[0]?.values.column ?? 0] ?? 'General';
  const catAx = `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="low"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx = `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? 'b' : 'l'}"/><c:majorGridlines/><c:numFmt formatCode="${xmlText(format)}" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  const title = `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr><a:r><a:rPr lang="da-DK" sz="1400" b="1"/><a:t>${xmlText(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  return (
    `${XML_HEAD}<c:chartSpace xmlns:c="${CHART_NS.c}" xmlns:a="${CHART_NS.a}" xmlns:r="${CHART_NS.r}">` +
    `<c:roundedCorners val="0"/><c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}${catAx}${valAx}</c:plotArea>` +
    `<c:legend><c:legendPos val="r"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** One anchor of a drawing part, as written. */
export interface Anchor {
  xml: string;
  /** The graphic frame's name (cNvPr), when the anchor holds one. */
  name?: string;
  /** The relationship ids the anchor refers to (r:id, r:embed, r:link). */
  relIds: string[];
}

const ANCHOR = /<((?:\w+:)?)(twoCellAnchor|oneCellAnchor|absoluteAnchor)\b[\s\S]*?<\/\1\2>/g;

/** A drawing part's anchors, and what surrounds them (the root's start and end tags). */
export function anchorsOf(xml: string): { head: string; anchors: Anchor[]; tail: string; prefix: string } {
  const anchors: Anchor[] = [];
  let first = -1;
  let last = -1;
  let prefix = 'xdr:';
  for (const m of xml.matchAll(ANCHOR)) {
    if (first < 0) first = m.index;
    last = m.index + m[0].length;
    prefix = m[1];
    const frame = /<(?:\w+:)?graphicFrame\b[\s\S]*?<(?:\w+:)?cNvPr\b[^>]*\bname\s*=\s*"([^"]*)"/.exec(m[0]);
    const relIds = [...m[0].matchAll(/\b\w+:(?:id|embed|link)\s*=\s*"([^"]*)"/g)].map((x) => x[1]);
    anchors.push({ xml: m[0], name: frame ? frame[1] : undefined, relIds });
  }
  if (first < 0) {
    const close = /<\/((?:\w+:)?)wsDr>\s*$/.exec(xml);
    const at = close ? close.index : xml.length;
    return { head: xml.slice(0, at), anchors, tail: xml.slice(at), prefix: close?.[1] ?? 'xdr:' };
  }
  return { head: xml.slice(0, first), anchors, tail: xml.slice(last), prefix };
}

/** Whether an anchor is a chart Råderum drew (its frame named so). */
export const isOurAnchor = (anchor: Anchor): boolean => anchor.name !== undefined && isOutputChartName(decodeName(anchor.name));

const decodeName = (name: string): string =>
  name
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Column widths in characters → EMU offsets are not needed: a two-cell anchor names its corner cells. */
export function anchorXml(chart: OutputChart, id: number, relId: string, offset = 0): string {
  const { at } = chart;
  const from = `<xdr:from><xdr:col>${at.column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${at.row + offset}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>`;
  const to = `<xdr:to><xdr:col>${at.column + at.columns}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${at.row + offset + at.rows}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell">${from}${to}<xdr:graphicFrame macro="">` +
    `<xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="${xmlText(chart.name)}" title="${xmlText(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${CHART_NS.c}"><c:chart xmlns:c="${CHART_NS.c}" r:id="${relId}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

/** A new drawing part holding these anchors. */
export const drawingXml = (anchors: readonly string[]): string =>
  `${XML_HEAD}<xdr:wsDr xmlns:xdr="${CHART_NS.xdr}" xmlns:a="${CHART_NS.a}" xmlns:r="${CHART_NS.r}">${anchors.join('')}</xdr:wsDr>`;

/**
 * An existing drawing part with Råderum's anchors taken out and the new ones added. The new anchors use the
 * prefixes xdr, a and r: declared on each anchor where the part's root does not declare them so.
 */
export function replacedDrawing(xml: string, kept: readonly Anchor[], added: readonly string[]): string {
  const { head, tail } = anchorsOf(xml);
  const root = /<(?:\w+:)?wsDr\b[^>]*>/.exec(head)?.[0] ?? '';
  const declares = (prefix: string, ns: string) =>
    new RegExp(`xmlns:${prefix}\\s*=\\s*"${ns.replace(/[.]/g, '\\.')}"`).test(root);
  const missing = [
    declares('xdr', CHART_NS.xdr) ? '' : ` xmlns:xdr="${CHART_NS.xdr}"`,
    declares('a', CHART_NS.a) ? '' : ` xmlns:a="${CHART_NS.a}"`,
    declares('r', CHART_NS.r) ? '' : ` xmlns:r="${CHART_NS.r}"`,
  ].join('');
  const fresh = added.map((a) => (missing ? a.replace('<xdr:twoCellAnchor', `<xdr:twoCellAnchor${missing}`) : a));
  return head + kept.map((a) => a.xml).join('') + fresh.join('') + tail;
}

/** The highest cNvPr id among the kept anchors: new ones count on from it (ids are unique within a drawing). */
export const highestShapeId = (anchors: readonly Anchor[]): number =>
  anchors.reduce(
    (m, a) => Math.max(m, ...[...a.xml.matchAll(/<(?:\w+:)?cNvPr\b[^>]*\bid\s*=\s*"(\d+)"/g)].map((x) => Number(x[1]))),
    0,
  );
