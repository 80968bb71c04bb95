import {
  Button,
  Caption1,
  Divider,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  Spinner,
} from '@fluentui/react-components';
import type { FeatureProps } from '../feature';
import { Balances } from './expenditure/Balances';
import { useExpenditureStyles } from './expenditure/expenditureStyles';
import { Income, Minimums } from './expenditure/IncomeAndMinimums';
import { LineList } from './expenditure/LineList';
import { TemplateChecklist } from './expenditure/TemplateChecklist';
import { useExpenditure, type ExpenditureState } from './expenditure/useExpenditure';

/**
 * The "Expenditure" tab: NHS England's planning template in the pane. Lines, income and minimums
 * are edits to the pane's plan, like the Plan tab's, written by Generate or "Save to workbook";
 * balances and the template's checklist are worked out on what the pane holds as it is typed.
 */
export function ExpenditurePanel({ session }: FeatureProps) {
  const tab = useExpenditure(session);
  const styles = useExpenditureStyles();
  if (!tab.ready) {
    if (session.phase === 'reading') return <Spinner label="Reading the workbook…" />;
    return <Caption1 className={styles.muted}>Start or read a plan on the Plan tab first.</Caption1>;
  }
  return (
    <>
      <Unsaved tab={tab} />
      <LineList tab={tab} />
      <Divider />
      {tab.years.length > 1 && (
        <Field label="Plan year for income, minimums and balances">
          <Select value={tab.year} onChange={(_, d) => tab.chooseYear(d.value)}>
            {tab.years.map((y) => (
              <option key={y}>{y}</option>
            ))}
          </Select>
        </Field>
      )}
      <Income tab={tab} />
      <Minimums tab={tab} />
      <Balances tab={tab} />
      <Divider />
      <TemplateChecklist tab={tab} />
    </>
  );
}

/** Edits not in the workbook yet, and the button that writes them now. */
function Unsaved({ tab }: { readonly tab: ExpenditureState }) {
  if (!tab.unsaved) return null;
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        {tab.unsaved === 1 ? 'One change in the pane is' : `${tab.unsaved} changes in the pane are`} not in the workbook
        yet.
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" appearance="primary" disabled={tab.busy} onClick={tab.save}>
          Save to workbook
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
