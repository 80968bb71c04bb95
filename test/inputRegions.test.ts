import { MemoryWorkbook } from '../src/adapters/memory/memoryWorkbook';
import { auditWorkbook } from '../src/workbook/audit/auditWorkbook';
import { generateTables } from '../src/workbook/commands';
import { BLOCKS } from '../src/workbook/families/shared/blocks';
import { SHEET } from '../src/workbook/families/assumptions/names';
import { POOL_SHEETS } from '../src/workbook/families/pool/names';
import { readPlan } from '../src/workbook/families/planReader';
import type { Scalar } from '../src/workbook/sheetPlan';
import { workbookLayout } from '../src/workbook/workbookLayout';
import { barnetJsonCopy, barnetPlan } from './support/barnet';
import { planFromJson } from '../src/domain/planJson';
import { TEST_DAY } from './support/testDay';

/** The workbook a pane has just generated for a plan, in HyperFormula. */
function generated(plan = barnetPlan()): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  wb.applySync(workbookLayout(plan, 'tables', { today: TEST_DAY }));
  return wb;
}

function values(wb: MemoryWorkbook, sheet: string): readonly (readonly Scalar[])[] {
  return wb.snapshot([sheet]).sheets[0].values;
}

/** Zero-based row of a block's header, found by its first header in column A. */
function headerRow(wb: MemoryWorkbook, sheet: string, first: string): number {
  return values(wb, sheet).findIndex((r) => r[0] === first);
}

/** The first row under a block's header whose first cell is blank: where a person types the next row. */
function firstBlankUnder(wb: MemoryWorkbook, sheet: string, first: string): number {
  const rows = values(wb, sheet);
  let r = headerRow(wb, sheet, first) + 1;
  while (rows[r]?.[0] !== null && rows[r]?.[0] !== undefined && rows[r]?.[0] !== '') r++;
  return r;
}

function typeRow(wb: MemoryWorkbook, sheet: string, row: number, cells: readonly Scalar[]): void {
  cells.forEach((v, c) => wb.setCell(sheet, row, c, v));
}

/** Findings other than the plan's own failed checks: what the audit would blame on a person or the layout. */
function formulaFindings(wb: MemoryWorkbook) {
  return auditWorkbook(wb.snapshot()).findings.filter((f) => f.rule !== 'check-failed');
}

async function refresh(wb: MemoryWorkbook, base: ReturnType<typeof barnetPlan>) {
  const outcome = await generateTables(wb, base, TEST_DAY, undefined, { base });
  if (outcome.status !== 'done') throw new Error(`refresh did not write: ${JSON.stringify(outcome)}`);
  return outcome.plan;
}

