import type Decimal from 'decimal.js';
import { formatCount, formatPercent, formatPounds } from '../domain/money';
import type { Plan } from '../domain/plan';
import { computeSchemeTable, NEL } from '../domain/schemeTable';

/** The year's scheme table as the plan prints it, for a terminal. */
export function renderSchemeTable(plan: Plan, year: string): string {
  const table = computeSchemeTable(plan, year);
  const others = plan.unitCosts.filter((u) => u.id !== NEL);
  const header = [
    'Ref',
    'Scheme',
    'Cost',
    '% pool',
    'NEL',
    'Saving',
    '% NEL',
    ...others.map((u) => u.shortLabel),
    'Total saving',
  ];
  const rows = table.lines.map((l) => [
    l.scheme.ref,
    l.scheme.name.length > 34 ? `${l.scheme.name.slice(0, 33)}…` : l.scheme.name,
    `${formatPounds(l.cost)}${l.scheme.inPool ? '' : '*'}`,
    l.shareOfPool ? formatPercent(l.shareOfPool) : 'n/a',
    blankIfZero(l.counts[NEL], formatCount),
    blankIfZero(l.savings[NEL], formatPounds),
    l.shareOfNel && !l.counts[NEL].isZero() ? formatPercent(l.shareOfNel) : '',
    ...others.map((u) => blankIfZero(l.counts[u.id], formatCount)),
    blankIfZero(l.totalSaving, formatPounds),
  ]);
  rows.push([
    'Total',
    'BCF pool',
    formatPounds(table.poolTotal),
    '100.00%',
    formatCount(table.countTotals[NEL]),
    formatPounds(table.savingTotals[NEL]),
    '100.00%',
    ...others.map((u) => formatCount(table.countTotals[u.id])),
    formatPounds(table.totalSaving),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) =>
    cells.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  const out = [
    `${plan.board} BCF ${year}: cost and impact of schemes`,
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
  ];
  if (table.costOutsidePool.greaterThan(0))
    out.push(`* not in the BCF pool (${formatPounds(table.costOutsidePool)} in all)`);
  return out.join('\n');
}

function blankIfZero(value: Decimal, format: (d: Decimal) => string): string {
  return value.isZero() ? '' : format(value);
}

/** A list for one line of output: the first `shown` items, then how many more (20,000 headers would be 149,000 characters). */
export function shortList(items: readonly string[], shown = 10): string {
  if (items.length <= shown) return items.join(', ');
  return `${items.slice(0, shown).join(', ')} …and ${(items.length - shown).toLocaleString('en-GB')} more`;
}
