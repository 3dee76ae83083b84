#!/usr/bin/env node
/**
 * Issue 8: the core (src/model) computes every figure; nothing outside it does
 * arithmetic on amounts. This lists every arithmetic expression (+ − × ÷, their
 * assignments, ++/−− and unary minus on a name) outside src/model, as
 * `file: expression`, and compares the list with the reviewed one in
 * test/arithmetic-outside-core.txt (rows, columns, sizes, dates, percent
 * parsing: none on amounts). A new expression fails `npm test` until someone
 * has looked at it and added it there.
 *
 *   node scripts/arithmetic-outside-core.js            the list
 *   node scripts/arithmetic-outside-core.js --check    only what is not reviewed (exit 1 if any)
 *   node scripts/arithmetic-outside-core.js --write    rewrite the reviewed list from the code
 */
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const ROOT = path.join(__dirname, '..');
const SRC = path.join(ROOT, 'src');
const REVIEWED = path.join(ROOT, 'test', 'arithmetic-outside-core.txt');
const OPERATORS = new Set([
  ts.SyntaxKind.AsteriskToken,
  ts.SyntaxKind.SlashToken,
  ts.SyntaxKind.PlusToken,
  ts.SyntaxKind.MinusToken,
  ts.SyntaxKind.PlusEqualsToken,
  ts.SyntaxKind.MinusEqualsToken,
  ts.SyntaxKind.AsteriskEqualsToken,
  ts.SyntaxKind.SlashEqualsToken,
]);

const files = (dir) =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return p === path.join(SRC, 'model') ? [] : files(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });

const isText = (node) => ts.isStringLiteralLike(node) || ts.isTemplateExpression(node);

/** Every arithmetic expression outside src/model, as `file: expression` (outermost only). */
function arithmetic() {
  const found = [];
  for (const file of files(SRC).sort()) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const name = path.relative(ROOT, file).split(path.sep).join('/');
    const visit = (node) => {
      const binary = ts.isBinaryExpression(node) && OPERATORS.has(node.operatorToken.kind);
      const unary =
        (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) &&
        [ts.SyntaxKind.PlusPlusToken, ts.SyntaxKind.MinusMinusToken, ts.SyntaxKind.MinusToken].includes(node.operator) &&
        !ts.isNumericLiteral(node.operand);
      if ((binary && !isText(node.left) && !isText(node.right)) || unary) {
        found.push(`${name}: ${node.getText().replace(/\s+/g, ' ')}`);
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

const reviewed = () =>
  fs.existsSync(REVIEWED)
    ? fs
        .readFileSync(REVIEWED, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    : [];

/** What the code has that the reviewed list does not (as many times as it occurs beyond the list). */
function unreviewed() {
  const left = new Map();
  for (const line of reviewed()) left.set(line, (left.get(line) ?? 0) + 1);
  return arithmetic().filter((line) => {
    const n = left.get(line) ?? 0;
    if (n > 0) left.set(line, n - 1);
    return n === 0;
  });
}

module.exports = { arithmetic, unreviewed };

if (require.main === module) {
  if (process.argv.includes('--write')) {
    const header =
      '# Arithmetic outside src/model, reviewed: none of it is on amounts (rows, columns, sizes, dates, percent parsing).\n' +
      '# Made by `node scripts/arithmetic-outside-core.js --write`; check a new line before adding it.\n';
    fs.writeFileSync(REVIEWED, header + arithmetic().join('\n') + '\n');
  } else if (process.argv.includes('--check')) {
    const left = unreviewed();
    for (const line of left) console.log(line);
    process.exitCode = left.length > 0 ? 1 : 0;
  } else for (const line of arithmetic()) console.log(line);
}