describe('rows typed under a block are part of it', () => {
  test('a contribution typed in the blank row under an empty contributions header is read, refreshed and audits clean', async () => {
    const json = barnetJsonCopy();
    json.pool.contributions = [];
    const plan = planFromJson(json).plan;
    const wb = generated(plan);
    const first = BLOCKS.contributions.headers[0];
    typeRow(wb, POOL_SHEETS.pool, headerRow(wb, POOL_SHEETS.pool, first) + 1, [
      '2014/15',
      'LBB',
      'Council capital',
      250000,
    ]);

    const read = readPlan(wb.snapshot()).plan;
    expect(read.pool!.contributions.map((c) => [c.year, c.partner, c.source, c.amount.toString()])).toEqual([
      ['2014/15', 'LBB', 'Council capital', '250000'],
    ]);
    expect(read.pool!.sharing.kind).toBe('contributions');

    const after = await refresh(wb, plan);
    expect(after.pool!.contributions).toHaveLength(1);
    const pool = values(wb, POOL_SHEETS.pool);
    expect(pool.filter((r) => r[0] === BLOCKS.sharingRule.headers[0])).toHaveLength(1); // one sharing-rule block
    expect(readPlan(wb.snapshot()).plan.pool!.contributions).toHaveLength(1);
    expect(formulaFindings(wb)).toEqual([]);
    // The summary's live SUMIF counts it.
    const summary = headerRow(wb, POOL_SHEETS.pool, BLOCKS.summary.headers[0]);
    expect(pool[summary + 1]).toEqual(expect.arrayContaining(['2014/15', 250000]));
  });

  test('a Barnet contribution split in two, the second part typed under the block: kept, summed live, refreshed, no findings', async () => {
    const plan = barnetPlan();
    const wb = generated(plan);
    const clean = auditWorkbook(wb.snapshot()).findings;
    const pool = () => values(wb, POOL_SHEETS.pool);
    const head = headerRow(wb, POOL_SHEETS.pool, BLOCKS.contributions.headers[0]);
    const firstLine = pool()[head + 1];
    const amount = firstLine[3] as number;
    wb.setCell(POOL_SHEETS.pool, head + 1, 3, amount - 1000);
    typeRow(wb, POOL_SHEETS.pool, firstBlankUnder(wb, POOL_SHEETS.pool, BLOCKS.contributions.headers[0]), [
      firstLine[0],
      firstLine[1],
      'Typed under the block',
      1000,
    ]);

    const summaryRow = headerRow(wb, POOL_SHEETS.pool, BLOCKS.summary.headers[0]) + 1;
    const contributedBefore = plan
      .pool!.contributions.filter((c) => c.year === pool()[summaryRow][0])
      .reduce((a, c) => a + c.amount.toNumber(), 0);
    expect(pool()[summaryRow][1]).toBe(contributedBefore); // the live sum covers the typed row

    // Before the refresh nothing is blamed on a person: the sheets laid out for the old inputs are "out of date".
    const before = formulaFindings(wb);
    expect(before.map((f) => [f.sheet, f.rule])).toEqual([
      [POOL_SHEETS.pool, 'out-of-date'],
      [POOL_SHEETS.checks, 'out-of-date'],
    ]);

    const read = readPlan(wb.snapshot()).plan;
    expect(read.pool!.contributions).toHaveLength(plan.pool!.contributions.length + 1);
    expect(read.pool!.contributions.at(-1)!.source).toBe('Typed under the block');

    await refresh(wb, plan);
    expect(readPlan(wb.snapshot()).plan.pool!.contributions).toHaveLength(plan.pool!.contributions.length + 1);
    expect(auditWorkbook(wb.snapshot()).findings).toEqual(clean);
  });

  test('a scheme typed under the Schemes table is read into the plan, refreshed into every table, and audits clean', async () => {
    const plan = barnetPlan();
    const wb = generated(plan);
    const clean = auditWorkbook(wb.snapshot()).findings;
    const row = firstBlankUnder(wb, SHEET.schemes, BLOCKS.schemes.headers[0]);
    const header = values(wb, SHEET.schemes)[headerRow(wb, SHEET.schemes, BLOCKS.schemes.headers[0])];
    const cells: Scalar[] = header.map((h) =>
      typeof h === 'string' && / cost \(£\)$/.test(h) ? 50000 : typeof h === 'string' && / NEL$/.test(h) ? 10 : null,
    );
    cells.splice(
      0,
      6,
      '9z',
      plan.schemes[0].group,
      plan.schemes[0].tiers,
      'Typed under the table',
      'A scheme a commissioner added',
      'No',
    );
    typeRow(wb, SHEET.schemes, row, cells);

    const before = formulaFindings(wb);
    expect(before.length).toBeGreaterThan(0);
    expect(before.filter((f) => f.rule !== 'out-of-date')).toEqual([]);
    expect(before.map((f) => f.sheet)).toEqual(expect.arrayContaining(['BCF 2014-15', 'BCF 2015-16']));

    const read = readPlan(wb.snapshot()).plan;
    expect(read.schemes.map((s) => s.ref)).toEqual([...plan.schemes.map((s) => s.ref), '9z']);

    const after = await refresh(wb, plan);
    expect(after.schemes.at(-1)!.name).toBe('Typed under the table');
    const year = values(wb, 'BCF 2014-15');
    expect(year.some((r) => r[1] === '9z' && r[3] === 50000)).toBe(true);
    expect(auditWorkbook(wb.snapshot()).findings).toEqual(clean);
  });
});

