import type { CellPlan, WorkbookPlan } from '../src/workbook/sheetPlan';
import { workbookLayout } from '../src/workbook/workbookLayout';
import { barnetPlan } from './support/barnet';
import { engineMismatches } from './support/engineParity';
import { figureDifference, sameFigure } from './support/figures';
import { TEST_DAY } from './support/testDay';

/** The layout with one formula cell's cached figure moved by `by`: what a layout computing it wrongly would write. */
function withCachedFigureMoved(layout: WorkbookPlan, pick: (cell: CellPlan) => boolean, by: number) {
  for (const sheet of layout.sheets) {
    for (const [r, row] of sheet.rows.entries()) {
      const c = row.findIndex((cell) => !!cell?.formula && typeof cell.result === 'number' && pick(cell));
      if (c < 0) continue;
      const cell = row[c]!;
      const moved = { ...cell, result: (cell.result as number) + by };
      const rows = sheet.rows.map((cells, i) => (i === r ? cells.map((x, j) => (j === c ? moved : x)) : cells));
      return {
        layout: { ...layout, sheets: layout.sheets.map((s) => (s === sheet ? { ...sheet, rows } : s)) },
        sheet: sheet.name,
        cell,
      };
    }
  }
  throw new Error('no such cell in the layout');
}

const isPercent = (cell: CellPlan) => !!cell.format?.includes('%') && cell.result !== 0;
const isPounds = (cell: CellPlan) => !!cell.format?.includes('£');

describe('computed figures are compared to the penny, and shares to 5e-7, in every test', () => {
  test('a % of pool cached 0.004 away from what the formula gives fails the engine check', () => {
    const { layout, sheet, cell } = withCachedFigureMoved(
      workbookLayout(barnetPlan(), 'all', { today: TEST_DAY }),
      isPercent,
      0.004,
    );
    const mismatches = engineMismatches(layout, [sheet]);
    expect(mismatches).toHaveLength(1);
    expect(mismatches[0]).toContain(cell.formula);
  });

  test('a share 0.4 percentage points out (3.88% for 3.48%) is a difference; float noise is not', () => {
    expect(sameFigure(0.0348, 0.0388, '0.00%')).toBe(false);
    expect(sameFigure(0.0348, 0.0348 + 1e-6, '0.00%')).toBe(false);
    expect(sameFigure(0.1 + 0.2, 0.3, '0.00%')).toBe(true);
  });

  test('money a penny out fails; under half a penny, as both print the same, passes', () => {
    const { layout, sheet } = withCachedFigureMoved(
      workbookLayout(barnetPlan(), 'all', { today: TEST_DAY }),
      isPounds,
      0.01,
    );
    expect(engineMismatches(layout, [sheet])).toHaveLength(1);
    expect(sameFigure(1272540, 1272540.01, '£#,##0')).toBe(false);
    expect(sameFigure(1272540, 1272540.004, '£#,##0')).toBe(true);
  });

  test('a formula with no cached figure, or text for a number, is a difference', () => {
    expect(figureDifference(undefined, 12, '£#,##0')).toMatch(/no cached result/);
    expect(figureDifference(12, '12', '£#,##0')).toBe('expected a number');
  });
});
