/**
 * The rooms' boundaries (README, "How the code is laid out") and Microsoft's Office Add-in rules, as
 * `npm run lint` applies them: small snippets placed in each room go through ESLint's Node API with the
 * project's own eslint.config.mjs. The expectations below are written by hand, not read from the config.
 */
import { spawnSync } from 'child_process';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

const ROOT = join(__dirname, '..');

type Import = { room: string; file?: string; from: string; typeOnly?: boolean };

/** One import per case; `file` is where the snippet stands inside the room (default: its top folder). */
const ALLOWED: Import[] = [
  { room: 'model', from: './types' },
  { room: 'workbook', from: '../model/types' },
  { room: 'workbook', from: './grid' },
  { room: 'office', from: '../workbook/grid' },
  { room: 'office', from: '../model/types', typeOnly: true },
  { room: 'xlsx', from: 'exceljs' },
  { room: 'xlsx', from: 'jszip' },
  { room: 'xlsx', from: 'node:fs' },
  { room: 'xlsx', from: 'path' },
  { room: 'xlsx', from: '../workbook/read' },
  { room: 'xlsx', from: '../model/types', typeOnly: true },
  { room: 'taskpane', from: 'react' },
  { room: 'taskpane', from: 'react-dom/client' },
  { room: 'taskpane', from: '@fluentui/react-components' },
  { room: 'taskpane', from: '../office/host' },
  { room: 'taskpane', from: '../workbook/run' },
  { room: 'taskpane', from: '../model/problems' },
  { room: 'taskpane', file: 'components/Part.tsx', from: '../../workbook/grid' },
  { room: 'taskpane', file: 'components/Part.tsx', from: '../state' },
  { room: 'preview', from: 'exceljs' },
  { room: 'preview', from: '../xlsx/open' },
  { room: 'preview', from: '../taskpane/components/App' },
  { room: 'preview', from: '../workbook/grid' },
  { room: 'preview', from: '../model/types', typeOnly: true },
  { room: 'cli', from: 'fs' },
  { room: 'cli', from: 'node:util' },
  { room: 'cli', from: '../xlsx/files' },
  { room: 'cli', from: '../workbook/run' },
  { room: 'cli', from: '../model/problems' },
  { room: 'sample', from: '../workbook/output' },
  { room: 'commands', from: './strings' },
];

const FORBIDDEN: Import[] = [
  { room: 'model', from: '../workbook/grid' },
  { room: 'model', from: 'exceljs' },
  { room: 'model', from: 'fs' },
  { room: 'model', from: 'react' },
  { room: 'workbook', from: '../office/host' },
  { room: 'workbook', from: '../xlsx/cells' },
  { room: 'workbook', from: '../taskpane/state' },
  { room: 'workbook', from: 'exceljs' },
  { room: 'workbook', from: 'node:fs' },
  { room: 'office', from: '../xlsx/cells' },
  { room: 'office', from: '../taskpane/state' },
  { room: 'office', from: '../model/rules' },
  { room: 'office', from: 'exceljs' },
  { room: 'office', from: 'react' },
  { room: 'xlsx', from: '../office/host' },
  { room: 'xlsx', from: '../taskpane/state' },
  { room: 'xlsx', from: '../model/rounding' },
  { room: 'xlsx', from: 'react' },
  { room: 'taskpane', from: 'exceljs' },
  { room: 'taskpane', from: 'jszip' },
  { room: 'taskpane', from: '../xlsx/open' },
  { room: 'taskpane', file: 'components/Part.tsx', from: '../../xlsx/open' },
  { room: 'taskpane', file: 'components/Part.tsx', from: 'exceljs' },
  { room: 'taskpane', from: '../preview/PreviewApp' },
  { room: 'taskpane', from: '../cli/main' },
  { room: 'taskpane', from: 'fs' },
  { room: 'preview', from: '../office/host' },
  { room: 'preview', from: '../cli/main' },
  { room: 'preview', from: 'fs' },
  { room: 'cli', from: '../office/host' },
  { room: 'cli', from: '../taskpane/state' },
  { room: 'cli', from: 'exceljs' },
  { room: 'cli', from: 'react' },
  { room: 'sample', from: '../xlsx/files' },
  { room: 'sample', from: 'exceljs' },
  { room: 'commands', from: '../taskpane/state' },
  { room: 'commands', from: 'exceljs' },
  // Paths are resolved against the file, not matched as text.
  { room: 'taskpane', from: './../xlsx/cells' },
  { room: 'taskpane', from: '../taskpane/../xlsx/files' },
  { room: 'taskpane', from: '../office/../xlsx/files' },
  { room: 'model', from: './../workbook/run' },
  { room: 'office', from: './../model/scenarios' },
  { room: 'workbook', from: '../../test/helpers/sheets' },
];

