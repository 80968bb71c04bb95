import type Decimal from 'decimal.js';
import { formatCount, formatPounds, ONE, ZERO, sum } from './money';
import { unitCostName, type Plan } from './plan';
import { computePoolYear } from './pool';
import { isScore, rating } from './riskLog';
import { NEL } from './schemeTable';
import type { Statement } from './statements';

/**
 * The plan's own arithmetic, each a pass or fail with its figures: the pool is fully allocated and
 * at least the minimum; stated amounts match what is tagged or itemised; each scheme's investment
 * lines add up to its cost; the amount at risk is the target reduction × the NEL unit cost; each
 * risk's rating is impact × probability. `subject` tells a layout or reader which input it is about.
 */
export interface PlanCheck {
  readonly id: string;
  readonly passed: boolean;
  readonly expected: string;
  readonly found: string;
  readonly message: string;
  readonly subject: CheckSubject;
}

export type CheckSubject =
  | { readonly kind: 'pool'; readonly year: string }
  | { readonly kind: 'minimum'; readonly year: string }
  | { readonly kind: 'shares'; readonly year: string }
  | { readonly kind: 'statement'; readonly index: number }
  | { readonly kind: 'investments'; readonly scheme: number; readonly year: string }
  | { readonly kind: 'atRisk'; readonly target: number }
  | { readonly kind: 'risk'; readonly index: number };

// A plan is immutable, so its checks are worked out once however many sheets and audits ask.
const checksOf = new WeakMap<Plan, readonly PlanCheck[]>();

export function planChecks(plan: Plan): readonly PlanCheck[] {
  let checks = checksOf.get(plan);
  if (!checks) {
    checks = [
      ...poolChecks(plan),
      ...statementChecks(plan),
      ...investmentChecks(plan),
      ...atRiskChecks(plan),
      ...riskChecks(plan),
    ];
    checksOf.set(plan, checks);
  }
  return checks;
}

function check(
  id: string,
  subject: CheckSubject,
  passed: boolean,
  expected: string,
  found: string,
  pass: string,
  fail: string,
): PlanCheck {
  return { id, subject, passed, expected, found, message: passed ? pass : fail };
}

function poolChecks(plan: Plan): PlanCheck[] {
  const checks: PlanCheck[] = [];
  plan.years.forEach((y) => {
    const p = computePoolYear(plan, y.label);
    const hasContributions = (plan.pool?.contributions ?? []).some((c) => c.year === y.label);
    const pool = hasContributions ? p.contributed : y.statedPool;
    const what = hasContributions ? 'the contributions' : 'the stated pool';
    if (pool !== undefined) {
      const diff = p.allocated.minus(pool);
      checks.push(
        check(
          `pool-allocated:${y.label}`,
          { kind: 'pool', year: y.label },
          diff.isZero(),
          formatPounds(pool),
          formatPounds(p.allocated),
          `${y.label}: the schemes in the pool are allocated ${formatPounds(p.allocated)}, exactly ${what}.`,
          `${y.label}: the schemes in the pool are allocated ${formatPounds(p.allocated)} but ${what} come to ${formatPounds(pool)}: ${diff.isNegative() ? `${formatPounds(diff.negated())} is not allocated to any scheme` : `${formatPounds(diff)} more is allocated than was put in`}.`,
        ),
      );
    }
    if (y.minimumPool !== undefined) {
      const total = pool ?? p.allocated;
      checks.push(
        check(
          `pool-minimum:${y.label}`,
          { kind: 'minimum', year: y.label },
          total.greaterThanOrEqualTo(y.minimumPool),
          `at least ${formatPounds(y.minimumPool)}`,
          formatPounds(total),
          `${y.label}: the pool of ${formatPounds(total)} meets the minimum of ${formatPounds(y.minimumPool)}.`,
          `${y.label}: the pool of ${formatPounds(total)} is ${formatPounds(y.minimumPool.minus(total))} short of the minimum required, ${formatPounds(y.minimumPool)}.`,
        ),
      );
    }
    const shares = sharesCheck(plan, y.label);
    if (shares) checks.push(shares);
  });
  return checks;
}

/**
 * The partners' shares of an under- or overspend add up to 100%: fixed shares that add up to 90%,
 * or money from a partner id the plan doesn't know, would leave part of it carried by no one.
 * Checked for a year with contributions, and for every year under a fixed split.
 */
