import type Decimal from 'decimal.js';
import { describeProblem } from '../domain/problems';
import { formatCount, formatPercent, formatPounds } from '../domain/money';
import type { Plan } from '../domain/plan';
import { benefitsSummary, serialToIso } from '../domain/tracker';
import { loadPlan } from '../adapters/file/planFiles';
import type { CliCommand } from './command';

export const trackCommand: CliCommand = {
  name: 'track',
  usage: 'track <file.xlsx|plan.json>',
  summary: "Prints the steering group's Benefit Card summary.",
  positionals: { min: 1, max: 1 },
  async run({ positionals: [input] }, io) {
    const { plan, problems } = await loadPlan(input);
    problems.forEach((p) => io.err(describeProblem(p)));
    io.out(renderBenefitsSummary(plan));
    return 0;
  },
};

export function renderBenefitsSummary(plan: Plan): string {
  const s = benefitsSummary(plan);
  const pct = (v: Decimal | 'n/a') => (v === 'n/a' ? 'n/a' : formatPercent(v));
  const header = ['Ref', 'Scheme', 'Tier', 'Planned to date', 'Realised to date', 'Variance', 'Var %', 'Status', 'Sign-off', 'Next milestone', 'Due', 'Unmatched'];
  const rows = s.cards.map(({ card, position: p }) => [
    card.ref,
    card.schemeName.length > 30 ? `${card.schemeName.slice(0, 29)}…` : card.schemeName,
    card.tier,
    formatPounds(p.plannedToDate),
    formatPounds(p.realisedToDate),
    formatPounds(p.variance),
    pct(p.variancePct),
    p.status,
    p.signOff,
    p.nextMilestone.length > 34 ? `${p.nextMilestone.slice(0, 33)}…` : p.nextMilestone,
    p.nextDue === null ? '' : serialToIso(p.nextDue),
    p.unmatched ? String(p.unmatched) : '',
  ]);
  rows.push(['Total', `${s.cards.length} cards`, '', formatPounds(s.plannedToDate), formatPounds(s.realisedToDate), formatPounds(s.variance), pct(s.variancePct), '', '', '', '', '']);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const numeric = new Set([3, 4, 5, 6, 11]);
  const line = (cells: string[]) => cells.map((cell, c) => (numeric.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd();
  const out = [`${plan.board} Benefit Cards as at ${s.asAt || '(no quarters)'}`, line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
  out.push('', `Cards by status: ${(['Green', 'Amber', 'Red', 'No data yet'] as const).map((k) => `${k} ${s.statusCounts[k]}`).join(', ')}`);
  for (const n of s.nel) {
    out.push(
      `NEL reduction target ${n.year}: ${formatCount(n.reductionTarget)} (baseline ${formatCount(n.baseline)}, target ${formatCount(n.target)}); planned in the cards ${formatCount(n.plannedInCards)}; ` +
        `realised to date ${formatCount(n.realised)} (${pct(n.realisedOfTarget)} of target); year-end forecast ${formatCount(n.forecast.expected.toDecimalPlaces(0))} ` +
        `(lower ${formatCount(n.forecast.lower.toDecimalPlaces(0))}, upper ${formatCount(n.forecast.upper.toDecimalPlaces(0))}), ${pct(n.expectedOfTarget)} of target.`,
    );
  }
  const unmatched = s.cards.flatMap((c) => c.card.unmatched.map((u) => `  ${c.card.ref}: ${u.actual.metric} ${u.actual.quarter} (${u.reason})`));
  if (unmatched.length) out.push('', `Entries that no longer fit the plan (kept on the cards):`, ...unmatched);
  return out.join('\n');
}
