/** The command line as a user runs it: files in, files and JSON out, exit statuses. */
import Ajv2020 from 'ajv/dist/2020';
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import schema from '../../docs/cli-output.schema.json';
import { sampleSheets } from '../../src/sample/seed-workbook';
import { templateSheets } from '../../src/workbook/template';
import { newWorkbook, saveWorkbook } from '../../src/xlsx/files';
import { tempDir } from '../helpers/files';
import { cli, cliOn, sha } from './run-cli';
const validate = new Ajv2020({ allErrors: true }).compile(schema);

test('template, then run --json: JSON that validates against the schema, and nothing else on stdout', async () => {
  const dir = tempDir();
  const book = path.join(dir, 'x.xlsx');
  expect((await cli('template', book, '--aar', '2026')).code).toBe(0);
  const before = sha(book);
  const run = await cli('run', book, '--json');
  expect(run.code).toBe(0);
  const json = JSON.parse(run.stdout);
  expect(validate(json)).toBe(true);
  expect(json.years).toEqual([2026, 2027, 2028, 2029]);
  expect(json.scenarios[0].proposals[0]).toMatchObject({
    nr: 'EBU 1',
    kind: 'Reduktion',
    netto: [-350000, -350000, -350000, -350000],
  });
  expect(existsSync(path.join(dir, 'x.resultat.xlsx'))).toBe(false);
  expect(sha(book)).toBe(before);
});

test('run writes BOOK.resultat.xlsx beside the input and never changes the input', async () => {
  const dir = tempDir();
  const book = path.join(dir, 'budget.xlsx');
  await saveWorkbook(newWorkbook(sampleSheets()), book);
  const before = sha(book);
  const run = await cli('run', book);
  expect(run).toMatchObject({ code: 0, stdout: '' });
  expect(run.stderr).toContain('budget.resultat.xlsx');
  expect(existsSync(path.join(dir, 'budget.resultat.xlsx'))).toBe(true);
  expect(sha(book)).toBe(before);
});

test('the seed workbook’s JSON: København in priority order, amounts in whole kroner', async () => {
  const dir = tempDir();
  const book = path.join(dir, 'seed.xlsx');
  await saveWorkbook(newWorkbook(sampleSheets()), book);
  const json = JSON.parse((await cliOn(book, 'run', '--json')).stdout);
  expect(validate(json)).toBe(true);
  const basis = json.scenarios[0];
  expect(basis.raaderum.mode).toBe('priority');
  expect(basis.raaderum.proposals.map((p: { nr: string; status: string }) => `${p.nr}:${p.status}`)).toEqual([
    'K-1:funded',
    'K-2:funded',
    'K-3:funded',
    'K-4:funded',
    'K-5:funded',
    'K-6:funded',
    'K-7:unfunded',
    'K-8:funded',
  ]);
  for (const s of json.scenarios) {
    s.raaderum.pool.forEach((p: number, t: number) => expect(s.total.effect[t]).toBe(p - s.raaderum.remaining[t]));
    for (const p of s.proposals)
      for (const v of [...p.udgift, ...p.indtaegt, ...p.investering]) expect(Number.isInteger(v)).toBe(true);
  }
  expect(json.scenarios[2].proposals[0].udgift).toEqual([-1026316, -1026316, -1026316, -1026316]);
});

test('problems: exit 1, every one listed with its place, in Danish or English, and no file written', async () => {
  const dir = tempDir();
  const book = path.join(dir, 'bad.xlsx');
  const sheets = sampleSheets();
  sheets[0].values[3][5] = '12,5 mio';
  await saveWorkbook(newWorkbook(sheets), book);
  const da = await cliOn(book, 'run');
  expect(da.code).toBe(1);
  expect(da.stderr).toContain('Hørsholm!F4: "12,5 mio" er ikke et tal');
  expect(existsSync(path.join(dir, 'bad.resultat.xlsx'))).toBe(false);
  const en = await cliOn(book, 'run', '--json', '--lang', 'en');
  expect(en.code).toBe(1);
  expect(en.stdout).toBe('');
  expect(en.stderr).toContain('Hørsholm!F4: "12,5 mio" is not a number');
});

