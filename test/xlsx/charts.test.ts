/**
 * Native charts in the command line's copy (the lossless package writer): a chart part per chart, the sheet's
 * drawing anchoring them, read back by openpyxl as users' tools read them; a re-run replaces Råderum's charts by
 * name and keeps a user's.
 */
import { execFileSync } from 'child_process';
import { readFileSync, writeFileSync } from 'fs';
import JSZip from 'jszip';
import * as path from 'path';
import type { OutputSheet } from '../../src/workbook/output';
import { runWorkbook } from '../../src/workbook/run';
import { readSheets } from '../../src/xlsx/cells';
import { openWorkbook } from '../../src/xlsx/open';
import { writeOutputSheets } from '../../src/xlsx/package-writer';
import { tempDir } from '../helpers/files';

const SAMPLE = path.join(__dirname, '..', '..', 'assets', 'sample', 'raaderum-eksempel.xlsx');

async function outputsOf(bytes: Uint8Array): Promise<OutputSheet[]> {
  const { workbook } = await openWorkbook(bytes);
  const run = runWorkbook(readSheets(workbook), { runTime: '2026-11-23 12:00' });
  if (!run.results) throw new Error(JSON.stringify(run.issues.slice(0, 3)));
  return run.results.outputs;
}

async function rerun(bytes: Uint8Array): Promise<Uint8Array> {
  return writeOutputSheets(bytes, await outputsOf(bytes));
}

const partsUnder = (zip: JSZip, folder: string) =>
  Object.keys(zip.files).filter((n) => n.startsWith(folder) && !zip.files[n].dir);

/** Each sheet's charts as openpyxl reads them: their titles. */
function openpyxlCharts(bytes: Uint8Array): Record<string, string[]> {
  const file = path.join(tempDir(), 'copy.xlsx');
  writeFileSync(file, bytes);
  const script = [
    'import json, sys, openpyxl',
    'wb = openpyxl.load_workbook(sys.argv[1])',
    'def title(c):',
    '    try: return "".join(r.t for p in c.title.tx.rich.p for r in (p.r or []))',
    '    except Exception: return "?"',
    'print(json.dumps({ws.title: [title(c) for c in ws._charts] for ws in wb.worksheets if ws._charts}))',
  ].join('\n');
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' })) as Record<string, string[]>;
}

describe("the command line's copy carries native charts", () => {
  let first: Uint8Array;
  let second: Uint8Array;
  beforeAll(async () => {
    first = await rerun(new Uint8Array(readFileSync(SAMPLE)));
    second = await rerun(first);
  }, 60_000);

  test('openpyxl sees a chart per scenario on Råderum and the scenarios side by side on Sammenligning', () => {
    const charts = openpyxlCharts(first);
    expect(charts).toEqual({
      Råderum: ['Råderummet fordelt: Basis', 'Råderummet fordelt: Caseload 40', 'Råderummet fordelt: Flere fuldtidspersoner'],
      Sammenligning: ['Netto i alt pr. scenarie'],
    });
  });

  test("a chart's data are the sheet's own cells, with their values cached", async () => {
    const zip = await JSZip.loadAsync(first);
    const xml = await zip.file('xl/charts/chart1.xml')!.async('string');
    expect(xml).toContain('<c:grouping val="stacked"/>');
    expect(xml).toMatch(/<c:f>'Råderum'!\$C\$\d+:\$F\$\d+<\/c:f>/);
    expect(xml).toMatch(/<c:numCache>.*<c:pt idx="0"><c:v>-?\d/);
    const types = await zip.file('[Content_Types].xml')!.async('string');
    expect(types).toContain('PartName="/xl/charts/chart1.xml"');
    expect(types).toContain('application/vnd.openxmlformats-officedocument.drawing+xml');
  });

  test('a re-run replaces the charts, never adds to them: the same parts, the same charts', async () => {
    const before = await JSZip.loadAsync(first);
    const after = await JSZip.loadAsync(second);
    expect(partsUnder(after, 'xl/charts/').sort()).toEqual(partsUnder(before, 'xl/charts/').sort());
    expect(partsUnder(after, 'xl/drawings/').sort()).toEqual(partsUnder(before, 'xl/drawings/').sort());
    expect(openpyxlCharts(second)).toEqual(openpyxlCharts(first));
    const types = await after.file('[Content_Types].xml')!.async('string');
    expect(types.match(/PartName="\/xl\/charts\/chart1\.xml"/g)).toHaveLength(1);
  });

  test("a user's own chart in the sheet's drawing stays, with its part, when the sheet is written again", async () => {
    const zip = await JSZip.loadAsync(first);
    let drawingPart = '';
    for (const part of partsUnder(zip, 'xl/drawings/drawing'))
      if ((await zip.file(part)!.async('string')).includes('Raaderum_Fordeling_1')) drawingPart = part;
    const relsPart = drawingPart.replace('drawings/', 'drawings/_rels/') + '.rels';
    // The user copies the first chart and names it their own (Excel calls a new one "Diagram 1").
    const chart = await zip.file('xl/charts/chart1.xml')!.async('string');
    zip.file('xl/charts/chart99.xml', chart.replace(/Råderummet fordelt: Basis/, 'Mit eget diagram'));
    const types = await zip.file('[Content_Types].xml')!.async('string');
    zip.file(
      '[Content_Types].xml',
      types.replace(
        '</Types>',
        '<Override PartName="/xl/charts/chart99.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>',
      ),
    );
    const rels = await zip.file(relsPart)!.async('string');
    zip.file(
      relsPart,
      rels.replace(
        '</Relationships>',
        '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart99.xml"/></Relationships>',
      ),
    );
    const drawing = await zip.file(drawingPart)!.async('string');
    const anchor = /<xdr:twoCellAnchor[\s\S]*?<\/xdr:twoCellAnchor>/.exec(drawing)![0];
    const mine = anchor
      .replace(/name="Raaderum_[^"]*"/, 'name="Diagram 1"')
      .replace(/id="\d+"/, 'id="99"')
      .replace(/r:id="rId\d+"/, 'r:id="rId99"');
    zip.file(drawingPart, drawing.replace('</xdr:wsDr>', `${mine}</xdr:wsDr>`));
    const edited = await zip.generateAsync({ type: 'uint8array' });

    const copy = await rerun(edited);
    const out = await JSZip.loadAsync(copy);
    const outDrawing = await out.file(drawingPart)!.async('string');
    expect(outDrawing.match(/name="Diagram 1"/g)).toHaveLength(1);
    expect(outDrawing.match(/name="Raaderum_Fordeling_\d"/g)).toHaveLength(3);
    expect(await out.file('xl/charts/chart99.xml')?.async('string')).toContain('Mit eget diagram');
    expect(openpyxlCharts(copy).Råderum).toEqual([
      'Mit eget diagram',
      'Råderummet fordelt: Basis',
      'Råderummet fordelt: Caseload 40',
      'Råderummet fordelt: Flere fuldtidspersoner',
    ]);
  }, 60_000);
});
