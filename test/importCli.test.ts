import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { main } from '../src/cli/main';
import { computeSchemeTable } from '../src/domain/schemeTable';
import { planFromJson } from '../src/domain/planJson';
const { corpus, toXlsx } = require('./support/schemeTableCorpus');

const FIXTURE = path.join(__dirname, 'fixtures', 'barnet-tables-as-printed.xlsx');

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bcf-import-'));
});

describe('bcf import', () => {
  test('Table 3 as printed, by sheet and range: the 2014/15 schemes, pool and savings come back as published', async () => {
    const out = path.join(dir, 'table3.json');
    const r = await cli([
      'import',
      FIXTURE,
      '--sheet',
      'Tables 3 and 4',
      '--range',
      'A3:H16',
      '--year',
      '2014/15',
      '-o',
      out,
    ]);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toMatch(/Read 8 schemes from 'Tables 3 and 4'!A3:H16/);
    expect(r.out).toMatch(/D +Cost \(£\) +-> Cost for the year/);
    const { plan } = planFromJson(JSON.parse(await fs.readFile(out, 'utf8')));
    const table = computeSchemeTable(plan, '2014/15');
    expect([
      table.poolTotal.toNumber(),
      table.costOutsidePool.toNumber(),
      table.countTotals.NEL.toNumber(),
      table.savingTotals.NEL.toNumber(),
    ]).toEqual([6634000, 35000, 635, 1272540]);
    expect(plan.schemes.map((s) => s.group)).toContain('Assessment & Care Planning');
  });

  test('the plan it writes builds, and the built workbook audits clean', async () => {
    const spec = corpus().find((s: any) => s.name === 'council-15');
    const file = path.join(dir, 'template.xlsx');
    await fs.writeFile(file, await toXlsx(spec));
    const plan = path.join(dir, 'template.json');
    const r = await cli(['import', file, '--year', '2024/25', '-o', plan]);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toMatch(/Commissioner +-> Commissioner/);
    expect((await cli(['build', plan, '-o', path.join(dir, 'template-built.xlsx')])).code).toBe(0);
    const audit = await cli(['audit', path.join(dir, 'template-built.xlsx')]);
    expect([audit.code, audit.out]).toEqual([0, expect.stringMatching(/clean/)]);
  });

  test('importing over a plan someone edited keeps their file as plan.bak.json; importing the same again writes no copy', async () => {
    const out = path.join(dir, 'edited-plan.json');
    const args = ['import', FIXTURE, '--sheet', 'Tables 3 and 4', '--range', 'A3:H16', '--year', '2014/15', '-o', out];
    expect((await cli(args)).code).toBe(0);
    const mine = (await fs.readFile(out, 'utf8')).replace(/"board": .*\n/, '"board": "Barnet, edited by hand",\n');
    await fs.writeFile(out, mine);
    const again = await cli(args);
    expect(again.code).toBe(0);
    expect(again.err).toMatch(/edited-plan\.json held something else; it is kept as .*edited-plan\.bak\.json/);
    expect(await fs.readFile(path.join(dir, 'edited-plan.bak.json'), 'utf8')).toBe(mine);
    const third = await cli(args);
    expect([third.code, third.err]).toEqual([0, '']);
    expect((await fs.readdir(dir)).filter((f) => f.startsWith('edited-plan.bak'))).toEqual(['edited-plan.bak.json']);
  });

  test('a workbook with no scheme table, a missing sheet and a bad range are refused with a clear message', async () => {
    expect(
      await cli(['import', FIXTURE, '--sheet', 'Table 17', '--range', 'A1:A2', '-o', path.join(dir, 'x.json')]),
    ).toMatchObject({ code: 1, err: expect.stringMatching(/no scheme table found/) });
    expect(await cli(['import', FIXTURE, '--sheet', 'Nope', '-o', path.join(dir, 'x.json')])).toMatchObject({
      code: 1,
      err: expect.stringMatching(/has no sheet "Nope"/),
    });
    expect(await cli(['import', FIXTURE, '--range', 'A1-H3', '-o', path.join(dir, 'x.json')])).toMatchObject({
      code: 64,
    });
    expect(await cli(['import', FIXTURE])).toMatchObject({ code: 64, err: expect.stringMatching(/-o/) });
  });
});

