import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { main } from '../src/cli/main';
import type { Finding } from '../src/domain/audit/finding';

/**
 * One odd input in a workbook `bcf build` made is one finding at that cell: the tables calculated
 * from it are the add-in's own, never read again as tables someone typed (which reported the
 * Total row as a scheme, doubling the pool, on every year sheet).
 */
const BARNET = path.join(__dirname, '..', 'examples', 'barnet-2014-16.json');

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let dir: string;
let built: string;
let untouched: Finding[];

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bcf-bad-input-'));
  built = path.join(dir, 'barnet.xlsx');
  expect((await cli(['build', BARNET, '-o', built])).code).toBe(0);
  untouched = await audit(built);
});

async function audit(file: string): Promise<Finding[]> {
  const result = await cli(['audit', file, '--json']);
  expect(result.err).toBe('');
  return JSON.parse(result.out);
}

/** The built workbook with one cell typed over, audited by `bcf audit`; the findings it did not have before. */
async function auditWith(sheet: string, find: (ws: ExcelJS.Worksheet) => string, typed: ExcelJS.CellValue) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(built);
  const ws = workbook.getWorksheet(sheet)!;
  const cell = find(ws);
  ws.getCell(cell).value = typed;
  const file = path.join(dir, `${sheet}-${cell}-${String(typed)}.xlsx`);
  await workbook.xlsx.writeFile(file);
  const before = new Set(untouched.map((f) => `${f.sheet}!${f.cell}|${f.message}`));
  return { cell, added: (await audit(file)).filter((f) => !before.has(`${f.sheet}!${f.cell}|${f.message}`)) };
}

/** The cell under a heading in the row whose first cell is `rowLabel` (or the first row under the heading). */
function cellUnder(ws: ExcelJS.Worksheet, heading: string | RegExp, rowLabel?: string): string {
  let found = '';
  ws.eachRow((row, r) => {
    row.eachCell((c, k) => {
      const text = String(c.value ?? '');
      if (found || !(typeof heading === 'string' ? text === heading : heading.test(text))) return;
      for (let below = r + 1; below <= ws.rowCount; below++) {
        const label = String(ws.getCell(below, 1).value ?? '');
        if (rowLabel === undefined || label === rowLabel) {
          found = ws.getCell(below, k).address;
          return;
        }
      }
    });
  });
  if (!found) throw new Error(`no cell under ${String(heading)}`);
  return found;
}

describe('one bad input in a built Barnet workbook is one finding at that cell', () => {
  test('a scheme cost typed as text', async () => {
    const { cell, added } = await auditWith('Schemes', (ws) => cellUnder(ws, '2014/15 cost (£)', '2b'), 'about 1m');
    expect(added.map((f) => [f.sheet, f.cell, f.rule])).toEqual([['Schemes', cell, 'unreadable-input']]);
    expect(added[0].message).toMatch(/must be a number/);
  });

  test('a negative scheme cost', async () => {
    const { cell, added } = await auditWith('Schemes', (ws) => cellUnder(ws, '2015/16 cost (£)', '3a'), -5000);
    expect(added.map((f) => [f.sheet, f.cell, f.rule])).toEqual([['Schemes', cell, 'unreadable-input']]);
    expect(added[0].message).toMatch(/negative/);
  });

  test('a fixed share typed with three decimals', async () => {
    const { cell, added } = await auditWith('Pool', (ws) => cellUnder(ws, 'Fixed share (%)', 'LBB'), 33.333);
    expect(added.every((f) => f.sheet === 'Pool' && f.cell === cell)).toBe(true);
  });

  test('a quarter’s phasing share typed with three decimals', async () => {
    const { cell, added } = await auditWith('Pool', (ws) => cellUnder(ws, 'Q1 share', '2015/16'), 0.253);
    expect(added.every((f) => f.sheet === 'Pool' && f.cell === cell)).toBe(true);
  });

  test('the untouched workbook has no finding on the year tables', () => {
    expect(untouched.filter((f) => /^BCF /.test(f.sheet))).toEqual([]);
  });
});
