#!/usr/bin/env node
'use strict';
/**
 * Makes the corpus of broken and hostile workbooks (test/corpus/cases.js) into
 * test/fixtures/corpus/. Workbooks are written with ExcelJS directly, not
 * through the product, so the fixtures do not depend on the code they test.
 * The files are committed: `npm test` needs only `npm ci`. Run: npm run corpus
 */
const fs = require('fs');
const path = require('path');
const ExcelJS = require('exceljs');
const JSZip = require('jszip');
const cases = require('../test/corpus/cases');

const DIR = path.join(__dirname, '..', 'test', 'fixtures', 'corpus');
// Fixed dates keep the files the same from one run of the script to the next.
const FIXED = new Date(Date.UTC(2026, 0, 1));

const cellValue = (v) => {
  if (v !== null && typeof v === 'object' && 'date' in v) return new Date(`${v.date}T00:00:00Z`);
  return v === undefined ? null : v;
};

function addSheet(workbook, spec) {
  const sheet = workbook.addWorksheet(spec.name);
  const [header, ...rows] = spec.rows;
  if (spec.table) {
    const width = header.length;
    const plain = (r) =>
      Array.from({ length: width }, (_, c) => {
        const v = cellValue(r[c]);
        return v !== null && typeof v === 'object' && !(v instanceof Date) ? null : v;
      });
    sheet.addTable({
      name: spec.table,
      ref: 'A1',
      headerRow: true,
      totalsRow: Boolean(spec.totalsRow),
      columns: header.map((h, c) => ({
        name: String(h),
        ...(spec.totalsRow
          ? c === 0
            ? { totalsRowLabel: 'I alt' }
            : /\d{4}$/.test(String(h))
              ? { totalsRowFunction: 'sum' }
              : {}
          : {}),
      })),
      rows: rows.map(plain),
    });
    // Formulas, other objects and cells beside the table go in after the table has written its cells.
    rows.forEach((r, i) =>
      r.forEach((v, c) => {
        const special = v !== null && typeof v === 'object' && !('date' in v);
        if (special || (c >= width && v !== null && v !== undefined)) sheet.getCell(i + 2, c + 1).value = cellValue(v);
      }),
    );
  } else {
    spec.rows.forEach((r, i) =>
      r.forEach((v, c) => {
        if (v !== null && v !== undefined) sheet.getCell(i + 1, c + 1).value = cellValue(v);
      }),
    );
  }
  for (const range of spec.merges ?? []) sheet.mergeCells(range);
}

async function makeFile(c) {
  const target = path.join(DIR, `${c.id}.${c.ext ?? 'xlsx'}`);
  if (c.book) {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'make-corpus';
    workbook.created = FIXED;
    workbook.modified = FIXED;
    for (const spec of c.book.sheets) addSheet(workbook, spec);
    // Re-zipped with fixed dates, so running the script again changes no committed byte.
    const written = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    const zip = new JSZip();
    for (const name of Object.keys(written.files).sort())
      if (!written.files[name].dir)
        zip.file(name, await written.files[name].async('nodebuffer'), { date: FIXED, createFolders: false });
    fs.writeFileSync(target, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  } else if ('text' in c.file) {
    fs.writeFileSync(target, c.file.text);
  } else if (c.file.zip || c.file.ods) {
    const zip = new JSZip();
    const entries = c.file.ods
      ? { mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<office:document-content/>' }
      : c.file.zip;
    for (const [name, text] of Object.entries(entries)) zip.file(name, text, { date: FIXED, createFolders: false });
    fs.writeFileSync(target, await zip.generateAsync({ type: 'nodebuffer' }));
  }
  return target;
}

async function main() {
  fs.rmSync(DIR, { recursive: true, force: true });
  fs.mkdirSync(DIR, { recursive: true });
  const made = cases.filter((c) => !c.real);
  for (const c of made) await makeFile(c);
  process.stderr.write(`wrote ${made.length} files to ${path.relative(process.cwd(), DIR)}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
});
