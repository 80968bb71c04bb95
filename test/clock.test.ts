import fs from 'fs';
import path from 'path';
import ts from 'typescript';
import { dayOf, isoOf } from '../src/domain/jointFunding';
import { planFromJson } from '../src/domain/planJson';
import { JOINT_SHEETS } from '../src/workbook/families/jointFunding/names';
import { workbookLayout } from '../src/workbook/workbookLayout';
import { importGraph, sourceFiles } from './support/importGraph';
import { TEST_DAY } from './support/testDay';

/**
 * A workbook is a function of its plan and a day: the layouts, readers and commands of src/workbook
 * and src/domain take the day as an argument, and only the edges (a CLI command, the pane's session,
 * the preview) read the clock, through the one module that does.
 */
const CLOCK = 'src/domain/clock.ts';
const ROOT = path.join(__dirname, '..');
const PURE = [...sourceFiles(ROOT, 'src/domain'), ...sourceFiles(ROOT, 'src/workbook')];

/** "file:line what" for each read of the clock in the source: `new Date()` with no date given, `Date.now()`, `performance.now()`. */
function clockReads(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const reads: string[] = [];
  const at = (node: ts.Node, what: string) =>
    reads.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${what}`);
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node) && node.expression.getText() === 'Date' && !node.arguments?.length)
      at(node, 'new Date()');
    if (ts.isCallExpression(node) && /^(Date|performance)\.now$/.test(node.expression.getText()))
      at(node, `${node.expression.getText()}()`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return reads;
}

describe('the clock is read at the edges only', () => {
  test('no module of src/domain or src/workbook but the clock module reads the clock', () => {
    const reads = PURE.filter((f) => f !== CLOCK).flatMap((f) =>
      clockReads(f, fs.readFileSync(path.join(ROOT, f), 'utf8')),
    );
    expect(reads).toEqual([]);
  });

  test('no module of src/domain or src/workbook asks the clock module for the day', () => {
    const graph = importGraph(ROOT, PURE);
    const callers = [...graph].filter(([, imports]) => imports.some((i) => i.target === CLOCK)).map(([file]) => file);
    expect(callers).toEqual([]);
  });

  test('the check finds each way of reading the clock, and not a date made from figures', () => {
    const text = [
      'const a = new Date();',
      'const b = Date.now();',
      'const c = performance.now();',
      'const d = new Date(Date.UTC(2025, 9, 1));',
      '// new Date() in a comment is not a read',
    ].join('\n');
    expect(clockReads('x.ts', text)).toEqual(['x.ts:1 new Date()', 'x.ts:2 Date.now()', 'x.ts:3 performance.now()']);
  });

  test('the day tests lay workbooks out for is 1 October 2025', () => {
    expect(TEST_DAY).toBe(dayOf(2025, 10, 1));
    expect(isoOf(TEST_DAY)).toBe('2025-10-01');
  });

  test('a register that names no date is laid out for the day the caller gives, whatever the clock says', () => {
    const json = require('../examples/joint-funding.json');
    const { asAt: _asAt, year: _year, ...undated } = json.jointFunding;
    const plan = planFromJson({ ...json, jointFunding: undated }).plan;
    const asAtCell = (today: number) =>
      workbookLayout(plan, 'tables', { today }).sheets.find((s) => s.name === JOINT_SHEETS.summary)?.rows[4]?.[1];
    expect(asAtCell(TEST_DAY)?.value).toBe(TEST_DAY);
    expect(asAtCell(dayOf(2024, 4, 18))?.value).toBe(dayOf(2024, 4, 18));
  });
});