function sharesCheck(plan: Plan, year: string): PlanCheck | undefined {
  const pool = plan.pool;
  const p = computePoolYear(plan, year);
  if (!pool || (pool.sharing.kind !== 'fixed' && p.contributions === 0)) return undefined;
  const total = sum(p.partners.map((x) => x.share));
  const percent = (d: Decimal) => `${d.times(100).toDecimalPlaces(2).toString()}%`;
  const unknown = p.unknownPartners.length
    ? ` Partner id${p.unknownPartners.length === 1 ? '' : 's'} not on the Assumptions sheet's Partners table: ${p.unknownPartners.join(', ')}.`
    : '';
  const rule =
    pool.sharing.kind === 'fixed' ? 'the fixed shares of the plan’s partners' : 'the plan’s partners’ contributions';
  return check(
    `pool-shares:${year}`,
    { kind: 'shares', year },
    total.toDecimalPlaces(10).equals(1),
    '100%',
    percent(total),
    `${year}: ${rule} share out all of any under- or overspend (100%).`,
    `${year}: ${rule} come to ${percent(total)} of any under- or overspend, so ${percent(ONE.minus(total).abs())} ${total.lessThan(1) ? 'is carried by no one' : 'is carried twice'}.${unknown}`,
  );
}

export function statementFigure(
  plan: Plan,
  s: Statement,
): { expected: Decimal; kind: 'pounds' | 'count' | 'percent' } | undefined {
  switch (s.kind) {
    case 'tagged':
      return { expected: sum(s.parts.map((p) => p.amount)), kind: 'pounds' };
    case 'parts':
      return {
        expected: sum(s.parts.map((p) => p.amount)),
        kind: /activity|admission|count/i.test(s.id + s.label) ? 'count' : 'pounds',
      };
    case 'amountAtRisk': {
      const reduction = targetReduction(plan, s.year);
      const unit = nelUnitCost(plan);
      return reduction && unit ? { expected: reduction.times(unit), kind: 'pounds' } : undefined;
    }
    case 'reductionPercent': {
      const t = plan.targets.find((x) => x.year === s.year);
      if (!t || t.baseline.isZero()) return undefined;
      return { expected: t.baseline.minus(t.target).dividedBy(t.baseline).times(100), kind: 'percent' };
    }
  }
}

/** A stated percentage is right when the exact figure rounds (half up) to it at the printed precision. */
export function agreesAtPrecision(exact: Decimal, stated: Decimal): boolean {
  return exact.toDecimalPlaces(Math.max(stated.decimalPlaces(), 0)).equals(stated);
}

function statementChecks(plan: Plan): PlanCheck[] {
  return (plan.statements ?? []).flatMap((s, index) => {
    const figure = statementFigure(plan, s);
    if (!figure) return [];
    const show = (d: Decimal) =>
      figure.kind === 'pounds'
        ? formatPounds(d, !d.isInteger())
        : figure.kind === 'count'
          ? formatCount(d)
          : `${d.toDecimalPlaces(2).toString()}%`;
    const passed =
      figure.kind === 'percent' ? agreesAtPrecision(figure.expected, s.stated) : figure.expected.equals(s.stated);
    const stated = figure.kind === 'percent' ? `${s.stated.toString()}%` : show(s.stated);
    const basis =
      s.kind === 'tagged'
        ? `the amounts tagged for it (${s.parts.map((p) => `${p.scheme ? `${p.scheme} ` : ''}${p.label} ${show(p.amount)}`).join(' + ') || 'none'})`
        : s.kind === 'parts'
          ? `its items (${s.parts.map((p) => `${p.label} ${show(p.amount)}`).join(' + ')})`
          : s.kind === 'amountAtRisk'
            ? `the target reduction × ${unitCostName(NEL)} (${formatCount(targetReduction(plan, s.year) ?? ZERO)} × ${formatPounds(nelUnitCost(plan) ?? ZERO)})`
            : `the NEL target (${formatCount(plan.targets.find((t) => t.year === s.year)!.baseline.minus(plan.targets.find((t) => t.year === s.year)!.target))} fewer admissions out of ${formatCount(plan.targets.find((t) => t.year === s.year)!.baseline)})`;
    const expectedText = show(figure.expected);
    return [
      check(
        `statement:${s.id}`,
        { kind: 'statement', index },
        passed,
        expectedText,
        stated,
        `${s.label} (${s.source}): the stated ${stated} agrees with ${basis}.`,
        `${s.label} (${s.source}): the plan states ${stated} but ${basis} come${s.kind === 'tagged' || s.kind === 'parts' ? '' : 's'} to ${expectedText}${figure.kind === 'percent' ? '' : `, a difference of ${show(s.stated.minus(figure.expected).abs())}`}.`,
      ),
    ];
  });
}

