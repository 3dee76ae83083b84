/**
 * The corpus of broken and hostile workbooks through the command line: for each
 * case, the exit status, every line on standard error, the figures where the
 * run succeeds, no file written where it fails, and the input byte-identical.
 * With RAADERUM_RELIABILITY=FILE set, what happened is also recorded there for
 * docs/reliability.md (scripts/reliability.js).
 */
import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { tempDir } from '../helpers/files';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const cases: CorpusCase[] = require('./cases');

interface CorpusCase {
  id: string;
  /** A file from test/fixtures/real/ (saved by another tool) instead of one made by make-corpus. */
  real?: string;
  tried: string;
  ext?: string;
  expect: Expected | keyof typeof FILE_ANSWERS;
}
interface Expected {
  exit: number;
  stderr: string[];
  /** Base scenario netto per proposal number. */
  json?: Record<string, number[]>;
  /** Titles as they must stand, as text, in the written Resultat sheet. */
  titles?: Record<string, string>;
  /** Base scenario shares of the råderum per request, as fractions. */
  shares?: Record<string, number[]>;
}

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'corpus');
const fileOf = (c: CorpusCase) =>
  c.real ? path.join(FIXTURES, '..', 'real', c.real) : path.join(FIXTURES, `${c.id}.${c.ext ?? 'xlsx'}`);
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** What the command line says of files that are not workbooks (set per kind of file). */
const FILE_ANSWERS = {
  'not-a-workbook': (file: string): Expected => ({
    exit: 2,
    stderr: [`raaderum: ${file} er ikke en Excel-projektmappe (.xlsx eller .xlsm)`],
  }),
  ods: (file: string): Expected => ({
    exit: 2,
    stderr: [
      `raaderum: ${file} er et OpenDocument-regneark (.ods), ikke en Excel-projektmappe; gem det som .xlsx (Filer > Gem som > Excel 2007-365) og prøv igen`,
    ],
  }),
};

async function cli(...argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const exit = await main(argv, { stdout: (t) => stdout.push(t), stderr: (t) => stderr.push(...t.split('\n')) });
  return { exit, stdout: stdout.join('\n'), stderr };
}

interface Observation {
  id: string;
  tried: string;
  exit: number;
  stderr: string[];
  passed?: boolean;
}
const observations: Observation[] = [];

afterAll(() => {
  const record = process.env.RAADERUM_RELIABILITY;
  if (record) {
    mkdirSync(path.dirname(record), { recursive: true });
    writeFileSync(record, JSON.stringify(observations, null, 2));
  }
});

test('the corpus has at least 40 cases, one file each', () => {
  expect(cases.length).toBeGreaterThanOrEqual(40);
  expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  for (const c of cases) expect(existsSync(fileOf(c))).toBe(true);
});

describe.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
  test(c.tried, async () => {
    const file = fileOf(c);
    const given = typeof c.expect === 'string' ? FILE_ANSWERS[c.expect](file) : c.expect;
    // The copy is of the input's kind: an .xlsm stays an .xlsm.
    const kind = path.extname(file).toLowerCase() === '.xlsm' ? '.xlsm' : '.xlsx';
    const out = path.join(tempDir(), `ud${kind}`);
    const expected = { ...given, stderr: given.stderr.map((l) => l.replace('{file}', file).replace('{out}', out)) };
    const before = sha(file);
    const run = await cli('run', file, '--json', '--out', out);
    const observation: Observation = {
      id: c.id,
      tried: c.tried,
      exit: run.exit,
      stderr: run.stderr.map((l) => l.replace(out, `UD${kind}`).replace(file, path.basename(file))),
    };
    observations.push(observation);

    const wrote = expected.exit === 0 ? [`Skrev ${out}`] : [];
    expect({ exit: run.exit, stderr: run.stderr }).toEqual({ exit: expected.exit, stderr: [...expected.stderr, ...wrote] });
    expect(sha(file)).toBe(before);
    expect(existsSync(out)).toBe(expected.exit === 0);
    if (expected.exit !== 0) expect(run.stdout).toBe('');

    if (expected.json) {
      const base = JSON.parse(run.stdout).scenarios[0];
      const netto = Object.fromEntries(base.proposals.map((p: { nr: string; netto: number[] }) => [p.nr, p.netto]));
      expect(netto).toMatchObject(expected.json);
    }
    if (expected.shares) {
      const requests = JSON.parse(run.stdout).scenarios[0].raaderum.proposals;
      const shares = Object.fromEntries(requests.map((r: { nr: string; share: number[] }) => [r.nr, r.share]));
      expect(shares).toEqual(expected.shares);
    }
    if (expected.titles) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(out);
      const sheet = workbook.getWorksheet('Resultat')!;
      const found: Record<string, unknown> = {};
      sheet.eachRow((row) => {
        const nr = row.getCell(1).value;
        if (typeof nr === 'string' && nr in expected.titles!) found[nr] = row.getCell(2).value;
      });
      // Plain strings, not { formula } objects: the copy keeps them as text.
      expect(found).toEqual(expected.titles);
    }
    observation.passed = true;
  });
});

describe('files that are not regular files or not there', () => {
  const dir = tempDir();
  const notRegular = (file: string): Expected => ({
    exit: 2,
    stderr: [`raaderum: ${file} er ikke en almindelig fil (men fx en pipe eller en enhed); gem projektmappen som en .xlsx-fil`],
  });
  const cases: [string, () => string, (file: string) => Expected][] = [
    [
      'a named pipe (must not hang)',
      () => {
        const fifo = path.join(dir, 'pipe.xlsx');
        execFileSync('mkfifo', [fifo]);
        return fifo;
      },
      notRegular,
    ],
    ['/dev/zero (must not hang)', () => '/dev/zero', notRegular],
    [
      'a directory',
      // A fixed name, so docs/reliability.md is the same from run to run.
      () => {
        const folder = path.join(dir, 'budget.xlsx');
        mkdirSync(folder);
        return folder;
      },
      (file) => ({ exit: 2, stderr: [`raaderum: ${file} er en mappe, ikke en projektmappe (.xlsx)`] }),
    ],
    [
      'a file that does not exist',
      () => path.join(dir, 'findes-ikke.xlsx'),
      (file) => ({ exit: 2, stderr: [`raaderum: filen ${file} findes ikke`] }),
    ],
  ];
  test.each(cases)('%s', async (tried, make, answer) => {
    const file = make();
    const out = path.join(tempDir(), 'ud.xlsx');
    const run = await cli('run', file, '--json', '--out', out);
    observations.push({
      id: tried.replace(/ \(.*\)$/, ''),
      tried,
      exit: run.exit,
      stderr: run.stderr.map((l) => l.replace(file, path.basename(file))),
    });
    expect({ exit: run.exit, stderr: run.stderr }).toEqual(answer(file));
    expect(existsSync(out)).toBe(false);
    observations[observations.length - 1].passed = true;
  });
});

test('docs/reliability.md lists every case of the corpus (npm run reliability regenerates it)', () => {
  const doc = readFileSync(path.join(__dirname, '..', '..', 'docs', 'reliability.md'), 'utf8');
  for (const c of cases) expect(doc).toContain(`\`${c.id}\``);
});