describe('a total a person types inside a block', () => {
  test.each([
    ['under the pool contributions, as a SUM of the column', 'formula'],
    ['under the pool contributions, labelled "Total" with the figure typed', 'label'],
  ])('%s: named, not counted as an entry, and nothing is written over it', async (_, how) => {
    const plan = barnetPlan();
    const wb = generated(plan);
    const first = BLOCKS.contributions.headers[0];
    const head = headerRow(wb, POOL_SHEETS.pool, first);
    const row = firstBlankUnder(wb, POOL_SHEETS.pool, first);
    const total = plan.pool!.contributions.reduce((a, c) => a + c.amount.toNumber(), 0);
    if (how === 'formula') {
      wb.setCell(POOL_SHEETS.pool, row, 2, 'All partners');
      wb.setFormula(POOL_SHEETS.pool, row, 3, `=SUM(D${head + 2}:D${row})`);
    } else typeRow(wb, POOL_SHEETS.pool, row, ['Total', null, null, total]);
    expect(values(wb, POOL_SHEETS.pool)[row][3]).toBe(total);

    const read = readPlan(wb.snapshot());
    expect(read.plan.pool!.contributions).toHaveLength(plan.pool!.contributions.length);
    expect(read.problems.map((p) => [p.where, p.blocksRewrite, p.message])).toEqual([
      [{ sheet: POOL_SHEETS.pool, cell: `A${row + 1}` }, true, expect.stringMatching(/totals the rows above it/)],
    ]);
    const before = JSON.stringify(wb.snapshot());
    const outcome = await generateTables(wb, plan, TEST_DAY, undefined, { base: plan });
    expect(outcome.status).toBe('invalid');
    expect(JSON.stringify(wb.snapshot())).toBe(before);
  });

  test('a sub-total row under the Schemes table is named as one, not as a scheme with a bad "In BCF pool"', async () => {
    const plan = barnetPlan();
    const wb = generated(plan);
    const first = BLOCKS.schemes.headers[0];
    const head = headerRow(wb, SHEET.schemes, first);
    const row = firstBlankUnder(wb, SHEET.schemes, first);
    const cost = values(wb, SHEET.schemes)[head].indexOf('2014/15 cost (£)');
    typeRow(wb, SHEET.schemes, row, ['Sub-total']);
    wb.setFormula(
      SHEET.schemes,
      row,
      cost,
      `=SUM(${String.fromCharCode(65 + cost)}${head + 2}:${String.fromCharCode(65 + cost)}${row})`,
    );
    const outcome = await generateTables(wb, plan, TEST_DAY, undefined, { base: plan });
    expect(outcome.status === 'invalid' && outcome.problems.map((p) => [p.where, p.message])).toEqual([
      [{ sheet: SHEET.schemes, cell: `A${row + 1}` }, expect.stringMatching(/totals the rows above it/)],
    ]);
  });

  test('a contribution typed as a formula of other cells is an entry, not a total', () => {
    const plan = barnetPlan();
    const wb = generated(plan);
    const first = BLOCKS.contributions.headers[0];
    const row = firstBlankUnder(wb, POOL_SHEETS.pool, first);
    typeRow(wb, POOL_SHEETS.pool, row, ['2015/16', 'LBB', 'Two grants', null]);
    wb.setFormula(POOL_SHEETS.pool, row, 3, '=SUM(1000,2500)');
    const read = readPlan(wb.snapshot());
    expect(read.problems).toEqual([]);
    expect(read.plan.pool!.contributions.at(-1)!.amount.toNumber()).toBe(3500);
  });
});

test('a scheme reference typed too long for its card sheet name is refused, naming the cell', () => {
  const wb = generated();
  const row = firstBlankUnder(wb, SHEET.schemes, BLOCKS.schemes.headers[0]);
  typeRow(wb, SHEET.schemes, row, [`1${'a'.repeat(30)}`, 'Prevention', '1', 'A scheme', '', 'No']);
  let problems: { where: unknown; message: string }[] = [];
  try {
    readPlan(wb.snapshot());
  } catch (e) {
    problems = (e as { problems: typeof problems }).problems;
  }
  expect(problems).toEqual([
    expect.objectContaining({
      where: { sheet: SHEET.schemes, cell: `A${row + 1}` },
      message: expect.stringMatching(/is 31 characters long; at most 26 fit, since its Benefit Card sheet/),
    }),
  ]);
});
