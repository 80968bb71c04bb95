import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { PLAN_YEARS } from '../../../domain/financialYear';
import type { PlanSession } from '../../session';
import { usePlanYears, type PlanYearsState } from './planYearsForm';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  years: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, margin: 0, padding: 0 },
  year: { listStyle: 'none', display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  add: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  input: { width: '100%', minWidth: 0 },
});

/** The plan's financial years: one added or removed here reaches the workbook when the tables are next generated. */
export function PlanYears({ session }: { readonly session: PlanSession }) {
  return <PlanYearsView state={usePlanYears(session)} />;
}

export function PlanYearsView({ state }: { readonly state: PlanYearsState }) {
  const styles = useStyles();
  const { years, removing, problem, text, suggested, shownAs } = state;
  if (!years) return null;
  return (
    <section className={styles.section} aria-labelledby="years-heading">
      <Subtitle2 as="h2" id="years-heading">
        Years
      </Subtitle2>
      <ul className={styles.years} aria-label="The plan’s financial years">
        {years.map((label) => (
          <li key={label} className={styles.year}>
            <Body1>{label}</Body1>
            <Button
              size="small"
              appearance="subtle"
              icon={<DeleteRegular />}
              aria-label={`Remove ${label}`}
              title={`Remove ${label}`}
              disabled={years.length <= PLAN_YEARS.min}
              onClick={() => state.ask(label)}
            />
          </li>
        ))}
      </ul>
      {removing && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {removing.label} holds {removing.figures.join('; ')}. Removing the year removes them too, when the tables
            are next generated.
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="primary" onClick={() => state.remove(removing.label)}>
              Remove {removing.label}
            </Button>
            <Button size="small" onClick={state.keep}>
              Keep it
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {years.length < PLAN_YEARS.max && (
        <form
          className={styles.add}
          onSubmit={(e) => {
            e.preventDefault();
            state.add();
          }}
        >
          <Field
            label="Add a year"
            validationState={problem ? 'error' : 'none'}
            validationMessage={problem}
            hint={shownAs ? `Shown as ${shownAs}` : undefined}
          >
            <Input
              className={styles.input}
              value={text}
              placeholder={suggested}
              onChange={(_, d) => state.type(d.value)}
            />
          </Field>
          <Button icon={<AddRegular />} type="submit" disabled={!state.canAdd}>
            Add year
          </Button>
        </form>
      )}
      <Caption1 className={styles.muted}>
        You can also type a year under the others on the Assumptions sheet: its columns are added when the tables are
        next generated.
      </Caption1>
    </section>
  );
}
