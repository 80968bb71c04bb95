import { HEADERS } from '../assumptions/names';

/**
 * Benefit Card sheets, one per card ("Card 2b"), and the tracker settings block on the Assumptions
 * sheet. Input cells are kept by people and read back by cards/reader.ts; every other figure
 * is a live formula over them, the Schemes sheet, the unit-cost names and the tolerance names, with
 * the decimal.js figure (domain/tracker.ts) as its cached result.
 *
 * Each block starts with a title in column A (CARD_SECTION), so the reader finds blocks by their
 * titles and columns by their headers, whatever rows people insert.
 */

/** The steering group's sheet: one row per card. Named here, apart from its layout, so the registry can name it. */
export const SUMMARY_SHEET = 'Benefits Summary';

export const CARD_SECTION = {
  position: 'Position',
  identity: 'Identity and ownership',
  case: 'The case',
  metric: 'Profile and tracker:', // + " NEL"
  rate: 'Non-financial measure:', // + " Satisfaction"
  cumulative: 'Cumulative benefit',
  barriers: 'Barriers',
  dependencies: 'Dependencies',
  milestones: 'Benefits realisation plan',
  signOff: 'Sign-off',
  unmatched: 'Unmatched entries',
} as const;

export const CARD_LABEL = {
  asAt: 'As at',
  quarterNumber: 'Quarter number',
  plannedToDate: 'Planned since the plan began, quarters reported (£)',
  realisedToDate: 'Realised since the plan began (£)',
  notReported: 'Planned in quarters with no data (£)',
  entries: 'Entries to the reporting quarter',
  variance: 'Variance (£)',
  variancePct: 'Variance (%)',
  financialStatus: 'Financial status',
  status: 'Status',
  statusSetBy: 'Status set by',
  signOff: 'Sign-off',
  nextMilestone: 'Next milestone',
  nextDue: 'Next due',
  unmatched: 'Unmatched entries',
  ref: 'Scheme ref',
  scheme: 'Scheme',
  title: 'Benefit title',
  type: 'Type',
  tier: 'Tier',
  owner: 'Benefit owner',
  description: 'Description',
  measures: 'Measures it moves',
  calculation: 'How the benefit is calculated',
  evidence: 'Evidence',
  optimismBias: 'Optimism bias',
  timeLag: 'Time lag',
  notes: 'Notes',
  rateName: 'Measure',
  rateUnit: 'Unit',
  rateTarget: 'Target',
  rateDirection: 'Higher is better',
} as const;

export const QUARTER_HEADERS = [
  'Quarter',
  'Months',
  'Phasing %',
  'Planned',
  'Planned (£)',
  'Realised reduction',
  'Baseline admissions',
  'Actual admissions',
  'Realised',
  'Realised (£)',
  'Variance',
  'Variance (£)',
  'Variance (%)',
  'Cumulative planned',
  'Planned, quarter reported',
  'Cumulative planned, quarters reported',
  'Cumulative realised',
  'Forecast lower',
  'Forecast expected',
  'Forecast upper',
  'Status',
  'Note',
] as const;
/** Column of a quarter-row header: formulas name the column they read. */
export const QC = (header: (typeof QUARTER_HEADERS)[number]) => QUARTER_HEADERS.indexOf(header);
export const YEAR_HEADERS = [
  'Year',
  'Plan',
  'Profile',
  'Phasing total',
  'Realised',
  'Year-end lower',
  'Year-end expected',
  'Year-end upper',
  'Difference',
  'Check',
  'Realised in the year to the reporting quarter',
] as const;
export const YEAR_REALISED_TO_QUARTER = YEAR_HEADERS.length - 1;
export const RATE_HEADERS = [
  'Quarter',
  'Months',
  'Target',
  'Actual',
  'Variance',
  '% of target',
  'Average to date',
  'Status',
  'Note',
] as const;
export const CUMULATIVE_HEADERS = [
  'Quarter',
  'Planned cumulative (£)',
  'Realised cumulative (£)',
  'Realised % of planned (quarters reported)',
  'Entries to date',
  'Planned cumulative, quarters reported (£)',
] as const;
export const MILESTONE_HEADERS = ['Activity', 'Milestone', 'Due', 'Status', 'Open due'] as const;
export const SIGN_OFF_HEADERS = ['Role', 'Name', 'Date', 'Decision'] as const;
export const UNMATCHED_HEADERS = [
  'Quarter',
  'Metric',
  'Realised reduction',
  'Baseline admissions',
  'Actual admissions',
  'Note',
  'Why it no longer fits',
] as const;

export const TRACKER_SETTINGS_HEADER = HEADERS.trackerSettings;
export const TRACKER_NAMES = {
  green: 'Tolerance_Green',
  amber: 'Tolerance_Amber',
  range: 'Forecast_Range',
  asAt: 'Tracker_AsAt',
  quarter: 'Tracker_Quarter',
  position: 'Tracker_Position',
} as const;
export const TRACKER_LABELS = {
  green: 'Green at or above',
  amber: 'Amber at or above',
  range: 'Forecast range',
  asAt: 'Reporting quarter',
  quarter: 'Reporting quarter as read',
  position: 'Reporting quarter number',
} as const;

export const FORMAT_DATE = 'dd/mm/yyyy';
export const SPARE_ROWS = 3;
/** Shown where a ratio has nothing to divide by. */
export const NA = 'n/a';
