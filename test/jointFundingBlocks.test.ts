import fs from 'fs';
import path from 'path';
import { MemoryWorkbook } from '../src/adapters/memory/memoryWorkbook';
import { packageFromCells, type PackageCells } from '../src/domain/jointFundingInput';
import type { JointPackage } from '../src/domain/jointFunding';
import { Money } from '../src/domain/money';
import { planFromJson } from '../src/domain/planJson';
import type { Plan } from '../src/domain/plan';
import { cellAddress } from '../src/workbook/a1';
import { auditWorkbook } from '../src/workbook/audit/auditWorkbook';
import { generateTables } from '../src/workbook/commands';
import { BLOCKS } from '../src/workbook/families/shared/blocks';
import { JOINT_SHEETS, REGISTER_COLUMNS, REGISTER_INPUTS } from '../src/workbook/families/jointFunding/names';
import { readJointFunding } from '../src/workbook/families/jointFunding/reader';
import { readPlan } from '../src/workbook/families/planReader';
import type { Scalar } from '../src/workbook/sheetPlan';
import { workbookLayout } from '../src/workbook/workbookLayout';
import { sameFigure } from './support/figures';
import { TEST_DAY } from './support/testDay';

const examplePlan = (): Plan =>
  planFromJson(JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'examples', 'joint-funding.json'), 'utf8'))).plan;

function built(plan: Plan): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  wb.applySync(workbookLayout(plan, 'tables', { today: TEST_DAY }));
  return wb;
}

const values = (wb: MemoryWorkbook, sheet: string) => wb.snapshot([sheet]).sheets[0].values;
const headerRow = (wb: MemoryWorkbook, sheet: string, first: string) =>
  values(wb, sheet).findIndex((r) => r[0] === first);

/** The register rows under the header whose typed columns are all blank: its room to grow. */
function blankRegisterRows(wb: MemoryWorkbook): number[] {
  const rows = values(wb, JOINT_SHEETS.register);
  const header = headerRow(wb, JOINT_SHEETS.register, BLOCKS.jointRegister.headers[0]);
  const blank: number[] = [];
  for (let r = header + 1; r < rows.length; r++)
    if (rows[r].slice(0, REGISTER_INPUTS).every((v) => v === null || v === '')) blank.push(r);
  return blank;
}

/** The typed cells of a package as a finance officer would type them, by register column. */
function typedPackage(plan: Plan, ref: string): Scalar[] {
  const icb = plan.jointFunding!.packages[0].icb; // an ICB the summary already has a row for
  return ['NEW-' + ref, `P-${ref}`, 's117 aftercare', icb, 44700, null, 1234.57, 'Fixed share', 37.5, null];
}

function typeRow(wb: MemoryWorkbook, sheet: string, row: number, cells: readonly Scalar[]): void {
  cells.forEach((v, c) => wb.setCell(sheet, row, c, v));
}

/** The package decimal.js reads from the same cells. */
function asPackage(cells: readonly Scalar[]): JointPackage {
  const byField = Object.fromEntries(
    REGISTER_COLUMNS.slice(0, REGISTER_INPUTS).map(([key], c) => [key, cells[c]]),
  ) as PackageCells;
  const read = packageFromCells(byField, []);
  if (!read.pkg) throw new Error(JSON.stringify(read.issues));
  return read.pkg;
}

/**
 * Every formula cell of a joint-funding sheet in the workbook, against the decimal.js figure the
 * layout of `plan` caches at the same cell: the mismatches, "cell: workbook …, decimal.js …".
 */
