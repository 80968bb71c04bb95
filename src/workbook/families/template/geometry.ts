import { expenditureOf, incomeOf, sourcesUsed } from '../../../domain/expenditure';
import type { Plan } from '../../../domain/plan';
import { templateRules } from '../../../domain/templateRules';
import type { SourceId } from '../../../domain/templateVocabulary';
import { INCOME_YEAR_FIRST, lineColumns, type LineColumns } from './names';

/** Required-spend rows of a year, in the order the block lists them. */
export const REQUIRED_ROWS = ['contribution', 'adultSocialCare', 'outOfHospital'] as const;
export type RequiredRow = (typeof REQUIRED_ROWS)[number];

/** The fixed columns of the blocks above the lines: A to F, left of every column the lines sum over. */
export const BALANCE_COLUMNS = { source: 0, year: 1, income: 2, expenditure: 3, balance: 4 } as const;
export const REQUIRED_COLUMNS = { what: 0, year: 1, minimum: 2, planned: 3, under: 4 } as const;
export const CHECKLIST_COLUMNS = { rule: 0, status: 1, expected: 2, found: 3, cell: 4, message: 5 } as const;

/**
 * Where every block of the Income and Expenditure sheets is for a plan (zero-based rows), so the
 * layouts, the checklist and templateRuleCell agree on each cell without reading a sheet.
 */
export interface TemplateGeometry {
  readonly years: readonly string[];
  readonly sources: readonly SourceId[];
  readonly income: {
    readonly header: number;
    readonly first: number;
    readonly yearColumn: (y: number) => number;
    readonly total: number;
  };
  readonly minimums: { readonly header: number; readonly row: (y: number) => number };
  readonly balances: {
    readonly header: number;
    /** The row of a source in a year's group; `sources.length` gives the year's total row. */
    readonly row: (y: number, s: number) => number;
    readonly allYears: number;
  };
  readonly required: { readonly header: number; readonly row: (y: number, kind: RequiredRow) => number };
  readonly checklist: { readonly header: number; readonly row: (i: number) => number };
  readonly lines: { readonly header: number; readonly first: number; readonly columns: LineColumns };
}

export const TEMPLATE_HEADER_ROW = 3; // title, note and legend above the first block

export function templateGeometry(plan: Plan): TemplateGeometry {
  const years = plan.years.map((y) => y.label);
  const sources = sourcesUsed(plan);
  const Y = years.length;
  const minHeader = TEMPLATE_HEADER_ROW;
  const balHeader = minHeader + Y + 2;
  const perYear = sources.length + 1;
  const allYears = balHeader + 1 + Y * perYear;
  const reqHeader = allYears + 2;
  const checkHeader = reqHeader + 1 + Y * REQUIRED_ROWS.length + 1;
  const linesHeader = checkHeader + 1 + templateRules(plan).length + 1;
  return {
    years,
    sources,
    income: {
      header: TEMPLATE_HEADER_ROW,
      first: TEMPLATE_HEADER_ROW + 1,
      yearColumn: (y) => INCOME_YEAR_FIRST + y,
      total: INCOME_YEAR_FIRST + Y,
    },
    minimums: { header: minHeader, row: (y) => minHeader + 1 + y },
    balances: { header: balHeader, row: (y, s) => balHeader + 1 + y * perYear + s, allYears },
    required: {
      header: reqHeader,
      row: (y, kind) => reqHeader + 1 + y * REQUIRED_ROWS.length + REQUIRED_ROWS.indexOf(kind),
    },
    checklist: { header: checkHeader, row: (i) => checkHeader + 1 + i },
    lines: { header: linesHeader, first: linesHeader + 1, columns: lineColumns(years) },
  };
}

/** How many lines and income rows the sheets hold: the growing blocks' sizes. */
export function templateCounts(plan: Plan): { income: number; lines: number } {
  return { income: incomeOf(plan).length, lines: expenditureOf(plan).length };
}
