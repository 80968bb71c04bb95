import {
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { amountProblem, parseAmount } from '../../../domain/amountText';
import { sum } from '../../../domain/money';
import type { Plan } from '../../../domain/plan';
import { setSharing } from '../../../domain/poolEdits';
import type { SharingRule as Rule } from '../../../domain/pool';
import { panelStyles } from '../../panelStyles';
import type { PlanSession } from '../../session';
import { savePool } from './poolActions';

const useStyles = makeStyles({
  ...panelStyles,
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  shares: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(110px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
  },
  input: { width: '100%', minWidth: 0 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** How an under- or overspend is shared: in proportion to contributions, or a fixed split adding to 100%. */
export function SharingRule({ session, plan }: { readonly session: PlanSession; readonly plan: Plan }) {
  const styles = useStyles();
  const rule = plan.pool?.sharing ?? { kind: 'contributions' };
  const [kind, setKind] = useState<Rule['kind']>(rule.kind);
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
  const problems = Object.fromEntries(
    Object.entries(typed).map(([id, t]) => [id, t.trim() === '' ? undefined : amountProblem(t)]),
  );
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
    const next: Rule =
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
  return (
    <section className={styles.section} aria-labelledby="sharing-heading">
      <Subtitle2 as="h2" id="sharing-heading">
        Sharing rule
      </Subtitle2>
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          if (!totalError) save();
        }}
      >
        <Field label="An under- or overspend is shared">
          <RadioGroup value={kind} onChange={(_, d) => setKind(d.value === 'fixed' ? 'fixed' : 'contributions')}>
            <Radio value="contributions" label="In proportion to contributions" />
            <Radio value="fixed" label="By a fixed split" disabled={!plan.partners.length} />
          </RadioGroup>
        </Field>
        {kind === 'fixed' && (
          <div className={styles.shares}>
            {plan.partners.map((p) => (
              <Field
                key={p.id}
                label={`${p.id} share (%)`}
                validationState={problems[p.id] ? 'error' : 'none'}
                validationMessage={problems[p.id]}
              >
                <Input
                  className={styles.input}
                  value={typed[p.id] ?? ''}
                  inputMode="decimal"
                  onChange={(_, d) => setTyped((t) => ({ ...t, [p.id]: d.value }))}
                />
              </Field>
            ))}
          </div>
        )}
        {totalError && (
          <Caption1 role="alert" className={styles.error}>
            {totalError}
          </Caption1>
        )}
        <div>
          <Button type="submit" appearance="primary" disabled={!!session.busy || !!totalError}>
            Save the sharing rule
          </Button>
        </div>
      </form>
    </section>
  );
}
