import type { Feature } from './feature';
import { lazyPanel } from './lazyPanel';
import { PlanPanel } from './panels/PlanPanel';

/**
 * The task pane's tabs, in order. To add a panel, write it in src/taskpane/panels/ as a
 * component taking FeatureProps, and add one line here. The plan is the first screen and comes with
 * the pane; every other panel is its own chunk, fetched when its tab is first hovered or opened.
 */
export const features: readonly Feature[] = [
  { id: 'plan', label: 'Plan', component: PlanPanel },
  lazyPanel('tables', 'Tables', () =>
    import(/* webpackChunkName: "panel-tables" */ './panels/TablesPanel').then((m) => m.TablesPanel),
  ),
  lazyPanel('expenditure', 'Expenditure', () =>
    import(/* webpackChunkName: "panel-expenditure" */ './panels/ExpenditurePanel').then((m) => m.ExpenditurePanel),
  ),
  lazyPanel('pool-audit', 'Pool & audit', () =>
    import(/* webpackChunkName: "panel-pool-audit" */ './panels/PoolAuditPanel').then((m) => m.PoolAuditPanel),
  ),
  lazyPanel('benefit-cards', 'Benefit Cards', () =>
    import(/* webpackChunkName: "panel-benefit-cards" */ './panels/BenefitCardsPanel').then((m) => m.BenefitCardsPanel),
  ),
  lazyPanel('joint-funding', 'Joint funding', () =>
    import(/* webpackChunkName: "panel-joint-funding" */ './panels/JointFundingPanel').then((m) => m.JointFundingPanel),
  ),
  lazyPanel('import', 'Import', () =>
    import(/* webpackChunkName: "panel-import" */ './panels/ImportPanel').then((m) => m.ImportPanel),
  ),
];
