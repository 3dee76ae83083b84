#!/usr/bin/env node
'use strict';
// The command line is compiled from src/cli by `npm run build:cli` (run by `npm ci` through `prepare`).
const path = require('path');
const fs = require('fs');
const entry = path.join(__dirname, '..', 'dist', 'cli', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('raaderum: the command line is not built; run `npm run build:cli` (npm ci does it)\n');
  process.exit(2);
}
const { main } = require(entry);
main(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t + '\n'),
  stderr: (t) => process.stderr.write(t + '\n'),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // A fault of the program, not of the file: a short message; the stack only on request.
    const detail = process.env.RAADERUM_DEBUG && error && error.stack ? error.stack : String(error && error.message);
    process.stderr.write(
      'raaderum: intern fejl / internal error: ' + detail + '\n' + '(RAADERUM_DEBUG=1 viser detaljer / shows details)\n',
    );
    process.exitCode = 2;
  },
);