/** import() and require() would hide a module from the room rules; so would a re-export or a folder that is no room. */
const HIDDEN = [
  {
    name: "import('exceljs') in src/taskpane",
    filePath: 'src/taskpane/lazy.ts',
    code: "export const load = () => import('exceljs');\n",
  },
  {
    name: "require('exceljs') in src/office",
    filePath: 'src/office/lazy.ts',
    code: "export const load = () => require('exceljs');\n",
  },
];

/** Other ways past the rooms: a re-export, `import = require()`, and a folder under src/ that is not in ROOMS. */
const SIDEWAYS = [
  {
    name: "export * from './../xlsx/package' in src/taskpane",
    filePath: 'src/taskpane/again.ts',
    code: "export * from './../xlsx/package';\n",
  },
  {
    name: "import x = require('exceljs') in src/office",
    filePath: 'src/office/again.ts',
    code: "import ExcelJS = require('exceljs');\nexport { ExcelJS };\n",
  },
  {
    name: 'a folder under src/ that is not a room (src/zzutil importing exceljs)',
    filePath: 'src/zzutil/book.ts',
    code: "import ExcelJS from 'exceljs';\nexport { ExcelJS };\n",
  },
];

/** Microsoft's rules on src/office: reading a loaded property before context.sync() fails, after it passes. */
const OFFICE_READ_BEFORE_SYNC = `export async function selected(context: Excel.RequestContext) {
  const range = context.workbook.getSelectedRange();
  range.load('values');
  return range.values;
}
`;
const OFFICE_READ_AFTER_SYNC = `export async function selected(context: Excel.RequestContext) {
  const range = context.workbook.getSelectedRange();
  range.load('values');
  await context.sync();
  return range.values;
}
`;

/** A sync per block in a loop is an error unless the line says why. */
const SYNC_IN_LOOP = (why: string) => `export async function blocks(context: Excel.RequestContext, count: number) {
  for (let i = 0; i < count; i++) {
    ${why}
    await context.sync();
  }
}
`;
const JUSTIFIED =
  '// eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block keeps each request small';

const snippet = ({ from, typeOnly }: Import) =>
  typeOnly
    ? `import type { Some } from '${from}';\nexport type { Some };\n`
    : `import { some } from '${from}';\nexport { some };\n`;
const placeOf = ({ room, file }: Import) => `src/${room}/${file ?? 'snippet.ts'}`;
const nameOf = (i: Import) => `${placeOf(i)}: ${i.typeOnly ? 'import type' : 'import'} '${i.from}'`;

type Message = { ruleId: string | null; severity: number; message: string; line: number };
type Lint = { filePath: string; code: string };
type Answer = {
  rooms: Record<string, { rooms: string[]; types: string[]; packages: string[] }>;
  excelLoads: string[];
  entries: Record<string, string>;
  results: Message[][];
};

/**
 * ESLint loads eslint.config.mjs with import(), which Jest's module sandbox refuses: so one plain Node process
 * lints every snippet with `new ESLint().lintText(code, { filePath })` and also hands back the room table and
 * webpack's entries.
 */
const LINTER = `
import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
const cases = JSON.parse(readFileSync(0, 'utf8'));
const eslint = new ESLint({ cwd: process.cwd() });
const results = [];
for (const { code, filePath } of cases) {
  const [result] = await eslint.lintText(code, { filePath });
  results.push(result.messages.map(({ ruleId, severity, message, line }) => ({ ruleId, severity, message, line })));
}
const config = await import(pathToFileURL(join(process.cwd(), 'eslint.config.mjs')).href);
const webpack = createRequire(join(process.cwd(), 'package.json'))('./webpack.config.js');
const { entry } = webpack({}, { mode: 'production' });
process.stdout.write(JSON.stringify({ rooms: config.ROOMS, excelLoads: config.EXCEL_LOADS, entries: entry, results }));
`;

function lintAll(cases: Lint[]): Answer {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', LINTER], {
    cwd: ROOT,
    input: JSON.stringify(cases),
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`ESLint did not run: ${run.stderr || run.error}`);
  return JSON.parse(run.stdout) as Answer;
}

