import { Caption1, Subtitle2 } from '@fluentui/react-components';
import type Decimal from 'decimal.js';
import type { SourceBalance } from '../../../domain/expenditure';
import { formatPounds, HUNDRED, ZERO } from '../../../domain/money';
import { sourceOf } from '../../../domain/templateVocabulary';
import { useExpenditureStyles } from './expenditureStyles';
import type { ExpenditureState } from './useExpenditure';

/** A bar's width as a share of the year's largest figure (drawing only: the figures are in the text). */
const width = (value: Decimal, largest: Decimal) =>
  largest.isZero() ? '0%' : `${value.dividedBy(largest).times(HUNDRED).toDecimalPlaces(1).toString()}%`;

/** Each source's income, spend and balance for the chosen year, as the template's running balances. */
export function Balances({ tab }: { readonly tab: ExpenditureState }) {
  const styles = useExpenditureStyles();
  if (!tab.year) return null;
  const largest = tab.balances.reduce(
    (m, b) => [b.income, b.expenditure].reduce((n, v) => (v.greaterThan(n) ? v : n), m),
    ZERO,
  );
  return (
    <section className={styles.section} aria-labelledby="balances-heading">
      <Subtitle2 as="h2" id="balances-heading">
        Balance by source {tab.year}
      </Subtitle2>
      {tab.balances.length === 0 && (
        <Caption1 className={styles.muted}>Each source’s income and spend shows here once either is entered.</Caption1>
      )}
      <ul className={styles.list} aria-label={`Balance by source ${tab.year}`}>
        {tab.balances.map((b) => (
          <BalanceItem key={b.source} balance={b} largest={largest} />
        ))}
      </ul>
    </section>
  );
}

function BalanceItem({ balance: b, largest }: { readonly balance: SourceBalance; readonly largest: Decimal }) {
  const styles = useExpenditureStyles();
  const over = b.balance.isNegative();
  return (
    <li className={styles.balance}>
      <strong>{sourceOf(b.source).label}</strong>
      <dl className={styles.figures}>
        <dt className={styles.term}>Income</dt>
        <dd className={styles.value}>{formatPounds(b.income)}</dd>
        <dt className={styles.term}>Spend</dt>
        <dd className={styles.value}>{formatPounds(b.expenditure)}</dd>
        <dt className={over ? styles.fail : styles.term}>{over ? 'Overspent by' : 'Balance'}</dt>
        <dd className={`${styles.value} ${over ? styles.fail : ''}`}>
          {formatPounds(over ? b.balance.negated() : b.balance)}
        </dd>
      </dl>
      <div className={styles.bars} aria-hidden="true">
        <div className={styles.track}>
          <div className={styles.income} style={{ width: width(b.income, largest) }} />
        </div>
        <div className={styles.track}>
          <div className={over ? styles.overspend : styles.spend} style={{ width: width(b.expenditure, largest) }} />
        </div>
      </div>
    </li>
  );
}
