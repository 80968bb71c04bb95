import { readFileSync } from 'fs';
import { join } from 'path';
import type { Plan } from '../../src/domain/plan';
import { planFromJson } from '../../src/domain/planJson';
import { expenditureToJson, incomeToJson, minimumsToJson } from '../../src/domain/expenditureJson';
import { templateRuleCell } from '../../src/workbook/families/template/templateCells';
import { templateGeometry } from '../../src/workbook/families/template/geometry';
import { readPlan } from '../../src/workbook/families/planReader';
import { plannedSnapshot, type SheetSnapshot, type WorkbookSnapshot } from '../../src/workbook/snapshot';
import type { Scalar } from '../../src/workbook/sheetPlan';
import { workbookLayout } from '../../src/workbook/workbookLayout';
import { TEST_DAY } from '../support/testDay';

const example = (): Plan =>
  planFromJson(JSON.parse(readFileSync(join(__dirname, '../../examples/expenditure-2023-25.json'), 'utf8'))).plan;

function snapshotOf(plan: Plan): WorkbookSnapshot {
  return { sheets: workbookLayout(plan, 'tables', { today: TEST_DAY }).sheets.map(plannedSnapshot) };
}

/** The snapshot with one sheet's cell set, as a person typing there leaves it. */
function typed(snap: WorkbookSnapshot, sheet: string, row: number, column: number, value: Scalar): WorkbookSnapshot {
  return {
    sheets: snap.sheets.map((s): SheetSnapshot => {
      if (s.name !== sheet) return s;
      const values = s.values.map((r) => [...r]);
      while (values.length <= row) values.push([]);
      values[row][column] = value;
      return { ...s, values };
    }),
  };
}

const sections = (p: Plan) => ({
  income: incomeToJson(p.income ?? []),
  expenditure: expenditureToJson(p.expenditure ?? []),
  minimums: minimumsToJson(p.minimums ?? {}),
});

describe('the Income and Expenditure sheets, plan -> sheet -> plan', () => {
  test('the Northwick example comes back field by field', () => {
    const plan = example();
    const back = readPlan(snapshotOf(plan)).plan;
    expect(sections(back)).toEqual(sections(plan));
  });

  test.each([
    ['a % NHS changed on a joint line', 'nhsPercent'],
    ['a line typed in the room to grow', 'room'],
    ['a line deleted', 'deleted'],
  ])('%s is read back', (_, edit) => {
    const plan = example();
    const g = templateGeometry(plan);
    const c = g.lines.columns;
    let snap = snapshotOf(plan);
    const lines = plan.expenditure!;
    if (edit === 'nhsPercent') {
      const i = lines.findIndex((l) => l.commissioner === 'Joint');
      snap = typed(snap, 'Expenditure', g.lines.first + i, c.field('nhsPercent'), 33);
      expect(readPlan(snap).plan.expenditure![i].nhsPercent!.toNumber()).toBe(33);
    } else if (edit === 'room') {
      const r = g.lines.first + lines.length;
      snap = typed(snap, 'Expenditure', r, c.field('name'), 'Typed in the room');
      snap = typed(snap, 'Expenditure', r, c.field('commissioner'), 'LA');
      snap = typed(snap, 'Expenditure', r, c.field('source'), 'iBCF');
      snap = typed(snap, 'Expenditure', r, c.spend(0), 1234.5);
      const back = readPlan(snap).plan.expenditure!;
      expect(back).toHaveLength(lines.length + 1);
      expect(back[lines.length].spend['2023/24'].toString()).toBe('1234.5');
      expect(back[lines.length].source).toBe('ibcf');
    } else {
      const r = g.lines.first;
      for (let col = 0; col < c.headers.length; col++) snap = typed(snap, 'Expenditure', r, col, null);
      const back = readPlan(snap).plan.expenditure!;
      expect(back.map((l) => l.id)).toEqual(lines.slice(1).map((l) => l.id));
    }
  });

  test('text in a money cell and an unknown commissioner are problems at their cells', () => {
    const plan = example();
    const g = templateGeometry(plan);
    let snap = typed(snapshotOf(plan), 'Expenditure', g.lines.first, g.lines.columns.spend(0), 'lots');
    snap = typed(snap, 'Expenditure', g.lines.first + 1, g.lines.columns.field('commissioner'), 'Mayor');
    expect(() => readPlan(snap)).toThrow(/must be a number|not a commissioner/);
  });

  test('templateRuleCell points at the line, the balance and the income it concerns', () => {
    const plan = example();
    const g = templateGeometry(plan);
    expect(templateRuleCell(plan, { kind: 'line', index: 0, field: 'id' })).toEqual({
      sheet: 'Expenditure',
      cell: `A${g.lines.first + 1}`,
    });
    expect(templateRuleCell(plan, { kind: 'source', source: 'dfg', year: '2023/24' })?.sheet).toBe('Expenditure');
    expect(templateRuleCell(plan, { kind: 'contribution', year: '2024/25' })?.sheet).toBe('Income');
  });
});
