import { placePlan, readRegistry, renameInFormula, sheetOfLocator } from '../src/workbook/ownership';
import type { WorkbookPlan } from '../src/workbook/sheetPlan';

describe('the ownership registry', () => {
  test('a sheet is found by the formula that points at it, quoted or not', () => {
    expect(sheetOfLocator('=Schemes!$A$1')).toBe('Schemes');
    expect(sheetOfLocator("='BCF 2014-15'!$A$1")).toBe('BCF 2014-15');
    expect(sheetOfLocator("='Bob''s pool'!$A$1")).toBe("Bob's pool");
    expect(sheetOfLocator('=#REF!$A$1')).toBeUndefined();
  });

  test('renaming a sheet or a name in a formula leaves text, functions and cell references alone', () => {
    const renames = { sheets: new Map([['pool', 'BCF Pool']]), names: new Map([['unitcost_nel', 'BCF_UnitCost_NEL']]) };
    expect(renameInFormula('=Pool!B5*UnitCost_NEL+SUM(Pool!C1:C9)', renames)).toBe(
      "='BCF Pool'!B5*BCF_UnitCost_NEL+SUM('BCF Pool'!C1:C9)",
    );
    expect(renameInFormula('=IF(A1="Pool!B5 UnitCost_NEL","x",\'Pool\'!A1)', renames)).toBe(
      '=IF(A1="Pool!B5 UnitCost_NEL","x",\'BCF Pool\'!A1)',
    );
    expect(renameInFormula('=MyPool!A1+Pool2!A1', renames)).toBe('=MyPool!A1+Pool2!A1');
  });

  test("a person's sheet keeps its name; the add-in's gets another, and an owned sheet is found under its new name", () => {
    const plan: WorkbookPlan = {
      sheets: [
        { name: 'Pool', rows: [[{ formula: '=Schemes!A1', result: 1 }]] },
        { name: 'Schemes', rows: [[{ value: 1 }]] },
      ],
      names: [],
    };
    const inventory = { sheets: ['pool', 'Our schemes', 'BCF Registry'], tables: [], names: [] };
    const registrySheet = {
      name: 'BCF Registry',
      values: [['title'], ['sheet', 'Schemes', null, 'abc']],
      formulas: [[null], [null, null, "='Our schemes'!$A$1", null]],
    };
    const registry = readRegistry(inventory, registrySheet, undefined);
    const placed = placePlan(plan, inventory, registry);
    expect(placed.sheets.get('pool')).toBe('BCF Pool');
    expect(placed.sheets.get('schemes')).toBe('Our schemes');
    expect(placed.plan.sheets[0].rows[0][0]?.formula).toBe("='Our schemes'!A1");
    expect(placed.notices).toEqual([
      'Your sheet "pool" was left as it is; the add-in\'s Pool sheet is called "BCF Pool".',
    ]);
  });
});
