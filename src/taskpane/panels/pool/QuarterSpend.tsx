import { Button, Caption1, Field, Input, makeStyles, Select, Subtitle2, tokens } from '@fluentui/react-components';
import type { QuarterNumber } from '../../../domain/financialYear';
import { formatPounds } from '../../../domain/money';
import type { Plan } from '../../../domain/plan';
import { QUARTERS } from '../../../domain/pool';
import { panelStyles } from '../../panelStyles';
import type { PlanSession } from '../../session';
import { useQuarterSpend, type QuarterSpendState } from './usePoolForms';

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
  return <QuarterSpendView form={useQuarterSpend(session, plan, year)} />;
}

export function QuarterSpendView({ form }: { readonly form: QuarterSpendState }) {
  const styles = useStyles();
  const { year, quarter, schemes, figures, typed, problems } = form;
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
          form.save();
        }}
      >
        <Field label="Quarter">
          <Select value={String(quarter)} onChange={(_, d) => form.setQuarter(Number(d.value) as QuarterNumber)}>
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
                onChange={(_, d) => form.type(s.ref, d.value)}
              />
            </Field>
          );
        })}
        <div>
          <Button type="submit" appearance="primary" disabled={form.busy || form.invalid}>
            Save {year} Q{quarter} spend
          </Button>
        </div>
      </form>
    </section>
  );
}
