import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { loadPlan } from '../src/adapters/file/planFiles';
import { zipEntries } from '../src/adapters/file/zipEntries';
import { ZipWriter } from '../src/adapters/file/zipWriter';
import { main } from '../src/cli/main';
import type { Plan } from '../src/domain/plan';
import { planToJson } from '../src/domain/planJson';
import { barnetJsonCopy } from './support/barnet';
import { figureDifference } from './support/figures';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/**
 * Renames a sheet as Excel or LibreOffice does on saving: its tab, and every formula and defined
 * name that refers to it (the registry's pointer to the sheet among them).
 */
function renameSheetInXlsx(data: Buffer, from: string, to: string): Buffer {
  const zip = zipEntries(data);
  const changes = new Map<string, string>();
  const quoted = `'${to.replace(/'/g, "''")}'!`;
  const reference = new RegExp(`(?<![A-Za-z0-9_.' ])(?:'${from}'|${from})!`, 'g');
  const names = zipEntries(data)
    .stored()
    .map((e) => e.name)
    .filter((n) => /^xl\/(worksheets\/sheet\d+|workbook)\.xml$/.test(n));
  for (const name of names) {
    let xml = zip.read(name)!.toString('utf8');
    xml = xml.replace(/<f>([^<]*)<\/f>/g, (_, f: string) => `<f>${f.replace(reference, quoted)}</f>`);
    xml = xml.replace(
      /<f ([^>]*)>([^<]*)<\/f>/g,
      (_, a: string, f: string) => `<f ${a}>${f.replace(reference, quoted)}</f>`,
    );
    if (name === 'xl/workbook.xml') {
      xml = xml.replace(`name="${from}"`, `name="${to}"`);
      xml = xml.replace(
        /(<definedName [^>]*>)([^<]*)</g,
        (_, open: string, f: string) => `${open}${f.replace(reference, quoted)}<`,
      );
    }
    changes.set(name, xml);
  }
  const copy = new ZipWriter();
  for (const { name: part } of zip.stored()) copy.add(part, changes.get(part) ?? zip.read(part)!);
  return copy.finish();
}

/** Barnet's plan with what people type into a workbook: card actuals (in the example), contributions and quarterly spend. */
function barnetWithSpend(): unknown {
  const json = barnetJsonCopy();
  json.pool.spend = [
    { scheme: '2a', year: '2014/15', quarter: 1, amount: 125000 },
    { scheme: '2b', year: '2014/15', quarter: 2, amount: 98765.43 },
    { scheme: '3a', year: '2015/16', quarter: 4, amount: 40000 },
  ];
  return json;
}

/** Money compared to the penny (test/support/figures.js): null when they agree. */
const moneyDifference = (got: { amount: { toNumber(): number } }, want: { amount: { toNumber(): number } }) =>
  figureDifference(want.amount.toNumber(), got.amount.toNumber(), undefined);

function expectSamePool(got: Plan, want: Plan) {
  expect(got.pool?.contributions).toHaveLength(want.pool!.contributions.length);
  expect(got.pool!.contributions.map((c, i) => moneyDifference(c, want.pool!.contributions[i]))).toEqual(
    want.pool!.contributions.map(() => null),
  );
  expect(got.pool?.spend).toHaveLength(want.pool!.spend.length);
  expect(got.pool!.spend.map((s, i) => moneyDifference(s, want.pool!.spend[i]))).toEqual(
    want.pool!.spend.map(() => null),
  );
}

describe('the file route keeps what people typed', () => {
  let dir: string;
  let built: string;
  let want: Plan;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bcf-file-route-'));
    const json = path.join(dir, 'barnet.json');
    await fs.writeFile(json, JSON.stringify(barnetWithSpend()));
    built = path.join(dir, 'built.xlsx');
    expect((await cli(['build', json, '-o', built])).code).toBe(0);
    want = (await loadPlan(built)).plan;
    expect(want.pool?.spend).toHaveLength(3);
    expect(want.cards?.records.some((r) => r.actuals?.length)).toBe(true);
  }, 60_000);
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  test('with its Pool sheet renamed "Pooled budget", a rebuild keeps every contribution, spend and actual', async () => {
    const renamed = path.join(dir, 'renamed.xlsx');
    await fs.writeFile(renamed, renameSheetInXlsx(await fs.readFile(built), 'Pool', 'Pooled budget'));
    const asRead = (await loadPlan(renamed)).plan;
    expectSamePool(asRead, want);

    const rebuilt = path.join(dir, 'rebuilt.xlsx');
    const run = await cli(['build', renamed, '-o', rebuilt]);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const after = (await loadPlan(rebuilt)).plan;
    expectSamePool(after, want);
    const cards = (p: Plan) => JSON.stringify((planToJson(p) as { cards?: unknown }).cards);
    expect(cards(after)).toBe(cards(want));
    expect(after.risks).toHaveLength(want.risks!.length);
  }, 60_000);

  test('--tables on a workbook with card actuals refuses, names the cards, and writes nothing', async () => {
    const out = path.join(dir, 'tables.xlsx');
    const run = await cli(['build', built, '-o', out, '--tables']);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(
      /would lose what is entered on 5 Benefit Cards \(1a, 2a, 2b, 2c, 3a: \d+ quarters of actuals/,
    );
    expect(run.err).toMatch(/build without --tables to keep them/);
    await expect(fs.access(out)).rejects.toThrow();
  }, 60_000);

  test('a plan file with cards still builds its tables alone: the plan file keeps the cards', async () => {
    const json = path.join(dir, 'barnet.json');
    const run = await cli(['build', json, '-o', path.join(dir, 'from-json-tables.xlsx'), '--tables']);
    expect(run.code).toBe(0);
  }, 60_000);
});
