/**
 * @jest-environment jsdom
 */
/**
 * The manifest, checked offline (the online validator needs internet:
 * `npm run validate` where there is some).
 */
import { execFileSync } from 'child_process';
import { readFileSync, readdirSync, existsSync } from 'fs';
import * as path from 'path';
import { validateXML } from 'xmllint-wasm';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { productionManifest } = require('../scripts/production-manifest');

const root = path.join(__dirname, '..');
const xml = readFileSync(path.join(root, 'manifest.xml'), 'utf8');
const doc = new DOMParser().parseFromString(xml, 'application/xml');
const all = (tag: string) => Array.from(doc.getElementsByTagNameNS('*', tag));
const attr = (el: Element | undefined, name: string) => el?.getAttribute(name) ?? undefined;

/** Where each URL the manifest names comes from in the repository. */
const SOURCES: Record<string, string> = {
  'taskpane.html': 'src/taskpane/taskpane.html',
  'commands.html': 'src/commands/commands.html',
  'help.html': 'src/help.html',
};

test('it is well-formed XML for a task pane add-in', () => {
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  expect(doc.documentElement.localName).toBe('OfficeApp');
  expect(attr(doc.documentElement, 'xsi:type')).toBe('TaskPaneApp');
});

/** Microsoft's manifest schemas (see test/manifest-schemas/README.md), as Office applies them at sideload and upload. */
const SCHEMAS = path.join(root, 'test', 'manifest-schemas');
const MAIN_SCHEMA = 'OfficeAppManifestV1_1.xsd';

async function schemaErrors(manifest: string): Promise<string[]> {
  const file = (name: string) => ({ fileName: name, contents: readFileSync(path.join(SCHEMAS, name), 'utf8') });
  const imported = readdirSync(SCHEMAS).filter((f) => f.endsWith('.xsd') && f !== MAIN_SCHEMA);
  const result = await validateXML({
    xml: [{ fileName: 'manifest.xml', contents: manifest }],
    schema: [file(MAIN_SCHEMA)],
    preload: imported.map(file),
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}

test("it passes Microsoft's manifest schema", async () => {
  expect(await schemaErrors(xml)).toEqual([]);
});

test("the production manifest passes Microsoft's manifest schema", async () => {
  expect(await schemaErrors(productionManifest(xml, 'https://raaderum.example.dk/addin/'))).toEqual([]);
});

test('the schema check catches what Office refuses (an empty AppDomains, a missing Id)', async () => {
  const emptyAppDomains = xml.replace('<Hosts>', '<AppDomains/>\n  <Hosts>');
  expect((await schemaErrors(emptyAppDomains)).join('\n')).toMatch(/AppDomains': Missing child element/);
  const noId = xml.replace(/<Id>[^<]*<\/Id>/, '');
  expect((await schemaErrors(noId)).join('\n')).toMatch(/Id/);
});

test('office-addin-manifest reads it (offline `info`): Excel workbook, read/write, Danish with English', () => {
  // Run as its own process: its ES-module dependencies do not load inside Jest.
  const cli = require.resolve('office-addin-manifest/cli.js');
  const info = execFileSync(process.execPath, [cli, 'info', 'manifest.xml'], { cwd: root, encoding: 'utf8' });
  const field = (name: string) => new RegExp(`^\\s*${name}: (.*)$`, 'm').exec(info)?.[1];
  expect(field('Id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(field('Type')).toBe('TaskPaneApp');
  expect(field('Hosts')).toBe('Workbook');
  expect(field('Permissions')).toBe('ReadWriteDocument');
  expect(field('Default Locale')).toBe('da-DK');
  expect(field('Name')).toBe('Råderum');
  expect(field('Version')).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  expect(field('Source Location')).toBe('https://localhost:3000/taskpane.html');
  for (const tag of ['DisplayName', 'Description'])
    expect(all(tag)[0].getElementsByTagNameNS('*', 'Override')[0]?.getAttribute('Locale')).toBe('en-US');
});

test('it requires ExcelApi 1.4, and the code checks anything newer at run time', () => {
  const set = all('Set').find((s) => attr(s, 'Name') === 'ExcelApi');
  expect(attr(set, 'MinVersion')).toBe('1.4');
  const adapter = readFileSync(path.join(root, 'src/office/excel-adapter.ts'), 'utf8');
  const checked = [...adapter.matchAll(/isSetSupported\('ExcelApi', '([\d.]+)'\)/g)].map((m) => m[1]);
  expect(checked).toEqual(['1.6', '1.7', '1.9', '1.10']);
  expect(adapter).toContain('suspendApiCalculationUntilNextSync');
  // Calls above 1.4 that are used unconditionally would break on older Excel
  // (Worksheet.protection, which the adapter reads, is ExcelApi 1.2).
  for (const newer of ['getRangeByIndexes', 'getCount('] as const) expect(adapter).not.toContain(newer);
});

test('a Home tab button opens the task pane', () => {
  const tab = all('OfficeTab')[0];
  expect(attr(tab, 'id')).toBe('TabHome');
  const action = tab.getElementsByTagNameNS('*', 'Action')[0];
  expect(attr(action, 'xsi:type')).toBe('ShowTaskpane');
});

test('every resource it names exists, and every URL points at a page or icon the build serves', () => {
  const resources = new Map(
    [...all('Image'), ...all('Url'), ...all('String')]
      .filter((e) => e.hasAttribute('id'))
      .map((e) => [attr(e, 'id'), attr(e, 'DefaultValue')]),
  );
  const referenced = [...doc.querySelectorAll('*')].map((e) => attr(e, 'resid')).filter((r): r is string => r !== undefined);
  expect(referenced.length).toBeGreaterThan(5);
  for (const id of referenced) expect(resources.has(id)).toBe(true);

  const urls = [...doc.querySelectorAll('*')].map((e) => attr(e, 'DefaultValue') ?? '').filter((v) => /^https?:/.test(v));
  expect(urls.length).toBeGreaterThan(8);
  for (const url of urls) {
    expect(url.startsWith('https://localhost:3000/')).toBe(true);
    const file = url.slice('https://localhost:3000/'.length);
    expect(existsSync(path.join(root, SOURCES[file] ?? file))).toBe(true);
  }
});

test('the icons exist at the sizes the manifest says', () => {
  const pngSize = (file: string) => {
    const bytes = readFileSync(path.join(root, file));
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
  };
  for (const image of all('Image').filter((e) => e.hasAttribute('id'))) {
    const size = Number(/Icon\.(\d+)x\d+/.exec(attr(image, 'id')!)![1]);
    expect(pngSize(attr(image, 'DefaultValue')!.replace('https://localhost:3000/', ''))).toEqual([size, size]);
  }
  expect(pngSize('assets/icon-32.png')).toEqual([32, 32]);
  expect(pngSize('assets/icon-64.png')).toEqual([64, 64]);
});

test('the production manifest points everything at the production URL', () => {
  const production = productionManifest(xml, 'https://raaderum.example.dk/addin/');
  expect(production).not.toContain('localhost');
  expect(production).toContain('https://raaderum.example.dk/addin/taskpane.html');
  expect(() => productionManifest(xml, 'http://insecure.example.dk/')).toThrow(/https/);
  // It goes into XML attributes as it is: a character that would need escaping is refused.
  expect(() => productionManifest(xml, 'https://raaderum.example.dk/a&b/')).toThrow(/&/);
});
