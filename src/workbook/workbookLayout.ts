import type { Plan } from '../domain/plan';
import { assumptionsLayout } from './layouts/assumptions';
import { benefitCardsLayout } from './layouts/benefitCards';
import { cardSummaryLayout } from './layouts/cardSummary';
import { investmentsLayout } from './layouts/investments';
import { poolSheets } from './layouts/poolSheets';
import { schemesLayout } from './layouts/schemes';
import { yearSheetLayout } from './layouts/yearTables';
import type { WorkbookPlan } from './sheetPlan';

/** The whole workbook for a plan: inputs first, then one calculated sheet per financial year. */
export function workbookLayout(plan: Plan): WorkbookPlan {
  const assumptions = assumptionsLayout(plan);
  const cards = benefitCardsLayout(plan, assumptions.sheet); // adds the tracker settings to Assumptions
  return {
    sheets: [cards.assumptions, schemesLayout(plan), investmentsLayout(plan), ...plan.years.map((y) => yearSheetLayout(plan, y.label)), ...poolSheets(plan), cardSummaryLayout(plan, cards.geometry, cards.assumptions), ...cards.sheets],
    names: [...assumptions.names, ...cards.names],
  };
}
