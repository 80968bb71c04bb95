import { Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { formatPercent, formatPounds } from '../../../domain/money';
import type { Plan } from '../../../domain/plan';
import { computePoolYear, describeSharing } from '../../../domain/pool';
import { hasTemplate, totalIncome, totalSpend } from '../../../domain/expenditure';
import { panelStyles } from '../../panelStyles';
import { SpendChart } from './SpendChart';

const useStyles = makeStyles({
  ...panelStyles,
  table: {
    ...panelStyles.table,
    tableLayout: 'fixed',
    '& td': { textAlign: 'right' },
    '& th': { textAlign: 'left', fontWeight: tokens.fontWeightRegular, overflowWrap: 'anywhere' },
    '& thead th': { fontWeight: tokens.fontWeightSemibold },
    '& thead th.n': { textAlign: 'right' },
  },
});

/** One year of the pool as the Pool sheet works it out (src/domain/pool.ts): totals, then each partner's part. */
export function PoolFigures({ plan, year }: { readonly plan: Plan; readonly year: string }) {
  const styles = useStyles();
  const figures = computePoolYear(plan, year);
  const nothing = figures.contributed.isZero() && figures.spent.isZero();
  const rows: [string, string][] = [
    ['Contributed', formatPounds(figures.contributed)],
    ['Allocated to pooled schemes', formatPounds(figures.allocated)],
    [`Allocated to date (${figures.quartersReported} of 4 quarters)`, formatPounds(figures.allocatedToDate)],
    ['Spent to date', formatPounds(figures.spent)],
    ['Variance to date', formatPounds(figures.variance)],
    ['Forecast year-end variance', formatPounds(figures.forecastVariance)],
  ];
  return (
    <section className={styles.section} aria-labelledby="pool-heading">
      <Subtitle2 as="h2" id="pool-heading">
        Pooled budget {year}
      </Subtitle2>
      {nothing && (
        <Caption1 role="status">
          Nothing entered for {year} yet: {formatPounds(figures.allocated)} is allocated to pooled schemes against £0
          contributed and £0 spent. Add the partners’ contributions and each quarter’s spend below.
        </Caption1>
      )}
      {nothing && hasTemplate(plan) && (
        <Caption1>
          The planning template’s figures for {year} are on the Expenditure tab: income of{' '}
          {formatPounds(totalIncome(plan, year), true)} and lines spending {formatPounds(totalSpend(plan, year), true)},
          balanced source by source. This pool follows the partners’ contributions and each quarter’s actual spend.
        </Caption1>
      )}
      <dl className={styles.figures}>
        {rows.map(([term, value]) => (
          <div key={term} style={{ display: 'contents' }}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
      <SpendChart year={year} figures={figures} />
      {figures.partners.length > 0 && (
        <table className={styles.table} aria-label={`Partners’ shares, ${year}`}>
          <thead>
            <tr>
              <th scope="col">Partner</th>
              <th scope="col" className="n">
                Put in
              </th>
              <th scope="col" className="n">
                Share
              </th>
            </tr>
          </thead>
          <tbody>
            {figures.partners.map((p) => (
              <tr key={p.partner}>
                <th scope="row">{p.partner}</th>
                <td>{formatPounds(p.contributed)}</td>
                <td>{formatPercent(p.share)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {figures.unknownPartners.length > 0 && (
        <Caption1 role="alert">
          Not a partner of the plan: {figures.unknownPartners.join(', ')}. Add the partner or correct the id on the Pool
          sheet.
        </Caption1>
      )}
      <Caption1 className={styles.muted}>
        Variance to date is spend less the allocation phased to the quarters reported; the forecast year-end variance is
        shared {describeSharing(plan.pool?.sharing ?? { kind: 'contributions' })}.
      </Caption1>
    </section>
  );
}
