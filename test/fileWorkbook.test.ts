import { planFromJson } from '../src/domain/planJson';
import { POOL_SHEETS } from '../src/workbook/families/pool/names';
import { REGISTRY_SHEET } from '../src/workbook/ownership';
import { readPlan } from '../src/workbook/families/planReader';
import { findSheet, plannedSnapshot, type WorkbookSnapshot } from '../src/workbook/snapshot';
import { workbookLayout } from '../src/workbook/workbookLayout';
import { fileWorkbook, readAsHost } from '../src/workbook/write/fileWorkbook';
import { barnetJsonCopy } from './support/barnet';
import { TEST_DAY } from './support/testDay';

/** A built file as a spreadsheet program leaves it after a person renames a sheet: tab and formulas. */
function renamed(snapshot: WorkbookSnapshot, from: string, to: string): WorkbookSnapshot {
  const quoted = `'${to}'!`;
  return {
    sheets: snapshot.sheets.map((s) => ({
      ...s,
      name: s.name === from ? to : s.name,
      formulas: s.formulas?.map((row) => row.map((f) => f && f.split(`${from}!`).join(quoted))),
    })),
  };
}

describe('a file finds its own sheets as Excel does', () => {
  const plan = planFromJson(barnetJsonCopy()).plan;
  const built = fileWorkbook(workbookLayout(plan, 'tables', { today: TEST_DAY }));
  const file: WorkbookSnapshot = { sheets: built.sheets.map(plannedSnapshot) };

  test('a built workbook carries the registry, very hidden, pointing at each sheet', () => {
    const registry = built.sheets.find((s) => s.name === REGISTRY_SHEET)!;
    expect(registry.visibility).toBe('veryHidden');
    const pointers = registry.rows.map((row) => row[2]?.formula).filter(Boolean);
    expect(pointers).toContain(`=${POOL_SHEETS.pool}!$A$1`);
    expect(pointers.length).toBe(built.sheets.length - 1);
  });

  test("renamed, and a person's own sheet now called Pool: the plan reads the add-in's, with its contributions", () => {
    const edited = renamed(file, POOL_SHEETS.pool, 'Pooled budget');
    const withTheirs = { sheets: [...edited.sheets, { name: POOL_SHEETS.pool, values: [['My own notes']] }] };
    const seen = readAsHost(withTheirs);
    expect(seen.sheets.filter((s) => s.name === POOL_SHEETS.pool)).toHaveLength(1);
    expect(findSheet(seen, POOL_SHEETS.pool)?.values).toEqual(findSheet(file, POOL_SHEETS.pool)?.values);
    expect(findSheet(seen, REGISTRY_SHEET)).toBeUndefined();
    const amounts = (p: typeof plan) => p.pool?.contributions.map((c) => c.amount.toString());
    expect(amounts(readPlan(seen).plan)).toEqual(amounts(readPlan(file).plan));
    // Read as it lies, the person's sheet would stand for the pool.
    expect(() => readPlan(withTheirs)).toThrow(/Pool sheet has no table/);
  });
});
