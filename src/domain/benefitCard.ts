import type Decimal from 'decimal.js';
import { financialYear, isFinancialYearLabel, quartersOf, type Quarter } from './financialYear';
import { Money, ONE, ZERO } from './money';
import type { Plan, Scheme, UnitCost } from './plan';
import { reportingQuarter, type ReportingQuarter } from './reportingQuarter';
import type {
  Actual,
  BenefitType,
  CardBook,
  CardRecord,
  Milestone,
  RateMeasure,
  SignOff,
  Tolerances,
} from './cardRecord';

// What people keep on a card is declared apart, so that the plan, which holds it, and this module,
// which reads the plan, don't import each other.
export * from './cardRecord';

/**
 * Benefit Cards (Annex 1, "Feedback loop"): one per scheme with benefits, generated from the plan
 * and then kept by people. What people keep (owners, phasing, actuals, notes, barriers, milestones,
 * sign-offs, non-financial measures) is a CardRecord, part of the plan; what the plan dictates (the
 * annual counts, the unit costs, the quarters) is joined to it here into a BenefitCard.
 */

/**
 * Who signs a card off: three roles, the first the board's steering group. Each plan names its own
 * (Plan.signOffRoles); a plan that doesn't gets these neutral ones.
 */
export const DEFAULT_SIGN_OFF_ROLES = ['Steering group', 'Tier sponsor', 'Project sponsor'] as const;

export function signOffRoles(plan: Pick<Plan, 'signOffRoles'>): readonly string[] {
  return plan.signOffRoles?.length === DEFAULT_SIGN_OFF_ROLES.length ? plan.signOffRoles : DEFAULT_SIGN_OFF_ROLES;
}
export const SIGN_OFF_DECISIONS = ['Approved', 'Approved with conditions', 'Deferred', 'Rejected'] as const;
export const MILESTONE_STATUSES = ['Not started', 'On track', 'At risk', 'Late', 'Done'] as const;

export type Status = 'No data yet' | 'Green' | 'Amber' | 'Red';
export const STATUSES: readonly Status[] = ['No data yet', 'Green', 'Amber', 'Red'];

export const DEFAULT_TOLERANCES: Tolerances = {
  green: new Money('0.95'),
  amber: new Money('0.8'),
  forecastRange: new Money('0.15'),
};

// ---------------------------------------------------------------------------------------------

/** A counted, priced benefit of a card: its unit cost and the plan's annual counts. */
export interface CardMetric {
  readonly unit: UnitCost;
  /** The plan's count per year (zero where the scheme has none that year). */
  readonly annual: Readonly<Record<string, Decimal>>;
  /** Per year the four phasing fractions, or null for an even split. */
  readonly phasing: Readonly<Record<string, readonly (Decimal | null)[] | null>>;
}

export interface UnmatchedEntry {
  readonly actual: Actual;
  readonly reason: string;
}

export interface BenefitCard {
  readonly ref: string;
  readonly scheme?: Scheme; // undefined when the scheme has left the plan (the card is kept)
  readonly schemeName: string;
  readonly title: string;
  readonly type: BenefitType;
  readonly tier: string;
  readonly owner: string;
  readonly description: string;
  readonly measures: string;
  readonly calculation: string;
  readonly evidence: string;
  readonly optimismBias?: Decimal;
  readonly timeLag: string;
  readonly notes: string;
  readonly years: readonly string[];
  readonly quarters: readonly Quarter[];
  readonly metrics: readonly CardMetric[];
  readonly rates: readonly RateMeasure[];
  /** Matched actuals by metric id, then quarter label. */
  readonly actuals: ReadonlyMap<string, ReadonlyMap<string, Actual>>;
  readonly unmatched: readonly UnmatchedEntry[];
  readonly barriers: readonly string[];
  readonly dependencies: readonly string[];
  readonly milestones: readonly Milestone[];
  readonly signOffs: readonly SignOff[]; // always the plan's three roles (signOffRoles), in order
}

export function cardBook(plan: Plan): CardBook {
  return plan.cards ?? { tolerances: DEFAULT_TOLERANCES, records: [] };
}

export function planQuarters(plan: Plan): Quarter[] {
  return plan.years.filter((y) => isFinancialYearLabel(y.label)).flatMap((y) => quartersOf(financialYear(y.label)));
}

/** The unit-cost ids a scheme counts in any year (non-zero), in the order of the unit costs. */
export function schemeMetricIds(plan: Plan, scheme: Scheme): string[] {
  return plan.unitCosts
    .filter((u) =>
      plan.years.some((y) => {
        const c = scheme.years[y.label]?.benefits[u.id];
        return c !== undefined && !c.isZero();
      }),
    )
    .map((u) => u.id);
}

