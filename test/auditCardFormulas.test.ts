import { excelJsToSnapshot } from '../src/adapters/file/xlsxReader';
import { planToExcelJs } from '../src/adapters/file/xlsxWriter';
import type { Plan } from '../src/domain/plan';
import { planFromJson } from '../src/domain/planJson';
import { cellAddress } from '../src/workbook/a1';
import { auditWorkbook } from '../src/workbook/audit/auditWorkbook';
import { SUMMARY_SHEET } from '../src/workbook/families/cards/cardSummary';
import type { SheetPlan } from '../src/workbook/sheetPlan';
import { workbookLayout, type LayoutOptions } from '../src/workbook/workbookLayout';
import { yearSheetName } from '../src/workbook/families/assumptions/names';
import { barnetPlan } from './support/barnet';
import { TEST_DAY } from './support/testDay';
const { randomPlanJson } = require('./support/randomPlanJson');

// The audit lays the Benefit Cards and the year sheets out for their formulas alone (no tracker
// figures, no scheme table): that is only sound while every formula, label and typed input is the
// same as on the sheets Generate writes.

const isCardSheet = (s: SheetPlan) => s.name.startsWith('Card ') || s.name === SUMMARY_SHEET;
const yearSheets = (plan: Plan) => new Set(plan.years.map((y) => yearSheetName(y.label)));

/** Each cell of the card sheets where the two layouts differ in anything but a cached result or a style. */
function cardDifferences(plan: Plan): { checked: number; differences: string[] } {
  return layoutDifferences(plan, { cardFormulasOnly: true }, isCardSheet);
}

/** Each cell of the year sheets where the two layouts differ in anything but a cached result or a style. */
function yearDifferences(plan: Plan): { checked: number; differences: string[] } {
  const years = yearSheets(plan);
  return layoutDifferences(plan, { tableFormulasOnly: true }, (s) => years.has(s.name));
}

function layoutDifferences(
  plan: Plan,
  lean: Partial<LayoutOptions>,
  onSheet: (s: SheetPlan) => boolean,
): { checked: number; differences: string[] } {
  const full = workbookLayout(plan, 'all', { today: TEST_DAY }).sheets.filter(onSheet);
  const other = workbookLayout(plan, 'all', { ...lean, today: TEST_DAY }).sheets.filter(onSheet);
  return sheetDifferences(full, other);
}

function sheetDifferences(full: SheetPlan[], lean: SheetPlan[]): { checked: number; differences: string[] } {
  const differences: string[] = [];
  if (lean.map((s) => s.name).join('|') !== full.map((s) => s.name).join('|')) differences.push('the sheets differ');
  let checked = 0;
  full.forEach((sheet, i) => {
    const other = lean[i];
    if (!other) return;
    if (JSON.stringify(other.validations) !== JSON.stringify(sheet.validations))
      differences.push(`${sheet.name}: drop-downs`);
    if (other.rows.length !== sheet.rows.length) differences.push(`${sheet.name}: ${other.rows.length} rows`);
    sheet.rows.forEach((row, r) => {
      const otherRow = other.rows[r] ?? [];
      if (otherRow.length !== row.length) differences.push(`${sheet.name} row ${r + 1}: ${otherRow.length} cells`);
      row.forEach((cell, c) => {
        const mine = otherRow[c];
        if (cell?.formula) checked++;
        if (mine?.formula !== cell?.formula || mine?.value !== cell?.value || mine?.format !== cell?.format)
          differences.push(
            `${sheet.name}!${cellAddress(r, c)}: ${mine?.formula ?? mine?.value} for ${cell?.formula ?? cell?.value}`,
          );
      });
    });
  });
  return { checked, differences };
}

describe('the audit lays the Benefit Cards and the year sheets out for their formulas alone', () => {
  test("Barnet's cards and summary: every formula, label and input as Generate writes them", () => {
    const { checked, differences } = cardDifferences(barnetPlan());
    expect(checked).toBeGreaterThan(1000);
    expect(differences).toEqual([]);
  });

  test('a random plan of 50 schemes: every formula, label and input as Generate writes them', () => {
    const { plan } = planFromJson(randomPlanJson(50, { schemes: 50, years: ['2014/15', '2015/16'], extraUnits: 3 }));
    const { checked, differences } = cardDifferences(plan);
    expect(checked).toBeGreaterThan(10000);
    expect(differences).toEqual([]);
  });

  test("Barnet's year sheets: every formula, label and input as Generate writes them", () => {
    const { checked, differences } = yearDifferences(barnetPlan());
    expect(checked).toBeGreaterThan(200);
    expect(differences).toEqual([]);
  });

  test('a random plan of 50 schemes, its pool stated: every year formula, label and input as Generate writes them', () => {
    const json = randomPlanJson(50, { schemes: 50, years: ['2014/15', '2015/16'], extraUnits: 3 });
    for (const y of json.years) y.statedPool = 1234567.89;
    const { plan } = planFromJson(json);
    const { checked, differences } = yearDifferences(plan);
    expect(checked).toBeGreaterThan(1000);
    expect(differences).toEqual([]);
  });

  // The card alone is laid out again for its figure; the summary, which adds every card up, with all
  // of them; a year sheet alone.
  test.each([
    ['a card', (name: string) => isCardSheet({ name } as SheetPlan) && name !== SUMMARY_SHEET],
    ['the summary', (name: string) => name === SUMMARY_SHEET],
    ['a year sheet', (name: string) => yearSheets(barnetPlan()).has(name)],
  ])('a number typed over a formula of %s is reported with the figure the formula gives', (_, onSheet) => {
    const layout = workbookLayout(barnetPlan(), 'all', { today: TEST_DAY });
    const lean = workbookLayout(barnetPlan(), 'all', {
      today: TEST_DAY,
      cardFormulasOnly: true,
      tableFormulasOnly: true,
    });
    const workbook = planToExcelJs(layout);
    // A figure the layout for formulas alone doesn't have, so only the sheet's own figures give it.
    const target = layout.sheets
      .filter((sheet) => onSheet(sheet.name))
      .flatMap((sheet) => {
        const other = lean.sheets.find((s) => s.name === sheet.name)!;
        return sheet.rows.flatMap((row, r) =>
          row.flatMap((cell, c) =>
            cell?.formula && typeof cell.result === 'number' && cell.result !== other.rows[r][c]?.result
              ? [{ sheet: sheet.name, r, c, result: cell.result }]
              : [],
          ),
        );
      })[0];
    workbook.getWorksheet(target.sheet)!.getCell(target.r + 1, target.c + 1).value = target.result + 1;
    const findings = auditWorkbook(excelJsToSnapshot(workbook)).findings;
    const here = findings.filter((f) => f.sheet === target.sheet && f.cell === cellAddress(target.r, target.c));
    expect(here.map((f) => f.rule)).toEqual(['typed-over-formula']);
    expect(here[0].message).toContain(`(which gives ${target.result})`);
  });
});
