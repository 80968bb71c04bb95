import type { Plan } from '../../domain/plan';
import { PlanError, type Problem } from '../../domain/problems';
import { SHEET } from './assumptions/names';
import { findSheet, type WorkbookSnapshot } from '../snapshot';
import { importTemplate } from '../template/templateImport';
import { readPlan } from './planReader';

/**
 * A board's plan from any workbook it comes in: one the add-in built (read by its own readers), or
 * NHS England's planning template as the board filled it in. Throws PlanError, naming the cells,
 * when neither can be read.
 */
export function boardPlanFromWorkbook(snapshot: WorkbookSnapshot): { plan: Plan; problems: readonly Problem[] } {
  if (findSheet(snapshot, SHEET.assumptions) && findSheet(snapshot, SHEET.schemes)) return readPlan(snapshot);
  const imported = importTemplate(snapshot);
  if (!imported || !imported.plan.expenditure?.length)
    throw new PlanError([
      {
        severity: 'error',
        where: { sheet: snapshot.sheets[0]?.name ?? '(no sheets)', cell: 'A1' },
        message:
          "neither a workbook the add-in built nor a BCF planning template: no sheet has the template's expenditure lines (Scheme Name, Source of Funding, Expenditure columns)",
      },
    ]);
  if (imported.problems.some((p) => p.severity === 'error')) throw new PlanError(imported.problems);
  return { plan: imported.plan, problems: imported.problems };
}
