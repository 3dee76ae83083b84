/**
 * The sample's output sheets on paper (issue 11, "done when"): the command line
 * (`node bin/raaderum.js run`, built by `npm run build:cli`) writes the copy,
 * LibreOffice prints each output sheet on its own to PDF
 * (scripts/printed-pages.js: `soffice --headless --convert-to pdf`) and
 * poppler's pdftotext reads the pages back. Needs soffice
 * (libreoffice-calc-nogui) and pdftotext (poppler-utils): npm run test:tools.
 */
import { execFileSync } from 'child_process';
import { copyFileSync, existsSync } from 'fs';
import * as path from 'path';
import type { OutputSheet } from '../../src/workbook/output';
import { runWorkbook } from '../../src/workbook/run';
import { readSheets } from '../../src/xlsx/cells';
import { readWorkbookFile } from '../../src/xlsx/files';
import { tempDir } from '../helpers/files';

const ROOT = path.join(__dirname, '..', '..');
const SAMPLE = path.join(ROOT, 'assets', 'sample', 'raaderum-eksempel.xlsx');
const SCENARIOS = ['Basis', 'Caseload 40', 'Flere fuldtidspersoner'];
const YEARS = ['2027', '2028', '2029', '2030'];

// eslint-disable-next-line @typescript-eslint/no-require-imports
const printed = require('../../scripts/printed-pages.js') as {
  OUTPUT_SHEETS: string[];
  printSheets: (
    file: string,
    sheets: string[],
    dir: string,
  ) => Promise<Record<string, { pdf: string; pages: string[]; layoutPages: string[] }>>;
};

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

interface Page {
  width: number;
  height: number;
  words: Word[];
  /** The page as pdftotext -layout gives it: one printed row a line. */
  lines: string[];
}

/** Each page's size and words with their boxes in points (pdftotext -bbox). */
function pagesOf(pdf: string, layoutPages: string[]): Page[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const decode = (t: string) =>
    t
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((p, i) => ({
    width: Number(p[1]),
    height: Number(p[2]),
    words: [...p[3].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
      (w) => ({ text: decode(w[5]), xMin: +w[1], yMin: +w[2], xMax: +w[3], yMax: +w[4] }),
    ),
    lines: (layoutPages[i] ?? '').split('\n'),
  }));
}

/** Whether `next` follows `previous` in one cell: on the same line, or wrapped to the next line at the cell's left edge (`first`). */
function follows(first: Word, previous: Word, next: Word): boolean {
  const h = previous.yMax - previous.yMin;
  const sameLine =
    Math.abs(next.yMin - previous.yMin) < 0.3 * h && next.xMin >= previous.xMax - 0.1 && next.xMin - previous.xMax < h;
  const nextLine =
    next.yMin > previous.yMin + 0.5 * h && next.yMin < previous.yMin + 2 * h && Math.abs(next.xMin - first.xMin) < 1.5;
  return sameLine || nextLine;
}

/**
 * Whether a cell's text is printed in full on the page: its words in order,
 * each after the one before on the same line or wrapped to the next line. A
 * word cut off, or broken across two lines, is not found; with `broken`, a word
 * broken across lines counts (the column is there, if too narrow).
 */
function printedInFull(page: Page, text: string, broken = false): boolean {
  const tokens = text.trim().split(/\s+/);
  if (broken) {
    const rest = tokens.join('');
    const from = (first: Word, previous: Word, left: string): boolean =>
      left === '' ||
      page.words.some(
        (w) =>
          left.startsWith(w.text) && w.text !== '' && follows(first, previous, w) && from(first, w, left.slice(w.text.length)),
      );
    return page.words.some(
      (start) => start.text !== '' && rest.startsWith(start.text) && from(start, start, rest.slice(start.text.length)),
    );
  }
  return page.words.some((start) => {
    if (start.text !== tokens[0]) return false;
    let previous = start;
    for (const token of tokens.slice(1)) {
      const next = page.words.find((w) => w.text === token && follows(start, previous, w));
      if (!next) return false;
      previous = next;
    }
    return true;
  });
}

/** Whether a column is hidden in a collapsed group (it prints only when a reader opens the group). */
const folded = (output: OutputSheet, column: number): boolean =>
  (output.columnGroups ?? []).some((g) => g.collapsed && g.first <= column && column <= g.last);

