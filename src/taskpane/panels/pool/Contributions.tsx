import { Button, Caption1, Field, Input, makeStyles, Select, Subtitle2, tokens } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { amountProblem, parseAmount } from '../../../domain/amountText';
import { formatPounds } from '../../../domain/money';
import type { Plan } from '../../../domain/plan';
import { addContribution, addPartner, removeContribution } from '../../../domain/poolEdits';
import { panelStyles } from '../../panelStyles';
import type { PlanSession } from '../../session';
import { savePool } from './poolActions';

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

const NEW_PARTNER = '+new';

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
  const styles = useStyles();
  const busy = !!session.busy;
  const all = plan.pool?.contributions ?? [];
  const mine = all.map((c, index) => ({ c, index })).filter(({ c }) => c.year === year);
  const [asking, setAsking] = useState<number>();
  return (
    <section className={styles.section} aria-labelledby="contributions-heading">
      <Subtitle2 as="h2" id="contributions-heading">
        Contributions {year}
      </Subtitle2>
      {mine.length === 0 && <Caption1 className={styles.muted}>No contributions entered for {year} yet.</Caption1>}
      <ul className={styles.list} aria-label={`Contributions ${year}`}>
        {mine.map(({ c, index }) => (
          <li key={index} className={styles.item}>
            <span className={styles.itemText}>
              <strong>{c.partner}</strong> · {c.source}: {formatPounds(c.amount)}
            </span>
            {asking === index ? (
              <span className={styles.row}>
                <Button
                  size="small"
                  appearance="primary"
                  disabled={busy}
                  onClick={() =>
                    void savePool(session, 'Removing a contribution', (p) => removeContribution(p, index)).then(() =>
                      setAsking(undefined),
                    )
                  }
                >
                  Remove
                </Button>
                <Button size="small" onClick={() => setAsking(undefined)}>
                  Keep
                </Button>
              </span>
            ) : (
              <Button
                size="small"
                appearance="subtle"
                icon={<DeleteRegular />}
                aria-label={`Remove ${c.partner} ${c.source} ${formatPounds(c.amount)}`}
                disabled={busy}
                onClick={() => setAsking(index)}
              />
            )}
          </li>
        ))}
      </ul>
      <AddContribution session={session} plan={plan} year={year} />
    </section>
  );
}

function AddContribution({
  session,
  plan,
  year,
}: {
  readonly session: PlanSession;
  readonly plan: Plan;
  readonly year: string;
}) {
  const styles = useStyles();
  const [partner, setPartner] = useState(plan.partners[0]?.id ?? NEW_PARTNER);
  const [newId, setNewId] = useState('');
  const [newName, setNewName] = useState('');
  const [newKind, setNewKind] = useState<'council' | 'nhs'>('council');
  const [source, setSource] = useState('');
  const [amount, setAmount] = useState('');
  const [touched, setTouched] = useState(false);
  const adding = partner === NEW_PARTNER || !plan.partners.some((p) => p.id === partner);
  const amountError =
    amount.trim() === ''
      ? 'Enter the amount.'
      : (amountProblem(amount) ?? (parseAmount(amount)!.isNegative() ? 'A contribution is £0 or more.' : undefined));
  const sourceError = source.trim() ? undefined : 'Say where the money comes from.';
  const partnerError =
    adding && (!newId.trim() || !newName.trim()) ? 'Give the new partner an id and a name.' : undefined;
  const submit = () => {
    setTouched(true);
    if (amountError || sourceError || partnerError) return;
    const id = adding ? newId.trim() : partner;
    void savePool(session, `Adding ${id}’s contribution`, (p) => {
      const withPartner = adding ? addPartner(p, { id, name: newName, kind: newKind }) : p;
      return addContribution(withPartner, { year, partner: id, source, amount: parseAmount(amount)! });
    }).then((saved) => {
      if (!saved) return;
      setSource('');
      setAmount('');
      setTouched(false);
      setPartner(id);
    });
  };
  const show = (error: string | undefined) =>
    touched && error ? { validationState: 'error' as const, validationMessage: error } : {};
  return (
    <form
      className={styles.form}
      aria-label={`Add a contribution for ${year}`}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Field label="Partner" {...show(partnerError)}>
        <Select value={adding ? NEW_PARTNER : partner} onChange={(_, d) => setPartner(d.value)}>
          {plan.partners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.id} · {p.name.length > 30 ? `${p.name.slice(0, 29)}…` : p.name}
            </option>
          ))}
          <option value={NEW_PARTNER}>A new partner…</option>
        </Select>
      </Field>
      {adding && (
        <>
          <Field label="New partner’s id" hint="Short, e.g. CC or ICB">
            <Input className={styles.input} value={newId} onChange={(_, d) => setNewId(d.value)} />
          </Field>
          <Field label="New partner’s name">
            <Input className={styles.input} value={newName} onChange={(_, d) => setNewName(d.value)} />
          </Field>
          <Field label="Kind">
            <Select value={newKind} onChange={(_, d) => setNewKind(d.value === 'nhs' ? 'nhs' : 'council')}>
              <option value="council">Council</option>
              <option value="nhs">NHS</option>
            </Select>
          </Field>
        </>
      )}
      <Field label="Funding source" {...show(sourceError)}>
        <Input
          className={styles.input}
          value={source}
          onChange={(_, d) => setSource(d.value)}
          placeholder="e.g. ICB minimum contribution"
        />
      </Field>
      <Field label="Amount (£)" {...show(amountError)}>
        <Input
          className={styles.input}
          value={amount}
          contentBefore="£"
          inputMode="decimal"
          onChange={(_, d) => setAmount(d.value)}
        />
      </Field>
      <div>
        <Button type="submit" appearance="primary" disabled={!!session.busy}>
          Add contribution
        </Button>
      </div>
    </form>
  );
}
