import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { main } from '../../src/cli/main';
import { planFromJson } from '../../src/domain/planJson';
const { makeTemplate, toXlsx } = require('../support/templateCorpus') as typeof import('../support/templateCorpus');

/** bcf import and bcf audit on a planning template written to an .xlsx file. */
async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bcf-template-'));
});

async function write(name: string, spec: ReturnType<typeof makeTemplate>) {
  const file = path.join(dir, name);
  await fs.writeFile(file, await toXlsx(spec));
  return file;
}

describe('bcf import of a planning template', () => {
  test('writes the lines, income and minimums, and says what it read and left out', async () => {
    const spec = makeTemplate({ version: '2023-25', seed: 7, look: { totalRow: true, subtotals: true } });
    const file = await write('t2325.xlsx', spec);
    const out = path.join(dir, 't2325.json');
    const r = await cli(['import', file, '-o', out]);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toMatch(
      new RegExp(`expenditure lines under the header at '${spec.sheets.expenditure}'!\\w+${spec.headerRow}`),
    );
    expect(r.out).toMatch(new RegExp(`Lines read: ${spec.expected.lines.length}\\.`));
    expect(r.out).toMatch(/Left out \(they total the lines\): .*row \d+ ".*" \(Total\)/);
    for (const y of spec.years)
      expect(r.out).toContain(
        `${y}: expenditure £${Number(spec.expected.spendByYear[y]).toLocaleString('en-GB', { minimumFractionDigits: 2 })}`,
      );
    const { plan } = planFromJson(JSON.parse(await fs.readFile(out, 'utf8')));
    expect(plan.expenditure!.length).toBe(spec.expected.lines.length);
    expect(plan.unitCosts.map((u) => [u.id, u.value.toString()])).toEqual([['NEL', '2004']]);
    expect(plan.unitCosts[0].source).toMatch(/product's default/);
    expect(plan.board).toBe(spec.board);
  });

  test('a template whose line table has no lines: exit 1, nothing written', async () => {
    const spec = makeTemplate({ version: '2021-22', seed: 3 });
    // Every cell under the header cleared: the table is there, its lines are not.
    const grid = spec.grids.find((g) => g.name === spec.sheets.expenditure)!;
    for (const key of [...grid.cells.keys()]) if (Number(key.split(',')[0]) >= spec.headerRow) grid.cells.delete(key);
    const file = await write('empty.xlsx', spec);
    const out = path.join(dir, 'empty.json');
    const r = await cli(['import', file, '-o', out]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/has no lines to import/);
    await expect(fs.access(out)).rejects.toThrow();
  });
});

describe('bcf audit of a planning template', () => {
  test('a discharge-type finding prints as a warning; findings exit 1 as before', async () => {
    const spec = makeTemplate({ version: '2023-25', seed: 11, faults: ['discharge-type'] });
    const r = await cli(['audit', await write('warn.xlsx', spec)]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/\(1 warning\)/);
    expect(r.out).toMatch(/Warning: Discharge funding on discharge-related scheme types/);
  });

  test('a clean template is clean', async () => {
    const r = await cli(['audit', await write('clean.xlsx', makeTemplate({ version: '2025-26', seed: 5 }))]);
    expect([r.code, r.out]).toEqual([0, expect.stringMatching(/clean, nothing to report \(the planning template's/)]);
  });
});
