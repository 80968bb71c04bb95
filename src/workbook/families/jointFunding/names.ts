import type { Basis, Method } from '../../../domain/jointFunding';

/** Sheet names, headers and cell labels of the joint-funding sheets, shared by the layouts and the reader. */
export const JOINT_SHEETS = {
  summary: 'Joint funding',
  register: 'Joint register',
  tasks: 'Joint tasks',
} as const;

/** The register's columns, in order: the typed (or pasted) inputs, then the calculated ones. */
export const REGISTER_COLUMNS = [
  ['ref', 'Package ref'],
  ['person', 'Person ref (pseudonymous, never a name)'],
  ['basis', 'Funding basis'],
  ['icb', 'ICB'],
  ['start', 'Start date'],
  ['end', 'End date (blank if ongoing)'],
  ['weeklyCost', 'Weekly cost (£)'],
  ['method', 'Split method (blank: ICB default)'],
  ['icbPercent', 'ICB share (%)'],
  ['decided', 'Panel decision date'],
  ['healthMinutes', 'Health minutes a week'],
  ['socialMinutes', 'Social care minutes a week'],
  ['methodUsed', 'Method used'],
  ['icbParts', 'Share: ICB parts'],
  ['allParts', 'Share: all parts'],
  ['share', 'Health (ICB) share'],
  ['icbWeekly', 'ICB weekly (£)'],
  ['councilWeekly', 'Council weekly (£)'],
  ['active', 'Active on the as-at date'],
  ['firstOfPerson', 'Counts as a person'],
  ['firstOfPersonIcb', 'Counts as a person for its ICB'],
  ['firstOfPersonBasis', 'Counts as a person for its basis'],
  ['firstOfPersonMethod', 'Counts as a person for its method'],
  ['days', 'Days in the year'],
  ['icbYear', 'ICB in the year (£)'],
  ['councilYear', 'Council in the year (£)'],
] as const;

export type RegisterColumn = (typeof REGISTER_COLUMNS)[number][0];
export const REGISTER_INPUTS = 10; // the first ten columns are typed; the rest are formulas

export function registerColumn(key: RegisterColumn): number {
  return REGISTER_COLUMNS.findIndex(([k]) => k === key);
}

export const TASK_HEADERS = ['Task package ref', 'Task', 'Minutes a week', 'Health or social care'] as const;
export const TASK_KINDS = { health: 'Health', social: 'Social care' } as const;

export const RULE_HEADERS = ['Default rule ICB', 'Default split', 'Default ICB share (%)'] as const;
export const SETTINGS_HEADERS = ['Setting', 'Value'] as const;
export const SETTINGS = { asAt: 'As at', year: 'Financial year', first: 'Year starts', last: 'Year ends' } as const;
export const FIGURE_HEADERS = ['Figure', 'Total (£)', 'Council (£)', 'ICB (£)'] as const;
export const RETURN_HEADERS = ['FOI question', 'Answer'] as const;
export const RECONCILE_HEADERS = [
  'Reconciled ICB',
  'Pool partner',
  'ICB share in the year, register (£)',
  'Pool contribution line (£)',
  'Difference (£)',
] as const;
export const RECONCILE_TITLE =
  "The ICB's share against its joint-funding contribution line on the Pool sheet, for the financial year above";
export const GROUP_HEADERS = [
  'People',
  'Packages',
  'Weekly total (£)',
  'Weekly council (£)',
  'Weekly ICB (£)',
  'In the year: council (£)',
  'In the year: ICB (£)',
] as const;

/**
 * Split methods as the register's cells hold them. Not "50:50" alone: Excel turns 50:50 typed in a
 * cell into a time (50 hours 50 minutes), and SUMIF would read it as one too.
 */
export const METHOD_CELLS: Readonly<Record<Method, string>> = {
  equal: 'Equal 50:50',
  fixed: 'Fixed share',
  panel: 'Panel',
  timeToTask: 'Time to task',
};
export const BASIS_CELLS: Readonly<Record<Basis, string>> = {
  s117: 's117 aftercare',
  careAct: 'Care Act',
  other: 'Other',
};
export const NO_RULE = 'No rule for this ICB';

export const DATE_FORMAT = 'dd/mm/yyyy';
export const PSEUDONYM_NOTE =
  'Person ref: a pseudonymous reference from the case-management system (Mosaic, LAS...), never a name.';
