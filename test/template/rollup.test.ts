import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import Decimal from 'decimal.js';
import { main } from '../../src/cli/main';
import { planFromJson } from '../../src/domain/planJson';
import { rollUp } from '../../src/domain/rollup';

const board = (
  name: string,
  lines: { source: string; type: string; area: string; spend: number }[],
  income = 1000,
) => ({
  board: name,
  years: [{ label: '2023/24' }],
  unitCosts: [{ id: 'NEL', benefit: 'NEL', value: 2004 }],
  schemes: [],
  income: [{ source: 'Minimum NHS Contribution', amounts: { '2023/24': income } }],
  expenditure: lines.map((l, i) => ({
    id: String(i + 1),
    name: `Line ${i + 1}`,
    schemeType: l.type,
    areaOfSpend: l.area,
    commissioner: 'NHS',
    source: l.source,
    spend: { '2023/24': l.spend },
  })),
});

const A = board('Aford', [
  { source: 'Minimum CCG Contribution', type: 'Home Care', area: 'Social Care', spend: 300.1 },
  { source: 'nhsMinimum', type: 'Carers Services', area: 'community health', spend: 200 },
]);
const B = board(
  'Bford',
  [{ source: 'Minimum NHS Contribution', type: 'Home Care or Domiciliary Care', area: 'Social Care', spend: 1200.25 }],
  1000,
);

describe('roll-up of several boards', () => {
  const r = rollUp([A, B].map((json) => ({ name: json.board, plan: planFromJson(json).plan })));
  const amount = (rows: readonly { key: string; amounts: Record<string, Decimal> }[], key: string) =>
    rows.find((x) => x.key === key)?.amounts['2023/24'].toFixed(2);

  it('adds each year by source, scheme type and area, whatever the wording', () => {
    expect(amount(r.spendBySource, 'Minimum NHS Contribution')).toBe('1700.35');
    expect(amount(r.spendBySchemeType, 'Home Care or Domiciliary Care')).toBe('1500.35');
    expect(amount(r.spendByArea, 'Community Health')).toBe('200.00');
    expect(r.totalSpend['2023/24'].toFixed(2)).toBe('1700.35');
    expect(r.totalIncome['2023/24'].toFixed(2)).toBe('2000.00');
  });
  it("lists each board's failing rules", () => {
    expect(r.boards.map((b) => b.failing.map((f) => f.rule))).toEqual([[], ['source-overspent']]);
  });
});

describe('bcf rollup', () => {
  async function cli(args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }
  it('prints JSON totals, exits 1 when a board fails a rule and leaves out a file it cannot read', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bcf-rollup-'));
    const files = [path.join(dir, 'a.json'), path.join(dir, 'b.json'), path.join(dir, 'missing.json')];
    await fs.writeFile(files[0], JSON.stringify(A));
    await fs.writeFile(files[1], JSON.stringify(B));
    const r = await cli(['rollup', ...files, '--json']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/left out .*missing\.json/);
    const json = JSON.parse(r.out);
    expect(json.totalSpend).toEqual({ '2023/24': '1700.35' });
    expect(json.boards.map((b: { name: string }) => b.name)).toEqual(['Aford', 'Bford']);
    const clean = await cli(['rollup', files[0]]);
    expect(clean.code).toBe(0);
    expect(clean.out).toMatch(/Aford .*every rule met/);
    expect(await cli(['rollup', files[2]])).toMatchObject({ code: 2 });
  });

  // The same file twice, or a copy of a board's plan, once added Aford's money twice without a word.
  it('adds a board once: the same file again, a link to it, or a copy for the same year are left out, named', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bcf-rollup-'));
    const [a, copy, link, b] = ['a.json', 'a-copy.json', 'a-link.json', 'b.json'].map((f) => path.join(dir, f));
    await fs.writeFile(a, JSON.stringify(A));
    await fs.writeFile(copy, JSON.stringify({ ...A, board: ' aford ' }));
    await fs.symlink(a, link);
    await fs.writeFile(b, JSON.stringify(B));
    const r = await cli(['rollup', a, a, link, copy, b, '--json']);
    expect(r.code).toBe(1);
    expect(r.err.split('\n')).toEqual([
      `bcf rollup: left out ${a}: it is the same file as ${a}; each plan is added once.`,
      `bcf rollup: left out ${link}: it is the same file as ${a}; each plan is added once.`,
      `bcf rollup: left out ${copy}: it is a second plan for Aford in 2023/24, after ${a}; give each board's plan once.`,
    ]);
    const json = JSON.parse(r.out);
    expect(json.boards.map((x: { name: string }) => x.name)).toEqual(['Aford', 'Bford']);
    expect(json.totalSpend).toEqual({ '2023/24': '1700.35' });
    // The same board's plan for another year is another plan, and counts.
    const later = path.join(dir, 'a-later.json');
    await fs.writeFile(later, JSON.stringify({ ...A, years: [{ label: '2024/25' }], income: [], expenditure: [] }));
    expect((await cli(['rollup', a, later])).err).toBe('');
    await fs.rm(dir, { recursive: true, force: true });
  });
});

describe('bcf rollup of filled-in templates and an add-in workbook', () => {
  const { templateCorpus, toXlsx } = require('../support/templateCorpus') as typeof import('../support/templateCorpus');
  it('adds up every clean corpus template by source exactly as their manifests, years of all versions side by side', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bcf-rollup-t-'));
    const clean = templateCorpus().filter((s) => !s.faults.length);
    const files: string[] = [];
    for (const spec of clean) {
      const file = path.join(dir, `${spec.name}.xlsx`);
      await fs.writeFile(file, await toXlsx(spec));
      files.push(file);
    }
    const out: string[] = [];
    const code = await main(['rollup', ...files, '--json'], { out: (t) => out.push(t), err: () => undefined });
    expect(code).toBe(0);
    const json = JSON.parse(out.join('\n'));
    const expected = new Map<string, Decimal>();
    for (const spec of clean)
      for (const [year, amount] of Object.entries(spec.expected.spendByYear))
        expected.set(year, (expected.get(year) ?? new Decimal(0)).plus(amount));
    expect(json.totalSpend).toEqual(Object.fromEntries([...expected].sort().map(([y, d]) => [y, d.toFixed(2)])));
    expect(json.boards).toHaveLength(clean.length);
  });
});
