import type Decimal from 'decimal.js';
import { cardDefaults, DEFAULT_SIGN_OFF_ROLES, signOffRoles, type Actual, type CardBook } from './benefitCard';
import type { Plan } from './plan';

/**
 * The plan file's "cards" section written back (cardsSchema.ts reads it). The JSON form of the cards, in one canonical form whatever it was read from: blank fields and
 * fields equal to what the plan would show anyway (the scheme's tier and description, the default
 * title, type and measures) are left out, actuals are in metric then quarter order and sign-offs
 * in role order. A plan read back from a built workbook then saves exactly as the plan it came from.
 */
export function cardBookToJson(book: CardBook | undefined, plan?: Plan): unknown {
  if (!book) return undefined;
  const roleOrder = (role: string) => {
    const roles = plan ? signOffRoles(plan) : DEFAULT_SIGN_OFF_ROLES;
    const i = roles.findIndex((r) => r.toLowerCase() === role.toLowerCase());
    return i < 0 ? roles.length : i;
  };
  const byKey = (a: Actual, b: Actual) =>
    a.metric === b.metric ? (a.quarter < b.quarter ? -1 : a.quarter > b.quarter ? 1 : 0) : a.metric < b.metric ? -1 : 1;
  const n = (d: Decimal | undefined) => (d === undefined ? undefined : d.toNumber());
  const clean = <T extends object>(o: T) =>
    Object.fromEntries(
      Object.entries(o).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)),
    );
  return clean({
    tolerances: {
      green: n(book.tolerances.green),
      amber: n(book.tolerances.amber),
      forecastRange: n(book.tolerances.forecastRange),
    },
    asAt: book.asAt,
    records: book.records.map((c) => {
      const defaults = plan ? cardDefaults(plan, c) : undefined;
      const unlessDefault = <T>(value: T, fallback: T | undefined) => (value === fallback ? undefined : value);
      return clean({
        scheme: c.scheme,
        title: unlessDefault(c.title, defaults?.title),
        type: unlessDefault(c.type, defaults?.type),
        tier: unlessDefault(c.tier, defaults?.tier),
        owner: c.owner,
        description: unlessDefault(c.description, defaults?.description),
        measures: unlessDefault(c.measures, defaults?.measures),
        evidence: c.evidence,
        optimismBias: n(c.optimismBias),
        timeLag: c.timeLag,
        notes: c.notes,
        phasing: c.phasing
          ? Object.fromEntries(
              Object.entries(c.phasing).map(([m, years]) => [
                m,
                Object.fromEntries(
                  Object.entries(years).map(([y, list]) => [y, list.map((p) => (p === null ? null : p.toNumber()))]),
                ),
              ]),
            )
          : undefined,
        rateMeasures: c.rateMeasures?.map((m) => ({ ...m, target: m.target.toNumber() })),
        actuals: [...(c.actuals ?? [])].sort(byKey).map((a) =>
          clean({
            quarter: a.quarter,
            metric: a.metric,
            reduction: n(a.reduction),
            baseline: n(a.baseline),
            actual: n(a.actual),
            note: a.note,
          }),
        ),
        barriers: c.barriers,
        dependencies: c.dependencies,
        milestones: c.milestones,
        signOffs: c.signOffs
          ?.filter((s) => s.name || s.date || s.decision)
          .sort((a, b) => roleOrder(a.role) - roleOrder(b.role)),
      });
    }),
  });
}
