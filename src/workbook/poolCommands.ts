import type { Day } from '../domain/jointFunding';
import type { Plan } from '../domain/plan';
import { PoolEditError } from '../domain/poolEdits';
import { onWorkbookPlan } from './commands';
import type { Progress, WorkbookHost } from './host';
import { refusal, runCommand, writePlan, type CommandOutcome, type WorkbookCommand } from './workbookCommand';

/**
 * Applies a pool edit (src/domain/poolEdits.ts) to the plan the workbook holds at the moment of
 * writing, so what finance leads typed on the Pool sheet since the pane last read it is kept, then
 * rewrites the plan's sheets. The edit sees the workbook's plan, not the pane's.
 */
export function poolCommand(label: string, edit: (plan: Plan) => Plan): WorkbookCommand {
  return {
    label,
    decide: (snapshot, today) =>
      onWorkbookPlan(snapshot, (current) => {
        let plan: Plan;
        try {
          plan = edit(current);
        } catch (e) {
          if (e instanceof PoolEditError) return refusal(e.message, 'pool');
          throw e;
        }
        return writePlan(plan, { today, detail: {} });
      }),
  };
}

export async function updatePool(
  host: WorkbookHost,
  edit: (plan: Plan) => Plan,
  today: Day,
  onProgress?: (p: Progress) => void,
): Promise<CommandOutcome> {
  return runCommand(host, poolCommand('Saving the pool', edit), today, onProgress);
}
