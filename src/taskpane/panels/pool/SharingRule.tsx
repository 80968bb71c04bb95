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
import type { Plan } from '../../../domain/plan';
import { panelStyles } from '../../panelStyles';
import type { PlanSession } from '../../session';
import { useSharingRule, type SharingRuleState } from './usePoolForms';

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
  return <SharingRuleView form={useSharingRule(session, plan)} />;
}

export function SharingRuleView({ form }: { readonly form: SharingRuleState }) {
  const styles = useStyles();
  const { kind, typed, problems, totalError } = form;
  return (
    <section className={styles.section} aria-labelledby="sharing-heading">
      <Subtitle2 as="h2" id="sharing-heading">
        Sharing rule
      </Subtitle2>
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          form.save();
        }}
      >
        <Field label="An under- or overspend is shared">
          <RadioGroup value={kind} onChange={(_, d) => form.setKind(d.value === 'fixed' ? 'fixed' : 'contributions')}>
            <Radio value="contributions" label="In proportion to contributions" />
            <Radio value="fixed" label="By a fixed split" disabled={!form.partners.length} />
          </RadioGroup>
        </Field>
        {kind === 'fixed' && (
          <div className={styles.shares}>
            {form.partners.map((p) => (
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
                  onChange={(_, d) => form.type(p.id, d.value)}
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
          <Button type="submit" appearance="primary" disabled={form.busy || !!totalError}>
            Save the sharing rule
          </Button>
        </div>
      </form>
    </section>
  );
}
