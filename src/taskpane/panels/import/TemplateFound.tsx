import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { incomeFrom, sourcesUsed, spendFrom, totalSpend } from '../../../domain/expenditure';
import { formatPounds } from '../../../domain/money';
import type { Plan } from '../../../domain/plan';
import { plural } from '../../../domain/plural';
import { describeProblem } from '../../../domain/problems';
import { sourceOf } from '../../../domain/templateVocabulary';
import type { FoundTemplate } from '../../importFlow';
import { panelStyles } from '../../panelStyles';

const useStyles = makeStyles({
  ...panelStyles,
  fail: { color: tokens.colorPaletteRedForeground1, overflowWrap: 'anywhere' },
  wrap: { overflowWrap: 'anywhere' },
});

/**
 * NHS England's planning template found in the workbook: what was read (lines, the rows left out
 * as totals, each year's spend and each source's spend and income), what could not be, and the
 * button that starts the plan from it. Same words as `bcf import`, so the two can be compared.
 */
export function TemplateFound({
  found,
  busy,
  onStart,
}: {
  readonly found: FoundTemplate;
  readonly busy: boolean;
  readonly onStart: (plan: Plan) => void;
}) {
  const styles = useStyles();
  const { plan, problems, template } = found.imported;
  const errors = problems.filter((p) => p.severity === 'error');
  const leftOut = template.lines.totals;
  return (
    <>
      <Caption1 role="status" className={styles.wrap}>
        The BCF planning template: {plural(plan.expenditure?.length ?? 0, 'expenditure line')} under the header at{' '}
        {found.where}
        {template.income ? `, income from '${template.income.sheet}'` : ', no income tab found'}.
        {leftOut.length
          ? ` Left out as totals: ${leftOut.map((t) => `row ${t.row + 1} “${t.label}”`).join(', ')}.`
          : ''}
      </Caption1>
      <ul className={styles.list} aria-label="What the template holds">
        {plan.years.map((y) => (
          <li key={y.label}>
            <Caption1 className={styles.wrap}>
              {y.label}: spend {formatPounds(totalSpend(plan, y.label), true)}
              {sourcesUsed(plan)
                .map(
                  (s) =>
                    `; ${sourceOf(s).label} ${formatPounds(spendFrom(plan, s, y.label), true)} of ${formatPounds(incomeFrom(plan, s, y.label), true)}`,
                )
                .join('')}
              .
            </Caption1>
          </li>
        ))}
        {problems.map((p) => (
          <li key={describeProblem(p)}>
            <Caption1 className={p.severity === 'error' ? styles.fail : styles.wrap}>{describeProblem(p)}</Caption1>
          </li>
        ))}
      </ul>
      <div>
        <Button appearance="primary" disabled={busy || errors.length > 0} onClick={() => onStart(plan)}>
          Start the plan from this template
        </Button>
      </div>
    </>
  );
}
