import type Decimal from 'decimal.js';
import { describeProblem } from '../domain/problems';
import { formatCount, formatPercent, formatPounds } from '../domain/money';
import type { Plan } from '../domain/plan';
import { plural } from '../domain/plural';
import { serialToIso } from '../domain/tracker';
import { benefitsSummary } from '../domain/benefitsSummary';
import { loadPlan } from '../adapters/file/planFiles';
import type { CliCommand } from './command';
import { trackJson } from './trackJson';

export const trackCommand: CliCommand = {
  name: 'track',
  usage: 'track <file.xlsx|plan.json> [--json]',
  summary: "Prints the steering group's Benefit Card summary.",
  flags: {
    json: {
      type: 'boolean',
      help: 'print the summary as JSON (reporting quarter, cards, totals, counts by status, NEL, pool), money as strings',
    },
  },
  positionals: { min: 1, max: 1 },
  async run({ positionals: [input], flags }, io) {
    const { plan, problems } = await loadPlan(input);
    problems.forEach((p) => io.err(describeProblem(p)));
    io.out(flags.json ? JSON.stringify(trackJson(plan), null, 2) : renderBenefitsSummary(plan));
    return 0;
  },
};

const pct = (v: Decimal | 'n/a' | null) => (v === null ? '' : v === 'n/a' ? 'n/a' : formatPercent(v));

export function renderBenefitsSummary(plan: Plan): string {
  const s = benefitsSummary(plan);
  const header = [
    'Ref',
    'Scheme',
    'Tier',
    'Planned (£, reported)',
    'Realised (£)',
    'Variance',
    'Var %',
    'Status',
    'Set by',
    'Sign-off',
    'Next milestone',
    'Due',
    'Unmatched',
  ];
  const rows = s.cards.map(({ card, position: p }) => [
    card.ref,
    card.schemeName.length > 30 ? `${card.schemeName.slice(0, 29)}…` : card.schemeName,
    card.tier,
    formatPounds(p.plannedToDate),
    formatPounds(p.realisedToDate),
    p.variance === null ? 'no data' : formatPounds(p.variance),
    pct(p.variancePct),
    p.status,
    p.statusSetBy,
    p.signOff,
    p.nextMilestone.length > 34 ? `${p.nextMilestone.slice(0, 33)}…` : p.nextMilestone,
    p.nextDue === null ? '' : serialToIso(p.nextDue),
    p.unmatched ? String(p.unmatched) : '',
  ]);
  rows.push([
    'Total',
    plural(s.cards.length, 'card'),
    '',
    formatPounds(s.plannedToDate),
    formatPounds(s.realisedToDate),
    formatPounds(s.variance),
    pct(s.variancePct),
    '',
    '',
    '',
    '',
    '',
    '',
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const numeric = new Set([3, 4, 5, 6, 12]);
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (numeric.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd();
  const out = [
    `${plan.board} Benefit Cards as at ${s.asAt || '(no quarters)'}`,
    'Planned and realised since the plan began, to the end of the reporting quarter, over the quarters with data; quarters with no data are in no variance or total.',
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
  ];
  out.push(
    '',
    `Cards by status: ${(['Green', 'Amber', 'Red', 'No data yet'] as const).map((k) => `${k} ${s.statusCounts[k]}`).join(', ')}`,
  );
  out.push(`Planned in quarters with no data (not in the totals): ${formatPounds(s.plannedNotReported)}`);
  for (const n of s.nel) {
    out.push(
      `NEL reduction target ${n.year}: ${formatCount(n.reductionTarget)} (baseline ${formatCount(n.baseline)}, target ${formatCount(n.target)}); planned in the cards ${formatCount(n.plannedInCards)}; ` +
        `realised in the year to the reporting quarter ${formatCount(n.realised)} (${pct(n.realisedOfTarget)} of target); year-end forecast ${formatCount(n.forecast.expected.toDecimalPlaces(0))} ` +
        `(lower ${formatCount(n.forecast.lower.toDecimalPlaces(0))}, upper ${formatCount(n.forecast.upper.toDecimalPlaces(0))}), ${pct(n.expectedOfTarget)} of target.`,
    );
  }
  const unmatched = s.cards.flatMap((c) =>
    c.card.unmatched.map((u) => `  ${c.card.ref}: ${u.actual.metric} ${u.actual.quarter} (${u.reason})`),
  );
  if (unmatched.length) out.push('', `Entries that no longer fit the plan (kept on the cards):`, ...unmatched);
  return out.join('\n');
}
