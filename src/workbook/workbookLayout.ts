import type { Plan } from '../domain/plan';
import { assumptionsLayout } from './families/assumptions/assumptionsLayout';
import { benefitCardsLayout } from './families/cards/benefitCards';
import { cardSummaryLayout } from './families/cards/cardSummary';
import { investmentsLayout } from './families/assumptions/investmentsLayout';
import { jointFundingSheets } from './families/jointFunding/jointFundingLayout';
import { today } from '../domain/jointFunding';
import { hasTemplate } from '../domain/expenditure';
import { templateSheets } from './families/template/expenditureLayout';
import { poolSheets } from './families/poolSheets';
import { schemesLayout } from './families/assumptions/schemesLayout';
import { withSignOffRoles } from './families/assumptions/signOffRoles';
import { yearSheetLayout } from './families/yearTables/yearTableLayout';
import type { SheetPlan, WorkbookPlan } from './sheetPlan';

/**
 * Which part of the workbook a command writes. "tables" is the plan and every calculated table
 * (scheme tables, pool, checks, risk log); "cards" is the Benefit Cards and their summary, a sheet
 * per card, which is most of the workbook's size for a large plan, so it is written on its own.
 * Both include the Assumptions sheet, since cards read its tolerances and tables its unit costs.
 */
/** What one workbook holds at most. */
export const WORKBOOK_LIMITS = {
  /** Benefit Card sheets (one per scheme with benefits): 1,000 take about 12 s to write and 11 MB. */
  cardSheets: 2_000,
} as const;

export type LayoutScope = 'all' | 'tables' | 'cards';

/** The workbook for a plan: inputs first, then one calculated sheet per financial year, then the cards. */
export function workbookLayout(
  plan: Plan,
  scope: LayoutScope = 'all',
  { eachCardSheet }: { eachCardSheet?: (sheet: SheetPlan) => void } = {},
): WorkbookPlan {
  const assumptions = assumptionsLayout(plan);
  // Adds the tracker settings to Assumptions; with eachCardSheet, the card sheets go there rather than into the result.
  const cards = benefitCardsLayout(plan, assumptions.sheet, {
    withSheets: scope !== 'tables',
    eachSheet: eachCardSheet,
  });
  const tables =
    scope === 'cards'
      ? []
      : [
          schemesLayout(plan),
          investmentsLayout(plan),
          ...plan.years.map((y) => yearSheetLayout(plan, y.label)),
          ...poolSheets(plan),
          ...(plan.jointFunding?.packages.length ? jointFundingSheets(plan, today()) : []),
          ...(hasTemplate(plan) ? templateSheets(plan) : []),
        ];
  const cardSheets =
    scope === 'tables' ? [] : [cardSummaryLayout(plan, cards.geometry, cards.assumptions), ...cards.sheets];
  return {
    sheets: [withSignOffRoles(plan, cards.assumptions), ...tables, ...cardSheets],
    names: [...assumptions.names, ...cards.names],
  };
}