function figuresAgainst(wb: MemoryWorkbook, plan: Plan, sheet: string): string[] {
  const laid = workbookLayout(plan, 'tables', { today: TEST_DAY }).sheets.find((s) => s.name === sheet)!;
  const formulas = wb.snapshot([sheet]).sheets[0].formulas ?? [];
  const bad: string[] = [];
  laid.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell?.formula) return;
      // The layout of the plan with the package added has one more blank row under it than the workbook.
      if (!formulas[r]?.[c] && row.every((x) => !x || x.formula || x.value === undefined || x.value === null)) return;
      const got = wb.value(sheet, r, c) ?? (cell.result === 0 ? 0 : null);
      const want = cell.result ?? null;
      const same = typeof want === 'number' ? sameFigure(want, got, cell.format) : (got ?? '') === (want ?? '');
      if (!same) bad.push(`${cellAddress(r, c)}: workbook ${JSON.stringify(got)}, decimal.js ${JSON.stringify(want)}`);
    }),
  );
  return bad;
}

function withPackages(plan: Plan, added: readonly JointPackage[]): Plan {
  const jf = plan.jointFunding!;
  return { ...plan, jointFunding: { ...jf, packages: [...jf.packages, ...added] } };
}

const figureRow = (wb: MemoryWorkbook, label: string) =>
  values(wb, JOINT_SHEETS.summary).find((r) => typeof r[0] === 'string' && r[0].startsWith(label))!;

