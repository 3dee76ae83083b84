#!/usr/bin/env node
'use strict';
/** Writes assets/sample/raaderum-eksempel.xlsx from the seed documents (src/sample). Needs `npm run build:cli`. */
const path = require('path');
const fs = require('fs');
const dist = path.join(__dirname, '..', 'dist', 'cli');
const { sampleSheets } = require(path.join(dist, 'sample', 'seed-workbook.js'));
const { newWorkbook, saveWorkbook } = require(path.join(dist, 'xlsx', 'files.js'));
const target = path.join(__dirname, '..', 'assets', 'sample', 'raaderum-eksempel.xlsx');
fs.mkdirSync(path.dirname(target), { recursive: true });
saveWorkbook(newWorkbook(sampleSheets()), target).then(() => process.stderr.write(`wrote ${target}\n`));