/** The text cells of the rows drawn in a style, but those of folded columns. */
const styledTexts = (output: OutputSheet, styles: string[]): string[] =>
  (output.rowStyles ?? [])
    .filter((s) => styles.includes(s.style))
    .flatMap((s) =>
      output.values[s.row].filter((v, c): v is string => typeof v === 'string' && v.trim() !== '' && !folded(output, c)),
    );

describe('the sample’s output sheets printed by LibreOffice', () => {
  let outputs: OutputSheet[];
  let pages: Record<string, Page[]>;
  beforeAll(async () => {
    const dir = tempDir();
    const book = path.join(dir, 'raaderum-eksempel.xlsx');
    copyFileSync(SAMPLE, book);
    execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, stdio: 'pipe' });
    const copy = path.join(dir, 'trykt.xlsx');
    execFileSync(process.execPath, [path.join(ROOT, 'bin', 'raaderum.js'), 'run', book, '--out', copy], { stdio: 'pipe' });
    expect(existsSync(copy)).toBe(true);
    const { workbook } = await readWorkbookFile(SAMPLE);
    outputs = runWorkbook(readSheets(workbook)).results!.outputs;
    // Beregning (a table of steps to filter) and the run log Kørsler are written too; the three read on paper are printed.
    expect(outputs.map((o) => o.name)).toEqual([...printed.OUTPUT_SHEETS, 'Beregning', 'Kørsler']);
    outputs = outputs.filter((o) => printed.OUTPUT_SHEETS.includes(o.name));
    const pdfs = await printed.printSheets(copy, printed.OUTPUT_SHEETS, dir);
    pages = Object.fromEntries(Object.entries(pdfs).map(([sheet, p]) => [sheet, pagesOf(p.pdf, p.layoutPages)]));
  }, 300_000);

  test('each output sheet prints on A4 landscape, one page wide: every page repeats the column header, its first and last column in full', () => {
    for (const output of outputs) {
      const sheetPages = pages[output.name];
      expect({ sheet: output.name, pages: sheetPages.length > 0 }).toEqual({ sheet: output.name, pages: true });
      const titles = output.page?.titleRows;
      expect({ sheet: output.name, titles: titles !== undefined }).toEqual({ sheet: output.name, titles: true });
      // The column header is the last of the title rows.
      const header = output.values[titles!.last].filter((v): v is string => typeof v === 'string' && v.trim() !== '');
      const [first, last] = [header[0], header[header.length - 1]];
      sheetPages.forEach((page, i) => {
        const at = `${output.name} page ${i + 1}`;
        expect({ at, width: Math.round(page.width), height: Math.round(page.height) }).toEqual({ at, width: 842, height: 595 });
        // The columns are there (a word broken by a narrow column is the next test's concern).
        expect({ at, first, found: printedInFull(page, first, true) }).toEqual({ at, first, found: true });
        expect({ at, last, found: printedInFull(page, last, true) }).toEqual({ at, last, found: true });
      });
    }
  });

  test('the scenario names and the years read in full in the headers and bands of every output sheet', () => {
    const problems: string[] = [];
    for (const output of outputs) {
      const texts = [...new Set(styledTexts(output, ['header', 'band']))];
      for (const text of texts)
        if (!pages[output.name].some((page) => printedInFull(page, text)))
          problems.push(`${output.name}: "${text}" not printed in full`);
      for (const name of SCENARIOS)
        if (!texts.some((t) => t.includes(name))) problems.push(`${output.name}: no header or band names ${name}`);
      const headers = styledTexts(output, ['header']);
      for (const year of YEARS)
        if (!headers.some((t) => t.includes(year))) problems.push(`${output.name}: no header names ${year}`);
    }
    expect(problems).toEqual([]);
  });

  test('Sammenligning lists the sample’s funding changes: K-8 Bevilget → Ikke bevilget, K-7 → Delvist bevilget', () => {
    const lines = pages.Sammenligning.flatMap((page) => page.lines);
    // The changes are between Basis and Flere fuldtidspersoner: after that comparison's band.
    const band = lines.findIndex((line) => line.includes('Flere fuldtidspersoner mod Basis'));
    expect(band).toBeGreaterThanOrEqual(0);
    const after = lines.slice(band);
    expect(after.some((line) => /\bK-8\b/.test(line) && line.includes('Bevilget → Ikke bevilget'))).toBe(true);
    expect(after.some((line) => /\bK-7\b/.test(line) && /bevilget → Delvist bevilget/i.test(line))).toBe(true);
  });
});
