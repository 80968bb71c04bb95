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
  spend: ['Spend ref', 'Spend year', 'Allocation (£)', 'Q1 spend (£)', 'Q2 spend (£)', 'Q3 spend (£)', 'Q4 spend (£)', 'Spend to date (£)', 'Variance (£)'],
  summary: ['Summary year', 'Contributed (£)', 'Allocated (£)', 'Spent (£)', 'Variance (£)', 'Not allocated (£)'],
  sources: ['Source year', 'Source partner', 'Source', 'Contributed (£)', 'Share of pool', 'Share of variance (£)'],
  partners: ['Sharing year', 'Sharing partner', 'Contributed (£)', 'Share of variance', 'Variance carried (£)'],
  checks: ['Check', 'Status', 'Expected', 'Found', 'What it checks'],
  statements: ['Statement id', 'Kind', 'Statement', 'Statement year', 'Stated', 'Where the plan says it'],
  parts: ['Part of statement', 'Part', 'Tagged scheme', 'Part amount'],
  risks: ['Risk id', 'Risk', 'Impact (1-5)', 'Probability (1-5)', 'Rating (I×P)', 'Rating as stated', 'Rating check', 'Mitigating actions', 'Owner'],
} as const;

export const SHARING_RULES = {
  contributions: 'In proportion to contributions',
  fixed: 'Fixed split',
} as const;

export const PASS = 'PASS';
export const FAIL = 'FAIL';