const CASES: Lint[] = [
  ...ALLOWED.map((i) => ({ filePath: placeOf(i), code: snippet(i) })),
  ...FORBIDDEN.map((i) => ({ filePath: placeOf(i), code: snippet(i) })),
  ...HIDDEN,
  { filePath: 'src/office/selected.ts', code: OFFICE_READ_BEFORE_SYNC },
  { filePath: 'src/office/selected.ts', code: OFFICE_READ_AFTER_SYNC },
  { filePath: 'src/office/blocks.ts', code: SYNC_IN_LOOP('') },
  { filePath: 'src/office/blocks.ts', code: SYNC_IN_LOOP(JUSTIFIED) },
];
// ExcelJS in every folder under src/; the rooms Excel's bundles reach (from the table, checked below) must refuse it.
const FOLDERS = readdirSync(join(ROOT, 'src'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const EXCELJS_AT = CASES.length;
CASES.push(...FOLDERS.map((room) => ({ filePath: `src/${room}/reach.ts`, code: snippet({ room, from: 'exceljs' }) })));
const SIDEWAYS_AT = CASES.length;
CASES.push(...SIDEWAYS.map(({ filePath, code }) => ({ filePath, code })));

let answer: Answer;
let excelRooms: string[];

/** The rooms a room reaches through the imports the table allows it (itself included). */
function reach(rooms: Answer['rooms'], start: string): string[] {
  const seen = new Set([start]);
  for (const room of seen) for (const next of [...rooms[room].rooms, ...rooms[room].types]) seen.add(next);
  return [...seen].sort();
}

beforeAll(() => {
  answer = lintAll(CASES);
  excelRooms = [...new Set(answer.excelLoads.flatMap((room) => reach(answer.rooms, room)))].sort();
}, 60_000);

const resultOf = (index: number) => answer.results[index];
const rulesOf = (messages: Message[]) => [...new Set(messages.map((m) => m.ruleId))];

describe('room boundaries', () => {
  test('every folder under src/ is a room of the table, and every room has an allowed and a forbidden case here', () => {
    expect(Object.keys(answer.rooms).sort()).toEqual(FOLDERS);
    expect([...new Set(ALLOWED.map((i) => i.room))].sort()).toEqual(FOLDERS);
    expect([...new Set(FORBIDDEN.map((i) => i.room))].sort()).toEqual(FOLDERS);
  });

  test.each(ALLOWED.map((i, index) => [nameOf(i), index] as const))('%s passes', (_name, index) => {
    expect(resultOf(index)).toEqual([]);
  });

  test.each(FORBIDDEN.map((i, index) => [nameOf(i), ALLOWED.length + index] as const))('%s fails', (_name, index) => {
    const messages = resultOf(index);
    expect(rulesOf(messages)).toEqual(['rooms/imports']);
    expect(messages[0]).toMatchObject({ severity: 2, line: 1 });
  });

  test.each(HIDDEN.map((h, index) => [h.name, ALLOWED.length + FORBIDDEN.length + index] as const))(
    '%s fails',
    (_name, index) => {
      expect(resultOf(index)).toContainEqual(expect.objectContaining({ ruleId: 'no-restricted-syntax', severity: 2 }));
    },
  );

  test.each(SIDEWAYS.map((h, index) => [h.name, index] as const))('%s fails', (_name, index) => {
    expect(rulesOf(resultOf(SIDEWAYS_AT + index))).toContain('rooms/imports');
  });

  test('a folder that is not a room is told so', () => {
    expect(resultOf(SIDEWAYS_AT + 2)[0].message).toContain('src/zzutil is not a room: add it to ROOMS');
  });

  test('the error names the room and what it may import', () => {
    const index = ALLOWED.length + FORBIDDEN.findIndex((i) => i.room === 'taskpane' && i.from === 'exceljs');
    expect(resultOf(index)[0].message).toContain('src/taskpane may import only these packages: react, react-dom');
  });
});

describe('ExcelJS never reaches the bundles Excel loads', () => {
  test('Excel loads the taskpane and commands entries (the pages the manifest names), not the preview', () => {
    const manifest = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
    const pages = Object.keys(answer.entries).filter((entry) => manifest.includes(`/${entry}.html`));
    expect(pages.sort()).toEqual(['commands', 'taskpane']);
    const roomOf = (entry: string) => /^\.\/src\/([^/]+)\//.exec(answer.entries[entry])?.[1];
    expect(pages.map(roomOf).sort()).toEqual([...answer.excelLoads].sort());
  });

  test('the rooms they reach are taskpane, office, workbook and model (and commands), never xlsx or preview', () => {
    expect(excelRooms).toEqual(['commands', 'model', 'office', 'taskpane', 'workbook']);
  });

  test('each of those rooms refuses ExcelJS', () => {
    const refused = excelRooms.map((room) => rulesOf(resultOf(EXCELJS_AT + FOLDERS.indexOf(room))));
    expect(refused).toEqual(excelRooms.map(() => ['rooms/imports']));
  });
});

describe("Microsoft's Office Add-in rules on src/office", () => {
  const before = ALLOWED.length + FORBIDDEN.length + HIDDEN.length;

  test('reading a loaded property before context.sync() fails (office-addins/call-sync-after-load, call-sync-before-read)', () => {
    expect(resultOf(before).map((m) => [m.ruleId, m.severity, m.line])).toEqual([
      ['office-addins/call-sync-after-load', 2, 4],
      ['office-addins/call-sync-before-read', 2, 4],
    ]);
  });

  test('the same read after context.sync() passes', () => {
    expect(resultOf(before + 1)).toEqual([]);
  });

  test('context.sync() in a loop fails (office-addins/no-context-sync-in-loop, an error here, a warning upstream)', () => {
    expect(resultOf(before + 2).map((m) => [m.ruleId, m.severity, m.line])).toEqual([
      ['office-addins/no-context-sync-in-loop', 2, 4],
    ]);
  });

  test('the same loop passes with a justified disable comment on the line', () => {
    expect(resultOf(before + 3)).toEqual([]);
  });
});
