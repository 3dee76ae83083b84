/**
 * The handout, `Forhandlingsoversigt` (issue 13.6): per scenario the package, its budget effect and the
 * råderum's allocation, on a printed page of its own, its sums adding up to the totals shown to the krone.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import type { OutputCell, OutputSheet } from '../../src/workbook/output';
import { OUTPUT_MARK } from '../../src/workbook/read';
import { runWorkbook } from '../../src/workbook/run';
import { readSheets } from '../../src/xlsx/cells';
import { openWorkbook } from '../../src/xlsx/open';

const SAMPLE = path.join(__dirname, '..', '..', 'assets', 'sample', 'raaderum-eksempel.xlsx');
const YEARS = 4;

let sample: ReturnType<typeof readSheets>;
beforeAll(async () => {
  sample = readSheets((await openWorkbook(new Uint8Array(readFileSync(SAMPLE)))).workbook);
});

function handout(options: { handout?: boolean; language?: 'da' | 'en' } = { handout: true }): OutputSheet | undefined {
  const run = runWorkbook(sample, { runTime: '2026-11-23 12:00', ...options });
  if (!run.results) throw new Error(JSON.stringify(run.issues.slice(0, 3)));
  return run.results.outputs.find((s) => s.name === 'Forhandlingsoversigt');
}

const amountsOf = (row: readonly OutputCell[]) => row.slice(3, 3 + YEARS) as number[];
const rowNamed = (sheet: OutputSheet, from: number, to: number, text: string) => {
  for (let r = from; r < to; r++) if (sheet.values[r][1] === text) return r;
  throw new Error(`no row ${text}`);
};
const sum = (rows: number[][]) => rows.reduce((acc, row) => acc.map((a, t) => a + row[t]), new Array<number>(YEARS).fill(0));

describe('Forhandlingsoversigt', () => {
  test("written only when asked (the pane's button, the command line's flag)", () => {
    expect(handout({})).toBeUndefined();
    expect(handout()).toBeDefined();
  });

  test('prints A4 landscape one page wide (as every output sheet), title and date on top, page x of y at the foot, the title rows on every page', () => {
    const sheet = handout()!;
    expect(sheet.values[1][0]).toContain(OUTPUT_MARK);
    expect(sheet.page).toMatchObject({
      titleRows: { first: 0, last: 1 },
      header: { left: 'Forhandlingsoversigt', right: 'Udskrevet 23.11.2026' },
      footer: { left: '&F', right: 'Side &P af &N' },
    });
  });

  test('a page per scenario: the package, its budget effect and the allocation, whose rows add up to the totals shown, to the krone', () => {
    const sheet = handout()!;
    const bands = sheet.values.flatMap((row, r) => (typeof row[0] === 'string' && row[0].startsWith('Scenarie: ') ? [r] : []));
    expect(bands.map((r) => sheet.values[r][0])).toEqual([
      'Scenarie: Basis · Fordeling: Prioritet',
      'Scenarie: Caseload 40 · Fordeling: Prioritet',
      'Scenarie: Flere fuldtidspersoner · Fordeling: Prioritet, delvis',
    ]);
    // Each scenario after the first starts a printed page.
    expect(sheet.page!.breaksBefore).toEqual(bands.slice(1));
    bands.forEach((start, k) => {
      const end = bands[k + 1] ?? sheet.values.length;
      const name = String(sheet.values[start][0]).split(': ')[1].split(' · ')[0];
      // The package: its proposals' netto add up to its total.
      const header = start + 1;
      const total = rowNamed(sheet, start, end, `Pakken i alt (${name})`);
      const proposals = sheet.values.slice(header + 1, total).map(amountsOf);
      expect(proposals.length).toBeGreaterThan(0);
      expect(sum(proposals)).toEqual(amountsOf(sheet.values[total]));
      // The budget effect: reductions + funded.
      const reductions = amountsOf(sheet.values[rowNamed(sheet, total, end, 'Reduktioner i pakken (netto)')]);
      const funded = amountsOf(sheet.values[rowNamed(sheet, total, end, 'Bevilget af råderummet')]);
      expect(sum([reductions, funded])).toEqual(amountsOf(sheet.values[rowNamed(sheet, total, end, 'Pakkens budgetvirkning')]));
      // The allocation: pool − reductions (negative: a saving adds room) = available; the requests' funding adds up to what is funded; available − funded = left.
      const available = rowNamed(sheet, total, end, 'Til rådighed (pulje − reduktioner)');
      const pool = amountsOf(sheet.values[available - 2]);
      expect(sum([pool, reductions.map((x) => -x)])).toEqual(amountsOf(sheet.values[available]));
      const fundedTotal = rowNamed(sheet, available, end, 'Bevilget i alt');
      expect(sum(sheet.values.slice(available + 1, fundedTotal).map(amountsOf))).toEqual(amountsOf(sheet.values[fundedTotal]));
      expect(amountsOf(sheet.values[fundedTotal])).toEqual(funded);
      const left = amountsOf(sheet.values[fundedTotal + 1]);
      expect(sum([left, funded])).toEqual(amountsOf(sheet.values[available]));
    });
  });

  test('in English where the workbook or the pane says so; the sheet keeps its Danish name', () => {
    const sheet = handout({ handout: true, language: 'en' })!;
    expect(sheet.name).toBe('Forhandlingsoversigt');
    expect(sheet.values[0][0]).toBe('Negotiation summary');
    expect(sheet.page!.footer.right).toBe('Page &P of &N');
  });
});
