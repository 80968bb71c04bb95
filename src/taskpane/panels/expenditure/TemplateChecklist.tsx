import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Subtitle2,
} from '@fluentui/react-components';
import { TEMPLATE_RULE_TITLES, type TemplateRule } from '../../../domain/templateRules';
import { useExpenditureStyles } from './expenditureStyles';
import type { ExpenditureState } from './useExpenditure';

/** The template's checklist: rules not met first, each choosing its cell in the workbook; rules met folded away. */
export function TemplateChecklist({ tab }: { readonly tab: ExpenditureState }) {
  const styles = useExpenditureStyles();
  const failed = tab.rules.filter((r) => !r.passed);
  const passed = tab.rules.filter((r) => r.passed);
  return (
    <section className={styles.section} aria-labelledby="template-checks-heading">
      <Subtitle2 as="h2" id="template-checks-heading">
        Template checklist
      </Subtitle2>
      <Caption1 role="status">
        {tab.rules.length === 0
          ? 'Nothing to check yet: the rules apply once income, lines or minimums are entered.'
          : failed.length
            ? `${failed.length} of ${tab.rules.length} not met${tab.canSelect ? '. Choose one to go to its cell.' : '.'}`
            : `All ${tab.rules.length} met.`}
      </Caption1>
      {failed.length > 0 && (
        <ul className={styles.list} aria-label="Rules not met">
          {failed.map((r, i) => (
            <RuleItem key={`${r.rule}:${i}`} tab={tab} rule={r} />
          ))}
        </ul>
      )}
      {passed.length > 0 && (
        <Accordion collapsible>
          <AccordionItem value="met">
            <AccordionHeader size="small">
              {passed.length === 1 ? 'One rule met' : `${passed.length} rules met`}
            </AccordionHeader>
            <AccordionPanel>
              <ul className={styles.list} aria-label="Rules met">
                {passed.map((r, i) => (
                  <RuleItem key={`${r.rule}:${i}`} tab={tab} rule={r} />
                ))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
    </section>
  );
}

function RuleItem({ tab, rule }: { readonly tab: ExpenditureState; readonly rule: TemplateRule }) {
  const styles = useExpenditureStyles();
  const cell = tab.canSelect ? tab.ruleCell(rule) : undefined;
  const verdict = rule.passed ? 'MET' : rule.severity === 'warning' ? 'CHECK' : 'NOT MET';
  const text = (
    <span className={styles.ruleText}>
      <Caption1 className={rule.passed ? styles.pass : styles.fail}>{verdict}</Caption1>{' '}
      <strong>{TEMPLATE_RULE_TITLES[rule.rule]}</strong>
      {cell ? ` (${cell.sheet}!${cell.cell})` : ''}: {rule.message}
    </span>
  );
  return (
    <li>
      {cell ? (
        <Button
          appearance="subtle"
          className={styles.cellLink}
          disabled={tab.busy}
          onClick={() => tab.selectRule(rule)}
        >
          {text}
        </Button>
      ) : (
        <Caption1>{text}</Caption1>
      )}
    </li>
  );
}
