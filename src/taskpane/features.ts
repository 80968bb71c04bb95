import type { Feature } from './feature';
import { BenefitCardsPanel } from './panels/BenefitCardsPanel';
import { ExpenditurePanel } from './panels/ExpenditurePanel';
import { JointFundingPanel } from './panels/JointFundingPanel';
import { ImportPanel } from './panels/ImportPanel';
import { PlanPanel } from './panels/PlanPanel';
import { PoolAuditPanel } from './panels/PoolAuditPanel';
import { TablesPanel } from './panels/TablesPanel';

/**
 * The task pane's tabs, in order. To add a panel, write it in src/taskpane/panels/ as a
 * component taking FeatureProps, and add one line here.
 */
export const features: readonly Feature[] = [
  { id: 'plan', label: 'Plan', component: PlanPanel },
  { id: 'tables', label: 'Tables', component: TablesPanel },
  { id: 'expenditure', label: 'Expenditure', component: ExpenditurePanel },
  { id: 'pool-audit', label: 'Pool & audit', component: PoolAuditPanel },
  { id: 'benefit-cards', label: 'Benefit Cards', component: BenefitCardsPanel },
  { id: 'joint-funding', label: 'Joint funding', component: JointFundingPanel },
  { id: 'import', label: 'Import', component: ImportPanel },
];
