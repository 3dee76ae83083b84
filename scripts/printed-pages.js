'use strict';
/**
 * The output sheets as printed: each sheet of a workbook on its own through
 * LibreOffice to PDF (`soffice --headless --convert-to pdf`, Debian's
 * libreoffice-calc-nogui) and its pages as text (`pdftotext`, poppler-utils).
 * Each sheet prints alone from a copy of the package whose other sheets are
 * hidden (LibreOffice prints no hidden sheet); nothing else in the copy changes,
 * so the sheet prints with its own page setup.
 *
 *   node scripts/printed-pages.js BOOK.xlsx [SHEET…]        pages per sheet
 *   node scripts/printed-pages.js BOOK.xlsx SHEET --png OUT.png [--page N]
 *                                                            page N (1) as a PNG (pdftoppm -r 80)
 *
 * Used by test/tools/printed.tools.ts and to make docs/images/printed-*.png.
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const JSZip = require('jszip');

const OUTPUT_SHEETS = ['Resultat', 'Råderum', 'Sammenligning'];

/** The workbook part's path and XML of a package. */
async function workbookOf(zip) {
  const rels = await zip.file('_rels/.rels').async('string');
  const target =
    /<Relationship\b[^>]*officeDocument"[^>]*Target="([^"]+)"/.exec(rels) ??
    /<Relationship\b[^>]*Target="([^"]+)"[^>]*officeDocument"/.exec(rels);
  const part = target[1].replace(/^\//, '');
  return { part, xml: await zip.file(part).async('string') };
}

/** A copy of the package where only `sheet` is visible (and the active, first-shown tab). */
async function onlySheet(data, sheet) {
  const zip = await JSZip.loadAsync(data);
  const { part, xml } = await workbookOf(zip);
  const sheets = [...xml.matchAll(/<(?:\w+:)?sheet\b[^>]*?\/?>/g)].map((m) => m[0]);
  const index = sheets.findIndex((s) => /\sname="([^"]*)"/.exec(s)[1] === escapeXml(sheet));
  if (index < 0) throw new Error(`no sheet ${sheet} in the workbook`);
  let out = xml;
  sheets.forEach((s, i) => {
    const plain = s.replace(/\sstate="[^"]*"/, '');
    const shown = i === index ? plain : plain.replace(/(\s*\/?>)$/, ' state="hidden"$1');
    out = out.replace(s, shown);
  });
  // The active tab must be the visible one: LibreOffice shows (and prints) the active sheet even when hidden.
  const view = `activeTab="${index}" firstSheet="${index}"`;
  if (/<(?:\w+:)?workbookView\b/.test(out)) {
    out = out.replace(/(<(?:\w+:)?workbookView\b[^>]*?)\s(?:activeTab|firstSheet)="\d+"/g, '$1');
    out = out.replace(/(<(?:\w+:)?workbookView\b)/, `$1 ${view}`);
  } else {
    const prefix = /<((?:\w+:)?)sheets\b/.exec(out)[1];
    out = out.replace(
      /<(?:\w+:)?sheets\b/,
      (tag) => `<${prefix}bookViews><${prefix}workbookView ${view}/></${prefix}bookViews>${tag}`,
    );
  }
  zip.file(part, out);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const escapeXml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `file` converted to PDF by LibreOffice into `dir`, with the profile in `profile` (never shared with another run). */
function toPdf(file, dir, profile) {
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file],
    { stdio: 'pipe', timeout: 180_000 },
  );
  const pdf = path.join(dir, `${path.parse(file).name}.pdf`);
  if (!fs.existsSync(pdf)) throw new Error(`LibreOffice wrote no PDF of ${file}`);
  return pdf;
}

/** A PDF's pages as text (pdftotext puts a form feed after each page). */
function pagesOf(pdf, layout = false) {
  const text = execFileSync('pdftotext', [...(layout ? ['-layout'] : []), pdf, '-'], { encoding: 'utf8' });
  const pages = text.split('\f');
  if (pages[pages.length - 1].trim() === '') pages.pop();
  return pages;
}

/**
 * Each named sheet of the workbook `file` printed alone: its PDF and the text
 * of its pages. `dir` holds the copies and PDFs (a fresh temporary folder if not given).
 */
async function printSheets(file, sheets = OUTPUT_SHEETS, dir = fs.mkdtempSync(path.join(os.tmpdir(), 'printed-'))) {
  const data = fs.readFileSync(file);
  const printed = {};
  for (const [i, sheet] of sheets.entries()) {
    // A folder per sheet, so the copy keeps the workbook's name (a page header's &F prints it).
    const folder = path.join(dir, `sheet${i + 1}`);
    fs.mkdirSync(folder, { recursive: true });
    const copy = path.join(folder, path.basename(file));
    fs.writeFileSync(copy, await onlySheet(data, sheet));
    const pdf = toPdf(copy, folder, path.join(dir, 'profile'));
    printed[sheet] = { pdf, pages: pagesOf(pdf), layoutPages: pagesOf(pdf, true) };
  }
  return printed;
}

/** Page `page` (1-based) of a PDF as a PNG at 80 dpi. */
function pagePng(pdf, page, out) {
  const stem = out.replace(/\.png$/, '');
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', String(page), '-l', String(page), '-singlefile', pdf, stem]);
  return `${stem}.png`;
}

module.exports = { OUTPUT_SHEETS, onlySheet, printSheets, pagesOf, pagePng };

if (require.main === module) {
  const args = process.argv.slice(2);
  const option = (name) => {
    const at = args.indexOf(name);
    if (at < 0) return undefined;
    const [, value] = args.splice(at, 2);
    return value;
  };
  const png = option('--png');
  const page = Number(option('--page') ?? 1);
  const [file, ...names] = args;
  if (!file) {
    process.stderr.write('usage: node scripts/printed-pages.js BOOK.xlsx [SHEET…] [--png OUT.png [--page N]]\n');
    process.exit(2);
  }
  printSheets(file, names.length > 0 ? names : OUTPUT_SHEETS).then((printed) => {
    let total = 0;
    for (const [sheet, { pages }] of Object.entries(printed)) {
      process.stdout.write(`${sheet}: ${pages.length} pages\n`);
      total += pages.length;
    }
    process.stdout.write(`in all: ${total} pages\n`);
    if (png) {
      const [first] = Object.values(printed);
      process.stdout.write(`${pagePng(first.pdf, page, png)}\n`);
    }
  });
}
