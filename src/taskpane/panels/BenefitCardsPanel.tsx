import { Body1, Button, Caption1, Field, Input, makeStyles, Select, Subtitle2, tokens } from '@fluentui/react-components';
import type Decimal from 'decimal.js';
import { useEffect, useMemo, useState } from 'react';
import { planQuarters } from '../../domain/benefitCard';
import { formatCount, formatPercent, formatPounds } from '../../domain/money';
import type { Plan } from '../../domain/plan';
import { benefitsSummary, combinedCumulative, type BenefitsSummary } from '../../domain/tracker';
import { enterQuarterActuals, quarterEntries, refreshCards, type QuarterEntry } from '../../workbook/cardCommands';
import { parseAmount } from '../../workbook/readers/cells';
import { CumulativeChart } from '../CumulativeChart';
import type { FeatureProps } from '../feature';
import { panelStyles } from '../panelStyles';

const useStyles = makeStyles({
  ...panelStyles,
  table: {
    ...panelStyles.table,
    '& th': { textAlign: 'left' },
    '& td': { textAlign: 'left' },
    '& td.n': { textAlign: 'right', whiteSpace: 'nowrap' },
  },
  input: { width: '100%', minWidth: '56px' },
  // A native select is as wide as its longest option; keep it inside the pane.
  chartField: { maxWidth: '100%', '& select': { maxWidth: '100%', width: '100%' } },
  red: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  amber: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  green: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
});

type Typed = Record<string, { reduction: string; baseline: string; actual: string; note: string }>;
const keyOf = (e: QuarterEntry) => `${e.ref}|${e.metric}`;
const show = (d: Decimal | undefined) => (d === undefined ? '' : d.toString());

/**
 * The Benefit Cards tab: create or refresh the cards, enter one quarter's actuals for every card in
 * one place, and see the steering group's summary. Commands go through cardCommands against the
 * session's host; nothing here touches Excel.
 */
