import type Decimal from 'decimal.js';
import { useEffect, useMemo, useState } from 'react';
import { amountProblem, parseAmount } from '../../../domain/amountText';
import type { QuarterNumber } from '../../../domain/financialYear';
import { formatCount, sum } from '../../../domain/money';
import type { Plan } from '../../../domain/plan';
import { computePoolYear, poolSchemes, type SharingRule } from '../../../domain/pool';
import { setQuarterSpend, setSharing } from '../../../domain/poolEdits';
import type { PlanSession } from '../../session';
import { savePool } from './poolActions';

/** What is wrong with each typed box (undefined when it is blank or fine). */
function problemsOf(typed: Record<string, string>, problem: (text: string) => string | undefined) {
  return Object.fromEntries(
    Object.entries(typed).map(([key, text]) => [key, text.trim() === '' ? undefined : problem(text)]),
  );
}

const spendProblem = (text: string) =>
  amountProblem(text) ??
  (parseAmount(text)!.isNegative()
    ? 'Spend is £0 or more; enter a refund as a lower figure for the quarter.'
    : undefined);

/**
 * One quarter's spend for every pooled scheme: the quarter chosen, each box as typed (reset to the
 * workbook's figures when the plan or quarter changes), what is wrong with each, and saving.
 */
export function useQuarterSpend(session: PlanSession, plan: Plan, year: string) {
  const [quarter, setQuarter] = useState<QuarterNumber>(1);
  const schemes = poolSchemes(plan, year);
  const figures = useMemo(() => computePoolYear(plan, year), [plan, year]);
  const entered = useMemo(() => {
    const has = new Set(
      (plan.pool?.spend ?? [])
        .filter((s) => s.year === year && s.quarter === quarter)
        .map((s) => s.scheme.toLowerCase()),
    );
    return Object.fromEntries(
      figures.schemes.map((s) => [
        s.ref,
        has.has(s.ref.toLowerCase()) ? formatCount(s.spendByQuarter[quarter - 1]) : '',
      ]),
    );
  }, [figures, plan, year, quarter]);
  const [typed, setTyped] = useState<Record<string, string>>(entered);
  useEffect(() => setTyped(entered), [entered]);
  const problems = problemsOf(typed, spendProblem);
  const invalid = Object.values(problems).some(Boolean);
  const save = () => {
    const amounts = new Map<string, Decimal | undefined>(
      schemes.map((s) => [s.ref, (typed[s.ref] ?? '').trim() === '' ? undefined : parseAmount(typed[s.ref])]),
    );
    void savePool(session, `Spend for ${year} Q${quarter}`, (p) => setQuarterSpend(p, year, quarter, amounts));
  };
  return {
    year,
    quarter,
    setQuarter,
    schemes,
    figures,
    typed,
    type: (ref: string, text: string) => setTyped((t) => ({ ...t, [ref]: text })),
    problems,
    invalid,
    busy: !!session.busy,
    save: () => !invalid && save(),
  };
}

export type QuarterSpendState = ReturnType<typeof useQuarterSpend>;

/**
 * How an under- or overspend is shared: the kind chosen, each partner's typed percentage (reset to
 * the workbook's rule when the plan changes), whether they add to 100%, and saving.
 */
export function useSharingRule(session: PlanSession, plan: Plan) {
  const rule = plan.pool?.sharing ?? { kind: 'contributions' };
  const [kind, setKind] = useState<SharingRule['kind']>(rule.kind);
  const initial = () =>
    Object.fromEntries(
      plan.partners.map((p) => [
        p.id,
        rule.kind === 'fixed' ? (rule.shares.find((s) => s.partner === p.id)?.percent.toString() ?? '') : '',
      ]),
    );
  const [typed, setTyped] = useState<Record<string, string>>(initial);
  useEffect(() => {
    setKind(rule.kind);
    setTyped(initial());
  }, [plan]); // eslint-disable-line react-hooks/exhaustive-deps
  const problems = problemsOf(typed, amountProblem);
  const total = sum(
    Object.values(typed)
      .map((t) => (t.trim() === '' ? undefined : parseAmount(t)))
      .filter((d): d is NonNullable<typeof d> => d !== undefined),
  );
  const totalError =
    kind === 'fixed' && !Object.values(problems).some(Boolean) && !total.equals(100)
      ? `The shares add up to ${total.toString()}%; make them add up to 100%.`
      : undefined;
  const save = () => {
    const next: SharingRule =
      kind === 'contributions'
        ? { kind }
        : {
            kind,
            shares: plan.partners
              .filter((p) => (typed[p.id] ?? '').trim() !== '')
              .map((p) => ({ partner: p.id, percent: parseAmount(typed[p.id])! })),
          };
    void savePool(session, 'The sharing rule', (p) => setSharing(p, next));
  };
  return {
    partners: plan.partners,
    kind,
    setKind,
    typed,
    type: (id: string, text: string) => setTyped((t) => ({ ...t, [id]: text })),
    problems,
    totalError,
    busy: !!session.busy,
    save: () => !totalError && save(),
  };
}

export type SharingRuleState = ReturnType<typeof useSharingRule>;
