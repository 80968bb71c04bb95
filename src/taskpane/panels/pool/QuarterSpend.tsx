import { Button, Caption1, Field, Input, makeStyles, Select, Subtitle2, tokens } from '@fluentui/react-components';
import type Decimal from 'decimal.js';
import { useEffect, useMemo, useState } from 'react';
import { amountProblem, parseAmount } from '../../../domain/amountText';
import type { QuarterNumber } from '../../../domain/financialYear';
import { formatCount, formatPounds } from '../../../domain/money';
import type { Plan } from '../../../domain/plan';
import { computePoolYear, poolSchemes, QUARTERS } from '../../../domain/pool';
import { setQuarterSpend } from '../../../domain/poolEdits';
import { panelStyles } from '../../panelStyles';
import type { PlanSession } from '../../session';
import { savePool } from './poolActions';

const useStyles = makeStyles({
  ...panelStyles,
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  input: { width: '100%', minWidth: 0 },
});

/** One quarter's spend for every pooled scheme, as a short vertical form whose labels stay with their boxes. */
export function QuarterSpend({
  session,
  plan,
  year,
}: {
  readonly session: PlanSession;
  readonly plan: Plan;
  readonly year: string;
}) {
  const styles = useStyles();
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
  const problems = Object.fromEntries(
    Object.entries(typed).map(([ref, text]) => [
      ref,
      text.trim() === ''
        ? undefined
        : (amountProblem(text) ??
          (parseAmount(text)!.isNegative()
            ? 'Spend is £0 or more; enter a refund as a lower figure for the quarter.'
            : undefined)),
    ]),
  );
  const invalid = Object.values(problems).some(Boolean);
  const save = () => {
    const amounts = new Map<string, Decimal | undefined>(
      schemes.map((s) => [s.ref, (typed[s.ref] ?? '').trim() === '' ? undefined : parseAmount(typed[s.ref])]),
    );
    void savePool(session, `Spend for ${year} Q${quarter}`, (p) => setQuarterSpend(p, year, quarter, amounts));
  };
  if (!schemes.length) return null;
  return (
    <section className={styles.section} aria-labelledby="spend-heading">
      <Subtitle2 as="h2" id="spend-heading">
        Spend by quarter
      </Subtitle2>
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          if (!invalid) save();
        }}
      >
        <Field label="Quarter">
          <Select value={String(quarter)} onChange={(_, d) => setQuarter(Number(d.value) as QuarterNumber)}>
            {QUARTERS.map((q) => (
              <option key={q} value={q}>
                {year} Q{q}
              </option>
            ))}
          </Select>
        </Field>
        <Caption1 className={styles.muted}>
          What each pooled scheme spent in the quarter. Leave a box empty if nothing is known yet.
        </Caption1>
        {figures.schemes.map((s) => {
          const scheme = schemes.find((x) => x.ref === s.ref);
          const problem = problems[s.ref];
          return (
            <Field
              key={s.ref}
              label={`${s.ref} ${scheme && scheme.name.length > 40 ? `${scheme.name.slice(0, 39)}…` : (scheme?.name ?? '')}`}
              hint={
                problem ? undefined : `Allocated ${formatPounds(s.allocation)}; spent so far ${formatPounds(s.spend)}`
              }
              validationState={problem ? 'error' : 'none'}
              validationMessage={problem}
            >
              <Input
                className={styles.input}
                value={typed[s.ref] ?? ''}
                contentBefore="£"
                inputMode="decimal"
                onChange={(_, d) => setTyped((t) => ({ ...t, [s.ref]: d.value }))}
              />
            </Field>
          );
        })}
        <div>
          <Button type="submit" appearance="primary" disabled={!!session.busy || invalid}>
            Save {year} Q{quarter} spend
          </Button>
        </div>
      </form>
    </section>
  );
}