export function BenefitCardsPanel({ session }: FeatureProps) {
  const styles = useStyles();
  const [plan, setPlan] = useState<Plan | undefined>(session.base);
  const [busy, setBusy] = useState<string>();
  const [message, setMessage] = useState<string>();
  useEffect(() => setPlan((p) => p ?? session.base), [session.base]);
  const quarters = useMemo(() => (plan ? planQuarters(plan).map((q) => q.label) : []), [plan]);
  const summary: BenefitsSummary | undefined = useMemo(() => (plan ? benefitsSummary(plan) : undefined), [plan]);
  const [quarter, setQuarter] = useState<string>();
  const [charted, setCharted] = useState<string>('all');
  const chartPoints = useMemo(() => combinedCumulative(summary ? summary.cards.filter((t) => charted === 'all' || t.card.ref === charted) : []), [summary, charted]);
  const chosen = quarter ?? summary?.quarter.label ?? quarters[0] ?? '';
  const entries = useMemo(() => (plan && chosen ? quarterEntries(plan, chosen) : []), [plan, chosen]);
  const [typed, setTyped] = useState<Typed>({});
  useEffect(() => {
    setTyped(Object.fromEntries(entries.map((e) => [keyOf(e), { reduction: show(e.reduction), baseline: show(e.baseline), actual: show(e.actual), note: e.note ?? '' }])));
  }, [entries]);

  const run = async (label: string, command: () => Promise<Plan>) => {
    if (busy) return;
    setBusy(label);
    setMessage(undefined);
    try {
      setPlan(await command());
      setMessage(`${label}: done.`);
    } catch (e) {
      setMessage(`${label} failed: ${(e as Error)?.message ?? String(e)}`);
    } finally {
      setBusy(undefined);
    }
  };

  const amount = (text: string): Decimal | undefined => (text.trim() === '' ? undefined : parseAmount(text.trim().replace(/%$/, '')));
  const invalid = entries.filter((e) => Object.entries(typed[keyOf(e)] ?? {}).some(([k, v]) => k !== 'note' && v.trim() !== '' && amount(v) === undefined));
  const save = () =>
    run(`Actuals for ${chosen}`, async () => {
      const filled: QuarterEntry[] = entries.map((e) => {
        const t = typed[keyOf(e)];
        return { ...e, reduction: amount(t.reduction), baseline: amount(t.baseline), actual: amount(t.actual), note: t.note.trim() || undefined };
      });
      return (await enterQuarterActuals(session.host, chosen, filled)).plan;
    });

  return (
    <>
      <section className={styles.section} aria-labelledby="cards-heading">
        <Subtitle2 as="h2" id="cards-heading">
          Benefit Cards
        </Subtitle2>
        <Body1>A card per scheme with benefits: profile by quarter, tracker, barriers, milestones and sign-off. Refreshing after the plan changes keeps everything people typed.</Body1>
        <div>
          <Button appearance="primary" disabled={!!busy || !session.base} onClick={() => run('Create or refresh the cards', async () => (await refreshCards(session.host)).plan)}>
            {busy === 'Create or refresh the cards' ? 'Writing the cards…' : 'Create or refresh cards'}
          </Button>
        </div>
        {!session.base && <Caption1 className={styles.muted}>Put a plan in the workbook on the Plan tab first.</Caption1>}
        {message && <Caption1 role="status">{message}</Caption1>}
      </section>

      {plan && entries.length > 0 && (
        <section className={styles.section} aria-labelledby="actuals-heading">
          <Subtitle2 as="h2" id="actuals-heading">
            Enter a quarter’s actuals
          </Subtitle2>
          <Field label="Quarter">
            <Select value={chosen} onChange={(_, d) => setQuarter(d.value)}>
              {quarters.map((q) => (
                <option key={q}>{q}</option>
              ))}
            </Select>
          </Field>
          <Caption1 className={styles.muted}>Type the realised reduction, or the baseline and actual admissions. For a rate, type the measured value (e.g. 0.85 for 85%).</Caption1>
          <div className={styles.scroll}>
            <table className={styles.table} aria-label={`Actuals for ${chosen}`}>
              <thead>
                <tr>
                  <th scope="col">Card and measure</th>
                  <th scope="col">Planned</th>
                  <th scope="col">Reduction</th>
                  <th scope="col">Baseline</th>
                  <th scope="col">Actual</th>
                  <th scope="col">Note</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => {
                  const k = keyOf(e);
                  const t = typed[k] ?? { reduction: '', baseline: '', actual: '', note: '' };
                  const set = (field: keyof typeof t) => (_: unknown, d: { value: string }) => setTyped((all) => ({ ...all, [k]: { ...t, [field]: d.value } }));
                  return (
                    <tr key={k}>
                      <th scope="row">{e.label}</th>
                      <td className="n">{e.planned === undefined ? '' : e.kind === 'rate' ? `target ${formatPercent(e.planned)}` : formatCount(e.planned)}</td>
                      <td>{e.kind === 'count' && <Input className={styles.input} aria-label={`${e.label} reduction`} value={t.reduction} onChange={set('reduction')} />}</td>
                      <td>{e.kind === 'count' && <Input className={styles.input} aria-label={`${e.label} baseline`} value={t.baseline} onChange={set('baseline')} />}</td>
                      <td>
                        <Input className={styles.input} aria-label={`${e.label} actual`} value={t.actual} onChange={set('actual')} />
                      </td>
                      <td>
                        <Input className={styles.input} aria-label={`${e.label} note`} value={t.note} onChange={set('note')} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {invalid.length > 0 && <Caption1 className={styles.red}>Numbers only in {invalid.map((e) => e.label).join(', ')}.</Caption1>}
          <div>
            <Button appearance="primary" disabled={!!busy || invalid.length > 0} onClick={save}>
              {busy?.startsWith('Actuals') ? 'Saving…' : `Save ${chosen} actuals`}
            </Button>
          </div>
        </section>
      )}

      {summary && summary.cards.length > 0 && (
        <section className={styles.section} aria-labelledby="summary-heading">
          <Subtitle2 as="h2" id="summary-heading">
            Steering-group summary as at {summary.asAt}
          </Subtitle2>
          <div className={styles.scroll}>
            <table className={styles.table} aria-labelledby="summary-heading">
              <thead>
                <tr>
                  <th scope="col">Card</th>
                  <th scope="col">Planned (quarters reported)</th>
                  <th scope="col">Realised</th>
                  <th scope="col">Variance</th>
                  <th scope="col">Status</th>
                  <th scope="col">Sign-off</th>
                  <th scope="col">Next milestone</th>
                </tr>
              </thead>
              <tbody>
                {summary.cards.map(({ card, position: p }) => (
                  <tr key={card.ref}>
                    <th scope="row">
                      {card.ref} {card.schemeName}
                    </th>
                    <td className="n">{formatPounds(p.plannedToDate)}</td>
                    <td className="n">{formatPounds(p.realisedToDate)}</td>
                    <td className="n">{p.variance === null ? 'no data' : formatPounds(p.variance)}</td>
                    <td className={p.status === 'Red' ? styles.red : p.status === 'Amber' ? styles.amber : p.status === 'Green' ? styles.green : undefined}>{p.status}</td>
                    <td>{p.signOff}</td>
                    <td>{p.nextMilestone}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">Total</th>
                  <td className="n">{formatPounds(summary.plannedToDate)}</td>
                  <td className="n">{formatPounds(summary.realisedToDate)}</td>
                  <td className="n">{formatPounds(summary.variance)}</td>
                  <td colSpan={3}>
                    Green {summary.statusCounts.Green}, Amber {summary.statusCounts.Amber}, Red {summary.statusCounts.Red}
                  </td>
                </tr>
              </tbody>
            </table>
          </div>
          <Field label="Cumulative benefit for" className={styles.chartField}>
            <Select value={charted} onChange={(_, d) => setCharted(d.value)}>
              <option value="all">All cards</option>
              {summary.cards.map(({ card }) => (
                <option key={card.ref} value={card.ref}>
                  {card.ref} {card.schemeName.length > 32 ? `${card.schemeName.slice(0, 31)}…` : card.schemeName}
                </option>
              ))}
            </Select>
          </Field>
          <CumulativeChart title={`Cumulative planned and realised benefit, ${charted === 'all' ? 'all cards' : `card ${charted}`}`} points={chartPoints} />
          {summary.nel.map((n) => (
            <Caption1 key={n.year}>
              NEL reduction target {n.year}: {formatCount(n.reductionTarget)}; realised to date {formatCount(n.realised)} ({n.realisedOfTarget === 'n/a' ? 'n/a' : formatPercent(n.realisedOfTarget)}); expected by year end{' '}
              {formatCount(n.forecast.expected.toDecimalPlaces(0))}.
            </Caption1>
          ))}
        </section>
      )}
    </>
  );
}
