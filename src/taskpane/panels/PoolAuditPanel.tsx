import { Body1, Button, Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { RULE_TITLES, type Finding } from '../../domain/audit/finding';
import { formatPounds } from '../../domain/money';
import type { Plan } from '../../domain/plan';
import { planChecks } from '../../domain/planChecks';
import { computePoolYear, describeSharing } from '../../domain/pool';
import { auditWorkbook } from '../../workbook/audit/auditWorkbook';
import type { FeatureProps } from '../feature';
import { panelStyles } from '../panelStyles';

const useStyles = makeStyles({
  ...panelStyles,
  table: {
    ...panelStyles.table,
    '& td': { textAlign: 'right', whiteSpace: 'nowrap' },
    '& th': { textAlign: 'left', fontWeight: tokens.fontWeightRegular },
  },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  finding: { textAlign: 'left', justifyContent: 'flex-start', whiteSpace: 'normal', height: 'auto', paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  fail: { color: tokens.colorPaletteRedForeground1 },
  pass: { color: tokens.colorPaletteGreenForeground1 },
});


/**
 * The "Pool & audit" tab: the pool by year, the plan's checks with their figures, and the audit of
 * the open workbook. Choosing a finding asks the host to select its cell.
 */
export function PoolAuditPanel({ session }: FeatureProps) {
  const styles = useStyles();
  const plan = session.base ?? session.checked?.plan;
  const host = session.host;
  const [findings, setFindings] = useState<readonly Finding[] | undefined>();
  const [auditing, setAuditing] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const runAudit = useCallback(() => {
    setAuditing(true);
    setError(undefined);
    host
      .read()
      .then((snapshot) => setFindings(auditWorkbook(snapshot).findings))
      .catch((e: Error) => setError(`The workbook could not be audited: ${e.message.split('\n')[0]}`))
      .finally(() => setAuditing(false));
  }, [host]);

  return (
    <>
      {plan && <PoolSummary plan={plan} />}
      {plan && <Checks plan={plan} />}
      <section className={styles.section} aria-labelledby="audit-heading">
        <Subtitle2 as="h2" id="audit-heading">
          Audit
        </Subtitle2>
        <Body1>Finds numbers typed over formulas, formulas changed by hand, inputs that break the checks, and pasted scheme tables whose rows and totals don’t add up.</Body1>
        <div>
          <Button appearance="primary" disabled={auditing || !!session.busy} onClick={runAudit}>
            {auditing ? 'Auditing…' : 'Audit this workbook'}
          </Button>
        </div>
        {error && (
          <Caption1 role="alert" className={styles.fail}>
            {error}
          </Caption1>
        )}
        {findings && !findings.length && <Caption1 role="status">Nothing to report: every formula is as built and every check passes.</Caption1>}
        {findings && findings.length > 0 && (
          <>
            <Caption1 role="status">
              {findings.length} finding{findings.length === 1 ? '' : 's'}
              {host.select ? '. Choose one to go to its cell.' : '.'}
            </Caption1>
            <ul className={styles.list} aria-label="Audit findings">
              {findings.map((f, i) => (
                <li key={`${f.sheet}!${f.cell}:${f.rule}:${i}`}>
                  <Button appearance="subtle" className={styles.finding} disabled={!host.select} onClick={() => void host.select?.(f.sheet, f.cell)}>
                    <span>
                      <strong>
                        {f.sheet}!{f.cell}
                      </strong>{' '}
                      {RULE_TITLES[f.rule]}: {f.message}
                    </span>
                  </Button>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}

function PoolSummary({ plan }: { readonly plan: Plan }) {
  const styles = useStyles();
  const years = plan.years.map((y) => computePoolYear(plan, y.label));
  return (
    <section className={styles.section} aria-labelledby="pool-heading">
      <Subtitle2 as="h2" id="pool-heading">
        Pooled budget
      </Subtitle2>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">Year</th>
            <td>Contributed</td>
            <td>Allocated</td>
            <td>Spent to date</td>
            <td>Variance to date</td>
          </tr>
        </thead>
        <tbody>
          {years.map((y) => (
            <tr key={y.year}>
              <th scope="row">{y.year}</th>
              <td>{formatPounds(y.contributed)}</td>
              <td>{formatPounds(y.allocated)}</td>
              <td>{formatPounds(y.spent)}</td>
              <td>{formatPounds(y.variance)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Caption1 className={styles.muted}>Variance to date is spend less the allocation phased to the quarters reported; the forecast year-end variance is shared {describeSharing(plan.pool?.sharing ?? { kind: 'contributions' })}. Spend is entered per quarter on the Pool sheet.</Caption1>
    </section>
  );
}

function Checks({ plan }: { readonly plan: Plan }) {
  const styles = useStyles();
  const checks = planChecks(plan);
  const failed = checks.filter((c) => !c.passed);
  return (
    <section className={styles.section} aria-labelledby="checks-heading">
      <Subtitle2 as="h2" id="checks-heading">
        Plan checks: {checks.length - failed.length} of {checks.length} pass
      </Subtitle2>
      <ul className={styles.list} aria-label="Plan checks">
        {[...failed, ...checks.filter((c) => c.passed)].map((c) => (
          <li key={c.id}>
            <Caption1 className={c.passed ? styles.pass : styles.fail}>{c.passed ? 'PASS' : 'FAIL'}</Caption1> <Caption1>{c.message}</Caption1>
          </li>
        ))}
      </ul>
    </section>
  );
}
