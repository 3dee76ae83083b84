#!/usr/bin/env node
/**
 * Lists every arithmetic expression (+ − × ÷ and their assignments, on
 * non-text operands) in src/ outside the calculation core (src/model), so a
 * review can check that none of them is arithmetic on amounts (issue 8: the
 * core returns the final figures; layouts only place them).
 * `node scripts/arithmetic-outside-core.js [--all]`: without --all, lines that
 * only move through rows, columns, lengths and indices are left out.
 */
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const root = path.join(__dirname, '..', 'src');
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
const POSITIONAL = /row|column|index|length|origin|count|offset|width|bytes|\.size|\bk\b|\bi\b|\bj\b|\bc\b|\br\b|\bt\b|year/i;
const all = process.argv.includes('--all');

const files = (dir) =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return p === path.join(root, 'model') ? [] : files(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });

let found = 0;
for (const file of files(root)) {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (node) => {
    if (ts.isBinaryExpression(node) && OPERATORS.has(node.operatorToken.kind)) {
      const text = node.getText().replace(/\s+/g, ' ');
      const isText = /^['"`]/.test(node.left.getText()) || /['"`]$/.test(node.right.getText());
      if (!isText && (all || !POSITIONAL.test(text))) {
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        console.log(`${path.relative(path.join(root, '..'), file)}:${line}: ${text.slice(0, 100)}`);
        found++;
      }
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}
console.error(`${found} expressions`);
