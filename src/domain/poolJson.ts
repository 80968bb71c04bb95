import type Decimal from 'decimal.js';
import type { Plan } from './plan';

type Json = Record<string, unknown>;

/** The plan file's "pool", "risks" and "statements" sections written back (poolSchema.ts reads them). */
export function planExtrasToJson(plan: Plan): Json {
  const n = (d: Decimal) => d.toNumber();
  const out: Json = {};
  if (plan.pool) {
    out.pool = {
      sharing:
        plan.pool.sharing.kind === 'fixed'
          ? {
              kind: 'fixed',
              shares: plan.pool.sharing.shares.map((s) => ({ partner: s.partner, percent: n(s.percent) })),
            }
          : { kind: 'contributions' },
      contributions: plan.pool.contributions.map((c) => ({
        year: c.year,
        partner: c.partner,
        source: c.source,
        amount: n(c.amount),
      })),
      spend: plan.pool.spend.map((s) => ({ scheme: s.scheme, year: s.year, quarter: s.quarter, amount: n(s.amount) })),
      ...(plan.pool.phasing
        ? {
            phasing: Object.fromEntries(
              Object.entries(plan.pool.phasing).map(([y, qs]) => [y, qs.map((q) => (q === null ? null : n(q)))]),
            ),
          }
        : {}),
    };
  }
  if (plan.risks) {
    out.risks = plan.risks.map((r) => ({
      id: r.id,
      description: r.description,
      impact: n(r.impact),
      probability: n(r.probability),
      ...(r.statedRating ? { statedRating: n(r.statedRating) } : {}),
      mitigations: r.mitigations,
      owner: r.owner,
    }));
  }
  if (plan.statements) {
    out.statements = plan.statements.map((s) => ({
      id: s.id,
      kind: s.kind,
      label: s.label,
      year: s.year,
      stated: n(s.stated),
      source: s.source,
      parts: s.parts.map((p) => ({ label: p.label, amount: n(p.amount), ...(p.scheme ? { scheme: p.scheme } : {}) })),
    }));
  }
  return out;
}
