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
import { useState } from 'react';
import { financialYear, PLAN_YEARS } from '../../../domain/financialYear';
import { nextYear, yearToAddProblem } from '../../../domain/planYears';
import type { PlanSession } from '../../session';
import { figuresToLose, formWithYearAdded, formWithYearRemoved } from './planYearsForm';

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
  const styles = useStyles();
  const form = session.form;
  const [typed, setTyped] = useState<string | undefined>();
  const [removing, setRemoving] = useState<{ label: string; figures: string[] } | undefined>();
  if (!form) return null;
  const years = form.source.years.map((y) => y.label);
  const suggested = nextYear(form.source) ?? '';
  const text = typed ?? suggested;
  const problem = text.trim() ? yearToAddProblem(form.source, text) : undefined;
  const shownAs = !problem && text.trim() && financialYear(text).label !== text.trim() ? financialYear(text).label : '';
  const add = () => {
    if (problem || !text.trim()) return;
    session.edit((f) => formWithYearAdded(f, text));
    setTyped(undefined);
  };
  const remove = (label: string) => {
    session.edit((f) => formWithYearRemoved(f, label));
    setRemoving(undefined);
  };
  const ask = (label: string) => {
    const figures = figuresToLose(session, label);
    if (figures.length) setRemoving({ label, figures });
    else remove(label);
  };
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
              onClick={() => ask(label)}
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
            <Button size="small" appearance="primary" onClick={() => remove(removing.label)}>
              Remove {removing.label}
            </Button>
            <Button size="small" onClick={() => setRemoving(undefined)}>
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
            add();
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
              onChange={(_, d) => setTyped(d.value)}
            />
          </Field>
          <Button icon={<AddRegular />} type="submit" disabled={!!problem || !text.trim()}>
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
