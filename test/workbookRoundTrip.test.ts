import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { planToXlsxBuffer } from '../src/adapters/file/xlsxWriter';
import { excelJsToSnapshot, xlsxToSnapshot } from '../src/adapters/file/xlsxReader';
import { MemoryWorkbook } from '../src/adapters/memory/memoryWorkbook';
import { planToJson } from '../src/domain/planJson';
import { describeProblem, PlanError } from '../src/domain/problems';
import { main } from '../src/cli/main';
import { readPlan } from '../src/workbook/families/planReader';
import { workbookLayout } from '../src/workbook/workbookLayout';
import { barnetPlan } from './support/barnet';
import { TEST_DAY } from './support/testDay';

async function builtWorkbook(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    (await planToXlsxBuffer(workbookLayout(barnetPlan(), 'all', { today: TEST_DAY }))) as unknown as ArrayBuffer,
  );
  return wb;
}

function errorsReading(wb: ExcelJS.Workbook): string[] {
  try {
    readPlan(excelJsToSnapshot(wb));
  } catch (e) {
    if (e instanceof PlanError) return e.problems.filter((p) => p.severity === 'error').map(describeProblem);
    throw e;
  }
  return [];
}

/** Where a scheme's field sits on the Schemes sheet of a built workbook. */
function schemeCell(wb: ExcelJS.Workbook, ref: string, header: string): ExcelJS.Cell {
  const ws = wb.getWorksheet('Schemes')!;
  const headerRow = ws.getRow(4);
  let column = 0;
  headerRow.eachCell((c, n) => {
    if (c.value === header) column = n;
  });
  for (let r = 5; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === ref) return ws.getCell(r, column);
  throw new Error(`no scheme ${ref}`);
}

describe('a built workbook read back is the plan', () => {
  test('reading the built Barnet workbook gives the same plan', async () => {
    const plan = barnetPlan();
    const snapshot = await xlsxToSnapshot(await planToXlsxBuffer(workbookLayout(plan, 'all', { today: TEST_DAY })));
    const read = readPlan(snapshot);
    expect(read.problems).toEqual([]);
    expect(planToJson(read.plan)).toEqual(planToJson({ ...plan, notes: [] }));
  });

  test('a year a scheme has no entry for reads back as no entry, not as a £0 cost to write next time', async () => {
    const plan = barnetPlan();
    const [first, ...rest] = plan.schemes;
    const [kept] = Object.keys(first.years);
    const sparse = { ...plan, schemes: [{ ...first, years: { [kept]: first.years[kept] } }, ...rest] };
    const layout = workbookLayout(sparse, 'all', { today: TEST_DAY });
    const read = readPlan(await xlsxToSnapshot(await planToXlsxBuffer(layout)));
    expect(Object.keys(read.plan.schemes[0].years)).toEqual([kept]);
    const schemes = (l: typeof layout) => l.sheets.find((s) => s.name === 'Schemes')!.rows;
    expect(schemes(workbookLayout(read.plan, 'all', { today: TEST_DAY }))).toEqual(schemes(layout));
  });

  test("a commissioner's edit to the Schemes table flows back into the plan and the tables", async () => {
    const wb = await builtWorkbook();
    schemeCell(wb, '2b', '2014/15 cost (£)').value = 1_100_000;
    schemeCell(wb, '3a', '2014/15 NEL').value = 420;
    const { plan } = readPlan(excelJsToSnapshot(wb));
    const memory = new MemoryWorkbook();
    memory.applySync(workbookLayout(plan, 'all', { today: TEST_DAY }));
    const totals = memory.snapshot(['BCF 2014-15']).sheets[0].values.find((r) => r[0] === 'Total')!;
    expect(totals[3]).toBe(6634000 - 1057451 + 1100000);
    expect(totals[5]).toBe(635 + 7);
  });

  test('a scheme named like a formula stays a name', async () => {
    const plan = barnetPlan();
    const tricky = {
      ...plan,
      schemes: plan.schemes.map((s, i) => (i === 0 ? { ...s, name: '=HYPERLINK("http://x","y")' } : s)),
    };
    const snapshot = await xlsxToSnapshot(await planToXlsxBuffer(workbookLayout(tricky, 'all', { today: TEST_DAY })));
    const schemes = snapshot.sheets.find((s) => s.name === 'Schemes')!;
    expect(schemes.values[4][3]).toBe('=HYPERLINK("http://x","y")');
    expect(schemes.formulas?.[4]?.[3] ?? null).toBeNull();
    expect(readPlan(snapshot).plan.schemes[0].name).toBe('=HYPERLINK("http://x","y")');
  });
});

