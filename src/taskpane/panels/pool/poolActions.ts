import type { Plan } from '../../../domain/plan';
import { updatePool } from '../../../workbook/poolCommands';
import type { PlanSession } from '../../session';
import { problemNotice } from '../../sessionNotices';

/**
 * Runs a pool edit through the session's one command runner, and says what happened in the
 * panel's one place for it. Resolves true when the workbook was written.
 */
export async function savePool(session: PlanSession, label: string, edit: (plan: Plan) => Plan): Promise<boolean> {
  const outcome = await session.run(label, (onProgress) => updatePool(session.host, edit, onProgress));
  if (!outcome) return false;
  if (outcome.status === 'refused') {
    const inCells = outcome.problems.some((p) => 'sheet' in p.where);
    session.notify(
      problemNotice(
        'error',
        `${label}: nothing was written`,
        outcome.problems,
        inCells ? 'Correct these cells in the workbook, then try again.' : undefined,
        inCells,
      ),
    );
    return false;
  }
  session.workbookWrote(outcome.plan);
  const warnings = outcome.warnings.map((p) => p.message);
  session.notify({
    intent: warnings.length ? 'warning' : 'success',
    title: `${label}: saved to the Pool sheet`,
    details: warnings,
  });
  return true;
}
