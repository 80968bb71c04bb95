#!/usr/bin/env node
'use strict';
/**
 * Lists the functions in src/ longer than the house rule allows (80 lines), longest first:
 *   node scripts/long-functions.js            prints them; exits 0
 *   npm run check:functions                   the same with --strict: exit 1 when there is any (CI)
 * A function's length runs from its first line to its last, nested functions included (a long
 * function does not get shorter by hiding its steps in closures). In a .tsx file the JSX a
 * component returns doesn't count: markup is long by nature, and the rule is about logic.
 */
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const LIMIT = 80;
const ROOT = path.join(__dirname, '..');

function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

const isFunction = (node) =>
  ts.isFunctionDeclaration(node) ||
  ts.isFunctionExpression(node) ||
  ts.isArrowFunction(node) ||
  ts.isMethodDeclaration(node) ||
  ts.isConstructorDeclaration(node) ||
  ts.isGetAccessorDeclaration(node) ||
  ts.isSetAccessorDeclaration(node);

const isJsx = (node) => ts.isJsxElement(node) || ts.isJsxFragment(node) || ts.isJsxSelfClosingElement(node);

/** What a reader would call the function: its name, its variable's or property's, or the call it is passed to. */
function nameOf(node) {
  if (node.name && ts.isIdentifier(node.name)) {
    const owner = node.parent && ts.isClassLike(node.parent) && node.parent.name ? `${node.parent.name.text}.` : '';
    return owner + node.name.text;
  }
  if (ts.isConstructorDeclaration(node)) return `${node.parent.name ? node.parent.name.text : 'class'} constructor`;
  const parent = node.parent;
  if (
    parent &&
    (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) &&
    ts.isIdentifier(parent.name)
  ) {
    return parent.name.text;
  }
  if (parent && ts.isCallExpression(parent)) return `(callback of ${parent.expression.getText().slice(0, 40)})`;
  return '(anonymous)';
}

/** Lines of `node` taken up by JSX (outermost elements only; their children are inside them). */
function jsxLines(node, file) {
  let lines = 0;
  const visit = (n) => {
    if (isJsx(n)) {
      lines +=
        file.getLineAndCharacterOfPosition(n.getEnd()).line -
        file.getLineAndCharacterOfPosition(n.getStart(file)).line +
        1;
      return;
    }
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(node, visit);
  return lines;
}

function longFunctions(files) {
  const found = [];
  for (const full of files) {
    const text = fs.readFileSync(full, 'utf8');
    const file = ts.createSourceFile(
      full,
      text,
      ts.ScriptTarget.Latest,
      true,
      full.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
    );
    const visit = (node) => {
      if (isFunction(node) && node.body) {
        const first = file.getLineAndCharacterOfPosition(node.getStart(file)).line;
        const last = file.getLineAndCharacterOfPosition(node.getEnd()).line;
        const lines = last - first + 1 - (full.endsWith('.tsx') ? jsxLines(node.body, file) : 0);
        if (lines > LIMIT)
          found.push({ where: `${path.relative(ROOT, full)}:${first + 1}`, name: nameOf(node), lines });
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return found.sort((a, b) => b.lines - a.lines);
}

if (require.main === module) {
  const found = longFunctions(sourceFiles(path.join(ROOT, 'src')));
  if (found.length === 0) {
    console.log(`No function in src/ is over ${LIMIT} lines (JSX a component returns not counted).`);
  } else {
    console.log(`${found.length} function(s) in src/ over ${LIMIT} lines (JSX a component returns not counted):`);
    const width = Math.max(...found.map((f) => f.where.length));
    for (const f of found) console.log(`  ${f.where.padEnd(width)}  ${String(f.lines).padStart(4)}  ${f.name}`);
  }
  if (found.length > 0 && process.argv.includes('--strict')) process.exit(1);
}

module.exports = { longFunctions, sourceFiles, LIMIT };