test('wrong usage and unreadable files exit 2', async () => {
  const dir = tempDir();
  const book = path.join(dir, 'x.xlsx');
  expect((await cli()).code).toBe(2);
  expect((await cli('frobnicate')).code).toBe(2);
  expect((await cli('run')).code).toBe(2);
  expect((await cli('run', book, '--unknown')).code).toBe(2);
  expect((await cli('template', book, '--aar', 'næste')).code).toBe(2);
  expect((await cli('run', path.join(dir, 'missing.xlsx'))).code).toBe(2);
  writeFileSync(path.join(dir, 'not.xlsx'), 'this is not a workbook');
  expect((await cliOn(path.join(dir, 'not.xlsx'), 'run')).code).toBe(2);
  expect((await cli('template', book)).code).toBe(0);
  const refused = await cliOn(book, 'run', '--out', book);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain('--out');
});

test('template refuses to overwrite unless --force', async () => {
  const book = path.join(tempDir(), 'x.xlsx');
  writeFileSync(book, 'mine');
  expect((await cli('template', book)).code).toBe(2);
  expect(readFileSync(book, 'utf8')).toBe('mine');
  expect((await cli('template', book, '--force')).code).toBe(0);
  expect(readFileSync(book, 'utf8')).not.toBe('mine');
});

test('the installed command (bin/raaderum.js) runs as a process, JSON on stdout, messages on stderr', () => {
  const dir = tempDir();
  const book = path.join(dir, 'x.xlsx');
  const bin = path.join(__dirname, '..', '..', 'bin', 'raaderum.js');
  execFileSync('node', [bin, 'template', book], { stdio: 'pipe' });
  const before = sha(book);
  const run = spawnSync('node', [bin, 'run', book, '--json'], { encoding: 'utf8' });
  expect(run.status).toBe(0);
  expect(sha(book)).toBe(before);
  expect(validate(JSON.parse(run.stdout))).toBe(true);
  const usage = spawnSync('node', [bin, 'run'], { encoding: 'utf8' });
  expect(usage.status).toBe(2);
  expect(usage.stdout).toBe('');
});

test('a fault of the program: a short message and exit 2, the stack only with RAADERUM_DEBUG', () => {
  const dir = tempDir();
  const fault = path.join(dir, 'fault.js');
  const reader = path.join(__dirname, '..', '..', 'dist', 'cli', 'xlsx', 'sheet-reader.js');
  writeFileSync(
    fault,
    `const reader = require(${JSON.stringify(reader)}); reader.readWorkbookSheets = async () => { throw new Error('boom'); };`,
  );
  const bin = path.join(__dirname, '..', '..', 'bin', 'raaderum.js');
  const run = spawnSync('node', ['--require', fault, bin, 'run', path.join(dir, 'x.xlsx')], { encoding: 'utf8' });
  expect(run.status).toBe(2);
  expect(run.stderr).toBe('raaderum: intern fejl / internal error: boom\n(RAADERUM_DEBUG=1 viser detaljer / shows details)\n');
  const debug = spawnSync('node', ['--require', fault, bin, 'run', path.join(dir, 'x.xlsx')], {
    encoding: 'utf8',
    env: { ...process.env, RAADERUM_DEBUG: '1' },
  });
  expect(debug.stderr).toMatch(/Error: boom\n\s+at /);
});

