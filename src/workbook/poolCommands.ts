import type { Plan } from '../domain/plan';
import { jsonLocator } from '../domain/planJson';
import { checkPlan } from '../domain/planRules';
import { PoolEditError } from '../domain/poolEdits';
import type { Problem } from '../domain/problems';
import { loadPlanFromWorkbook } from './commands';
import type { Progress, WorkbookHost } from './host';
import { workbookLayout } from './workbookLayout';

export type PoolOutcome =
  | { readonly status: 'done'; readonly plan: Plan; readonly warnings: readonly Problem[] }
  /** Nothing was written; `problems` say why (the workbook's cells, or the edit itself). */
  | { readonly status: 'refused'; readonly problems: readonly Problem[] };

/**
 * Applies a pool edit (src/domain/poolEdits.ts) to the plan the workbook holds now, so what
 * finance leads typed on the Pool sheet since the pane last read it is kept, then rewrites the
 * plan's sheets in one command. The edit sees the workbook's plan, not the pane's.
 */
export async function updatePool(
  host: WorkbookHost,
  edit: (plan: Plan) => Plan,
  onProgress?: (p: Progress) => void,
): Promise<PoolOutcome> {
  const state = await loadPlanFromWorkbook(host);
  if (state.status === 'empty') return refused('there is no plan in this workbook yet; start one on the Plan tab.');
  if (state.status === 'invalid') return { status: 'refused', problems: state.problems };
  let plan: Plan;
  try {
    plan = edit(state.plan);
  } catch (e) {
    if (e instanceof PoolEditError) return refused(e.message);
    throw e;
  }
  const problems = checkPlan(plan, jsonLocator);
  if (problems.some((p) => p.severity === 'error')) return { status: 'refused', problems };
  await host.apply(workbookLayout(plan, plan.cards?.records.length ? 'all' : 'tables'), onProgress);
  return { status: 'done', plan, warnings: problems };
}

function refused(message: string): PoolOutcome {
  return { status: 'refused', problems: [{ severity: 'error', where: { path: 'pool' }, message }] };
}
