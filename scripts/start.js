#!/usr/bin/env node
'use strict';
/**
 * `npm start`: where desktop Excel exists (Windows, Mac) and office-addin-debugging
 * installed, it sideloads the add-in as the official templates do. Anywhere
 * else it serves the task pane and the browser preview on localhost:3000 and
 * says how to sideload into Excel on the web. It never installs certificates
 * (that needs admin rights): see the README.
 */
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.join(__dirname, '..');
const port = Number(process.env.PORT || 3000);
const resolvable = (name) => {
  try {
    require.resolve(`${name}/package.json`, { paths: [root] });
    return true;
  } catch {
    return false;
  }
};
const certsDir = path.join(os.homedir(), '.office-addin-dev-certs');
const haveCerts = ['localhost.key', 'localhost.crt', 'ca.crt'].every((f) => fs.existsSync(path.join(certsDir, f)));
const desktopExcel = process.platform === 'win32' || process.platform === 'darwin';
const wantPreview = process.argv.includes('--preview') || process.env.RAADERUM_PREVIEW === '1';

function run(command, args, env = {}) {
  const child = spawn(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
    shell: process.platform === 'win32',
  });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}

if (desktopExcel && !wantPreview && resolvable('office-addin-debugging')) {
  console.log('Råderum: sideloading into desktop Excel (office-addin-debugging) …');
  run(process.execPath, [require.resolve('office-addin-debugging/cli.js', { paths: [root] }), 'start', 'manifest.xml']);
} else {
  const scheme = haveCerts ? 'https' : 'http';
  const lines = [
    '',
    'Råderum',
    `  Preview (task pane + in-browser workbook): ${scheme}://localhost:${port}/preview.html`,
    `  Task pane for Excel:                        ${scheme}://localhost:${port}/taskpane.html`,
    '',
  ];
  if (!desktopExcel) lines.push('  No desktop Excel on this machine, so nothing is sideloaded.');
  else if (!resolvable('office-addin-debugging'))
    lines.push(
      '  office-addin-debugging is not installed (it is optional: its keytar dependency could not be built), so nothing is sideloaded.',
    );
  lines.push(
    '  To try it in Excel on the web: Home > Add-ins > More Add-ins > Upload My Add-in > manifest.xml.',
    haveCerts
      ? '  HTTPS uses the certificates in ~/.office-addin-dev-certs.'
      : '  Excel needs HTTPS from a trusted certificate: run `npx office-addin-dev-certs install` once (needs admin rights), then npm start again.',
    '',
  );
  console.log(lines.join('\n'));
  run(process.execPath, [require.resolve('webpack-cli/bin/cli.js', { paths: [root] }), 'serve', '--mode', 'development'], {
    ...(haveCerts ? {} : { RAADERUM_HTTP: '1' }),
    PORT: String(port),
  });
}