describe('variants (issue 13): København with K-8 at 2,5 or 5,0 mio. kr. (test/fixtures/variants)', () => {
  const FIXTURE = path.join(__dirname, '..', 'fixtures', 'variants', 'koebenhavn-varianter.xlsx');

  test('run --json: every mode funds at most one of K-8 and K-8 alt, the other names it; the schema holds', async () => {
    const run = await cliOn(FIXTURE, 'run', '--json');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    // The schema allows no key it does not name: alternativeTo and alternativeFunded are in it.
    expect(validate(json)).toBe(true);
    expect(json.scenarios[0].proposals.slice(7)).toEqual([
      expect.not.objectContaining({ alternativeTo: expect.anything() }),
      expect.objectContaining({ nr: 'K-8 alt', alternativeTo: 'K-8', netto: [5_000_000] }),
    ]);
    type Row = { nr: string; status: string; funded: number[]; alternativeFunded?: string };
    const k8 = (s: { raaderum: { proposals: Row[] } }) =>
      s.raaderum.proposals
        .filter((p) => p.nr.startsWith('K-8'))
        .map((p) => [p.nr, p.status, p.funded[0], p.alternativeFunded ?? null]);
    const summary = json.scenarios.map(
      (s: { name: string; raaderum: { mode: string; funded: number[]; remaining: number[]; proposals: Row[] } }) => [
        s.name,
        s.raaderum.mode,
        s.raaderum.funded[0],
        s.raaderum.remaining[0],
        k8(s),
      ],
    );
    expect(summary).toEqual([
      [
        'Prioritet 27',
        'priority',
        26_700_000,
        300_000,
        [
          ['K-8 alt', 'unfunded', 0, 'K-8'],
          ['K-8', 'funded', 2_500_000, null],
        ],
      ],
      [
        'Prioritet 30',
        'priority',
        29_200_000,
        800_000,
        [
          ['K-8 alt', 'funded', 5_000_000, null],
          ['K-8', 'unfunded', 0, 'K-8 alt'],
        ],
      ],
      [
        'Delvis 27 uden K-7',
        'priority-partial',
        27_000_000,
        0,
        [
          ['K-8 alt', 'partial', 2_800_000, null],
          ['K-8', 'unfunded', 0, 'K-8 alt'],
        ],
      ],
      [
        'Bedste 28,3',
        'best-fill',
        28_100_000,
        200_000,
        [
          ['K-8 alt', 'funded', 5_000_000, null],
          ['K-8', 'unfunded', 0, 'K-8 alt'],
        ],
      ],
      [
        'Forholdsmæssig 17,6',
        'proportional',
        17_600_000,
        0,
        [
          ['K-8 alt', 'partial', 2_500_000, null],
          ['K-8', 'unfunded', 0, 'K-8 alt'],
        ],
      ],
    ]);
    // A group counts once in total netto, by K-8: 32,7 mio. (26,7 with K-7 left out), never 37,7.
    expect(json.scenarios.map((s: { total: { netto: number[] } }) => s.total.netto[0])).toEqual([
      32_700_000, 32_700_000, 26_700_000, 32_700_000, 32_700_000,
    ]);
  });

  test('an Alternativ til naming no proposal: exit 1 with its cell, in Danish and English', async () => {
    const dir = tempDir();
    const book = path.join(dir, 'variant.xlsx');
    expect((await cli('template', book, '--aar', '2026')).code).toBe(0);
    const sheets = templateSheets(2026);
    const column = sheets[0].values[0].indexOf('Alternativ til');
    sheets[0].values[2][column] = 'K-9';
    await saveWorkbook(newWorkbook(sheets), book);
    const da = await cliOn(book, 'run');
    expect(da.code).toBe(1);
    const cell = `Forslag!${String.fromCharCode(65 + column)}3`;
    expect(da.stderr).toContain(`${cell}: K-2 er alternativ til "K-9", som ikke er et forslag`);
    const en = await cliOn(book, 'run', '--json', '--lang', 'en');
    expect(en.code).toBe(1);
    expect(en.stderr).toContain(`${cell}: K-2 is an alternative to "K-9", which is not a proposal`);
  });
});
