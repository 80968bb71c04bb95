import { Button, Caption1, Field, makeStyles, Select } from '@fluentui/react-components';
import type { Plan } from '../../../domain/plan';
import { SETTING_QUARTER, useReportingQuarter, type ReportingQuarterChoice } from '../../cardActions';
import { panelStyles } from '../../panelStyles';
import type { PlanSession } from '../../session';

const useStyles = makeStyles({
  ...panelStyles,
  // A native select is as wide as its longest option; keep it inside the pane.
  field: { maxWidth: '100%', '& select': { maxWidth: '100%', width: '100%' } },
});

/** The quarter the cards, summary and chart report as at: chosen here, written on the Assumptions sheet. */
export function ReportingQuarter({ session, plan }: { readonly session: PlanSession; readonly plan: Plan }) {
  const choice = useReportingQuarter(session, plan);
  return (
    <ReportingQuarterView choice={choice} busy={!!session.busy} setting={session.busy?.label === SETTING_QUARTER} />
  );
}

export function ReportingQuarterView({
  choice,
  busy,
  setting,
}: {
  readonly choice: ReportingQuarterChoice;
  readonly busy: boolean;
  readonly setting: boolean;
}) {
  const styles = useStyles();
  if (!choice.quarters.length) return null;
  const where = `It is kept on the Assumptions sheet, cell ${choice.cell.replace(/^.*!/, '')}.`;
  return (
    <section className={styles.section} aria-labelledby="reporting-quarter-heading">
      <Field
        label={{ children: 'Reporting quarter', id: 'reporting-quarter-heading' }}
        className={styles.field}
        hint={
          choice.current.state === 'set'
            ? `The cards, the summary and the chart report as at ${choice.shown}. ${where}`
            : `${choice.shown}: the cards, the summary and the chart show no figures until a quarter is set. ${where}`
        }
      >
        <Select value={choice.chosen} onChange={(_, d) => choice.choose(d.value)}>
          {choice.quarters.map((q) => (
            <option key={q}>{q}</option>
          ))}
        </Select>
      </Field>
      <div>
        <Button disabled={busy || !choice.changed} onClick={() => void choice.save()}>
          {setting ? 'Setting…' : `Report as at ${choice.chosen ?? 'this quarter'}`}
        </Button>
      </div>
      {!choice.changed && <Caption1 className={styles.muted}>Choose another quarter to change it.</Caption1>}
    </section>
  );
}
