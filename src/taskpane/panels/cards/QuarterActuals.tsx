import { Button, Caption1, Field, Input, makeStyles, Select, Subtitle2, tokens } from '@fluentui/react-components';
import { formatCount, formatPercent } from '../../../domain/money';
import type { Plan } from '../../../domain/plan';
import type { QuarterEntry } from '../../../workbook/cardCommands';
import { panelStyles } from '../../panelStyles';
import type { PlanSession } from '../../session';
import { entryKey, fieldMessage, type ActualField, type TypedActual } from './actualsForm';
import { useQuarterActuals, type QuarterActualsState } from './useBenefitCards';

const useStyles = makeStyles({
  ...panelStyles,
  card: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}`,
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  legend: {
    fontWeight: tokens.fontWeightSemibold,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    overflowWrap: 'anywhere',
  },
  measure: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(84px, 1fr))',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    alignItems: 'start',
  },
  input: { width: '100%', minWidth: 0 },
});

/** One quarter's actuals, card by card: a short form per card whose labels stay beside their boxes at any width. */
export function QuarterActuals(props: {
  readonly session: PlanSession;
  readonly plan: Plan;
  readonly quarters: readonly string[];
  readonly initial: string;
}) {
  return (
    <QuarterActualsView form={useQuarterActuals(props.session, props.plan, props.initial)} quarters={props.quarters} />
  );
}

export function QuarterActualsView({
  form,
  quarters,
}: {
  readonly form: QuarterActualsState;
  readonly quarters: readonly string[];
}) {
  const styles = useStyles();
  const { plan, quarter, entries, typed } = form;
  if (!entries.length) return null;
  return (
    <section className={styles.section} aria-labelledby="actuals-heading">
      <Subtitle2 as="h2" id="actuals-heading">
        Enter a quarter’s actuals
      </Subtitle2>
      <Field label="Quarter of these actuals">
        <Select value={quarter} onChange={(_, d) => form.setQuarter(d.value)}>
          {quarters.map((q) => (
            <option key={q}>{q}</option>
          ))}
        </Select>
      </Field>
      <Caption1 className={styles.muted}>
        Type the realised reduction, or the baseline and actual counts. For a rate, type the measured value (e.g. 0.85
        for 85%).
      </Caption1>
      {form.cards.map((ref) => {
        const mine = entries.filter((e) => e.ref === ref);
        const name = plan.schemes.find((s) => s.ref === ref)?.name ?? '';
        return (
          <fieldset key={ref} className={styles.card}>
            <legend className={styles.legend}>
              {ref} {name.length > 50 ? `${name.slice(0, 49)}…` : name}
            </legend>
            {mine.map((e) => (
              <Measure
                key={entryKey(e)}
                plan={plan}
                entry={e}
                typed={typed[entryKey(e)]}
                set={(t) => form.type(entryKey(e), t)}
              />
            ))}
          </fieldset>
        );
      })}
      <div>
        <Button appearance="primary" disabled={form.busy || form.errors} onClick={form.save}>
          {form.saving ? 'Saving…' : `Save ${quarter} actuals`}
        </Button>
      </div>
      {form.errors && <Caption1 className={styles.muted}>Correct the boxes marked in red to save.</Caption1>}
    </section>
  );
}

function Measure({
  plan,
  entry,
  typed,
  set,
}: {
  readonly plan: Plan;
  readonly entry: QuarterEntry;
  readonly typed?: TypedActual;
  readonly set: (t: TypedActual) => void;
}) {
  const styles = useStyles();
  const t = typed ?? { reduction: '', baseline: '', actual: '', note: '' };
  const measure = entry.label.slice(entry.ref.length + 1);
  const planned =
    entry.planned === undefined
      ? ''
      : entry.kind === 'rate'
        ? `target ${formatPercent(entry.planned)}`
        : `planned ${formatCount(entry.planned)}`;
  const fields: ActualField[] = entry.kind === 'count' ? ['reduction', 'baseline', 'actual'] : ['actual'];
  const titles: Record<ActualField, string> = {
    reduction: 'Reduction',
    baseline: 'Baseline',
    actual: entry.kind === 'rate' ? 'Measured' : 'Actual',
  };
  return (
    <div className={styles.measure} role="group" aria-label={`${entry.label}${planned ? `, ${planned}` : ''}`}>
      <Caption1>
        <strong>{measure}</strong>
        {planned && ` · ${planned}`}
      </Caption1>
      <div className={styles.grid}>
        {fields.map((f) => {
          const message = fieldMessage(plan, entry, f, t[f]);
          return (
            <Field
              key={f}
              label={titles[f]}
              validationState={message?.severity ?? 'none'}
              validationMessage={message?.text}
            >
              <Input
                className={styles.input}
                aria-label={`${entry.label} ${titles[f].toLowerCase()}`}
                value={t[f]}
                inputMode="decimal"
                onChange={(_, d) => set({ ...t, [f]: d.value })}
              />
            </Field>
          );
        })}
      </div>
      <Field label="Note">
        <Input
          className={styles.input}
          aria-label={`${entry.label} note`}
          value={t.note}
          onChange={(_, d) => set({ ...t, note: d.value })}
        />
      </Field>
    </div>
  );
}
