import { Button, Caption1, Field, Input, makeStyles, Select, Subtitle2, tokens } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import type { Plan } from '../../../domain/plan';
import { panelStyles } from '../../panelStyles';
import type { PlanSession } from '../../session';
import {
  NEW_PARTNER,
  useAddContribution,
  useContributionList,
  type AddContributionState,
  type ContributionListState,
} from './usePool';

const useStyles = makeStyles({
  ...panelStyles,
  item: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    justifyContent: 'space-between',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  itemText: { minWidth: 0, overflowWrap: 'anywhere' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  input: { width: '100%', minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** Contributions by partner and funding source for one year: the list, and a form to add one. */
export function Contributions({
  session,
  plan,
  year,
}: {
  readonly session: PlanSession;
  readonly plan: Plan;
  readonly year: string;
}) {
  return (
    <ContributionsView list={useContributionList(session, plan, year)}>
      <AddContribution session={session} plan={plan} year={year} />
    </ContributionsView>
  );
}

/** The list, each line removable after a second press to confirm, then the form given as children. */
export function ContributionsView({
  list,
  children,
}: {
  readonly list: ContributionListState;
  readonly children: ReactNode;
}) {
  const styles = useStyles();
  const { year, busy } = list;
  return (
    <section className={styles.section} aria-labelledby="contributions-heading">
      <Subtitle2 as="h2" id="contributions-heading">
        Contributions {year}
      </Subtitle2>
      {list.mine.length === 0 && <Caption1 className={styles.muted}>No contributions entered for {year} yet.</Caption1>}
      <ul className={styles.list} aria-label={`Contributions ${year}`}>
        {list.mine.map(({ c, index, shown }) => (
          <li key={index} className={styles.item}>
            <span className={styles.itemText}>
              <strong>{c.partner}</strong> · {c.source}: {shown}
            </span>
            {list.asking === index ? (
              <span className={styles.row}>
                <Button size="small" appearance="primary" disabled={busy} onClick={() => list.remove(index)}>
                  Remove
                </Button>
                <Button size="small" onClick={list.keep}>
                  Keep
                </Button>
              </span>
            ) : (
              <Button
                size="small"
                appearance="subtle"
                icon={<DeleteRegular />}
                aria-label={`Remove ${c.partner} ${c.source} ${shown}`}
                disabled={busy}
                onClick={() => list.ask(index)}
              />
            )}
          </li>
        ))}
      </ul>
      {children}
    </section>
  );
}

function AddContribution(props: { readonly session: PlanSession; readonly plan: Plan; readonly year: string }) {
  return <AddContributionView form={useAddContribution(props.session, props.plan, props.year)} />;
}

const show = (error: string | undefined) =>
  error ? { validationState: 'error' as const, validationMessage: error } : {};

export function AddContributionView({ form }: { readonly form: AddContributionState }) {
  const styles = useStyles();
  return (
    <form
      className={styles.form}
      aria-label={`Add a contribution for ${form.year}`}
      onSubmit={(e) => {
        e.preventDefault();
        form.submit();
      }}
    >
      <Field label="Partner" {...show(form.errors.partner)}>
        <Select value={form.partner} onChange={(_, d) => form.setPartner(d.value)}>
          {form.partners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.id} · {p.name.length > 30 ? `${p.name.slice(0, 29)}…` : p.name}
            </option>
          ))}
          <option value={NEW_PARTNER}>A new partner…</option>
        </Select>
      </Field>
      {form.adding && (
        <>
          <Field label="New partner’s id" hint="Short, e.g. CC or ICB">
            <Input className={styles.input} value={form.newId} onChange={(_, d) => form.setNewId(d.value)} />
          </Field>
          <Field label="New partner’s name">
            <Input className={styles.input} value={form.newName} onChange={(_, d) => form.setNewName(d.value)} />
          </Field>
          <Field label="Kind">
            <Select value={form.newKind} onChange={(_, d) => form.setNewKind(d.value === 'nhs' ? 'nhs' : 'council')}>
              <option value="council">Council</option>
              <option value="nhs">NHS</option>
            </Select>
          </Field>
        </>
      )}
      <Field label="Funding source" {...show(form.errors.source)}>
        <Input
          className={styles.input}
          value={form.source}
          onChange={(_, d) => form.setSource(d.value)}
          placeholder="e.g. ICB minimum contribution"
        />
      </Field>
      <Field label="Amount (£)" {...show(form.errors.amount)}>
        <Input
          className={styles.input}
          value={form.amount}
          contentBefore="£"
          inputMode="decimal"
          onChange={(_, d) => form.setAmount(d.value)}
        />
      </Field>
      <div>
        <Button type="submit" appearance="primary" disabled={form.busy}>
          Add contribution
        </Button>
      </div>
    </form>
  );
}
