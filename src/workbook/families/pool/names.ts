/** Sheet names and table headers of the pool, checks and risk log sheets, shared by layouts, readers and the audit. */
export const POOL_SHEETS = {
  pool: 'Pool',
  checks: 'Checks',
  risks: 'Risk log',
} as const;

export const POOL_HEADERS = {
  contributions: ['Pool year', 'Partner id', 'Funding source', 'Contribution (£)'],
  sharingRule: ['Sharing rule', 'How an under- or overspend is shared'],
  fixedShares: ['Fixed split partner', 'Fixed share (%)'],
  phasing: ['Phasing year', 'Q1 share', 'Q2 share', 'Q3 share', 'Q4 share', 'Phased to date'],
  spend: [
    'Spend ref',
    'Spend year',
    'Allocation (£)',
    'Q1 spend (£)',
    'Q2 spend (£)',
    'Q3 spend (£)',
    'Q4 spend (£)',
    'Spend to date (£)',
    'Variance to date (£)',
  ],
  summary: [
    'Summary year',
    'Contributed (£)',
    'Allocated (£)',
    'Quarters reported',
    'Allocation to date (£)',
    'Spent to date (£)',
    'Variance to date (£)',
    'Forecast outturn (£)',
    'Forecast variance (£)',
    'Not allocated (£)',
    'Q1 spent (£)',
    'Q2 spent (£)',
    'Q3 spent (£)',
    'Q4 spent (£)',
  ],
  sources: [
    'Source year',
    'Source partner',
    'Source',
    'Contributed (£)',
    'Share of pool',
    'Share of forecast variance (£)',
  ],
  partners: [
    'Sharing year',
    'Sharing partner',
    'Contributed (£)',
    'Share of variance',
    'Forecast variance carried (£)',
  ],
  checks: ['Check', 'Status', 'Expected', 'Found', 'What it checks'],
  statements: ['Statement id', 'Kind', 'Statement', 'Statement year', 'Stated', 'Where the plan says it'],
  parts: ['Part of statement', 'Part', 'Tagged scheme', 'Part amount'],
  risks: [
    'Risk id',
    'Risk',
    'Impact (1-5)',
    'Probability (1-5)',
    'Rating (I×P)',
    'Rating as stated',
    'Rating check',
    'Mitigating actions',
    'Owner',
  ],
} as const;

/** The spend block's columns a person types in (ref, year, allocation, Q1..Q4); the rest are calculated. */
export const SPEND_INPUT_COLUMNS = 7;

export const SHARING_RULES = {
  contributions: 'In proportion to contributions',
  fixed: 'Fixed split',
} as const;

export const PASS = 'PASS';
export const FAIL = 'FAIL';
