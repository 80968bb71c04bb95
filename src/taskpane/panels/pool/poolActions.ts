import type { Plan } from '../../../domain/plan';
import { poolCommand } from '../../../workbook/poolCommands';
import type { PlanSession } from '../../session';

/** Saves a pool edit, on the plan the workbook holds when it writes. Resolves true when the workbook was written. */
export async function savePool(session: PlanSession, label: string, edit: (plan: Plan) => Plan): Promise<boolean> {
  const outcome = await session.execute(poolCommand(label, edit), {
    done: ({ warnings }) => ({
      intent: warnings.length ? 'warning' : 'success',
      title: `${label}: saved to the Pool sheet`,
      details: warnings.map((p) => p.message),
    }),
  });
  return !!outcome;
}