function investmentChecks(plan: Plan): PlanCheck[] {
  const checks: PlanCheck[] = [];
  plan.schemes.forEach((scheme, index) => {
    const years = [...new Set(scheme.investments.map((l) => l.year))];
    for (const year of years) {
      const lines = scheme.investments.filter((l) => l.year === year);
      const total = sum(lines.map((l) => l.amount));
      const cost = scheme.years[year]?.cost;
      const expected = cost === undefined ? 'a cost for the year' : formatPounds(cost);
      const passed = cost !== undefined && cost.equals(total);
      const pence = !total.isInteger();
      checks.push(
        check(
          `investments:${scheme.ref}:${year}`,
          { kind: 'investments', scheme: index, year },
          passed,
          expected,
          formatPounds(total, pence),
          `Scheme ${scheme.ref} ${year}: its ${lines.length} investment line${lines.length === 1 ? '' : 's'} add up to its cost, ${formatPounds(total, pence)}.`,
          cost === undefined
            ? `Scheme ${scheme.ref} has investment lines for ${year} (${formatPounds(total, pence)}) but no cost for that year.`
            : `Scheme ${scheme.ref} ${year}: the investment lines add up to ${formatPounds(total, pence)} but the scheme costs ${formatPounds(cost)}, a difference of ${formatPounds(total.minus(cost).abs(), pence)} (${lines.map((l) => `${l.line} ${formatPounds(l.amount, !l.amount.isInteger())}`).join(' + ')}).`,
        ),
      );
    }
  });
  return checks;
}

export function targetReduction(plan: Plan, year: string): Decimal | undefined {
  const t = plan.targets.find((x) => x.year === year);
  return t ? t.baseline.minus(t.target) : undefined;
}

export function nelUnitCost(plan: Plan): Decimal | undefined {
  return plan.unitCosts.find((u) => u.id === NEL)?.value;
}

function atRiskChecks(plan: Plan): PlanCheck[] {
  const unit = nelUnitCost(plan);
  return plan.targets.flatMap((t, index) => {
    if (!t.statedAtRisk || !unit) return [];
    const reduction = t.baseline.minus(t.target);
    const expected = reduction.times(unit);
    return [
      check(
        `at-risk:${t.year}`,
        { kind: 'atRisk', target: index },
        expected.equals(t.statedAtRisk),
        formatPounds(expected),
        formatPounds(t.statedAtRisk),
        `${t.year}: the amount at risk, ${formatPounds(t.statedAtRisk)}, is the target reduction of ${formatCount(reduction)} admissions × ${formatPounds(unit)}.`,
        `${t.year}: the plan puts ${formatPounds(t.statedAtRisk)} at risk, but the target reduction of ${formatCount(reduction)} admissions (${formatCount(t.baseline)} to ${formatCount(t.target)}) × ${formatPounds(unit)} is ${formatPounds(expected)}, a difference of ${formatPounds(t.statedAtRisk.minus(expected).abs())}.`,
      ),
    ];
  });
}

function riskChecks(plan: Plan): PlanCheck[] {
  return (plan.risks ?? []).flatMap((r, index) => {
    const name = `Risk ${r.id} ("${r.description.length > 50 ? `${r.description.slice(0, 50)}…` : r.description}")`;
    if (!isScore(r.impact) || !isScore(r.probability)) {
      return [
        check(
          `risk:${r.id}`,
          { kind: 'risk', index },
          false,
          'impact and probability from 1 to 5',
          `impact ${r.impact}, probability ${r.probability}`,
          '',
          `${name}: impact and probability are each scored 1 to 5; found impact ${r.impact} and probability ${r.probability}.`,
        ),
      ];
    }
    if (r.statedRating === undefined) return [];
    const expected = rating(r);
    return [
      check(
        `risk:${r.id}`,
        { kind: 'risk', index },
        expected.equals(r.statedRating),
        expected.toString(),
        r.statedRating.toString(),
        `${name}: rating ${r.statedRating} = impact ${r.impact} × probability ${r.probability}.`,
        `${name}: the stated rating is ${r.statedRating} but impact ${r.impact} × probability ${r.probability} is ${expected}.`,
      ),
    ];
  });
}
