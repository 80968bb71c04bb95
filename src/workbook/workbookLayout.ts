import type { Plan } from '../domain/plan';
import { hasTemplate } from '../domain/expenditure';
import type { Day } from '../domain/jointFunding';
import { assumptionsLayout } from './families/assumptions/assumptionsLayout';
import { investmentsLayout } from './families/assumptions/investmentsLayout';
import { schemesGeometry, schemesLayout } from './families/assumptions/schemesLayout';
import { benefitCardsLayout } from './families/cards/benefitCards';
import { cardSummaryLayout } from './families/cards/cardSummary';
import { checksLayout } from './families/checks/checksLayout';
import type { WorkbookGeometry } from './families/geometry';
import { jointFundingSheets } from './families/jointFunding/jointFundingLayout';
import { poolLayout } from './families/pool/poolLayout';
import { riskLogLayout } from './families/riskLog/riskLogLayout';
import { templateGeometry } from './families/template/geometry';
import { templateSheets } from './families/template/expenditureLayout';
import { yearSheetLayout } from './families/yearTables/yearTableLayout';
import type { SheetPlan, WorkbookPlan } from './sheetPlan';

/** What one workbook holds at most. */
export const WORKBOOK_LIMITS = {
  /** Benefit Card sheets (one per scheme with benefits): 1,000 take about 12 s to write and 11 MB. */
  cardSheets: 2_000,
} as const;

/**
 * Which part of the workbook a command writes. "tables" is the plan and every calculated table
 * (scheme tables, pool, checks, risk log); "cards" is the Benefit Cards and their summary, a sheet
 * per card, which is most of the workbook's size for a large plan, so it is written on its own.
 * Both include the Assumptions sheet, since cards read its tolerances and tables its unit costs.
 */
export type LayoutScope = 'all' | 'tables' | 'cards';

export interface LayoutOptions {
  /**
   * The day the joint-funding figures are for when the register names none. Required, so a layout
   * is a function of the plan and this day: the caller reads the clock once, at its edge.
   */
  readonly today: Day;
  /** Given, each card sheet goes to it as soon as it is laid out instead of into the result. */
  readonly eachCardSheet?: (sheet: SheetPlan) => void;
  /** Benefit Cards laid out for their formulas alone, their cached results placeholders (CardsLayoutOptions). */
  readonly cardFormulasOnly?: boolean;
  /** The year sheets laid out for their formulas alone, their cached results blank (for the audit). */
  readonly tableFormulasOnly?: boolean;
}

/** The workbook for a plan: inputs first, then one calculated sheet per financial year, then the cards. */
export function workbookLayout(
  plan: Plan,
  scope: LayoutScope,
  { eachCardSheet, today, cardFormulasOnly, tableFormulasOnly }: LayoutOptions,
): WorkbookPlan {
  const assumptions = assumptionsLayout(plan);
  // Worked out once: the sheets below point their formulas at these inputs.
  const geometry: WorkbookGeometry = {
    assumptions: assumptions.geometry,
    schemes: schemesGeometry(plan),
    template: hasTemplate(plan) ? templateGeometry(plan) : undefined,
    today,
  };
  const tables = scope === 'cards' ? [] : tableSheets(plan, geometry, tableFormulasOnly);
  const cards =
    scope === 'tables'
      ? undefined
      : benefitCardsLayout(plan, geometry.schemes, {
          eachSheet: eachCardSheet,
          formulasOnly: cardFormulasOnly,
        });
  const cardSheets = cards ? [cardSummaryLayout(plan, cards.geometry, geometry.assumptions), ...cards.sheets] : [];
  return { sheets: [assumptions.sheet, ...tables, ...cardSheets], names: assumptions.names };
}

/** The plan's other input sheets and every calculated table, in the order they are written. */
function tableSheets(plan: Plan, geometry: WorkbookGeometry, formulasOnly = false): SheetPlan[] {
  const pool = poolLayout(plan, geometry.schemes);
  return [
    schemesLayout(plan, geometry.schemes),
    investmentsLayout(plan),
    ...plan.years.map((y) => yearSheetLayout(plan, y.label, geometry.schemes, { formulasOnly })),
    pool.sheet,
    checksLayout(plan, { ...geometry, pool: pool.geometry }),
    riskLogLayout(plan),
    ...(plan.jointFunding?.packages.length ? jointFundingSheets(plan, geometry.today, pool.geometry) : []),
    ...(geometry.template ? templateSheets(plan, geometry.template) : []),
  ];
}
