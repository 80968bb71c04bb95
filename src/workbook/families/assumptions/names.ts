/** Sheet and block names shared by layouts and readers, so that both always agree. */
export const SHEET = {
  assumptions: 'Assumptions',
  schemes: 'Schemes',
  investments: 'Investments',
} as const;

/** Excel sheet names can't contain "/"; "2014/15" becomes "BCF 2014-15". */
export function yearSheetName(year: string): string {
  return `BCF ${year.replace('/', '-')}`;
}

/** A year's calculated sheet, by its name; a year labelled otherwise than "2014/15" is not recognised (and so is read). */
export function isYearSheet(name: string): boolean {
  return /^BCF \d{4}-\d{2}(?:\d{2})?$/.test(name);
}

export const HEADERS = {
  plan: ['Plan', 'Value'],
  partners: ['Partner id', 'Partner', 'Kind'],
  years: ['Financial year', 'Stated pool (£)', 'Minimum pool (£)'],
  unitCosts: ['Unit cost id', 'Benefit', 'Short label', 'Unit cost (£)', 'Unit', 'Source'],
  targets: ['Target year', 'NEL baseline', 'NEL target', 'Stated amount at risk (£)'],
  schemes: ['Ref', 'Group', 'Tiers', 'Scheme', 'Description', 'In BCF pool'],
  investments: ['Ref', 'Year', 'Investment line', 'Amount (£)'],
  trackerSettings: ['Tracker setting', 'Value', 'Meaning'],
  planQuarters: ['Plan quarter'],
  signOffRoles: ['Sign-off role', 'Name of the role', 'What it is'],
} as const;

export function costHeader(year: string): string {
  return `${year} cost (£)`;
}

export function benefitHeader(year: string, unitId: string): string {
  return `${year} ${unitId}`;
}

export const YES = 'Yes';
export const NO = 'No';