/**
 * The counted benefits a card tracks: those the scheme plans in any year, and any other unit cost
 * the card already has actuals for. A benefit planned down to zero keeps its tracker (planned 0,
 * what was realised still counted), as the sheet's own rows keep counting until the next refresh.
 */
export function cardMetricIds(plan: Plan, scheme: Scheme, record: CardRecord | undefined): string[] {
  const planned = new Set(schemeMetricIds(plan, scheme));
  const tracked = new Set((record?.actuals ?? []).filter(hasValue).map((a) => a.metric));
  return plan.unitCosts.filter((u) => planned.has(u.id) || tracked.has(u.id)).map((u) => u.id);
}

/**
 * The cards of a plan: every scheme with benefits, in scheme order, then any kept card whose scheme
 * has lost its benefits or left the plan (its entries are kept, never dropped).
 */
const cardsOf = new WeakMap<Plan, readonly BenefitCard[]>();

export function benefitCards(plan: Plan): readonly BenefitCard[] {
  // Built once per plan (plans are never changed in place): the card sheets, the summary and the
  // audit all ask for them, and a 1,000-scheme plan has a thousand cards.
  let cards = cardsOf.get(plan);
  if (!cards) cardsOf.set(plan, (cards = buildCards(plan)));
  return cards;
}

function buildCards(plan: Plan): BenefitCard[] {
  const records = cardBook(plan).records;
  const byRef = new Map<string, CardRecord>();
  // The first record of a ref wins, as a search from the top would find it.
  for (const r of records) if (!byRef.has(r.scheme.toLowerCase())) byRef.set(r.scheme.toLowerCase(), r);
  const recordOf = (ref: string) => byRef.get(ref.toLowerCase());
  const cards: BenefitCard[] = [];
  const seen = new Set<string>();
  for (const scheme of plan.schemes) {
    const record = recordOf(scheme.ref);
    if (schemeMetricIds(plan, scheme).length === 0 && !record) continue;
    cards.push(buildCard(plan, scheme.ref, scheme, record));
    seen.add(scheme.ref.toLowerCase());
  }
  for (const record of records) {
    if (!seen.has(record.scheme.toLowerCase())) {
      cards.push(buildCard(plan, record.scheme, undefined, record));
      seen.add(record.scheme.toLowerCase());
    }
  }
  return cards;
}

/** What a card shows for a record's scheme when nobody has typed anything: the plan's defaults. */
export function cardDefaults(
  plan: Plan,
  record: CardRecord,
): Pick<BenefitCard, 'title' | 'type' | 'tier' | 'description' | 'measures'> {
  const scheme = plan.schemes.find((s) => s.ref.toLowerCase() === record.scheme.toLowerCase());
  return buildCard(plan, record.scheme, scheme, { scheme: record.scheme, rateMeasures: record.rateMeasures });
}

function buildCard(plan: Plan, ref: string, scheme: Scheme | undefined, record: CardRecord | undefined): BenefitCard {
  const years = plan.years.map((y) => y.label).filter(isFinancialYearLabel);
  const quarters = planQuarters(plan);
  const ids = scheme ? cardMetricIds(plan, scheme, record) : [];
  const metrics: CardMetric[] = ids.map((id) => {
    const unit = plan.unitCosts.find((u) => u.id === id)!;
    const annual: Record<string, Decimal> = {};
    const phasing: Record<string, (Decimal | null)[] | null> = {};
    for (const year of years) {
      annual[year] = scheme?.years[year]?.benefits[id] ?? ZERO;
      const kept = record?.phasing?.[id]?.[year];
      phasing[year] = kept && kept.some((p) => p !== null) ? [0, 1, 2, 3].map((q) => kept[q] ?? null) : null;
    }
    return { unit, annual, phasing };
  });
  const rates = record?.rateMeasures ?? [];

  const quarterLabels = new Set(quarters.map((q) => q.label));
  const metricIds = new Set([...metrics.map((m) => m.unit.id), ...rates.map((r) => r.id)]);
  const actuals = new Map<string, Map<string, Actual>>();
  const unmatched: UnmatchedEntry[] = [];
  for (const actual of record?.actuals ?? []) {
    let reason = '';
    if (!scheme) reason = `scheme ${ref} is no longer in the plan`;
    else if (!quarterLabels.has(actual.quarter))
      reason = `${actual.quarter || 'the quarter'} is not a quarter of the plan's years (${years.join(', ')})`;
    else if (!metricIds.has(actual.metric)) reason = `scheme ${ref} no longer counts "${actual.metric}"`;
    else if (actuals.get(actual.metric)?.has(actual.quarter))
      reason = `a second entry for ${actual.metric} in ${actual.quarter}`;
    if (reason) {
      unmatched.push({ actual, reason });
      continue;
    }
    if (!actuals.has(actual.metric)) actuals.set(actual.metric, new Map());
    actuals.get(actual.metric)!.set(actual.quarter, actual);
  }

  const roles = signOffRoles(plan);
  const signOffs = roles.map(
    (role) =>
      record?.signOffs?.find((s) => s.role.toLowerCase() === role.toLowerCase()) ?? {
        role,
        name: '',
        date: '',
        decision: '',
      },
  );
  const extraSignOffs = (record?.signOffs ?? []).filter(
    (s) => !roles.some((r) => r.toLowerCase() === s.role.toLowerCase()),
  );

  return {
    ref,
    scheme,
    schemeName: scheme?.name ?? `(scheme ${ref} is no longer in the plan)`,
    title: record?.title || defaultTitle(metrics, rates, years),
    type: record?.type ?? (metrics.length ? 'cash-releasing' : 'non-financial'),
    tier: record?.tier ?? scheme?.tiers ?? '',
    owner: record?.owner ?? '',
    description: record?.description ?? scheme?.description ?? '',
    measures: record?.measures ?? [...metrics.map((m) => m.unit.benefit), ...rates.map((r) => r.name)].join('; '),
    calculation: calculationText(metrics, rates),
    evidence: record?.evidence ?? '',
    optimismBias: record?.optimismBias,
    timeLag: record?.timeLag ?? '',
    notes: record?.notes ?? '',
    years,
    quarters,
    metrics,
    rates,
    actuals,
    unmatched,
    barriers: record?.barriers ?? [],
    dependencies: record?.dependencies ?? [],
    milestones: record?.milestones ?? [],
    signOffs: [...signOffs, ...extraSignOffs],
  };
}

