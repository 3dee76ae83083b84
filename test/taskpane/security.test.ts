/**
 * What keeps a hostile workbook from running code in the pane: nothing in the
 * browser code evaluates text or writes it as HTML, and every page carries a
 * Content-Security-Policy that would refuse it anyway (checked in Chromium by
 * test/e2e/office.e2e.ts).
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { CONTENT_SECURITY_POLICY, OFFICE_JS_ORIGIN } = require('../../scripts/csp');

const root = path.join(__dirname, '..', '..');

/** Ways JavaScript turns text into code or markup. */
const EVALUATION: [string, RegExp][] = [
  ['eval', /\beval\s*\(/],
  ['Function constructor', /(^|[^.\w$])Function\s*\(/],
  ['timer given code', /\bset(Timeout|Interval)\s*\(\s*['"`]/],
  ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
  ['innerHTML/outerHTML', /\.(inner|outer)HTML\s*=/],
  ['insertAdjacentHTML', /insertAdjacentHTML/],
  ['document.write', /document\.write(ln)?\s*\(/],
  ['javascript: URL', /javascript:/i],
];

function evaluations(source: string): string[] {
  return EVALUATION.filter(([, pattern]) => pattern.test(source)).map(([name]) => name);
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return /\.(tsx?|html)$/.test(name) ? [file] : [];
  });
}

test('the check finds evaluation where there is some, and not in names like evaluate()', () => {
  expect(evaluations('const v = eval(cell.text);')).toEqual(['eval']);
  expect(evaluations('new Function("return " + title)()')).toEqual(['Function constructor']);
  expect(evaluations("Function('return this')()")).toEqual(['Function constructor']);
  expect(evaluations("setTimeout('run()', 0)")).toEqual(['timer given code']);
  expect(evaluations('<div dangerouslySetInnerHTML={{ __html: title }} />')).toEqual(['dangerouslySetInnerHTML']);
  expect(evaluations('node.innerHTML = title')).toEqual(['innerHTML/outerHTML']);
  expect(evaluations('const evaluation = evaluate(read.book); setTimeout(() => run(), 0); textContent = t;')).toEqual([]);
});

test.each(['src/taskpane', 'src/preview', 'src/commands', 'src/office', 'src/workbook', 'src/model'])(
  'nothing in %s evaluates text or writes it as HTML',
  (dir) => {
    const files = sources(path.join(root, dir));
    expect(files.length).toBeGreaterThan(0);
    const found = files.flatMap((file) =>
      evaluations(readFileSync(file, 'utf8')).map((what) => `${path.relative(root, file)}: ${what}`),
    );
    expect(found).toEqual([]);
  },
);

const directives = new Map<string, string[]>(
  CONTENT_SECURITY_POLICY.split(';').map((d: string) => {
    const [name, ...values] = d.trim().split(/\s+/);
    return [name, values];
  }),
);

test('the policy lets scripts come only from the page itself and Office.js’s CDN, and never evaluates', () => {
  expect(OFFICE_JS_ORIGIN).toBe('https://appsforoffice.microsoft.com');
  expect(directives.get('script-src')).toEqual(["'self'", OFFICE_JS_ORIGIN]);
  expect(directives.get('default-src')).toEqual(["'self'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'");
  expect(CONTENT_SECURITY_POLICY).not.toContain("'wasm-unsafe-eval'");
  // Only styles may be inline (Fluent UI's CSS-in-JS); no directive allows any host with a wildcard.
  expect([...directives].filter(([, v]) => v.includes("'unsafe-inline'")).map(([d]) => d)).toEqual(['style-src']);
  expect(CONTENT_SECURITY_POLICY).not.toMatch(/(^|\s)(\*|https?:|https:\/\/\*)(\s|;|$)/);
  // Directives a meta tag cannot carry are not pretended.
  for (const ignored of ['frame-ancestors', 'report-uri', 'sandbox']) expect(directives.has(ignored)).toBe(false);
});

test('the calculation worker may come from the page’s own origin only: no blob:, data: or foreign workers', () => {
  expect(directives.get('worker-src')).toEqual(["'self'"]);
  // The worker is the bundle's own file, named through webpack's new URL(…, import.meta.url).
  const starter = readFileSync(path.join(root, 'src/taskpane/start-worker.ts'), 'utf8');
  expect(starter).toMatch(/new Worker\(new URL\('\.\/calculation\.worker\.ts', import\.meta\.url\)/);
});

const PAGES = {
  'taskpane.html': 'src/taskpane/taskpane.html',
  'commands.html': 'src/commands/commands.html',
  'help.html': 'src/help.html',
  'preview.html': 'src/preview/preview.html',
};

test.each(Object.entries(PAGES))('%s has the policy as its first tag after the charset, before any script', (_page, file) => {
  const html = readFileSync(path.join(root, file), 'utf8');
  const head = html.slice(html.indexOf('<head>'), html.indexOf('</head>'));
  const tags = [...head.matchAll(/<(meta|script|link|style|title|base)\b(?:[^>"]|"[^"]*")*>/g)].map((m) => m[0]);
  expect(tags[0]).toMatch(/charset/);
  expect(tags[1]).toBe('<meta http-equiv="Content-Security-Policy" content="<%= htmlWebpackPlugin.options.csp %>" />');
});

test('webpack writes the policy into every page it builds', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require('../../webpack.config.js')({}, { mode: 'production' });
  const pages = config.plugins
    .filter((p: { constructor: { name: string } }) => p.constructor.name === 'HtmlWebpackPlugin')
    .map((p: { userOptions: { filename: string; csp?: string } }) => [p.userOptions.filename, p.userOptions.csp]);
  expect(Object.fromEntries(pages)).toEqual(
    Object.fromEntries(Object.keys(PAGES).map((page) => [page, CONTENT_SECURITY_POLICY])),
  );
});