describe('a package typed in the room under the register', () => {
  test('is counted at once by the sheets’ own formulas, to the decimal.js figures of the plan with it added', () => {
    const plan = examplePlan();
    const wb = built(plan);
    const weeklyBefore = figureRow(wb, 'Weekly cost on the as-at date')[1] as number;
    const cells = typedPackage(plan, '1');
    typeRow(wb, JOINT_SHEETS.register, blankRegisterRows(wb)[0], cells);

    const expected = withPackages(plan, [asPackage(cells)]);
    expect(figuresAgainst(wb, expected, JOINT_SHEETS.summary)).toEqual([]);
    expect(figuresAgainst(wb, expected, JOINT_SHEETS.register)).toEqual([]);
    expect(figureRow(wb, 'Weekly cost on the as-at date')[1]).toBeCloseTo(weeklyBefore + 1234.57, 2);
  });

  test('four packages typed one under another, past the three spare rows the register once kept, all count at once', () => {
    const plan = examplePlan();
    const wb = built(plan);
    const typed = ['1', '2', '3'].map((k) => typedPackage(plan, k));
    // The fourth: a panel's 33.333% with no decision date, as exports give it.
    typed.push([
      'NEW-4',
      'P-4',
      'Care Act',
      plan.jointFunding!.packages[0].icb,
      44700,
      null,
      523.17,
      'Panel',
      33.333,
      null,
    ]);
    typed.forEach((cells, k) => typeRow(wb, JOINT_SHEETS.register, blankRegisterRows(wb)[0] + k, cells));
    const expected = withPackages(plan, typed.map(asPackage));
    expect(figuresAgainst(wb, expected, JOINT_SHEETS.summary)).toEqual([]);
    expect(readJointFunding(wb.snapshot())!.jointFunding.packages).toHaveLength(expected.jointFunding!.packages.length);
  });

  test('is read as part of the register, audits clean, and a refresh keeps it', async () => {
    const plan = examplePlan();
    const wb = built(plan);
    expect(auditWorkbook(wb.snapshot()).findings).toEqual([]);
    const cells = typedPackage(plan, '1');
    typeRow(wb, JOINT_SHEETS.register, blankRegisterRows(wb)[0], cells);

    const read = readJointFunding(wb.snapshot())!;
    expect(read.problems).toEqual([]);
    expect(read.jointFunding.packages.map((p) => p.ref)).toEqual([
      ...plan.jointFunding!.packages.map((p) => p.ref),
      'NEW-1',
    ]);
    expect(auditWorkbook(wb.snapshot()).findings).toEqual([]);

    const outcome = await generateTables(wb, plan, TEST_DAY, undefined, { base: plan });
    expect(outcome.status).toBe('done');
    expect(readPlan(wb.snapshot()).plan.jointFunding!.packages.map((p) => p.ref)).toContain('NEW-1');
    expect(auditWorkbook(wb.snapshot()).findings).toEqual([]);
    // Laid out again, it still has room to grow under it.
    expect(blankRegisterRows(wb).length).toBeGreaterThan(0);
  });

  test('a blank row and a sub-total between typed rows: both packages read and counted, the sub-total not; nothing is written over the sub-total', async () => {
    const plan = examplePlan();
    const wb = built(plan);
    const clean = auditWorkbook(wb.snapshot()).findings;
    const room = blankRegisterRows(wb);
    const [, second, third] = room;
    const a = typedPackage(plan, 'A');
    const b = typedPackage(plan, 'B');
    typeRow(wb, JOINT_SHEETS.register, second, a); // the first spare row left blank
    const weekly = REGISTER_COLUMNS.findIndex(([k]) => k === 'weeklyCost');
    typeRow(wb, JOINT_SHEETS.register, third, ['Sub-total']);
    wb.setFormula(JOINT_SHEETS.register, third, weekly, `=SUM(G5:G${third})`);
    const under = room[room.length - 1] + 1; // directly under the room to grow
    typeRow(wb, JOINT_SHEETS.register, under, b);

    const read = readJointFunding(wb.snapshot())!;
    // The sub-total is named as the one thing to mend: laid out again, the register would drop it.
    expect(read.problems.map((p) => [p.where, p.message])).toEqual([
      [{ sheet: JOINT_SHEETS.register, cell: `A${third + 1}` }, expect.stringMatching(/totals the rows above/)],
    ]);
    expect(read.jointFunding.packages.slice(-2).map((p) => p.ref)).toEqual(['NEW-A', 'NEW-B']);
    // The row under the room to grow has no formulas until a refresh writes them: the totals have A, not yet B.
    expect(figuresAgainst(wb, withPackages(plan, [asPackage(a)]), JOINT_SHEETS.summary)).toEqual([]);
    const findings = auditWorkbook(wb.snapshot()).findings.filter((f) => !clean.some((c) => c.cell === f.cell));
    expect(findings.map((f) => [f.sheet, f.rule])).toEqual([
      [JOINT_SHEETS.register, 'plan-warning'],
      [JOINT_SHEETS.register, 'out-of-date'],
    ]);

    const before = JSON.stringify(wb.snapshot());
    expect((await generateTables(wb, plan, TEST_DAY, undefined, { base: plan })).status).toBe('invalid');
    expect(JSON.stringify(wb.snapshot())).toBe(before);

    // The person moves the sub-total out (deletes it here); the refresh then keeps both packages.
    typeRow(wb, JOINT_SHEETS.register, third, ['']);
    wb.setCell(JOINT_SHEETS.register, third, weekly, null);
    expect((await generateTables(wb, plan, TEST_DAY, undefined, { base: plan })).status).toBe('done');
    expect(
      readJointFunding(wb.snapshot())!
        .jointFunding.packages.slice(-2)
        .map((p) => p.ref),
    ).toEqual(['NEW-A', 'NEW-B']);
    expect(figuresAgainst(wb, withPackages(plan, [asPackage(a), asPackage(b)]), JOINT_SHEETS.summary)).toEqual([]);
  });

  test('a package of an ICB the summary has no row for: counted in the totals at once, its ICB row comes with a refresh', async () => {
    const plan = examplePlan();
    const wb = built(plan);
    const clean = auditWorkbook(wb.snapshot()).findings;
    const cells = typedPackage(plan, 'X');
    cells[3] = 'Westmarch ICB';
    typeRow(wb, JOINT_SHEETS.register, blankRegisterRows(wb)[0], cells);
    const expected = withPackages(plan, [asPackage(cells)]);

    const people = (p: Plan) =>
      workbookLayout(p, 'tables', { today: TEST_DAY })
        .sheets.find((s) => s.name === JOINT_SHEETS.summary)!
        .rows.find((r) => r[0]?.value === 'People covered on the as-at date')![1]!.result;
    expect(figureRow(wb, 'People covered on the as-at date')[1]).toBe(people(expected));
    const before = auditWorkbook(wb.snapshot()).findings.filter((f) => !clean.some((c) => c.cell === f.cell));
    expect(before.map((f) => [f.sheet, f.rule])).toEqual([[JOINT_SHEETS.summary, 'out-of-date']]);

    await generateTables(wb, plan, TEST_DAY, undefined, { base: plan });
    expect(figuresAgainst(wb, expected, JOINT_SHEETS.summary)).toEqual([]);
    expect(values(wb, JOINT_SHEETS.summary).some((r) => r[0] === 'Westmarch ICB')).toBe(true);
    expect(auditWorkbook(wb.snapshot()).findings).toEqual(clean);
  });

  test('a row inserted inside the register is read in its place; the audit asks for a refresh, which calculates and keeps it', async () => {
    const plan = examplePlan();
    const wb = built(plan);
    const clean = auditWorkbook(wb.snapshot()).findings;
    const first = headerRow(wb, JOINT_SHEETS.register, BLOCKS.jointRegister.headers[0]) + 1;
    wb.insertRows(JOINT_SHEETS.register, first + 2);
    const cells = typedPackage(plan, 'IN');
    typeRow(wb, JOINT_SHEETS.register, first + 2, cells);

    const packages = [...plan.jointFunding!.packages];
    packages.splice(2, 0, asPackage(cells));
    const expected: Plan = { ...plan, jointFunding: { ...plan.jointFunding!, packages } };
    const read = readJointFunding(wb.snapshot())!;
    expect(read.problems).toEqual([]);
    expect(read.jointFunding.packages.map((p) => p.ref)).toEqual(packages.map((p) => p.ref));
    // Until a refresh the inserted row has no calculations (Excel fills a table's calculated columns; the engine here does not).
    const before = auditWorkbook(wb.snapshot()).findings.filter((f) => !clean.some((c) => c.cell === f.cell));
    expect(before.map((f) => [f.sheet, f.rule, f.cell])).toEqual([
      [JOINT_SHEETS.register, 'out-of-date', `A${first + 3}`],
    ]);

    await generateTables(wb, plan, TEST_DAY, undefined, { base: plan });
    expect(readJointFunding(wb.snapshot())!.jointFunding.packages.map((p) => p.ref)).toEqual(
      packages.map((p) => p.ref),
    );
    expect(figuresAgainst(wb, expected, JOINT_SHEETS.summary)).toEqual([]);
    expect(figuresAgainst(wb, expected, JOINT_SHEETS.register)).toEqual([]);
    expect(auditWorkbook(wb.snapshot()).findings).toEqual(clean);
  });

  test('a task typed in the room under the tasks changes its package’s share at once, and audits clean', () => {
    const plan = examplePlan();
    const timed = plan.jointFunding!.packages.find((p) => p.split.method === 'timeToTask')!;
    const wb = built(plan);
    const tasks = values(wb, JOINT_SHEETS.tasks);
    let row = headerRow(wb, JOINT_SHEETS.tasks, BLOCKS.jointTasks.headers[0]) + 1;
    while (tasks[row]?.[0]) row++;
    typeRow(wb, JOINT_SHEETS.tasks, row, [timed.ref, 'Medication prompts', 60, 'Health']);

    const split = timed.split as Extract<JointPackage['split'], { method: 'timeToTask' }>;
    const more = {
      ...split,
      tasks: [...split.tasks, { task: 'Medication prompts', minutes: new Money(60), health: true }],
    };
    const packages = plan.jointFunding!.packages.map((p) => (p === timed ? { ...p, split: more } : p));
    const expected: Plan = { ...plan, jointFunding: { ...plan.jointFunding!, packages } };
    const read = readJointFunding(wb.snapshot())!;
    expect(read.problems).toEqual([]);
    const readSplit = read.jointFunding.packages.find((p) => p.ref === timed.ref)!.split;
    expect(readSplit.method === 'timeToTask' && readSplit.tasks.map((t) => t.task)).toContain('Medication prompts');
    expect(figuresAgainst(wb, expected, JOINT_SHEETS.register)).toEqual([]);
    expect(figuresAgainst(wb, expected, JOINT_SHEETS.summary)).toEqual([]);
    expect(auditWorkbook(wb.snapshot()).findings).toEqual([]);
  });

  test('a default rule typed in the room under the rules is used at once; the audit asks for a refresh, not a repair', async () => {
    const example = examplePlan();
    const jf = example.jointFunding!;
    // A package of an ICB with no default rule, split by its own fixed share.
    const own = asPackage(['OWN-1', 'P-OWN', 'Care Act', 'Northfield ICB', 44700, null, 800, 'Fixed share', 40, null]);
    const plan = withPackages(example, [own]);
    const wb = built(plan);
    const clean = auditWorkbook(wb.snapshot()).findings;
    const header = headerRow(wb, JOINT_SHEETS.summary, BLOCKS.jointRules.headers[0]);
    let row = header + 1;
    while (values(wb, JOINT_SHEETS.summary)[row][0]) row++;
    // The finance officer agrees a default of 25% with Northfield and clears the package's own split.
    typeRow(wb, JOINT_SHEETS.summary, row, ['Northfield ICB', 'Fixed share', 25]);
    const registerRow = values(wb, JOINT_SHEETS.register).findIndex((r) => r[0] === 'OWN-1');
    const method = REGISTER_COLUMNS.findIndex(([k]) => k === 'method');
    wb.setCell(JOINT_SHEETS.register, registerRow, method, null);
    wb.setCell(JOINT_SHEETS.register, registerRow, method + 1, null);

    const rule = { icb: 'Northfield ICB', method: 'fixed' as const, icbPercent: new Money(25) };
    const expected: Plan = {
      ...plan,
      jointFunding: {
        ...jf,
        rules: [...jf.rules, rule],
        packages: [...jf.packages, { ...own, split: { method: 'default' } }],
      },
    };
    const read = readJointFunding(wb.snapshot())!;
    expect(read.problems).toEqual([]);
    expect(read.jointFunding.rules.map((r) => [r.icb, r.method, r.icbPercent.toString()]).at(-1)).toEqual([
      'Northfield ICB',
      'fixed',
      '25',
    ]);
    // The register's live lookups cover the room under the rules: the package takes 25% now.
    const rows = (p: Plan) =>
      workbookLayout(p, 'tables', { today: TEST_DAY }).sheets.find((s) => s.name === JOINT_SHEETS.register)!;
    const share = REGISTER_COLUMNS.findIndex(([k]) => k === 'icbWeekly');
    expect(wb.value(JOINT_SHEETS.register, registerRow, share)).toBe(rows(expected).rows[registerRow][share]!.result);
    expect(wb.value(JOINT_SHEETS.register, registerRow, share)).not.toBe(rows(plan).rows[registerRow][share]!.result);
    // The rules' room moved the breakdowns down a row in the layout of the plan read back: out of date, nothing blamed.
    const before = auditWorkbook(wb.snapshot()).findings.filter((f) => !clean.some((c) => c.cell === f.cell));
    expect(before.length).toBeGreaterThan(0);
    expect(before.filter((f) => f.rule !== 'out-of-date')).toEqual([]);

    await generateTables(wb, plan, TEST_DAY, undefined, { base: plan });
    expect(readJointFunding(wb.snapshot())!.jointFunding.rules).toHaveLength(jf.rules.length + 1);
    expect(figuresAgainst(wb, expected, JOINT_SHEETS.summary)).toEqual([]);
    expect(auditWorkbook(wb.snapshot()).findings).toEqual(clean);
  });
});
