/**
 * The words and column order of the add-in's Income and Expenditure sheets, laid out the way NHS
 * England's BCF planning template lays them out: each fact once, for the layouts, the reader, the
 * block descriptions and the checklist's cell addresses.
 */
export const TEMPLATE_SHEETS = { income: 'Income', expenditure: 'Expenditure' } as const;

/** The Income sheet's block: the source and detail typed, one column per year (incomeHeader), the row's total calculated. */
export const INCOME_HEADERS = ['Funding source', 'Detail', 'Total (£)'] as const;
export const INCOME_YEAR_FIRST = 2; // the year columns sit between Detail and the total

export function incomeHeader(year: string): string {
  return `Income ${year} (£)`;
}

export const MINIMUM_HEADERS = [
  'Financial year',
  'Minimum NHS contribution (£)',
  'Minimum adult social care spend (£)',
  'Minimum NHS out-of-hospital spend (£)',
] as const;
/** Which Minimums field each column after the year holds, in MINIMUM_HEADERS' order. */
export const MINIMUM_FIELDS = ['nhsContribution', 'adultSocialCare', 'outOfHospital'] as const;

export const BALANCE_FIRST_HEADER = 'Funding source (running balances)';
export const BALANCE_HEADERS = [
  BALANCE_FIRST_HEADER,
  'Financial year',
  'Income (£)',
  'Expenditure (£)',
  'Balance (£)',
] as const;
export const TOTAL = 'Total';
export const ALL_YEARS = 'All years';

export const REQUIRED_HEADERS = [
  'Required from the minimum NHS contribution',
  'Financial year',
  'Minimum (£)',
  'Planned (£)',
  'Under spend (£)',
] as const;
export const CONTRIBUTION_LABEL = 'Minimum NHS contribution (income)';

export const CHECKLIST_HEADERS = ['Template rule', 'Status', 'Expected', 'Found', 'Cell', 'What it means'] as const;

/**
 * The expenditure lines' columns that have no year in them, in the template's order; the year
 * columns (Planned Outputs, Expenditure for) go where LINE_LAYOUT puts them, and the add-in's own
 * calculated columns follow the template's.
 */
export const LINE_HEADERS = {
  id: 'Scheme ID',
  name: 'Scheme Name',
  description: 'Brief Description',
  schemeType: 'Scheme Type',
  subType: 'Sub Types',
  schemeTypeOther: "Please specify if 'Scheme Type' is 'Other'",
  unit: 'Units',
  areaOfSpend: 'Area of Spend',
  areaOfSpendOther: "Please specify if 'Area of Spend' is 'other'",
  commissioner: 'Commissioner',
  nhsPercent: '% NHS (if Joint Commissioner)',
  laPercent: '% LA (if Joint Commissioner)',
  provider: 'Provider',
  source: 'Source of Funding',
  status: 'New/ Existing Scheme',
  scheme: 'Funds plan scheme (ref)',
  total: 'Total expenditure (£)',
  oohShare: 'Out-of-hospital share',
} as const;
export type LineField = keyof typeof LINE_HEADERS;

export function outputHeader(year: string): string {
  return `Planned Outputs ${year}`;
}
export function spendHeader(year: string): string {
  return `Expenditure for ${year} (£)`;
}
export function oohHeader(year: string): string {
  return `Out-of-hospital ${year} (£)`;
}

const BEFORE_OUTPUTS: readonly LineField[] = ['id', 'name', 'description', 'schemeType', 'subType', 'schemeTypeOther'];
const BEFORE_SPEND: readonly LineField[] = [
  'unit',
  'areaOfSpend',
  'areaOfSpendOther',
  'commissioner',
  'nhsPercent',
  'laPercent',
  'provider',
  'source',
];
const AFTER_SPEND: readonly LineField[] = ['status', 'scheme', 'total', 'oohShare'];
/** Fields the layout calculates: a row holding only these is room to grow, not a line. */
export const COMPUTED_LINE_FIELDS: readonly LineField[] = ['laPercent', 'total', 'oohShare'];

/** Where each column of the lines block is, for a plan with `years` (the template's order). */
export interface LineColumns {
  readonly field: (f: LineField) => number;
  readonly output: (yearIndex: number) => number;
  readonly spend: (yearIndex: number) => number;
  readonly ooh: (yearIndex: number) => number;
  readonly headers: readonly string[];
}

export function lineColumns(years: readonly string[]): LineColumns {
  const headers: string[] = [];
  const at = new Map<LineField, number>();
  const put = (fields: readonly LineField[]) =>
    fields.forEach((f) => {
      at.set(f, headers.length);
      headers.push(LINE_HEADERS[f]);
    });
  put(BEFORE_OUTPUTS);
  const outputs = headers.length;
  headers.push(...years.map(outputHeader));
  put(BEFORE_SPEND);
  const spend = headers.length;
  headers.push(...years.map(spendHeader));
  put(AFTER_SPEND);
  const ooh = headers.length;
  headers.push(...years.map(oohHeader));
  return {
    field: (f) => at.get(f)!,
    output: (y) => outputs + y,
    spend: (y) => spend + y,
    ooh: (y) => ooh + y,
    headers,
  };
}

/** The year-free headers, in order: what the block description (shared/blocks.ts) knows of the lines. */
export const LINE_BLOCK_HEADERS: readonly string[] = lineColumns([]).headers;
export const LINE_BLOCK_COMPUTED: readonly number[] = COMPUTED_LINE_FIELDS.map((f) =>
  LINE_BLOCK_HEADERS.indexOf(LINE_HEADERS[f]),
);