describe('bad input in a workbook names the sheet and cell', () => {
  test('text in a money cell', async () => {
    const wb = await builtWorkbook();
    const cell = schemeCell(wb, '2c', '2014/15 cost (£)');
    cell.value = 'tbc';
    expect(errorsReading(wb)).toEqual([
      `Error at Schemes!${cell.address}: The 2014/15 cost of scheme 2c must be a number, but the cell holds the text "tbc". Type the figure alone, e.g. 1057451.`,
    ]);
  });

  test('a negative count', async () => {
    const wb = await builtWorkbook();
    const cell = schemeCell(wb, '2a', '2015/16 NEL');
    cell.value = -110;
    expect(errorsReading(wb)).toEqual([
      expect.stringMatching(new RegExp(`^Error at Schemes!${cell.address}: .*can't be negative`)),
    ]);
  });

  test('a duplicate scheme reference', async () => {
    const wb = await builtWorkbook();
    const cell = schemeCell(wb, '2c', 'Ref');
    cell.value = '2b';
    // Retyped everywhere, as a person would: 2c's investment lines now name 2b too.
    wb.getWorksheet('Investments')!.eachRow((row) => {
      if (row.getCell(1).value === '2c') row.getCell(1).value = '2b';
    });
    expect(errorsReading(wb)).toEqual([
      expect.stringMatching(new RegExp(`^Error at Schemes!${cell.address}: scheme reference 2b is used twice`)),
    ]);
  });

  test('a missing column', async () => {
    const wb = await builtWorkbook();
    wb.getWorksheet('Assumptions')!.eachRow((row) => {
      row.eachCell((c) => {
        if (c.value === 'Unit cost (£)') c.value = 'Cost';
      });
    });
    expect(errorsReading(wb)).toEqual([
      expect.stringMatching(/^Error at Assumptions!D\d+: the column "Unit cost \(£\)" is missing/),
    ]);
  });

  test('an unknown unit-cost name', async () => {
    const wb = await builtWorkbook();
    const cell = schemeCell(wb, '1a', '2014/15 DTOC');
    wb.getWorksheet('Schemes')!.getCell(4, Number(cell.col)).value = '2014/15 Falls';
    expect(errorsReading(wb)).toEqual([
      expect.stringMatching(
        /^Error at Schemes!\w+4: the column "2014\/15 Falls" counts "Falls", but there is no unit cost/,
      ),
    ]);
  });

  test('a missing sheet', async () => {
    const wb = await builtWorkbook();
    wb.getWorksheet('Schemes')!.name = 'My schemes';
    expect(errorsReading(wb)).toEqual([expect.stringContaining('the workbook has no "Schemes" sheet')]);
  });
});

