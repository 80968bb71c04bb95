import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Button,
  Caption1,
  Divider,
  Field,
  makeStyles,
  Select,
  Subtitle2,
} from '@fluentui/react-components';
import { RULE_TITLES } from '../../domain/audit/finding';
import type { Plan } from '../../domain/plan';
import { plural } from '../../domain/plural';
import type { FeatureProps } from '../feature';
import { panelStyles } from '../panelStyles';
import { Contributions } from './pool/Contributions';
import { PoolFigures } from './pool/PoolFigures';
import { QuarterSpend } from './pool/QuarterSpend';
import { SharingRule } from './pool/SharingRule';
import { useAudit, usePlanChecks, usePoolYear, type AuditState, type PlanChecksState } from './pool/usePool';
import { WHAT_A_SCHEME_TABLE_HAS } from '../../workbook/audit/printedTables';

const useStyles = makeStyles({
  ...panelStyles,
  item: { overflowWrap: 'anywhere' },
});

/**
 * The "Pool & audit" tab: the pooled budget for a chosen year (contributions by partner and source,
 * each quarter's spend, the sharing rule, the variance), the plan's checks, and the audit of the
 * open workbook. State and commands are pool/usePool's; every write and the audit's read go
 * through the session's one command runner.
 */
export function PoolAuditPanel({ session }: FeatureProps) {
  const styles = useStyles();
  const { plan, year, choose } = usePoolYear(session);
  const audit = <AuditView audit={useAudit(session)} />;
  if (!plan || !year) {
    return (
      <>
        <Caption1 className={styles.muted}>
          Put a plan in the workbook on the Plan tab first; its pooled budget and checks are shown here.
        </Caption1>
        {audit}
      </>
    );
  }
  return (
    <>
      <Field label="Financial year">
        <Select value={year} onChange={(_, d) => choose(d.value)}>
          {plan.years.map((y) => (
            <option key={y.label}>{y.label}</option>
          ))}
        </Select>
      </Field>
      <PoolFigures plan={plan} year={year} />
      <Contributions session={session} plan={plan} year={year} />
      <QuarterSpend key={year} session={session} plan={plan} year={year} />
      <SharingRule session={session} plan={plan} />
      <Divider />
      <Checks plan={plan} />
      {audit}
    </>
  );
}

function Checks({ plan }: { readonly plan: Plan }) {
  return <ChecksView checks={usePlanChecks(plan)} />;
}

export function ChecksView({ checks }: { readonly checks: PlanChecksState }) {
  const styles = useStyles();
  const { failed, passed, contributed } = checks;
  const count = checks.count;
  return (
    <section className={styles.section} aria-labelledby="checks-heading">
      <Subtitle2 as="h2" id="checks-heading">
        Plan checks
      </Subtitle2>
      {count === 0 ? (
        <Caption1 role="status">
          Nothing to check yet.{' '}
          {contributed
            ? ''
            : 'The pool is checked once contributions are entered: the allocation to pooled schemes must equal what the partners put in.'}
        </Caption1>
      ) : (
        <Caption1 role="status">
          {failed.length
            ? count === 1
              ? 'The one check fails.'
              : `${failed.length} of ${count} checks fail.`
            : count === 1
              ? 'The one check passes.'
              : `All ${count} checks pass.`}
        </Caption1>
      )}
      {failed.length > 0 && (
        <ul className={styles.list} aria-label="Checks that fail">
          {failed.map((c) => (
            <li key={c.id} className={styles.item}>
              <Caption1 className={styles.fail}>FAIL</Caption1> <Caption1>{c.message}</Caption1>
            </li>
          ))}
        </ul>
      )}
      {passed.length > 0 && (
        <Accordion collapsible>
          <AccordionItem value="passed">
            <AccordionHeader size="small">
              {passed.length === 1 ? 'One check passes' : `${passed.length} checks pass`}
            </AccordionHeader>
            <AccordionPanel>
              <ul className={styles.list} aria-label="Checks that pass">
                {passed.map((c) => (
                  <li key={c.id} className={styles.item}>
                    <Caption1 className={styles.pass}>PASS</Caption1> <Caption1>{c.message}</Caption1>
                  </li>
                ))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
    </section>
  );
}

export function AuditView({ audit }: { readonly audit: AuditState }) {
  const styles = useStyles();
  const { findings } = audit;
  return (
    <section className={styles.section} aria-labelledby="audit-heading">
      <Subtitle2 as="h2" id="audit-heading">
        Audit
      </Subtitle2>
      <Body1>
        Finds numbers typed over formulas, formulas changed by hand, inputs that break the checks, and pasted scheme
        tables whose rows and totals don’t add up.
      </Body1>
      <div>
        <Button appearance="primary" disabled={audit.busy} onClick={audit.run}>
          {audit.auditing ? 'Auditing…' : 'Audit this workbook'}
        </Button>
      </div>
      {findings && !findings.length && (
        <Caption1 role="status">
          {audit.checked
            ? `Nothing to report: ${audit.checked}.`
            : `Nothing was checked: this workbook has no plan, no planning template and no scheme table (${WHAT_A_SCHEME_TABLE_HAS}).`}
        </Caption1>
      )}
      {findings && findings.length > 0 && (
        <>
          <Caption1 role="status">
            {plural(findings.length, 'finding')}
            {audit.canSelect ? '. Choose one to go to its cell.' : '.'}
          </Caption1>
          <ul className={styles.list} aria-label="Audit findings">
            {findings.map((f, i) => (
              <li key={`${f.sheet}!${f.cell}:${f.rule}:${i}`}>
                <Button
                  appearance="subtle"
                  className={styles.cellLink}
                  disabled={!audit.canSelect}
                  onClick={() => audit.select(f)}
                >
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
  );
}
