import { Body1, Button, Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { TableSimpleRegular } from '@fluentui/react-icons';
import type Decimal from 'decimal.js';
import { formatCount, formatPercent, formatPounds, ZERO } from '../../domain/money';
import { NEL, type SchemeTable } from '../../domain/schemeTable';
import type { FeatureProps } from '../feature';
import { panelStyles } from '../panelStyles';
import { totalsCaption } from '../sessionNotices';
import { useTables, type TablesState } from './tables/useTables';

const useStyles = makeStyles({
  ...panelStyles,
  table: {
    ...panelStyles.table,
    '& thead th': {
      textAlign: 'left',
      fontWeight: tokens.fontWeightSemibold,
      color: tokens.colorNeutralForeground2,
      borderBottom: `2px solid ${tokens.colorNeutralStroke1}`,
    },
    '& tbody th': { textAlign: 'left', fontWeight: tokens.fontWeightRegular, overflowWrap: 'anywhere' },
    '& td': { textAlign: 'right', whiteSpace: 'nowrap' },
  },
  strong: { '& th, & td': { fontWeight: tokens.fontWeightSemibold } },
});

/** The Tables tab: generate or refresh every year's scheme table, and the totals each will show. */
export function TablesPanel({ session }: FeatureProps) {
  return <TablesView tab={useTables(session)} />;
}

/** The tab's markup, drawn from useTables' state. */
export function TablesView({ tab }: { readonly tab: TablesState }) {
  const styles = useStyles();
  return (
    <>
      <section className={styles.section} aria-labelledby="generate-heading">
        <Subtitle2 as="h2" id="generate-heading">
          Scheme tables
        </Subtitle2>
        <Body1>
          One sheet per year with the plan’s “Cost and impact of schemes” table and the Annex 1 benefits table. Every
          figure is a live formula over the Schemes sheet and the unit costs.
        </Body1>
        <div>
          <Button appearance="primary" icon={<TableSimpleRegular />} disabled={!tab.canGenerate} onClick={tab.generate}>
            {tab.label}
          </Button>
        </div>
        {!tab.hasPlan && (
          <Caption1 className={styles.muted}>Start a plan, or load the example, on the Plan tab first.</Caption1>
        )}
        {tab.hasPlan && !tab.valid && (
          <Caption1 role="status" style={{ color: tokens.colorPaletteRedForeground1 }}>
            {tab.errors === 1
              ? 'One field on the Plan tab needs correcting'
              : `${tab.errors} fields on the Plan tab need correcting`}{' '}
            before the tables can be generated.
          </Caption1>
        )}
      </section>
      {tab.tables.length > 0 && (
        <section className={styles.section} aria-labelledby="totals-heading">
          <Subtitle2 as="h2" id="totals-heading">
            Totals by year
          </Subtitle2>
          <Totals tables={tab.tables} pending={tab.pending} stale={tab.stale} />
        </section>
      )}
    </>
  );
}

/** Each year's totals as a short list of figures: one block per year fits a 320 px pane whatever the number of years. */
function Totals({
  tables,
  pending,
  stale,
}: {
  readonly tables: readonly SchemeTable[];
  readonly pending: number;
  readonly stale: boolean;
}) {
  const styles = useStyles();
  const rows: { label: string; value: (t: SchemeTable) => string; strong?: boolean }[] = [
    { label: 'BCF pool', value: (t) => formatPounds(t.poolTotal), strong: true },
    { label: 'Outside the pool', value: (t) => formatPounds(t.costOutsidePool) },
    { label: 'Reduced NEL admissions', value: (t) => formatCount(t.countTotals[NEL] ?? ZERO) },
    { label: 'NEL saving', value: (t) => formatPounds(t.savingTotals[NEL] ?? ZERO) },
    { label: 'Total saving (all benefits)', value: (t) => formatPounds(t.totalSaving), strong: true },
    {
      label: 'Total saving as % of pool',
      value: (t) => (t.poolTotal.isZero() ? 'n/a' : formatPercent(ratio(t.totalSaving, t.poolTotal))),
    },
  ];
  return (
    <>
      <Caption1 className={styles.muted}>{totalsCaption(pending, stale)}</Caption1>
      {tables.map((t) => (
        <table key={t.year} className={styles.table} aria-label={`Totals ${t.year}`}>
          <thead>
            <tr>
              <th scope="col">{t.year}</th>
              <td />
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label} className={r.strong ? styles.strong : undefined}>
                <th scope="row">{r.label}</th>
                <td>{r.value(t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  );
}

function ratio(a: Decimal, b: Decimal): Decimal {
  return a.dividedBy(b);
}
