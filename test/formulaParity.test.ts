import { readFileSync } from 'fs';
import { join } from 'path';
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { MemoryWorkbook } from '../src/adapters/memory/memoryWorkbook';
import { planFromJson } from '../src/domain/planJson';
import type { Plan } from '../src/domain/plan';
import { workbookLayout } from '../src/workbook/workbookLayout';
import { yearSheetName } from '../src/workbook/families/assumptions/names';
import { barnetJsonCopy, barnetPlan } from './support/barnet';
import { engineMismatches } from './support/engineParity';
import { TEST_DAY } from './support/testDay';

function find(wb: MemoryWorkbook, sheet: string, label: string, column: number): unknown {
  const snapshot = wb.snapshot([sheet]).sheets[0];
  const r = snapshot.values.findIndex((row) => row.some((v) => v === label));
  return snapshot.values[r][column];
}

describe('the generated workbook, calculated by an independent engine (HyperFormula)', () => {
  test('every computed cell of the Barnet workbook equals the add-in figure to the penny', () => {
    expect(engineMismatches(workbookLayout(barnetPlan(), 'all', { today: TEST_DAY }))).toEqual([]);
  });

  test('every computed cell of the Income and Expenditure sheets (examples/expenditure-2023-25.json) equals the add-in figure', () => {
    const json = JSON.parse(readFileSync(join(__dirname, '../examples/expenditure-2023-25.json'), 'utf8'));
    const layout = workbookLayout(planFromJson(json).plan, 'all', { today: TEST_DAY });
    expect(layout.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['Income', 'Expenditure']));
    expect(engineMismatches(layout)).toEqual([]);
  });

  test('reproduces the published Barnet totals', () => {
    const wb = new MemoryWorkbook();
    wb.applySync(workbookLayout(barnetPlan(), 'all', { today: TEST_DAY }));
    const published = [
      { year: '2014/15', pool: 6634000, nel: 635, saving: 1272540, totalSaving: 1544011 },
      { year: '2015/16', pool: 23412000, nel: 1021, saving: 2046084, totalSaving: 2353506 },
    ];
    for (const p of published) {
      const sheet = yearSheetName(p.year);
      const values = wb.snapshot([sheet]).sheets[0].values;
      const totals = values.filter((row) => row[0] === 'Total');
      expect(totals).toHaveLength(2);
      const [nelTotal, annexTotal] = totals;
      expect(nelTotal[3]).toBe(p.pool);
      expect(nelTotal[5]).toBe(p.nel);
      expect(nelTotal[6]).toBe(p.saving);
      expect(annexTotal[2]).toBe(p.pool);
      expect(annexTotal[annexTotal.length - 1]).toBe(p.totalSaving);
    }
  });

  test('shows the right % of pool where the published plan misprints it (2c 2014/15 3.48%, 2b 2015/16 5.52%)', () => {
    const wb = new MemoryWorkbook();
    wb.applySync(workbookLayout(barnetPlan(), 'all', { today: TEST_DAY }));
    const share = (year: string, ref: string) => {
      const values = wb.snapshot([yearSheetName(year)]).sheets[0].values;
      const row = values.find((r) => r[1] === ref)!;
      return new Decimal(row[4] as number).times(100).toDecimalPlaces(2).toNumber();
    };
    expect(share('2014/15', '2c')).toBe(3.48);
    expect(share('2015/16', '2b')).toBe(5.52);
    expect(share('2014/15', '2a')).toBe(4.03);
  });

  test('changing a unit cost on the Assumptions sheet changes every dependent figure', () => {
    const plan = barnetPlan();
    const wb = new MemoryWorkbook();
    const layout = workbookLayout(plan, 'all', { today: TEST_DAY });
    wb.applySync(layout);
    const name = layout.names.find((n) => n.name === 'UnitCost_NEL')!;
    const row = Number(name.cell.replace(/\D/g, '')) - 1;
    wb.setCell('Assumptions', row, 3, 2500);
    const json = barnetJsonCopy();
    json.unitCosts[0].value = 2500;
    const expected = workbookLayout(planFromJson(json).plan, 'all', { today: TEST_DAY });
    for (const sheet of expected.sheets) {
      sheet.rows.forEach((cells, r) =>
        cells.forEach((cell, c) => {
          if (cell?.formula && typeof cell.result === 'number') {
            expect([sheet.name, r, c, wb.value(sheet.name, r, c) ?? 0]).toEqual([
              sheet.name,
              r,
              c,
              expect.closeTo(cell.result, 2),
            ]);
          }
        }),
      );
    }
    expect(find(wb, yearSheetName('2014/15'), 'Total', 6)).toBe(635 * 2500);
  });

  test('no formula carries a unit cost as a literal', () => {
    const plan = barnetPlan();
    const literals = plan.unitCosts.map((u) => u.value.toString());
    for (const sheet of workbookLayout(plan, 'all', { today: TEST_DAY }).sheets) {
      for (const row of sheet.rows) {
        for (const cell of row) {
          if (!cell?.formula) continue;
          for (const literal of literals)
            expect(cell.formula).not.toMatch(new RegExp(`(^|[^0-9$A-Z])${literal}([^0-9]|$)`));
        }
      }
    }
  });

  test('random plans: the engine and the add-in agree on every computed cell', () => {
    const scheme = fc.record({
      inPool: fc.boolean(),
      cost: fc.integer({ min: 0, max: 20_000_000 }),
      pence: fc.integer({ min: 0, max: 99 }),
      nel: fc.integer({ min: 0, max: 900 }),
      care: fc.integer({ min: 0, max: 40 }),
      dtoc: fc.integer({ min: 0, max: 400 }),
    });
    fc.assert(
      fc.property(
        fc.array(scheme, { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 1, max: 5000 }),
        (schemes, nelCost) => {
          const json = barnetJsonCopy();
          json.unitCosts[0].value = nelCost;
          json.years.forEach((y: { statedPool?: number }) => delete y.statedPool);
          json.schemes = schemes.map((s, i) => ({
            ref: `${1 + Math.floor(i / 4)}${'abcd'[i % 4]}`,
            group: `Group ${1 + Math.floor(i / 4)}`,
            tiers: '1',
            name: `Scheme ${i}`,
            inPool: s.inPool,
            years: {
              // Pounds and pence as a person writes them (a float sum such as 4.9399999999999995 is refused: more than 2 places).
              '2014/15': {
                cost: Number(`${s.cost}.${String(s.pence).padStart(2, '0')}`),
                benefits: { NEL: s.nel, CareHome: s.care },
              },
              '2015/16': { cost: s.cost, benefits: { NEL: s.nel + 1, DTOC: s.dtoc } },
            },
          }));
          const plan: Plan = planFromJson(json).plan;
          expect(engineMismatches(workbookLayout(plan, 'all', { today: TEST_DAY }))).toEqual([]);
        },
      ),
      { numRuns: 25 },
    );
  });
});