describe('bcf import of a cost typed with a dot between its thousands', () => {
  // "267.357" for £267,357 read as £267.357: the plan written was one bcf build then refused.
  test('is refused at its cell with the fix, and no plan is written', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Table');
    sheet.addRow(['Scheme ref', 'Scheme', 'Cost (£)', 'Reduced NEL admissions', '% of BCF pool']);
    sheet.addRow(['2a', 'Care navigation', '267.357', 15, '20.2%']);
    sheet.addRow(['2b', 'Integrated care', 1057451.5, 155, '79.8%']);
    const file = path.join(dir, 'dotted.xlsx');
    await book.xlsx.writeFile(file);
    const out = path.join(dir, 'dotted.json');
    const r = await cli(['import', file, '--year', '2014/15', '-o', out]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `Error at Table!C2: Cost (£) is £267.357, more than 2 decimal places, which pounds and pence can't have; if the "." separates thousands (267.357 for 267,357), type the figure without it.`,
    );
    await expect(fs.stat(out)).rejects.toThrow();
  });
});

describe('bcf import of a scheme whose cost is not yet known', () => {
  // "TBC" used to become £0 with a warning and exit 0: a plan with a hole in it that looked complete.
  async function tableWith(cost: unknown, count: unknown = 155) {
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Schemes');
    sheet.addRow(['Scheme ref', 'Scheme', 'Cost (£)', 'Reduced NEL admissions']);
    sheet.addRow(['2a', 'Care navigation', 267357, 15]);
    sheet.addRow(['2b', 'Integrated care', cost, count]);
    sheet.addRow(['3a', 'Intermediate care', 636171, 413]);
    const file = path.join(dir, `unknown-${Math.random().toString(36).slice(2)}.xlsx`);
    await book.xlsx.writeFile(file);
    return file;
  }

  test.each(['TBC', 'tbc', 'to be confirmed', '?', 'N/A'])(
    'a cost of "%s" is refused at its cell, exit 1, and no plan is written',
    async (cost) => {
      const out = path.join(dir, 'unknown-cost.json');
      const r = await cli(['import', await tableWith(cost), '--year', '2014/15', '-o', out]);
      expect(r.code).toBe(1);
      expect(r.err).toBe(
        `Error at Schemes!C3: Cost (£) says "${cost}", which is not a figure: type the cost, or leave the scheme out.`,
      );
      await expect(fs.stat(out)).rejects.toThrow();
    },
  );

  test('a benefit count of "TBC" is refused too; "n/a" for a benefit and "nil" for a cost are none, and the plan is written', async () => {
    const refused = await cli([
      'import',
      await tableWith(1057451, 'TBC'),
      '--year',
      '2014/15',
      '-o',
      path.join(dir, 'x.json'),
    ]);
    expect([refused.code, refused.err]).toEqual([
      1,
      'Error at Schemes!D3: Reduced NEL admissions says "TBC", which is not a figure: type the count (0 if none), or leave the cell blank.',
    ]);
    const out = path.join(dir, 'nil.json');
    const r = await cli(['import', await tableWith('nil', 'n/a'), '--year', '2014/15', '-o', out]);
    expect([r.code, r.err]).toEqual([0, '']);
    const { plan } = planFromJson(JSON.parse(await fs.readFile(out, 'utf8')));
    const table = computeSchemeTable(plan, '2014/15');
    // Independent route: the two schemes with figures, added by hand.
    expect([table.poolTotal.toNumber(), table.countTotals.NEL.toNumber()]).toEqual([267357 + 636171, 15 + 413]);
  });
});
