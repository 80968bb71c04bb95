import { EXCEL_LIMITS } from './excelLimits';

/**
 * A plan's bounds, in one place: the plan file's schema, the rules for plans read from a workbook,
 * their messages and docs/PLAN-FORMAT.md use these.
 */
export const PLAN_LIMITS = {
  /** Pounds either side of zero: far beyond any BCF figure, and well inside what a spreadsheet holds exactly. */
  money: 1_000_000_000_000,
  /** Admissions, bed days, baselines, scores. */
  count: 1_000_000_000,
  /** Decimal places of an amount in pounds: pounds and pence. */
  moneyPlaces: 2,
  /** Characters in any text: what one Excel cell holds. */
  text: EXCEL_LIMITS.cellText,
  /** Characters in an id or reference (a unit-cost id becomes part of a defined name). */
  id: 31,
  /** A scheme's card sheet is "Card <ref>": the ref leaves room for that within Excel's 31-character sheet names. */
  schemeRef: EXCEL_LIMITS.sheetName - 'Card '.length,
  /** Schemes in one plan (see README "Known limits"). */
  schemes: 20_000,
  /** Items in any other list (years, unit costs, actuals, contributions...). */
  listItems: 100_000,
  /** How deeply a plan file may nest; a real plan nests six levels. */
  depth: 32,
} as const;
