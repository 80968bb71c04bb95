import type { Plan } from '../domain/plan';
import { assumptionsLayout } from './layouts/assumptions';
import { investmentsLayout } from './layouts/investments';
import { poolSheets } from './layouts/poolSheets';
import { schemesLayout } from './layouts/schemes';
import { yearSheetLayout } from './layouts/yearTables';
import type { WorkbookPlan } from './sheetPlan';

/** The whole workbook for a plan: inputs first, then one calculated sheet per financial year. */
export function workbookLayout(plan: Plan): WorkbookPlan {
  const assumptions = assumptionsLayout(plan);
  return {
    sheets: [assumptions.sheet, schemesLayout(plan), investmentsLayout(plan), ...plan.years.map((y) => yearSheetLayout(plan, y.label)), ...poolSheets(plan)],
    names: assumptions.names,
  };
}