describe('bcf on the command line', () => {
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) } };
  };
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bcf-'));
  });

  test('build writes a workbook that show reads back with the published totals', async () => {
    const target = path.join(dir, 'barnet.xlsx');
    const b = io();
    expect(await main(['build', 'examples/barnet-2014-16.json', '-o', target], b.io)).toBe(0);
    const s = io();
    expect(await main(['show', target], s.io)).toBe(0);
    expect(s.out.join('\n')).toMatch(/Total\s+BCF pool\s+£6,634,000\s+100\.00%\s+635\s+£1,272,540/);
    expect(s.out.join('\n')).toMatch(/£23,412,000.*£2,353,506/);
  });

  test('a failed build leaves no partial file and says what is wrong', async () => {
    const bad = path.join(dir, 'bad.json');
    const plan = JSON.parse(await fs.readFile('examples/barnet-2014-16.json', 'utf8'));
    plan.schemes[1].years['2014/15'].cost = 'lots';
    await fs.writeFile(bad, JSON.stringify(plan));
    const target = path.join(dir, 'never.xlsx');
    const r = io();
    expect(await main(['build', bad, '-o', target], r.io)).toBe(1);
    expect(r.err).toEqual([expect.stringContaining('schemes[1].years["2014/15"].cost')]);
    await expect(fs.access(target)).rejects.toThrow();
    expect((await fs.readdir(dir)).filter((f) => f.includes('never'))).toEqual([]);
  });

  test("build never overwrites a person's own workbook or another file; a workbook bcf built is rebuilt", async () => {
    const theirs = path.join(dir, 'their-budget.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Pool').getCell('A1').value = 'Our own pool budget';
    await wb.xlsx.writeFile(theirs);
    // Named .xlsx, so it reaches the overwrite check rather than the extension check.
    const notes = path.join(dir, 'notes.xlsx');
    await fs.writeFile(notes, 'meeting notes');
    for (const file of [theirs, notes]) {
      const before = await fs.readFile(file);
      const r = io();
      expect(await main(['build', 'examples/barnet-2014-16.json', '-o', file], r.io)).toBe(64);
      expect(r.err.join('\n')).toMatch(/already exists and is not a workbook bcf built.*--replace/);
      expect((await fs.readFile(file)).equals(before)).toBe(true);
    }
    const ours = path.join(dir, 'ours.xlsx');
    expect(await main(['build', 'examples/barnet-2014-16.json', '-o', ours], io().io)).toBe(0);
    const again = io();
    expect(await main(['build', 'examples/barnet-2014-16.json', '-o', ours, '--tables'], again.io)).toBe(0);
    expect(again.err).toEqual([]);
    expect((await fs.readdir(dir)).filter((f) => f.startsWith('ours.bak'))).toEqual([]);
    expect(await main(['build', 'examples/barnet-2014-16.json', '-o', theirs, '--replace'], io().io)).toBe(0);
    const s = io();
    expect(await main(['show', theirs], s.io)).toBe(0);
    expect(s.out.join('\n')).toMatch(/£6,634,000/);
  });

  test('rebuilding a workbook people have typed in keeps a copy of it first, and says what it held', async () => {
    const target = path.join(dir, 'edited.xlsx');
    expect(await main(['build', 'examples/barnet-2014-16.json', '-o', target], io().io)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(target);
    const ws = wb.getWorksheet('Schemes')!;
    let column = 0;
    ws.getRow(4).eachCell((c, n) => {
      if (c.value === '2014/15 cost (£)') column = n;
    });
    for (let r = 5; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === '2b') ws.getCell(r, column).value = 1_100_000;
    await wb.xlsx.writeFile(target);
    const edited = await fs.readFile(target);
    for (const copy of ['edited.bak.xlsx', 'edited.bak-2.xlsx']) {
      const r = io();
      expect(await main(['build', 'examples/barnet-2014-16.json', '-o', target], r.io)).toBe(0);
      expect(r.err.join('\n')).toMatch(
        /held entries that .* does not \(.* → the workbook\): Scheme 2b .*: 2014\/15 cost £1,057,451 → £1,100,000/,
      );
      expect(r.err.join('\n')).toContain(copy);
      expect((await fs.readFile(path.join(dir, copy))).equals(edited)).toBe(true);
      await fs.writeFile(target, edited);
    }
  });

  test('a file that is not a workbook gives one line and exit code 2', async () => {
    const junk = path.join(dir, 'junk.xlsx');
    await fs.writeFile(junk, 'not a workbook');
    const r = io();
    expect(await main(['show', junk], r.io)).toBe(2);
    expect(r.err).toEqual([expect.stringMatching(/^bcf: .*junk\.xlsx: not an \.xlsx workbook/)]);
  });
});
