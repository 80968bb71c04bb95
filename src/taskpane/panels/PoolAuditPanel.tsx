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
import { useState } from 'react';
import { RULE_TITLES, type Finding } from '../../domain/audit/finding';
import type { Plan } from '../../domain/plan';
import { plural } from '../../domain/plural';
import { planChecks } from '../../domain/planChecks';
import { auditWorkbook } from '../../workbook/audit/auditWorkbook';
import { EVERY_SHEET } from '../../workbook/host';
import type { FeatureProps } from '../feature';
import { panelStyles } from '../panelStyles';
import type { PlanSession } from '../session';
import { Contributions } from './pool/Contributions';
import { PoolFigures } from './pool/PoolFigures';
import { QuarterSpend } from './pool/QuarterSpend';
import { SharingRule } from './pool/SharingRule';

const useStyles = makeStyles({
  ...panelStyles,
  item: { overflowWrap: 'anywhere' },
});

/**
 * The "Pool & audit" tab: the pooled budget for a chosen year (contributions by partner and source,
 * each quarter's spend, the sharing rule, the variance), the plan's checks, and the audit of the
 * open workbook. Every write and the audit's read go through the session's one command runner.
 */
export function PoolAuditPanel({ session }: FeatureProps) {
  const styles = useStyles();
  const plan = session.base;
  const [chosen, setChosen] = useState<string>();
  const year = plan?.years.find((y) => y.label === chosen)?.label ?? plan?.years[0]?.label;
  if (!plan || !year) {
    return (
      <>
        <Caption1 className={styles.muted}>
          Put a plan in the workbook on the Plan tab first; its pooled budget and checks are shown here.
        </Caption1>
        <Audit session={session} />
      </>
    );
  }
  return (
    <>
      <Field label="Financial year">
        <Select value={year} onChange={(_, d) => setChosen(d.value)}>
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
      <Audit session={session} />
    </>
  );
}

function Checks({ plan }: { readonly plan: Plan }) {
  const styles = useStyles();
  const checks = planChecks(plan);
  const failed = checks.filter((c) => !c.passed);
  const passed = checks.filter((c) => c.passed);
  const contributed = (plan.pool?.contributions ?? []).length > 0 || plan.years.some((y) => y.statedPool !== undefined);
  return (
    <section className={styles.section} aria-labelledby="checks-heading">
      <Subtitle2 as="h2" id="checks-heading">
        Plan checks
      </Subtitle2>
      {checks.length === 0 ? (
        <Caption1 role="status">
          Nothing to check yet.{' '}
          {contributed
            ? ''
            : 'The pool is checked once contributions are entered: the allocation to pooled schemes must equal what the partners put in.'}
        </Caption1>
      ) : (
        <Caption1 role="status">
          {failed.length
            ? checks.length === 1
              ? 'The one check fails.'
              : `${failed.length} of ${checks.length} checks fail.`
            : checks.length === 1
              ? 'The one check passes.'
              : `All ${checks.length} checks pass.`}
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

function Audit({ session }: { readonly session: PlanSession }) {
  const styles = useStyles();
  const [findings, setFindings] = useState<readonly Finding[] | undefined>();
  const runAudit = () =>
    void session
      .look('Auditing the workbook', async (workbook) => auditWorkbook(await workbook.read(EVERY_SHEET)).findings)
      .then((f) => f && setFindings(f));
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
        <Button appearance="primary" disabled={!!session.busy} onClick={runAudit}>
          {session.busy?.label === 'Auditing the workbook' ? 'Auditing…' : 'Audit this workbook'}
        </Button>
      </div>
      {findings && !findings.length && (
        <Caption1 role="status">Nothing to report: every formula is as built and no input breaks a check.</Caption1>
      )}
      {findings && findings.length > 0 && (
        <>
          <Caption1 role="status">
            {plural(findings.length, 'finding')}
            {session.canSelect ? '. Choose one to go to its cell.' : '.'}
          </Caption1>
          <ul className={styles.list} aria-label="Audit findings">
            {findings.map((f, i) => (
              <li key={`${f.sheet}!${f.cell}:${f.rule}:${i}`}>
                <Button
                  appearance="subtle"
                  className={styles.cellLink}
                  disabled={!session.canSelect}
                  onClick={() => session.selectCell(f.sheet, f.cell)}
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