/** "Reduce NEL adm. by 486 over 2014/15–2015/16": the benefit phrased as a change in a measure. */
function defaultTitle(metrics: readonly CardMetric[], rates: readonly RateMeasure[], years: readonly string[]): string {
  const span = years.length > 1 ? `${years[0]}–${years[years.length - 1]}` : (years[0] ?? '');
  const parts = metrics.map((m) => {
    const total = years.reduce((acc, y) => acc.plus(m.annual[y] ?? ZERO), ZERO);
    return `${m.unit.shortLabel} by ${total.toString()}`;
  });
  if (parts.length) return `Reduce ${parts.join(', ')} over ${span}`;
  if (rates.length) return `Raise ${rates.map((r) => r.name).join(', ')} to target`;
  return 'Benefit to be defined';
}

function calculationText(metrics: readonly CardMetric[], rates: readonly RateMeasure[]): string {
  return [
    ...metrics.map(
      (m) =>
        `${m.unit.shortLabel}: reduction (count) × UnitCost_${m.unit.id} (£ ${m.unit.unit}, on the Assumptions sheet)`,
    ),
    ...rates.map(
      (r) =>
        `${r.name}: measured against a target of ${r.unit === '%' ? `${r.target.times(100).toString()}%` : r.target.toString()} (no £)`,
    ),
  ].join('; ');
}

/**
 * The even split of a year's count over four quarters, in whole units, adding up exactly:
 * each quarter gets INT(n/4), and the remainder r = n − 4·INT(n/4) goes to the earliest quarters
 * one unit at a time (quarter q gets MIN(1, MAX(0, r − (q−1))) more). 155 → 39, 39, 39, 38;
 * a fractional count such as 10.5 → 3, 3, 2.5, 2. The workbook uses the same rule as a formula.
 */
export function evenQuarter(annual: Decimal, quarter: 1 | 2 | 3 | 4): Decimal {
  return evenSplit(annual)[quarter - 1];
}

function evenSplit(annual: Decimal): Decimal[] {
  const base = annual.dividedBy(4).floor();
  const remainder = annual.minus(base.times(4));
  if (remainder.isZero()) return [base, base, base, base];
  return [0, 1, 2, 3].map((q) => base.plus(Money.min(ONE, Money.max(ZERO, remainder.minus(q)))));
}

/** Planned count per quarter of one year: even, or the typed fractions (blank counts as 0%). */
export function plannedQuarters(annual: Decimal, phasing: readonly (Decimal | null)[] | null): Decimal[] {
  return phasing ? [0, 1, 2, 3].map((q) => annual.times(phasing[q] ?? ZERO)) : evenSplit(annual);
}

export function hasValue(a: Actual): boolean {
  return a.reduction !== undefined || a.actual !== undefined || a.baseline !== undefined;
}

/** The reporting quarter as typed in the card book, read against the plan's quarters (never replaced by another). */
export function planReportingQuarter(plan: Plan): ReportingQuarter {
  return reportingQuarter(
    cardBook(plan).asAt,
    planQuarters(plan).map((q) => q.label),
  );
}

export function cardSheetName(ref: string): string {
  return `Card ${ref}`;
}
